//! Secrets (tokens, passwords, API keys) and the masking that keeps them out of errors, logs and
//! Debug output.
//!
//! ```
//! use phonecom::Secret;
//! let token = Secret::new("sbx_v4_abcdef");
//! assert_eq!(format!("{token:?}"), "Secret(***)");
//! assert_eq!(token.expose(), "sbx_v4_abcdef");
//! ```

use std::fmt;

/// A string that never prints itself. Call [`Secret::expose`] where it must go on the wire.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Secret(String);

impl Secret {
    /// Wrap a secret value.
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }
    /// The value itself, for the wire only.
    pub fn expose(&self) -> &str {
        &self.0
    }
    /// Whether the value is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl From<&str> for Secret {
    fn from(s: &str) -> Secret {
        Secret::new(s)
    }
}
impl From<String> for Secret {
    fn from(s: String) -> Secret {
        Secret(s)
    }
}

/// Names of parameters, headers and JSON fields whose values are secrets wherever they appear.
pub const SECRET_NAMES: &[&str] = &[
    "password",
    "newpassword",
    "token",
    "access_token",
    "refresh_token",
    "client_secret",
    "api_key",
    "apikey",
    "secret",
    "code",
    "cc_token",
    "authorization",
    "x-api-key",
];

/// Whether a parameter/field/header name holds a secret.
pub fn is_secret_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    SECRET_NAMES.contains(&lower.as_str())
}

/// Masks known secret values, and the values of secret-named `key=value` pairs, in free text.
#[derive(Clone, Default)]
pub struct Redactor {
    /// Each secret with its percent-encoded form (computed once, not per call).
    values: Vec<(String, String)>,
}

impl Redactor {
    /// A redactor that knows these secret values (values shorter than 4 characters are ignored:
    /// masking them would mangle ordinary text).
    pub fn new<'a>(values: impl IntoIterator<Item = &'a str>) -> Redactor {
        let mut r = Redactor::default();
        for v in values {
            r.add(v);
        }
        r
    }

    /// Learn one more secret value (e.g. a user token obtained at run time).
    pub fn add(&mut self, value: &str) {
        if value.len() >= 4 && !self.values.iter().any(|(v, _)| v == value) {
            self.values
                .push((value.to_string(), crate::wire::percent_encode(value)));
            // Longest first, so a secret containing another is masked whole.
            self.values.sort_by_key(|(v, _)| std::cmp::Reverse(v.len()));
        }
    }

    /// `text` with every known secret and every secret-named `name=value` masked as `***`.
    pub fn redact(&self, text: &str) -> String {
        let mut out = text.to_string();
        for (v, encoded) in &self.values {
            if out.contains(v.as_str()) {
                out = out.replace(v.as_str(), "***");
            }
            if encoded != v && out.contains(encoded.as_str()) {
                out = out.replace(encoded.as_str(), "***");
            }
        }
        mask_query_pairs(&out)
    }
}

impl fmt::Debug for Redactor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Redactor({} secrets)", self.values.len())
    }
}

/// Mask the values of `name=value` pairs whose name is a secret (query strings, form bodies).
pub fn mask_query_pairs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(eq) = rest.find('=') {
        let (before, after) = rest.split_at(eq);
        let name_start = before
            .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
            .map_or(0, |i| i + 1);
        let name = &before[name_start..];
        out.push_str(before);
        out.push('=');
        let after = &after[1..];
        if is_secret_name(name) && !after.starts_with("***") {
            let end = after
                .find(|c: char| {
                    c == '&' || c == ' ' || c == '"' || c == '\'' || c == '\n' || c == ','
                })
                .unwrap_or(after.len());
            out.push_str("***");
            rest = &after[end..];
        } else {
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_known_values_and_secret_pairs() {
        let r = Redactor::new(["sbx_v4_secret_token", "hunter2hunter2"]);
        let s = r.redact("Bearer sbx_v4_secret_token failed; url ?username=joe&password=w00t&action=x; body hunter2hunter2");
        assert!(!s.contains("sbx_v4_secret_token"));
        assert!(!s.contains("w00t"));
        assert!(!s.contains("hunter2"));
        assert!(s.contains("username=joe"));
        assert!(s.contains("action=x"));
    }

    #[test]
    fn masks_percent_encoded_values() {
        let r = Redactor::new(["p@ss word!"]);
        assert_eq!(r.redact("x=p%40ss%20word%21"), "x=***");
    }

    #[test]
    fn debug_never_shows_the_value() {
        assert!(!format!("{:?}", Secret::new("abc123")).contains("abc123"));
        assert!(!format!("{}", Secret::new("abc123")).contains("abc123"));
    }
}
