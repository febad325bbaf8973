//! Listeners (`/accounts/{a}/listeners`, extension alias `.../extensions/{e}/listeners`) and the
//! events API (`/accounts/{a}/integrations/events/types|subscriptions`).

use super::util::{self, Body};
use super::{listing, Cx, Reply};
use crate::http::Response;
use crate::{clock, errors};
use serde_json::{json, Value};

/// Event types a listener or subscription may name.
pub const EVENT_TYPES: &[(&str, &str)] = &[
    ("call.new", "A call started"),
    ("call.update", "A call changed state"),
    ("call.complete", "A call ended"),
    ("call.log", "A call log was written"),
    ("sms.in", "An SMS was received"),
    ("sms.out", "An SMS was sent"),
];

fn event_type(b: &Body) -> Result<String, Response> {
    let t = util::req_str(b, "event_type")?;
    if !EVENT_TYPES.iter().any(|(n, _)| *n == t) {
        let names: Vec<&str> = EVENT_TYPES.iter().map(|(n, _)| *n).collect();
        return Err(errors::invalid_field(
            "event_type",
            &format!("'event_type' must be one of {}", names.join(", ")),
        ));
    }
    Ok(t)
}

fn listener(b: &Body, base: Value) -> Result<Value, Response> {
    let mut l = base;
    let kind = util::opt_str(b, "type")?.unwrap_or_else(|| "callback".into());
    if kind != "callback" {
        return Err(errors::invalid_field("type", "'type' must be 'callback'"));
    }
    let callbacks = match b.get("callbacks") {
        None | Some(Value::Null) => json!([]),
        Some(v @ Value::Array(_)) => v.clone(),
        Some(_) => {
            return Err(errors::invalid_field(
                "callbacks",
                "'callbacks' must be an array of callback objects",
            ))
        }
    };
    l["type"] = json!(kind);
    l["event_type"] = json!(event_type(b)?);
    l["callbacks"] = callbacks;
    l["updated_at"] = json!(clock::now());
    Ok(l)
}

/// Listener CRUD.
pub fn listeners(cx: &mut Cx) -> Reply {
    let ext = util::path_extension(cx)?;
    let col = format!("/accounts/{}/listeners", cx.account);
    let id = cx.m.item_id().map(str::to_string);
    let existing = id.as_ref().map(|i| {
        cx.w.store
            .get(&col, i)
            .filter(|l| util::in_extension(l, &ext))
            .cloned()
    });
    if let Some(None) = existing {
        return Err(util::not_found("Listener"));
    }
    match (cx.req.method.as_str(), existing.flatten()) {
        ("GET", None) => {
            let items: Vec<Value> =
                cx.w.store
                    .items(&col)
                    .iter()
                    .filter(|l| util::in_extension(l, &ext))
                    .cloned()
                    .collect();
            listing::respond(cx.req, items)
        }
        ("POST", None) => {
            let b = util::body(cx)?;
            let now = clock::now();
            let mut base = json!({"id": cx.w.next_id(), "voip_id": cx.account, "created_at": now});
            if let Some(e) = ext {
                base["extension"] = e;
            }
            let l = listener(&b, base)?;
            util::created(&cx.w.store.insert(&col, l))
        }
        ("GET", Some(l)) => util::ok(&l),
        ("PUT", Some(old)) => {
            let b = util::body(cx)?;
            let mut base = json!({"id": old["id"], "voip_id": old["voip_id"], "created_at": old["created_at"]});
            if let Some(e) = old.get("extension") {
                base["extension"] = e.clone();
            }
            let l = listener(&b, base)?;
            *cx.w
                .store
                .get_mut(&col, id.as_deref().unwrap_or(""))
                .ok_or_else(|| util::not_found("Listener"))? = l.clone();
            util::ok(&l)
        }
        ("DELETE", Some(_)) => {
            cx.w.store.remove(&col, id.as_deref().unwrap_or(""));
            Ok(Response::empty(204))
        }
        _ => Err(errors::error(405, "Method Not Allowed")),
    }
}

/// `GET .../integrations/events/types`.
pub fn types(cx: &mut Cx) -> Reply {
    let items: Vec<Value> = EVENT_TYPES
        .iter()
        .map(|(n, d)| json!({"id": n, "event_type": n, "name": n, "description": d}))
        .collect();
    listing::respond(cx.req, items)
}

/// `GET|POST .../integrations/events/subscriptions`, `GET|DELETE .../subscriptions/{id}`.
pub fn subscriptions(cx: &mut Cx) -> Reply {
    let col = format!("/accounts/{}/integrations/events/subscriptions", cx.account);
    match (cx.req.method.as_str(), cx.m.item_id().map(str::to_string)) {
        ("GET", None) => listing::respond(cx.req, cx.w.store.items(&col)),
        ("POST", None) => {
            let b = util::body(cx)?;
            util::require_all(&b, &["event_type", "callback_url"])?;
            let kind = event_type(&b)?;
            let url = util::req_str(&b, "callback_url")?;
            if !(url.starts_with("https://") || url.starts_with("http://"))
                || url.contains(char::is_whitespace)
            {
                return Err(errors::invalid_field(
                    "callback_url",
                    "'callback_url' must be an http(s) URL",
                ));
            }
            let secret = util::opt_str(&b, "secret")?;
            let sub = json!({
                "id": cx.w.next_id(), "event_type": kind, "callback_url": url, "has_secret": secret.is_some(),
                "status": "active", "created_at": clock::now_rfc3339(),
            });
            util::created(&cx.w.store.insert(&col, sub))
        }
        ("GET", Some(id)) => util::ok(
            cx.w.store
                .get(&col, &id)
                .ok_or_else(|| util::not_found("Subscription"))?,
        ),
        ("DELETE", Some(id)) => {
            cx.w.store
                .remove(&col, &id)
                .ok_or_else(|| util::not_found("Subscription"))?;
            Ok(Response::empty(204))
        }
        _ => Err(errors::error(405, "Method Not Allowed")),
    }
}
