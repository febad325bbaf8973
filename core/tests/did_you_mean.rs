//! "Did you mean": an unknown operation name suggests the closest names of its own family
//! first, and the error names the naming rule. Lookups fail before any request is sent, so
//! these tests need no server.

use phonecom::{Client, Config, ErrorKind};
use serde_json::json;

/// The suggestions listed by the error for `name`, best first.
fn suggestions(name: &str) -> (Vec<String>, String) {
    let client = Client::new(Config::default()).unwrap();
    let e = client.call(name, json!({})).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Validation, "{e}");
    let text = e.to_string();
    assert!(
        text.contains("names are family.operationId"),
        "the error names the rule: {text}"
    );
    let listed = text
        .split_once("did you mean ")
        .and_then(|(_, rest)| rest.split_once('?'))
        .map(|(list, _)| list.split(", ").map(str::to_string).collect())
        .unwrap_or_default();
    (listed, text)
}

#[test]
fn a_typo_suggests_the_intended_operation_first() {
    for (typed, meant) in [
        ("v4.get-acount", "v4.get-account"),
        (
            "v4.list-available-numbers",
            "v4.list-available-phone-numbers",
        ),
        ("xml.getNumberList", "xml.getPhoneNumberList"),
    ] {
        let (listed, text) = suggestions(typed);
        assert_eq!(listed.first().map(String::as_str), Some(meant), "{text}");
        assert!(listed.len() <= 5, "{text}");
    }
}

#[test]
fn suggestions_stay_in_the_named_family_before_others() {
    let (listed, text) = suggestions("v4.get-acount");
    let first_other = listed.iter().position(|n| !n.starts_with("v4."));
    let last_v4 = listed.iter().rposition(|n| n.starts_with("v4."));
    if let (Some(other), Some(v4)) = (first_other, last_v4) {
        assert!(v4 < other, "v4 names come first: {text}");
    }
}

#[test]
fn an_unknown_family_still_gets_sensible_suggestions() {
    let (listed, text) = suggestions("v5.get-account");
    assert!(listed.iter().any(|n| n == "v4.get-account"), "{text}");
    let (listed, text) = suggestions("getPhoneNumberList");
    assert_eq!(
        listed.first().map(String::as_str),
        Some("xml.getPhoneNumberList"),
        "{text}"
    );
}

#[test]
fn a_name_like_nothing_suggests_nothing_but_still_names_the_rule() {
    let (listed, text) = suggestions("zzzzqqqq");
    assert!(listed.is_empty(), "{text}");
}
