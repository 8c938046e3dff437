//! Jumps: quotes (`]` `[`), mentions (`n` `N`), selecting an entity, the
//! speaker-quotes list and the finder's choice.

use super::*;

impl App {
    // ----- quotes -----

    pub(super) fn quote_status(&mut self) {
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

    pub(super) fn no_quotes_message(&mut self, forward: bool) {
        self.status = Status::Message(if self.corpus.quote_count() == 0 {
            "no quotes in these articles".to_owned()
        } else if forward {
            "no more quotes after this one".to_owned()
        } else {
            "no quotes before this one".to_owned()
        });
    }

    pub(super) fn next_quote(&mut self) {
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

    pub(super) fn prev_quote(&mut self) {
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
    pub(super) fn mentions_of(&self, ce: usize) -> Vec<(usize, usize, usize)> {
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
    pub(super) fn jump_to_mention(&mut self, ce: usize, list: &[(usize, usize, usize)], n: usize) {
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
    pub(super) fn select_entity(&mut self, ce: usize) {
        self.selected = Some(ce);
        let list = self.mentions_of(ce);
        let n = list
            .iter()
            .position(|&(a, _, _)| Some(a) == self.current)
            .unwrap_or(0);
        self.jump_to_mention(ce, &list, n);
    }

    pub(super) fn cycle_mention(&mut self, forward: bool) {
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

    pub(super) fn speaker_quotes(&mut self) {
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

    pub(super) fn open_finder(&mut self) {
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
}
