//! Generated passwords of sign-ups that created a subaccount but did not finish (the user's token
//! call failed), kept by the client so that signing the same user up again resumes with the same
//! password instead of locking the user out: Phone.com has no call that resets a subaccount's
//! password, so a generated password that is never handed back makes the subaccount unusable.
//!
//! The store lives only as long as the client. A portal that must survive a restart between the
//! two steps generates the password itself, stores it, and passes it
//! ([`PasswordMode::Given`](super::PasswordMode::Given)).

use crate::secret::Secret;
use std::collections::VecDeque;
use std::sync::Mutex;

/// How many unfinished sign-ups a client remembers (the oldest is forgotten first).
const CAPACITY: usize = 256;

/// User name -> the generated password of its unfinished sign-up.
#[derive(Default)]
pub(crate) struct PendingSignups {
    entries: Mutex<VecDeque<(String, Secret)>>,
}

impl PendingSignups {
    /// The password an unfinished sign-up of `username` generated, if this client remembers one.
    pub(crate) fn get(&self, username: &str) -> Option<Secret> {
        let entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        entries
            .iter()
            .find(|(u, _)| u == username)
            .map(|(_, p)| p.clone())
    }

    /// Remember `password` for `username` (replacing an older entry).
    pub(crate) fn remember(&self, username: &str, password: &Secret) {
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        entries.retain(|(u, _)| u != username);
        if entries.len() == CAPACITY {
            entries.pop_front();
        }
        entries.push_back((username.to_string(), password.clone()));
    }

    /// The sign-up of `username` finished: forget its password.
    pub(crate) fn forget(&self, username: &str) {
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        entries.retain(|(u, _)| u != username);
    }

    /// How many unfinished sign-ups are remembered.
    pub(crate) fn len(&self) -> usize {
        self.entries.lock().unwrap_or_else(|p| p.into_inner()).len()
    }
}

impl std::fmt::Debug for PendingSignups {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PendingSignups({} unfinished)", self.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
