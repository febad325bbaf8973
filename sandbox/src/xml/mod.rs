//! Phone.com's XML API (`/special/xmlapi`): `username`, `password`, `action` and the action's
//! inputs in a GET query string or a POST form body; every answer is the XML envelope of
//! [`envelope`], `status="error"` with a message for anything refused. Stateful: accounts,
//! numbers and reservations, call handling, extensions, the call log, SMS and ChatCalls.
//!
//! The call-control driver (`POST /_sandbox/callcontrol/calls`) lives in [`crate::callcontrol`];
//! its admin routes are served here because calls land in this family's call log.

mod accounts;
pub mod calls;
mod chatcall;
pub mod envelope;
pub mod geo;
mod numbers;
pub mod params;
pub mod replay;
mod search;
mod settings;
mod sms;
pub mod world;

pub use world::World;

use crate::http::{Request, Response};
use crate::ring::Ring;
use crate::service::Service;
use crate::state::{lock, Shared};
use envelope::{El, Envelope, OK_MSG};
use params::{Check, Params};
use serde_json::{json, Value};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use world::Account;

/// The path of the API.
pub const PREFIX: &str = "/special/xmlapi";

/// A handler's answer: the children of `<resultData>` (none for actions without data), or the
/// message of an error result.
pub type Reply = Check<Option<Vec<El>>>;

/// Success with `<resultData>` holding `data`.
pub fn ok(data: Vec<El>) -> Reply {
    Ok(Some(data))
}

/// Success without `<resultData>` (as `sendSMS` in the document).
pub fn done() -> Reply {
    Ok(None)
}

/// Everything an action handler sees.
pub struct Cx<'a> {
    /// The request's parameters.
    pub p: &'a Params,
    /// The XML world (locked for the whole request).
    pub w: &'a mut World,
    /// Shared state (the v4 inventory the XML API sells from).
    pub shared: &'a Shared,
    /// The authenticated account's username (lower-cased key).
    pub user: String,
    /// The sandbox clock at the start of the request.
    pub now: i64,
    /// `http://HOST/special/xmlapi`, for URLs in answers.
    pub base: String,
}

impl Cx<'_> {
    /// The authenticated account.
    pub fn account(&mut self) -> &mut Account {
        self.w
            .account_mut(&self.user)
            .expect("the authenticated account exists")
    }
}

type Handler = fn(&mut Cx) -> Reply;

/// Every action of the document.
pub const ACTIONS: &[(&str, Handler)] = &[
    ("createAccount", accounts::create),
    ("cancelAccount", accounts::cancel),
    ("getPhoneNumberList", numbers::list),
    ("getCallList", calls::list),
    ("originateCall", calls::originate),
    ("updateCallHandlingSimpleRingAll", settings::ring_all),
    (
        "updateExtensionNotification",
        settings::extension_notification,
    ),
    ("sendSMS", sms::send),
    ("getPhoneNumberCountryList", search::countries),
    ("getPhoneNumberPrefixList", search::prefixes),
    ("getPhoneNumberStateList", search::states),
    ("getPhoneNumberRegionList", search::regions),
    ("getPhoneNumberLocalityList", search::localities),
    ("getPhoneNumberInventory", search::inventory),
    ("getPhoneNumberPortingEligibility", numbers::porting),
    ("addPhoneNumber", numbers::add),
    ("reservePhoneNumber", numbers::reserve),
    ("unreservePhoneNumber", numbers::unreserve),
    ("getVoiceList", chatcall::voices),
    ("getSoundList", chatcall::sounds),
    ("previewChatCall", chatcall::preview),
    ("sendChatCall", chatcall::send),
    ("getChatCallStatus", chatcall::status),
];

/// The XML API service. It keeps its own state (built from the seed on first use) and the
/// call-control transcripts (the newest [`TRANSCRIPTS_MAX`], within [`TRANSCRIPTS_BUDGET`] bytes).
pub struct XmlService {
    world: Mutex<Option<World>>,
    transcripts: Mutex<Ring<Value>>,
    running: Mutex<std::collections::BTreeMap<String, Value>>,
    sv_counter: AtomicU64,
    cc_counter: AtomicU64,
}

