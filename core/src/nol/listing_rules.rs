//! The onboarding guide's personal-vs-business table, checked before sending: a personal
//! listing ($9, "verified & online") has no public profile, so the business-only profile fields
//! (name, url, tax id, address) and a logo are refused for it. numbers.online (and the sandbox)
//! refuse the same.
//!
//! ```
//! use phonecom::nol::check_listing_fields;
//! use serde_json::json;
//! let body = json!({"kind": "personal", "name": "Jo", "website": "https://jo.example"});
//! let e = check_listing_fields(body.as_object().unwrap()).unwrap_err();
//! assert_eq!(e[0].field, "website");
//! assert!(check_listing_fields(json!({"kind": "personal", "dba": null}).as_object().unwrap()).is_ok());
//! ```

use crate::error::FieldError;
use serde_json::{Map, Value};

/// Profile fields only a business listing has (the guide's "Profile fields
/// (name/url/tax id/address/logo)" row; the logo is its own upload).
pub const BUSINESS_ONLY_FIELDS: &[&str] = &["dba", "legal_name", "ein", "website", "address"];

/// The rule each refused field gets.
pub(crate) const PERSONAL_RULE: &str = "is business-only: a personal listing has no public profile (numbers.online's onboarding guide); leave it out (null clears a staged value) or stage kind \"business\"";

/// Refuse business-only fields in a listing body whose `kind` is `personal` (a null clears a
/// staged value and is allowed). Bodies without `kind: "personal"` pass: the listing's stored
/// kind is numbers.online's to check.
pub fn check_listing_fields(body: &Map<String, Value>) -> Result<(), Vec<FieldError>> {
    if body.get("kind").and_then(Value::as_str) != Some("personal") {
        return Ok(());
    }
    let refused: Vec<FieldError> = BUSINESS_ONLY_FIELDS
        .iter()
        .filter(|f| body.get(**f).is_some_and(|v| !v.is_null()))
        .map(|f| FieldError {
            field: f.to_string(),
            message: PERSONAL_RULE.to_string(),
        })
        .collect();
    if refused.is_empty() {
        Ok(())
    } else {
        Err(refused)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_business_only_field_is_named_and_business_passes() {
        let mut body = json!({"kind": "personal", "name": "Jo", "bio": "hi"});
        for f in BUSINESS_ONLY_FIELDS {
            body[*f] = json!("x");
        }
        let refused = check_listing_fields(body.as_object().unwrap()).unwrap_err();
        let names: Vec<&str> = refused.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(names, BUSINESS_ONLY_FIELDS);
        body["kind"] = json!("business");
        assert!(check_listing_fields(body.as_object().unwrap()).is_ok());
    }
}
