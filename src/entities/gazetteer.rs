//! Gazetteers and word lists from `data/`, loaded once into hash tables.
//!
//! Every look-up is one hash probe per word or per candidate name, never a
//! scan of a list.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use crate::lexicon;

static WORDS: &str = include_str!("../../data/entity_words.txt");
static PLACES: &str = include_str!("../../data/places.txt");
static GIVEN: &str = include_str!("../../data/given_names.txt");
static COMMON: &str = include_str!("../../data/common_words.txt");
static STARTERS: &str = include_str!("../../data/sentence_starters.txt");

/// A small multiplicative hasher: the keys are short words, and SipHash's
/// DoS resistance buys nothing for compiled-in tables.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(chunk);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(K);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(K);
        }
        self.0 = h;
    }
    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ i as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;
pub type FastSet<K> = HashSet<K, BuildHasherDefault<WordHasher>>;

/// What a gazetteer knows about a place or organisation name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Known {
    Place(&'static str),
    Org(&'static str),
}

impl Known {
    pub fn canonical(self) -> &'static str {
        match self {
            Known::Place(c) | Known::Org(c) => c,
        }
    }
}

pub struct Gazetteer {
    /// Exact-case names (and aliases) of places and organisations.
    known: FastMap<&'static str, Known>,
    /// Names known only as cities (weaker evidence than a country).
    cities: FastSet<&'static str>,
    given: FastSet<&'static str>,
    common: FastSet<&'static str>,
    starters: FastSet<&'static str>,
    titles: FastSet<&'static str>,
    title_mods: FastSet<&'static str>,
    portfolios: FastSet<&'static str>,
    honorifics: FastSet<&'static str>,
    title_abbrevs: FastSet<&'static str>,
    suffixes: FastSet<&'static str>,
    org_heads: FastSet<&'static str>,
    place_heads: FastSet<&'static str>,
    other_heads: FastSet<&'static str>,
    not_names: FastSet<&'static str>,
    /// Demonym -> country ("" for group adjectives such as "Muslim").
    demonyms: FastMap<&'static str, &'static str>,
    connectors: FastSet<&'static str>,
    speech_verbs: FastSet<&'static str>,
    org_nouns: FastSet<&'static str>,
}

pub static GAZ: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::load);

static KNOWN_UPPER: LazyLock<FastMap<String, Known>> = LazyLock::new(|| {
    GAZ.known
        .iter()
        .map(|(k, v)| (k.to_uppercase(), *v))
        .collect()
});

/// The sections of a word list, read in one pass.
fn sections(data: &'static str) -> FastMap<&'static str, Vec<&'static str>> {
    let mut out: FastMap<&'static str, Vec<&'static str>> = FastMap::default();
    for (section, line) in lexicon::entries(data) {
        out.entry(section).or_default().push(line);
    }
    out
}

