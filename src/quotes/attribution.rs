//! Quoted runs to speakers and cues, inside one paragraph.
//!
//! A direct quote looks right first (`“…,” X said.`, `“…,” said X.`), then
//! left in its own sentence (`X said: “…”`, `X said, “…”`); a partial quote
//! looks left first (`X called it “…”`). A run with neither continues the
//! speaker of the run before it in the paragraph (`“A,” X said. “B.”`).

use crate::model::{QuoteKind, Span};

use super::cues::LEX;
use super::cues::{Class, Cue};
use super::speaker::{Ctx, IRREGULAR, Np};

/// Who said a run, and the cue that says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attr {
    pub speaker: Np,
    pub cue: Option<Span>,
}

/// Per token: the sentence start token index.
pub fn sentence_starts(ctx: &Ctx) -> Vec<usize> {
    let mut out = Vec::with_capacity(ctx.toks.len());
    let mut start = 0;
    for (i, t) in ctx.toks.iter().enumerate() {
        out.push(start);
        if t.ends_sentence {
            start = i + 1;
        }
    }
    out
}

/// The speaker of a cue found at `cue`, looking within `lo..hi`.
pub fn speaker_of(ctx: &Ctx, cue: &Cue, lo: usize, hi: usize) -> Option<Np> {
    match cue.class {
        Class::According => according_speaker(ctx, cue.end, hi),
        // `a statement announcing …`: a participle has a subject only after
        // an auxiliary (`is saying`); otherwise the sentence's subject speaks.
        _ if ctx.low[cue.first]
            .as_deref()
            .is_some_and(|w| w.ends_with("ing")) =>
        {
            // `is already claiming`: one adverb may stand between.
            let adverb = cue.first > lo + 1
                && ctx.low[cue.first - 1].as_deref().is_some_and(|w| {
                    w.ends_with("ly") || matches!(w, "already" | "still" | "now" | "also")
                });
            let before = cue.first - usize::from(adverb);
            let aux = before > lo
                && ctx.low[before - 1].as_deref().is_some_and(|w| {
                    matches!(
                        w,
                        "is" | "was" | "are" | "were" | "been" | "be" | "keeps" | "kept"
                    )
                });
            if aux {
                // `Ruiz kept asking`: "kept" is no auxiliary to skip.
                let verb = ctx.low[before - 1]
                    .as_deref()
                    .is_some_and(|w| matches!(w, "keeps" | "kept"));
                ctx.left_of(before - usize::from(verb), lo)
            } else if before > lo
                && ctx.is_cap(before - 1)
                && !ctx.low[before - 1]
                    .as_deref()
                    .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
            {
                // `footage of Ortiz saying …`, `with Ortiz reportedly
                // yelling …`: the name just before speaks (`remarks made in
                // 2006 saying` names a year, nobody).
                ctx.np_ending_at(before - 1, lo)
            } else {
                // `Ruiz posted tweets Friday saying that …`: the sentence's
                // subject does the saying, over any clause inside.
                // From the sentence start, past any quote before (`Ruiz
                // visited “Today” to discuss it, saying …`).
                let floor = cue.first.saturating_sub(80);
                let sent = (floor..cue.first)
                    .rev()
                    .find(|&k| ctx.toks[k].ends_sentence)
                    .map_or(floor, |k| k + 1);
                subject(ctx, sent.min(lo), cue.first).filter(|np| names_someone(ctx, np))
            }
        }
        // `a class called “Perception”`: a naming participle after a common
        // noun names a thing; nobody speaks.
        _ if is_naming(ctx, cue) => None,
        _ if is_noun_use(ctx, cue, lo) => None,
        // `“Blue Skies” was written by Berlin`: a passive cue names
        // its speaker after "by".
        _ if cue.first > lo
            && ctx.low.get(cue.end).and_then(|w| w.as_deref()) == Some("by")
            && ctx.low[cue.first - 1]
                .as_deref()
                .is_some_and(|w| matches!(w, "was" | "were" | "is" | "are" | "been" | "be")) =>
        {
            ctx.np_starting_at(cue.end + 1, hi)
        }
        // `Ortiz was charged with …`: a passive cue names its speaker in
        // a later "by" phrase (`has been called “…” by Dr. Lane`) or not at
        // all.
        _ if cue.first > lo
            && ctx.low[cue.first]
                .as_deref()
                .is_some_and(|w| w.ends_with("ed") || w == "told")
            && ctx.low[cue.first - 1]
                .as_deref()
                .is_some_and(|w| matches!(w, "was" | "were" | "been" | "being")) =>
        {
            let by = (cue.end..hi.min(cue.end + 6))
                .take_while(|&k| !ctx.toks[k].is_punct(','))
                .find(|&k| ctx.low[k].as_deref() == Some("by"))?;
            ctx.np_starting_at(by + 1, hi)
        }
        _ => ctx
            .left_of(cue.first, lo)
            .or_else(|| {
                // Inverted: `said Leavitt`, `said the press secretary`; only when
                // nothing of the clause stands before the cue.
                (invertible(ctx, cue)
                    && (cue.first == lo
                        || ctx.toks[cue.first - 1].quote().is_some()
                        || is_comma(ctx, cue.first - 1)))
                .then(|| ctx.np_starting_at(cue.end, hi))
                .flatten()
                .filter(|np| {
                    !np.pronoun || ctx.toks.get(cue.end).is_some_and(|t| t.span == np.span)
                })
            })
            .or_else(|| {
                // `he backed Lee over Ortiz and said …`: a second verb of
                // saying shares the sentence's subject.
                let and = ctx.skip_left(cue.first, lo).checked_sub(1)?;
                (matches!(cue.class, Class::Speech | Class::Tell)
                    && and > lo
                    && ctx.low[and].as_deref() == Some("and")
                    && ctx.toks[and - 1].is_word())
                .then(|| subject(ctx, lo, and))
                .flatten()
                .filter(|np| names_someone(ctx, np))
            }),
    }
}

