//! What `phonecom.AsyncClient` awaits: calls and page fetches run on the library's own threads
//! (the reused workers of [`crate::interrupt`]), never on the interpreter's default executor
//! (`asyncio.to_thread`: `min(32, cores + 4)` threads, shared with everything else the program
//! runs there). Each outcome goes to a Python callback, which resolves the asyncio future on its
//! loop (`loop.call_soon_threadsafe`, see `phonecom/_async.py`).
//!
//! A [`Lane`] bounds how many run at once (`AsyncClient(max_concurrency=...)`); the rest wait
//! in its FIFO queue, holding no thread. A worker that finishes one takes the next from the
//! queue, so a burst runs on at most `max_concurrency` threads, reused.
//!
//! ```python
//! lane = _native.Lane(64)
//! _native.call_async(lane, native_client, "v4.get-account", None, done)   # done(result, error)
//! ```

use crate::client::{page_dict, response_pair, NativeClient, NativePages};
use crate::errors::{internal, IntoPyResult};
use phonecom::boundary::{catch, Panic};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use std::collections::VecDeque;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

type Job = Box<dyn FnOnce() + Send>;

/// At most `max` jobs at once; the others wait in order.
#[pyclass(module = "phonecom._native", name = "Lane", frozen)]
pub struct Lane {
    max: usize,
    state: Arc<Mutex<LaneState>>,
}

#[derive(Default)]
struct LaneState {
    /// The process the counts belong to (see [`LaneState::here`]).
    pid: u32,
    running: usize,
    queued: VecDeque<Job>,
}

impl LaneState {
    /// The lane's state in this process. A child forked while jobs ran inherits their counts
    /// but not their threads: its lane starts empty (the parent's jobs are forgotten, not run
    /// or dropped: their callbacks belong to the parent's event loop).
    fn here(&mut self) -> &mut LaneState {
        if !crate::interrupt::workers::same_process(self.pid) {
            self.pid = phonecom::process::id();
            self.running = 0;
            std::mem::forget(std::mem::take(&mut self.queued));
        }
        self
    }
}

#[pymethods]
impl Lane {
    /// A lane running at most `max_concurrency` jobs at once (1 to 4096).
    #[new]
    fn new(max_concurrency: usize) -> PyResult<Lane> {
        if !(1..=4096).contains(&max_concurrency) {
            return Err(PyValueError::new_err(format!(
                "max_concurrency must be from 1 to 4096 (got {max_concurrency})"
            )));
        }
        Ok(Lane {
            max: max_concurrency,
            state: Arc::default(),
        })
    }

    /// The bound it was made with.
    #[getter]
    fn max_concurrency(&self) -> usize {
        self.max
    }
}

impl Lane {
    fn submit(&self, job: Job) {
        let mut guard = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let st = guard.here();
        if st.running >= self.max {
            st.queued.push_back(job);
            return;
        }
        st.running += 1;
        drop(guard);
        let state = self.state.clone();
        let run = Box::new(move || drain(&state, job));
        if let Err(run) = crate::interrupt::workers::submit(run, Duration::ZERO) {
            // No thread could start: run it here rather than lose it.
            run();
        }
    }
}

/// Run `job`, then every job queued meanwhile, then give the slot back.
fn drain(state: &Mutex<LaneState>, mut job: Job) {
    loop {
        job();
        let mut st = state.lock().unwrap_or_else(PoisonError::into_inner);
        match st.queued.pop_front() {
            Some(next) => job = next,
            None => {
                st.running -= 1;
                return;
            }
        }
    }
}

/// Hand `outcome` to `done(result, error)` with the interpreter attached (dropped when Python is
/// exiting, see [`crate::shutdown`]). `convert` builds the result; an error or panic becomes the exception object.
fn deliver<T>(
    done: Py<PyAny>,
    operation: &str,
    outcome: Result<Result<T, phonecom::Error>, Panic>,
    convert: impl FnOnce(Python<'_>, T) -> PyResult<Py<PyAny>>,
) {
    let mut done = Some(done);
    crate::shutdown::attach(|py| {
        let Some(done) = done.take() else { return };
        let result = match outcome {
            Ok(r) => r.py_err(py).and_then(|v| convert(py, v)),
            Err(panic) => Err(internal(py, &panic, operation)),
        };
        let args = match result {
            Ok(value) => (value, py.None()),
            Err(e) => (py.None(), e.into_value(py).into_any()),
        };
        if let Err(e) = done.call1(py, args) {
            // The callback only schedules the future's resolution; report what broke it.
            e.write_unraisable(py, None);
        }
        drop(done);
    });
    // Python is exiting and nobody waits: let the callback go without touching the interpreter.
    std::mem::forget(done);
}

/// Start a call on `lane`; `done(result, error)` receives `(data, response)` (as the blocking
/// `Client.call` returns) or the `PhoneComError`. Bad parameters and options raise here, before anything runs.
#[pyfunction]
#[pyo3(signature = (lane, client, name, params, done, attempt_timeout=None, deadline=None, max_attempts=None, headers=None))]
#[allow(clippy::too_many_arguments)]
pub fn call_async(
    py: Python<'_>,
    lane: &Lane,
    client: &NativeClient,
    name: &str,
    params: Option<&Bound<'_, PyAny>>,
    done: Py<PyAny>,
    attempt_timeout: Option<f64>,
    deadline: Option<f64>,
    max_attempts: Option<f64>,
    headers: Option<&Bound<'_, PyAny>>,
) -> PyResult<()> {
    let work = client.prepare_call(
        py,
        name,
        params,
        attempt_timeout,
        deadline,
        max_attempts,
        headers,
    )?;
    let operation = name.to_string();
    lane.submit(Box::new(move || {
        let outcome = catch(work);
        deliver(done, &operation, outcome, |py, resp| {
            Ok(response_pair(py, resp)?.into_any().unbind())
        });
    }));
    Ok(())
}

/// Fetch the next page of `pages` on `lane`; `done(page, error)` receives the page dict, or
/// `None` at the end, or the `PhoneComError`.
#[pyfunction]
pub fn next_page_async(py: Python<'_>, lane: &Lane, pages: &NativePages, done: Py<PyAny>) {
    let (fetch, operation) = (pages.fetcher(py), pages.operation().to_string());
    lane.submit(Box::new(move || {
        let outcome = catch(fetch).map(|next| match next {
            None => Ok(None),
            Some(r) => r.map(Some),
        });
        deliver(done, &operation, outcome, |py, page| match page {
            None => Ok(py.None()),
            Some(p) => Ok(page_dict(py, p)?.into_any().unbind()),
        });
    }));
}

/// Register the lane and the two functions.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Lane>()?;
    m.add_function(wrap_pyfunction!(call_async, m)?)?;
    m.add_function(wrap_pyfunction!(next_page_async, m)?)?;
    Ok(())
}
