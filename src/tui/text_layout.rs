//! Wraps an article to a pane width, by hand, so that the row every byte
//! lands on is known: quote and mention jumps scroll to exact rows.
//!
//! The result holds byte ranges only, no styles: styles change with the
//! selection, the wrap only with the article and the width, so wraps are
//! cached per (article, width) and styled when drawn, visible rows only.

use std::collections::VecDeque;
use std::rc::Rc;

use crate::model::{Article, QuoteKind, Role};

use super::sanitize::{char_width, str_width};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Original text, `start..end` bytes (drawn through the sanitizer).
    Text { start: usize, end: usize },
    /// The dim `— Speaker` after direct quote `quote`.
    Speaker { quote: usize, text: String },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub pieces: Vec<Piece>,
    /// Byte offset where the row starts (for blank rows, the end of the
    /// paragraph before); never decreases from one row to the next.
    pub start: usize,
    pub role: Role,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wrapped {
    pub width: usize,
    pub rows: Vec<Row>,
}

impl Wrapped {
    /// The row holding byte `pos`.
    pub fn row_of(&self, pos: usize) -> usize {
        self.rows
            .partition_point(|r| r.start <= pos)
            .saturating_sub(1)
    }

    /// First and last rows of a quote, including its speaker tag when that
    /// was wrapped onto a row of its own.
    pub fn quote_rows(&self, article: &Article, quote: usize) -> (usize, usize) {
        let Some(q) = article.quotes.get(quote) else {
            return (0, 0);
        };
        let first = self.row_of(q.span.start);
        let mut last = self.row_of(q.span.end.saturating_sub(1).max(q.span.start));
        if let Some(Piece::Speaker { quote: qi, .. }) =
            self.rows.get(last + 1).and_then(|r| r.pieces.first())
            && *qi == quote
        {
            last += 1;
        }
        (first, last.max(first))
    }

