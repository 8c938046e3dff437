//! Titles and roles: before a name (`White House press secretary Karoline
//! Leavitt`), in apposition (`Randy George, the Army chief of staff`), and
//! descriptions that stand for a titled person (`the press secretary`).

use super::doc::Doc;
use super::gazetteer::{GAZ, Known};
use super::mentions::normalise;
use super::tokens::Shape;
use crate::model::Span;

/// Sentence-opening function words that never start a title.
const OPENERS: &[&str] = &[
    "Since",
    "After",
    "Before",
    "When",
    "While",
    "As",
    "Under",
    "Following",
    "Despite",
    "Although",
    "Because",
    "If",
    "Unlike",
    "Like",
    "With",
    "Without",
    "Meanwhile",
    "Then",
    "Now",
    "Also",
    "But",
    "And",
    "So",
    "Yet",
    "Even",
    "Only",
    "For",
    "In",
    "At",
    "On",
    "By",
    "From",
    "To",
    "Of",
    "Until",
    "During",
    "Through",
    "Once",
    "Though",
    "Whether",
    "Where",
];

fn is_head(w: &str) -> bool {
    GAZ.is_title(w) || GAZ.is_title_abbrev(w)
}

fn titleish(w: &str) -> bool {
    GAZ.is_title(w) || GAZ.is_title_mod(w)
}

fn strip_article(s: &str) -> &str {
    for a in ["the ", "The ", "a ", "A ", "an ", "An "] {
        if let Some(r) = s.strip_prefix(a) {
            return r;
        }
    }
    s
}

/// The title in front of the name starting at token `a`: lower-case role
/// words and the names qualifying them (`White House press secretary`,
/// `Trump’s special envoy`), joined to a title inside the name chain.
pub fn before(doc: &Doc, a: usize, chain_title: Option<usize>) -> Option<String> {
    let para = &doc.paras[doc.para_of(a)];
    let chain_start = chain_title.unwrap_or(a);
    let mut start = chain_start;
    let mut has_head = chain_title.is_some();
    let mut j = chain_start;
    // "Ukraine's president, Volodymyr Zelensky": a title across a comma.
    let mut comma = false;
    if j > para.toks.start + 1 && doc.word(j - 1) == "," && chain_title.is_none() {
        let w = doc.word(j - 2);
        if doc.toks[j - 2].shape == Shape::Lower && GAZ.is_title(w) {
            j -= 1;
            comma = true;
        }
    }
    let floor = para.toks.start.max(chain_start.saturating_sub(12));
    while j > floor {
        let t = doc.toks[j - 1];
        if !t.is_word() {
            break;
        }
        let w = doc.word(j - 1);
        let ok = match t.shape {
            Shape::Lower => titleish(w) || (t.poss() && start < chain_start),
            Shape::Cap => start < chain_start || chain_title.is_some(),
            _ => false,
        };
        if !ok || GAZ.is_not_name(w) || (t.shape == Shape::Cap && t.initial() && GAZ.is_starter(w))
        {
            break;
        }
        // "Since President X": a function word opening the sentence.
        if t.shape == Shape::Cap && t.initial() && OPENERS.contains(&w) {
            break;
        }
        // "analyst Mike Powell of Dresdner Bank": a name after a
        // preposition belongs to the phrase, not to a title.
        if start == chain_start
            && chain_title.is_none()
            && t.shape == Shape::Lower
            && matches!(
                w,
                "of" | "at" | "for" | "from" | "with" | "by" | "to" | "in"
            )
        {
            return None;
        }
        if t.shape == Shape::Lower && start == chain_start && !titleish(w) {
            break;
        }
        has_head |= is_head(w);
        start = j - 1;
        j -= 1;
        // "co-host", "vice-chairman": take the whole hyphenated word.
        while t.hyph() && j > floor && doc.toks[start].hyph() {
            start -= 1;
            j -= 1;
        }
    }
    while start < chain_start && matches!(doc.word(start), "of" | "and" | "the" | "The") {
        start += 1;
    }
    if !has_head || start >= a {
        return None;
    }
    if comma {
        // Only "X's role," or "the role," before a comma.
        let opener =
            doc.toks[start].poss() || matches!(doc.word(start.wrapping_sub(1)), "the" | "The");
        if !opener {
            return None;
        }
    }
    let mut end = a - 1;
    while end > start && !doc.toks[end].is_word() {
        end -= 1;
    }
    let s = Span::new(doc.toks[start].span().start, doc.toks[end].span().end);
    Some(normalise(s.text(doc.text)))
}

/// A title in apposition after the name ending at token `b`.
pub fn after(doc: &Doc, b: usize) -> Option<String> {
    let (span, _) = apposition(doc, b)?;
    Some(normalise(strip_article(span.text(doc.text))))
}

