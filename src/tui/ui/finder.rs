//! The `/` popup: input line, match count, ranked entities with the matched
//! characters highlighted (computed for the visible rows only).

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::super::app::{App, Finder};
use super::super::layout::{finder, inner};
use super::super::sanitize::{clean, str_width};
use super::super::theme::Theme;
use super::{pane_block, row_with_right};

pub fn draw(frame: &mut Frame, app: &App, f: &Finder) {
    let area = finder(frame.area());
    frame.render_widget(Clear, area);
    frame.render_widget(pane_block(&app.theme, " Find a name ".into(), true), area);
    let i = inner(area);
    if i.height < 2 || i.width < 4 {
        return;
    }
    let query = clean(&f.query).into_owned();
    let prompt = Line::from(vec![
        Span::styled("> ", app.theme.key()),
        Span::raw(query.clone()),
    ]);
    frame.render_widget(Paragraph::new(prompt), Rect::new(i.x, i.y, i.width, 1));
    let cursor_x = (i.x + 2)
        .saturating_add(str_width(&query) as u16)
        .min(i.x + i.width - 1);
    frame.set_cursor_position(Position::new(cursor_x, i.y));
    let count = format!("{}/{} names", f.hits.len(), app.index.len());
    frame.render_widget(
        Paragraph::new(Line::styled(count, app.theme.dim())),
        Rect::new(i.x, i.y + 1, i.width, 1),
    );
    let rows = app.finder_rows();
    let width = usize::from(rows.width);
    let lines: Vec<Line> = f
        .hits
        .iter()
        .enumerate()
        .skip(f.top)
        .take(usize::from(rows.height))
        .filter_map(|(pos, hit)| {
            let e = app.corpus.entities.get(hit.entity)?;
            let matched = app.index.name_matches(hit.entity, &f.query);
            let mut left = highlight(&app.theme, &e.name, &matched, app.theme.entity(e.kind));
            left.insert(0, Span::raw(" "));
            left.push(Span::styled(
                format!("  {}", e.kind.as_str()),
                app.theme.dim(),
            ));
            let n = e.article_count();
            let right = format!("{n} article{}", if n == 1 { "" } else { "s" });
            let line = row_with_right(left, right, app.theme.dim(), width);
            Some(if pos == f.cursor {
                line.style(app.theme.list_cursor(true))
            } else {
                line
            })
        })
        .collect();
    if lines.is_empty() {
        let msg = if app.index.is_empty() {
            "no names were found in these articles"
        } else {
            "no name matches"
        };
        frame.render_widget(Paragraph::new(Line::styled(msg, app.theme.dim())), rows);
        return;
    }
    frame.render_widget(Paragraph::new(lines), rows);
}

/// `name` split into spans, the chars at `matched` (char indices) styled
/// with the match style over `base`.
pub fn highlight(
    theme: &Theme,
    name: &str,
    matched: &[usize],
    base: ratatui::style::Style,
) -> Vec<Span<'static>> {
    let name = clean(name);
    let mut spans = Vec::new();
    let mut run = String::new();
    let mut run_hit = false;
    let mut next = matched.iter().peekable();
    for (ci, c) in name.chars().enumerate() {
        while next.peek().is_some_and(|&&m| m < ci) {
            next.next();
        }
        let hit = next.peek() == Some(&&ci);
        if hit != run_hit && !run.is_empty() {
            let style = if run_hit {
                base.patch(theme.matched())
            } else {
                base
            };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_hit = hit;
        run.push(c);
    }
    if !run.is_empty() {
        let style = if run_hit {
            base.patch(theme.matched())
        } else {
            base
        };
        spans.push(Span::styled(run, style));
    }
    spans
}
