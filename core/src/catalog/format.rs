//! Checking and normalising the [`Format`] of a parameter value.
//!
//! Some formats widen what the caller may pass (a `Y`/`N` flag may come as `"Y"` or `true`), so
//! they run before the JSON type check ([`before_type`]); the others refine an already typed
//! value and may rewrite it into its wire form ([`after_type`]), e.g. a phone number gains its `+`.

use super::Format;
use crate::error::FieldError;
use serde_json::Value;

fn err(field: &str, message: impl Into<String>) -> Vec<FieldError> {
    vec![FieldError {
        field: field.to_string(),
        message: message.into(),
    }]
}

/// Formats that accept other JSON types than the parameter's: their normal form, or `None` when
/// the format does not widen the type.
pub(crate) fn before_type(
    f: Format,
    name: &str,
    v: &Value,
) -> Result<Option<Value>, Vec<FieldError>> {
    match f {
        Format::Yn => crate::types::yn::parse(v)
            .map(|b| Some(Value::Bool(b)))
            .map_err(|rule| err(name, rule)),
        _ => Ok(None),
    }
}

/// Check a typed value against its format; returns the value in its normal (wire) form.
pub(crate) fn after_type(f: Format, name: &str, v: Value) -> Result<Value, Vec<FieldError>> {
    match (f, &v) {
        (Format::E164, Value::String(s)) => {
            crate::types::e164::check(s).map_err(|rule| err(name, rule))?;
            Ok(v)
        }
        (Format::E164Loose, Value::String(s)) => crate::types::e164::normalize_plus(s)
            .map(Value::String)
            .map_err(|rule| err(name, rule)),
        (Format::E164V1, Value::String(s)) => crate::types::e164::normalize_v1(s)
            .map(Value::String)
            .map_err(|rule| err(name, rule)),
        (Format::Uuid, Value::String(s)) => {
            crate::types::uuid::check(s).map_err(|rule| err(name, rule))?;
            Ok(v)
        }
        (Format::Email, Value::String(s)) => {
            if s.is_empty() || looks_like_email(s) {
                Ok(v)
            } else {
                Err(err(
                    name,
                    format!("must be an email address like name@example.com (got `{s}`)"),
                ))
            }
        }
        (Format::MenuDigits, Value::Array(_)) => crate::v1::check_menu_digits(name, &v),
        (Format::Yn, Value::Bool(_)) => Ok(v),
        // A value of another type than the format's (a catalog mistake, or a widened type the
        // format does not know): refuse it plainly rather than send it unchecked.
        (f, _) => Err(err(name, format!("must be {}", f.describe()))),
    }
}

fn looks_like_email(s: &str) -> bool {
    match s.rsplit_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains("..")
                && !s.contains(char::is_whitespace)
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn phone_formats_normalise() {
        assert_eq!(
            after_type(Format::E164Loose, "e164", json!("14155550142")).unwrap(),
            "+14155550142"
        );
        assert_eq!(
            after_type(Format::E164V1, "to", json!("1-555-555-1235")).unwrap(),
            "+15555551235"
        );
        let e = after_type(Format::E164V1, "to", json!("+5551231234")).unwrap_err();
        assert_eq!(e[0].field, "to");
        assert!(e[0].message.contains("11 to 14"), "{}", e[0].message);
    }

    #[test]
    fn yn_widens_booleans() {
        assert_eq!(
            before_type(Format::Yn, "f", &json!("Y")).unwrap(),
            Some(json!(true))
        );
        assert_eq!(
            before_type(Format::Yn, "f", &json!(false)).unwrap(),
            Some(json!(false))
        );
        assert!(before_type(Format::Yn, "f", &json!("maybe")).is_err());
        assert_eq!(before_type(Format::Uuid, "f", &json!("x")).unwrap(), None);
    }

    #[test]
    fn email() {
        assert!(after_type(Format::Email, "email", json!("ops@acme.example")).is_ok());
        assert!(after_type(Format::Email, "email", json!("")).is_ok());
        for bad in [
            "ops",
            "ops@",
            "@acme.example",
            "ops@acme",
            "o ps@acme.example",
            "ops@acme..example",
        ] {
            assert!(
                after_type(Format::Email, "email", json!(bad)).is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn mismatched_type_is_reported() {
        assert!(after_type(Format::Uuid, "id", json!(5)).is_err());
    }
}
