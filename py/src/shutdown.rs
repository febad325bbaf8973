//! Native threads entering the interpreter, made safe at exit.
//!
//! A library thread that hands a result or a log event to Python may release the GIL inside
//! that Python code (`loop.call_soon_threadsafe` writes to the loop's self-pipe). If the main
//! thread finishes meanwhile and the interpreter starts finalizing, CPython ends the thread with
//! `pthread_exit` when it asks for the GIL back: a forced unwind through Rust frames, which
//! crashed the process (seen with `AsyncClient` at the end of a script). So every entry goes
//! through [`attach`], and an `atexit` hook ([`wait_for_native_threads`], registered with the
//! module) stops new entries and waits, detached, for those in progress, before finalizing
//! begins.
//!
//! ```ignore
//! shutdown::attach(|py| done.call1(py, (value, py.None())));   // None once Python is exiting
//! ```

use pyo3::prelude::*;
use std::sync::{Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// Whether Python is exiting, and how many native threads are inside the interpreter.
static STATE: Mutex<(bool, usize)> = Mutex::new((false, 0));
static LEFT: Condvar = Condvar::new();

/// The longest the exit hook waits for threads inside Python (a logging handler could block).
const EXIT_WAIT: Duration = Duration::from_secs(5);

/// Run `f` with the interpreter attached, unless Python is exiting (then `None`).
pub fn attach<R>(f: impl FnOnce(Python<'_>) -> R) -> Option<R> {
    {
        let mut st = STATE.lock().unwrap_or_else(PoisonError::into_inner);
        if st.0 {
            return None;
        }
        st.1 += 1;
    }
    let out = Python::try_attach(f);
    let mut st = STATE.lock().unwrap_or_else(PoisonError::into_inner);
    st.1 -= 1;
    if st.1 == 0 {
        LEFT.notify_all();
    }
    out
}

/// The `atexit` hook: no native thread enters Python from now on; wait for those inside.
#[pyfunction]
pub fn wait_for_native_threads(py: Python<'_>) {
    py.detach(|| {
        let deadline = Instant::now() + EXIT_WAIT;
        let mut st = STATE.lock().unwrap_or_else(PoisonError::into_inner);
        st.0 = true;
        while st.1 > 0 {
            let Some(left) = deadline.checked_duration_since(Instant::now()) else {
                return;
            };
            st = LEFT
                .wait_timeout(st, left)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    });
}

/// Register the hook with `atexit` (at module import).
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let hook = wrap_pyfunction!(wait_for_native_threads, m)?;
    m.py().import("atexit")?.call_method1("register", (hook,))?;
    Ok(())
}
