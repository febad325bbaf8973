//! Lists as Python lists, each row of a list of rows (a 500-row `xml.getCallList`, a v4 page)
//! made from the previous row's dict: rows repeat the same keys, and making each row's dict
//! from scratch (a Python string per key, decoded, allocated and hashed, then the dict grown
//! and its keys inserted again as it fills) was a large share of the conversion. A row with the
//! same keys in the same order as the previous one starts as a copy of that row's dict (its key
//! table copied whole, nothing hashed or grown), then takes its own values; any other row is
//! made key by key and becomes the template, so rows of different shapes convert exactly as
//! before.
//!
//! ```text
//! [{"id": "1", "duration": 5}, {"id": "2", "duration": 7}]  ->  2 key strings, 1 dict copied
//! ```

use crate::convert::to_py;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use serde_json::{Map, Value};

/// The last object row made key by key: its keys (the Rust text and the Python string) and
/// its dict, which the next row of the same keys copies.
struct Template<'a, 'py> {
    keys: Vec<(&'a str, Bound<'py, PyString>)>,
    dict: Bound<'py, PyDict>,
}

impl<'a, 'py> Template<'a, 'py> {
    /// Whether `row` has exactly these keys, in this order.
    fn fits(&self, row: &Map<String, Value>) -> bool {
        row.len() == self.keys.len()
            && row
                .keys()
                .zip(&self.keys)
                .all(|(key, (text, _))| key.as_str() == *text)
    }

    /// `row` as a copy of the template's dict with the row's values.
    fn fill(&self, py: Python<'py>, row: &'a Map<String, Value>) -> PyResult<Bound<'py, PyDict>> {
        let dict = self.dict.copy()?;
        for ((_, key), value) in self.keys.iter().zip(row.values()) {
            dict.set_item(key, to_py(py, value)?)?;
        }
        Ok(dict)
    }

    /// `row` made key by key, as the new template.
    fn make(py: Python<'py>, row: &'a Map<String, Value>) -> PyResult<Template<'a, 'py>> {
        let dict = PyDict::new(py);
        let mut keys = Vec::with_capacity(row.len());
        for (key, value) in row {
            let made = PyString::new(py, key);
            dict.set_item(&made, to_py(py, value)?)?;
            keys.push((key.as_str(), made));
        }
        Ok(Template { keys, dict })
    }
}

/// `items` as a Python list (objects as dicts in the upstream's key order).
pub fn list_to_py<'py>(py: Python<'py>, items: &[Value]) -> PyResult<Bound<'py, PyAny>> {
    let mut template: Option<Template<'_, 'py>> = None;
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let Value::Object(row) = item else {
            out.push(to_py(py, item)?);
            continue;
        };
        let dict = match &template {
            Some(t) if t.fits(row) => t.fill(py, row)?,
            _ => {
                let made = Template::make(py, row)?;
                let dict = made.dict.clone();
                template = Some(made);
                dict
            }
        };
        out.push(dict.into_any());
    }
    Ok(PyList::new(py, out)?.into_any())
}
