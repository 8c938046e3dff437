//! All articles of a run, with entities gathered across articles.

use std::collections::HashMap;

use super::{Article, EntityKind};

/// One entity of one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntityRef {
    pub article: usize,
    pub entity: usize,
}

/// An entity as seen across the corpus: every article entity with the same
/// canonical name and kind.
#[derive(Debug, Clone)]
pub struct CorpusEntity {
    pub name: String,
    pub kind: EntityKind,
    /// Titles and aliases from all its articles, deduplicated.
    pub titles: Vec<String>,
    pub aliases: Vec<String>,
    /// Where it occurs, in article order.
    pub refs: Vec<EntityRef>,
    pub mention_count: usize,
    pub quote_count: usize,
}

impl CorpusEntity {
    pub fn article_count(&self) -> usize {
        self.refs.len()
    }
}

#[derive(Debug, Clone, Default)]
pub struct Corpus {
    pub articles: Vec<Article>,
    pub entities: Vec<CorpusEntity>,
    /// For each article, for each of its entities: the corpus entity index.
    pub entity_of: Vec<Vec<usize>>,
}

impl Corpus {
    pub fn new(articles: Vec<Article>) -> Self {
        let mut corpus = Corpus {
            articles,
            ..Corpus::default()
        };
        corpus.index();
        corpus
    }

    fn index(&mut self) {
        let mut by_key: HashMap<(String, EntityKind), usize> = HashMap::new();
        let mut entities: Vec<CorpusEntity> = Vec::new();
        let mut entity_of = Vec::with_capacity(self.articles.len());
        for (ai, article) in self.articles.iter().enumerate() {
            let mut quote_counts = vec![0usize; article.entities.len()];
            for q in &article.quotes {
                if let Some(c) = q
                    .speaker
                    .and_then(|s| s.entity)
                    .and_then(|id| quote_counts.get_mut(id))
                {
                    *c += 1;
                }
            }
            let mut ids = Vec::with_capacity(article.entities.len());
            for e in &article.entities {
                let key = (e.name.to_lowercase(), e.kind);
                let ci = *by_key.entry(key).or_insert_with(|| {
                    entities.push(CorpusEntity {
                        name: e.name.clone(),
                        kind: e.kind,
                        titles: Vec::new(),
                        aliases: Vec::new(),
                        refs: Vec::new(),
                        mention_count: 0,
                        quote_count: 0,
                    });
                    entities.len() - 1
                });
                let ce = &mut entities[ci];
                ce.refs.push(EntityRef {
                    article: ai,
                    entity: e.id,
                });
                ce.mention_count += e.mentions.len();
                ce.quote_count += quote_counts.get(e.id).copied().unwrap_or(0);
                for t in &e.titles {
                    if !ce.titles.contains(t) {
                        ce.titles.push(t.clone());
                    }
                }
                for a in &e.aliases {
                    if !ce.aliases.contains(a) {
                        ce.aliases.push(a.clone());
                    }
                }
                ids.push(ci);
            }
            entity_of.push(ids);
        }
        self.entities = entities;
        self.entity_of = entity_of;
    }

    /// The corpus entity an article entity belongs to.
    pub fn corpus_entity(&self, r: EntityRef) -> Option<usize> {
        self.entity_of.get(r.article)?.get(r.entity).copied()
    }

    pub fn quote_count(&self) -> usize {
        self.articles.iter().map(|a| a.quotes.len()).sum()
    }
}
