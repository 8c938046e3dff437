//! Every user intent. Keys (through the key table), the mouse and tests all
//! speak this language; `App::update` is the only place that acts on it.

/// The three panes, left to right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Articles,
    Article,
    Entities,
}

impl Pane {
    pub const ALL: [Pane; 3] = [Pane::Articles, Pane::Article, Pane::Entities];

    pub fn index(self) -> usize {
        match self {
            Pane::Articles => 0,
            Pane::Article => 1,
            Pane::Entities => 2,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    FocusNext,
    FocusPrev,
    Focus(Pane),
    Down,
    Up,
    Top,
    Bottom,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    NextArticle,
    PrevArticle,
    NextQuote,
    PrevQuote,
    OpenFinder,
    /// Enter: open the article, select the entity, accept the popup row.
    Activate,
    NextMention,
    PrevMention,
    SpeakerQuotes,
    /// Esc: close the popup, else clear the selection and the filter.
    Back,
    Help,
    Quit,
    /// Text typed into the finder (a key or a bracketed paste).
    Input(String),
    Backspace,
    /// Empties the finder's input line.
    ClearInput,
    /// Mouse wheel over a screen position; positive is down.
    Scroll {
        col: u16,
        row: u16,
        lines: i32,
    },
    Click {
        col: u16,
        row: u16,
    },
    Resize {
        width: u16,
        height: u16,
    },
}
