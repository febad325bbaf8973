//! [`CallOptions`]: per-call overrides of the client's limits, and extra request headers.
//!
//! ```
//! use phonecom::CallOptions;
//! use std::time::Duration;
//! let opts = CallOptions {
//!     attempt_timeout: Some(Duration::from_secs(5)),
//!     deadline: Some(Duration::from_secs(20)),
//!     headers: vec![("Idempotency-Key".into(), "order-4471".into())],
//!     ..CallOptions::default()
//! };
//! // The same as JSON, the form C and PHP pass (milliseconds):
//! let same = CallOptions::from_json(&serde_json::json!({
//!     "attempt_timeout_ms": 5000, "deadline_ms": 20000,
//!     "headers": {"Idempotency-Key": "order-4471"},
//! })).unwrap();
//! assert_eq!(same.attempt_timeout, opts.attempt_timeout);
//! assert_eq!(same.headers, opts.headers);
//! ```

use crate::error::{Error, Result};
use serde_json::Value;
use std::time::Duration;

/// Headers the library sets itself, which a call may not set or override.
const RESERVED_HEADERS: &[&str] = &[
    "authorization",
    "proxy-authorization",
    "x-api-key",
    "host",
    "content-length",
    "transfer-encoding",
    "connection",
    "user-agent",
    "content-type",
    "x-request-id",
];

/// Most extra headers one call may carry.
pub const MAX_EXTRA_HEADERS: usize = 32;

/// Longest value of an extra header, in bytes.
pub const MAX_HEADER_VALUE: usize = 4096;

/// Per-call overrides of the client's settings. `Debug` shows the extra headers' names only.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct CallOptions {
    /// Time one attempt may take (overrides `timeouts.attempt_ms`).
    pub attempt_timeout: Option<Duration>,
    /// Time the whole call may take, retries and waits included (overrides `retry.deadline_ms`).
    pub deadline: Option<Duration>,
    /// Attempts in total (1 disables retries).
    pub max_attempts: Option<u32>,
    /// Extra request headers, sent on every attempt of this call. Checked before sending: a
    /// name is an HTTP token; a value is visible ASCII, spaces or tabs (no CR or LF), at most
    /// 4096 bytes; at most 32 headers; and none of the headers the library sets itself
    /// (`Authorization`, `Proxy-Authorization`, `X-API-Key`, `Host`, `Content-Length`,
    /// `Transfer-Encoding`, `Connection`, `User-Agent` (set `app_info` in the configuration
    /// instead), `Content-Type`, `X-Request-Id`). A composed flow (`express.*`) refuses extra
    /// headers: it makes several requests of its own.
    pub headers: Vec<(String, String)>,
}

impl std::fmt::Debug for CallOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<&str> = self.headers.iter().map(|(k, _)| k.as_str()).collect();
        f.debug_struct("CallOptions")
            .field("attempt_timeout", &self.attempt_timeout)
            .field("deadline", &self.deadline)
            .field("max_attempts", &self.max_attempts)
            .field("headers", &names)
            .finish()
    }
}

impl CallOptions {
    /// Options from a JSON object: `attempt_timeout_ms`, `deadline_ms` (positive integers),
    /// `max_attempts` (1 to 100) and `headers` (an object of strings); null or `{}` for none.
    /// Unknown keys and wrong types are refused naming the key (the values are checked as by
    /// [`CallOptions::check`] when the call runs).
    pub fn from_json(value: &Value) -> Result<CallOptions> {
        let mut opts = CallOptions::default();
        let map = match value {
            Value::Null => return Ok(opts),
            Value::Object(m) => m,
            _ => return Err(invalid("options", "must be a JSON object")),
        };
        for (key, v) in map {
            match key.as_str() {
                "attempt_timeout_ms" => opts.attempt_timeout = millis(key, v)?,
                "deadline_ms" => opts.deadline = millis(key, v)?,
                "max_attempts" => {
                    opts.max_attempts = match v {
                        Value::Null => None,
                        _ => match v.as_u64().filter(|n| (1..=100).contains(n)) {
                            Some(n) => Some(n as u32),
                            None => return Err(invalid(key, "must be an integer from 1 to 100")),
                        },
                    }
                }
                "headers" => opts.headers = header_pairs(v)?,
                _ => {
                    return Err(invalid(
                        key,
                        "is not a call option (known: attempt_timeout_ms, deadline_ms, max_attempts, headers)",
                    ))
                }
            }
        }
        Ok(opts)
    }

    /// Refuse, naming the field and the rule, limits of 0 (they would fail the call before it
    /// starts) and extra headers the rules of [`CallOptions::headers`] do not allow.
    pub fn check(&self, operation: &str) -> Result<()> {
        for (field, d) in [
            ("attempt_timeout", self.attempt_timeout),
            ("deadline", self.deadline),
        ] {
            if d.is_some_and(|d| d.is_zero()) {
                return Err(Error::validation(
                    operation,
                    field,
                    "must be above 0 ms (0 would fail the call)",
                ));
            }
        }
        if self.max_attempts == Some(0) {
            return Err(Error::validation(
                operation,
                "max_attempts",
                "must be at least 1",
            ));
        }
        if self.headers.len() > MAX_EXTRA_HEADERS {
            return Err(Error::validation(
                operation,
                "headers",
                &format!("at most {MAX_EXTRA_HEADERS} extra headers per call"),
            ));
        }
        for (name, value) in &self.headers {
            if let Some(rule) = header_rule(name, value) {
                return Err(Error::validation(operation, &header_field(name), &rule));
            }
        }
        Ok(())
    }
}

