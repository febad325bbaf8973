//! Express Sign-Up with Phone.com billing, against the sandbox over HTTP: the card token goes on
//! the new subaccount as its primary payment method in the same flow, is never shown (errors,
//! Debug, the recorded request), and a retry never adds the card twice: not after a fault on the
//! payment call itself, not when the whole sign-up is repeated after its token call failed.

mod common;

use common::shown;
use phonecom::express::{signup, PasswordMode, SignupRequest};
use phonecom::types::Contact;
use phonecom::{ErrorKind, Secret};
use serde_json::{json, Value};

const CARD: &str = "tok_visa_4242_sandbox";

fn request(user_id: &str, password: &str) -> SignupRequest {
    let contact: Contact = serde_json::from_value(common::contact()).unwrap();
    SignupRequest {
        password: PasswordMode::Given(Secret::new(password)),
        card_token: Some(Secret::new(CARD)),
        ..SignupRequest::new("acme", user_id, contact)
    }
}

/// The payment methods of `account` (as the partner sees them).
fn cards(env: &common::Env, account: u64) -> Vec<Value> {
    let list = env
        .client
        .call(
            "v4.list-account-payment-methods",
            json!({"account_id": account}),
        )
        .unwrap();
    list["items"].as_array().cloned().unwrap_or_default()
}

fn card_posts(env: &common::Env, account: u64) -> usize {
    env.count("POST", &format!("/v4/accounts/{account}/payment-methods"))
}

#[test]
fn the_card_goes_on_the_new_subaccount_once_and_is_never_shown() {
    let env = common::start();
    let done = signup(&env.client, &request("9001", "pw-Card-Flow-1234")).unwrap();
    let pm = done.payment_method.clone().expect("a payment method");
    assert_eq!(
        (pm["status"].as_str(), pm["type"].as_str()),
        (Some("primary"), Some("cc"))
    );
    assert_eq!(pm["voip_id"], done.account.id);
    assert_eq!(cards(&env, done.account.id).len(), 1);
    let sent: Vec<Value> = env
        .requests()
        .into_iter()
        .filter(|r| {
            r["path"] == format!("/v4/accounts/{}/payment-methods", done.account.id)
                && r["method"] == "POST"
        })
        .collect();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0]["body"]["cc_token"], "***", "recorded masked");
    assert!(!format!("{done:?}").contains(CARD), "Debug of the result");

    // Through the generic call (what every binding uses) too.
    let v = env
        .client
        .call(
            "express.signup",
            json!({"partner": "acme", "user_id": "9002", "contact": common::contact(), "card_token": CARD}),
        )
        .unwrap();
    assert_eq!(v["payment_method"]["status"], "primary");
    let id = v["account"]["id"].as_u64().unwrap();
    assert_eq!(cards(&env, id).len(), 1);
    let without = env
        .client
        .call(
            "express.signup",
            json!({"partner": "acme", "user_id": "9003", "contact": common::contact()}),
        )
        .unwrap();
    assert_eq!(without["payment_method"], Value::Null);
}

#[test]
fn a_fault_on_the_payment_call_and_a_retry_add_the_card_once() {
    let env = common::start();
    // The subaccount exists (an earlier sign-up without billing); signing the user up again
    // with the same password and a card finds it and adds the card.
    let first = signup(
        &env.client,
        &SignupRequest {
            card_token: None,
            ..request("7001", "pw-Card-Retry-1234")
        },
    )
    .unwrap();
    let account = first.account.id;
    assert!(cards(&env, account).is_empty());
    // The payment call is processed, then the connection drops: the outcome is unknown.
    let path = format!("/v4/accounts/{account}/payment-methods");
    env.fault("POST", &path, "reset_after", 1);
    let done = signup(&env.client, &request("7001", "pw-Card-Retry-1234")).unwrap();
    assert!(done.recovered);
    assert_eq!(done.payment_method.unwrap()["status"], "primary");
    assert_eq!(
        card_posts(&env, account),
        1,
        "the create was not sent again"
    );
    assert_eq!(cards(&env, account).len(), 1, "one card on file");

    // Dropped before processing: looked up, not found, sent again, on file once.
    let second = signup(
        &env.client,
        &SignupRequest {
            card_token: None,
            ..request("7002", "pw-Card-Retry-5678")
        },
    )
    .unwrap();
    let path = format!("/v4/accounts/{}/payment-methods", second.account.id);
    env.fault("POST", &path, "reset_before", 1);
    signup(&env.client, &request("7002", "pw-Card-Retry-5678")).unwrap();
    assert_eq!(card_posts(&env, second.account.id), 2);
    assert_eq!(cards(&env, second.account.id).len(), 1);
}

#[test]
fn a_signup_repeated_after_its_token_call_failed_does_not_add_the_card_twice() {
    let env = common::start();
    env.fault("POST", "/oauth/", "status=500", 10);
    let e = signup(&env.client, &request("8001", "pw-Card-Again-1234")).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Server, "{e}");
    assert!(!shown(&e).contains(CARD), "{}", shown(&e));
    env.admin("DELETE", "/faults", None);
    let done = signup(&env.client, &request("8001", "pw-Card-Again-1234")).unwrap();
    assert!(done.recovered);
    let account = done.account.id;
    assert_eq!(
        card_posts(&env, account),
        1,
        "added by the first attempt only"
    );
    assert_eq!(cards(&env, account).len(), 1);
    assert_eq!(done.payment_method.unwrap()["status"], "primary");
}

#[test]
fn a_refused_card_is_an_error_naming_the_field_without_the_token() {
    let env = common::start();
    let e = env
        .client
        .call(
            "express.signup",
            json!({"partner": "acme", "user_id": "6001", "contact": common::contact(), "card_token": 42}),
        )
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Validation);
    assert_eq!(e.fields()[0].field, "card_token");
    // The sandbox refuses an empty token (422 naming cc_token); the error never shows a token.
    let e = signup(
        &env.client,
        &SignupRequest {
            card_token: Some(Secret::new("   ")),
            ..request("6002", "pw-Card-Empty-1234")
        },
    )
    .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Validation, "{e}");
    assert!(e.to_string().contains("cc_token"), "{e}");
}
