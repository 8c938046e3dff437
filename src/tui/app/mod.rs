//! The browser's whole state and the one function that changes it.
//! Rendering (`ui`) only reads an `App`; input only produces `Action`s.

use std::rc::Rc;

use ratatui::layout::Rect;

use crate::model::{Article, Corpus, EntityKind, Span};

mod jumps;
mod mouse;
mod popup;

use super::action::{Action, Pane};
use super::keymap::Mode;
use super::layout::{self, Panes, keep_visible};
use super::search::{Hit, NameIndex};
use super::text_layout::{WrapCache, Wrapped};
use super::theme::Theme;

/// A row of the entities pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntRow {
    Header(EntityKind, usize),
    /// An entity of the open article (its index in `Article::entities`).
    Entity(usize),
}

/// What the status line says after the last action.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Status {
    #[default]
    None,
    Quote {
        n: usize,
        m: usize,
        speaker: String,
    },
    Mention {
        n: usize,
        m: usize,
        name: String,
    },
    Message(String),
}

#[derive(Debug, Clone, Default)]
pub struct Finder {
    pub query: String,
    pub hits: Vec<Hit>,
    pub cursor: usize,
    pub top: usize,
}

#[derive(Debug, Clone)]
pub struct QuoteList {
    /// Corpus entity whose quotes these are.
    pub entity: usize,
    /// (article, quote) pairs in corpus order.
    pub items: Vec<(usize, usize)>,
    pub cursor: usize,
    pub top: usize,
}

#[derive(Debug, Clone)]
pub enum Popup {
    Help { top: usize },
    Finder(Finder),
    Quotes(QuoteList),
}

pub struct App {
    pub corpus: Corpus,
    pub index: NameIndex,
    pub theme: Theme,
    pub area: Rect,
    pub focus: Pane,
    /// Corpus entity the article list is filtered to.
    pub filter: Option<usize>,
    /// Articles in the list (all, or those mentioning the filter entity).
    pub visible: Vec<usize>,
    pub list_cursor: usize,
    pub list_top: usize,
    /// The open article.
    pub current: Option<usize>,
    /// First text row shown.
    pub scroll: usize,
    /// The open article wrapped to the current width.
    pub wrapped: Rc<Wrapped>,
    cache: WrapCache,
    pub ent_rows: Vec<EntRow>,
    pub ent_cursor: usize,
    pub ent_top: usize,
    /// The selected corpus entity (its mentions stand out; `n`/`N`/`s`).
    pub selected: Option<usize>,
    /// Quote of the open article last jumped to.
    pub current_quote: Option<usize>,
    /// (entity of the open article, index in its mentions) last jumped to.
    pub current_mention: Option<(usize, usize)>,
    pub status: Status,
    pub popup: Option<Popup>,
    pub quit: bool,
}

fn step(pos: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    pos.saturating_add_signed(delta).min(len - 1)
}

impl App {
    pub fn new(corpus: Corpus, theme: Theme) -> Self {
        let index = NameIndex::new(&corpus);
        let visible: Vec<usize> = (0..corpus.articles.len()).collect();
        let mut app = App {
            corpus,
            index,
            theme,
            area: Rect::new(0, 0, 80, 24),
            // The article has focus: it is the one pane always shown, and
            // J/K change articles from any pane.
            focus: Pane::Article,
            filter: None,
            visible,
            list_cursor: 0,
            list_top: 0,
            current: None,
            scroll: 0,
            wrapped: Rc::new(Wrapped {
                width: 1,
                rows: Vec::new(),
            }),
            cache: WrapCache::default(),
            ent_rows: Vec::new(),
            ent_cursor: 0,
            ent_top: 0,
            selected: None,
            current_quote: None,
            current_mention: None,
            status: Status::None,
            popup: None,
            quit: false,
        };
        if !app.visible.is_empty() {
            app.open(0);
        }
        app
    }

    // ----- geometry -----

    pub fn panes(&self) -> Panes {
        layout::panes(self.area, self.focus)
    }

    pub fn text_rect(&self) -> Rect {
        layout::text_area(self.panes().rect(Pane::Article))
    }

    fn text_height(&self) -> usize {
        usize::from(self.text_rect().height).max(1)
    }

    fn list_height(&self) -> usize {
        usize::from(layout::inner(self.panes().rect(Pane::Articles)).height).max(1)
    }