/// `according to Afghanistan's ambassador to the United States Ana Ruiz,`:
/// the source is the whole phrase up to the comma (or the sentence end),
/// when that comes soon; otherwise the first noun phrase.
fn according_speaker(ctx: &Ctx, start: usize, hi: usize) -> Option<Np> {
    let np = ctx.np_starting_at(start, hi)?;
    let np_last = ctx.index_at(np.span.end).checked_sub(1)?;
    // Plain words go on the phrase until a comma or the sentence end.
    let limit = hi.min(start + 14);
    let plain = |k: usize| ctx.toks[k].is_word() && ctx.cue(k).is_none() && !ctx.is_time(k);
    let mut k = np_last + 1;
    while k < limit && !ctx.toks[k - 1].ends_sentence && plain(k) {
        k += 1;
    }
    let mut last = k - 1;
    let closes = ctx.toks[last].ends_sentence
        || k >= hi
        || (k < limit && {
            let t = &ctx.toks[k];
            t.is_punct(',') || (!t.is_word() && t.ends_sentence)
        });
    if !closes {
        return Some(np);
    }
    // `according to the team's coach, Ana Ruiz, …`: the name in apposition
    // belongs to the source.
    if ctx.toks.get(k).is_some_and(|t| t.is_punct(','))
        && ctx.is_cap(k + 1)
        && let Some(name) = ctx.np_starting_at(k + 1, hi)
    {
        let after = ctx.index_at(name.span.end);
        if ctx.toks.get(after).is_some_and(|t| t.is_punct(',')) {
            last = after - 1;
        }
    }
    if last == np_last {
        return Some(np);
    }
    Some(Np {
        span: Span::new(np.span.start, ctx.toks[last].span.end),
        ..np
    })
}

/// `dozens of Senate claims`, `the answers`: a cue word that is a plural
/// noun here (after a determiner, or in a phrase after a preposition).
fn is_noun_use(ctx: &Ctx, cue: &Cue, lo: usize) -> bool {
    let Some(w) = ctx.low[cue.first].as_deref() else {
        return false;
    };
    if cue.end - cue.first > 1 || cue.first <= lo {
        return false;
    }
    // `an unprompted call`, `Lee's conference call`: a base-form cue
    // word (never a past tense) inside a noun phrase.
    if LEX.nouns.contains(w) {
        let mut k = cue.first;
        let floor = cue.first.saturating_sub(3).max(lo);
        while k > floor {
            let p = ctx.low[k - 1].as_deref();
            if p.is_some_and(|p| LEX.determiners.contains(p) || p.ends_with("'s")) {
                return true;
            }
            let adjective = p.is_some_and(|p| {
                !LEX.stop.contains(p) && !LEX.skip.contains(p) && !LEX.pronouns.contains(p)
            });
            if !adjective || k < cue.first && ctx.is_cap(k - 1) {
                break;
            }
            k -= 1;
        }
    }
    if !w.ends_with('s') || w == "says" {
        return false;
    }
    // `videos he calls …`: after a pronoun subject the cue is a verb.
    if ctx.low[cue.first - 1]
        .as_deref()
        .is_some_and(|p| LEX.pronouns.contains(p))
    {
        return false;
    }
    // `New reports have shown`: a verb follows the noun.
    let next = ctx.low.get(cue.end).and_then(|w| w.as_deref());
    if next.is_some_and(|n| {
        matches!(
            n,
            "have" | "has" | "were" | "are" | "had" | "will" | "would"
        )
    }) {
        return true;
    }
    let prev = ctx.low[cue.first - 1].as_deref();
    // `the answers`, `Lee's remarks`, `sparked calls for`
    if prev.is_some_and(|p| LEX.determiners.contains(p) || p.ends_with("'s") || p.ends_with("ed")) {
        return true;
    }
    // Walk back over the phrase the cue would take as its speaker.
    let mut k = cue.first;
    let lo = lo.max(cue.first.saturating_sub(8));
    while k > lo
        && ctx.toks[k - 1].is_word()
        && !ctx.low[k - 1]
            .as_deref()
            .is_some_and(|p| LEX.stop.contains(p))
    {
        k -= 1;
    }
    k > lo
        && k < cue.first
        && ctx.low[k - 1].as_deref().is_some_and(|p| {
            matches!(
                p,
                "of" | "in" | "on" | "for" | "about" | "with" | "by" | "to" | "from" | "over"
            )
        })
}

/// `a culture called “The Way”`, `known online as “Guccifer”`: the run is
/// a name given to something; nobody is quoted, so it has no speaker.
pub fn is_named(ctx: &Ctx, q: usize) -> bool {
    let word = |k: usize| ctx.low.get(k).and_then(|w| w.as_deref());
    let mut k = q;
    if k > 0 && word(k - 1).is_some_and(|w| matches!(w, "the" | "a" | "an")) {
        k -= 1;
    }
    if k > 1 && word(k - 1) == Some("as") {
        // `known as`, `known online as`
        let mut v = k - 2;
        if v > 0 && word(v).is_some_and(|w| w.ends_with("ly") || w == "online") {
            v -= 1;
        }
        return word(v) == Some("known");
    }
    k > 0
        && ctx
            .cue(k - 1)
            .is_some_and(|cue| cue.end == k && is_naming(ctx, &cue))
}

