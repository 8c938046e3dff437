//! Name mentions: runs of capitalised words (with connectors such as `of
//! the`, initials and suffixes), cleaned of sentence-initial ordinary words
//! and of the titles in front of them.

use super::doc::{Doc, Para};
use super::gazetteer::{GAZ, Known};
use super::kinds::{self, Evidence};
use super::titles;
use super::tokens::{Shape, Tok};
use crate::model::Span;

/// One name mention before merging.
#[derive(Debug, Clone)]
pub struct Cand {
    pub span: Span,
    /// First and last token.
    pub lo: usize,
    pub hi: usize,
    /// The name as written, white space collapsed, curly apostrophes straightened.
    pub name: String,
    pub known: Option<Known>,
    pub ev: Evidence,
    pub titles: Vec<String>,
}

impl Cand {
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.name
            .split([' ', '-'])
            .filter(|w| !w.is_empty() && !GAZ.is_connector(w) && *w != "the")
    }
}

/// The most tokens one name chain may span.
const MAX_CHAIN: usize = 12;

/// Lower-case particles that may open a hyphenated name part ("al-Baghdadi").
const PARTICLES: &[&str] = &[
    "al", "el", "ad", "ash", "as", "at", "az", "bin", "ibn", "abu", "abd",
];

pub fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(if c == '’' { '\'' } else { c });
    }
    out
}

/// Can token `i` be part of a name? (Precomputed in `Doc::new`.)
fn is_unit(doc: &Doc, i: usize) -> bool {
    doc.toks.get(i).is_some_and(Tok::unit)
}

/// Computes [`is_unit`] for token `i`.
pub(super) fn unit_of(doc: &Doc, i: usize) -> bool {
    let Some(t) = doc.toks.get(i) else {
        return false;
    };
    let w = doc.word(i);
    match t.shape {
        Shape::Cap => {
            if t.contraction() || GAZ.is_not_name(w) || (t.initial() && GAZ.is_starter(w)) {
                return false;
            }
            // "Ukrainians", "Muslims": groups of people, not names.
            if let Some(stem) = w.strip_suffix('s').filter(|s| s.len() > 3)
                && GAZ.demonym(stem).is_some()
            {
                return false;
            }
            // "No 10", "Number 10": not a name.
            if matches!(w, "No" | "Number")
                && doc.toks.get(i + 1).is_some_and(|n| n.shape == Shape::Num)
            {
                return false;
            }
            // "T-shirt", "X-ray", and party labels "(R-Ky.)", "D-N.Y."
            if w.len() == 1 && doc.toks.get(i + 1).is_some_and(|n| n.hyph()) {
                return false;
            }
            if t.hyph() && i > 0 && doc.word(i - 1).len() == 1 {
                return false;
            }
            // "Low-cost", "Hard-won": an ordinary word capitalised at a
            // sentence start and joined to a lower-case word.
            if doc
                .toks
                .get(i + 1)
                .is_some_and(|n| n.hyph() && n.shape == Shape::Lower)
                && GAZ.is_common(w)
                && GAZ.known(w).is_none()
            {
                return false;
            }
            // "anti-Semitism", "pro-Western": adjectives, not names.
            if t.hyph()
                && i > 0
                && matches!(doc.word(i - 1), "anti" | "pro" | "non")
                && GAZ.known(w).is_none()
            {
                return false;
            }
            // Shouted ordinary words ("UNLESS") in a normal paragraph.
            if w.len() >= 4 && kinds::is_acronym(w) && GAZ.known(w).is_none() && GAZ.is_common(w) {
                return false;
            }
            true
        }
        Shape::Lower => {
            doc.toks
                .get(i + 1)
                .is_some_and(|n| n.hyph() && n.shape == Shape::Cap)
                && PARTICLES.contains(&w)
        }
        _ => false,
    }
}

fn is_connector_tok(doc: &Doc, i: usize) -> bool {
    let Some(t) = doc.toks.get(i) else {
        return false;
    };
    match t.shape {
        Shape::Lower => GAZ.is_connector(doc.word(i)),
        Shape::Punct => doc.word(i) == "&",
        _ => false,
    }
}

fn is_place(w: &str) -> bool {
    matches!(GAZ.known(w), Some(Known::Place(_)))
}

/// Every name mention in the ordinary (not all-caps) paragraphs.
pub fn find(doc: &Doc) -> Vec<Cand> {
    // A few large blocks: the mentions of a long article are many.
    doc.per_paragraph(4, |p, out| {
        if !p.caps {
            find_in(doc, p, out);
        }
    })
}

