//! Calls (`POST /accounts/{a}/calls`, `POST /accounts/{a}/extensions/{e}/calls`) and the call
//! logs they leave (`/accounts/{a}/call-logs`).

use super::util::{self, Body};
use super::{listing, Cx, Reply};
use crate::http::Response;
use crate::{clock, errors};
use serde_json::{json, Value};

/// One side of a call: its number (E.164) or extension, caller id, and privacy flag.
fn side(cx: &Cx, b: &Body, who: &str, ext_default: Option<Value>) -> Result<Value, Response> {
    let (num_f, ext_f) = (format!("{who}_phone_number"), format!("{who}_extension"));
    let number = util::opt_str(b, &num_f)?;
    if number.as_deref().is_some_and(|n| !util::is_e164(n)) {
        return Err(errors::invalid_field(
            &num_f,
            &format!("'{num_f}' must be a phone number in E.164 format"),
        ));
    }
    let ext = match util::opt_int(b, &ext_f)? {
        Some(id) => Some(
            util::extension_summary(cx, &id.to_string())
                .ok_or_else(|| errors::invalid_field(&ext_f, "Extension not found"))?,
        ),
        None => ext_default,
    };
    if number.is_none() && ext.is_none() {
        return Err(errors::invalid_field(
            &num_f,
            &format!("Either '{num_f}' or '{ext_f}' is required"),
        ));
    }
    let cid_f = format!("{who}_caller_id");
    let caller_id = util::opt_str(b, &cid_f)?;
    if caller_id.as_deref().is_some_and(|n| !util::is_e164(n)) {
        return Err(errors::invalid_field(
            &cid_f,
            &format!("'{cid_f}' must be a phone number in E.164 format"),
        ));
    }
    let private = util::opt_bool(b, &format!("{who}_private"))?.unwrap_or(false);
    Ok(
        json!({"phone_number": number, "extension": ext, "caller_id": caller_id, "private": private}),
    )
}

/// `POST .../calls`: records the call and its call log.
pub fn create(cx: &mut Cx) -> Reply {
    let ext = util::path_extension(cx)?;
    let b = util::body(cx)?;
    let caller = side(cx, &b, "caller", ext)?;
    let callee = side(cx, &b, "callee", None)?;
    let id = cx.w.next_id().to_string();
    let now = clock::now();
    let label = |s: &Value| {
        s["phone_number"]
            .as_str()
            .map(str::to_string)
            .unwrap_or_else(|| s["extension"]["extension"].to_string())
    };
    let log = json!({
        "id": id, "uuid": format!("sbx-call-{id}"), "extension": caller["extension"],
        "caller_id": caller["caller_id"].as_str().map(str::to_string).unwrap_or_else(|| label(&caller)),
        "called_number": label(&callee), "start_time": clock::rfc3339(now), "created_at": clock::rfc3339(now),
        "direction": "out", "type": "call", "call_duration": 0, "is_monitored": "N", "call_number": id,
        "final_action": "hangup", "voicemail_url": "", "voicemail_cp_url": "", "voicemail_transcript": "",
        "call_recording_url": "", "call_recording_cp_url": "", "details": [], "caller_cnam": "",
    });
    let col = format!("/accounts/{}/call-logs", cx.account);
    cx.w.store.insert_capped(&col, log, crate::ring::HISTORY);
    util::created(
        &json!({"id": id, "caller": caller, "callee": callee, "status": "initiated", "created_at": clock::rfc3339(now)}),
    )
}

/// `GET /accounts/{a}/call-logs[/{id}]`.
pub fn logs(cx: &mut Cx) -> Reply {
    let col = format!("/accounts/{}/call-logs", cx.account);
    match cx.m.item_id() {
        None => listing::respond(cx.req, cx.w.store.items(&col)),
        Some(id) => util::ok(
            cx.w.store
                .get(&col, id)
                .ok_or_else(|| util::not_found("Call log"))?,
        ),
    }
}
