//! Quotation marks to quoted runs, one paragraph at a time.
//!
//! Every mark gets a role (open, close, either) from its glyph and from the
//! characters beside it, the way Markdown decides emphasis flanking: a mark
//! with space (or an opening bracket/dash) before it and a word after it can
//! open; one with a word before it and space or punctuation after it can
//! close. That keeps apostrophes, inch marks and mis-curled marks from
//! opening runs. Runs never cross a paragraph: a run still open at the end of
//! a paragraph ends there, so one stray mark cannot swallow the article.

use crate::model::{Span, SpanSet};

/// The glyph family of a run's opening mark; a quote continued over
/// paragraphs repeats an opening mark of the same family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// “ ” „ (and ASCII " closing a curly run, or the reverse)
    Curly,
    /// ASCII "
    Straight,
    /// '' used as a double quotation mark
    DoubleApostrophe,
    /// ‘ ’
    SingleCurly,
    /// ASCII '
    SingleStraight,
}

/// One run of quoted text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    /// The opening mark.
    pub open: Span,
    /// The closing mark, if the run was closed in its paragraph.
    pub close: Option<Span>,
    /// The quoted words, without the marks, trimmed of white space.
    pub inner: Span,
    pub family: Family,
}

impl Run {
    /// From the opening mark to the end of the closing mark (or of `para`).
    pub fn outer(&self, para: Span) -> Span {
        Span::new(self.open.start, self.close.map_or(para.end, |c| c.end))
    }

    pub fn is_double(&self) -> bool {
        matches!(
            self.family,
            Family::Curly | Family::Straight | Family::DoubleApostrophe
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    Either,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    span: Span,
    family: Family,
    role: Role,
}

/// A paragraph's characters by byte offset (into the whole text), for
/// neighbour lookups. Nothing is stored per character, so a paragraph of
/// any length costs no extra memory.
struct Chars<'a> {
    text: &'a str,
    para: Span,
}

impl<'a> Chars<'a> {
    fn new(text: &'a str, para: Span) -> Self {
        let para = if text.get(para.range()).is_some() {
            para
        } else {
            Span::new(0, 0)
        };
        Chars { text, para }
    }

    /// The character starting at byte `k`.
    fn get(&self, k: usize) -> Option<char> {
        if k >= self.para.end {
            return None;
        }
        self.text.get(k..self.para.end)?.chars().next()
    }

    /// The character ending at byte `k`.
    fn before(&self, k: usize) -> Option<char> {
        if k <= self.para.start {
            return None;
        }
        self.text.get(self.para.start..k)?.chars().next_back()
    }
}

fn is_space(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}')
}

fn opens_before(c: Option<char>) -> bool {
    c.is_some_and(|c| "([{<—–-―/‘“'\"„«".contains(c))
}

fn is_punct(c: Option<char>) -> bool {
    c.is_some_and(|c| !c.is_alphanumeric() && !c.is_whitespace())
}

/// (can open, can close) for a mark covering bytes `from..to`.
fn flanks(cs: &Chars, from: usize, to: usize) -> (bool, bool) {
    let prev = cs.before(from);
    let next = cs.get(to);
    let can_open = !is_space(next) && (is_space(prev) || opens_before(prev));
    let can_close = !is_space(prev) && (is_space(next) || is_punct(next));
    (can_open, can_close)
}

/// Markup tags left in the text (`<tweet tweet-id="…">`, `</a>`): marks
/// inside them are not quotation marks.
pub fn tags(text: &str, para: Span) -> Vec<Span> {
    let s = para.text(text);
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &bytes[i..]) {
        let lt = i + off;
        let starts_tag = bytes
            .get(lt + 1)
            .is_some_and(|&b| b.is_ascii_alphabetic() || b == b'/');
        if starts_tag {
            // The tag ends at the next '>' unless another '<' comes first.
            let rest = &bytes[lt + 1..];
            let gt = memchr::memchr(b'>', rest);
            let lt2 = memchr::memchr(b'<', rest);
            if let Some(g) = gt.filter(|g| lt2.is_none_or(|l| l > *g)) {
                out.push(Span::new(para.start + lt, para.start + lt + 1 + g + 1));
                i = lt + 1 + g + 1;
                continue;
            }
        }
        i = lt + 1;
    }
    out
}

