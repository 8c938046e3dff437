//! Taking the terminal over and giving it back. Raw mode, the alternate
//! screen, bracketed paste and (optionally) mouse capture are undone by
//! `Drop` (normal exit and errors), by a panic hook (panics) and by a
//! signal thread (SIGTERM, SIGHUP, SIGQUIT), each only once and only what was
//! switched on.

use std::io::{self, Write};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::cursor::{Hide, Show};
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

static RAW: AtomicBool = AtomicBool::new(false);
static ALT: AtomicBool = AtomicBool::new(false);
static MOUSE: AtomicBool = AtomicBool::new(false);
static HOOK: Once = Once::new();
static SIGNALS: Once = Once::new();

/// Holds the terminal; dropping it restores the terminal.
pub struct Guard(());

impl Guard {
    pub fn enter(mouse: bool) -> io::Result<Guard> {
        install_panic_hook();
        install_signal_handler();
        enable_raw_mode()?;
        RAW.store(true, Ordering::SeqCst);
        // From here on, Drop undoes whatever succeeded.
        let guard = Guard(());
        let mut out = io::stdout();
        // Cleared here rather than with `Terminal::clear`, which asks the
        // terminal for the cursor position and waits for an answer.
        execute!(
            out,
            EnterAlternateScreen,
            Clear(ClearType::All),
            EnableBracketedPaste,
            Hide
        )?;
        ALT.store(true, Ordering::SeqCst);
        if mouse {
            execute!(out, EnableMouseCapture)?;
            MOUSE.store(true, Ordering::SeqCst);
        }
        Ok(guard)
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Undoes what [`Guard::enter`] did; safe to call any number of times.
pub fn restore() {
    let mut out = io::stdout();
    if MOUSE.swap(false, Ordering::SeqCst) {
        let _ = execute!(out, DisableMouseCapture);
    }
    if ALT.swap(false, Ordering::SeqCst) {
        let _ = execute!(out, DisableBracketedPaste, LeaveAlternateScreen, Show);
    }
    if RAW.swap(false, Ordering::SeqCst) {
        let _ = disable_raw_mode();
    }
    let _ = out.flush();
}

fn install_panic_hook() {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            // Restore first, so the panic message lands on a usable screen.
            restore();
            previous(info);
        }));
    });
}

/// A killed or hung-up browser still gives the terminal back: a thread
/// waits for the signals, restores, and exits with the shell's 128 + N.
fn install_signal_handler() {
    use signal_hook::consts::{SIGHUP, SIGQUIT, SIGTERM};
    SIGNALS.call_once(|| {
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGQUIT])
        else {
            return;
        };
        std::thread::spawn(move || {
            if let Some(sig) = signals.forever().next() {
                restore();
                std::process::exit(128 + sig);
            }
        });
    });
}
