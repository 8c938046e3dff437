//! The `?` popup: every binding of the key table, then what the colours mean.

use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use crate::model::{EntityKind, QuoteKind};

use super::super::app::App;
use super::super::keymap::{Mode, help_rows};
use super::super::layout::{inner, popup};
use super::super::theme::Theme;
use super::entity_list::kind_label;
use super::pane_block;

/// All help lines (the popup shows a window of them).
pub fn lines(theme: &Theme) -> Vec<Line<'static>> {
    let rows = help_rows();
    let key_w = rows
        .iter()
        .map(|(_, k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    let mut out = Vec::new();
    let mut section = None;
    for (mode, keys, desc) in rows {
        if section != Some(mode) {
            if section.is_some() {
                out.push(Line::raw(""));
            }
            let title = match mode {
                Mode::Main => "Browsing",
                Mode::Finder => "Name finder (/) — type to search",
                Mode::Popup => "Help and quote lists",
            };
            out.push(Line::styled(title, theme.headline()));
            section = Some(mode);
        }
        out.push(Line::from(vec![
            Span::styled(format!("  {keys:<key_w$}  "), theme.key()),
            Span::raw(desc),
        ]));
    }
    out.push(Line::raw(""));
    out.push(Line::styled("Colours", theme.headline()));
    let mut kinds = vec![Span::raw("  ")];
    for kind in EntityKind::ALL {
        kinds.push(Span::styled(kind_label(kind), theme.entity(kind)));
        kinds.push(Span::raw("  "));
    }
    out.push(Line::from(kinds));
    let mut quotes = vec![Span::raw("  ")];
    for kind in [QuoteKind::Direct, QuoteKind::Partial, QuoteKind::Indirect] {
        quotes.push(Span::styled(
            format!("{} quote", kind.as_str()),
            theme.quote(kind),
        ));
        quotes.push(Span::raw("  "));
    }
    quotes.push(Span::styled("current quote", theme.quote_current()));
    out.push(Line::from(quotes));
    out.push(Line::from(vec![
        Span::raw("  "),
        Span::styled("selected entity", theme.entity_selected(EntityKind::Person)),
        Span::raw("  "),
        Span::styled("— speaker of a direct quote", theme.speaker()),
        Span::styled("", Style::new()),
    ]));
    out
}

pub fn draw(frame: &mut Frame, app: &App, top: usize) {
    let area = popup(frame.area(), 90, frame.area().height.saturating_sub(4));
    frame.render_widget(Clear, area);
    let all = lines(&app.theme);
    let title = " Help · j/k scroll · Esc closes ".to_owned();
    frame.render_widget(pane_block(&app.theme, title, true), area);
    let rows = inner(area);
    let shown: Vec<Line> = all
        .into_iter()
        .skip(top)
        .take(usize::from(rows.height))
        .collect();
    frame.render_widget(Paragraph::new(shown), rows);
}
