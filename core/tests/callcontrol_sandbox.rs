//! Call control driven by the sandbox: a partner's HTTP endpoint on loopback answers with
//! `phonecom::callcontrol` (parse, route through a `CallHandler`, render), and the sandbox's
//! driver (`POST /_sandbox/callcontrol/calls`) places calls to it the way Phone.com does. Every
//! command of the document is followed by the sandbox's strict parser; digits, unanswered
//! forwards, timeouts and the error path reach the right handler method.

mod common;

use common::Env;
use phonecom::callcontrol::{handle, CallHandler, CallRequest, Command};
use phonecom::Result;
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

/// The partner's logic; `scenario` comes from the URL's own query string.
#[derive(Default)]
struct Partner {
    events: Mutex<Vec<String>>,
}

impl Partner {
    fn log(&self, call: &CallRequest, what: String) {
        let scenario = call.extra.get("scenario").cloned().unwrap_or_default();
        self.events
            .lock()
            .unwrap()
            .push(format!("{scenario}: {what}"));
    }
}

fn forward(number: &str) -> Command {
    Command::SimpleForward {
        number: number.into(),
        dtmf: None,
    }
}

impl CallHandler for Partner {
    fn new_call(&self, call: &CallRequest) -> Result<Command> {
        self.log(call, format!("new call to {}", call.dialed_number));
        Ok(match call.extra.get("scenario").map(String::as_str) {
            Some("menu") => Command::PlayAndGetDigits {
                recording: "Main Menu".into(),
                patterns: vec!["D".into()],
            },
            Some("dtmf") => Command::SimpleForward {
                number: "+18585550102".into(),
                dtmf: Some("ww1234w5".into()),
            },
            Some("multi") => Command::MultipleForward {
                numbers: vec!["+18585550103".into(), "+18585550104".into()],
            },
            Some("extension") => Command::PlayAndGetDigits {
                recording: "Extension Prompt".into(),
                patterns: vec!["DDD".into(), "DDDD".into()],
            },
            // A forward to an extension: call control forwards to E.164 numbers only, so the
            // library refuses to render it and the endpoint answers 500 with the reason.
            Some("bug") => forward("111"),
            other => panic!("unknown scenario {other:?}"),
        })
    }

    fn command_result(&self, call: &CallRequest, previous: &str) -> Result<Option<Command>> {
        self.log(call, format!("not connected after `{previous}`"));
        Ok(match Command::parse(previous)? {
            Command::MultipleForward { .. } => Some(Command::MultipleForwardVoiceTag {
                text: "Second try".into(),
                numbers: vec!["+18585550105".into(), "+18585550106".into()],
            }),
            Command::MultipleForwardVoiceTag { .. } => Some(Command::SimpleForwardVoiceTag {
                text: "Last resort".into(),
                number: "+18585550107".into(),
                dtmf: None,
            }),
            _ => None,
        })
    }

    fn digits(&self, call: &CallRequest, digits: &str) -> Result<Option<Command>> {
        self.log(call, format!("digits `{digits}`"));
        Ok(
            match (call.extra.get("scenario").map(String::as_str), digits) {
                (_, "") => None,
                (Some("menu"), "1") => Some(Command::SimpleForwardVoiceTag {
                    text: "Sales call".into(),
                    number: "+18585550101".into(),
                    dtmf: None,
                }),
                (Some("extension"), d) if d.len() == 3 || d.len() == 4 => {
                    Some(forward(&format!("+1858555{:0>4}", d)))
                }
                (_, _) => Some(Command::PlayAndGetDigits {
                    recording: "Invalid Option".into(),
                    patterns: vec!["DDD|DDDD".into()],
                }),
            },
        )
    }

    fn completed(&self, call: &CallRequest, duration: u64) {
        self.log(call, format!("completed after {duration} s"));
    }

    fn error(&self, call: &CallRequest, error: &str) {
        self.log(call, format!("error: {error}"));
    }
}

/// Serves `partner` on an ephemeral loopback port (one thread per connection); returns the URL.
fn serve(partner: Arc<Partner>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let partner = partner.clone();
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut line = String::new();
                reader.read_line(&mut line).unwrap();
                let target = line.split_whitespace().nth(1).unwrap_or("").to_string();
                let mut length = 0;
                loop {
                    let mut h = String::new();
                    if reader.read_line(&mut h).unwrap_or(0) == 0 || h == "\r\n" {
                        break;
                    }
                    if let Some((k, v)) = h.split_once(':') {
                        if k.eq_ignore_ascii_case("content-length") {
                            length = v.trim().parse().unwrap_or(0);
                        }
                    }
                }
                let mut body = vec![0; length];
                reader.read_exact(&mut body).unwrap();
                // The URL's own query, then the form body (POST).
                let query = target.split_once('?').map(|x| x.1).unwrap_or("");
                let body = String::from_utf8_lossy(&body);
                let input = [query, &body]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join("&");
                let answer = handle(partner.as_ref(), &input);
                let mut stream = stream;
                write!(
                    stream,
                    "HTTP/1.1 {} X\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{}",
                    answer.status,
                    answer.content_type,
                    answer.body.len(),
                    answer.body
                )
                .unwrap();
            });
        }
    });
    format!("http://{addr}/phonecom/calls")
}

fn place(env: &Env, body: Value) -> Value {
    let t = env.admin("POST", "/callcontrol/calls", Some(body));
    assert!(t["uniqueID"].is_string(), "{t}");
    t
}

