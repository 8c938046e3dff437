//! The `byline parse` output contract (schema 1): a serde view of the model
//! with character offsets. See `shared/spec/parse-jsonl.md` in the project's
//! workspace, summarised in the README.

use std::io::{self, Write};

use serde::Serialize;

use crate::model::{Article, CharIndex, EntityKind, QuoteKind, Span};

pub const SCHEMA: u32 = 1;

#[derive(Serialize)]
pub struct ArticleJson<'a> {
    pub schema: u32,
    pub source: &'a str,
    pub title: Option<&'a str>,
    pub text: &'a str,
    pub paragraphs: Vec<[usize; 2]>,
    pub entities: Vec<EntityJson<'a>>,
    pub quotes: Vec<QuoteJson>,
}

#[derive(Serialize)]
pub struct EntityJson<'a> {
    pub id: usize,
    pub name: &'a str,
    pub kind: EntityKind,
    pub titles: &'a [String],
    pub aliases: &'a [String],
    pub mentions: Vec<[usize; 2]>,
}

#[derive(Serialize)]
pub struct QuoteJson {
    pub start: usize,
    pub end: usize,
    pub kind: QuoteKind,
    pub speaker: Option<SpeakerJson>,
    pub cue: Option<RangeJson>,
}

#[derive(Serialize)]
pub struct SpeakerJson {
    pub start: usize,
    pub end: usize,
    pub entity: Option<usize>,
}

#[derive(Serialize)]
pub struct RangeJson {
    pub start: usize,
    pub end: usize,
}

impl<'a> ArticleJson<'a> {
    pub fn new(article: &'a Article) -> Self {
        let text = article.text.as_str();
        let index = CharIndex::new(text);
        let pair = |s: Span| {
            [
                index.char_offset(text, s.start),
                index.char_offset(text, s.end),
            ]
        };
        ArticleJson {
            schema: SCHEMA,
            source: &article.source,
            title: article.title.as_deref(),
            text,
            paragraphs: article.paragraphs.iter().map(|p| pair(p.span)).collect(),
            entities: article
                .entities
                .iter()
                .map(|e| EntityJson {
                    id: e.id,
                    name: &e.name,
                    kind: e.kind,
                    titles: &e.titles,
                    aliases: &e.aliases,
                    mentions: e.mentions.iter().map(|&m| pair(m)).collect(),
                })
                .collect(),
            quotes: article
                .quotes
                .iter()
                .map(|q| {
                    let [start, end] = pair(q.span);
                    QuoteJson {
                        start,
                        end,
                        kind: q.kind,
                        speaker: q.speaker.map(|s| {
                            let [start, end] = pair(s.span);
                            SpeakerJson {
                                start,
                                end,
                                entity: s.entity,
                            }
                        }),
                        cue: q.cue.map(|c| {
                            let [start, end] = pair(c);
                            RangeJson { start, end }
                        }),
                    }
                })
                .collect(),
        }
    }
}

/// Serialises one article as one line of JSON (or indented with `pretty`),
/// with every control character escaped (see [`escape_c1_and_del`]).
pub fn to_json(article: &Article, pretty: bool) -> serde_json::Result<Vec<u8>> {
    let view = ArticleJson::new(article);
    let bytes = if pretty {
        serde_json::to_vec_pretty(&view)?
    } else {
        serde_json::to_vec(&view)?
    };
    Ok(escape_c1_and_del(bytes))
}

/// Writes articles as JSON Lines.
pub fn write_jsonl<'a, W: Write>(
    out: &mut W,
    articles: impl IntoIterator<Item = &'a Article>,
    pretty: bool,
) -> io::Result<()> {
    for article in articles {
        let line = to_json(article, pretty).map_err(io::Error::other)?;
        out.write_all(&line)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// serde_json escapes C0 controls but writes DEL and C1 controls (U+0080 to
/// U+009F) raw; a terminal may act on those, so they become `\u` escapes.
/// JSON structure is ASCII, so these bytes can only be inside strings.
fn escape_c1_and_del(bytes: Vec<u8>) -> Vec<u8> {
    let needs = bytes
        .windows(2)
        .any(|w| w[0] == 0x7F || (w[0] == 0xC2 && (0x80..=0x9F).contains(&w[1])))
        || bytes.last() == Some(&0x7F);
    if !needs {
        return bytes;
    }
    let mut out = Vec::with_capacity(bytes.len() + 16);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == 0x7F {
            out.extend_from_slice(b"\\u007f");
            i += 1;
        } else if b == 0xC2 && bytes.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)) {
            out.extend_from_slice(format!("\\u{:04x}", bytes[i + 1]).as_bytes());
            i += 2;
        } else {
            out.push(b);
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped() {
        let article = Article::new("x", None, "a\u{1b}[31m\u{7f}\u{9b}b".into());
        let json = String::from_utf8(to_json(&article, false).unwrap()).unwrap();
        assert!(
            json.contains(r#""text":"a\u001b[31m\u007f\u009bb""#),
            "{json}"
        );
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["text"], "a\u{1b}[31m\u{7f}\u{9b}b");
    }
}
