//! The one pager over every family's lists, fetched lazily page by page: v4's `limit`/`offset`
//! envelope, REST v1's `limit`/`offset` up to the reported `total`, and `xml.getCallList`'s time
//! windows. Every binding walks any pageable catalog entry through it.
//!
//! A walk reports its [`Progress`] (pages and rows so far, the total when the upstream says it)
//! to a callback after each page:
//!
//! ```no_run
//! # fn main() -> phonecom::Result<()> {
//! # let client = phonecom::Client::new(phonecom::Config::from_env()?)?;
//! let numbers = client
//!     .items::<serde_json::Value>(
//!         "v4.list-available-phone-numbers",
//!         serde_json::json!({"filters": {"npa": "eq:858"}, "limit": 200}),
//!     )?
//!     .on_progress(|p| eprintln!("fetched {p}"));
//! for number in numbers {
//!     println!("{}", number?["phone_number"]);
//! }
//! # Ok(())
//! # }
//! ```

use crate::catalog::{Operation, PagingKind};
use crate::client::{lookup, Client};
use crate::error::{Error, ErrorKind, Result};
use crate::progress::{Progress, ProgressFn};
use crate::transport::CallOptions;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use std::collections::VecDeque;
use std::marker::PhantomData;

/// One page of a list.
#[derive(Clone, Debug)]
pub struct Page<T = Value> {
    /// The rows.
    pub items: Vec<T>,
    /// Rows matching in all (as the server reports it).
    pub total: Option<u64>,
    /// Offset of the first row.
    pub offset: u64,
    /// Page size used.
    pub limit: u64,
    /// The request id of this page.
    pub request_id: String,
}

impl Page<Value> {
    /// Decode the rows into `T`.
    pub fn decode<T: DeserializeOwned>(self, operation: &str) -> Result<Page<T>> {
        self.decode_at(operation, 0)
    }

    /// [`Page::decode`] for a page whose response had HTTP `status` (0: unknown), which a
    /// decode error then carries with the request id.
    pub(crate) fn decode_at<T: DeserializeOwned>(
        self,
        operation: &str,
        status: u16,
    ) -> Result<Page<T>> {
        let items = self
            .items
            .into_iter()
            .map(|v| {
                serde_json::from_value(v)
                    .map_err(|e| decode_err(operation, e, &self.request_id, status))
            })
            .collect::<Result<Vec<T>>>()?;
        Ok(Page {
            items,
            total: self.total,
            offset: self.offset,
            limit: self.limit,
            request_id: self.request_id,
        })
    }
}

/// A row that does not decode, with the request id and HTTP status of the page it came in.
fn decode_err(operation: &str, e: serde_json::Error, request_id: &str, status: u16) -> Error {
    let mut err = Error::new(
        ErrorKind::Decode,
        format!("list row does not match the documented shape: {e}"),
    )
    .with_operation(operation)
    .with_retryable(false)
    .with_request_id((!request_id.is_empty()).then(|| request_id.to_string()));
    if status != 0 {
        err = err.with_status(status);
    }
    err
}

/// Default page size of the paging helpers.
const DEFAULT_PAGE: u64 = 100;

/// Walks a list page by page, fetching each page only when asked: v4 lists by `limit`/`offset`,
/// and `xml.getCallList` by time windows (see [`crate::xml::Calls`]), so bindings need one pager
/// for every pageable catalog entry. Owns a client clone, so it can outlive the borrow it was made
/// from (bindings keep it in a handle).
pub struct Pages {
    op: &'static Operation,
    source: Source,
    done: bool,
    /// HTTP status of the last page fetched (0 before the first, and for call windows).
    last_status: u16,
    progress: Progress,
    /// The offset of the walk's first page, once fetched.
    start_offset: Option<u64>,
    on_progress: Option<ProgressFn>,
}