/// Inch marks: `6'3"` or `5’ 9"`, a `"` after a digit that follows a foot mark.
fn is_inch_mark(cs: &Chars, k: usize) -> bool {
    // An ASCII byte is always a whole character.
    let bytes = cs.text.as_bytes();
    let digit = |j: usize| j >= cs.para.start && bytes.get(j).is_some_and(u8::is_ascii_digit);
    if k == cs.para.start || !digit(k - 1) {
        return false;
    }
    let mut j = k - 1;
    while j > cs.para.start && digit(j - 1) {
        j -= 1;
    }
    let foot = |c: Option<char>| matches!(c, Some('\'' | '’' | '′'));
    foot(cs.before(j)) || (cs.before(j) == Some(' ') && foot(cs.before(j - 1)))
}

fn double_marks(cs: &Chars, in_tag: &dyn Fn(usize) -> bool) -> Vec<Mark> {
    let mut marks = Vec::new();
    let mut k = cs.para.start;
    while let Some(c) = cs.get(k) {
        let at_start = k == cs.para.start;
        let len = c.len_utf8();
        match c {
            '“' | '”' | '„' | '"' if !in_tag(k) => {
                if c == '"' && is_inch_mark(cs, k) {
                    k += len;
                    continue;
                }
                let (can_open, can_close) = flanks(cs, k, k + len);
                let mut role = match c {
                    '“' | '„' if can_close && !can_open => Role::Close,
                    '“' | '„' => Role::Open,
                    '”' if can_open && !can_close => Role::Open,
                    '”' => Role::Close,
                    _ if can_open && !can_close => Role::Open,
                    _ if can_close && !can_open => Role::Close,
                    _ => Role::Either,
                };
                if at_start {
                    role = Role::Open;
                }
                let family = if c == '"' {
                    Family::Straight
                } else {
                    Family::Curly
                };
                marks.push(Mark {
                    span: Span::new(k, k + len),
                    family,
                    role,
                });
                k += len;
            }
            '\'' => {
                let mut j = k;
                while cs.get(j) == Some('\'') {
                    j += 1;
                }
                if j - k >= 2 && !in_tag(k) {
                    let (can_open, can_close) = flanks(cs, k, j);
                    let (from, role) = if (can_open && !can_close) || at_start {
                        (k, Role::Open)
                    } else if can_close && !can_open {
                        (j - 2, Role::Close)
                    } else {
                        (k, Role::Either)
                    };
                    marks.push(Mark {
                        span: Span::new(from, from + 2),
                        family: Family::DoubleApostrophe,
                        role,
                    });
                }
                k = j;
            }
            _ => k += len,
        }
    }
    marks
}

/// The quoted runs of one paragraph, in text order; direct and single runs
/// never overlap.
pub fn runs(text: &str, para: Span) -> Vec<Run> {
    let cs = Chars::new(text, para);
    let tag_spans = tags(text, para);
    // Tags are sorted and disjoint: binary search.
    let in_tag = |b: usize| {
        let i = tag_spans.partition_point(|t| t.end <= b);
        tag_spans.get(i).is_some_and(|t| t.contains(b))
    };
    let marks = double_marks(&cs, &in_tag);

    let mut out: Vec<Run> = Vec::new();
    let mut stack: Vec<Mark> = Vec::new();
    for m in marks {
        match (stack.is_empty(), m.role) {
            (true, Role::Close) => {} // stray closing mark
            (true, _) => stack.push(m),
            (false, Role::Open) => stack.push(m), // nested double quote
            (false, _) => {
                let om = stack.pop().unwrap_or(m);
                // Curly and straight marks close each other (`“…"`); the run
                // keeps the opening family, which a continued paragraph
                // repeats.
                if stack.is_empty() {
                    push_run(text, &mut out, om.span, Some(m.span), om.family);
                }
            }
        }
    }
    if let Some(om) = stack.first() {
        push_run(text, &mut out, om.span, None, om.family);
        // The unclosed run ends at the paragraph end.
        if let Some(last) = out.last_mut().filter(|r| r.close.is_none()) {
            last.inner = Span::new(om.span.end, para.end).trim(text);
        }
    }
    let blocked: Vec<Span> = out
        .iter()
        .map(|r| r.outer(para))
        .chain(tag_spans.iter().copied())
        .collect();
    single_runs(text, &cs, &blocked, &mut out);
    out.sort_by_key(|r| r.open.start);
    out
}

