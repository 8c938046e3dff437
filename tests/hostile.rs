//! Hostile inputs: none may panic, hang, or keep the good files from loading.
//! Every input is built in a temporary directory at test time.

use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use byline::input::{self, LoadOptions, Severity};
use byline::parse;

fn load(paths: &[PathBuf]) -> input::Loaded {
    input::load(paths, &LoadOptions::default())
}

fn good(dir: &Path) -> PathBuf {
    let p = dir.join("zz-good.txt");
    fs::write(&p, "“We are fine,” the mayor said.").unwrap();
    p
}

fn assert_good_loaded(loaded: &input::Loaded) {
    assert!(
        loaded
            .documents
            .iter()
            .any(|d| d.source.ends_with("zz-good.txt")),
        "the good file was lost: {:?}",
        loaded.problems
    );
}

#[test]
fn fifo_and_devices_are_never_read() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.txt");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo unavailable; skipped");
        return;
    }
    good(dir.path());
    let loaded = load(&[dir.path().to_path_buf(), PathBuf::from("/dev/zero")]);
    assert_good_loaded(&loaded);
    let skipped: Vec<&str> = loaded.problems.iter().map(|p| p.source.as_str()).collect();
    assert!(
        skipped.iter().any(|s| s.ends_with("pipe.txt")),
        "{skipped:?}"
    );
    assert!(skipped.contains(&"/dev/zero"), "{skipped:?}");
}

#[test]
fn huge_sparse_file_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("sparse.txt");
    fs::File::create(&big).unwrap().set_len(64 << 30).unwrap();
    good(dir.path());
    let loaded = load(&[dir.path().to_path_buf()]);
    assert_good_loaded(&loaded);
    let p = loaded
        .problems
        .iter()
        .find(|p| p.source.ends_with("sparse.txt"))
        .unwrap();
    assert!(p.message.contains("limit"), "{}", p.message);
    // The limit can be raised.
    let small = LoadOptions {
        max_file_size: 4,
        ..LoadOptions::default()
    };
    let loaded = input::load(&[good(dir.path())], &small);
    assert!(loaded.documents.is_empty());
}

#[test]
fn symlink_loops_and_dangling_links() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir(d.join("sub")).unwrap();
    std::os::unix::fs::symlink(d, d.join("sub/loop")).unwrap();
    std::os::unix::fs::symlink(d.join("nowhere.txt"), d.join("dangling.txt")).unwrap();
    good(d);
    let loaded = load(&[d.to_path_buf()]);
    assert_good_loaded(&loaded);
    assert_eq!(loaded.documents.len(), 1);
    assert!(
        loaded
            .problems
            .iter()
            .any(|p| p.source.ends_with("dangling.txt"))
    );
}

#[test]
fn strange_file_names_are_escaped_in_messages() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let names: [&[u8]; 4] = [
        b"with space.txt",
        b"new\nline.txt",
        b"esc\x1b]0;pwned\x07.txt",
        b"bad\xffutf8.txt",
    ];
    for name in names {
        fs::write(d.join(std::ffi::OsStr::from_bytes(name)), b"bin\0ary").unwrap();
    }
    good(d);
    let loaded = load(&[d.to_path_buf()]);
    assert_good_loaded(&loaded);
    assert_eq!(loaded.problems.len(), 4);
    for p in &loaded.problems {
        let shown = p.to_string();
        assert!(!shown.chars().any(|c| c.is_control()), "{shown:?}");
    }
}

#[test]
fn encodings_and_line_ends() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let utf16: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain("Hi “there”".encode_utf16().flat_map(|u| u.to_be_bytes()))
        .collect();
    fs::write(d.join("a16.txt"), utf16).unwrap();
    fs::write(d.join("b-cr.txt"), "One.\rTwo.\r\rThree.").unwrap();
    fs::write(d.join("c-space.txt"), " \n\t\n  ").unwrap();
    fs::write(d.join("d-bad.txt"), b"\xc3\x28 ok \xf0\x9f").unwrap();
    let loaded = load(&[d.to_path_buf()]);
    let texts: Vec<&str> = loaded.documents.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(texts[0], "Hi “there”");
    assert_eq!(texts[1], "One.\nTwo.\n\nThree.");
    assert_eq!(texts[2], " \n\t\n  ");
    assert!(texts[3].contains('\u{fffd}'));
    for doc in loaded.documents {
        let a = parse::parse_document(doc);
        assert!(
            a.paragraphs
                .iter()
                .all(|p| a.text.is_char_boundary(p.span.start))
        );
    }
}

