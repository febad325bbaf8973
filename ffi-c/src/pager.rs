//! The pager handle: walks a list operation page by page, so no row is lost and no page is
//! fetched before it is asked for.
//!
//! The handle holds a `Walker`: anything that yields pages as JSON. Every pageable catalog
//! entry walks with the core's [`phonecom_core::Pages`] (`limit`/`offset` lists, and the
//! XML API's `xml.getCallList` by time windows); a walker of another shape plugs in by
//! implementing `Walker` and adding one arm to `walker_for`.

use crate::client::phonecom_client;
use crate::error::Failure;
use crate::ffi;
use crate::status::phonecom_status;
use phonecom_core::{Client, Result};
use phonecom_core::{Page, Pages, Progress};
use serde_json::{json, Value};
use std::ffi::{c_char, c_void};

/// Yields the pages of one list, each as a JSON object with an `items` array.
pub(crate) trait Walker: Send {
    /// The next page, or `None` after the last one (and after a failure).
    fn next_page(&mut self) -> Option<Result<Value>>;
    /// Pages fetched so far.
    fn pages_fetched(&self) -> u64;
    /// The walk's progress after its latest page.
    fn progress(&self) -> Progress;
}

impl Walker for Pages {
    fn next_page(&mut self) -> Option<Result<Value>> {
        Pages::next_page(self).map(|page| page.map(page_json))
    }
    fn pages_fetched(&self) -> u64 {
        Pages::pages_fetched(self)
    }
    fn progress(&self) -> Progress {
        Pages::progress(self)
    }
}

/// Where a walk stands after its latest page (all zero before the first).
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct phonecom_progress {
    /// Pages fetched so far.
    pub pages: u64,
    /// Rows fetched so far, over all those pages.
    pub rows: u64,
    /// Rows the whole walk yields (the upstream's `total` less the starting `offset`); valid
    /// only when `total_known`.
    pub total: u64,
    /// Whether the upstream reports a total (`xml.getCallList`'s time windows do not).
    pub total_known: bool,
}

impl From<Progress> for phonecom_progress {
    fn from(p: Progress) -> phonecom_progress {
        phonecom_progress {
            pages: p.pages,
            rows: p.rows,
            total: p.total.unwrap_or(0),
            total_known: p.total.is_some(),
        }
    }
}

/// Receives a walk's progress after each page (see `phonecom_pager_set_progress`): `user_data`
/// as given there, and the progress, valid only until the callback returns.
///
/// Called on the thread running `phonecom_pager_next`, before that call returns the page. The
/// callback must return (no longjmp, no exception) and must not use the pager that invoked it.
#[allow(non_camel_case_types)]
pub type phonecom_progress_callback =
    Option<unsafe extern "C" fn(user_data: *mut c_void, progress: *const phonecom_progress)>;

/// The caller's progress callback and its user data.
struct ProgressSink {
    callback: unsafe extern "C" fn(user_data: *mut c_void, progress: *const phonecom_progress),
    user_data: *mut c_void,
}

// SAFETY: the pager may move between threads; the caller promises (header of
// `phonecom_pager_set_progress`) that the callback may be called with this user data from any
// thread that uses the pager.
unsafe impl Send for ProgressSink {}

impl ProgressSink {
    fn report(&self, progress: Progress) {
        let progress = phonecom_progress::from(progress);
        // SAFETY: the callback is the caller's C function with the documented signature; the
        // progress outlives the call. A C function cannot unwind into Rust, and this runs
        // inside the entry point's panic boundary, so nothing unwinds into C either.
        unsafe { (self.callback)(self.user_data, &progress) }
    }
}

fn page_json(page: Page) -> Value {
    json!({
        "items": page.items,
        "total": page.total,
        "offset": page.offset,
        "limit": page.limit,
        "request_id": page.request_id,
    })
}

/// The walker for operation `name`.
fn walker_for(client: &Client, name: &str, params: Value) -> Result<Box<dyn Walker>> {
    Ok(Box::new(client.pages(name, params)?))
}

/// Walks a list operation page by page.
///
/// Thread safety: use a pager from one thread at a time (it may move between threads). It
/// keeps what it needs of its client, so it stays usable after `phonecom_client_free`; that
/// includes the client's log callback, whose `user_data` must stay valid until the pager is
/// freed too.
///
/// Ownership: made by `phonecom_pager_new`, freed by `phonecom_pager_free`.
pub struct phonecom_pager {
    walker: Box<dyn Walker>,
    progress: Option<ProgressSink>,
}

