//! Call control (core's `phonecom::callcontrol`) as plain conversions: requests and commands go
//! in as text or Python dicts and come back as the core's JSON forms. Parsing, classification and
//! every rule of a command are the core's; `phonecom.callcontrol` wraps these in a
//! `CallRequest` dataclass, typed command dicts and the WSGI helper.

use crate::convert::{to_json, to_py};
use crate::errors::{guard, IntoPyResult};
use phonecom::callcontrol::{render_json, CallRequest, Command, COMMANDS, VOICE_TAG_MAX};
use pyo3::prelude::*;

/// A query string, form body or URL from Phone.com, parsed: the core's JSON form
/// (`{"event", "uniqueID", "dialedNumber", ..., "extra"}`).
#[pyfunction]
fn callcontrol_parse_request<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    guard(py, "callcontrol.request", || {
        let req = CallRequest::parse(text).py_err(py)?;
        to_py(py, &req.to_json())
    })
}

/// A request given as a dict of fields (the document's names), checked and classified: the
/// same JSON form as `callcontrol_parse_request`.
#[pyfunction]
fn callcontrol_request_from_dict<'py>(
    py: Python<'py>,
    fields: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, "callcontrol.request", || {
        let value = to_json(fields, "callcontrol.request", "request").py_err(py)?;
        let req = CallRequest::from_json(&value).py_err(py)?;
        to_py(py, &req.to_json())
    })
}

/// A request given as a dict of fields, as the query string Phone.com would send.
#[pyfunction]
fn callcontrol_request_to_query(py: Python<'_>, fields: &Bound<'_, PyAny>) -> PyResult<String> {
    guard(py, "callcontrol.request", || {
        let value = to_json(fields, "callcontrol.request", "request").py_err(py)?;
        Ok(CallRequest::from_json(&value).py_err(py)?.to_query())
    })
}

/// The `text/plain` line of a command given as a dict (`{"command": "simple-forward", ...}`).
#[pyfunction]
fn callcontrol_render(py: Python<'_>, command: &Bound<'_, PyAny>) -> PyResult<String> {
    guard(py, "callcontrol.render", || {
        let value = to_json(command, "callcontrol.render", "command").py_err(py)?;
        render_json(&value).py_err(py)
    })
}

/// A command line checked by the rules and written back canonically (`+` dropped from numbers).
#[pyfunction]
fn callcontrol_check_line(py: Python<'_>, line: &str) -> PyResult<String> {
    guard(py, "callcontrol.render", || {
        Command::parse(line).and_then(|c| c.render()).py_err(py)
    })
}

/// A command line as the command's dict.
#[pyfunction]
fn callcontrol_parse_command<'py>(py: Python<'py>, line: &str) -> PyResult<Bound<'py, PyAny>> {
    guard(py, "callcontrol.parse_command", || {
        let cmd = Command::parse(line).py_err(py)?;
        to_py(py, &cmd.to_json())
    })
}

/// The core's HTTP policy for a request (`admit`): `None` to go on, or the `(status, body)` to
/// answer at once (405, 413, 415, 400).
#[pyfunction]
#[pyo3(signature = (method, content_type=None, content_length=None))]
fn callcontrol_admit(
    py: Python<'_>,
    method: &str,
    content_type: Option<&str>,
    content_length: Option<&str>,
) -> PyResult<Option<(u16, String)>> {
    guard(py, "callcontrol.admit", || {
        Ok(
            phonecom::callcontrol::admit(method, content_type, content_length)
                .err()
                .map(|a| (a.status, a.body)),
        )
    })
}

/// The core's answer to a body over `CALLCONTROL_MAX_BODY` bytes: `(413, body)`.
#[pyfunction]
fn callcontrol_body_too_large(py: Python<'_>, size: u64) -> PyResult<(u16, String)> {
    guard(py, "callcontrol.body_too_large", || {
        let a = phonecom::callcontrol::body_too_large(size);
        Ok((a.status, a.body))
    })
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("CALLCONTROL_COMMANDS", COMMANDS.to_vec())?;
    m.add("CALLCONTROL_VOICE_TAG_MAX", VOICE_TAG_MAX)?;
    m.add(
        "CALLCONTROL_CONTENT_TYPE",
        phonecom::callcontrol::CONTENT_TYPE,
    )?;
    m.add_function(wrap_pyfunction!(callcontrol_parse_request, m)?)?;
    m.add_function(wrap_pyfunction!(callcontrol_request_from_dict, m)?)?;
    m.add_function(wrap_pyfunction!(callcontrol_request_to_query, m)?)?;
    m.add_function(wrap_pyfunction!(callcontrol_render, m)?)?;
    m.add_function(wrap_pyfunction!(callcontrol_check_line, m)?)?;
    m.add_function(wrap_pyfunction!(callcontrol_parse_command, m)?)?;
    m.add("CALLCONTROL_MAX_BODY", phonecom::callcontrol::MAX_BODY)?;
    m.add("CALLCONTROL_ALLOW", phonecom::callcontrol::ALLOW)?;
    m.add_function(wrap_pyfunction!(callcontrol_admit, m)?)?;
    m.add_function(wrap_pyfunction!(callcontrol_body_too_large, m)?)?;
    Ok(())
}
