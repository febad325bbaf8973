//! numbers.online's admin routes under `/_sandbox/nol/` (no auth, no faults, not recorded):
//!
//! | route | effect |
//! |---|---|
//! | `GET` or `POST /_sandbox/nol/checkout/{session}` | pays the checkout session (the URL `verify-checkout` and `topup` return) |
//! | `POST /_sandbox/nol/reports {"e164","tags":[..],"rating"?,"body"?,"reporter"?,"lane"?,"provenance"?,"days_ago"?}` | files a community report against a number |
//! | `POST /_sandbox/nol/reviews {"e164","rating":1-5,"body"?,"reviewer"?,"positive"?,"days_ago"?}` | files a review |
//! | `POST /_sandbox/nol/accounts/{id}/status {"status":"active"\|"suspended"}` | suspends or restores an account |

use super::util::e164;
use super::world::{Feedback, Purchase, World};
use super::{listings, pay};
use crate::clock;
use crate::http::{Request, Response};
use serde_json::{json, Map, Value};

fn bad(status: u16, message: &str) -> Response {
    Response::json(status, &json!({ "error": message }))
}

/// Answers `/_sandbox/nol/{rest}`.
pub fn handle(req: &Request, rest: &str, w: &mut World) -> Response {
    let segs: Vec<&str> = rest.split('/').filter(|s| !s.is_empty()).collect();
    let m = req.method.as_str();
    match segs.as_slice() {
        ["checkout", id] if m == "GET" || m == "POST" => checkout(w, id),
        ["reports"] if m == "POST" => feedback(req, w, false),
        ["reviews"] if m == "POST" => feedback(req, w, true),
        ["accounts", id, "status"] if m == "POST" => status(req, w, id),
        ["checkout", _] | ["reports"] | ["reviews"] | ["accounts", _, "status"] => {
            bad(405, "method not allowed")
        }
        _ => bad(404, "unknown admin route"),
    }
}

fn checkout(w: &mut World, id: &str) -> Response {
    let Some(i) = w.sessions.iter().position(|s| s.id == id) else {
        return bad(404, "unknown checkout session");
    };
    pay::complete(w, i);
    let s = &w.sessions[i];
    let purchase = match &s.purchase {
        Purchase::Verification { e164 } => {
            let state = w
                .listing(e164)
                .map(|l| (l.handle.clone(), l.trust_grade.clone()));
            let (handle, grade) = state.unwrap_or_default();
            json!({"kind": "verification", "e164": e164, "handle": handle, "trust_grade": grade})
        }
        Purchase::Topup {
            amount_cents,
            promote_keys,
        } => json!({"kind": "topup", "amount_cents": amount_cents, "promote_keys": promote_keys}),
    };
    Response::json(
        200,
        &json!({"ok": true, "session_id": s.id, "paid": true, "purchase": purchase}),
    )
}

fn body(req: &Request) -> Result<Map<String, Value>, Response> {
    match req.fields() {
        Ok(b) => Ok(b.unwrap_or_default()),
        Err(e) => Err(bad(400, &e)),
    }
}

fn feedback(req: &Request, w: &mut World, review: bool) -> Response {
    let b = match body(req) {
        Ok(b) => b,
        Err(r) => return r,
    };
    let Some(number) = b.get("e164").and_then(Value::as_str).and_then(e164) else {
        return bad(400, "`e164` (an E.164 number) is required");
    };
    let days = b
        .get("days_ago")
        .and_then(Value::as_i64)
        .unwrap_or(0)
        .max(0);
    let text = |k: &str| b.get(k).and_then(Value::as_str).map(str::to_string);
    let rating = b.get("rating").and_then(Value::as_i64);
    if rating.is_some_and(|r| !(1..=5).contains(&r)) || (review && rating.is_none()) {
        return bad(400, "`rating` must be 1 to 5 (required for a review)");
    }
    let fields = if review {
        let positive = b
            .get("positive")
            .and_then(Value::as_bool)
            .unwrap_or(rating.unwrap_or(0) >= 4);
        json!({"rating": rating, "body": text("body"), "reviewer": text("reviewer"), "positive": positive})
    } else {
        let tags: Vec<String> = match b.get("tags") {
            Some(Value::Array(a)) => a
                .iter()
                .filter_map(|t| t.as_str().map(str::to_string))
                .collect(),
            _ => Vec::new(),
        };
        if tags.is_empty() {
            return bad(400, "`tags` (a non-empty array of strings) is required");
        }
        let lane = text("lane").unwrap_or_else(|| "crowd".into());
        if lane != "crowd" && lane != "accountable" {
            return bad(400, "`lane` must be \"crowd\" or \"accountable\"");
        }
        json!({"tags": tags, "rating": rating, "body": text("body"), "reporter": text("reporter"),
               "lane": lane, "provenance": text("provenance").unwrap_or_else(|| "sandbox".into())})
    };
    let Value::Object(fields) = fields else {
        return bad(500, "internal");
    };
    let now = clock::now();
    let item = Feedback {
        e164: number.clone(),
        created_at: now - days * 86_400,
        review,
        fields: fields.clone(),
    };
    crate::ring::push(&mut w.feedback, item, crate::ring::HISTORY);
    Response::json(
        201,
        &json!({"ok": true, "e164": number, "item": fields, "risk": listings::risk(w, &number, now)}),
    )
}

fn status(req: &Request, w: &mut World, id: &str) -> Response {
    let b = match body(req) {
        Ok(b) => b,
        Err(r) => return r,
    };
    let status = b.get("status").and_then(Value::as_str).unwrap_or("");
    if status != "active" && status != "suspended" {
        return bad(400, "`status` must be \"active\" or \"suspended\"");
    }
    match w.account_mut(id) {
        Some(a) => {
            a.status = status.to_string();
            Response::json(200, &json!({"ok": true, "id": id, "status": status}))
        }
        None => bad(404, "unknown account"),
    }
}