fn is_naming(ctx: &Ctx, cue: &Cue) -> bool {
    let naming = ctx.low[cue.first].as_deref().is_some_and(|w| {
        matches!(
            w,
            "called" | "named" | "dubbed" | "titled" | "labeled" | "labelled" | "known"
        )
    });
    let next_is_name =
        ctx.toks.get(cue.end).is_some_and(|t| t.quote().is_some()) || ctx.is_cap(cue.end);
    let after_noun = cue.first > 0
        && ctx.low[cue.first - 1].as_deref().is_some_and(|w| {
            !LEX.pronouns.contains(w) && !LEX.skip.contains(w) && !LEX.stop.contains(w)
        })
        && !ctx.is_cap(cue.first - 1);
    // `Lee’s campaign called …` opens its clause: the campaign speaks;
    // `… for a class called “Perception”` is an object named.
    let subject_position = ctx
        .np_ending_at(cue.first.saturating_sub(1), 0)
        .is_some_and(|np| {
            let start = ctx.index_at(np.span.start);
            start == 0 || !ctx.toks[start - 1].is_word()
        });
    naming && next_is_name && after_noun && !subject_position
}

/// Verbs news writing puts before their speaker (`said Leavitt`); `slams
/// Lee, praises Ortiz` is no inversion.
fn invertible(ctx: &Ctx, cue: &Cue) -> bool {
    ctx.low[cue.first]
        .as_deref()
        .is_some_and(|w| LEX.inverted.contains(w))
}

/// A one-word verb of saying that the lexicon does not list.
fn unlisted_cue(ctx: &Ctx, k: usize) -> Cue {
    Cue {
        first: k,
        end: k + 1,
        class: Class::Speech,
        span: ctx.toks[k].span,
    }
}

fn is_comma(ctx: &Ctx, i: usize) -> bool {
    ctx.toks
        .get(i)
        .is_some_and(|t| t.is_punct(',') || t.is_punct('—') || t.is_punct('–'))
}

fn is_dash(ctx: &Ctx, i: usize) -> bool {
    ctx.toks
        .get(i)
        .is_some_and(|t| t.is_punct('—') || t.is_punct('―') || t.is_punct('–') || t.is_punct('-'))
}

/// Whether token `i` can open a speaker phrase.
fn opens_np(ctx: &Ctx, i: usize) -> bool {
    ctx.is_cap(i)
        || ctx
            .low
            .get(i)
            .and_then(|w| w.as_deref())
            .is_some_and(|w| LEX.pronouns.contains(w) || LEX.determiners.contains(w))
}

fn found(speaker: Np, cue: Option<&Cue>) -> Attr {
    Attr {
        speaker,
        cue: cue.map(|c| c.span),
    }
}

