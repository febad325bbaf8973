//! The request pipeline: the dashboard and admin routes, fault matching, recording (and the
//! console line), dispatch to a [`Service`].

use crate::errors;
use crate::faults::{Action, Fault};
use crate::http::{Request, Response};
use crate::service::{under, Router, Service};
use crate::state::{lock, Shared};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

/// The prefix of the admin API (no auth, no faults, not recorded).
pub const ADMIN_PREFIX: &str = "/_sandbox";

/// Every upstream family, one line each.
pub fn services() -> Router {
    Router::new()
        .with(crate::v4::V4Service)
        .with(crate::oauth::OAuthService)
        .with(crate::xml::XmlService::default())
        .with(crate::v1::V1Service::default())
        .with(crate::nol::NolService::default())
}

/// What the connection does with a request's result.
#[derive(Debug)]
pub enum Outcome {
    /// Write this response.
    Respond(Response),
    /// Close the connection without writing anything.
    Close,
    /// Write the headers and half the body of this response, then close.
    Truncated(Response),
}

/// The whole sandbox behind the listener.
pub struct App {
    /// Shared state.
    pub shared: Shared,
    /// The services.
    pub router: Router,
    /// `http://127.0.0.1:PORT`.
    pub base_url: String,
    /// Where a line per request goes, if anywhere.
    pub console: Option<crate::console::Console>,
}

impl App {
    /// A sandbox at its seeded start, reachable at `base_url`.
    pub fn new(seed: u64, rate_limit: bool, base_url: String) -> App {
        let shared = Shared::new(seed, rate_limit);
        let _ = shared.base_url.set(base_url.clone());
        App {
            shared,
            router: services(),
            base_url,
            console: None,
        }
    }

    /// The client config line. Its `budget` mirrors the sandbox's rate limiting as it is now:
    /// off while the sandbox limits nothing (the default: tests and demos run at full speed),
    /// the same v4 limits while it enforces them.
    pub fn config(&self) -> serde_json::Value {
        let mut config = self.shared.creds.config(&self.base_url);
        let rate = lock(&self.shared.limiter).config().clone();
        config["budget"] = if rate.enabled {
            serde_json::json!({"v4": {
                "per_endpoint": rate.per_endpoint, "window_s": rate.window_s,
                "total": rate.total, "total_window_s": rate.total_window_s,
            }})
        } else {
            serde_json::json!({"store": "off"})
        };
        config
    }

    /// Resets all state to the seeded start.
    pub fn reset(&self) {
        self.shared.reset();
        self.router.all().for_each(|s| s.reset(&self.shared));
    }

    /// Runs one request through the pipeline; every response gets an `X-Request-Id`.
    pub fn dispatch(&self, req: &Request) -> Outcome {
        crate::clock::set_thread_offset(self.shared.clock.offset());
        let id = req
            .header("x-request-id")
            .map(str::to_string)
            .unwrap_or_else(|| self.shared.next_request_id());
        match self.route(req) {
            Outcome::Respond(r) => Outcome::Respond(r.with_header("X-Request-Id", id)),
            Outcome::Truncated(r) => Outcome::Truncated(r.with_header("X-Request-Id", id)),
            Outcome::Close => Outcome::Close,
        }
    }

    fn route(&self, req: &Request) -> Outcome {
        if let Some(page) = crate::ui::page(req) {
            return Outcome::Respond(page);
        }
        if under(&req.path, ADMIN_PREFIX) {
            return Outcome::Respond(crate::admin::handle(self, req));
        }
        let started = Instant::now();
        let service = self.router.find(&req.path);
        let family = service.map(|s| s.family());
        let (spec, fault) = match req.header("x-sandbox-fault") {
            Some(h) => match Fault::parse(h) {
                Ok(f) => (Some(h.to_string()), Some(f)),
                Err(e) => {
                    let seq = lock(&self.shared.log).record(req, Some(h), family);
                    let outcome = Outcome::Respond(errors::error(
                        400,
                        &format!("Invalid X-Sandbox-Fault: {e}"),
                    ));
                    self.finish(seq, started, &outcome);
                    return outcome;
                }
            },
            None => lock(&self.shared.faults)
                .take(&req.method, &req.path)
                .map_or((None, None), |(s, f)| (Some(s), Some(f))),
        };
        let seq = lock(&self.shared.log).record(req, spec.as_deref(), family);
        let outcome = match fault {
            Some(f) => self.faulted(service, req, &f),
            None => Outcome::Respond(self.handle(service, req)),
        };
        self.finish(seq, started, &outcome);
        outcome
    }

