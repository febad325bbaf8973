//! Plain functions of the core: the catalog, Express Sign-Up helpers, E.164 and vanity numbers.
//! The Python modules `phonecom.express` and `phonecom.numbers` wrap them.

use crate::convert::{to_json, to_py};
use crate::errors::IntoPyResult;
use phonecom::types::{e164, vanity};
use phonecom::{Error, ErrorKind};
use pyo3::prelude::*;

/// The whole catalog as a JSON document: `{"version", "operations": [...]}`.
#[pyfunction]
fn catalog_json() -> String {
    phonecom::catalog().to_json().to_string()
}

/// Every error kind's stable name (`validation`, `rate_limited`, ...).
#[pyfunction]
fn error_kinds() -> Vec<&'static str> {
    ErrorKind::ALL.iter().map(|k| k.as_str()).collect()
}

/// Express Sign-Up user name `<partner>-<user_id>`.
#[pyfunction]
fn express_username(py: Python<'_>, partner: &str, user_id: &str) -> PyResult<String> {
    phonecom::express::username(partner, user_id).py_err(py)
}

/// A long random password from the OS CSPRNG. `length` may be any int: one that does not fit a
/// `usize` (negative, or huge) gets the core's validation error, not an `OverflowError`.
#[pyfunction]
#[pyo3(signature = (length=None))]
fn express_generate_password(
    py: Python<'_>,
    length: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    let len = match length {
        None => phonecom::express::PASSWORD_LEN,
        Some(n) => match n.extract::<usize>() {
            Ok(len) => len,
            // An int out of range (a non-int keeps its TypeError).
            Err(_) if n.is_instance_of::<pyo3::types::PyInt>() => {
                return Result::<String, Error>::Err(length_out_of_range(&n.to_string())).py_err(py)
            }
            Err(e) => return Err(e),
        },
    };
    phonecom::express::generate_password(len)
        .map(|s| s.expose().to_string())
        .py_err(py)
}

/// The core's refusal of a password length, for one that `generate_password` cannot even take.
fn length_out_of_range(got: &str) -> Error {
    use phonecom::express::{PASSWORD_MAX_LEN, PASSWORD_MIN_LEN};
    Error::validation(
        "express.signup",
        "length",
        &format!("must be from {PASSWORD_MIN_LEN} to {PASSWORD_MAX_LEN} (got {got})"),
    )
}

/// Check a contact against the guide's rules; returns it normalised.
#[pyfunction]
fn express_validate_contact<'py>(
    py: Python<'py>,
    contact: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let op = "express.validate_contact";
    let value = to_json(contact, op, "contact").py_err(py)?;
    let c = phonecom::express::validate_contact(&value).py_err(py)?;
    let out = serde_json::to_value(&c)
        .map_err(|e| Error::new(ErrorKind::Decode, format!("contact: {e}")))
        .py_err(py)?;
    to_py(py, &out)
}

fn number_error(op: &str, field: &str, rule: String) -> Error {
    Error::validation(op, field, &rule)
}

/// Refuse anything that is not E.164.
#[pyfunction]
fn e164_check(py: Python<'_>, number: &str) -> PyResult<()> {
    e164::check(number)
        .map_err(|r| number_error("numbers.check_e164", "number", r))
        .py_err(py)
}

/// Normalise a human-written number to E.164.
#[pyfunction]
fn e164_normalize(py: Python<'_>, number: &str) -> PyResult<String> {
    e164::normalize(number)
        .map_err(|r| number_error("numbers.normalize_e164", "number", r))
        .py_err(py)
}

/// Whether the number is North American (`+1` and 10 digits).
#[pyfunction]
fn e164_is_nanpa(number: &str) -> bool {
    e164::is_nanpa(number)
}

/// A vanity pattern as keypad digits.
#[pyfunction]
fn vanity_to_digits(py: Python<'_>, pattern: &str) -> PyResult<String> {
    vanity::to_digits(pattern)
        .map_err(|r| number_error("numbers.vanity_to_digits", "pattern", r))
        .py_err(py)
}

/// The keypad digit of a letter, or None.
#[pyfunction]
fn vanity_letter_digit(letter: char) -> Option<char> {
    vanity::letter_digit(letter)
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(catalog_json, m)?)?;
    m.add_function(wrap_pyfunction!(error_kinds, m)?)?;
    m.add_function(wrap_pyfunction!(express_username, m)?)?;
    m.add_function(wrap_pyfunction!(express_generate_password, m)?)?;
    m.add_function(wrap_pyfunction!(express_validate_contact, m)?)?;
    m.add_function(wrap_pyfunction!(e164_check, m)?)?;
    m.add_function(wrap_pyfunction!(e164_normalize, m)?)?;
    m.add_function(wrap_pyfunction!(e164_is_nanpa, m)?)?;
    m.add_function(wrap_pyfunction!(vanity_to_digits, m)?)?;
    m.add_function(wrap_pyfunction!(vanity_letter_digit, m)?)?;
    Ok(())
}
