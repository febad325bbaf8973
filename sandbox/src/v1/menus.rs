//! `/menus`: the document's JSON schema (draft 03), enforced on POST and PUT, and the menu as
//! the service answers it ("always in string syntax": digits, level and wait time are strings).
//!
//! The schema's digit pattern `^[0-9]{1}|(pound)$` reads "one digit or `pound`" (errata). A
//! quoted number is as valid as a number (`"digit": 1` and `"digit": "1"`), as the document says.

use super::errors::{invalid, missing};
use super::fields::Body;
use super::format;
use crate::http::Response;
use serde_json::{json, Map, Value};

/// The schema's top-level properties (`additionalProperties: false`).
pub const PROPERTIES: &[&str] = &[
    "name",
    "outgoing_recording",
    "invalid_entry_recording",
    "allow_extension_dial",
    "level",
    "wait_time",
    "digits",
];

/// `^[0-9]{1}|(pound)$` as the errata read it; numbers 0-9 count as their string.
fn digit(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if s == "pound" => Some(s.clone()),
        Value::String(s) if s.len() == 1 && s.as_bytes()[0].is_ascii_digit() => Some(s.clone()),
        Value::Number(n) => n.as_u64().filter(|d| *d <= 9).map(|d| d.to_string()),
        _ => None,
    }
}

fn uuid_field(b: &Body, name: &str) -> Result<(), Response> {
    match b.get(name) {
        None => Ok(()),
        Some(Value::String(s)) if format::is_uuid(s) => Ok(()),
        Some(_) => Err(invalid(name, "must be a string in UUID format")),
    }
}

