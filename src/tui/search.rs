//! The finder's name index: every corpus entity's name, titles and aliases,
//! folded (lower case, diacritics removed) once, matched with
//! fuzzy-matcher's skim algorithm on each keystroke.
//!
//! fuzzy-matcher folds ASCII only, so "sefcovic" would not find "Šefčovič";
//! matching the folded copies fixes that, and a char map leads matched
//! positions back to the original name for highlighting.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::model::Corpus;

/// Base letters of U+0100..=U+017F (Latin Extended-A) in code point order;
/// the ligatures Ĳ ĳ Œ œ are handled before this table is consulted.
const LATIN_EXT_A: &[u8; 128] = concat!(
    "aaaaaa",
    "cccccccc",
    "dddd",
    "eeeeeeeeee",
    "gggggggg",
    "hhhh",
    "iiiiiiiiii",
    "ii",
    "jj",
    "kkk",
    "llllllllll",
    "nnnnnnnnn",
    "oooooo",
    "oo",
    "rrrrrr",
    "ssssssss",
    "tttttt",
    "uuuuuuuuuuuu",
    "ww",
    "yyy",
    "zzzzzz",
    "s"
)
.as_bytes()
.first_chunk::<128>()
.unwrap();

/// Base letters of U+00C0..=U+00FF (Latin-1 letters), lower case; `*` marks
/// the characters handled separately (×, ÷, Æ, ß, Þ and their kin).
const LATIN_1: &[u8; 64] = b"aaaaaa*ceeeeiiiidnooooo*ouuuuy**aaaaaa*ceeeeiiiidnooooo*ouuuuy*y";

/// Appends the folded form of `c` to `out`.
fn fold_char(c: char, out: &mut String) {
    let cp = c as u32;
    match c {
        'Æ' | 'æ' => out.push_str("ae"),
        'ß' => out.push_str("ss"),
        'Þ' | 'þ' => out.push_str("th"),
        'Ĳ' | 'ĳ' => out.push_str("ij"),
        'Œ' | 'œ' => out.push_str("oe"),
        'Ș' | 'ș' => out.push('s'),
        'Ț' | 'ț' => out.push('t'),
        // Combining diacritical marks (decomposed input) vanish.
        '\u{300}'..='\u{36f}' => {}
        '\u{c0}'..='\u{ff}' if LATIN_1[(cp - 0xc0) as usize] != b'*' => {
            out.push(LATIN_1[(cp - 0xc0) as usize] as char)
        }
        '\u{100}'..='\u{17f}' => out.push(LATIN_EXT_A[(cp - 0x100) as usize] as char),
        c => out.extend(c.to_lowercase()),
    }
}

/// A folded string with, for each of its chars, the index of the original
/// char it came from.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    pub text: String,
    pub origin: Vec<u32>,
}

pub fn fold(s: &str) -> Folded {
    let mut f = Folded {
        text: String::with_capacity(s.len()),
        origin: Vec::with_capacity(s.len()),
    };
    for (i, c) in s.chars().enumerate() {
        let before = f.text.len();
        fold_char(c, &mut f.text);
        let added = f.text[before..].chars().count();
        f.origin.extend(std::iter::repeat_n(i as u32, added));
    }
    f
}

/// Just the folded text.
pub fn fold_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// Whether the chars of `pat` occur in `hay` in order.
fn is_subsequence(hay: &str, pat: &str) -> bool {
    if pat.is_ascii() {
        let mut want = pat.as_bytes().iter().peekable();
        for &b in hay.as_bytes() {
            if want.peek() == Some(&&b) {
                want.next();
            }
        }
        return want.peek().is_none();
    }
    let mut want = pat.chars().peekable();
    for c in hay.chars() {
        if want.peek() == Some(&c) {
            want.next();
        }
    }
    want.peek().is_none()
}

struct Entry {
    name: Folded,
    /// Titles and aliases: (as written, folded).
    others: Vec<(String, String)>,
    mentions: usize,
}

/// One ranked match: a corpus entity index and its score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub entity: usize,
    pub score: i64,
}

/// What the name scores over a title or alias match with the same score.
const NAME_BONUS: i64 = 8;

pub struct NameIndex {
    entries: Vec<Entry>,
    matcher: SkimMatcherV2,
}

