//! Reading articles from disk or standard input.
//!
//! Files and directories (walked recursively in sorted order, hidden entries
//! skipped), `-` for standard input. Formats: plain text, Markdown, JSON and
//! JSON Lines. Nothing here ever writes to an input.

use std::collections::HashSet;
use std::fmt;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde_json::Value;

/// The default largest file read, in bytes (`--max-file-size` raises it).
pub const DEFAULT_MAX_FILE_SIZE: u64 = 256 * 1024 * 1024;

/// Text fields tried, in order, for a JSON record's article text.
const TEXT_FIELDS: [&str; 4] = ["text", "body", "content", "article"];
const TITLE_FIELDS: [&str; 2] = ["title", "headline"];

#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// A JSON field to take the text from before the usual ones.
    pub text_field: Option<String>,
    pub max_file_size: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            text_field: None,
            max_file_size: DEFAULT_MAX_FILE_SIZE,
        }
    }
}

/// One article's raw text as read, before parsing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub source: String,
    pub title: Option<String>,
    pub text: String,
}

/// Something that went wrong with one input; the others still load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The input (path, or `path#line`), already safe to print.
    pub source: String,
    pub message: String,
    /// `Error`: the input could not be read (exit status 1). `Warning`: it
    /// was read with loss or skipped on purpose.
    pub severity: Severity,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Warning,
    Error,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "byline: {level}: {}: {}", self.source, self.message)
    }
}

#[derive(Debug, Default)]
pub struct Loaded {
    pub documents: Vec<Document>,
    pub problems: Vec<Problem>,
}

impl Loaded {
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }

    fn warn(&mut self, source: &str, message: impl Into<String>) {
        self.problem(source, message, Severity::Warning);
    }

    fn error(&mut self, source: &str, message: impl Into<String>) {
        self.problem(source, message, Severity::Error);
    }

    fn problem(&mut self, source: &str, message: impl Into<String>, severity: Severity) {
        self.problems.push(Problem {
            source: escape_for_terminal(source),
            message: escape_for_terminal(&message.into()),
            severity,
        });
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Markdown,
    Json,
    Html,
}

fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" => Some(Format::Text),
        "md" | "markdown" => Some(Format::Markdown),
        "json" | "jsonl" | "ndjson" => Some(Format::Json),
        "html" | "htm" => Some(Format::Html),
        _ => None,
    }
}

/// Loads every article under `paths`, in order; problems are collected,
/// never fatal.
pub fn load(paths: &[PathBuf], opts: &LoadOptions) -> Loaded {
    let mut out = Loaded::default();
    for path in paths {
        if path.as_os_str() == "-" {
            load_stdin(opts, &mut out);
            continue;
        }
        let shown = path.to_string_lossy().into_owned();
        match fs::metadata(path) {
            Err(e) => out.error(&shown, io_message(&e)),
            Ok(meta) if meta.is_dir() => {
                let mut files = Vec::new();
                let mut seen = HashSet::new();
                walk(path, &mut files, &mut seen, &mut out);
                for file in files {
                    let f = format_of(&file).unwrap_or(Format::Text);
                    load_file(&file, f, opts, &mut out);
                }
            }
            // A file named on the command line is read whatever its ending.
            Ok(_) => load_file(
                path,
                format_of(path).unwrap_or(Format::Text),
                opts,
                &mut out,
            ),
        }
    }
    out
}