/// Attribution found to the right of the quote token `q`: `“…,” X said`,
/// `“…,” said X`, `“…,” X, the Y of Z, said`, `“…” ― X`.
fn right(ctx: &Ctx, q: usize, inner: &str) -> Option<(Attr, Option<usize>)> {
    // A quote ending in a period is often followed by a new sentence; one
    // ending in `?`/`!` or followed by a lower-case word is not.
    let n = ctx.toks.len();
    let lower_next = ctx.toks.get(q + 1).is_some_and(|t| {
        t.is_word()
            && t.span
                .text(ctx.text)
                .starts_with(|c: char| c.is_lowercase())
    });
    let ends_sentence = inner.ends_with(['.', '…']) && !lower_next;
    let reach = if ends_sentence { 4 } else { 40 };
    let mut start = q + 1;
    if is_dash(ctx, start) {
        // `“…” ― Ana Ruiz` at the end of a paragraph.
        let np = ctx.np_starting_at(start + 1, n)?;
        let after = (start + 1..n).find(|&k| ctx.toks[k].span.start >= np.span.end);
        let ends = after.is_none_or(|k| !ctx.toks[k].is_word() && ctx.toks[k].quote().is_none());
        return (ctx.is_cap(start + 1) && ends).then(|| (found(np, None), None));
    }
    if is_comma(ctx, start) {
        start += 1;
    }
    // `“…,” when Ortiz mocked him`: a subordinate clause, not the
    // attribution.
    if ctx.cue(start).is_none()
        && ctx
            .low
            .get(start)
            .and_then(|w| w.as_deref())
            .is_some_and(|w| {
                matches!(
                    w,
                    "when"
                        | "as"
                        | "after"
                        | "because"
                        | "while"
                        | "before"
                        | "since"
                        | "if"
                        | "which"
                        | "that"
                        | "and"
                        | "but"
                )
            })
    {
        // `“It seems unlikely” that she wins, said Ruiz.`: a quote that runs
        // on into the writer's clause is attributed after a comma at the end
        // of that clause.
        if let Some(hit) = as_attribution(ctx, q) {
            return Some(hit);
        }
        let bare = !inner
            .trim_end_matches(['"', '\'', '’', '”', ')'])
            .ends_with(['.', '?', '!', '…', ',', ';', ':', '—', '–', '-']);
        return if bare {
            run_on_attribution(ctx, start, false)
        } else {
            None
        };
    }
    let mut k = start;
    while k < n && k < start + reach {
        let t = &ctx.toks[k];
        if t.quote().is_some() || t.is_punct(';') || t.is_punct(':') {
            break;
        }
        if let Some(cue) = ctx.cue(k) {
            // `“I do.” She followed that by saying …`: after a quote that
            // ends its sentence, only a short `X said.` clause attributes it.
            if ends_sentence
                && k > start
                && ctx.toks.get(cue.end).is_some_and(|t| {
                    t.is_word()
                        && !ctx.low[cue.end].as_deref().is_some_and(|w| {
                            w != "that"
                                && (LEX.stop.contains(w)
                                    || LEX.time.contains(w)
                                    || LEX.skip.contains(w))
                        })
                })
            {
                return None;
            }
            // `“…” was written by Berlin` (not `said by telephone`)
            let by = ctx.low.get(cue.end).and_then(|w| w.as_deref()) == Some("by")
                && ctx.low[cue.first - 1]
                    .as_deref()
                    .is_some_and(|w| matches!(w, "was" | "were" | "is" | "are" | "been" | "be"));
            let sp = if k == start {
                // `“…,” referring to the plan`: a participle takes no
                // speaker after it.
                (invertible(ctx, &cue)
                    || cue.class == Class::According
                    || !ctx.low[k].as_deref().is_some_and(|w| w.ends_with("ing")))
                .then(|| ctx.np_starting_at(cue.end, n))
                .flatten()
            } else if by {
                // `“…” was written by Berlin`
                ctx.np_starting_at(cue.end + 1, n)
            } else if cue.class == Class::According {
                None
            } else if opens_np(ctx, start) {
                ctx.np_starting_at(start, k)
                    .or_else(|| ctx.left_of(k, start))
            } else if is_comma(ctx, k - 1) {
                // `“…” in the spring primary, said Ana Ruiz.`
                ctx.np_starting_at(cue.end, n)
            } else {
                ctx.left_of(k, start)
            };
            return sp.map(|speaker| (found(speaker, Some(&cue)), Some(cue.first)));
        }
        if t.ends_sentence {
            break;
        }
        k += 1;
    }
    // `“…” reacted Ortiz.`: a verb we do not list, then a name.
    if ctx
        .low
        .get(start)
        .and_then(|w| w.as_deref())
        .is_some_and(|w| w.ends_with("ed"))
        && ctx.is_cap(start + 1)
        && let Some(np) = ctx.np_starting_at(start + 1, n)
    {
        let after = (start + 1..n).find(|&k| ctx.toks[k].span.start >= np.span.end);
        if after.is_none_or(|k| ctx.toks[k].ends_sentence || ctx.toks[k].is_punct(',')) {
            return Some((found(np, Some(&unlisted_cue(ctx, start))), Some(start)));
        }
    }
    // `“…?” Ortiz demanded.`, `” the crowd cried out`: a speaker phrase
    // and a past-tense verb we do not list, ending the clause.
    if !opens_np(ctx, start) {
        return None;
    }
    for v in start + 1..n.min(start + 9) {
        if !ctx.toks[v].is_word() {
            return None;
        }
        let past = ctx.low[v]
            .as_deref()
            .is_some_and(|w| w.ends_with("ed") || IRREGULAR.contains(&w) || w == "shot")
            && !ctx.is_cap(v);
        if !past {
            continue;
        }
        let closes = ctx.toks.get(v + 1).is_none_or(|t| {
            t.ends_sentence
                || t.is_punct(',')
                || (!ends_sentence
                    && ctx.low[v + 1].as_deref().is_some_and(|w| {
                        LEX.stop.contains(w) || matches!(w, "out" | "back" | "up")
                    }))
        });
        let np = ctx.np_starting_at(start, v)?;
        if !closes || np.span.end != ctx.toks[v - 1].span.end {
            return None;
        }
        return Some((found(np, Some(&unlisted_cue(ctx, v))), Some(v)));
    }
    None
}

/// `“…,” as the memo put it.`: "as" right after the run opens its
/// attribution.
fn as_attribution(ctx: &Ctx, q: usize) -> Option<(Attr, Option<usize>)> {
    let n = ctx.toks.len();
    let start = if is_comma(ctx, q + 1) { q + 2 } else { q + 1 };
    if ctx.low.get(start).and_then(|w| w.as_deref()) != Some("as") || !opens_np(ctx, start + 1) {
        return None;
    }
    let np = ctx.np_starting_at(start + 1, n)?;
    let after = (start + 1..n).find(|&j| ctx.toks[j].span.start >= np.span.end)?;
    let cue = ctx
        .cue(ctx.skip_adverbs(after))
        .filter(|c| c.class == Class::Speech)?;
    Some((found(np, Some(&cue)), Some(cue.first)))
}

/// `The plan was a “mess” that had “no future,” she said.`: a sentence
/// that ends in its attribution is that speaker's, every run in it.
fn closing_attribution(ctx: &Ctx, q: usize) -> Option<(Attr, Option<usize>)> {
    let n = ctx.toks.len();
    let mut k = q + 1;
    while k < n.min(q + 60) {
        let t = &ctx.toks[k];
        if t.is_punct(';') || t.is_punct(':') || t.ends_sentence {
            return None;
        }
        if t.is_punct(',')
            && let Some(hit) = run_on_attribution(ctx, k, true)
        {
            return Some(hit);
        }
        k += 1;
    }
    None
}

