//! Hand-made annotations for tests and benchmarks of the browser.
//!
//! The browser is designed against the model only; these helpers put
//! entities and quotes into articles without the recognisers, from a list
//! of names (tests) or a crude capitalised-words heuristic (benchmarks on
//! large generated corpora). Not used by the program itself.

use std::collections::HashMap;

use crate::model::{Article, Corpus, Entity, EntityKind, Mention, Quote, QuoteKind, Span, Speaker};

/// A name to mark in the text: every occurrence of `name` and each alias
/// becomes a mention.
pub struct Name<'a> {
    pub name: &'a str,
    pub kind: EntityKind,
    pub aliases: &'a [&'a str],
    pub titles: &'a [&'a str],
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-'
}

/// Occurrences of `needle` in `text` on word boundaries.
fn find_words(text: &str, needle: &str) -> Vec<Span> {
    let mut out = Vec::new();
    if needle.is_empty() {
        return out;
    }
    let mut from = 0;
    while let Some(i) = text.get(from..).and_then(|t| t.find(needle)) {
        let start = from + i;
        let end = start + needle.len();
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        if !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char) {
            out.push(Span::new(start, end));
        }
        from = end;
    }
    out
}

/// Replaces the article's entities and quotes: mentions of `names`, and
/// quotes found by [`find_quotes`].
pub fn annotate(article: &mut Article, names: &[Name]) {
    article.entities.clear();
    let mut taken: Vec<Span> = Vec::new();
    // Longest surface forms first, so "Volodymyr Zelensky" wins over "Zelensky".
    let mut forms: Vec<(usize, &str)> = names
        .iter()
        .enumerate()
        .flat_map(|(i, n)| {
            std::iter::once((i, n.name)).chain(n.aliases.iter().map(move |a| (i, *a)))
        })
        .collect();
    forms.sort_by_key(|(_, f)| std::cmp::Reverse(f.len()));
    let mut mentions: Vec<Vec<Span>> = vec![Vec::new(); names.len()];
    for (i, form) in forms {
        for s in find_words(&article.text, form) {
            if !taken.iter().any(|t| t.overlaps(s)) {
                taken.push(s);
                mentions[i].push(s);
            }
        }
    }
    for (i, n) in names.iter().enumerate() {
        if mentions[i].is_empty() {
            continue;
        }
        let mut m = std::mem::take(&mut mentions[i]);
        m.sort();
        article.entities.push(Entity {
            id: article.entities.len(),
            name: n.name.to_owned(),
            kind: n.kind,
            titles: n.titles.iter().map(|s| s.to_string()).collect(),
            aliases: n.aliases.iter().map(|s| s.to_string()).collect(),
            mentions: m,
        });
    }
    article.index_mentions();
    article.quotes = find_quotes(article);
}

/// Marks capitalised word runs as entities (two or more words: a person;
/// one all-caps word: an organisation; other single words not starting a
/// sentence: a place). Crude, deterministic, linear: enough to give a
/// benchmark corpus realistic numbers of names and quotes.
pub fn auto_annotate(article: &mut Article) {
    let text = &article.text;
    let mut found: Vec<(Span, String)> = Vec::new();
    let mut run: Option<(usize, usize, usize)> = None; // start, end, words
    let mut sentence_start = true;
    let mut words = text.split_ascii_whitespace().map(|w| {
        let start = w.as_ptr() as usize - text.as_ptr() as usize;
        (start, w)
    });
    let flush = |run: &mut Option<(usize, usize, usize)>, found: &mut Vec<(Span, String)>| {
        if let Some((s, e, n)) = run.take() {
            let t = &text[s..e];
            if n >= 2 || t.len() > 2 {
                found.push((Span::new(s, e), t.to_owned()));
            }
        }
    };
    for (start, w) in &mut words {
        let lead = w.len() - w.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
        let core = w.trim_matches(|c: char| !c.is_alphanumeric());
        let capital = core.chars().next().is_some_and(char::is_uppercase) && core.len() > 1;
        if capital && !(sentence_start && run.is_none()) {
            let s = start + lead;
            let e = s + core.len();
            run = Some(match run {
                Some((rs, _, n)) => (rs, e, n + 1),
                None => (s, e, 1),
            });
            // Punctuation after the word ends the run.
            if core.len() + lead < w.len() {
                flush(&mut run, &mut found);
            }
        } else {
            flush(&mut run, &mut found);
        }
        sentence_start = w
            .trim_end_matches(['”', '"', '’', '\''])
            .ends_with(['.', '!', '?', ':']);
    }
    flush(&mut run, &mut found);
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut entities: Vec<Entity> = Vec::new();
    for (span, name) in found {
        let id = *ids.entry(name.clone()).or_insert_with(|| {
            let words = name.split_whitespace().count();
            let kind = if words >= 2 {
                EntityKind::Person
            } else if name.chars().all(|c| !c.is_lowercase()) {
                EntityKind::Organization
            } else {
                EntityKind::Place
            };
            entities.push(Entity {
                id: entities.len(),
                name: name.clone(),
                kind,
                titles: Vec::new(),
                aliases: Vec::new(),
                mentions: Vec::new(),
            });
            entities.len() - 1
        });
        entities[id].mentions.push(span);
    }
    article.entities = entities;
    article.index_mentions();
    article.quotes = find_quotes(article);
}

