//! Quoted runs to speakers and cues, inside one paragraph.
//!
//! A direct quote looks right first (`“…,” X said.`, `“…,” said X.`), then
//! left in its own sentence (`X said: “…”`, `X said, “…”`); a partial quote
//! looks left first (`X called it “…”`). A run with neither continues the
//! speaker of the run before it in the paragraph (`“A,” X said. “B.”`).

use crate::model::{QuoteKind, Span};

use super::cues::{Class, Cue, cue_at};
use super::speaker::{Ctx, Np};

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
        Class::According => ctx.np_starting_at(cue.end, hi),
        _ => ctx.left_of(cue.first, lo).or_else(|| {
            // Inverted: `said Leavitt`, `said the press secretary`; only when
            // nothing of the clause stands before the cue.
            (cue.first == lo || ctx.toks[cue.first - 1].quote().is_some() || is_comma(ctx, cue.first - 1))
                .then(|| ctx.np_starting_at(cue.end, hi))
                .flatten()
                .filter(|np| !np.pronoun || ctx.toks.get(cue.end).is_some_and(|t| t.span == np.span))
        }),
    }
}

fn is_comma(ctx: &Ctx, i: usize) -> bool {
    ctx.toks.get(i).is_some_and(|t| t.is_punct(',') || t.is_punct('—') || t.is_punct('–'))
}

/// Attribution found to the right of the quote token `q`.
fn right(ctx: &Ctx, q: usize, inner: &str) -> Option<(Attr, usize)> {
    let ends_sentence = inner.ends_with(['.', '?', '!', '…']);
    let reach = if ends_sentence { 4 } else { 10 };
    let mut start = q + 1;
    if is_comma(ctx, start) {
        start += 1;
    }
    let mut k = start;
    while k < ctx.toks.len() && k < start + reach {
        let t = &ctx.toks[k];
        if t.quote().is_some() || t.is_punct(';') || t.is_punct(':') || t.is_punct('(') {
            return None;
        }
        if let Some(cue) = cue_at(ctx.toks, ctx.low, k) {
            let sp = if k == start {
                ctx.np_starting_at(cue.end, ctx.toks.len())
            } else if cue.class == Class::According {
                None
            } else {
                ctx.np_starting_at(start, k)
            };
            return sp.map(|speaker| {
                (
                    Attr {
                        speaker,
                        cue: Some(cue.span),
                    },
                    cue.first,
                )
            });
        }
        if t.ends_sentence && !(k == q && ends_sentence) {
            return None;
        }
        k += 1;
    }
    None
}

/// Attribution found to the left of the quote token `q`, back to `lo`.
fn left(ctx: &Ctx, q: usize, lo: usize) -> Option<(Attr, usize)> {
    let mut k = q;
    while k > lo {
        k -= 1;
        if let Some(cue) = cue_at(ctx.toks, ctx.low, k) {
            if cue.end > q {
                continue;
            }
            if let Some(speaker) = speaker_of(ctx, &cue, lo, q) {
                return Some((
                    Attr {
                        speaker,
                        cue: Some(cue.span),
                    },
                    cue.first,
                ));
            }
        }
    }
    None
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
    for (n, r) in runs.iter().enumerate() {
        let sent = starts.get(r.tok).copied().unwrap_or(0);
        let prev_q = runs[..n].last().map(|p| p.tok + 1).unwrap_or(0);
        let lo = sent.max(prev_q);
        let found = match r.kind {
            QuoteKind::Direct => right(ctx, r.tok, r.inner).or_else(|| left(ctx, r.tok, lo)),
            _ => left(ctx, r.tok, lo).or_else(|| right(ctx, r.tok, r.inner)),
        };
        let mut attr = found.map(|(a, cue_tok)| {
            if r.kind == QuoteKind::Direct {
                used.push(cue_tok);
            }
            a
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
        out.push(attr);
    }
    // `“A.” “B,” X said.`: a direct run with nothing takes the next one's.
    for n in (0..runs.len().saturating_sub(1)).rev() {
        if out[n].is_none() && runs[n].kind == QuoteKind::Direct && runs[n + 1].kind == QuoteKind::Direct {
            let between = &ctx.toks[runs[n].tok + 1..runs[n + 1].tok];
            if between.iter().all(|t| !t.is_word()) {
                out[n] = out[n + 1];
            }
        }
    }
    (out, used)
}
