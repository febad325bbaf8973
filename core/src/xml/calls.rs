//! Walking `getCallList` over a time range. The action returns at most 500 rows per request, so
//! the range is fetched window by window: a window that comes back full is split in two halves
//! that share their middle second, until every window holds fewer than 500 calls. Calls are
//! yielded oldest window first, each window sorted by start time, and a call seen on a shared
//! edge second is yielded once (deduplicated by its id).
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
            let resp = client
                .call_op(op, params, &CallOptions::default())
                .map_err(|e| e.with_operation(OP).map_text(|t| client.redact(t)))?;
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
            windows: vec![(start, end)],
            buffer: VecDeque::new(),
            edge_ids: HashSet::new(),
            timeless_ids: HashSet::new(),
            pending_error: None,
            windows_fetched: 0,
            done: false,
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

    fn take_window(&mut self, a: i64, b: i64, mut rows: Vec<CallRecord>) {
        rows.sort_by(|x, y| (x.start_time, x.id.as_deref()).cmp(&(y.start_time, y.id.as_deref())));
        let mut next_edge = HashSet::new();
        for row in rows {
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
            let rows = match (self.fetch)(a, b) {
                Ok(rows) => rows,
                Err(e) => {
                    self.done = true;
                    return Some(Err(e));
                }
            };
            self.windows_fetched += 1;
            if rows.len() >= CALL_LIST_CAP {
                if b > a {
                    // Halves share their middle second (whether endTime is inclusive or not,
                    // nothing falls between them); the older half is fetched first.
                    let (left, right) = if b - a == 1 {
                        ((a, a), (b, b))
                    } else {
                        let mid = a + (b - a) / 2;
                        ((a, mid), (mid, b))
                    };
                    self.windows.push(right);
                    self.windows.push(left);
                    continue;
                }
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
            let end = if inclusive { 90_000 } else { 90_001 };
            let calls = Calls::with_fetch(1_000, end, server(data.clone(), inclusive, log.clone()))
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
