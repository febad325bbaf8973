//! Issue 14 item 4: a call's response carries the raw exchange (headers masked, body as text),
//! and `debug_log` adds headers and bodies to the log hook's events, masked and cut. Against the
//! sandbox over loopback.

mod common;

use phonecom::CallOptions;
use serde_json::{json, Value};

#[test]
fn a_response_carries_its_headers_and_raw_body() {
    let env = common::start();
    let resp = env
        .client
        .call_with("v4.get-account", json!({}), &CallOptions::default())
        .unwrap();
    assert_eq!(resp.status, 200);
    assert!(
        resp.header("Content-Type")
            .is_some_and(|v| v.starts_with("application/json")),
        "{:?}",
        resp.headers()
    );
    // The request id the upstream sent is both the response's id and one of its headers.
    assert_eq!(resp.header("x-request-id"), Some(resp.request_id.as_str()));
    assert!(resp
        .headers()
        .iter()
        .all(|(k, _)| *k == k.to_ascii_lowercase()));
    // The body is the text received: it decodes to the same data.
    let body: Value = serde_json::from_str(&resp.body).unwrap();
    assert_eq!(body, resp.data);
    assert!(!resp.body_truncated);
}

#[test]
fn the_headers_are_those_of_the_attempt_that_ended_the_call() {
    let env = common::start();
    let account = env.account_id();
    env.fault("GET", &format!("/v4/accounts/{account}"), "status=503", 1);
    let resp = env
        .client
        .call_with("v4.get-account", json!({}), &CallOptions::default())
        .unwrap();
    assert_eq!((resp.status, resp.attempts), (200, 2));
    assert!(resp.header("retry-after").is_none(), "{:?}", resp.headers());
}

#[test]
fn a_secret_in_a_response_header_is_masked() {
    // The authorization endpoint answers 302 with the new token in `Location`'s fragment.
    let env = common::start();
    let client_id = env.config["oauth"]["client_id"].as_str().unwrap();
    let resp = env
        .client
        .call_with(
            "v4.create-oauth-authorization",
            json!({"client_id": client_id, "response_type": "token", "scope": "account-owner",
                   "redirect_uri": "https://express.phone.com"}),
            &CallOptions::default(),
        )
        .unwrap();
    let location = resp.header("location").expect("a Location header");
    assert!(location.contains("access_token=***"), "{location}");
    let token = resp.data["location"].as_str().unwrap();
    let token = token.split("access_token=").nth(1).unwrap();
    let token = token.split('&').next().unwrap();
    assert!(token.len() > 8);
    assert!(!format!("{:?}", resp.headers()).contains(token));
}

#[test]
fn debug_log_adds_masked_headers_and_bodies_to_request_and_response_events() {
    let env = common::start();
    let token = env.token();
    let mut config = env.config.clone();
    config["debug_log"] = json!(true);
    let (client, events) = common::logged_client(config);
    client
        .call(
            "v4.list-account-phone-numbers",
            json!({"filters": {"name": "eq:x"}, "limit": 5}),
        )
        .unwrap();
    let events = events.lock().unwrap().clone();
    let all = events.join("\n");
    assert!(!all.contains(&token), "the token leaked: {all}");
    let request = events.iter().find(|e| e.contains("kind: Request")).unwrap();
    assert!(
        request.contains("\"authorization\":\"Bearer ***\""),
        "{request}"
    );
    assert!(
        request.contains("\"user-agent\":\"libphonecom/"),
        "{request}"
    );
    assert!(request.contains("\"x-request-id\":\"req_"), "{request}");
    let response = events
        .iter()
        .find(|e| e.contains("kind: Response"))
        .unwrap();
    assert!(
        response.contains("\"content-type\":\"application/json"),
        "{response}"
    );
    assert!(
        response.contains("\\\"items\\\""),
        "the body is logged: {response}"
    );
}

#[test]
fn a_request_body_in_the_debug_log_is_masked() {
    let env = common::start();
    let mut config = env.config.clone();
    config["debug_log"] = json!(true);
    let (client, events) = common::logged_client(config);
    let password = "Very-Secret-Pw-4471";
    // Refused upstream or not, the request event is emitted with the body that was sent.
    let _ = client.call(
        "v4.create-account-subaccount",
        json!({"username": "dbg-user-1", "password": password, "contact": common::contact()}),
    );
    let all = events.lock().unwrap().join("\n");
    assert!(all.contains("\\\"password\\\":\\\"***\\\""), "{all}");
    assert!(!all.contains(password), "{all}");
}

#[test]
fn without_debug_log_events_carry_no_headers_or_bodies() {
    let env = common::start();
    let (client, events) = common::logged_client(env.config.clone());
    client.call("v4.get-account", json!({})).unwrap();
    for e in events.lock().unwrap().iter() {
        assert!(e.contains("\"headers\":{}"), "{e}");
        assert!(e.contains("\"body\":null"), "{e}");
    }
}
