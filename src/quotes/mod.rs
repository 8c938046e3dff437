//! Quotations and their speakers.
//!
//! Per paragraph (never across one, so an unbalanced mark cannot swallow the
//! article): [`marks`] finds the quoted runs, [`words`] turns the rest into
//! tokens, [`attribution`] ties each run to a speaker phrase ([`speaker`])
//! and a cue ([`cues`], from `data/cues.txt`), and [`indirect`] finds
//! reported speech without marks. Across paragraphs this module carries a
//! quote continued over several paragraphs and a paragraph that is only a
//! quote, and resolves speakers to entities when the entity stage found any.
//! Everything is a single left-to-right pass over each paragraph.

mod attribution;
mod cues;
mod indirect;
mod marks;
mod speaker;
mod words;

use std::collections::HashSet;

use crate::model::{Article, EntityKind, Paragraph, Quote, QuoteKind, Role, Span, Speaker};

use attribution::{Attr, RunRef};
use marks::{Family, Run};
use speaker::Ctx;

/// Every quote in the article's non-aside paragraphs, in text order.
pub fn find(article: &Article) -> Vec<Quote> {
    resolve(article, detect(&article.text, &article.paragraphs))
}

/// Quotes found before entities are known: each speaker's `entity` holds an
/// index into `speakers` until [`resolve`] replaces it.
pub struct Detected {
    quotes: Vec<Quote>,
    /// Each speaker phrase and the quote it was found for.
    speakers: Vec<(speaker::Np, Span)>,
}

/// Ties every speaker of `found` to the entity it refers to, if any.
pub fn resolve(article: &Article, found: Detected) -> Vec<Quote> {
    let Detected {
        mut quotes,
        speakers,
    } = found;
    for s in quotes.iter_mut().filter_map(|q| q.speaker.as_mut()) {
        s.entity = s
            .entity
            .and_then(|i| speakers.get(i))
            .and_then(|&(np, quote)| speaker_entity(article, np, quote));
    }
    quotes
}

