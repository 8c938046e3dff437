//! Reported speech without quotation marks: `X said (that) …`, `X told
//! reporters …`, `X believes …`, `X vowed to …`, `according to X, …`,
//! `…, X said.` The quote's span is the reported clause.

use crate::model::{QuoteKind, Span};

use super::attribution::{Attr, sentence_starts, speaker_of};
use super::cues::{Class, Cue, LEX};
use super::speaker::{Ctx, Np};

/// An indirect quote found in a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Indirect {
    pub span: Span,
    pub attr: Attr,
}

const ADJUNCT_PREPS: [&str; 11] = [
    "in", "on", "at", "during", "to", "after", "before", "last", "this", "earlier", "from",
];

/// Minimum words in a reported clause.
const MIN_WORDS: usize = 3;
/// Longest reported clause in tokens: keeps a run-on sentence full of cues
/// linear.
const MAX_CLAUSE: usize = 120;

/// Indirect quotes of one paragraph. `kinds[r]` is the kind of run `r`;
/// `used` lists cue tokens that attribute a direct quote.
pub fn find(ctx: &Ctx, kinds: &[QuoteKind], used: &[usize]) -> Vec<Indirect> {
    let starts = sentence_starts(ctx);
    let n = ctx.toks.len();
    // Sentence end (exclusive) for every token.
    let mut ends = vec![n; n];
    let mut end = n;
    for i in (0..n).rev() {
        if ctx.toks[i].ends_sentence {
            end = i + 1;
        }
        ends[i] = end;
    }
    let mut out = Vec::new();
    let mut last: Option<(usize, Np)> = None; // sentence start, speaker
    let mut i = 0;
    while i < n {
        let Some(cue) = ctx.cue(i) else {
            i += 1;
            continue;
        };
        i = cue.end;
        let lo = starts[cue.first];
        let hi = ends[cue.first];
        let speaker = speaker_of(ctx, &cue, lo, hi).or_else(|| {
            // `…, adding that …`: a participle continues the sentence's speaker.
            let participle = ctx.low[cue.first]
                .as_deref()
                .is_some_and(|w| w.ends_with("ing"));
            let after_comma = cue.first > lo && ctx.toks[cue.first - 1].is_punct(',');
            last.filter(|(s, _)| *s == lo && participle && after_comma)
                .map(|(_, np)| np)
        });
        let Some(speaker) = speaker else {
            continue;
        };
        last = Some((lo, speaker));
        let that_follows = ctx.low.get(cue.end).and_then(|w| w.as_deref()) == Some("that");
        if used.contains(&cue.first) && !that_follows {
            continue;
        }
        let attr = Attr {
            speaker,
            cue: Some(cue.span),
        };
        let clause = match cue.class {
            Class::According => according(ctx, &cue, &speaker, lo, hi, kinds),
            _ => forward(ctx, &cue, hi, kinds)
                .or_else(|| backward(ctx, &cue, &speaker, lo, hi, kinds)),
        };
        if let Some(span) = clause {
            out.push(Indirect { span, attr });
        }
    }
    out
}

fn word<'a>(ctx: &'a Ctx, i: usize) -> Option<&'a str> {
    ctx.low.get(i).and_then(|w| w.as_deref())
}

fn is_direct(ctx: &Ctx, i: usize, kinds: &[QuoteKind]) -> bool {
    ctx.toks[i]
        .quote()
        .is_some_and(|r| kinds.get(r) == Some(&QuoteKind::Direct))
}

/// The reported clause after the cue.
fn forward(ctx: &Ctx, cue: &Cue, hi: usize, kinds: &[QuoteKind]) -> Option<Span> {
    let mut j = cue.end;
    let that_within = |from: usize, reach: usize| -> Option<usize> {
        (from..hi.min(from + reach))
            .take_while(|&k| ctx.toks[k].is_word())
            .find(|&k| word(ctx, k) == Some("that"))
    };
    match cue.class {
        Class::Intent => {
            if word(ctx, j) != Some("to") {
                return None;
            }
        }
        Class::Tell => {
            if let Some(t) = that_within(j, 8) {
                j = t + 1;
            } else {
                let np = ctx.np_starting_at(j, hi)?;
                while j < hi && ctx.toks[j].span.start < np.span.end {
                    j += 1;
                }
                j = skip_adjuncts(ctx, j, hi);
            }
        }
        _ => {
            if word(ctx, j).is_some_and(|w| ADJUNCT_PREPS.contains(&w)) {
                j = that_within(j, 10).map(|t| t + 1).or_else(|| {
                    let k = skip_adjuncts(ctx, j, hi);
                    (k > j).then_some(k)
                })?;
            } else {
                j = skip_adjuncts(ctx, j, hi);
            }
            if word(ctx, j) == Some("that") {
                j += 1;
            }
        }
    }
    clause_from(ctx, j, hi, kinds)
}

