//! Every error leaves the client decorated once, in the same way whoever made the call: the
//! operation that failed named, the call's secrets masked. A composed flow's failing step names
//! itself, whether the exchange broke or the upstream refused (the same as the flow's transport
//! errors always did). Against the sandbox.

mod common;

use phonecom::ErrorKind;
use serde_json::json;

#[test]
fn a_failing_step_of_a_composed_flow_names_itself() {
    let env = common::start();
    let path = format!("/v4/accounts/{}/subaccounts", env.account_id());
    env.fault("POST", &path, "status=403", 1);
    let e = env
        .client
        .call(
            "express.signup",
            json!({"partner": "acme", "user_id": "4031", "contact": common::contact()}),
        )
        .unwrap_err();
    assert_eq!(
        (e.kind(), e.status()),
        (ErrorKind::Permission, Some(403)),
        "{e}"
    );
    assert_eq!(e.operation(), Some("v4.create-account-subaccount"), "{e}");
    assert_eq!(e.family(), Some("v4"), "{e}");
    assert!(!common::shown(&e).contains(&env.token()), "{e}");
}

#[test]
fn the_librarys_own_calls_name_the_operation_of_a_refused_answer() {
    let env = common::start();
    let path = format!("/v4/accounts/{}/sms", env.account_id());
    env.fault("GET", &path, "status=403", 1);
    let first = env
        .client
        .items::<serde_json::Value>("v4.list-account-sms", json!({}))
        .unwrap()
        .next()
        .unwrap()
        .unwrap_err();
    assert_eq!(first.kind(), ErrorKind::Permission, "{first}");
    assert_eq!(first.operation(), Some("v4.list-account-sms"), "{first}");
}