/// [`find`] without entities: quotes, kinds, speaker phrases and cues. It
/// needs no entities, so it can run beside entity recognition.
pub fn detect(text: &str, paragraphs: &[Paragraph]) -> Detected {
    let mut speakers = Vec::new();
    let paras: Vec<Span> = paragraphs
        .iter()
        .filter(|p| p.role != Role::Aside)
        .map(|p| p.span)
        .collect();
    let mut quotes: Vec<Quote> = Vec::new();
    // Attribution the next paragraph may continue (its last direct quote's).
    let mut carry: Option<Attr> = None;
    // A quote left open at a paragraph end and reopened in the next one.
    let mut group: Option<(Family, Vec<usize>)> = None;
    // The quotes of the previous paragraph (for a signature line after it).
    let mut last_para_quotes = 0..0;
    let mut last_only_quotes = false;
    let mut named: HashSet<Span> = HashSet::new();
    for (pi, &para) in paras.iter().enumerate() {
        let runs = marks::runs(text, para);
        let tags = marks::tags(text, para);
        let toks = words::tokenize(text, para, &runs, &tags);
        let low = cues::lowered(text, &toks);
        let ctx = Ctx::new(text, &toks, &low);
        let kinds: Vec<QuoteKind> = runs.iter().map(|r| kind(text, para, r)).collect();
        // Token index of every run, in one pass.
        let mut run_tok = vec![usize::MAX; runs.len()];
        for (k, t) in toks.iter().enumerate() {
            if let Some(ri) = t.quote().filter(|&ri| ri < run_tok.len()) {
                run_tok[ri] = k;
            }
        }
        let refs: Vec<RunRef> = runs
            .iter()
            .enumerate()
            .filter_map(|(ri, r)| {
                let tok = Some(run_tok[ri]).filter(|&k| k != usize::MAX)?;
                Some(RunRef {
                    tok,
                    kind: kinds[ri],
                    inner: r.inner.text(text),
                })
            })
            .collect();
        let (mut attrs, used) = attribution::attribute(&ctx, &refs);
        for (n, r) in refs.iter().enumerate() {
            let run = &runs[ctx.toks[r.tok].quote().unwrap_or(0)];
            if let Some(label) = transcript_label(text, run.inner) {
                attrs[n] = Some(label);
            }
        }

        // A continued quote's next paragraph: the group goes on.
        let continues = group.as_ref().is_some_and(|(fam, _)| {
            runs.first()
                .is_some_and(|r| r.open.start == para.start && same_family(*fam, r.family))
        });
        if !continues {
            close_group(&mut quotes, group.take());
        }
        // A paragraph that is only quotes continues the previous speaker.
        let only_quotes = toks.iter().all(|t| t.quote().is_some() || !t.is_word());
        // `- Ana Ruiz.` under a quote (fact-check style): the
        // speaker of the quotes just before.
        if refs.is_empty()
            && let Some(np) = dash_signature(&ctx)
        {
            let attr = Attr {
                speaker: np,
                cue: None,
            };
            for q in quotes[last_para_quotes.clone()].iter_mut() {
                // A paragraph of only quotes took the previous speaker by
                // default; the signature says better.
                if (q.speaker.is_none() || last_only_quotes) && q.kind == QuoteKind::Direct {
                    *q = make_quote(&mut speakers, q.span, q.kind, Some(attr));
                }
            }
        }
        for (n, r) in refs.iter().enumerate() {
            if attrs[n].is_none()
                && r.kind == QuoteKind::Direct
                && (only_quotes || (n == 0 && (continues || runs_first_at(&runs, para))))
            {
                attrs[n] = carry;
            }
        }

        let para_first_quote = quotes.len();
        let mut para_quotes: Vec<usize> = Vec::new();
        let mut headline = None;
        for (n, r) in refs.iter().enumerate() {
            let run = &runs[ctx.toks[r.tok].quote().unwrap_or(0)];
            if run.inner.is_empty()
                || is_work_title(text, para, run)
                || is_nickname(text, para, run, &mut headline)
                || is_subhead_or_direction(text, para, run)
            {
                continue;
            }
            para_quotes.push(quotes.len());
            if r.kind == QuoteKind::Partial && attribution::is_named(&ctx, r.tok) {
                named.insert(run.inner);
                quotes.push(make_quote(&mut speakers, run.inner, r.kind, None));
                continue;
            }
            quotes.push(make_quote(&mut speakers, run.inner, r.kind, attrs[n]));
        }
        if continues
            && let (Some((_, members)), Some(&first)) = (group.as_mut(), para_quotes.first())
        {
            members.push(first);
        }
        // Does the last run stay open into the next paragraph?
        let last_open = runs.last().filter(|r| r.close.is_none() && r.is_double());
        let next_opens = paras
            .get(pi + 1)
            .and_then(|&np| marks::leading_open(text, np));
        match (last_open, next_opens) {
            (Some(r), Some(fam)) if same_family(r.family, fam) => {
                let last_q = para_quotes.last().copied();
                let members = match group.take() {
                    Some((_, m)) if continues => m,
                    other => {
                        close_group(&mut quotes, other);
                        last_q.into_iter().collect()
                    }
                };
                group = Some((r.family, members));
            }
            _ => close_group(&mut quotes, group.take()),
        }
        carry = refs
            .iter()
            .zip(&attrs)
            .rev()
            .find(|(r, _)| r.kind == QuoteKind::Direct)
            .or_else(|| refs.iter().zip(&attrs).next_back())
            .and_then(|(_, a)| *a)
            .or_else(|| trailing_colon(&ctx));
        last_para_quotes = para_first_quote..quotes.len();
        last_only_quotes = only_quotes;
        let indirects = indirect::find(&ctx, &kinds, &used);
        if carry.is_none() {
            // `X said Y.` then a paragraph that is only a quote: X's.
            carry = carry.or_else(|| {
                indirects.last().map(|i| Attr {
                    cue: None,
                    ..i.attr
                })
            });
        }
        for ind in indirects {
            quotes.push(make_quote(
                &mut speakers,
                ind.span,
                QuoteKind::Indirect,
                Some(ind.attr),
            ));
        }
    }
    close_group(&mut quotes, group.take());
    // A fragment in marks that nobody is said to have said is a scare quote
    // or a name (`the so-called “experts”`), not a quotation.
    // A name given in marks (`known as “Guccifer”`) is kept, without one.
    quotes
        .retain(|q| q.kind != QuoteKind::Partial || q.speaker.is_some() || named.contains(&q.span));
    quotes.sort_by_key(|q| (q.span.start, std::cmp::Reverse(q.span.end)));
    Detected { quotes, speakers }
}

