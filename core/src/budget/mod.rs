//! The client-side rate budget: calls are paced so that the upstreams' published limits are
//! never exceeded, instead of being learned from 429s.
//!
//! Every call takes a slot before each attempt (retries included) under two rules of its family:
//! one per account and **endpoint** (the catalog operation's method and path template, e.g.
//! `GET /accounts/{account_id}/phone-numbers`, never the concrete path with ids: Phone.com
//! counts "requests per endpoint", and the sandbox keys its limiter on the same template) and one
//! per account in total. The account is the family's credential (v4 token, numbers.online key,
//! XML login, v1 API key), kept only as a hash. Each rule is a sliding window: any `window_s`
//! holds at most the limit, which also keeps every fixed window a server may count in under
//! it. Each window is lengthened by [`TRANSIT_MARGIN`] so that requests taking slightly
//! different times on the way cannot land more than the limit in one of the server's windows.
//!
//! Defaults (see [`BudgetConfig`]): v4 30 calls per endpoint per 30 s and 120 per 60 s, per
//! account, as Phone.com publishes; none for numbers.online, whose limits are pooled per account
//! across keys and scaled by each account's verified business numbers (a fixed client-side figure
//! would be the free floor of 10 lookups a minute, throttling every paid account), nor for the
//! XML API and REST v1, which publish none. Set them in `budget.nol` etc. when yours are known.
//!
//! A call that finds no slot waits for one when the slot comes before its deadline (its request
//! log event then says `waited N ms for the rate budget`); otherwise it
//! fails at once with a `rate_limited` error that says it was the local budget and the wait it
//! would have needed, and sends nothing. A response that still says "slow down" (a 429 with
//! `Retry-After`, v4's `@rateLimit` body, or `RateLimit-Remaining: 0` with `RateLimit-Reset`,
//! e.g. because another program uses the same account) holds that endpoint for that long (the
//! whole account when `RateLimit-Limit` names the total limit), for every thread of the client.
//!
//! ```
//! use phonecom::{Client, Config};
//! // The defaults need nothing; here a tighter v4 limit and no budget for numbers.online.
//! let config = Config::from_json(r#"{"budget": {"v4": {"per_endpoint": 10, "window_s": 30}}}"#)?;
//! let client = Client::new(config)?; // its clones and threads share one budget
//! # Ok::<(), phonecom::Error>(())
//! ```
//!
//! # Stores
//!
//! The counts live behind [`BudgetStore`], two calls (`take` every rule's slot at once or none,
//! `hold` a key):
//!
//! - `"memory"` ([`MemoryStore`], the default): one budget per client and the clients derived
//!   from it, shared by their threads;
//! - `"redis://host:port/db"` ([`RedisStore`] behind [`Shared`]): one budget for every process
//!   and machine naming that Redis (a PHP-FPM pool, a portal on several machines). `take` is one
//!   atomic server-side script with the server's clock (one round trip); keys are
//!   `phonecom:budget:{family}:{account-hash}:...`, the account a SHA-256 of the credential.
//!   When Redis does not answer within 100 ms, calls go on with an in-process budget and the
//!   log hook hears one warning (see [`Shared`]); a 429 holds the shared state, so every
//!   process slows down. A Redis store also keeps unfinished sign-ups, encrypted under
//!   `state.key` ([`StateConfig`]);
//! - `"off"` sends every call at once.
//!
//! ```
//! use phonecom::{Client, Config};
//! let config = Config::from_json(r#"{
//!     "budget": {"store": "redis://127.0.0.1:6379/0"},
//!     "state": {"key": "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="}
//! }"#)?;
//! let client = Client::new(config)?; // connects on its first call, not before
//! # Ok::<(), phonecom::Error>(())
//! ```

mod config;
mod memory;
mod redis;
pub(crate) mod redis_link;
mod shared;
mod state;
mod store;

pub use config::{
    BudgetConfig, BudgetLimits, EffectiveLimits, Limit, StoreKind, MAX_CALLS, MAX_WINDOW_S,
};
pub use memory::MemoryStore;
pub use redis::{RedisStore, KEY_PREFIX};
pub use redis_link::{RedisLink, CONNECT_TIMEOUT, IO_TIMEOUT};
pub use shared::{Shared, FIRST_RETRY, LAST_RETRY};
pub use state::{StateConfig, STATE_KEY_LEN};
pub use store::{BudgetStore, Refusal, Rule};