/// Call-control transcripts kept.
pub const TRANSCRIPTS_MAX: usize = 1_000;
/// Bytes of call-control transcripts kept (as JSON).
pub const TRANSCRIPTS_BUDGET: usize = 64 << 20;

impl Default for XmlService {
    fn default() -> Self {
        XmlService {
            world: Mutex::default(),
            transcripts: Mutex::new(Ring::new(TRANSCRIPTS_MAX, TRANSCRIPTS_BUDGET)),
            running: Mutex::default(),
            sv_counter: AtomicU64::default(),
            cc_counter: AtomicU64::default(),
        }
    }
}

impl XmlService {
    /// Runs `f` on the world, building it from the seed first if needed.
    pub fn with_world<R>(&self, shared: &Shared, f: impl FnOnce(&mut World) -> R) -> R {
        let mut g = lock(&self.world);
        let w = g.get_or_insert_with(|| World::new(shared.seed, &shared.creds));
        f(w)
    }

    /// A fresh server transaction id: the time, then 10 digits that never repeat in a process.
    pub fn sv_trid(&self, now: i64) -> String {
        let n = self.sv_counter.fetch_add(1, Ordering::Relaxed);
        let tail = (n.wrapping_mul(7_919).wrapping_add(4_294_967_291)) % 10_000_000_000;
        format!("{now}{tail:010}")
    }

    fn render(
        &self,
        ok: bool,
        msg: &str,
        data: Option<Vec<El>>,
        cl: Option<&str>,
        now: i64,
    ) -> String {
        let sv = self.sv_trid(now);
        Envelope {
            ok,
            msg,
            data,
            cl_trid: cl,
            sv_trid: &sv,
            now,
        }
        .render()
    }

    /// One API request. A mutating action carrying a `clTRID` that already succeeded for this
    /// account answers the stored response instead of acting again ([`replay`]).
    fn api(&self, req: &Request, shared: &Shared) -> Response {
        let now = shared.clock.now();
        let p = Params::from_request(req);
        let cl = p.get("clTRID").map(str::to_string);
        let cl = cl.as_deref();
        let host = req.header("host").unwrap_or("127.0.0.1");
        let base = format!("http://{host}{PREFIX}");
        let body = self.with_world(shared, |w| {
            w.expire(now);
            lock(&shared.v4).holds.expire(now);
            let found = authenticate(w, &p).and_then(|user| {
                let action = p.req("action")?;
                let handler = ACTIONS
                    .iter()
                    .find(|(name, _)| *name == action)
                    .map(|(_, h)| *h)
                    .ok_or_else(|| format!("Unknown action `{action}`"))?;
                Ok((user, action, handler))
            });
            let (user, action, handler) = match found {
                Ok(x) => x,
                Err(msg) => return self.render(false, &msg, None, cl, now),
            };
            let key = cl.filter(|_| replay::is_mutating(action));
            let fingerprint = replay::fingerprint(action, &p);
            if let Some(cl) = key {
                match w.replays.lookup(&user, cl, &fingerprint) {
                    replay::Found::New => {}
                    replay::Found::Repeat(body) => return body.to_string(),
                    replay::Found::Conflict(msg) => {
                        return self.render(false, &msg, None, Some(cl), now)
                    }
                }
            }
            let mut cx = Cx {
                p: &p,
                w,
                shared,
                user: user.clone(),
                now,
                base,
            };
            match handler(&mut cx) {
                Ok(data) => {
                    let body = self.render(true, OK_MSG, data, cl, now);
                    if let Some(cl) = key {
                        w.replays
                            .store(&user, cl, action, fingerprint, body.clone(), now);
                    }
                    body
                }
                Err(msg) => self.render(false, &msg, None, cl, now),
            }
        });
        Response::bytes(200, envelope::CONTENT_TYPE, body.into_bytes())
    }

    /// An error envelope with an HTTP error status (unknown paths, methods, and `status=` faults).
    pub fn http_error(&self, status: u16, msg: &str) -> Response {
        let now = crate::clock::now();
        let sv = self.sv_trid(now);
        Envelope {
            ok: false,
            msg,
            data: None,
            cl_trid: None,
            sv_trid: &sv,
            now,
        }
        .response(status)
    }
}

