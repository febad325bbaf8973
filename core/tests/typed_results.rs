//! The typed methods of every family decode results the same way: a result that does not match
//! the model is a decode error naming the operation, with the HTTP status, request id and
//! attempts of the response. Loopback stub.

mod stub;

use phonecom::{Client, Config, ErrorKind};
use serde_json::json;
use stub::{Reply, Stub};

fn client(stub: &Stub) -> Client {
    let base = stub.base_url();
    Client::new(
        Config::from_value(json!({
            "v4": {"base_url": base, "token": "tok_v4_typed_results", "account_id": 1234},
            "v1": {"base_url": base, "api_key": "v1key_4f8a2c9e1b", "password": "v1pass_Welcome!77"},
            "nol": {"base_url": base, "api_key": "nol_test_7c1d9e2f4a6b8c0d"},
        }))
        .unwrap(),
    )
    .unwrap()
}

fn assert_shape_error(e: &phonecom::Error, operation: &str) {
    assert_eq!(e.kind(), ErrorKind::Decode, "{e}");
    assert!(
        e.message().contains("does not match the documented shape"),
        "{e}"
    );
    assert_eq!(e.operation(), Some(operation), "{e}");
    assert_eq!((e.status(), e.attempts()), (Some(200), 1), "{e}");
    assert_eq!(e.request_id(), Some("req_upstream_7"), "{e}");
    assert!(!e.is_retryable(), "{e}");
}

fn answering(body: serde_json::Value) -> Stub {
    Stub::start(move |_| Reply::json(200, body.clone()).header("X-Request-Id", "req_upstream_7"))
}

#[test]
fn v4_nol_and_v1_shape_mismatches_read_alike() {
    let stub = answering(json!({"id": "not a number", "keys": "not a list"}));
    let c = client(&stub);
    assert_shape_error(
        &c.v4().extension(7).unwrap_err(),
        "v4.get-account-extension",
    );
    assert_shape_error(&c.nol().keys().unwrap_err(), "nol.listAccountKeys");

    let stub = answering(json!({"response": {"data": "not an sms"}}));
    let c = client(&stub);
    assert_shape_error(
        &c.v1()
            .sms("3f2a5c1e-8d7b-4a6f-9e0c-1b2d3c4e5f60")
            .unwrap_err(),
        "v1.sms.get",
    );
}