use crate::error::{Error, ErrorKind, Result};
use crate::transport::HttpResponse;
use sha2::{Digest, Sha256};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// Added to every window: the spread of transit times between two requests of one client that
/// the server may count in one of its windows.
pub const TRANSIT_MARGIN: Duration = Duration::from_millis(250);

/// One client's budget (cheap to share: clones of a client and clients derived from it hold the
/// same one).
pub struct Budget {
    config: BudgetConfig,
    store: Option<Arc<dyn BudgetStore>>,
}

impl std::fmt::Debug for Budget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Budget")
            .field("config", &self.config)
            .field("on", &self.store.is_some())
            .finish()
    }
}

impl Budget {
    /// The budget `config` describes (refused, naming the field, as [`BudgetConfig::validate`]).
    /// Nothing connects before the first call, and a process forked after it opens its own
    /// connections.
    pub fn new(config: &BudgetConfig) -> Result<Budget> {
        config.validate()?;
        let store: Option<Arc<dyn BudgetStore>> = match config.store_kind()? {
            StoreKind::Memory => Some(Arc::new(MemoryStore::new())),
            StoreKind::Off => None,
            StoreKind::Redis => {
                let url = config.redis_url().unwrap_or_default();
                let link = RedisLink::open(url)
                    .map_err(|rule| Error::validation("", "budget.store", &rule))?;
                Some(Arc::new(Shared::new(RedisStore::new(link))))
            }
        };
        Ok(Budget {
            config: config.clone(),
            store,
        })
    }

    /// What the store has to say since the last call asked (a Redis store falling back or
    /// returning), for the running call's client to hand to its log hook.
    pub(crate) fn take_notices(&self) -> Vec<crate::log::LogEvent> {
        self.store
            .as_ref()
            .map(|store| store.take_notices())
            .unwrap_or_default()
    }

    /// The rules one call of `family` with `credential` to `endpoint` (`"GET /path/{template}"`)
    /// takes its slots under; `None` when the budget is off.
    ///
    /// ```
    /// use phonecom::budget::{Budget, BudgetConfig};
    /// use std::time::{Duration, Instant};
    /// let config = serde_json::from_str(r#"{"v4": {"per_endpoint": 2}}"#).unwrap();
    /// let budget = Budget::new(&config).unwrap();
    /// let pass = budget.pass("v4", "tok_partner", "GET /accounts/{account_id}").unwrap();
    /// assert_eq!(pass.acquire(Instant::now()).unwrap(), Duration::ZERO); // no wait
    /// pass.acquire(Instant::now()).unwrap();
    /// let e = pass.acquire(Instant::now() + Duration::from_millis(10)).unwrap_err();
    /// assert_eq!(e.kind(), phonecom::ErrorKind::RateLimited);
    /// assert!(e.message().starts_with("local rate budget"));
    /// ```
    pub fn pass<'a>(
        &'a self,
        family: &'a str,
        credential: &str,
        endpoint: &str,
    ) -> Option<Pass<'a>> {
        let store = self.store.as_deref()?;
        let limits = self.config.limits(family);
        // The hash in braces: Redis Cluster keeps a call's keys on one slot.
        let account = format!("{family}:{{{}}}", account_hash(credential));
        let with_margin = |l: Option<Limit>| l.map(|l| (l.calls, l.window + TRANSIT_MARGIN));
        let rules = [
            Rule {
                key: format!("{account}:{endpoint}"),
                limit: with_margin(limits.per_endpoint),
            },
            Rule {
                key: account,
                limit: with_margin(limits.total),
            },
        ];
        Some(Pass {
            store,
            rules,
            limits,
            family,
            endpoint: endpoint.len(),
        })
    }
}

/// The slots of one call: [`Pass::acquire`] before each attempt.
pub struct Pass<'a> {
    store: &'a dyn BudgetStore,
    /// Per endpoint, then in total.
    rules: [Rule; 2],
    limits: EffectiveLimits,
    family: &'a str,
    /// Length of the endpoint at the end of the first rule's key.
    endpoint: usize,
}

