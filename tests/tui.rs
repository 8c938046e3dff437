//! The browser without a terminal: keys through the key table into the
//! `App`, and frames drawn into ratatui's `TestBackend`.
//!
//! Corpora are sentences written for these tests (and `sample/`), parsed by
//! the real pipeline: the browser shows what the parser found.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};

use byline::model::{Article, Corpus, Paragraph, Role, Span};
use byline::tui::action::{Action, Pane};
use byline::tui::app::{App, Popup, Status};
use byline::tui::keymap;
use byline::tui::theme::Theme;
use byline::tui::ui;

fn app_with(corpus: Corpus, w: u16, h: u16) -> App {
    let mut app = App::new(corpus, Theme::default());
    app.update(Action::Resize {
        width: w,
        height: h,
    });
    app
}

/// Three short articles written for these tests.
fn small_corpus() -> Corpus {
    let docs: [(&str, &str); 3] = [
        (
            "talks.txt",
            "Talks resume in Geneva\n\n\
             “We are ready to talk,” Volodymyr Zelensky said on Monday.\n\n\
             Marco Rubio told reporters the draft was “a starting point” for both sides.\n\n\
             “Nothing is agreed until everything is agreed,” Rubio added. “We will keep working.”\n",
        ),
        (
            "weather.txt",
            "Storm reaches the coast\n\n\
             Heavy rain fell across the region overnight.\n\n\
             Maroš Šefčovič postponed his visit to the port.\n",
        ),
        (
            "summit.txt",
            "Leaders meet in Brussels\n\n\
             Volodymyr Zelensky arrived in Brussels on Tuesday.\n\n\
             “Europe stands with Ukraine,” Ursula von der Leyen said.\n\n\
             Zelensky thanked the hosts.\n",
        ),
    ];
    let docs = docs
        .iter()
        .map(|(source, text)| byline::input::Document {
            source: (*source).to_owned(),
            title: None,
            text: (*text).to_owned(),
        })
        .collect();
    byline::parse::parse_corpus(docs)
}

fn sample_corpus() -> Corpus {
    let sample = std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/sample"));
    let loaded = byline::input::load(&[sample], &byline::input::LoadOptions::default());
    byline::parse::parse_corpus(loaded.documents)
}

fn small(w: u16, h: u16) -> App {
    app_with(small_corpus(), w, h)
}

/// Presses keys written as in the help: single characters, or names in
/// angle brackets (`<Enter>`, `<Esc>`, `<Tab>`, `<C-d>`).
fn keys(app: &mut App, keys: &str) {
    let mut chars = keys.chars().peekable();
    while let Some(c) = chars.next() {
        let ev = if c == '<' && chars.peek().is_some_and(|n| n.is_ascii_uppercase()) {
            let name: String = chars.by_ref().take_while(|&c| c != '>').collect();
            match name.as_str() {
                "Enter" => KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
                "Esc" => KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE),
                "Tab" => KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE),
                "BackTab" => KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
                "Down" => KeyEvent::new(KeyCode::Down, KeyModifiers::NONE),
                "BS" => KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE),
                "C-d" => KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL),
                "C-c" => KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
                other => panic!("unknown key {other}"),
            }
        } else {
            KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
        };
        if let Some(action) = keymap::lookup(app.mode(), &ev) {
            app.update(action);
        }
    }
}

fn draw(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| ui::draw(f, app)).unwrap();
    t
}

