//! One simulated incoming call: the sandbox calls the partner's URL the way Phone.com does and
//! follows the commands it answers with, until the call ends.
//!
//! 1. The first request carries `uniqueID`, `dialedNumber` and, when known, `callerIdNumber`
//!    and `callerIdName`. Every request carries these; every later one adds `previous-response`
//!    (the partner's last answer, without its trailing line break).
//! 2. The answer must be 200 with `Content-Type: text/plain` and one valid command.
//!    * a forward: the outcome is the next entry of `forwardResults` (default `answered`).
//!      `answered` connects the caller (to the first number) for `talkSeconds`, and the call
//!      ends. `no-answer` (20 s of ringing) or `busy` (2 s) comes back for the next command with
//!      only `previous-response`.
//!    * `play-and-get-digits`: the caller presses the next entry of `digits` (5 s); when the list
//!      is used up the caller presses nothing (a 10 s timeout). The next request adds `digits`
//!      (empty on a timeout), whether or not they match the pattern.
//!    * an empty answer: nothing more to do; the call is hung up and ends.
//!    * anything else (another status, another content type, an invalid command): the next
//!      request adds `error` saying what was wrong; whatever the partner answers to that, the
//!      call then ends.
//! 3. The call ends with one last request adding `duration` (seconds); its answer is recorded and
//!    ignored.
//! 4. After `maxRequests` requests the sandbox hangs up (the next request is the last one).
//!    A partner that cannot be reached ends the call with no further request.

use super::client::{self, Reply, Url};
use super::command::{self, Command};
use crate::http::url::percent_encode;
use serde_json::{json, Map, Value};
use std::collections::VecDeque;
use std::time::Duration;

/// Seconds a forward rings before `no-answer`.
pub const RING_S: u64 = 20;
/// Seconds before `busy` is known.
pub const BUSY_S: u64 = 2;
/// Seconds to play a greeting and collect digits.
pub const DIGITS_S: u64 = 5;
/// Seconds of a digit-collection timeout.
pub const DIGITS_TIMEOUT_S: u64 = 10;

/// What to simulate.
#[derive(Debug, Clone)]
pub struct Call {
    /// The partner's URL.
    pub url: Url,
    /// `GET` (fields in the query string, as the document says) or `POST` (a form body).
    pub method: String,
    /// `uniqueID`.
    pub unique_id: String,
    /// `dialedNumber`.
    pub dialed: String,
    /// `callerIdNumber`, if known.
    pub caller_number: Option<String>,
    /// `callerIdName`, if known.
    pub caller_name: Option<String>,
    /// What the caller presses, one entry per `play-and-get-digits`.
    pub digits: VecDeque<String>,
    /// Forward outcomes, one per forward: `answered`, `no-answer`, `busy`.
    pub forward_results: VecDeque<String>,
    /// Seconds of conversation once a forward is answered.
    pub talk_seconds: u64,
    /// Most requests, the last one included.
    pub max_requests: usize,
    /// Connect/read/write timeout per request.
    pub timeout: Duration,
}

/// The result of a call.
#[derive(Debug, Clone)]
pub struct Transcript {
    /// `connected`, `hangup`, `error`, `max_requests` or `unreachable`.
    pub outcome: &'static str,
    /// The call's length in seconds (the `duration` sent).
    pub duration: u64,
    /// The number a forward connected to.
    pub connected_to: Option<String>,
    /// The last command followed.
    pub last_command: Option<String>,
    /// Every request and answer.
    pub steps: Vec<Value>,
}

