//! The schema-1 contract: character offsets that index `text` exactly.

use std::path::PathBuf;

use byline::input::{self, LoadOptions};
use byline::json::to_json;
use byline::model::{Article, Role};
use byline::parse;
use serde_json::Value;

fn sample_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/sample"))
}

fn sample_articles() -> Vec<Article> {
    let loaded = input::load(&[sample_dir()], &LoadOptions::default());
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    parse::parse_all(loaded.documents)
}

/// Characters `[start, end)` of `text`, counted as Unicode scalar values.
fn chars(text: &str, start: u64, end: u64) -> String {
    text.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

fn pair(v: &Value) -> (u64, u64) {
    match v {
        Value::Array(a) => (a[0].as_u64().unwrap(), a[1].as_u64().unwrap()),
        Value::Object(o) => (o["start"].as_u64().unwrap(), o["end"].as_u64().unwrap()),
        other => panic!("not a range: {other}"),
    }
}

/// Every range in the JSON covers the same characters as the model's byte
/// span does.
fn check_offsets(article: &Article) -> usize {
    let json: Value = serde_json::from_slice(&to_json(article, false).unwrap()).unwrap();
    let text = json["text"].as_str().unwrap();
    assert_eq!(text, article.text);
    let mut checked = 0;
    let mut check = |v: &Value, model: &str| {
        let (s, e) = pair(v);
        assert_eq!(
            chars(text, s, e),
            model,
            "range {s}..{e} in {}",
            article.source
        );
        checked += 1;
    };
    for (v, p) in json["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .zip(&article.paragraphs)
    {
        check(v, article.slice(p.span));
    }
    for (je, e) in json["entities"]
        .as_array()
        .unwrap()
        .iter()
        .zip(&article.entities)
    {
        for (v, m) in je["mentions"].as_array().unwrap().iter().zip(&e.mentions) {
            check(v, article.slice(*m));
        }
    }
    for (jq, q) in json["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .zip(&article.quotes)
    {
        check(jq, article.slice(q.span));
        if let Some(s) = q.speaker {
            check(&jq["speaker"], article.slice(s.span));
        }
        if let Some(c) = q.cue {
            check(&jq["cue"], article.slice(c));
        }
    }
    checked
}

#[test]
fn every_sample_span_indexes_text_by_characters() {
    let articles = sample_articles();
    assert_eq!(
        articles.len(),
        9,
        "eight Wikinews articles and the seed article"
    );
    let checked: usize = articles.iter().map(check_offsets).sum();
    assert!(checked > 100, "only {checked} ranges checked");
}

#[test]
fn offsets_count_characters_not_bytes() {
    let text =
        "Šefčovič met officials.\n\n“We are ready,” Zelensky’s office said.\n\nŠefčovič left.";
    let article = parse::parse_text("t.txt", text);
    check_offsets(&article);
    let json: Value = serde_json::from_slice(&to_json(&article, false).unwrap()).unwrap();
    let paras: Vec<(u64, u64)> = json["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(pair)
        .collect();
    let n = |s: &str| s.chars().count() as u64;
    let second = n("Šefčovič met officials.\n\n");
    assert_eq!(paras[0], (0, n("Šefčovič met officials.")));
    assert_eq!(paras[1].0, second);
    assert_eq!(chars(text, paras[2].0, paras[2].1), "Šefčovič left.");
}

#[test]
fn schema_fields_are_present() {
    let article = parse::parse_text("x.txt", "Headline\n\nBody text here.");
    let json: Value = serde_json::from_slice(&to_json(&article, false).unwrap()).unwrap();
    assert_eq!(json["schema"], 1);
    assert_eq!(json["source"], "x.txt");
    assert_eq!(json["title"], "Headline");
    for field in ["text", "paragraphs", "entities", "quotes"] {
        assert!(json.get(field).is_some(), "missing {field}");
    }
}

#[test]
fn seed_article_headline_and_aside() {
    let articles = sample_articles();
    let seed = articles
        .iter()
        .find(|a| {
            a.source
                .ends_with("white-house-briefing-ukraine-peace-plan.txt")
        })
        .unwrap();
    assert_eq!(
        seed.title.as_deref(),
        Some("White House says Ukraine peace plan talks have been under way for weeks")
    );
    assert_eq!(seed.paragraphs[0].role, Role::Headline);
    let asides: Vec<&str> = seed
        .paragraphs
        .iter()
        .filter(|p| p.role == Role::Aside)
        .map(|p| seed.slice(p.span))
        .collect();
    assert_eq!(
        asides,
        vec!["UKRAINE OPTIMISTIC ABOUT US-PROPOSED PLAN FOR PEACE DESPITE TERRITORIAL CONCESSIONS"]
    );
    // One paragraph per line after the headline.
    assert_eq!(seed.paragraphs.len(), 15);
    // No sentence comes from the aside.
    let aside = seed
        .paragraphs
        .iter()
        .find(|p| p.role == Role::Aside)
        .unwrap()
        .span;
    assert!(seed.sentences.iter().all(|s| !s.overlaps(aside)));
    // "Gen. Randy George" does not split a sentence.
    assert!(seed.sentences.iter().any(
        |s| seed.slice(*s).starts_with("Army Secretary Dan Driscoll")
            && seed.slice(*s).ends_with("Zelensky.")
    ));
}

#[test]
fn wikinews_articles_have_headline_and_dateline() {
    for article in sample_articles()
        .iter()
        .filter(|a| a.source.contains("GUM_news_"))
    {
        assert_eq!(
            article.paragraphs[0].role,
            Role::Headline,
            "{}",
            article.source
        );
        assert!(article.title.is_some());
        assert!(article.body().count() >= 3, "{}", article.source);
    }
}
