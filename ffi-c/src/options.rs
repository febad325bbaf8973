//! Per-call options as JSON, for `phonecom_call_with` and `phonecom_call_with_response`.
//!
//! ```text
//! {"timeout_ms": 5000, "deadline_ms": 20000, "max_attempts": 1}
//! ```
//!
//! Every key is optional; `null`, `{}` and a missing key keep the client's setting. The units
//! are those of the configuration document (`timeouts.overall_ms` per attempt,
//! `retry.deadline_ms` for the whole call, `retry.max_attempts`). This module only converts:
//! the rules on the values are the core's (`Client::call_with` refuses a zero timeout or
//! deadline, naming the field).

use crate::error::Failure;
use phonecom_core::{CallOptions, Error};
use serde_json::{Map, Value};
use std::time::Duration;

/// The keys an options object may hold.
const KEYS: [&str; 3] = ["timeout_ms", "deadline_ms", "max_attempts"];

/// Parse `options` (an object, or null for none) for a call of `operation`. Refuses unknown
/// keys (naming the closest known key) and values of the wrong type, naming the key.
pub(crate) fn call_options(operation: &str, options: &Value) -> Result<CallOptions, Failure> {
    let object = match options {
        Value::Null => return Ok(CallOptions::default()),
        Value::Object(object) => object,
        other => {
            return Err(invalid(
                operation,
                "options_json",
                &format!("must be a JSON object or null (got {})", type_name(other)),
            ))
        }
    };
    if let Some(unknown) = object.keys().find(|k| !KEYS.contains(&k.as_str())) {
        return Err(invalid(operation, unknown, &unknown_key_rule()));
    }
    let max_attempts = match integer(operation, object, "max_attempts", u64::from(u32::MAX))? {
        Some(0) => {
            return Err(invalid(
                operation,
                "max_attempts",
                "must be at least 1 (1 disables retries)",
            ))
        }
        other => other.map(|n| n as u32),
    };
    Ok(CallOptions {
        timeout: milliseconds(operation, object, "timeout_ms")?,
        deadline: milliseconds(operation, object, "deadline_ms")?,
        max_attempts,
    })
}

fn milliseconds(
    operation: &str,
    object: &Map<String, Value>,
    key: &str,
) -> Result<Option<Duration>, Failure> {
    // A day bounds every sensible timeout and keeps Instant arithmetic far from overflow.
    const DAY_MS: u64 = 86_400_000;
    Ok(integer(operation, object, key, DAY_MS)?.map(Duration::from_millis))
}

/// `object[key]` as an integer from 0 to `max`, or None when missing or null.
fn integer(
    operation: &str,
    object: &Map<String, Value>,
    key: &str,
    max: u64,
) -> Result<Option<u64>, Failure> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(value) => match value.as_u64() {
            Some(n) if n <= max => Ok(Some(n)),
            _ => Err(invalid(
                operation,
                key,
                &format!("must be an integer from 0 to {max} (got {})", shown(value)),
            )),
        },
    }
}

/// With three keys, naming them all beats guessing which one was meant.
fn unknown_key_rule() -> String {
    format!("is not a call option (the options are {})", KEYS.join(", "))
}

/// A value as the error shows it: numbers and booleans as they are, strings by type only (an
/// options document never holds a secret, but a misplaced params document might).
fn shown(value: &Value) -> String {
    match value {
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        other => type_name(other).to_string(),
    }
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn invalid(operation: &str, field: &str, rule: &str) -> Failure {
    Error::validation(operation, field, rule).into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn field_of(failure: Failure) -> (String, String) {
        match failure {
            Failure::Core(e) => (e.fields()[0].field.clone(), e.to_string()),
            other => panic!("not a core error: {other:?}"),
        }
    }

    #[test]
    fn every_key_converts_in_milliseconds() {
        let o = call_options(
            "v4.get-account",
            &json!({"timeout_ms": 1500, "deadline_ms": 20000, "max_attempts": 1}),
        )
        .unwrap();
        assert_eq!(o.timeout, Some(Duration::from_millis(1500)));
        assert_eq!(o.deadline, Some(Duration::from_secs(20)));
        assert_eq!(o.max_attempts, Some(1));
        let none = call_options("v4.get-account", &json!({"timeout_ms": null})).unwrap();
        assert!(none.timeout.is_none() && none.deadline.is_none() && none.max_attempts.is_none());
        assert!(call_options("v4.get-account", &Value::Null)
            .unwrap()
            .timeout
            .is_none());
    }

    #[test]
    fn bad_values_name_the_key() {
        let cases = [
            (json!({"timeout_ms": "5s"}), "timeout_ms", "(got a string)"),
            (json!({"deadline_ms": -1}), "deadline_ms", "(got -1)"),
            (json!({"timeout_ms": 1.5}), "timeout_ms", "(got 1.5)"),
            (json!({"max_attempts": 0}), "max_attempts", "at least 1"),
            (
                json!({"max_attempts": 4294967296u64}),
                "max_attempts",
                "4294967295",
            ),
            (json!({"timeout_ms": 86400001}), "timeout_ms", "86400000"),
            (json!([1]), "options_json", "(got an array)"),
        ];
        for (options, field, rule) in cases {
            let (got, message) = field_of(call_options("v4.get-account", &options).unwrap_err());
            assert_eq!(got, field, "{options}");
            assert!(message.contains(rule), "{message}");
        }
    }

    #[test]
    fn unknown_keys_are_named_with_the_known_ones() {
        let (field, message) =
            field_of(call_options("v4.get-account", &json!({"timeout": 5})).unwrap_err());
        assert_eq!(field, "timeout");
        assert!(
            message.contains("timeout_ms, deadline_ms, max_attempts"),
            "{message}"
        );
    }
}
