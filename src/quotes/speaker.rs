//! Speaker noun phrases beside a cue, found on tokens without a parser:
//! capitalised name sequences (with initials, `Jr.`, `of the`), pronouns,
//! `the <role words>`, `X’s office`, and `X, the Y of Z,` appositions.

use crate::model::Span;

use super::cues::{Cue, LEX, cue_at};
use super::words::{Kind, Token};

/// Tokens and their lower-cased words, bounded to one clause.
pub struct Ctx<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    pub low: &'a [Option<String>],
    /// A title-case line (headline): capitalised verbs are still cues.
    pub title_case: bool,
    /// The cue starting at each token, computed once (see [`Ctx::cue`]).
    cues: Vec<Option<Cue>>,
}

impl<'a> Ctx<'a> {
    pub fn new(text: &'a str, toks: &'a [Token], low: &'a [Option<String>]) -> Self {
        let mut ctx = Ctx {
            text,
            toks,
            low,
            title_case: is_title_case(text, toks),
            cues: Vec::new(),
        };
        // Right to left: whether a cue word is a noun depends on the cue
        // after it.
        let mut cues = vec![None; toks.len()];
        for i in (0..toks.len()).rev() {
            cues[i] = ctx.find_cue(i, cues.get(i + 1).copied().flatten());
        }
        ctx.cues = cues;
        ctx
    }
}

/// Whether most words of the tokens are capitalised (a headline).
pub fn is_title_case(text: &str, toks: &[Token]) -> bool {
    let (mut words, mut caps) = (0, 0);
    for t in toks.iter().filter(|t| t.is_word()) {
        words += 1;
        caps += usize::from(
            t.span
                .text(text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase),
        );
    }
    words >= 3 && caps * 10 >= words * 7
}

/// A speaker phrase: its span and whether it is a pronoun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Np {
    pub span: Span,
    pub pronoun: bool,
    /// For a relative `who`: the phrase it stands for (`Smith, who said`).
    pub antecedent: Option<Span>,
}

const CONNECTORS: [&str; 10] = [
    "of", "the", "for", "and", "de", "van", "von", "al", "bin", "la",
];
const MAX_NP: usize = 8;
/// Prepositions that put a phrase out of subject position
/// (`the head of the agency said`, `Fans walking through the park chanted`).
const PREPOSITIONS: [&str; 20] = [
    "at", "in", "on", "during", "after", "before", "for", "with", "since", "over", "of", "through",
    "across", "against", "among", "around", "near", "behind", "into", "from",
];
/// Longest name sequence in tokens (`Members of the Coalition of the Willing`).
const MAX_NAME: usize = 16;
/// Common irregular past tenses that end a speaker phrase.
pub const IRREGULAR: [&str; 16] = [
    "sent", "took", "made", "gave", "went", "came", "got", "put", "set", "met", "ran", "won",
    "lost", "led", "held", "left",
];

