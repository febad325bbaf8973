//! The in-process store: a sliding log of send instants per key, behind one mutex.
//!
//! A sliding window (not GCRA) because the upstream's rule is "at most N in a window": keeping
//! the last N instants of a key answers exactly that, lets a burst of N go at once as the
//! server allows, and costs one `VecDeque` of at most N instants per key.

use super::store::{BudgetStore, Refusal, Rule};
use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Keys kept before idle ones are swept (a portal deriving a client per user token adds keys).
const SWEEP_AT: usize = 4096;

/// One budget's counts, shared by every thread of a client.
#[derive(Default)]
pub struct MemoryStore {
    keys: Mutex<HashMap<String, KeyState>>,
}

#[derive(Default)]
struct KeyState {
    /// Instants of the sends still inside the key's window, oldest first.
    sent: VecDeque<Instant>,
    /// No send before this instant.
    held_until: Option<Instant>,
    /// The window of the rule that last counted a send here.
    window: Duration,
}

impl KeyState {
    /// The wait before one more send is allowed at `now`, and whether a hold decides it.
    fn wait(&mut self, limit: Option<(u32, Duration)>, now: Instant) -> (Duration, bool) {
        let held = self
            .held_until
            .map_or(Duration::ZERO, |t| t.saturating_duration_since(now));
        let Some((calls, window)) = limit else {
            return (held, true);
        };
        while self
            .sent
            .front()
            .is_some_and(|t| now.saturating_duration_since(*t) >= window)
        {
            self.sent.pop_front();
        }
        let full = self.sent.len() >= calls as usize;
        let counted = match self.sent.len().checked_sub(calls as usize) {
            // The send that must leave the window before one more fits.
            Some(i) if full => (self.sent[i] + window).saturating_duration_since(now),
            _ => Duration::ZERO,
        };
        if held >= counted {
            (held, !held.is_zero())
        } else {
            (counted, false)
        }
    }

    fn idle(&self, now: Instant) -> bool {
        let counted = self
            .sent
            .back()
            .is_some_and(|t| now.saturating_duration_since(*t) < self.window);
        !counted && self.held_until.is_none_or(|t| t <= now)
    }
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    /// [`BudgetStore::take`] at `now` (the tests' clock).
    pub(crate) fn take_at(&self, rules: &[Rule], now: Instant) -> Result<(), Refusal> {
        let mut keys = crate::budget::lock(&self.keys);
        if keys.len() >= SWEEP_AT {
            keys.retain(|_, k| !k.idle(now));
        }
        let mut worst: Option<Refusal> = None;
        for (i, rule) in rules.iter().enumerate() {
            let (wait, held) = match keys.get_mut(rule.key.as_str()) {
                Some(state) => state.wait(rule.limit, now),
                None => (Duration::ZERO, false),
            };
            if !wait.is_zero() && worst.is_none_or(|w| wait > w.wait) {
                worst = Some(Refusal {
                    wait: wait.max(Duration::from_millis(1)),
                    rule: i,
                    held,
                });
            }
        }
        if let Some(refusal) = worst {
            return Err(refusal);
        }
        for rule in rules {
            let Some((_, window)) = rule.limit else {
                continue;
            };
            let state = match keys.get_mut(rule.key.as_str()) {
                Some(state) => state,
                None => keys.entry(rule.key.clone()).or_default(),
            };
            state.sent.push_back(now);
            state.window = window;
        }
        Ok(())
    }

    pub(crate) fn hold_at(&self, key: &str, wait: Duration, now: Instant) {
        let until = now + wait;
        let mut keys = crate::budget::lock(&self.keys);
        let state = keys.entry(key.to_string()).or_default();
        if state.held_until.is_none_or(|t| t < until) {
            state.held_until = Some(until);
        }
    }
}

impl BudgetStore for MemoryStore {
    fn take(&self, rules: &[Rule]) -> Result<(), Refusal> {
        self.take_at(rules, Instant::now())
    }

    fn hold(&self, key: &str, wait: Duration) {
        self.hold_at(key, wait, Instant::now());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(key: &str, calls: u32, window_s: u64) -> Rule {
        Rule {
            key: key.into(),
            limit: Some((calls, Duration::from_secs(window_s))),
        }
    }

    #[test]
    fn any_window_holds_at_most_the_limit() {
        let store = MemoryStore::new();
        let t0 = Instant::now();
        let rules = [rule("e", 3, 10), rule("t", 5, 60)];
        for _ in 0..3 {
            store.take_at(&rules, t0).unwrap();
        }
        let r = store.take_at(&rules, t0).unwrap_err();
        assert_eq!(
            (r.wait, r.rule, r.held),
            (Duration::from_secs(10), 0, false)
        );
        // Half a window later the three sends are still inside it.
        let r = store
            .take_at(&rules, t0 + Duration::from_secs(5))
            .unwrap_err();
        assert_eq!(r.wait, Duration::from_secs(5));
        // When the window has passed, two more fit, then the total limit decides.
        let t1 = t0 + Duration::from_secs(10);
        store.take_at(&rules, t1).unwrap();
        store.take_at(&rules, t1).unwrap();
        let r = store.take_at(&rules, t1).unwrap_err();
        assert_eq!((r.wait, r.rule), (Duration::from_secs(50), 1));
    }

    #[test]
    fn a_refused_take_records_nothing() {
        let store = MemoryStore::new();
        let t0 = Instant::now();
        store.take_at(&[rule("a", 1, 10)], t0).unwrap();
        // "b" has room but "a" does not: "b" must not count the refused send.
        assert!(store
            .take_at(&[rule("b", 1, 10), rule("a", 1, 10)], t0)
            .is_err());
        store.take_at(&[rule("b", 1, 10)], t0).unwrap();
    }

    #[test]
    fn a_hold_blocks_a_key_with_or_without_a_limit() {
        let store = MemoryStore::new();
        let t0 = Instant::now();
        let free = Rule {
            key: "x".into(),
            limit: None,
        };
        store.hold_at("x", Duration::from_secs(3), t0);
        store.hold_at("x", Duration::from_secs(1), t0); // a shorter hold keeps the longer one
        let r = store.take_at(std::slice::from_ref(&free), t0).unwrap_err();
        assert_eq!((r.wait, r.held), (Duration::from_secs(3), true));
        store.take_at(&[free], t0 + Duration::from_secs(3)).unwrap();
        store.hold_at("y", Duration::from_secs(2), t0);
        let r = store.take_at(&[rule("y", 10, 10)], t0).unwrap_err();
        assert!(r.held);
    }

    #[test]
    fn idle_keys_are_swept() {
        let store = MemoryStore::new();
        let t0 = Instant::now();
        for i in 0..SWEEP_AT {
            store.take_at(&[rule(&i.to_string(), 1, 1)], t0).unwrap();
        }
        store
            .take_at(&[rule("late", 1, 1)], t0 + Duration::from_secs(2))
            .unwrap();
        assert_eq!(crate::budget::lock(&store.keys).len(), 1);
    }
}
