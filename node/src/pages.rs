//! `NativePages`: one lazy walk over a pageable list, a page per `nextPage()`.

use crate::blocking::run;
use crate::client::tested;
use crate::errors::guard;
use napi_derive::napi;
use phonecom::Pages;
use serde_json::json;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

/// The pages of one list; `nextPage()` resolves to a page as JSON text, or `null` after the last.
///
/// The walk's mutex is held by a worker thread for the whole of a page's HTTP request, so the
/// JS thread never takes it: `pagesFetched` reads a counter the worker updates.
#[napi]
pub struct NativePages {
    operation: String,
    inner: Arc<Mutex<Pages>>,
    fetched: Arc<AtomicU64>,
    panic_for_test: bool,
}

impl NativePages {
    pub(crate) fn new(operation: String, pages: Pages, panic_for_test: bool) -> NativePages {
        NativePages {
            operation,
            panic_for_test,
            fetched: Arc::new(AtomicU64::new(pages.pages_fetched())),
            inner: Arc::new(Mutex::new(pages)),
        }
    }
}

#[napi]
impl NativePages {
    /// Fetch the next page: `{items, total, offset, limit, request_id, progress}` (`progress`:
    /// the walk's `{pages, rows, total}` after this page), or `null` when done.
    #[napi]
    pub async fn next_page(&self) -> napi::Result<Option<String>> {
        let inner = self.inner.clone();
        let (fetched, panic) = (self.fetched.clone(), self.panic_for_test);
        run(self.operation.clone(), move || {
            let mut pages = inner.lock().unwrap_or_else(PoisonError::into_inner);
            let next = tested(panic, pages.next_page());
            fetched.store(pages.pages_fetched(), Ordering::Relaxed);
            match next {
                None => Ok(None),
                Some(Err(e)) => Err(e),
                Some(Ok(page)) => Ok(Some(
                    json!({
                        "items": page.items,
                        "total": page.total,
                        "offset": page.offset,
                        "limit": page.limit,
                        "request_id": page.request_id,
                        "progress": pages.progress(),
                    })
                    .to_string(),
                )),
            }
        })
        .await
    }

    /// Pages fetched so far (never waits for a page in flight).
    #[napi(getter)]
    pub fn pages_fetched(&self) -> napi::Result<f64> {
        guard(&self.operation, || {
            Ok(self.fetched.load(Ordering::Relaxed) as f64)
        })
    }
}
