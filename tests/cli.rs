//! End-to-end tests of the `byline` binary.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

fn byline() -> Command {
    Command::new(env!("CARGO_BIN_EXE_byline"))
}

fn sample() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/sample").to_owned()
}

fn lines(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8(stdout.to_vec())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn parse_sample_gives_schema_1_lines() {
    let out = byline().args(["parse", &sample()]).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let records = lines(&out.stdout);
    assert_eq!(records.len(), 9);
    for r in &records {
        assert_eq!(r["schema"], 1);
        assert!(r["source"].as_str().unwrap().starts_with(&sample()));
        assert!(r["text"].is_string());
        assert!(r["title"].is_string() || r["title"].is_null());
        for key in ["paragraphs", "entities", "quotes"] {
            assert!(r[key].is_array(), "{key}");
        }
        let n = r["text"].as_str().unwrap().chars().count() as u64;
        for p in r["paragraphs"].as_array().unwrap() {
            assert!(p[0].as_u64().unwrap() < p[1].as_u64().unwrap());
            assert!(p[1].as_u64().unwrap() <= n);
        }
    }
    // Files sorted by path.
    let sources: Vec<&str> = records
        .iter()
        .map(|r| r["source"].as_str().unwrap())
        .collect();
    let mut sorted = sources.clone();
    sorted.sort();
    assert_eq!(sources, sorted);
}

#[test]
fn missing_path_exits_1_and_still_writes_the_rest() {
    let seed = format!("{}/white-house-briefing-ukraine-peace-plan.txt", sample());
    let out = byline()
        .args(["parse", "/no/such/article.txt", &seed])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("/no/such/article.txt"), "{stderr}");
    assert_eq!(lines(&out.stdout).len(), 1);
}

#[test]
fn usage_error_exits_2() {
    let out = byline().args(["parse", "--no-such-flag"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

#[test]
fn stdin_text_and_jsonl() {
    let run = |input: &str| {
        let mut child = byline()
            .args(["parse", "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        lines(&out.stdout)
    };
    let text = run("Plain text from a pipe.");
    assert_eq!(text[0]["source"], "-");
    assert_eq!(text[0]["text"], "Plain text from a pipe.");
    let jsonl = run("{\"text\": \"One.\"}\n{\"text\": \"Two.\"}\n");
    assert_eq!(jsonl.len(), 2);
    assert_eq!(jsonl[1]["source"], "-#2");
}

#[test]
fn pretty_output_is_valid_json() {
    let seed = format!("{}/white-house-briefing-ukraine-peace-plan.txt", sample());
    let out = byline()
        .args(["parse", "--pretty", &seed])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema"], 1);
}

#[test]
fn no_subcommand_without_a_terminal_prints_a_summary_of_the_sample() {
    let out = byline().env("BYLINE_SAMPLE", sample()).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("White House says Ukraine peace plan talks"),
        "{stdout}"
    );
}
