//! Field rules per service (the document names the formats; which field has which format is
//! the sandbox's choice where the document is silent) and the checks every body goes through:
//! JSON booleans are refused (`"Y"`/`"N"` only), phone numbers become E.164 with their `+`,
//! UUID references are checked, integers may be quoted, dates are ISO 8601 or epoch seconds.
//!
//! The phone and UUID columns of [`spec`] are duplicated in the library (`core/src/v1/fields.rs`,
//! which checks free-form bodies before sending; the sandbox does not depend on core): keep the
//! two in step.

use super::errors::{invalid, missing};
use super::format;
use crate::http::Response;
use serde_json::{json, Map, Value};

/// A JSON object body.
pub type Body = Map<String, Value>;

/// What a service's fields must look like.
#[derive(Debug, Clone, Copy, Default)]
pub struct Spec {
    /// Required (non-empty) fields.
    pub required: &'static [&'static str],
    /// E.164 fields (a string, or an array of strings).
    pub phones: &'static [&'static str],
    /// UUID references.
    pub uuids: &'static [&'static str],
    /// `Y`/`N` flags besides those named like flags (`is_*`, `allow_*`, `*_enabled`, ...).
    pub flags: &'static [&'static str],
    /// Integers (a number or a quoted number), kept as numbers.
    pub ints: &'static [&'static str],
    /// Dates (ISO 8601 or epoch seconds): stored as ISO 8601 in the field, with the epoch in
    /// `<field without _date>_epoch`.
    pub dates: &'static [&'static str],
}

/// The rules of `service` (menus and media have their own modules on top).
pub fn spec(service: &str) -> Spec {
    match service {
        "calls" => Spec {
            required: &["to", "from"],
            phones: &["to", "from", "caller_id"],
            uuids: &["application_id"],
            dates: &["scheduled_date"],
            ..Spec::default()
        },
        "sms" => Spec {
            required: &["to", "from", "message"],
            phones: &["to", "from"],
            uuids: &["application_id"],
            dates: &["scheduled_date"],
            ..Spec::default()
        },
        "batch" => Spec {
            required: &["type", "from", "to"],
            phones: &["from", "to"],
            uuids: &["application_id"],
            dates: &["scheduled_date"],
            ..Spec::default()
        },
        "queues" => Spec {
            required: &["name"],
            uuids: &["hold_music", "greeting"],
            ints: &["max_hold_time", "max_callers"],
            ..Spec::default()
        },
        "routes" => Spec {
            required: &["name"],
            uuids: &["schedule_id"],
            ..Spec::default()
        },
        "contacts" => Spec {
            phones: &["phone", "mobile", "fax", "home_phone", "work_phone"],
            uuids: &["group_id"],
            ..Spec::default()
        },
        "contact_groups" | "schedules" => Spec {
            required: &["name"],
            ..Spec::default()
        },
        "extensions" => Spec {
            required: &["extension", "name"],
            phones: &["caller_id"],
            uuids: &["greeting", "route_id"],
            ..Spec::default()
        },
        "media" => Spec {
            flags: &["is_hold_music", "is_temporary"],
            ..Spec::default()
        },
        _ => Spec::default(),
    }
}

/// Fields the service writes itself; a body's values for them are ignored.
pub const READ_ONLY: &[&str] = &["resource_id", "created_date", "created_epoch", "voip_id"];

/// Whether a field name says it is a flag.
pub fn flag_name(name: &str) -> bool {
    ["is_", "allow_", "has_", "can_", "enable", "block_"]
        .iter()
        .any(|p| name.starts_with(p))
        || name.ends_with("_enabled")
}

/// The path of the first JSON boolean inside `v` (booleans are `"Y"`/`"N"` in this API).
pub fn find_bool(v: &Value, path: &str) -> Option<String> {
    match v {
        Value::Bool(_) => Some(path.to_string()),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .find_map(|(i, x)| find_bool(x, &format!("{path}[{i}]"))),
        Value::Object(o) => o.iter().find_map(|(k, x)| {
            let p = if path.is_empty() {
                k.clone()
            } else {
                format!("{path}.{k}")
            };
            find_bool(x, &p)
        }),
        _ => None,
    }
}

/// Refuses JSON booleans anywhere in `body`.
pub fn no_booleans(body: &Body) -> Result<(), Response> {
    match find_bool(&Value::Object(body.clone()), "") {
        Some(p) => Err(invalid(
            &p,
            "booleans are the strings \"Y\" or \"N\"; JSON true and false are not supported",
        )),
        None => Ok(()),
    }
}

fn empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    }
}

