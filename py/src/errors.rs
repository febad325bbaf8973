//! Core errors to Python exceptions, and the panic boundary of every entry point.
//!
//! `phonecom._errors._from_native(details)` picks the `PhoneComError` subclass of the error's
//! kind and fills its attributes from [`phonecom::Error::to_json`] (already free of secrets). A
//! panic inside the library becomes `phonecom.InternalError` (kind `internal`) through
//! [`guard`], never pyo3's `PanicException` (a `BaseException` that `except Exception` misses),
//! and nothing is printed on stderr (see `phonecom::boundary`).

use crate::convert::to_py;
use phonecom::boundary::{catch, Panic};
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use serde_json::Value;

static FROM_NATIVE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// The Python exception for an error's JSON (`message` is the fallback text should the
/// exception classes be unreachable, e.g. during interpreter shutdown).
fn from_json(py: Python<'_>, details: &Value, message: &str) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let factory = FROM_NATIVE.import(py, "phonecom._errors", "_from_native")?;
        Ok(PyErr::from_value(factory.call1((to_py(py, details)?,))?))
    };
    build().unwrap_or_else(|_| PyRuntimeError::new_err(message.to_string()))
}

/// The Python exception for a core error.
pub fn to_pyerr(py: Python<'_>, e: &phonecom::Error) -> PyErr {
    from_json(py, &e.to_json(), &e.to_string())
}

/// `phonecom.InternalError` for a panic caught in `operation` (an operation name, or the
/// native function's name).
pub fn internal(py: Python<'_>, panic: &Panic, operation: &str) -> PyErr {
    let details = panic.to_json(Some(operation));
    let message = details["message"].as_str().unwrap_or_default().to_string();
    from_json(py, &details, &message)
}

/// Run an entry point's body behind the panic boundary: a panic becomes
/// `phonecom.InternalError` naming `operation`.
///
/// ```ignore
/// #[pyfunction]
/// fn e164_normalize(py: Python<'_>, number: &str) -> PyResult<String> {
///     guard(py, "numbers.normalize_e164", || e164::normalize(number).map_err(...).py_err(py))
/// }
/// ```
pub fn guard<T>(
    py: Python<'_>,
    operation: &str,
    body: impl FnOnce() -> PyResult<T>,
) -> PyResult<T> {
    catch(body).unwrap_or_else(|panic| Err(internal(py, &panic, operation)))
}

/// `Result<T, phonecom::Error>` to `PyResult<T>`.
pub trait IntoPyResult<T> {
    /// Convert the error, if any, to its Python exception.
    fn py_err(self, py: Python<'_>) -> PyResult<T>;
}

impl<T> IntoPyResult<T> for Result<T, phonecom::Error> {
    fn py_err(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|e| to_pyerr(py, &e))
    }
}
