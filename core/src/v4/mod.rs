//! Phone.com REST API v4: all 98 operations of the published swagger file, the extension-level
//! aliases and the events API, as catalog entries `v4.<operationId>`; typed models and methods
//! for the entities partner flows touch; list filters, sorting and lazy paging.
//!
//! ```no_run
//! use phonecom::{Client, Config};
//! use phonecom::v4::{Filter, ListQuery, SortDir};
//! let client = Client::new(Config::from_env()?)?;
//! let query = ListQuery::new()
//!     .filter("npa", Filter::eq(858))
//!     .filter("price", Filter::lt(149))
//!     .sort("price", SortDir::Asc);
//! for number in client.v4().iter_available_numbers(&query)?.take(3) {
//!     println!("{}", number?.phone_number);
//! }
//! # Ok::<(), phonecom::Error>(())
//! ```

mod api;
mod list;
pub mod models;
pub(crate) mod wire;

pub use crate::pages::{Items, Page, Pages};
pub use api::V4;
pub use list::{Filter, ListQuery, SortDir};
pub use models::*;

use crate::catalog::{parse_embedded, parse_embedded_schemas, Operation};

/// The v4 catalog, generated from the swagger file by `tools/gen_v4_catalog.py`.
const CATALOG_JSON: &str = include_str!("../../catalog/v4.json");

pub(crate) fn operations() -> Vec<Operation> {
    parse_embedded(CATALOG_JSON)
}

/// The v4 response and object schemas, generated from the swagger file by
/// `tools/gen_schemas.py`.
const SCHEMAS_JSON: &str = include_str!("../../catalog/v4.schemas.json");

pub(crate) fn schemas() -> Vec<(String, serde_json::Value)> {
    parse_embedded_schemas(SCHEMAS_JSON)
}