fn find_in(doc: &Doc, p: &Para, out: &mut Vec<Cand>) {
    let end = p.toks.end;
    let mut i = p.toks.start;
    while i < end {
        if !is_unit(doc, i) {
            i += 1;
            continue;
        }
        let lo = i;
        let mut k = i;
        loop {
            // Names are short; a long run of capitals (a title-case
            // line) is cut so every later step stays bounded.
            if doc.toks[k].poss() || k - lo >= MAX_CHAIN {
                break;
            }
            let n = k + 1;
            if n >= end {
                break;
            }
            if is_unit(doc, n) {
                // "Russia-Ukraine" is two places, "El-Hassan" one name.
                if doc.toks[n].hyph() && is_place(doc.word(k)) && is_place(doc.word(n)) {
                    break;
                }
                if doc.toks[n].hyph() && doc.toks[k].shape == Shape::Lower && k == lo {
                    k = n;
                    continue;
                }
                k = n;
                continue;
            }
            let mut m = n;
            if is_connector_tok(doc, m) {
                m += 1;
                // "of the", "van der"
                if m < end && (doc.word(m) == "the" || is_connector_tok(doc, m)) {
                    m += 1;
                }
            }
            if m > n && m < end && is_unit(doc, m) && !doc.toks[m].hyph() {
                k = m;
                continue;
            }
            break;
        }
        chain(doc, lo, k, out);
        i = k + 1;
    }
}

/// Splits a raw chain into name mentions.
fn chain(doc: &Doc, lo: usize, hi: usize, out: &mut Vec<Cand>) {
    if let Some(a) = trim_start(doc, lo, hi) {
        of_split(doc, a, hi, true, out);
    }
}

/// "Nick Rhodes of Duran Duran": a person's name does not go on with "of"
/// or "for". Each piece is then split at "and" (first pass) or kept.
fn of_split(doc: &Doc, a: usize, hi: usize, then_and: bool, out: &mut Vec<Cand>) {
    let next = |s: usize, e: usize, out: &mut Vec<Cand>| {
        if then_and {
            and_split(doc, s, e, out);
        } else {
            part(doc, s, e, out);
        }
    };
    let mut start = a;
    let mut i = a + 1;
    while i < hi {
        if matches!(doc.word(i), "of" | "for") && person_like(doc, start, i - 1) {
            next(start, i - 1, out);
            start = i + 1;
            while start <= hi && !is_unit(doc, start) {
                start += 1;
            }
            i = start + 1;
            continue;
        }
        i += 1;
    }
    if start <= hi {
        next(start, hi, out);
    }
}

/// Looks like a person's full name: a given name first, no organisation or
/// place word.
fn person_like(doc: &Doc, a: usize, b: usize) -> bool {
    b > a
        && (GAZ.is_given(doc.word(a)) || (a..=b).all(|k| !GAZ.is_common(doc.word(k))))
        && !(a..=b).any(|k| {
            let w = doc.word(k);
            GAZ.is_org_head(w) || GAZ.is_place_head(w) || is_head(w) || GAZ.is_connector(w)
        })
        && GAZ.known(doc.slice(a, b)).is_none()
}

fn is_company_suffix(w: &str) -> bool {
    matches!(
        w.trim_end_matches('.'),
        "Inc" | "Corp" | "Ltd" | "LLC" | "plc" | "PLC" | "Co" | "AG" | "SA" | "GmbH" | "NV"
    )
}

/// "Russia and Ukraine" is two names; "Museum and Art Gallery" one.
fn and_split(doc: &Doc, a: usize, hi: usize, out: &mut Vec<Cand>) {
    // "Apple Inc. and Microsoft Corp.": a company suffix ends a name;
    // "the Tories and the Lib Dems": "and the" never joins one name;
    // "Rolling Stone Magazine and Carlo De Benedetti": two complete names.
    // Each side is then read on its own ("the Transport and General
    // Workers Union" stays whole).
    let cut = (a + 1..hi).find(|&i| {
        matches!(doc.word(i), "and" | "&")
            && (is_company_suffix(doc.word(i - 1))
                || matches!(doc.word(i + 1), "the" | "The")
                || two_names(doc, a, i, hi))
    });
    if let Some(i) = cut {
        if let Some(s) = trim_start(doc, a, i - 1) {
            and_split(doc, s, i - 1, out);
        }
        if let Some(s) = trim_start(doc, i + 1, hi) {
            of_split(doc, s, hi, true, out);
        }
        return;
    }
    let has_and = (a..=hi).any(|i| matches!(doc.word(i), "and" | "&"));
    if has_and && !(a..=hi).any(|i| GAZ.is_org_head(doc.word(i)) && doc.toks[i].shape == Shape::Cap)
    {
        let mut start = a;
        for i in a..=hi + 1 {
            if i > hi || matches!(doc.word(i), "and" | "&") {
                if i > start
                    && let Some(s) = trim_start(doc, start, i - 1)
                {
                    of_split(doc, s, i - 1, false, out);
                }
                start = i + 1;
            }
        }
        return;
    }
    part(doc, a, hi, out);
}