/// A straight-quoted block followed by a curly paragraph is no continuation.
fn same_family(a: Family, b: Family) -> bool {
    a == b
}

/// All quotes of a multi-paragraph quote share the speaker one of them has.
fn close_group(quotes: &mut [Quote], group: Option<(Family, Vec<usize>)>) {
    let Some((_, members)) = group else {
        return;
    };
    let found = members
        .iter()
        .filter_map(|&i| quotes.get(i))
        .find(|q| q.speaker.is_some())
        .map(|q| (q.speaker, q.cue));
    if let Some((speaker, cue)) = found {
        for &i in &members {
            if let Some(q) = quotes.get_mut(i).filter(|q| q.speaker.is_none()) {
                q.speaker = speaker;
                q.cue = q.cue.or(cue);
            }
        }
    }
}

/// The title of a show, book or film (`on ABC’s “Morning Hour,”`,
/// `the documentary “Dust”`): a name, not a quotation.
fn is_work_title(text: &str, para: Span, run: &Run) -> bool {
    const SMALL: [&str; 12] = [
        "of", "the", "a", "an", "and", "in", "on", "for", "to", "with", "at", "from",
    ];
    const BEFORE: [&str; 22] = [
        "titled",
        "entitled",
        "show",
        "program",
        "programme",
        "book",
        "film",
        "movie",
        "documentary",
        "series",
        "album",
        "song",
        "episode",
        "on",
        "radio",
        "magazine",
        "newspaper",
        "column",
        "novel",
        "anthem",
        "podcast",
        "memoir",
    ];
    let inner = run.inner.text(text);
    let words: Vec<&str> = inner.split_whitespace().collect();
    let title_case = !words.is_empty()
        && words.len() <= 8
        && words.iter().all(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.is_empty()
                || w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || SMALL.contains(&w)
        });
    if !title_case {
        return false;
    }
    /// Words after a title that say what it names (`his “Real Talk” radio
    /// program`, `a “Town Hall” forum`).
    const AFTER: [&str; 12] = [
        "program",
        "programme",
        "show",
        "radio",
        "podcast",
        "series",
        "forum",
        "broadcast",
        "documentary",
        "segment",
        "newsletter",
        "column",
    ];
    let before = text
        .get(para.start..run.open.start)
        .unwrap_or("")
        .trim_end();
    let mut prevs = before.rsplit(char::is_whitespace).map(|w| {
        w.trim_end_matches([',', ':'])
            .to_lowercase()
            .replace('’', "'")
    });
    let prev_low = prevs.next().unwrap_or_default();
    let prev2 = prevs.next().unwrap_or_default();
    // A possessive (`CBS's`), not a contraction (`It's`).
    let contraction = matches!(
        prev_low.as_str(),
        "it's" | "that's" | "he's" | "she's" | "what's" | "there's" | "here's" | "who's" | "let's"
    );
    // `an episode of “Late Hour,”`, `his 1994 “Deal for Ohio”`
    let of_a_work = prev_low == "of"
        && (BEFORE.contains(&prev2.as_str())
            || matches!(
                prev2.as_str(),
                "broadcast" | "edition" | "episode" | "season"
            ));
    let year = prev_low.len() == 4 && prev_low.chars().all(|c| c.is_ascii_digit());
    let after = text
        .get(run.outer(para).end..para.end)
        .unwrap_or("")
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    (prev_low.ends_with("'s") && !contraction)
        || BEFORE.contains(&prev_low.as_str())
        || of_a_work
        || year
        || AFTER.contains(&after.as_str())
}

