//! `phonecom._native.Client` and `phonecom._native.Pages`: a core [`phonecom::Client`] and a
//! lazy page walker, callable from any Python thread. Network work runs detached from the
//! interpreter, and on the main thread Ctrl-C interrupts the wait for it ([`crate::interrupt`]).
//! Every method runs behind the panic boundary ([`guard`]).

use crate::convert::{config_error, to_json, to_py};
use crate::errors::{guard, internal, IntoPyResult};
use crate::interrupt::Task;
use phonecom::call_options::{attempts, time_limit, TimeUnit};
use phonecom::config_file::merge_overrides;
use phonecom::{CallOptions, Client, Config};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};
use serde_json::{Map, Value};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

/// A thread-safe client (one connection pool) shared by every Python thread that holds it.
#[pyclass(module = "phonecom._native", name = "Client", frozen)]
pub struct NativeClient {
    inner: Client,
    /// Test-only (`_panicking_for_test`): panic inside each call and page fetch, once the
    /// request is done.
    panic_for_test: bool,
}

impl NativeClient {
    fn new(inner: Client) -> NativeClient {
        NativeClient {
            inner,
            panic_for_test: false,
        }
    }
}

/// What a call or a page fetch returns, after the test-only deliberate panic if asked for.
fn tested<T>(panic_for_test: bool, result: T) -> T {
    if panic_for_test {
        phonecom::boundary::panic_for_test()
    }
    result
}

fn build(
    py: Python<'_>,
    mut doc: Value,
    overrides: Option<&Bound<'_, PyAny>>,
) -> PyResult<NativeClient> {
    if let Some(o) = overrides {
        let o = to_json(o, "", "config").py_err(py)?;
        merge_overrides(&mut doc, o);
    }
    let config = Config::from_value(doc).py_err(py)?;
    let inner = Client::builder(config)
        .binding("python")
        .log_hook(crate::log::forward)
        .build()
        .py_err(py)?;
    Ok(NativeClient::new(inner))
}

/// The outcome of work started with [`Task::start`] as a Python result: the work's own error,
/// `phonecom.InternalError` for a panic, or what a signal handler raised (`KeyboardInterrupt`)
/// while the main thread waited, the work then going on to its end in the background.
fn finish<T: Send + 'static>(
    py: Python<'_>,
    operation: &str,
    task: Task<Result<T, phonecom::Error>>,
) -> PyResult<T> {
    match task.wait(py) {
        Ok(Ok(result)) => result.py_err(py),
        Ok(Err(panic)) => Err(internal(py, &panic, operation)),
        Err((interrupt, _still_running)) => Err(interrupt),
    }
}

/// A time limit in Python's seconds, checked by the core's rule, naming `name`.
fn seconds(py: Python<'_>, name: &str, v: Option<f64>) -> PyResult<Option<Duration>> {
    v.map(|s| time_limit("", name, s, TimeUnit::Seconds))
        .transpose()
        .py_err(py)
}

/// A call's extra headers (a dict of str to str), checked as the core checks `CallOptions`.
fn headers_of(
    py: Python<'_>,
    name: &str,
    headers: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<(String, String)>> {
    let Some(h) = headers else {
        return Ok(Vec::new());
    };
    let doc = serde_json::json!({ "headers": to_json(h, name, "headers").py_err(py)? });
    let opts = CallOptions::from_json_for(name, &doc).py_err(py)?;
    Ok(opts.headers)
}

fn params_of(py: Python<'_>, name: &str, params: Option<&Bound<'_, PyAny>>) -> PyResult<Value> {
    match params {
        None => Ok(Value::Null),
        Some(p) => to_json(p, name, "").py_err(py),
    }
}

impl NativeClient {
    /// The work of one call (to run off the interpreter), its parameters and options checked
    /// and converted here first.
    /// Checks a call's parameters and options (Python's units: seconds) and returns the work
    /// that runs it, for a blocking call ([`Task`]) or the async lane alike.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn prepare_call(
        &self,
        py: Python<'_>,
        name: &str,
        params: Option<&Bound<'_, PyAny>>,
        attempt_timeout: Option<f64>,
        deadline: Option<f64>,
        max_attempts: Option<f64>,
        headers: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<impl FnOnce() -> phonecom::Result<phonecom::Response> + Send + 'static> {
        crate::log::refresh_gate(py);
        let params = params_of(py, name, params)?;
        let opts = CallOptions {
            attempt_timeout: seconds(py, "attempt_timeout", attempt_timeout)?,
            deadline: seconds(py, "deadline", deadline)?,
            max_attempts: max_attempts
                .map(|n| attempts("", "max_attempts", n))
                .transpose()
                .py_err(py)?,
            headers: headers_of(py, name, headers)?,
        };
        let (client, op, panic) = (self.inner.clone(), name.to_string(), self.panic_for_test);
        Ok(move || tested(panic, client.call_with(&op, params, &opts)))
    }
}

