//! Extensions (`/accounts/{a}/extensions[/{e}]`) and caller ids (`.../{e}/caller-ids`).

use super::util::{self, Body};
use super::{listing, Cx, Reply};
use crate::errors;
use crate::http::Response;
use serde_json::{json, Value};

/// A new `ExtensionFull` with the defaults.
pub fn object(id: u64, voip_id: u64, number: u64, name: &str, full_name: Option<&str>) -> Value {
    json!({
        "id": id, "name": name, "extension": number, "voip_id": voip_id, "full_name": full_name.unwrap_or(name),
        "usage_type": "limited", "device_membership": null, "timezone": "America/Los_Angeles", "name_greeting": null,
        "include_in_directory": true, "caller_id": null, "local_area_code": null, "enable_call_waiting": true,
        "enable_outbound_calls": true, "voicemail": {"enabled": true, "password": "****", "greeting": {"type": "standard"}},
        "call_notifications": null,
    })
}

fn col(cx: &Cx) -> String {
    format!("/accounts/{}/extensions", cx.account)
}

/// List, create, get, replace.
pub fn handle(cx: &mut Cx) -> Reply {
    let col = col(cx);
    match (cx.req.method.as_str(), cx.m.item_id().map(str::to_string)) {
        ("GET", None) => listing::respond(cx.req, cx.w.store.items(&col)),
        ("POST", None) => {
            let b = util::body(cx)?;
            let number = match util::opt_int(&b, "extension")? {
                Some(n) => n,
                None => {
                    cx.w.store
                        .items(&col)
                        .iter()
                        .filter_map(|e| e["extension"].as_u64())
                        .max()
                        .unwrap_or(110)
                        + 1
                }
            };
            let id = cx.w.next_id();
            let name = util::opt_str(&b, "name")?.unwrap_or_else(|| format!("Extension {number}"));
            let base = object(id, cx.account, number, &name, None);
            let ext = apply(cx, &b, base, None)?;
            util::created(&cx.w.store.insert(&col, ext))
        }
        ("GET", Some(id)) => util::ok(
            cx.w.store
                .get(&col, &id)
                .ok_or_else(|| util::not_found("Extension"))?,
        ),
        ("PUT", Some(id)) => {
            let old =
                cx.w.store
                    .get(&col, &id)
                    .cloned()
                    .ok_or_else(|| util::not_found("Extension"))?;
            let b = util::body(cx)?;
            util::require_all(&b, &["name", "extension"])?;
            let number = util::opt_int(&b, "extension")?.unwrap_or(0);
            let base = object(
                old["id"].as_u64().unwrap_or(0),
                cx.account,
                number,
                "",
                None,
            );
            let ext = apply(cx, &b, base, Some(&id))?;
            *cx.w
                .store
                .get_mut(&col, &id)
                .ok_or_else(|| util::not_found("Extension"))? = ext.clone();
            util::ok(&ext)
        }
        _ => Err(errors::error(405, "Method Not Allowed")),
    }
}

/// Validates the body and lays it over `base`. `self_id` is the extension being replaced.
fn apply(cx: &Cx, b: &Body, mut base: Value, self_id: Option<&str>) -> Result<Value, Response> {
    let number = base["extension"].as_u64().unwrap_or(0);
    if !(1..=99_999).contains(&number) {
        return Err(errors::invalid_field(
            "extension",
            "'extension' must be between 1 and 99999",
        ));
    }
    let taken =
        cx.w.store.items(&col(cx)).iter().any(|e| {
            e["extension"] == number && self_id.is_none_or(|s| !super::store::has_id(e, s))
        });
    if taken {
        return Err(errors::invalid_field(
            "extension",
            "This extension number is already in use",
        ));
    }
    if let Some(u) = util::opt_str(b, "usage_type")? {
        if u != "limited" && u != "unlimited" {
            return Err(errors::invalid_field(
                "usage_type",
                "'usage_type' must be 'limited' or 'unlimited'",
            ));
        }
        base["usage_type"] = json!(u);
    }
    for f in [
        "name",
        "full_name",
        "timezone",
        "caller_id",
        "local_area_code",
    ] {
        if let Some(v) = util::opt_str(b, f)? {
            base[f] = json!(v);
        }
    }
    for f in [
        "include_in_directory",
        "enable_call_waiting",
        "enable_outbound_calls",
    ] {
        if let Some(v) = util::opt_bool(b, f)? {
            base[f] = json!(v);
        }
    }
    for f in [
        "voicemail",
        "call_notifications",
        "name_greeting",
        "device_membership",
    ] {
        match b.get(f) {
            None => {}
            Some(v @ (Value::Object(_) | Value::Null)) => base[f] = v.clone(),
            Some(_) => {
                return Err(errors::invalid_field(
                    f,
                    &format!("'{f}' must be an object"),
                ))
            }
        }
    }
    if base["name"] == "" {
        base["name"] = json!(format!("Extension {number}"));
    }
    Ok(base)
}

/// `GET /accounts/{a}/extensions/{e}/caller-ids`: the account's numbers.
pub fn caller_ids(cx: &mut Cx) -> Reply {
    util::path_extension(cx)?;
    let items =
        cx.w.store
            .items(&format!("/accounts/{}/phone-numbers", cx.account))
            .iter();
    let items: Vec<Value> = items
        .map(|n| json!({"number": n["phone_number"], "name": n["name"], "type": "account"}))
        .collect();
    listing::respond(cx.req, items)
}
