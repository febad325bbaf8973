//! Ping, express service codes and voicemail.

use super::util;
use super::{listing, Cx, Reply};
use crate::{clock, errors};
use serde_json::json;

/// `GET /ping`.
pub fn ping(cx: &mut Cx) -> Reply {
    let now = clock::now();
    util::ok(&json!({
        "datetime": clock::rfc3339(now), "remote_ip": cx.req.remote_ip, "timestamp": now,
        "user_agent": cx.req.header("user-agent").unwrap_or(""),
    }))
}

/// `GET /accounts/{a}/express-service-codes[/{id}]`; every fetch moves `expire_date` to now + 24 h.
pub fn express_codes(cx: &mut Cx) -> Reply {
    let col = format!("/accounts/{}/express-service-codes", cx.account);
    let expire = clock::now() + 86_400;
    for c in cx.w.store.items_mut(&col).iter_mut() {
        c["expire_date"] = json!(expire);
    }
    match cx.m.item_id() {
        None => listing::respond(cx.req, cx.w.store.items(&col)),
        Some(id) => util::ok(
            cx.w.store
                .get(&col, id)
                .ok_or_else(|| util::not_found("Express service code"))?,
        ),
    }
}

/// `GET /accounts/{a}/voicemail[/{id}]`, `PATCH .../{id}` (`is_new`).
pub fn voicemail(cx: &mut Cx) -> Reply {
    let col = format!("/accounts/{}/voicemail", cx.account);
    let Some(id) = cx.m.item_id().map(str::to_string) else {
        return listing::respond(cx.req, cx.w.store.items(&col));
    };
    let b = if cx.req.method == "PATCH" {
        Some(util::body(cx)?)
    } else {
        None
    };
    let item =
        cx.w.store
            .get_mut(&col, &id)
            .ok_or_else(|| util::not_found("Voicemail"))?;
    if let Some(b) = b {
        match util::opt_bool(&b, "is_new")? {
            Some(v) => item["is_new"] = json!(v),
            None if b.is_empty() => {}
            None => return Err(errors::invalid_field("is_new", "'is_new' is required")),
        }
    }
    util::ok(item)
}
