//! Named entities: mentions, kinds, titles, aliases. (Filled in by the
//! entities work.)

use crate::model::{Article, Entity};

/// The entities of an article's non-aside paragraphs.
pub fn recognize(_article: &Article) -> Vec<Entity> {
    Vec::new()
}

/// After quotes are found: ties quote speakers to entities.
pub fn link_speakers(_article: &mut Article) {}