impl Ctx<'_> {
    fn word(&self, i: usize) -> Option<&str> {
        self.low.get(i).and_then(|w| w.as_deref())
    }

    /// The cue at token `i`. A capitalised cue word inside a sentence is a
    /// name ("United States"), except in a title-case headline.
    pub fn cue(&self, i: usize) -> Option<Cue> {
        self.cues.get(i).copied().flatten()
    }

    fn find_cue(&self, i: usize, next: Option<Cue>) -> Option<Cue> {
        let cue = cue_at(self.toks, self.low, i)?;
        let capital = self.raw(i).chars().next().is_some_and(char::is_uppercase);
        let sentence_start = i == 0
            || self.toks[i - 1].ends_sentence
            || matches!(self.toks[i - 1].kind, Kind::Punct(_) | Kind::Quote(_));
        (!capital || self.title_case || sentence_start)
            .then_some(cue)
            .filter(|_| !self.is_noun_cue(i, next.is_some()))
    }

    /// Index of the first token that starts at or after byte `pos`.
    pub fn index_at(&self, pos: usize) -> usize {
        self.toks.partition_point(|t| t.span.start < pos)
    }

    fn raw(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.span.text(self.text))
    }

    pub fn is_cap(&self, i: usize) -> bool {
        // A capitalised function word is a sentence opener ("After"), unless
        // a cue follows it ("Will wrote").
        self.word(i).is_some_and(|w| {
            let function = LEX.stop.contains(w)
                || LEX.skip.contains(w)
                || LEX.nonname.contains(w)
                || w.ends_with("ing");
            // Mid-sentence, a capitalised word is a name ("the Willing"),
            // except a function word not followed by a cue ("the U.S. In").
            let mid_sentence =
                i > 0 && (self.toks[i - 1].is_word() || (self.toks[i - 1].quote().is_some()));
            let ing_or_adverb = !LEX.stop.contains(w) && !LEX.skip.contains(w);
            !function
                || (mid_sentence && (ing_or_adverb || cue_at(self.toks, self.low, i + 1).is_some()))
        }) && self
            .raw(i)
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    }

    fn is_possessive(&self, i: usize) -> bool {
        self.word(i).is_some_and(|w| w.ends_with("'s"))
    }

    pub fn is_time(&self, i: usize) -> bool {
        self.word(i).is_some_and(|w| LEX.time.contains(w))
    }

    fn is_determiner(&self, i: usize) -> bool {
        self.word(i).is_some_and(|w| LEX.determiners.contains(w))
    }

    fn is_stop(&self, i: usize) -> bool {
        self.word(i).is_some_and(|w| LEX.stop.contains(w))
    }

    fn is_skip(&self, i: usize) -> bool {
        self.word(i).is_some_and(|w| {
            LEX.skip.contains(w) || (w.len() > 4 && w.ends_with("ly") && !self.is_cap(i))
        })
    }

    fn is_cue(&self, i: usize) -> bool {
        self.cue(i).is_some()
    }

    /// A noun-ish lower-case word that may sit inside a speaker phrase.
    fn is_np_word(&self, i: usize) -> bool {
        self.word(i).is_some()
            && !self.is_stop(i)
            && !self.is_skip(i)
            && !self.is_determiner(i)
            && !self.is_cue(i)
            && !LEX.pronouns.contains(self.word(i).unwrap_or(""))
    }

    /// `the report said`, `a Post report found`: a cue word right after a
    /// determiner or possessive is a noun when a cue or punctuation follows.
    fn is_noun_cue(&self, i: usize, cue_follows: bool) -> bool {
        // A past tense is no noun (`the mother of three replied`).
        let past = self
            .word(i)
            .is_some_and(|w| w.ends_with("ed") || matches!(w, "said" | "told" | "wrote"));
        !past
            && i > 0
            && (self.is_determiner(i - 1) || self.is_possessive(i - 1))
            && self
                .toks
                .get(i + 1)
                .is_some_and(|t| !t.is_word() || cue_follows)
    }

    fn span(&self, from: usize, to_incl: usize) -> Span {
        Span::new(self.toks[from].span.start, self.toks[to_incl].span.end)
    }

    /// Start of a capitalised name sequence ending at token `t`.
    fn cap_run_start(&self, t: usize, lo: usize) -> usize {
        let mut k = t;
        let lo = lo.max(t.saturating_sub(MAX_NAME));
        while k > lo {
            if self.is_cap(k - 1) && !self.is_time(k - 1) {
                k -= 1;
            } else if k >= lo + 2
                && self.word(k - 1).is_some_and(|w| CONNECTORS.contains(&w))
                && !self.is_cap(k - 1)
            {
                // "Coalition of the Willing": a connector between capitals.
                let mut m = k - 1;
                while m > lo && self.word(m - 1).is_some_and(|w| CONNECTORS.contains(&w)) {
                    m -= 1;
                }
                if m > lo && self.is_cap(m - 1) && k - m <= 2 {
                    k = m - 1;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        k
    }

    /// The noun phrase that ends at token `t` (not before `lo`).
    pub fn np_ending_at(&self, t: usize, lo: usize) -> Option<Np> {
        let w = self.word(t)?;
        // `the mother of three`: a count closing the phrase.
        if t >= lo + 2 && self.is_determiner(t) && self.word(t - 1) == Some("of") {
            let head = self.np_ending_at(t - 2, lo).filter(|np| !np.pronoun)?;
            return Some(Np {
                span: Span::new(head.span.start, self.toks[t].span.end),
                ..head
            });
        }
        if LEX.pronouns.contains(w) {
            return Some(Np {
                span: self.toks[t].span,
                pronoun: true,
                antecedent: None,
            });
        }
        if self.is_cap(t) {
            if self.is_time(t) || self.is_determiner(t) {
                return None;
            }
            let k = self.cap_run_start(t, lo);
            // A sentence-initial "The" starts a description ("The statement").
            return Some(Np {
                span: self.span(k, t),
                pronoun: false,
                antecedent: None,
            });
        }
        // `most said`, `Some chanted`: a quantifier standing alone.
        if self
            .word(t)
            .is_some_and(|w| matches!(w, "most" | "many" | "some" | "several" | "others"))
            && self.toks.get(t + 1).is_some_and(|n| n.is_word())
            && self.cue(t + 1).is_some()
        {
            return Some(Np {
                span: self.toks[t].span,
                pronoun: false,
                antecedent: None,
            });
        }
        if !self.is_np_word(t) || self.is_possessive(t) {
            return None;
        }
        let mut k = t;
        let mut n = 1;
        while k > lo && n < MAX_NP {
            let j = k - 1;
            if self.is_determiner(j) {
                k = j;
                break;
            }
            if self.is_cap(j) {
                // "Zelensky’s office", "the Ukrainian president"
                k = self.cap_run_start(j, lo);
                if k > lo && self.is_determiner(k - 1) {
                    k -= 1;
                }
                break;
            }
            if !self.is_np_word(j) {
                break;
            }
            k = j;
            n += 1;
        }
        // Without a determiner or a name, a speaker is a plural or a group
        // (`officials said`, `police say`); a bare singular is another
        // verb's object (`is disavowing remarks`, `(pun intended)`).
        let bare = !self.is_determiner(k) && !self.is_cap(k) && !self.is_possessive(k);
        let group = (k..=t).filter_map(|i| self.word(i)).any(|w| {
            w.ends_with('s')
                || matches!(
                    w,
                    "people"
                        | "police"
                        | "staff"
                        | "media"
                        | "men"
                        | "women"
                        | "children"
                        | "half"
                        | "more"
                        | "either"
                        | "neither"
                        | "none"
                        | "crowd"
                        | "data"
                )
        });
        if bare && !group {
            return None;
        }
        Some(Np {
            span: self.span(k, t),
            pronoun: false,
            antecedent: None,
        })
    }

    /// Skips auxiliaries and adverbs rightwards from `j` (inclusive).
    pub fn skip_adverbs(&self, mut j: usize) -> usize {
        let end = self.toks.len().min(j + 3);
        while j < end && self.is_skip(j) {
            j += 1;
        }
        j
    }

    /// Skips auxiliaries, adverbs and time adjuncts leftwards from `j`
    /// (exclusive); returns the new exclusive end.
    pub fn skip_left(&self, mut j: usize, lo: usize) -> usize {
        let lo = lo.max(j.saturating_sub(8));
        while j > lo {
            let t = j - 1;
            if self.is_skip(t) {
                j -= 1;
            } else if self.is_time(t) {
                j -= 1;
                if j > lo
                    && self
                        .word(j - 1)
                        .is_some_and(|w| matches!(w, "on" | "last" | "this" | "early" | "late"))
                {
                    j -= 1;
                }
            } else {
                break;
            }
        }
        j
    }

    /// The speaker before a cue starting at token `cue` (`X said`,
    /// `X, the Y of Z, said`, `X also told`).
    pub fn left_of(&self, cue: usize, lo: usize) -> Option<Np> {
        let mut j = self.skip_left(cue, lo);
        // `Ortiz laughed and said`, `she paused and added`: the subject of
        // the first verb (one step only, so the work stays bounded).
        if j > lo + 2
            && self.word(j - 1) == Some("and")
            && self.word(j - 2).is_some_and(|w| {
                !self.is_cap(j - 2) && (w.ends_with("ed") || IRREGULAR.contains(&w))
            })
            && self.toks[j - 3].is_word()
        {
            j = self.skip_left(j - 2, lo);
        }
        if j <= lo {
            return None;
        }
        let t = j - 1;
        if matches!(self.word(t), Some("who" | "which")) {
            // "Smith, who …", "the police department which reported …":
            // the speaker is the relative pronoun, as written; it stands
            // for the phrase before it.
            let end = if t >= lo + 2 && self.toks[t - 1].is_punct(',') {
                t - 2
            } else if t > lo && self.toks[t - 1].is_word() {
                t - 1
            } else {
                return None;
            };
            // `anyone who said`: any word before stands for the phrase.
            let ante = self.np_ending_at(end, lo).or_else(|| {
                self.word(end).map(|_| Np {
                    span: self.toks[end].span,
                    pronoun: false,
                    antecedent: None,
                })
            })?;
            return Some(Np {
                span: self.toks[t].span,
                pronoun: false,
                antecedent: Some(ante.span),
            });
        }
        // `Gov. Ana Ruiz (D-Ore.), said`: skip the bracket.
        let mut t = t;
        if self.toks[t].is_punct(',') && t > lo && self.toks[t - 1].is_punct(')') {
            t -= 1;
        }
        if self.toks[t].is_punct(')') {
            let open = (lo..t)
                .rev()
                .take(12)
                .find(|&k| self.toks[k].is_punct('('))?;
            return (open > lo)
                .then(|| self.np_ending_at(open - 1, lo))
                .flatten();
        }
        if self.toks[t].is_punct(',') {
            return self.apposition(t, lo);
        }
        if self.word(t) == Some("to") {
            // `Ortiz was quick to add`, `she went on to say`: the subject
            // stands a few words before.
            // A name after a preposition (`went to Ohio to`) is no subject.
            return (t.saturating_sub(6).max(lo)..t).rev().find_map(|k| {
                let np = self
                    .np_ending_at(k, lo)
                    .filter(|np| np.pronoun || self.is_cap(k))?;
                let first = self.index_at(np.span.start).max(lo);
                // (`so subdued that Ortiz was prompted to say` has a
                // subject after "that".)
                let after_prep = first > lo
                    && self
                        .word(first - 1)
                        .is_some_and(|w| w == "to" || PREPOSITIONS.contains(&w));
                (!after_prep).then_some(np)
            });
        }
        let np = self.np_ending_at(t, lo)?;
        // `Ortiz at the time said`: a prepositional phrase, the subject is
        // before it.
        let first = self.index_at(np.span.start).max(lo);
        let prep = first > lo
            && self
                .word(first - 1)
                .is_some_and(|w| PREPOSITIONS.contains(&w));
        // `three days after Trump told …`: before a name with its verb,
        // these open a clause whose subject the name is.
        let clause = first > lo
            && self.is_cap(first)
            && self
                .word(first - 1)
                .is_some_and(|w| matches!(w, "after" | "before" | "since"));
        if prep && !np.pronoun && !clause {
            let j = self.skip_left(first - 1, lo);
            if j > lo
                && !self.toks[j - 1].is_punct(',')
                && let Some(outer) = self.np_ending_at(j - 1, lo)
            {
                return Some(outer);
            }
            return None;
        }
        Some(np)
    }

    /// `X, the Y of Z, said`: `comma` is the second comma; the speaker is
    /// the phrase before the first one.
    fn apposition(&self, comma: usize, lo: usize) -> Option<Np> {
        // The nearest earlier comma with a name (or pronoun) before it:
        // `Mr. Lane, whose firm, Acme, sells data, said`.
        let floor = comma.saturating_sub(30).max(lo);
        let mut first: Option<Np> = None;
        let mut k = comma;
        while k > floor {
            k -= 1;
            if self.toks[k].ends_sentence {
                break;
            }
            if !self.toks[k].is_punct(',') || k == lo {
                continue;
            }
            // `Sen. Ana Ruiz (D-Ore.), who …, said`: skip the bracket.
            let mut end = k - 1;
            if self.toks[end].is_punct(')')
                && let Some(open) = (lo..end)
                    .rev()
                    .take(12)
                    .find(|&j| self.toks[j].is_punct('('))
                && open > lo
            {
                end = open - 1;
            }
            let before = self.np_ending_at(end, lo);
            if before.is_some_and(|np| np.pronoun || self.is_cap(end)) {
                return before;
            }
            // A relative clause (`, who has backed Ortiz,`) names nobody.
            let relative = self
                .word(k + 1)
                .is_some_and(|w| matches!(w, "who" | "which" | "whose" | "where"));
            if first.is_none() && !relative {
                // `Ohio’s attorney general, Ana Ruiz, vowed`
                let inside = self
                    .np_ending_at(comma - 1, k + 1)
                    .filter(|_| self.is_cap(comma - 1));
                first = inside.or(before);
            }
        }
        first
    }

    /// The speaker phrase starting at token `i` (not at or past `hi`):
    /// `said [the press secretary]`, `according to [X]`, `” [Leavitt] said`.
    pub fn np_starting_at(&self, mut i: usize, hi: usize) -> Option<Np> {
        while i < hi && self.word(i).is_none_or(|_| self.is_time(i)) {
            // punctuation (a comma after the quote) or a time word
            if self.toks[i].quote().is_some() || self.toks[i].ends_sentence {
                return None;
            }
            i += 1;
        }
        if i >= hi {
            return None;
        }
        let w = self.word(i)?;
        if LEX.pronouns.contains(w) && w != "who" {
            return Some(Np {
                span: self.toks[i].span,
                pronoun: true,
                antecedent: None,
            });
        }
        let mut end = i;
        let mut k = i;
        if self.is_determiner(i) {
            k += 1;
        }
        let mut n = 0;
        while k < hi && n < MAX_NP {
            let cap = self.is_cap(k);
            let cap_ok = cap && (!self.is_time(k) || k > i);
            let connector = self.word(k).is_some_and(|w| CONNECTORS.contains(&w))
                && k + 1 < hi
                && (self.is_cap(k + 1) || (self.word(k) == Some("of") && k > i));
            // After a name, a lower-case word continues the phrase only if it
            // does not look like a verb (`The Post sent`, `Ruiz sings`).
            let after_name = k > i && self.is_cap(k - 1) && !self.is_possessive(k - 1);
            let verbish = self.word(k).is_some_and(|w| {
                let plural_end =
                    k + 1 >= hi || self.cue(k + 1).is_some() || !self.toks[k + 1].is_word();
                w.ends_with("ed")
                    || (w.ends_with('s') && !w.ends_with("ss") && !plural_end)
                    || IRREGULAR.contains(&w)
            });
            // `the protesters gathered`: a past tense after a plural.
            let after_plural = k > i
                && self
                    .word(k - 1)
                    .is_some_and(|w| w.ends_with('s') && !w.ends_with("ss"))
                && self
                    .word(k)
                    .is_some_and(|w| w.ends_with("ed") || IRREGULAR.contains(&w));
            let verb_next = (after_name && verbish) || after_plural;
            let lower_ok = self.is_np_word(k) && !cap && !verb_next;
            if cap_ok || lower_ok || (connector && k > i) {
                end = k;
                k += 1;
                n += 1;
            } else {
                break;
            }
        }
        if end == i && !self.is_cap(i) && !self.is_np_word(i) {
            return None;
        }
        if end == i && self.is_determiner(i) {
            return None;
        }
        // Trailing connectors belong to what follows.
        while end > i && self.word(end).is_some_and(|w| CONNECTORS.contains(&w)) {
            end -= 1;
        }
        Some(Np {
            span: self.span(i, end),
            pronoun: false,
            antecedent: None,
        })
    }
}
