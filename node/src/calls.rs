//! `NativeCalls`: the `xml.getCallList` walker (core's `xml::Calls`), which splits a time range
//! into windows until each holds fewer than the API's 500 rows; rows come a batch per call.

use crate::blocking::run;
use napi_derive::napi;
use phonecom::xml::Calls;
use std::sync::{Arc, Mutex, PoisonError};

/// Rows handed to JavaScript per `nextBatch()`.
const BATCH: usize = 500;

struct State {
    calls: Calls,
    /// An error met after some rows of a batch: reported by the next call.
    pending: Option<phonecom::Error>,
    done: bool,
}

/// Every call of a time range, oldest window first, each call once.
#[napi]
pub struct NativeCalls {
    state: Arc<Mutex<State>>,
}

impl NativeCalls {
    pub(crate) fn new(calls: Calls) -> NativeCalls {
        NativeCalls {
            state: Arc::new(Mutex::new(State {
                calls,
                pending: None,
                done: false,
            })),
        }
    }
}

#[napi]
impl NativeCalls {
    /// The next rows as JSON text (an array), or `null` when every call has been returned.
    #[napi]
    pub async fn next_batch(&self) -> napi::Result<Option<String>> {
        let state = self.state.clone();
        run(move || {
            let mut s = state.lock().unwrap_or_else(PoisonError::into_inner);
            if let Some(e) = s.pending.take() {
                s.done = true;
                return Err(e);
            }
            if s.done {
                return Ok(None);
            }
            let mut rows = Vec::new();
            while rows.len() < BATCH {
                match s.calls.next() {
                    Some(Ok(row)) => rows.push(row),
                    Some(Err(e)) if rows.is_empty() => {
                        s.done = true;
                        return Err(e);
                    }
                    Some(Err(e)) => {
                        s.pending = Some(e);
                        break;
                    }
                    None => {
                        s.done = true;
                        break;
                    }
                }
            }
            if rows.is_empty() {
                return Ok(None);
            }
            Ok(Some(
                serde_json::to_string(&rows).expect("call records serialise"),
            ))
        })
        .await
    }

    /// `getCallList` requests made so far.
    #[napi(getter)]
    pub fn windows_fetched(&self) -> f64 {
        self.state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .calls
            .windows_fetched() as f64
    }
}