/// `, said Ruiz.` or `, Ruiz said.` after a comma in the sentence that goes
/// on from token `start`.
/// `tell` also takes `, she told reporters.`
fn run_on_attribution(ctx: &Ctx, start: usize, tell: bool) -> Option<(Attr, Option<usize>)> {
    let n = ctx.toks.len();
    let mut k = start;
    while k < n && k < start + 60 {
        let t = &ctx.toks[k];
        if t.quote().is_some() || t.is_punct(';') || t.is_punct(':') || t.ends_sentence {
            return None;
        }
        if !t.is_punct(',') {
            k += 1;
            continue;
        }
        let c = k + 1;
        if let Some(cue) = ctx
            .cue(c)
            .filter(|c| c.class == Class::Speech && invertible(ctx, c))
        {
            let np = ctx.np_starting_at(cue.end, n)?;
            return Some((found(np, Some(&cue)), Some(cue.first)));
        }
        if opens_np(ctx, c)
            && let Some(np) = ctx.np_starting_at(c, n)
        {
            let after = (c..n).find(|&j| ctx.toks[j].span.start >= np.span.end);
            let cue = after
                .map(|j| ctx.skip_adverbs(j))
                .and_then(|j| ctx.cue(j))
                .filter(|c| c.class == Class::Speech || (tell && c.class == Class::Tell));
            if let Some(cue) = cue {
                // The cue ends the sentence (`, Ruiz said.`, `, she said
                // on Monday.`): nothing but a few words after it.
                let rest = (cue.end..n.min(cue.end + 6)).any(|j| ctx.toks[j].ends_sentence)
                    || cue.end + 6 >= n;
                if rest {
                    return Some((found(np, Some(&cue)), Some(cue.first)));
                }
            }
        }
        k += 1;
    }
    None
}

/// The cue with a speaker nearest before `q` (back to `lo`), or the outer
/// one it is embedded in when no punctuation separates them: `X said Y
/// described it as “…”` is X's, `…, and Y said “…”` is Y's.
fn left(ctx: &Ctx, q: usize, lo: usize) -> Option<(Attr, Option<usize>)> {
    let mut cands: Vec<(Cue, Np)> = Vec::new();
    let mut k = lo;
    let mut participle_seen = false;
    while k < q {
        if let Some(cue) = ctx.cue(k) {
            if cue.end <= q {
                if let Some(speaker) = speaker_of(ctx, &cue, lo, q) {
                    cands.push((cue, speaker));
                } else {
                    participle_seen |= ctx.low[k].as_deref().is_some_and(|w| w.ends_with("ing"));
                }
            }
            k = cue.end;
            continue;
        }
        k += 1;
    }
    // `…, to which O'Malley interjected: “…”`: a name and a verb we do not
    // list, right before the colon, after any listed cue.
    if q >= lo + 3
        && ctx.toks[q - 1].is_punct(':')
        && ctx.low[q - 2].as_deref().is_some_and(|w| {
            !ctx.is_cap(q - 2)
                && ctx.cue(q - 2).is_none()
                && (w.ends_with("ed") || IRREGULAR.contains(&w))
        })
        && ctx.is_cap(q - 3)
        && let Some(np) = ctx.np_ending_at(q - 3, lo).filter(|np| !np.pronoun)
        && cands
            .last()
            .is_none_or(|(c, _)| c.span.end <= np.span.start)
    {
        return Some((found(np, Some(&unlisted_cue(ctx, q - 2))), Some(q - 2)));
    }
    if let Some(mut best) = cands.len().checked_sub(1) {
        while best > 0 {
            let (outer, _) = &cands[best - 1];
            let (_, sp) = &cands[best];
            let from = outer.end;
            let to = (from..q)
                .find(|&t| ctx.toks[t].span.start >= sp.span.start)
                .unwrap_or(q);
            let (inner, _) = &cands[best];
            // `The spot ends with footage of Ortiz saying “…”`: a participle
            // after `of` and its own speaker reports for that speaker.
            let own_speaker = ctx.low[inner.first]
                .as_deref()
                .is_some_and(|w| w.ends_with("ing"))
                && inner.first > 0
                && ctx.toks[inner.first - 1].span.end == sp.span.end
                && {
                    let k = ctx.index_at(sp.span.start);
                    k > 0 && ctx.low[k - 1].as_deref() == Some("of")
                };
            let separated = own_speaker
                || (from..to).any(|t| {
                    let tok = &ctx.toks[t];
                    // `X complained …, suggesting Y sees …`: a participle goes
                    // on with X's attribution.
                    let participle_next = ctx
                        .low
                        .get(t + 1)
                        .and_then(|w| w.as_deref())
                        .is_some_and(|w| w.ends_with("ing"))
                        && ctx.cue(t + 1).is_some();
                    (tok.is_punct(',') && !participle_next)
                        || tok.is_punct(';')
                        || tok.is_punct(':')
                        || is_dash(ctx, t)
                        || tok.quote().is_some()
                });
            if separated {
                break;
            }
            best -= 1;
        }
        let (cue, mut speaker) = cands[best];
        // `Ruiz, who called Lee on Monday, told her staff “…”`: the relative
        // clause closes and the main verb follows; its subject is the
        // phrase "who" stands for.
        let mut cue = cue;
        if let Some(ante) = speaker.antecedent {
            let main_verb = (cue.end..q).find(|&c| {
                ctx.toks[c].is_punct(',')
                    && ctx
                        .low
                        .get(c + 1)
                        .and_then(|w| w.as_deref())
                        .is_some_and(|w| {
                            !ctx.is_cap(c + 1)
                                && (ctx.cue(c + 1).is_some()
                                    || w.ends_with("ed")
                                    || matches!(w, "told" | "wrote" | "spoke" | "said"))
                        })
            });
            if let Some(c) = main_verb {
                speaker = Np {
                    span: ante,
                    pronoun: false,
                    antecedent: None,
                };
                if let Some(main) = ctx.cue(c + 1).filter(|m| m.end <= q) {
                    cue = main;
                }
            }
        }
        return Some((found(speaker, Some(&cue)), Some(cue.first)));
    }
    // `Ortiz: “…”`, `Ana Ruiz: Budget Plan ‘Makes No Sense’`
    // `Ruiz on Schools: The Cuts Are ‘Reckless’` (a headline
    // opening with its speaker) and `Ortiz scolded him: “…”`.
    if let Some(colon) = (lo..q).find(|&t| ctx.toks[t].is_punct(':')) {
        // `POLLS WRONG, JUST EARLY - Ana Ruiz: “…”`: the name set off by a
        // dash right before the colon.
        if colon >= lo + 2
            && let Some(np) = ctx.np_ending_at(colon - 1, lo).filter(|np| !np.pronoun)
        {
            let first = ctx.index_at(np.span.start);
            if first > lo && is_dash(ctx, first - 1) && ctx.is_cap(first) {
                return Some((found(np, None), None));
            }
        }
        // The first name before the colon (`Advice from Ana Ruiz:`).
        let name = (lo..colon).find(|&k| {
            ctx.is_cap(k)
                && !ctx.low[k]
                    .as_deref()
                    .is_some_and(|w| LEX.determiners.contains(w))
        });
        if colon <= lo + 6
            && let Some(k) = name
            && let Some(np) = ctx.np_starting_at(k, colon)
        {
            return Some((found(np, None), None));
        }
        if colon + 1 == q {
            let subj = subject(ctx, lo, colon);
            if let Some(np) = subj.filter(|np| names_someone(ctx, np)) {
                return Some((found(np, None), None));
            }
        }
    }
    if participle_seen {
        return subject(ctx, lo, q).map(|np| (found(np, None), None));
    }
    claim_owner(ctx, q, lo).map(|np| (found(np, None), None))
}

