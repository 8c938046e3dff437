//! The tokens of an article's readable paragraphs plus the article-wide
//! capitalisation statistics that tell names from ordinary words.

use std::ops::Range;

use super::gazetteer::{FastSet, lower};
use super::tokens::{Shape, Tok, tokenize};
use crate::model::{Article, Role, Span};

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
    /// Capitalised words seen away from a sentence start.
    pub cap_mid: FastSet<&'a str>,
    /// Words seen in lower case.
    pub lowers: FastSet<&'a str>,
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
        let mut cap_mid = FastSet::default();
        let mut lowers = FastSet::default();
        for p in paras.iter().filter(|p| !p.caps) {
            for t in &toks[p.toks.clone()] {
                match t.shape {
                    Shape::Cap if !t.initial => {
                        cap_mid.insert(t.span.text(text));
                    }
                    Shape::Lower => {
                        lowers.insert(t.span.text(text));
                    }
                    _ => {}
                }
            }
        }
        Doc {
            text,
            toks,
            paras,
            cap_mid,
            lowers,
        }
    }

    pub fn word(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.span.text(self.text))
    }

    pub fn span(&self, lo: usize, hi: usize) -> Span {
        Span::new(self.toks[lo].span.start, self.toks[hi].span.end)
    }

    pub fn slice(&self, lo: usize, hi: usize) -> &'a str {
        self.span(lo, hi).text(self.text)
    }

    /// The word is used as a name away from sentence starts.
    pub fn seen_capitalised(&self, w: &str) -> bool {
        self.cap_mid.contains(w)
    }

    /// The word (lower-cased) appears in lower case in this article.
    pub fn seen_lower(&self, w: &str) -> bool {
        let mut buf = String::new();
        self.lowers.contains(lower(w, &mut buf))
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
        let w = t.span.text(text);
        for c in w.chars().filter(|c| c.is_alphabetic()) {
            letters += 1;
            upper += c.is_uppercase() as usize;
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