/// The `and` at `i` joins two complete names: the left one known or ending
/// in an organisation word, the right one known or a person's name.
fn two_names(doc: &Doc, a: usize, i: usize, hi: usize) -> bool {
    if i <= a || i >= hi {
        return false;
    }
    let left_done =
        GAZ.known(doc.slice(a, i - 1)).is_some() || (i - 1 > a && GAZ.is_org_head(doc.word(i - 1)));
    if !left_done {
        return false;
    }
    // The right-hand name stops at the next "and", "of" or "for".
    let end = (i + 1..=hi)
        .find(|&k| matches!(doc.word(k), "and" | "&" | "of" | "for"))
        .map_or(hi, |k| k - 1);
    let right_known = (i + 1..=end)
        .rev()
        .any(|k| GAZ.known(doc.slice(i + 1, k)).is_some());
    // "the FBI and Justice Department": a known name, then a whole
    // organisation name of its own.
    let right_org = matches!(GAZ.known(doc.slice(a, i - 1)), Some(Known::Org(_)))
        && end > i + 1
        && doc.toks[end].shape == Shape::Cap
        && GAZ.is_org_head(doc.word(end));
    right_known || right_org || (GAZ.is_given(doc.word(i + 1)) && person_like(doc, i + 1, end))
}

/// Drops leading words that are not part of the name: sentence openers,
/// ordinary words capitalised only by their position, stray connectors.
fn trim_start(doc: &Doc, lo: usize, hi: usize) -> Option<usize> {
    let mut a = lo;
    while a <= hi {
        let w = doc.word(a);
        let t = doc.toks[a];
        if t.shape != Shape::Cap && !is_unit(doc, a) {
            a += 1;
            continue;
        }
        if known_name(doc.slice(a, hi)).is_some() {
            break;
        }
        if w == "The" || (t.initial() && GAZ.is_starter(w)) {
            a += 1;
            continue;
        }
        if t.initial() && ordinary_word(doc, a, hi) {
            a += 1;
            continue;
        }
        break;
    }
    (a <= hi).then_some(a)
}

/// A sentence-initial capitalised word that is just an English word.
fn ordinary_word(doc: &Doc, i: usize, hi: usize) -> bool {
    let w = doc.word(i);
    if GAZ.known(w).is_some() {
        // "Mobile phones ...": a city that is also a common word counts as
        // the word when the article uses it in lower case too.
        return GAZ.is_city(w) && GAZ.is_common(w) && doc.seen_lower(w);
    }
    // A title word stays for the title scan, but a modifier such as "New"
    // or "Former" with no title head after it is just an opener.
    if (GAZ.is_title(w) || GAZ.is_title_mod(w) || GAZ.is_title_abbrev(w) || GAZ.is_honorific(w))
        && (is_head(w) || (i + 1..=hi).any(|k| is_head(doc.word(k))))
    {
        return false;
    }
    if GAZ.demonym(w).is_some() {
        return false;
    }
    let rest_known = i < hi && GAZ.known(doc.slice(i + 1, hi)).is_some();
    if GAZ.is_given(w) && i < hi && !rest_known {
        return false;
    }
    let linked = i < hi && GAZ.is_connector(doc.word(i + 1));
    // "National Bureau of Statistics": an organisation word later on.
    if !linked
        && !rest_known
        && (i + 1..=hi).any(|k| doc.toks[k].shape == Shape::Cap && GAZ.is_org_head(doc.word(k)))
    {
        return false;
    }
    if i < hi && !linked && GAZ.is_org_head(doc.word(hi)) && !rest_known {
        // "Democratic Party", "Supreme Court": the opener belongs to the name.
        return false;
    }
    if linked && GAZ.is_org_head(w) {
        // "University of Texas", "Ministry of Defence"
        return false;
    }
    let common = GAZ.is_common(w);
    // Written in lower case elsewhere in the article: an ordinary word,
    // even if a heading capitalises it mid-line too.
    if common && doc.seen_lower(w) {
        return true;
    }
    if doc.seen_capitalised(w) {
        return false;
    }
    common || doc.toks[i].contraction()
}

