//! Walking `getCallList` over a time range. The action returns at most 500 rows per request, so
//! the range is fetched window by window: a window that comes back full is split in two halves
//! that share their middle second, until every window holds fewer than 500 calls. Calls are
//! yielded oldest window first, each window sorted by start time, and a call seen on a shared
//! edge second is yielded once (deduplicated by its id).
//!
//! The document does not say whether `endTime` is inclusive, so no call may be lost under
//! either reading:
//!
//! - the walk of `[start, end]` asks for `(start, end + 1)`: read exclusively that is exactly
//!   the range, read inclusively it adds the second `end + 1`, whose calls are dropped;
//! - a full window one second wide, `(a, a + 1)`, is split into `(a, a)` and `(a + 1, a + 1)`
//!   only when the server reads `endTime` inclusively (it returned a call of the second `b` for
//!   a request `(a, b)`, or answers `(a, a)` with calls); read exclusively, `(a, a)` asks for
//!   nothing, so the window is the one second `a`: its rows are kept and the walk ends with the
//!   "one second over the cap" error. When the reading is not yet known, `(a, a)` is asked once
//!   to find out (the reading is then remembered).
//!
//! ```no_run
//! use phonecom::{Client, Config};
//! let client = Client::new(Config::from_env()?)?;
//! for call in client.xml().calls(1_700_000_000, 1_700_086_400)? {
//!     let call = call?;
//!     println!("{:?} {:?} -> {:?}", call.start_time, call.caller_id, call.called_number);
//! }
//! # Ok::<(), phonecom::Error>(())
//! ```

use super::models::{CallRecord, Reply, Rows};
use crate::client::{lookup, Client};
use crate::error::{Error, ErrorKind, Result};
use crate::transport::CallOptions;
use serde_json::Map;
use std::collections::{HashSet, VecDeque};

/// Most rows `getCallList` returns for one request.
pub const CALL_LIST_CAP: usize = 500;

const OP: &str = "xml.getCallList";

type Fetch = Box<dyn FnMut(i64, i64) -> Result<Vec<CallRecord>> + Send>;

/// Every call in `[start, end]`, fetched lazily window by window. Owns a client clone, so it can
/// outlive the borrow it was made from (bindings keep it in a handle). The first error ends it.
pub struct Calls {
    fetch: Fetch,
    /// Windows still to fetch; the next one is last.
    windows: Vec<(i64, i64)>,
    buffer: VecDeque<CallRecord>,
    /// Ids of the calls of the last yielded window that sit on its end second (the next window
    /// starts there) or have no start time.
    edge_ids: HashSet<String>,
    timeless_ids: HashSet<String>,
    pending_error: Option<Error>,
    windows_fetched: u64,
    done: bool,
    /// The last second of the range (`end`); later calls are dropped.
    last: i64,
    /// Whether the server reads `endTime` inclusively, once a response has shown it.
    inclusive_end: Option<bool>,
}

impl std::fmt::Debug for Calls {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Calls")
            .field("windows", &self.windows)
            .field("buffered", &self.buffer.len())
            .field("windows_fetched", &self.windows_fetched)
            .field("done", &self.done)
            .finish_non_exhaustive()
    }
}

impl Calls {
    /// Walk `[start, end]` (Unix epoch seconds) with `client`.
    pub fn new(client: &Client, start: i64, end: i64) -> Result<Calls> {
        let op = lookup(OP)?;
        let client = client.clone();
        Calls::with_fetch(start, end, move |a, b| {
            let mut params = Map::new();
            params.insert("startTime".into(), a.into());
            params.insert("endTime".into(), b.into());
            let resp = client.call_op(op, params, &CallOptions::default())?;
            let reply: Reply<Rows<CallRecord>> = serde_json::from_value(resp.data)
                .map_err(|e| Error::new(ErrorKind::Decode, e.to_string()).with_operation(OP))?;
            Ok(reply.data.items)
        })
    }

