//! Property tests with arbitrary Unicode (multi-byte characters, combining marks, emoji, `=`,
//! `&`, quotes) on every public path that masks, truncates or echoes text: nothing panics, and
//! what must round-trip does. Calls go over loopback to one sandbox per property.

mod common;

use phonecom::callcontrol::{CallRequest, Command};
use phonecom::{Error, ErrorKind};
use proptest::prelude::*;
use serde_json::json;
use std::sync::OnceLock;

/// Pieces that stress masking and echoing, concatenated.
fn hostile_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "\\PC{0,4}",
        "[=&\"',:;|\\\\ <>\n\r]",
        "[éü\u{301}\u{200d}😀🇫🇷\u{2028}\u{0}]",
        Just("password=".to_string()),
        Just("\"token\":\"".to_string()),
        Just("+1858".to_string()),
        Just("w12".to_string()),
    ];
    proptest::collection::vec(piece, 0..16).prop_map(|v| v.concat())
}

/// An error's every rendering (Display, Debug, JSON), which must never panic.
fn render(e: &Error) -> String {
    common::shown(e)
}

/// A call-control line: mostly well-formed commands with varied (often valid) fields, some with
/// hostile text in a field, and some hostile text alone; with or without a line ending.
fn command_line() -> impl Strategy<Value = String> {
    let number = prop_oneof![
        3 => "\\+?[1-9][0-9]{7,14}",
        1 => "[0-9+wW]{0,16}",
        1 => hostile_text(),
    ];
    let dtmf = prop_oneof![Just(String::new()), "w{1,3}[0-9]{1,4}", "w[0-9wW*#é]{0,4}"];
    let tag = prop_oneof![
        3 => "[a-zA-Zé😀\u{301}][a-zA-Zé😀\u{301} ]{0,40}",
        1 => hostile_text(),
    ];
    let patterns = prop_oneof![3 => "[0-9D]{1,4}(\\|[0-9D]{1,4}){0,2}", 1 => hostile_text()];
    let numbers = proptest::collection::vec(number.clone(), 1..4).prop_map(|v| v.join(","));
    let line = prop_oneof![
        (number.clone(), dtmf.clone()).prop_map(|(n, d)| format!("simple-forward,{n}{d}")),
        (tag.clone(), number, dtmf)
            .prop_map(|(t, n, d)| format!("simple-forward-voicetag,\"{t}\",{n}{d}")),
        numbers
            .clone()
            .prop_map(|l| format!("multiple-forward,{l}")),
        (tag.clone(), numbers).prop_map(|(t, l)| format!("multiple-forward-voicetag,\"{t}\",{l}")),
        (tag, patterns).prop_map(|(r, p)| format!("play-and-get-digits,{r},{p}")),
        hostile_text(),
    ];
    (line, "(\r?\n)?").prop_map(|(line, end)| line + &end)
}

/// `cases` cases, without regression files (proptest finds no source file to put them beside
/// for an integration test; a failing input is printed instead).
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(512))]

    /// parse -> render -> parse is the identity for every accepted line.
    #[test]
    fn a_parsed_command_renders_to_a_line_that_parses_back_to_it(line in command_line()) {
        match Command::parse(&line) {
            Ok(cmd) => {
                let rendered = cmd.render().expect("a parsed command renders");
                prop_assert_eq!(Command::parse(&rendered).ok(), Some(cmd.clone()), "{:?} -> {:?}", line, rendered);
                prop_assert_eq!(Command::from_json(&cmd.to_json()).ok(), Some(cmd));
            }
            Err(e) => {
                prop_assert_eq!(e.kind(), ErrorKind::Validation);
                let _ = render(&e);
            }
        }
    }

    #[test]
    fn call_requests_of_any_text_parse_or_are_refused(input in hostile_text()) {
        match CallRequest::parse(&input) {
            Ok(r) => prop_assert_eq!(CallRequest::parse(&r.to_query()).ok(), Some(r)),
            Err(e) => { let _ = render(&e); }
        }
    }

    #[test]
    fn xml_bodies_of_any_text_decode_or_are_refused(
        inner in hostile_text(),
        wrap in proptest::bool::ANY,
    ) {
        let body = if wrap {
            format!("<response><result status=\"error\" message=\"{inner}\"/><svTRID>1</svTRID></response>")
        } else {
            format!("<response>{inner}")
        };
        if let Err(e) = phonecom::xml::decode_response("getVoiceList", body.as_bytes()) {
            let _ = render(&e);
        }
    }
}

proptest! {
    #![proptest_config(config(48))]

    /// Caller text reaches validation, the wire, the sandbox's answer and the error; none panics.
    #[test]
    fn caller_text_anywhere_in_a_call_never_panics(text in hostile_text(), key in hostile_text()) {
        static ENV: OnceLock<common::Env> = OnceLock::new();
        let env = sandbox(&ENV);
        let calls = [
            ("v4.create-account-sms", json!({"from": text, "to": "+16195550101", "text": "hi"})),
            ("v4.create-account-sms", json!({"from": "+18585550100", "to": "+16195550101", "text": text})),
            ("v4.list-available-phone-numbers", json!({"filters": {"npa": text}, "limit": 1})),
            ("v4.list-available-phone-numbers", json!({"sort": {key.clone(): "asc"}, "limit": 1})),
            ("xml.getPhoneNumberList", json!({"npa": text})),
            ("nol.getAccountListing", json!({"e164": text})),
        ];
        for (op, params) in calls {
            if let Err(e) = env.client.call(op, params) {
                let _ = render(&e);
            }
        }
        // An upstream that repeats the text it was sent (the sandbox's `echo` fault).
        env.admin("POST", "/faults", Some(json!({"fault": "echo", "times": 1})));
        let echoed = env.client.call(
            "v4.create-account-sms",
            json!({"from": "+18585550100", "to": "+16195550101", "text": text}),
        );
        env.admin("DELETE", "/faults", None);
        if let Err(e) = echoed {
            let _ = render(&e);
        }
    }

    /// Whatever an upstream says, in any family, comes back in the error without a panic, and a
    /// secret-named pair in it is masked.
    #[test]
    fn upstream_text_in_any_family_is_shown_and_masked(text in "[^;]{0,40}") {
        // Its own sandbox: the faults it queues apply to the next request, whoever sends it.
        static ENV: OnceLock<common::Env> = OnceLock::new();
        let env = sandbox(&ENV);
        let message = format!("{text}&password=Pw-Upstream-1");
        let spec = format!("status=400;message={message}");
        for op in ["v4.get-account", "xml.getPhoneNumberList", "v1.calls.list", "nol.getAccount"] {
            env.admin("POST", "/faults", Some(json!({"fault": spec, "times": 1})));
            let e = env.client.call(op, json!({})).unwrap_err();
            let shown = render(&e);
            prop_assert!(!shown.contains("Pw-Upstream-1"), "{}: {}", op, shown);
        }
    }
}

/// One sandbox shared by the cases of a property (each case is one or a few calls).
fn sandbox(slot: &'static OnceLock<common::Env>) -> &'static common::Env {
    slot.get_or_init(|| {
        common::start_with(|c| {
            c["retry"]["max_attempts"] = json!(1);
        })
    })
}

/// The round-trip property means something only if many generated lines are accepted.
#[test]
fn most_generated_command_lines_are_accepted() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = command_line();
    let accepted = (0..400)
        .filter(|_| {
            let line = strategy.new_tree(&mut runner).unwrap().current();
            Command::parse(&line).is_ok()
        })
        .count();
    assert!(accepted >= 100, "only {accepted} of 400 lines parse");
}
