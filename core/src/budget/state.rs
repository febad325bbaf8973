//! The `state` section of the configuration: the key that encrypts what a shared store keeps
//! beyond counts (today: the generated passwords of unfinished sign-ups, see
//! [`crate::express::signup`]).
//!
//! With `budget.store` naming Redis, a sign-up whose subaccount was created but whose user
//! token could not be had keeps its generated password in that Redis, so that signing the same
//! user up again from any process (the next PHP request, another machine) resumes with it. It is
//! kept encrypted (ChaCha20-Poly1305) under `state.key`, under a key name that is a keyed hash of
//! the user name, for 24 hours, and deleted when the sign-up finishes: someone who can read the
//! Redis but lacks the key learns neither the user nor the password.
//!
//! ```
//! use phonecom::Config;
//! // 32 random bytes in base64, e.g. from `openssl rand -base64 32`; the same in every process.
//! let c = Config::from_json(r#"{"budget": {"store": "redis://127.0.0.1:6379/0"},
//!     "state": {"key": "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="}}"#).unwrap();
//! assert!(format!("{c:?}").contains("Secret(***)"));
//! // A Redis store without a key is refused, naming the field.
//! let e = Config::from_json(r#"{"budget": {"store": "redis://127.0.0.1:6379/0"}}"#).unwrap_err();
//! assert!(e.to_string().contains("state.key"));
//! ```

use super::BudgetConfig;
use crate::error::{Error, Result};
use crate::secret::Secret;
use serde::Deserialize;

/// Bytes of `state.key` (a ChaCha20-Poly1305 key).
pub const STATE_KEY_LEN: usize = 32;

/// The `state` section; `PHONECOM_STATE_KEY` sets `key`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct StateConfig {
    /// 32 random bytes in base64: encrypts what a Redis store keeps for sign-ups. Required with
    /// a Redis `budget.store`; every process sharing the store needs the same key.
    #[serde(deserialize_with = "crate::config::opt_secret")]
    pub key: Option<Secret>,
}

impl StateConfig {
    /// The key's bytes, or the rule it breaks.
    pub fn key_bytes(&self) -> Option<std::result::Result<[u8; STATE_KEY_LEN], &'static str>> {
        let key = self.key.as_ref()?;
        let bytes = crate::encode::base64_decode(key.expose().trim()).ok();
        Some(
            bytes
                .and_then(|b| <[u8; STATE_KEY_LEN]>::try_from(b).ok())
                .ok_or("must be 32 bytes in base64 (e.g. `openssl rand -base64 32`)"),
        )
    }

    /// Refuse a malformed key, and a Redis budget store without one, naming the field.
    pub fn validate(&self, budget: &BudgetConfig) -> Result<()> {
        match self.key_bytes() {
            Some(Err(rule)) => Err(invalid(rule)),
            Some(Ok(_)) => Ok(()),
            None if budget.redis_url().is_some() => Err(invalid(
                "is required when budget.store names Redis: unfinished sign-ups are kept there, encrypted under this key (32 random bytes in base64, e.g. `openssl rand -base64 32`, the same in every process)",
            )),
            None => Ok(()),
        }
    }
}

fn invalid(rule: &str) -> Error {
    Error::validation("", "state.key", rule).with_family("config")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(json: &str) -> StateConfig {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn the_key_is_32_bytes_of_base64_and_required_with_redis() {
        let redis: BudgetConfig = serde_json::from_str(r#"{"store": "redis://h:6379/0"}"#).unwrap();
        let memory = BudgetConfig::default();
        let good = state(r#"{"key": "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="}"#);
        assert_eq!(
            &good.key_bytes().unwrap().unwrap(),
            b"0123456789abcdef0123456789abcdef"
        );
        good.validate(&redis).unwrap();
        StateConfig::default().validate(&memory).unwrap();
        for (s, budget, rule) in [
            (
                StateConfig::default(),
                &redis,
                "required when budget.store names Redis",
            ),
            (
                state(r#"{"key": "c2hvcnQ="}"#),
                &memory,
                "32 bytes in base64",
            ),
            (
                state(r#"{"key": "not base64!"}"#),
                &redis,
                "32 bytes in base64",
            ),
        ] {
            let e = s.validate(budget).unwrap_err();
            assert_eq!(e.fields()[0].field, "state.key");
            assert!(e.to_string().contains(rule), "{e}");
            assert!(!e.to_string().contains("c2hvcnQ"), "{e}");
        }
    }
}
