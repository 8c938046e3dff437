//! Bottom line: position, what the last jump landed on, key hints.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::app::{App, Status};
use super::super::sanitize::{clean, str_width};

use super::super::action::Action;
use super::super::keymap::{self, Mode};

/// Hints generated from the key table, so they follow its bindings.
fn hints() -> String {
    [
        (Action::Help, "help"),
        (Action::OpenFinder, "find"),
        (Action::NextQuote, "quote"),
        (Action::NextMention, "mention"),
        (Action::Quit, "quit"),
    ]
    .iter()
    .filter_map(|(a, label)| keymap::first_key(Mode::Main, a).map(|k| format!("{k} {label}")))
    .collect::<Vec<_>>()
    .join("  ")
}

pub fn status_text(app: &App) -> String {
    match &app.status {
        Status::None => String::new(),
        Status::Quote { n, m, speaker } => format!("quote {n}/{m} · {}", clean(speaker)),
        Status::Mention { n, m, name } => format!("mention {n}/{m} · {}", clean(name)),
        Status::Message(s) => clean(s).into_owned(),
    }
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let mut pos = match app.visible.iter().position(|&a| Some(a) == app.current) {
        Some(p) => format!(" article {}/{} ", p + 1, app.visible.len()),
        None => format!(" article –/{} ", app.visible.len()),
    };
    if let Some(e) = app.filter.and_then(|ce| app.corpus.entities.get(ce)) {
        pos.push_str(&format!("· {} ", clean(&e.name)));
    }
    let status = status_text(app);
    let width = usize::from(area.width);
    let used = str_width(&pos) + str_width(&status) + 2;
    let mut spans = vec![
        Span::styled(pos, app.theme.status()),
        Span::raw(" "),
        Span::styled(status, app.theme.headline()),
    ];
    let hints = hints();
    let hw = str_width(&hints);
    if used + hw + 2 <= width {
        spans.push(Span::raw(" ".repeat(width - used - hw)));
        spans.push(Span::styled(hints, app.theme.dim()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
