//! Named entities: mentions, kinds, titles, aliases.
//!
//! Pipeline: [`doc`] tokenises the readable paragraphs, [`mentions`] finds
//! names (with [`titles`] and [`kinds`] evidence), [`merge`] joins the
//! mentions of one referent into an entity. [`link_speakers`] runs after
//! quote detection.

mod doc;
mod gazetteer;
mod kinds;
mod mentions;
mod merge;
mod speakers;
mod titles;
mod tokens;

pub use speakers::link_speakers;

use rayon::prelude::*;

use crate::model::{Article, Entity, EntityKind, Span};

/// The entities of an article's non-aside paragraphs: ids are indices,
/// mentions are sorted and mentions of different entities never overlap.
pub fn recognize(article: &Article) -> Vec<Entity> {
    let doc = doc::Doc::new(article);
    let mut cands = mentions::find(&doc);
    // Words inside a person's apposition ("Randy George, the Army chief of
    // staff") belong to the title unless they are known names.
    let mut appositions: Vec<Span> = cands
        .par_iter()
        .with_min_len(1 << 12)
        .filter(|c| c.ev.kind() == EntityKind::Person)
        .filter_map(|c| titles::apposition(&doc, c.hi).map(|(s, _)| s))
        .collect();
    if !appositions.is_empty() {
        let inside = Covers::new(&mut appositions);
        cands.retain(|c| c.lo != c.hi || c.known.is_some() || !inside.covers(c.span));
    }
    drop(appositions);
    merge::build(&doc, cands)
}

/// Whether any of a set of spans covers a given span, in O(log n) per
/// question, so a long article with many appositions stays linear.
struct Covers<'a> {
    /// Sorted by start.
    spans: &'a [Span],
    /// The furthest end among `spans[..=i]`.
    max_end: Vec<usize>,
}

impl<'a> Covers<'a> {
    fn new(spans: &'a mut [Span]) -> Self {
        spans.sort_unstable_by_key(|s| s.start);
        let max_end = spans
            .iter()
            .scan(0, |m, s| {
                *m = (*m).max(s.end);
                Some(*m)
            })
            .collect();
        Covers { spans, max_end }
    }

    fn covers(&self, x: Span) -> bool {
        // Among the spans starting at or before `x`, one must reach its end.
        let n = self.spans.partition_point(|s| s.start <= x.start);
        n > 0 && self.max_end[n - 1] >= x.end
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod covers_tests {
    use super::*;

    #[test]
    fn covers_agrees_with_a_scan() {
        let mut spans = vec![
            Span::new(10, 20),
            Span::new(0, 5),
            Span::new(12, 40),
            Span::new(50, 50),
        ];
        let all = spans.clone();
        let inside = Covers::new(&mut spans);
        for start in 0..60 {
            for end in start..60 {
                let x = Span::new(start, end);
                let scan = all.iter().any(|s| s.start <= x.start && x.end <= s.end);
                assert_eq!(inside.covers(x), scan, "{x:?}");
            }
        }
    }
}
