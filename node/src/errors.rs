//! Errors across the boundary: a `phonecom::Error` travels as its JSON (every structured field,
//! secrets already masked by core) behind a fixed prefix; `lib/errors.js` turns it into the
//! `PhoneComError` subclass of its kind.
//!
//! Every export runs behind the panic boundary ([`guard`] here, [`crate::blocking::run`] for
//! network calls): a panic inside the library travels the same way, as kind `internal`
//! (`InternalError`, code `PHONECOM_INTERNAL`), with nothing printed on stderr (see
//! `phonecom::boundary`). Without it, a panic in a synchronous export would abort Node, and one
//! on a worker thread would surface as a bare `GenericFailure` with a backtrace on stderr.

use phonecom::boundary::{catch, Panic};

/// Prefix of a native error message that carries a `phonecom::Error` as JSON.
pub(crate) const PREFIX: &str = "PHONECOM_ERROR_JSON:";

/// The native error for `e`.
pub(crate) fn to_js(e: &phonecom::Error) -> napi::Error {
    napi::Error::from_reason(format!("{PREFIX}{}", e.to_json()))
}

/// The native error for a panic caught in `operation`.
pub(crate) fn internal(panic: &Panic, operation: &str) -> napi::Error {
    napi::Error::from_reason(format!("{PREFIX}{}", panic.to_json(Some(operation))))
}

/// Run a synchronous export's body behind the panic boundary.
///
/// ```ignore
/// #[napi]
/// pub fn e164_normalize(number: String) -> napi::Result<String> {
///     guard("numbers.normalize", || e164::normalize(&number).map_err(...))
/// }
/// ```
pub(crate) fn guard<T>(operation: &str, body: impl FnOnce() -> napi::Result<T>) -> napi::Result<T> {
    catch(body).unwrap_or_else(|panic| Err(internal(&panic, operation)))
}

/// A validation error about an argument of a binding function (no operation involved).
pub(crate) fn invalid(operation: &str, field: &str, rule: &str) -> napi::Error {
    to_js(&phonecom::Error::validation(operation, field, rule))
}

/// Parse a JSON argument the JS layer produced with `JSON.stringify`.
pub(crate) fn parse(operation: &str, field: &str, text: &str) -> napi::Result<serde_json::Value> {
    serde_json::from_str(text).map_err(|e| invalid(operation, field, &format!("is not JSON: {e}")))
}