    /// Walk `[start, end]` with any fetcher of one window (tests, or a cache in front of the API).
    pub fn with_fetch(
        start: i64,
        end: i64,
        fetch: impl FnMut(i64, i64) -> Result<Vec<CallRecord>> + Send + 'static,
    ) -> Result<Calls> {
        if start < 0 {
            return Err(Error::validation(
                OP,
                "startTime",
                "must be at least 0 (Unix epoch seconds)",
            ));
        }
        if end < start {
            return Err(Error::validation(
                OP,
                "endTime",
                "must not be before startTime",
            ));
        }
        Ok(Calls {
            fetch: Box::new(fetch),
            // `end + 1`: the last second is covered whether `endTime` is inclusive or not.
            windows: vec![(start, end.saturating_add(1))],
            buffer: VecDeque::new(),
            edge_ids: HashSet::new(),
            timeless_ids: HashSet::new(),
            pending_error: None,
            windows_fetched: 0,
            done: false,
            last: end,
            inclusive_end: None,
        })
    }

    /// Requests made so far (full windows that were split included).
    pub fn windows_fetched(&self) -> u64 {
        self.windows_fetched
    }

    /// Fetch every remaining call (the only place the whole range is held in memory).
    pub fn collect_all(self) -> Result<Vec<CallRecord>> {
        self.collect()
    }

    /// One request; a response shows an inclusive `endTime` when it holds a call of the
    /// second `b` (`b > a`) or any call for `(a, a)`.
    fn fetch_window(&mut self, a: i64, b: i64) -> Result<Vec<CallRecord>> {
        let rows = (self.fetch)(a, b)?;
        self.windows_fetched += 1;
        let shows_inclusive = if b > a {
            rows.iter().any(|r| r.start_time == Some(b))
        } else {
            !rows.is_empty()
        };
        if shows_inclusive {
            self.inclusive_end = Some(true);
        }
        Ok(rows)
    }

    fn take_window(&mut self, a: i64, b: i64, mut rows: Vec<CallRecord>) {
        rows.sort_by(|x, y| (x.start_time, x.id.as_deref()).cmp(&(y.start_time, y.id.as_deref())));
        let mut next_edge = HashSet::new();
        for row in rows {
            if row.start_time.is_some_and(|t| t > self.last) {
                // The second after the range, returned when `endTime` is read inclusively.
                continue;
            }
            if let Some(id) = row.id.clone() {
                if self.edge_ids.contains(&id) || self.timeless_ids.contains(&id) {
                    continue;
                }
                match row.start_time {
                    None => {
                        self.timeless_ids.insert(id);
                    }
                    Some(t) if t >= b || t < a => {
                        next_edge.insert(id);
                    }
                    Some(_) => {}
                }
            }
            self.buffer.push_back(row);
        }
        self.edge_ids = next_edge;
    }
}

impl Iterator for Calls {
    type Item = Result<CallRecord>;

