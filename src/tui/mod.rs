//! The terminal browser: articles on the left, the open article in the
//! centre, its entities on the right.
//!
//! Elm-like: [`app::App`] is the one state, changed only by
//! [`app::App::update`] with [`action::Action`]s, which keys become through
//! the single table in [`keymap`]; [`ui`] draws an `App` and changes nothing.

pub mod action;
pub mod app;
pub mod keymap;
pub mod layout;
pub mod sanitize;
pub mod search;
pub mod terminal;
pub mod text_layout;
pub mod theme;
pub mod ui;

use std::io::{BufWriter, Write};
use std::time::Duration;

use anyhow::Result;
use crossterm::event::{self, Event, MouseEventKind};
use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::input::Problem;
use crate::model::Corpus;

use action::Action;
use app::{App, Status};
use keymap::Mode;

#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub mouse: bool,
}

/// Lines one wheel notch scrolls.
const WHEEL_LINES: i32 = 3;

/// The action for a terminal event, if any.
pub fn action_for(mode: Mode, ev: &Event) -> Option<Action> {
    match ev {
        Event::Key(key) => keymap::lookup(mode, key),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::Scroll {
                col: m.column,
                row: m.row,
                lines: WHEEL_LINES,
            }),
            MouseEventKind::ScrollUp => Some(Action::Scroll {
                col: m.column,
                row: m.row,
                lines: -WHEEL_LINES,
            }),
            MouseEventKind::Down(_) => Some(Action::Click {
                col: m.column,
                row: m.row,
            }),
            _ => None,
        },
        Event::Paste(text) if mode == Mode::Finder => Some(Action::Input(text.clone())),
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        _ => None,
    }
}

fn handle(app: &mut App, ev: &Event) -> bool {
    match action_for(app.mode(), ev) {
        Some(a) => app.update(a),
        None => false,
    }
}

type Term = Terminal<CrosstermBackend<BufWriter<std::io::Stdout>>>;

/// One frame, inside a synchronized update so terminals that support it
/// show it whole (others ignore the sequence).
fn draw(term: &mut Term, app: &mut App) -> Result<()> {
    // A resize the event queue has not reported yet still gets a layout
    // that fits.
    let size = term.size()?;
    if (size.width, size.height) != (app.area.width, app.area.height) {
        app.update(Action::Resize {
            width: size.width,
            height: size.height,
        });
    }
    let app = &*app;
    crossterm::queue!(term.backend_mut(), BeginSynchronizedUpdate)?;
    term.draw(|f| ui::draw(f, app))?;
    crossterm::execute!(term.backend_mut(), EndSynchronizedUpdate)?;
    Ok(())
}

/// Opens the browser on `corpus` until the user quits.
pub fn run(corpus: Corpus, problems: &[Problem], opts: Options) -> Result<()> {
    let mut app = App::new(corpus, theme::Theme::from_env());
    if !problems.is_empty() {
        app.status = Status::Message(format!(
            "{} input problem{} (listed on exit)",
            problems.len(),
            if problems.len() == 1 { "" } else { "s" }
        ));
    }
    let guard = terminal::Guard::enter(opts.mouse)?;
    // Start crossterm's event source (and its SIGWINCH handler) before the
    // first frame, so a resize right after start is not missed.
    event::poll(Duration::ZERO)?;
    // Buffered: ratatui flushes once per frame.
    let mut term = Terminal::new(CrosstermBackend::new(BufWriter::new(std::io::stdout())))?;
    draw(&mut term, &mut app)?;
    // Test hook: the pty tests check that a panic gives the terminal back.
    if std::env::var_os("BYLINE_TEST_PANIC").is_some() {
        panic!("panic requested by BYLINE_TEST_PANIC");
    }
    loop {
        // Block for the next event, then take whatever else is already
        // queued before drawing once (a burst of wheel events or a held key
        // costs one frame).
        let mut dirty = handle(&mut app, &event::read()?);
        while !app.quit && event::poll(Duration::ZERO)? {
            dirty |= handle(&mut app, &event::read()?);
        }
        if app.quit {
            break;
        }
        if dirty {
            draw(&mut term, &mut app)?;
        }
    }
    drop(term);
    drop(guard);
    Ok(())
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
