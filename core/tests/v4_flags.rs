//! v4 flags where the swagger disagrees with itself, against the sandbox over HTTP:
//! - media `is_temparary`/`randomized`: the swagger's description says `'Y', 'N'`, so a boolean or
//!   Y/N is accepted and `"Y"`/`"N"` is sent;
//! - the other flags the swagger types as string (its response schemas say boolean) stay JSON
//!   booleans (`is_new` here);
//! - `list-account-voicemail`'s `filters[is_new]` is a bare boolean in the swagger, unlike every
//!   other filter: a boolean is accepted and sent as `filters[is_new]=true`.

mod common;

use phonecom::ErrorKind;
use serde_json::{json, Value};

fn last_request(env: &common::Env) -> Value {
    env.requests().last().cloned().expect("a request was sent")
}

#[test]
fn media_flags_travel_as_y_or_n() {
    let env = common::start();
    for (given, sent) in [(json!(true), "Y"), (json!(false), "N"), (json!("Y"), "Y")] {
        let media = env
            .client
            .call(
                "v4.create-account-media-tts",
                json!({"name": "Hello", "tts_text": "Hello there", "is_temparary": given, "randomized": given}),
            )
            .unwrap();
        assert_eq!(
            media["is_temparary"], sent,
            "the sandbox stored what it got"
        );
        let body = &last_request(&env)["body"];
        assert_eq!(
            (body["is_temparary"].as_str(), body["randomized"].as_str()),
            (Some(sent), Some(sent))
        );
    }
    env.clear_requests();
    for bad in [json!("yes"), json!(1)] {
        let e = env
            .client
            .call(
                "v4.create-account-media-tts",
                json!({"name": "Hello", "tts_text": "Hi", "is_temparary": bad}),
            )
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Validation, "{e}");
        assert_eq!(e.fields()[0].field, "is_temparary", "{e}");
    }
    assert!(env.requests().is_empty(), "refused before sending");
}

#[test]
fn voicemail_is_new_is_a_json_boolean_and_a_bare_boolean_filter() {
    let env = common::start();
    let new = |flag: bool| -> Vec<Value> {
        let list = env
            .client
            .call(
                "v4.list-account-voicemail",
                json!({"filters": {"is_new": flag}}),
            )
            .unwrap();
        list["items"].as_array().cloned().unwrap_or_default()
    };
    let unread = new(true);
    assert_eq!(unread.len(), 1, "the sandbox's seeded voicemail is new");
    let sent = last_request(&env);
    assert_eq!(sent["query"]["filters[is_new]"], "true", "{sent}");
    assert!(new(false).is_empty());

    let id = unread[0]["id"].clone();
    env.client
        .call(
            "v4.patch-account-voicemail",
            json!({"voicemail_id": id, "is_new": false}),
        )
        .unwrap();
    assert_eq!(
        last_request(&env)["body"]["is_new"],
        false,
        "a JSON boolean"
    );
    assert!(new(true).is_empty());
    assert_eq!(new(false).len(), 1);

    env.clear_requests();
    for bad in [json!("eq:true"), json!("true"), json!(["true"])] {
        let e = env
            .client
            .call(
                "v4.list-account-voicemail",
                json!({"filters": {"is_new": bad}}),
            )
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Validation, "{e}");
        assert_eq!(e.fields()[0].field, "filters.is_new", "{e}");
        assert!(e.to_string().contains("true or false"), "{e}");
    }
    assert!(env.requests().is_empty(), "refused before sending");
}
