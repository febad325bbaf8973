//! Transport details seen from the wire (user agent, request ids, proxy) and v4's OAuth grants.

mod common;

use phonecom::{CallOptions, Client, Config, ErrorKind};
use serde_json::json;

#[test]
fn client_is_send_and_sync() {
    fn assert_send_sync<T: Send + Sync + Clone>() {}
    assert_send_sync::<Client>();
    assert_send_sync::<phonecom::Error>();
}

#[test]
fn user_agent_and_request_id_on_every_exchange() {
    let env = common::start();
    let resp = env
        .client
        .call_with("v4.get-account", json!({}), &CallOptions::default())
        .unwrap();
    assert!(!resp.request_id.is_empty());
    let seen = env.requests().pop().unwrap();
    let ua = seen["headers"]["user-agent"].as_str().unwrap();
    assert!(
        ua.starts_with(&format!("libphonecom/{} (rust;", phonecom::VERSION)),
        "{ua}"
    );
    assert_eq!(
        seen["headers"]["x-request-id"],
        json!(resp.request_id),
        "the id we sent is the one the sandbox echoed"
    );

    let python = Client::builder(Config::from_value(env.config.clone()).unwrap())
        .binding("python")
        .build()
        .unwrap();
    python.call("v4.ping", json!({})).unwrap();
    let ua = env.requests().pop().unwrap()["headers"]["user-agent"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(ua.contains("(python;"), "{ua}");

    let e = env
        .client
        .call("v4.get-account-extension", json!({"extension_id": 999_999}))
        .unwrap_err();
    let id = e.request_id().unwrap().to_string();
    assert_eq!(
        env.requests().pop().unwrap()["headers"]["x-request-id"],
        json!(id)
    );
}

#[test]
fn loopback_bypasses_the_proxy_and_other_hosts_use_it() {
    // A dead proxy: loopback calls still work, anything else fails at the proxy.
    let env = common::start_with(|c| c["proxy"] = json!("http://127.0.0.1:9"));
    env.client.call("v4.get-account", json!({})).unwrap();
    let mut cfg = env.config.clone();
    cfg["v4"]["base_url"] = json!("https://api.phone.invalid/v4");
    cfg["retry"]["max_attempts"] = json!(1);
    let far = Client::new(Config::from_value(cfg).unwrap()).unwrap();
    let e = far.call("v4.get-account", json!({})).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Transport, "{e}");
    assert!(
        e.message().contains("refused"),
        "the proxy (not DNS for api.phone.invalid) refused: {e}"
    );
}

#[test]
fn v4_oauth_grants() {
    let env = common::start();
    let grant = env
        .client
        .call("v4.create-oauth-access-token", json!({"grant_type": "client_credentials", "client_id": env.config["oauth"]["client_id"], "client_secret": env.token()}))
        .unwrap();
    assert!(grant["access_token"].is_string());
    assert_eq!(grant["token_type"], "Bearer");
    let info = env
        .client
        .call("v4.get-oauth-access-token", json!({}))
        .unwrap();
    assert!(info.is_object());

    env.client
        .call(
            "v4.create-account-subaccount",
            json!({"username": "grant-1", "password": "pw-grant-123456"}),
        )
        .unwrap();
    let pw = env
        .client
        .call(
            "v4.create-oauth-access-token",
            json!({"grant_type": "password", "username": "grant-1", "password": "pw-grant-123456"}),
        )
        .unwrap();
    let refreshed = env
        .client
        .call(
            "v4.create-oauth-access-token",
            json!({"grant_type": "refresh_token", "refresh_token": pw["refresh_token"]}),
        )
        .unwrap();
    assert!(refreshed["access_token"].is_string());
    let e = env
        .client
        .call(
            "v4.create-oauth-access-token",
            json!({"grant_type": "password", "username": "grant-1", "password": "wrong-password"}),
        )
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Authentication);
    assert_eq!(e.upstream_code(), Some("invalid_grant"));
    assert!(!e.to_string().contains("wrong-password"));
    // Secrets in the body were masked in what the sandbox recorded.
    assert!(env
        .requests()
        .iter()
        .all(|r| !r.to_string().contains("pw-grant-123456")));
}

#[test]
fn v4_authorization_code_flow_end_to_end() {
    let env = common::start();
    let client_id = env.config["oauth"]["client_id"].clone();
    let redirect = "https://portal.example/callback";
    let auth = env
        .client
        .call(
            "v4.create-oauth-authorization",
            json!({"client_id": client_id, "response_type": "code", "scope": "account-owner", "redirect_uri": redirect, }),
        )
        .unwrap();
    assert_eq!(auth["status"], 302);
    let location = auth["location"].as_str().unwrap();
    let code = location
        .strip_prefix(&format!("{redirect}?code="))
        .expect("the redirect carries the code")
        .to_string();
    let token = env
        .client
        .call(
            "v4.create-oauth-access-token",
            json!({"grant_type": "authorization_code", "client_id": client_id, "code": code, "redirect_uri": redirect}),
        )
        .unwrap();
    let access = token["access_token"].as_str().unwrap().to_string();
    assert_eq!(token["scope"], "account-owner");
    let refresh = token["refresh_token"].as_str().unwrap();
    let masked = env.client.redact(&format!("a={access} r={refresh}"));
    assert!(
        !masked.contains(&access) && !masked.contains(refresh),
        "issued tokens are masked from now on: {masked}"
    );

    // The new token works on v4 for the account that authorized it.
    let mut cfg = env.config.clone();
    cfg["v4"]["token"] = json!(access);
    let user = Client::new(Config::from_value(cfg).unwrap()).unwrap();
    let account = user.call("v4.get-account", json!({})).unwrap();
    assert_eq!(account["id"].as_u64(), Some(env.account_id()));

    // A code works once.
    let e = env
        .client
        .call(
            "v4.create-oauth-access-token",
            json!({"grant_type": "authorization_code", "code": code, "redirect_uri": redirect}),
        )
        .unwrap_err();
    assert_eq!(e.upstream_code(), Some("invalid_grant"), "{e}");
}

#[test]
fn v4_token_requests_are_checked_per_grant_before_sending() {
    let env = common::start();
    env.clear_requests();
    let cases = [
        (
            json!({"grant_type": "authorization_code", "code": "abc1"}),
            vec!["redirect_uri"],
        ),
        (
            json!({"grant_type": "client_credentials"}),
            vec!["client_id", "client_secret"],
        ),
        (
            json!({"grant_type": "password", "username": "grant-1"}),
            vec!["password"],
        ),
        (
            json!({"grant_type": "refresh_token", "refresh_token": ""}),
            vec!["refresh_token"],
        ),
        (json!({"grant_type": "implicit"}), vec!["grant_type"]),
        (
            json!({"username": "u", "password": "pass"}),
            vec!["grant_type"],
        ),
    ];
    for (params, missing) in cases {
        let e = env
            .client
            .call("v4.create-oauth-access-token", params.clone())
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Validation, "{params}: {e}");
        let fields: Vec<&str> = e.fields().iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, missing, "{params}: {e}");
    }
    assert_eq!(
        env.count("POST", "/v4/oauth/access-token"),
        0,
        "refused before sending"
    );
}

#[test]
fn user_token_errors_come_back_oauth_style() {
    let env = common::start();
    let e = phonecom::oauth::user_token(
        &env.client,
        "nobody-1",
        Some(&phonecom::Secret::new("pw-xyz-123456")),
    )
    .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Authentication);
    assert_eq!(e.upstream_code(), Some("invalid_grant"));
    assert_eq!(e.operation(), Some("oauth.user-token"));
}
