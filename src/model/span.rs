//! Half-open byte ranges into an article's text.
//!
//! Inside the program every range is in bytes, so slicing is free; the JSON
//! contract wants Unicode scalar values, and `CharIndex` converts on output.

use std::ops::Range;

/// A half-open range `[start, end)` of byte offsets into an article's text.
/// Both ends always lie on `char` boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The text this span covers; empty when the span does not fit `text`.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.range()).unwrap_or("")
    }

    pub const fn contains(&self, pos: usize) -> bool {
        self.start <= pos && pos < self.end
    }

    pub const fn covers(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The same span with surrounding ASCII/Unicode white space removed.
    pub fn trim(&self, text: &str) -> Span {
        let s = self.text(text);
        let lead = s.len() - s.trim_start().len();
        let body = s.trim();
        Span::new(self.start + lead, self.start + lead + body.len())
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

/// A set of spans asked "is this inside one of them?" in O(log n): sorted
/// by start with the furthest end so far, so overlapping and nested spans
/// need no merging and a long article stays linear overall.
pub struct SpanSet {
    /// Non-empty spans, by start.
    spans: Vec<Span>,
    /// The furthest end among `spans[..=i]`.
    max_end: Vec<usize>,
}

impl SpanSet {
    pub fn new(spans: impl IntoIterator<Item = Span>) -> Self {
        let mut spans: Vec<Span> = spans.into_iter().filter(|s| !s.is_empty()).collect();
        spans.sort_unstable_by_key(|s| s.start);
        let max_end = spans
            .iter()
            .scan(0, |m, s| {
                *m = (*m).max(s.end);
                Some(*m)
            })
            .collect();
        SpanSet { spans, max_end }
    }

    /// The furthest end among the spans starting at or before `p`.
    fn reach(&self, p: usize) -> Option<usize> {
        let n = self.spans.partition_point(|s| s.start <= p);
        n.checked_sub(1).map(|i| self.max_end[i])
    }

    /// Whether one span holds all of `x`.
    pub fn covers(&self, x: Span) -> bool {
        self.reach(x.start).is_some_and(|end| end >= x.end)
    }

    /// Whether the byte at `p` is inside a span.
    pub fn contains(&self, p: usize) -> bool {
        self.reach(p).is_some_and(|end| end > p)
    }

    /// The first byte at or after `p` inside a span.
    pub fn next_from(&self, p: usize) -> Option<usize> {
        if self.contains(p) {
            return Some(p);
        }
        let n = self.spans.partition_point(|s| s.start <= p);
        self.spans.get(n).map(|s| s.start)
    }
}

/// Converts byte offsets of one text to character (scalar value) offsets.
///
/// Stores the character count at every 64-byte block boundary, so a lookup
/// counts at most 63 bytes; pure-ASCII texts need no table at all.
#[derive(Debug, Clone)]
pub struct CharIndex {
    blocks: Option<Vec<u32>>,
}

const BLOCK: usize = 64;

impl CharIndex {
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return CharIndex { blocks: None };
        }
        let bytes = text.as_bytes();
        let mut blocks = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut count = 0u32;
        for chunk in bytes.chunks(BLOCK) {
            blocks.push(count);
            count += chunk.iter().filter(|&&b| !is_continuation(b)).count() as u32;
        }
        blocks.push(count);
        CharIndex {
            blocks: Some(blocks),
        }
    }

    /// Character offset of byte offset `byte` in `text` (the text this index
    /// was built from).
    pub fn char_offset(&self, text: &str, byte: usize) -> usize {
        let Some(blocks) = &self.blocks else {
            return byte;
        };
        let byte = byte.min(text.len());
        let block = byte / BLOCK;
        let base = blocks[block] as usize;
        let from = block * BLOCK;
        base + text.as_bytes()[from..byte]
            .iter()
            .filter(|&&b| !is_continuation(b))
            .count()
    }
}

fn is_continuation(b: u8) -> bool {
    (b as i8) < -0x40
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_set_agrees_with_a_scan() {
        let spans = [
            Span::new(10, 20),
            Span::new(0, 5),
            Span::new(12, 40),
            Span::new(50, 50),
        ];
        let set = SpanSet::new(spans);
        let inside = |p: usize| spans.iter().any(|s| s.start <= p && p < s.end);
        for p in 0..60 {
            assert_eq!(set.contains(p), inside(p), "{p}");
            assert_eq!(set.next_from(p), (p..60).find(|&q| inside(q)), "{p}");
        }
        for start in 0..60 {
            for end in start + 1..60 {
                let x = Span::new(start, end);
                let scan = spans.iter().any(|s| s.start <= x.start && x.end <= s.end);
                assert_eq!(set.covers(x), scan, "{x:?}");
            }
        }
    }

    #[test]
    fn char_offsets_count_scalar_values() {
        let text = "Šefčovič met Zelensky’s aide. ".repeat(10);
        let index = CharIndex::new(&text);
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(index.char_offset(&text, byte), chars);
        }
        assert_eq!(index.char_offset(&text, text.len()), text.chars().count());
    }

    #[test]
    fn ascii_is_identity() {
        let index = CharIndex::new("plain text");
        assert_eq!(index.char_offset("plain text", 5), 5);
    }

    #[test]
    fn span_relations() {
        let a = Span::new(2, 6);
        assert!(a.overlaps(Span::new(5, 9)));
        assert!(!a.overlaps(Span::new(6, 9)));
        assert!(a.covers(Span::new(3, 6)));
        assert_eq!(Span::new(0, 7).trim("  ab c "), Span::new(2, 6));
    }
}