/// Checks `username`/`password`; returns the account's key.
fn authenticate(w: &World, p: &Params) -> Check<String> {
    let (Some(user), Some(password)) = (p.get("username"), p.get("password")) else {
        return Err("Authentication failed: username and password are required".into());
    };
    match w.account(user) {
        Some(a) if a.password == password && a.cancelled => {
            Err("Authentication failed: the account has been cancelled".into())
        }
        Some(a) if a.password == password => Ok(a.username.to_ascii_lowercase()),
        _ => Err("Authentication failed: invalid username or password".into()),
    }
}

/// The message of a `status=` fault.
fn fault_message(status: u16) -> String {
    match status {
        400 => "Bad request".into(),
        401 => "Authentication failed".into(),
        403 => "Access denied".into(),
        404 => "Not found".into(),
        408 => "Request timeout; try again later".into(),
        409 => "Conflict; try again later".into(),
        429 => "Too many requests: rate limit exceeded, try again later".into(),
        500 => "Internal server error".into(),
        502 => "Bad gateway (server error)".into(),
        503 => "Service temporarily unavailable".into(),
        504 => "Gateway timeout (server error)".into(),
        s => format!("HTTP {s} error"),
    }
}

impl Service for XmlService {
    fn prefix(&self) -> &'static str {
        PREFIX
    }

    fn family(&self) -> &'static str {
        "xml"
    }

    fn state(&self, shared: &Shared, _: &[(String, String)]) -> Vec<(&'static str, Value)> {
        let now = shared.clock.now();
        let xml = self.with_world(shared, |w| w.to_json(&lock(&shared.v4).holds, now));
        let calls: Vec<Value> = lock(&self.transcripts).iter().rev().cloned().collect();
        let running: Vec<Value> = lock(&self.running).values().cloned().collect();
        vec![
            ("xml", xml),
            ("callcontrol", json!({"running": running, "calls": calls})),
        ]
    }

    fn handle(&self, req: &Request, shared: &Shared) -> Response {
        let sub = req
            .path
            .strip_prefix(PREFIX)
            .unwrap_or("")
            .trim_end_matches('/');
        if let Some(file) = sub.strip_prefix("/previews/") {
            return chatcall::preview_file(self, shared, req, file);
        }
        if !sub.is_empty() {
            return self.http_error(404, &format!("Not found: {}", req.path));
        }
        if req.method != "GET" && req.method != "POST" {
            return self
                .http_error(405, "Method not allowed: use GET or POST")
                .with_header("Allow", "GET, POST");
        }
        self.api(req, shared)
    }

    /// A `status=` fault: that HTTP status with an XML error envelope (`status="error"`, a
    /// message naming the problem, an `svTRID`, an empty `clTRID`), `text/xml`; 429 adds
    /// `Retry-After` (default 1 s), other statuses add it when the fault names one.
    fn fault_error(&self, status: u16, retry_after: Option<u64>) -> Response {
        let resp = self.http_error(status, &fault_message(status));
        match (status, retry_after) {
            (429, r) => resp.with_header("Retry-After", r.unwrap_or(1).to_string()),
            (_, Some(r)) => resp.with_header("Retry-After", r.to_string()),
            _ => resp,
        }
    }

    /// A `message=` fault: the XML error envelope with that message.
    fn fault_error_message(&self, status: u16, message: &str) -> Response {
        self.http_error(status, message)
    }

    fn reset(&self, _shared: &Shared) {
        *lock(&self.world) = None;
        lock(&self.transcripts).clear();
    }

    fn admin(&self, req: &Request, sub: &str, shared: &Shared) -> Option<Response> {
        let bad = |status: u16, msg: &str| Response::json(status, &json!({"error": msg}));
        let m = req.method.as_str();
        Some(match sub {
            "/xml" if m == "GET" => {
                let now = shared.clock.now();
                let state = self.with_world(shared, |w| w.to_json(&lock(&shared.v4).holds, now));
                Response::json(200, &state)
            }
            "/xml" => bad(405, "method not allowed"),
            "/xml/calls" if m == "GET" => self.admin_calls(req, shared),
            "/xml/calls" => bad(405, "method not allowed"),
            "/callcontrol/calls" => match m {
                "POST" => crate::callcontrol::admin_place(self, req, shared),
                "GET" => {
                    let calls: Vec<Value> = lock(&self.transcripts).iter().cloned().collect();
                    Response::json(200, &json!({ "calls": calls }))
                }
                "DELETE" => {
                    lock(&self.transcripts).clear();
                    Response::json(200, &json!({"ok": true}))
                }
                _ => bad(405, "method not allowed"),
            },
            _ => {
                let id = sub.strip_prefix("/callcontrol/calls/")?;
                if m != "GET" {
                    return Some(bad(405, "method not allowed"));
                }
                match lock(&self.transcripts).iter().find(|t| t["uniqueID"] == id) {
                    Some(t) => Response::json(200, t),
                    None => bad(404, "no such call"),
                }
            }
        })
    }
}

