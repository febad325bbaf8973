//! The core's log hook, forwarded to Python's `logging` (logger `phonecom`) through
//! `phonecom._logging._emit`. Events are masked by the core before they get here.

use crate::convert::to_py;
use phonecom::LogEvent;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;

static EMIT: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// Forward one event. Runs on the thread making the call (detached from the interpreter, or a
/// worker: see `crate::interrupt`), so it attaches for the duration of the `logging` call; a
/// failing handler is ignored, as `logging` itself does. A call that Ctrl-C left running in the
/// background may end while the interpreter shuts down: its events are then dropped.
pub fn forward(event: &LogEvent) {
    Python::try_attach(|py| {
        let emit = || -> PyResult<()> {
            let f = EMIT.import(py, "phonecom._logging", "_emit")?;
            f.call1((to_py(py, &event.to_json())?,))?;
            Ok(())
        };
        // `logging` handlers report their own failures; nothing else to do here.
        let _ = emit();
    });
}
