//! Reading articles: formats, decoding, directories, and bad inputs.

use std::fs;
use std::path::PathBuf;

use byline::input::{self, LoadOptions, Severity};

fn load(paths: &[PathBuf]) -> input::Loaded {
    input::load(paths, &LoadOptions::default())
}

#[test]
fn crlf_bom_and_invalid_utf8() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("a.txt"),
        b"\xEF\xBB\xBFTitle\r\n\r\nBody one.\rBody two.",
    )
    .unwrap();
    fs::write(dir.path().join("b.txt"), b"caf\xE9 au lait").unwrap();
    let loaded = load(&[dir.path().to_path_buf()]);
    assert_eq!(loaded.documents.len(), 2);
    assert_eq!(loaded.documents[0].text, "Title\n\nBody one.\nBody two.");
    assert_eq!(loaded.documents[1].text, "caf\u{fffd} au lait");
    assert_eq!(loaded.problems.len(), 1);
    assert_eq!(loaded.problems[0].severity, Severity::Warning);
    assert!(loaded.problems[0].source.ends_with("b.txt"));
    assert!(loaded.problems[0].message.contains("UTF-8"));
    assert!(!loaded.has_errors());
}

#[test]
fn binary_is_skipped_and_empty_is_an_article() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("bin.txt"), b"\x7fELF\0\0\x01").unwrap();
    fs::write(dir.path().join("empty.txt"), b"").unwrap();
    let loaded = load(&[dir.path().to_path_buf()]);
    assert_eq!(loaded.documents.len(), 1);
    assert_eq!(loaded.documents[0].text, "");
    assert!(loaded.problems[0].source.ends_with("bin.txt"));
    assert!(loaded.problems[0].message.contains("binary"));
}

#[test]
fn directories_are_sorted_recursive_and_skip_hidden_and_notices() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir_all(d.join("sub")).unwrap();
    fs::create_dir_all(d.join(".git")).unwrap();
    for name in [
        "b.txt",
        "a.md",
        "sub/c.txt",
        ".hidden.txt",
        ".git/x.txt",
        "NOTICE.md",
        "notes.ann",
        "page.html",
    ] {
        fs::write(d.join(name), "# Head\n\nText.").unwrap();
    }
    let loaded = load(&[d.to_path_buf()]);
    let names: Vec<String> = loaded
        .documents
        .iter()
        .map(|doc| doc.source.rsplit('/').next().unwrap().to_owned())
        .collect();
    assert_eq!(names, vec!["a.md", "b.txt", "c.txt"]);
    assert_eq!(loaded.documents[0].title.as_deref(), Some("Head"));
    // HTML gets a one-line notice.
    assert_eq!(loaded.problems.len(), 1);
    assert!(loaded.problems[0].message.contains("HTML"));
}

#[test]
fn jsonl_records_fields_and_bad_lines() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("feed.jsonl");
    fs::write(
        &path,
        concat!(
            "{\"title\": \"One\", \"text\": \"First.\"}\n",
            "{\"headline\": \"Two\", \"body\": \"Second.\"}\n",
            "not json\n",
            "\n",
            "{\"content\": 5}\n",
            "{\"article\": \"Fourth.\"}\n",
        ),
    )
    .unwrap();
    let loaded = load(std::slice::from_ref(&path));
    let got: Vec<(&str, Option<&str>, &str)> = loaded
        .documents
        .iter()
        .map(|d| {
            (
                d.source.rsplit('#').next().unwrap(),
                d.title.as_deref(),
                d.text.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("1", Some("One"), "First."),
            ("2", Some("Two"), "Second."),
            ("6", None, "Fourth.")
        ]
    );
    let bad: Vec<&str> = loaded
        .problems
        .iter()
        .map(|p| p.source.rsplit('#').next().unwrap())
        .collect();
    assert_eq!(bad, vec!["3", "5"]);
    assert!(loaded.has_errors());
}

#[test]
fn text_field_option_and_json_array() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.json");
    fs::write(&path, r#"[{"story": "Own field.", "text": "Default."}]"#).unwrap();
    let opts = LoadOptions {
        text_field: Some("story".into()),
        ..LoadOptions::default()
    };
    let loaded = input::load(std::slice::from_ref(&path), &opts);
    assert_eq!(loaded.documents[0].text, "Own field.");
    assert!(loaded.documents[0].source.ends_with("a.json#1"));
}

#[test]
fn missing_paths_are_errors_and_the_rest_still_load() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("ok.txt"), "Fine.").unwrap();
    let loaded = load(&[dir.path().join("missing.txt"), dir.path().join("ok.txt")]);
    assert_eq!(loaded.documents.len(), 1);
    assert!(loaded.has_errors());
    assert!(loaded.problems[0].source.ends_with("missing.txt"));
}
