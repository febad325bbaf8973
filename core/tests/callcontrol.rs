//! Call control: every command of the document, every refusal rule, request parsing and
//! classification, the JSON forms and the router.

use phonecom::callcontrol::{
    handle, render_json, route, CallHandler, CallRequest, Command, Event, CONTENT_TYPE,
};
use phonecom::{ErrorKind, Result};
use serde_json::{json, Value};

fn sf(number: &str, dtmf: Option<&str>) -> Command {
    Command::SimpleForward {
        number: number.into(),
        dtmf: dtmf.map(str::to_string),
    }
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

// ---- rendering: the document's examples ----------------------------------------------------

#[test]
fn simple_forward_and_its_dtmf_examples() {
    assert_eq!(
        sf("18585602222", None).render().unwrap(),
        "simple-forward,18585602222"
    );
    assert_eq!(
        sf("+18585602222", None).render().unwrap(),
        "simple-forward,18585602222"
    );
    assert_eq!(
        sf("18585602222", Some("w1234")).render().unwrap(),
        "simple-forward,18585602222w1234"
    );
    assert_eq!(
        sf("18585602222", Some("ww1234w5")).render().unwrap(),
        "simple-forward,18585602222ww1234w5"
    );
}

#[test]
fn voicetag_forwards() {
    let c = Command::SimpleForwardVoiceTag {
        text: "Call from the website".into(),
        number: "+18585602222".into(),
        dtmf: Some("w1234".into()),
    };
    assert_eq!(
        c.render().unwrap(),
        r#"simple-forward-voicetag,"Call from the website",18585602222w1234"#
    );
    let c = Command::MultipleForwardVoiceTag {
        text: "Support".into(),
        numbers: strings(&["+18585602222", "18585602223", "+442071838750"]),
    };
    assert_eq!(
        c.render().unwrap(),
        r#"multiple-forward-voicetag,"Support",18585602222,18585602223,442071838750"#
    );
}

#[test]
fn multiple_forward() {
    let c = Command::MultipleForward {
        numbers: strings(&["+18585602222", "+18585602223"]),
    };
    assert_eq!(
        c.render().unwrap(),
        "multiple-forward,18585602222,18585602223"
    );
}

#[test]
fn play_and_get_digits_examples() {
    let c = |patterns: &[&str]| Command::PlayAndGetDigits {
        recording: "Recording Name".into(),
        patterns: strings(patterns),
    };
    assert_eq!(
        c(&["55D"]).render().unwrap(),
        "play-and-get-digits,Recording Name,55D"
    );
    assert_eq!(
        c(&["DDD", "DDDD"]).render().unwrap(),
        "play-and-get-digits,Recording Name,DDD|DDDD"
    );
    assert_eq!(
        c(&["DDD|DDDD"]).render().unwrap(),
        "play-and-get-digits,Recording Name,DDD|DDDD"
    );
}

// ---- refusals --------------------------------------------------------------------------------

fn refused(c: Command, field: &str, says: &str) {
    let e = c.render().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Validation);
    assert!(
        e.fields().iter().any(|f| f.field == field),
        "{e}: no field {field}"
    );
    assert!(e.to_string().contains(says), "{e} should say {says}");
}

#[test]
fn numbers_must_be_e164() {
    for bad in [
        "858-560-2222",
        "1858560222a",
        "1234567",
        "08585602222",
        "",
        "+",
        "1234567890123456",
    ] {
        refused(sf(bad, None), "number", "E.164");
    }
    refused(sf("18585602222w123", None), "number", "put DTMF in `dtmf`");
    refused(
        Command::MultipleForward {
            numbers: strings(&["18585602222", "abc"]),
        },
        "numbers[1]",
        "E.164",
    );
    refused(
        Command::MultipleForward { numbers: vec![] },
        "numbers",
        "at least one",
    );
}