enum Source {
    /// v4: `limit`/`offset` over the list envelope.
    Offset {
        client: Client,
        params: Map<String, Value>,
        offset: u64,
        limit: u64,
        opts: CallOptions,
    },
    /// REST v1 lists: `limit`/`offset` query arguments up to the reported `total`.
    V1(Box<crate::v1::list::Walk>),
    /// `xml.getCallList`: every call of `[startTime, endTime]`, `limit` rows per page.
    CallWindows {
        calls: Box<crate::xml::Calls>,
        offset: u64,
        limit: u64,
        /// An error met after some rows of a page: the page is returned first, then this.
        pending: Option<Error>,
    },
}

impl Pages {
    pub(crate) fn new(client: &Client, name: &str, params: Value) -> Result<Pages> {
        let op = lookup(name)?;
        let mut params = match params {
            Value::Object(m) => m,
            Value::Null => Map::new(),
            _ => {
                return Err(
                    Error::new(ErrorKind::Validation, "params must be a JSON object")
                        .with_operation(name),
                )
            }
        };
        let limit = match params.remove("limit") {
            Some(v) => v
                .as_u64()
                .filter(|l| (1..=500).contains(l))
                .ok_or_else(|| {
                    Error::validation(name, "limit", "must be an integer from 1 to 500")
                })?,
            None => DEFAULT_PAGE,
        };
        let Some(paging) = &op.paging else {
            return Err(Error::new(
                ErrorKind::Validation,
                format!("`{name}` is not a pageable list (it has no limit/offset)"),
            )
            .with_operation(name));
        };
        let source = match paging.kind {
            PagingKind::TimeWindows => {
                let mut bound = |field: &str| -> Result<i64> {
                    let v = params.remove(field).ok_or_else(|| {
                        Error::validation(
                            name,
                            field,
                            "is required to walk the call list (Unix epoch seconds)",
                        )
                    })?;
                    v.as_i64()
                        .or_else(|| v.as_str().and_then(|s| s.trim().parse().ok()))
                        .ok_or_else(|| Error::validation(name, field, "must be Unix epoch seconds"))
                };
                // The walk's own parameters: the range's bounds (required, in that order), then limit.
                let walk: Vec<&str> = paging.walk.iter().map(|p| p.name.as_str()).collect();
                let bounds: Vec<&str> = paging
                    .walk
                    .iter()
                    .filter(|p| p.required)
                    .map(|p| p.name.as_str())
                    .collect();
                let (start, end) = match bounds[..] {
                [start, end] => (bound(start)?, bound(end)?),
                _ => return Err(Error::new(ErrorKind::Validation, format!("`{name}`: a time-window walk needs a start and an end parameter in the catalog"))),
            };
                if let Some(extra) = params.keys().next() {
                    return Err(Error::validation(
                        name,
                        extra,
                        &format!(
                            "is not a parameter of the time-window walk ({})",
                            walk.join(", ")
                        ),
                    ));
                }
                Source::CallWindows {
                    calls: Box::new(crate::xml::Calls::new(client, start, end)?),
                    offset: 0,
                    limit,
                    pending: None,
                }
            }
            PagingKind::V1 => Source::V1(Box::new(crate::v1::list::Walk::new(
                client, op, params, limit,
            )?)),
            PagingKind::Offset => {
                let offset = match params.remove("offset") {
                    Some(v) => v.as_u64().ok_or_else(|| {
                        Error::validation(name, "offset", "must be a non-negative integer")
                    })?,
                    None => 0,
                };
                Source::Offset {
                    client: client.clone(),
                    params,
                    offset,
                    limit,
                    opts: CallOptions::default(),
                }
            }
        };
        Ok(Pages {
            op,
            source,
            done: false,
            last_status: 0,
            progress: Progress::default(),
            start_offset: None,
            on_progress: None,
        })
    }

    /// Call `report` after each page with the walk's [`Progress`] so far, on the thread that
    /// fetched the page, before the page is returned. Replaces an earlier callback.
    ///
    /// ```no_run
    /// # fn main() -> phonecom::Result<()> {
    /// # let client = phonecom::Client::new(phonecom::Config::from_env()?)?;
    /// let pages = client
    ///     .pages("v4.list-account-subaccounts", serde_json::json!({"limit": 500}))?
    ///     .on_progress(|p| eprint!("\r{p}"));
    /// # Ok(())
    /// # }
    /// ```
    pub fn on_progress(mut self, report: impl FnMut(&Progress) + Send + 'static) -> Pages {
        self.on_progress = Some(Box::new(report));
        self
    }

