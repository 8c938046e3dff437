//! Span invariants of every parse stage, on arbitrary text.

use byline::model::{Article, QuoteKind, Role, Span};
use byline::parse;
use proptest::prelude::*;

fn valid(a: &Article, s: Span) -> bool {
    s.start <= s.end
        && s.end <= a.text.len()
        && a.text.is_char_boundary(s.start)
        && a.text.is_char_boundary(s.end)
}

fn check(a: &Article) {
    // Paragraphs: in order, disjoint, non-empty, inside the text.
    for w in a.paragraphs.windows(2) {
        assert!(w[0].span.end < w[1].span.start);
    }
    for p in &a.paragraphs {
        assert!(valid(a, p.span) && !p.span.is_empty());
    }
    // Sentences: inside a non-aside paragraph, in order.
    for w in a.sentences.windows(2) {
        assert!(w[0].end <= w[1].start);
    }
    for s in &a.sentences {
        assert!(valid(a, *s));
        let p = a
            .paragraph_at(s.start)
            .map(|i| a.paragraphs[i])
            .expect("sentence outside paragraphs");
        assert!(p.span.covers(*s) && p.role != Role::Aside);
    }
    // Entities: ids are indexes; mentions valid and never overlapping.
    for (i, e) in a.entities.iter().enumerate() {
        assert_eq!(e.id, i);
        assert!(!e.mentions.is_empty());
        for m in &e.mentions {
            assert!(valid(a, *m) && !m.is_empty());
        }
    }
    for w in a.mentions.windows(2) {
        assert!(w[0].span.end <= w[1].span.start, "overlapping mentions");
    }
    // Quotes: valid spans, text order, direct and partial never overlap.
    for w in a.quotes.windows(2) {
        assert!(w[0].span.start <= w[1].span.start);
    }
    let marked: Vec<Span> = a
        .quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Indirect)
        .map(|q| q.span)
        .collect();
    for w in marked.windows(2) {
        assert!(w[0].end <= w[1].start, "direct/partial quotes overlap");
    }
    for q in &a.quotes {
        assert!(valid(a, q.span));
        if let Some(s) = q.speaker {
            assert!(valid(a, s.span));
            if let Some(id) = s.entity {
                assert!(id < a.entities.len());
            }
        }
        if let Some(c) = q.cue {
            assert!(valid(a, c));
        }
    }
}

/// Text made of news-like pieces, so the recognisers have work to do.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("“".to_owned()),
        Just("”".to_owned()),
        Just("\"".to_owned()),
        Just("‘".to_owned()),
        Just("’".to_owned()),
        Just("'".to_owned()),
        Just("''".to_owned()),
        Just(" said ".to_owned()),
        Just(" according to ".to_owned()),
        Just("Karoline Leavitt".to_owned()),
        Just("the press secretary".to_owned()),
        Just(" he ".to_owned()),
        Just("Mr. ".to_owned()),
        Just("U.S.".to_owned()),
        Just("Šefčovič".to_owned()),
        Just(". ".to_owned()),
        Just(", ".to_owned()),
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("NATO".to_owned()),
        Just("6'3\"".to_owned()),
        "[a-zA-Z ]{0,12}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn spans_hold_on_newsy_text(text in newsy()) {
        check(&parse::parse_text("p.txt", &text));
    }

    #[test]
    fn spans_hold_on_any_text(text in any::<String>()) {
        check(&parse::parse_text("p.txt", &text));
    }
}
