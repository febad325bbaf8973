//! The reproducers of issue 10: text with a multi-byte character right before `=` reached a
//! slice inside that character while being masked, and the call panicked. Each path is driven
//! over loopback against the sandbox (its `message=` fault answers an upstream error with chosen
//! text; `echo` repeats what the request carried), or through the public parser it reached.

mod common;

use phonecom::{ErrorKind, Redactor};
use serde_json::{json, Value};

/// Queue `spec` for the next request, whatever its method and path.
fn fault_next(env: &common::Env, spec: &str) {
    env.admin("POST", "/faults", Some(json!({"fault": spec, "times": 1})));
}

#[test]
fn an_upstream_message_with_a_multi_byte_character_before_equals_is_kept_in_every_family() {
    let env = common::start();
    for op in [
        "v4.get-account",
        "xml.getPhoneNumberList",
        "v1.calls.list",
        "nol.getAccount",
    ] {
        fault_next(&env, "status=400;message=numéro=bad");
        let e = env.client.call(op, json!({})).unwrap_err();
        assert_eq!(e.status(), Some(400), "{op}: {e}");
        let shown = common::shown(&e);
        assert!(shown.contains("numéro=bad"), "{op}: {shown}");
    }
    // A secret-named pair after such text is still masked.
    fault_next(&env, "status=400;message=numéro=1&password=Hunter-22");
    let e = env.client.call("v4.get-account", json!({})).unwrap_err();
    let shown = common::shown(&e);
    assert!(shown.contains("numéro=1&password=***"), "{shown}");
    assert!(!shown.contains("Hunter-22"), "{shown}");
}

#[test]
fn an_xml_body_with_a_multi_byte_character_before_equals_is_a_decode_error() {
    let e = phonecom::xml::decode_response("getVoiceList", "<response>é=1".as_bytes()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Decode);
    assert_eq!(e.raw_body(), Some("<response>é=1"));
}

#[test]
fn caller_input_with_a_multi_byte_character_before_equals_is_refused_by_name() {
    let env = common::start();
    env.clear_requests();
    let e = env
        .client
        .call(
            "v4.create-account-sms",
            json!({"from": "é=1", "to": "+16195550101", "text": "hi"}),
        )
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Validation, "{e}");
    assert!(e.fields().iter().any(|f| f.field == "from"), "{e:?}");
    assert!(env.requests().is_empty(), "refused before sending");
}

#[test]
fn a_v4_filter_value_or_sort_key_with_a_multi_byte_character_before_equals() {
    let env = common::start();
    for params in [
        json!({"filters": {"npa": "é=1"}}),
        json!({"filters": {"npa": "eq:é=1"}}),
        json!({"sort": {"é=": "asc"}}),
    ] {
        match env
            .client
            .call("v4.list-available-phone-numbers", params.clone())
        {
            Ok(resp) => assert!(resp.is_object(), "{params}"),
            Err(e) => {
                let shown = common::shown(&e);
                assert!(
                    matches!(e.kind(), ErrorKind::Validation),
                    "{params}: {shown}"
                );
                assert!(shown.contains("é="), "the value is named as given: {shown}");
            }
        }
    }
}

#[test]
fn an_upstream_repeating_caller_text_with_multi_byte_characters_is_masked_not_a_panic() {
    let env = common::start();
    let text = "numéro=42 é=1 😀=x";
    fault_next(&env, "echo");
    let e = env
        .client
        .call(
            "v4.create-account-sms",
            json!({"from": "+18585550100", "to": "+16195550101", "text": text}),
        )
        .unwrap_err();
    assert!(common::shown(&e).contains(text), "{}", common::shown(&e));
}

#[test]
fn the_redactor_keeps_text_around_multi_byte_characters() {
    let r = Redactor::new(["hunter2hunter2"]);
    assert_eq!(r.redact("numéro=bad"), "numéro=bad");
    assert_eq!(
        r.redact("é=1&password=hunter2hunter2&ü=2"),
        "é=1&password=***&ü=2"
    );
    let v: Value = json!({"message": "🇫🇷=1"});
    assert_eq!(r.redact(&v.to_string()), v.to_string());
}