/// A gazetteer name, also when shouted ("WASHINGTON (Reuters) -").
pub(super) fn known_name(name: &str) -> Option<Known> {
    GAZ.known(name).or_else(|| {
        // "NEW YORK" in a dateline: every word shouted.
        let shouted = name.len() >= 4
            && name
                .split(' ')
                .all(|w| w.chars().count() >= 2 && kinds::is_acronym(w));
        shouted.then(|| GAZ.known_upper(name)).flatten()
    })
}

fn is_head(w: &str) -> bool {
    GAZ.is_title(w) || GAZ.is_title_abbrev(w) || GAZ.is_honorific(w)
}

/// "Dean Kamen", "Queen Latifah": a word that is both a given name and a
/// title reads as the name when one surname-like word follows it (not a
/// given name, title, ordinary word or name head). "Prince Harry" keeps
/// the title.
fn given_name_not_title(doc: &Doc, i: usize, hi: usize) -> bool {
    let w = doc.word(i);
    if i + 1 != hi || GAZ.is_honorific(w) || !GAZ.is_given(w) {
        return false;
    }
    let n = doc.word(hi);
    doc.toks[hi].shape == Shape::Cap
        && !doc.toks[hi].hyph()
        && !GAZ.is_given(n)
        && !is_head(n)
        && !GAZ.is_common(n)
        && !GAZ.is_org_head(n)
        && !GAZ.is_place_head(n)
        && !GAZ.is_other_head(n)
        && GAZ.known(n).is_none()
}

/// The end (exclusive) of a title at the start of `a..=hi`, if any.
fn title_end(doc: &Doc, a: usize, hi: usize) -> Option<(usize, usize)> {
    let mut end = None;
    let mut first_head = None;
    let mut i = a;
    while i <= hi {
        let w = doc.word(i);
        if is_head(w) && !given_name_not_title(doc, i, hi) {
            let mut e = i + 1;
            if e <= hi && doc.word(e) == "of" {
                let mut m = e + 1;
                if m <= hi && doc.word(m) == "the" {
                    m += 1;
                }
                if m <= hi && GAZ.is_portfolio(doc.word(m)) {
                    while m <= hi && GAZ.is_portfolio(doc.word(m)) {
                        m += 1;
                    }
                    e = m;
                } else if m <= hi {
                    e = (m..=hi)
                        .rev()
                        .find(|&k| GAZ.known(doc.slice(m, k)).is_some())
                        .unwrap_or(m)
                        + 1;
                }
            }
            first_head.get_or_insert(i);
            end = Some(e);
            i = e;
            continue;
        }
        // Words that may stand in a title before its head: "Army",
        // "White House", "Ukrainian", "Special".
        let ok = GAZ.is_title_mod(w)
            || GAZ.demonym(w).is_some()
            || GAZ.is_connector(w)
            || w == "the"
            || (doc.toks[i].shape == Shape::Cap && !GAZ.is_given(w));
        if !ok {
            break;
        }
        i += 1;
    }
    Some((end?, first_head?))
}

/// Names inside a title ("U.S. President", "White House press
/// secretary") are mentions of their own when they are known or clearly
/// organisations.
fn title_names(doc: &Doc, a: usize, head: usize, out: &mut Vec<Cand>) {
    let mut x = a;
    let mut y = head;
    let skip = |w: &str| {
        GAZ.is_title_mod(w) || GAZ.demonym(w).is_some() || GAZ.is_connector(w) || w == "the"
    };
    while x < y && skip(doc.word(x)) {
        x += 1;
    }
    while y > x && skip(doc.word(y - 1)) {
        y -= 1;
    }
    if x >= y {
        return;
    }
    let b = y - 1;
    let known = GAZ.known(doc.slice(x, b)).is_some();
    let org = b > x && GAZ.is_org_head(doc.word(b));
    if known || org {
        emit(doc, x, b, None, false, out);
    }
}