fn push_run(text: &str, out: &mut Vec<Run>, open: Span, close: Option<Span>, family: Family) {
    let end = close.map_or(open.end, |c| c.start);
    let inner = Span::new(open.end, end.max(open.end)).trim(text);
    if !inner.is_empty() || close.is_none() {
        out.push(Run {
            open,
            close,
            inner,
            family,
        });
    }
}

/// Single-quoted runs outside the double-quoted ones: only clear ones, an
/// opener at the start of a word and a closer at the end of one, in the same
/// paragraph and before the next double mark. One pass collects the few
/// possible closers and barriers; each opener then finds the next of each by
/// binary search, so a paragraph of any length stays linear in time and
/// needs memory only for its marks.
fn single_runs(text: &str, cs: &Chars, blocked: &[Span], out: &mut Vec<Run>) {
    // Spans single marks may not pair across (double-quoted runs, tags).
    let blocked = SpanSet::new(blocked.iter().copied());
    let s = cs.para.text(text);
    let base = cs.para.start;
    let bytes = s.as_bytes();
    // Possible closers of each glyph, barriers (double marks, '' pairs;
    // blocked spans are asked separately) and possible openers with the
    // characters beside them, all by byte offset.
    let mut curly: Vec<usize> = Vec::new();
    let mut straight: Vec<usize> = Vec::new();
    let mut bars: Vec<usize> = Vec::new();
    let mut openers: Vec<(usize, char, Option<char>, Option<char>)> = Vec::new();
    let mut i = 0;
    // Every mark looked at is ASCII or starts with the byte E2.
    while let Some(off) = memchr::memchr3(b'\'', b'"', 0xE2, &bytes[i..]) {
        let at = i + off;
        let Some(c) = s[at..].chars().next() else {
            break;
        };
        i = at + c.len_utf8();
        let k = base + at;
        let prev = s[..at].chars().next_back();
        let next = s[i..].chars().next();
        match c {
            '’' | '\'' => {
                let between_letters =
                    prev.is_some_and(char::is_alphabetic) && next.is_some_and(char::is_alphabetic);
                let apostrophe_pair = c == '\'' && (prev == Some('\'') || next == Some('\''));
                let closes = !is_space(prev)
                    && !between_letters
                    && !apostrophe_pair
                    && (is_space(next) || is_punct(next));
                match c {
                    '’' if closes => curly.push(k),
                    '\'' if closes => straight.push(k),
                    _ => {}
                }
                if c == '\'' {
                    if next == Some('\'') {
                        bars.push(k);
                    }
                    openers.push((k, c, prev, next));
                }
            }
            '‘' => openers.push((k, c, prev, next)),
            '“' | '”' | '„' | '"' => bars.push(k),
            _ => {}
        }
    }
    let first_from = |list: &[usize], p: usize| list.get(list.partition_point(|&x| x < p)).copied();
    // Characters before `from` belong to a run already found.
    let mut from = base;
    for &(k, c, prev, next) in &openers {
        if k < from || blocked.contains(k) {
            continue;
        }
        let pair = c == '\'' && (prev == Some('\'') || next == Some('\''));
        let word_after = if c == '\'' {
            next.is_some_and(char::is_alphabetic)
        } else {
            next.is_some_and(char::is_alphanumeric)
        };
        let foot = prev.is_some_and(|p| p.is_ascii_digit());
        if pair || foot || !word_after || !(is_space(prev) || opens_before(prev)) {
            continue;
        }
        let after = k + c.len_utf8();
        let (closers, glyph, family) = if c == '‘' {
            (&curly, '’', Family::SingleCurly)
        } else {
            (&straight, '\'', Family::SingleStraight)
        };
        let Some(closer) = first_from(closers, after) else {
            continue;
        };
        let bar = match (first_from(&bars, after), blocked.next_from(after)) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        if bar.is_some_and(|b| b <= closer) {
            continue;
        }
        let end = closer + glyph.len_utf8();
        let inner = Span::new(after, closer).trim(text);
        // One letter ('n' of rock 'n' roll) is not a quote.
        if inner.text(text).chars().count() >= 2 {
            out.push(Run {
                open: Span::new(k, after),
                close: Some(Span::new(closer, end)),
                inner,
                family,
            });
        }
        from = end;
    }
}

