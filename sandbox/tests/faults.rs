//! Fault injection, the request log, reset and rate limiting, over real TCP.

mod common;

use common::{Client, Conn};
use phonecom_sandbox::{Options, Sandbox};
use serde_json::json;
use std::time::Instant;

fn subaccount_count(c: &Client) -> u64 {
    c.v4("GET", "/accounts/1000001/subaccounts", None).json()["total"]
        .as_u64()
        .unwrap()
}

fn faulted(
    c: &Client,
    spec: &str,
    method: &str,
    path: &str,
    body: &str,
) -> std::io::Result<common::Resp> {
    let auth = format!("Bearer {}", c.token);
    c.raw(
        method,
        path,
        &[("Authorization", &auth), ("X-Sandbox-Fault", spec)],
        body.as_bytes(),
    )
}

#[test]
fn header_faults() {
    let sb = Sandbox::start().unwrap();
    let c = Client::new(&sb);
    let t = Instant::now();
    assert_eq!(
        faulted(&c, "latency=150", "GET", "/v4/ping", "")
            .unwrap()
            .status,
        200
    );
    assert!(t.elapsed().as_millis() >= 150);

    let r = faulted(&c, "status=429;retry_after=7", "GET", "/v4/ping", "").unwrap();
    assert_eq!((r.status, r.header("Retry-After")), (429, Some("7")));
    assert_eq!(r.json()["@error"]["@rateLimit"]["RateLimit-Remaining"], 0);
    assert_eq!(r.json()["@error"]["@rateLimit"]["Retry-After"], 7);
    assert!(r.header("RateLimit-Limit").is_some() && r.header("X-Request-Id").is_some());
    for code in [500, 502, 503, 408, 409] {
        let r = faulted(&c, &format!("status={code}"), "GET", "/v4/ping", "").unwrap();
        assert_eq!(
            (r.status, r.json()["@error"]["@httpStatusCode"].as_u64()),
            (code, Some(code as u64))
        );
    }
    let r = faulted(
        &c,
        "status=503;retry_after=2",
        "POST",
        "/oauth/client/x/authorization",
        "",
    )
    .unwrap();
    assert_eq!(
        (
            r.status,
            r.json()["error"].as_str(),
            r.header("Retry-After")
        ),
        (503, Some("temporarily_unavailable"), Some("2"))
    );

    // Both resets are real TCP RSTs (SO_LINGER 0): the client reads ECONNRESET, not an orderly EOF.
    let body = json!({"username": "rb", "password": "p"}).to_string();
    let path = "/v4/accounts/1000001/subaccounts";
    let err = faulted(&c, "reset_before", "POST", path, &body).unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::ConnectionReset, "{err}");
    assert_eq!(subaccount_count(&c), 0, "reset_before does not process");
    let err = faulted(&c, "reset_after", "POST", path, &body).unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::ConnectionReset, "{err}");
    assert_eq!(subaccount_count(&c), 1, "reset_after processes");

    let r = faulted(&c, "malformed", "GET", "/v4/accounts/1000001", "").unwrap();
    assert_eq!(r.status, 200);
    assert!(serde_json::from_slice::<serde_json::Value>(&r.body).is_err());
    assert!(
        faulted(&c, "truncated", "GET", "/v4/accounts/1000001", "").is_err(),
        "body shorter than Content-Length"
    );
    assert_eq!(
        faulted(&c, "explode", "GET", "/v4/ping", "")
            .unwrap()
            .status,
        400
    );
}

