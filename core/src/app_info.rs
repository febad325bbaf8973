//! [`AppInfo`]: the partner's application, named in the User-Agent after the library (as Stripe's
//! `set_app_info`), so that Phone.com can tell whose traffic it is.
//!
//! ```
//! use phonecom::{Client, Config};
//! let config = Config::from_json(r#"{"app_info": {"name": "AcmePortal", "version": "2.1.0",
//!                                     "url": "https://portal.acme.example"}}"#).unwrap();
//! let client = Client::new(config).unwrap();
//! assert!(client.user_agent().ends_with(") AcmePortal/2.1.0 (+https://portal.acme.example)"));
//! ```

use crate::error::{Error, Result};
use serde::Deserialize;

/// The application using the library: `name`, and optionally `version` and `url`.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct AppInfo {
    /// A product name: 1 to 64 letters, digits or `-._~!#$%&'*+^|` (no spaces or `/`).
    pub name: String,
    /// Its version, the same characters, 1 to 32 of them.
    #[serde(default)]
    pub version: Option<String>,
    /// Where to learn about it: an `https://` or `http://` URL, visible ASCII without
    /// parentheses, at most 256 characters.
    #[serde(default)]
    pub url: Option<String>,
}

impl AppInfo {
    /// What the User-Agent gains: `name/version (+url)`.
    pub fn user_agent_suffix(&self) -> String {
        let mut out = self.name.clone();
        if let Some(v) = &self.version {
            out.push('/');
            out.push_str(v);
        }
        if let Some(u) = &self.url {
            out.push_str(" (+");
            out.push_str(u);
            out.push(')');
        }
        out
    }

    /// Refuse, naming the field and the rule, what would make the User-Agent invalid or
    /// unreadable (a line break would fail every request).
    pub fn validate(&self) -> Result<()> {
        if !is_token(&self.name, 64) {
            return Err(field_error(
                "app_info.name",
                "must be 1 to 64 letters, digits or -._~!#$%&'*+^| (no spaces or /): it names your application in the User-Agent",
            ));
        }
        if let Some(v) = &self.version {
            if !is_token(v, 32) {
                return Err(field_error(
                    "app_info.version",
                    "must be 1 to 32 letters, digits or -._~!#$%&'*+^| (no spaces or /)",
                ));
            }
        }
        if let Some(u) = &self.url {
            let scheme = u.starts_with("https://") || u.starts_with("http://");
            let chars = u
                .bytes()
                .all(|b| b.is_ascii_graphic() && b != b'(' && b != b')');
            if !scheme || !chars || u.len() > 256 {
                return Err(field_error(
                    "app_info.url",
                    "must be an https:// or http:// URL of at most 256 visible ASCII characters, without parentheses",
                ));
            }
        }
        Ok(())
    }
}

fn is_token(s: &str, max: usize) -> bool {
    (1..=max).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~!#$%&'*+^|".contains(&b))
}

fn field_error(field: &str, rule: &str) -> Error {
    Error::validation("", field, rule).with_family("config")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app(name: &str, version: Option<&str>, url: Option<&str>) -> AppInfo {
        AppInfo {
            name: name.into(),
            version: version.map(Into::into),
            url: url.map(Into::into),
        }
    }

    #[test]
    fn the_suffix_reads_name_version_and_url() {
        assert_eq!(app("Acme", None, None).user_agent_suffix(), "Acme");
        assert_eq!(
            app("Acme", Some("1.2"), Some("https://a.example")).user_agent_suffix(),
            "Acme/1.2 (+https://a.example)"
        );
    }

    #[test]
    fn bad_parts_are_refused_by_name() {
        for (info, field) in [
            (app("", None, None), "app_info.name"),
            (app("Acme Portal", None, None), "app_info.name"),
            (app("Acme\r\nX-Injected: 1", None, None), "app_info.name"),
            (app("Acme/2", None, None), "app_info.name"),
            (app("Acme", Some("1 2"), None), "app_info.version"),
            (app("Acme", None, Some("ftp://a.example")), "app_info.url"),
            (
                app("Acme", None, Some("https://a.example/(x)")),
                "app_info.url",
            ),
            (
                app("Acme", None, Some("https://a.example/\n")),
                "app_info.url",
            ),
        ] {
            let e = info.validate().unwrap_err();
            assert_eq!(e.fields()[0].field, field, "{e}");
        }
        app(
            "Acme-Portal_2",
            Some("2.1.0-rc.1+b7"),
            Some("https://a.example/x?y=1"),
        )
        .validate()
        .unwrap();
    }
}