/// `Rep. Ana “Annie” Ruiz`: one capitalised word in marks between two
/// parts of a name. `headline` caches, per paragraph, whether it is one.
fn is_nickname(text: &str, para: Span, run: &Run, headline: &mut Option<bool>) -> bool {
    let inner = run.inner.text(text).trim_end_matches(['.', ',']);
    let one_name = !inner.is_empty()
        && !inner.contains(char::is_whitespace)
        && inner.chars().next().is_some_and(char::is_uppercase)
        && inner
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '.');
    let before = text.get(para.start..run.open.start).unwrap_or("");
    let prev = before.split_whitespace().next_back().unwrap_or("");
    let after = text.get(run.outer(para).end..para.end).unwrap_or("");
    let capital_word = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().any(char::is_lowercase)
            && !w.ends_with([',', ':', ';'])
    };
    // A headline capitalises every word (`Ruiz Calls ‘Reckless’ Plan`).
    // Counted at most once per paragraph, so a long one stays linear.
    let mut is_headline = || {
        *headline.get_or_insert_with(|| {
            let words = || {
                text.get(para.start..para.end)
                    .unwrap_or("")
                    .split_whitespace()
            };
            let caps = words()
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                .count();
            caps * 10 >= words().count() * 6
        })
    };
    // Right after the previous word (no comma between), so
    // `said, “Ruiz” …` is no nickname.
    one_name
        && before.ends_with(' ')
        && capital_word(prev)
        && after.starts_with(' ')
        && after
            .split_whitespace()
            .next()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !is_headline()
}

/// A single-quoted line that is a whole paragraph is a subheading
/// (`'A Long Road Ahead.'`); `“(CROSSTALK.)”` is a stage direction.
fn is_subhead_or_direction(text: &str, para: Span, run: &Run) -> bool {
    let inner = run.inner.text(text);
    if inner.starts_with('(') && inner.trim_end_matches(['.', ' ']).ends_with(')') {
        return true;
    }
    let single = matches!(run.family, Family::SingleCurly | Family::SingleStraight);
    let outer = run.outer(para);
    let before = text.get(para.start..outer.start).unwrap_or("");
    let after = text.get(outer.end..para.end).unwrap_or("");
    single
        && !before
            .chars()
            .chain(after.chars())
            .any(char::is_alphanumeric)
}

/// A transcript inside quotes (`"HOST: And that’s why …`): the speaker
/// label in capitals before the colon.
fn transcript_label(text: &str, inner: Span) -> Option<Attr> {
    let s = inner.text(text);
    let colon = s.find(':')?;
    let label = &s[..colon];
    let letters = label.chars().filter(|c| c.is_alphabetic()).count();
    let ok = letters >= 2
        && label.len() <= 40
        && label
            .chars()
            .all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '-' || c == '\'');
    ok.then(|| Attr {
        speaker: speaker::Np {
            span: Span::new(inner.start, inner.start + colon),
            pronoun: false,
            antecedent: None,
        },
        cue: None,
    })
}

/// `He said:` ending a paragraph: the next paragraph's quote is his.
fn trailing_colon(ctx: &Ctx) -> Option<Attr> {
    let last = ctx.toks.last()?;
    if !last.is_punct(':') {
        return None;
    }
    let n = ctx.toks.len() - 1;
    let starts = attribution::sentence_starts(ctx);
    let lo = starts.get(n).copied().unwrap_or(0);
    (lo..n)
        .rev()
        .find_map(|k| {
            let cue = ctx.cue(k)?;
            let speaker = attribution::speaker_of(ctx, &cue, lo, n)?;
            Some(Attr { speaker, cue: None })
        })
        .or_else(|| {
            // `The mayor released the following statement:`
            let np = attribution::subject(ctx, lo, n)?;
            Some(Attr {
                speaker: np,
                cue: None,
            })
        })
}

/// A paragraph that is only `- Name` or `— Name.`: a quote's signature.
fn dash_signature(ctx: &Ctx) -> Option<speaker::Np> {
    let first = ctx.toks.first()?;
    let dash = ['-', '—', '–', '―'].iter().any(|&c| first.is_punct(c));
    let words = ctx.toks.iter().filter(|t| t.is_word()).count();
    if !dash || words == 0 || words > 8 || !ctx.is_cap(1) {
        return None;
    }
    let np = ctx.np_starting_at(1, ctx.toks.len())?;
    Some(np)
}

