//! Quote speakers tied to entities, after quote detection.

use std::collections::BTreeSet;

use super::merge::{self, TitledPeople};
use super::titles;
use crate::model::{Article, Span};

/// Gives every quote whose speaker refers to a known entity its
/// `speaker.entity`: a speaker that contains a mention (`Leavitt`,
/// `Zelensky’s office`) takes that mention's entity; a description
/// (`the press secretary`, `the Ukrainian president`) the person whose
/// title it matches. Speakers already resolved (pronouns) are kept.
pub fn link_speakers(article: &mut Article) {
    let mut added = Added::default();
    // Titles do not change here, so the index is built once, when needed.
    let mut people: Option<TitledPeople> = None;
    for qi in 0..article.quotes.len() {
        let Some(speaker) = article.quotes[qi].speaker else {
            continue;
        };
        if speaker.entity.is_some() {
            continue;
        }
        let entity = match head_mention(article, speaker.span) {
            Some(id) => Some(id),
            None => describe(article, speaker.span, &mut people, &mut added),
        };
        if let Some(s) = article.quotes[qi].speaker.as_mut() {
            s.entity = entity;
        }
    }
    if !added.0.is_empty() {
        article.index_mentions();
    }
}

/// The entity a speaker phrase names: a mention at its end (`Leavitt`,
/// `President Trump`) or a possessive owner (`Zelensky’s office`). A name
/// that only qualifies the phrase (`a White House official`) does not
/// make the official the White House.
fn head_mention(article: &Article, span: Span) -> Option<usize> {
    let phrase_end = span.trim(&article.text).end;
    article.mentions_in(span).iter().find_map(|m| {
        let after = article.text.get(m.span.end..).unwrap_or("");
        let possessive = after.starts_with("’s") || after.starts_with("'s");
        (m.span.end >= phrase_end || possessive).then_some(m.entity)
    })
}

/// Descriptions recorded as mentions so far: disjoint spans, by start.
#[derive(Default)]
struct Added(BTreeSet<(usize, usize)>);

impl Added {
    fn overlaps(&self, d: Span) -> bool {
        // The spans are disjoint, so their ends rise with their starts: the
        // last one starting before `d` ends is the only one to check.
        self.0
            .range(..(d.end, 0))
            .next_back()
            .is_some_and(|&(start, end)| start < d.end && d.start < end)
    }
}

/// Resolves a description speaker and records it as a mention unless it
/// overlaps one already there (`Ukraine` in `the President of Ukraine`).
fn describe(
    article: &mut Article,
    span: Span,
    people: &mut Option<TitledPeople>,
    added: &mut Added,
) -> Option<usize> {
    let d = titles::desc_of_phrase(&article.text, span)?;
    let people = people.get_or_insert_with(|| merge::titled_people(&article.entities));
    let id = merge::resolve_among(people, &article.entities, &d)?;
    let free = article.mentions_in(d.span).is_empty() && !added.overlaps(d.span);
    if free {
        let text = article.text.as_str();
        merge::attach(text, &mut article.entities[id], d.span);
        added.0.insert((d.span.start, d.span.end));
    }
    Some(id)
}