fn set_of(lines: &[&'static str]) -> FastSet<&'static str> {
    let mut s = FastSet::with_capacity_and_hasher(lines.len(), Default::default());
    s.extend(lines.iter().copied());
    s
}

impl Gazetteer {
    fn load() -> Gazetteer {
        let words = sections(WORDS);
        let sec = |name: &str| words.get(name).map_or(&[][..], Vec::as_slice);
        let places: Vec<(&'static str, &'static str)> = lexicon::entries(PLACES).collect();
        let mut known: FastMap<&'static str, Known> =
            FastMap::with_capacity_and_hasher(places.len() * 2 + 1024, Default::default());
        let add = |line: &'static str, place: bool, known: &mut FastMap<_, _>| {
            let mut forms = line.split('|').map(str::trim).filter(|f| !f.is_empty());
            let Some(canonical) = forms.next() else {
                return;
            };
            let k = if place {
                Known::Place(canonical)
            } else {
                Known::Org(canonical)
            };
            known.entry(canonical).or_insert(k);
            for f in forms {
                known.entry(f).or_insert(k);
            }
        };
        for &line in sec("known_org") {
            add(line, false, &mut known);
        }
        for &line in sec("known_place") {
            add(line, true, &mut known);
        }
        for &(section, line) in &places {
            if matches!(section, "country" | "capital" | "us_state" | "city") {
                add(line, true, &mut known);
            }
        }
        let mut cities: FastSet<&'static str> = FastSet::default();
        for &(section, line) in &places {
            if matches!(section, "capital" | "city") {
                cities.insert(line.trim());
            }
        }
        for &(section, line) in &places {
            if matches!(section, "country" | "us_state") {
                for f in line.split('|') {
                    cities.remove(f.trim());
                }
            }
        }
        for &line in sec("known_place").iter().chain(sec("known_org")) {
            for f in line.split('|') {
                cities.remove(f.trim());
            }
        }
        let demonyms = sec("demonym")
            .iter()
            .filter_map(|l| {
                let (d, c) = l.split_once('|')?;
                Some((d.trim(), c.trim()))
            })
            .collect();
        let all = |data: &'static str| -> Vec<&'static str> {
            lexicon::entries(data).map(|(_, e)| e).collect()
        };
        Gazetteer {
            cities,
            known,
            given: set_of(&all(GIVEN)),
            common: set_of(&all(COMMON)),
            starters: set_of(&all(STARTERS)),
            titles: set_of(sec("title")),
            title_mods: set_of(sec("title_modifier")),
            portfolios: set_of(sec("portfolio")),
            honorifics: set_of(sec("honorific")),
            title_abbrevs: set_of(sec("title_abbrev")),
            suffixes: set_of(sec("suffix")),
            org_heads: set_of(sec("org_head")),
            place_heads: set_of(sec("place_head")),
            other_heads: set_of(sec("other_head")),
            not_names: set_of(sec("not_name")),
            demonyms,
            connectors: set_of(sec("connector")),
            speech_verbs: set_of(sec("speech_verb")),
            org_nouns: set_of(sec("org_noun")),
        }
    }

    pub fn known(&self, name: &str) -> Option<Known> {
        self.known.get(name).copied()
    }

    /// Look-up by the upper-cased name (all-caps lines), built on first use.
    pub fn known_upper(&self, upper: &str) -> Option<Known> {
        KNOWN_UPPER.get(upper).copied()
    }

    /// Known only as a city or capital: a weaker sign than a country.
    pub fn is_city(&self, name: &str) -> bool {
        self.cities.contains(name)
    }

    pub fn is_given(&self, w: &str) -> bool {
        self.given.contains(w)
    }

    /// A common lower-case English word, trying regular inflections,
    /// adverbs of them ("increasingly") and British spellings of American
    /// words ("realising", "colour", "travelled", "centre").
    pub fn is_common(&self, w: &str) -> bool {
        if w.len() > 40 || !w.is_ascii() {
            let mut buf = String::new();
            return self.common.contains(lower(w, &mut buf));
        }
        let mut arr = [0u8; 44];
        let n = w.len();
        arr[..n].copy_from_slice(w.as_bytes());
        arr[..n].make_ascii_lowercase();
        if self.common_inflected(arr, n) {
            return true;
        }
        let word = &arr[..n];
        if n > 5 && word.ends_with(b"ly") && self.common_inflected(arr, n - 2) {
            return true;
        }
        // "-is(e|a|i)-" -> "-iz-": realise, organisation, criticising.
        if let Some(p) = word
            .windows(3)
            .rposition(|x| x[0] == b'i' && x[1] == b's' && matches!(x[2], b'e' | b'a' | b'i'))
            .filter(|&p| p >= 2)
        {
            let mut tmp = arr;
            tmp[p + 1] = b'z';
            if self.common_inflected(tmp, n) {
                return true;
            }
        }
        // Drop one letter: colour -> color, travelled -> traveled.
        let drop_at = |p: usize| -> bool {
            let mut tmp = [0u8; 44];
            tmp[..p].copy_from_slice(&arr[..p]);
            tmp[p..n - 1].copy_from_slice(&arr[p + 1..n]);
            self.common_inflected(tmp, n - 1)
        };
        if let Some(p) = word
            .windows(3)
            .rposition(|x| x == b"our")
            .filter(|&p| p >= 1)
            && drop_at(p + 1)
        {
            return true;
        }
        if let Some(p) = word
            .windows(4)
            .rposition(|x| x == b"lled" || x == b"llin" || x == b"ller")
            .filter(|&p| p >= 2)
            && drop_at(p + 1)
        {
            return true;
        }
        // centre -> center, theatres -> theaters
        for end in [b"tre".as_slice(), b"tres"] {
            if n > end.len() + 1 && word.ends_with(end) {
                let p = n - end.len();
                let mut tmp = arr;
                tmp[p + 1] = b'e';
                tmp[p + 2] = b'r';
                if self.common_inflected(tmp, n) {
                    return true;
                }
            }
        }
        false
    }

    /// The word in `arr[..n]` (lower case ASCII), or a regular inflection
    /// of a listed word.
    fn common_inflected(&self, arr: [u8; 44], n: usize) -> bool {
        let has = |bytes: &[u8]| std::str::from_utf8(bytes).is_ok_and(|s| self.common.contains(s));
        if has(&arr[..n]) {
            return true;
        }
        // Stem + replacement, written in place after the stem.
        let try_stem = |suffix: &[u8], add: &[u8]| -> bool {
            if n <= suffix.len() + 1 || !arr[..n].ends_with(suffix) {
                return false;
            }
            let stem = n - suffix.len();
            let mut tmp = arr;
            tmp[stem..stem + add.len()].copy_from_slice(add);
            has(&tmp[..stem + add.len()])
        };
        try_stem(b"ies", b"y")
            || try_stem(b"es", b"")
            || try_stem(b"s", b"")
            || try_stem(b"ed", b"")
            || try_stem(b"ed", b"e")
            || try_stem(b"ing", b"")
            || try_stem(b"ing", b"e")
            || try_stem(b"ly", b"")
    }

    pub fn is_starter(&self, w: &str) -> bool {
        self.starters.contains(w)
    }

    pub fn is_title(&self, w: &str) -> bool {
        with_lower(w, |l| self.titles.contains(l))
    }

    pub fn is_title_mod(&self, w: &str) -> bool {
        with_lower(w, |l| self.title_mods.contains(l))
    }

    pub fn is_portfolio(&self, w: &str) -> bool {
        with_lower(w, |l| self.portfolios.contains(l))
    }

    pub fn is_honorific(&self, w: &str) -> bool {
        self.honorifics.contains(w)
    }

    pub fn is_title_abbrev(&self, w: &str) -> bool {
        self.title_abbrevs.contains(w)
    }

    pub fn is_suffix(&self, w: &str) -> bool {
        self.suffixes.contains(w)
    }

    pub fn is_org_head(&self, w: &str) -> bool {
        with_lower(w, |l| self.org_heads.contains(l))
    }

    pub fn is_place_head(&self, w: &str) -> bool {
        with_lower(w, |l| self.place_heads.contains(l))
    }

    /// Last words of names of laws, events and prizes ("Act", "Cup").
    pub fn is_other_head(&self, w: &str) -> bool {
        with_lower(w, |l| self.other_heads.contains(l))
    }

    pub fn is_not_name(&self, w: &str) -> bool {
        self.not_names.contains(w)
    }

    pub fn demonym(&self, w: &str) -> Option<&'static str> {
        self.demonyms.get(w).copied()
    }

    pub fn is_connector(&self, w: &str) -> bool {
        self.connectors.contains(w)
    }

    /// A lower-case noun that names the kind of organisation after it.
    pub fn is_org_noun(&self, w: &str) -> bool {
        self.org_nouns.contains(w)
    }

    pub fn is_speech_verb(&self, w: &str) -> bool {
        self.speech_verbs.contains(w)
    }
}

