//! Keys and clicks while a popup (help, finder, quote list) is open.

use super::*;

impl App {
    pub(super) fn popup_move(&mut self, delta: isize, to_end: Option<bool>) {
        let h = self.popup_height();
        let help_len = self.help_len();
        match &mut self.popup {
            Some(Popup::Help { top }) => {
                let max = help_len.saturating_sub(h);
                *top = match to_end {
                    Some(true) => max,
                    Some(false) => 0,
                    None => top.saturating_add_signed(delta).min(max),
                };
            }
            Some(Popup::Finder(f)) => {
                f.cursor = match to_end {
                    Some(true) => f.hits.len().saturating_sub(1),
                    Some(false) => 0,
                    None => step(f.cursor, delta, f.hits.len()),
                };
                keep_visible(f.cursor, &mut f.top, h);
            }
            Some(Popup::Quotes(l)) => {
                l.cursor = match to_end {
                    Some(true) => l.items.len().saturating_sub(1),
                    Some(false) => 0,
                    None => step(l.cursor, delta, l.items.len()),
                };
                keep_visible(l.cursor, &mut l.top, h);
            }
            None => {}
        }
    }

    pub(super) fn popup_action(&mut self, action: Action) -> bool {
        let page = self.popup_height().saturating_sub(1).max(1) as isize;
        match action {
            Action::Quit => self.quit = true,
            Action::Back => self.popup = None,
            Action::Down => self.popup_move(1, None),
            Action::Up => self.popup_move(-1, None),
            Action::PageDown | Action::HalfPageDown => self.popup_move(page, None),
            Action::PageUp | Action::HalfPageUp => self.popup_move(-page, None),
            Action::Top => self.popup_move(0, Some(false)),
            Action::Bottom => self.popup_move(0, Some(true)),
            Action::Input(s) => {
                let mut q = match &self.popup {
                    Some(Popup::Finder(f)) => f.query.clone(),
                    _ => return false,
                };
                // Pasted text may hold line breaks and controls: drop them.
                q.extend(s.chars().filter(|c| !c.is_control()));
                self.set_query(q);
            }
            Action::Backspace | Action::ClearInput => {
                let mut q = match &self.popup {
                    Some(Popup::Finder(f)) => f.query.clone(),
                    _ => return false,
                };
                if action == Action::Backspace {
                    q.pop();
                } else {
                    q.clear();
                }
                self.set_query(q);
            }
            Action::Activate => match &self.popup {
                Some(Popup::Finder(f)) => {
                    if let Some(h) = f.hits.get(f.cursor) {
                        let ce = h.entity;
                        self.choose_entity(ce);
                    }
                }
                Some(Popup::Quotes(l)) => {
                    if let Some(&(ai, qi)) = l.items.get(l.cursor) {
                        let ce = l.entity;
                        self.popup = None;
                        self.jump_to_quote(ai, qi);
                        self.selected = Some(ce);
                        self.point_at_selected();
                    }
                }
                _ => self.popup = None,
            },
            Action::Help => self.popup = None,
            Action::Scroll { lines, .. } => self.popup_move(lines as isize, None),
            Action::Click { col, row } => {
                let rows = match &self.popup {
                    Some(Popup::Finder(_)) => self.finder_rows(),
                    _ => layout::popup_list(self.popup_rect(), 0),
                };
                if !layout::contains(rows, col, row) {
                    return false;
                }
                let offset = usize::from(row - rows.y);
                match &mut self.popup {
                    Some(Popup::Finder(f)) if f.top + offset < f.hits.len() => {
                        f.cursor = f.top + offset
                    }
                    Some(Popup::Quotes(l)) if l.top + offset < l.items.len() => {
                        l.cursor = l.top + offset
                    }
                    _ => return false,
                }
            }
            Action::Resize { width, height } => self.resize(width, height),
            _ => return false,
        }
        true
    }
}