#[test]
fn hostile_jsonl() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("feed.jsonl");
    let deep = "[".repeat(10_000) + &"]".repeat(10_000);
    let huge = "x".repeat(2_000_000);
    let body = format!(
        "{{\"text\": \"fine\"}}\n{{\"text\": {deep}}}\n{{\"text\": \"{huge}\"}}\n{{\"text\": [1,2]}}\n{{broken\n[1]\n\"str\"\n{{\"text\": \"last\"}}\n"
    );
    fs::write(&path, body).unwrap();
    let loaded = load(std::slice::from_ref(&path));
    let texts: Vec<usize> = loaded.documents.iter().map(|d| d.text.len()).collect();
    assert_eq!(texts, vec![4, 2_000_000, 4]);
    assert_eq!(loaded.problems.len(), 5);
    assert!(
        loaded
            .problems
            .iter()
            .all(|p| p.severity == Severity::Error)
    );
}

#[test]
fn parser_survives_pathological_text() {
    let cases = [
        "“".repeat(5000),
        "\"".repeat(5001),
        "“a ‘b “c ‘d ".repeat(2000),
        "Word ".repeat(200_000),
        "a.b".repeat(500_000),
        format!("{}\n", "x".repeat(5_000_000)),
        "\u{202e}evil\u{200d}\u{0301}\u{0301}\u{0301} 中文 😀 \u{1b}[2J\u{9b}".repeat(100),
    ];
    for text in cases {
        let a = parse::parse_text("t.txt", &text);
        for q in &a.quotes {
            assert!(q.span.end <= a.text.len());
        }
        assert!(!a.paragraphs.is_empty() || text.trim().is_empty());
    }
}

#[test]
fn twenty_thousand_files() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..20_000 {
        fs::write(dir.path().join(format!("{i:05}.txt")), "Short.").unwrap();
    }
    let loaded = load(&[dir.path().to_path_buf()]);
    assert_eq!(loaded.documents.len(), 20_000);
    assert!(loaded.documents[0].source.ends_with("00000.txt"));
}

/// A folder with an unreadable file and an unreadable subfolder (holding a
/// good file) between readable articles. Permissions are given back on
/// drop, so the folder can be removed even by an unprivileged user.
struct Unreadable {
    dir: tempfile::TempDir,
}

