//! SMS (`/accounts/{a}/sms` and the extension alias `/accounts/{a}/extensions/{e}/sms`).

use super::util::{self, Body};
use super::{listing, Cx, Reply};
use crate::{clock, errors};
use serde_json::{json, Value};

/// List, send, get, and mark read/unread.
pub fn handle(cx: &mut Cx) -> Reply {
    let ext = util::path_extension(cx)?;
    let col = format!("/accounts/{}/sms", cx.account);
    match (cx.req.method.as_str(), cx.m.item_id().map(str::to_string)) {
        ("GET", None) => {
            let items: Vec<Value> =
                cx.w.store
                    .items(&col)
                    .iter()
                    .filter(|s| util::in_extension(s, &ext))
                    .cloned()
                    .collect();
            listing::respond(cx.req, items)
        }
        ("POST", None) => send(cx, &col, ext),
        (method, Some(id)) => {
            let found =
                cx.w.store
                    .get(&col, &id)
                    .filter(|s| util::in_extension(s, &ext))
                    .cloned();
            let sms = found.ok_or_else(|| util::not_found("SMS"))?;
            if method == "GET" {
                return util::ok(&sms);
            }
            let b = util::body(cx)?;
            let is_new = util::opt_bool(&b, "is_new")?;
            let item =
                cx.w.store
                    .get_mut(&col, &id)
                    .ok_or_else(|| util::not_found("SMS"))?;
            if let Some(v) = is_new {
                item["is_new"] = json!(v);
            }
            util::ok(item)
        }
        _ => Err(errors::error(405, "Method Not Allowed")),
    }
}

/// `to` as a list of E.164 numbers: a string, a comma list, or an array of strings/`{number}`.
fn recipients(b: &Body) -> Result<Vec<String>, crate::http::Response> {
    let raw: Vec<String> = match b.get("to") {
        Some(Value::String(s)) => s.split(',').map(|x| x.trim().to_string()).collect(),
        Some(Value::Array(a)) => a
            .iter()
            .map(|x| {
                x.get("number")
                    .unwrap_or(x)
                    .as_str()
                    .unwrap_or("")
                    .to_string()
            })
            .collect(),
        _ => vec![],
    };
    if raw.is_empty() || raw.iter().any(|n| !util::is_e164(n)) {
        return Err(errors::invalid_field(
            "to",
            "'to' must be one or more phone numbers in E.164 format",
        ));
    }
    Ok(raw)
}

fn send(cx: &mut Cx, col: &str, ext: Option<Value>) -> Reply {
    let b = util::body(cx)?;
    util::require_all(&b, &["from", "to", "text"])?;
    let from = util::req_e164(&b, "from")?;
    let to = recipients(&b)?;
    let text = util::req_str(&b, "text")?;
    let ext = match (ext, util::opt_int(&b, "extension_id")?) {
        (Some(e), _) => e,
        (None, Some(id)) => util::extension_summary(cx, &id.to_string())
            .ok_or_else(|| errors::invalid_field("extension_id", "Extension not found"))?,
        (None, None) => Value::Null,
    };
    let now = clock::now();
    let sms = json!({
        "id": cx.w.next_id().to_string(), "from": from,
        "to": to.iter().map(|n| json!({"number": n, "status": "sent"})).collect::<Vec<_>>(),
        "direction": "out", "created_epoch": now, "created_at": clock::rfc3339(now), "text": text,
        "is_new": false, "extension": ext,
    });
    util::created(&cx.w.store.insert_capped(col, sms, crate::ring::HISTORY))
}