#[test]
fn queued_faults_and_the_request_log() {
    let sb = Sandbox::start().unwrap();
    let c = Client::new(&sb);
    let q = c.admin("POST", "/faults", Some(json!({"method": "POST", "path": "/v4/accounts/1000001/subaccounts", "fault": "status=503", "times": 2})));
    assert_eq!(q.status, 201);
    assert_eq!(
        c.v4("GET", "/accounts/1000001/subaccounts", None).status,
        200,
        "method must match"
    );
    let body = json!({"username": "q1", "password": "secret-pw"});
    assert_eq!(
        c.v4("POST", "/accounts/1000001/subaccounts", Some(body.clone()))
            .status,
        503
    );
    assert_eq!(
        c.v4("POST", "/accounts/1000001/subaccounts", Some(body.clone()))
            .status,
        503
    );
    assert_eq!(
        c.v4("POST", "/accounts/1000001/subaccounts", Some(body.clone()))
            .status,
        201
    );

    let log = c.admin("GET", "/requests", None).json();
    let reqs = log["requests"].as_array().unwrap();
    assert_eq!(reqs.len(), 4, "admin calls are not recorded");
    let posts: Vec<_> = reqs.iter().filter(|r| r["method"] == "POST").collect();
    assert_eq!(posts.len(), 3);
    assert_eq!(posts[0]["fault"], "status=503");
    assert_eq!(posts[0]["status"], 503);
    assert_eq!(posts[2]["fault"], serde_json::Value::Null);
    assert_eq!(posts[2]["body"]["password"], "***");
    assert_eq!(posts[2]["body"]["username"], "q1");
    assert_eq!(posts[2]["headers"]["authorization"], "Bearer ***");
    let last = posts[2]["seq"].as_u64().unwrap();
    assert_eq!(
        c.admin("GET", &format!("/requests?since={}", last - 1), None)
            .json()["requests"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let raw = String::from_utf8(c.admin("GET", "/requests", None).body).unwrap();
    assert!(
        !raw.contains(&c.token) && !raw.contains("secret-pw"),
        "no secrets in the log"
    );

    c.admin(
        "POST",
        "/faults",
        Some(json!({"fault": "status=500", "times": 5})),
    );
    assert_eq!(c.admin("DELETE", "/faults", None).status, 200);
    assert_eq!(c.v4("GET", "/ping", None).status, 200);
    assert_eq!(c.admin("DELETE", "/requests", None).status, 200);
    assert!(c.admin("GET", "/requests", None).json()["requests"]
        .as_array()
        .unwrap()
        .is_empty());

    // Faulted resets are recorded too, with a null status.
    let _ = faulted(&c, "reset_before", "GET", "/v4/ping", "");
    let reqs = c.admin("GET", "/requests", None).json();
    assert_eq!(reqs["requests"][0]["fault"], "reset_before");
    assert!(reqs["requests"][0]["status"].is_null());
}

#[test]
fn reset_restores_the_seeded_start() {
    let sb = Sandbox::start().unwrap();
    let c = Client::new(&sb);
    let before = c.v4("GET", "/phone-numbers/available?limit=1", None).json();
    let n = before["items"][0]["phone_number"].clone();
    assert_eq!(
        c.v4(
            "POST",
            "/accounts/1000001/phone-numbers",
            Some(json!({"phone_number": n}))
        )
        .status,
        201
    );
    c.v4(
        "POST",
        "/accounts/1000001/subaccounts",
        Some(json!({"username": "z", "password": "p"})),
    );
    assert_eq!(c.admin("POST", "/reset", None).status, 200);
    assert_eq!(subaccount_count(&c), 0);
    assert_eq!(
        c.v4("GET", "/phone-numbers/available?limit=1", None).json(),
        before
    );
}

#[test]
fn rate_limits() {
    let sb = Sandbox::start_with(Options {
        rate_limit: true,
        ..Options::default()
    })
    .unwrap();
    let c = Client::new(&sb);
    let cfg = c
        .admin(
            "POST",
            "/rate-limit",
            Some(json!({"per_endpoint": 2, "window_s": 30})),
        )
        .json();
    assert_eq!(
        (cfg["enabled"].as_bool(), cfg["total"].as_u64()),
        (Some(true), Some(120))
    );
    let mut conn = Conn::open(sb.port());
    let auth = format!("Bearer {}", c.token);
    let h = [("Authorization", auth.as_str())];
    assert_eq!(
        conn.send("GET", "/v4/ping", &h, b"")
            .unwrap()
            .header("RateLimit-Remaining"),
        Some("1")
    );
    assert_eq!(conn.send("GET", "/v4/ping", &h, b"").unwrap().status, 200);
    let r = conn.send("GET", "/v4/ping", &h, b"").unwrap();
    assert_eq!(r.status, 429);
    let e = r.json();
    assert_eq!(
        (
            e["@error"]["@rateLimit"]["RateLimit-Limit"].as_u64(),
            e["@error"]["@rateLimit"]["RateLimit-Remaining"].as_u64()
        ),
        (Some(2), Some(0))
    );
    for h in [
        "RateLimit-Limit",
        "RateLimit-Remaining",
        "RateLimit-Reset",
        "Retry-After",
    ] {
        assert!(r.header(h).is_some(), "{h}");
    }
    assert_eq!(
        conn.send("GET", "/v4/accounts/1000001", &h, b"")
            .unwrap()
            .status,
        200,
        "per endpoint"
    );
    c.admin("POST", "/rate-limit", Some(json!({"enabled": false})));
    assert_eq!(conn.send("GET", "/v4/ping", &h, b"").unwrap().status, 200);
}

#[test]
fn echo_fault_repeats_the_request_values_without_processing() {
    let sb = Sandbox::start().unwrap();
    let c = Client::new(&sb);
    let before = subaccount_count(&c);
    let r = faulted(
        &c,
        "echo",
        "POST",
        "/v4/accounts/1000001/subaccounts?x=q1",
        r#"{"username":"echo-1","password":"pw-echoed-42"}"#,
    )
    .unwrap();
    assert_eq!(r.status, 400);
    let msg = r.json()["@error"]["@message"].as_str().unwrap().to_string();
    assert!(
        msg.contains("pw-echoed-42") && msg.contains("echo-1") && msg.contains("q1"),
        "{msg}"
    );
    assert!(!msg.contains("password"), "values only: {msg}");
    assert_eq!(subaccount_count(&c), before, "not processed");
    let r = faulted(&c, "echo;status=422", "GET", "/v4/ping", "").unwrap();
    assert_eq!(r.status, 422);
}

#[test]
fn admin_bodies_are_json_whatever_the_content_type() {
    let sb = Sandbox::start().unwrap();
    let c = Client::new(&sb);
    let post = |path: &str, ct: Option<&str>, body: &str| {
        let headers: Vec<(&str, &str)> = ct.map(|v| ("Content-Type", v)).into_iter().collect();
        c.raw(
            "POST",
            &format!("/_sandbox{path}"),
            &headers,
            body.as_bytes(),
        )
        .unwrap()
    };
    // `curl -d` sends a form type; JSON is read as JSON all the same.
    let fault = r#"{"fault": "status=503", "path": "/v4/ping", "times": 1}"#;
    for ct in [
        Some("application/x-www-form-urlencoded"),
        Some("text/plain"),
        None,
    ] {
        let r = post("/faults", ct, fault);
        assert_eq!(
            r.status,
            201,
            "{ct:?}: {}",
            String::from_utf8_lossy(&r.body)
        );
        assert_eq!(r.json()["fault"], "status=503");
        assert_eq!(r.json()["path"], "/v4/ping");
        assert_eq!(c.v4("GET", "/ping", None).status, 503, "{ct:?}");
    }
    // The other admin routes too: the clock, and a family's (numbers.online reviews).
    let form = Some("application/x-www-form-urlencoded");
    let r = post("/clock", form, r#"{"offset_s": 3600}"#);
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    assert_eq!(r.json()["offset_s"], 3600);
    let r = post(
        "/nol/reviews",
        form,
        r#"{"e164": "+18585550123", "rating": 5}"#,
    );
    assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
    // Broken JSON says so, instead of a missing field.
    let r = post("/faults", form, r#"{"fault": "status=503""#);
    assert_eq!(r.status, 400);
    let msg = r.json()["error"].as_str().unwrap().to_string();
    assert!(msg.contains("not valid JSON"), "{msg}");
    // A real form still works.
    let r = post("/faults", form, "fault=status%3D502&path=%2Fv4%2Fping");
    assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
    assert_eq!(c.v4("GET", "/ping", None).status, 502);
}