/// Validates a POST/PUT body against the schema; returns the menu's fields in string syntax.
pub fn validate(b: &Body) -> Result<Map<String, Value>, Response> {
    if let Some(k) = b.keys().find(|k| !PROPERTIES.contains(&k.as_str())) {
        return Err(invalid(
            k,
            "is not a property of the menu schema (additionalProperties is false)",
        ));
    }
    let mut out = Map::new();
    match b.get("name") {
        None => {}
        Some(Value::String(s)) => {
            out.insert("name".into(), json!(s));
        }
        Some(_) => return Err(invalid("name", "must be a string")),
    }
    for f in ["outgoing_recording", "invalid_entry_recording"] {
        uuid_field(b, f)?;
        if let Some(v) = b.get(f) {
            out.insert(f.into(), v.clone());
        }
    }
    match b.get("allow_extension_dial") {
        None => {
            out.insert("allow_extension_dial".into(), json!("N"));
        }
        Some(Value::String(s)) if s == "Y" || s == "N" => {
            out.insert("allow_extension_dial".into(), json!(s));
        }
        Some(_) => {
            return Err(invalid(
                "allow_extension_dial",
                "must be one of \"Y\", \"N\" (JSON true/false are not supported)",
            ))
        }
    }
    for f in ["level", "wait_time"] {
        match b.get(f) {
            None => {}
            Some(v) => match format::int(v).filter(|n| *n >= 0) {
                Some(n) => {
                    out.insert(f.into(), json!(n.to_string()));
                }
                None if f == "wait_time" => {
                    return Err(invalid(f, "must be an integer matching ^[0-9]+$"))
                }
                None => return Err(invalid(f, "must be an integer")),
            },
        }
    }
    let digits = match b.get("digits") {
        None | Some(Value::Null) => return Err(missing("digits")),
        Some(Value::Array(a)) if a.is_empty() => {
            return Err(invalid("digits", "must have at least 1 item (minItems 1)"))
        }
        Some(Value::Array(a)) => a,
        Some(_) => return Err(invalid("digits", "must be an array")),
    };
    let mut items = Vec::with_capacity(digits.len());
    for (i, item) in digits.iter().enumerate() {
        let at = |k: &str| format!("digits[{i}].{k}");
        let Some(o) = item.as_object() else {
            return Err(invalid(&format!("digits[{i}]"), "must be an object"));
        };
        if let Some(k) = o.keys().find(|k| *k != "digit" && *k != "route") {
            return Err(invalid(
                &at(k),
                "is not a property of a digit (additionalProperties is false)",
            ));
        }
        let d = match o.get("digit") {
            None | Some(Value::Null) => return Err(missing(&at("digit"))),
            Some(v) => digit(v)
                .ok_or_else(|| invalid(&at("digit"), "must be one digit 0-9 or \"pound\""))?,
        };
        let route = match o.get("route") {
            None | Some(Value::Null) => return Err(missing(&at("route"))),
            Some(Value::String(s)) if format::is_uuid(s) => s.clone(),
            Some(_) => return Err(invalid(&at("route"), "must be a string in UUID format")),
        };
        items.push(json!({"digit": d, "route": route}));
    }
    out.insert("digits".into(), Value::Array(items));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field_of(r: Response) -> (u16, String) {
        let v: Value = serde_json::from_slice(&r.body).unwrap();
        (
            r.status,
            v["response"]["error"]["field"]
                .as_str()
                .unwrap()
                .to_string(),
        )
    }

    fn check(v: Value) -> Result<Map<String, Value>, Response> {
        validate(v.as_object().unwrap())
    }

    #[test]
    fn the_documents_example_passes_in_string_syntax() {
        let m = check(json!({
            "name": "first_menu", "allow_extension_dial": "N",
            "outgoing_recording": "40dc31d0-76ef-11e2-bcfd-0800200c9a66",
            "invalid_entry_recording": "f7c0ec0c-9016-11e2-97f5-525400838e08",
            "digits": [
                {"digit": "pound", "route": "6df07874-a797-11e2-bb5a-dc180921aee7"},
                {"digit": 0, "route": "ae761ef5-a6bd-11e2-b484-9048ce5be0cc"},
                {"digit": "1", "route": "8f0f5201-ac3b-11e2-8b76-de60857c4383"}
            ],
            "level": 2, "wait_time": "5"
        }))
        .unwrap();
        assert_eq!(m["digits"][1]["digit"], "0");
        assert_eq!(m["level"], "2");
        assert_eq!(m["wait_time"], "5");
    }

    #[test]
    fn names_the_failing_field() {
        let r = "6df07874-a797-11e2-bb5a-dc180921aee7";
        let cases = [
            (json!({}), "digits"),
            (json!({"digits": []}), "digits"),
            (
                json!({"digits": [{"digit": 10, "route": r}]}),
                "digits[0].digit",
            ),
            (
                json!({"digits": [{"digit": "#", "route": r}]}),
                "digits[0].digit",
            ),
            (
                json!({"digits": [{"digit": "12", "route": r}]}),
                "digits[0].digit",
            ),
            (json!({"digits": [{"digit": 1}]}), "digits[0].route"),
            (
                json!({"digits": [{"digit": 1, "route": "nope"}]}),
                "digits[0].route",
            ),
            (
                json!({"digits": [{"digit": 1, "route": r, "x": 1}]}),
                "digits[0].x",
            ),
            (
                json!({"digits": [{"digit": 1, "route": r}], "color": "red"}),
                "color",
            ),
            (
                json!({"digits": [{"digit": 1, "route": r}], "allow_extension_dial": true}),
                "allow_extension_dial",
            ),
            (
                json!({"digits": [{"digit": 1, "route": r}], "wait_time": "-1"}),
                "wait_time",
            ),
            (
                json!({"digits": [{"digit": 1, "route": r}], "level": 1.5}),
                "level",
            ),
            (
                json!({"digits": [{"digit": 1, "route": r}], "name": 3}),
                "name",
            ),
            (
                json!({"digits": [{"digit": 1, "route": r}], "outgoing_recording": "x"}),
                "outgoing_recording",
            ),
        ];
        for (body, field) in cases {
            let (status, f) = field_of(check(body.clone()).unwrap_err());
            assert_eq!((status, f.as_str()), (400, field), "{body}");
        }
    }
}
