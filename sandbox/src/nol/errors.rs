//! numbers.online errors: flat `{"error": "<prose>", "code": "<enum>"}`, plus
//! `retry_after_seconds` on 429s and `balance_micros`/`topup`/`topup_url`/`topup_min_cents` on
//! `insufficient_balance`. `code` is one of the documented enum values; an error the enum has no
//! value for (bad input, a number that is not bound, ...) carries `error` alone, as the schema
//! allows ("older errors may omit it").

use crate::http::Response;
use serde_json::{json, Value};

/// The documented codes with their HTTP status.
pub const CODES: &[(&str, u16)] = &[
    ("missing_key", 401),
    ("invalid_key", 401),
    ("use_case_forbidden", 403),
    ("rate_limited_key", 429),
    ("rate_limited_pool", 429),
    ("rate_limited_ip", 429),
    ("signature_invalid", 401),
    ("insufficient_balance", 402),
    ("account_suspended", 403),
    ("paid_verification_required", 402),
    ("receipt_invalid", 409),
];

/// An error without a code.
pub fn plain(status: u16, message: &str) -> Response {
    Response::json(status, &json!({ "error": message }))
}

/// An error with one of the documented codes (extra fields added for 429 and 402 balance).
pub fn coded(status: u16, code: &str, message: &str, retry_after: Option<u64>) -> Response {
    let mut body = json!({"error": message, "code": code});
    let mut resp_retry = retry_after;
    if status == 429 {
        let secs = retry_after.unwrap_or(1);
        body["retry_after_seconds"] = json!(secs);
        resp_retry = Some(secs);
    }
    if code == "insufficient_balance" {
        body["balance_micros"] = json!(0);
        body["topup"] = json!(
            "POST /api/v1/account/topup with {\"amount_cents\": 500} (minimum $5) to add credit."
        );
        body["topup_url"] = json!("/api/v1/account/topup");
        body["topup_min_cents"] = json!(500);
    }
    let resp = Response::json(status, &body);
    match resp_retry {
        Some(s) => resp.with_header("Retry-After", s.to_string()),
        None => resp,
    }
}

/// 401 `missing_key`.
pub fn missing_key() -> Response {
    coded(
        401,
        "missing_key",
        "No API key: send Authorization: Bearer nol_... or X-API-Key: nol_...",
        None,
    )
}

/// 401 `invalid_key`.
pub fn invalid_key() -> Response {
    coded(401, "invalid_key", "Invalid API key.", None)
}

/// 403 `use_case_forbidden`.
pub fn forbidden(message: &str) -> Response {
    coded(403, "use_case_forbidden", message, None)
}

/// 404 without a code.
pub fn not_found(message: &str) -> Response {
    plain(404, message)
}

/// 400 without a code.
pub fn bad_request(message: &str) -> Response {
    plain(400, message)
}

/// 404 for a number that is not OTP-bound to the caller.
pub fn not_bound(e164: &str) -> Response {
    not_found(&format!(
        "{e164} is not OTP-bound to this account (verify it with POST /api/v1/account/verify-phone/start and /confirm)."
    ))
}

/// The answer to a `status=` fault: `code` as given, else the status's usual code
/// (401 `invalid_key`, 402 `insufficient_balance`, 403 `use_case_forbidden`, 429
/// `rate_limited_key`), else no code.
pub fn fault(status: u16, retry_after: Option<u64>, code: Option<&str>) -> Response {
    let code = code.or(match status {
        401 => Some("invalid_key"),
        402 => Some("insufficient_balance"),
        403 => Some("use_case_forbidden"),
        429 => Some("rate_limited_key"),
        _ => None,
    });
    let message = crate::http::reason(status);
    match code {
        Some(c) => coded(status, c, message, retry_after),
        None => {
            let resp = plain(status, message);
            match retry_after {
                Some(s) => resp.with_header("Retry-After", s.to_string()),
                None => resp,
            }
        }
    }
}

/// The body of a response, for tests.
pub fn body_of(r: &Response) -> Value {
    serde_json::from_slice(&r.body).unwrap_or(Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fault_shapes() {
        let r = fault(429, Some(5), None);
        assert_eq!(r.header("Retry-After"), Some("5"));
        let b = body_of(&r);
        assert_eq!(
            (b["code"].as_str(), b["retry_after_seconds"].as_u64()),
            (Some("rate_limited_key"), Some(5))
        );
        let b = body_of(&fault(429, None, Some("rate_limited_pool")));
        assert_eq!(
            (b["code"].as_str(), b["retry_after_seconds"].as_u64()),
            (Some("rate_limited_pool"), Some(1))
        );
        let b = body_of(&fault(402, None, None));
        assert_eq!(b["topup_min_cents"], 500);
        let b = body_of(&fault(503, None, None));
        assert!(b.get("code").is_none() && b["error"].is_string());
        assert!(CODES
            .iter()
            .all(|(c, s)| body_of(&fault(*s, None, Some(c)))["code"] == *c));
    }
}
