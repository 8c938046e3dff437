//! The tokens of an article's readable paragraphs plus the article-wide
//! capitalisation statistics that tell names from ordinary words.

use std::ops::Range;

use rayon::prelude::*;

use super::gazetteer::{FastMap, FastSet, GAZ, lower, with_lower};
use super::tokens::{Shape, Tok, tokenize};
use crate::model::{Article, Role, Span};

/// The fewest paragraphs [`Doc::per_paragraph`] gives one core, so a short
/// article is one block, all on one core.
const MIN_BLOCK: usize = 256;

pub struct Para {
    pub toks: Range<usize>,
    /// All capitals or Title Case: capitalisation carries no information,
    /// so only names already known are looked for.
    pub caps: bool,
}

pub struct Doc<'a> {
    pub text: &'a str,
    pub toks: Vec<Tok>,
    pub paras: Vec<Para>,
    /// Sentence-initial capitalised words (lower-cased) seen capitalised
    /// elsewhere: names, whatever their position.
    pub cap_mid: FastSet<String>,
    /// The same words seen in lower case elsewhere: ordinary words.
    pub lowers: FastSet<String>,
}

impl<'a> Doc<'a> {
    pub fn new(article: &'a Article) -> Doc<'a> {
        let text = article.text.as_str();
        let starts: Vec<usize> = article.sentences.iter().map(|s| s.start).collect();
        let mut toks = Vec::with_capacity(text.len() / 5);
        let mut paras = Vec::new();
        for p in article.paragraphs.iter().filter(|p| p.role != Role::Aside) {
            let lo = starts.partition_point(|&s| s < p.span.start);
            let hi = starts.partition_point(|&s| s < p.span.end);
            let first = toks.len();
            tokenize(text, p.span, &starts[lo..hi], &mut toks);
            let range = first..toks.len();
            let caps = shouting(text, &toks[range.clone()], p.role == Role::Headline);
            paras.push(Para { toks: range, caps });
        }
        // Only sentence-initial words need the article-wide check, so the
        // table holds just those and every other word is one probe.
        let mut initial: FastMap<String, (bool, bool)> = FastMap::default();
        for p in paras.iter().filter(|p| !p.caps) {
            for t in &toks[p.toks.clone()] {
                // Sentence openers ("The", "But") never need the check.
                if t.initial() && t.shape == Shape::Cap && !GAZ.is_starter(t.span().text(text)) {
                    initial.insert(t.span().text(text).to_lowercase(), (false, false));
                }
            }
        }
        // A cheap filter (first letter, length) spares most words the probe.
        let mut seen = [0u32; 32];
        let sig = |w: &str| -> (usize, u32) {
            let b = w.as_bytes().first().map_or(0, |b| b.to_ascii_lowercase());
            ((b % 32) as usize, 1u32 << w.len().min(31))
        };
        for w in initial.keys() {
            let (x, bit) = sig(w);
            seen[x] |= bit;
        }
        let mut buf = String::new();
        for p in paras.iter().filter(|p| !p.caps) {
            for t in &toks[p.toks.clone()] {
                let w = t.span().text(text);
                let (x, bit) = sig(w);
                if seen[x] & bit == 0 {
                    continue;
                }
                let cap = match t.shape {
                    Shape::Cap if !t.initial() => true,
                    Shape::Lower => false,
                    _ => continue,
                };
                if let Some(e) = initial.get_mut(lower(w, &mut buf)) {
                    if cap {
                        e.0 = true;
                    } else {
                        e.1 = true;
                    }
                }
            }
        }
        let mut cap_mid = FastSet::default();
        let mut lowers = FastSet::default();
        for (w, (c, l)) in initial {
            if c {
                cap_mid.insert(w.clone());
            }
            if l {
                lowers.insert(w);
            }
        }
        let mut doc = Doc {
            text,
            toks,
            paras,
            cap_mid,
            lowers,
        };
        // Each token on its own, so on all cores (in blocks, as most
        // articles are short).
        let units: Vec<bool> = (0..doc.toks.len())
            .into_par_iter()
            .with_min_len(1 << 14)
            .map(|i| super::mentions::unit_of(&doc, i))
            .collect();
        for (t, unit) in doc.toks.iter_mut().zip(units) {
            t.set_unit(unit);
        }
        doc
    }

    pub fn word(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.span().text(self.text))
    }

    pub fn span(&self, lo: usize, hi: usize) -> Span {
        Span::new(self.toks[lo].span().start, self.toks[hi].span().end)
    }

    pub fn slice(&self, lo: usize, hi: usize) -> &'a str {
        self.span(lo, hi).text(self.text)
    }

    /// The word is used as a name away from sentence starts.
    pub fn seen_capitalised(&self, w: &str) -> bool {
        !self.cap_mid.is_empty() && with_lower(w, |l| self.cap_mid.contains(l))
    }

    /// The word (lower-cased) appears in lower case in this article.
    pub fn seen_lower(&self, w: &str) -> bool {
        !self.lowers.is_empty() && with_lower(w, |l| self.lowers.contains(l))
    }

    /// Runs `f` on every paragraph, in up to `blocks` blocks on all cores
    /// for a long article, and joins what it pushes in paragraph order.
    /// Blocks are appended to the first block's output one by one, each
    /// freed once moved, so the result is never held twice; few large
    /// blocks leave the allocator little to keep.
    pub fn per_paragraph<T: Send>(
        &self,
        blocks: usize,
        f: impl Fn(&Para, &mut Vec<T>) + Sync,
    ) -> Vec<T> {
        let block = self.paras.len().div_ceil(blocks.max(1)).max(MIN_BLOCK);
        let mut blocks: Vec<Vec<T>> = self
            .paras
            .par_chunks(block)
            .map(|ps| {
                let mut out = Vec::new();
                for p in ps {
                    f(p, &mut out);
                }
                out
            })
            .collect();
        let mut rest = blocks.drain(..);
        let mut out = rest.next().unwrap_or_default();
        for mut b in rest {
            out.append(&mut b);
        }
        out
    }

    /// Index of the paragraph holding token `i`.
    pub fn para_of(&self, i: usize) -> usize {
        self.paras.partition_point(|p| p.toks.end <= i)
    }
}

/// An all-caps line, or a headline in Title Case.
fn shouting(text: &str, toks: &[Tok], headline: bool) -> bool {
    let (mut upper, mut letters) = (0usize, 0usize);
    let (mut long_words, mut long_caps) = (0usize, 0usize);
    for t in toks.iter().filter(|t| t.is_word()) {
        let w = t.span().text(text);
        // Bytes are enough: a line is shouted or not in its ASCII letters.
        for b in w.bytes().filter(u8::is_ascii_alphabetic) {
            letters += 1;
            upper += b.is_ascii_uppercase() as usize;
        }
        if w.len() > 3 && t.shape != Shape::Num {
            long_words += 1;
            long_caps += (t.shape == Shape::Cap) as usize;
        }
    }
    if letters >= 8 && upper * 10 >= letters * 8 {
        return true;
    }
    headline && long_words >= 4 && long_caps * 4 >= long_words * 3
}
