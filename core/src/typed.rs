//! Typed calls: a model turned into a call's parameters, and a call's JSON result decoded into a
//! model. Every family's typed methods (`client.v4()`, `client.v1()`, `client.nol()`) are these
//! two conversions around the generic call.

use crate::client::{Client, Response};
use crate::error::{Error, ErrorKind, Result};
use crate::transport::CallOptions;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

impl Client {
    /// Call `operation` with `params` and decode its result into `T` (see [`typed`]).
    pub(crate) fn call_typed<T: DeserializeOwned>(
        &self,
        operation: &str,
        params: Map<String, Value>,
    ) -> Result<T> {
        let resp = self.call_with(operation, Value::Object(params), &CallOptions::default())?;
        typed(operation, resp)
    }

    /// [`Client::call_typed`] for a result whose model is its member `member` (`{"keys": [...]}`).
    pub(crate) fn call_typed_member<T: DeserializeOwned>(
        &self,
        operation: &str,
        params: Map<String, Value>,
        member: &str,
    ) -> Result<T> {
        let mut resp = self.call_with(operation, Value::Object(params), &CallOptions::default())?;
        resp.data = resp
            .data
            .get_mut(member)
            .map(Value::take)
            .unwrap_or(Value::Null);
        typed(operation, resp)
    }
}

/// Decode `resp.data` into `T`; a mismatch is a decode error naming `operation` and keeping the
/// response's HTTP status, request id and attempts.
pub(crate) fn typed<T: DeserializeOwned>(operation: &str, resp: Response) -> Result<T> {
    serde_json::from_value(resp.data).map_err(|e| {
        Error::new(
            ErrorKind::Decode,
            format!("response does not match the documented shape: {e}"),
        )
        .with_operation(operation)
        .with_status(resp.status)
        .with_request_id(Some(resp.request_id))
        .with_attempts(resp.attempts)
        .with_retryable(false)
    })
}

/// A model as a call's parameters: its JSON object (a model that is not an object has none).
pub(crate) fn params_of<T: Serialize>(model: &T) -> Map<String, Value> {
    match serde_json::to_value(model) {
        Ok(Value::Object(m)) => m,
        _ => Map::new(),
    }
}