/// The lines the partner answered, in order.
fn answers(t: &Value) -> Vec<String> {
    t["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["response"]["body"].as_str().unwrap_or("").to_string())
        .collect()
}

fn events(p: &Partner, scenario: &str) -> Vec<String> {
    let prefix = format!("{scenario}: ");
    p.events
        .lock()
        .unwrap()
        .iter()
        .filter_map(|e| e.strip_prefix(&prefix).map(str::to_string))
        .collect()
}

#[test]
fn every_command_is_followed_by_the_sandbox() {
    let env = common::start();
    let partner = Arc::new(Partner::default());
    let url = serve(partner.clone());
    let since = env.admin("GET", "/clock", None)["now"].as_i64().unwrap();

    // A menu: the caller presses 1 and is forwarded, with a voice tag, to Sales.
    let t = place(
        &env,
        json!({"url": format!("{url}?scenario=menu"), "callerIdNumber": "+16195550199",
               "callerIdName": "Jane Doe", "digits": ["1"], "talkSeconds": 42}),
    );
    assert_eq!(t["outcome"], "connected", "{t}");
    assert_eq!(t["connected_to"], "18585550101");
    assert_eq!(
        t["dialedNumber"], "+18668252541",
        "the master's first number"
    );
    assert_eq!(
        answers(&t),
        [
            "play-and-get-digits,Main Menu,D",
            r#"simple-forward-voicetag,"Sales call",18585550101"#,
            ""
        ]
    );
    assert_eq!(t["steps"][1]["command"]["voice_tag"], "Sales call");
    assert_eq!(t["duration"], 5 + 42);
    let first = &t["steps"][0]["request"]["fields"];
    assert_eq!(first["callerIdName"], "Jane Doe");
    assert_eq!(first["callerIdNumber"], "+16195550199");
    assert_eq!(
        events(&partner, "menu"),
        [
            "new call to +18668252541",
            "digits `1`",
            "completed after 47 s"
        ]
    );

    // DTMF after a simple forward, over POST.
    let t = place(
        &env,
        json!({"url": format!("{url}?scenario=dtmf"), "method": "POST", "dialedNumber": "+18585550100"}),
    );
    assert_eq!(t["outcome"], "connected", "{t}");
    assert_eq!(t["connected_to"], "18585550102");
    assert_eq!(t["steps"][0]["command"]["dtmf"], "ww1234w5");
    assert_eq!(t["steps"][0]["request"]["method"], "POST");
    assert_eq!(
        events(&partner, "dtmf"),
        ["new call to +18585550100", "completed after 30 s"]
    );

    // Unanswered forwards come back for the next command.
    let t = place(
        &env,
        json!({"url": format!("{url}?scenario=multi"), "forwardResults": ["busy", "no-answer", "answered"]}),
    );
    assert_eq!(t["outcome"], "connected", "{t}");
    assert_eq!(t["connected_to"], "18585550107");
    assert_eq!(
        answers(&t)[..3],
        [
            "multiple-forward,18585550103,18585550104",
            r#"multiple-forward-voicetag,"Second try",18585550105,18585550106"#,
            r#"simple-forward-voicetag,"Last resort",18585550107"#,
        ]
    );
    assert_eq!(t["duration"], 2 + 20 + 30);
    assert_eq!(events(&partner, "multi").len(), 4);

    // Patterns with alternatives; digits that match no pattern; a timeout ends the call.
    let t = place(
        &env,
        json!({"url": format!("{url}?scenario=extension"), "digits": ["12", "1234"]}),
    );
    assert_eq!(t["outcome"], "connected", "{t}");
    assert_eq!(t["connected_to"], "18585551234");
    assert_eq!(
        answers(&t)[1],
        "play-and-get-digits,Invalid Option,DDD|DDDD"
    );
    assert!(t["steps"][0]["result"]
        .as_str()
        .unwrap()
        .contains("does not match"));
    let t = place(&env, json!({"url": format!("{url}?scenario=extension")}));
    assert_eq!(t["outcome"], "hangup", "{t}");
    assert_eq!(t["duration"], 15, "5 s of greeting, 10 s of waiting");
    assert!(events(&partner, "extension").contains(&"digits ``".to_string()));

    // A command the library refuses never reaches Phone.com: the endpoint answers 500 with the
    // reason, Phone.com reports the error, and the call ends.
    let t = place(&env, json!({"url": format!("{url}?scenario=bug")}));
    assert_eq!(t["outcome"], "error", "{t}");
    assert_eq!(t["steps"][0]["response"]["status"], 500);
    let reason = t["steps"][0]["response"]["body"].as_str().unwrap();
    assert!(reason.contains("E.164"), "{reason}");
    let bug = events(&partner, "bug");
    assert_eq!(bug.len(), 3, "{bug:?}");
    assert!(
        bug[1].starts_with("error: the partner URL answered HTTP 500"),
        "{bug:?}"
    );
    assert!(bug[2].starts_with("completed after"), "{bug:?}");

    // Each call is in the dialed account's call log.
    let calls = env
        .client
        .xml()
        .call_list(Some(since), None)
        .unwrap()
        .into_items();
    let cc: Vec<_> = calls
        .iter()
        .filter(|c| {
            c.final_action
                .as_deref()
                .is_some_and(|a| a.starts_with("callcontrol"))
        })
        .collect();
    assert_eq!(cc.len(), 6, "{cc:?}");
    assert!(cc.iter().any(|c| c.final_action.as_deref()
        == Some(r#"callcontrol simple-forward-voicetag,"Sales call",18585550101"#)
        && c.caller_id.as_deref() == Some("+16195550199")));
    assert!(cc
        .iter()
        .any(|c| c.final_action.as_deref() == Some("callcontrol error")));
    // The sandbox kept every transcript.
    let all = env.admin("GET", "/callcontrol/calls", None);
    assert_eq!(all["calls"].as_array().unwrap().len(), 6);
}
