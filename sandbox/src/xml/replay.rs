//! `clTRID` as an idempotency key. The document only says the server reflects the client's
//! transaction id; the project's retry policy (DESIGN.md) relies on it making a repeat harmless,
//! so the sandbox models that: a mutating action that succeeded is remembered by (account,
//! `clTRID`), and the same request sent again answers the stored response, byte for byte
//! (`svTRID` included), without acting a second time.
//!
//! * Only successful answers are stored: a refused request changed nothing, so its repeat is
//!   processed anew.
//! * The same `clTRID` with another action or other inputs is refused (`clTRID `x` was already
//!   used ...`), since answering the first request's result would be wrong and acting would break
//!   the promise.
//! * Read-only actions are not stored: repeating them is harmless anyway.
//! * Entries are kept for a day of sandbox time, at most [`CAPACITY`] of them (oldest dropped).

use super::params::Params;
use std::collections::{BTreeMap, VecDeque};

/// The actions that change state (everything else only reads).
pub const MUTATING: [&str; 10] = [
    "createAccount",
    "cancelAccount",
    "originateCall",
    "updateCallHandlingSimpleRingAll",
    "updateExtensionNotification",
    "sendSMS",
    "addPhoneNumber",
    "reservePhoneNumber",
    "unreservePhoneNumber",
    "sendChatCall",
];

/// Seconds a stored answer is kept.
pub const KEEP_S: i64 = 86_400;

/// Most answers kept at once.
pub const CAPACITY: usize = 10_000;

/// Whether `action` changes state.
pub fn is_mutating(action: &str) -> bool {
    MUTATING.contains(&action)
}

/// What identifies a request besides its `clTRID`: the action and every input in order, without
/// the credentials.
pub fn fingerprint(action: &str, p: &Params) -> String {
    let mut out = action.to_string();
    for (k, v) in p.pairs() {
        if matches!(k.as_str(), "username" | "password" | "clTRID" | "action") {
            continue;
        }
        out.push('&');
        out.push_str(k);
        out.push('=');
        out.push_str(v);
    }
    out
}

struct Entry {
    fingerprint: String,
    action: String,
    body: String,
    at: i64,
}

/// The stored answers, by (account key, `clTRID`).
#[derive(Default)]
pub struct Replays {
    entries: BTreeMap<(String, String), Entry>,
    order: VecDeque<(i64, (String, String))>,
}

impl std::fmt::Debug for Replays {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Replays")
            .field("stored", &self.entries.len())
            .finish()
    }
}

/// What a lookup found.
pub enum Found<'a> {
    /// Nothing stored: process the request.
    New,
    /// The same request succeeded before: answer this body.
    Repeat(&'a str),
    /// The `clTRID` belongs to another request: the error message.
    Conflict(String),
}

impl Replays {
    /// Forgets answers older than [`KEEP_S`].
    pub fn expire(&mut self, now: i64) {
        while let Some((at, _)) = self.order.front() {
            if now - at < KEEP_S && self.order.len() <= CAPACITY {
                break;
            }
            if let Some((at, key)) = self.order.pop_front() {
                if self.entries.get(&key).is_some_and(|e| e.at == at) {
                    self.entries.remove(&key);
                }
            }
        }
    }

    /// Looks up `cl_trid` of `user` for a request with `fingerprint`.
    pub fn lookup(&self, user: &str, cl_trid: &str, fingerprint: &str) -> Found<'_> {
        match self.entries.get(&(user.to_string(), cl_trid.to_string())) {
            None => Found::New,
            Some(e) if e.fingerprint == fingerprint => Found::Repeat(&e.body),
            Some(e) => Found::Conflict(format!(
                "clTRID `{cl_trid}` was already used for another request ({}); send a new clTRID for each request",
                e.action
            )),
        }
    }

    /// Stores the successful answer `body`.
    pub fn store(
        &mut self,
        user: &str,
        cl_trid: &str,
        action: &str,
        fingerprint: String,
        body: String,
        now: i64,
    ) {
        let key = (user.to_string(), cl_trid.to_string());
        self.order.push_back((now, key.clone()));
        self.entries.insert(
            key,
            Entry {
                fingerprint,
                action: action.to_string(),
                body,
                at: now,
            },
        );
        self.expire(now);
    }

    /// How many answers are stored.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether nothing is stored.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(pairs: &[(&str, &str)]) -> Params {
        Params::from_pairs(pairs)
    }

    #[test]
    fn fingerprints_ignore_credentials_and_the_cltrid() {
        let a = fingerprint(
            "sendSMS",
            &p(&[
                ("username", "u"),
                ("password", "x"),
                ("toNumber", "+1"),
                ("clTRID", "1"),
            ]),
        );
        let b = fingerprint(
            "sendSMS",
            &p(&[
                ("username", "u"),
                ("password", "y"),
                ("toNumber", "+1"),
                ("clTRID", "2"),
            ]),
        );
        assert_eq!(a, b);
        assert_ne!(a, fingerprint("sendSMS", &p(&[("toNumber", "+2")])));
    }

    #[test]
    fn repeats_conflicts_and_expiry() {
        let mut r = Replays::default();
        r.store("u", "c1", "sendSMS", "f".into(), "<response/>".into(), 100);
        assert!(matches!(
            r.lookup("u", "c1", "f"),
            Found::Repeat("<response/>")
        ));
        assert!(matches!(r.lookup("v", "c1", "f"), Found::New));
        match r.lookup("u", "c1", "g") {
            Found::Conflict(m) => assert!(m.contains("sendSMS"), "{m}"),
            _ => panic!("a conflict"),
        }
        r.expire(100 + KEEP_S);
        assert!(r.is_empty());
    }

    #[test]
    fn capacity_drops_the_oldest() {
        let mut r = Replays::default();
        for i in 0..=CAPACITY {
            r.store("u", &i.to_string(), "sendSMS", "f".into(), String::new(), 0);
        }
        assert_eq!(r.len(), CAPACITY);
        assert!(matches!(r.lookup("u", "0", "f"), Found::New));
    }
}