#[test]
fn dtmf_rules() {
    refused(
        sf("18585602222", Some("1234")),
        "dtmf",
        "must start with `w`",
    );
    refused(sf("18585602222", Some("w12a")), "dtmf", "the digits 0-9");
    // The document allows `w` and digits only: `*` and `#` are refused, naming the field.
    refused(sf("18585602222", Some("w*9")), "dtmf", "found `*`");
    refused(sf("18585602222", Some("w9#")), "dtmf", "found `#`");
    refused(
        sf("18585602222", Some("w1,simple-forward,19005550000")),
        "dtmf",
        "0-9",
    );
    refused(sf("18585602222", Some("www")), "dtmf", "at least one key");
    assert!(sf("18585602222", Some("ww1234w5")).render().is_ok());
    // DTMF only on the simple forwards: the JSON form of multiple-forward refuses it.
    let e = render_json(
        &json!({"command": "multiple-forward", "numbers": ["18585602222"], "dtmf": "w1"}),
    )
    .unwrap_err();
    assert!(
        e.to_string()
            .contains("`dtmf` is not a field of multiple-forward"),
        "{e}"
    );
}

#[test]
fn voice_tags_are_short_and_cannot_inject() {
    let tag = |text: &str| Command::SimpleForwardVoiceTag {
        text: text.into(),
        number: "18585602222".into(),
        dtmf: None,
    };
    refused(tag(&"a".repeat(41)), "text", "41 given, 1 over");
    assert!(tag(&"a".repeat(40)).render().is_ok());
    refused(tag(""), "text", "required");
    refused(tag("   "), "text", "required");
    refused(tag(r#"Sales",19005550000"#), "text", "double quote");
    refused(tag("Sales, East"), "text", "a comma");
    refused(
        tag("Sales\nmultiple-forward,19005550000"),
        "text",
        "line break",
    );
    refused(tag("Sales\r"), "text", "line break");
    refused(tag("Sales\u{2028}x"), "text", "line break");
    refused(tag("Sa\\les"), "text", "backslash");
    refused(tag("Sa\tles"), "text", "control character");
    refused(
        Command::MultipleForwardVoiceTag {
            text: "\"".into(),
            numbers: strings(&["18585602222"]),
        },
        "text",
        "double quote",
    );
}

#[test]
fn recordings_and_patterns() {
    let pg = |rec: &str, pats: &[&str]| Command::PlayAndGetDigits {
        recording: rec.into(),
        patterns: strings(pats),
    };
    refused(pg("Main, Menu", &["D"]), "recording", "a comma");
    refused(
        pg("Main\nsimple-forward,1900", &["D"]),
        "recording",
        "line break",
    );
    refused(pg("\"Main\"", &["D"]), "recording", "double quote");
    refused(pg(" Main", &["D"]), "recording", "spaces");
    refused(pg("", &["D"]), "recording", "required");
    refused(pg("Main", &[]), "patterns", "at least one");
    refused(pg("Main", &["DD*"]), "patterns", "only 0-9 and D");
    refused(pg("Main", &["ddd"]), "patterns", "only 0-9 and D");
    refused(pg("Main", &["DDD||D"]), "patterns", "empty pattern");
    refused(
        pg("Main", &["DDD,simple-forward"]),
        "patterns",
        "only 0-9 and D",
    );
    // The document's garbled `DDDIDDDD` (errata: the `|` was lost as `I`) is refused.
    refused(pg("Main", &["DDDIDDDD"]), "patterns", "found `I`");
}

#[test]
fn every_problem_is_reported_at_once() {
    let e = Command::SimpleForwardVoiceTag {
        text: "a,b".into(),
        number: "x".into(),
        dtmf: Some("1".into()),
    }
    .render()
    .unwrap_err();
    let fields: Vec<&str> = e.fields().iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["text", "number", "dtmf"]);
    assert_eq!(e.operation(), Some("callcontrol.simple-forward-voicetag"));
}

// ---- parsing lines and JSON ----------------------------------------------------------------

#[test]
fn lines_parse_back() {
    let commands = [
        sf("18585602222", Some("ww1234w5")),
        Command::SimpleForwardVoiceTag {
            text: "Sales".into(),
            number: "18585602222".into(),
            dtmf: None,
        },
        Command::MultipleForward {
            numbers: strings(&["18585602222", "18585602223"]),
        },
        Command::MultipleForwardVoiceTag {
            text: "Support team".into(),
            numbers: strings(&["18585602222"]),
        },
        Command::PlayAndGetDigits {
            recording: "Main Menu".into(),
            patterns: strings(&["DDD", "DDDD"]),
        },
    ];
    for c in commands {
        let line = c.render().unwrap();
        assert_eq!(Command::parse(&line).unwrap(), c, "{line}");
        assert_eq!(Command::parse(&format!("{line}\r\n")).unwrap(), c);
        assert_eq!(Command::from_json(&c.to_json()).unwrap(), c);
    }
    // A leading `+` is accepted and kept as rendered, so the command renders back to a line
    // that parses to it.
    for (line, rendered) in [
        (
            "simple-forward,+18585602222ww12",
            "simple-forward,18585602222ww12",
        ),
        (
            "multiple-forward-voicetag,\"Sales\",+18585602222,18585602223",
            "multiple-forward-voicetag,\"Sales\",18585602222,18585602223",
        ),
    ] {
        let c = Command::parse(line).unwrap();
        assert_eq!(c.render().unwrap(), rendered);
        assert_eq!(Command::parse(rendered).unwrap(), c);
    }
    for bad in [
        "hangup",
        "simple-forward-voicetag,Sales,18585602222",
        "simple-forward-voicetag,\"Sales,18585602222",
        "play-and-get-digits,Main",
        "simple-forward,1858abc",
    ] {
        assert!(Command::parse(bad).is_err(), "{bad}");
    }
}

#[test]
fn json_forms() {
    let cases: [(Value, &str); 6] = [
        (
            json!({"command": "simple-forward", "number": "+18585602222", "dtmf": "ww123"}),
            "simple-forward,18585602222ww123",
        ),
        (
            json!({"command": "simple-forward", "number": "+18585602222", "dtmf": null}),
            "simple-forward,18585602222",
        ),
        (
            json!({"command": "simple-forward-voicetag", "text": "Hi", "number": "18585602222"}),
            r#"simple-forward-voicetag,"Hi",18585602222"#,
        ),
        (
            json!({"command": "multiple-forward", "numbers": ["+18585602222", "+18585602223"]}),
            "multiple-forward,18585602222,18585602223",
        ),
        (
            json!({"command": "multiple-forward-voicetag", "text": "Hi", "numbers": ["18585602222"]}),
            r#"multiple-forward-voicetag,"Hi",18585602222"#,
        ),
        (
            json!({"command": "play-and-get-digits", "recording": "Main Menu", "pattern": "DDD|DDDD"}),
            "play-and-get-digits,Main Menu,DDD|DDDD",
        ),
    ];
    for (v, line) in cases {
        assert_eq!(render_json(&v).unwrap(), line, "{v}");
    }
    for (v, says) in [
        (json!("simple-forward"), "JSON object"),
        (json!({"number": "18585602222"}), "`command` is required"),
        (json!({"command": "hangup"}), "unknown command `hangup`"),
        (
            json!({"command": "simple-forward", "numbr": "18585602222"}),
            "`numbr` is not a field",
        ),
        (
            json!({"command": "simple-forward", "number": 18585602222u64}),
            "`number` must be a string",
        ),
        (
            json!({"command": "multiple-forward", "numbers": "18585602222,19005550000"}),
            "E.164",
        ),
        (
            json!({"command": "play-and-get-digits", "recording": "M"}),
            "`patterns` is required",
        ),
    ] {
        let e = render_json(&v).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Validation);
        assert!(e.to_string().contains(says), "{e} should say {says}");
    }
}

