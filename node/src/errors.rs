//! Errors across the boundary: a `phonecom::Error` travels as its JSON (every structured field,
//! secrets already masked by core) behind a fixed prefix; `lib/errors.js` turns it into the
//! `PhoneComError` subclass of its kind.

/// Prefix of a native error message that carries a `phonecom::Error` as JSON.
pub(crate) const PREFIX: &str = "PHONECOM_ERROR_JSON:";

/// The native error for `e`.
pub(crate) fn to_js(e: &phonecom::Error) -> napi::Error {
    napi::Error::from_reason(format!("{PREFIX}{}", e.to_json()))
}

/// A validation error about an argument of a binding function (no operation involved).
pub(crate) fn invalid(operation: &str, field: &str, rule: &str) -> napi::Error {
    to_js(&phonecom::Error::validation(operation, field, rule))
}

/// Parse a JSON argument the JS layer produced with `JSON.stringify`.
pub(crate) fn parse(operation: &str, field: &str, text: &str) -> napi::Result<serde_json::Value> {
    serde_json::from_str(text).map_err(|e| invalid(operation, field, &format!("is not JSON: {e}")))
}
