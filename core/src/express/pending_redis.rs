//! Unfinished sign-ups in Redis, encrypted: what [`PendingSignups`](super::PendingSignups) keeps
//! when `budget.store` names Redis, so that any process sharing that Redis (and `state.key`)
//! resumes a sign-up another one started.
//!
//! - Key: `phonecom:signup:<hex>`, the first 16 bytes of SHA-256(`state.key`, user name): the user
//!   name cannot be read from the key name, nor tested without the state key.
//! - Value: a random 12-byte nonce, then the password sealed with ChaCha20-Poly1305 under
//!   `state.key`, the key name as associated data (a value copied under another user's key name
//!   does not open).
//! - Expiry [`TTL`]; deleted when the sign-up finishes.

use crate::budget::RedisLink;
use crate::secret::Secret;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use redis::RedisResult;
use sha2::{Digest, Sha256};
use std::time::Duration;

/// How long an unfinished sign-up's password is kept.
pub(crate) const TTL: Duration = Duration::from_secs(24 * 3600);
/// Prefix of every key sign-ups write.
pub(crate) const KEY_PREFIX: &str = "phonecom:signup:";
const NONCE_LEN: usize = 12;

/// The Redis half of the sign-up store. `Debug` shows neither key nor passwords.
pub(crate) struct RedisSignups {
    link: RedisLink,
    cipher: ChaCha20Poly1305,
    key: [u8; 32],
}

impl std::fmt::Debug for RedisSignups {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "RedisSignups({})", self.link.shown())
    }
}

impl RedisSignups {
    /// Sign-ups on `link`, sealed under `key` (`state.key`).
    pub(crate) fn new(link: RedisLink, key: [u8; 32]) -> RedisSignups {
        RedisSignups {
            link,
            cipher: ChaCha20Poly1305::new(Key::from_slice(&key)),
            key,
        }
    }

    /// The Redis key of `username`'s unfinished sign-up.
    pub(crate) fn key_of(&self, username: &str) -> String {
        let mut h = Sha256::new();
        h.update(b"phonecom signup v1\0");
        h.update(self.key);
        h.update(username.as_bytes());
        let digest = h.finalize();
        format!("{KEY_PREFIX}{}", crate::budget::hex(&digest[..16]))
    }

    /// The password kept for `username`: `Ok(None)` when there is none or it does not open
    /// (another key wrote it).
    pub(crate) fn get(&self, username: &str) -> RedisResult<Option<Secret>> {
        let key = self.key_of(username);
        let sealed: Option<Vec<u8>> = self.link.run(|c| redis::cmd("GET").arg(&key).query(c))?;
        Ok(sealed.and_then(|s| self.open(&key, &s)))
    }

    /// Keep `password` for `username` for [`TTL`].
    pub(crate) fn put(&self, username: &str, password: &Secret) -> RedisResult<()> {
        let key = self.key_of(username);
        let Some(sealed) = self.seal(&key, password) else {
            return Err(redis::RedisError::from(std::io::Error::other(
                "no randomness for a nonce",
            )));
        };
        self.link.run(|c| {
            redis::cmd("SET")
                .arg(&key)
                .arg(sealed)
                .arg("PX")
                .arg(TTL.as_millis() as u64)
                .query::<()>(c)
        })
    }

    /// The server as shown in logs (never a password).
    pub(crate) fn shown(&self) -> &str {
        self.link.shown()
    }

    /// Forget `username`'s password.
    pub(crate) fn delete(&self, username: &str) -> RedisResult<()> {
        let key = self.key_of(username);
        self.link
            .run(|c| redis::cmd("DEL").arg(&key).query::<()>(c))
    }

    fn seal(&self, key: &str, password: &Secret) -> Option<Vec<u8>> {
        let mut nonce = [0u8; NONCE_LEN];
        getrandom::getrandom(&mut nonce).ok()?;
        let payload = Payload {
            msg: password.expose().as_bytes(),
            aad: key.as_bytes(),
        };
        let sealed = self
            .cipher
            .encrypt(Nonce::from_slice(&nonce), payload)
            .ok()?;
        let mut out = nonce.to_vec();
        out.extend(sealed);
        Some(out)
    }

    fn open(&self, key: &str, sealed: &[u8]) -> Option<Secret> {
        if sealed.len() < NONCE_LEN {
            return None;
        }
        let (nonce, body) = sealed.split_at(NONCE_LEN);
        let payload = Payload {
            msg: body,
            aad: key.as_bytes(),
        };
        let plain = self
            .cipher
            .decrypt(Nonce::from_slice(nonce), payload)
            .ok()?;
        String::from_utf8(plain).ok().map(Secret::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store(key_byte: u8) -> RedisSignups {
        RedisSignups::new(
            RedisLink::open("redis://127.0.0.1:1/0").unwrap(),
            [key_byte; 32],
        )
    }

    #[test]
    fn sealed_passwords_open_only_with_their_key_and_key_name() {
        let s = store(7);
        let key = s.key_of("acme-42");
        assert!(key.starts_with(KEY_PREFIX) && !key.contains("acme"));
        assert_eq!(
            key,
            s.key_of("acme-42"),
            "stable across calls and processes"
        );
        assert_ne!(key, store(8).key_of("acme-42"), "depends on the state key");
        let sealed = s.seal(&key, &Secret::new("Pw-0123456789")).unwrap();
        assert!(!String::from_utf8_lossy(&sealed).contains("Pw-0123456789"));
        assert_eq!(s.open(&key, &sealed).unwrap().expose(), "Pw-0123456789");
        assert!(s.open(&s.key_of("acme-43"), &sealed).is_none());
        assert!(store(8).open(&key, &sealed).is_none());
        assert!(s.open(&key, &sealed[..5]).is_none());
        assert_ne!(sealed, s.seal(&key, &Secret::new("Pw-0123456789")).unwrap());
        assert!(!format!("{s:?}").contains("7, 7"));
    }
}
