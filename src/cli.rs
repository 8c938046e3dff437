//! Command-line arguments and the two commands: `parse` and the browser.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};

use crate::input::{self, LoadOptions, Loaded};
use crate::{json, parse, tui};

/// byline: a terminal browser for news articles that shows who said what.
#[derive(Debug, Parser)]
#[command(name = "byline", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Articles to browse: files, directories, or `-` for standard input
    /// (default: the bundled sample corpus).
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub load: LoadArgs,
    /// Do not capture the mouse.
    #[arg(long)]
    pub no_mouse: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Parse articles and print one JSON object per article per line.
    Parse {
        /// Indent the JSON (each article then spans several lines).
        #[arg(long)]
        pretty: bool,
        /// Files, directories, or `-` for standard input (default: the
        /// bundled sample corpus).
        paths: Vec<PathBuf>,
        #[command(flatten)]
        load: LoadArgs,
    },
}

#[derive(Debug, Args, Clone)]
pub struct LoadArgs {
    /// JSON field holding the article text (tried before text, body,
    /// content and article).
    #[arg(long, value_name = "FIELD", global = true)]
    pub text_field: Option<String>,
    /// Largest file read, in bytes; larger files are skipped with a message.
    #[arg(long, value_name = "BYTES", default_value_t = input::DEFAULT_MAX_FILE_SIZE, global = true)]
    pub max_file_size: u64,
}

impl LoadArgs {
    fn options(&self) -> LoadOptions {
        LoadOptions {
            text_field: self.text_field.clone(),
            max_file_size: self.max_file_size,
        }
    }
}

/// The bundled sample corpus: `$BYLINE_SAMPLE`, else `sample/` of the crate
/// this binary was built from.
pub fn sample_dir() -> PathBuf {
    std::env::var_os("BYLINE_SAMPLE")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/sample")))
}

fn paths_or_sample(paths: &[PathBuf]) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![sample_dir()]
    } else {
        paths.to_vec()
    }
}

/// Exit status per the contract: 0 all read, 1 some input unreadable.
pub fn run(cli: Cli) -> Result<i32> {
    match cli.command {
        Some(Command::Parse {
            pretty,
            paths,
            load,
        }) => run_parse(&paths_or_sample(&paths), &load.options(), pretty),
        None => run_browser(
            &paths_or_sample(&cli.paths),
            &cli.load.options(),
            !cli.no_mouse,
        ),
    }
}

fn report(loaded: &Loaded) {
    let stderr = io::stderr();
    let mut err = stderr.lock();
    for p in &loaded.problems {
        // Problems are already escaped for the terminal.
        let _ = writeln!(err, "{p}");
    }
}

fn run_parse(paths: &[PathBuf], opts: &LoadOptions, pretty: bool) -> Result<i32> {
    let mut loaded = input::load(paths, opts);
    report(&loaded);
    let status = i32::from(loaded.has_errors());
    let docs = std::mem::take(&mut loaded.documents);
    let articles = parse::parse_all(docs);
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match json::write_jsonl(&mut out, &articles, pretty).and_then(|()| out.flush()) {
        Ok(()) => Ok(status),
        // A closed pipe (`byline parse | head`) is not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(status),
        Err(e) => Err(e).context("writing to standard output"),
    }
}

fn run_browser(paths: &[PathBuf], opts: &LoadOptions, mouse: bool) -> Result<i32> {
    let mut loaded = input::load(paths, opts);
    let status = i32::from(loaded.has_errors());
    let docs = std::mem::take(&mut loaded.documents);
    let corpus = parse::parse_corpus(docs);
    if !io::stdout().is_terminal() {
        report(&loaded);
        tui::print_summary(&corpus, &mut io::stdout().lock())?;
        return Ok(status);
    }
    tui::run(corpus, &loaded.problems, tui::Options { mouse })?;
    // Messages are shown after the screen is given back, so none are lost.
    report(&loaded);
    Ok(status)
}
