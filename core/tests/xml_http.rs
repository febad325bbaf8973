//! The XML API over real HTTP against a minimal loopback stand-in that answers what the sandbox
//! does not (an HTML 404, the document's own malformed getVoiceList, 80 calls in one second):
//! form body and query encoding, clTRID on retries, error mapping, redaction in logs, and the
//! getCallList walker. `xml_sandbox.rs` runs every action against the real sandbox.

use phonecom::{CallOptions, Client, Config, ErrorKind, LogEvent};
use serde_json::json;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

const PASSWORD: &str = "w00t+pass&word";

#[derive(Clone, Debug)]
struct Req {
    method: String,
    target: String,
    body: String,
}

impl Req {
    /// The request's pairs, from the body (POST) or the query string (GET).
    fn pairs(&self) -> Vec<(String, String)> {
        let raw = if self.method == "GET" {
            self.target.split_once('?').map(|x| x.1).unwrap_or("")
        } else {
            &self.body
        };
        phonecom::encode::decode_pairs(raw)
    }
    fn get(&self, name: &str) -> Option<String> {
        self.pairs()
            .into_iter()
            .find(|(k, _)| k == name)
            .map(|x| x.1)
    }
}

type Handler = dyn Fn(&Req, usize) -> (u16, String) + Send + Sync;