/// Start walking the list operation `name` (any pageable catalog entry: the operations with
/// `limit`/`offset`, e.g. `"v4.list-available-phone-numbers"`, `"v4.list-account-subaccounts"`,
/// and `"xml.getCallList"`, walked by time windows so none of its 500-row-capped answers loses a
/// call) with `params_json` (filters, sort, ...; `limit` is the page size, 1-500, default 100;
/// `offset` the first row).
/// Nothing is fetched until `phonecom_pager_next`.
///
/// On `PHONECOM_OK`, `*out` holds a new pager the caller frees with `phonecom_pager_free`.
/// Fails with `PHONECOM_ERR_VALIDATION` when the operation is unknown or not a pageable list,
/// or when `limit`/`offset` are out of range.
///
/// # Safety
/// `client` is NULL or a live client; `name` and `params_json` are NULL or NUL-terminated
/// strings; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn phonecom_pager_new(
    client: *const phonecom_client,
    name: *const c_char,
    params_json: *const c_char,
    out: *mut *mut phonecom_pager,
) -> phonecom_status {
    ffi::boundary("phonecom_pager_new", || {
        let client = ffi::ref_arg(client, "client")?;
        let name = ffi::str_arg(name, "name")?;
        let params = ffi::json_arg(params_json, "params_json")?;
        let out = ffi::out_arg(out, "out")?;
        let walker = walker_for(&client.client, name, params)?;
        out.write_handle(phonecom_pager {
            walker,
            progress: None,
        })
    })
}

/// Fetch the next page: `{"items": [...], "total": n|null, "offset": n, "limit": n,
/// "request_id": "..."}`.
///
/// Returns `PHONECOM_OK` with `*page_json` set (the caller frees it with
/// `phonecom_string_free`); `PHONECOM_END_OF_PAGES` after the last page, with `*page_json`
/// untouched; or an error status (the page's call failed; the last error says why). After an
/// error or the end, every further call returns `PHONECOM_END_OF_PAGES`.
///
/// # Safety
/// `pager` is NULL or a live pager not used by another thread during the call; `page_json` is
/// NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn phonecom_pager_next(
    pager: *mut phonecom_pager,
    page_json: *mut *mut c_char,
) -> phonecom_status {
    ffi::boundary("phonecom_pager_next", || {
        let pager = ffi::mut_arg(pager, "pager")?;
        let out = ffi::out_arg(page_json, "page_json")?;
        match pager.walker.next_page() {
            None => Err(Failure::EndOfPages),
            Some(page) => {
                let page = page?;
                if let Some(sink) = &pager.progress {
                    sink.report(pager.walker.progress());
                }
                out.write_json(&page)
            }
        }
    })
}

/// Call `callback(user_data, &progress)` after each page `phonecom_pager_next` fetches, before
/// it returns the page: pages and rows so far, and the total when the upstream says it. Replaces
/// an earlier callback; a NULL `callback` removes it. A page that fails is not reported.
///
/// ```c
/// static void show(void *label, const phonecom_progress *p) {
///     if (p->total_known)
///         fprintf(stderr, "%s: %llu of %llu rows\n", (const char *)label,
///                 (unsigned long long)p->rows, (unsigned long long)p->total);
/// }
/// phonecom_pager_set_progress(pager, show, "numbers");
/// ```
///
/// Ownership: `user_data` stays the caller's; the library never frees or reads it. It must stay
/// valid until the pager is freed or the callback replaced, and the callback must be callable
/// with it on whichever thread uses the pager.
///
/// # Safety
/// `pager` is NULL or a live pager not used by another thread during the call; `callback` is
/// NULL or a function with the `phonecom_progress_callback` signature.
#[no_mangle]
pub unsafe extern "C" fn phonecom_pager_set_progress(
    pager: *mut phonecom_pager,
    callback: phonecom_progress_callback,
    user_data: *mut c_void,
) -> phonecom_status {
    ffi::boundary("phonecom_pager_set_progress", || {
        let pager = ffi::mut_arg(pager, "pager")?;
        pager.progress = callback.map(|callback| ProgressSink {
            callback,
            user_data,
        });
        Ok(())
    })
}

/// Write the walk's progress so far to `*out` (all zero before the first page).
///
/// # Safety
/// `pager` is NULL or a live pager not used by another thread during the call; `out` is NULL
/// or writable.
#[no_mangle]
pub unsafe extern "C" fn phonecom_pager_progress(
    pager: *const phonecom_pager,
    out: *mut phonecom_progress,
) -> phonecom_status {
    ffi::boundary("phonecom_pager_progress", || {
        let pager = ffi::ref_arg(pager, "pager")?;
        let out = ffi::mut_arg(out, "out")?;
        *out = pager.walker.progress().into();
        Ok(())
    })
}

/// How many pages the pager has fetched so far (0 for NULL).
///
/// # Safety
/// `pager` is NULL or a live pager.
#[no_mangle]
pub unsafe extern "C" fn phonecom_pager_pages_fetched(pager: *const phonecom_pager) -> u64 {
    ffi::boundary_value(0, || {
        ffi::ref_arg(pager, "pager").map_or(0, |p| p.walker.pages_fetched())
    })
}

/// Free a pager. NULL is accepted and ignored.
///
/// # Safety
/// `pager` is NULL or a live pager that no other thread is using and that is not used
/// afterwards.
#[no_mangle]
pub unsafe extern "C" fn phonecom_pager_free(pager: *mut phonecom_pager) {
    ffi::boundary_value((), || ffi::free_handle(pager))
}