/// Quotation-mark pairs within a paragraph (curly, or straight alternating).
/// A quote that opens a paragraph or follows `. ` or `: ` is direct, else
/// partial. The speaker is the nearest person mention after the closing
/// mark in the same sentence-ish window, else the last one before it.
pub fn find_quotes(article: &Article) -> Vec<Quote> {
    let text = &article.text;
    let mut quotes = Vec::new();
    for p in &article.paragraphs {
        let para = p.span;
        let Some(pt) = text.get(para.range()) else {
            continue;
        };
        // (byte of the opening mark, first byte inside it)
        let mut open: Option<(usize, usize)> = None;
        for (i, c) in pt.char_indices() {
            let pos = para.start + i;
            match (c, open) {
                ('“', _) | ('"', None) => open = Some((pos, pos + c.len_utf8())),
                ('”', Some((mark, o))) | ('"', Some((mark, o))) => {
                    open = None;
                    let span = Span::new(o, pos).trim(text);
                    if span.is_empty() {
                        continue;
                    }
                    let before = text[para.start..mark].trim_end();
                    let direct =
                        before.is_empty() || before.ends_with(['.', ':', '!', '?', '”', '"']);
                    let kind = if direct {
                        QuoteKind::Direct
                    } else {
                        QuoteKind::Partial
                    };
                    let speaker = speaker_near(article, para, mark, pos + c.len_utf8());
                    quotes.push(Quote {
                        span,
                        kind,
                        speaker,
                        cue: None,
                    });
                }
                _ => {}
            }
        }
    }
    quotes
}

fn speaker_near(article: &Article, para: Span, open: usize, close: usize) -> Option<Speaker> {
    let is_person = |m: &&Mention| {
        article
            .entities
            .get(m.entity)
            .is_some_and(|e| e.kind == EntityKind::Person)
    };
    let after = Span::new(close, (close + 40).min(para.end));
    let before = Span::new(para.start, open);
    article
        .mentions_in(after)
        .iter()
        .find(is_person)
        .or_else(|| article.mentions_in(before).iter().rev().find(is_person))
        .map(|m| Speaker {
            span: m.span,
            entity: Some(m.entity),
        })
}

/// A small corpus of sentences written for these tests, with its names.
pub fn small_corpus() -> Corpus {
    let docs: [(&str, &str); 3] = [
        (
            "talks.txt",
            "Talks resume in Geneva\n\n\
             “We are ready to talk,” Volodymyr Zelensky said on Monday.\n\n\
             Marco Rubio told reporters the draft was “a starting point” for both sides.\n\n\
             “Nothing is agreed until everything is agreed,” Rubio added. “We will keep working.”\n",
        ),
        (
            "weather.txt",
            "Storm reaches the coast\n\n\
             Heavy rain fell across the region overnight.\n\n\
             Maroš Šefčovič postponed his visit to the port.\n",
        ),
        (
            "summit.txt",
            "Leaders meet in Brussels\n\n\
             Volodymyr Zelensky arrived in Brussels on Tuesday.\n\n\
             “Europe stands with Ukraine,” Ursula von der Leyen said.\n\n\
             Zelensky thanked the hosts.\n",
        ),
    ];
    let names = small_names();
    let articles = docs
        .iter()
        .map(|(src, text)| {
            let mut a = crate::parse::parse_text(src, text);
            annotate(&mut a, &names);
            a
        })
        .collect();
    Corpus::new(articles)
}

