//! Generated passwords of sign-ups that created a subaccount but did not finish (the user's token
//! call failed), kept so that signing the same user up again resumes with the same password
//! instead of locking the user out: Phone.com has no call that resets a subaccount's password, so
//! a generated password that is never handed back makes the subaccount unusable.
//!
//! Where they are kept:
//! - with `budget.store` naming Redis: in that Redis, encrypted under `state.key`, for 24 h
//!   ([`RedisSignups`](super::pending_redis::RedisSignups)), so any process sharing it (the
//!   next PHP-FPM request, another machine) resumes the sign-up; also in this client, so a
//!   Redis that stops answering loses nothing this process started;
//! - otherwise only in the client (and the clients derived from it), for as long as it lives.
//!
//! A portal that must survive a restart without Redis generates the password itself, stores it,
//! and passes it ([`PasswordMode::Given`](super::PasswordMode::Given)).

use super::pending_redis::RedisSignups;
use crate::budget::redis_link::describe_failure;
use crate::budget::{BudgetConfig, RedisLink, StateConfig};
use crate::error::{Error, Result};
use crate::log::{LogEvent, LogEventKind};
use crate::secret::Secret;
use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

/// How many unfinished sign-ups a client remembers (the oldest is forgotten first).
const CAPACITY: usize = 256;

/// User name -> the generated password of its unfinished sign-up.
#[derive(Default)]
pub(crate) struct PendingSignups {
    entries: Mutex<VecDeque<(String, Secret)>>,
    redis: Option<RedisSignups>,
    /// Warnings about a Redis that did not answer, for the running sign-up's client to log
    /// ([`PendingSignups::take_notices`]): the store is shared by every client of a
    /// configuration and keeps no log hook of its own.
    notices: Mutex<Vec<LogEvent>>,
}

impl PendingSignups {
    /// The store clients with these `budget` and `state` sections use (what the shared-clients
    /// registry makes in each process): in Redis with a Redis `budget.store` (connecting on first
    /// use), in memory otherwise. A validated config has a `state.key` for a Redis store; one
    /// without is refused here too, naming the field.
    pub(crate) fn from_config(
        budget: &BudgetConfig,
        state: &StateConfig,
    ) -> Result<Arc<PendingSignups>> {
        let Some(url) = budget.redis_url() else {
            return Ok(Arc::default());
        };
        state.validate(budget)?;
        let key = match state.key_bytes() {
            Some(Ok(key)) => key,
            _ => return Err(Error::validation("", "state.key", "is required")),
        };
        let link =
            RedisLink::open(url).map_err(|rule| Error::validation("", "budget.store", &rule))?;
        Ok(Arc::new(PendingSignups {
            entries: Mutex::default(),
            redis: Some(RedisSignups::new(link, key)),
            notices: Mutex::default(),
        }))
    }

    /// The password an unfinished sign-up of `username` generated, if one is kept (Redis first;
    /// this client's copy when Redis does not answer, with a warning).
    pub(crate) fn get(&self, username: &str) -> Option<Secret> {
        if let Some(r) = &self.redis {
            match r.get(username) {
                Ok(Some(p)) => return Some(p),
                Ok(None) => {}
                Err(e) => self.warn(
                    r.shown(),
                    format!(
                        "sign-up store: Redis did not answer ({}); an unfinished sign-up another process started is not seen, and one this client started is resumed from its own copy",
                        describe_failure(&e)
                    ),
                ),
            }
        }
        let entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        entries
            .iter()
            .find(|(u, _)| u == username)
            .map(|(_, p)| p.clone())
    }

    /// Remember `password` for `username` (replacing an older entry). Returns whether other
    /// processes can resume the sign-up: `false` without Redis, or when Redis did not answer
    /// (then a warning says so, and only this client's copy is kept).
    pub(crate) fn remember(&self, username: &str, password: &Secret) -> bool {
        let shared = match &self.redis {
            Some(r) => match r.put(username, password) {
                Ok(()) => true,
                Err(e) => {
                    self.warn(
                        r.shown(),
                        format!(
                            "sign-up store: Redis did not answer ({}); the unfinished sign-up is kept on this client only",
                            describe_failure(&e)
                        ),
                    );
                    false
                }
            },
            None => false,
        };
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        entries.retain(|(u, _)| u != username);
        if entries.len() == CAPACITY {
            entries.pop_front();
        }
        entries.push_back((username.to_string(), password.clone()));
        shared
    }

    /// The sign-up of `username` finished: forget its password (a Redis that does not answer
    /// lets its copy expire after 24 h, with a warning).
    pub(crate) fn forget(&self, username: &str) {
        if let Some(r) = &self.redis {
            if let Err(e) = r.delete(username) {
                self.warn(
                    r.shown(),
                    format!(
                        "sign-up store: Redis did not answer ({}); the finished sign-up's sealed password stays there until it expires",
                        describe_failure(&e)
                    ),
                );
            }
        }
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        entries.retain(|(u, _)| u != username);
    }

    /// The warnings recorded since the last call, for the running sign-up's client to log.
    pub(crate) fn take_notices(&self) -> Vec<LogEvent> {
        std::mem::take(&mut *self.notices.lock().unwrap_or_else(|p| p.into_inner()))
    }

    fn warn(&self, shown: &str, message: String) {
        let event = LogEvent::about_store(LogEventKind::Warning, "signup.store", shown, message);
        self.notices
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(event);
    }

    /// How many unfinished sign-ups this client remembers itself.
    pub(crate) fn len(&self) -> usize {
        self.entries.lock().unwrap_or_else(|p| p.into_inner()).len()
    }
}

impl std::fmt::Debug for PendingSignups {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PendingSignups({} unfinished", self.len())?;
        match &self.redis {
            Some(r) => write!(f, ", {r:?})"),
            None => f.write_str(")"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    #[test]
    fn remembers_replaces_forgets_and_is_bounded() {
        let p = PendingSignups::default();
        p.remember("acme-1", &Secret::new("first-password-1"));
        p.remember("acme-1", &Secret::new("second-password-1"));
        assert_eq!(p.get("acme-1").unwrap().expose(), "second-password-1");
        assert_eq!(p.len(), 1);
        p.forget("acme-1");
        assert!(p.get("acme-1").is_none());
        for i in 0..CAPACITY + 10 {
            p.remember(&format!("acme-{i}"), &Secret::new("password-xyz-123"));
        }
        assert_eq!(p.len(), CAPACITY);
        assert!(p.get("acme-0").is_none(), "the oldest is forgotten first");
        assert!(p.get(&format!("acme-{}", CAPACITY + 9)).is_some());
        assert!(!format!("{p:?}").contains("password"));
    }

    #[test]
    fn a_redis_store_that_does_not_answer_still_resumes_in_this_process() {
        let config = Config::from_json(
            r#"{"budget": {"store": "redis://127.0.0.1:1/0"},
                "state": {"key": "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="}}"#,
        )
        .unwrap();
        let p = PendingSignups::from_config(&config.budget, &config.state).unwrap();
        p.remember("acme-9", &Secret::new("kept-password-9"));
        assert_eq!(p.get("acme-9").unwrap().expose(), "kept-password-9");
        let shown = format!("{p:?}");
        assert!(
            shown.contains("redis://127.0.0.1:1/0") && !shown.contains("kept"),
            "{shown}"
        );
        p.forget("acme-9");
        assert!(p.get("acme-9").is_none());
    }
}
