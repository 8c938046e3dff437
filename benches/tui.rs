//! Key press to new frame on a 10,000-article corpus: a finder keystroke,
//! and `]` (next quote). Frames are drawn into ratatui's TestBackend at
//! 200×50, so the time covers update + layout + styling + buffer diff, not
//! the terminal's own output.
//!
//! The corpus is `sample/` plus `../shared/data/bbc/` when present, repeated
//! to 10,000 articles, parsed by the real pipeline.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use byline::input::{self, LoadOptions};
use byline::model::Corpus;
use byline::tui::action::Action;
use byline::tui::app::{App, Status};
use byline::tui::theme::Theme;
use byline::tui::ui;

const ARTICLES: usize = 10_000;

fn corpus() -> Corpus {
    let mut paths = vec![PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sample"
    ))];
    let bbc = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/bbc"));
    if bbc.is_dir() {
        paths.push(bbc);
    }
    let loaded = input::load(&paths, &LoadOptions::default());
    let base = loaded.documents;
    assert!(!base.is_empty(), "no documents");
    let docs: Vec<_> = base.iter().cycle().take(ARTICLES).cloned().collect();
    let c = byline::parse::parse_corpus(docs);
    eprintln!(
        "corpus: {} articles ({} distinct), {} names, {} quotes",
        c.articles.len(),
        base.len(),
        c.entities.len(),
        c.quote_count()
    );
    c
}

fn bench(c: &mut Criterion) {
    let corpus = corpus();
    let mut app = App::new(corpus, Theme::default());
    app.update(Action::Resize {
        width: 200,
        height: 50,
    });
    let mut term = Terminal::new(TestBackend::new(200, 50)).unwrap();
    term.draw(|f| ui::draw(f, &app)).unwrap();

    let mut g = c.benchmark_group("key_to_frame");
    g.sample_size(50).measurement_time(Duration::from_secs(6));

    // `]`: next quote, crossing into the next article with quotes when
    // needed (which wraps that article).
    g.bench_function("next_quote", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                if matches!(app.status, Status::Message(_)) {
                    // Ran off the end: start again (not timed).
                    app.update(Action::Top);
                    app.update(Action::Back);
                    app.jump_to_quote(0, 0);
                }
                let t = Instant::now();
                app.update(Action::NextQuote);
                term.draw(|f| ui::draw(f, &app)).unwrap();
                total += t.elapsed();
            }
            total
        })
    });

    // `/`: opening the finder lists every name, most mentioned first.
    g.bench_function("finder_open", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                app.popup = None;
                let t = Instant::now();
                app.update(Action::OpenFinder);
                term.draw(|f| ui::draw(f, &app)).unwrap();
                total += t.elapsed();
            }
            total
        })
    });

    // One keystroke in the finder, from `from` to `from` + `key`.
    let mut finder = |name: &str, from: &str, key: &str| {
        g.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    app.set_query(String::new());
                    app.set_query(from.to_owned());
                    let t = Instant::now();
                    if key == "\u{8}" {
                        app.update(Action::Backspace);
                    } else {
                        app.update(Action::Input(key.to_owned()));
                    }
                    term.draw(|f| ui::draw(f, &app)).unwrap();
                    total += t.elapsed();
                }
                total
            })
        });
    };
    // First character: every name is scored.
    finder("finder_first_char", "", "z");
    // Extending the query: only the last query's hits are re-scored.
    finder("finder_extend", "zele", "n");
    // Deleting a character: a full re-score.
    finder("finder_backspace", "zelen", "\u{8}");
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
