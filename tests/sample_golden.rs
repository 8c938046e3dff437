//! Golden test of the whole pipeline on the seed article: every quoted run
//! with its speaker as written and the entity it resolves to.

use byline::model::{Article, EntityKind, QuoteKind};
use byline::parse::parse_text;

fn seed() -> Article {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sample/white-house-briefing-ukraine-peace-plan.txt"
    );
    let text = std::fs::read_to_string(path).expect("sample article");
    parse_text(path, &text)
}

#[test]
fn seed_article_speakers_resolve_to_entities() {
    let a = seed();
    let got: Vec<(String, &str, &str)> = a
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .map(|q| {
            let words: String = a.slice(q.span).chars().take(20).collect();
            let (written, resolved) = q.speaker.map_or(("", ""), |s| {
                (
                    a.slice(s.span),
                    s.entity.map_or("", |id| a.entities[id].name.as_str()),
                )
            });
            (words, written, resolved)
        })
        .collect();
    let want = [
        ("They’ve been engagin", "Leavitt", "Karoline Leavitt"),
        (
            "The president suppor",
            "the press secretary",
            "Karoline Leavitt",
        ),
        (
            "It is a good plan for",
            "the press secretary",
            "Karoline Leavitt",
        ),
        ("It was crafted by Sp", "she", "Karoline Leavitt"),
        ("We had a very produc", "Driscoll", "Dan Driscoll"),
        ("Ukraine has always s", "the statement", ""),
        ("We value the work of", "the statement", ""),
        ("Nobody is being aske", "Rubio", "Marco Rubio"),
        (
            "We will work calmly ",
            "the Ukrainian president",
            "Volodymyr Zelensky",
        ),
    ];
    let want: Vec<(String, &str, &str)> = want
        .iter()
        .map(|&(w, s, e)| (w.chars().take(20).collect(), s, e))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn seed_article_people_have_titles_and_their_quotes() {
    let a = seed();
    let leavitt = a
        .entities
        .iter()
        .find(|e| e.name == "Karoline Leavitt")
        .expect("Karoline Leavitt");
    assert_eq!(leavitt.kind, EntityKind::Person);
    assert!(leavitt.titles.iter().any(|t| t.contains("press secretary")));
    // The entity knows its quotes: the four direct ones and the reported ones.
    let quotes: Vec<QuoteKind> = a.quotes_by(leavitt.id).map(|(_, q)| q.kind).collect();
    assert!(
        quotes.iter().filter(|k| **k == QuoteKind::Direct).count() >= 4,
        "{quotes:?}"
    );
}