/// Files of known formats under `dir`, sorted by path; hidden entries and
/// the corpus's own notices (README, NOTICE, LICENSE) are skipped.
fn walk(dir: &Path, files: &mut Vec<PathBuf>, seen: &mut HashSet<PathBuf>, out: &mut Loaded) {
    let shown = dir.to_string_lossy().into_owned();
    // Symlink loops: each real directory is walked once.
    match fs::canonicalize(dir) {
        Ok(real) => {
            if !seen.insert(real) {
                return;
            }
        }
        Err(e) => return out.error(&shown, io_message(&e)),
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return out.error(&shown, io_message(&e)),
    };
    let mut paths: Vec<PathBuf> = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => paths.push(entry.path()),
            Err(e) => out.error(&shown, io_message(&e)),
        }
    }
    paths.sort();
    for path in paths {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        let meta = match fs::metadata(&path) {
            Ok(m) => m,
            Err(e) => {
                out.error(&path.to_string_lossy(), io_message(&e));
                continue;
            }
        };
        if meta.is_dir() {
            walk(&path, files, seen, out);
        } else if format_of(&path).is_some() && !is_notice(&name) {
            files.push(path);
        }
    }
}

fn is_notice(name: &str) -> bool {
    let upper = name.to_ascii_uppercase();
    [
        "README",
        "NOTICE",
        "LICENSE",
        "LICENCE",
        "COPYING",
        "CHANGELOG",
    ]
    .iter()
    .any(|n| upper.starts_with(n))
}

fn load_file(path: &Path, format: Format, opts: &LoadOptions, out: &mut Loaded) {
    let shown = path.to_string_lossy().into_owned();
    if format == Format::Html {
        out.warn(&shown, "HTML is not supported yet; skipped");
        return;
    }
    let bytes = match read_limited(path, opts.max_file_size) {
        Ok(bytes) => bytes,
        Err(ReadError::Io(e)) => return out.error(&shown, io_message(&e)),
        Err(ReadError::Skip(why)) => return out.error(&shown, why),
    };
    let Some(text) = decode_owned(bytes, &shown, out) else {
        return;
    };
    add_text(shown, format, text, opts, out);
}

fn add_text(source: String, format: Format, text: String, opts: &LoadOptions, out: &mut Loaded) {
    match format {
        Format::Json => load_json(&source, &text, opts, out),
        Format::Markdown => {
            let title = markdown_title(&text);
            out.documents.push(Document {
                source,
                title,
                text,
            });
        }
        Format::Text | Format::Html => out.documents.push(Document {
            source,
            title: None,
            text,
        }),
    }
}

enum ReadError {
    Io(std::io::Error),
    Skip(String),
}

/// Reads a regular file of at most `limit` bytes. FIFOs, devices and
/// oversized files are refused before any read, so nothing blocks forever.
fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let meta = fs::metadata(path).map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::Skip("not a regular file; skipped".into()));
    }
    if meta.len() > limit {
        return Err(ReadError::Skip(format!(
            "{} bytes is over the {limit}-byte limit (--max-file-size); skipped",
            meta.len()
        )));
    }
    let file = fs::File::open(path).map_err(ReadError::Io)?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // The file may grow while read: never take more than the limit.
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::Skip(format!(
            "grew past the {limit}-byte limit while read; skipped"
        )));
    }
    Ok(bytes)
}

fn load_stdin(opts: &LoadOptions, out: &mut Loaded) {
    let mut bytes = Vec::new();
    let read = std::io::stdin()
        .lock()
        .take(opts.max_file_size + 1)
        .read_to_end(&mut bytes);
    if let Err(e) = read {
        return out.error("-", io_message(&e));
    }
    if bytes.len() as u64 > opts.max_file_size {
        return out.error("-", "standard input is over the size limit; skipped");
    }
    load_bytes_into("-", &bytes, None, opts, out);
}

/// Loads articles from bytes already in memory (standard input, fuzzing):
/// JSON when `json` says so, or when unsaid and the text opens with `{`.
pub fn load_bytes(source: &str, bytes: &[u8], json: Option<bool>, opts: &LoadOptions) -> Loaded {
    let mut out = Loaded::default();
    load_bytes_into(source, bytes, json, opts, &mut out);
    out
}

fn load_bytes_into(
    source: &str,
    bytes: &[u8],
    json: Option<bool>,
    opts: &LoadOptions,
    out: &mut Loaded,
) {
    let Some(text) = decode(bytes, source, out) else {
        return;
    };
    let json = json.unwrap_or_else(|| text.trim_start().starts_with('{'));
    let format = if json { Format::Json } else { Format::Text };
    add_text(source.to_owned(), format, text, opts, out);
}

