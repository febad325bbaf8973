//! The call-control driver against a tiny partner server (std TcpListener): every command, the
//! error field, digits, hang-up, POST, unreachable partners, the request cap and bad input.

mod common;

use common::xml::{tag, Xml};
use common::Client;
use phonecom_sandbox::http::{parse::read_request, url::parse_query};
use phonecom_sandbox::Sandbox;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io::{BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

type Fields = BTreeMap<String, String>;
type Script = dyn Fn(&Fields, usize) -> (u16, &'static str, String) + Send + Sync;

/// A partner web service: records what it receives and answers with `script`.
struct Partner {
    port: u16,
    seen: Arc<Mutex<Vec<(String, String, Fields)>>>,
}

impl Partner {
    fn start(
        script: impl Fn(&Fields, usize) -> (u16, &'static str, String) + Send + Sync + 'static,
    ) -> Partner {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let (log, script): (_, Arc<Script>) = (seen.clone(), Arc::new(script));
        std::thread::spawn(move || {
            for s in listener.incoming() {
                let Ok(mut s) = s else { continue };
                let mut r = BufReader::new(s.try_clone().unwrap());
                let Ok(Some(req)) = read_request(&mut r) else {
                    continue;
                };
                let mut fields: Fields = req.query.iter().cloned().collect();
                let body = String::from_utf8_lossy(&req.body).into_owned();
                fields.extend(parse_query(&body));
                let n = {
                    let mut l = log.lock().unwrap();
                    l.push((req.method.clone(), req.path.clone(), fields.clone()));
                    l.len()
                };
                let (status, ct, text) = script(&fields, n);
                let mut out = format!(
                    "HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n",
                    text.len()
                );
                if !ct.is_empty() {
                    out.push_str(&format!("Content-Type: {ct}\r\n"));
                }
                out.push_str("\r\n");
                out.push_str(&text);
                let _ = s.write_all(out.as_bytes());
            }
        });
        Partner { port, seen }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}/cc/hook?key=k1", self.port)
    }

    fn requests(&self) -> Vec<Fields> {
        self.seen
            .lock()
            .unwrap()
            .iter()
            .map(|r| r.2.clone())
            .collect()
    }
}

fn text(body: &str) -> (u16, &'static str, String) {
    (200, "text/plain", body.to_string())
}

fn place(c: &Client, body: Value) -> Value {
    let r = c.admin("POST", "/callcontrol/calls", Some(body));
    assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
    r.json()
}

#[test]
fn simple_forward_connects_and_ends_with_duration() {
    let sb = Sandbox::start().unwrap();
    let c = Client::new(&sb);
    let p = Partner::start(|f, _| match f.get("duration") {
        Some(_) => text(""),
        None => text("simple-forward,18585602222ww12w3\n"),
    });
    let t = place(
        &c,
        json!({
            "url": p.url(), "dialedNumber": "+18585550100", "callerIdNumber": "+16195550199",
            "callerIdName": "Jane Doe", "talkSeconds": 42,
        }),
    );
    let reqs = p.requests();
    assert_eq!(reqs.len(), 2);
    let first = &reqs[0];
    assert_eq!(
        first["dialedNumber"], "+18585550100",
        "+ arrives intact (sent as %2B)"
    );
    assert_eq!(first["callerIdNumber"], "+16195550199");
    assert_eq!(first["callerIdName"], "Jane Doe");
    assert_eq!(first["key"], "k1", "the URL's own query is kept");
    assert!(first["uniqueID"].starts_with("sbx") && !first.contains_key("previous-response"));
    let last = &reqs[1];
    assert_eq!(last["uniqueID"], first["uniqueID"]);
    assert_eq!(
        last["previous-response"],
        "simple-forward,18585602222ww12w3"
    );
    assert_eq!(last["duration"], "42");
    assert!(!last.contains_key("error") && !last.contains_key("digits"));
    assert_eq!(
        (t["outcome"].as_str(), t["duration"].as_u64()),
        (Some("connected"), Some(42))
    );
    assert_eq!(t["connected_to"], "18585602222");
    assert_eq!(t["steps"][0]["command"]["dtmf"], "ww12w3");
    assert_eq!(t["steps"][0]["response"]["content_type"], "text/plain");
    assert_eq!(
        t["steps"][0]["request"]["fields"]["callerIdName"],
        "Jane Doe"
    );
    assert!(t["steps"][0]["request"]["url"]
        .as_str()
        .unwrap()
        .contains("callerIdNumber=%2B16195550199"));

    // Stored and listable.
    let id = t["uniqueID"].as_str().unwrap();
    let list = c.admin("GET", "/callcontrol/calls", None).json();
    assert_eq!(list["calls"].as_array().unwrap().len(), 1);
    assert_eq!(
        c.admin("GET", &format!("/callcontrol/calls/{id}"), None)
            .json()["outcome"],
        "connected"
    );
    assert_eq!(c.admin("GET", "/callcontrol/calls/nope", None).status, 404);

    // The call is in the XML call log of the account holding the dialed number.
    let x = Xml::new(&sb);
    let log_id = t["call_log_id"].as_u64().unwrap();
    let now = c.admin("GET", "/clock", None).json()["now"]
        .as_i64()
        .unwrap();
    let calls = x
        .post("getCallList", &[("startTime", &(now - 60).to_string())])
        .expect_ok();
    let row = calls
        .all("call")
        .into_iter()
        .find(|r| r.contains(&format!("id=\"{log_id}\"")))
        .unwrap();
    assert_eq!(tag(&row, "duration").as_deref(), Some("42"));
    assert_eq!(tag(&row, "callerId").as_deref(), Some("+16195550199"));

    assert_eq!(c.admin("DELETE", "/callcontrol/calls", None).status, 200);
    assert!(c.admin("GET", "/callcontrol/calls", None).json()["calls"]
        .as_array()
        .unwrap()
        .is_empty());
}

#[test]
fn menu_digits_no_answer_then_voicetag_forward() {
    let sb = Sandbox::start().unwrap();
    let c = Client::new(&sb);
    let p = Partner::start(|f, _| {
        if f.contains_key("duration") {
            return text("");
        }
        match (
            f.get("previous-response").map(String::as_str),
            f.get("digits").map(String::as_str),
        ) {
            (None, _) => text("play-and-get-digits,Main Menu,D|55D"),
            (Some(_), Some("553")) => {
                text("multiple-forward-voicetag,\"Sales line\",18585550101,18585550102")
            }
            (Some(prev), None) if prev.starts_with("multiple-forward") => {
                text("simple-forward-voicetag,\"Operator\",16195550100")
            }
            _ => text("play-and-get-digits,Main Menu,D|55D"),
        }
    });
    let t = place(
        &c,
        json!({
            "url": p.url(), "digits": ["553"], "forwardResults": ["no-answer", "answered"], "talkSeconds": 10,
        }),
    );
    let reqs = p.requests();
    assert_eq!(reqs.len(), 4, "{t:#}");
    assert!(
        !reqs[0].contains_key("callerIdNumber"),
        "caller ID not always available"
    );
    assert_eq!(
        reqs[0]["dialedNumber"], "+18668252541",
        "default: the master's first number"
    );
    assert_eq!(reqs[1]["digits"], "553");
    assert_eq!(
        reqs[1]["previous-response"],
        "play-and-get-digits,Main Menu,D|55D"
    );
    assert_eq!(
        reqs[2]["previous-response"],
        "multiple-forward-voicetag,\"Sales line\",18585550101,18585550102"
    );
    assert!(!reqs[2].contains_key("digits") && !reqs[2].contains_key("duration"));
    assert_eq!(reqs[3]["duration"], (5 + 20 + 10).to_string());
    assert_eq!(t["outcome"], "connected");
    assert_eq!(t["connected_to"], "16195550100");
    assert_eq!(t["steps"][0]["command"]["patterns"], json!(["D", "55D"]));
    assert!(t["steps"][0]["result"]
        .as_str()
        .unwrap()
        .contains("matches the pattern"));
    assert_eq!(t["steps"][1]["command"]["voice_tag"], "Sales line");
}

#[test]
fn invalid_commands_are_reported_in_the_error_field() {
    let sb = Sandbox::start().unwrap();
    let c = Client::new(&sb);
    for (answer, why) in [
        (text("simple-forward,1858"), "E.164"),
        (
            text("simple-forward-voicetag,Hello,18585602222"),
            "double quotes",
        ),
        (
            text("multiple-forward,18585602222w1"),
            "only on simple-forward",
        ),
        (text("play-and-get-digits,Menu,DDDIDDDD"), "`|`"),
        (text("dial,18585602222"), "unknown command"),
        (
            text("simple-forward,18585602222\nsimple-forward,18585602222"),
            "one line",
        ),
        (
            (200, "text/html", "simple-forward,18585602222".to_string()),
            "text/plain",
        ),
        (
            (200, "", "simple-forward,18585602222".to_string()),
            "text/plain",
        ),
        ((500, "text/plain", "oops".to_string()), "HTTP 500"),
    ] {
        let first = answer.clone();
        let p = Partner::start(move |f, _| {
            if f.contains_key("previous-response") {
                text("")
            } else {
                first.clone()
            }
        });
        let t = place(&c, json!({"url": p.url()}));
        let reqs = p.requests();
        assert_eq!(reqs.len(), 3, "{why}: {t:#}");
        let err = &reqs[1]["error"];
        assert!(err.contains(why), "{why}: {err}");
        assert_eq!(
            reqs[1]["previous-response"],
            answer.2.trim_end_matches('\n')
        );
        assert!(!reqs[1].contains_key("duration"));
        assert!(reqs[2].contains_key("duration") && !reqs[2].contains_key("error"));
        assert_eq!(t["outcome"], "error");
        assert!(t["steps"][0]["error"].as_str().unwrap().contains(why));
    }
}

#[test]
fn timeouts_hangups_post_and_the_request_cap() {
    let sb = Sandbox::start().unwrap();
    let c = Client::new(&sb);
    // Digits used up: the caller presses nothing; `digits` is sent empty. Then an empty answer
    // hangs up.
    let p = Partner::start(|f, _| match f.get("digits") {
        None => text("play-and-get-digits,Menu,DDD|DDDD"),
        Some(_) => text(""),
    });
    let t = place(&c, json!({"url": p.url(), "method": "POST"}));
    let seen = p.seen.lock().unwrap().clone();
    assert!(seen
        .iter()
        .all(|(m, path, f)| m == "POST" && path == "/cc/hook" && f.contains_key("uniqueID")));
    let reqs = p.requests();
    assert_eq!(reqs.len(), 3);
    assert_eq!(reqs[1]["digits"], "");
    assert_eq!(reqs[2]["duration"], "15");
    assert_eq!(t["outcome"], "hangup");

    // A partner that never stops asking for digits is cut off after maxRequests.
    let p = Partner::start(|f, _| match f.get("duration") {
        Some(_) => text(""),
        None => text("play-and-get-digits,Menu,D"),
    });
    let t = place(
        &c,
        json!({"url": p.url(), "maxRequests": 4, "digits": ["1", "2", "3", "4", "5"]}),
    );
    let reqs = p.requests();
    assert_eq!(reqs.len(), 4);
    assert!(reqs[3].contains_key("duration"));
    assert_eq!(t["outcome"], "max_requests");

    // Busy, then the partner gives up.
    let p = Partner::start(|f, _| match f.get("previous-response") {
        None => text("multiple-forward,18585550101,18585550102"),
        Some(_) => text(""),
    });
    let t = place(&c, json!({"url": p.url(), "forwardResults": ["busy"]}));
    assert_eq!(
        (t["outcome"].as_str(), t["requests"].as_u64()),
        (Some("hangup"), Some(3))
    );
    assert_eq!(t["duration"], 2);

    // Nobody listening.
    let closed = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let t = place(
        &c,
        json!({"url": format!("http://127.0.0.1:{port}/x"), "timeoutMs": 500}),
    );
    assert_eq!(t["outcome"], "unreachable");
    assert!(t["steps"][0]["transport_error"].is_string());
}

#[test]
fn bad_driver_requests_are_refused() {
    let sb = Sandbox::start().unwrap();
    let c = Client::new(&sb);
    for body in [
        json!({}),
        json!({"url": "https://example.com/"}),
        json!({"url": "http://127.0.0.1:9/", "method": "PUT"}),
        json!({"url": "http://127.0.0.1:9/", "digits": ["12a"]}),
        json!({"url": "http://127.0.0.1:9/", "digits": "12"}),
        json!({"url": "http://127.0.0.1:9/", "forwardResults": ["maybe"]}),
        json!({"url": "http://127.0.0.1:9/", "maxRequests": 1}),
    ] {
        let r = c.admin("POST", "/callcontrol/calls", Some(body.clone()));
        assert_eq!(r.status, 400, "{body}");
        assert!(r.json()["error"].is_string());
    }
    assert_eq!(c.admin("PUT", "/callcontrol/calls", None).status, 405);
    assert_eq!(c.admin("GET", "/nothing-here", None).status, 404);
    // Reset forgets transcripts.
    let p = Partner::start(|_, _| text(""));
    place(&c, json!({"url": p.url()}));
    c.admin("POST", "/reset", None);
    assert!(c.admin("GET", "/callcontrol/calls", None).json()["calls"]
        .as_array()
        .unwrap()
        .is_empty());
}