/// A call's response as Python sees it: `(data, response)`, the data converted now, the
/// response's headers and body only when read ([`NativeResponse`]).
pub(crate) fn response_pair(
    py: Python<'_>,
    mut resp: phonecom::Response,
) -> PyResult<Bound<'_, PyTuple>> {
    let data = to_py(py, &std::mem::take(&mut resp.data))?;
    let native = Bound::new(py, NativeResponse { inner: resp })?;
    PyTuple::new(py, [data, native.into_any()])
}

#[pymethods]
impl NativeClient {
    /// A client from a configuration document (a dict, a JSON string, or None for the defaults),
    /// with `overrides` (a dict) merged in.
    #[staticmethod]
    #[pyo3(signature = (config=None, overrides=None))]
    fn from_value(
        py: Python<'_>,
        config: Option<&Bound<'_, PyAny>>,
        overrides: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<NativeClient> {
        guard(py, "Client", || {
            let doc = match config {
                None => Value::Object(Map::new()),
                Some(c) => match c.extract::<String>() {
                    Ok(text) => serde_json::from_str(&text)
                        .map_err(|e| config_error(format!("config is not valid JSON: {e}")))
                        .py_err(py)?,
                    Err(_) => to_json(c, "", "config").py_err(py)?,
                },
            };
            build(py, doc, overrides)
        })
    }

    /// A client from the `PHONECOM_*` environment variables, with `overrides` merged in.
    #[staticmethod]
    #[pyo3(signature = (overrides=None))]
    fn from_env(py: Python<'_>, overrides: Option<&Bound<'_, PyAny>>) -> PyResult<NativeClient> {
        guard(py, "Client.from_env", || {
            let doc = Config::env_document().py_err(py)?;
            build(py, doc, overrides)
        })
    }

    /// A client from a JSON configuration file, with `overrides` merged in.
    #[staticmethod]
    #[pyo3(signature = (path, overrides=None))]
    fn from_file(
        py: Python<'_>,
        path: PathBuf,
        overrides: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<NativeClient> {
        guard(py, "Client.from_file", || {
            let doc = phonecom::config_file::read_file(&path).py_err(py)?;
            build(py, doc, overrides)
        })
    }

    /// Call any catalog operation (`attempt_timeout` and `deadline` in seconds, `headers` a
    /// dict of extra request headers); returns `(data, response)`, the response's headers and
    /// body converted only when read ([`NativeResponse`]).
    #[pyo3(signature = (name, params=None, attempt_timeout=None, deadline=None, max_attempts=None, headers=None))]
    #[allow(clippy::too_many_arguments)]
    fn call<'py>(
        &self,
        py: Python<'py>,
        name: &str,
        params: Option<&Bound<'py, PyAny>>,
        attempt_timeout: Option<f64>,
        deadline: Option<f64>,
        max_attempts: Option<f64>,
        headers: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyTuple>> {
        guard(py, name, || {
            let work = self.prepare_call(
                py,
                name,
                params,
                attempt_timeout,
                deadline,
                max_attempts,
                headers,
            )?;
            let resp = finish(py, name, Task::start(py, work))?;
            response_pair(py, resp)
        })
    }

    /// Walk a pageable list lazily; nothing is fetched until the first `next()`.
    #[pyo3(signature = (name, params=None))]
    fn pages(
        &self,
        py: Python<'_>,
        name: &str,
        params: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<NativePages> {
        guard(py, name, || {
            let params = params_of(py, name, params)?;
            let pages = self.inner.pages(name, params).py_err(py)?;
            Ok(NativePages {
                operation: name.to_string(),
                inner: Arc::new(Mutex::new(pages)),
                pending: Mutex::new(None),
                panic_for_test: self.panic_for_test,
            })
        })
    }

    /// A client acting with another v4 token (e.g. a portal user's), sharing this pool.
    #[pyo3(signature = (token, account_id=None))]
    fn with_v4_token(
        &self,
        py: Python<'_>,
        token: String,
        account_id: Option<u64>,
    ) -> PyResult<NativeClient> {
        guard(py, "with_v4_token", || {
            let derived = self
                .inner
                .with_v4_token(phonecom::Secret::new(token), account_id);
            Ok(NativeClient::new(derived.py_err(py)?))
        })
    }

    /// A client acting with another numbers.online key (e.g. the one `nol.accountSignup`
    /// returned), sharing this pool; the key is masked in its errors and logs.
    fn with_nol_key(&self, py: Python<'_>, key: String) -> PyResult<NativeClient> {
        guard(py, "with_nol_key", || {
            let derived = self.inner.with_nol_key(phonecom::Secret::new(key));
            Ok(NativeClient::new(derived.py_err(py)?))
        })
    }

    /// Mask every secret this client knows in `text`.
    fn redact(&self, py: Python<'_>, text: &str) -> PyResult<String> {
        guard(py, "redact", || Ok(self.inner.redact(text)))
    }

    /// The User-Agent sent on every request.
    #[getter]
    fn user_agent(&self, py: Python<'_>) -> PyResult<String> {
        guard(py, "user_agent", || Ok(self.inner.user_agent().to_string()))
    }

    /// Each family's base URL and whether its credentials are set, never a secret (for
    /// `repr`): the core's `Config::summary`.
    fn describe<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, "describe", || to_py(py, &self.inner.config().summary()))
    }

    /// Test-only, not part of the API: this client (same pool), panicking inside the library
    /// at the end of each call and page fetch, on the thread that ran it, for the tests of the
    /// panic boundary of `call` and `pages`.
    fn _panicking_for_test(&self) -> NativeClient {
        NativeClient {
            inner: self.inner.clone(),
            panic_for_test: true,
        }
    }
}

/// The metadata and raw exchange of a call (`phonecom.Response` wraps it): the headers and body
/// are handed to Python only when read, so a call that never looks at them does not pay for them.
#[pyclass(module = "phonecom._native", name = "Response", frozen)]
pub struct NativeResponse {
    inner: phonecom::Response,
}

#[pymethods]
impl NativeResponse {
    /// HTTP status.
    #[getter]
    fn status(&self) -> u16 {
        self.inner.status
    }