/// The family of an opening double mark at the very start of `para`, if any.
pub fn leading_open(text: &str, para: Span) -> Option<Family> {
    let s = para.text(text);
    if s.starts_with("''") {
        return Some(Family::DoubleApostrophe);
    }
    match s.chars().next()? {
        '“' | '„' | '”' => Some(Family::Curly),
        '"' => Some(Family::Straight),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_quotes_stop_at_double_marks_and_tags() {
        assert!(
            quoted("He said ‘no “way’ today.”")
                .iter()
                .all(|q| !q.contains('‘'))
        );
        assert_eq!(quoted("<b>‘</b>x’ and ‘fine’ then"), vec!["fine"]);
        assert_eq!(
            quoted("She said ’twas ‘a good year’ for all."),
            vec!["a good year"]
        );
    }

    fn quoted(text: &str) -> Vec<&str> {
        runs(text, Span::new(0, text.len()))
            .iter()
            .map(|r| r.inner.text(text))
            .collect()
    }

    #[test]
    fn curly_straight_and_mixed() {
        assert_eq!(quoted("“We won,” she said."), vec!["We won,"]);
        assert_eq!(quoted("\"We won,\" she said."), vec!["We won,"]);
        assert_eq!(quoted("“We won,\" she said."), vec!["We won,"]);
    }

    #[test]
    fn double_apostrophes() {
        assert_eq!(
            quoted("''It is over,'' Mr. Smith said of the ''plan.''"),
            vec!["It is over,", "plan."]
        );
    }

    #[test]
    fn single_quotes_in_headlines_and_nested() {
        assert_eq!(quoted("Smith slams ‘reckless’ plan"), vec!["reckless"]);
        assert_eq!(
            quoted("“They told me ‘no way,’ and left,” he said."),
            vec!["They told me ‘no way,’ and left,"]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(quoted("Zelensky’s aides loved ’90s rock ’n’ roll.").is_empty());
        assert!(quoted("It's rock 'n' roll, isn't it?").is_empty());
        assert!(quoted("The players' union and the owners' group met.").is_empty());
    }

    #[test]
    fn inch_marks_are_not_quotes() {
        assert!(quoted("The 6'3\" guard scored 20 points.").is_empty());
        assert_eq!(
            quoted("“He is 6'3\" tall,” the coach said."),
            vec!["He is 6'3\" tall,"]
        );
    }

    #[test]
    fn unclosed_run_ends_at_paragraph_end() {
        let text = "“We will fight on. \n\nNext paragraph “is” here.";
        let p1 = Span::new(0, text.find('\n').unwrap_or(text.len())).trim(text);
        let r = runs(text, p1);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].inner.text(text), "We will fight on.");
        assert!(r[0].close.is_none());
    }

    #[test]
    fn mis_curled_and_stray_marks() {
        // A closing glyph used to open, and a stray closing mark.
        assert_eq!(quoted("He said ”enough” today.”"), vec!["enough"]);
    }

    #[test]
    fn markup_is_ignored() {
        assert_eq!(
            quoted("<tweet tweet-id=\"123\">“Great rally,” he wrote.</tweet>"),
            vec!["Great rally,"]
        );
    }
}