/// Time words and `on Tuesday`-like adjuncts.
fn skip_adjuncts(ctx: &Ctx, mut j: usize, hi: usize) -> usize {
    loop {
        let w = word(ctx, j);
        let time = |k: usize| word(ctx, k).is_some_and(|w| LEX.time.contains(w));
        if time(j) {
            j += 1;
        } else if w.is_some_and(|w| matches!(w, "on" | "last" | "this" | "early" | "late"))
            && time(j + 1)
        {
            j += 2;
        } else if j < hi && ctx.toks[j].is_punct(',') && time(j + 1) {
            j += 1;
        } else {
            return j;
        }
    }
}

/// A clause from token `j` to the sentence end or the next clause boundary.
fn clause_from(ctx: &Ctx, j: usize, hi: usize, kinds: &[QuoteKind]) -> Option<Span> {
    if j >= hi {
        return None;
    }
    let first = &ctx.toks[j];
    if is_direct(ctx, j, kinds) || !(first.is_word() || first.quote().is_some()) {
        return None;
    }
    let mut e = j;
    let mut words = 0;
    let hi = hi.min(j + MAX_CLAUSE);
    while e < hi {
        let t = &ctx.toks[e];
        if is_direct(ctx, e, kinds) || t.is_punct(';') || t.is_punct(':') {
            break;
        }
        if t.is_punct(',') && (e + 1..(e + 4).min(hi)).any(|k| ctx.cue(k).is_some()) {
            break;
        }
        if t.ends_sentence && t.quote().is_none() {
            break;
        }
        if t.is_word() || t.quote().is_some() {
            words += 1;
        }
        e += 1;
        if t.ends_sentence {
            break;
        }
    }
    // Drop trailing punctuation (a comma before the boundary).
    while e > j && !(ctx.toks[e - 1].is_word() || ctx.toks[e - 1].quote().is_some()) {
        e -= 1;
    }
    (words >= MIN_WORDS && e > j)
        .then(|| Span::new(ctx.toks[j].span.start, ctx.toks[e - 1].span.end))
}

/// `…, X said.` / `…, said X.`: the clause before the attribution.
fn backward(
    ctx: &Ctx,
    cue: &Cue,
    speaker: &Np,
    lo: usize,
    hi: usize,
    kinds: &[QuoteKind],
) -> Option<Span> {
    // Only adjuncts may follow the cue before the sentence ends.
    let after = skip_adjuncts(ctx, cue.end, hi);
    if hi > after + 12 {
        return None;
    }
    let rest_ok = (after..hi).all(|k| !ctx.toks[k].is_word() && ctx.toks[k].quote().is_none())
        || (after..hi).take_while(|&k| ctx.toks[k].is_word()).count() <= 4
            && word(ctx, after).is_some_and(|w| ADJUNCT_PREPS.contains(&w));
    if !rest_ok {
        return None;
    }
    let sp_first = ctx.index_at(speaker.span.start);
    if ctx
        .toks
        .get(sp_first)
        .is_none_or(|t| t.span.start != speaker.span.start)
    {
        return None;
    }
    let head = sp_first.min(cue.first);
    if head <= lo || !ctx.toks[head - 1].is_punct(',') {
        return None;
    }
    clause_before(ctx, lo, head - 1, kinds)
}

/// `According to X, …` and `…, according to X.`
fn according(
    ctx: &Ctx,
    cue: &Cue,
    speaker: &Np,
    lo: usize,
    hi: usize,
    kinds: &[QuoteKind],
) -> Option<Span> {
    let np_end = (cue.end..hi).find(|&k| ctx.toks[k].span.end >= speaker.span.end)?;
    if cue.first == lo || (cue.first > lo && !ctx.toks[cue.first - 1].is_punct(',')) {
        // Clause after: `According to X, the plan …`
        let mut k = np_end + 1;
        // The speaker phrase may go on (`according to a report by X,`).
        while k < hi && !ctx.toks[k].is_punct(',') && k < np_end + 8 {
            k += 1;
        }
        if k < hi && ctx.toks[k].is_punct(',') {
            return clause_from(ctx, k + 1, hi, kinds);
        }
        return None;
    }
    clause_before(ctx, lo, cue.first - 1, kinds)
}

/// The reported clause that ends at the comma token `comma`, from the
/// sentence start `lo` (or the direct quote before it).
fn clause_before(ctx: &Ctx, lo: usize, comma: usize, kinds: &[QuoteKind]) -> Option<Span> {
    let lo = lo.max(comma.saturating_sub(MAX_CLAUSE));
    let from = (lo..comma)
        .rev()
        .find(|&k| is_direct(ctx, k, kinds))
        .map_or(lo, |k| k + 1);
    let words = (from..comma)
        .filter(|&k| ctx.toks[k].is_word() || ctx.toks[k].quote().is_some())
        .count();
    (words >= MIN_WORDS && from < comma)
        .then(|| Span::new(ctx.toks[from].span.start, ctx.toks[comma - 1].span.end))
}