/// `w` in lower case, borrowing when it already is.
pub fn lower<'a>(w: &'a str, buf: &'a mut String) -> &'a str {
    if !w.chars().any(char::is_uppercase) {
        return w;
    }
    buf.clear();
    for c in w.chars() {
        buf.extend(c.to_lowercase());
    }
    buf.as_str()
}

pub fn with_lower<T>(w: &str, f: impl FnOnce(&str) -> T) -> T {
    if w.len() <= 32 && w.is_ascii() {
        let mut arr = [0u8; 32];
        let b = &mut arr[..w.len()];
        b.copy_from_slice(w.as_bytes());
        b.make_ascii_lowercase();
        // ASCII in, ASCII out.
        f(std::str::from_utf8(b).unwrap_or(""))
    } else {
        let mut buf = String::new();
        f(lower(w, &mut buf))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_and_answer() {
        assert_eq!(GAZ.known("Kyiv"), Some(Known::Place("Kyiv")));
        assert_eq!(GAZ.known("U.S."), Some(Known::Place("United States")));
        assert_eq!(GAZ.known("Texas"), Some(Known::Place("Texas")));
        assert_eq!(GAZ.known("NATO").map(Known::canonical), Some("NATO"));
        assert_eq!(GAZ.known_upper("UKRAINE"), Some(Known::Place("Ukraine")));
        assert!(GAZ.is_given("Karoline") || GAZ.is_given("Caroline"));
        assert!(GAZ.is_common("Only") && GAZ.is_common("members"));
        assert!(GAZ.is_common("Special") && !GAZ.is_common("Leavitt"));
        assert!(GAZ.is_title("President") && GAZ.is_org_head("University"));
        assert_eq!(GAZ.demonym("Ukrainian"), Some("Ukraine"));
        assert!(GAZ.is_not_name("Thursday"));
    }
}
