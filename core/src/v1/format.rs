//! The v1 formatting rules applied to whole JSON documents, both directions.
//!
//! **Requests.** Every JSON boolean anywhere in a request body or query becomes `"Y"`/`"N"`
//! (the API never accepts `true`/`false`). The catalog has already normalised the declared
//! fields (UUIDs checked, phone numbers given their `+`, quoted numbers read as numbers). In a
//! free-form `body`, a date field (`date`, `*_date`, `*_epoch`) must be ISO 8601 or epoch
//! seconds ([`check_dates`]); it is sent as given, since the API takes either.
//!
//! **Results of the generic call.** The body's `response.data` is returned with these
//! additions, recursively in every object; nothing the API sent is removed or lost:
//!
//! - a field whose name says it is a flag (`is_*`, `allow_*`, `has_*`, `can_*`, `enable*`,
//!   `block_*`, `*_enabled`) and whose value is exactly `"Y"` or `"N"` becomes `true`/`false`
//!   (other values are left as they are);
//! - `duration` and `*_duration` given as a string of digits become integers (seconds), and so
//!   do `*_epoch` fields;
//! - `created_date` and `created_epoch` are both present whenever either is (the missing one is
//!   derived); an object with only the greeting example's `create_date` gains both;
//! - a dollar string such as `"$12,345.67"` in field `x` gains a sibling `x_cents` (integer
//!   cents), or `x_micros` when the amount has fractions of a cent; the string stays.

use crate::types::timestamp::{duration_seconds, Timestamp};
use crate::types::{yn, Money};
use serde_json::{Map, Value};

/// Turn every JSON boolean in `v` into `"Y"`/`"N"`.
pub(crate) fn to_wire(v: &mut Value) {
    match v {
        Value::Bool(b) => *v = Value::String(yn::to_wire(*b).into()),
        Value::Array(a) => a.iter_mut().for_each(to_wire),
        Value::Object(o) => o.values_mut().for_each(to_wire),
        _ => {}
    }
}

/// Whether a field name names a date (`date`, `*_date`, `*_epoch`).
pub fn is_date_name(name: &str) -> bool {
    name == "date" || name.ends_with("_date") || name.ends_with("_epoch")
}

/// Check every date field in `v` (recursively): ISO 8601 or seconds since the epoch, or null.
/// Each problem names its place (`body.schedule.start_date`).
pub fn check_dates(path: &str, v: &Value) -> Vec<crate::error::FieldError> {
    let mut out = Vec::new();
    match v {
        Value::Object(o) => {
            for (k, x) in o {
                let at = format!("{path}.{k}");
                if is_date_name(k) && !x.is_null() && !x.is_object() && !x.is_array() {
                    if let Err(rule) = Timestamp::from_value(x) {
                        out.push(crate::error::FieldError {
                            field: at,
                            message: rule,
                        });
                    }
                } else {
                    out.extend(check_dates(&at, x));
                }
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                out.extend(check_dates(&format!("{path}[{i}]"), x));
            }
        }
        _ => {}
    }
    out
}

/// Whether a field name follows the flag convention.
pub fn is_flag_name(name: &str) -> bool {
    ["is_", "allow_", "has_", "can_", "enable", "block_"]
        .iter()
        .any(|p| name.starts_with(p))
        || name.ends_with("_enabled")
}

/// Apply the result rules (see the module docs) to a v1 result.
///
/// ```
/// use serde_json::json;
/// let v = phonecom::v1::normalize_result(json!({
///     "is_hold_music": "N", "duration": "0", "create_date": 1374528920, "balance": "$12,345.67"
/// }));
/// assert_eq!(v["is_hold_music"], false);
/// assert_eq!(v["duration"], 0);
/// assert_eq!(v["created_date"], "2013-07-22T21:35:20Z");
/// assert_eq!(v["created_epoch"], 1374528920);
/// assert_eq!(v["balance_cents"], 1234567);
/// ```
pub fn normalize_result(v: Value) -> Value {
    match v {
        Value::Array(a) => Value::Array(a.into_iter().map(normalize_result).collect()),
        Value::Object(o) => Value::Object(normalize_object(o)),
        other => other,
    }
}

fn normalize_object(o: Map<String, Value>) -> Map<String, Value> {
    let mut out = Map::new();
    let mut money: Vec<(String, Money)> = Vec::new();
    for (k, v) in o {
        let v = match v {
            Value::String(s) if is_flag_name(&k) && yn::is_wire_flag(&s) => Value::Bool(s == "Y"),
            Value::String(s)
                if (k == "duration" || k.ends_with("_duration") || k.ends_with("_epoch"))
                    && duration_seconds(&Value::String(s.clone())).is_ok() =>
            {
                Value::from(duration_seconds(&Value::String(s)).unwrap_or_default())
            }
            Value::String(s) => {
                if s.trim_start_matches('-').starts_with('$') {
                    if let Ok(m) = Money::parse(&s) {
                        money.push((k.clone(), m));
                    }
                }
                Value::String(s)
            }
            other => normalize_result(other),
        };
        out.insert(k, v);
    }
    for (k, m) in money {
        let (key, value) = match m.cents() {
            Some(c) => (format!("{k}_cents"), Value::from(c)),
            None => (format!("{k}_micros"), Value::from(m.micros())),
        };
        out.entry(key).or_insert(value);
    }
    add_created_twins(&mut out);
    out
}