    /// The walk's progress so far (all zero before the first page).
    pub fn progress(&self) -> Progress {
        self.progress
    }

    /// How many pages have been fetched so far.
    pub fn pages_fetched(&self) -> u64 {
        self.progress.pages
    }

    /// HTTP status of the last page fetched (0 when unknown).
    pub(crate) fn last_status(&self) -> u16 {
        self.last_status
    }

    /// Fetch the next page, or `None` after the last one.
    pub fn next_page(&mut self) -> Option<Result<Page>> {
        if self.done {
            return None;
        }
        let result = match &mut self.source {
            Source::Offset {
                client,
                params,
                offset,
                limit,
                opts,
            } => next_offset_page(self.op, client, params, offset, *limit, opts).map(
                |(page, last, status)| {
                    self.last_status = status;
                    (page, last)
                },
            ),
            Source::V1(walk) => walk.next_page(),
            Source::CallWindows {
                calls,
                offset,
                limit,
                pending,
            } => next_call_page(calls, offset, *limit, pending),
        };
        match result {
            Ok((page, last)) => {
                self.done = last;
                if page.items.is_empty()
                    && last
                    && self.progress.pages > 0
                    && matches!(self.source, Source::CallWindows { .. })
                {
                    return None;
                }
                let start = *self.start_offset.get_or_insert(page.offset);
                self.progress.record(page.items.len(), page.total, start);
                if let Some(report) = self.on_progress.as_mut() {
                    report(&self.progress);
                }
                Some(Ok(page))
            }
            Err(e) => {
                self.done = true;
                let e = e.with_operation(&self.op.name);
                Some(Err(match &self.source {
                    Source::Offset { client, .. } => e.map_text(|t| client.redact(t)),
                    Source::V1(walk) => e.map_text(|t| walk.redact(t)),
                    Source::CallWindows { .. } => e,
                }))
            }
        }
    }
}

/// One `limit`/`offset` page; `true` when it is the last; the response's HTTP status.
fn next_offset_page(
    op: &'static Operation,
    client: &Client,
    params: &Map<String, Value>,
    offset: &mut u64,
    limit: u64,
    opts: &CallOptions,
) -> Result<(Page, bool, u16)> {
    let mut params = params.clone();
    params.insert("offset".into(), (*offset).into());
    params.insert("limit".into(), limit.into());
    let resp = client.call_op(op, params, opts)?;
    let at: &[String] = op.paging.as_ref().map_or(&[], |p| &p.rows);
    let items = rows_at(&resp.data, at).cloned().ok_or_else(|| {
        Error::decode(
            format!("list response has no `{}` array", at.join(".")),
            resp.data.to_string().as_bytes(),
        )
    })?;
    let total = resp.data.get("total").and_then(Value::as_u64);
    // A server may cap the page size below what was asked; its envelope says what it used.
    let served_limit = resp
        .data
        .get("limit")
        .and_then(Value::as_u64)
        .filter(|l| *l > 0)
        .unwrap_or(limit);
    let status = resp.status;
    let page = Page {
        total,
        offset: *offset,
        limit: served_limit,
        request_id: resp.request_id,
        items,
    };
    let n = page.items.len() as u64;
    *offset += n;
    // With `total`, a short page is not the end; without it, only a page shorter than the
    // server's own page size is. An empty page always ends the walk.
    let last = match total {
        Some(t) => n == 0 || *offset >= t,
        None => n == 0 || n < served_limit,
    };
    Ok((page, last, status))
}

/// The rows of one call's result: the array at the catalog's `paging.rows` path.
fn rows_at<'a>(data: &'a Value, path: &[String]) -> Option<&'a Vec<Value>> {
    path.iter()
        .try_fold(data, |v, key| v.get(key.as_str()))?
        .as_array()
}