/// Whether the paragraph opens with a quoted run.
fn runs_first_at(runs: &[Run], para: Span) -> bool {
    runs.first().is_some_and(|r| r.open.start == para.start)
}

/// Direct when the run opens a sentence with a capital or digit and reads
/// as one (four words or final punctuation); partial otherwise.
fn kind(text: &str, para: Span, run: &Run) -> QuoteKind {
    let inner = run.inner.text(text);
    let first = inner.chars().find(|c| c.is_alphanumeric());
    let capital = first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let before = text
        .get(para.start..run.open.start)
        .unwrap_or("")
        .trim_end_matches([' ', '\u{a0}', '\t']);
    let opens_sentence = before.is_empty()
        || before.ends_with([
            ':', ',', '.', ';', '?', '!', '—', '–', '-', '(', '“', '”', '"', '\'', '‘', '’', '>',
        ]);
    let body = inner.trim_end_matches(['\'', '’', '"', '”', ')']);
    let sentence_like = body.split_whitespace().count() >= 4
        || body.ends_with(['.', '?', '!', ',', ';', ':', '—', '–', '-', '…']);
    if capital && opens_sentence && sentence_like {
        QuoteKind::Direct
    } else {
        QuoteKind::Partial
    }
}

/// A quote whose speaker's entity is left for [`resolve`] (see [`Detected`]).
fn make_quote(
    speakers: &mut Vec<(speaker::Np, Span)>,
    span: Span,
    kind: QuoteKind,
    attr: Option<Attr>,
) -> Quote {
    let speaker = attr.map(|a| {
        speakers.push((a.speaker, span));
        Speaker {
            span: a.speaker.span,
            entity: Some(speakers.len() - 1),
        }
    });
    Quote {
        span,
        kind,
        speaker,
        cue: attr.and_then(|a| a.cue),
    }
}

/// The entity the speaker phrase `np` of the quote at `quote` refers to.
fn speaker_entity(article: &Article, np: speaker::Np, quote: Span) -> Option<usize> {
    if np.pronoun {
        resolve_pronoun(article, np.span, quote)
    } else {
        // A relative "who" resolves through the phrase it stands for.
        let span = np.antecedent.unwrap_or(np.span);
        // `the ambassador to the United States Ana Ruiz`: the person named
        // in the phrase, else its first name.
        let mentions = article.mentions_in(span);
        let kind = |m: &&crate::model::Mention, k: EntityKind| {
            article.entities.get(m.entity).is_some_and(|e| e.kind == k)
        };
        mentions
            .iter()
            .find(|m| kind(m, EntityKind::Person))
            .or_else(|| mentions.iter().find(|m| kind(m, EntityKind::Organization)))
            .or_else(|| mentions.first())
            .map(|m| m.entity)
    }
}

/// he/she: the nearest person mentioned before; they/it: the nearest person
/// or organisation. Recency only, on purpose, but names inside the quote
/// itself are skipped: a speaker does not refer to themselves by name in
/// `“… Secretary Rubio …,” she said`.
fn resolve_pronoun(article: &Article, span: Span, quote: Span) -> Option<usize> {
    let word = article.slice(span).to_lowercase();
    // `he's`, `they'll`: the pronoun before the contraction.
    let word = word.split(['\'', '’']).next().unwrap_or_default();
    let fits: &[EntityKind] = match word {
        "he" | "she" | "him" | "her" => &[EntityKind::Person],
        "they" | "it" => &[EntityKind::Person, EntityKind::Organization],
        _ => return None,
    };
    let before = article
        .mentions
        .partition_point(|m| m.span.end <= span.start);
    article.mentions[..before]
        .iter()
        .rev()
        .filter(|m| !quote.covers(m.span))
        .find(|m| {
            article
                .entities
                .get(m.entity)
                .is_some_and(|e| fits.contains(&e.kind))
        })
        .map(|m| m.entity)
}

#[cfg(test)]
mod tests;
