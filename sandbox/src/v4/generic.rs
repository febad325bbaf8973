//! Plain in-memory CRUD for every other v4 resource, by path shape: GET collection -> list;
//! POST collection -> 201 with a new integer id; GET / PUT / PATCH / DELETE item -> the object /
//! replaced / merged / 204. Secret fields are stored and shown as `***`.

use super::util::{self, Body};
use super::{listing, Cx, Reply};
use crate::http::Response;
use crate::{errors, record};
use serde_json::{json, Value};

/// 404 unless every parent in the path (extension, OAuth client, subaccount) exists.
fn check_parents(cx: &Cx) -> Result<(), Response> {
    let parents = cx.m.params.len() - usize::from(cx.m.item_id().is_some());
    for (name, value) in &cx.m.params[..parents] {
        let a = cx.account;
        let ok = match *name {
            "extension_id" => {
                cx.w.store
                    .get(&format!("/accounts/{a}/extensions"), value)
                    .is_some()
            }
            "client_id" => {
                cx.w.store
                    .get(&format!("/accounts/{a}/oauth/clients"), value)
                    .is_some()
            }
            "subaccount_id" => value
                .parse::<u64>()
                .ok()
                .and_then(|s| cx.w.accounts.get(&s))
                .is_some_and(|s| s.parent == Some(a)),
            _ => true,
        };
        if !ok {
            let what = name.trim_end_matches("_id").replace('_', " ");
            let mut chars = what.chars();
            let first = chars.next().map(|c| c.to_uppercase().to_string());
            return Err(util::not_found(&format!(
                "{}{}",
                first.unwrap_or_default(),
                chars.as_str()
            )));
        }
    }
    Ok(())
}

fn stored(b: &Body, id: &Value) -> Value {
    let mut m = util::with_id(id, b, &[]);
    for (k, v) in m.iter_mut() {
        if record::is_secret(k) && !v.is_null() {
            *v = json!("***");
        }
    }
    Value::Object(m)
}

/// CRUD on `cx.m.collection`.
pub fn handle(cx: &mut Cx) -> Reply {
    check_parents(cx)?;
    let rest: Vec<&str> = cx.m.collection.split('/').skip(3).collect();
    let col = format!("/accounts/{}/{}", cx.account, rest.join("/"));
    match (cx.req.method.as_str(), cx.m.item_id().map(str::to_string)) {
        ("GET", None) => listing::respond(cx.req, cx.w.store.items(&col)),
        ("POST", None) => {
            let b = util::body(cx)?;
            let id = json!(cx.w.next_id());
            util::created(&cx.w.store.insert(&col, stored(&b, &id)))
        }
        ("DELETE", Some(id)) => {
            cx.w.store
                .remove(&col, &id)
                .ok_or_else(|| util::not_found("Resource"))?;
            Ok(Response::empty(204))
        }
        (method, Some(id)) => {
            let b = if method == "GET" {
                Body::new()
            } else {
                util::body(cx)?
            };
            let item =
                cx.w.store
                    .get_mut(&col, &id)
                    .ok_or_else(|| util::not_found("Resource"))?;
            let new = stored(&b, &item["id"]);
            match (method, &mut *item, new) {
                ("PUT", _, new) => *item = new,
                ("PATCH", Value::Object(m), Value::Object(new)) => m.extend(new),
                _ => {}
            }
            util::ok(item)
        }
        _ => Err(errors::error(405, "Method Not Allowed")),
    }
}
