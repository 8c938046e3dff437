//! The one key table. Input looks keys up here and the help popup is
//! generated from it, so the two cannot disagree.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::{Action, Pane};

/// Which table applies: the main view, the finder's input line, or a list
/// popup (help, a speaker's quotes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Main,
    Finder,
    Popup,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chord {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn k(c: char) -> Chord {
    Chord {
        code: KeyCode::Char(c),
        mods: KeyModifiers::NONE,
    }
}

const fn code(code: KeyCode) -> Chord {
    Chord {
        code,
        mods: KeyModifiers::NONE,
    }
}

const fn ctrl(c: char) -> Chord {
    Chord {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

pub struct Binding {
    pub mode: Mode,
    pub keys: &'static [Chord],
    pub action: Action,
    pub desc: &'static str,
}

const fn b(mode: Mode, keys: &'static [Chord], action: Action, desc: &'static str) -> Binding {
    Binding {
        mode,
        keys,
        action,
        desc,
    }
}

use Mode::{Finder, Main, Popup};

/// Every binding. Order is the order of the help popup.
pub static BINDINGS: &[Binding] = &[
    b(
        Main,
        &[code(KeyCode::Tab), code(KeyCode::Right), k('l')],
        Action::FocusNext,
        "focus next pane",
    ),
    b(
        Main,
        &[code(KeyCode::BackTab), code(KeyCode::Left), k('h')],
        Action::FocusPrev,
        "focus previous pane",
    ),
    b(
        Main,
        &[k('1')],
        Action::Focus(Pane::Articles),
        "focus articles",
    ),
    b(
        Main,
        &[k('2')],
        Action::Focus(Pane::Article),
        "focus the article",
    ),
    b(
        Main,
        &[k('3')],
        Action::Focus(Pane::Entities),
        "focus entities",
    ),
    b(
        Main,
        &[k('j'), code(KeyCode::Down)],
        Action::Down,
        "move down / scroll down",
    ),
    b(
        Main,
        &[k('k'), code(KeyCode::Up)],
        Action::Up,
        "move up / scroll up",
    ),
    b(
        Main,
        &[k('g'), code(KeyCode::Home)],
        Action::Top,
        "go to the top",
    ),
    b(
        Main,
        &[k('G'), code(KeyCode::End)],
        Action::Bottom,
        "go to the bottom",
    ),
    b(
        Main,
        &[code(KeyCode::PageDown), k(' ')],
        Action::PageDown,
        "page down",
    ),
    b(Main, &[code(KeyCode::PageUp)], Action::PageUp, "page up"),
    b(Main, &[ctrl('d')], Action::HalfPageDown, "half a page down"),
    b(Main, &[ctrl('u')], Action::HalfPageUp, "half a page up"),
    b(Main, &[k('J')], Action::NextArticle, "next article"),
    b(Main, &[k('K')], Action::PrevArticle, "previous article"),
    b(
        Main,
        &[k(']')],
        Action::NextQuote,
        "next quote (goes on to the next article)",
    ),
    b(Main, &[k('[')], Action::PrevQuote, "previous quote"),
    b(
        Main,
        &[k('/')],
        Action::OpenFinder,
        "find a name in the whole corpus",
    ),
    b(
        Main,
        &[code(KeyCode::Enter)],
        Action::Activate,
        "open article / select entity",
    ),
    b(
        Main,
        &[k('n')],
        Action::NextMention,
        "next mention of the selected entity",
    ),
    b(
        Main,
        &[k('N')],
        Action::PrevMention,
        "previous mention of the selected entity",
    ),
    b(
        Main,
        &[k('s')],
        Action::SpeakerQuotes,
        "quotes of the selected entity (corpus)",
    ),
    b(
        Main,
        &[code(KeyCode::Esc)],
        Action::Back,
        "clear selection and filter",
    ),
    b(
        Main,
        &[k('?'), code(KeyCode::F(1))],
        Action::Help,
        "this help",
    ),
    b(Main, &[k('q'), ctrl('c')], Action::Quit, "quit"),
    b(
        Finder,
        &[code(KeyCode::Down), ctrl('n'), ctrl('j')],
        Action::Down,
        "next match",
    ),
    b(
        Finder,
        &[code(KeyCode::Up), ctrl('p'), ctrl('k')],
        Action::Up,
        "previous match",
    ),
    b(
        Finder,
        &[code(KeyCode::PageDown)],
        Action::PageDown,
        "page down",
    ),
    b(Finder, &[code(KeyCode::PageUp)], Action::PageUp, "page up"),
    b(
        Finder,
        &[code(KeyCode::Enter)],
        Action::Activate,
        "select: filter articles, jump to first mention",
    ),
    b(
        Finder,
        &[code(KeyCode::Backspace)],
        Action::Backspace,
        "delete a character",
    ),
    b(Finder, &[ctrl('u')], Action::ClearInput, "clear the input"),
    b(
        Finder,
        &[code(KeyCode::Esc)],
        Action::Back,
        "close the finder",
    ),
    b(Finder, &[ctrl('c')], Action::Quit, "quit"),
    b(
        Popup,
        &[k('j'), code(KeyCode::Down)],
        Action::Down,
        "move down",
    ),
    b(Popup, &[k('k'), code(KeyCode::Up)], Action::Up, "move up"),
    b(Popup, &[k('g'), code(KeyCode::Home)], Action::Top, "top"),
    b(
        Popup,
        &[k('G'), code(KeyCode::End)],
        Action::Bottom,
        "bottom",
    ),
    b(
        Popup,
        &[code(KeyCode::PageDown), k(' ')],
        Action::PageDown,
        "page down",
    ),
    b(Popup, &[code(KeyCode::PageUp)], Action::PageUp, "page up"),
    b(
        Popup,
        &[code(KeyCode::Enter)],
        Action::Activate,
        "jump to the quote",
    ),
    b(
        Popup,
        &[code(KeyCode::Esc), k('q'), k('?')],
        Action::Back,
        "close",
    ),
    b(Popup, &[ctrl('c')], Action::Quit, "quit"),
];

/// Shift is implied by the character itself (`J`, `?`) and by BackTab, and
/// terminals disagree on whether they report it; drop it there.
fn normalize(key: &KeyEvent) -> Chord {
    let mut mods =
        key.modifiers & (KeyModifiers::SHIFT | KeyModifiers::CONTROL | KeyModifiers::ALT);
    if matches!(key.code, KeyCode::Char(_) | KeyCode::BackTab) {
        mods.remove(KeyModifiers::SHIFT);
    }
    Chord {
        code: key.code,
        mods,
    }
}

/// The action for a key in `mode`. Only presses count; in the finder,
/// printable characters with no binding are typed.
pub fn lookup(mode: Mode, key: &KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let chord = normalize(key);
    if let Some(bind) = BINDINGS
        .iter()
        .find(|b| b.mode == mode && b.keys.contains(&chord))
    {
        return Some(bind.action.clone());
    }
    match (mode, chord.code) {
        (Mode::Finder, KeyCode::Char(c))
            if !chord
                .mods
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(Action::Input(c.to_string()))
        }
        _ => None,
    }
}

/// How a chord is written in the help popup.
pub fn chord_label(c: &Chord) -> String {
    let key = match c.code {
        KeyCode::Char(' ') => "Space".to_owned(),
        KeyCode::Char(ch) => ch.to_string(),
        KeyCode::Tab => "Tab".to_owned(),
        KeyCode::BackTab => "Shift-Tab".to_owned(),
        KeyCode::Enter => "Enter".to_owned(),
        KeyCode::Esc => "Esc".to_owned(),
        KeyCode::Backspace => "Backspace".to_owned(),
        KeyCode::Up => "↑".to_owned(),
        KeyCode::Down => "↓".to_owned(),
        KeyCode::Left => "←".to_owned(),
        KeyCode::Right => "→".to_owned(),
        KeyCode::Home => "Home".to_owned(),
        KeyCode::End => "End".to_owned(),
        KeyCode::PageUp => "PgUp".to_owned(),
        KeyCode::PageDown => "PgDn".to_owned(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    if c.mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{key}")
    } else {
        key
    }
}

/// The first key bound to `action` in `mode`, as written in help.
pub fn first_key(mode: Mode, action: &Action) -> Option<String> {
    BINDINGS
        .iter()
        .find(|b| b.mode == mode && &b.action == action)
        .and_then(|b| b.keys.first())
        .map(chord_label)
}

/// Help rows: (section, keys, description), in table order.
pub fn help_rows() -> Vec<(Mode, String, &'static str)> {
    BINDINGS
        .iter()
        .map(|b| {
            let keys: Vec<String> = b.keys.iter().map(chord_label).collect();
            (b.mode, keys.join(", "), b.desc)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn required_keys_are_bound() {
        let main = |c, m| lookup(Mode::Main, &press(c, m));
        let none = KeyModifiers::NONE;
        assert_eq!(main(KeyCode::Tab, none), Some(Action::FocusNext));
        assert_eq!(
            main(KeyCode::BackTab, KeyModifiers::SHIFT),
            Some(Action::FocusPrev)
        );
        assert_eq!(
            main(KeyCode::Char('2'), none),
            Some(Action::Focus(Pane::Article))
        );
        assert_eq!(
            main(KeyCode::Char('J'), KeyModifiers::SHIFT),
            Some(Action::NextArticle)
        );
        assert_eq!(main(KeyCode::Char('K'), none), Some(Action::PrevArticle));
        assert_eq!(main(KeyCode::Char(']'), none), Some(Action::NextQuote));
        assert_eq!(
            main(KeyCode::Char('d'), KeyModifiers::CONTROL),
            Some(Action::HalfPageDown)
        );
        assert_eq!(
            main(KeyCode::Char('c'), KeyModifiers::CONTROL),
            Some(Action::Quit)
        );
        assert_eq!(
            main(KeyCode::Char('N'), KeyModifiers::SHIFT),
            Some(Action::PrevMention)
        );
        assert_eq!(main(KeyCode::End, none), Some(Action::Bottom));
        assert_eq!(main(KeyCode::Char('x'), none), None);
    }

    #[test]
    fn releases_are_ignored() {
        let mut ev = press(KeyCode::Char('q'), KeyModifiers::NONE);
        ev.kind = KeyEventKind::Release;
        assert_eq!(lookup(Mode::Main, &ev), None);
    }

    #[test]
    fn finder_types_letters_that_quit_elsewhere() {
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(lookup(Mode::Finder, &q), Some(Action::Input("q".into())));
        assert_eq!(lookup(Mode::Main, &q), Some(Action::Quit));
    }

    #[test]
    fn no_chord_is_bound_twice_in_a_mode() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                if a.mode == b.mode {
                    for key in a.keys {
                        assert!(!b.keys.contains(key), "{key:?} bound twice");
                    }
                }
            }
        }
    }

    #[test]
    fn help_lists_every_binding() {
        let rows = help_rows();
        assert_eq!(rows.len(), BINDINGS.len());
        assert!(
            rows.iter()
                .any(|(_, k, d)| k == "]" && d.contains("next quote"))
        );
        assert!(rows.iter().any(|(_, k, _)| k == "Tab, →, l"));
    }
}
