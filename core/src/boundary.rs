//! The panic boundary of the bindings (C, PHP, Python, Node): a panic that still happens inside
//! libphonecom becomes the binding's own error of kind `internal`, never an abort, an exception
//! the host's `catch` misses, or a backtrace on the host's stderr. Not part of the Rust API.
//!
//! ```
//! use phonecom::boundary;
//! assert_eq!(boundary::catch(|| 40 + 2).ok(), Some(42));
//! let panic = boundary::catch(|| boundary::panic_for_test()).unwrap_err();
//! assert!(panic.message().starts_with("internal error: a bug in libphonecom"));
//! assert!(panic.location().is_some());
//! ```
//!
//! # The panic hook
//!
//! Rust reports a panic through the process's panic hook (by default: a message and, with
//! `RUST_BACKTRACE`, a backtrace on stderr) before it unwinds to [`catch`]. The first [`catch`]
//! installs a hook, once, that wraps the hook it finds:
//!
//! - on a thread that is inside [`catch`] it records where the panic happened and prints
//!   nothing: the binding reports the panic as an error, to the caller, instead;
//! - anywhere else (a thread without a boundary, a panic after [`catch`] returned) it calls the
//!   hook it replaced, so every other panic is reported exactly as before.
//!
//! Each shared library (`libphonecom.so`, the Python module, the Node addon) carries its own
//! copy of Rust's standard library, hence its own hook: ours never sees the panics of the host
//! program or of other Rust libraries in the process. Only a Rust program that links a binding
//! crate in shares our hook, and then only its panics inside a boundary are kept quiet. A hook
//! that the program sets after ours replaces it; boundary panics are then reported by that
//! hook, and still become errors.
//!
//! ```
//! use std::sync::atomic::{AtomicUsize, Ordering};
//! static REPORTED: AtomicUsize = AtomicUsize::new(0);
//! // The host's hook, set first; the first `catch` wraps it.
//! std::panic::set_hook(Box::new(|_| {
//!     REPORTED.fetch_add(1, Ordering::SeqCst);
//! }));
//! assert!(phonecom::boundary::catch(|| phonecom::boundary::panic_for_test()).is_err());
//! assert_eq!(REPORTED.load(Ordering::SeqCst), 0, "a panic inside a boundary stays quiet");
//! assert!(std::thread::spawn(|| panic!("the host's own")).join().is_err());
//! assert_eq!(REPORTED.load(Ordering::SeqCst), 1, "the host's panic reached the host's hook");
//! ```
//!
//! The panic's own message is never shown: it may quote the text that was being processed (a
//! bad slice quotes the whole string), which can hold a secret. Its source location is kept.
#![doc(hidden)]

use crate::{Error, ErrorKind};
use serde_json::Value;
use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    /// How many [`catch`] calls are running on this thread (they nest: a log callback may call
    /// back into the library).
    static DEPTH: Cell<u32> = const { Cell::new(0) };
    /// Where the last panic inside a boundary on this thread happened (`file:line:column`).
    static LOCATION: RefCell<Option<String>> = const { RefCell::new(None) };
}

static INSTALL: Once = Once::new();

fn install_hook() {
    INSTALL.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if DEPTH.try_with(|d| d.get() > 0).unwrap_or(false) {
                let at = info
                    .location()
                    .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()));
                let _ = LOCATION.try_with(|slot| *slot.borrow_mut() = at);
            } else {
                previous(info);
            }
        }));
    });
}

/// A panic caught by [`catch`]: where it happened (when known), never what it said.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Panic {
    location: Option<String>,
}

impl Panic {
    /// The panic's source location (`core/src/secret.rs:88:17`), when the hook saw it.
    pub fn location(&self) -> Option<&str> {
        self.location.as_deref()
    }

    /// One line for the binding's error message (without the kind and operation prefix).
    pub fn message(&self) -> String {
        let at = self
            .location
            .as_deref()
            .map(|l| format!(" at {l}"))
            .unwrap_or_default();
        format!(
            "internal error: a bug in libphonecom (a panic{at}), caught before it reached your \
             code; please report it"
        )
    }

    /// The error as JSON, with the keys of [`Error::to_json`]: `kind` is `internal`, `message`
    /// reads `[internal] <operation>: internal error: ...`, nothing is retryable.
    pub fn to_json(&self, operation: Option<&str>) -> Value {
        let mut error = Error::new(ErrorKind::Server, self.message());
        if let Some(op) = operation {
            error = error.with_operation(op);
        }
        let mut json = error.to_json();
        let text = json["message"].as_str().unwrap_or_default();
        let text = text.replacen("[server]", "[internal]", 1);
        json["message"] = Value::from(text);
        json["kind"] = Value::from("internal");
        json
    }
}

/// Run `f`; a panic inside it is caught, kept off stderr and returned as a [`Panic`].
///
/// `f`'s captures are treated as unwind safe: what a binding touches after a caught panic is
/// either dropped or guarded by a mutex it reads through poisoning.
pub fn catch<T>(f: impl FnOnce() -> T) -> Result<T, Panic> {
    install_hook();
    let _ = DEPTH.try_with(|d| d.set(d.get() + 1));
    let outcome = panic::catch_unwind(AssertUnwindSafe(f));
    let _ = DEPTH.try_with(|d| d.set(d.get().saturating_sub(1)));
    outcome.map_err(|payload| {
        // A payload whose `Drop` panics would unwind out of here: drop it behind a guard too.
        let _ = panic::catch_unwind(AssertUnwindSafe(move || drop(payload)));
        Panic {
            location: LOCATION
                .try_with(|slot| slot.borrow_mut().take())
                .ok()
                .flatten(),
        }
    })
}

/// What the message of [`panic_for_test`] carries, so tests can check that it never shows.
pub const PANIC_FOR_TEST_SECRET: &str = "sbx_panic_payload_secret_0123456789";

/// A deliberate panic, for the bindings' tests of their boundary (each exposes it as a hidden,
/// test-only entry point). Its message holds [`PANIC_FOR_TEST_SECRET`], as a bad slice of a
/// secret-bearing text would.
pub fn panic_for_test() -> ! {
    panic!("deliberate panic for a test of the panic boundary: token={PANIC_FOR_TEST_SECRET}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_a_value_with_its_location_and_without_its_message() {
        let p = catch(|| panic_for_test()).unwrap_err();
        assert!(p.location().unwrap().contains("boundary.rs"), "{p:?}");
        let json = p.to_json(Some("v4.get-account"));
        assert_eq!(json["kind"], "internal");
        assert_eq!(json["operation"], "v4.get-account");
        assert_eq!(json["retryable"], false);
        let text = json["message"].as_str().unwrap();
        assert!(
            text.starts_with("[internal] v4.get-account: internal error: a bug in libphonecom"),
            "{text}"
        );
        assert!(!text.contains(PANIC_FOR_TEST_SECRET));
        let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
        assert_eq!(
            keys(&json),
            keys(&Error::new(ErrorKind::Server, "").to_json())
        );
    }

    #[test]
    fn boundaries_nest_and_leave_no_state_behind() {
        let inner = catch(|| catch(|| panic_for_test()).unwrap_err()).unwrap();
        assert!(inner.location().is_some());
        assert_eq!(DEPTH.with(Cell::get), 0);
        assert_eq!(catch(|| 7), Ok(7));
        assert!(LOCATION.with(|l| l.borrow().is_none()));
    }
}