/// `Ortiz's claim that the plan is “reckless”`, `his warning that …`: a
/// possessed statement noun whose that-clause holds the run; the possessor
/// is the speaker. Only the clause's own words may stand between. A cue
/// before the claim wins (`Lee said Ortiz's claim that … is “false”`).
fn claim_owner(ctx: &Ctx, q: usize, lo: usize) -> Option<Np> {
    let floor = lo.max(q.saturating_sub(30));
    let that = (floor..q)
        .rev()
        .take_while(|&k| {
            let t = &ctx.toks[k];
            !(t.quote().is_some() || t.is_punct(';') || t.is_punct(':') || t.ends_sentence)
        })
        .find(|&k| ctx.low[k].as_deref() == Some("that"))?;
    let noun = that.checked_sub(1).filter(|&n| n >= lo)?;
    if !ctx.low[noun]
        .as_deref()
        .is_some_and(|w| LEX.claims.contains(w))
    {
        return None;
    }
    // One adjective may stand between (`his earlier claim`).
    let mut owner = noun.checked_sub(1).filter(|&o| o >= lo)?;
    let possessive = |k: usize| {
        ctx.low[k]
            .as_deref()
            .is_some_and(|w| matches!(w, "his" | "her" | "their") || w.ends_with("'s"))
    };
    if !possessive(owner) {
        owner = owner.checked_sub(1).filter(|&o| o >= lo && possessive(o))?;
    }
    let w = ctx.low[owner].as_deref()?;
    if w.ends_with("'s") {
        // `Donald Trump's`: the whole name, as written.
        ctx.np_ending_at(owner, lo).filter(|_| ctx.is_cap(owner))
    } else {
        Some(Np {
            span: ctx.toks[owner].span,
            pronoun: true,
            antecedent: None,
        })
    }
}