/// The span of `, the Army chief of staff,` after token `b` (without the
/// commas), and whether it exists.
pub fn apposition(doc: &Doc, b: usize) -> Option<(Span, usize)> {
    let para = &doc.paras[doc.para_of(b)];
    if doc.toks[b].poss() || b + 2 >= para.toks.end || doc.word(b + 1) != "," {
        return None;
    }
    let first = b + 2;
    let w0 = doc.word(first);
    let opener = matches!(w0, "the" | "a" | "an" | "former" | "then")
        || (doc.toks[first].shape == Shape::Lower && titleish(w0));
    if !opener {
        return None;
    }
    let mut last = first;
    let mut head_at = None;
    let mut i = first;
    while i < para.toks.end && i < first + 14 {
        let t = doc.toks[i];
        if !t.is_word() && doc.word(i) != "&" {
            break;
        }
        if matches!(
            doc.word(i),
            "which" | "who" | "whose" | "that" | "where" | "when" | "quoted"
        ) {
            break;
        }
        if head_at.is_none() && GAZ.is_title(doc.word(i)) {
            head_at = Some(i);
        }
        last = i;
        i += 1;
    }
    let head = head_at?;
    if head > first + 5 {
        return None;
    }
    // It must end at a clause boundary, not run into a verb phrase.
    let end_mark = doc.word(i);
    let clause = matches!(
        end_mark,
        "which" | "who" | "whose" | "that" | "where" | "when" | "quoted"
    );
    if i < para.toks.end && !clause && !matches!(end_mark, "," | "." | ";" | ":" | ")" | "—" | "–")
    {
        return None;
    }
    Some((
        Span::new(doc.toks[first].span().start, doc.toks[last].span().end),
        last,
    ))
}

/// A description that may stand for a titled person: `the press secretary`,
/// `the Ukrainian president`, `the President of Ukraine`, `Ukraine’s
/// president`.
#[derive(Debug, Clone)]
pub struct Desc {
    pub span: Span,
    /// Lower-case role words, head last.
    pub words: Vec<String>,
    /// The country it is qualified by, if any.
    pub place: Option<&'static str>,
}

/// Every description in the ordinary paragraphs.
pub fn descriptions(doc: &Doc) -> Vec<Desc> {
    doc.per_paragraph(32, |p, out| {
        if p.caps {
            return;
        }
        let mut i = p.toks.start;
        while i < p.toks.end {
            match describe(doc, i, p.toks.end) {
                Some((d, next)) => {
                    out.push(d);
                    i = next;
                }
                None => i += 1,
            }
        }
    })
}

/// A description starting at token `i`, and the token after it.
pub fn describe(doc: &Doc, i: usize, end: usize) -> Option<(Desc, usize)> {
    let w = doc.word(i);
    let t = doc.toks[i];
    let mut place = None;
    let owner_place = |w: &str| match GAZ.known(w) {
        Some(Known::Place(c)) => Some(c),
        _ => None,
    };
    if !(w == "the" || w == "The") {
        if !(t.poss() && t.shape == Shape::Cap) {
            return None;
        }
        place = Some(owner_place(w)?);
    }
    // Token indices of the role words; lower-cased only once it is a
    // description.
    let mut idx = [0usize; 6];
    let mut nw = 0;
    let mut j = i + 1;
    let mut last_head = None;
    while j < end && j < i + 6 {
        let tj = doc.toks[j];
        let wj = doc.word(j);
        if !tj.is_word() {
            break;
        }
        if let Some(c) = GAZ.demonym(wj).filter(|c| !c.is_empty()) {
            if place.is_some() {
                break;
            }
            place = Some(c);
        } else if titleish(wj) {
            if nw < idx.len() {
                idx[nw] = j;
                nw += 1;
            }
            if GAZ.is_title(wj) {
                last_head = Some(j);
            }
        } else {
            break;
        }
        j += 1;
        if tj.poss() {
            break;
        }
    }
    let h = last_head?;
    let mut stop = h + 1;
    // "the President of Ukraine"
    if place.is_none() && doc.word(stop) == "of" && stop + 1 < end {
        let mut m = stop + 1;
        if doc.word(m) == "the" {
            m += 1;
        }
        if let Some(c) = owner_place(doc.word(m)) {
            place = Some(c);
            stop = m + 1;
        }
    }
    // "the chief of the IMF": a role in another organisation.
    if matches!(doc.word(stop), "of" | "at" | "for" | "to") && stop == h + 1 {
        return None;
    }
    // A capitalised word right after makes it a title before a name.
    if stop < end && doc.toks[stop].shape == Shape::Cap && !doc.toks[stop].initial() {
        return None;
    }
    if stop < end && doc.toks[stop].hyph() {
        return None;
    }
    let last = stop - 1;
    // Role words up to the last head.
    let words = idx[..nw]
        .iter()
        .filter(|&&k| k <= h)
        .map(|&k| doc.word(k).to_lowercase())
        .collect();
    Some((
        Desc {
            span: Span::new(t.span().start, doc.toks[last].span().end),
            words,
            place,
        },
        stop,
    ))
}