fn part(doc: &Doc, a: usize, hi: usize, out: &mut Vec<Cand>) {
    let mut a = a;
    let mut honorific = false;
    let mut chain_title: Option<usize> = None;
    // Most chains are one word and no title: skip the title scan then.
    let maybe_title = a < hi || is_head(doc.word(a));
    if let Some((e, head)) =
        maybe_title
            .then(|| title_end(doc, a, hi))
            .flatten()
            .filter(|&(e, head)| {
                // "General Election", "Major League": adjectives, not titles.
                !(matches!(
                    doc.word(head),
                    "General" | "Major" | "Chief" | "Grand" | "Principal" | "First"
                ) && e == head + 1
                    && e <= hi
                    && GAZ.is_common(doc.word(e))
                    && !GAZ.is_given(doc.word(e)))
            })
    {
        let only_title = e > hi;
        let rest_ok = !(only_title
            || GAZ.is_connector(doc.word(e))
            || GAZ.is_org_head(doc.word(hi))
            || GAZ.is_other_head(doc.word(hi))
            || (hi > e && GAZ.is_place_head(doc.word(hi)))
            || GAZ.known(doc.slice(a, hi)).is_some());
        if only_title {
            title_names(doc, a, head, out);
            return;
        }
        if rest_ok {
            title_names(doc, a, head, out);
            honorific = (a..e).any(|i| GAZ.is_honorific(doc.word(i)));
            chain_title = Some(a);
            a = e;
        }
    }
    // A leading nationality is not part of a person's name.
    // "Liberal Democrat Sarah Teather": unless it opens a known name.
    while a < hi
        && GAZ.demonym(doc.word(a)).is_some()
        && !GAZ.is_org_head(doc.word(hi))
        && !(a + 1..=hi).any(|k| GAZ.known(doc.slice(a, k)).is_some())
    {
        a += 1;
    }
    // Two names side by side: "United States Hamdullah Mohib", "Refugee
    // Council Enver Solomon".
    if GAZ.known(doc.slice(a, hi)).is_none() {
        for k in (a..hi).rev() {
            let prefix_known = GAZ.known(doc.slice(a, k)).is_some();
            let prefix_org = k > a && GAZ.is_org_head(doc.word(k));
            if (prefix_known || prefix_org) && person_like(doc, k + 1, hi) {
                emit(doc, a, k, None, false, out);
                emit(doc, k + 1, hi, None, false, out);
                return;
            }
        }
    }
    emit(doc, a, hi, chain_title, honorific, out);
}

/// Records the name `a..=hi` with its titles and kind evidence.
fn emit(
    doc: &Doc,
    a: usize,
    hi: usize,
    chain_title: Option<usize>,
    honorific: bool,
    out: &mut Vec<Cand>,
) {
    let mut titled =
        chain_title.is_some() && !(honorific && chain_title == Some(a.saturating_sub(1)));
    let mut b = hi;
    while b > a && (GAZ.is_connector(doc.word(b)) || matches!(doc.word(b), "&" | "the")) {
        b -= 1;
    }
    if (a..=b).all(|i| {
        let w = doc.word(i);
        GAZ.demonym(w).is_some() || GAZ.is_not_name(w) || GAZ.is_suffix(w) || is_head(w)
    }) {
        return;
    }
    if a == b {
        let w = doc.word(a);
        let t = doc.toks[a];
        // Single letters, title words on their own, capitalised function
        // words ("Of", "Then") and sentence-initial ordinary words.
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        let known = GAZ.known(w).is_some();
        if letters < 2
            || (GAZ.is_title_mod(w) && !known)
            || (GAZ.is_org_head(w) && !known && GAZ.is_common(w))
            || matches!(
                w,
                "Of" | "The" | "And" | "For" | "De" | "Van" | "Von" | "Al" | "El"
            )
            || (t.initial()
                && GAZ.known(w).is_none()
                && GAZ.is_common(w)
                && !doc.seen_capitalised(w))
        {
            return;
        }
    }
    let span = doc.span(a, b);
    let name = normalise(span.text(doc.text));
    let known = known_name(&name);
    let mut titles_found = Vec::new();
    let name_ev = kinds::name_evidence(doc, a, b, honorific);
    let ev_base = name_ev.with_title(titled);
    // Role words around an organisation or place are not its titles ("the
    // official Disasters Emergency Committee webpage").
    let nameable = chain_title.is_some() || (ev_base.org < 4 && ev_base.place < 5);
    if nameable {
        // "Mr", "Ms" are courtesy, not a role.
        if let Some(t) = titles::before(doc, a, chain_title)
            .filter(|t| !matches!(t.trim_end_matches('.'), "Mr" | "Mrs" | "Ms" | "Miss" | "Mx"))
        {
            titles_found.push(t);
            titled = true;
        }
        if let Some(t) = titles::after(doc, b) {
            titles_found.push(t);
            titled = true;
        }
    }
    let ev = if titled && !titles_found.is_empty() {
        name_ev.with_title(true)
    } else {
        ev_base
    };
    out.push(Cand {
        span,
        lo: a,
        hi: b,
        name,
        known,
        ev,
        titles: titles_found,
    });
}
