//! numbers.online errors: the flat body `{error, code, retry_after_seconds?}` mapped by `code`,
//! never by the prose in `error`.

use crate::error::{Error, ErrorKind};
use crate::retry;
use crate::transport::HttpResponse;
use serde_json::{Map, Value};
use std::time::Duration;

/// Every documented `code`: its HTTP status, the library's kind, and what it means.
pub const ERROR_CODES: &[(&str, u16, ErrorKind, &str)] = &[
    (
        "missing_key",
        401,
        ErrorKind::Authentication,
        "No API key in the request",
    ),
    (
        "invalid_key",
        401,
        ErrorKind::Authentication,
        "Key unknown (or revoked)",
    ),
    (
        "use_case_forbidden",
        403,
        ErrorKind::Permission,
        "Valid key, not enabled for this endpoint's use case",
    ),
    (
        "rate_limited_key",
        429,
        ErrorKind::RateLimited,
        "Per-key per-minute window exceeded",
    ),
    (
        "rate_limited_pool",
        429,
        ErrorKind::RateLimited,
        "Account-pooled budget exhausted",
    ),
    (
        "rate_limited_ip",
        429,
        ErrorKind::RateLimited,
        "Too many failed auth attempts from this IP",
    ),
    (
        "signature_invalid",
        401,
        ErrorKind::Authentication,
        "Operator request signing required, missing, or failed",
    ),
    (
        "insufficient_balance",
        402,
        ErrorKind::Permission,
        "Prepaid balance cannot cover the request: top up",
    ),
    (
        "account_suspended",
        403,
        ErrorKind::Permission,
        "Account suspended by the operator; topping up will not help",
    ),
    (
        "paid_verification_required",
        402,
        ErrorKind::Permission,
        "The remedy is a paid number verification, not a top-up",
    ),
    (
        "receipt_invalid",
        409,
        ErrorKind::Conflict,
        "Missing, already-used, or mismatched receipt_id",
    ),
];

/// The kind of a documented code.
pub fn kind_of_code(code: &str) -> Option<ErrorKind> {
    ERROR_CODES
        .iter()
        .find(|(c, ..)| *c == code)
        .map(|(_, _, k, _)| *k)
}

/// The wait a numbers.online error body names (`retry_after_seconds`, on a 429), capped at a
/// day.
pub(crate) fn body_retry_after(body: &[u8]) -> Option<Duration> {
    let v: Value = serde_json::from_slice(body).ok()?;
    seconds(v.get("retry_after_seconds")?.clone())
}

/// A number of seconds from a body (not negative, at most a day).
fn seconds(v: Value) -> Option<Duration> {
    v.as_f64()
        .filter(|s| s.is_finite() && *s >= 0.0)
        .map(|s| Duration::from_secs_f64(s.min(86_400.0)))
}