impl Pass<'_> {
    /// Take a slot, waiting for it when it comes before `deadline` (returns the time waited);
    /// otherwise a `rate_limited` error naming the local budget and the wait it would have
    /// needed (nothing may be sent).
    pub fn acquire(&self, deadline: Instant) -> Result<Duration> {
        let mut slept: Option<Instant> = None;
        loop {
            let refusal = match self.store.take(&self.rules) {
                Ok(()) => return Ok(slept.map_or(Duration::ZERO, |t| t.elapsed())),
                Err(r) => r,
            };
            let left = deadline.saturating_duration_since(Instant::now());
            if refusal.wait > left {
                return Err(self.refused(refusal, left));
            }
            slept.get_or_insert_with(Instant::now);
            std::thread::sleep(refusal.wait);
        }
    }

    /// Let a response's rate-limit answer hold this call's endpoint (and the whole account when
    /// `RateLimit-Limit` names the total limit): a 429's `Retry-After` (or v4's `@rateLimit`
    /// body), or `RateLimit-Remaining: 0` with `RateLimit-Reset` seconds.
    pub(crate) fn observe(&self, resp: &HttpResponse) {
        let Some(wait) = hold_of(resp) else { return };
        let reported = resp
            .header("ratelimit-limit")
            .and_then(|v| v.trim().parse::<u32>().ok());
        let calls = |l: Option<Limit>| l.map(|l| l.calls);
        // Every endpoint of the account waits only when the server names the total limit;
        // otherwise the refused endpoint does (a numbers.online lookup pool, or an unnamed
        // limit, must not stop unrelated calls).
        let total = reported.is_some()
            && reported == calls(self.limits.total)
            && reported != calls(self.limits.per_endpoint);
        self.store.hold(&self.rules[0].key, wait);
        if total {
            self.store.hold(&self.rules[1].key, wait);
        }
    }

    fn endpoint(&self) -> &str {
        let key = &self.rules[0].key;
        &key[key.len() - self.endpoint..]
    }

    fn refused(&self, refusal: Refusal, left: Duration) -> Error {
        let (which, limit) = if refusal.rule == 0 {
            ("per endpoint", self.limits.per_endpoint)
        } else {
            ("in total", self.limits.total)
        };
        let reason = match limit {
            Some(l) if !refusal.held => format!(
                "at most {} calls {which} per {} s for this account",
                l.calls,
                l.window.as_secs()
            ),
            _ => "the server answered a call to it with a rate limit".to_string(),
        };
        let wait_ms = refusal.wait.as_millis() as u64;
        let message = format!(
            "local rate budget: the next slot for {} `{}` is in {wait_ms} ms ({reason}), after this call's deadline ({} ms left); nothing was sent",
            self.family,
            self.endpoint(),
            left.as_millis()
        );
        let mut details = serde_json::Map::new();
        details.insert("source".into(), "local_budget".into());
        details.insert("wait_ms".into(), wait_ms.into());
        Error::new(ErrorKind::RateLimited, message)
            .with_family(self.family)
            .with_retry_after(Some(refusal.wait))
            .with_retryable(true)
            .with_details(details)
    }
}

/// How long a response asks for no further calls, if it does.
fn hold_of(resp: &HttpResponse) -> Option<Duration> {
    let seconds = |name: &str| {
        resp.header(name)
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map(Duration::from_secs)
    };
    if resp.status == 429 {
        return resp.retry_after().or_else(|| seconds("ratelimit-reset"));
    }
    let exhausted = resp
        .header("ratelimit-remaining")
        .is_some_and(|v| v.trim() == "0");
    exhausted.then(|| seconds("ratelimit-reset")).flatten()
}

/// A credential as the account part of a key: the first 16 bytes of its SHA-256, in hex. The
/// secret itself is never kept, and every process computes the same hash (a shared store's
/// keys must agree across processes and machines).
pub fn account_hash(credential: &str) -> String {
    hex(&Sha256::digest(credential.as_bytes())[..16])
}

/// `bytes` in lower-case hex.
pub(crate) fn hex(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 15)]));
    }
    out
}

