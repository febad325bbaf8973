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
//!
//! Every rule of the options lives here, once: a time limit is at least 1 ms and at most one day
//! ([`TIME_LIMIT_RULE`]), attempts are 1 to [`MAX_ATTEMPTS`] ([`ATTEMPTS_RULE`]), and the extra
//! headers follow [`CallOptions::headers`]. The bindings only convert their units and spellings:
//! they hand the numbers their users gave to [`time_limit`] and [`attempts`] with the option's
//! name in their language, so the same bad value gets the same rule in every language.
//!
//! ```
//! use phonecom::call_options::{attempts, time_limit, TimeUnit};
//! // Python counts seconds, Node, C and PHP milliseconds: the rule is the same.
//! assert_eq!(time_limit("", "deadline", 2.5, TimeUnit::Seconds)?.as_millis(), 2500);
//! let e = time_limit("v4.get-account", "deadlineMs", 0.0, TimeUnit::Millis).unwrap_err();
//! assert_eq!(e.fields()[0].field, "deadlineMs");
//! assert_eq!(e.fields()[0].message, phonecom::call_options::TIME_LIMIT_RULE);
//! assert!(attempts("", "max_attempts", 101.0).is_err());
//! # Ok::<(), phonecom::Error>(())
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

/// Most attempts one call may make (`max_attempts`).
pub const MAX_ATTEMPTS: u32 = 100;

/// Shortest per-call time limit (`attempt_timeout`, `deadline`).
pub const MIN_TIME_LIMIT: Duration = Duration::from_millis(1);

/// Longest per-call time limit: one day.
pub const MAX_TIME_LIMIT: Duration = Duration::from_secs(86_400);

/// The rule a per-call time limit follows, as every binding's error states it.
pub const TIME_LIMIT_RULE: &str = "must be at least 1 ms and at most 1 day";

/// The rule `max_attempts` follows, as every binding's error states it.
pub const ATTEMPTS_RULE: &str = "must be an integer from 1 to 100 (1 disables retries)";

/// The unit a binding counts time limits in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeUnit {
    /// Seconds (Python).
    Seconds,
    /// Milliseconds (Node, C, PHP, the JSON form).
    Millis,
}

/// A per-call time limit given as `amount` of `unit`, checked by [`TIME_LIMIT_RULE`]; the
/// error names `field` (the option's name in the caller's language) and `operation` (may be
/// empty). Never panics: NaN, infinities and negative numbers are refused like 0.
pub fn time_limit(operation: &str, field: &str, amount: f64, unit: TimeUnit) -> Result<Duration> {
    let secs = match unit {
        TimeUnit::Seconds => amount,
        TimeUnit::Millis => amount / 1000.0,
    };
    let in_range = secs.is_finite()
        && secs >= MIN_TIME_LIMIT.as_secs_f64()
        && secs <= MAX_TIME_LIMIT.as_secs_f64();
    if in_range {
        Ok(Duration::from_secs_f64(secs))
    } else {
        Err(Error::validation(operation, field, TIME_LIMIT_RULE))
    }
}

