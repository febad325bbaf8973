//! The JSON responses of Phone.com's JSON hosts, shared by the families that talk to them (`v4`
//! and `oauth`): the result of a 2xx, the `{"@error": {...}}` and OAuth-style
//! (`{error, error_description}`) error bodies mapped into an [`Error`], and the wait the body of
//! a 429 names (`@error.@rateLimit`).

use crate::encode::scalar_text;
use crate::error::{Error, ErrorKind, FieldError, Result};
use crate::retry;
use crate::transport::HttpResponse;
use serde_json::{Map, Value};
use std::time::Duration;

/// Decode a JSON response: the body on 2xx (null when empty), the mapped error otherwise. A
/// redirect is an error here (only v4's authorization endpoint answers with one, and v4's wire
/// reads it before calling this).
pub(crate) fn decode_json(resp: &HttpResponse) -> Result<Value> {
    if (300..400).contains(&resp.status) {
        let to = resp
            .header("location")
            .map(mask_location)
            .unwrap_or_else(|| "nowhere (no Location header)".into());
        return Err(Error::new(
            ErrorKind::Decode,
            format!("unexpected redirect to {to} (HTTP {})", resp.status),
        )
        .with_status(resp.status)
        .with_retryable(false)
        .with_request_id(Some(resp.request_id.clone()))
        .with_attempts(resp.attempts));
    }
    if !(200..300).contains(&resp.status) {
        return Err(error_from_response(resp));
    }
    if resp.body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Value::Null);
    }
    serde_json::from_slice(&resp.body).map_err(|e| {
        Error::decode(format!("response is not valid JSON ({e})"), &resp.body)
            .with_status(resp.status)
            .with_retryable(false)
    })
}

/// The wait a 429 body names: `@error.@rateLimit` with `Retry-After` (seconds or an HTTP date),
/// else `RateLimit-Reset` (seconds), as the spec README gives the keys (`reset` is accepted
/// too).
pub(crate) fn body_retry_after(body: &[u8], now_unix: u64) -> Option<Duration> {
    let v: Value = serde_json::from_slice(body).ok()?;
    rate_limit_wait(v.get("@error")?.get("@rateLimit")?, now_unix)
}

fn rate_limit_wait(r: &Value, now_unix: u64) -> Option<Duration> {
    ["Retry-After", "RateLimit-Reset", "reset"]
        .iter()
        .filter_map(|k| r.get(*k))
        .find_map(|v| match v {
            Value::Number(n) => n.as_f64().map(|s| s.to_string()),
            Value::String(s) => Some(s.clone()),
            _ => None,
        })
        .and_then(|text| retry::parse_retry_after(&text, now_unix))
}

/// A redirect target without its query and fragment (they may carry codes or tokens).
fn mask_location(location: &str) -> String {
    match location.find(['?', '#']) {
        Some(i) => format!("{}{}***", &location[..i], &location[i..i + 1]),
        None => location.to_string(),
    }
}

/// Map a v4 or OAuth error response into the library's error.
pub(crate) fn error_from_response(resp: &HttpResponse) -> Error {
    let status = resp.status;
    let mut retry_after = resp.retry_after();
    let parsed: Option<Value> = serde_json::from_slice(&resp.body).ok();
    let (message, code, fields) = match parsed.as_ref().and_then(Value::as_object) {
        Some(body) if body.get("@error").is_some_and(Value::is_object) => {
            let e = &body["@error"];
            let msg = e
                .get("@message")
                .and_then(Value::as_str)
                .unwrap_or("error")
                .to_string();
            let fields = e
                .get("fields")
                .or_else(|| body.get("fields"))
                .map(parse_fields)
                .unwrap_or_default();
            if retry_after.is_none() {
                retry_after = e
                    .get("@rateLimit")
                    .and_then(|r| rate_limit_wait(r, retry::now_unix()));
            }
            (msg, None, fields)
        }
        Some(body) if body.get("error").is_some_and(Value::is_string) => {
            let code = body["error"].as_str().map(str::to_string);
            let msg = body
                .get("error_description")
                .and_then(Value::as_str)
                .map(str::to_string)
                .or_else(|| code.clone())
                .unwrap_or_default();
            (msg, code, Vec::new())
        }
        _ => (
            format!("HTTP {status} with an unrecognised body"),
            None,
            Vec::new(),
        ),
    };
    let kind = ErrorKind::from_status(status);
    let mut err = Error::new(kind, message.clone())
        .with_status(status)
        .with_upstream(code, Some(message))
        .with_fields(fields)
        .with_retry_after(retry_after)
        .with_retryable(retry::is_retryable_status(status))
        .with_request_id(Some(resp.request_id.clone()))
        .with_attempts(resp.attempts);
    if parsed.is_none() {
        err = err.with_raw_body(&resp.body);
    }
    err
}