    /// The byte of the article text drawn at column `col` of row `row`
    /// (None on blank cells and speaker tags): for mouse clicks.
    pub fn byte_at(&self, text: &str, row: usize, col: usize) -> Option<usize> {
        let mut x = 0;
        for piece in &self.rows.get(row)?.pieces {
            match piece {
                Piece::Text { start, end } => {
                    for (i, c) in text.get(*start..*end)?.char_indices() {
                        let w = char_width(c);
                        if col < x + w.max(1) {
                            return Some(start + i);
                        }
                        x += w;
                    }
                }
                Piece::Speaker { text: t, .. } => {
                    x += str_width(t);
                    if col < x {
                        return None;
                    }
                }
            }
        }
        None
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// Closing quotation marks a speaker tag goes after.
fn is_closing_mark(c: char) -> bool {
    matches!(c, '”' | '"' | '’' | '\'' | '»' | '«' | '“' | '„')
}

/// Byte offset just past the closing mark of a direct quote ending at `end`
/// (the quote span excludes its marks; a comma or full stop may sit inside).
fn after_closing_mark(text: &str, end: usize) -> usize {
    let rest = text.get(end..).unwrap_or("");
    let mut pos = end;
    for (i, c) in rest.char_indices().take(3) {
        if is_closing_mark(c) {
            return end + i + c.len_utf8();
        }
        if !matches!(c, ',' | '.' | '!' | '?' | ';' | ':') {
            break;
        }
        pos = end + i + c.len_utf8();
    }
    pos.max(end)
}

enum Token {
    Word {
        start: usize,
        end: usize,
        width: usize,
    },
    Tag {
        quote: usize,
        text: String,
        width: usize,
    },
}

/// Splits a paragraph into words, keeping each word's leading gap width, with
/// speaker tags after the words that close direct quotes.
fn tokens(
    article: &Article,
    start: usize,
    end: usize,
    tags: &[(usize, usize, String)],
) -> Vec<(usize, Token)> {
    let text = &article.text;
    let mut out = Vec::new();
    let mut tag_i = tags.partition_point(|t| t.0 < start);
    let mut gap = 0usize;
    let mut word: Option<(usize, usize)> = None; // (start, width)
    let push_word =
        |out: &mut Vec<(usize, Token)>, ws: usize, we: usize, w: usize, gap: &mut usize| {
            out.push((
                *gap,
                Token::Word {
                    start: ws,
                    end: we,
                    width: w,
                },
            ));
            *gap = 0;
        };
    for (i, c) in text[start..end].char_indices() {
        let pos = start + i;
        // A tag attaches where its quote's closing mark ends.
        while let Some((at, quote, name)) = tags.get(tag_i) {
            if *at > pos {
                break;
            }
            if let Some((ws, w)) = word.take() {
                push_word(&mut out, ws, pos, w, &mut gap);
            }
            out.push((1, tag_token(*quote, name)));
            gap = 0;
            tag_i += 1;
        }
        if c.is_whitespace() {
            if let Some((ws, w)) = word.take() {
                push_word(&mut out, ws, pos, w, &mut gap);
            }
            gap += char_width(c);
        } else {
            let w = char_width(c);
            match &mut word {
                Some((_, ww)) => *ww += w,
                None => word = Some((pos, w)),
            }
        }
    }
    if let Some((ws, w)) = word.take() {
        push_word(&mut out, ws, end, w, &mut gap);
    }
    while let Some((at, quote, name)) = tags.get(tag_i) {
        if *at > end {
            break;
        }
        out.push((1, tag_token(*quote, name)));
        tag_i += 1;
    }
    out
}

struct LineBuilder {
    rows: Vec<Row>,
    pieces: Vec<Piece>,
    used: usize,
    start: usize,
    role: Role,
}

impl LineBuilder {
    fn flush(&mut self) {
        let pieces = std::mem::take(&mut self.pieces);
        self.rows.push(Row {
            pieces,
            start: self.start,
            role: self.role,
        });
        self.used = 0;
    }

    /// Adds text `start..end`, merged into the previous piece when it
    /// continues it (gap included), so a row is usually one piece.
    fn text(&mut self, gap_from: usize, start: usize, end: usize, width: usize) {
        if self.pieces.is_empty() {
            self.start = start;
        }
        match self.pieces.last_mut() {
            Some(Piece::Text { end: e, .. }) if *e == gap_from => *e = end,
            _ => self.pieces.push(Piece::Text {
                start: gap_from,
                end,
            }),
        }
        self.used += width;
    }
}

/// The dim `— Speaker` token placed after direct quote `quote`.
fn tag_token(quote: usize, name: &str) -> Token {
    let text = format!("— {name}");
    let width = str_width(&text);
    Token::Tag { quote, text, width }
}

/// Whether the text next to a quote already names its speaker as resolved
/// (`“…,” Leavitt said` for Karoline Leavitt), so a tag would only repeat
/// it. Pronouns and descriptions ("she", "the press secretary") keep theirs.
fn names_itself(article: &Article, q: &crate::model::Quote) -> bool {
    const NEAR: usize = 40;
    let Some(s) = q.speaker else {
        return false;
    };
    let Some(entity) = s.entity.and_then(|id| article.entities.get(id)) else {
        return false;
    };
    let written = article.slice(s.span);
    let near = (s.span.start >= q.span.end && s.span.start - q.span.end <= NEAR)
        || (s.span.end <= q.span.start && q.span.start - s.span.end <= NEAR);
    near && written.chars().next().is_some_and(char::is_uppercase) && entity.name.contains(written)
}

/// Wraps `article` to `width` columns (at least 1).
pub fn wrap(article: &Article, width: usize) -> Wrapped {
    let width = width.max(1);
    let text = &article.text;
    // Speaker tags after direct quotes, in text order: (byte, quote, name).
    let mut tags: Vec<(usize, usize, String)> = article
        .quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| q.kind == QuoteKind::Direct)
        .filter_map(|(i, q)| {
            let s = q.speaker?;
            if names_itself(article, q) {
                return None;
            }
            let name = super::sanitize::clean(article.speaker_name(&s)).into_owned();
            (!name.trim().is_empty()).then(|| (after_closing_mark(text, q.span.end), i, name))
        })
        .collect();
    tags.sort_by_key(|t| (t.0, t.1));

    let mut lb = LineBuilder {
        rows: Vec::new(),
        pieces: Vec::new(),
        used: 0,
        start: 0,
        role: Role::Body,
    };
    for (pi, p) in article.paragraphs.iter().enumerate() {
        let span = p.span.trim(text);
        if text.get(span.range()).is_none() {
            continue;
        }
        if pi > 0 && !lb.rows.is_empty() {
            lb.role = p.role;
            lb.start = lb
                .rows
                .last()
                .map_or(0, |r| r.start)
                .max(span.start.saturating_sub(1));
            lb.flush();
        }
        lb.role = p.role;
        lb.start = span.start;
        let mut prev_end = span.start;
        for (gap, tok) in tokens(article, span.start, span.end, &tags) {
            match tok {
                Token::Word {
                    start,
                    end,
                    width: w,
                } => {
                    let fits = lb.used + gap + w <= width;
                    if !lb.pieces.is_empty() && fits {
                        lb.text(prev_end, start, end, gap + w);
                    } else {
                        if !lb.pieces.is_empty() {
                            lb.flush();
                        }
                        if w <= width {
                            lb.text(start, start, end, w);
                        } else {
                            // Longer than a row: cut at char boundaries.
                            let mut s = start;
                            let mut used = 0;
                            for (i, c) in text[start..end].char_indices() {
                                let cw = char_width(c);
                                if used + cw > width && used > 0 {
                                    lb.text(s, s, start + i, used);
                                    lb.flush();
                                    s = start + i;
                                    used = 0;
                                }
                                used += cw;
                            }
                            lb.text(s, s, end, used);
                        }
                    }
                    prev_end = end;
                }
                Token::Tag {
                    quote,
                    text: t,
                    width: w,
                } => {
                    if !lb.pieces.is_empty() && lb.used + 1 + w <= width {
                        lb.pieces.push(Piece::Speaker {
                            quote,
                            text: format!(" {t}"),
                        });
                        lb.used += 1 + w;
                    } else {
                        if !lb.pieces.is_empty() {
                            lb.flush();
                        }
                        lb.start = prev_end;
                        let t = if w > width {
                            super::sanitize::truncate(&t, width)
                        } else {
                            t
                        };
                        lb.pieces.push(Piece::Speaker { quote, text: t });
                        lb.used = w.min(width);
                    }
                }
            }
        }
        if !lb.pieces.is_empty() {
            lb.flush();
        }
    }
    Wrapped {
        width,
        rows: lb.rows,
    }
}

/// A few recent wraps; switching back and forth between articles or widths
/// costs nothing.
pub struct WrapCache {
    entries: VecDeque<((usize, usize), Rc<Wrapped>)>,
}

const CACHE_SIZE: usize = 16;

impl Default for WrapCache {
    fn default() -> Self {
        WrapCache {
            entries: VecDeque::with_capacity(CACHE_SIZE),
        }
    }
}

impl WrapCache {
    pub fn get(&mut self, index: usize, article: &Article, width: usize) -> Rc<Wrapped> {
        let key = (index, width.max(1));
        if let Some(pos) = self.entries.iter().position(|(k, _)| *k == key)
            && let Some(e) = self.entries.remove(pos)
        {
            let w = Rc::clone(&e.1);
            self.entries.push_front(e);
            return w;
        }
        let w = Rc::new(wrap(article, width));
        if self.entries.len() == CACHE_SIZE {
            self.entries.pop_back();
        }
        self.entries.push_front((key, Rc::clone(&w)));
        w
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entity, EntityKind, Paragraph, Quote, Span, Speaker};

