//! Python values to JSON and back. A value that has no JSON form is refused with a validation
//! error naming where it sits (`contact.address.city`), never silently turned into something else.

use phonecom::encode::base64_encode;
use phonecom::{Error, ErrorKind};
use pyo3::prelude::*;
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple,
};
use serde_json::{Map, Number, Value};

/// Deepest nesting accepted (protects against self-referencing containers).
const MAX_DEPTH: usize = 64;

/// Convert `obj` (an argument called `what` of operation `op`) to JSON.
pub fn to_json(obj: &Bound<'_, PyAny>, op: &str, what: &str) -> Result<Value, Error> {
    convert(obj, what, 0).map_err(|(field, rule)| Error::validation(op, &field, &rule))
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

type Failure = (String, String);

fn convert(obj: &Bound<'_, PyAny>, path: &str, depth: usize) -> Result<Value, Failure> {
    if depth > MAX_DEPTH {
        return Err((path.into(), format!("nests deeper than {MAX_DEPTH} levels")));
    }
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.is_instance_of::<PyInt>() {
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(Value::from(i));
        }
        if let Ok(u) = obj.extract::<u64>() {
            return Ok(Value::from(u));
        }
        return Err((
            path.into(),
            "is an integer too large for JSON (64 bits)".into(),
        ));
    }
    if obj.is_instance_of::<PyFloat>() {
        let f: f64 = obj
            .extract()
            .map_err(|_| (path.to_string(), "is not a float".into()))?;
        return Number::from_f64(f).map(Value::Number).ok_or_else(|| {
            (
                path.into(),
                "must be a finite number (NaN and infinity have no JSON form)".into(),
            )
        });
    }
    if let Ok(s) = obj.cast::<PyString>() {
        let s = s
            .to_cow()
            .map_err(|_| (path.to_string(), "is not valid Unicode text".into()))?;
        return Ok(Value::String(s.into_owned()));
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut map = Map::new();
        for (k, v) in d.iter() {
            let key = key_of(&k, path)?;
            let inner = join(path, &key);
            map.insert(key, convert(&v, &inner, depth + 1)?);
        }
        return Ok(Value::Object(map));
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        let mut out = Vec::new();
        for (i, item) in obj
            .try_iter()
            .map_err(|_| (path.to_string(), "is not iterable".into()))?
            .enumerate()
        {
            let item = item.map_err(|_| (path.to_string(), "could not be iterated".into()))?;
            out.push(convert(&item, &format!("{path}[{i}]"), depth + 1)?);
        }
        return Ok(Value::Array(out));
    }
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(Value::String(base64_encode(b.as_bytes())));
    }
    if let Ok(b) = obj.cast::<PyByteArray>() {
        return Ok(Value::String(base64_encode(&b.to_vec())));
    }
    // os.PathLike: a file parameter given as a path.
    if obj.hasattr("__fspath__").unwrap_or(false) {
        let p = obj
            .call_method0("__fspath__")
            .and_then(|p| p.extract::<String>())
            .map_err(|_| (path.to_string(), "is a path that is not valid text".into()))?;
        let mut map = Map::new();
        map.insert("path".into(), Value::String(p));
        return Ok(Value::Object(map));
    }
    // Any other mapping (e.g. types.MappingProxyType, a TypedDict is a dict already).
    if obj.hasattr("keys").unwrap_or(false) && obj.hasattr("__getitem__").unwrap_or(false) {
        if let Ok(items) = obj.call_method0("items") {
            let mut map = Map::new();
            let iter = items.try_iter().map_err(|_| {
                (
                    path.to_string(),
                    "is a mapping whose items cannot be read".into(),
                )
            })?;
            for pair in iter {
                let pair = pair.map_err(|_| {
                    (
                        path.to_string(),
                        "is a mapping whose items cannot be read".into(),
                    )
                })?;
                let (k, v): (Bound<'_, PyAny>, Bound<'_, PyAny>) =
                    pair.extract().map_err(|_| {
                        (
                            path.to_string(),
                            "is a mapping whose items are not pairs".into(),
                        )
                    })?;
                let key = key_of(&k, path)?;
                let inner = join(path, &key);
                map.insert(key, convert(&v, &inner, depth + 1)?);
            }
            return Ok(Value::Object(map));
        }
    }
    let ty = obj
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "object".into());
    Err((
        path.into(),
        format!("cannot be sent: a `{ty}` has no JSON form (use dict, list, tuple, str, int, float, bool or None)"),
    ))
}

fn key_of(k: &Bound<'_, PyAny>, path: &str) -> Result<String, Failure> {
    k.cast::<PyString>()
        .ok()
        .and_then(|s| s.to_cow().ok().map(|c| c.into_owned()))
        .ok_or_else(|| {
            (
                if path.is_empty() {
                    "params".to_string()
                } else {
                    path.to_string()
                },
                "has a key that is not a string (JSON object keys are strings)".into(),
            )
        })
}

/// Convert a JSON value to the matching Python object (dicts keep the upstream's key order).
pub fn to_py<'py>(py: Python<'py>, v: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else {
                n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any()
            }
        }
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(a) => crate::rows::list_to_py(py, a)?,
        Value::Object(o) => {
            let dict = PyDict::new(py);
            for (k, item) in o {
                dict.set_item(k, to_py(py, item)?)?;
            }
            dict.into_any()
        }
    })
}

/// A configuration error (bad config document, unreadable file).
pub fn config_error(message: String) -> Error {
    Error::new(ErrorKind::Validation, message)
}