    fn ent_height(&self) -> usize {
        usize::from(layout::inner(self.panes().rect(Pane::Entities)).height).max(1)
    }

    pub fn finder_rows(&self) -> Rect {
        layout::popup_list(layout::finder(self.area), 2)
    }

    pub fn popup_rect(&self) -> Rect {
        match &self.popup {
            Some(Popup::Finder(_)) => layout::finder(self.area),
            _ => layout::popup(self.area, 90, self.area.height.saturating_sub(4)),
        }
    }

    fn popup_height(&self) -> usize {
        let rows = match &self.popup {
            Some(Popup::Finder(_)) => self.finder_rows(),
            _ => layout::popup_list(self.popup_rect(), 0),
        };
        usize::from(rows.height).max(1)
    }

    pub fn mode(&self) -> Mode {
        match &self.popup {
            Some(Popup::Finder(_)) => Mode::Finder,
            Some(_) => Mode::Popup,
            None => Mode::Main,
        }
    }

    // ----- lookups -----

    pub fn article(&self) -> Option<&Article> {
        self.current.and_then(|i| self.corpus.articles.get(i))
    }

    /// The corpus entity of entity `local` of the open article.
    pub fn corpus_entity(&self, local: usize) -> Option<usize> {
        let article = self.current?;
        self.corpus.corpus_entity(crate::model::EntityRef {
            article,
            entity: local,
        })
    }

    /// The open article's entity that is corpus entity `ce`.
    fn local_entity(&self, article: usize, ce: usize) -> Option<usize> {
        self.corpus
            .entities
            .get(ce)?
            .refs
            .iter()
            .find(|r| r.article == article)
            .map(|r| r.entity)
    }

    fn max_scroll(&self) -> usize {
        self.wrapped.len().saturating_sub(self.text_height())
    }

    fn top_byte(&self) -> usize {
        self.wrapped.rows.get(self.scroll).map_or(0, |r| r.start)
    }

    /// Where `]`/`[` start from when no quote is marked: the mention last
    /// jumped to, else the top of the view.
    fn reading_position(&self) -> usize {
        self.mention_span()
            .map_or_else(|| self.top_byte(), |s| s.start)
    }

    pub fn help_len(&self) -> usize {
        super::ui::help::lines(&self.theme).len()
    }

    // ----- opening articles -----

    fn rewrap(&mut self) {
        let width = usize::from(self.text_rect().width);
        if let Some(i) = self.current
            && let Some(a) = self.corpus.articles.get(i)
        {
            self.wrapped = self.cache.get(i, a, width);
        }
    }

    /// Opens article `ai` (an index into the corpus) at its top.
    fn open(&mut self, ai: usize) {
        if ai >= self.corpus.articles.len() {
            return;
        }
        if self.current != Some(ai) {
            self.current = Some(ai);
            self.rewrap();
            self.build_entity_rows();
            // What the status said was about the article before.
            self.status = Status::None;
        }
        self.scroll = 0;
        self.current_quote = None;
        self.current_mention = None;
        if let Some(pos) = self.visible.iter().position(|&a| a == ai) {
            self.list_cursor = pos;
        } else {
            // Not in the filtered list: the filter goes.
            self.clear_filter();
        }
        let h = self.list_height();
        keep_visible(self.list_cursor, &mut self.list_top, h);
    }

    fn clear_filter(&mut self) {
        self.filter = None;
        self.visible = (0..self.corpus.articles.len()).collect();
        if let Some(cur) = self.current {
            self.list_cursor = cur.min(self.visible.len().saturating_sub(1));
        }
        let h = self.list_height();
        keep_visible(self.list_cursor, &mut self.list_top, h);
    }

    fn build_entity_rows(&mut self) {
        self.ent_rows.clear();
        self.ent_top = 0;
        self.ent_cursor = 0;
        let Some(a) = self.article() else {
            return;
        };
        let mut rows = Vec::with_capacity(a.entities.len() + 4);
        for kind in EntityKind::ALL {
            let mut ids: Vec<usize> = a
                .entities
                .iter()
                .filter(|e| e.kind == kind)
                .map(|e| e.id)
                .collect();
            if ids.is_empty() {
                continue;
            }
            ids.sort_by(|&x, &y| {
                let (ex, ey) = (&a.entities[x], &a.entities[y]);
                ey.mentions
                    .len()
                    .cmp(&ex.mentions.len())
                    .then_with(|| ex.name.cmp(&ey.name))
            });
            rows.push(EntRow::Header(kind, ids.len()));
            rows.extend(ids.into_iter().map(EntRow::Entity));
        }
        self.ent_rows = rows;
        self.ent_cursor = self.first_entity_row().unwrap_or(0);
        self.point_at_selected();
    }

