//! Error bodies shared by the v4 API, the fault injector and the router.

use crate::clock;
use crate::http::Response;
use crate::ratelimit::Quota;
use serde_json::{json, Map, Value};

/// `{"@error":{"@message","@httpStatusCode","@time"}}`.
pub fn error_body(status: u16, message: &str) -> Value {
    json!({"@error": {"@message": message, "@httpStatusCode": status, "@time": clock::now_rfc3339()}})
}

/// A v4 error response.
pub fn error(status: u16, message: &str) -> Response {
    Response::json(status, &error_body(status, message))
}

/// A v4 422 with `fields` (`{"<field>": "<message>"}`) inside `@error`.
pub fn invalid(fields: Map<String, Value>) -> Response {
    let mut body = error_body(422, "Invalid data");
    body["@error"]["fields"] = Value::Object(fields);
    Response::json(422, &body)
}

/// A 422 about one field.
pub fn invalid_field(field: &str, message: &str) -> Response {
    let mut m = Map::new();
    m.insert(field.to_string(), Value::String(message.to_string()));
    invalid(m)
}

/// The body of a v4 429: `@rateLimit` with the keys the spec README gives.
pub fn rate_limited_body(q: Quota) -> Value {
    let mut body = error_body(429, "Too Many Requests");
    body["@error"]["@rateLimit"] = json!({
        "RateLimit-Limit": q.limit,
        "RateLimit-Remaining": q.remaining,
        "RateLimit-Reset": q.reset,
        "Retry-After": q.reset,
    });
    body
}

/// A v4 429: `@rateLimit` in the body, `RateLimit-*` and `Retry-After` headers.
pub fn rate_limited(q: Quota) -> Response {
    Response::json(429, &rate_limited_body(q))
        .with_header("RateLimit-Limit", q.limit.to_string())
        .with_header("RateLimit-Remaining", q.remaining.to_string())
        .with_header("RateLimit-Reset", q.reset.to_string())
        .with_header("Retry-After", q.reset.to_string())
}

/// An OAuth-style error `{"error","error_description"}`.
pub fn oauth_error(status: u16, error: &str, description: &str) -> Response {
    Response::json(
        status,
        &json!({"error": error, "error_description": description}),
    )
}

/// The v4-shaped answer to a `status=` fault.
pub fn fault_error(status: u16, retry_after: Option<u64>) -> Response {
    if status == 429 {
        let reset = retry_after.unwrap_or(1);
        return rate_limited(Quota {
            limit: 30,
            remaining: 0,
            reset,
        });
    }
    let resp = error(status, crate::http::reason(status));
    match retry_after {
        Some(s) => resp.with_header("Retry-After", s.to_string()),
        None => resp,
    }
}
