//! Paragraphs, headline, asides and sentences.

use std::collections::HashSet;
use std::sync::LazyLock;

use rayon::prelude::*;

use crate::lexicon;
use crate::model::{Paragraph, Role, Span};

static ABBREVIATIONS: &str = include_str!("../data/abbreviations.txt");
static STARTERS: &str = include_str!("../data/sentence_starters.txt");
static ASIDES: &str = include_str!("../data/asides.txt");

struct Lexicon {
    title_abbrevs: HashSet<&'static str>,
    final_abbrevs: HashSet<&'static str>,
    starters: HashSet<&'static str>,
    asides: Vec<&'static str>,
}

static LEX: LazyLock<Lexicon> = LazyLock::new(|| Lexicon {
    title_abbrevs: lexicon::section(ABBREVIATIONS, "title").collect(),
    final_abbrevs: lexicon::section(ABBREVIATIONS, "final").collect(),
    starters: lexicon::entries(STARTERS).map(|(_, e)| e).collect(),
    asides: lexicon::entries(ASIDES).map(|(_, e)| e).collect(),
});

/// The segmentation of one text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segments {
    pub paragraphs: Vec<Paragraph>,
    /// Sentences of headline and body paragraphs.
    pub sentences: Vec<Span>,
}

pub fn segment(text: &str) -> Segments {
    let mut paragraphs = split_paragraphs(text);
    assign_roles(text, &mut paragraphs);
    // Paragraphs are split on all cores in blocks (a short article is one
    // block); each block's sentences are appended in order and freed.
    let mut blocks: Vec<Vec<Span>> = paragraphs
        .par_chunks(PARALLEL_BLOCK)
        .map(|ps| {
            let mut out = Vec::new();
            for p in ps.iter().filter(|p| p.role != Role::Aside) {
                split_sentences(text, p.span, &mut out);
            }
            out
        })
        .collect();
    let mut rest = blocks.drain(..);
    let mut sentences = rest.next().unwrap_or_default();
    for mut b in rest {
        sentences.append(&mut b);
    }
    Segments {
        paragraphs,
        sentences,
    }
}

/// Line ranges (without their `\n`), trimmed of trailing white space.
fn lines(text: &str) -> impl Iterator<Item = Span> + '_ {
    let mut start = 0;
    let bytes = text.as_bytes();
    std::iter::from_fn(move || {
        if start > text.len() || (start == text.len() && !text.is_empty()) {
            return None;
        }
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(text.len(), |i| start + i);
        let line = Span::new(start, end).trim(text);
        start = end + 1;
        Some(line)
    })
}

/// Paragraphs are separated by blank lines; inside a block of several lines
/// each line is its own paragraph unless the block is hard-wrapped prose.
fn split_paragraphs(text: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut block: Vec<Span> = Vec::new();
    for line in lines(text) {
        if line.is_empty() {
            flush_block(text, &mut block, &mut out);
        } else {
            block.push(line);
        }
    }
    flush_block(text, &mut block, &mut out);
    out
}

fn flush_block(text: &str, block: &mut Vec<Span>, out: &mut Vec<Paragraph>) {
    if block.is_empty() {
        return;
    }
    let body = |span| Paragraph {
        span,
        role: Role::Body,
    };
    if block.len() == 1 || !is_hard_wrapped(text, block) {
        out.extend(block.iter().map(|&s| body(s)));
    } else {
        // Hard-wrapped: join lines, but a line that ends a sentence well short
        // of the wrap width ends its paragraph.
        let width = block
            .iter()
            .map(|s| line_width(text, *s))
            .max()
            .unwrap_or(0);
        let mut start = block[0].start;
        for (i, line) in block.iter().enumerate() {
            let last = i + 1 == block.len();
            let short_end =
                line_width(text, *line) * 4 < width * 3 && ends_sentence(line.text(text));
            if last || short_end {
                out.push(body(Span::new(start, line.end)));
                if let Some(next) = block.get(i + 1) {
                    start = next.start;
                }
            }
        }
    }
    block.clear();
}

fn line_width(text: &str, line: Span) -> usize {
    line.text(text).chars().count()
}

/// Lines of similar length, none longer than a terminal line, most not
/// ending a sentence: prose wrapped at a fixed width.
fn is_hard_wrapped(text: &str, block: &[Span]) -> bool {
    let widths: Vec<usize> = block.iter().map(|s| line_width(text, *s)).collect();
    let max = widths.iter().copied().max().unwrap_or(0);
    if !(30..=100).contains(&max) {
        return false;
    }
    let body = &block[..block.len() - 1];
    let open = body.iter().filter(|s| !ends_sentence(s.text(text))).count();
    open * 2 >= body.len()
}

fn ends_sentence(line: &str) -> bool {
    let line = line.trim_end_matches(['"', '”', '’', '\'', ')', ']', '»']);
    line.ends_with(['.', '!', '?', ':', '…'])
}