/// The subject of the sentence part `lo..q`: its first name, pronoun or
/// description, after an introductory phrase (`In May, two unions …`).
pub fn subject(ctx: &Ctx, lo: usize, q: usize) -> Option<Np> {
    let mut s = lo;
    let word = |i: usize| ctx.low.get(i).and_then(|w| w.as_deref());
    if word(s).is_some_and(|w| matches!(w, "but" | "and" | "so" | "yet" | "still")) {
        s += 1;
    }
    // A pronoun ("It attacked …") is a subject, not an introduction.
    let intro = word(s).is_some_and(|w| {
        !LEX.pronouns.contains(w)
            && (LEX.stop.contains(w)
                || LEX.skip.contains(w)
                || LEX.nonname.contains(w)
                || w.ends_with("ly")
                || w.ends_with("ing"))
    }) || ctx.toks.get(s).is_some_and(|t| !t.is_word());
    // `And then Ortiz went on the attack`: a one-word opener, no comma.
    let mut intro = intro;
    if intro
        && word(s).is_some_and(|w| {
            matches!(
                w,
                "then" | "later" | "now" | "also" | "still" | "meanwhile" | "instead" | "finally"
            )
        })
        && ctx.toks.get(s + 1).is_some_and(|t| t.is_word())
        && ctx.is_cap(s + 1)
    {
        s += 1;
        intro = false;
    }
    // Skip introductory phrases (`On Friday, after a long pause, …`).
    let mut hops = 0;
    while intro && hops < 3 {
        s = (s..q.min(s + 25)).find(|&k| ctx.toks[k].is_punct(','))? + 1;
        intro = word(s).is_some_and(|w| {
            !LEX.pronouns.contains(w)
                && (LEX.stop.contains(w) || LEX.skip.contains(w) || w.ends_with("ing"))
        });
        hops += 1;
    }
    if s >= q || !opens_np(ctx, s) {
        return None;
    }
    let mut np = ctx.np_starting_at(s, q)?;
    // `Hours later, she wrote …`, `Twenty-two years ago, a report …`:
    // a time phrase, not the subject.
    let next = (s..q).find(|&k| ctx.toks[k].span.start >= np.span.end);
    let comma = (s..q.min(s + 8)).find(|&k| ctx.toks[k].is_punct(','));
    let timed = |k: usize| word(k).is_some_and(|w| matches!(w, "later" | "earlier" | "ago"));
    if next.is_some_and(timed) || comma.is_some_and(|c| c > s + 1 && timed(c - 1)) {
        let comma = comma?;
        s = comma + 1;
        if s >= q || !opens_np(ctx, s) {
            return None;
        }
        np = ctx.np_starting_at(s, q)?;
    }
    // `14 delegates`, `100,000 people`: a count, not someone quoted.
    let count = ctx.toks[s]
        .span
        .text(ctx.text)
        .starts_with(|c: char| c.is_ascii_digit())
        && !np.span.text(ctx.text).contains("-year-old");
    if count {
        return None;
    }
    let after = (s..q).find(|&k| ctx.toks[k].span.start >= np.span.end)?;
    (ctx.toks[after].is_word() || ctx.toks[after].is_punct(',') || ctx.toks[after].is_punct('('))
        .then_some(np)
}

/// A pronoun or a phrase that starts with a capitalised word.
fn names_someone(ctx: &Ctx, np: &Np) -> bool {
    np.pronoun || ctx.is_cap(ctx.index_at(np.span.start))
}

/// One run's place in its paragraph.
pub struct RunRef<'a> {
    /// Token index of the run.
    pub tok: usize,
    pub kind: QuoteKind,
    pub inner: &'a str,
}

/// Attributions of a paragraph's runs, and the cue tokens used for direct
/// quotes (they introduce no reported clause of their own).
pub fn attribute(ctx: &Ctx, runs: &[RunRef]) -> (Vec<Option<Attr>>, Vec<usize>) {
    let starts = sentence_starts(ctx);
    let mut out: Vec<Option<Attr>> = Vec::with_capacity(runs.len());
    let mut used = Vec::new();
    let headline = headline_speaker(ctx);
    for (n, r) in runs.iter().enumerate() {
        if let Some((_, np)) = headline.filter(|(colon, _)| *colon < r.tok) {
            out.push(Some(found(np, None)));
            continue;
        }
        let sent = starts.get(r.tok).copied().unwrap_or(0);
        let prev_q = runs[..n].last().map(|p| p.tok + 1).unwrap_or(0);
        let lo = sent.max(prev_q);
        let hit = match r.kind {
            // `Ruiz wrote: “…?” Others agreed.`: a quote introduced by a
            // colon that ends its sentence looks left first.
            QuoteKind::Direct
                if r.tok > lo
                    && ctx.toks[r.tok - 1].is_punct(':')
                    && r.inner
                        .trim_end_matches(['"', '\'', '’', '”', ')'])
                        .ends_with(['.', '?', '!', '…']) =>
            {
                left(ctx, r.tok, lo).or_else(|| right(ctx, r.tok, r.inner))
            }
            // `Ruiz said via email that, “…”`: the run is the object of
            // the cue before it.
            QuoteKind::Direct
                if r.tok > lo + 1
                    && (ctx.low[r.tok - 1].as_deref() == Some("that")
                        || (is_comma(ctx, r.tok - 1)
                            && ctx.low[r.tok - 2].as_deref() == Some("that"))) =>
            {
                left(ctx, r.tok, lo).or_else(|| right(ctx, r.tok, r.inner))
            }
            QuoteKind::Direct => right(ctx, r.tok, r.inner).or_else(|| left(ctx, r.tok, lo)),
            _ => as_attribution(ctx, r.tok)
                .or_else(|| left(ctx, r.tok, lo))
                .or_else(|| {
                    // `She called it “A” and called for “B” …`: the run
                    // before in the sentence goes on before anything after.
                    let prev = n.checked_sub(1)?;
                    let same = starts.get(runs[prev].tok).copied() == Some(sent);
                    let a = out.get(prev).copied().flatten().filter(|_| same)?;
                    Some((a, None))
                })
                .or_else(|| closing_attribution(ctx, r.tok))
                .or_else(|| right(ctx, r.tok, r.inner)),
        };
        let mut attr = hit.map(|(a, cue_tok)| {
            if r.kind == QuoteKind::Direct {
                used.extend(cue_tok);
            }
            let a = outer_report(ctx, r.tok, Some(a)).unwrap_or(a);
            if r.kind == QuoteKind::Partial {
                embedded_pronoun(ctx, sent, a).unwrap_or(a)
            } else {
                a
            }
        });
        if attr.is_none() && n > 0 {
            // `“A,” X said. “B.”` and `… “A” but wanted “B”`: the run before
            // continues, for a direct quote anywhere in the paragraph, for a
            // partial one only inside the same sentence.
            let prev = &runs[n - 1];
            let same_sentence = starts.get(prev.tok).copied() == Some(sent);
            if r.kind == QuoteKind::Direct || same_sentence {
                attr = out[n - 1];
            }
        }
        if attr.is_none() && r.kind == QuoteKind::Direct && n == 0 && sent > 0 {
            // `Smith disagreed. “…”`: the nearest attribution before it.
            attr = earlier(ctx, &starts, sent);
        }
        if attr.is_none() && r.kind == QuoteKind::Direct && sent > 0 && sent == r.tok {
            // `Ruiz defended the plan. “…”`: a quote that is a sentence of
            // its own after one about someone is theirs.
            attr = subject(ctx, starts[sent - 1], sent - 1)
                .filter(|np| names_someone(ctx, np))
                .map(|np| found(np, None));
        }
        if attr.is_none() && lo < r.tok {
            // The sentence's subject if it names someone; a thing as subject
            // (`The budget will …`) leaves the quote to the speaker of
            // the sentence before.
            let subj = subject(ctx, lo, r.tok);
            let names = subj.is_some_and(|np| names_someone(ctx, &np));
            attr = if names || (r.kind == QuoteKind::Partial && subj.is_some()) {
                None
            } else {
                earlier(ctx, &starts, sent)
            }
            .or_else(|| subj.map(|np| found(np, None)));
        }
        if attr.is_none_or(|a| a.cue.is_none()) {
            // `… chanted “Go!” at the rally, according to organisers.`
            attr = outer_report(ctx, r.tok, attr).or(attr);
        }
        out.push(attr);
    }
    // `“A.” “B,” X said.`: a direct run with nothing takes the next one's.
    for n in (0..runs.len().saturating_sub(1)).rev() {
        if out[n].is_none()
            && runs[n].kind == QuoteKind::Direct
            && runs[n + 1].kind == QuoteKind::Direct
        {
            let between = &ctx.toks[runs[n].tok + 1..runs[n + 1].tok];
            if between.iter().all(|t| !t.is_word()) {
                out[n] = out[n + 1];
            }
        }
    }
    (out, used)
}