/// Serve on an ephemeral loopback port; `handler` gets each request and its index.
fn serve(handler: Box<Handler>) -> (String, Arc<Mutex<Vec<Req>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            if reader.read_line(&mut line).is_err() {
                continue;
            }
            let mut parts = line.split_whitespace();
            let method = parts.next().unwrap_or("").to_string();
            let target = parts.next().unwrap_or("").to_string();
            let mut length = 0;
            loop {
                let mut h = String::new();
                if reader.read_line(&mut h).is_err() || h == "\r\n" || h.is_empty() {
                    break;
                }
                if let Some((k, v)) = h.split_once(':') {
                    if k.eq_ignore_ascii_case("content-length") {
                        length = v.trim().parse().unwrap_or(0);
                    }
                }
            }
            let mut body = vec![0; length];
            let _ = reader.read_exact(&mut body);
            let req = Req {
                method,
                target,
                body: String::from_utf8_lossy(&body).into_owned(),
            };
            let index = {
                let mut l = log.lock().unwrap();
                l.push(req.clone());
                l.len() - 1
            };
            let (status, body) = handler(&req, index);
            let _ = write!(
                stream,
                "HTTP/1.1 {status} X\r\nContent-Type: text/xml\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    (format!("http://{addr}/special/xmlapi"), seen)
}

fn config(base_url: &str, method: &str) -> Config {
    Config::from_value(json!({
        "xml": {"base_url": base_url, "username": "joesmith", "password": PASSWORD, "method": method},
        "retry": {"base_delay_ms": 5, "max_delay_ms": 20},
    }))
    .unwrap()
}

fn ok(cltrid: &str, data: &str) -> String {
    format!(
        r#"<response>{data}<result status="ok"><msg>Command completed successfully</msg><resultDate>2010-08-19T04:21:54.0000Z</resultDate></result><trID><clTRID>{cltrid}</clTRID><svTRID>12821917141082580761</svTRID></trID></response>"#
    )
}

#[test]
fn send_sms_posts_a_form_body() {
    let (url, seen) = serve(Box::new(|req, _| {
        (200, ok(&req.get("clTRID").unwrap(), ""))
    }));
    let client = Client::new(config(&url, "POST")).unwrap();
    let v = client
        .call(
            "xml.sendSMS",
            json!({"fromNumber": "+15802820001", "toNumber": "+18583807710", "message": "This is a test"}),
        )
        .unwrap();
    let req = seen.lock().unwrap()[0].clone();
    assert_eq!(req.method, "POST");
    assert_eq!(req.target, "/special/xmlapi");
    assert!(req.body.contains("toNumber=%2B18583807710"), "{}", req.body);
    assert_eq!(req.get("password").as_deref(), Some(PASSWORD));
    assert_eq!(req.get("action").as_deref(), Some("sendSMS"));
    assert_eq!(req.get("message").as_deref(), Some("This is a test"));
    assert_eq!(v["status"], "ok");
    assert_eq!(v["clTRID"], json!(req.get("clTRID").unwrap()));
    assert_eq!(v["svTRID"], "12821917141082580761");
    assert_eq!(v["data"], json!(null));
}

#[test]
fn get_mode_error_mapping_and_no_password_in_logs() {
    let (url, seen) = serve(Box::new(|_, _| {
        (
            200,
            r#"<response><result status="error"><msg>Invalid username or password</msg></result><trID><clTRID/><svTRID>4242</svTRID></trID></response>"#.into(),
        )
    }));
    let logs = Arc::new(Mutex::new(Vec::<String>::new()));
    let sink = logs.clone();
    let client = Client::builder(config(&url, "GET"))
        .log_hook(move |e: &LogEvent| sink.lock().unwrap().push(e.to_json().to_string()))
        .build()
        .unwrap();
    let e = client
        .call("xml.getPhoneNumberList", json!({"clTRID": "mine-1"}))
        .unwrap_err();
    let req = seen.lock().unwrap()[0].clone();
    assert_eq!(req.method, "GET");
    assert!(req.body.is_empty());
    assert_eq!(req.get("clTRID").as_deref(), Some("mine-1"));
    assert_eq!(req.get("password").as_deref(), Some(PASSWORD));
    assert_eq!(e.kind(), ErrorKind::Authentication);
    assert_eq!(e.request_id(), Some("4242"));
    assert_eq!(e.upstream_message(), Some("Invalid username or password"));
    assert_eq!(e.operation(), Some("xml.getPhoneNumberList"));
    let logs = logs.lock().unwrap();
    assert!(!logs.is_empty());
    let everything = format!("{} {e} {e:?} {}", logs.join("\n"), e.to_json());
    for leak in [PASSWORD, "w00t", "w00t%2Bpass%26word"] {
        assert!(!everything.contains(leak), "{leak} leaked: {everything}");
    }
    // The XML username is half of the login: masked too (by value and, in XML calls, by name).
    assert!(!everything.contains("joesmith"), "{everything}");
    assert!(everything.contains("username=***"), "{everything}");
}

#[test]
fn retries_resend_the_same_cltrid() {
    let (url, seen) = serve(Box::new(|req, i| {
        if i == 0 {
            (503, "busy".into())
        } else {
            (200, ok(&req.get("clTRID").unwrap(), ""))
        }
    }));
    let client = Client::new(config(&url, "POST")).unwrap();
    let resp = client
        .call_with(
            "xml.originateCall",
            json!({"legAPhoneNumber": "+18585550100", "legBPhoneNumber": "+18585550101"}),
            &CallOptions::default(),
        )
        .unwrap();
    assert_eq!(resp.attempts, 2);
    let reqs = seen.lock().unwrap().clone();
    assert_eq!(reqs.len(), 2);
    assert_eq!(reqs[0].get("clTRID"), reqs[1].get("clTRID"));
    assert_eq!(resp.data["clTRID"], json!(reqs[0].get("clTRID").unwrap()));
}

#[test]
fn http_errors_and_malformed_bodies() {
    let (url, _) = serve(Box::new(|req, _| match req.get("action").as_deref() {
        Some("getVoiceList") => (
            200,
            include_str!("fixtures/xml/get_voice_list_malformed.xml").into(),
        ),
        _ => (404, "<html>no such page</html>".into()),
    }));
    let client = Client::new(config(&url, "POST")).unwrap();
    let e = client.call("xml.getVoiceList", json!({})).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Decode);
    assert!(e.to_string().contains("not well-formed"), "{e}");
    assert!(e.raw_body().unwrap().contains("Dubya"));
    let e = client.call("xml.getSoundList", json!({})).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
    assert_eq!(e.status(), Some(404));
    assert!(e.raw_body().unwrap().contains("no such page"));
}

/// Calls a stub server holds: (id, start time).
type Calls = Arc<Vec<(String, i64)>>;

/// How a stub server reads `endTime`.
#[derive(Clone, Copy)]
enum EndTime {
    Inclusive,
    Exclusive,
}

/// A getCallList server over calls at `times` (ids from 100000 in order), capped at 500 rows per
/// request like the real one: its URL, the requests it saw, and the calls (id, time).
fn call_list_server(times: Vec<i64>, end: EndTime) -> (String, Arc<Mutex<Vec<Req>>>, Calls) {
    let data: Calls = Arc::new(
        times
            .iter()
            .enumerate()
            .map(|(i, t)| (format!("{}", 100_000 + i), *t))
            .collect(),
    );
    let rows = data.clone();
    let (url, seen) = serve(Box::new(move |req, _| {
        let a: i64 = req.get("startTime").unwrap().parse().unwrap();
        let b: i64 = req.get("endTime").unwrap().parse().unwrap();
        let in_range = |t: i64| match end {
            EndTime::Inclusive => t >= a && t <= b,
            EndTime::Exclusive => t >= a && t < b,
        };
        let calls: String = rows
            .iter()
            .filter(|(_, t)| in_range(*t))
            .take(500)
            .map(|(id, t)| {
                format!(
                    r#"<call id="{id}"><startTime gmt="x">{t}</startTime><callerId>+19735678323</callerId><calledNumber>+16247688421</calledNumber><duration>52</duration><url/></call>"#
                )
            })
            .collect();
        (
            200,
            ok(
                &req.get("clTRID").unwrap(),
                &format!("<resultData><callList>{calls}</callList></resultData>"),
            ),
        )
    }));
    (url, seen, data)
}

