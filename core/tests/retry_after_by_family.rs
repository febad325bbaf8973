//! Each family reads the wait its own 429 bodies name, and only its own: the transport parses no
//! body. A wait beyond the call's deadline ends the call at once (no retry) and the error
//! carries it; where a family's body names no wait, the backoff applies and the call is retried.
//! Loopback stub: no timings are measured.

mod stub;

use phonecom::{CallOptions, Client, Config, ErrorKind};
use serde_json::{json, Value};
use std::time::Duration;
use stub::{Reply, Stub};

/// A v4-shaped 429 body naming a 30 s wait, without any header.
fn v4_rate_limit_body() -> Value {
    json!({"@error": {"@message": "Rate limit reached", "@httpStatusCode": 429,
        "@rateLimit": {"RateLimit-Limit": 30, "RateLimit-Remaining": 0, "RateLimit-Reset": 30, "Retry-After": 30}}})
}

/// Every family of the client talks to `stub`; three attempts, 1-5 ms backoff, 2 s deadline.
fn client(stub: &Stub) -> Client {
    let base = stub.base_url();
    Client::new(
        Config::from_value(json!({
            "v4": {"base_url": base, "token": "tok_v4_retry_after_test", "account_id": 1234},
            "oauth": {"base_url": base, "client_id": "client-1", "redirect_uri": "https://portal.example/cb"},
            "v1": {"base_url": base, "api_key": "v1key_4f8a2c9e1b", "password": "v1pass_Welcome!77"},
            "nol": {"base_url": base, "api_key": "nol_test_7c1d9e2f4a6b8c0d"},
            "retry": {"max_attempts": 3, "base_delay_ms": 1, "max_delay_ms": 5, "deadline_ms": 2000},
        }))
        .unwrap(),
    )
    .unwrap()
}

/// Every reply is `reply`.
fn always(reply: Reply) -> Stub {
    Stub::start(move |_| reply.clone())
}

/// The call ended after its first attempt, rate limited, carrying the 30 s wait its body named
/// (past the 2 s deadline, so not waited for).
fn assert_ended_at_once_with_the_body_wait(e: &phonecom::Error, stub: &Stub) {
    assert_eq!(e.kind(), ErrorKind::RateLimited, "{e}");
    assert_eq!(e.retry_after(), Some(Duration::from_secs(30)), "{e}");
    assert_eq!((e.attempts(), stub.requests().len()), (1, 1), "{e}");
}

#[test]
fn a_v4_429_body_sets_the_wait_and_a_wait_past_the_deadline_is_not_waited_for() {
    let stub = always(Reply::json(429, v4_rate_limit_body()));
    let e = client(&stub).call("v4.get-account", json!({})).unwrap_err();
    assert_ended_at_once_with_the_body_wait(&e, &stub);
}

#[test]
fn the_oauth_token_host_429_body_is_read_as_v4_reads_it() {
    let stub = always(Reply::json(429, v4_rate_limit_body()));
    let e = client(&stub)
        .call(
            "oauth.user-token",
            json!({"username": "acme-1", "password": "long-random-password"}),
        )
        .unwrap_err();
    assert_ended_at_once_with_the_body_wait(&e, &stub);
}

#[test]
fn a_nol_429_body_sets_the_wait_from_retry_after_seconds() {
    let stub = always(Reply::json(
        429,
        json!({"error": "Too many", "code": "rate_limited_key", "retry_after_seconds": 30}),
    ));
    let e = client(&stub)
        .call("nol.listTenants", json!({}))
        .unwrap_err();
    assert_ended_at_once_with_the_body_wait(&e, &stub);
}

#[test]
fn another_familys_429_body_is_not_read_as_v4() {
    // REST v1 answers with a v4-shaped body: not its format, so no wait is read from it; the
    // backoff applies and the request is retried until the attempts run out.
    let stub = always(Reply::json(429, v4_rate_limit_body()));
    let e = client(&stub).call("v1.menus.list", json!({})).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::RateLimited, "{e}");
    assert_eq!(e.retry_after(), None, "{e}");
    assert_eq!((e.attempts(), stub.requests().len()), (3, 3), "{e}");
}

#[test]
fn a_retry_after_header_wins_over_the_body() {
    let stub = always(Reply::json(429, v4_rate_limit_body()).header("Retry-After", "0"));
    let e = client(&stub)
        .call_with(
            "v4.get-account",
            json!({}),
            &CallOptions {
                max_attempts: Some(2),
                ..CallOptions::default()
            },
        )
        .unwrap_err();
    assert_eq!(e.retry_after(), Some(Duration::ZERO), "{e}");
    assert_eq!((e.attempts(), stub.requests().len()), (2, 2), "{e}");
}
