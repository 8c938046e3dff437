//! The `s` popup: every quote of one entity across the corpus.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::super::app::{App, QuoteList};
use super::super::layout::popup_list;
use super::super::sanitize::clean;
use super::{pane_block, row_with_right};

pub fn draw(frame: &mut Frame, app: &App, l: &QuoteList) {
    let area = app.popup_rect();
    frame.render_widget(Clear, area);
    let name = app
        .corpus
        .entities
        .get(l.entity)
        .map_or(String::new(), |e| clean(&e.name).into_owned());
    let title = format!(" Quotes by {name} ({}) · Enter jumps ", l.items.len());
    frame.render_widget(pane_block(&app.theme, title, true), area);
    let rows = popup_list(area, 0);
    let width = usize::from(rows.width);
    let lines: Vec<Line> = l
        .items
        .iter()
        .enumerate()
        .skip(l.top)
        .take(usize::from(rows.height))
        .filter_map(|(pos, &(ai, qi))| {
            let a = app.corpus.articles.get(ai)?;
            let q = a.quotes.get(qi)?;
            let words: String = a
                .slice(q.span)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let left = vec![Span::styled(
                format!("“{}”", clean(&words)),
                app.theme.quote(q.kind),
            )];
            let title = super::super::sanitize::truncate(a.display_title(), width / 3);
            let line = row_with_right(left, title, app.theme.dim(), width);
            Some(if pos == l.cursor {
                line.style(app.theme.list_cursor(true))
            } else {
                line
            })
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), rows);
}