    /// Completes the log entry `seq` with the outcome and writes its console line.
    fn finish(&self, seq: u64, started: Instant, outcome: &Outcome) {
        let resp = match outcome {
            Outcome::Respond(r) | Outcome::Truncated(r) => Some(r),
            Outcome::Close => None,
        };
        let ms = started.elapsed().as_millis() as u64;
        let entry = lock(&self.shared.log).finish(seq, resp.map(|r| r.status), ms, resp);
        if let (Some(console), Some(entry)) = (&self.console, entry) {
            console.request(&entry);
        }
    }

    fn handle(&self, service: Option<&dyn Service>, req: &Request) -> Response {
        let Some(s) = service else {
            return errors::error(404, "Not Found");
        };
        catch_unwind(AssertUnwindSafe(|| s.handle(req, &self.shared)))
            .unwrap_or_else(|_| errors::error(500, "Internal Server Error"))
    }

    fn faulted(&self, service: Option<&dyn Service>, req: &Request, f: &Fault) -> Outcome {
        if f.latency_ms > 0 {
            std::thread::sleep(Duration::from_millis(f.latency_ms));
        }
        if f.action == Action::ResetBefore {
            return Outcome::Close;
        }
        if f.echo {
            let status = f.status.unwrap_or(400);
            return Outcome::Respond(errors::error(status, &echo_message(req)));
        }
        if let Some(message) = &f.message {
            let status = f.status.unwrap_or(400);
            return Outcome::Respond(match service {
                Some(s) => s.fault_error_message(status, message),
                None => errors::error(status, message),
            });
        }
        if let Some(status) = f.status {
            let resp = match service {
                Some(s) => s.fault_error_coded(status, f.retry_after, f.code.as_deref()),
                None => errors::fault_error(status, f.retry_after),
            };
            return Outcome::Respond(resp);
        }
        let resp = self.handle(service, req);
        match f.action {
            Action::ResetAfter => Outcome::Close,
            Action::Malformed => Outcome::Respond(malform(resp)),
            Action::Truncated => Outcome::Truncated(resp),
            Action::None | Action::ResetBefore => Outcome::Respond(resp),
        }
    }
}

/// The message of an `echo` fault: every value the request carried (query, then the JSON
/// object's top-level strings and numbers or the form's values), without their names.
fn echo_message(req: &Request) -> String {
    let mut values: Vec<String> = req.query.iter().map(|(_, v)| v.clone()).collect();
    match serde_json::from_slice::<serde_json::Value>(&req.body) {
        Ok(serde_json::Value::Object(o)) => values.extend(o.values().filter_map(|v| match v {
            serde_json::Value::String(s) => Some(s.clone()),
            serde_json::Value::Number(n) => Some(n.to_string()),
            _ => None,
        })),
        _ => values.extend(req.form().into_iter().map(|(_, v)| v)),
    }
    format!("Rejected request with values: {}", values.join(", "))
}

/// 200 with the body cut in the middle, under the original content type (JSON by default);
/// never valid JSON, never well-formed XML.
fn malform(resp: Response) -> Response {
    let content_type = resp
        .header("content-type")
        .unwrap_or("application/json")
        .to_string();
    let xml = content_type.contains("xml");
    let mut body = resp.body[..resp.body.len() / 2].to_vec();
    if body.is_empty() || serde_json::from_slice::<serde_json::Value>(&body).is_ok() {
        body = if xml {
            b"<response><resultData><".to_vec()
        } else {
            b"{\"items\":[{\"id\":".to_vec()
        };
    }
    let mut out = Response::bytes(200, &content_type, body);
    out.headers.extend(
        resp.headers
            .into_iter()
            .filter(|(k, _)| !k.eq_ignore_ascii_case("content-type")),
    );
    out
}