// ---- requests --------------------------------------------------------------------------------

#[test]
fn the_documents_requests_parse_and_classify() {
    // 1) A new call, caller id known.
    let r = CallRequest::parse(
        "uniqueID=1234567.89&dialedNumber=%2B18585602222&callerIdNumber=%2B16195550100&callerIdName=JOHN+SMITH",
    )
    .unwrap();
    assert_eq!(r.event(), Event::NewCall);
    assert_eq!(r.unique_id, "1234567.89");
    assert_eq!(r.dialed_number, "+18585602222");
    assert_eq!(r.caller_id_number.as_deref(), Some("+16195550100"));
    assert_eq!(r.caller_id_name.as_deref(), Some("JOHN SMITH"));
    // Caller id is not always available: either may be absent or empty.
    let r = CallRequest::parse("uniqueID=u1&dialedNumber=18585602222&callerIdName=").unwrap();
    assert_eq!((r.caller_id_number, r.caller_id_name), (None, None));
    // 3) Each later access repeats the fields and adds previous-response.
    let r = CallRequest::parse(
        "uniqueID=u1&dialedNumber=18585602222&previous-response=simple-forward%2C18585550100",
    )
    .unwrap();
    assert_eq!(r.event(), Event::CommandResult);
    assert_eq!(
        r.previous_response.as_deref(),
        Some("simple-forward,18585550100")
    );
    // play-and-get-digits: digits received (or none on a timeout).
    let pg = "previous-response=play-and-get-digits%2CMain+Menu%2CDDD%7CDDDD";
    let r = CallRequest::parse(&format!(
        "uniqueID=u1&dialedNumber=18585602222&{pg}&digits=123"
    ))
    .unwrap();
    assert_eq!(r.event(), Event::Digits);
    assert_eq!(r.digits.as_deref(), Some("123"));
    let r = CallRequest::parse(&format!(
        "uniqueID=u1&dialedNumber=18585602222&{pg}&digits="
    ))
    .unwrap();
    assert_eq!((r.event(), r.digits.as_deref()), (Event::Digits, Some("")));
    let r = CallRequest::parse(&format!("uniqueID=u1&dialedNumber=18585602222&{pg}")).unwrap();
    assert_eq!(r.event(), Event::Digits);
    // 5) The final access adds duration.
    let r = CallRequest::parse(
        "uniqueID=u1&dialedNumber=18585602222&previous-response=simple-forward%2C18585550100&duration=65",
    )
    .unwrap();
    assert_eq!((r.event(), r.duration), (Event::Completed, Some(65)));
    // 7) An error adds error.
    let r = CallRequest::parse(
        "uniqueID=u1&dialedNumber=18585602222&previous-response=bogus&error=Invalid+command",
    )
    .unwrap();
    assert_eq!(r.event(), Event::Error);
    assert_eq!(r.error.as_deref(), Some("Invalid command"));
}

