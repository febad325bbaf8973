//! Entry points for the fuzz targets (`fuzz/`) and their regression tests
//! (`core/tests/fuzz_regressions.rs`): the steps of a call that read outside input, run without
//! the network, and the masking functions that are otherwise reached only through them. Hidden
//! from the documentation; not a stable API.
//!
//! ```
//! use phonecom::{fuzzing, Client};
//! let client = Client::from_json(r#"{"v4": {"token": "sbx_v4_token", "account_id": 1}}"#)?;
//! let err = fuzzing::decode_response(&client, "v4.get-account", 500, vec![], b"{}".to_vec())
//!     .unwrap_err();
//! assert_eq!(err.kind(), phonecom::ErrorKind::Server);
//! assert!(fuzzing::check_call(&client, "v4.get-account", serde_json::json!({})).is_ok());
//! # Ok::<(), phonecom::Error>(())
//! ```

use crate::client::{decorated, lookup, params_object, Client};
use crate::error::Result;
use crate::registry::wire_for;
use crate::transport::HttpResponse;
use serde_json::{Map, Value};

pub use crate::secret::{mask_json_members, mask_query_pairs};

/// Everything [`Client::call`] does with `name` and `params` before sending (the operation's
/// lookup, the parameter checks, the family's rules, building the request), its errors masked
/// as a call masks them. Nothing is sent. The composed `express` flows are checked up to their
/// parameters (their next step is the network).
pub fn check_call(client: &Client, name: &str, params: Value) -> Result<()> {
    let op = lookup(name).map_err(|e| e.with_operation(name))?;
    let params = params_object(name, params)?;
    let mask = client.call_mask(op, &params);
    let checked = client.prepare(op, params).map(drop);
    checked.map_err(|e| decorated(e, op, &mask))
}

/// What a call of `name` makes of a response (`status`, `headers`, `body`): the family's
/// decoding and error mapping (envelopes, upstream codes, `Retry-After`), its errors masked as
/// a call masks them.
pub fn decode_response(
    client: &Client,
    name: &str,
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
) -> Result<Value> {
    let op = lookup(name).map_err(|e| e.with_operation(name))?;
    let wire = wire_for(op)?;
    let mut resp = HttpResponse {
        status,
        headers: headers
            .into_iter()
            .map(|(k, v)| (k.to_ascii_lowercase(), v))
            .collect(),
        body,
        request_id: "req_fuzz".into(),
        attempts: 1,
        body_retry_after: None,
    };
    resp.read_body_wait(&|body, now| wire.retry_after_from_body(body, now));
    let mask = client.call_mask(op, &Map::new());
    wire.decode(client, op, &resp)
        .map_err(|e| decorated(e, op, &mask))
}

/// [`xml::decode_response`](crate::xml::decode_response) by the full parser alone (roxmltree),
/// never the one-pass decoder of `getCallList` replies: the reference the one-pass decoder must
/// agree with.
pub fn xml_decode_tree(action: &str, body: &[u8]) -> Result<Value> {
    crate::xml::decode_response_tree(action, body)
}

/// The one-pass decoder of `getCallList` replies alone: the result JSON, or `None` when it
/// leaves the body to the full parser (an error status, an element the document does not name,
/// XML outside its subset).
pub fn xml_decode_call_list_one_pass(body: &[u8]) -> Option<Value> {
    crate::xml::decode_call_list_one_pass(body)
}

/// The XML API's masking of `name=value` pairs named `name` (`username`), as its calls apply it.
pub fn mask_pairs_named(text: &str, name: &str) -> String {
    crate::secret::mask_pairs_named(text, name)
}
