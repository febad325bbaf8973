//! The Redis store with its fallback: Redis trouble never blocks or fails a call.
//!
//! While Redis answers, every `take` and `hold` goes there. When it does not (refused, reset,
//! slower than [`IO_TIMEOUT`](super::redis_link::IO_TIMEOUT)), that call and the ones after it
//! use an in-process [`MemoryStore`] instead, and **one** `warning` event goes to the log hook of
//! the client whose call noticed. Redis is tried again after a back-off ([`FIRST_RETRY`],
//! doubling up to [`LAST_RETRY`]) by one call at a time, so a dead server costs the other calls
//! nothing; when it answers again, the budget goes back to it and one `notice` event follows.
//!
//! The store keeps no log hook of its own: clients built from one configuration share it (see
//! `shared_clients`), and a hook of a client that is gone (a PHP request's callback) must never
//! be called. Events wait in [`BudgetStore::take_notices`] for the running call's client.
//!
//! Holds (a 429 seen by this process) are kept in the in-process store too, so a process that
//! falls back still honours the ones it saw.

use super::memory::MemoryStore;
use super::redis::RedisStore;
use super::store::{BudgetStore, Refusal, Rule};
use crate::log::{LogEvent, LogEventKind};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Wait before the first new try after Redis failed.
pub const FIRST_RETRY: Duration = Duration::from_secs(1);
/// Longest wait between tries while Redis stays down.
pub const LAST_RETRY: Duration = Duration::from_secs(30);

/// A [`RedisStore`] that falls back to a [`MemoryStore`].
pub struct Shared {
    redis: RedisStore,
    local: MemoryStore,
    health: Mutex<Health>,
    notices: Mutex<Vec<LogEvent>>,
}

/// Whether Redis is in use, and when to try it again if not.
#[derive(Clone, Copy)]
enum Health {
    Up,
    Down {
        retry_at: Instant,
        backoff: Duration,
    },
}

impl Shared {
    /// Redis first, the in-process store while it fails; a notice says when that changes.
    pub fn new(redis: RedisStore) -> Shared {
        Shared {
            redis,
            local: MemoryStore::new(),
            health: Mutex::new(Health::Up),
            notices: Mutex::default(),
        }
    }

    /// Whether this call should ask Redis: it is up, or its back-off has passed (this call is
    /// then the one that tries, and the next try is pushed back before it does).
    fn try_redis(&self) -> bool {
        let mut health = crate::budget::lock(&self.health);
        match *health {
            Health::Up => true,
            Health::Down { retry_at, backoff } => {
                let now = Instant::now();
                if now < retry_at {
                    return false;
                }
                *health = Health::Down {
                    retry_at: now + backoff,
                    backoff,
                };
                true
            }
        }
    }

    /// Record how Redis answered, telling the log hook when that changes.
    fn answered<T>(&self, result: redis::RedisResult<T>) -> Option<T> {
        let mut health = crate::budget::lock(&self.health);
        match (result, *health) {
            (Ok(v), Health::Up) => Some(v),
            (Ok(v), Health::Down { .. }) => {
                *health = Health::Up;
                drop(health);
                self.emit(
                    LogEventKind::Notice,
                    format!(
                        "rate budget: Redis at {} answers again; the budget is shared again",
                        self.redis.shown()
                    ),
                );
                Some(v)
            }
            (Err(e), Health::Up) => {
                *health = Health::Down {
                    retry_at: Instant::now() + FIRST_RETRY,
                    backoff: FIRST_RETRY,
                };
                drop(health);
                self.emit(
                    LogEventKind::Warning,
                    format!(
                        "rate budget: Redis at {} failed ({}); calls go on with this process's own budget and Redis is tried again every {}-{} s",
                        self.redis.shown(),
                        crate::budget::redis_link::describe_failure(&e),
                        FIRST_RETRY.as_secs(),
                        LAST_RETRY.as_secs()
                    ),
                );
                None
            }
            (Err(_), Health::Down { retry_at, backoff }) => {
                let backoff = (backoff * 2).min(LAST_RETRY);
                *health = Health::Down {
                    retry_at: retry_at.max(Instant::now() + backoff),
                    backoff,
                };
                None
            }
        }
    }

    fn emit(&self, kind: LogEventKind, message: String) {
        let event = LogEvent::about_store(kind, "budget.store", self.redis.shown(), message);
        crate::budget::lock(&self.notices).push(event);
    }
}

impl BudgetStore for Shared {
    fn take(&self, rules: &[Rule]) -> Result<(), Refusal> {
        if self.try_redis() {
            if let Some(answer) = self.answered(self.redis.try_take(rules)) {
                return answer;
            }
        }
        self.local.take(rules)
    }

    fn hold(&self, key: &str, wait: Duration) {
        self.local.hold(key, wait);
        if self.try_redis() {
            self.answered(self.redis.try_hold(key, wait));
        }
    }

    fn take_notices(&self) -> Vec<LogEvent> {
        std::mem::take(&mut *crate::budget::lock(&self.notices))
    }
}