    fn first_entity_row(&self) -> Option<usize> {
        self.ent_rows
            .iter()
            .position(|r| matches!(r, EntRow::Entity(_)))
    }

    /// Puts the entities cursor on the selected entity when the open article has it.
    fn point_at_selected(&mut self) {
        let (Some(ce), Some(cur)) = (self.selected, self.current) else {
            return;
        };
        if let Some(local) = self.local_entity(cur, ce)
            && let Some(row) = self
                .ent_rows
                .iter()
                .position(|r| *r == EntRow::Entity(local))
        {
            self.ent_cursor = row;
            let h = self.ent_height();
            keep_visible(row, &mut self.ent_top, h);
        }
    }

    pub fn cursor_entity(&self) -> Option<usize> {
        match self.ent_rows.get(self.ent_cursor) {
            Some(EntRow::Entity(id)) => Some(*id),
            _ => None,
        }
    }

    // ----- scrolling -----

    fn scroll_by(&mut self, delta: isize) {
        self.scroll = self
            .scroll
            .saturating_add_signed(delta)
            .min(self.max_scroll());
    }

    /// Scrolls so rows `first..=last` are visible, with a little context
    /// above when the view has to move.
    fn reveal_rows(&mut self, first: usize, last: usize) {
        let h = self.text_height();
        let inside = first >= self.scroll && last < self.scroll + h;
        if inside {
            return;
        }
        let span = last + 1 - first;
        let context = if span + 4 <= h { 2 } else { 0 };
        self.scroll = if span > h {
            first
        } else if first < self.scroll {
            first.saturating_sub(context)
        } else {
            (last + 1 + context)
                .saturating_sub(h)
                .max(first.saturating_sub(h))
        };
        self.scroll = self.scroll.min(self.max_scroll()).min(first);
    }

    fn reveal_quote(&mut self) {
        let (Some(q), Some(a)) = (self.current_quote, self.article()) else {
            return;
        };
        let (first, last) = self.wrapped.quote_rows(a, q);
        self.reveal_rows(first, last);
    }

    fn mention_span(&self) -> Option<Span> {
        let (local, mi) = self.current_mention?;
        self.article()?
            .entities
            .get(local)?
            .mentions
            .get(mi)
            .copied()
    }

    fn reveal_mention(&mut self) {
        if let Some(span) = self.mention_span() {
            let first = self.wrapped.row_of(span.start);
            let last = self
                .wrapped
                .row_of(span.end.saturating_sub(1).max(span.start));
            self.reveal_rows(first, last);
        }
    }

    // ----- the update function -----

    fn move_cursor(&mut self, delta: isize) {
        match self.focus {
            Pane::Articles => {
                let pos = step(self.list_cursor, delta, self.visible.len());
                if let Some(&ai) = self.visible.get(pos) {
                    self.open(ai);
                }
            }
            Pane::Article => self.scroll_by(delta),
            Pane::Entities => self.move_entity_cursor(delta),
        }
    }

    fn move_entity_cursor(&mut self, delta: isize) {
        let entity_rows: Vec<usize> = self
            .ent_rows
            .iter()
            .enumerate()
            .filter(|(_, r)| matches!(r, EntRow::Entity(_)))
            .map(|(i, _)| i)
            .collect();
        if entity_rows.is_empty() {
            return;
        }
        let here = entity_rows
            .iter()
            .position(|&r| r >= self.ent_cursor)
            .unwrap_or(0);
        let to = step(here, delta, entity_rows.len());
        self.ent_cursor = entity_rows[to];
        let h = self.ent_height();
        // Show the group header above the first entity.
        if to == 0 {
            self.ent_top = 0;
        }
        keep_visible(self.ent_cursor, &mut self.ent_top, h);
    }

    fn page(&self) -> isize {
        let h = match self.focus {
            Pane::Articles => self.list_height(),
            Pane::Article => self.text_height(),
            Pane::Entities => self.ent_height(),
        };
        h.saturating_sub(1).max(1) as isize
    }

