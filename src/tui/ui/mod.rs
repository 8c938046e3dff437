//! Drawing: pure functions of the `App`. Every list draws only the rows that
//! fit its pane.

pub mod article_list;
pub mod article_view;
pub mod entity_list;
pub mod finder;
pub mod help;
pub mod quotes;
pub mod status_bar;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph};

use super::action::Pane;
use super::app::{App, Popup};
use super::sanitize::{str_width, truncate};
use super::theme::Theme;

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let panes = super::layout::panes(area, app.focus);
    if panes.too_small {
        let text = if area.width >= 26 {
            "byline: terminal too small"
        } else {
            "too small"
        };
        let msg = truncate(text, usize::from(area.width));
        frame.render_widget(
            Paragraph::new(msg),
            Rect::new(area.x, area.y, area.width, area.height.min(1)),
        );
        return;
    }
    if panes.is_shown(Pane::Articles) {
        article_list::draw(frame, app, panes.rect(Pane::Articles));
    }
    if panes.is_shown(Pane::Article) {
        article_view::draw(frame, app, panes.rect(Pane::Article));
    }
    if panes.is_shown(Pane::Entities) {
        entity_list::draw(frame, app, panes.rect(Pane::Entities));
    }
    status_bar::draw(frame, app, panes.status);
    match &app.popup {
        Some(Popup::Help { top }) => help::draw(frame, app, *top),
        Some(Popup::Finder(f)) => finder::draw(frame, app, f),
        Some(Popup::Quotes(l)) => quotes::draw(frame, app, l),
        None => {}
    }
}

/// A pane's frame: border (bright when focused) and title.
pub fn pane_block<'a>(theme: &Theme, title: String, focused: bool) -> Block<'a> {
    Block::new()
        .borders(Borders::ALL)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(theme.border(focused))
        .title(Span::styled(title, theme.border(focused)))
}

/// A row with `left` (cut to fit) and `right` aligned to the right edge.
pub fn row_with_right<'a>(
    left: Vec<Span<'a>>,
    right: String,
    right_style: Style,
    width: usize,
) -> Line<'a> {
    let rw = str_width(&right);
    let room = width.saturating_sub(rw + if rw > 0 { 1 } else { 0 });
    let mut spans = Vec::with_capacity(left.len() + 2);
    let mut used = 0;
    for s in left {
        let w = str_width(&s.content);
        if used + w <= room {
            used += w;
            spans.push(s);
        } else {
            let cut = truncate(&s.content, room - used);
            used += str_width(&cut);
            spans.push(Span::styled(cut, s.style));
            break;
        }
    }
    if rw > 0 && rw < width {
        spans.push(Span::raw(" ".repeat(width - used - rw)));
        spans.push(Span::styled(right, right_style));
    }
    Line::from(spans)
}