    /// The request id.
    #[getter]
    fn request_id(&self) -> &str {
        &self.inner.request_id
    }

    /// Attempts made.
    #[getter]
    fn attempts(&self) -> u32 {
        self.inner.attempts
    }

    /// The response body as text (at most 1 MiB).
    #[getter]
    fn body(&self) -> &str {
        &self.inner.body
    }

    /// Whether `body` was cut at its bound.
    #[getter]
    fn body_truncated(&self) -> bool {
        self.inner.body_truncated
    }

    /// Headers as a dict: names lower-cased, a repeated header's values joined with `, `,
    /// credentials masked.
    fn headers<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, "Response.headers", || {
            let map = phonecom::exchange::header_object(self.inner.headers());
            to_py(py, &Value::Object(map))
        })
    }
}

/// Pages of a list, fetched one at a time as Python iterates: each is
/// `{"items", "total", "offset", "limit", "request_id"}`.
///
/// A fetch that Ctrl-C interrupted goes on in the background and is kept in `pending`: the next
/// `next()` returns its page, so an interrupted walk that is resumed loses no rows.
#[pyclass(module = "phonecom._native", name = "Pages", frozen)]
pub struct NativePages {
    operation: String,
    inner: Arc<Mutex<phonecom::Pages>>,
    pending: Mutex<Option<Task<PageResult>>>,
    panic_for_test: bool,
}

pub(crate) type PageResult = Option<Result<phonecom::Page, phonecom::Error>>;

impl NativePages {
    /// The work of fetching the next page (run it off the interpreter).
    pub(crate) fn fetcher(&self, py: Python<'_>) -> impl FnOnce() -> PageResult + Send + 'static {
        crate::log::refresh_gate(py);
        let (inner, panic) = (self.inner.clone(), self.panic_for_test);
        move || {
            let mut pages = inner.lock().unwrap_or_else(PoisonError::into_inner);
            tested(panic, pages.next_page())
        }
    }

    /// The list operation walked.
    pub(crate) fn operation(&self) -> &str {
        &self.operation
    }
}

/// A page as Python sees it: `{"items", "total", "offset", "limit", "request_id"}`.
pub(crate) fn page_dict(py: Python<'_>, page: phonecom::Page) -> PyResult<Bound<'_, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("items", to_py(py, &Value::Array(page.items))?)?;
    d.set_item("total", page.total)?;
    d.set_item("offset", page.offset)?;
    d.set_item("limit", page.limit)?;
    d.set_item("request_id", page.request_id)?;
    Ok(d)
}

#[pymethods]
impl NativePages {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDict>>> {
        guard(py, &self.operation, || {
            let pending = self
                .pending
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .take();
            let task = pending.unwrap_or_else(|| Task::start(py, self.fetcher(py)));
            let next = match task.wait(py) {
                Ok(Ok(next)) => next,
                Ok(Err(panic)) => return Err(internal(py, &panic, &self.operation)),
                Err((interrupt, still_running)) => {
                    *self.pending.lock().unwrap_or_else(PoisonError::into_inner) =
                        Some(still_running);
                    return Err(interrupt);
                }
            };
            match next {
                None => Ok(None),
                Some(r) => page_dict(py, r.py_err(py)?).map(Some),
            }
        })
    }

    /// The walk's progress so far: `(pages, rows, total)`, `total` `None` when the upstream
    /// reports none (`phonecom.Progress` wraps it).
    #[getter]
    fn progress(&self, py: Python<'_>) -> PyResult<(u64, u64, Option<u64>)> {
        guard(py, &self.operation, || {
            // Detached: another thread may hold the lock while it fetches a page.
            let inner = &self.inner;
            let p = py.detach(|| {
                inner
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .progress()
            });
            Ok((p.pages, p.rows, p.total))
        })
    }

    /// Pages fetched so far.
    #[getter]
    fn pages_fetched(&self, py: Python<'_>) -> PyResult<u64> {
        guard(py, &self.operation, || {
            // Detached: another thread may hold the lock while it fetches a page.
            let inner = &self.inner;
            Ok(py.detach(|| {
                inner
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .pages_fetched()
            }))
        })
    }
}