    fn next(&mut self) -> Option<Result<CallRecord>> {
        loop {
            if let Some(row) = self.buffer.pop_front() {
                return Some(Ok(row));
            }
            if let Some(e) = self.pending_error.take() {
                self.done = true;
                return Some(Err(e));
            }
            if self.done {
                return None;
            }
            let Some((a, b)) = self.windows.pop() else {
                self.done = true;
                return None;
            };
            let mut rows = match self.fetch_window(a, b) {
                Ok(rows) => rows,
                Err(e) => {
                    self.done = true;
                    return Some(Err(e));
                }
            };
            let mut b = b;
            if rows.len() >= CALL_LIST_CAP && b - a >= 2 {
                // Halves share their middle second (whether endTime is inclusive or not,
                // nothing falls between them); the older half is fetched first.
                let mid = a + (b - a) / 2;
                self.windows.push((mid, b));
                self.windows.push((a, mid));
                continue;
            }
            if rows.len() >= CALL_LIST_CAP && b - a == 1 {
                if self.inclusive_end.is_none() {
                    // Ask `(a, a)` once: calls in it show an inclusive reading, none (while
                    // the full window had calls of the second `a`) an exclusive one.
                    let probe = match self.fetch_window(a, a) {
                        Ok(rows) => rows,
                        Err(e) => {
                            self.done = true;
                            return Some(Err(e));
                        }
                    };
                    if probe.is_empty() {
                        self.inclusive_end = Some(false);
                    } else {
                        // `(a, a)` was the first half; the second follows.
                        if b <= self.last {
                            self.windows.push((b, b));
                        }
                        rows = probe;
                        b = a;
                    }
                } else if self.inclusive_end == Some(true) {
                    if b <= self.last {
                        self.windows.push((b, b));
                    }
                    self.windows.push((a, a));
                    continue;
                }
            }
            if rows.len() >= CALL_LIST_CAP {
                // One second over the cap: `(a, a)` read inclusively, or `(a, a + 1)` read
                // exclusively. Its rows are kept, and the walk ends with the error.
                self.pending_error = Some(
                    Error::new(
                        ErrorKind::Server,
                        format!(
                            "{} or more calls started in the one second {a}: getCallList cannot return more than {CALL_LIST_CAP} rows for it, so some of that second's calls may be missing",
                            rows.len()
                        ),
                    )
                    .with_operation(OP),
                );
            }
            self.take_window(a, b, rows);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    /// `n` calls spread over `[from, to]`, plus `burst` calls in the second `burst_at`.
    fn dataset(n: i64, from: i64, to: i64, burst: i64, burst_at: i64) -> Vec<CallRecord> {
        let mut calls: Vec<CallRecord> = (0..n)
            .map(|i| CallRecord {
                id: Some(format!("c{i}")),
                start_time: Some(from + i * (to - from) / n.max(1)),
                ..CallRecord::default()
            })
            .collect();
        calls.extend((0..burst).map(|i| CallRecord {
            id: Some(format!("b{i}")),
            start_time: Some(burst_at),
            ..CallRecord::default()
        }));
        calls
    }

    /// A fake server over `data`: inclusive or exclusive end, capped at 500, unsorted output.
    fn server(
        data: Vec<CallRecord>,
        inclusive_end: bool,
        log: Arc<Mutex<Vec<(i64, i64)>>>,
    ) -> impl FnMut(i64, i64) -> Result<Vec<CallRecord>> + Send + 'static {
        move |a, b| {
            log.lock().unwrap().push((a, b));
            let mut rows: Vec<CallRecord> = data
                .iter()
                .filter(|c| {
                    let t = c.start_time.unwrap();
                    t >= a && (t < b || (inclusive_end && t == b))
                })
                .cloned()
                .collect();
            rows.reverse();
            rows.truncate(CALL_LIST_CAP);
            Ok(rows)
        }
    }

    fn ids(calls: &[CallRecord]) -> Vec<String> {
        let mut v: Vec<String> = calls.iter().map(|c| c.id.clone().unwrap()).collect();
        v.sort();
        v
    }

    #[test]
    fn every_call_exactly_once_across_split_windows() {
        for inclusive in [true, false] {
            let data = dataset(2_345, 1_000, 90_000, 120, 45_000);
            let log = Arc::new(Mutex::new(Vec::new()));
            let calls =
                Calls::with_fetch(1_000, 90_000, server(data.clone(), inclusive, log.clone()))
                    .unwrap();
            let got = calls.collect_all().unwrap();
            assert_eq!(got.len(), data.len(), "inclusive={inclusive}");
            assert_eq!(ids(&got), ids(&data));
            let times: Vec<i64> = got.iter().map(|c| c.start_time.unwrap()).collect();
            assert!(times.windows(2).all(|w| w[0] <= w[1]), "chronological");
            assert!(log.lock().unwrap().len() > 5);
        }
    }

    #[test]
    fn small_range_is_one_request() {
        let log = Arc::new(Mutex::new(Vec::new()));
        let mut calls =
            Calls::with_fetch(0, 100, server(dataset(10, 0, 100, 0, 0), true, log.clone()))
                .unwrap();
        assert_eq!(calls.by_ref().count(), 10);
        assert_eq!(calls.windows_fetched(), 1);
    }

    #[test]
    fn lazy_until_asked() {
        let log = Arc::new(Mutex::new(Vec::new()));
        let mut calls =
            Calls::with_fetch(0, 100, server(dataset(10, 0, 100, 0, 0), true, log.clone()))
                .unwrap();
        assert!(log.lock().unwrap().is_empty());
        calls.next();
        assert_eq!(log.lock().unwrap().len(), 1);
    }

    #[test]
    fn a_full_single_second_is_reported_not_hidden() {
        let log = Arc::new(Mutex::new(Vec::new()));
        let data = dataset(0, 0, 0, 600, 50);
        let results: Vec<Result<CallRecord>> = Calls::with_fetch(0, 100, server(data, true, log))
            .unwrap()
            .collect();
        let ok = results.iter().filter(|r| r.is_ok()).count();
        assert_eq!(ok, CALL_LIST_CAP);
        let err = results.last().unwrap().as_ref().unwrap_err();
        assert!(err.to_string().contains("one second 50"), "{err}");
    }

    #[test]
    fn a_full_single_second_with_an_exclusive_end_keeps_its_rows() {
        // Read exclusively, (50, 51) is the one second 50: its 500 rows are kept (not split
        // into (50, 50) and (51, 51), which both ask for nothing) and the error says so.
        let log = Arc::new(Mutex::new(Vec::new()));
        let data = dataset(300, 0, 50, 600, 50);
        let results: Vec<Result<CallRecord>> =
            Calls::with_fetch(0, 100, server(data, false, log.clone()))
                .unwrap()
                .collect();
        let ok: Vec<&CallRecord> = results.iter().filter_map(|r| r.as_ref().ok()).collect();
        let before = ok.iter().filter(|c| c.start_time < Some(50)).count();
        let burst = ok.iter().filter(|c| c.start_time == Some(50)).count();
        assert_eq!(before, 300, "every call before the burst");
        assert_eq!(burst, CALL_LIST_CAP, "the full second's rows are kept");
        let err = results.last().unwrap().as_ref().unwrap_err();
        assert!(err.to_string().contains("one second 50"), "{err}");
        assert_eq!(results.iter().filter(|r| r.is_err()).count(), 1);
        // (50, 50) was asked once to learn the reading; (51, 51) never.
        let log = log.lock().unwrap();
        assert_eq!(log.iter().filter(|w| **w == (50, 50)).count(), 1);
        assert!(!log.contains(&(51, 51)));
    }

    #[test]
    fn a_busy_two_second_window_read_inclusively_is_split() {
        // Read inclusively, (50, 51) holds two seconds of 300 calls each: split, all kept.
        let log = Arc::new(Mutex::new(Vec::new()));
        let mut data = dataset(0, 0, 0, 300, 50);
        data.extend((0..300).map(|i| CallRecord {
            id: Some(format!("n{i}")),
            start_time: Some(51),
            ..CallRecord::default()
        }));
        let got = Calls::with_fetch(50, 51, server(data.clone(), true, log))
            .unwrap()
            .collect_all()
            .unwrap();
        assert_eq!(ids(&got), ids(&data));
    }

    #[test]
    fn the_last_second_is_walked_under_either_reading() {
        for inclusive in [true, false] {
            let log = Arc::new(Mutex::new(Vec::new()));
            let mut data = dataset(20, 0, 100, 0, 0);
            let at = |id: &str, t: i64| CallRecord {
                id: Some(id.into()),
                start_time: Some(t),
                ..CallRecord::default()
            };
            data.push(at("last", 100));
            data.push(at("after", 101));
            let got = Calls::with_fetch(0, 100, server(data.clone(), inclusive, log))
                .unwrap()
                .collect_all()
                .unwrap();
            let got = ids(&got);
            assert!(got.contains(&"last".to_string()), "inclusive={inclusive}");
            assert!(!got.contains(&"after".to_string()), "inclusive={inclusive}");
            assert_eq!(got.len(), 21, "inclusive={inclusive}");
        }
    }

    #[test]
    fn errors_end_the_walk_and_bad_ranges_are_refused() {
        let mut calls = Calls::with_fetch(0, 10, |_, _| {
            Err(Error::new(ErrorKind::Transport, "connection refused"))
        })
        .unwrap();
        assert!(calls.next().unwrap().is_err());
        assert!(calls.next().is_none());
        let e = Calls::with_fetch(10, 5, |_, _| Ok(vec![])).unwrap_err();
        assert!(e.to_string().contains("endTime"), "{e}");
    }
}
