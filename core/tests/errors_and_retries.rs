//! Error shapes and the retry policy under each fault the sandbox injects; the attempts are
//! counted from what the sandbox received.

mod common;

use phonecom::{CallOptions, ErrorKind};
use serde_json::json;
use std::time::Duration;

fn sms_path(env: &common::Env) -> String {
    format!("/v4/accounts/{}/sms", env.account_id())
}

fn sms_body() -> serde_json::Value {
    json!({"from": "+18585550100", "to": "+16195550101", "text": "hi"})
}

#[test]
fn error_shapes_map_to_kinds() {
    let env = common::start();
    let e = env
        .client
        .call("v4.get-account-extension", json!({"extension_id": 424242}))
        .unwrap_err();
    assert_eq!((e.kind(), e.status()), (ErrorKind::NotFound, Some(404)));
    assert!(e.request_id().is_some());
    assert_eq!(e.operation(), Some("v4.get-account-extension"));
    assert_eq!(e.family(), Some("v4"));

    let bad = env
        .client
        .with_v4_token(phonecom::Secret::new("not-a-valid-token"), None)
        .unwrap();
    let e = bad.call("v4.get-account", json!({})).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Authentication);
    assert_eq!(
        e.upstream_code(),
        Some("invalid_token"),
        "OAuth-style 401 body: {e}"
    );

    // Another account's resources are out of reach of the master token.
    let e = env
        .client
        .call("v4.get-account", json!({"account_id": 1}))
        .unwrap_err();
    assert!(
        matches!(e.kind(), ErrorKind::Permission | ErrorKind::NotFound),
        "{e}"
    );

    let e = env.client.call("v4.nope", json!({})).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Validation);
    assert_eq!(e.attempts(), 0);
    assert!(env.requests().iter().all(|r| r["path"] != "/v4/nope"));
}

#[test]
fn missing_token_is_refused_before_sending() {
    let env = common::start_with(|c| c["v4"]["token"] = serde_json::Value::Null);
    let e = env.client.call("v4.get-account", json!({})).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Authentication);
    assert!(env.requests().is_empty(), "nothing was sent");
}

#[test]
fn bad_input_is_refused_before_sending() {
    let env = common::start();
    let e = env
        .client
        .call(
            "v4.list-available-phone-numbers",
            json!({"limit": 900, "filters": {"price": "cheap"}, "colour": 1}),
        )
        .unwrap_err();
    let fields: Vec<&str> = e.fields().iter().map(|f| f.field.as_str()).collect();
    assert!(
        fields.contains(&"limit")
            && fields.contains(&"filters.price")
            && fields.contains(&"colour"),
        "{fields:?}"
    );
    assert_eq!(e.attempts(), 0);
    assert!(env.requests().is_empty());
}

#[test]
fn idempotent_get_is_retried_through_5xx_and_resets() {
    let env = common::start();
    let path = sms_path(&env);
    for spec in [
        "status=500",
        "status=502",
        "status=503",
        "status=408",
        "status=409",
        "reset_before",
        "truncated",
    ] {
        env.clear_requests();
        env.fault("GET", &path, spec, 2);
        let resp = env
            .client
            .call_with("v4.list-account-sms", json!({}), &CallOptions::default())
            .unwrap_or_else(|e| panic!("{spec}: {e}"));
        assert_eq!(resp.attempts, 3, "{spec}");
        assert_eq!(
            env.count("GET", &path),
            3,
            "{spec}: the sandbox saw three attempts"
        );
    }
}

#[test]
fn retries_stop_at_max_attempts_with_a_retryable_error() {
    let env = common::start();
    let path = sms_path(&env);
    env.fault("GET", &path, "status=503", 5);
    let e = env
        .client
        .call("v4.list-account-sms", json!({}))
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Server);
    assert!(e.is_retryable());
    assert_eq!(e.attempts(), 3);
    assert_eq!(env.count("GET", &path), 3);
}

