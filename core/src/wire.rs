//! How a family goes on the wire: the [`Wire`] trait, implemented in each HTTP family's own
//! `wire.rs` (`v4`, `oauth`, `xml`, `v1`, `nol`) and chosen by the family registry. A call runs
//! its steps in this order (`Client::prepare`, then the transport, then `decode`):
//!
//! ```text
//! normalize -> catalog validation -> check -> build -> transport -> decode
//! ```
//!
//! The encoding helpers the wires share (percent-encoding, form and multipart bodies) are in
//! [`crate::encode`].

use crate::catalog::Operation;
use crate::client::Client;
use crate::error::Result;
use crate::transport::{HttpRequest, HttpResponse};
use serde_json::{Map, Value};

/// How a family turns validated parameters into a request and a response into a result.
pub(crate) trait Wire: Sync {
    /// Rewrite the caller's parameters into the form the catalog checks, before validation
    /// (the XML API fills a `clTRID` and reads numbers given in other forms). Never refuses.
    fn normalize(&self, _client: &Client, _op: &Operation, _params: &mut Map<String, Value>) {}
    /// The family's rules beyond the catalog's, on parameters the catalog already accepted
    /// (the XML API's date ranges and paired fields); an error names the field and the rule.
    fn check(&self, _op: &Operation, _params: &Map<String, Value>) -> Result<()> {
        Ok(())
    }
    /// Build the HTTP request from checked parameters (credentials, URL, body).
    fn build(
        &self,
        client: &Client,
        op: &Operation,
        params: &Map<String, Value>,
    ) -> Result<HttpRequest>;
    /// Decode the response: the result on success, the family's error otherwise.
    fn decode(&self, client: &Client, op: &Operation, resp: &HttpResponse) -> Result<Value>;
    /// The wait the body of a 429 names, for a response without a `Retry-After` header (v4's
    /// `@error.@rateLimit`); `now_unix` reads HTTP dates. The transport calls it for every 429
    /// of this family and knows no body format itself.
    fn retry_after_from_body(&self, _body: &[u8], _now_unix: u64) -> Option<std::time::Duration> {
        None
    }
}
