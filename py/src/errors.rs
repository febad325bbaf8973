//! Core errors to Python exceptions: `phonecom._errors._from_native(details)` picks the
//! `PhoneComError` subclass of the error's kind and fills its attributes from
//! [`phonecom::Error::to_json`] (already free of secrets).

use crate::convert::to_py;
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;

static FROM_NATIVE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// The Python exception for a core error.
pub fn to_pyerr(py: Python<'_>, e: &phonecom::Error) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let factory = FROM_NATIVE.import(py, "phonecom._errors", "_from_native")?;
        let details = to_py(py, &e.to_json())?;
        Ok(PyErr::from_value(factory.call1((details,))?))
    };
    build().unwrap_or_else(|_| PyRuntimeError::new_err(e.to_string()))
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
