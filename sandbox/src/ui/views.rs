//! The v4 and REST v1 state as the dashboard shows it (numbers.online's is in
//! [`crate::nol::dashboard`], next to its private views): plain JSON built from the families' own
//! structures, read under their locks, with no passwords, raw keys or codes in it (the caller,
//! [`super::state`], masks what is left and scrubs the config's secrets as a last line).
//!
//! ```
//! use phonecom_sandbox::{creds::Credentials, ui::views, v4::World};
//!
//! let creds = Credentials::from_seed(1);
//! let world = World::new(1, &creds, 0);
//! let v = views::v4(&world, &[], 0);
//! assert_eq!(v["accounts"][0]["id"], 1000001);
//! assert!(v["accounts"][0].get("password").is_none());
//! ```

use crate::v1::store::{Store as V1Store, SERVICES as V1_SERVICES};
use crate::v4::World as V4World;
use serde_json::{json, Map, Value};

/// Most inventory rows in one snapshot (the count of all matches is in `matched`).
pub const INVENTORY_ROWS: usize = 100;

fn query<'a>(q: &'a [(String, String)], key: &str) -> Option<&'a str> {
    q.iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .filter(|v| !v.is_empty())
}

/// `/accounts/1000001/extensions/111/contacts` -> `(1000001, "extensions/{id}/contacts")`.
fn kind_of(collection: &str) -> Option<(u64, String)> {
    let rest = collection.strip_prefix("/accounts/")?;
    let (account, rest) = rest.split_once('/')?;
    let kind: Vec<&str> = rest
        .split('/')
        .map(|seg| {
            if seg.bytes().all(|b| b.is_ascii_digit()) {
                "{id}"
            } else {
                seg
            }
        })
        .collect();
    Some((account.parse().ok()?, kind.join("/")))
}

/// Whether any string or number in `item` contains `needle` (case-insensitive).
fn mentions(item: &Value, needle: &str) -> bool {
    match item {
        Value::String(s) => s.to_lowercase().contains(needle),
        Value::Number(n) => n.to_string().contains(needle),
        Value::Object(m) => m.values().any(|v| mentions(v, needle)),
        Value::Array(a) => a.iter().any(|v| mentions(v, needle)),
        _ => false,
    }
}

/// v4: accounts (with contacts, no passwords), every resource collection grouped by kind
/// (`phone-numbers`, `sms`, `calls`, `call-logs`, `extensions`, `listeners`,
/// `express-service-codes`, ...; each row with its `account_id`), numbers held by the XML API,
/// and the available inventory filtered by `?q=` (any field contains it) and `?category=`.
pub fn v4(w: &V4World, q: &[(String, String)], now: i64) -> Value {
    let accounts: Vec<Value> = w
        .accounts
        .values()
        .map(|a| {
            json!({"id": a.id, "username": a.username, "name": a.name(), "parent": a.parent,
                   "contact": a.contact, "billing_contact": a.billing_contact})
        })
        .collect();
    let mut resources: Map<String, Value> = Map::new();
    for (col, items) in w.store.collections() {
        let Some((account, kind)) = kind_of(col) else {
            continue;
        };
        let rows = resources.entry(kind).or_insert_with(|| json!([]));
        if let Value::Array(rows) = rows {
            rows.extend(items.iter().map(|item| {
                let mut row = json!({"account_id": account});
                if let (Value::Object(r), Value::Object(i)) = (&mut row, item) {
                    r.extend(i.clone());
                }
                row
            }));
        }
    }
    let needle = query(q, "q").map(str::to_lowercase);
    let category = query(q, "category");
    let matching: Vec<&Value> = w
        .inventory
        .items()
        .iter()
        .filter(|n| {
            !w.holds
                .is_held(n["phone_number"].as_str().unwrap_or(""), now)
        })
        .filter(|n| needle.as_deref().is_none_or(|s| mentions(n, s)))
        .filter(|n| category.is_none_or(|c| n["category"] == c))
        .collect();
    json!({
        "accounts": accounts,
        "resources": resources,
        "held_numbers": w.holds.to_json(now),
        "inventory": {
            "available": w.inventory.items().len(),
            "matched": matching.len(),
            "rows": matching.into_iter().take(INVENTORY_ROWS).collect::<Vec<_>>(),
        },
    })
}

/// REST v1: the objects of each of the eleven services, oldest first.
pub fn v1(store: &V1Store) -> Value {
    let services: Map<String, Value> = V1_SERVICES
        .iter()
        .map(|s| (s.to_string(), json!(store.items(s))))
        .collect();
    json!({ "services": services })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_drop_ids() {
        assert_eq!(
            kind_of("/accounts/1000001/extensions/111/contacts"),
            Some((1000001, "extensions/{id}/contacts".into()))
        );
        assert_eq!(kind_of("/accounts/7/sms"), Some((7, "sms".to_string())));
        assert_eq!(kind_of("/media"), None);
    }
}