impl Unreadable {
    fn new() -> Unreadable {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        fs::write(
            d.join("a-first.txt"),
            "Floods hit the valley\n\nThe river rose overnight.",
        )
        .unwrap();
        fs::write(d.join("m-locked.txt"), "Nobody may read this.").unwrap();
        fs::create_dir(d.join("n-closed")).unwrap();
        fs::write(d.join("n-closed/inner.txt"), "Hidden away.").unwrap();
        good(d);
        // Everything readable by anyone, then the two locked entries.
        set_mode(d, 0o755);
        for name in ["a-first.txt", "zz-good.txt", "n-closed/inner.txt"] {
            set_mode(&d.join(name), 0o644);
        }
        set_mode(&d.join("m-locked.txt"), 0o000);
        set_mode(&d.join("n-closed"), 0o000);
        Unreadable { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn locked(&self) -> [String; 2] {
        ["m-locked.txt", "n-closed"].map(|n| self.path().join(n).to_string_lossy().into_owned())
    }
}

impl Drop for Unreadable {
    fn drop(&mut self) {
        let d = self.dir.path();
        let _ = fs::set_permissions(d.join("n-closed"), fs::Permissions::from_mode(0o755));
        let _ = fs::set_permissions(d.join("m-locked.txt"), fs::Permissions::from_mode(0o644));
    }
}

fn set_mode(path: &Path, mode: u32) {
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

fn running_as_root() -> bool {
    // The owner of /proc/self is the process's effective user.
    fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

/// The byline binary with `args`, run so that file modes apply: as root
/// (who reads any file) it runs as `nobody` through `setpriv`. `Err`,
/// with the reason, when that cannot be done here.
fn run_unprivileged(args: &[&std::ffi::OsStr]) -> Result<Output, String> {
    let bin = env!("CARGO_BIN_EXE_byline");
    let mut cmd = if running_as_root() {
        let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"]
            .into_iter()
            .find(|p| Path::new(p).exists())
            .ok_or("running as root and setpriv is not installed")?;
        let mut probe = Command::new(setpriv);
        probe.args([
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            bin,
            "--version",
        ]);
        if !probe.output().is_ok_and(|o| o.status.success()) {
            return Err(format!(
                "running as root and `setpriv` cannot run {bin} as nobody"
            ));
        }
        let mut cmd = Command::new(setpriv);
        cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups", bin]);
        cmd
    } else {
        Command::new(bin)
    };
    cmd.args(args).output().map_err(|e| e.to_string())
}

/// Each locked path has its own one-line message on stderr.
fn assert_one_line_each(stderr: &str, locked: &[String]) {
    for path in locked {
        let lines: Vec<&str> = stderr
            .lines()
            .filter(|l| l.contains(path.as_str()))
            .collect();
        assert_eq!(lines.len(), 1, "{path} in {stderr}");
        assert!(lines[0].starts_with("byline: error: "), "{}", lines[0]);
        assert!(lines[0].contains("permission denied"), "{}", lines[0]);
    }
}

#[test]
fn unreadable_file_and_folder_in_parse() {
    let fixture = Unreadable::new();
    let out = match run_unprivileged(&["parse".as_ref(), fixture.path().as_os_str()]) {
        Ok(out) => out,
        Err(why) => return eprintln!("skipped: {why}"),
    };
    // The contract: 1 when an input could not be read, the rest written.
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_one_line_each(&stderr, &fixture.locked());
    let sources: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["source"].as_str().unwrap_or_default().to_owned()
        })
        .collect();
    let root = fixture.path();
    assert_eq!(
        sources,
        ["a-first.txt", "zz-good.txt"].map(|n| root.join(n).to_string_lossy().into_owned())
    );
}

#[test]
fn unreadable_file_and_folder_in_the_browser() {
    let fixture = Unreadable::new();
    // Without a terminal the browser prints its article list and messages.
    let out = match run_unprivileged(&[fixture.path().as_os_str()]) {
        Ok(out) => out,
        Err(why) => return eprintln!("skipped: {why}"),
    };
    assert_eq!(out.status.code(), Some(1));
    assert_one_line_each(&String::from_utf8_lossy(&out.stderr), &fixture.locked());
    let stdout = String::from_utf8_lossy(&out.stdout);
    let listed: Vec<&str> = stdout.lines().collect();
    assert_eq!(listed.len(), 2, "{stdout}");
    assert!(listed[0].starts_with("Floods hit the valley"), "{stdout}");
    assert!(listed[1].starts_with("zz-good.txt"), "{stdout}");
}

#[test]
fn unreadable_file_and_folder_in_the_loader() {
    if running_as_root() {
        // Root reads any file, so the modes mean nothing in this process;
        // the two tests above run the binary as nobody instead.
        return eprintln!("skipped: running as root");
    }
    let fixture = Unreadable::new();
    let loaded = load(&[fixture.path().to_path_buf()]);
    assert_good_loaded(&loaded);
    assert_eq!(loaded.documents.len(), 2);
    // Folders are walked before files are read, so sorted for comparing.
    let mut errors: Vec<&str> = loaded
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| p.source.as_str())
        .collect();
    errors.sort_unstable();
    assert_eq!(
        errors,
        fixture
            .locked()
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
    );
    assert!(loaded.has_errors());
}