/// Paragraphs handled by one core at a time.
const PARALLEL_BLOCK: usize = 1024;

fn assign_roles(text: &str, paragraphs: &mut [Paragraph]) {
    paragraphs
        .par_iter_mut()
        .with_min_len(PARALLEL_BLOCK)
        .for_each(|p| {
            if is_aside(p.span.text(text)) {
                p.role = Role::Aside;
            }
        });
    if let Some(first) = paragraphs.first().copied() {
        let second = paragraphs.get(1).copied();
        let blank_after =
            second.is_some_and(|s| text[first.span.end..s.span.start].matches('\n').count() >= 2);
        let dateline_after = second.is_some_and(|s| is_dateline(s.span.text(text)));
        if second.is_some() && (blank_after || dateline_after) && is_headline(first.span.text(text))
        {
            paragraphs[0].role = Role::Headline;
        }
    }
}

/// Short, one line, and no final period unless it is in title case.
fn is_headline(line: &str) -> bool {
    let words = line.split_whitespace().count();
    if words == 0 || words > 30 || line.len() > 300 {
        return false;
    }
    if !line.ends_with('.') {
        return true;
    }
    let caps = line
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    caps * 3 >= words * 2
}

/// A line that only gives a date ("Friday, July 21, 2017"), as a dateline.
fn is_dateline(line: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let words = line.split_whitespace().count();
    words <= 6
        && MONTHS.iter().any(|m| line.contains(m))
        && line.chars().any(|c| c.is_ascii_digit())
}

/// Related-article lines in capitals, "Read more:", picture credits, datelines.
pub fn is_aside(line: &str) -> bool {
    let line = line.trim();
    // Only the ends of a paragraph are looked at, so long ones cost nothing.
    let head = lowercase_prefix(line, 32);
    if LEX.asides.iter().any(|m| head.starts_with(m)) {
        return true;
    }
    let tail_start = line.char_indices().rev().nth(31).map_or(0, |(i, _)| i);
    let tail = line[tail_start..].to_lowercase();
    if tail.ends_with("getty images") || tail.ends_with("/ap") || tail.contains("(ap photo") {
        return true;
    }
    is_dateline(line) || is_shouted(line)
}

fn lowercase_prefix(s: &str, chars: usize) -> String {
    s.chars().take(chars).flat_map(char::to_lowercase).collect()
}

/// A line of at least three words written in capitals, not ending a sentence.
fn is_shouted(line: &str) -> bool {
    // Related-article lines are one headline long.
    if line.len() > 300 {
        return false;
    }
    let letters = line.chars().filter(|c| c.is_alphabetic());
    let (mut upper, mut total) = (0usize, 0usize);
    for c in letters {
        total += 1;
        upper += usize::from(c.is_uppercase());
    }
    total >= 12
        && upper * 10 >= total * 9
        && line.split_whitespace().count() >= 3
        && !line.trim_end().ends_with('.')
}

/// Splits `para` into sentences, appending their spans to `out`.
pub fn split_sentences(text: &str, para: Span, out: &mut Vec<Span>) {
    let s = para.text(text);
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !(b == b'.' || b == b'!' || b == b'?' || bytes[i..].starts_with("…".as_bytes())) {
            i += 1;
            continue;
        }
        let mark_len = if b.is_ascii() { 1 } else { '…'.len_utf8() };
        let mut end = i + mark_len;
        // Runs of marks ("?!", "...") and closing quotes/brackets stay with
        // the sentence they end.
        while end < bytes.len() {
            let c = s[end..].chars().next().unwrap_or(' ');
            if matches!(
                c,
                '.' | '!' | '?' | '…' | '"' | '”' | '’' | '\'' | ')' | ']' | '»'
            ) {
                end += c.len_utf8();
            } else {
                break;
            }
        }
        let next_start = s[end..]
            .char_indices()
            .find(|(_, c)| !c.is_whitespace())
            .map(|(j, _)| end + j);
        let gap_ok = next_start.is_none_or(|n| n > end);
        if gap_ok && is_boundary(s, i, b, next_start) {
            push_sentence(text, para.start + start, para.start + end, out);
            start = next_start.unwrap_or(bytes.len());
        }
        i = end;
    }
    if start < bytes.len() {
        push_sentence(text, para.start + start, para.end, out);
    }
}

fn push_sentence(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let span = Span::new(start, end).trim(text);
    if !span.is_empty() {
        out.push(span);
    }
}