/// Checks and normalises `body` by `spec`; returns the fields to store.
pub fn check(spec: &Spec, mut body: Body) -> Result<Body, Response> {
    no_booleans(&body)?;
    for k in READ_ONLY {
        body.remove(*k);
    }
    for f in spec.required {
        if body.get(*f).is_none_or(empty) {
            return Err(missing(f));
        }
    }
    for f in spec.phones {
        let Some(v) = body.get_mut(*f) else { continue };
        *v = phones(f, v)?;
    }
    for f in spec.uuids {
        match body.get(*f) {
            None | Some(Value::Null) => {}
            Some(Value::String(s)) if format::is_uuid(s) => {}
            Some(_) => return Err(invalid(f, "must be a resource_id (a lower-case UUID)")),
        }
    }
    let flags: Vec<String> = body
        .keys()
        .filter(|k| spec.flags.contains(&k.as_str()) || flag_name(k))
        .cloned()
        .collect();
    for f in flags {
        match &body[&f] {
            Value::String(s) if s == "Y" || s == "N" => {}
            Value::Null => {}
            _ => return Err(invalid(&f, "must be \"Y\" or \"N\"")),
        }
    }
    for f in spec.ints {
        let Some(v) = body.get_mut(*f) else { continue };
        if v.is_null() {
            continue;
        }
        match format::int(v) {
            Some(n) => *v = json!(n),
            None => return Err(invalid(f, "must be an integer")),
        }
    }
    for f in spec.dates {
        let Some(v) = body.get(*f).cloned() else {
            continue;
        };
        if v.is_null() {
            continue;
        }
        let Some(epoch) = format::date(&v) else {
            return Err(invalid(
                f,
                "must be an ISO 8601 date (2014-01-01T23:00:37Z) or seconds since the epoch",
            ));
        };
        body.insert(f.to_string(), json!(crate::clock::rfc3339(epoch)));
        let stem = f.strip_suffix("_date").unwrap_or(f);
        body.insert(format!("{stem}_epoch"), json!(epoch));
    }
    Ok(body)
}

/// One E.164 value, or an array of them, normalised.
fn phones(field: &str, v: &Value) -> Result<Value, Response> {
    let one = |path: &str, x: &Value| match x.as_str().and_then(format::e164) {
        Some(n) => Ok(json!(n)),
        None => Err(invalid(
            path,
            "must be an E.164 phone number (^\\+?\\d{11,14}$, e.g. +15555551234)",
        )),
    };
    match v {
        Value::Null => Ok(Value::Null),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .map(|(i, x)| one(&format!("{field}[{i}]"), x))
            .collect::<Result<Vec<_>, _>>()
            .map(Value::Array),
        x => one(field, x),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(v: Value) -> Body {
        v.as_object().unwrap().clone()
    }

    fn field_of(r: Response) -> String {
        let v: Value = serde_json::from_slice(&r.body).unwrap();
        v["response"]["error"]["field"]
            .as_str()
            .unwrap()
            .to_string()
    }

    #[test]
    fn normalises_and_refuses() {
        let s = spec("calls");
        let out = check(
            &s,
            body(
                json!({"to": "15555551234", "from": "+15555551235", "scheduled_date": 1388617237,
                        "resource_id": "x"}),
            ),
        )
        .unwrap();
        assert_eq!(out["to"], "+15555551234");
        assert_eq!(out["scheduled_date"], "2014-01-01T23:00:37Z");
        assert_eq!(out["scheduled_epoch"], 1388617237);
        assert!(out.get("resource_id").is_none());
        let e = check(&s, body(json!({"to": "+15555551234"}))).unwrap_err();
        assert_eq!(field_of(e), "from");
        let e = check(&s, body(json!({"to": "555", "from": "+15555551235"}))).unwrap_err();
        assert_eq!(field_of(e), "to");
        let e = check(
            &s,
            body(json!({"to": "+15555551234", "from": "+15555551235", "x": {"is_on": true}})),
        )
        .unwrap_err();
        assert_eq!(field_of(e), "x.is_on");
        let e = check(
            &spec("queues"),
            body(json!({"name": "q", "is_open": "yes"})),
        )
        .unwrap_err();
        assert_eq!(field_of(e), "is_open");
        let q = check(
            &spec("queues"),
            body(json!({"name": "q", "max_callers": "5"})),
        )
        .unwrap();
        assert_eq!(q["max_callers"], 5);
        let b = check(
            &spec("batch"),
            body(json!({"type": "sms", "from": "+15555551235", "to": ["15555551234", "+15555551236"]})),
        )
        .unwrap();
        assert_eq!(b["to"], json!(["+15555551234", "+15555551236"]));
    }
}
