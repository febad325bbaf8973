//! Available numbers, regions, and the account's own numbers (buy, list, get, replace).
//! Numbers held by the XML API's `reservePhoneNumber` are not listed, and only the holder's
//! side may buy them ([`crate::holds`]): a refusal is a 422 on `phone_number`, like any other
//! number that cannot be bought.

use super::inventory::{self, DEFAULT_GROUP_BY, REGION_FIELDS};
use super::util::{self, Body};
use super::{listing, Cx, Reply};
use crate::http::Response;
use crate::{clock, errors};
use serde_json::{json, Value};

/// The inventory minus the numbers held by the XML API's `reservePhoneNumber`.
/// Borrowed: a search copies only the page it answers with.
fn for_sale<'a>(cx: &'a Cx) -> impl Iterator<Item = &'a Value> {
    let now = clock::now();
    cx.w.inventory.items().iter().filter(move |n| {
        let e164 = n["phone_number"].as_str().unwrap_or_default();
        !cx.w.holds.is_held(e164, now)
    })
}

/// `GET /phone-numbers/available`: numbers held through the XML API are left out.
pub fn available(cx: &mut Cx) -> Reply {
    listing::respond(cx.req, for_sale(cx))
}

/// `GET /phone-numbers/available/regions[?group_by=npa,city]`: `group_by` is a Swagger 2 array
/// without `collectionFormat`, i.e. one comma-separated value; repeated or bracketed keys give 422.
pub fn regions(cx: &mut Cx) -> Reply {
    let mut group_by: Vec<String> = Vec::new();
    let mut seen = false;
    for (k, v) in &cx.req.query {
        if k.starts_with("group_by[") || (k == "group_by" && seen) {
            return Err(errors::invalid_field(
                "group_by",
                "group_by is one comma-separated value (group_by=npa,city)",
            ));
        }
        if k == "group_by" {
            seen = true;
            group_by.extend(
                v.split(',')
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty()),
            );
        }
    }
    if let Some(bad) = group_by
        .iter()
        .find(|g| !REGION_FIELDS.contains(&g.as_str()))
    {
        return Err(errors::invalid_field(
            "group_by",
            &format!("Cannot group by '{bad}'"),
        ));
    }
    if group_by.is_empty() {
        group_by = DEFAULT_GROUP_BY.iter().map(|s| s.to_string()).collect();
    }
    let mut q = listing::parse(&cx.req.query)?;
    let records: Vec<Value> = for_sale(cx)
        .map(inventory::region_of)
        .filter(|r| listing::keep(r, &q))
        .collect();
    q.filters.clear();
    let mut env = listing::envelope(inventory::group(&records, &group_by), &q);
    env["group_by"] = json!(group_by);
    util::ok(&env)
}

fn col(cx: &Cx) -> String {
    format!("/accounts/{}/phone-numbers", cx.account)
}

/// `GET|POST /accounts/{id}/phone-numbers`, `GET|PUT /accounts/{id}/phone-numbers/{number_id}`.
pub fn owned(cx: &mut Cx) -> Reply {
    let col = col(cx);
    match (cx.req.method.as_str(), cx.m.item_id().map(str::to_string)) {
        ("GET", None) => listing::respond(cx.req, cx.w.store.items(&col)),
        ("POST", None) => buy(cx),
        ("GET", Some(id)) => util::ok(
            cx.w.store
                .get(&col, &id)
                .ok_or_else(|| util::not_found("Phone number"))?,
        ),
        ("PUT", Some(id)) => {
            let old =
                cx.w.store
                    .get(&col, &id)
                    .cloned()
                    .ok_or_else(|| util::not_found("Phone number"))?;
            let b = util::body(cx)?;
            let new = settings(
                cx,
                &b,
                json!({"id": old["id"], "phone_number": old["phone_number"]}),
            )?;
            *cx.w
                .store
                .get_mut(&col, &id)
                .ok_or_else(|| util::not_found("Phone number"))? = new.clone();
            util::ok(&new)
        }
        _ => Err(errors::error(405, "Method Not Allowed")),
    }
}

fn buy(cx: &mut Cx) -> Reply {
    let b = util::body(cx)?;
    let number = util::req_e164(&b, "phone_number")?;
    let Some(avail) = cx.w.inventory.get(&number) else {
        return Err(errors::invalid_field(
            "phone_number",
            "This phone number is not available",
        ));
    };
    if avail["price"] == "REQUEST_QUOTE" {
        return Err(errors::invalid_field(
            "phone_number",
            "This phone number requires a quote; contact sales",
        ));
    }
    let held = cx.w.holds.get(&number, clock::now());
    if held.is_some_and(|h| !h.by_partner() || !cx.w.is_partner_account(cx.account)) {
        return Err(errors::invalid_field(
            "phone_number",
            "This phone number is reserved by another user (XML API reservePhoneNumber)",
        ));
    }
    let id = cx.w.next_id();
    let obj = settings(cx, &b, json!({"id": id, "phone_number": number}))?;
    cx.w.inventory.take(&number);
    cx.w.holds.remove(&number);
    util::created(&cx.w.store.insert(&col(cx), obj))
}

fn object_or_null(b: &Body, field: &str) -> Result<Value, Response> {
    match b.get(field) {
        None | Some(Value::Null) => Ok(Value::Null),
        Some(v @ Value::Object(_)) => Ok(v.clone()),
        Some(_) => Err(errors::invalid_field(
            field,
            &format!("'{field}' must be an object or null"),
        )),
    }
}

/// The settable fields of a number over `base` (`id`, `phone_number`).
fn settings(cx: &Cx, b: &Body, mut base: Value) -> Result<Value, Response> {
    let route = match b.get("route") {
        None | Some(Value::Null) => Value::Null,
        Some(r) => route_summary(cx, r)?,
    };
    let name = util::opt_str(b, "name")?
        .unwrap_or_else(|| base["phone_number"].as_str().unwrap_or("").to_string());
    base["name"] = json!(name);
    base["block_incoming"] = json!(util::opt_bool(b, "block_incoming")?.unwrap_or(false));
    base["block_anonymous"] = json!(util::opt_bool(b, "block_anonymous")?.unwrap_or(false));
    base["route"] = route;
    for f in ["caller_id", "sms_forwarding", "call_notifications"] {
        base[f] = object_or_null(b, f)?;
    }
    Ok(base)
}

/// A route lookup (`7`, `{"id":7}` or `{"name":"x"}`) as a `RouteSummary`.
fn route_summary(cx: &Cx, r: &Value) -> Result<Value, Response> {
    let id = r.as_u64().or_else(|| r.get("id").and_then(Value::as_u64));
    let name = r.get("name").and_then(Value::as_str);
    cx.w.store
        .items(&format!("/accounts/{}/routes", cx.account))
        .iter()
        .find(|x| id.is_some_and(|i| x["id"] == i) || name.is_some_and(|n| x["name"] == n))
        .map(|x| json!({"id": x["id"], "name": x["name"]}))
        .ok_or_else(|| errors::invalid_field("route", "Route not found"))
}
