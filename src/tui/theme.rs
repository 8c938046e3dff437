//! Styles for every kind of thing on screen.
//!
//! Only the eight basic ANSI colours are used, as foregrounds on the
//! terminal's own background, so the terminal's palette keeps them readable
//! on dark and light themes; highlights that need a background set both
//! colours. With `NO_COLOR` set, only modifiers (bold, italic, reverse…) remain.

use ratatui::style::{Color, Modifier, Style};

use crate::model::{EntityKind, QuoteKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Default for Theme {
    fn default() -> Self {
        Theme { color: true }
    }
}

impl Theme {
    /// Colour unless `NO_COLOR` is set to anything non-empty (no-color.org).
    pub fn from_env() -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme { color: !no_color }
    }

    pub fn monochrome() -> Self {
        Theme { color: false }
    }

    fn fg(&self, style: Style, color: Color) -> Style {
        if self.color { style.fg(color) } else { style }
    }

    pub fn kind_color(kind: EntityKind) -> Color {
        match kind {
            EntityKind::Person => Color::Cyan,
            EntityKind::Organization => Color::Magenta,
            EntityKind::Place => Color::Blue,
            EntityKind::Other => Color::Red,
        }
    }

    /// An entity mention in running text.
    pub fn entity(&self, kind: EntityKind) -> Style {
        self.fg(
            Style::new().add_modifier(Modifier::BOLD),
            Self::kind_color(kind),
        )
    }

    /// The selected entity's mentions: its colour as a background.
    pub fn entity_selected(&self, kind: EntityKind) -> Style {
        if self.color {
            Style::new()
                .bg(Self::kind_color(kind))
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED | Modifier::UNDERLINED)
        }
    }

    /// Quoted words: direct green, partial green italic, indirect italic.
    pub fn quote(&self, kind: QuoteKind) -> Style {
        match kind {
            QuoteKind::Direct => self.fg(Style::new(), Color::Green),
            QuoteKind::Partial => {
                self.fg(Style::new().add_modifier(Modifier::ITALIC), Color::Green)
            }
            QuoteKind::Indirect => Style::new().add_modifier(Modifier::ITALIC),
        }
    }

    /// The quote last jumped to.
    pub fn quote_current(&self) -> Style {
        if self.color {
            Style::new().bg(Color::Yellow).fg(Color::Black)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    /// The dim `— Speaker` after a direct quote.
    pub fn speaker(&self) -> Style {
        Style::new().add_modifier(Modifier::DIM | Modifier::ITALIC)
    }

    pub fn headline(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn aside(&self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    pub fn dim(&self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.fg(Style::new().add_modifier(Modifier::BOLD), Color::Cyan)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    /// The cursor row of a list (focused) or its remembered row (unfocused).
    pub fn list_cursor(&self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        }
    }

    /// Characters the finder matched.
    pub fn matched(&self) -> Style {
        self.fg(
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            Color::Yellow,
        )
    }

    pub fn status(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn key(&self) -> Style {
        self.fg(Style::new().add_modifier(Modifier::BOLD), Color::Cyan)
    }
}