/// Bytes to text: UTF-8 (BOM removed; invalid sequences replaced with a
/// warning), UTF-16 with a BOM, and line ends normalised to `\n`. Returns
/// `None` for binary data.
pub fn decode_bytes(bytes: &[u8]) -> Decoded {
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        utf8(rest)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(rest, u16::from_le_bytes)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(rest, u16::from_be_bytes)
    } else if memchr::memchr(0, bytes).is_some() {
        return Decoded::Binary;
    } else {
        utf8(bytes)
    };
    match text {
        (t, false) => Decoded::Text(normalize_newlines(t)),
        (t, true) => Decoded::Lossy(normalize_newlines(t)),
    }
}

#[derive(Debug, PartialEq, Eq)]
pub enum Decoded {
    Text(String),
    /// Text with invalid sequences replaced by U+FFFD.
    Lossy(String),
    Binary,
}

fn decode(bytes: &[u8], source: &str, out: &mut Loaded) -> Option<String> {
    match decode_bytes(bytes) {
        Decoded::Text(t) => Some(t),
        Decoded::Lossy(t) => {
            out.warn(source, "invalid UTF-8; decoded with replacement characters");
            Some(t)
        }
        Decoded::Binary => {
            out.warn(source, "binary file (NUL bytes); skipped");
            None
        }
    }
}

/// [`decode`] taking the bytes: UTF-8 (the usual case) becomes the text
/// without a copy, so a large file is never held twice.
fn decode_owned(mut bytes: Vec<u8>, source: &str, out: &mut Loaded) -> Option<String> {
    let utf16 = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    let bom = bytes.starts_with(b"\xEF\xBB\xBF");
    if utf16 || (!bom && memchr::memchr(0, &bytes).is_some()) {
        return decode(&bytes, source, out);
    }
    if bom {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Some(normalize_newlines(text)),
        Err(e) => {
            let (text, _) = utf8(e.as_bytes());
            out.warn(source, "invalid UTF-8; decoded with replacement characters");
            Some(normalize_newlines(text))
        }
    }
}