    fn resize(&mut self, width: u16, height: u16) {
        let old_top = self.top_byte();
        self.area = Rect::new(0, 0, width, height);
        self.rewrap();
        // Keep what the user was looking at in view.
        self.scroll = self.wrapped.row_of(old_top).min(self.max_scroll());
        if self.current_quote.is_some() {
            self.reveal_quote();
        } else if self.current_mention.is_some() {
            self.reveal_mention();
        }
        let (lh, eh) = (self.list_height(), self.ent_height());
        layout::fit_window(self.list_cursor, &mut self.list_top, lh, self.visible.len());
        layout::fit_window(self.ent_cursor, &mut self.ent_top, eh, self.ent_rows.len());
        let ph = self.popup_height();
        match &mut self.popup {
            Some(Popup::Finder(f)) => layout::fit_window(f.cursor, &mut f.top, ph, f.hits.len()),
            Some(Popup::Quotes(l)) => layout::fit_window(l.cursor, &mut l.top, ph, l.items.len()),
            _ => self.popup_move(0, None),
        }
    }

    /// Applies one action; true when the screen needs drawing again.
    pub fn update(&mut self, action: Action) -> bool {
        if self.popup.is_some() {
            return self.popup_action(action);
        }
        match action {
            Action::Quit => self.quit = true,
            Action::FocusNext => {
                self.focus = Pane::ALL[(self.focus.index() + 1) % 3];
                self.rewrap_if_needed();
            }
            Action::FocusPrev => {
                self.focus = Pane::ALL[(self.focus.index() + 2) % 3];
                self.rewrap_if_needed();
            }
            Action::Focus(p) => {
                self.focus = p;
                self.rewrap_if_needed();
            }
            Action::Down => self.move_cursor(1),
            Action::Up => self.move_cursor(-1),
            Action::PageDown => self.move_cursor(self.page()),
            Action::PageUp => self.move_cursor(-self.page()),
            Action::HalfPageDown => self.move_cursor((self.page() / 2).max(1)),
            Action::HalfPageUp => self.move_cursor(-(self.page() / 2).max(1)),
            Action::Top => self.move_cursor(isize::MIN / 2),
            Action::Bottom => self.move_cursor(isize::MAX / 2),
            Action::NextArticle | Action::PrevArticle => {
                let d = if action == Action::NextArticle { 1 } else { -1 };
                let pos = step(self.list_cursor, d, self.visible.len());
                if let Some(&ai) = self.visible.get(pos) {
                    self.open(ai);
                }
            }
            Action::NextQuote => self.next_quote(),
            Action::PrevQuote => self.prev_quote(),
            Action::OpenFinder => self.open_finder(),
            Action::Activate => match self.focus {
                Pane::Articles => {
                    if let Some(&ai) = self.visible.get(self.list_cursor) {
                        self.open(ai);
                        self.focus = Pane::Article;
                    }
                }
                Pane::Entities => {
                    if let Some(ce) = self.cursor_entity().and_then(|l| self.corpus_entity(l)) {
                        self.select_entity(ce);
                    }
                }
                Pane::Article => return false,
            },
            Action::NextMention => self.cycle_mention(true),
            Action::PrevMention => self.cycle_mention(false),
            Action::SpeakerQuotes => self.speaker_quotes(),
            Action::Back => {
                let had_filter = self.filter.is_some();
                self.selected = None;
                self.current_quote = None;
                self.current_mention = None;
                self.status = Status::None;
                if had_filter {
                    self.clear_filter();
                    self.status = Status::Message("filter cleared".into());
                }
            }
            Action::Help => self.popup = Some(Popup::Help { top: 0 }),
            Action::Input(_) | Action::Backspace | Action::ClearInput => return false,
            Action::Scroll { col, row, lines } => return self.wheel(col, row, lines),
            Action::Click { col, row } => return self.click(col, row),
            Action::Resize { width, height } => self.resize(width, height),
        }
        true
    }

    /// Focus changes the article's width in narrow terminals (one pane).
    fn rewrap_if_needed(&mut self) {
        if self.wrapped.width != usize::from(self.text_rect().width) {
            let (w, h) = (self.area.width, self.area.height);
            self.resize(w, h);
        }
    }
}
