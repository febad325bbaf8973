//! Small helpers of the numbers.online handlers: bodies, numbers, timestamps, money.

use super::errors::{bad_request, not_bound};
use super::Cx;
use crate::clock;
use crate::http::Response;
use serde_json::{json, Map, Value};

/// A JSON object body.
pub type Body = Map<String, Value>;

/// The JSON body as an object; empty bodies are an empty object.
pub fn body(cx: &Cx) -> Result<Body, Response> {
    if cx.req.body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Body::new());
    }
    match serde_json::from_slice::<Value>(&cx.req.body) {
        Ok(Value::Object(m)) => Ok(m),
        Ok(_) => Err(bad_request("The body must be a JSON object.")),
        Err(e) => Err(bad_request(&format!("The body is not valid JSON: {e}."))),
    }
}

/// An E.164 number: `+` and 8 to 15 digits not starting with 0. A bare digit string of 8 to
/// 15 digits is read with a `+` in front (the `{e164}` slug form).
pub fn e164(s: &str) -> Option<String> {
    let s = s.trim();
    let digits = s.strip_prefix('+').unwrap_or(s);
    ((8..=15).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0'))
    .then(|| format!("+{digits}"))
}

/// An RFC 3339 timestamp.
pub fn ts(epoch: i64) -> Value {
    json!(clock::rfc3339(epoch))
}

/// An optional RFC 3339 timestamp (null when absent).
pub fn opt_ts(epoch: Option<i64>) -> Value {
    epoch.map_or(Value::Null, ts)
}

/// Microdollars as a 2-decimal USD string (`5000000` -> `"5.00"`).
pub fn usd(micros: i64) -> String {
    let cents = micros / 10_000;
    format!("{}.{:02}", cents / 100, cents % 100)
}

/// The `{e164}` path parameter, when it is bound to the caller's account; 404 otherwise.
pub fn bound(cx: &Cx) -> Result<String, Response> {
    let raw = cx.param().to_string();
    let account = cx.account();
    match e164(&raw) {
        Some(n) if cx.w.phone(&n).is_some_and(|p| p.account == account) => Ok(n),
        Some(n) => Err(not_bound(&n)),
        None => Err(not_bound(&raw)),
    }
}

/// An optional string field; 400 when it is not a string.
pub fn opt_str(b: &Body, field: &str) -> Result<Option<String>, Response> {
    match b.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(bad_request(&format!("`{field}` must be a string."))),
    }
}

/// An optional boolean field; 400 when it is not a boolean.
pub fn opt_bool(b: &Body, field: &str) -> Result<Option<bool>, Response> {
    match b.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(v)) => Ok(Some(*v)),
        Some(_) => Err(bad_request(&format!("`{field}` must be a boolean."))),
    }
}

/// Whether `s` looks like an email address (something@something.tld).
pub fn is_email(s: &str) -> bool {
    let Some((user, domain)) = s.split_once('@') else {
        return false;
    };
    !user.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.contains(char::is_whitespace)
        && !domain.contains('@')
}

/// Whether `s` is a UUID (8-4-4-4-12 hex digits).
pub fn is_uuid(s: &str) -> bool {
    let groups: Vec<&str> = s.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_money_emails() {
        assert_eq!(e164("+14155550142").as_deref(), Some("+14155550142"));
        assert_eq!(e164("14155550142").as_deref(), Some("+14155550142"));
        assert_eq!(e164("+0415"), None);
        assert_eq!(e164("+1415555014x"), None);
        assert_eq!(usd(5_000_000), "5.00");
        assert_eq!(usd(5_120_000), "5.12");
        assert!(is_email("ops@acme.example"));
        assert!(!is_email("ops@acme") && !is_email("a b@c.d") && !is_email("@c.d"));
        assert!(is_uuid("06283513-14f5-11e3-a398-91e4dd3a21e9"));
        assert!(!is_uuid("06283513"));
    }
}