/// Why a header cannot be sent as an extra header, if it cannot.
fn header_rule(name: &str, value: &str) -> Option<String> {
    let is_token_char = |b: u8| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b);
    if name.is_empty() || name.len() > 128 || !name.bytes().all(is_token_char) {
        return Some(
            "is not a header name (1 to 128 letters, digits or !#$%&'*+-.^_`|~; no spaces, CR or LF)"
                .into(),
        );
    }
    let lower = name.to_ascii_lowercase();
    if RESERVED_HEADERS.contains(&lower.as_str()) {
        let hint = if lower == "user-agent" {
            " (add your application to it with `app_info` in the configuration)"
        } else {
            ""
        };
        return Some(format!(
            "is set by the library and cannot be set per call{hint}"
        ));
    }
    if value.bytes().any(|b| b == b'\r' || b == b'\n') {
        return Some("must not contain CR or LF (a line break would split the header)".into());
    }
    if !value
        .bytes()
        .all(|b| b == b' ' || b == b'\t' || b.is_ascii_graphic())
    {
        return Some(
            "must be visible ASCII, spaces or tabs (no control or non-ASCII characters)".into(),
        );
    }
    if value.len() > MAX_HEADER_VALUE {
        return Some(format!("must be at most {MAX_HEADER_VALUE} bytes"));
    }
    None
}

/// The field an extra header's error names: `headers.X-Name`, or `headers` for a name that
/// cannot be shown as one (it holds a space, a line break or another control character).
fn header_field(name: &str) -> String {
    if name.bytes().all(|b| b.is_ascii_graphic()) && name.len() <= 128 {
        format!("headers.{name}")
    } else {
        "headers".into()
    }
}

fn millis(key: &str, v: &Value) -> Result<Option<Duration>> {
    match v {
        Value::Null => Ok(None),
        _ => match v.as_u64().filter(|n| *n > 0) {
            Some(n) => Ok(Some(Duration::from_millis(n))),
            None => Err(invalid(key, "must be a positive integer of milliseconds")),
        },
    }
}

fn header_pairs(v: &Value) -> Result<Vec<(String, String)>> {
    match v {
        Value::Null => Ok(Vec::new()),
        Value::Object(m) => m
            .iter()
            .map(|(k, v)| match v {
                Value::String(s) => Ok((k.clone(), s.clone())),
                _ => Err(invalid(&header_field(k), "must be a string")),
            })
            .collect(),
        _ => Err(invalid(
            "headers",
            "must be an object of header names to strings",
        )),
    }
}

fn invalid(field: &str, rule: &str) -> Error {
    Error::validation("", field, rule)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn headers(pairs: &[(&str, &str)]) -> CallOptions {
        CallOptions {
            headers: pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            ..CallOptions::default()
        }
    }

    #[test]
    fn extra_headers_are_refused_naming_the_field_and_the_rule() {
        for (name, value, field, rule) in [
            ("X-Trace", "a\r\nInjected: 1", "headers.X-Trace", "CR or LF"),
            ("X-Trace", "caf\u{e9}", "headers.X-Trace", "visible ASCII"),
            ("Bad Name", "1", "headers", "not a header name"),
            ("X-A\r\nB", "1", "headers", "not a header name"),
            (
                "Authorization",
                "Bearer x",
                "headers.Authorization",
                "set by the library",
            ),
            ("host", "evil.example", "headers.host", "set by the library"),
            (
                "Content-Length",
                "5",
                "headers.Content-Length",
                "set by the library",
            ),
            ("User-Agent", "me", "headers.User-Agent", "app_info"),
        ] {
            let e = headers(&[(name, value)])
                .check("v4.get-account")
                .unwrap_err();
            let shown = e.to_string();
            assert_eq!(e.kind(), crate::ErrorKind::Validation, "{shown}");
            assert_eq!(e.fields()[0].field, field, "{shown}");
            assert!(shown.contains(rule), "{shown}");
        }
        headers(&[("Idempotency-Key", "order 4471"), ("X-Trace", "a\tb")])
            .check("v4.get-account")
            .unwrap();
    }

    #[test]
    fn options_from_json_name_the_key_they_refuse() {
        let o = CallOptions::from_json(&json!({"max_attempts": 1, "headers": {"X-A": "1"}}));
        assert_eq!(o.unwrap().max_attempts, Some(1));
        assert_eq!(
            CallOptions::from_json(&Value::Null).unwrap(),
            CallOptions::default()
        );
        for (doc, field) in [
            (json!({"timeout_ms": 5}), "timeout_ms"),
            (json!({"deadline_ms": 0}), "deadline_ms"),
            (json!({"attempt_timeout_ms": -1}), "attempt_timeout_ms"),
            (json!({"max_attempts": 0}), "max_attempts"),
            (json!({"headers": {"X-A": 1}}), "headers.X-A"),
            (json!({"headers": ["X-A"]}), "headers"),
            (json!([1]), "options"),
        ] {
            let e = CallOptions::from_json(&doc).unwrap_err();
            assert_eq!(e.fields()[0].field, field, "{e}");
        }
    }

    #[test]
    fn debug_shows_header_names_only() {
        let shown = format!("{:?}", headers(&[("X-Partner-Sig", "sig-value-123")]));
        assert!(shown.contains("X-Partner-Sig") && !shown.contains("sig-value-123"));
    }
}
