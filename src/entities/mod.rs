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

use crate::model::{Article, Entity, EntityKind, Span, SpanSet};

/// The entities of an article's non-aside paragraphs: ids are indices,
/// mentions are sorted and mentions of different entities never overlap.
pub fn recognize(article: &Article) -> Vec<Entity> {
    let doc = doc::Doc::new(article);
    let mut cands = mentions::find(&doc);
    // Words inside a person's apposition ("Randy George, the Army chief of
    // staff") belong to the title unless they are known names.
    let appositions: Vec<Span> = cands
        .par_iter()
        .with_min_len(1 << 12)
        .filter(|c| c.ev.kind() == EntityKind::Person)
        .filter_map(|c| titles::apposition(&doc, c.hi).map(|(s, _)| s))
        .collect();
    if !appositions.is_empty() {
        let inside = SpanSet::new(appositions);
        cands.retain(|c| c.lo != c.hi || c.known.is_some() || !inside.covers(c.span));
    }
    merge::build(&doc, cands)
}

#[cfg(test)]
mod tests;
