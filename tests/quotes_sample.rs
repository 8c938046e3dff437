//! The sample briefing article: every quoted run with its kind, and the
//! attributions the quotes issue asks for.

use byline::model::QuoteKind;
use byline::parse::parse_text;

#[test]
fn white_house_briefing_quotes() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sample/white-house-briefing-ukraine-peace-plan.txt"
    );
    let text = std::fs::read_to_string(path).expect("sample article");
    let a = parse_text(path, &text);
    let runs: Vec<_> = a
        .quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Indirect)
        .collect();
    let kinds: Vec<(&str, QuoteKind)> = runs.iter().map(|q| (a.slice(q.span), q.kind)).collect();
    use QuoteKind::{Direct as D, Partial as P};
    let expected_kinds = [P, D, D, D, D, D, P, P, D, D, P, P, P, D, P, D];
    assert_eq!(kinds.len(), 16, "{kinds:#?}");
    for ((words, kind), want) in kinds.iter().zip(expected_kinds) {
        assert_eq!(*kind, want, "kind of “{words}”");
    }
    let speaker = |start: &str| -> String {
        let q = runs
            .iter()
            .find(|q| a.slice(q.span).starts_with(start))
            .unwrap_or_else(|| panic!("no quote starting {start:?}"));
        q.speaker
            .map(|s| a.slice(s.span).to_owned())
            .unwrap_or_default()
    };
    assert_eq!(speaker("They’ve been engaging"), "Leavitt");
    assert_eq!(
        speaker("The president supports this plan"),
        "the press secretary"
    );
    assert_eq!(speaker("It is a good plan"), "the press secretary");
    assert_eq!(speaker("constructively, honestly"), "Zelensky’s office");
    assert_eq!(speaker("Ukraine has always supported"), "the statement");
    assert_eq!(speaker("We value the work"), "the statement");
    assert_eq!(speaker("We will work calmly"), "the Ukrainian president");
    assert_eq!(speaker("It was crafted"), "she");
    assert_eq!(speaker("Nobody is being asked"), "Rubio");
    let cue = runs
        .iter()
        .find(|q| a.slice(q.span).starts_with("The president supports"))
        .and_then(|q| q.cue)
        .map(|c| a.slice(c));
    assert_eq!(cue, Some("continued"));
}
