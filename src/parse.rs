//! Text to [`Article`]: segmentation, entities, quotes. Orchestration only;
//! each stage lives in its own module.

use rayon::prelude::*;

use crate::input::Document;
use crate::model::{Article, Corpus, Role};
use crate::{entities, quotes, segment};

/// The longest paragraph (bytes) for which quotes and entities are found
/// at the same time.
const SIDE_BY_SIDE_PARAGRAPH: usize = 1 << 20;

/// Parses one document through every stage.
pub fn parse_document(doc: Document) -> Article {
    let seg = segment::segment(&doc.text);
    let mut article = Article::new(doc.source, doc.title, doc.text);
    article.paragraphs = seg.paragraphs;
    article.sentences = seg.sentences;
    if article.title.is_none() {
        article.title = article
            .paragraphs
            .iter()
            .find(|p| p.role == Role::Headline)
            .map(|p| article.slice(p.span).trim().to_owned());
    }
    // Quote detection needs no entities, so the two run side by side, unless
    // a very long paragraph would make quote detection's per-paragraph
    // tables large enough to matter next to the entity stage's.
    let longest = article.paragraphs.iter().map(|p| p.span.len()).max();
    let (found, entities) = if longest.unwrap_or(0) <= SIDE_BY_SIDE_PARAGRAPH {
        rayon::join(
            || quotes::detect(&article.text, &article.paragraphs),
            || entities::recognize(&article),
        )
    } else {
        let entities = entities::recognize(&article);
        (quotes::detect(&article.text, &article.paragraphs), entities)
    };
    article.entities = entities;
    article.index_mentions();
    article.quotes = quotes::resolve(&article, found);
    entities::link_speakers(&mut article);
    article.index_mentions();
    article
}

/// Parses a plain string (tests, benchmarks).
pub fn parse_text(source: &str, text: &str) -> Article {
    parse_document(Document {
        source: source.to_owned(),
        title: None,
        text: text.to_owned(),
    })
}

/// Parses documents on all cores, keeping their order.
pub fn parse_all(docs: Vec<Document>) -> Vec<Article> {
    docs.into_par_iter().map(parse_document).collect()
}

/// Parses documents into a corpus with its cross-article entity index.
pub fn parse_corpus(docs: Vec<Document>) -> Corpus {
    Corpus::new(parse_all(docs))
}