#[test]
fn rate_limit_honours_retry_after() {
    let env = common::start();
    let path = sms_path(&env);
    env.fault("GET", &path, "status=429;retry_after=1", 1);
    let started = std::time::Instant::now();
    let resp = env
        .client
        .call_with("v4.list-account-sms", json!({}), &CallOptions::default())
        .unwrap();
    assert_eq!(resp.attempts, 2);
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "waited as Retry-After said"
    );

    // A Retry-After beyond the deadline is not waited for: the error carries it.
    env.fault("GET", &path, "status=429;retry_after=30", 1);
    let e = env
        .client
        .call_with(
            "v4.list-account-sms",
            json!({}),
            &CallOptions {
                deadline: Some(Duration::from_secs(2)),
                ..Default::default()
            },
        )
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::RateLimited);
    assert_eq!(e.retry_after(), Some(Duration::from_secs(30)));
    assert_eq!(e.attempts(), 1);
}

#[test]
fn non_idempotent_post_is_not_sent_twice_after_an_unknown_outcome() {
    let env = common::start();
    let path = sms_path(&env);
    for spec in ["status=500", "status=502", "reset_after", "reset_before"] {
        env.clear_requests();
        env.fault("POST", &path, spec, 1);
        let e = env
            .client
            .call("v4.create-account-sms", sms_body())
            .unwrap_err();
        assert_eq!(env.count("POST", &path), 1, "{spec}: sent once only ({e})");
        assert!(
            !e.is_retryable(),
            "{spec}: not retried, so not retryable: {e}"
        );
        // One wording for a status and for a broken exchange, naming the catalog's endpoint.
        assert!(
            e.message().ends_with(
                "(not retried: POST /accounts/{account_id}/sms is not idempotent and may have been processed)"
            ),
            "{spec}: {e}"
        );
    }
}

#[test]
fn non_idempotent_post_is_retried_when_the_server_refused_it() {
    let env = common::start();
    let path = sms_path(&env);
    for spec in ["status=503", "status=429;retry_after=0", "status=408"] {
        env.clear_requests();
        env.fault("POST", &path, spec, 1);
        let resp = env
            .client
            .call_with("v4.create-account-sms", sms_body(), &CallOptions::default())
            .unwrap();
        assert_eq!((resp.attempts, env.count("POST", &path)), (2, 2), "{spec}");
    }
}

#[test]
fn connection_refused_is_retried_and_reported_as_transport() {
    let env = common::start_with(|c| c["v4"]["base_url"] = json!("http://127.0.0.1:9/v4"));
    let e = env
        .client
        .call("v4.create-account-sms", sms_body())
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Transport);
    assert_eq!(
        e.attempts(),
        3,
        "nothing reached a server, so even a POST is retried: {e}"
    );
}

#[test]
fn a_malformed_body_is_a_decode_error_and_a_body_cut_short_a_transport_error() {
    let env = common::start();
    let path = sms_path(&env);
    // A complete 200 that is not JSON: the exchange worked, the answer cannot be read.
    env.fault("GET", &path, "malformed", 1);
    let e = env
        .client
        .call("v4.list-account-sms", json!({}))
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Decode);
    assert!(e.raw_body().is_some(), "keeps the raw body: {e}");

    // Fewer body bytes than announced, then the connection closes: the exchange broke off.
    // An idempotent GET is retried until the attempts run out, and the error says it may help.
    env.clear_requests();
    env.fault("GET", &path, "truncated", 3);
    let e = env
        .client
        .call("v4.list-account-sms", json!({}))
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Transport, "{e}");
    assert!(e.is_retryable(), "{e}");
    assert_eq!((e.attempts(), env.count("GET", &path)), (3, 3), "{e}");
    assert!(e.message().contains("middle of the response body"), "{e}");

    // A POST cut short may have been processed: a transport error, sent once, not retried.
    env.clear_requests();
    env.fault("POST", &path, "truncated", 1);
    let e = env
        .client
        .call("v4.create-account-sms", sms_body())
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Transport, "{e}");
    assert_eq!(env.count("POST", &path), 1, "{e}");
    assert!(e.message().contains("may have been processed"), "{e}");

    // A reset after processing, before any answer: transport as well.
    env.fault("POST", &path, "reset_after", 1);
    let e = env
        .client
        .call("v4.create-account-sms", sms_body())
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Transport, "{e}");
}

