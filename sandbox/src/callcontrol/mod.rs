//! The call-control driver: `POST /_sandbox/callcontrol/calls` places a simulated incoming call
//! on a partner's URL the way Phone.com does ([`driver`]), following the `text/plain` commands
//! it answers ([`command`]), with a small std-only HTTP client ([`client`]). The transcript is
//! returned, kept (`GET /_sandbox/callcontrol/calls[/{uniqueID}]`), and the call is written to the
//! XML call log of the account holding the dialed number.

pub mod client;
pub mod command;
pub mod driver;

use crate::http::{Request, Response};
use crate::rng::Rng;
use crate::state::Shared;
use crate::xml::calls::{next_call_id, Call as LogEntry};
use crate::xml::XmlService;
use serde_json::{json, Map, Value};
use std::collections::VecDeque;
use std::time::Duration;

fn bad(msg: &str) -> Response {
    Response::json(400, &json!({"error": msg}))
}

fn strings(
    b: &Map<String, Value>,
    key: &str,
    check: impl Fn(&str) -> bool,
) -> Result<VecDeque<String>, String> {
    match b.get(key) {
        None | Some(Value::Null) => Ok(VecDeque::new()),
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| match v.as_str() {
                Some(s) if check(s) => Ok(s.to_string()),
                _ => Err(format!("`{key}` has an invalid entry: {v}")),
            })
            .collect(),
        Some(_) => Err(format!("`{key}` must be an array of strings")),
    }
}

fn int(b: &Map<String, Value>, key: &str, default: u64, lo: u64, hi: u64) -> Result<u64, String> {
    match b.get(key) {
        None | Some(Value::Null) => Ok(default),
        Some(v) => v
            .as_u64()
            .filter(|n| (lo..=hi).contains(n))
            .ok_or_else(|| format!("`{key}` must be an integer from {lo} to {hi}")),
    }
}

fn text(b: &Map<String, Value>, key: &str) -> Result<Option<String>, String> {
    match b.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(format!("`{key}` must be a string")),
    }
}

/// Reads the admin request into a call (the dialed number defaults to the master's first).
fn call_of(
    req: &Request,
    default_dialed: String,
    unique_id: String,
) -> Result<driver::Call, String> {
    let b = req
        .fields()?
        .ok_or("a JSON body with at least `url` is required")?;
    let url = text(&b, "url")?.ok_or("`url` (the partner's http:// URL) is required")?;
    let url = client::Url::parse(&url)?;
    let method = text(&b, "method")?
        .unwrap_or_else(|| "GET".into())
        .to_ascii_uppercase();
    if method != "GET" && method != "POST" {
        return Err("`method` must be GET or POST".into());
    }
    let digits = strings(&b, "digits", |s| {
        s.chars()
            .all(|c| c.is_ascii_digit() || c == '*' || c == '#')
    })?;
    let forward_results = strings(&b, "forwardResults", |s| {
        matches!(s, "answered" | "no-answer" | "busy")
    })?;
    Ok(driver::Call {
        url,
        method,
        unique_id,
        dialed: text(&b, "dialedNumber")?.unwrap_or(default_dialed),
        caller_number: text(&b, "callerIdNumber")?,
        caller_name: text(&b, "callerIdName")?,
        digits,
        forward_results,
        talk_seconds: int(&b, "talkSeconds", 30, 0, 86_400)?,
        max_requests: int(&b, "maxRequests", 20, 2, 100)? as usize,
        timeout: Duration::from_millis(int(&b, "timeoutMs", 5_000, 100, 60_000)?),
    })
}

/// `POST /_sandbox/callcontrol/calls`: runs the call and answers 201 with its transcript.
pub fn admin_place(svc: &XmlService, req: &Request, shared: &Shared) -> Response {
    let n = svc.next_call_number();
    let unique_id = format!("sbx{}", Rng::derive(shared.seed ^ n, "callcontrol").hex(16));
    let default_dialed = svc.with_world(shared, |w| {
        w.account(crate::creds::XML_USERNAME)
            .and_then(|a| a.numbers.first())
            .map(|n| n.e164.clone())
            .unwrap_or_default()
    });
    let call = match call_of(req, default_dialed, unique_id) {
        Ok(c) => c,
        Err(e) => return bad(&e),
    };
    let started = shared.clock.now();
    let head = json!({
        "uniqueID": call.unique_id, "url": call.url.with_query(""), "method": call.method,
        "dialedNumber": call.dialed, "callerIdNumber": call.caller_number,
        "callerIdName": call.caller_name, "started_at": crate::clock::rfc3339(started),
    });
    let caller = call.caller_number.clone().unwrap_or_default();
    let dialed = call.dialed.clone();
    svc.running_step(&head, None);
    let t = driver::run_observed(call, &mut |step| svc.running_step(&head, Some(step)));
    let log_id = log_call(svc, shared, &dialed, &caller, started, &t);
    let mut out = head;
    out["outcome"] = json!(t.outcome);
    out["duration"] = json!(t.duration);
    out["connected_to"] = json!(t.connected_to);
    out["requests"] = json!(t.steps.len());
    out["call_log_id"] = json!(log_id);
    out["steps"] = Value::Array(t.steps);
    svc.store_transcript(out.clone());
    Response::json(201, &out)
}

/// Writes the call to the XML call log of the account holding `dialed`, if any.
fn log_call(
    svc: &XmlService,
    shared: &Shared,
    dialed: &str,
    caller: &str,
    start: i64,
    t: &driver::Transcript,
) -> Option<u64> {
    let digits = dialed.trim_start_matches('+');
    let e164 = format!("+{digits}");
    svc.with_world(shared, |w| {
        let owner = w.owner_of(&e164)?.to_ascii_lowercase();
        let acct = w.account_mut(&owner)?;
        let id = next_call_id(&acct.calls);
        let action = match (&t.last_command, t.outcome) {
            (Some(c), "connected") => format!("callcontrol {c}"),
            (_, outcome) => format!("callcontrol {outcome}"),
        };
        let entry = LogEntry {
            id,
            start,
            caller_id: caller.to_string(),
            called: e164,
            duration: t.duration,
            final_action: action,
            final_action_duration: None,
            url: None,
            transcription: None,
        };
        crate::ring::push(&mut acct.calls, entry, crate::ring::HISTORY);
        Some(id)
    })
}