fn add_created_twins(o: &mut Map<String, Value>) {
    let from = |k: &str, o: &Map<String, Value>| {
        o.get(k)
            .filter(|v| !v.is_null())
            .and_then(|v| Timestamp::from_value(v).ok())
    };
    let has = |k: &str, o: &Map<String, Value>| o.get(k).is_some_and(|v| !v.is_null());
    let t = from("created_date", o)
        .or_else(|| from("created_epoch", o))
        .or_else(|| {
            (!has("created_date", o) && !has("created_epoch", o))
                .then(|| from("create_date", o))
                .flatten()
        });
    if let Some(t) = t {
        if !has("created_date", o) {
            o.insert("created_date".into(), Value::String(t.to_iso()));
        }
        if !has("created_epoch", o) {
            o.insert("created_epoch".into(), Value::from(t.epoch()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn requests_carry_y_and_n() {
        let mut v = json!({"a": true, "b": [false, {"c": true}], "d": "true", "e": 1});
        to_wire(&mut v);
        assert_eq!(
            v,
            json!({"a": "Y", "b": ["N", {"c": "Y"}], "d": "true", "e": 1})
        );
    }

    #[test]
    fn dates_in_free_form_bodies() {
        let ok = json!({"start_date": "2014-01-01T23:00:37Z", "end_epoch": 1388617237, "date": "1388617237", "x_date": null});
        assert!(check_dates("body", &ok).is_empty());
        let bad =
            json!({"start_date": "tomorrow", "steps": [{"run_epoch": 1.5}], "update": "soon"});
        let fields: Vec<String> = check_dates("body", &bad)
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["body.start_date", "body.steps[0].run_epoch"]);
    }

    #[test]
    fn the_documents_greeting_object() {
        let v = normalize_result(json!({
            "resource_id": "9d1ee64b-f316-11e2-b57c-ac4ed37d8038",
            "create_date": 1374528920,
            "duration": "0",
            "filename": "",
            "is_hold_music": "N",
            "is_temporary": "N",
            "name": "voicemail_greeting1",
            "notes": "",
            "origin": "tts",
            "tts_text": "I'm not in, please leave a message.",
            "tts_voice": "amy"
        }));
        assert_eq!(v["is_hold_music"], false);
        assert_eq!(v["is_temporary"], false);
        assert_eq!(v["duration"], 0);
        assert_eq!(v["create_date"], 1374528920);
        assert_eq!(v["created_epoch"], 1374528920);
        assert_eq!(v["created_date"], "2013-07-22T21:35:20Z");
        assert_eq!(v["origin"], "tts");
    }

    #[test]
    fn the_documents_sms_object_keeps_both_dates() {
        let v = normalize_result(json!({
            "to": "+15555551235", "from": "+5551231234", "message": "Welcome to Phone.com",
            "created_date": "2014-01-01T23:00:37Z", "created_epoch": 1388617237, "voip_id": 0
        }));
        assert_eq!(v["created_date"], "2014-01-01T23:00:37Z");
        assert_eq!(v["created_epoch"], 1388617237);
        let only_date = normalize_result(json!({"created_date": "2014-01-01T23:00:37Z"}));
        assert_eq!(only_date["created_epoch"], 1388617237);
        let only_epoch = normalize_result(json!({"created_epoch": "1388617237"}));
        assert_eq!(only_epoch["created_epoch"], 1388617237);
        assert_eq!(only_epoch["created_date"], "2014-01-01T23:00:37Z");
    }

    #[test]
    fn flags_only_by_name_and_only_y_or_n() {
        let v = normalize_result(json!({
            "allow_extension_dial": "Y", "middle_initial": "N", "is_x": "maybe",
            "voicemail_enabled": "N", "items": [{"is_active": "Y"}]
        }));
        assert_eq!(v["allow_extension_dial"], true);
        assert_eq!(v["middle_initial"], "N");
        assert_eq!(v["is_x"], "maybe");
        assert_eq!(v["voicemail_enabled"], false);
        assert_eq!(v["items"][0]["is_active"], true);
    }

    #[test]
    fn money_gains_exact_cents() {
        let v = normalize_result(
            json!({"balance": "$12,345.67", "rate": "$0.019", "name": "$ave", "price_cents": 1}),
        );
        assert_eq!(v["balance"], "$12,345.67");
        assert_eq!(v["balance_cents"], 1234567);
        assert_eq!(v["rate_micros"], 19000);
        assert!(v.get("name_cents").is_none());
        let kept = normalize_result(json!({"price": "$2.00", "price_cents": 7}));
        assert_eq!(
            kept["price_cents"], 7,
            "an existing field is never overwritten"
        );
    }
}
