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

use crate::model::{Article, Entity};

/// The entities of an article's non-aside paragraphs: ids are indices,
/// mentions are sorted and mentions of different entities never overlap.
pub fn recognize(article: &Article) -> Vec<Entity> {
    if std::env::var_os("NOENT").is_some() { return Vec::new(); }
    let doc = doc::Doc::new(article);
    let cands = mentions::find(&doc);
    merge::build(&doc, cands)
}

#[cfg(test)]
mod tests;
