//! Left pane: the articles (filtered by the finder's entity, if any).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::action::Pane;
use super::super::app::App;
use super::super::layout::inner;
use super::super::sanitize::clean;
use super::{pane_block, row_with_right};

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let focused = app.focus == Pane::Articles;
    let title = match app.filter.and_then(|ce| app.corpus.entities.get(ce)) {
        Some(e) => format!(" 1 Articles · {} ({}) ", clean(&e.name), app.visible.len()),
        None => format!(" 1 Articles ({}) ", app.visible.len()),
    };
    frame.render_widget(pane_block(&app.theme, title, focused), area);
    let rows = inner(area);
    let width = usize::from(rows.width);
    let lines: Vec<Line> = app
        .visible
        .iter()
        .enumerate()
        .skip(app.list_top)
        .take(usize::from(rows.height))
        .map(|(pos, &ai)| {
            let a = &app.corpus.articles[ai];
            let n = a.quotes.len();
            let right = if n > 0 { n.to_string() } else { String::new() };
            let mut line = row_with_right(
                vec![Span::raw(clean(a.display_title()).into_owned())],
                right,
                app.theme.dim(),
                width,
            );
            if pos == app.list_cursor {
                line = line.style(app.theme.list_cursor(focused));
            }
            line
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), rows);
}
