//! Lists as Python lists, with the keys of their rows made once per list: a list of rows (a
//! 500-row `xml.getCallList`, a v4 page) repeats the same keys in every row, and making a
//! Python string of each key of each row (decoding, allocating and hashing it anew) was a
//! large share of the conversion. A key is reused while the rows keep the previous row's keys
//! in the same place; any other key is made and remembered, so rows of different shapes
//! convert exactly as before.
//!
//! ```text
//! [{"id": "1", "duration": 5}, {"id": "2", "duration": 7}]  ->  2 key strings, not 4
//! ```

use crate::convert::to_py;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use serde_json::Value;

/// `items` as a Python list (objects as dicts in the upstream's key order).
pub fn list_to_py<'py>(py: Python<'py>, items: &[Value]) -> PyResult<Bound<'py, PyAny>> {
    // The keys of the last object row, by position: the Rust text and its Python string.
    let mut keys: Vec<(&str, Bound<'py, PyString>)> = Vec::new();
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let Value::Object(row) = item else {
            out.push(to_py(py, item)?);
            continue;
        };
        let dict = PyDict::new(py);
        for (i, (key, value)) in row.iter().enumerate() {
            let key = match keys.get(i) {
                Some((text, made)) if *text == key.as_str() => made.clone(),
                _ => {
                    let made = PyString::new(py, key);
                    keys.truncate(i);
                    keys.push((key.as_str(), made.clone()));
                    made
                }
            };
            dict.set_item(key, to_py(py, value)?)?;
        }
        out.push(dict.into_any());
    }
    Ok(PyList::new(py, out)?.into_any())
}
