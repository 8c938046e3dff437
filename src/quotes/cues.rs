//! The cue lexicon (`data/cues.txt`) and matching cues on tokens.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::lexicon;
use crate::model::Span;

use super::words::Token;

static CUES: &str = include_str!("../../data/cues.txt");

/// What a cue says about the words around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// said, added, wrote: speaker before (or after, inverted), then words.
    Speech,
    /// told, assured: a listener comes before the reported clause.
    Tell,
    /// believes, thinks: reported thought.
    Thought,
    /// wants, vowed: followed by a to-infinitive.
    Intent,
    /// according to X: the speaker follows the cue.
    According,
}

pub struct Lexicon {
    /// Phrases by first word, longest first: (words, class).
    cues: HashMap<&'static str, Vec<(Vec<&'static str>, Class)>>,
    pub skip: HashSet<&'static str>,
    pub time: HashSet<&'static str>,
    pub determiners: HashSet<&'static str>,
    pub pronouns: HashSet<&'static str>,
    pub stop: HashSet<&'static str>,
    pub nonname: HashSet<&'static str>,
    pub nouns: HashSet<&'static str>,
    pub inverted: HashSet<&'static str>,
    pub claims: HashSet<&'static str>,
}

pub static LEX: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut cues: HashMap<&'static str, Vec<(Vec<&'static str>, Class)>> = HashMap::new();
    for (section, class) in [
        ("speech", Class::Speech),
        ("tell", Class::Tell),
        ("thought", Class::Thought),
        ("intent", Class::Intent),
        ("according", Class::According),
    ] {
        for entry in lexicon::section(CUES, section) {
            let words: Vec<&'static str> = entry.split_whitespace().collect();
            if let Some(first) = words.first() {
                let list = cues.entry(*first).or_default();
                // A word in two sections keeps its first class (an intent
                // verb like "promise" also listed as speech stays speech).
                if !list.iter().any(|(w, _)| *w == words) {
                    list.push((words, class));
                }
            }
        }
    }
    for list in cues.values_mut() {
        list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    }
    let set = |name: &'static str| lexicon::section(CUES, name).collect::<HashSet<_>>();
    Lexicon {
        cues,
        skip: set("skip"),
        time: set("time"),
        determiners: set("determiner"),
        pronouns: set("pronoun"),
        stop: set("stop"),
        nonname: set("nonname"),
        nouns: set("noun"),
        inverted: set("inverted"),
        claims: set("claim"),
    }
});

/// A cue found at a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    /// First token of the cue.
    pub first: usize,
    /// One past its last token.
    pub end: usize,
    pub class: Class,
    /// The cue's text range.
    pub span: Span,
}

/// Lower-cased word of a token (`None` for punctuation and quotes).
pub fn lower(text: &str, t: &Token) -> Option<String> {
    t.is_word().then(|| {
        let s = t.span.text(text);
        // Curly apostrophes compare as straight ones.
        let low = s.to_lowercase();
        if low.contains('’') {
            low.replace('’', "'")
        } else {
            low
        }
    })
}

/// Lower-cased words of all tokens, computed once per paragraph.
pub fn lowered(text: &str, toks: &[Token]) -> Vec<Option<String>> {
    toks.iter().map(|t| lower(text, t)).collect()
}

/// The cue starting at token `i`, if any.
pub fn cue_at(toks: &[Token], low: &[Option<String>], i: usize) -> Option<Cue> {
    let w = low.get(i)?.as_deref()?;
    let list = LEX.cues.get(w)?;
    for (words, class) in list {
        let fits = words
            .iter()
            .enumerate()
            .all(|(k, word)| low.get(i + k).and_then(|l| l.as_deref()) == Some(*word));
        if fits {
            let end = i + words.len();
            return Some(Cue {
                first: i,
                end,
                class: *class,
                span: Span::new(toks[i].span.start, toks[end - 1].span.end),
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::words::tokenize;

    #[test]
    fn phrases_win_over_words() {
        let text = "according to officials, she pointed out that it rained";
        let toks = tokenize(text, Span::new(0, text.len()), &[], &[]);
        let low = lowered(text, &toks);
        let c = cue_at(&toks, &low, 0).map(|c| (c.class, c.span.text(text)));
        assert_eq!(c, Some((Class::According, "according to")));
        let c = cue_at(&toks, &low, 5).map(|c| c.span.text(text));
        assert_eq!(c, Some("pointed out"));
        assert!(cue_at(&toks, &low, 1).is_none());
    }
}
