//! numbers.online on the wire: the `nol_...` key as `Authorization: Bearer` or `X-API-Key`,
//! JSON bodies, raw image bodies, and the flat error body.

use super::errors::error_from_response;
use super::upload::{check_document, check_logo};
use crate::catalog::{Auth, Location, Operation};
use crate::client::Client;
use crate::config::NolAuth;
use crate::encode::{encode_pairs, percent_encode, scalar_text, FileParam};
use crate::error::{Error, ErrorKind, Result};
use crate::transport::{HttpRequest, HttpResponse};
use crate::wire::Wire;
use serde_json::{Map, Value};
use std::time::Duration;

pub(crate) struct NolWire;

/// Whether the operation is sent without the `nol_...` key (its catalog `auth` is `none`: the
/// OpenAPI file gives it no `security`).
pub fn is_keyless(operation: &str) -> bool {
    crate::catalog()
        .get(operation)
        .is_some_and(|op| op.auth == Auth::None)
}

/// Fields of a result that hold a key shown only in that response.
const SHOWN_ONCE: &str = "api_key";

/// The notice added next to a key numbers.online shows only once.
pub const KEY_NOTICE: &str = "api_key is shown only in this response: store it now (numbers.online keeps only a hash and cannot show or recover it)";

impl Wire for NolWire {
    fn build(
        &self,
        client: &Client,
        op: &Operation,
        params: &Map<String, Value>,
    ) -> Result<HttpRequest> {
        super::listing_rules::check_listing_fields(params)
            .map_err(|f| Error::invalid_fields(&op.name, f))?;
        let cfg = &client.config().nol;
        let mut headers = vec![("Accept".to_string(), "application/json".to_string())];
        if op.auth != Auth::None {
            let key = cfg.api_key.as_ref().filter(|k| !k.is_empty()).ok_or_else(|| {
                Error::new(
                    ErrorKind::Authentication,
                    "nol.api_key is not configured (set it in the config or PHONECOM_NOL_API_KEY; nol.accountSignup issues one)",
                )
            })?;
            headers.push(match cfg.auth {
                NolAuth::Bearer => ("Authorization".into(), format!("Bearer {}", key.expose())),
                NolAuth::XApiKey => ("X-API-Key".into(), key.expose().to_string()),
            });
        }
        let url = format!(
            "{}{}",
            cfg.base_url.trim_end_matches('/'),
            path_and_query(op, params)
        );
        Ok(HttpRequest {
            method: op.method.clone(),
            url,
            headers,
            body: encode_body(op, params)?,
            idempotent: op.idempotent,
        })
    }

    fn decode(&self, client: &Client, op: &Operation, resp: &HttpResponse) -> Result<Value> {
        if !(200..300).contains(&resp.status) {
            return Err(error_from_response(resp));
        }
        if resp.body.iter().all(u8::is_ascii_whitespace) {
            return Ok(Value::Null);
        }
        let mut v: Value = serde_json::from_slice(&resp.body).map_err(|e| {
            Error::decode(format!("response is not valid JSON ({e})"), &resp.body)
                .with_status(resp.status)
                .with_operation(&op.name)
        })?;
        if let Value::Object(o) = &mut v {
            if let Some(key) = o.get(SHOWN_ONCE).and_then(Value::as_str) {
                client.learn_secret(key);
                o.entry("api_key_notice")
                    .or_insert_with(|| Value::from(KEY_NOTICE));
            }
            if let Some(secret) = o.get("signing_secret").and_then(Value::as_str) {
                client.learn_secret(secret);
            }
        }
        Ok(v)
    }

    /// A 429's `retry_after_seconds`.
    fn retry_after_from_body(&self, body: &[u8], _now_unix: u64) -> Option<Duration> {
        super::errors::body_retry_after(body)
    }
}

/// Path parameters substituted (an E.164 number keeps its literal `+`, as the document writes
/// it), then the query string.
fn path_and_query(op: &Operation, params: &Map<String, Value>) -> String {
    let mut path = op.path.clone();
    let mut query = Vec::new();
    for p in &op.params {
        let Some(v) = params.get(&p.name) else {
            continue;
        };
        match p.location {
            Location::Path => {
                let text = scalar_text(v);
                let encoded = match text.strip_prefix('+') {
                    Some(rest) => format!("+{}", percent_encode(rest)),
                    None => percent_encode(&text),
                };
                path = path.replace(&format!("{{{}}}", p.name), &encoded);
            }
            Location::Query => query.push((p.name.clone(), scalar_text(v))),
            _ => {}
        }
    }
    if !query.is_empty() {
        path.push('?');
        path.push_str(&encode_pairs(&query));
    }
    path
}

/// A raw upload (checked by its signature) or a JSON object of the body fields (`{}` when the
/// operation takes a body but none was given; nothing when it takes none).
fn encode_body(op: &Operation, params: &Map<String, Value>) -> Result<Option<(String, Vec<u8>)>> {
    if let Some(p) = op.params.iter().find(|p| p.location == Location::Raw) {
        let Some(v) = params.get(&p.name) else {
            return Ok(None);
        };
        let max = p.max.map_or(u64::MAX, |m| m.max(0) as u64);
        let f =
            FileParam::read(v, max).map_err(|rule| Error::validation(&op.name, &p.name, &rule))?;
        let kind = match op.name.as_str() {
            "nol.uploadListingLogo" => check_logo(&f.data, f.content_type.as_deref())?,
            _ => check_document(&f.data, f.content_type.as_deref())?,
        };
        return Ok(Some((kind.content_type().to_string(), f.data)));
    }
    if !op.params.iter().any(|p| p.location == Location::Body) {
        return Ok(None);
    }
    let body: Map<String, Value> = op
        .params
        .iter()
        .filter(|p| p.location == Location::Body)
        .filter_map(|p| params.get(&p.name).map(|v| (p.name.clone(), v.clone())))
        .collect();
    let bytes = serde_json::to_vec(&Value::Object(body)).expect("JSON values serialise");
    Ok(Some(("application/json".into(), bytes)))
}
