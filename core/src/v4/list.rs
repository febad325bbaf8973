//! v4 lists: filters (`filters[field]=op:value`), sorting, and lazy paging over `limit`/`offset`.

use crate::catalog::Operation;
use crate::client::{lookup, Client};
use crate::error::{Error, ErrorKind, Result};
use crate::transport::CallOptions;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, VecDeque};
use std::fmt::Display;
use std::marker::PhantomData;

/// One filter condition, e.g. `Filter::lt(149)` -> `lt:149`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Filter(String);

macro_rules! unary {
    ($($(#[$doc:meta])* $fn:ident => $op:literal),* $(,)?) => {
        $( $(#[$doc])* pub fn $fn(value: impl Display) -> Filter { Filter(format!(concat!($op, ":{}"), value)) } )*
    };
}

impl Filter {
    unary! {
        /// Equal.
        eq => "eq",
        /// Not equal.
        ne => "ne",
        /// Less than.
        lt => "lt",
        /// Greater than.
        gt => "gt",
        /// Less than or equal.
        lte => "lte",
        /// Greater than or equal.
        gte => "gte",
        /// Starts with.
        starts_with => "starts-with",
        /// Ends with.
        ends_with => "ends-with",
        /// Contains.
        contains => "contains",
        /// Does not start with.
        not_starts_with => "not-starts-with",
        /// Does not end with.
        not_ends_with => "not-ends-with",
        /// Does not contain.
        not_contains => "not-contains",
    }
    /// Between `a` and `b` inclusive.
    pub fn between(a: impl Display, b: impl Display) -> Filter {
        Filter(format!("between:{a},{b}"))
    }
    /// Outside `a`..`b`.
    pub fn not_between(a: impl Display, b: impl Display) -> Filter {
        Filter(format!("not-between:{a},{b}"))
    }
    /// The field is empty.
    pub fn empty() -> Filter {
        Filter("empty".into())
    }
    /// The field is not empty.
    pub fn not_empty() -> Filter {
        Filter("not-empty".into())
    }
    /// One of the values.
    pub fn one_of<T: Display>(values: impl IntoIterator<Item = T>) -> Filter {
        Filter(format!("in:{}", join(values)))
    }
    /// None of the values.
    pub fn none_of<T: Display>(values: impl IntoIterator<Item = T>) -> Filter {
        Filter(format!("not-in:{}", join(values)))
    }
    /// The wire form (`op:value`).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn join<T: Display>(values: impl IntoIterator<Item = T>) -> String {
    values
        .into_iter()
        .map(|v| v.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

/// Sort direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortDir {
    /// Ascending.
    Asc,
    /// Descending.
    Desc,
}

/// Filters, sorting and page size of a v4 list call.
#[derive(Clone, Debug, Default)]
pub struct ListQuery {
    filters: BTreeMap<String, Vec<String>>,
    sort: Vec<(String, SortDir)>,
    limit: Option<u32>,
    offset: Option<u64>,
    fields: Option<String>,
}

impl ListQuery {
    /// An empty query (no filters, server default sort and page size).
    pub fn new() -> ListQuery {
        ListQuery::default()
    }
    /// Add a condition on `field`; several conditions on one field must all hold.
    pub fn filter(mut self, field: &str, condition: Filter) -> ListQuery {
        self.filters
            .entry(field.to_string())
            .or_default()
            .push(condition.0);
        self
    }
    /// Sort by `field`.
    pub fn sort(mut self, field: &str, dir: SortDir) -> ListQuery {
        self.sort.push((field.to_string(), dir));
        self
    }
    /// Page size (at most 500).
    pub fn limit(mut self, limit: u32) -> ListQuery {
        self.limit = Some(limit);
        self
    }
    /// Rows to skip.
    pub fn offset(mut self, offset: u64) -> ListQuery {
        self.offset = Some(offset);
        self
    }
    /// Field set, e.g. `brief`.
    pub fn fields(mut self, fields: &str) -> ListQuery {
        self.fields = Some(fields.to_string());
        self
    }
    /// The query as generic-call parameters.
    pub fn to_params(&self) -> Map<String, Value> {
        let mut m = Map::new();
        if !self.filters.is_empty() {
            let f: Map<String, Value> = self
                .filters
                .iter()
                .map(|(k, v)| {
                    (
                        k.clone(),
                        if v.len() == 1 {
                            Value::from(v[0].clone())
                        } else {
                            Value::from(v.clone())
                        },
                    )
                })
                .collect();
            m.insert("filters".into(), Value::Object(f));
        }
        if !self.sort.is_empty() {
            let s: Map<String, Value> = self
                .sort
                .iter()
                .map(|(k, d)| {
                    (
                        k.clone(),
                        Value::from(if *d == SortDir::Asc { "asc" } else { "desc" }),
                    )
                })
                .collect();
            m.insert("sort".into(), Value::Object(s));
        }
        if let Some(l) = self.limit {
            m.insert("limit".into(), l.into());
        }
        if let Some(o) = self.offset {
            m.insert("offset".into(), o.into());
        }
        if let Some(f) = &self.fields {
            m.insert("fields".into(), f.clone().into());
        }
        m
    }
}

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
    pages_fetched: u64,
    /// HTTP status of the last page fetched (0 before the first, and for call windows).
    last_status: u16,
}

enum Source {
    /// v4: `limit`/`offset` over the list envelope.
    Offset {
        client: Client,
        params: Map<String, Value>,
        offset: u64,
        limit: u64,
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
        let source = if op.name == "xml.getCallList" {
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
            let (start, end) = (bound("startTime")?, bound("endTime")?);
            if let Some(extra) = params.keys().next() {
                return Err(Error::validation(
                    name,
                    extra,
                    "is not a parameter of the call-list walk (startTime, endTime, limit)",
                ));
            }
            Source::CallWindows {
                calls: Box::new(crate::xml::Calls::new(client, start, end)?),
                offset: 0,
                limit,
                pending: None,
            }
        } else if op.family == "v1" && op.pageable {
            Source::V1(Box::new(crate::v1::list::Walk::new(
                client, op, params, limit,
            )?))
        } else if op.params.iter().any(|p| p.name == "offset") {
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
            }
        } else {
            return Err(Error::new(
                ErrorKind::Validation,
                format!("`{name}` is not a pageable list (it has no limit/offset)"),
            )
            .with_operation(name));
        };
        Ok(Pages {
            op,
            source,
            done: false,
            pages_fetched: 0,
            last_status: 0,
        })
    }

    /// How many pages have been fetched so far.
    pub fn pages_fetched(&self) -> u64 {
        self.pages_fetched
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
            } => next_offset_page(self.op, client, params, offset, *limit).map(
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
                    && self.pages_fetched > 0
                    && matches!(self.source, Source::CallWindows { .. })
                {
                    return None;
                }
                self.pages_fetched += 1;
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
) -> Result<(Page, bool, u16)> {
    let mut params = params.clone();
    params.insert("offset".into(), (*offset).into());
    params.insert("limit".into(), limit.into());
    let resp = client.call_op(op, params, &CallOptions::default())?;
    let items = resp
        .data
        .get("items")
        .and_then(Value::as_array)
        .cloned()
        .ok_or_else(|| {
            Error::decode(
                "list response has no `items` array",
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_to_params() {
        let q = ListQuery::new()
            .filter("npa", Filter::eq(858))
            .filter("price", Filter::gte(1))
            .filter("price", Filter::lt(149))
            .filter("city", Filter::one_of(["San Diego", "La Jolla"]))
            .sort("price", SortDir::Asc)
            .limit(25);
        let p = Value::Object(q.to_params());
        assert_eq!(p["filters"]["npa"], "eq:858");
        assert_eq!(
            p["filters"]["price"],
            serde_json::json!(["gte:1", "lt:149"])
        );
        assert_eq!(p["filters"]["city"], "in:San Diego,La Jolla");
        assert_eq!(p["sort"]["price"], "asc");
        assert_eq!(p["limit"], 25);
        assert_eq!(Filter::between(1, 5).as_str(), "between:1,5");
        assert_eq!(Filter::not_empty().as_str(), "not-empty");
    }
}