/// `max_attempts` given as a number, checked by [`ATTEMPTS_RULE`]; the error names `field`.
pub fn attempts(operation: &str, field: &str, count: f64) -> Result<u32> {
    if count.fract() == 0.0 && (1.0..=f64::from(MAX_ATTEMPTS)).contains(&count) {
        Ok(count as u32)
    } else {
        Err(Error::validation(operation, field, ATTEMPTS_RULE))
    }
}

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
    /// Options from a JSON object: `attempt_timeout_ms`, `deadline_ms` (milliseconds),
    /// `max_attempts` and `headers` (an object of strings); null or `{}` for none. Unknown keys,
    /// wrong types and values the rules refuse are errors naming the key (and no operation: use
    /// [`CallOptions::from_json_for`] when the options belong to a call).
    pub fn from_json(value: &Value) -> Result<CallOptions> {
        CallOptions::from_json_for("", value)
    }

    /// [`CallOptions::from_json`] for a call of `operation`: its errors name the operation as
    /// well as the key, as every other refusal of that call does.
    ///
    /// ```
    /// use phonecom::CallOptions;
    /// let e = CallOptions::from_json_for("v4.get-account", &serde_json::json!({"max_attempts": 0}))
    ///     .unwrap_err();
    /// assert_eq!(e.operation(), Some("v4.get-account"));
    /// assert_eq!(e.fields()[0].field, "max_attempts");
    /// ```
    pub fn from_json_for(operation: &str, value: &Value) -> Result<CallOptions> {
        let invalid = |field: &str, rule: &str| Error::validation(operation, field, rule);
        let mut opts = CallOptions::default();
        let map = match value {
            Value::Null => return Ok(opts),
            Value::Object(m) => m,
            _ => return Err(invalid("options", "must be a JSON object")),
        };
        for (key, v) in map {
            match key.as_str() {
                "attempt_timeout_ms" => opts.attempt_timeout = millis(operation, key, v)?,
                "deadline_ms" => opts.deadline = millis(operation, key, v)?,
                "max_attempts" => {
                    opts.max_attempts = match v {
                        Value::Null => None,
                        Value::Number(n) => {
                            Some(attempts(operation, key, n.as_f64().unwrap_or(0.0))?)
                        }
                        _ => return Err(invalid(key, ATTEMPTS_RULE)),
                    }
                }
                "headers" => opts.headers = header_pairs(operation, v)?,
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

    /// Refuse, naming the field and the rule, time limits outside [`TIME_LIMIT_RULE`], attempts
    /// outside [`ATTEMPTS_RULE`] and extra headers the rules of [`CallOptions::headers`] do not
    /// allow. [`Client::call_with`](crate::Client::call_with) runs it before anything else.
    pub fn check(&self, operation: &str) -> Result<()> {
        for (field, d) in [
            ("attempt_timeout", self.attempt_timeout),
            ("deadline", self.deadline),
        ] {
            if d.is_some_and(|d| !(MIN_TIME_LIMIT..=MAX_TIME_LIMIT).contains(&d)) {
                return Err(Error::validation(operation, field, TIME_LIMIT_RULE));
            }
        }
        if self
            .max_attempts
            .is_some_and(|n| !(1..=MAX_ATTEMPTS).contains(&n))
        {
            return Err(Error::validation(operation, "max_attempts", ATTEMPTS_RULE));
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

fn millis(operation: &str, key: &str, v: &Value) -> Result<Option<Duration>> {
    match v {
        Value::Null => Ok(None),
        Value::Number(n) => {
            time_limit(operation, key, n.as_f64().unwrap_or(0.0), TimeUnit::Millis).map(Some)
        }
        _ => Err(Error::validation(
            operation,
            key,
            "must be a number of milliseconds",
        )),
    }
}

fn header_pairs(operation: &str, v: &Value) -> Result<Vec<(String, String)>> {
    match v {
        Value::Null => Ok(Vec::new()),
        Value::Object(m) => m
            .iter()
            .map(|(k, v)| match v {
                Value::String(s) => Ok((k.clone(), s.clone())),
                _ => Err(Error::validation(
                    operation,
                    &header_field(k),
                    "must be a string",
                )),
            })
            .collect(),
        _ => Err(Error::validation(
            operation,
            "headers",
            "must be an object of header names to strings",
        )),
    }
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
            (json!({"max_attempts": 101}), "max_attempts"),
            (json!({"max_attempts": "3"}), "max_attempts"),
            (json!({"deadline_ms": 86_400_001}), "deadline_ms"),
            (json!({"deadline_ms": "5"}), "deadline_ms"),
            (json!({"headers": {"X-A": 1}}), "headers.X-A"),
            (json!({"headers": ["X-A"]}), "headers"),
            (json!([1]), "options"),
        ] {
            let e = CallOptions::from_json(&doc).unwrap_err();
            assert_eq!(e.fields()[0].field, field, "{e}");
        }
    }

    #[test]
    fn limits_and_attempts_follow_one_rule_in_every_unit() {
        for (amount, unit) in [
            (0.0, TimeUnit::Millis),
            (0.5, TimeUnit::Millis),
            (-1.0, TimeUnit::Seconds),
            (f64::NAN, TimeUnit::Seconds),
            (f64::INFINITY, TimeUnit::Millis),
            (86_400.001, TimeUnit::Seconds),
            (1e300, TimeUnit::Seconds),
        ] {
            let e = time_limit("v4.get-account", "deadline", amount, unit).unwrap_err();
            assert_eq!(e.fields()[0].message, TIME_LIMIT_RULE, "{amount} {unit:?}");
            assert_eq!(e.operation(), Some("v4.get-account"));
        }
        assert_eq!(
            time_limit("", "t", 1.0, TimeUnit::Millis).unwrap(),
            Duration::from_millis(1)
        );
        assert_eq!(
            time_limit("", "t", 86_400.0, TimeUnit::Seconds).unwrap(),
            MAX_TIME_LIMIT
        );
        assert_eq!(
            time_limit("", "t", 0.25, TimeUnit::Seconds).unwrap(),
            Duration::from_millis(250)
        );
        for bad in [0.0, -1.0, 1.5, 101.0, f64::NAN, 1e20] {
            let e = attempts("", "maxAttempts", bad).unwrap_err();
            assert_eq!(e.fields()[0].field, "maxAttempts");
            assert_eq!(e.fields()[0].message, ATTEMPTS_RULE);
        }
        assert_eq!(attempts("", "n", 100.0).unwrap(), 100);
    }

    #[test]
    fn check_refuses_what_the_converters_refuse() {
        for (opts, field, rule) in [
            (
                CallOptions {
                    max_attempts: Some(0),
                    ..CallOptions::default()
                },
                "max_attempts",
                ATTEMPTS_RULE,
            ),
            (
                CallOptions {
                    max_attempts: Some(101),
                    ..CallOptions::default()
                },
                "max_attempts",
                ATTEMPTS_RULE,
            ),
            (
                CallOptions {
                    deadline: Some(Duration::ZERO),
                    ..CallOptions::default()
                },
                "deadline",
                TIME_LIMIT_RULE,
            ),
            (
                CallOptions {
                    attempt_timeout: Some(MAX_TIME_LIMIT + Duration::from_millis(1)),
                    ..CallOptions::default()
                },
                "attempt_timeout",
                TIME_LIMIT_RULE,
            ),
        ] {
            let e = opts.check("v4.get-account").unwrap_err();
            assert_eq!(
                (e.fields()[0].field.as_str(), e.fields()[0].message.as_str()),
                (field, rule)
            );
        }
        let fine = CallOptions {
            attempt_timeout: Some(MIN_TIME_LIMIT),
            deadline: Some(MAX_TIME_LIMIT),
            max_attempts: Some(MAX_ATTEMPTS),
            headers: Vec::new(),
        };
        fine.check("v4.get-account").unwrap();
    }

    #[test]
    fn debug_shows_header_names_only() {
        let shown = format!("{:?}", headers(&[("X-Partner-Sig", "sig-value-123")]));
        assert!(shown.contains("X-Partner-Sig") && !shown.contains("sig-value-123"));
    }
}
