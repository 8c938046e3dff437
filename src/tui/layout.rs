//! Where the panes go for a terminal size, and which pane and row a mouse
//! position falls on. Pure functions: the app and the renderer both call
//! them, so what is drawn is what is hit.

use ratatui::layout::Rect;

use super::action::Pane;

/// Below this width only the focused pane is shown (the article by default).
pub const THREE_PANE_MIN_WIDTH: u16 = 72;
/// Below these the screen shows a one-line notice instead.
pub const MIN_WIDTH: u16 = 16;
pub const MIN_HEIGHT: u16 = 4;
/// Longest text row: long lines are hard to read.
pub const MAX_TEXT_WIDTH: u16 = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    /// Outer rects of the three panes, left to right (also where the pane
    /// would be when hidden, so the article can be wrapped for it).
    pub rects: [Rect; 3],
    pub shown: [bool; 3],
    pub status: Rect,
    pub too_small: bool,
}

impl Panes {
    pub fn rect(&self, pane: Pane) -> Rect {
        self.rects[pane.index()]
    }

    pub fn is_shown(&self, pane: Pane) -> bool {
        self.shown[pane.index()]
    }

    /// The shown pane under a screen position.
    pub fn pane_at(&self, col: u16, row: u16) -> Option<Pane> {
        Pane::ALL
            .into_iter()
            .find(|&p| self.is_shown(p) && contains(self.rect(p), col, row))
    }
}

pub fn contains(r: Rect, col: u16, row: u16) -> bool {
    col >= r.x
        && col < r.x.saturating_add(r.width)
        && row >= r.y
        && row < r.y.saturating_add(r.height)
}

pub fn panes(area: Rect, focus: Pane) -> Panes {
    let too_small = area.width < MIN_WIDTH || area.height < MIN_HEIGHT;
    let main_h = area.height.saturating_sub(1);
    let status = Rect::new(area.x, area.y + main_h, area.width, area.height.min(1));
    let main = Rect::new(area.x, area.y, area.width, main_h);
    if area.width < THREE_PANE_MIN_WIDTH {
        let mut shown = [false; 3];
        shown[focus.index()] = true;
        return Panes {
            rects: [main; 3],
            shown,
            status,
            too_small,
        };
    }
    let left = (area.width * 22 / 100).clamp(18, 40);
    let right = (area.width * 24 / 100).clamp(20, 44);
    let centre = area.width - left - right;
    Panes {
        rects: [
            Rect::new(area.x, area.y, left, main_h),
            Rect::new(area.x + left, area.y, centre, main_h),
            Rect::new(area.x + left + centre, area.y, right, main_h),
        ],
        shown: [true; 3],
        status,
        too_small,
    }
}

/// Inside a bordered block.
pub fn inner(r: Rect) -> Rect {
    Rect::new(
        r.x.saturating_add(1),
        r.y.saturating_add(1),
        r.width.saturating_sub(2),
        r.height.saturating_sub(2),
    )
}

/// Where the article text goes in the article pane: inside the border, one
/// column of padding each side, at most [`MAX_TEXT_WIDTH`] wide.
pub fn text_area(article: Rect) -> Rect {
    let i = inner(article);
    let pad = if i.width > 20 { 1 } else { 0 };
    let width = i.width.saturating_sub(2 * pad).clamp(1, MAX_TEXT_WIDTH);
    Rect::new(i.x + pad, i.y, width, i.height)
}

/// A centred popup of at most `width` × `height` cells.
pub fn popup(area: Rect, width: u16, height: u16) -> Rect {
    let w = width
        .min(area.width.saturating_sub(2))
        .max(area.width.min(10));
    let h = height
        .min(area.height.saturating_sub(2))
        .max(area.height.min(5));
    Rect::new(
        area.x + area.width.saturating_sub(w) / 2,
        area.y + area.height.saturating_sub(h) / 2,
        w,
        h,
    )
}

/// The finder popup: input row and list rows inside it.
pub fn finder(area: Rect) -> Rect {
    popup(area, 84, (area.height * 7 / 10).max(8))
}

/// List rows of a popup with a border and `header` rows above the list.
pub fn popup_list(popup: Rect, header: u16) -> Rect {
    let i = inner(popup);
    Rect::new(
        i.x,
        i.y + header.min(i.height),
        i.width,
        i.height.saturating_sub(header),
    )
}

/// Keeps `cursor` within the window `top..top+height` by moving `top`.
pub fn keep_visible(cursor: usize, top: &mut usize, height: usize) {
    let height = height.max(1);
    if cursor < *top {
        *top = cursor;
    } else if cursor >= *top + height {
        *top = cursor + 1 - height;
    }
}

/// Like [`keep_visible`], and also never leaves rows empty at the bottom
/// when `len` rows could fill the window (after the window grew).
pub fn fit_window(cursor: usize, top: &mut usize, height: usize, len: usize) {
    keep_visible(cursor, top, height);
    *top = (*top).min(len.saturating_sub(height.max(1)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_panes_when_wide_enough() {
        let p = panes(Rect::new(0, 0, 80, 24), Pane::Article);
        assert_eq!(p.shown, [true; 3]);
        let total: u16 = p.rects.iter().map(|r| r.width).sum();
        assert_eq!(total, 80);
        assert_eq!(p.status, Rect::new(0, 23, 80, 1));
        assert_eq!(p.pane_at(0, 0), Some(Pane::Articles));
        assert_eq!(p.pane_at(40, 5), Some(Pane::Article));
        assert_eq!(p.pane_at(79, 5), Some(Pane::Entities));
        assert_eq!(p.pane_at(40, 23), None);
    }

    #[test]
    fn narrow_shows_focused_pane_only() {
        let p = panes(Rect::new(0, 0, 50, 20), Pane::Article);
        assert_eq!(p.shown, [false, true, false]);
        assert_eq!(p.pane_at(0, 0), Some(Pane::Article));
        assert!(!p.too_small);
        assert!(panes(Rect::new(0, 0, 10, 3), Pane::Article).too_small);
    }

    #[test]
    fn text_width_is_capped() {
        let p = panes(Rect::new(0, 0, 300, 50), Pane::Article);
        assert_eq!(text_area(p.rect(Pane::Article)).width, MAX_TEXT_WIDTH);
        assert_eq!(text_area(Rect::new(0, 0, 2, 2)).width, 1);
    }

    #[test]
    fn keep_visible_scrolls_minimally() {
        let mut top = 0;
        keep_visible(12, &mut top, 10);
        assert_eq!(top, 3);
        keep_visible(5, &mut top, 10);
        assert_eq!(top, 3);
        keep_visible(1, &mut top, 10);
        assert_eq!(top, 1);
        // The window grew: rows above come back into view.
        let mut top = 8;
        fit_window(8, &mut top, 20, 9);
        assert_eq!(top, 0);
    }
}