impl XmlService {
    /// `GET /_sandbox/xml/calls?username=sandbox&startTime=S&endTime=E`: the ids of the account's
    /// logged calls with `S <= start <= E` (both optional, as in `getCallList`), without the
    /// 500-row cap, so a test can check a walk of `getCallList` against the log itself.
    fn admin_calls(&self, req: &Request, shared: &Shared) -> Response {
        let q = |k: &str| {
            req.query
                .iter()
                .find(|(name, _)| name == k)
                .map(|(_, v)| v.as_str())
        };
        let user = q("username")
            .unwrap_or(crate::creds::XML_USERNAME)
            .to_string();
        let bound = |k: &str, default: i64| match q(k) {
            None | Some("") => Ok(default),
            Some(v) => v
                .parse::<i64>()
                .map_err(|_| format!("`{k}` must be epoch seconds")),
        };
        let (start, end) = match (bound("startTime", 0), bound("endTime", i64::MAX)) {
            (Ok(s), Ok(e)) => (s, e),
            (Err(e), _) | (_, Err(e)) => return Response::json(400, &json!({"error": e})),
        };
        let ids = self.with_world(shared, |w| {
            w.account(&user).map(|a| {
                a.calls
                    .iter()
                    .filter(|c| c.start >= start && c.start <= end)
                    .map(|c| c.id)
                    .collect::<Vec<u64>>()
            })
        });
        match ids {
            Some(ids) => Response::json(
                200,
                &json!({"username": user, "startTime": start, "endTime": end, "count": ids.len(), "ids": ids}),
            ),
            None => Response::json(404, &json!({"error": "no such account"})),
        }
    }

    /// Counts placed call-control calls (never reset, so `uniqueID`s never repeat).
    pub fn next_call_number(&self) -> u64 {
        self.cc_counter.fetch_add(1, Ordering::Relaxed)
    }

    /// Stores a call-control transcript (and forgets the call as running).
    pub fn store_transcript(&self, t: Value) {
        if let Some(id) = t["uniqueID"].as_str() {
            lock(&self.running).remove(id);
        }
        let size = serde_json::to_vec(&t).map_or(0, |b| b.len());
        lock(&self.transcripts).push(t, size);
    }

    /// Shows a call-control call as running (`GET /_sandbox/state/callcontrol`) with the
    /// steps so far: `step` appends one, `None` starts it from `head`.
    pub fn running_step(&self, head: &Value, step: Option<&Value>) {
        let Some(id) = head["uniqueID"].as_str() else {
            return;
        };
        let mut running = lock(&self.running);
        let call = running.entry(id.to_string()).or_insert_with(|| {
            let mut call = head.clone();
            call["outcome"] = json!("running");
            call["steps"] = json!([]);
            call
        });
        if let (Some(step), Some(steps)) = (step, call["steps"].as_array_mut()) {
            steps.push(step.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sv_trids_are_unique() {
        let s = XmlService::default();
        let ids: std::collections::HashSet<String> =
            (0..10_000).map(|_| s.sv_trid(1_299_095_492)).collect();
        assert_eq!(ids.len(), 10_000);
        assert!(ids
            .iter()
            .all(|i| i.len() == 20 && i.bytes().all(|b| b.is_ascii_digit())));
    }

    #[test]
    fn every_action_of_the_document_once() {
        assert_eq!(ACTIONS.len(), 23);
        let names: std::collections::HashSet<&str> = ACTIONS.iter().map(|a| a.0).collect();
        assert_eq!(names.len(), 23);
    }
}
