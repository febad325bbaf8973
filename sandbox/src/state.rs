//! State shared by every connection thread.

use crate::clock::Clock;
use crate::creds::Credentials;
use crate::faults::FaultQueue;
use crate::ratelimit::{RateConfig, RateLimiter};
use crate::record::RequestLog;
use crate::rng::Rng;
use crate::v4::World;
use once_cell::sync::OnceCell;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};

/// Locks a mutex, ignoring poisoning (a panicking handler must not take the sandbox down).
pub fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Everything the services share.
pub struct Shared {
    /// The seed everything deterministic derives from.
    pub seed: u64,
    /// Credentials derived from the seed.
    pub creds: Credentials,
    /// v4 accounts, resources, inventory and tokens (the OAuth host issues tokens into it).
    pub v4: Mutex<World>,
    /// Queued faults.
    pub faults: Mutex<FaultQueue>,
    /// Recorded requests.
    pub log: Mutex<RequestLog>,
    /// v4 rate limiting.
    pub limiter: Mutex<RateLimiter>,
    /// `http://127.0.0.1:PORT`, set once the listener is bound (for URLs the services hand out).
    pub base_url: OnceCell<String>,
    /// The sandbox clock's offset (`POST /_sandbox/clock`).
    pub clock: Clock,
    initial_rate: RateConfig,
    request_ids: AtomicU64,
    resets: AtomicU64,
}

impl Shared {
    /// The seeded start.
    pub fn new(seed: u64, rate_limit: bool) -> Shared {
        let creds = Credentials::from_seed(seed);
        let log = RequestLog::with_secrets(creds.secrets());
        let initial_rate = RateConfig {
            enabled: rate_limit,
            ..RateConfig::default()
        };
        Shared {
            seed,
            v4: Mutex::new(World::new(seed, &creds, 0)),
            creds,
            faults: Mutex::default(),
            log: Mutex::new(log),
            limiter: Mutex::new(RateLimiter::new(initial_rate.clone())),
            base_url: OnceCell::new(),
            clock: Clock::default(),
            initial_rate,
            request_ids: AtomicU64::new(0),
            resets: AtomicU64::new(0),
        }
    }

    /// Resets the shared state to the seeded start (services reset their own state).
    pub fn reset(&self) {
        let generation = self.resets.fetch_add(1, Ordering::SeqCst) + 1;
        self.clock.set(0);
        *lock(&self.v4) = World::new(self.seed, &self.creds, generation);
        lock(&self.faults).clear();
        lock(&self.log).clear();
        lock(&self.limiter).configure(self.initial_rate.clone());
    }

    /// A fresh `X-Request-Id` value.
    pub fn next_request_id(&self) -> String {
        let n = self.request_ids.fetch_add(1, Ordering::Relaxed);
        let mut r = Rng::derive(self.seed ^ n, "request-id");
        format!("sbx-{}-{n}", r.hex(12))
    }
}