    fn article(paras: &[(&str, Role)]) -> Article {
        let mut text = String::new();
        let mut paragraphs = Vec::new();
        for (p, role) in paras {
            let start = text.len();
            text.push_str(p);
            paragraphs.push(Paragraph {
                span: Span::new(start, text.len()),
                role: *role,
            });
            text.push('\n');
        }
        let mut a = Article::new("t.txt", None, text);
        a.paragraphs = paragraphs;
        a
    }

    fn row_texts(a: &Article, w: &Wrapped) -> Vec<String> {
        w.rows
            .iter()
            .map(|r| {
                r.pieces
                    .iter()
                    .map(|p| match p {
                        Piece::Text { start, end } => a.text[*start..*end].to_owned(),
                        Piece::Speaker { text, .. } => text.clone(),
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn wraps_at_word_boundaries_with_blank_rows_between_paragraphs() {
        let a = article(&[
            ("A short headline", Role::Headline),
            ("one two three four five", Role::Body),
        ]);
        let w = wrap(&a, 10);
        assert_eq!(
            row_texts(&a, &w),
            vec!["A short", "headline", "", "one two", "three four", "five"]
        );
        for r in &w.rows {
            assert!(r.pieces.iter().all(|p| match p {
                Piece::Text { start, end } => str_width(&a.text[*start..*end]) <= 10,
                _ => true,
            }));
        }
        assert_eq!(w.rows[0].role, Role::Headline);
        assert_eq!(w.rows[4].role, Role::Body);
    }

    #[test]
    fn row_of_finds_the_row_of_every_byte() {
        let a = article(&[
            ("alpha beta gamma delta epsilon", Role::Body),
            ("zeta eta", Role::Body),
        ]);
        let w = wrap(&a, 11);
        let texts = row_texts(&a, &w);
        for word in ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta"] {
            let pos = a.text.find(word).unwrap();
            let row = w.row_of(pos);
            assert!(
                texts[row].contains(word),
                "{word} not on row {row}: {texts:?}"
            );
        }
    }

    #[test]
    fn byte_at_inverts_the_layout() {
        let a = article(&[("日本 ab", Role::Body)]);
        let w = wrap(&a, 20);
        assert_eq!(w.byte_at(&a.text, 0, 0), Some(0));
        assert_eq!(w.byte_at(&a.text, 0, 1), Some(0));
        assert_eq!(w.byte_at(&a.text, 0, 2), Some(3));
        assert_eq!(w.byte_at(&a.text, 0, 5), Some(7));
        assert_eq!(w.byte_at(&a.text, 0, 6), Some(8));
        assert_eq!(w.byte_at(&a.text, 0, 7), None);
        assert_eq!(w.byte_at(&a.text, 5, 0), None);
    }

    #[test]
    fn wide_and_combining_characters_are_measured() {
        let a = article(&[("日本語 テキスト e\u{301}e\u{301}e\u{301}", Role::Body)]);
        let w = wrap(&a, 8);
        let texts = row_texts(&a, &w);
        assert_eq!(
            texts,
            vec!["日本語", "テキスト", "e\u{301}e\u{301}e\u{301}"]
        );
    }

    #[test]
    fn long_words_are_cut_on_char_boundaries() {
        let a = article(&[("ŠŠŠŠŠŠŠŠŠŠ", Role::Body)]);
        let w = wrap(&a, 4);
        assert_eq!(row_texts(&a, &w), vec!["ŠŠŠŠ", "ŠŠŠŠ", "ŠŠ"]);
    }

    #[test]
    fn tiny_widths_do_not_panic() {
        let a = article(&[("日本 x", Role::Body)]);
        for width in 0..4 {
            let w = wrap(&a, width);
            assert!(!w.is_empty());
        }
    }

    /// One paragraph with the direct quote "We are ready," attributed to the
    /// words `speaker`, resolved to Volodymyr Zelensky.
    fn quoted(text: &str, speaker: &str) -> Article {
        let mut a = article(&[(text, Role::Body)]);
        let qs = a.text.find("We").unwrap();
        let qe = a.text.find(",”").unwrap() + 1;
        let ns = a.text.find(speaker).unwrap();
        let name = Span::new(ns, ns + speaker.len());
        a.entities.push(Entity {
            id: 0,
            name: "Volodymyr Zelensky".into(),
            kind: EntityKind::Person,
            titles: vec![],
            aliases: vec![],
            mentions: vec![name],
        });
        a.quotes.push(Quote {
            span: Span::new(qs, qe),
            kind: QuoteKind::Direct,
            speaker: Some(Speaker {
                span: name,
                entity: Some(0),
            }),
            cue: None,
        });
        a
    }

    #[test]
    fn speaker_tag_follows_the_closing_mark() {
        let a = quoted(
            "“We are ready,” the president said. Then more text.",
            "the president",
        );
        let w = wrap(&a, 80);
        assert_eq!(
            row_texts(&a, &w),
            vec!["“We are ready,” — Volodymyr Zelensky the president said. Then more text."]
        );
        let w = wrap(&a, 16);
        let texts = row_texts(&a, &w);
        assert_eq!(texts[0], "“We are ready,”");
        assert_eq!(texts[1], "— Volodymyr Zel…");
        assert_eq!(w.quote_rows(&a, 0), (0, 1));
    }

    #[test]
    fn no_tag_when_the_name_is_written_next_to_the_quote() {
        let a = quoted("“We are ready,” Zelensky said.", "Zelensky");
        let w = wrap(&a, 80);
        assert_eq!(row_texts(&a, &w), vec!["“We are ready,” Zelensky said."]);
    }
}
