//! Quote finding and attribution on sentences written for these tests.

use super::*;
use crate::parse::parse_text;

/// (quote text, kind, speaker text, cue text) of every quote.
fn quotes(text: &str) -> Vec<(String, &'static str, Option<String>, Option<String>)> {
    let a = parse_text("t", text);
    a.quotes
        .iter()
        .map(|q| {
            (
                a.slice(q.span).to_owned(),
                q.kind.as_str(),
                q.speaker.map(|s| a.slice(s.span).to_owned()),
                q.cue.map(|c| a.slice(c).to_owned()),
            )
        })
        .collect()
}

fn direct(text: &str) -> Vec<(String, Option<String>)> {
    quotes(text)
        .into_iter()
        .filter(|q| q.1 != "indirect")
        .map(|q| (q.0, q.2))
        .collect()
}

fn s(x: &str) -> Option<String> {
    Some(x.to_owned())
}

#[test]
fn quote_then_speaker_then_cue() {
    assert_eq!(
        direct("“We will win this race,” Smith said."),
        vec![("We will win this race,".into(), s("Smith"))]
    );
}

#[test]
fn debug_cases() {
    for t in [
        "Members of the Coalition of the Willing, the group of countries, said any agreement must be “negotiated with Ukraine.”",
        "Members of the Coalition of the Willing said any agreement must be “negotiated with Ukraine.”",
    ] {
        eprintln!("{:?}", quotes(t));
    }
}
