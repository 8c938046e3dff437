//! The browser on the sample corpus with hand-placed names and quotes
//! (`byline::tui::fixture`), for looking at the TUI before the recognisers
//! are in: `cargo run --example tui_demo`.

fn main() -> anyhow::Result<()> {
    let corpus = byline::tui::fixture::sample_corpus();
    let mouse = !std::env::args().any(|a| a == "--no-mouse");
    byline::tui::run(corpus, &[], byline::tui::Options { mouse })
}
