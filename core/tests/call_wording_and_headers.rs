//! Issue 14 items 7 and 8 against the sandbox: a timeout names the limit that fired and its
//! value, a refused connection names host and port; `app_info` extends the User-Agent and a
//! call's extra headers reach the server, both as the sandbox recorded them; bad extra headers
//! are refused before anything is sent.

mod common;

use phonecom::{CallOptions, Client, Config, ErrorKind};
use serde_json::json;
use std::time::Duration;

fn sms_path(env: &common::Env) -> String {
    format!("/v4/accounts/{}/sms", env.account_id())
}

#[test]
fn a_per_attempt_timeout_names_itself_and_its_value() {
    let env = common::start_with(|c| {
        c["timeouts"]["attempt_ms"] = json!(300);
        c["retry"]["max_attempts"] = json!(1);
    });
    env.fault("GET", &sms_path(&env), "latency=1500", 1);
    let e = env
        .client
        .call("v4.list-account-sms", json!({}))
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Timeout, "{e}");
    let port = env
        .sandbox
        .base_url()
        .rsplit(':')
        .next()
        .unwrap()
        .to_string();
    assert!(
        e.message()
            .contains("the 300 ms per-attempt timeout elapsed (attempt 1 to 127.0.0.1:"),
        "{e}"
    );
    assert!(e.message().contains(&port), "{e}");
}

#[test]
fn a_deadline_shorter_than_the_attempt_timeout_names_the_deadline() {
    let env = common::start();
    env.fault("GET", &sms_path(&env), "latency=1500", 1);
    let opts = CallOptions {
        deadline: Some(Duration::from_millis(400)),
        max_attempts: Some(1),
        ..CallOptions::default()
    };
    let e = env
        .client
        .call_with("v4.list-account-sms", json!({}), &opts)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Timeout, "{e}");
    assert!(
        e.message()
            .contains("timed out: the 400 ms deadline for the whole call elapsed"),
        "{e}"
    );
}

#[test]
fn a_refused_connection_names_host_and_port() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let client = Client::new(
        Config::from_value(json!({
            "v4": {"base_url": format!("http://127.0.0.1:{port}/v4"), "token": "tok_refused", "account_id": 1},
            "retry": {"max_attempts": 1},
        }))
        .unwrap(),
    )
    .unwrap();
    let e = client.call("v4.get-account", json!({})).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Transport, "{e}");
    assert!(
        e.message()
            .contains(&format!("connection refused by 127.0.0.1:{port}")),
        "{e}"
    );
}

#[test]
fn app_info_and_extra_headers_reach_the_server() {
    let env = common::start_with(|c| {
        c["app_info"] =
            json!({"name": "AcmePortal", "version": "2.1.0", "url": "https://portal.acme.example"});
    });
    assert!(env
        .client
        .user_agent()
        .ends_with(" AcmePortal/2.1.0 (+https://portal.acme.example)"));
    env.clear_requests();
    let opts = CallOptions {
        headers: vec![
            ("X-Partner-Trace".into(), "trace-77".into()),
            ("Idempotency-Key".into(), "order 4471".into()),
        ],
        ..CallOptions::default()
    };
    env.client
        .call_with("v4.get-account", json!({}), &opts)
        .unwrap();
    let requests = env.requests();
    let headers = &requests.last().unwrap()["headers"];
    assert_eq!(headers["user-agent"], env.client.user_agent(), "{headers}");
    assert_eq!(headers["x-partner-trace"], "trace-77", "{headers}");
    assert_eq!(headers["idempotency-key"], "order 4471", "{headers}");
    // The configured credential still goes out; the call cannot replace it.
    assert_eq!(headers["authorization"], "Bearer ***", "{headers}");
}

#[test]
fn a_bad_extra_header_is_refused_before_sending() {
    let env = common::start();
    env.clear_requests();
    for (name, value, field) in [
        (
            "Authorization",
            "Bearer stolen-1234",
            "headers.Authorization",
        ),
        ("X-Trace", "a\r\nX-Injected: 1", "headers.X-Trace"),
        ("User-Agent", "mine/1", "headers.User-Agent"),
    ] {
        let opts = CallOptions {
            headers: vec![(name.into(), value.into())],
            ..CallOptions::default()
        };
        let e = env
            .client
            .call_with("v4.get-account", json!({}), &opts)
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Validation, "{e}");
        assert_eq!(e.fields()[0].field, field, "{e}");
    }
    assert!(env.requests().is_empty(), "nothing was sent");
}

#[test]
fn extra_headers_on_a_composed_flow_are_refused_not_dropped() {
    let env = common::start();
    env.clear_requests();
    let opts = CallOptions {
        headers: vec![("X-Partner-Trace".into(), "trace-77".into())],
        ..CallOptions::default()
    };
    let e = env
        .client
        .call_with(
            "express.signup",
            json!({"partner": "acme", "user_id": "777", "contact": common::contact()}),
            &opts,
        )
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Validation, "{e}");
    assert_eq!(e.fields()[0].field, "headers", "{e}");
    assert!(env.requests().is_empty(), "nothing was sent");
}

#[test]
fn bad_app_info_is_refused_by_name() {
    let e = Config::from_value(json!({"app_info": {"name": "Acme\r\nX-Injected: 1"}})).unwrap_err();
    assert_eq!(e.fields()[0].field, "app_info.name", "{e}");
    let e = Config::from_value(json!({"app_info": {"version": "1"}})).unwrap_err();
    assert!(e.to_string().contains("name"), "{e}");
    let from_env = Config::from_lookup(|k| match k {
        "PHONECOM_APP_NAME" => Some("EnvApp".into()),
        "PHONECOM_APP_VERSION" => Some("3".into()),
        _ => None,
    })
    .unwrap();
    assert_eq!(from_env.app_info.unwrap().user_agent_suffix(), "EnvApp/3");
}
