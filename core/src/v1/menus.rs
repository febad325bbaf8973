//! The `/menus` JSON schema of the document, enforced before sending.
//!
//! ```json
//! "digits": {"type": "array", "required": true, "minItems": 1,
//!   "items": {"type": "object", "additionalProperties": false, "properties": {
//!     "digit": {"type": "string", "pattern": "^[0-9]{1}|(pound)$", "required": true},
//!     "route": {"type": "string", "format": "uuid", "required": true}}}}
//! ```
//!
//! The digit pattern reads "one digit or `pound`" (errata); a digit may be given as a number or
//! a quoted number (`0` or `"0"`) and travels as a string. The menu's other properties
//! (`name`, the two recordings, `allow_extension_dial`, `level`, `wait_time`) are catalog
//! parameters, and the catalog refuses any property the schema does not name.

use crate::error::FieldError;
use serde_json::{Map, Value};

/// Check a menu's `digits` array: 1+ objects, each exactly `{digit, route}`, `digit` 0-9 or
/// `pound`, `route` a UUID. Every problem is reported, each naming its place
/// (`digits[1].route`). Returns the array with digits as strings.
///
/// ```
/// use serde_json::json;
/// let ok = phonecom::v1::check_menu_digits("digits", &json!([
///     {"digit": "pound", "route": "6df07874-a797-11e2-bb5a-dc180921aee7"},
///     {"digit": 0, "route": "ae761ef5-a6bd-11e2-b484-9048ce5be0cc"},
/// ])).unwrap();
/// assert_eq!(ok[1]["digit"], "0");
/// let errs = phonecom::v1::check_menu_digits("digits", &json!([
///     {"digit": 1, "route": "6df07874-a797-11e2-bb5a-dc180921aee7"},
///     {"digit": 2, "route": "sales"},
/// ])).unwrap_err();
/// assert_eq!(errs[0].field, "digits[1].route");
/// ```
pub fn check_menu_digits(field: &str, v: &Value) -> Result<Value, Vec<FieldError>> {
    let mut problems = Vec::new();
    let mut push = |f: String, m: String| {
        problems.push(FieldError {
            field: f,
            message: m,
        })
    };
    let Some(items) = v.as_array() else {
        push(
            field.into(),
            "must be an array of {digit, route} objects".into(),
        );
        return Err(problems);
    };
    if items.is_empty() {
        push(
            field.into(),
            "must hold at least 1 item (minItems 1)".into(),
        );
    }
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let at = format!("{field}[{i}]");
        let Some(o) = item.as_object() else {
            push(at, "must be an object {digit, route}".into());
            continue;
        };
        for k in o.keys().filter(|k| *k != "digit" && *k != "route") {
            push(
                format!("{at}.{k}"),
                "is not allowed (a digit object has only `digit` and `route`)".into(),
            );
        }
        let mut norm = Map::new();
        match o.get("digit").filter(|d| !d.is_null()) {
            None => push(
                format!("{at}.digit"),
                "is required (0-9 or \"pound\")".into(),
            ),
            Some(d) => match digit_text(d) {
                Some(t) => {
                    norm.insert("digit".into(), Value::String(t));
                }
                None => push(
                    format!("{at}.digit"),
                    format!("must be one digit 0-9 or \"pound\" (got {d})"),
                ),
            },
        }
        match o.get("route").filter(|r| !r.is_null()) {
            None => push(format!("{at}.route"), "is required (a route's UUID)".into()),
            Some(Value::String(r)) => match crate::types::uuid::check(r) {
                Ok(()) => {
                    norm.insert("route".into(), Value::String(r.clone()));
                }
                Err(rule) => push(format!("{at}.route"), rule),
            },
            Some(other) => push(
                format!("{at}.route"),
                format!("must be a UUID string (got {other})"),
            ),
        }
        out.push(Value::Object(norm));
    }
    if problems.is_empty() {
        Ok(Value::Array(out))
    } else {
        Err(problems)
    }
}

/// `0`-`9` (number or string) or `pound`, as the string the API stores.
fn digit_text(d: &Value) -> Option<String> {
    match d {
        Value::Number(n) => n.as_u64().filter(|n| *n <= 9).map(|n| n.to_string()),
        Value::String(s) if s == "pound" => Some(s.clone()),
        Value::String(s) if s.len() == 1 && s.as_bytes()[0].is_ascii_digit() => Some(s.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const R: &str = "d6e560bb-a6be-11e2-9080-f93165e3d18b";

    #[test]
    fn every_problem_is_named() {
        let errs = check_menu_digits(
            "digits",
            &json!([
                {"digit": 10, "route": R},
                {"digit": "#", "route": R},
                {"route": R},
                {"digit": 1},
                {"digit": 1, "route": R, "label": "sales"},
                "1",
                {"digit": "11", "route": R},
                {"digit": 1.0, "route": R},
                {"digit": 2, "route": 5},
            ]),
        )
        .unwrap_err();
        let fields: Vec<&str> = errs.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "digits[0].digit",
                "digits[1].digit",
                "digits[2].digit",
                "digits[3].route",
                "digits[4].label",
                "digits[5]",
                "digits[6].digit",
                "digits[7].digit",
                "digits[8].route",
            ]
        );
    }

    #[test]
    fn empty_and_non_array() {
        assert_eq!(
            check_menu_digits("digits", &json!([])).unwrap_err()[0].field,
            "digits"
        );
        assert!(check_menu_digits("digits", &json!({"digit": 1})).is_err());
    }

    #[test]
    fn pound_and_quoted_digits() {
        let v = check_menu_digits(
            "digits",
            &json!([{"digit": "pound", "route": R}, {"digit": "9", "route": R}, {"digit": 0, "route": R}]),
        )
        .unwrap();
        assert_eq!(
            v,
            json!([{"digit": "pound", "route": R}, {"digit": "9", "route": R}, {"digit": "0", "route": R}])
        );
    }
}