pub fn small_names() -> Vec<Name<'static>> {
    vec![
        Name {
            name: "Volodymyr Zelensky",
            kind: EntityKind::Person,
            aliases: &["Zelensky"],
            titles: &["Ukrainian President"],
        },
        Name {
            name: "Marco Rubio",
            kind: EntityKind::Person,
            aliases: &["Rubio"],
            titles: &["Secretary of State"],
        },
        Name {
            name: "Maroš Šefčovič",
            kind: EntityKind::Person,
            aliases: &[],
            titles: &["EU trade commissioner"],
        },
        Name {
            name: "Ursula von der Leyen",
            kind: EntityKind::Person,
            aliases: &[],
            titles: &[],
        },
        Name {
            name: "Geneva",
            kind: EntityKind::Place,
            aliases: &[],
            titles: &[],
        },
        Name {
            name: "Brussels",
            kind: EntityKind::Place,
            aliases: &[],
            titles: &[],
        },
        Name {
            name: "Ukraine",
            kind: EntityKind::Place,
            aliases: &[],
            titles: &[],
        },
        Name {
            name: "Europe",
            kind: EntityKind::Place,
            aliases: &[],
            titles: &[],
        },
    ]
}

/// Names in `sample/white-house-briefing-ukraine-peace-plan.txt`.
pub fn white_house_names() -> Vec<Name<'static>> {
    let p = |name, aliases, titles| Name {
        name,
        kind: EntityKind::Person,
        aliases,
        titles,
    };
    let place = |name| Name {
        name,
        kind: EntityKind::Place,
        aliases: &[],
        titles: &[],
    };
    vec![
        p(
            "Karoline Leavitt",
            &["Leavitt"],
            &["White House press secretary"],
        ),
        p(
            "Volodymyr Zelensky",
            &["Zelensky"],
            &["Ukrainian President"],
        ),
        p("Marco Rubio", &["Rubio"], &["Secretary of State"]),
        p("Steve Witkoff", &["Witkoff"], &["Special Envoy"]),
        p("Dan Driscoll", &["Driscoll"], &["Army Secretary"]),
        p("Donald Trump", &["Trump"], &["President"]),
        p("Randy George", &[], &["Army chief of staff"]),
        Name {
            name: "White House",
            kind: EntityKind::Organization,
            aliases: &[],
            titles: &[],
        },
        Name {
            name: "Coalition of the Willing",
            kind: EntityKind::Organization,
            aliases: &[],
            titles: &[],
        },
        place("Ukraine"),
        place("Russia"),
        place("Kyiv"),
        place("Europe"),
        place("United States"),
    ]
}

/// The bundled sample corpus with hand-placed names in the White House
/// article and heuristic ones elsewhere (stable whatever the recognisers do).
pub fn sample_corpus() -> Corpus {
    let dir = std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/sample"));
    let loaded = crate::input::load(&[dir], &crate::input::LoadOptions::default());
    let mut articles = crate::parse::parse_all(loaded.documents);
    let names = white_house_names();
    for a in &mut articles {
        if a.source.contains("white-house") {
            annotate(a, &names);
        } else {
            auto_annotate(a);
        }
    }
    Corpus::new(articles)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_corpus_has_the_expected_annotations() {
        let c = small_corpus();
        let talks = &c.articles[0];
        assert_eq!(talks.quotes.len(), 4);
        assert_eq!(talks.quotes[0].kind, QuoteKind::Direct);
        assert_eq!(talks.quotes[1].kind, QuoteKind::Partial);
        let names: Vec<&str> = talks
            .quotes
            .iter()
            .map(|q| talks.speaker_name(&q.speaker.unwrap()))
            .collect();
        assert_eq!(
            names,
            [
                "Volodymyr Zelensky",
                "Marco Rubio",
                "Marco Rubio",
                "Marco Rubio"
            ]
        );
        assert!(c.articles[1].quotes.is_empty());
        let z = c
            .entities
            .iter()
            .find(|e| e.name == "Volodymyr Zelensky")
            .unwrap();
        assert_eq!(z.article_count(), 2);
        assert_eq!(z.mention_count, 3);
    }

    #[test]
    fn auto_annotation_finds_names_and_quotes() {
        let mut a = crate::parse::parse_text(
            "x.txt",
            "Headline here\n\nThe minister Anna Berg met NATO officials in Oslo. “It went well,” Anna Berg said.\n",
        );
        auto_annotate(&mut a);
        let names: Vec<&str> = a.entities.iter().map(|e| e.name.as_str()).collect();
        assert!(names.contains(&"Anna Berg"), "{names:?}");
        assert!(names.contains(&"NATO"));
        assert!(names.contains(&"Oslo"));
        assert_eq!(a.quotes.len(), 1);
        assert_eq!(a.speaker_name(&a.quotes[0].speaker.unwrap()), "Anna Berg");
    }
}
