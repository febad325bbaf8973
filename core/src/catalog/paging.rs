//! [`Paging`]: how a list operation is walked to its end, and where its rows are.
//!
//! ```
//! use phonecom::catalog::PagingKind;
//! let catalog = phonecom::catalog();
//! let v4 = catalog.get("v4.list-account-subaccounts").unwrap().paging.as_ref().unwrap();
//! assert_eq!((v4.kind, v4.rows.as_slice()), (PagingKind::Offset, &["items".to_string()][..]));
//! let calls = catalog.get("xml.getCallList").unwrap().paging.as_ref().unwrap();
//! assert_eq!(calls.kind, PagingKind::TimeWindows);
//! assert_eq!(calls.walk[0].name, "startTime");
//! ```

use super::Param;
use serde::{Deserialize, Serialize};

/// The strategy a walk (`Client::pages`, `Client::items`) uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PagingKind {
    /// The operation's own `limit`/`offset` parameters, over the list envelope
    /// (`items`, `total`, `offset`, `limit`), until a short page or `total`.
    Offset,
    /// REST v1: `limit`/`offset` inside the `query` argument, up to the reported `total`.
    V1,
    /// A time range fetched window by window, a window that comes back full split in two
    /// (the XML API's 500-row `getCallList`); every row once, oldest window first.
    TimeWindows,
}

/// How a list operation is walked.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Paging {
    /// The strategy.
    pub kind: PagingKind,
    /// Where one call's rows are in its result: the path of object keys to the array
    /// (`["items"]` for v4's envelope, `["data", "items"]` for the XML API's reply). A walk
    /// yields these rows.
    pub rows: Vec<String>,
    /// The parameters a walk takes when they are not the operation's own (a time-window walk's
    /// range and page size); empty: the operation's parameters.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub walk: Vec<Param>,
    /// What a walk returns, when it says more than "every row, a page at a time".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc: Option<String>,
}

impl Paging {
    /// A walk over the operation's own parameters, its rows at `rows`.
    pub fn new(kind: PagingKind, rows: &[&str]) -> Paging {
        Paging {
            kind,
            rows: rows.iter().map(|r| r.to_string()).collect(),
            walk: Vec::new(),
            doc: None,
        }
    }
}