/// Map a numbers.online error response. The kind comes from `code` when it is a documented one,
/// else from the status (older errors may omit `code`). The prose becomes the upstream message;
/// `retry_after_seconds` (or the `Retry-After` header) the retry-after; every other field of the
/// body (`balance_micros`, `topup_url`, `topup_min_cents`, ...) is kept in
/// [`Error::details`](crate::Error::details).
pub(crate) fn error_from_response(resp: &HttpResponse) -> Error {
    let status = resp.status;
    let body: Option<Map<String, Value>> = serde_json::from_slice::<Value>(&resp.body)
        .ok()
        .and_then(|v| match v {
            Value::Object(o) => Some(o),
            _ => None,
        });
    let Some(mut body) = body else {
        return Error::new(
            ErrorKind::from_status(status),
            format!("HTTP {status} with an unrecognised body"),
        )
        .with_status(status)
        .with_retry_after(resp.retry_after())
        .with_retryable(retry::is_retryable_status(status))
        .with_request_id(Some(resp.request_id.clone()))
        .with_attempts(resp.attempts)
        .with_raw_body(&resp.body);
    };
    let text = |v: Option<Value>| match v {
        Some(Value::String(s)) => Some(s),
        Some(Value::Null) | None => None,
        Some(other) => Some(other.to_string()),
    };
    let prose = text(body.remove("error"));
    let code = text(body.remove("code"));
    let after_body = body.remove("retry_after_seconds").and_then(seconds);
    body.remove("success");
    let kind = code
        .as_deref()
        .and_then(kind_of_code)
        .unwrap_or_else(|| ErrorKind::from_status(status));
    let retryable = matches!(
        kind,
        ErrorKind::RateLimited | ErrorKind::Server | ErrorKind::Timeout
    );
    let message = prose.clone().unwrap_or_else(|| {
        code.as_deref()
            .and_then(|c| ERROR_CODES.iter().find(|(x, ..)| *x == c))
            .map(|(.., m)| m.to_string())
            .unwrap_or_else(|| format!("HTTP {status}"))
    });
    Error::new(kind, message)
        .with_status(status)
        .with_upstream(code, prose)
        .with_retry_after(resp.retry_after().or(after_body))
        .with_retryable(retryable)
        .with_details(body)
        .with_request_id(Some(resp.request_id.clone()))
        .with_attempts(resp.attempts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resp(status: u16, body: &str, headers: &[(&str, &str)]) -> HttpResponse {
        HttpResponse::canned(status, body, headers)
    }

    #[test]
    fn every_documented_code_maps_by_code() {
        for (code, status, kind, _) in ERROR_CODES {
            let e = error_from_response(&resp(
                *status,
                &format!(r#"{{"error": "some prose", "code": "{code}"}}"#),
                &[],
            ));
            assert_eq!(e.kind(), *kind, "{code}");
            assert_eq!(e.upstream_code(), Some(*code));
            assert_eq!(e.upstream_message(), Some("some prose"));
            assert_eq!(e.status(), Some(*status));
            assert_eq!(e.is_retryable(), *kind == ErrorKind::RateLimited, "{code}");
        }
    }

    #[test]
    fn code_wins_over_status_and_prose() {
        // A 403 whose code says suspended, and prose that talks about balance: the code decides.
        let e = error_from_response(&resp(
            403,
            r#"{"error": "insufficient balance?", "code": "account_suspended"}"#,
            &[],
        ));
        assert_eq!(e.upstream_code(), Some("account_suspended"));
        assert_eq!(e.kind(), ErrorKind::Permission);
        let e = error_from_response(&resp(
            400,
            r#"{"error": "x", "code": "rate_limited_pool"}"#,
            &[],
        ));
        assert_eq!(e.kind(), ErrorKind::RateLimited);
    }

    #[test]
    fn rate_limit_carries_retry_after_from_body_or_header() {
        let e = error_from_response(&resp(
            429,
            r#"{"error": "slow down", "code": "rate_limited_key", "retry_after_seconds": 17}"#,
            &[],
        ));
        assert_eq!(e.retry_after(), Some(Duration::from_secs(17)));
        assert!(e.is_retryable());
        let e = error_from_response(&resp(
            429,
            r#"{"error": "slow down", "code": "rate_limited_ip", "retry_after_seconds": 17}"#,
            &[("retry-after", "5")],
        ));
        assert_eq!(e.retry_after(), Some(Duration::from_secs(5)));
    }

    #[test]
    fn insufficient_balance_keeps_the_top_up_hints() {
        let e = error_from_response(&resp(
            402,
            r#"{"error": "Insufficient prepaid balance for this request.", "code": "insufficient_balance", "balance_micros": 0, "topup": "POST /api/v1/account/topup with {\"amount_cents\": 500} (minimum $5) to add credit.", "topup_url": "/api/v1/account/topup", "topup_min_cents": 500}"#,
            &[],
        ));
        assert_eq!(e.kind(), ErrorKind::Permission);
        assert_eq!(e.details()["topup_min_cents"], 500);
        assert_eq!(e.details()["topup_url"], "/api/v1/account/topup");
        assert_eq!(e.details()["balance_micros"], 0);
        assert!(!e.is_retryable());
        assert_eq!(e.to_json()["details"]["topup_min_cents"], 500);
    }

    #[test]
    fn paid_verification_and_receipts() {
        let e = error_from_response(&resp(
            402,
            r#"{"error": "Free accounts can bind one phone number.", "code": "paid_verification_required"}"#,
            &[],
        ));
        assert_eq!(e.kind(), ErrorKind::Permission);
        assert_eq!(e.upstream_code(), Some("paid_verification_required"));
        let e = error_from_response(&resp(
            409,
            r#"{"error": "receipt already used", "code": "receipt_invalid"}"#,
            &[],
        ));
        assert_eq!(e.kind(), ErrorKind::Conflict);
        assert!(!e.is_retryable());
    }

    #[test]
    fn older_errors_without_code_map_by_status() {
        let e = error_from_response(&resp(
            404,
            r#"{"error": "Number is not OTP-bound to this account"}"#,
            &[],
        ));
        assert_eq!(e.kind(), ErrorKind::NotFound);
        assert_eq!(e.upstream_code(), None);
        assert_eq!(e.message(), "Number is not OTP-bound to this account");
        let e = error_from_response(&resp(503, "<html>down</html>", &[]));
        assert_eq!(e.kind(), ErrorKind::Server);
        assert!(e.is_retryable());
        assert!(e.raw_body().unwrap().contains("down"));
        let e = error_from_response(&resp(
            418,
            r#"{"error": "teapot", "code": "brand_new_code"}"#,
            &[],
        ));
        assert_eq!(e.kind(), ErrorKind::Validation);
        assert_eq!(e.upstream_code(), Some("brand_new_code"));
    }
}