fn screen(t: &Terminal<TestBackend>) -> String {
    let buf = t.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

fn quote_status(app: &App) -> (usize, usize, String) {
    match &app.status {
        Status::Quote { n, m, speaker } => (*n, *m, speaker.clone()),
        other => panic!("expected a quote status, got {other:?}"),
    }
}

fn mention_status(app: &App) -> (usize, usize, String) {
    match &app.status {
        Status::Mention { n, m, name } => (*n, *m, name.clone()),
        other => panic!("expected a mention status, got {other:?}"),
    }
}

/// The current quote lies wholly inside the visible text rows.
fn quote_visible(app: &App) -> bool {
    let q = app.current_quote.unwrap();
    let a = app.article().unwrap();
    let (first, last) = app.wrapped.quote_rows(a, q);
    let h = usize::from(app.text_rect().height);
    first >= app.scroll && last < app.scroll + h
}

// ----- key -> action -> state -----

#[test]
fn quotes_jump_across_articles_skipping_those_without() {
    let mut app = small(100, 30);
    keys(&mut app, "]");
    assert_eq!(quote_status(&app), (1, 5, "Volodymyr Zelensky".into()));
    // Rubio's reported speech, the partial quote inside it, then two direct ones.
    keys(&mut app, "]]]]");
    assert_eq!(quote_status(&app), (5, 5, "Marco Rubio".into()));
    assert_eq!(app.current, Some(0));
    // Past the last quote: on to the next article with quotes (not weather.txt).
    keys(&mut app, "]");
    assert_eq!(app.current, Some(2));
    assert_eq!(quote_status(&app), (1, 1, "Ursula von der Leyen".into()));
    assert_eq!(app.list_cursor, 2);
    assert!(quote_visible(&app));
    keys(&mut app, "]");
    assert_eq!(
        app.status,
        Status::Message("no more quotes after this one".into())
    );
    keys(&mut app, "[");
    assert_eq!(app.current, Some(0));
    assert_eq!(quote_status(&app), (5, 5, "Marco Rubio".into()));
}

#[test]
fn quote_jumps_scroll_the_quote_fully_into_view() {
    // A long article: many filler paragraphs, then quotes near the end.
    let mut text = String::from("A long story\n\n");
    for i in 0..60 {
        text.push_str(&format!(
            "Filler paragraph number {i} is here only to take up room.\n\n"
        ));
    }
    text.push_str("“First words that run long enough to wrap over several rows of a narrow pane,” Marco Rubio said.\n\n");
    text.push_str("“Second words,” Rubio added.\n");
    let a = byline::parse::parse_text("long.txt", &text);
    let mut app = app_with(Corpus::new(vec![a]), 80, 20);
    keys(&mut app, "]");
    assert_eq!(quote_status(&app).0, 1);
    assert!(app.scroll > 0);
    assert!(quote_visible(&app));
    keys(&mut app, "]");
    assert!(quote_visible(&app));
    keys(&mut app, "[");
    assert!(quote_visible(&app));
    // Resizing re-wraps and keeps the current quote on screen.
    app.update(Action::Resize {
        width: 50,
        height: 12,
    });
    assert!(quote_visible(&app));
    app.update(Action::Resize {
        width: 200,
        height: 50,
    });
    assert!(quote_visible(&app));
}

#[test]
fn no_quotes_gives_a_clear_status() {
    let a = byline::parse::parse_text("plain.txt", "Plain\n\nNothing quoted here.\n");
    let mut app = app_with(Corpus::new(vec![a]), 80, 24);
    keys(&mut app, "]");
    assert_eq!(
        app.status,
        Status::Message("no quotes in these articles".into())
    );
    let t = draw(&app, 80, 24);
    assert!(screen(&t).contains("no quotes"));
}

#[test]
fn finder_selects_filters_and_jumps_to_first_mention() {
    let mut app = small(100, 30);
    keys(&mut app, "/zelen");
    let Some(Popup::Finder(f)) = &app.popup else {
        panic!("finder not open");
    };
    let top = &app.corpus.entities[f.hits[0].entity];
    assert_eq!(top.name, "Volodymyr Zelensky");
    keys(&mut app, "<Enter>");
    assert!(app.popup.is_none());
    let z = app.selected.unwrap();
    assert_eq!(app.corpus.entities[z].name, "Volodymyr Zelensky");
    assert_eq!(app.filter, Some(z));
    assert_eq!(app.visible, vec![0, 2]);
    assert_eq!(app.current, Some(0));
    assert_eq!(mention_status(&app), (1, 3, "Volodymyr Zelensky".into()));
    // The entity is selected on the right.
    let local = app.cursor_entity().unwrap();
    assert_eq!(app.corpus_entity(local), Some(z));
    let t = draw(&app, 200, 30);
    assert!(screen(&t).contains("Articles · Volodymyr Zelensky (2)"));
    // Narrower panes cut the list title; the status line still names the filter.
    let t = draw(&app, 100, 30);
    assert!(
        screen(&t)
            .lines()
            .last()
            .unwrap()
            .contains(" article 1/2 · Volodymyr Zelensky ")
    );
}

#[test]
fn finder_folds_diacritics_and_edits_the_query() {
    let mut app = small(100, 30);
    keys(&mut app, "/sefcovicx<BS>");
    let Some(Popup::Finder(f)) = &app.popup else {
        panic!("finder not open");
    };
    assert_eq!(f.query, "sefcovic");
    assert_eq!(app.corpus.entities[f.hits[0].entity].name, "Maroš Šefčovič");
    // Keys that act elsewhere are typed here: q does not quit.
    keys(&mut app, "q");
    assert!(!app.quit);
    keys(&mut app, "<Esc>");
    assert!(app.popup.is_none());
    assert!(app.filter.is_none());
}

#[test]
fn mentions_cycle_across_articles() {
    let mut app = small(100, 30);
    keys(&mut app, "/zelen<Enter>");
    keys(&mut app, "n");
    assert_eq!(app.current, Some(2));
    assert_eq!(mention_status(&app), (2, 3, "Volodymyr Zelensky".into()));
    keys(&mut app, "n");
    assert_eq!(mention_status(&app).0, 3);
    keys(&mut app, "n");
    assert_eq!(app.current, Some(0));
    assert_eq!(mention_status(&app).0, 1);
    keys(&mut app, "N");
    assert_eq!(app.current, Some(2));
    assert_eq!(mention_status(&app).0, 3);
}

#[test]
fn next_quote_starts_from_the_mention_last_jumped_to() {
    let mut app = small(100, 30);
    keys(&mut app, "/rubio<Enter>n");
    // Second mention of Rubio: "Rubio added", after the third quote opens.
    assert_eq!(mention_status(&app).0, 2);
    keys(&mut app, "]");
    assert_eq!(quote_status(&app).0, 5);
}

#[test]
fn esc_clears_selection_and_filter() {
    let mut app = small(100, 30);
    keys(&mut app, "/zelen<Enter>J");
    assert_eq!(app.current, Some(2));
    keys(&mut app, "<Esc>");
    assert!(app.filter.is_none());
    assert!(app.selected.is_none());
    assert_eq!(app.visible, vec![0, 1, 2]);
    // The open article stays open and selected in the full list.
    assert_eq!(app.current, Some(2));
    assert_eq!(app.list_cursor, 2);
}

#[test]
fn entity_pane_selects_and_lists_speaker_quotes() {
    let mut app = small(100, 30);
    keys(&mut app, "3");
    assert_eq!(app.focus, Pane::Entities);
    // People first, by mentions: Marco Rubio (3), Volodymyr Zelensky (1).
    let first = app.cursor_entity().unwrap();
    assert_eq!(app.article().unwrap().entities[first].name, "Marco Rubio");
    keys(&mut app, "<Enter>");
    assert_eq!(mention_status(&app).2, "Marco Rubio");
    keys(&mut app, "s");
    let Some(Popup::Quotes(l)) = &app.popup else {
        panic!("quotes popup not open");
    };
    // The reported speech, the partial quote inside it, two direct quotes.
    assert_eq!(l.items, vec![(0, 1), (0, 2), (0, 3), (0, 4)]);
    keys(&mut app, "j<Enter>");
    assert!(app.popup.is_none());
    assert_eq!(quote_status(&app), (3, 5, "Marco Rubio".into()));
}

#[test]
fn panes_focus_and_lists_move() {
    let mut app = small(100, 30);
    assert_eq!(app.focus, Pane::Article);
    keys(&mut app, "1j");
    assert_eq!(app.current, Some(1));
    keys(&mut app, "G");
    assert_eq!(app.current, Some(2));
    keys(&mut app, "g<Tab>");
    assert_eq!((app.current, app.focus), (Some(0), Pane::Article));
    keys(&mut app, "<Tab><Tab>");
    assert_eq!(app.focus, Pane::Articles);
    keys(&mut app, "<BackTab>");
    assert_eq!(app.focus, Pane::Entities);
    keys(&mut app, "2J");
    assert_eq!((app.current, app.focus), (Some(1), Pane::Article));
    keys(&mut app, "K");
    assert_eq!(app.current, Some(0));
    keys(&mut app, "?");
    assert!(matches!(app.popup, Some(Popup::Help { .. })));
    keys(&mut app, "?");
    assert!(app.popup.is_none());
    keys(&mut app, "q");
    assert!(app.quit);
}

#[test]
fn growing_the_window_refills_the_list() {
    let mut app = small(100, 30);
    keys(&mut app, "1G");
    app.update(Action::Resize {
        width: 100,
        height: 4,
    });
    app.update(Action::Resize {
        width: 100,
        height: 30,
    });
    assert_eq!(app.list_top, 0);
    let s = screen(&draw(&app, 100, 30));
    assert!(s.contains("Talks resume"), "{s}");
}

#[test]
fn text_pane_scrolls_and_pages() {
    let mut text = String::from("Scrolling\n\n");
    for i in 0..80 {
        text.push_str(&format!("Line {i} of the story.\n\n"));
    }
    let a = byline::parse::parse_text("s.txt", &text);
    let mut app = app_with(Corpus::new(vec![a]), 80, 24);
    keys(&mut app, "2jj");
    assert_eq!(app.scroll, 2);
    keys(&mut app, "<C-d>");
    assert!(app.scroll > 2);
    keys(&mut app, "G");
    let bottom = app.scroll;
    keys(&mut app, "j");
    assert_eq!(app.scroll, bottom, "cannot scroll past the end");
    keys(&mut app, "g");
    assert_eq!(app.scroll, 0);
}

#[test]
fn mouse_clicks_focus_and_select_and_the_wheel_scrolls_the_pane_under_it() {
    let mut app = small(100, 30);
    let panes = app.panes();
    let list = panes.rect(Pane::Articles);
    // Third row of the list (inside the border).
    app.update(Action::Click {
        col: list.x + 2,
        row: list.y + 3,
    });
    assert_eq!(app.current, Some(2));
    let ents = panes.rect(Pane::Entities);
    app.update(Action::Click {
        col: ents.x + 3,
        row: ents.y + 2,
    });
    assert_eq!(app.focus, Pane::Entities);
    assert!(app.selected.is_some());
    // Wheel over the list scrolls nothing visible but never the article.
    let before = app.scroll;
    app.update(Action::Scroll {
        col: list.x + 1,
        row: list.y + 1,
        lines: 3,
    });
    assert_eq!(app.scroll, before);
    assert!(!app.update(Action::Click { col: 0, row: 29 }));
}

#[test]
fn clicking_a_name_in_the_text_selects_it() {
    let mut app = small(100, 30);
    let s = screen(&draw(&app, 100, 30));
    let (x, y) = find(&s, "Marco Rubio told");
    app.update(Action::Click { col: x + 2, row: y });
    assert_eq!(app.focus, Pane::Article);
    assert_eq!(mention_status(&app).2, "Marco Rubio");
    let (x, y) = find(&s, "We are ready");
    app.update(Action::Click { col: x + 3, row: y });
    assert_eq!(quote_status(&app), (1, 5, "Volodymyr Zelensky".into()));
}

#[test]
fn an_empty_corpus_is_shown_and_survives_every_key() {
    let mut app = app_with(Corpus::default(), 80, 24);
    keys(&mut app, "]J/x<Enter><Esc>nNs3<Enter>?j<Esc>G");
    let s = screen(&draw(&app, 80, 24));
    assert!(s.contains("No articles"), "{s}");
}

#[test]
fn random_actions_never_panic_at_any_size() {
    use proptest::prelude::*;
    let actions = prop_oneof![
        Just(Action::FocusNext),
        Just(Action::Down),
        Just(Action::Up),
        Just(Action::Bottom),
        Just(Action::PageDown),
        Just(Action::NextArticle),
        Just(Action::PrevArticle),
        Just(Action::NextQuote),
        Just(Action::PrevQuote),
        Just(Action::OpenFinder),
        Just(Action::Activate),
        Just(Action::NextMention),
        Just(Action::PrevMention),
        Just(Action::SpeakerQuotes),
        Just(Action::Back),
        Just(Action::Help),
        "[a-zš ]{0,3}".prop_map(Action::Input),
        Just(Action::Backspace),
        (0u16..120, 0u16..40).prop_map(|(col, row)| Action::Click { col, row }),
        (0u16..120, 0u16..40, -5i32..5).prop_map(|(col, row, lines)| Action::Scroll {
            col,
            row,
            lines
        }),
        (0u16..130, 0u16..45).prop_map(|(width, height)| Action::Resize { width, height }),
    ];
    let mut runner = proptest::test_runner::TestRunner::new(proptest::test_runner::Config {
        cases: 64,
        ..Default::default()
    });
    let corpus = small_corpus();
    runner
        .run(&proptest::collection::vec(actions, 0..40), |seq| {
            let mut app = app_with(corpus.clone(), 90, 30);
            for a in seq {
                app.update(a);
                let (w, h) = (app.area.width, app.area.height);
                draw(&app, w, h);
            }
            Ok(())
        })
        .unwrap();
}

// ----- rendering -----

#[test]
fn main_screen_on_the_sample_corpus() {
    let mut app = app_with(sample_corpus(), 120, 32);
    let wh = app
        .corpus
        .articles
        .iter()
        .position(|a| a.source.contains("white-house"))
        .unwrap();
    for _ in 0..wh {
        keys(&mut app, "J");
    }
    keys(&mut app, "]]");
    let t = draw(&app, 120, 32);
    let s = screen(&t);
    // "the press secretary continued": the tag names whom it resolved to, dim.
    let (x, y) = find(&s, "— Karoline Leavitt");
    assert!(
        t.backend().buffer()[(x, y)]
            .modifier
            .contains(Modifier::DIM)
    );
    insta::assert_snapshot!("main_screen", s);
}

#[test]
fn finder_with_a_query() {
    let mut app = small(100, 30);
    keys(&mut app, "/zel");
    let t = draw(&app, 100, 30);
    let s = screen(&t);
    assert!(s.contains("> zel"));
    insta::assert_snapshot!("finder_zel", s);
    // Matched characters are highlighted in the name.
    let buf = t.backend().buffer();
    let (x, y) = find(&s, " Volodymyr Zelensky  person");
    let x = x + 1;
    let z = buf[(x + 10, y)].clone(); // the Z of Zelensky
    assert!(z.modifier.contains(Modifier::UNDERLINED), "{z:?}");
    let o = buf[(x + 1, y)].clone();
    assert!(!o.modifier.contains(Modifier::UNDERLINED));
}

#[test]
fn help_popup_lists_the_key_table() {
    let mut app = small(100, 40);
    keys(&mut app, "?");
    let t = draw(&app, 100, 40);
    let s = screen(&t);
    for row in keymap::help_rows().iter().take(20) {
        assert!(s.contains(row.2), "help is missing {:?}", row.2);
    }
    insta::assert_snapshot!("help", s);
}

#[test]
fn narrow_terminal_shows_the_article_only() {
    let mut app = small(50, 16);
    keys(&mut app, "]");
    let t = draw(&app, 50, 16);
    let s = screen(&t);
    assert!(!s.contains("Articles ("));
    assert!(s.contains("We are ready"));
    insta::assert_snapshot!("narrow", s);
    // Focusing the list in a narrow terminal shows the list instead.
    keys(&mut app, "1");
    let s = screen(&draw(&app, 50, 16));
    assert!(s.contains("Articles (3)"));
}

#[test]
fn tiny_terminal_shows_a_notice() {
    for (w, h) in [(10, 3), (15, 10), (40, 2), (1, 1), (0, 0)] {
        let app = small(w, h);
        let s = screen(&draw(&app, w, h));
        if w >= 9 && h >= 1 {
            assert!(
                s.starts_with("too small") || s.starts_with("byline: terminal too small"),
                "{s}"
            );
        }
    }
}

/// Column and row of the first occurrence of `needle` on screen (in cells).
fn find(screen: &str, needle: &str) -> (u16, u16) {
    for (y, line) in screen.lines().enumerate() {
        if let Some(i) = line.find(needle) {
            return (line[..i].chars().count() as u16, y as u16);
        }
    }
    panic!("{needle:?} not on screen:\n{screen}");
}

#[test]
fn mentions_and_quotes_are_styled_by_kind() {
    let mut app = small(100, 30);
    keys(&mut app, "]");
    let t = draw(&app, 100, 30);
    let s = screen(&t);
    let buf = t.backend().buffer();
    // Current quote: black on yellow.
    let (x, y) = find(&s, "We are ready");
    assert_eq!(buf[(x, y)].bg, Color::Yellow);
    // A person mention outside the quote: cyan, bold.
    let (x, y) = find(&s, "Marco Rubio told");
    assert_eq!(buf[(x, y)].fg, Color::Cyan);
    assert!(buf[(x, y)].modifier.contains(Modifier::BOLD));
    // A partial quote: green italic; the speaker tag: dim.
    let (x, y) = find(&s, "starting point");
    assert_eq!(buf[(x, y)].fg, Color::Green);
    assert!(buf[(x, y)].modifier.contains(Modifier::ITALIC));
    // No speaker tag where the text names the speaker next to the quote.
    assert!(!s.contains("— Volodymyr Zelensky"));
    // The headline is bold.
    let (x, y) = find(&s, "Talks resume");
    assert!(buf[(x, y)].modifier.contains(Modifier::BOLD));
}

#[test]
fn no_color_keeps_modifiers_only() {
    let mut app = app_with(small_corpus(), 100, 30);
    app.theme = Theme::monochrome();
    keys(&mut app, "]");
    let t = draw(&app, 100, 30);
    let buf = t.backend().buffer();
    for cell in buf.content() {
        assert_eq!(cell.fg, Color::Reset);
        assert_eq!(cell.bg, Color::Reset);
    }
    let s = screen(&t);
    let (x, y) = find(&s, "We are ready");
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn control_characters_never_reach_the_terminal() {
    let text = "Evil \u{1b}[2J headline\n\nBody with \u{1b}]0;pwned\u{7} and \u{9b}31m in it.\n";
    let mut a = Article::new("evil\u{1b}[31m.txt", None, text.to_owned());
    let body_start = text.find("Body").unwrap();
    a.paragraphs = vec![
        Paragraph {
            span: Span::new(0, text.find('\n').unwrap()),
            role: Role::Headline,
        },
        Paragraph {
            span: Span::new(body_start, text.len() - 1),
            role: Role::Body,
        },
    ];
    let app = app_with(Corpus::new(vec![a]), 100, 20);
    let t = draw(&app, 100, 20);
    let s = screen(&t);
    assert!(!s.chars().any(|c| c.is_control() && c != '\n'), "{s}");
    assert!(s.contains("␛[2J"));
    assert!(s.contains("evil␛[31m.txt"));
}
