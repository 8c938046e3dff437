//! The terminal browser. (Filled in by the TUI work.)

use std::io::Write;

use anyhow::Result;

use crate::input::Problem;
use crate::model::Corpus;

#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub mouse: bool,
}

/// Opens the browser on `corpus` until the user quits.
pub fn run(corpus: Corpus, _problems: &[Problem], _opts: Options) -> Result<()> {
    print_summary(&corpus, &mut std::io::stdout().lock())
}

/// A plain-text overview, for when standard output is not a terminal.
pub fn print_summary(corpus: &Corpus, out: &mut impl Write) -> Result<()> {
    for a in &corpus.articles {
        writeln!(
            out,
            "{}  ({} paragraphs, {} entities, {} quotes)",
            crate::input::escape_for_terminal(a.display_title()),
            a.paragraphs.len(),
            a.entities.len(),
            a.quotes.len()
        )?;
    }
    Ok(())
}
