//! Walking a REST v1 list to the end: `limit`/`offset` query arguments, page after page, until
//! the `total` the service reports beside `data` is reached (or, without a `total`, until a
//! short page). A page shorter than asked is not taken as the end while `total` says more rows
//! follow, so a service that caps its page size loses no rows.
//!
//! The generic pager dispatches here: `client.pages("v1.<service>.list", ...)` and
//! `client.items(...)` walk any of the eleven services (`limit` beside `query` is the page
//! size, default 100, at most 500; `offset` the first row).
//!
//! ```no_run
//! use phonecom::{Client, Config};
//! use serde_json::{json, Value};
//! let client = Client::new(Config::from_env()?)?;
//! for contact in client.items::<Value>("v1.contacts.list", json!({"query": {"group_id":
//!     "06283513-14f5-11e3-a398-91e4dd3a21e9"}, "limit": 200}))? {
//!     println!("{}", contact?["first_name"]);
//! }
//! # Ok::<(), phonecom::Error>(())
//! ```

use super::wire::PAGE_RESULT;
use crate::catalog::Operation;
use crate::client::Client;
use crate::error::{Error, Result};
use crate::pages::Page;
use crate::transport::CallOptions;
use serde_json::{Map, Value};

/// One walk over a v1 list.
pub(crate) struct Walk {
    client: Client,
    /// The list operation, marked so that its result keeps `total` (see `wire::PAGE_RESULT`).
    op: Operation,
    /// The caller's `query` arguments (filters).
    query: Map<String, Value>,
    offset: u64,
    limit: u64,
}

impl Walk {
    /// `params` are the list's parameters (`query`) and the walk's `offset`; `limit` is the
    /// page size.
    pub(crate) fn new(
        client: &Client,
        op: &Operation,
        mut params: Map<String, Value>,
        limit: u64,
    ) -> Result<Walk> {
        let offset = match params.remove("offset") {
            Some(v) => v.as_u64().ok_or_else(|| {
                Error::validation(&op.name, "offset", "must be a non-negative integer")
            })?,
            None => 0,
        };
        let query = match params.remove("query") {
            None | Some(Value::Null) => Map::new(),
            Some(Value::Object(q)) => q,
            Some(_) => {
                return Err(Error::validation(
                    &op.name,
                    "query",
                    "must be an object of query arguments",
                ))
            }
        };
        for k in ["limit", "offset"] {
            if query.contains_key(k) {
                return Err(Error::validation(
                    &op.name,
                    &format!("query.{k}"),
                    &format!("is set by the walk: give `{k}` beside `query`, not inside it"),
                ));
            }
        }
        if let Some(extra) = params.keys().next() {
            return Err(Error::validation(
                &op.name,
                extra,
                "is not a parameter of the list walk (query, limit, offset)",
            ));
        }
        let mut op = op.clone();
        op.returns = Some(PAGE_RESULT.into());
        Ok(Walk {
            client: client.clone(),
            op,
            query,
            offset,
            limit,
        })
    }

    /// The next page; `true` when it is the last.
    pub(crate) fn next_page(&mut self) -> Result<(Page, bool)> {
        let mut query = self.query.clone();
        query.insert("limit".into(), self.limit.into());
        query.insert("offset".into(), self.offset.into());
        let mut params = Map::new();
        params.insert("query".into(), Value::Object(query));
        let resp = self
            .client
            .call_op(&self.op, params, &CallOptions::default())?;
        let items = match resp.data.get("items") {
            Some(Value::Array(items)) => items.clone(),
            _ => {
                return Err(Error::decode(
                    "list page has no rows",
                    resp.data.to_string().as_bytes(),
                ))
            }
        };
        let total = resp.data.get("total").and_then(Value::as_u64);
        let page = Page {
            total,
            offset: self.offset,
            limit: self.limit,
            request_id: resp.request_id,
            items,
        };
        let n = page.items.len() as u64;
        self.offset += n;
        let last = match total {
            // A short page is not the end while the service says more rows follow.
            Some(t) => n == 0 || self.offset >= t,
            None => n < self.limit,
        };
        Ok((page, last))
    }

    /// Mask the client's secrets in an error text.
    pub(crate) fn redact(&self, text: &str) -> String {
        self.client.redact(text)
    }
}