fn encode(fields: &[(String, String)]) -> String {
    fields
        .iter()
        .map(|(k, v)| format!("{}={}", percent_encode(k), percent_encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn trim_line(body: &str) -> &str {
    body.strip_suffix("\r\n")
        .or_else(|| body.strip_suffix('\n'))
        .unwrap_or(body)
}

/// What to do about an answer: the fields of the next request, or the end.
enum Next {
    Ask(Vec<(String, String)>),
    End,
}

/// Places the call and follows it to its end.
pub fn run(call: Call) -> Transcript {
    run_observed(call, &mut |_| {})
}

/// [`run`], calling `on_step` with each step as soon as it is known (the dashboard shows a
/// call live through it).
pub fn run_observed(mut call: Call, on_step: &mut dyn FnMut(&Value)) -> Transcript {
    let mut push = |t: &mut Transcript, step: Value| {
        on_step(&step);
        t.steps.push(step);
    };
    let mut base = vec![
        ("uniqueID".to_string(), call.unique_id.clone()),
        ("dialedNumber".to_string(), call.dialed.clone()),
    ];
    if let Some(n) = &call.caller_number {
        base.push(("callerIdNumber".into(), n.clone()));
    }
    if let Some(n) = &call.caller_name {
        base.push(("callerIdName".into(), n.clone()));
    }
    let mut t = Transcript {
        outcome: "hangup",
        duration: 0,
        connected_to: None,
        last_command: None,
        steps: Vec::new(),
    };
    let mut extra: Vec<(String, String)> = Vec::new();
    loop {
        let is_final = extra.iter().any(|(k, _)| k == "duration");
        let reported_error = extra.iter().any(|(k, _)| k == "error");
        let mut fields = base.clone();
        fields.extend(extra.iter().cloned());
        let encoded = encode(&fields);
        let (query, form) = if call.method == "POST" {
            ("", Some(encoded.as_str()))
        } else {
            (encoded.as_str(), None)
        };
        let mut step = json!({
            "seq": t.steps.len() + 1,
            "request": {"method": call.method, "url": call.url.with_query(query), "fields": to_object(&fields)},
        });
        let reply = client::send(&call.method, &call.url, query, form, call.timeout);
        let reply = match reply {
            Ok(r) => r,
            Err(e) => {
                step["transport_error"] = json!(e);
                step["result"] = json!("the partner URL could not be reached; the call ends");
                push(&mut t, step);
                if !is_final {
                    t.outcome = "unreachable";
                }
                return t;
            }
        };
        let body = String::from_utf8_lossy(&reply.body).into_owned();
        step["response"] = json!({
            "status": reply.status,
            "content_type": reply.header("content-type"),
            "body": body,
        });
        if is_final {
            step["result"] = json!("call completed");
            push(&mut t, step);
            return t;
        }
        let previous = trim_line(&body).to_string();
        let next = if reported_error {
            step["result"] = json!("the error was reported; the call ends");
            Next::End
        } else {
            follow(&mut call, &mut t, &reply, &previous, &mut step)
        };
        push(&mut t, step);
        let prev = ("previous-response".to_string(), previous);
        extra = match next {
            Next::Ask(more) if t.steps.len() + 1 < call.max_requests => {
                std::iter::once(prev).chain(more).collect()
            }
            Next::Ask(_) => {
                t.outcome = "max_requests";
                vec![prev, ("duration".into(), t.duration.to_string())]
            }
            Next::End => vec![prev, ("duration".into(), t.duration.to_string())],
        };
    }
}

/// Interprets one answer (not the last request's) and says what comes next.
fn follow(
    call: &mut Call,
    t: &mut Transcript,
    reply: &Reply,
    body: &str,
    step: &mut Value,
) -> Next {
    let media = reply.header("content-type").map(|c| {
        c.split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase()
    });
    let problem = if reply.status != 200 {
        Some(format!(
            "the partner URL answered HTTP {} (200 with a command is required)",
            reply.status
        ))
    } else if media.as_deref() != Some("text/plain") {
        Some(format!(
            "the answer's Content-Type must be text/plain (got {})",
            reply.header("content-type").unwrap_or("none")
        ))
    } else {
        None
    };
    if problem.is_none() && body.is_empty() {
        step["result"] = json!("empty answer: the call is hung up");
        t.outcome = "hangup";
        return Next::End;
    }
    let cmd = match problem {
        Some(p) => Err(p),
        None => command::parse(body).map_err(|e| format!("invalid command: {e}")),
    };
    let cmd = match cmd {
        Ok(c) => c,
        Err(e) => {
            step["error"] = json!(e);
            step["result"] = json!("the error is reported on the next request");
            t.outcome = "error";
            return Next::Ask(vec![("error".into(), e)]);
        }
    };
    step["command"] = cmd.to_json();
    t.last_command = Some(body.to_string());
    match cmd {
        Command::Forward { numbers, .. } => {
            let result = call
                .forward_results
                .pop_front()
                .unwrap_or_else(|| "answered".into());
            match result.as_str() {
                "answered" => {
                    t.duration += call.talk_seconds;
                    t.connected_to = numbers.first().cloned();
                    t.outcome = "connected";
                    step["result"] = json!(format!(
                        "answered by {}; talked {} s; the call ends",
                        numbers[0], call.talk_seconds
                    ));
                    Next::End
                }
                other => {
                    t.duration += if other == "busy" { BUSY_S } else { RING_S };
                    step["result"] = json!(format!("{other}; asking for the next command"));
                    Next::Ask(Vec::new())
                }
            }
        }
        Command::PlayAndGetDigits { patterns, .. } => match call.digits.pop_front() {
            Some(d) => {
                t.duration += DIGITS_S;
                let matched = command::digits_match(&patterns, &d);
                step["result"] = json!(format!(
                    "caller pressed `{d}` ({})",
                    if matched {
                        "matches the pattern"
                    } else {
                        "does not match the pattern"
                    }
                ));
                Next::Ask(vec![("digits".into(), d)])
            }
            None => {
                t.duration += DIGITS_S + DIGITS_TIMEOUT_S;
                step["result"] = json!("caller pressed nothing (timeout)");
                Next::Ask(vec![("digits".into(), String::new())])
            }
        },
    }
}

fn to_object(fields: &[(String, String)]) -> Value {
    let m: Map<String, Value> = fields
        .iter()
        .map(|(k, v)| (k.clone(), Value::String(v.clone())))
        .collect();
    Value::Object(m)
}
