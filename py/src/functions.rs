//! Plain functions of the core: the catalog, Express Sign-Up helpers, E.164 and vanity numbers.
//! The Python modules `phonecom.express` and `phonecom.numbers` wrap them. Each runs behind the
//! panic boundary ([`guard`]).

use crate::convert::{to_json, to_py};
use crate::errors::{guard, IntoPyResult};
use phonecom::types::{e164, vanity};
use phonecom::{Error, ErrorKind};
use pyo3::prelude::*;

/// The whole catalog as a JSON document: `{"version", "operations": [...]}`.
#[pyfunction]
fn catalog_json(py: Python<'_>) -> PyResult<String> {
    guard(py, "catalog", || {
        Ok(phonecom::catalog().to_json().to_string())
    })
}

/// Catalog names close to `name`, best first (the core's ranking, for "did you mean").
#[pyfunction]
fn suggest(py: Python<'_>, name: &str) -> PyResult<Vec<String>> {
    guard(py, "suggest", || {
        Ok(phonecom::catalog()
            .suggest(name)
            .into_iter()
            .map(str::to_string)
            .collect())
    })
}

/// Every error kind's stable name (`validation`, `rate_limited`, ...).
#[pyfunction]
fn error_kinds(py: Python<'_>) -> PyResult<Vec<&'static str>> {
    guard(py, "error_kinds", || {
        Ok(ErrorKind::ALL.iter().map(|k| k.as_str()).collect())
    })
}

/// A per-call time limit in seconds, checked by the core's rule (`field` is the option's
/// Python spelling, e.g. `timeouts.per_attempt`); returns it unchanged.
#[pyfunction]
fn call_time_limit(py: Python<'_>, field: &str, seconds: f64) -> PyResult<f64> {
    guard(py, "call_time_limit", || {
        let limit = phonecom::call_options::time_limit(
            "",
            field,
            seconds,
            phonecom::call_options::TimeUnit::Seconds,
        );
        limit.py_err(py).map(|_| seconds)
    })
}

/// A configuration duration in seconds as the core's milliseconds, checked by the rule of the
/// core's `setting` (`retry.base_delay_ms`); the error names `field`, the setting's Python
/// spelling (`retry.base_delay`).
#[pyfunction]
fn config_duration_ms(py: Python<'_>, field: &str, setting: &str, seconds: f64) -> PyResult<u64> {
    guard(py, "config_duration_ms", || {
        phonecom::config_duration::setting_ms(
            setting,
            field,
            seconds,
            phonecom::call_options::TimeUnit::Seconds,
        )
        .py_err(py)
    })
}

/// A call's `max_attempts`, checked by the core's rule.
#[pyfunction]
fn call_attempts(py: Python<'_>, field: &str, count: f64) -> PyResult<u32> {
    guard(py, "call_attempts", || {
        phonecom::call_options::attempts("", field, count).py_err(py)
    })
}

/// Express Sign-Up user name `<partner>-<user_id>`.
#[pyfunction]
fn express_username(py: Python<'_>, partner: &str, user_id: &str) -> PyResult<String> {
    guard(py, "express.username", || {
        phonecom::express::username(partner, user_id).py_err(py)
    })
}

/// A long random password from the OS CSPRNG. `length` may be any int: one that does not fit a
/// `usize` (negative, or huge) gets the core's validation error, not an `OverflowError`.
#[pyfunction]
#[pyo3(signature = (length=None))]
fn express_generate_password(
    py: Python<'_>,
    length: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    guard(py, "express.generate_password", || {
        let len = match length {
            None => phonecom::express::PASSWORD_LEN,
            Some(n) => match n.extract::<usize>() {
                Ok(len) => len,
                // An int out of range (a non-int keeps its TypeError).
                Err(_) if n.is_instance_of::<pyo3::types::PyInt>() => {
                    return Result::<String, Error>::Err(length_out_of_range(&n.to_string()))
                        .py_err(py)
                }
                Err(e) => return Err(e),
            },
        };
        phonecom::express::generate_password(len)
            .map(|s| s.expose().to_string())
            .py_err(py)
    })
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
    guard(py, op, || {
        let value = to_json(contact, op, "contact").py_err(py)?;
        let c = phonecom::express::validate_contact(&value).py_err(py)?;
        let out = serde_json::to_value(&c)
            .map_err(|e| Error::new(ErrorKind::Decode, format!("contact: {e}")))
            .py_err(py)?;
        to_py(py, &out)
    })
}

/// A number helper's result, its rule as a validation error on `field` of `op`, behind the
/// panic boundary.
fn number<T>(
    py: Python<'_>,
    op: &str,
    field: &str,
    f: impl FnOnce() -> Result<T, String>,
) -> PyResult<T> {
    guard(py, op, || {
        f().map_err(|rule| Error::validation(op, field, &rule))
            .py_err(py)
    })
}

/// Refuse anything that is not E.164.
#[pyfunction]
fn e164_check(py: Python<'_>, number: &str) -> PyResult<()> {
    self::number(py, "numbers.check_e164", "number", || e164::check(number))
}

/// Normalise a human-written number to E.164.
#[pyfunction]
fn e164_normalize(py: Python<'_>, number: &str) -> PyResult<String> {
    self::number(py, "numbers.normalize_e164", "number", || {
        e164::normalize(number)
    })
}

/// Whether the number is North American (`+1` and 10 digits).
#[pyfunction]
fn e164_is_nanpa(py: Python<'_>, number: &str) -> PyResult<bool> {
    guard(py, "numbers.is_nanpa", || Ok(e164::is_nanpa(number)))
}

/// A vanity pattern as keypad digits.
#[pyfunction]
fn vanity_to_digits(py: Python<'_>, pattern: &str) -> PyResult<String> {
    number(py, "numbers.vanity_to_digits", "pattern", || {
        vanity::to_digits(pattern)
    })
}

/// The keypad digit of a letter, or None.
#[pyfunction]
fn vanity_letter_digit(py: Python<'_>, letter: char) -> PyResult<Option<char>> {
    guard(py, "numbers.letter_digit", || {
        Ok(vanity::letter_digit(letter))
    })
}

/// Test-only, not part of the API: panics inside the library on purpose, so tests can see a
/// panic become `phonecom.InternalError` with nothing on stderr.
#[pyfunction]
fn _panic_for_test(py: Python<'_>) -> PyResult<()> {
    guard(py, "_panic_for_test", || {
        phonecom::boundary::panic_for_test()
    })
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(catalog_json, m)?)?;
    m.add_function(wrap_pyfunction!(error_kinds, m)?)?;
    m.add_function(wrap_pyfunction!(suggest, m)?)?;
    m.add_function(wrap_pyfunction!(call_time_limit, m)?)?;
    m.add_function(wrap_pyfunction!(call_attempts, m)?)?;
    m.add_function(wrap_pyfunction!(config_duration_ms, m)?)?;
    m.add_function(wrap_pyfunction!(express_username, m)?)?;
    m.add_function(wrap_pyfunction!(express_generate_password, m)?)?;
    m.add_function(wrap_pyfunction!(express_validate_contact, m)?)?;
    m.add_function(wrap_pyfunction!(e164_check, m)?)?;
    m.add_function(wrap_pyfunction!(e164_normalize, m)?)?;
    m.add_function(wrap_pyfunction!(e164_is_nanpa, m)?)?;
    m.add_function(wrap_pyfunction!(vanity_to_digits, m)?)?;
    m.add_function(wrap_pyfunction!(vanity_letter_digit, m)?)?;
    m.add_function(wrap_pyfunction!(_panic_for_test, m)?)?;
    m.add(
        "PANIC_FOR_TEST_SECRET",
        phonecom::boundary::PANIC_FOR_TEST_SECRET,
    )?;
    Ok(())
}
