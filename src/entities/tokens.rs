//! Words and punctuation of a paragraph, with what name detection needs to
//! know about each: capitalisation, sentence-initial position, possessive
//! and hyphen joins.

use crate::model::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Starts with an upper-case letter.
    Cap,
    /// Starts with a lower-case (or caseless) letter.
    Lower,
    Num,
    /// One punctuation character.
    Punct,
}

/// Byte offsets of tokens are stored in 32 bits (a long article has
/// millions of tokens); text past this offset is not tokenised.
pub const MAX_OFFSET: usize = u32::MAX as usize;

/// The longest word, in bytes: a longer run of letters (never a name) is
/// cut into several words, so a token's length fits in 16 bits.
const MAX_WORD: usize = u16::MAX as usize;

/// 8 bytes: an article of 100 MB has some 20 million tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    /// The word without a possessive `'s` (see [`Tok::span`]).
    start: u32,
    len: u16,
    pub shape: Shape,
    /// The `flags` bits below.
    flags: u8,
}

/// Opens a sentence, a paragraph or a quotation: capitalisation there says
/// nothing about names.
const INITIAL: u8 = 1;
/// Followed by a possessive `'s`/`’s` (or a bare `’` after `s`).
const POSS: u8 = 2;
/// Joined to the previous word by a hyphen.
const HYPH: u8 = 4;
/// An English contraction (`They’ve`, `Don’t`).
const CONTRACTION: u8 = 8;
/// May be part of a name (see `mentions::unit_of`), set once all tokens
/// are known.
const UNIT: u8 = 16;

impl Tok {
    fn new(span: Span, shape: Shape) -> Tok {
        // Callers keep offsets within MAX_OFFSET (see `tokenize`).
        Tok {
            start: span.start as u32,
            len: span.len().min(MAX_WORD) as u16,
            shape,
            flags: 0,
        }
    }

    pub fn span(&self) -> Span {
        let start = self.start as usize;
        Span::new(start, start + self.len as usize)
    }

    fn with(mut self, flag: u8, on: bool) -> Tok {
        self.set(flag, on);
        self
    }

    fn set(&mut self, flag: u8, on: bool) {
        if on {
            self.flags |= flag;
        } else {
            self.flags &= !flag;
        }
    }

    pub fn initial(&self) -> bool {
        self.flags & INITIAL != 0
    }

    pub fn poss(&self) -> bool {
        self.flags & POSS != 0
    }

    pub fn hyph(&self) -> bool {
        self.flags & HYPH != 0
    }

    pub fn contraction(&self) -> bool {
        self.flags & CONTRACTION != 0
    }

    pub fn unit(&self) -> bool {
        self.flags & UNIT != 0
    }

    pub fn set_unit(&mut self, on: bool) {
        self.set(UNIT, on);
    }

    pub fn is_word(&self) -> bool {
        self.shape != Shape::Punct
    }
}

/// Abbreviations whose final period belongs to the word.
const DOTTED: &[&str] = &[
    "Jr", "Sr", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Adm", "Cmdr", "Gov", "Sen", "Rep",
    "Sens", "Reps", "Dr", "Mr", "Mrs", "Ms", "Prof", "Rev", "St", "Mt", "Ft", "Inc", "Corp", "Co",
    "Ltd", "Bros", "Supt", "Insp", "Det", "Cpl", "Pvt", "Amb", "Atty", "Pres", "Mx",
];

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_hyphen(c: char) -> bool {
    c == '-' || c == '‐'
}

/// "U.S", "J.D", "L": single letters joined by periods.
fn is_initials(w: &str) -> bool {
    !w.is_empty()
        && w.split('.')
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
}

