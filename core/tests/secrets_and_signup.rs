//! Secrets never leak (errors, Debug, log events), and the Express sign-up flow, including a
//! retry after a reset-after-processing fault that must not create a second subaccount.

mod common;

use phonecom::express::{signup, PasswordMode, SignupRequest};
use phonecom::types::Contact;
use phonecom::{Client, Config, ErrorKind, LogEvent, Secret};
use serde_json::json;
use std::sync::{Arc, Mutex};

fn contact() -> Contact {
    serde_json::from_value(common::contact()).unwrap()
}

#[test]
fn secrets_never_appear_in_errors_debug_or_logs() {
    let env = common::start();
    let token = env.token();
    let events: Arc<Mutex<Vec<String>>> = Arc::default();
    let sink = events.clone();
    let mut cfg = env.config.clone();
    cfg["retry"]["max_attempts"] = json!(2);
    let client = Client::builder(Config::from_value(cfg).unwrap())
        .log_hook(move |e: &LogEvent| {
            sink.lock()
                .unwrap()
                .push(format!("{:?} {}", e, e.to_json()))
        })
        .build()
        .unwrap();
    assert!(
        !format!("{client:?}").contains(&token),
        "Debug of the client"
    );

    // Server errors retried and given up: the error and every retry event must stay masked.
    let path = format!("/v4/accounts/{}/sms", env.account_id());
    env.fault("GET", &path, "status=500", 2);
    let e = client.call("v4.list-account-sms", json!({})).unwrap_err();
    let password = "pw-Very-Secret-123";
    let e2 = client
        .call(
            "v4.create-account-subaccount",
            json!({"username": "x", "password": password, "contact": "not an object"}),
        )
        .unwrap_err();
    let bad = client.with_v4_token(Secret::new("user-token-abcdef"), None);
    let e3 = bad.call("v4.get-account", json!({})).unwrap_err();
    for text in [
        e.to_string(),
        format!("{e:?}"),
        e.to_json().to_string(),
        e2.to_string(),
        format!("{e2:?}"),
        e3.to_string(),
        format!("{e3:?}"),
    ] {
        assert!(!text.contains(&token), "token leaked: {text}");
        assert!(!text.contains(password), "password leaked: {text}");
        assert!(
            !text.contains("user-token-abcdef"),
            "user token leaked: {text}"
        );
    }
    let logged = events.lock().unwrap().join("\n");
    assert!(
        logged.contains("request") && logged.contains("retry"),
        "events were logged: {logged}"
    );
    assert!(!logged.contains(&token), "token in a log event");
    // The sandbox's own request log masks secrets too.
    for r in env.requests() {
        let text = r.to_string();
        assert!(!text.contains(&token), "{text}");
    }
}

#[test]
fn signup_flow_creates_subaccount_and_user_token() {
    let env = common::start();
    let done = signup(&env.client, &SignupRequest::new("acme", "12345", contact())).unwrap();
    assert_eq!(done.username, "acme-12345");
    assert!(!done.recovered);
    let password = done
        .password
        .clone()
        .expect("a generated password is returned once");
    assert_eq!(password.expose().len(), 32);
    assert!(!format!("{done:?}").contains(password.expose()));
    assert!(!format!("{done:?}").contains(done.token.access_token.expose()));

    // The user's token works for the user's own account.
    let as_user = env
        .client
        .with_v4_token(done.token.access_token.clone(), Some(done.account.id));
    let me = as_user.v4().account().unwrap();
    assert_eq!(me.username.as_deref(), Some("acme-12345"));

    // The token call went out as the guide shows.
    let token_call = env
        .requests()
        .into_iter()
        .find(|r| r["path"].as_str().unwrap_or("").contains("/authorization"))
        .unwrap();
    assert_eq!(token_call["method"], "POST");
    assert_eq!(token_call["query"]["response_type"], "token");
    assert_eq!(token_call["query"]["scope"], "account-owner");
    assert_eq!(
        token_call["query"]["redirect_uri"],
        "https://express.phone.com"
    );
    assert_eq!(token_call["body"]["username"], "acme-12345");
}

