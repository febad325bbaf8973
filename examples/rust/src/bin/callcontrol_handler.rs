//! A call-control endpoint: Phone.com calls the partner's URL for each incoming call on a number
//! without call handling, and the partner answers with one `text/plain` command. This one is a
//! small auto-attendant built on `phonecom::callcontrol` (parse the request, route it through a
//! `CallHandler`, render the command):
//!
//! * a new call hears the menu `Main Menu` and presses one digit;
//! * 1 forwards to Sales with a voice tag; 2 rings both Support agents;
//! * any other digit replays the menu (`Invalid Option`); no digit at all hangs up;
//! * a forward nobody answers goes to the answering service, pressing its option 2 (DTMF);
//! * 0 is the operator, configured here as extension 111: call control forwards to E.164 numbers
//!   only, so the library refuses that command before it is sent, the endpoint answers 500 with
//!   the reason, and Phone.com reports the error back (the error path).
//!
//! Run it: `cargo run -p phonecom-examples --bin callcontrol-handler`. It starts a sandbox and its
//! own endpoint on loopback, has the sandbox place three calls to it the way Phone.com does, and
//! prints each call's requests and answers. With `--listen 0.0.0.0:8080` it only serves the
//! endpoint, until it is killed (give Phone.com `http://your-host:8080/phonecom/calls`).

use phonecom::callcontrol::{
    admit, handle_http, Admission, Answer, CallHandler, CallRequest, Command, ALLOW,
};
use phonecom::{Error, ErrorKind};
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;

const SALES: &str = "+18585550101";
const SUPPORT: [&str; 2] = ["+18585550102", "+18585550103"];
const ANSWERING_SERVICE: &str = "+18585550199";
/// A misconfiguration on purpose: an extension, not an E.164 number.
const OPERATOR: &str = "111";

/// The auto-attendant.
struct Attendant;

impl CallHandler for Attendant {
    fn new_call(&self, _call: &CallRequest) -> phonecom::Result<Command> {
        Ok(menu("Main Menu"))
    }

    fn digits(&self, _call: &CallRequest, digits: &str) -> phonecom::Result<Option<Command>> {
        Ok(match digits {
            "" => None,
            "1" => Some(Command::SimpleForwardVoiceTag {
                text: "Sales call".into(),
                number: SALES.into(),
                dtmf: None,
            }),
            "2" => Some(Command::MultipleForwardVoiceTag {
                text: "Support call".into(),
                numbers: SUPPORT.iter().map(|n| n.to_string()).collect(),
            }),
            "0" => Some(Command::SimpleForward {
                number: OPERATOR.into(),
                dtmf: None,
            }),
            _ => Some(menu("Invalid Option")),
        })
    }

    fn command_result(
        &self,
        _call: &CallRequest,
        _previous: &str,
    ) -> phonecom::Result<Option<Command>> {
        Ok(Some(Command::SimpleForward {
            number: ANSWERING_SERVICE.into(),
            dtmf: Some("ww2".into()),
        }))
    }

    fn error(&self, call: &CallRequest, error: &str) {
        eprintln!("call {}: Phone.com reported: {error}", call.unique_id);
    }
}

fn menu(recording: &str) -> Command {
    Command::PlayAndGetDigits {
        recording: recording.into(),
        patterns: vec!["D".into()],
    }
}

fn main() {
    phonecom_examples::main_with(run);
}

fn run() -> Result<(), Error> {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--listen") {
        let addr = args
            .get(i + 1)
            .map(String::as_str)
            .unwrap_or("0.0.0.0:8080");
        let listener = TcpListener::bind(addr).map_err(io("bind"))?;
        println!("serving call control on http://{addr}/phonecom/calls");
        serve(listener, Arc::new(Attendant));
        return Ok(());
    }

    let sandbox = phonecom_sandbox::Sandbox::start().map_err(io("sandbox"))?;
    println!("step 0: sandbox listening on {}", sandbox.base_url());
    let listener = TcpListener::bind("127.0.0.1:0").map_err(io("bind"))?;
    let url = format!(
        "http://{}/phonecom/calls",
        listener.local_addr().map_err(io("bind"))?
    );
    std::thread::spawn(move || serve(listener, Arc::new(Attendant)));
    println!("step 1: call-control endpoint listening on {url}");

    let calls = [
        ("presses 1", json!({"digits": ["1"]})),
        (
            "presses 7, then 2; Support does not answer",
            json!({"digits": ["7", "2"], "forwardResults": ["no-answer", "answered"], "method": "POST"}),
        ),
        ("presses 0", json!({"digits": ["0"]})),
    ];
    let mut outcomes = Vec::new();
    for (step, (what, mut body)) in (2..).zip(calls) {
        body["url"] = json!(url);
        body["dialedNumber"] = json!("+18585550100");
        body["callerIdNumber"] = json!("+16195550199");
        body["callerIdName"] = json!("Jane Doe");
        let t = place_call(&sandbox.base_url(), &body)?;
        println!(
            "step {step}: call {} from {} ({}) to {}, caller {what}",
            t["uniqueID"].as_str().unwrap_or(""),
            t["callerIdNumber"].as_str().unwrap_or(""),
            t["callerIdName"].as_str().unwrap_or(""),
            t["dialedNumber"].as_str().unwrap_or(""),
        );
        print_transcript(&t)?;
        outcomes.push((
            t["outcome"].as_str().unwrap_or("").to_string(),
            t["connected_to"].as_str().map(|n| format!("+{n}")),
        ));
    }
    let expected = [
        ("connected", Some(SALES.to_string())),
        ("connected", Some(ANSWERING_SERVICE.to_string())),
        ("error", None),
    ];
    for (got, want) in outcomes.iter().zip(expected) {
        if got.0 != want.0 || got.1 != want.1 {
            return Err(Error::new(
                ErrorKind::Server,
                format!("unexpected outcome {got:?}, expected {want:?}"),
            ));
        }
    }
    println!("done");
    Ok(())
}

