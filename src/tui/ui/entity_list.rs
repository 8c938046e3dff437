//! Right pane: the open article's entities, grouped by kind, most mentioned
//! first, with mention and quote counts and the main title.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::model::EntityKind;

use super::super::action::Pane;
use super::super::app::{App, EntRow};
use super::super::layout::inner;
use super::super::sanitize::{clean, str_width};
use super::{pane_block, row_with_right};

pub fn kind_label(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "People",
        EntityKind::Organization => "Organizations",
        EntityKind::Place => "Places",
        EntityKind::Other => "Other",
    }
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let focused = app.focus == Pane::Entities;
    let Some(article) = app.article() else {
        frame.render_widget(pane_block(&app.theme, " 3 Entities ".into(), focused), area);
        return;
    };
    let title = format!(" 3 Entities ({}) ", article.entities.len());
    frame.render_widget(pane_block(&app.theme, title, focused), area);
    let rows = inner(area);
    let width = usize::from(rows.width);
    let theme = &app.theme;
    let mut lines: Vec<Line> = app
        .ent_rows
        .iter()
        .enumerate()
        .skip(app.ent_top)
        .take(usize::from(rows.height))
        .map(|(i, row)| match *row {
            EntRow::Header(kind, n) => row_with_right(
                vec![Span::styled(kind_label(kind), theme.entity(kind))],
                n.to_string(),
                theme.dim(),
                width,
            ),
            EntRow::Entity(id) => {
                let e = &article.entities[id];
                let quotes = article.quotes_by(id).count();
                let selected = app.selected.is_some() && app.corpus_entity(id) == app.selected;
                let mark = if selected { "● " } else { "  " };
                let mut left = vec![
                    Span::raw(mark),
                    Span::styled(clean(&e.name).into_owned(), theme.entity(e.kind)),
                ];
                let right = if quotes > 0 {
                    format!("{} {}q", e.mentions.len(), quotes)
                } else {
                    e.mentions.len().to_string()
                };
                // The title only when a useful part of it fits.
                let room = width.saturating_sub(2 + str_width(&e.name) + right.len() + 1);
                if let Some(t) = e.titles.first().filter(|_| room >= 10) {
                    left.push(Span::styled(format!(" · {}", clean(t)), theme.dim()));
                }
                let line = row_with_right(left, right, theme.dim(), width);
                if i == app.ent_cursor {
                    line.style(theme.list_cursor(focused))
                } else {
                    line
                }
            }
        })
        .collect();
    if lines.is_empty() {
        lines.push(Line::styled("no entities", theme.dim()));
    }
    frame.render_widget(Paragraph::new(lines), rows);
}