/// A poisoned lock still guards consistent counts (no code panics while holding it).
pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn budget(json: &str) -> Budget {
        Budget::new(&serde_json::from_str(json).unwrap()).unwrap()
    }

    #[test]
    fn a_refusal_names_the_local_budget_the_limit_and_the_wait() {
        let b = budget(r#"{"v4": {"per_endpoint": 1, "window_s": 30}}"#);
        let pass = b.pass("v4", "tok_1", "GET /accounts/{account_id}").unwrap();
        pass.acquire(Instant::now()).unwrap();
        let e = pass.acquire(Instant::now()).unwrap_err();
        let m = e.message();
        assert!(m.contains("local rate budget"), "{m}");
        assert!(m.contains("v4 `GET /accounts/{account_id}`"), "{m}");
        assert!(m.contains("at most 1 calls per endpoint per 30 s"), "{m}");
        assert!(m.contains("nothing was sent"), "{m}");
        assert_eq!(e.details()["source"], "local_budget");
        let wait = e.retry_after().unwrap();
        assert!(wait > Duration::from_secs(29) && wait <= Duration::from_secs(31));
        assert!(e.is_retryable());
        assert!(!format!("{e:?}{b:?}").contains("tok_1"));
    }

    #[test]
    fn endpoints_and_accounts_have_their_own_slots_and_share_the_total() {
        let b = budget(r#"{"v4": {"per_endpoint": 1, "total": 2}}"#);
        let now = Instant::now;
        b.pass("v4", "a", "GET /x").unwrap().acquire(now()).unwrap();
        b.pass("v4", "a", "GET /y").unwrap().acquire(now()).unwrap();
        let e = b
            .pass("v4", "a", "GET /z")
            .unwrap()
            .acquire(now())
            .unwrap_err();
        assert!(e.message().contains("in total"), "{e}");
        b.pass("v4", "b", "GET /x").unwrap().acquire(now()).unwrap();
        b.pass("nol", "a", "GET /x")
            .unwrap()
            .acquire(now())
            .unwrap();
    }

    #[test]
    fn rate_limit_answers_hold_the_right_keys() {
        let b = budget(r#"{"v4": {"per_endpoint": 30, "total": 120}}"#);
        let pass = |e: &str| b.pass("v4", "a", e).unwrap();
        let at = Instant::now() + Duration::from_millis(500);
        // A per-endpoint 429 (RateLimit-Limit 30) holds that endpoint only.
        let r = HttpResponse::canned(429, "", &[("Retry-After", "5"), ("RateLimit-Limit", "30")]);
        pass("GET /x").observe(&r);
        assert!(pass("GET /x").acquire(at).is_err());
        pass("GET /y").acquire(at).unwrap();
        // An exhausted total (a 200 saying 0 left of 120) holds every endpoint.
        let r = HttpResponse::canned(
            200,
            "",
            &[
                ("RateLimit-Limit", "120"),
                ("RateLimit-Remaining", "0"),
                ("RateLimit-Reset", "9"),
            ],
        );
        pass("GET /y").observe(&r);
        let e = pass("GET /z").acquire(at).unwrap_err();
        assert!(
            e.message()
                .contains("answered a call to it with a rate limit"),
            "{e}"
        );
        // A 429 that names no limit holds its endpoint only.
        let r = HttpResponse::canned(429, "", &[("Retry-After", "5")]);
        pass("GET /k").observe(&r);
        assert!(pass("GET /k").acquire(at).is_err());
        let b3 = budget("{}");
        b3.pass("nol", "k", "GET /a").unwrap().observe(&r);
        b3.pass("nol", "k", "GET /b").unwrap().acquire(at).unwrap();
        // Remaining above 0 holds nothing.
        let b2 = budget("{}");
        let r = HttpResponse::canned(
            200,
            "",
            &[("RateLimit-Remaining", "3"), ("RateLimit-Reset", "9")],
        );
        b2.pass("xml", "a", "POST sendSMS").unwrap().observe(&r);
        b2.pass("xml", "a", "POST sendSMS")
            .unwrap()
            .acquire(at)
            .unwrap();
    }

    #[test]
    fn the_account_hash_is_stable_and_hides_the_credential() {
        // SHA-256("tok_1"), the same in every process and on every machine.
        let h = account_hash("tok_1");
        assert_eq!(h.len(), 32);
        assert_eq!(h, account_hash("tok_1"));
        assert_ne!(h, account_hash("tok_2"));
        assert_eq!(
            account_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223" // the published SHA-256 test vector, cut
        );
        let b = budget("{}");
        let pass = b.pass("v4", "tok_1", "GET /x").unwrap();
        assert_eq!(pass.rules[0].key, format!("v4:{{{h}}}:GET /x"));
        assert_eq!(pass.rules[1].key, format!("v4:{{{h}}}"));
    }

    #[test]
    fn off_means_no_pass() {
        assert!(budget(r#"{"store": "off"}"#)
            .pass("v4", "a", "GET /x")
            .is_none());
    }
}