#[test]
fn faults_on_an_idempotent_get_count_attempts() {
    let env = common::start();
    let path = sms_path(&env);
    // The connection closes after processing: a GET may be sent again, and the retry succeeds.
    env.fault("GET", &path, "reset_after", 1);
    let resp = env
        .client
        .call_with("v4.list-account-sms", json!({}), &CallOptions::default())
        .unwrap();
    assert_eq!((resp.attempts, env.count("GET", &path)), (2, 2));
    // Every attempt reset: the error says how many were made.
    env.clear_requests();
    env.fault("GET", &path, "reset_after", 3);
    let e = env
        .client
        .call("v4.list-account-sms", json!({}))
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Transport, "{e}");
    assert_eq!((e.attempts(), env.count("GET", &path)), (3, 3));
    // A malformed 200 is an answer, not a failure of the exchange: not retried.
    env.clear_requests();
    env.fault("GET", &path, "malformed", 1);
    let e = env
        .client
        .call("v4.list-account-sms", json!({}))
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Decode);
    assert_eq!((e.attempts(), env.count("GET", &path)), (1, 1));
    assert_eq!(e.status(), Some(200));
    assert!(e.request_id().is_some());
}

#[test]
fn latency_beyond_the_timeout_is_a_timeout() {
    let env = common::start_with(|c| c["timeouts"]["attempt_ms"] = json!(300));
    let path = sms_path(&env);
    env.fault("GET", &path, "latency=1500", 3);
    let e = env
        .client
        .call("v4.list-account-sms", json!({}))
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Timeout, "{e}");
    assert!(e.is_retryable());

    env.fault("GET", &path, "latency=50", 1);
    env.client.call("v4.list-account-sms", json!({})).unwrap();
}

#[test]
fn deadline_bounds_all_attempts() {
    let env = common::start_with(|c| c["retry"]["max_attempts"] = json!(10));
    let path = sms_path(&env);
    env.fault("GET", &path, "status=503;retry_after=1", 10);
    let started = std::time::Instant::now();
    let e = env
        .client
        .call_with(
            "v4.list-account-sms",
            json!({}),
            &CallOptions {
                deadline: Some(Duration::from_millis(2500)),
                ..Default::default()
            },
        )
        .unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(4));
    assert!(e.attempts() <= 3, "{e}");
}

#[test]
fn sandbox_rate_limit_switch_gives_429_with_headers() {
    let env = common::start_with(|c| c["retry"]["max_attempts"] = json!(1));
    env.admin("POST", "/rate-limit", Some(json!({"enabled": true, "per_endpoint": 3, "window_s": 30, "total": 100, "total_window_s": 60})));
    let mut last = None;
    for _ in 0..5 {
        if let Err(e) = env.client.call("v4.list-account-sms", json!({})) {
            last = Some(e);
            break;
        }
    }
    let e = last.expect("the fourth call in the window is limited");
    assert_eq!(e.kind(), ErrorKind::RateLimited);
    assert!(e.retry_after().is_some());
}

#[test]
fn unknown_operation_errors_name_the_operation() {
    let env = common::start();
    let e = env
        .client
        .call("v4.no-such-operation", json!({}))
        .unwrap_err();
    assert_eq!(e.operation(), Some("v4.no-such-operation"));
    assert!(e.to_string().contains("unknown operation"), "{e}");
}

#[test]
fn pager_errors_are_masked_and_end_the_walk() {
    let env = common::start();
    let path = format!("/v4/accounts/{}/sms", env.account_id());
    env.fault("GET", &path, "status=404", 1);
    let mut pages = env.client.pages("v4.list-account-sms", json!({})).unwrap();
    let e = pages.next().unwrap().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
    assert_eq!(e.operation(), Some("v4.list-account-sms"));
    assert!(!e.to_string().contains(&env.token()));
    assert!(pages.next().is_none(), "the first error ends the walk");
}

#[test]
fn every_family_calls_a_post_that_got_a_5xx_unknown_and_not_retryable() {
    let env = common::start();
    let cases = [
        (
            "v1.sms.create",
            "/v1/sms",
            json!({"to": "+18585550111", "from": "+18585550100", "message": "hi"}),
        ),
        (
            "nol.createTenant",
            "/api/v1/account/tenants",
            json!({"name": "Acme West"}),
        ),
    ];
    for (name, path, params) in cases {
        env.clear_requests();
        env.fault("POST", path, "status=500", 1);
        let e = env.client.call(name, params).unwrap_err();
        assert_eq!(env.count("POST", path), 1, "{name}: sent once ({e})");
        assert_eq!(e.kind(), phonecom::ErrorKind::Server, "{name}");
        assert!(
            !e.is_retryable(),
            "{name}: not retried, so not retryable: {e}"
        );
        assert!(
            e.message().contains("may have been processed"),
            "{name}: {e}"
        );
    }
}