#[test]
fn call_walker_over_http_returns_every_call_once() {
    // 1,300 calls over a day, 80 of them in one busy second.
    let mut times: Vec<i64> = (0..1_220).map(|i| 1_700_000_000 + i * 70).collect();
    times.extend([1_700_040_000; 80]);
    let (url, seen, data) = call_list_server(times, EndTime::Inclusive);
    let client = Client::new(config(&url, "POST")).unwrap();
    // The generic pager (what the C, Python and Node bindings use) walks the same windows.
    let mut pages = client
        .pages(
            "xml.getCallList",
            serde_json::json!({"startTime": 1_700_000_000, "endTime": 1_700_086_400, "limit": 300}),
        )
        .unwrap();
    let mut paged = Vec::new();
    for page in pages.by_ref() {
        let page = page.unwrap();
        assert!(page.items.len() <= 300);
        paged.extend(
            page.items
                .into_iter()
                .map(|c| c["id"].as_str().unwrap().to_string()),
        );
    }
    assert_eq!(paged.len(), data.len());
    assert_eq!(pages.pages_fetched(), (data.len() as u64).div_ceil(300));
    paged.sort();
    paged.dedup();
    assert_eq!(paged.len(), data.len(), "no call twice");
    let e = client
        .pages("xml.getCallList", serde_json::json!({"startTime": 5}))
        .err()
        .unwrap();
    assert!(e.to_string().contains("endTime"), "{e}");

    let calls = client
        .xml()
        .calls(1_700_000_000, 1_700_086_400)
        .unwrap()
        .collect_all()
        .unwrap();
    assert_eq!(calls.len(), data.len());
    let mut ids: Vec<String> = calls.iter().map(|c| c.id.clone().unwrap()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), data.len());
    assert!(seen.lock().unwrap().len() >= 3);
}

#[test]
fn a_burst_second_with_an_exclusive_end_keeps_its_rows() {
    // A server that reads endTime exclusively; 600 calls in the second 1_700_000_500, 300
    // before it, 100 after it, and one in the range's last second.
    let mut times: Vec<i64> = (0..300).map(|i| 1_700_000_000 + i).collect();
    times.extend([1_700_000_500; 600]);
    times.extend((0..100).map(|i| 1_700_000_600 + i));
    times.push(1_700_001_000);
    let (url, seen, _data) = call_list_server(times, EndTime::Exclusive);
    let client = Client::new(config(&url, "POST")).unwrap();
    let mut pages = client
        .pages(
            "xml.getCallList",
            json!({"startTime": 1_700_000_000, "endTime": 1_700_001_000, "limit": 300}),
        )
        .unwrap();
    let mut got: Vec<String> = Vec::new();
    let mut error = None;
    for page in pages.by_ref() {
        match page {
            Ok(p) => got.extend(
                p.items
                    .iter()
                    .map(|c| c["id"].as_str().unwrap().to_string()),
            ),
            Err(e) => error = Some(e),
        }
    }
    // Every call before the burst, then the burst second's 500 (none dropped in a page cut
    // short by the error), then the error that says which second is over the cap.
    assert_eq!(got.len(), 300 + 500);
    let unique: std::collections::BTreeSet<&String> = got.iter().collect();
    assert_eq!(unique.len(), got.len(), "no call twice");
    let e = error.expect("the over-cap second is reported");
    assert!(e.to_string().contains("one second 1700000500"), "{e}");
    assert!(!seen
        .lock()
        .unwrap()
        .iter()
        .any(|r| r.get("startTime") == Some("1700000501".into())
            && r.get("endTime") == Some("1700000501".into())));

    // Without the burst, the last second (1_700_001_000) is walked although endTime is
    // read exclusively.
    let calls = client
        .xml()
        .calls(1_700_000_600, 1_700_001_000)
        .unwrap()
        .collect_all()
        .unwrap();
    assert_eq!(calls.len(), 101);
    assert_eq!(calls.last().unwrap().start_time, Some(1_700_001_000));
}
