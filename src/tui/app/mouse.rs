//! Clicks and the wheel over the panes.

use super::*;

impl App {
    pub(super) fn click(&mut self, col: u16, row: u16) -> bool {
        let panes = self.panes();
        let Some(pane) = panes.pane_at(col, row) else {
            return false;
        };
        self.focus = pane;
        let inner = layout::inner(panes.rect(pane));
        if !layout::contains(inner, col, row) {
            return true;
        }
        let offset = usize::from(row - inner.y);
        match pane {
            Pane::Articles => {
                if let Some(&ai) = self.visible.get(self.list_top + offset) {
                    self.open(ai);
                }
            }
            Pane::Entities => {
                let r = self.ent_top + offset;
                if let Some(EntRow::Entity(local)) = self.ent_rows.get(r) {
                    let local = *local;
                    self.ent_cursor = r;
                    if let Some(ce) = self.corpus_entity(local) {
                        self.select_entity(ce);
                    }
                }
            }
            Pane::Article => self.click_text(col, row),
        }
        true
    }

    /// A click on a mention selects its entity; on a quote, marks the quote.
    pub(super) fn click_text(&mut self, col: u16, row: u16) {
        let area = self.text_rect();
        if !layout::contains(area, col, row) {
            return;
        }
        let Some(a) = self.article() else {
            return;
        };
        let r = self.scroll + usize::from(row - area.y);
        let Some(pos) = self.wrapped.byte_at(&a.text, r, usize::from(col - area.x)) else {
            return;
        };
        let mention = a
            .mentions_in(Span::new(pos, pos + 1))
            .first()
            .map(|m| m.entity);
        let quote = a.quotes.iter().rposition(|q| q.span.contains(pos));
        if let Some(ce) = mention.and_then(|local| self.corpus_entity(local)) {
            self.select_entity(ce);
        } else if let Some(qi) = quote {
            // Marks it without scrolling: it is where the user clicked.
            self.current_quote = Some(qi);
            self.current_mention = None;
            self.quote_status();
        }
    }

    pub(super) fn wheel(&mut self, col: u16, row: u16, lines: i32) -> bool {
        let Some(pane) = self.panes().pane_at(col, row) else {
            return false;
        };
        let delta = lines as isize;
        match pane {
            Pane::Article => self.scroll_by(delta),
            Pane::Articles => {
                let max = self.visible.len().saturating_sub(self.list_height());
                self.list_top = self.list_top.saturating_add_signed(delta).min(max);
            }
            Pane::Entities => {
                let max = self.ent_rows.len().saturating_sub(self.ent_height());
                self.ent_top = self.ent_top.saturating_add_signed(delta).min(max);
            }
        }
        true
    }
}
