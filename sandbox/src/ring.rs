//! Bounded histories. Everything the sandbox only appends to (the request log, SMS outboxes, call
//! logs, ChatCalls, call-control transcripts, issued checkout sessions ...) keeps its newest
//! entries and drops the oldest, so a sandbox left running for days stays within a fixed amount
//! of memory. The sizes are listed in the README ("Memory").
//!
//! ```
//! use phonecom_sandbox::ring::{self, Ring};
//!
//! let mut outbox = vec![1, 2, 3];
//! ring::push(&mut outbox, 4, 3);
//! assert_eq!(outbox, [2, 3, 4]);
//!
//! let mut log = Ring::new(10, 8); // at most 10 entries and 8 bytes
//! log.push("abcd", 4);
//! log.push("efgh", 4);
//! log.push("ij", 2);
//! assert_eq!(log.iter().copied().collect::<Vec<_>>(), ["efgh", "ij"]);
//! ```

use std::collections::VecDeque;

/// Entries each outbox and log keeps: the request log, every account's SMS outbox and call log
/// (v4 and XML), ChatCalls, numbers.online checkout sessions, OTPs and community reports.
pub const HISTORY: usize = 10_000;

/// Appends `item` to `v`, dropping the oldest entries so that at most `cap` (at least 1) remain.
pub fn push<T>(v: &mut Vec<T>, item: T, cap: usize) {
    let cap = cap.max(1);
    if v.len() >= cap {
        v.drain(..=v.len() - cap);
    }
    v.push(item);
}

/// The newest entries within a count and a byte budget (each entry's size as the caller
/// measures it). The newest entry is always kept, however large.
#[derive(Debug, Clone)]
pub struct Ring<T> {
    items: VecDeque<(T, usize)>,
    bytes: usize,
    cap: usize,
    budget: usize,
}

impl<T> Ring<T> {
    /// An empty ring of at most `cap` entries (at least 1) and `budget` bytes.
    pub fn new(cap: usize, budget: usize) -> Ring<T> {
        Ring {
            items: VecDeque::new(),
            bytes: 0,
            cap: cap.max(1),
            budget,
        }
    }

    /// Appends `item` of `size` bytes, dropping the oldest entries beyond the bounds.
    pub fn push(&mut self, item: T, size: usize) {
        self.items.push_back((item, size));
        self.bytes += size;
        while self.items.len() > self.cap || (self.bytes > self.budget && self.items.len() > 1) {
            if let Some((_, s)) = self.items.pop_front() {
                self.bytes -= s;
            }
        }
    }

    /// Oldest first.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &T> {
        self.items.iter().map(|(t, _)| t)
    }

    /// Oldest first, mutable (sizes stay as pushed).
    pub fn iter_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut T> {
        self.items.iter_mut().map(|(t, _)| t)
    }

    /// Changes the newest entry for which `which` is true; `change` returns the bytes it added,
    /// which count against the budget (the oldest entries are dropped as in [`Ring::push`]).
    /// Whether an entry was found.
    pub fn grow(
        &mut self,
        which: impl Fn(&T) -> bool,
        change: impl FnOnce(&mut T) -> usize,
    ) -> bool {
        let Some((item, size)) = self.items.iter_mut().rev().find(|(t, _)| which(t)) else {
            return false;
        };
        let added = change(item);
        *size += added;
        self.bytes += added;
        while self.bytes > self.budget && self.items.len() > 1 {
            if let Some((_, s)) = self.items.pop_front() {
                self.bytes -= s;
            }
        }
        true
    }

    /// Keeps the entries for which `keep` is true.
    pub fn retain(&mut self, mut keep: impl FnMut(&T) -> bool) {
        self.items.retain(|(t, _)| keep(t));
        self.bytes = self.items.iter().map(|(_, s)| s).sum();
    }

    /// Entries held.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether none is held.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The most entries held.
    pub fn capacity(&self) -> usize {
        self.cap
    }

    /// Bytes held, as measured by the callers.
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    /// Forgets every entry.
    pub fn clear(&mut self) {
        self.items.clear();
        self.bytes = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn growing_an_entry_counts_against_the_budget() {
        let mut r = Ring::new(10, 10);
        for i in 0..3 {
            r.push(i, 3);
        }
        assert!(r.grow(|&x| x == 2, |_| 4), "the newest grows by 4 bytes");
        assert_eq!(r.bytes(), 10, "13 bytes: the oldest went");
        assert_eq!(r.iter().copied().collect::<Vec<_>>(), [1, 2]);
        assert!(!r.grow(|&x| x == 9, |_| 1));
        assert!(r.grow(
            |&x| x == 2,
            |x| {
                *x = 20;
                0
            }
        ));
        assert_eq!(r.iter().copied().collect::<Vec<_>>(), [1, 20]);
    }

    #[test]
    fn bounds_hold_whatever_is_pushed() {
        let mut v = Vec::new();
        for i in 0..100 {
            push(&mut v, i, 7);
            assert!(v.len() <= 7);
        }
        assert_eq!(v, (93..100).collect::<Vec<_>>());
        let mut r = Ring::new(5, 100);
        for i in 0..50 {
            r.push(i, i);
            assert!(r.len() <= 5 && (r.bytes() <= 100 || r.len() == 1));
        }
        assert_eq!(r.iter().copied().collect::<Vec<_>>(), [48, 49]);
        r.push(1, 1);
        r.retain(|&x| x == 1);
        assert_eq!((r.len(), r.bytes()), (1, 1));
        r.clear();
        assert!(r.is_empty());
    }
}
