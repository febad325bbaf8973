//! The admin API under `/_sandbox` (no auth, no faults, not recorded).
//!
//! | route | effect |
//! |---|---|
//! | `GET /_sandbox/health` | `{"status":"ok","seed":N}` |
//! | `GET /_sandbox/config` | the client config line |
//! | `GET /_sandbox/requests[?since=SEQ&limit=N&family=F&status=S]` | `{"requests":[...],"last_seq"}` (masked), oldest first; `limit` keeps the newest N, `family` (`v4 oauth xml v1 nol`) and `status` (`503`, `5xx`, `error` for 400 and up or none) filter |
//! | `DELETE /_sandbox/requests` | forget recorded requests |
//! | `POST /_sandbox/reset` | everything back to the seeded start |
//! | `GET/POST/DELETE /_sandbox/faults` | list / queue / clear faults |
//! | `GET/POST /_sandbox/rate-limit` | show / change rate limiting |
//! | `GET/POST /_sandbox/clock` | show / move the sandbox clock (`{"advance_s": N}` or `{"offset_s": N}`) |
//! | `GET /_sandbox/state[/{section}]` | the dashboard's state views ([`crate::ui::state`]) |
//! | `GET /`, `GET /_sandbox/ui` | the dashboard ([`crate::ui`]) |
//! | anything else | the families' own admin routes ([`crate::service::Service::admin`]) |
//!
//! A body that starts with `{` or `[` is read as JSON whatever its `Content-Type` (`curl -d`
//! sends `application/x-www-form-urlencoded`); other bodies are read by their type.

use crate::app::App;
use crate::http::{Request, Response};
use crate::ratelimit::RateConfig;
use crate::state::lock;
use serde_json::{json, Value};

fn bad(status: u16, message: &str) -> Response {
    Response::json(status, &json!({"error": message}))
}

fn ok() -> Response {
    Response::json(200, &json!({"ok": true}))
}

/// Answers one admin request.
pub fn handle(app: &App, req: &Request) -> Response {
    let json = as_json(req);
    let req = json.as_ref().unwrap_or(req);
    let sub = req
        .path
        .trim_start_matches(crate::app::ADMIN_PREFIX)
        .trim_end_matches('/');
    let sh = &app.shared;
    match (req.method.as_str(), sub) {
        ("GET", "/health") => Response::json(200, &json!({"status": "ok", "seed": sh.seed})),
        ("GET", "/config") => Response::json(200, &app.config()),
        ("GET", "/requests") => requests(app, req),
        (_, s) if s == "/state" || s.starts_with("/state/") => {
            crate::ui::state::handle(app, req, s)
        }
        ("DELETE", "/requests") => {
            lock(&sh.log).clear();
            ok()
        }
        ("POST", "/reset") => {
            app.reset();
            ok()
        }
        ("GET", "/faults") => Response::json(200, &lock(&sh.faults).to_json()),
        ("DELETE", "/faults") => {
            lock(&sh.faults).clear();
            ok()
        }
        ("POST", "/faults") => queue_fault(app, req),
        ("GET", "/rate-limit") => Response::json(200, &json!(lock(&sh.limiter).config())),
        ("POST", "/rate-limit") => rate_limit(app, req),
        ("GET", "/clock") => clock_json(app),
        ("POST", "/clock") => move_clock(app, req),
        (
            _,
            "/health" | "/config" | "/requests" | "/reset" | "/faults" | "/rate-limit" | "/clock",
        ) => bad(405, "method not allowed"),
        _ => app
            .router
            .all()
            .find_map(|s| s.admin(req, sub, sh))
            .unwrap_or_else(|| bad(404, "unknown admin route")),
    }
}

/// `GET /_sandbox/requests`: the log after `since`, filtered, the newest `limit`.
fn requests(app: &App, req: &Request) -> Response {
    let number = |k: &str| req.query_param(k).and_then(|s| s.parse::<u64>().ok());
    let since = number("since").unwrap_or(0);
    let family = req.query_param("family").filter(|f| !f.is_empty());
    let status = req.query_param("status").filter(|s| !s.is_empty());
    let (mut rows, last_seq) = {
        let log = lock(&app.shared.log);
        (log.since(since), log.last_seq())
    };
    rows.retain(|e| {
        family.is_none_or(|f| e["family"] == f)
            && status.is_none_or(|s| status_matches(s, &e["status"]))
    });
    if let Some(limit) = number("limit") {
        let keep = rows.len().saturating_sub(limit as usize);
        rows.drain(..keep);
    }
    Response::json(200, &json!({"requests": rows, "last_seq": last_seq}))
}

