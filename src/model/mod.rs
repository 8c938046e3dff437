//! The one parse model: every view (JSON, TUI, exports) reads these types.
//!
//! Ranges are byte [`Span`]s into [`Article::text`]; the JSON writer turns
//! them into character offsets (see `crate::json`).

mod corpus;
mod span;

pub use corpus::{Corpus, CorpusEntity, EntityRef};
pub use span::{CharIndex, Span, SpanSet};

use serde::{Deserialize, Serialize};

/// One parsed article.
#[derive(Debug, Clone, Default)]
pub struct Article {
    /// The input path as given (for a JSONL input `path#line`).
    pub source: String,
    pub title: Option<String>,
    /// Decoded text: BOM removed, line ends normalised to `\n`, nothing else.
    pub text: String,
    pub paragraphs: Vec<Paragraph>,
    /// Sentences of body paragraphs, in text order; none crosses a paragraph.
    pub sentences: Vec<Span>,
    pub entities: Vec<Entity>,
    /// Quotes in text order (by start; an indirect quote may contain a partial
    /// one, which then follows it).
    pub quotes: Vec<Quote>,
    /// Every entity mention, sorted by start: the index views use to style a
    /// range of text. Rebuilt by [`Article::index_mentions`].
    pub mentions: Vec<Mention>,
}

/// What a paragraph is to the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The article's headline (first line).
    Headline,
    /// Article body: the only text entities and quotes are taken from.
    Body,
    /// Not article body: related-article lines, "Read more:", photo credits.
    Aside,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    pub span: Span,
    pub role: Role,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    Other,
}

impl EntityKind {
    pub const ALL: [EntityKind; 4] = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
        EntityKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Other => "other",
        }
    }
}

/// One real-world referent within an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Index of this entity in [`Article::entities`].
    pub id: usize,
    /// Canonical (longest, most complete) name.
    pub name: String,
    pub kind: EntityKind,
    /// Role and title phrases attached to it ("Secretary of State").
    pub titles: Vec<String>,
    /// Other surface forms that refer to it ("Leavitt", "the press secretary").
    pub aliases: Vec<String>,
    /// Every range that refers to it, sorted, never overlapping another
    /// entity's mention.
    pub mentions: Vec<Span>,
}

/// A mention in the article-wide index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    pub entity: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A whole sentence or more inside quotation marks.
    Direct,
    /// A fragment in quotation marks inside the writer's own sentence.
    Partial,
    /// Reported speech without quotation marks.
    Indirect,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Indirect => "indirect",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    /// The quoted words without their marks (direct, partial) or the
    /// reported clause (indirect).
    pub span: Span,
    pub kind: QuoteKind,
    pub speaker: Option<Speaker>,
    /// The speech verb or phrase ("said", "according to").
    pub cue: Option<Span>,
}

/// The mention a quote is attributed to, as written ("he", "the statement").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Speaker {
    pub span: Span,
    /// The entity it resolves to, an index into [`Article::entities`].
    pub entity: Option<usize>,
}

impl Article {
    /// An article with text only; `crate::parse` fills in the rest.
    pub fn new(source: impl Into<String>, title: Option<String>, text: String) -> Self {
        Article {
            source: source.into(),
            title,
            text,
            ..Article::default()
        }
    }

    /// The text a span covers.
    pub fn slice(&self, span: Span) -> &str {
        span.text(&self.text)
    }

    /// Title to show: the input's title, the headline, else the file name.
    pub fn display_title(&self) -> &str {
        if let Some(t) = self.title.as_deref().filter(|t| !t.trim().is_empty()) {
            return t.trim();
        }
        if let Some(p) = self.paragraphs.iter().find(|p| p.role == Role::Headline) {
            return self.slice(p.span).trim();
        }
        self.source
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or(&self.source)
    }

    /// Rebuilds [`Article::mentions`] from the entities' mention lists.
    pub fn index_mentions(&mut self) {
        self.mentions = self
            .entities
            .iter()
            .flat_map(|e| {
                e.mentions
                    .iter()
                    .map(|&span| Mention { span, entity: e.id })
            })
            .collect();
        self.mentions.sort_by_key(|m| (m.span.start, m.span.end));
    }

    /// Mentions that overlap `range`, in text order.
    pub fn mentions_in(&self, range: Span) -> &[Mention] {
        let lo = self.mentions.partition_point(|m| m.span.end <= range.start);
        let hi = self.mentions.partition_point(|m| m.span.start < range.end);
        &self.mentions[lo..hi.max(lo)]
    }

    /// Quotes that start inside `range` (quotes never cross a paragraph).
    pub fn quotes_in(&self, range: Span) -> &[Quote] {
        let lo = self.quotes.partition_point(|q| q.span.start < range.start);
        let hi = self.quotes.partition_point(|q| q.span.start < range.end);
        &self.quotes[lo..hi.max(lo)]
    }

    /// Index of the first quote that starts at or after `pos`.
    pub fn quote_at_or_after(&self, pos: usize) -> Option<usize> {
        let i = self.quotes.partition_point(|q| q.span.start < pos);
        (i < self.quotes.len()).then_some(i)
    }

    /// Index of the paragraph that holds byte offset `pos`.
    pub fn paragraph_at(&self, pos: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.span.end <= pos);
        self.paragraphs
            .get(i)
            .filter(|p| p.span.start <= pos)
            .map(|_| i)
    }

    /// Quotes attributed to entity `id`.
    pub fn quotes_by(&self, id: usize) -> impl Iterator<Item = (usize, &Quote)> {
        self.quotes
            .iter()
            .enumerate()
            .filter(move |(_, q)| q.speaker.and_then(|s| s.entity) == Some(id))
    }

    /// Body paragraphs only (where entities and quotes are looked for).
    pub fn body(&self) -> impl Iterator<Item = &Paragraph> {
        self.paragraphs.iter().filter(|p| p.role == Role::Body)
    }

    /// The speaker's display name: its entity's name, else the words as written.
    pub fn speaker_name(&self, speaker: &Speaker) -> &str {
        speaker
            .entity
            .and_then(|id| self.entities.get(id))
            .map(|e| e.name.as_str())
            .unwrap_or_else(|| self.slice(speaker.span))
    }
}
