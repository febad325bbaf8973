//! The retry policy: what is retried, when it is safe, and how long to wait.
//!
//! Retried: connection failures, 408, 409, 429 and 5xx. A request that is not idempotent is sent
//! again only when the failure proves it was not processed: the connection was never made, or
//! the server answered 408, 429 or 503 (it refused the request without acting on it). Waits grow
//! exponentially from `base_delay` to `max_delay` with jitter; `Retry-After` wins when given; no
//! wait goes past the call's deadline.

use crate::config::RetryConfig;
use crate::error::Error;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Statuses worth another attempt.
pub fn is_retryable_status(status: u16) -> bool {
    matches!(status, 408 | 409 | 429) || (500..=599).contains(&status)
}

/// Statuses by which the server says it did not act on the request, so that even a
/// non-idempotent request can be sent again.
pub fn status_proves_not_processed(status: u16) -> bool {
    matches!(status, 408 | 429 | 503)
}

/// Whether a request that got `status` may be sent again: it is idempotent, or the status proves
/// the server did not act on it.
pub fn may_repeat_after(idempotent: bool, status: u16) -> bool {
    idempotent || status_proves_not_processed(status)
}

/// `error`, worth a retry, of a request that was not repeated because it is not idempotent and
/// may have been processed (`endpoint` names it, `POST /accounts/{account_id}/sms`): the message
/// says so, and the error is not retryable, so that no caller repeats a side effect on the
/// strength of the flag.
pub(crate) fn not_repeated(error: Error, endpoint: &str) -> Error {
    let message = format!(
        "{} (not retried: {endpoint} is not idempotent and may have been processed)",
        error.message()
    );
    error.with_message(message).with_retryable(false)
}

/// Seconds since the Unix epoch, for reading `Retry-After` dates (0 if the clock is before it).
pub(crate) fn now_unix() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// The wait before attempt `attempt + 1` (attempt counts from 1): exponential with "equal
/// jitter" (half fixed, half random), capped.
pub fn backoff(policy: &RetryConfig, attempt: u32) -> Duration {
    let exp = policy
        .base_delay_ms
        .saturating_mul(1u64 << attempt.saturating_sub(1).min(20))
        .min(policy.max_delay_ms);
    let half = exp / 2;
    let jitter = if half > 0 {
        crate::random::below(half + 1)
    } else {
        0
    };
    Duration::from_millis(half + jitter)
}

/// Parse a `Retry-After` header: delay-seconds (integer or decimal) or an HTTP-date.
pub fn parse_retry_after(value: &str, now_unix: u64) -> Option<Duration> {
    let v = value.trim();
    if let Ok(secs) = v.parse::<f64>() {
        if secs.is_finite() && secs >= 0.0 {
            return Some(Duration::from_secs_f64(secs.min(86_400.0)));
        }
        return None;
    }
    let at = parse_http_date(v)?;
    // A date is capped like a number of seconds: a far-future date is a day, not an overflow.
    Some(Duration::from_secs(at.saturating_sub(now_unix).min(86_400)))
}

/// Parse an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) into Unix seconds; `None` for a date
/// that is not one (fields out of range, a year before 1970 or after 9999).
fn parse_http_date(s: &str) -> Option<u64> {
    let parts: Vec<&str> = s.split_whitespace().collect();
    if parts.len() != 6 || parts[5] != "GMT" {
        return None;
    }
    let day: u64 = parts[1].parse().ok().filter(|d| (1..=31).contains(d))?;
    let month = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    .iter()
    .position(|m| *m == parts[2])? as u64
        + 1;
    let year: u64 = parts[3]
        .parse()
        .ok()
        .filter(|y| (1970..=9999).contains(y))?;
    let hms: Vec<u64> = parts[4].split(':').filter_map(|x| x.parse().ok()).collect();
    if hms.len() != 3 || hms[0] > 23 || hms[1] > 59 || hms[2] > 60 {
        return None;
    }
    Some(days_from_civil(year, month, day) * 86_400 + hms[0] * 3600 + hms[1] * 60 + hms[2])
}

/// Days since 1970-01-01 of a proleptic Gregorian date from 1970 on (Howard Hinnant's algorithm;
/// the caller keeps the year in 1970..=9999, so nothing here can overflow).
fn days_from_civil(y: u64, m: u64, d: u64) -> u64 {
    let y = if m <= 2 { y - 1 } else { y } as i64;
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    (era * 146_097 + doe - 719_468).max(0) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_not_repeated_says_why_and_is_not_retryable() {
        let e = Error::new(crate::ErrorKind::Server, "Internal error")
            .with_status(500)
            .with_retryable(true);
        let e = not_repeated(e, "POST /accounts/{account_id}/sms");
        assert_eq!(
            e.message(),
            "Internal error (not retried: POST /accounts/{account_id}/sms is not idempotent and may have been processed)"
        );
        assert!(!e.is_retryable());
        assert_eq!(e.status(), Some(500), "the other fields are kept");
        assert!(may_repeat_after(true, 500));
        assert!(may_repeat_after(false, 429));
        assert!(!may_repeat_after(false, 500));
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        let p = RetryConfig {
            max_attempts: 10,
            base_delay_ms: 100,
            max_delay_ms: 1000,
            deadline_ms: 60_000,
        };
        for _ in 0..50 {
            let d1 = backoff(&p, 1).as_millis();
            assert!((50..=100).contains(&d1), "{d1}");
            let d3 = backoff(&p, 3).as_millis();
            assert!((200..=400).contains(&d3), "{d3}");
            let d9 = backoff(&p, 9).as_millis();
            assert!((500..=1000).contains(&d9), "{d9}");
        }
    }

    #[test]
    fn retry_after_forms() {
        assert_eq!(parse_retry_after("2", 0), Some(Duration::from_secs(2)));
        assert_eq!(
            parse_retry_after("0.5", 0),
            Some(Duration::from_millis(500))
        );
        assert_eq!(parse_retry_after("-1", 0), None);
        let at = parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT").unwrap();
        assert_eq!(at, 784_111_777);
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", at - 7),
            Some(Duration::from_secs(7))
        );
    }

    #[test]
    fn which_statuses() {
        for s in [408, 409, 429, 500, 502, 503, 504] {
            assert!(is_retryable_status(s));
        }
        for s in [400, 401, 403, 404, 422] {
            assert!(!is_retryable_status(s));
        }
        assert!(status_proves_not_processed(429));
        assert!(!status_proves_not_processed(500));
    }

    #[test]
    fn odd_retry_after_dates_never_overflow() {
        let now = 1_700_000_000;
        for v in [
            "Sun, 06 Nov 300000000000 08:49:37 GMT",
            "Sun, 06 Jan 0 08:49:37 GMT",
            "Wed, 31 Dec 1969 23:59:59 GMT",
            "Sun, 99 Nov 2026 08:49:37 GMT",
            "Sun, 06 Nov 2026 99:49:37 GMT",
            "Sun, 06 Nov 18446744073709551615 08:49:37 GMT",
        ] {
            let d = parse_retry_after(v, now);
            assert!(
                d.is_none_or(|d| d <= Duration::from_secs(86_400)),
                "{v}: {d:?}"
            );
        }
        // A valid date far ahead is capped at a day; one in the past means "now".
        assert_eq!(
            parse_retry_after("Fri, 31 Dec 9999 23:59:59 GMT", now),
            Some(Duration::from_secs(86_400))
        );
        assert_eq!(
            parse_retry_after("Thu, 01 Jan 1970 00:00:00 GMT", now),
            Some(Duration::ZERO)
        );
    }
}