fn utf8(bytes: &[u8]) -> (String, bool) {
    match String::from_utf8_lossy(bytes) {
        std::borrow::Cow::Borrowed(s) => (s.to_owned(), false),
        std::borrow::Cow::Owned(s) => (s, true),
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> (String, bool) {
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let mut lossy = bytes.len() % 2 == 1;
    let text = char::decode_utf16(units)
        .map(|r| {
            r.unwrap_or_else(|_| {
                lossy = true;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    (text, lossy)
}

/// CRLF and lone CR become LF; nothing else changes.
pub fn normalize_newlines(text: String) -> String {
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(i) = rest.find('\r') {
        out.push_str(&rest[..i]);
        out.push('\n');
        rest = &rest[i + 1..];
        if let Some(r) = rest.strip_prefix('\n') {
            rest = r;
        }
    }
    out.push_str(rest);
    out
}

fn markdown_title(text: &str) -> Option<String> {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .and_then(|l| l.strip_prefix("# "))
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
}

/// A `.json` file holds one record, an array of records, or JSON Lines;
/// `.jsonl` holds JSON Lines.
fn load_json(source: &str, text: &str, opts: &LoadOptions, out: &mut Loaded) {
    let trimmed = text.trim_start();
    if trimmed.starts_with('[') {
        match serde_json::from_str::<Vec<Value>>(text) {
            Ok(records) => {
                for (i, record) in records.iter().enumerate() {
                    add_record(&format!("{source}#{}", i + 1), record, opts, out);
                }
            }
            Err(e) => out.error(source, format!("invalid JSON: {e}")),
        }
        return;
    }
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = format!("{source}#{}", n + 1);
        match serde_json::from_str::<Value>(line) {
            Ok(record) => add_record(&at, &record, opts, out),
            Err(e) => out.error(&at, format!("invalid JSON: {e}")),
        }
    }
}

fn add_record(source: &str, record: &Value, opts: &LoadOptions, out: &mut Loaded) {
    let Some(obj) = record.as_object() else {
        return out.error(source, "record is not a JSON object");
    };
    let fields = opts
        .text_field
        .iter()
        .map(String::as_str)
        .chain(TEXT_FIELDS);
    let mut text = None;
    for field in fields {
        match obj.get(field) {
            Some(Value::String(s)) => {
                text = Some(s);
                break;
            }
            Some(Value::Null) | None => {}
            Some(_) => return out.error(source, format!("field `{field}` is not a string")),
        }
    }
    let Some(text) = text else {
        let wanted: Vec<&str> = opts
            .text_field
            .iter()
            .map(String::as_str)
            .chain(TEXT_FIELDS)
            .collect();
        return out.error(
            source,
            format!("no text field (looked for {})", wanted.join(", ")),
        );
    };
    let title = TITLE_FIELDS
        .iter()
        .find_map(|f| obj.get(*f).and_then(Value::as_str))
        .map(str::to_owned);
    out.documents.push(Document {
        source: source.to_owned(),
        title,
        text: normalize_newlines(text.trim_start_matches('\u{feff}').to_owned()),
    });
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Makes a file name or message safe to print: control characters (C0, DEL,
/// C1) become visible escapes, the way `ls` and `git` quote names.
pub fn escape_for_terminal(s: &str) -> String {
    if !s.chars().any(needs_escape) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if needs_escape(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

fn needs_escape(c: char) -> bool {
    c.is_control()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding() {
        assert_eq!(
            decode_bytes(b"\xEF\xBB\xBFa\r\nb\rc"),
            Decoded::Text("a\nb\nc".into())
        );
        assert_eq!(decode_bytes(b"a\0b"), Decoded::Binary);
        assert_eq!(
            decode_bytes(b"caf\xE9"),
            Decoded::Lossy("caf\u{fffd}".into())
        );
        assert_eq!(decode_bytes(b""), Decoded::Text(String::new()));
        let utf16: Vec<u8> = [0xFF, 0xFE, b'h', 0, b'i', 0].to_vec();
        assert_eq!(decode_bytes(&utf16), Decoded::Text("hi".into()));
    }

    #[test]
    fn decoding_owned_bytes_agrees_with_decoding_borrowed_ones() {
        let cases: [&[u8]; 8] = [
            b"plain text\r\nline",
            b"\xEF\xBB\xBFwith bom",
            b"\xEF\xBB\xBF\xEF\xBB\xBFtwo boms",
            b"\xEF\xBB\xBFbom then nul\0",
            b"caf\xE9\rx",
            b"a\0b",
            &[0xFF, 0xFE, b'h', 0, b'i', 0],
            b"",
        ];
        for bytes in cases {
            let (mut a, mut b) = (Loaded::default(), Loaded::default());
            let borrowed = decode(bytes, "x", &mut a);
            let owned = decode_owned(bytes.to_vec(), "x", &mut b);
            assert_eq!(owned, borrowed, "{bytes:?}");
            assert_eq!(b.problems, a.problems, "{bytes:?}");
        }
    }

    #[test]
    fn escapes_control_characters_in_names() {
        assert_eq!(
            escape_for_terminal("a\x1b]0;x\x07b\nc"),
            "a\\u{1b}]0;x\\u{7}b\\nc"
        );
        assert_eq!(escape_for_terminal("\u{9b}31m"), "\\u{9b}31m");
        assert_eq!(escape_for_terminal("Šefčovič.txt"), "Šefčovič.txt");
    }

    #[test]
    fn markdown_headline_is_the_title() {
        assert_eq!(
            markdown_title("\n# Big news\n\nBody."),
            Some("Big news".into())
        );
        assert_eq!(markdown_title("Body first.\n# Later"), None);
    }
}