/// Up to `limit` calls of the window walk; `true` when the range is exhausted.
fn next_call_page(
    calls: &mut crate::xml::Calls,
    offset: &mut u64,
    limit: u64,
    pending: &mut Option<Error>,
) -> Result<(Page, bool)> {
    if let Some(e) = pending.take() {
        return Err(e);
    }
    let mut items = Vec::new();
    let mut last = false;
    while (items.len() as u64) < limit {
        match calls.next() {
            Some(Ok(call)) => {
                items.push(serde_json::to_value(call).expect("call records serialise"))
            }
            // The rows already read are not dropped: this page first, the error next.
            Some(Err(e)) if !items.is_empty() => {
                *pending = Some(e);
                break;
            }
            Some(Err(e)) => return Err(e),
            None => {
                last = true;
                break;
            }
        }
    }
    let page = Page {
        total: None,
        offset: *offset,
        limit,
        request_id: String::new(),
        items,
    };
    *offset += page.items.len() as u64;
    Ok((page, last))
}

impl Iterator for Pages {
    type Item = Result<Page>;
    fn next(&mut self) -> Option<Self::Item> {
        self.next_page()
    }
}

/// Walks every row of a list lazily, one page at a time, decoding rows into `T`.
pub struct Items<T = Value> {
    pages: Pages,
    buffer: VecDeque<Value>,
    /// Request id and status of the page the buffered rows came in.
    source: (String, u16),
    failed: bool,
    _t: PhantomData<fn() -> T>,
}

impl<T: DeserializeOwned> Items<T> {
    pub(crate) fn new(pages: Pages) -> Items<T> {
        Items {
            pages,
            buffer: VecDeque::new(),
            source: (String::new(), 0),
            failed: false,
            _t: PhantomData,
        }
    }

    /// Fetch every remaining row (the only place the whole list is held in memory).
    pub fn collect_all(self) -> Result<Vec<T>> {
        self.collect()
    }

    /// Pages fetched so far.
    pub fn pages_fetched(&self) -> u64 {
        self.pages.pages_fetched()
    }

    /// Call `report` after each page with the walk's [`Progress`] (see [`Pages::on_progress`]).
    pub fn on_progress(mut self, report: impl FnMut(&Progress) + Send + 'static) -> Items<T> {
        self.pages = self.pages.on_progress(report);
        self
    }

    /// The walk's progress so far.
    pub fn progress(&self) -> Progress {
        self.pages.progress()
    }
}

impl<T: DeserializeOwned> Iterator for Items<T> {
    type Item = Result<T>;
    fn next(&mut self) -> Option<Result<T>> {
        if self.failed {
            return None;
        }
        loop {
            if let Some(v) = self.buffer.pop_front() {
                let (id, status) = &self.source;
                return Some(
                    serde_json::from_value(v)
                        .map_err(|e| decode_err(&self.pages.op.name, e, id, *status)),
                );
            }
            match self.pages.next_page()? {
                Ok(page) => {
                    self.source = (page.request_id, self.pages.last_status());
                    self.buffer.extend(page.items)
                }
                Err(e) => {
                    self.failed = true;
                    return Some(Err(e));
                }
            }
        }
    }
}

impl Client {
    /// [`Client::items`] of a `limit`/`offset` list, every page's call made with `opts` (a
    /// composed flow's lookups).
    pub(crate) fn items_with<T: DeserializeOwned>(
        &self,
        name: &str,
        params: Value,
        opts: CallOptions,
    ) -> Result<Items<T>> {
        let mut pages = Pages::new(self, name, params)?;
        if let Source::Offset { opts: walk, .. } = &mut pages.source {
            *walk = opts;
        }
        Ok(Items::new(pages))
    }

    /// Walk any pageable list operation page by page (`limit` in `params` is the page size,
    /// default 100; `offset` the starting row).
    pub fn pages(&self, name: &str, params: Value) -> Result<Pages> {
        Pages::new(self, name, params)
    }

    /// Walk every row of any pageable list operation, lazily.
    pub fn items<T: DeserializeOwned>(&self, name: &str, params: Value) -> Result<Items<T>> {
        Ok(Items::new(Pages::new(self, name, params)?))
    }
}
