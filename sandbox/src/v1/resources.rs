//! Building the stored object of every service but `/media` from a checked body, with what
//! each service adds: calls and SMS get a status, a type, a charge (money as `$0.04`) and,
//! for calls, a duration in seconds; a batch sends one SMS or call per recipient; contacts must
//! name someone and point at an existing group; extension numbers are unique.

use super::errors::{self, invalid, missing, Kind};
use super::fields::{self, Body};
use super::format;
use super::menus;
use super::store::Store;
use crate::creds::MASTER_ACCOUNT_ID;
use crate::http::Response;
use serde_json::{json, Value};

/// Cents per started minute of a call.
pub const CALL_CENTS_PER_MINUTE: i64 = 2;
/// Cents per SMS.
pub const SMS_CENTS: i64 = 1;

/// The object `service` stores for `body` (`old` for a PUT, which replaces the settable fields
/// and keeps `resource_id` and the creation time).
pub fn build(
    store: &mut Store,
    service: &str,
    id: &str,
    now: i64,
    body: Body,
    old: Option<&Value>,
) -> Result<Value, Response> {
    let fields = if service == "menus" {
        fields::no_booleans(&body)?;
        menus::validate(&body)?
    } else {
        fields::check(&fields::spec(service), body)?
    };
    let mut m = Body::new();
    m.insert("resource_id".into(), json!(id));
    m.extend(fields);
    match service {
        "calls" => call(store, &mut m, now),
        "sms" => sms(&mut m),
        "batch" => batch(store, &mut m, now, old)?,
        "contacts" => contact(store, &m)?,
        "extensions" => extension(store, &mut m, id)?,
        _ => {}
    }
    match old {
        Some(o) => {
            m.insert("created_date".into(), o["created_date"].clone());
            m.insert("created_epoch".into(), o["created_epoch"].clone());
        }
        None => m.extend(format::created(now)),
    }
    Ok(Value::Object(m))
}

fn scheduled_later(m: &Body, now: i64) -> bool {
    m.get("scheduled_epoch")
        .and_then(Value::as_i64)
        .is_some_and(|t| t > now)
}

fn call(store: &mut Store, m: &mut Body, now: i64) {
    let (status, secs) = if scheduled_later(m, now) {
        ("scheduled", 0)
    } else {
        ("completed", store.range(20, 600) as i64)
    };
    m.insert("type".into(), json!("outgoing"));
    m.insert("status".into(), json!(status));
    m.insert("duration".into(), json!(secs));
    let minutes = (secs + 59) / 60;
    m.insert(
        "charge".into(),
        json!(format::money(minutes * CALL_CENTS_PER_MINUTE)),
    );
    m.insert("voip_id".into(), json!(MASTER_ACCOUNT_ID));
}

fn sms(m: &mut Body) {
    if !m["message"].is_string() {
        m.insert("message".into(), json!(m["message"].to_string()));
    }
    m.insert("type".into(), json!("outgoing"));
    m.insert("status".into(), json!("sent"));
    m.insert("charge".into(), json!(format::money(SMS_CENTS)));
    m.insert("voip_id".into(), json!(MASTER_ACCOUNT_ID));
}

fn batch(store: &mut Store, m: &mut Body, now: i64, old: Option<&Value>) -> Result<(), Response> {
    let kind = m["type"].as_str().unwrap_or("").to_string();
    if kind != "sms" && kind != "call" {
        return Err(invalid("type", "must be \"sms\" or \"call\""));
    }
    if kind == "sms"
        && m.get("message")
            .is_none_or(|v| v.as_str().is_none_or(str::is_empty))
    {
        return Err(missing("message"));
    }
    let to: Vec<Value> = match m["to"].clone() {
        Value::Array(a) => a,
        one => vec![one],
    };
    m.insert("to".into(), Value::Array(to.clone()));
    let count = to.len() as i64;
    let unit = if kind == "sms" {
        SMS_CENTS
    } else {
        CALL_CENTS_PER_MINUTE
    };
    m.insert("count".into(), json!(count));
    m.insert("charge".into(), json!(format::money(count * unit)));
    m.insert("voip_id".into(), json!(MASTER_ACCOUNT_ID));
    if let Some(o) = old {
        m.insert("status".into(), o["status"].clone());
        m.insert("items".into(), o["items"].clone());
        return Ok(());
    }
    let mut items = Vec::new();
    for number in to {
        let child_id = store.new_id();
        let mut child = Body::new();
        child.insert("resource_id".into(), json!(child_id));
        for k in ["from", "message", "application_id", "url", "backup_url"] {
            if let Some(v) = m.get(k) {
                child.insert(k.into(), v.clone());
            }
        }
        child.insert("to".into(), number);
        child.insert("batch_id".into(), m["resource_id"].clone());
        let service = if kind == "sms" {
            sms(&mut child);
            "sms"
        } else {
            call(store, &mut child, now);
            "calls"
        };
        child.extend(format::created(now));
        store.insert(service, Value::Object(child));
        items.push(json!(child_id));
    }
    m.insert("status".into(), json!("completed"));
    m.insert("items".into(), Value::Array(items));
    Ok(())
}