/// `Ruiz attacked what she called a “reckless” plan`, `Ruiz said that
/// she was “done”`, `Ruiz … and said she thought …`: a pronoun inside a clause of the sentence stands for
/// the sentence's subject, who is the speaker as written.
fn embedded_pronoun(ctx: &Ctx, sent: usize, found: Attr) -> Option<Attr> {
    if !found.speaker.pronoun {
        return None;
    }
    let k = ctx.index_at(found.speaker.span.start);
    if k < sent + 2
        || !matches!(
            ctx.low[k - 1].as_deref(),
            Some("what" | "that" | "said" | "says")
        )
    {
        return None;
    }
    let subj = subject(ctx, sent, k - 1).filter(|np| names_someone(ctx, np))?;
    (subj.span.end <= found.speaker.span.start).then_some(Attr {
        speaker: subj,
        ..found
    })
}

/// `Ana Ruiz: Plan Is ‘Reckless,’ Ortiz ‘Asking for Trouble’`: a headline
/// that opens with a name and a colon is that person's word on everything
/// after the colon. Returns the colon's token and the name.
fn headline_speaker(ctx: &Ctx) -> Option<(usize, Np)> {
    if !ctx.title_case {
        return None;
    }
    let colon = (1..ctx.toks.len().min(6)).find(|&k| ctx.toks[k].is_punct(':'))?;
    if !ctx.is_cap(0) {
        return None;
    }
    let np = ctx.np_starting_at(0, colon)?;
    (np.span.end == ctx.toks[colon - 1].span.end).then_some((colon, np))
}

/// `“…,” Ruiz said, according to the Ledger.`: the quote reaches the
/// reader through the outer report, whose source is the attribution's.
/// Looks after the run `q` to the end of its sentence.
fn outer_report(ctx: &Ctx, q: usize, found: Option<Attr>) -> Option<Attr> {
    let n = ctx.toks.len();
    if ctx.toks.get(q).is_none_or(|t| t.ends_sentence) {
        return None;
    }
    let mut k = q + 1;
    while k < n {
        let t = &ctx.toks[k];
        if t.quote().is_some() || t.is_punct(';') || t.is_punct(':') {
            return None;
        }
        if let Some(cue) = ctx.cue(k) {
            if cue.class == Class::According
                && found.is_none_or(|f| f.cue != Some(cue.span))
                && k > q + 1
            {
                let np = ctx.np_starting_at(cue.end, n)?;
                return Some(Attr {
                    speaker: np,
                    cue: Some(cue.span),
                });
            }
            k = cue.end;
            continue;
        }
        if t.ends_sentence {
            return None;
        }
        k += 1;
    }
    None
}

/// The nearest sentence before `sent` (in the paragraph) with an attribution.
fn earlier(ctx: &Ctx, starts: &[usize], sent: usize) -> Option<Attr> {
    let mut end = sent;
    while end > 0 {
        let lo = starts[end - 1];
        if let Some((a, _)) = left(ctx, end, lo) {
            return Some(a);
        }
        end = lo;
    }
    None
}
