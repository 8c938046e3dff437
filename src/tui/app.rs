//! The browser's whole state and the one function that changes it.
//! Rendering (`ui`) only reads an `App`; input only produces `Action`s.

use std::rc::Rc;

use ratatui::layout::Rect;

use crate::model::{Article, Corpus, EntityKind, Span};

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

    // ----- quotes -----

    fn quote_status(&mut self) {
        let Some(a) = self.article() else {
            return;
        };
        let Some(qi) = self.current_quote else {
            return;
        };
        let speaker = a
            .quotes
            .get(qi)
            .and_then(|q| q.speaker)
            .map(|s| a.speaker_name(&s).to_owned())
            .unwrap_or_else(|| "no speaker".to_owned());
        self.status = Status::Quote {
            n: qi + 1,
            m: a.quotes.len(),
            speaker,
        };
    }

    /// Opens `ai` if needed and marks and reveals quote `qi`.
    pub fn jump_to_quote(&mut self, ai: usize, qi: usize) {
        if self.current != Some(ai) {
            self.open(ai);
        } else if !self.visible.contains(&ai) {
            self.clear_filter();
        }
        self.current_quote = Some(qi);
        self.current_mention = None;
        self.reveal_quote();
        self.quote_status();
    }

    fn no_quotes_message(&mut self, forward: bool) {
        self.status = Status::Message(if self.corpus.quote_count() == 0 {
            "no quotes in these articles".to_owned()
        } else if forward {
            "no more quotes after this one".to_owned()
        } else {
            "no quotes before this one".to_owned()
        });
    }

    fn next_quote(&mut self) {
        let Some(cur) = self.current else {
            return self.no_quotes_message(true);
        };
        let len = self.corpus.articles[cur].quotes.len();
        let next = match self.current_quote {
            Some(q) => q + 1,
            None => self.corpus.articles[cur]
                .quote_at_or_after(self.reading_position())
                .unwrap_or(len),
        };
        if next < len {
            return self.jump_to_quote(cur, next);
        }
        let pos = self.visible.iter().position(|&a| a == cur).unwrap_or(0);
        let found = self.visible[pos + 1..]
            .iter()
            .copied()
            .find(|&a| !self.corpus.articles[a].quotes.is_empty());
        match found {
            Some(ai) => self.jump_to_quote(ai, 0),
            None => self.no_quotes_message(true),
        }
    }

    fn prev_quote(&mut self) {
        let Some(cur) = self.current else {
            return self.no_quotes_message(false);
        };
        let a = &self.corpus.articles[cur];
        let prev = match self.current_quote {
            Some(q) => q.checked_sub(1),
            None => a
                .quote_at_or_after(self.reading_position())
                .unwrap_or(a.quotes.len())
                .checked_sub(1),
        };
        if let Some(q) = prev {
            return self.jump_to_quote(cur, q);
        }
        let pos = self.visible.iter().position(|&a| a == cur).unwrap_or(0);
        let found = self.visible[..pos]
            .iter()
            .rev()
            .copied()
            .find(|&a| !self.corpus.articles[a].quotes.is_empty());
        match found {
            Some(ai) => {
                let last = self.corpus.articles[ai].quotes.len() - 1;
                self.jump_to_quote(ai, last)
            }
            None => self.no_quotes_message(false),
        }
    }

    // ----- entities and mentions -----

    /// Every mention of corpus entity `ce`, as (article, local entity,
    /// mention index), in corpus order.
    fn mentions_of(&self, ce: usize) -> Vec<(usize, usize, usize)> {
        let Some(e) = self.corpus.entities.get(ce) else {
            return Vec::new();
        };
        e.refs
            .iter()
            .flat_map(|r| {
                let n = self.corpus.articles[r.article]
                    .entities
                    .get(r.entity)
                    .map_or(0, |e| e.mentions.len());
                (0..n).map(move |mi| (r.article, r.entity, mi))
            })
            .collect()
    }

    /// Jumps to the `n`-th mention in `list` (from [`Self::mentions_of`]).
    fn jump_to_mention(&mut self, ce: usize, list: &[(usize, usize, usize)], n: usize) {
        let Some(&(ai, local, mi)) = list.get(n) else {
            return;
        };
        if self.current != Some(ai) {
            self.open(ai);
        }
        self.selected = Some(ce);
        self.point_at_selected();
        self.current_quote = None;
        self.current_mention = Some((local, mi));
        self.reveal_mention();
        self.status = Status::Mention {
            n: n + 1,
            m: list.len(),
            name: self.corpus.entities[ce].name.clone(),
        };
    }

    /// Selects corpus entity `ce` and jumps to its first mention in the open
    /// article (or its first mention anywhere).
    fn select_entity(&mut self, ce: usize) {
        self.selected = Some(ce);
        let list = self.mentions_of(ce);
        let n = list
            .iter()
            .position(|&(a, _, _)| Some(a) == self.current)
            .unwrap_or(0);
        self.jump_to_mention(ce, &list, n);
    }

    fn cycle_mention(&mut self, forward: bool) {
        let Some(ce) = self.selected else {
            self.status =
                Status::Message("no entity selected: Enter on one, or / to find one".into());
            return;
        };
        let list = self.mentions_of(ce);
        if list.is_empty() {
            return;
        }
        let here = self.current_mention.and_then(|(local, mi)| {
            list.iter()
                .position(|&(a, l, m)| Some(a) == self.current && l == local && m == mi)
        });
        let n = match here {
            Some(i) if forward => (i + 1) % list.len(),
            Some(i) => (i + list.len() - 1) % list.len(),
            None => {
                // From the view: the first mention at or after the top of the
                // open article, else the next article that has one.
                let cur = self.current.unwrap_or(0);
                let top = self.top_byte();
                let spans = |&(a, l, m): &(usize, usize, usize)| {
                    self.corpus.articles[a].entities[l].mentions[m].start
                };
                if forward {
                    list.iter()
                        .position(|x| (x.0 == cur && spans(x) >= top) || x.0 > cur)
                        .unwrap_or(0)
                } else {
                    list.iter()
                        .rposition(|x| (x.0 == cur && spans(x) < top) || x.0 < cur)
                        .unwrap_or(list.len() - 1)
                }
            }
        };
        self.jump_to_mention(ce, &list, n);
    }

    fn speaker_quotes(&mut self) {
        let target = if self.focus == Pane::Entities {
            self.cursor_entity().and_then(|l| self.corpus_entity(l))
        } else {
            None
        }
        .or(self.selected);
        let Some(ce) = target else {
            self.status =
                Status::Message("no entity selected: Enter on one, or / to find one".into());
            return;
        };
        let mut items = Vec::new();
        for r in &self.corpus.entities[ce].refs {
            items.extend(
                self.corpus.articles[r.article]
                    .quotes_by(r.entity)
                    .map(|(qi, _)| (r.article, qi)),
            );
        }
        if items.is_empty() {
            self.status =
                Status::Message(format!("no quotes by {}", self.corpus.entities[ce].name));
            return;
        }
        self.selected = Some(ce);
        self.popup = Some(Popup::Quotes(QuoteList {
            entity: ce,
            items,
            cursor: 0,
            top: 0,
        }));
    }

    // ----- finder -----

    fn open_finder(&mut self) {
        let hits = self.index.search("", None);
        self.popup = Some(Popup::Finder(Finder {
            query: String::new(),
            hits,
            cursor: 0,
            top: 0,
        }));
    }

    /// Sets the finder's query and re-ranks; a query that extends the last
    /// one only re-scores the last one's hits.
    pub fn set_query(&mut self, query: String) {
        let Some(Popup::Finder(f)) = &mut self.popup else {
            return;
        };
        let narrow = !f.query.trim().is_empty() && query.starts_with(f.query.as_str());
        f.hits = self
            .index
            .search(&query, if narrow { Some(&f.hits) } else { None });
        f.query = query;
        f.cursor = 0;
        f.top = 0;
    }

    /// The finder chose corpus entity `ce`.
    pub fn choose_entity(&mut self, ce: usize) {
        let Some(e) = self.corpus.entities.get(ce) else {
            return;
        };
        let mut arts: Vec<usize> = e.refs.iter().map(|r| r.article).collect();
        arts.dedup();
        if arts.is_empty() {
            return;
        }
        self.popup = None;
        self.filter = Some(ce);
        self.visible = arts;
        self.list_cursor = 0;
        self.list_top = 0;
        self.selected = Some(ce);
        let first = self.visible[0];
        self.open(first);
        self.point_at_selected();
        self.focus = Pane::Article;
        self.select_entity(ce);
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

    fn popup_move(&mut self, delta: isize, to_end: Option<bool>) {
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

    fn popup_action(&mut self, action: Action) -> bool {
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

    fn click(&mut self, col: u16, row: u16) -> bool {
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
    fn click_text(&mut self, col: u16, row: u16) {
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

    fn wheel(&mut self, col: u16, row: u16, lines: i32) -> bool {
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
