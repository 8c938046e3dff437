//! Centre pane: the open article, from its cached wrap, styled row by row
//! for the rows on screen only.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::model::{Article, Role};

use super::super::action::Pane;
use super::super::app::App;
use super::super::layout::text_area;
use super::super::sanitize::clean;
use super::super::text_layout::{Piece, Row};
use super::pane_block;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let focused = app.focus == Pane::Article;
    let Some(article) = app.article() else {
        frame.render_widget(pane_block(&app.theme, " 2 ".into(), focused), area);
        frame.render_widget(
            Paragraph::new(
                "No articles. Give byline files or directories of .txt, .html, .json or .jsonl.",
            ),
            text_area(area),
        );
        return;
    };
    let name = article
        .source
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(&article.source);
    let wrapped = &app.wrapped;
    let text = text_area(area);
    let h = usize::from(text.height);
    let shown_to = (app.scroll + h).min(wrapped.len());
    let position = format!(" {}/{} ", shown_to, wrapped.len());
    let block = pane_block(&app.theme, format!(" 2 {} ", clean(name)), focused)
        .title_bottom(Line::styled(position, app.theme.dim()).right_aligned());
    frame.render_widget(block, area);
    let lines: Vec<Line> = wrapped
        .rows
        .iter()
        .skip(app.scroll)
        .take(h)
        .map(|row| style_row(app, article, row))
        .collect();
    frame.render_widget(Paragraph::new(lines), text);
}

fn role_style(app: &App, role: Role) -> Style {
    match role {
        Role::Headline => app.theme.headline(),
        Role::Aside => app.theme.aside(),
        Role::Body => Style::new(),
    }
}

/// One wrapped row with quote, mention and selection styles applied.
pub fn style_row<'a>(app: &App, article: &'a Article, row: &'a Row) -> Line<'a> {
    let base = role_style(app, row.role);
    let mut spans = Vec::new();
    for piece in &row.pieces {
        match piece {
            Piece::Speaker { text, .. } => {
                spans.push(Span::styled(clean(text), app.theme.speaker()));
            }
            Piece::Text { start, end } => style_text(app, article, *start, *end, base, &mut spans),
        }
    }
    Line::from(spans)
}

fn style_text<'a>(
    app: &App,
    article: &'a Article,
    start: usize,
    end: usize,
    base: Style,
    out: &mut Vec<Span<'a>>,
) {
    let theme = &app.theme;
    let range = crate::model::Span::new(start, end);
    let mentions = article.mentions_in(range);
    let quotes: Vec<(usize, &crate::model::Quote)> = article
        .quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| q.span.overlaps(range))
        .collect();
    // Every place the style can change inside this piece.
    let mut cuts: Vec<usize> = vec![start, end];
    for m in mentions {
        cuts.extend([m.span.start, m.span.end]);
    }
    for (_, q) in &quotes {
        cuts.extend([q.span.start, q.span.end]);
    }
    cuts.retain(|&c| c >= start && c <= end && article.text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    let current_mention = app.current_mention;
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        if a == b {
            continue;
        }
        let mut style = base;
        let mut in_current = false;
        // Later quotes nest inside earlier ones (a partial inside an indirect).
        for (qi, q) in &quotes {
            if q.span.contains(a) {
                style = style.patch(theme.quote(q.kind));
                if Some(*qi) == app.current_quote {
                    style = style.patch(theme.quote_current());
                    in_current = true;
                }
            }
        }
        if let Some(m) = mentions.iter().find(|m| m.span.contains(a)) {
            let kind = article.entities.get(m.entity).map(|e| e.kind);
            let selected = app.selected.is_some() && app.corpus_entity(m.entity) == app.selected;
            if let Some(kind) = kind {
                if selected {
                    style = style.patch(theme.entity_selected(kind));
                } else if in_current {
                    // Coloured text on the highlight would be hard to read.
                    style = style.add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
                } else {
                    style = style.patch(theme.entity(kind));
                }
            }
            if let Some((local, mi)) = current_mention {
                let is_current = local == m.entity
                    && article
                        .entities
                        .get(local)
                        .and_then(|e| e.mentions.get(mi))
                        .is_some_and(|s| *s == m.span);
                if is_current {
                    style = style.add_modifier(Modifier::UNDERLINED);
                }
            }
        }
        out.push(Span::styled(clean(&article.text[a..b]), style));
    }
}
