//! `v4.create-oauth-access-token`: the fields each `grant_type` needs, checked before sending.
//!
//! ```text
//! authorization_code -> code, redirect_uri     (the code from v4.create-oauth-authorization)
//! client_credentials -> client_id, client_secret
//! password           -> username, password
//! refresh_token      -> refresh_token
//! ```
//!
//! The catalog limits `grant_type` to these four values; this adds the per-grant requirements
//! (OAuth 2, RFC 6749 sections 4.1.3, 4.3.2, 4.4.2 and 6, over the swagger's CreateOauthParams).

use crate::error::{Error, FieldError, Result};
use serde_json::{Map, Value};

/// The operation whose body is checked.
pub(crate) const TOKEN_OP: &str = "v4.create-oauth-access-token";

/// The fields `grant_type` needs (empty for an unknown grant: the catalog refuses those).
fn needs(grant_type: &str) -> &'static [&'static str] {
    match grant_type {
        "authorization_code" => &["code", "redirect_uri"],
        "client_credentials" => &["client_id", "client_secret"],
        "password" => &["username", "password"],
        "refresh_token" => &["refresh_token"],
        _ => &[],
    }
}

/// Refuse a token request that lacks a field its grant needs, naming every missing field.
pub(crate) fn check(params: &Map<String, Value>) -> Result<()> {
    let Some(grant) = params.get("grant_type").and_then(Value::as_str) else {
        return Ok(());
    };
    let missing: Vec<FieldError> = needs(grant)
        .iter()
        .filter(|f| {
            params
                .get(**f)
                .is_none_or(|v| v.is_null() || v.as_str().is_some_and(|s| s.trim().is_empty()))
        })
        .map(|f| FieldError {
            field: f.to_string(),
            message: format!("is required for grant_type `{grant}`"),
        })
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(Error::invalid_fields(TOKEN_OP, missing))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn fields(v: Value) -> Vec<String> {
        match check(v.as_object().unwrap()) {
            Ok(()) => vec![],
            Err(e) => e.fields().iter().map(|f| f.field.clone()).collect(),
        }
    }

    #[test]
    fn each_grant_names_its_missing_fields() {
        assert_eq!(
            fields(json!({"grant_type": "authorization_code"})),
            ["code", "redirect_uri"]
        );
        assert_eq!(
            fields(
                json!({"grant_type": "client_credentials", "client_id": "c", "client_secret": " "})
            ),
            ["client_secret"]
        );
        assert_eq!(
            fields(json!({"grant_type": "password", "username": "u"})),
            ["password"]
        );
        assert_eq!(
            fields(json!({"grant_type": "refresh_token"})),
            ["refresh_token"]
        );
        assert!(
            fields(json!({"grant_type": "password", "username": "u", "password": "p"})).is_empty()
        );
    }
}
