//! The pager handle: walks a list operation page by page, so no row is lost and no page is
//! fetched before it is asked for.
//!
//! The handle holds a [`Walker`]: anything that yields pages as JSON. Every pageable catalog
//! entry walks with the core's [`phonecom_core::Pages`] (`limit`/`offset` lists, and the
//! XML API's `xml.getCallList` by time windows); a walker of another shape plugs in by
//! implementing [`Walker`] and adding one arm to [`walker_for`].

use crate::client::phonecom_client;
use crate::error::Failure;
use crate::ffi;
use crate::status::phonecom_status;
use phonecom_core::{Client, Result};
use phonecom_core::{Page, Pages};
use serde_json::{json, Value};
use std::ffi::c_char;

/// Yields the pages of one list, each as a JSON object with an `items` array.
pub(crate) trait Walker: Send {
    /// The next page, or `None` after the last one (and after a failure).
    fn next_page(&mut self) -> Option<Result<Value>>;
    /// Pages fetched so far.
    fn pages_fetched(&self) -> u64;
}

impl Walker for Pages {
    fn next_page(&mut self) -> Option<Result<Value>> {
        Pages::next_page(self).map(|page| page.map(page_json))
    }
    fn pages_fetched(&self) -> u64 {
        Pages::pages_fetched(self)
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
        out.write_handle(phonecom_pager { walker })
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
            Some(page) => out.write_json(&page?),
        }
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
