//! The core's log hook, forwarded to Python's `logging` (logger `phonecom`) through
//! `phonecom._logging._emit`. Events are masked by the core before they get here.

use crate::convert::to_py;
use phonecom::{LogEvent, LogEventKind};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

static EMIT: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static LOGGER: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// What the `phonecom` logger takes, as of the latest call's start: bit 0 DEBUG (requests and
/// responses), bit 1 INFO (retries and failures). Without it every event would re-take the GIL
/// from the worker thread just to learn that nothing is logged (the default): a measurable
/// share of a call's time (bench/README.md). Starts at "everything" until a call refreshes it.
static GATE: AtomicU8 = AtomicU8::new(DEBUG | INFO);
const DEBUG: u8 = 1;
const INFO: u8 = 2;

/// Read the logger's levels into the gate; run by every call and page fetch as it starts, on
/// the calling thread, so a change of the logging configuration applies from the next call.
pub fn refresh_gate(py: Python<'_>) {
    let read = || -> PyResult<u8> {
        let logger = LOGGER.import(py, "phonecom._logging", "logger")?;
        let on = |level: u8| -> PyResult<bool> {
            logger.call_method1("isEnabledFor", (level,))?.extract()
        };
        Ok(if on(10)? { DEBUG } else { 0 } | if on(20)? { INFO } else { 0 })
    };
    // If `logging` cannot answer, forward everything and let `_emit` decide.
    GATE.store(read().unwrap_or(DEBUG | INFO), Ordering::Relaxed);
}

fn wanted(event: &LogEvent) -> bool {
    let bit = match event.kind {
        LogEventKind::Request | LogEventKind::Response => DEBUG,
        LogEventKind::Retry | LogEventKind::Failure => INFO,
        // Once per outage of the budget's Redis: always handed to `_emit`, which asks `logging`.
        LogEventKind::Warning | LogEventKind::Notice => return true,
    };
    GATE.load(Ordering::Relaxed) & bit != 0
}

/// Forward one event. Runs on the thread making the call (detached from the interpreter, or a
/// worker: see `crate::interrupt`), so it attaches for the duration of the `logging` call; a
/// failing handler is ignored, as `logging` itself does. A call that Ctrl-C left running in the
/// background may end while the interpreter shuts down: its events are then dropped.
pub fn forward(event: &LogEvent) {
    if !wanted(event) {
        return;
    }
    crate::shutdown::attach(|py| {
        let emit = || -> PyResult<()> {
            let f = EMIT.import(py, "phonecom._logging", "_emit")?;
            f.call1((to_py(py, &event.to_json())?,))?;
            Ok(())
        };
        // `logging` handlers report their own failures; nothing else to do here.
        let _ = emit();
    });
}