#[test]
fn request_forms_and_refusals() {
    // A whole URL, an unencoded `+`, other case, unknown fields kept.
    let r = CallRequest::parse(
        "https://partner.example/cc?UniqueId=u9&dialednumber=+18585602222&callerIdNumber=+16195550100&x-trace=abc",
    )
    .unwrap();
    assert_eq!(r.unique_id, "u9");
    assert_eq!(r.dialed_number, "+18585602222");
    assert_eq!(r.caller_id_number.as_deref(), Some("+16195550100"));
    assert_eq!(r.extra.get("x-trace").map(String::as_str), Some("abc"));
    assert_eq!(CallRequest::parse(&r.to_query()).unwrap(), r);
    let e = CallRequest::parse("dialedNumber=1&duration=long&uniqueID=a&uniqueID=b").unwrap_err();
    let fields: Vec<&str> = e.fields().iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["uniqueID", "duration"]);
    let e = CallRequest::parse("").unwrap_err();
    assert!(e.to_string().contains("`uniqueID` is required"), "{e}");
    assert!(e.to_string().contains("`dialedNumber` is required"), "{e}");
}

#[test]
fn request_json_round_trip() {
    let r = CallRequest::parse(
        "uniqueID=u1&dialedNumber=18585602222&previous-response=simple-forward%2C18585550100&duration=65&foo=bar",
    )
    .unwrap();
    let v = r.to_json();
    assert_eq!(v["event"], "completed");
    assert_eq!(v["duration"], 65);
    assert_eq!(v["previous-response"], "simple-forward,18585550100");
    assert_eq!(v["callerIdNumber"], Value::Null);
    assert_eq!(v["extra"], json!({"foo": "bar"}));
    assert_eq!(CallRequest::from_json(&v).unwrap(), r);
    let r2 = CallRequest::from_json(
        &json!({"uniqueID": "u2", "dialedNumber": "18585602222", "duration": 3}),
    )
    .unwrap();
    assert_eq!(r2.event(), Event::Completed);
    let e = CallRequest::from_json(&json!({"uniqueID": true, "dialedNumber": "1"})).unwrap_err();
    assert!(e.to_string().contains("`uniqueID` must be a string"), "{e}");
}

// ---- routing -----------------------------------------------------------------------------------

struct Menu {
    log: std::sync::Mutex<Vec<String>>,
}