/// Whether the mark at byte `i` of `s` ends a sentence, given where the next
/// word starts.
fn is_boundary(s: &str, i: usize, mark: u8, next_start: Option<usize>) -> bool {
    let Some(n) = next_start else {
        return true;
    };
    let next_word = word_at(s, n);
    let first = next_word.chars().next().unwrap_or(' ');
    // A sentence opens with a capital, a digit, a quote or a bracket.
    let opens = first.is_uppercase()
        || first.is_ascii_digit()
        || matches!(first, '"' | '“' | '‘' | '\'' | '(' | '[' | '—' | '-');
    if !opens {
        return false;
    }
    if mark != b'.' {
        return true;
    }
    let before = word_before(s, i);
    if before.is_empty() {
        return true;
    }
    if LEX.title_abbrevs.contains(before) {
        return false;
    }
    let is_starter = LEX
        .starters
        .contains(next_word.trim_matches(|c: char| !c.is_alphanumeric()));
    if LEX.final_abbrevs.contains(before) {
        return is_starter;
    }
    // Initials ("J.", "J.D.", "George W.") and initialisms ("N.Y.").
    let letters: Vec<char> = before.chars().filter(|c| *c != '.').collect();
    let dotted = before.contains('.') && letters.iter().all(|c| c.is_alphabetic());
    if (letters.len() == 1 && letters[0].is_uppercase()) || (dotted && letters.len() <= 4) {
        return is_starter;
    }
    true
}

/// The word that ends at byte `i` (exclusive), dots inside it kept.
/// Looks back at most `MAX_WORD` bytes, so a text of dots without spaces
/// stays linear.
fn word_before(s: &str, i: usize) -> &str {
    let head = &s[..i];
    let mut start = head.len();
    for (j, c) in head.char_indices().rev() {
        if !(c.is_alphanumeric() || c == '.') || head.len() - j > MAX_WORD {
            break;
        }
        start = j;
    }
    &head[start..]
}

const MAX_WORD: usize = 64;

fn word_at(s: &str, n: usize) -> &str {
    let tail = &s[n..];
    let end = tail
        .char_indices()
        .skip(1)
        .find(|(j, c)| c.is_whitespace() || *j > MAX_WORD)
        .map_or(tail.len(), |(j, _)| j);
    &tail[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        split_sentences(text, Span::new(0, text.len()), &mut out);
        out.iter().map(|s| s.text(text)).collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences("Gen. Randy George met Mr. Smith on Sept. 3. They spoke."),
            vec!["Gen. Randy George met Mr. Smith on Sept. 3.", "They spoke."]
        );
        assert_eq!(
            sentences("Martin Luther King Jr. spoke. J.D. Vance listened."),
            vec!["Martin Luther King Jr. spoke.", "J.D. Vance listened."]
        );
    }

    #[test]
    fn initialisms_end_a_sentence_only_before_an_opener() {
        assert_eq!(
            sentences("He met U.S. officials in the U.S. The talks ended at 5 p.m. Friday."),
            vec![
                "He met U.S. officials in the U.S.",
                "The talks ended at 5 p.m. Friday."
            ]
        );
        assert_eq!(
            sentences("Growth was 2.5 percent. George W. Bush agreed."),
            vec!["Growth was 2.5 percent.", "George W. Bush agreed."]
        );
    }

    #[test]
    fn quotes_that_end_a_sentence_stay_inside() {
        assert_eq!(
            sentences("She said, “We are ready.” Then she left! Why? “No.”"),
            vec![
                "She said, “We are ready.”",
                "Then she left!",
                "Why?",
                "“No.”"
            ]
        );
    }

    #[test]
    fn lowercase_continuation_is_not_a_boundary() {
        assert_eq!(
            sentences("Wait... and see. Done"),
            vec!["Wait... and see.", "Done"]
        );
    }

    #[test]
    fn one_paragraph_per_line_and_blank_lines() {
        let text = "Headline here\n\nFirst para.\nSecond para.\n\nThird para.";
        let seg = segment(text);
        let paras: Vec<_> = seg
            .paragraphs
            .iter()
            .map(|p| (p.span.text(text), p.role))
            .collect();
        assert_eq!(
            paras,
            vec![
                ("Headline here", Role::Headline),
                ("First para.", Role::Body),
                ("Second para.", Role::Body),
                ("Third para.", Role::Body)
            ]
        );
    }

    #[test]
    fn hard_wrapped_prose_is_joined() {
        let text = "The committee met on Tuesday to discuss the budget and\nthe plan for next year, which several members said was\nnot ready for a vote.\n";
        let seg = segment(text);
        assert_eq!(seg.paragraphs.len(), 1);
        assert_eq!(seg.sentences.len(), 1);
    }

    #[test]
    fn asides_are_recognised() {
        assert!(is_aside(
            "UKRAINE OPTIMISTIC ABOUT US-PROPOSED PLAN FOR PEACE DESPITE TERRITORIAL CONCESSIONS"
        ));
        assert!(is_aside("Read more: The talks in Geneva"));
        assert!(is_aside("Photo: Jane Doe/Getty Images"));
        assert!(is_aside("Friday, July 21, 2017"));
        assert!(!is_aside("NATO met on Friday."));
        assert!(!is_aside("The talks went on."));
    }
}
