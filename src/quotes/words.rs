//! A paragraph as tokens: words, punctuation, and each quoted run as one
//! opaque token, so attribution patterns are matched on the writer's own
//! words only.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::lexicon;
use crate::model::Span;

use super::marks::Run;

static ABBREVIATIONS: &str = include_str!("../../data/abbreviations.txt");

static TITLES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| lexicon::section(ABBREVIATIONS, "title").collect());

/// Words that keep their final period ("Mr.", "Jr.", "Sept.").
static ABBREVS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    lexicon::section(ABBREVIATIONS, "title")
        .chain(lexicon::section(ABBREVIATIONS, "final"))
        .collect()
});

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Punct(char),
    /// A quoted run: the index into the paragraph's runs.
    Quote(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: Kind,
    /// Ends a sentence (a final `.?!` not followed by a lower-case word, or
    /// a quote whose words end one).
    pub ends_sentence: bool,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }

    pub fn quote(&self) -> Option<usize> {
        match self.kind {
            Kind::Quote(i) => Some(i),
            _ => None,
        }
    }
}

fn joins_word(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '.' | '&')
}

/// Tokens of `para`, with the runs (sorted, non-overlapping) as single
/// tokens and markup tags skipped.
pub fn tokenize(text: &str, para: Span, runs: &[Run], tags: &[Span]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut pos = para.start;
    let mut next_run = 0;
    let mut next_tag = 0;
    let s = &text[..para.end];
    while pos < para.end {
        while next_run < runs.len() && runs[next_run].open.start < pos {
            next_run += 1;
        }
        if let Some(r) = runs.get(next_run).filter(|r| r.open.start == pos) {
            let outer = r.outer(para);
            out.push(Token {
                span: outer,
                kind: Kind::Quote(next_run),
                ends_sentence: false,
            });
            pos = outer.end.max(pos + 1);
            pos = ceil_char(s, pos);
            next_run += 1;
            continue;
        }
        while next_tag < tags.len() && tags[next_tag].end <= pos {
            next_tag += 1;
        }
        if let Some(t) = tags.get(next_tag).filter(|t| t.start == pos) {
            pos = t.end;
            next_tag += 1;
            continue;
        }
        let Some(c) = s[pos..].chars().next() else {
            break;
        };
        if c.is_whitespace() {
            pos += c.len_utf8();
            continue;
        }
        let stop = stop_at(runs, next_run, tags, next_tag, para.end);
        if c.is_alphanumeric() {
            let end = word_end(s, pos, stop);
            out.push(Token {
                span: Span::new(pos, end),
                kind: Kind::Word,
                ends_sentence: false,
            });
            pos = end;
        } else {
            out.push(Token {
                span: Span::new(pos, pos + c.len_utf8()),
                kind: Kind::Punct(c),
                ends_sentence: false,
            });
            pos += c.len_utf8();
        }
    }
    mark_sentence_ends(text, runs, &mut out);
    out
}

fn ceil_char(s: &str, mut pos: usize) -> usize {
    while pos < s.len() && !s.is_char_boundary(pos) {
        pos += 1;
    }
    pos.min(s.len())
}

/// Where the next run or tag starts (a word may not run into it).
fn stop_at(runs: &[Run], r: usize, tags: &[Span], t: usize, end: usize) -> usize {
    let a = runs.get(r).map_or(end, |r| r.open.start);
    let b = tags.get(t).map_or(end, |t| t.start);
    a.min(b).min(end)
}

fn word_end(s: &str, start: usize, stop: usize) -> usize {
    let mut end = start;
    let mut chars = s[start..stop].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_alnum = chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || (joins_word(c) && next_alnum) {
            end = start + i + c.len_utf8();
        } else {
            break;
        }
    }
    // A final period belongs to initials, initialisms and abbreviations.
    if s[end..stop].starts_with('.') {
        let word = &s[start..end];
        let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        if initial || word.contains('.') || ABBREVS.contains(word) {
            end += 1;
        }
    }
    end
}

/// A title abbreviation that never ends a sentence ("Mr.", "Gen.").
fn is_title(word: &str) -> bool {
    TITLES.contains(word.trim_end_matches('.'))
}

fn mark_sentence_ends(text: &str, runs: &[Run], toks: &mut [Token]) {
    for i in 0..toks.len() {
        let next = toks.get(i + 1);
        let next_opens = next.is_none_or(|n| match n.kind {
            Kind::Word => n
                .span
                .text(text)
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()),
            Kind::Quote(_) => true,
            Kind::Punct(c) => matches!(c, '(' | '[' | '—' | '-' | '–'),
        });
        toks[i].ends_sentence = match toks[i].kind {
            Kind::Punct(c) => matches!(c, '.' | '?' | '!' | '…') && next_opens,
            Kind::Quote(r) => {
                let inner = runs.get(r).map_or("", |r| r.inner.text(text));
                inner.ends_with(['.', '?', '!', '…']) && next_opens && next.is_some()
            }
            // `in the U.S. He said`: an abbreviation that can end a
            // sentence does, before a capitalised pronoun or article.
            Kind::Word => {
                let w = toks[i].span.text(text);
                let opener = next.is_some_and(|n| {
                    n.is_word()
                        && matches!(
                            n.span.text(text),
                            "He" | "She"
                                | "They"
                                | "It"
                                | "The"
                                | "We"
                                | "I"
                                | "But"
                                | "And"
                                | "In"
                                | "A"
                        )
                });
                w.ends_with('.')
                    && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && !is_title(w)
                    && opener
            }
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_possessives_initials_and_abbreviations() {
        let text = "Mr. J.D. Vance’s aide, Gen. Smith Jr. spoke.";
        let toks = tokenize(text, Span::new(0, text.len()), &[], &[]);
        let words: Vec<&str> = toks.iter().map(|t| t.span.text(text)).collect();
        assert_eq!(
            words,
            vec![
                "Mr.",
                "J.D.",
                "Vance’s",
                "aide",
                ",",
                "Gen.",
                "Smith",
                "Jr.",
                "spoke",
                "."
            ]
        );
        assert!(toks.last().is_some_and(|t| t.ends_sentence));
    }
}