/// Whether a recorded status matches a filter: `503`, `5xx`, or `error` (400 and up, or none).
fn status_matches(filter: &str, status: &Value) -> bool {
    let code = status.as_u64();
    match filter.to_ascii_lowercase().as_str() {
        "error" => code.is_none_or(|c| c >= 400),
        f if f.len() == 3 && f.ends_with("xx") => {
            code.is_some_and(|c| c.to_string().starts_with(&f[..1]))
        }
        f => code.is_some_and(|c| c.to_string() == f),
    }
}

/// `req` marked `application/json` when its body looks like JSON but is sent as another type,
/// so that every admin route (the families' too) reads it as JSON.
fn as_json(req: &Request) -> Option<Request> {
    let first = req.body.iter().find(|b| !b.is_ascii_whitespace())?;
    if !matches!(first, b'{' | b'[') || req.content_type() == "application/json" {
        return None;
    }
    let mut req = req.clone();
    req.headers
        .retain(|(k, _)| !k.eq_ignore_ascii_case("content-type"));
    req.headers
        .push(("Content-Type".into(), "application/json".into()));
    Some(req)
}

fn clock_json(app: &App) -> Response {
    let c = &app.shared.clock;
    let now = c.now();
    Response::json(
        200,
        &json!({"now": now, "now_rfc3339": crate::clock::rfc3339(now), "offset_s": c.offset()}),
    )
}

fn move_clock(app: &App, req: &Request) -> Response {
    let b = match body_object(req) {
        Ok(b) => b,
        Err(r) => return r,
    };
    let int = |k: &'static str| b.get(k).map(|v| v.as_i64().ok_or(k));
    match (int("advance_s"), int("offset_s")) {
        (Some(Err(k)), _) | (_, Some(Err(k))) => {
            return bad(400, &format!("`{k}` must be an integer (seconds)"))
        }
        (Some(Ok(n)), None) => {
            app.shared.clock.advance(n);
        }
        (None, Some(Ok(n))) => app.shared.clock.set(n),
        _ => {
            return bad(
                400,
                "give exactly one of `advance_s` and `offset_s` (seconds)",
            )
        }
    }
    clock_json(app)
}

fn body_object(req: &Request) -> Result<serde_json::Map<String, Value>, Response> {
    match req.fields() {
        Ok(m) => Ok(m.unwrap_or_default()),
        Err(e) => Err(bad(400, &e)),
    }
}

fn queue_fault(app: &App, req: &Request) -> Response {
    let b = match body_object(req) {
        Ok(b) => b,
        Err(r) => return r,
    };
    let text = |k: &str| b.get(k).and_then(Value::as_str).map(str::to_string);
    let Some(spec) = text("fault") else {
        return bad(400, "`fault` (a fault spec string) is required");
    };
    let times = match b.get("times") {
        None | Some(Value::Null) => 1,
        Some(v) => match v.as_u64() {
            Some(n) if n > 0 => n,
            _ => return bad(400, "`times` must be a positive integer"),
        },
    };
    let (method, path) = (text("method"), text("path"));
    match lock(&app.shared.faults).push(method.clone(), path.clone(), &spec, times) {
        Ok(id) => Response::json(
            201,
            &json!({"id": id, "method": method, "path": path, "fault": spec, "remaining": times}),
        ),
        Err(e) => bad(400, &e),
    }
}

fn rate_limit(app: &App, req: &Request) -> Response {
    let b = match body_object(req) {
        Ok(b) => b,
        Err(r) => return r,
    };
    let mut limiter = lock(&app.shared.limiter);
    let mut merged = json!(limiter.config());
    for (k, v) in b {
        merged[k] = v;
    }
    match serde_json::from_value::<RateConfig>(merged) {
        Ok(c) => {
            limiter.configure(c.clone());
            Response::json(200, &json!(c))
        }
        Err(e) => bad(400, &format!("invalid rate-limit settings: {e}")),
    }
}