impl CallHandler for Menu {
    fn new_call(&self, _call: &CallRequest) -> Result<Command> {
        Ok(Command::PlayAndGetDigits {
            recording: "Main Menu".into(),
            patterns: strings(&["D"]),
        })
    }
    fn digits(&self, _call: &CallRequest, digits: &str) -> Result<Option<Command>> {
        Ok(match digits {
            "1" => Some(sf("+18585550101", None)),
            "9" => Some(Command::SimpleForwardVoiceTag {
                text: "bad, tag".into(),
                number: "18585550101".into(),
                dtmf: None,
            }),
            _ => None,
        })
    }
    fn completed(&self, call: &CallRequest, duration: u64) {
        self.log
            .lock()
            .unwrap()
            .push(format!("{} done after {duration}s", call.unique_id));
    }
    fn error(&self, _call: &CallRequest, error: &str) {
        self.log.lock().unwrap().push(format!("error: {error}"));
    }
}

#[test]
fn router_calls_the_handler_for_each_event() {
    let h = Menu {
        log: Default::default(),
    };
    let base = "uniqueID=u1&dialedNumber=18585602222";
    let a = handle(&h, base);
    assert_eq!(
        (a.status, a.content_type, a.body.as_str()),
        (200, CONTENT_TYPE, "play-and-get-digits,Main Menu,D")
    );
    assert_eq!(
        handle(&h, &format!("{base}&digits=1")).body,
        "simple-forward,18585550101"
    );
    assert_eq!(handle(&h, &format!("{base}&digits=5")).body, "");
    assert_eq!(
        handle(
            &h,
            &format!("{base}&previous-response=simple-forward%2C18585550101")
        )
        .body,
        ""
    );
    assert_eq!(handle(&h, &format!("{base}&duration=42")).body, "");
    assert_eq!(handle(&h, &format!("{base}&error=boom")).body, "");
    assert_eq!(*h.log.lock().unwrap(), ["u1 done after 42s", "error: boom"]);
    let bad = handle(&h, &format!("{base}&digits=9"));
    assert_eq!(bad.status, 500);
    assert!(bad.body.contains("a comma"), "{}", bad.body);
    let bad = handle(&h, "dialedNumber=1");
    assert_eq!(bad.status, 400);
    assert!(bad.body.contains("uniqueID"), "{}", bad.body);
    let call = CallRequest::parse(base).unwrap();
    assert_eq!(
        route(&h, &call).unwrap().body,
        "play-and-get-digits,Main Menu,D"
    );
}

#[test]
fn hostile_input_gets_a_short_error() {
    // 200,000 repeats of one unknown field: reported once, not 200,000 times.
    let e = CallRequest::parse(&"a=1&".repeat(200_000)).unwrap_err();
    assert!(e.to_string().len() < 2_000, "{} bytes", e.to_string().len());
    assert_eq!(
        e.to_string().matches("`a` appears more than once").count(),
        1,
        "{e}"
    );
    assert!(e.fields().len() <= 10, "{}", e.fields().len());
    // Many different problems: ten listed, the rest counted.
    let distinct: String = (0..500).map(|i| format!("k{i}=1&k{i}=2&")).collect();
    let e = CallRequest::parse(&distinct).unwrap_err();
    assert_eq!(e.fields().len(), 10, "{e}");
    assert!(e.to_string().contains("and 492 more"), "{e}");
    // A huge field name or value is echoed as a short prefix.
    let long = "x".repeat(1_000_000);
    let e = CallRequest::parse(&format!(
        "{long}=1&{long}=2&uniqueID=u&dialedNumber=%2B18585602222"
    ))
    .unwrap_err();
    assert!(e.to_string().len() < 1_000, "{} bytes", e.to_string().len());
    assert!(e.to_string().contains('…'), "{e}");
    let e = CallRequest::parse(&format!(
        "uniqueID=u&dialedNumber=%2B18585602222&duration={long}"
    ))
    .unwrap_err();
    assert!(e.to_string().len() < 1_000, "{} bytes", e.to_string().len());

    // Command lines: an 11 MB line is not echoed back.
    let huge = "z".repeat(11_000_000);
    for line in [
        huge.clone(),
        format!("simple-forward,{huge}"),
        format!("simple-forward,1858560222{huge}w"),
        format!("play-and-get-digits,Greeting,{huge}"),
        format!("multiple-forward,{}", "1,".repeat(100_000)),
    ] {
        let e = Command::parse(&line).unwrap_err();
        let shown = format!("{e}\n{}", e.to_json());
        assert!(
            shown.len() < 8_000,
            "{} bytes: {}",
            shown.len(),
            &shown[..200]
        );
    }
}
