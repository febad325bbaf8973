//! REST v1 booleans: `"Y"` / `"N"` on the wire, real booleans for the caller.
//!
//! The v1 API does not accept the JSON barewords `true` and `false`; every flag travels as the
//! quoted character `Y` or `N`.
//!
//! ```
//! use phonecom::types::yn;
//! use serde_json::json;
//! assert_eq!(yn::to_wire(true), "Y");
//! assert_eq!(yn::parse(&json!("N")), Ok(false));
//! assert_eq!(yn::parse(&json!(true)), Ok(true));
//! assert!(yn::parse(&json!("yes")).is_err());
//! ```

use serde::{Deserialize, Deserializer, Serializer};
use serde_json::Value;

/// The wire form of a boolean: `"Y"` or `"N"`.
pub fn to_wire(b: bool) -> &'static str {
    if b {
        "Y"
    } else {
        "N"
    }
}

/// Read a flag given as a JSON boolean or as `"Y"` / `"N"` (either case).
pub fn parse(v: &Value) -> Result<bool, String> {
    match v {
        Value::Bool(b) => Ok(*b),
        Value::String(s) => parse_str(s),
        other => Err(format!("must be true/false or \"Y\"/\"N\" (got {other})")),
    }
}

/// Read `"Y"` / `"N"` (either case, surrounding spaces ignored).
pub fn parse_str(s: &str) -> Result<bool, String> {
    match s.trim() {
        "Y" | "y" => Ok(true),
        "N" | "n" => Ok(false),
        _ => Err(format!("must be true/false or \"Y\"/\"N\" (got `{s}`)")),
    }
}

/// Whether `s` is exactly a wire flag (`"Y"` or `"N"`).
pub fn is_wire_flag(s: &str) -> bool {
    s == "Y" || s == "N"
}

/// Serde: a `bool` written as `"Y"`/`"N"`, read from `"Y"`/`"N"` or a JSON boolean.
///
/// ```
/// #[derive(serde::Serialize, serde::Deserialize)]
/// struct Greeting {
///     #[serde(with = "phonecom::types::yn")]
///     is_hold_music: bool,
/// }
/// let g: Greeting = serde_json::from_str(r#"{"is_hold_music": "Y"}"#).unwrap();
/// assert!(g.is_hold_music);
/// assert_eq!(serde_json::to_string(&g).unwrap(), r#"{"is_hold_music":"Y"}"#);
/// ```
pub fn serialize<S: Serializer>(b: &bool, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(to_wire(*b))
}

/// See [`serialize`].
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    parse(&Value::deserialize(d)?).map_err(serde::de::Error::custom)
}

/// Serde for `Option<bool>` flags (`null` or absent is `None`).
pub mod option {
    use super::*;

    /// Write `Some(b)` as `"Y"`/`"N"`, `None` as null.
    pub fn serialize<S: Serializer>(b: &Option<bool>, s: S) -> Result<S::Ok, S::Error> {
        match b {
            Some(b) => s.serialize_str(to_wire(*b)),
            None => s.serialize_none(),
        }
    }

    /// Read `"Y"`/`"N"`, a JSON boolean, or null.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
        match Value::deserialize(d)? {
            Value::Null => Ok(None),
            v => parse(&v).map(Some).map_err(serde::de::Error::custom),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn both_directions() {
        assert_eq!(to_wire(false), "N");
        assert_eq!(parse(&json!("Y")), Ok(true));
        assert_eq!(parse(&json!("n")), Ok(false));
        assert_eq!(parse(&json!(false)), Ok(false));
        assert!(parse(&json!(1)).is_err());
        assert!(parse(&json!("true")).is_err());
        assert!(parse(&json!("")).is_err());
        assert!(is_wire_flag("Y") && !is_wire_flag("y"));
    }
}