/// A title's words and the places it names, read once per title.
pub struct TitleInfo {
    words: Vec<String>,
    places: Vec<&'static str>,
}

impl TitleInfo {
    /// The description heads this title can fit (see [`fits_info`]): each
    /// of its words, also without a final `s`.
    pub fn heads(&self) -> impl Iterator<Item = &str> {
        self.words
            .iter()
            .flat_map(|w| [w.as_str(), w.trim_end_matches('s')])
    }
}

pub fn title_info(title: &str) -> TitleInfo {
    let mut words: Vec<String> = Vec::new();
    let mut places: Vec<&str> = Vec::new();
    for w in title.split([' ', '-']).filter(|w| !w.is_empty()) {
        let w = w
            .strip_suffix("'s")
            .or_else(|| w.strip_suffix("’s"))
            .unwrap_or(w);
        if w.is_empty() {
            continue;
        }
        if let Some(c) = GAZ.demonym(w).filter(|c| !c.is_empty()) {
            places.push(c);
        }
        if let Some(Known::Place(c)) = GAZ.known(w) {
            places.push(c);
        }
        words.push(w.to_lowercase());
    }
    // Whole-title known places ("United States").
    if let Some(Known::Place(c)) = GAZ.known(title) {
        places.push(c);
    }
    TitleInfo { words, places }
}

/// Does a title (as stored on an entity) fit a description?
pub fn fits_info(info: &TitleInfo, desc: &Desc) -> bool {
    let words = &info.words;
    let places = &info.places;
    let Some(head) = desc.words.last() else {
        return false;
    };
    let head_ok = words
        .iter()
        .any(|w| w == head || w.trim_end_matches('s') == head);
    let mods_ok = desc.words[..desc.words.len() - 1]
        .iter()
        .all(|m| m == "former" || words.iter().any(|w| w == m));
    let place_ok = desc.place.is_none_or(|p| places.contains(&p));
    // A deputy prime minister is not "the prime minister".
    let rank_ok = words
        .iter()
        .filter(|w| {
            matches!(
                w.as_str(),
                "deputy" | "vice" | "assistant" | "shadow" | "junior" | "associate" | "under"
            )
        })
        .all(|w| desc.words.contains(w));
    head_ok && mods_ok && place_ok && rank_ok
}

/// A description read from a short phrase such as a quote's speaker
/// (`the press secretary`, `the President of Ukraine`).
pub fn desc_of_phrase(text: &str, span: Span) -> Option<Desc> {
    let phrase = span.text(text).trim();
    let mut words = Vec::new();
    let mut place = None;
    let mut it = phrase.split_whitespace().peekable();
    let first = it.next()?;
    if !matches!(first, "the" | "The") {
        let owner = first
            .strip_suffix("’s")
            .or_else(|| first.strip_suffix("'s"))?;
        place = Some(match GAZ.known(owner) {
            Some(Known::Place(c)) => c,
            _ => return None,
        });
    }
    while let Some(w) = it.next() {
        if w == "of" {
            let mut p = it.next()?;
            if p == "the" {
                p = it.next()?;
            }
            place = Some(match GAZ.known(p) {
                Some(Known::Place(c)) => c,
                _ => return None,
            });
            if it.peek().is_some() {
                return None;
            }
            break;
        }
        if let Some(c) = GAZ.demonym(w).filter(|c| !c.is_empty()) {
            place = Some(c);
        } else if titleish(w) {
            words.push(w.to_lowercase());
        } else {
            return None;
        }
    }
    while words.last().is_some_and(|w| !GAZ.is_title(w)) {
        words.pop();
    }
    if words.is_empty() {
        return None;
    }
    Some(Desc { span, words, place })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fits(title: &str, desc: &Desc) -> bool {
        fits_info(&title_info(title), desc)
    }

    fn desc(words: &[&str], place: Option<&'static str>) -> Desc {
        Desc {
            span: Span::new(0, 0),
            words: words.iter().map(|w| w.to_string()).collect(),
            place,
        }
    }

    #[test]
    fn titles_fit_descriptions() {
        assert!(fits(
            "White House press secretary",
            &desc(&["press", "secretary"], None)
        ));
        assert!(fits(
            "Ukrainian President",
            &desc(&["president"], Some("Ukraine"))
        ));
        assert!(!fits(
            "Ukrainian President",
            &desc(&["president"], Some("Russia"))
        ));
        assert!(fits("Army Secretary", &desc(&["secretary"], None)));
        assert!(!fits(
            "Secretary of State",
            &desc(&["press", "secretary"], None)
        ));
        assert!(!fits(
            "Deputy Prime Minister",
            &desc(&["prime", "minister"], None)
        ));
        assert!(fits(
            "Deputy Prime Minister",
            &desc(&["deputy", "prime", "minister"], None)
        ));
    }
}
