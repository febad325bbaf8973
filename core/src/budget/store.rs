//! The interface between a budget and the place its counts live.

use crate::log::LogEvent;
use std::time::Duration;

/// One rule of a call: at most `calls` sends of `key` in any `window` (no limit when `None`),
/// and none while `key` is held (a 429 told us to wait).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rule {
    /// Namespaced key: `family:account:endpoint` or `family:account`.
    pub key: String,
    /// `(calls, window)`; `None` only honours holds.
    pub limit: Option<(u32, Duration)>,
}

/// Why [`BudgetStore::take`] did not grant a slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Refusal {
    /// The time until every rule would allow a send (at least 1 ms).
    pub wait: Duration,
    /// The index, in the rules given, of the rule that asks for the longest wait.
    pub rule: usize,
    /// Whether that wait comes from a hold (a 429 or a `RateLimit-Remaining: 0`) rather than
    /// from the rule's own limit.
    pub held: bool,
}

/// Where a budget keeps its counts. [`MemoryStore`](super::MemoryStore) is the in-process one.
///
/// A shared store (one Redis for every process of a PHP-FPM pool) implements the same two calls
/// atomically on its side, with its own clock: `take` is one round trip (a server-side script
/// that checks every rule and records the send in all of them, or in none), `hold` one write
/// with an expiry. Neither may block longer than a short timeout: a store that cannot answer
/// lets the budget fall back to an in-process one.
pub trait BudgetStore: Send + Sync {
    /// Record one send under every rule at once if all of them allow it now; otherwise record
    /// nothing and say how long to wait.
    fn take(&self, rules: &[Rule]) -> Result<(), Refusal>;

    /// Allow no send of `key` for `wait` from now (a longer hold already in place is kept).
    fn hold(&self, key: &str, wait: Duration);

    /// What the store has to say since it was last asked (a shared store falling back to the
    /// in-process one, or returning): the client whose call is running hands these to its own
    /// log hook, since one store serves every client of a configuration.
    fn take_notices(&self) -> Vec<LogEvent> {
        Vec::new()
    }
}