/// Asks the sandbox to place a call the way Phone.com does; returns the transcript.
fn place_call(base_url: &str, body: &Value) -> Result<Value, Error> {
    let url = format!("{base_url}/_sandbox/callcontrol/calls");
    let text = ureq::post(&url)
        .header("Content-Type", "application/json")
        .send(body.to_string())
        .and_then(|mut r| r.body_mut().read_to_string())
        .map_err(|e| Error::new(ErrorKind::Transport, format!("{url}: {e}")))?;
    serde_json::from_str(&text)
        .map_err(|e| Error::decode(format!("transcript: {e}"), text.as_bytes()))
}

/// One line per request: what Phone.com reported, then what the endpoint answered.
fn print_transcript(t: &Value) -> Result<(), Error> {
    for step in t["steps"].as_array().into_iter().flatten() {
        let fields = &step["request"]["fields"];
        let call = CallRequest::from_json(fields)?;
        let reported = match call.event() {
            phonecom::callcontrol::Event::NewCall => "new call".to_string(),
            phonecom::callcontrol::Event::Digits => {
                format!("digits `{}`", call.digits.as_deref().unwrap_or(""))
            }
            phonecom::callcontrol::Event::CommandResult => "not answered".to_string(),
            phonecom::callcontrol::Event::Completed => {
                format!("completed after {} s", call.duration.unwrap_or(0))
            }
            phonecom::callcontrol::Event::Error => {
                format!("error `{}`", call.error.as_deref().unwrap_or(""))
            }
        };
        let resp = &step["response"];
        let body = resp["body"].as_str().unwrap_or("");
        let answered = match resp["status"].as_u64() {
            Some(200) if body.is_empty() => "(nothing)".to_string(),
            Some(200) => body.to_string(),
            Some(s) => format!("HTTP {s}: {body}"),
            None => "(no answer)".to_string(),
        };
        println!(
            "  request {} ({}): {reported} -> {answered}",
            step["seq"],
            step["request"]["method"].as_str().unwrap_or("")
        );
        if let Some(r) = step["result"].as_str() {
            println!("    Phone.com: {r}");
        }
    }
    match t["connected_to"].as_str() {
        Some(n) => println!(
            "  outcome: {} to +{n} after {} s",
            t["outcome"].as_str().unwrap_or(""),
            t["duration"]
        ),
        None => println!(
            "  outcome: {} after {} s",
            t["outcome"].as_str().unwrap_or(""),
            t["duration"]
        ),
    }
    Ok(())
}

/// Serves the endpoint: each connection is one request (GET with the fields in the query string,
/// or POST with a form body), answered by the core's HTTP policy (`admit`: 405, 413, 415) and
/// `phonecom::callcontrol::handle_http`.
fn serve(listener: TcpListener, handler: Arc<Attendant>) {
    for stream in listener.incoming().flatten() {
        let handler = handler.clone();
        std::thread::spawn(move || {
            if let Err(e) = answer(stream, handler.as_ref()) {
                eprintln!("call-control endpoint: {e}");
            }
        });
    }
}

fn answer(stream: TcpStream, handler: &Attendant) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let mut words = line.split_whitespace();
    let method = words.next().unwrap_or("").to_string();
    let target = words.next().unwrap_or("/").to_string();
    let (mut content_type, mut content_length) = (None, None);
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header == "\r\n" || header == "\n" {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            let value = Some(value.trim().to_string());
            if name.eq_ignore_ascii_case("content-length") {
                content_length = value;
            } else if name.eq_ignore_ascii_case("content-type") {
                content_type = value;
            }
        }
    }
    let (path, query) = target.split_once('?').unwrap_or((&target, ""));
    let a = if path != "/phonecom/calls" {
        Answer {
            status: 404,
            content_type: "text/plain",
            body: format!("no call-control endpoint at {path}"),
        }
    } else {
        match admit(&method, content_type.as_deref(), content_length.as_deref()) {
            Err(refusal) => refusal,
            Ok(admission) => {
                let length = match admission {
                    Admission::Body { length } => length.unwrap_or(0),
                    Admission::NoBody => 0,
                };
                let mut body = vec![0; length];
                reader.read_exact(&mut body)?;
                handle_http(handler, &method, content_type.as_deref(), query, &body)
            }
        }
    };
    let allow = if a.status == 405 {
        format!("Allow: {ALLOW}\r\n")
    } else {
        String::new()
    };
    let mut stream = stream;
    write!(
        stream,
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\n{allow}Connection: close\r\n\r\n{}",
        a.status,
        if a.status == 200 { "OK" } else { "Error" },
        a.content_type,
        a.body.len(),
        a.body
    )?;
    stream.flush()
}

fn io(what: &'static str) -> impl Fn(std::io::Error) -> Error {
    move |e| Error::new(ErrorKind::Transport, format!("{what}: {e}"))
}