fn contact(store: &Store, m: &Body) -> Result<(), Response> {
    let named = ["first_name", "last_name", "company"].iter().any(|k| {
        m.get(*k)
            .and_then(Value::as_str)
            .is_some_and(|s| !s.trim().is_empty())
    });
    if !named {
        return Err(errors::field(
            Kind::Missing,
            "first_name",
            "Missing required field 'first_name' (a contact needs first_name, last_name or company).",
        ));
    }
    if let Some(g) = m.get("group_id").and_then(Value::as_str) {
        if store.get("contact_groups", g).is_none() {
            return Err(invalid("group_id", "no contact group has this resource_id"));
        }
    }
    Ok(())
}

fn extension(store: &Store, m: &mut Body, id: &str) -> Result<(), Response> {
    let ext = match &m["extension"] {
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.clone(),
        _ => String::new(),
    };
    if !(2..=6).contains(&ext.len()) || !ext.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid("extension", "must be 2 to 6 digits"));
    }
    let taken = store
        .items("extensions")
        .iter()
        .any(|e| e["extension"] == ext.as_str() && e["resource_id"] != id);
    if taken {
        return Err(errors::field(
            Kind::Conflict,
            "extension",
            &format!("Extension {ext} already exists."),
        ));
    }
    m.insert("extension".into(), json!(ext));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(v: Value) -> Body {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn calls_sms_and_batches() {
        let mut s = Store::new(1);
        let c = build(
            &mut s,
            "calls",
            "c1",
            100,
            body(json!({"to": "15555551234", "from": "15555551235"})),
            None,
        )
        .unwrap();
        assert_eq!(c["status"], "completed");
        let secs = c["duration"].as_i64().unwrap();
        assert_eq!(c["charge"], format::money((secs + 59) / 60 * 2));
        let later = build(
            &mut s,
            "calls",
            "c2",
            100,
            body(json!({"to": "15555551234", "from": "15555551235", "scheduled_date": 200})),
            None,
        )
        .unwrap();
        assert_eq!(
            (later["status"].as_str(), later["charge"].as_str()),
            (Some("scheduled"), Some("$0.00"))
        );
        let before = s.items("sms").len();
        let b = build(&mut s, "batch", "b1", 100, body(json!({"type": "sms", "from": "15555551235", "to": ["15555551234", "15555551236"], "message": "hi"})), None).unwrap();
        assert_eq!(
            (b["count"].as_i64(), b["charge"].as_str()),
            (Some(2), Some("$0.02"))
        );
        assert_eq!(s.items("sms").len(), before + 2);
        assert_eq!(s.items("sms").last().unwrap()["batch_id"], "b1");
        assert!(build(
            &mut s,
            "batch",
            "b2",
            1,
            body(json!({"type": "fax", "from": "15555551235", "to": "15555551234"})),
            None
        )
        .is_err());
        assert!(build(
            &mut s,
            "batch",
            "b3",
            1,
            body(json!({"type": "sms", "from": "15555551235", "to": "15555551234"})),
            None
        )
        .is_err());
    }

    #[test]
    fn contacts_and_extensions() {
        let mut s = Store::new(1);
        assert!(build(
            &mut s,
            "contacts",
            "x",
            1,
            body(json!({"email": "a@b.c"})),
            None
        )
        .is_err());
        let bad_group =
            json!({"first_name": "A", "group_id": "06283513-14f5-11e3-a398-91e4dd3a21e9"});
        assert!(build(&mut s, "contacts", "x", 1, body(bad_group), None).is_err());
        let dup = build(
            &mut s,
            "extensions",
            "x",
            1,
            body(json!({"extension": "101", "name": "Dup"})),
            None,
        )
        .unwrap_err();
        assert_eq!(dup.status, 409);
        let own = s.items("extensions")[0].clone();
        let id = own["resource_id"].as_str().unwrap().to_string();
        let same = build(
            &mut s,
            "extensions",
            &id,
            1,
            body(json!({"extension": 101, "name": "Front"})),
            Some(&own),
        )
        .unwrap();
        assert_eq!(same["created_epoch"], own["created_epoch"]);
    }
}
