//! Person, organisation or place: weighted evidence from the name itself,
//! the gazetteers and the words around it, summed over an entity's mentions.

use super::doc::Doc;
use super::gazetteer::{GAZ, Known};
use super::tokens::Shape;
use crate::model::EntityKind;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Evidence {
    pub person: i32,
    pub org: i32,
    pub place: i32,
    /// Place evidence from the surrounding words ("in X"), not a gazetteer.
    pub place_context: bool,
}

impl Evidence {
    pub fn add(&mut self, o: &Evidence) {
        self.person += o.person;
        self.org += o.org;
        self.place += o.place;
        self.place_context |= o.place_context;
    }

    pub fn kind(&self) -> EntityKind {
        let best = self.person.max(self.org).max(self.place);
        if best <= 0 {
            EntityKind::Other
        } else if self.person == best {
            EntityKind::Person
        } else if self.org == best {
            EntityKind::Organization
        } else {
            EntityKind::Place
        }
    }
}

const DIRECTIONS: &[&str] = &[
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
    "Upper", "Lower", "Greater", "New",
];

/// Prepositions that mostly take places ("from", "to", "at" also take
/// people and events, so they are left out).
const PLACE_PREPS: &[&str] = &[
    "in",
    "near",
    "across",
    "throughout",
    "outside",
    "inside",
    "towards",
    "toward",
    "via",
    "around",
];

const DOMAINS: &[&str] = &[".com", ".ca", ".org", ".net", ".co.uk", ".gov", ".io"];

pub fn is_acronym(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && w.chars()
            .all(|c| c.is_uppercase() || c == '.' || c == '&' || c.is_ascii_digit())
}

/// Evidence for a name, read once and completed for either answer to
/// "does it carry a title?" (only known after the title scan).
pub struct NameEvidence {
    ev: Evidence,
    /// Organisation evidence that holds only without a title.
    untitled_org: i32,
    /// A law, event or prize: no kind at all.
    other: bool,
}

impl NameEvidence {
    pub fn with_title(&self, titled: bool) -> Evidence {
        if self.other {
            return Evidence::default();
        }
        let mut ev = self.ev;
        if titled {
            ev.person += 4;
        } else {
            ev.org += self.untitled_org;
        }
        ev
    }
}

/// Evidence for the name made of tokens `lo..=hi`, before its title is
/// known.
pub fn name_evidence(doc: &Doc, lo: usize, hi: usize, honorific: bool) -> NameEvidence {
    let mut ev = Evidence::default();
    let mut untitled_org = 0;
    let name = doc.slice(lo, hi);
    let first = doc.word(lo);
    let last = doc.word(hi);
    // Chains are at most a few words (see `mentions::MAX_CHAIN`).
    let mut buf: [&str; 16] = [""; 16];
    let mut n = 0;
    for i in lo..=hi {
        let w = doc.word(i);
        if n < buf.len() && !GAZ.is_connector(w) {
            buf[n] = w;
            n += 1;
        }
    }
    let words = &buf[..n];
    match super::mentions::known_name(name) {
        Some(Known::Place(_)) if GAZ.is_city(name) => ev.place += 4,
        Some(Known::Place(_)) => ev.place += 5,
        Some(Known::Org(_)) => ev.org += 5,
        None => {}
    }
    // "Tory leader", "Kremlin spokesman": a single name qualifying a role
    // is an organisation or place, not a person.
    if n == 1
        && !honorific
        && let Some(t) = doc.toks.get(hi + 1)
        && t.shape == Shape::Lower
        && !doc.toks[hi].poss()
        && GAZ.is_title(doc.word(hi + 1))
    {
        untitled_org += 2;
    }
    if honorific {
        ev.person += 5;
    }
    if n >= 2 && GAZ.is_org_head(last) {
        ev.org += 4;
    } else if n == 1 && GAZ.is_org_head(last) && doc.toks[lo].shape == Shape::Cap {
        ev.org += 2;
    }
    if n >= 2 && GAZ.is_org_head(first) && matches!(doc.word(lo + 1), "of" | "for") {
        ev.org += 4;
    } else if n >= 3
        && (lo + 1..hi).any(|i| doc.toks[i].shape == Shape::Cap && GAZ.is_org_head(doc.word(i)))
    {
        // "Andy Warhol Foundation for the Visual Arts"
        ev.org += 3;
    }
    if n == 1 && DOMAINS.iter().any(|d| first.ends_with(d)) {
        ev.org += 4;
    }
    if n >= 2 && GAZ.is_place_head(last) {
        ev.place += 4;
    }
    if n >= 2 && DIRECTIONS.contains(&first) {
        let rest = doc.slice(lo + 1, hi);
        if matches!(GAZ.known(rest), Some(Known::Place(_))) {
            ev.place += 6;
        }
    }
    if n >= 2 && GAZ.is_given(first) {
        ev.person += 2;
    } else if n == 1 && GAZ.is_given(first) {
        ev.person += 1;
    }
    if n >= 2 && GAZ.is_suffix(last) {
        ev.person += 3;
    }
    if n >= 2
        && words[..n - 1]
            .iter()
            .any(|w| w.ends_with('.') && w.chars().filter(|c| c.is_alphabetic()).count() <= 2)
    {
        ev.person += 2;
    }
    if n == 1 && is_acronym(first) && GAZ.known(first).is_none() {
        ev.org += 2;
    }
    if (2..=4).contains(&n) && words.iter().all(|w| !GAZ.is_common(w) && !is_acronym(w)) {
        ev.person += 1;
    }
    // "Justice Against Sponsors of Terrorism Act", "Davis Cup": laws,
    // events and prizes are none of the three kinds.
    if n >= 2 && GAZ.is_other_head(last) && doc.toks[hi].shape == Shape::Cap {
        return NameEvidence {
            ev,
            untitled_org,
            other: true,
        };
    }
    // Context: a preposition of place before, a speech verb after.
    if lo > 0 && doc.toks[lo - 1].is_word() && !doc.toks[hi].poss() {
        let mut p = doc.word(lo - 1);
        if p == "the" && lo > 1 {
            p = doc.word(lo - 2);
        }
        if PLACE_PREPS.contains(&p) {
            ev.place += 2;
            ev.place_context = true;
        }
        // "US firm Boeing", "shares in Yukos".
        let prev = doc.toks[lo - 1];
        if prev.shape == Shape::Lower && !prev.poss() && !honorific {
            let w = doc.word(lo - 1);
            if GAZ.is_org_noun(w) || (w == "in" && lo > 1 && doc.word(lo - 2) == "shares") {
                untitled_org += 3;
            }
        }
    }
    let next = hi + 1;
    if next < doc.toks.len() && !doc.toks[hi].poss() {
        let w = doc.word(next);
        if GAZ.is_speech_verb(w) {
            ev.person += 1;
        }
        if matches!(w, "shares" | "shareholders" | "stock") {
            ev.org += 2;
        }
        // "Evansville, Indiana": a place before a known region.
        if w == "," && matches!(GAZ.known(doc.word(next + 1)), Some(Known::Place(_))) {
            ev.place += 2;
        }
    }
    NameEvidence {
        ev,
        untitled_org,
        other: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strongest_evidence_wins() {
        let ev = Evidence {
            person: 2,
            org: 4,
            place: 0,
            place_context: false,
        };
        assert_eq!(ev.kind(), EntityKind::Organization);
        assert_eq!(Evidence::default().kind(), EntityKind::Other);
        assert!(is_acronym("NYPD") && is_acronym("U.S.") && !is_acronym("Ukraine"));
    }
}
