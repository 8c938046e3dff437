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
/// with every control character escaped (see [`C1Escaper`]).
pub fn to_json(article: &Article, pretty: bool) -> serde_json::Result<Vec<u8>> {
    let mut out = Vec::new();
    write_article(&mut out, article, pretty).map_err(serde_json::Error::io)?;
    Ok(out)
}

/// Streams one article's JSON to `out`, so a large article is never held
/// twice in memory (once as a model, once as text).
fn write_article<W: Write>(out: &mut W, article: &Article, pretty: bool) -> io::Result<()> {
    let view = ArticleJson::new(article);
    let mut w = C1Escaper::new(out);
    if pretty {
        serde_json::to_writer_pretty(&mut w, &view)?;
    } else {
        serde_json::to_writer(&mut w, &view)?;
    }
    w.finish()
}

/// Writes articles as JSON Lines.
pub fn write_jsonl<'a, W: Write>(
    out: &mut W,
    articles: impl IntoIterator<Item = &'a Article>,
    pretty: bool,
) -> io::Result<()> {
    for article in articles {
        write_article(out, article, pretty)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// serde_json escapes C0 controls but writes DEL and C1 controls (U+0080 to
/// U+009F) raw; a terminal may act on those, so this writer turns them into
/// `\u` escapes on the way out. JSON structure is ASCII, so these bytes can
/// only be inside strings. A C1 control is two bytes in UTF-8 (`C2 80`
/// to `C2 9F`) that may arrive in two writes, so a trailing `C2` waits for
/// the next byte.
struct C1Escaper<'w, W: Write> {
    out: &'w mut W,
    /// A `C2` byte not yet written.
    pending: bool,
}

impl<'w, W: Write> C1Escaper<'w, W> {
    fn new(out: &'w mut W) -> Self {
        C1Escaper {
            out,
            pending: false,
        }
    }

    /// Writes a `C2` still held back.
    fn finish(mut self) -> io::Result<()> {
        if std::mem::take(&mut self.pending) {
            self.out.write_all(&[0xC2])?;
        }
        Ok(())
    }
}

fn is_c1_tail(b: u8) -> bool {
    (0x80..=0x9F).contains(&b)
}

impl<W: Write> Write for C1Escaper<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.write_all(buf)?;
        Ok(buf.len())
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        let mut rest = buf;
        if self.pending {
            let Some(&first) = rest.first() else {
                return Ok(());
            };
            self.pending = false;
            if is_c1_tail(first) {
                write!(self.out, "\\u{first:04x}")?;
                rest = &rest[1..];
            } else {
                self.out.write_all(&[0xC2])?;
            }
        }
        // Plain runs are written as they are, in one call.
        while let Some(i) = memchr::memchr2(0x7F, 0xC2, rest) {
            self.out.write_all(&rest[..i])?;
            if rest[i] == 0x7F {
                self.out.write_all(b"\\u007f")?;
                rest = &rest[i + 1..];
                continue;
            }
            match rest.get(i + 1) {
                Some(&next) if is_c1_tail(next) => {
                    write!(self.out, "\\u{next:04x}")?;
                    rest = &rest[i + 2..];
                }
                Some(_) => {
                    self.out.write_all(&[0xC2])?;
                    rest = &rest[i + 1..];
                }
                None => {
                    self.pending = true;
                    return Ok(());
                }
            }
        }
        self.out.write_all(rest)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
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

    /// The escaper gives the same bytes however its input is split.
    #[test]
    fn escaping_survives_any_split() {
        let input = "x\u{7f}\u{c2}\u{85}\u{9b}é\u{c2}\u{80}y".as_bytes();
        let whole = {
            let mut out = Vec::new();
            let mut w = C1Escaper::new(&mut out);
            w.write_all(input).unwrap();
            w.finish().unwrap();
            out
        };
        assert_eq!(
            String::from_utf8(whole.clone()).unwrap(),
            "x\\u007f\u{c2}\\u0085\\u009bé\u{c2}\\u0080y"
        );
        for cut in 0..=input.len() {
            let mut out = Vec::new();
            let mut w = C1Escaper::new(&mut out);
            w.write_all(&input[..cut]).unwrap();
            w.write_all(&input[cut..]).unwrap();
            w.finish().unwrap();
            assert_eq!(out, whole, "split at {cut}");
        }
        let mut out = Vec::new();
        let mut w = C1Escaper::new(&mut out);
        w.write_all(&[b'a', 0xC2]).unwrap();
        w.finish().unwrap();
        assert_eq!(out, vec![b'a', 0xC2]);
    }
}