/// The char at byte `i` of `s` and its length (ASCII fast path).
#[inline]
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    let c = s.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// Tokens of `span` of `text`, appended to `out`. `sentence_starts` are byte
/// offsets (sorted) where sentences begin. A span reaching past
/// [`MAX_OFFSET`] gives no tokens.
pub fn tokenize(text: &str, span: Span, sentence_starts: &[usize], out: &mut Vec<Tok>) {
    if span.end > MAX_OFFSET {
        return;
    }
    let first = out.len();
    let s = span.text(text);
    let base = span.start;
    let mut hyph_next = false;
    let mut i = 0;
    while let Some((c, clen)) = char_at(s, i) {
        if c.is_whitespace() {
            hyph_next = false;
            i += clen;
            continue;
        }
        if !c.is_alphanumeric() {
            // A hyphen between two words joins them.
            if is_hyphen(c)
                && out.len() > first
                && out
                    .last()
                    .is_some_and(|t| t.is_word() && t.span().end == base + i)
                && char_at(s, i + clen).is_some_and(|(n, _)| n.is_alphanumeric())
            {
                hyph_next = true;
                i += clen;
                continue;
            }
            out.push(Tok::new(Span::new(base + i, base + i + clen), Shape::Punct));
            hyph_next = false;
            i += clen;
            continue;
        }
        // A word: letters and digits, with inner apostrophes and periods.
        let mut end = i + clen;
        let mut seg_len = 1; // chars since the last inner period
        let mut apos_lower = false;
        while let Some((n, nlen)) = char_at(s, end) {
            // Room for one more character and a final period.
            if end - i + 8 > MAX_WORD {
                break;
            }
            if n.is_alphanumeric() {
                end += nlen;
                seg_len += 1;
                continue;
            }
            let after = char_at(s, end + nlen).map(|(a, _)| a);
            if is_apostrophe(n) && after.is_some_and(char::is_alphanumeric) {
                apos_lower |= after.is_some_and(char::is_lowercase);
                end += nlen;
                continue;
            }
            if n == '.'
                && after.is_some_and(|a| a.is_alphanumeric() && (seg_len == 1 || a.is_lowercase()))
            {
                end += 1;
                seg_len = 0;
                continue;
            }
            break;
        }
        let mut word = &s[i..end];
        let mut poss = false;
        let mut wend = end;
        for suffix in ["'s", "’s"] {
            if word.ends_with(suffix) {
                let stem = &word[..word.len() - suffix.len()];
                if stem.chars().count() > 1 {
                    word = stem;
                    wend = end - suffix.len();
                    poss = true;
                }
                break;
            }
        }
        let contraction = apos_lower && !poss && word.contains(['\'', '’']);
        // Trailing period of initials and abbreviations.
        if s[end..].starts_with('.') && !poss && (is_initials(word) || DOTTED.contains(&word)) {
            end += 1;
            wend = end;
        }
        // Plural possessive: "the Joneses’ house".
        if !poss
            && word.ends_with('s')
            && let Some((a, alen)) = char_at(s, end).filter(|&(a, _)| is_apostrophe(a))
        {
            let _ = a;
            if !char_at(s, end + alen).is_some_and(|(n, _)| n.is_alphanumeric()) {
                poss = true;
                end += alen;
            }
        }
        let shape = if c.is_uppercase() {
            Shape::Cap
        } else if c.is_numeric() {
            Shape::Num
        } else {
            Shape::Lower
        };
        out.push(
            Tok::new(Span::new(base + i, base + wend), shape)
                .with(POSS, poss)
                .with(HYPH, hyph_next)
                .with(CONTRACTION, contraction),
        );
        hyph_next = false;
        i = end;
    }
    mark_initials(text, &mut out[first..], sentence_starts);
}

fn mark_initials(text: &str, toks: &mut [Tok], sentence_starts: &[usize]) {
    let mut si = 0;
    let mut prev_opens = true; // paragraph start
    let mut prev_punct_opens = false; // the previous token is a comma
    for t in toks.iter_mut() {
        let mut starts_sentence = false;
        while si < sentence_starts.len() && sentence_starts[si] <= t.span().start {
            starts_sentence = true;
            si += 1;
        }
        if t.is_word() {
            let initial = (prev_opens || starts_sentence) && !t.hyph();
            t.set(INITIAL, initial);
            prev_opens = false;
            prev_punct_opens = false;
        } else {
            let p = t.span().text(text);
            let comma = p == ",";
            if starts_sentence
                || matches!(
                    p,
                    "“" | "\"" | "‘" | "(" | "[" | ":" | "—" | "–" | "-" | "«"
                )
            {
                prev_opens = true;
            } else if matches!(p, "'" | "‘") && prev_punct_opens {
                // "he said, 'Look ...": a straight quote after a comma
                // or colon opens a quotation.
                prev_opens = true;
            } else if !matches!(p, "'" | "’" | "”") {
                prev_opens = false;
            }
            prev_punct_opens = comma;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(String, bool, bool, bool)> {
        let mut out = Vec::new();
        tokenize(text, Span::new(0, text.len()), &[0], &mut out);
        out.iter()
            .filter(|t| t.is_word())
            .map(|t| {
                (
                    t.span().text(text).to_owned(),
                    t.initial(),
                    t.poss(),
                    t.hyph(),
                )
            })
            .collect()
    }

    #[test]
    fn initials_possessives_hyphens() {
        let w = words("J.D. Vance met U.S. envoys at Zelensky’s office in al-Anbar.");
        let names: Vec<&str> = w.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(
            names,
            vec![
                "J.D.", "Vance", "met", "U.S.", "envoys", "at", "Zelensky", "office", "in", "al",
                "Anbar"
            ]
        );
        assert!(w[0].1 && !w[1].1);
        assert!(w[6].2);
        assert!(w[10].3);
    }

    #[test]
    fn quote_opens_a_sentence() {
        let w = words("He said: “Only time will tell,” and left.");
        assert!(w.iter().any(|x| x.0 == "Only" && x.1));
    }

    #[test]
    fn overlong_runs_of_letters_are_cut() {
        let text = format!("Big {} end", "x".repeat(200_000));
        let mut out = Vec::new();
        tokenize(&text, Span::new(0, text.len()), &[0], &mut out);
        assert!(out.iter().all(|t| t.span().len() <= MAX_WORD));
        assert_eq!(out.first().map(|t| t.span().text(&text)), Some("Big"));
        assert_eq!(out.last().map(|t| t.span().text(&text)), Some("end"));
        // The pieces cover the run with nothing lost.
        let run: usize = out[1..out.len() - 1].iter().map(|t| t.span().len()).sum();
        assert_eq!(run, 200_000);
        assert_eq!(std::mem::size_of::<Tok>(), 8);
    }

    #[test]
    fn never_panics_on_odd_text() {
        for t in ["’s", "a’", "-x", "é.’s", "U.", "..’’--", "Ñ-’"] {
            let mut out = Vec::new();
            tokenize(t, Span::new(0, t.len()), &[0], &mut out);
        }
    }
}
