//! Text from files must never drive the terminal: control characters (and so
//! every escape sequence, which starts with one) become visible placeholders
//! before anything is drawn.

use std::borrow::Cow;

use unicode_width::UnicodeWidthChar;

/// The character drawn for `c`: white-space controls become a space, other
/// C0 controls their Control Pictures glyph (ESC shows as `␛`), C1 controls
/// and bidirectional overrides a replacement character.
pub fn display_char(c: char) -> char {
    match c {
        '\t' | '\n' | '\r' => ' ',
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
        '\u{7f}' => '\u{2421}',
        '\u{80}'..='\u{9f}' => '\u{fffd}',
        // Bidi embeddings, overrides and isolates can reorder what follows them
        // on screen; show them instead of obeying them.
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => '\u{fffd}',
        c => c,
    }
}

/// Columns `c` takes once drawn (after [`display_char`]).
pub fn char_width(c: char) -> usize {
    display_char(c).width().unwrap_or(0)
}

/// Columns a string takes once drawn.
pub fn str_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

fn needs_change(c: char) -> bool {
    display_char(c) != c
}

/// `s` with every character passed through [`display_char`]; borrowed when
/// nothing needs replacing (the common case).
pub fn clean(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_change) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(display_char).collect())
}

/// The longest prefix of `s` (cleaned) that fits `width` columns, with `…`
/// when something was cut.
pub fn truncate(s: &str, width: usize) -> String {
    let s = clean(s);
    if str_width(&s) <= width {
        return s.into_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = char_width(c);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible() {
        let s = "red \u{1b}[31mtext\u{7}";
        let c = clean(s);
        assert!(!c.chars().any(|c| c.is_control()));
        assert_eq!(c, "red ␛[31mtext␇");
    }

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(clean("Šefčovič said"), Cow::Borrowed(_)));
    }

    #[test]
    fn c1_and_bidi_are_replaced() {
        assert_eq!(clean("a\u{9b}b\u{202e}c"), "a\u{fffd}b\u{fffd}c");
    }

    #[test]
    fn widths_count_wide_and_combining() {
        assert_eq!(str_width("日本"), 4);
        assert_eq!(str_width("e\u{301}"), 1);
        assert_eq!(str_width("a\tb"), 3);
    }

    #[test]
    fn truncate_marks_the_cut() {
        assert_eq!(truncate("Volodymyr Zelensky", 8), "Volodym…");
        assert_eq!(truncate("short", 8), "short");
        assert_eq!(str_width(&truncate("日本語のテキスト", 5)), 5);
    }
}