impl NameIndex {
    pub fn new(corpus: &Corpus) -> Self {
        let entries = corpus
            .entities
            .iter()
            .map(|e| Entry {
                name: fold(&e.name),
                others: e
                    .titles
                    .iter()
                    .chain(&e.aliases)
                    .map(|s| (s.clone(), fold_str(s)))
                    .collect(),
                mentions: e.mention_count,
            })
            .collect();
        NameIndex {
            entries,
            matcher: SkimMatcherV2::default().ignore_case(),
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn score(&self, entity: usize, query: &str) -> Option<i64> {
        let e = &self.entries[entity];
        // The matcher copies both strings into buffers before looking; the
        // in-order test below rejects most names far more cheaply, and a
        // fuzzy match needs it to hold.
        let name = is_subsequence(&e.name.text, query)
            .then(|| self.matcher.fuzzy_match(&e.name.text, query))
            .flatten()
            .map(|s| s + NAME_BONUS);
        e.others
            .iter()
            .filter(|(_, o)| is_subsequence(o, query))
            .filter_map(|(_, o)| self.matcher.fuzzy_match(o, query))
            .chain(name)
            .max()
    }

    /// Entities matching `query`, best first; ties go to more mentions, then
    /// to the order of the corpus. With `within`, only those entities are
    /// tried (the survivors of a query this one extends).
    pub fn search(&self, query: &str, within: Option<&[Hit]>) -> Vec<Hit> {
        let q = fold_str(query.trim());
        let mut hits: Vec<Hit> = if q.is_empty() {
            (0..self.entries.len())
                .map(|entity| Hit { entity, score: 0 })
                .collect()
        } else {
            match within {
                Some(prev) => prev
                    .iter()
                    .filter_map(|h| {
                        self.score(h.entity, &q).map(|score| Hit {
                            entity: h.entity,
                            score,
                        })
                    })
                    .collect(),
                None => (0..self.entries.len())
                    .filter_map(|entity| self.score(entity, &q).map(|score| Hit { entity, score }))
                    .collect(),
            }
        };
        hits.sort_by(|a, b| {
            b.score
                .cmp(&a.score)
                .then(
                    self.entries[b.entity]
                        .mentions
                        .cmp(&self.entries[a.entity].mentions),
                )
                .then(a.entity.cmp(&b.entity))
        });
        hits
    }

    /// Char indices of the entity's *name* that `query` matched (empty when
    /// only a title or alias matched). Called for visible rows only.
    pub fn name_matches(&self, entity: usize, query: &str) -> Vec<usize> {
        let q = fold_str(query.trim());
        let Some(e) = self.entries.get(entity) else {
            return Vec::new();
        };
        if q.is_empty() {
            return Vec::new();
        }
        let Some((_, idx)) = self.matcher.fuzzy_indices(&e.name.text, &q) else {
            return Vec::new();
        };
        let mut out: Vec<usize> = idx
            .into_iter()
            .filter_map(|i| e.name.origin.get(i).map(|&o| o as usize))
            .collect();
        out.dedup();
        out
    }

    /// The best-matching title or alias (as written), for rows where the
    /// query matched one of those rather than the name.
    pub fn matched_other(&self, entity: usize, query: &str) -> Option<&str> {
        let q = fold_str(query.trim());
        if q.is_empty() {
            return None;
        }
        self.entries
            .get(entity)?
            .others
            .iter()
            .filter_map(|(orig, folded)| self.matcher.fuzzy_match(folded, &q).map(|s| (s, orig)))
            .max_by_key(|(s, _)| *s)
            .map(|(_, o)| o.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CorpusEntity, EntityKind};

    fn corpus(names: &[(&str, usize, &[&str])]) -> Corpus {
        let mut c = Corpus::default();
        for &(name, mentions, aliases) in names {
            c.entities.push(CorpusEntity {
                name: name.into(),
                kind: EntityKind::Person,
                titles: Vec::new(),
                aliases: aliases.iter().map(|s| s.to_string()).collect(),
                refs: Vec::new(),
                mention_count: mentions,
                quote_count: 0,
            });
        }
        c
    }

    #[test]
    fn folding_strips_diacritics_and_case() {
        assert_eq!(fold_str("Šefčovič"), "sefcovic");
        assert_eq!(
            fold_str("Erdoğan Müller Łukasz Ødegaard"),
            "erdogan muller lukasz odegaard"
        );
        assert_eq!(
            fold_str("José García Straße Œuvre"),
            "jose garcia strasse oeuvre"
        );
        assert_eq!(fold_str("Ștefan Țiriac Ő ı ž"), "stefan tiriac o i z");
        // Decomposed accents fold the same as composed ones.
        assert_eq!(fold_str("Jose\u{301}"), "jose");
        assert_eq!(fold_str("Зеленский"), "зеленский");
    }

    #[test]
    fn origin_maps_back_to_original_chars() {
        let f = fold("Æsop Šef");
        assert_eq!(f.text, "aesop sef");
        assert_eq!(f.origin, vec![0, 0, 1, 2, 3, 4, 5, 6, 7]);
    }

    #[test]
    fn finds_accented_names_and_highlights_them() {
        let c = corpus(&[("Maroš Šefčovič", 2, &[]), ("Steve Witkoff", 5, &[])]);
        let index = NameIndex::new(&c);
        let hits = index.search("sefcovic", None);
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].entity, 0);
        assert_eq!(
            index.name_matches(0, "sefcovic"),
            (6..14).collect::<Vec<_>>()
        );
    }

    #[test]
    fn matches_aliases_and_breaks_ties_by_mentions() {
        let c = corpus(&[
            ("Volodymyr Zelensky", 3, &["Zelenskyy"]),
            ("Olena Zelenska", 1, &[]),
            ("Zelen Ltd", 9, &[]),
        ]);
        let index = NameIndex::new(&c);
        let hits = index.search("zelen", None);
        assert_eq!(hits.len(), 3);
        // Equal-quality prefix matches of the same shape: more mentions first.
        assert!(hits.iter().position(|h| h.entity == 0) < hits.iter().position(|h| h.entity == 1));
        let alias = index.search("zelenskyy", None);
        assert_eq!(alias[0].entity, 0);
        assert_eq!(index.matched_other(0, "zelenskyy"), Some("Zelenskyy"));
        // Narrowing within previous hits gives the same answer.
        let narrowed = index.search("zelens", Some(&hits));
        assert_eq!(narrowed, index.search("zelens", None));
    }

    #[test]
    fn subsequence_prefilter() {
        assert!(is_subsequence("volodymyr zelensky", "zelen"));
        assert!(is_subsequence("volodymyr zelensky", "vzky"));
        assert!(!is_subsequence("volodymyr zelensky", "zz"));
        assert!(is_subsequence("зеленский", "зел"));
        assert!(!is_subsequence("abc", "abcd"));
        assert!(is_subsequence("abc", ""));
    }

    #[test]
    fn empty_query_lists_everything_by_mentions() {
        let c = corpus(&[("A", 1, &[]), ("B", 7, &[])]);
        let hits = NameIndex::new(&c).search("", None);
        assert_eq!(
            hits.iter().map(|h| h.entity).collect::<Vec<_>>(),
            vec![1, 0]
        );
    }
}
