//! Phone numbers and UUID references inside a free-form `body` (calls, batch, queues, routes,
//! contacts, contact groups, schedules, extensions), checked and normalised before sending as
//! the declared fields of `sms` and `menus` are: a phone number gains its `+` and must match the
//! API's rule `^\+?\d{11,14}$`; a reference must be a lower-case UUID. Problems name the place
//! (`body.to`, `body.to[1]`, `body.group_id`).
//!
//! The document says which formats exist but not which field of which service has them; the
//! table below is the sandbox's choice (`sandbox/src/v1/fields.rs`), duplicated here on purpose:
//! the sandbox must not depend on core, and the table is small. Keep the two in step.
//!
//! ```
//! use phonecom::v1::check_body_fields;
//! use serde_json::json;
//! let mut body = json!({"to": "1 (858) 555-0111", "from": "+18585550100"});
//! assert!(check_body_fields("calls", &mut body).is_empty());
//! assert_eq!(body["to"], "+18585550111");
//! let mut bad = json!({"to": "858-555"});
//! assert_eq!(check_body_fields("calls", &mut bad)[0].field, "body.to");
//! ```

use crate::error::FieldError;
use crate::types::{e164, uuid};
use serde_json::Value;

/// The phone-number fields and UUID-reference fields of a service's `body`.
struct BodyFields {
    phones: &'static [&'static str],
    uuids: &'static [&'static str],
}

fn body_fields(service: &str) -> BodyFields {
    let (phones, uuids): (&'static [&'static str], &'static [&'static str]) = match service {
        "calls" => (&["to", "from", "caller_id"], &["application_id"]),
        "sms" => (&["to", "from"], &["application_id"]),
        "batch" => (&["from", "to"], &["application_id"]),
        "queues" => (&[], &["hold_music", "greeting"]),
        "routes" => (&[], &["schedule_id"]),
        "contacts" => (
            &["phone", "mobile", "fax", "home_phone", "work_phone"],
            &["group_id"],
        ),
        "extensions" => (&["caller_id"], &["greeting", "route_id"]),
        _ => (&[], &[]),
    };
    BodyFields { phones, uuids }
}

/// Check and normalise the phone and UUID fields of `service`'s `body` in place (a phone field
/// may also hold an array of numbers, as a batch's `to` does; null means absent). Returns every
/// problem, each naming its place under `body`.
pub fn check_body_fields(service: &str, body: &mut Value) -> Vec<FieldError> {
    let mut problems = Vec::new();
    let Value::Object(o) = body else {
        return problems;
    };
    let spec = body_fields(service);
    let problem = |field: String, message: String| FieldError { field, message };
    for name in spec.phones {
        let Some(v) = o.get_mut(*name) else { continue };
        let mut one = |path: String, x: &mut Value| match x {
            Value::Null => {}
            Value::String(s) => match e164::normalize_v1(s) {
                Ok(n) => *s = n,
                Err(rule) => problems.push(problem(path, rule)),
            },
            _ => problems.push(problem(
                path,
                "must be an E.164 phone number as a string, e.g. \"+18585550100\"".into(),
            )),
        };
        match v {
            Value::Array(items) => {
                for (i, x) in items.iter_mut().enumerate() {
                    one(format!("body.{name}[{i}]"), x);
                }
            }
            x => one(format!("body.{name}"), x),
        }
    }
    for name in spec.uuids {
        match o.get(*name) {
            None | Some(Value::Null) => {}
            Some(Value::String(s)) => {
                if let Err(rule) = uuid::check(s) {
                    problems.push(problem(format!("body.{name}"), rule));
                }
            }
            Some(_) => problems.push(problem(
                format!("body.{name}"),
                "must be a resource_id (a UUID string)".into(),
            )),
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn phones_gain_their_plus_and_bad_ones_are_named() {
        let mut b = json!({"type": "sms", "from": "18585550100",
                           "to": ["18585550111", "+18585550112"], "message": "hi"});
        assert!(check_body_fields("batch", &mut b).is_empty());
        assert_eq!(b["from"], "+18585550100");
        assert_eq!(b["to"], json!(["+18585550111", "+18585550112"]));
        let mut b = json!({"from": "+18585550100", "to": ["18585550111", "555"]});
        let p = check_body_fields("batch", &mut b);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].field, "body.to[1]");
        let mut c = json!({"to": 18585550111u64, "caller_id": null});
        assert_eq!(check_body_fields("calls", &mut c)[0].field, "body.to");
    }

    #[test]
    fn references_must_be_uuids() {
        let mut q = json!({"name": "q", "hold_music": "not-a-uuid",
                           "greeting": "06283513-14f5-11e3-a398-91e4dd3a21e9"});
        let p = check_body_fields("queues", &mut q);
        assert_eq!(
            p.iter().map(|f| f.field.as_str()).collect::<Vec<_>>(),
            ["body.hold_music"]
        );
        let mut c = json!({"first_name": "A", "group_id": 5, "mobile": "858-555"});
        let p = check_body_fields("contacts", &mut c);
        let names: Vec<&str> = p.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(names, ["body.mobile", "body.group_id"]);
        // Services without such fields, and fields the table does not name, pass untouched.
        let mut s = json!({"name": "x", "to": "1"});
        assert!(check_body_fields("schedules", &mut s).is_empty());
        assert_eq!(s["to"], "1");
    }
}