/// v4 422 `fields`: `{field: "msg"}`, `{field: ["msg", ...]}`, nested objects
/// (`{"contact": {"address": {"country": "msg"}}}` -> `contact.address.country`) or
/// `[{field, message}]`.
fn parse_fields(v: &Value) -> Vec<FieldError> {
    let text = |m: &Value| match m {
        Value::String(s) => s.clone(),
        Value::Array(a) => a.iter().map(scalar_text).collect::<Vec<_>>().join("; "),
        other => other.to_string(),
    };
    match v {
        Value::Object(o) => {
            let mut out = Vec::new();
            flatten_fields("", o, &mut out);
            out
        }
        Value::Array(a) => a
            .iter()
            .filter_map(|e| {
                Some(FieldError {
                    field: e.get("field")?.as_str()?.to_string(),
                    message: e.get("message").map(text).unwrap_or_default(),
                })
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// Nested `fields` objects become dotted paths; a leaf is a message or a list of messages.
fn flatten_fields(prefix: &str, o: &Map<String, Value>, out: &mut Vec<FieldError>) {
    for (k, m) in o {
        let path = if prefix.is_empty() {
            k.clone()
        } else {
            format!("{prefix}.{k}")
        };
        match m {
            Value::Object(inner) if !inner.is_empty() => flatten_fields(&path, inner, out),
            Value::Array(a) if a.iter().any(Value::is_object) => {
                for (i, item) in a.iter().enumerate() {
                    match item {
                        Value::Object(inner) => flatten_fields(&format!("{path}.{i}"), inner, out),
                        other => out.push(FieldError {
                            field: path.clone(),
                            message: scalar_text(other),
                        }),
                    }
                }
            }
            Value::Array(a) => out.push(FieldError {
                field: path,
                message: a.iter().map(scalar_text).collect::<Vec<_>>().join("; "),
            }),
            other => out.push(FieldError {
                field: path,
                message: scalar_text(other),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resp(status: u16, body: &str, headers: &[(&str, &str)]) -> HttpResponse {
        HttpResponse::canned(status, body, headers)
    }

    #[test]
    fn at_error_422_with_fields() {
        let e = error_from_response(&resp(
            422,
            r#"{"@error":{"@message":"Validation failed","@httpStatusCode":422,"@time":"2026-01-01T00:00:00Z","fields":{"username":"Username already exists"}}}"#,
            &[],
        ));
        assert_eq!(e.kind(), ErrorKind::Validation);
        assert_eq!(e.fields()[0].field, "username");
        assert_eq!(e.status(), Some(422));
        assert!(!e.is_retryable());
    }

    #[test]
    fn at_error_429_reads_the_documented_body_keys_without_the_header() {
        let e = error_from_response(&resp(
            429,
            r#"{"@error":{"@message":"Rate limit reached","@httpStatusCode":429,"@rateLimit":{"RateLimit-Limit":30,"RateLimit-Remaining":0,"RateLimit-Reset":9,"Retry-After":4}}}"#,
            &[],
        ));
        assert_eq!(e.retry_after(), Some(Duration::from_secs(4)));
        let e = error_from_response(&resp(
            429,
            r#"{"@error":{"@message":"x","@rateLimit":{"RateLimit-Reset":"6"}}}"#,
            &[],
        ));
        assert_eq!(e.retry_after(), Some(Duration::from_secs(6)));
    }

    #[test]
    fn nested_422_fields_become_dotted_paths() {
        let e = error_from_response(&resp(
            422,
            r#"{"@error":{"@message":"Invalid data","fields":{"contact":{"address":{"country":"Unknown country","postal_code":["required","too short"]},"name":"required"},"username":"taken","lines":[{"line":"bad"}]}}}"#,
            &[],
        ));
        let got: Vec<(&str, &str)> = e
            .fields()
            .iter()
            .map(|f| (f.field.as_str(), f.message.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("contact.address.country", "Unknown country"),
                ("contact.address.postal_code", "required; too short"),
                ("contact.name", "required"),
                ("username", "taken"),
                ("lines.0.line", "bad"),
            ]
        );
    }

    #[test]
    fn redirect_location_is_masked() {
        let e = decode_json(&resp(
            302,
            "",
            &[(
                "location",
                "https://evil.example/cb?code=abc#access_token=x",
            )],
        ))
        .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Decode);
        assert_eq!(e.status(), Some(302));
        assert!(!e.is_retryable());
        assert_eq!(
            e.message(),
            "unexpected redirect to https://evil.example/cb?*** (HTTP 302)"
        );
    }

    #[test]
    fn at_error_429_with_retry_after() {
        let e = error_from_response(&resp(
            429,
            r#"{"@error":{"@message":"Rate limit reached","@httpStatusCode":429,"@rateLimit":{"limit":30,"remaining":0,"reset":7}}}"#,
            &[("retry-after", "3")],
        ));
        assert_eq!(e.kind(), ErrorKind::RateLimited);
        assert_eq!(e.retry_after(), Some(Duration::from_secs(3)));
        assert!(e.is_retryable());
    }

    #[test]
    fn oauth_style_401() {
        let e = error_from_response(&resp(
            401,
            r#"{"error":"invalid_token","error_description":"The access token provided is invalid"}"#,
            &[],
        ));
        assert_eq!(e.kind(), ErrorKind::Authentication);
        assert_eq!(e.upstream_code(), Some("invalid_token"));
        assert_eq!(
            e.upstream_message(),
            Some("The access token provided is invalid")
        );
    }

    #[test]
    fn non_json_error_keeps_raw_body() {
        let e = error_from_response(&resp(502, "<html>Bad gateway</html>", &[]));
        assert_eq!(e.kind(), ErrorKind::Server);
        assert!(e.raw_body().unwrap().contains("Bad gateway"));
    }
}