#[test]
fn signup_with_the_partner_token_as_password() {
    let env = common::start();
    let mut req = SignupRequest::new("acme", "777", contact());
    req.password = PasswordMode::PartnerToken;
    let done = signup(&env.client, &req).unwrap();
    assert!(done.password.is_none());
    assert!(!done.token.access_token.is_empty());
}

#[test]
fn signup_refuses_bad_input_before_sending() {
    let env = common::start();
    let mut c = contact();
    c.address.province = None;
    c.phone = "555-0001".into();
    let e = signup(&env.client, &SignupRequest::new("Acme!", "1", c.clone())).unwrap_err();
    assert!(e.to_string().contains("`partner`"), "{e}");
    let e = signup(&env.client, &SignupRequest::new("acme", "1", c)).unwrap_err();
    let fields: Vec<&str> = e.fields().iter().map(|f| f.field.as_str()).collect();
    assert!(
        fields.contains(&"contact.address.province") && fields.contains(&"contact.phone"),
        "{fields:?}"
    );
    assert!(env.requests().is_empty());
}

#[test]
fn signup_after_reset_after_processing_creates_one_subaccount() {
    let env = common::start();
    let path = format!("/v4/accounts/{}/subaccounts", env.account_id());
    env.fault("POST", &path, "reset_after", 1);
    let done = signup(&env.client, &SignupRequest::new("acme", "4242", contact())).unwrap();
    assert!(
        done.recovered,
        "the first create's outcome was unknown and it was found by user name"
    );
    assert_eq!(env.count("POST", &path), 1, "the create was not sent again");
    let same: Vec<_> = env
        .client
        .v4()
        .iter_subaccounts(&Default::default())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|a| a.username.as_deref() == Some("acme-4242"))
        .collect();
    assert_eq!(same.len(), 1, "exactly one subaccount for the user");
    // And the token still works: the password the first attempt set is the one used.
    let as_user = env
        .client
        .with_v4_token(done.token.access_token.clone(), Some(done.account.id));
    as_user.v4().account().unwrap();
}

#[test]
fn signup_after_reset_before_processing_creates_it_once() {
    let env = common::start();
    let path = format!("/v4/accounts/{}/subaccounts", env.account_id());
    env.fault("POST", &path, "reset_before", 1);
    let done = signup(&env.client, &SignupRequest::new("acme", "5151", contact())).unwrap();
    assert_eq!(
        env.count("POST", &path),
        2,
        "not found by user name, so created again"
    );
    assert!(done.recovered);
}

#[test]
fn signup_through_the_generic_call() {
    let env = common::start();
    let out = env
        .client
        .call(
            "express.signup",
            json!({"partner": "acme", "user_id": "900", "contact": common::contact()}),
        )
        .unwrap();
    assert_eq!(out["username"], "acme-900");
    assert!(out["token"]["access_token"].is_string());
    let e = env
        .client
        .call(
            "express.signup",
            json!({"partner": "acme", "user_id": "901"}),
        )
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Validation);
    assert!(e.fields().iter().any(|f| f.field == "contact"));
}

#[test]
fn client_is_shared_across_threads() {
    let env = common::start();
    let client = env.client.clone();
    let handles: Vec<_> = (0..8)
        .map(|i| {
            let c = client.clone();
            std::thread::spawn(move || {
                c.call(
                    "v4.create-account-sms",
                    json!({"from": "+18585550100", "to": "+16195550101", "text": format!("m{i}")}),
                )
                .unwrap()
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let n = env
        .client
        .items::<serde_json::Value>("v4.list-account-sms", json!({}))
        .unwrap()
        .count();
    assert_eq!(n, 8);
}
