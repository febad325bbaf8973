//! REST v1 on the wire: HTTP Basic auth (API key and password), JSON bodies with `Y`/`N` flags,
//! multipart `/media` uploads, the `{"response": {"data": ...}}` envelope and the
//! `{"response": {"error": {"info", "url", "code"}}}` error body.

use super::catalog::MAX_BODY_BYTES;
use super::fields::check_body_fields;
use super::format::{check_dates, normalize_result, to_wire};
use super::media::check_media_upload;
use crate::catalog::{Location, Operation, ParamType};
use crate::client::Client;
use crate::encode::{
    base64_encode, encode_pairs, multipart, percent_encode, scalar_text, FileParam, MultipartPart,
};
use crate::error::{Error, ErrorKind, Result};
use crate::retry;
use crate::transport::{HttpRequest, HttpResponse};
use crate::wire::Wire;
use serde_json::{Map, Value};

pub(crate) struct V1Wire;

impl Wire for V1Wire {
    fn build(
        &self,
        client: &Client,
        op: &Operation,
        params: &Map<String, Value>,
    ) -> Result<HttpRequest> {
        let cfg = &client.config().v1;
        let (key, password) = match (&cfg.api_key, &cfg.password) {
            (Some(k), Some(p)) if !k.is_empty() && !p.is_empty() => (k, p),
            _ => {
                return Err(Error::new(
                    ErrorKind::Authentication,
                    "v1.api_key and v1.password are not configured (set them in the config or PHONECOM_V1_API_KEY and PHONECOM_V1_PASSWORD)",
                ))
            }
        };
        let credentials =
            base64_encode(format!("{}:{}", key.expose(), password.expose()).as_bytes());
        // The encoded pair is masked like its parts: `Config::secret_values` registers it.
        let headers = vec![
            ("Accept".to_string(), "application/json".to_string()),
            ("Authorization".to_string(), format!("Basic {credentials}")),
        ];
        let url = format!(
            "{}{}",
            cfg.base_url.trim_end_matches('/'),
            path_and_query(op, params)?
        );
        Ok(HttpRequest {
            method: op.method.clone(),
            url,
            headers,
            body: encode_body(op, params)?,
            idempotent: op.is_idempotent(),
        })
    }

    fn decode(&self, _client: &Client, op: &Operation, resp: &HttpResponse) -> Result<Value> {
        decode_response(op, resp)
    }
}

/// The path with `resource_id` substituted and the `query` parameter as a query string.
fn path_and_query(op: &Operation, params: &Map<String, Value>) -> Result<String> {
    let mut path = op.path.clone();
    let mut query: Vec<(String, String)> = Vec::new();
    for p in &op.params {
        let Some(v) = params.get(&p.name) else {
            continue;
        };
        match p.location {
            Location::Path => {
                path = path.replace(&format!("{{{}}}", p.name), &percent_encode(&scalar_text(v)));
            }
            Location::Query => {
                for (k, x) in v.as_object().into_iter().flatten() {
                    let items: Vec<&Value> = match x {
                        Value::Array(a) => a.iter().collect(),
                        other => vec![other],
                    };
                    for item in items {
                        let text = match item {
                            Value::Bool(b) => crate::types::yn::to_wire(*b).to_string(),
                            Value::Array(_) | Value::Object(_) => {
                                return Err(Error::validation(
                                    &op.name,
                                    &format!("{}.{k}", p.name),
                                    "must be a scalar or an array of scalars",
                                ))
                            }
                            other => scalar_text(other),
                        };
                        query.push((k.clone(), text));
                    }
                }
            }
            _ => {}
        }
    }
    if !query.is_empty() {
        path.push('?');
        path.push_str(&encode_pairs(&query));
    }
    Ok(path)
}

/// The JSON body (the `body` object and the declared body fields merged, flags as `Y`/`N`), or
/// for a `/media` upload a multipart body with the checked file.
fn encode_body(op: &Operation, params: &Map<String, Value>) -> Result<Option<(String, Vec<u8>)>> {
    let mut fields = Map::new();
    if let Some(b @ Value::Object(_)) = params.get("body") {
        // The free-form body gets the checks declared fields get: dates, and the service's
        // phone numbers (normalised) and UUID references (see `fields.rs`).
        let mut b = b.clone();
        let service = op.tag.as_deref().unwrap_or_default();
        let mut problems = check_body_fields(service, &mut b);
        problems.extend(check_dates("body", &b));
        if !problems.is_empty() {
            return Err(Error::invalid_fields(&op.name, problems));
        }
        if let Value::Object(o) = b {
            fields.extend(o);
        }
    }
    for p in op
        .params
        .iter()
        .filter(|p| p.location == Location::Body && p.name != "body")
    {
        if let Some(v) = params.get(&p.name) {
            fields.insert(p.name.clone(), v.clone());
        }
    }
    let mut fields = Value::Object(fields);
    to_wire(&mut fields);
    let file = op
        .params
        .iter()
        .find(|p| p.ty == ParamType::File)
        .and_then(|p| params.get(&p.name).map(|v| (p, v)));
    if let Some((p, v)) = file {
        let f = FileParam::read(v, MAX_BODY_BYTES)
            .map_err(|rule| Error::validation(&op.name, &p.name, &rule))?;
        let filename = f.filename.clone().unwrap_or_default();
        let checked = check_media_upload(&filename, f.content_type.as_deref(), &f.data)
            .map_err(|e| Error::validation(&op.name, &p.name, &e.fields()[0].message))?;
        let mut parts = vec![MultipartPart {
            name: p.name.clone(),
            filename: Some(filename),
            content_type: Some(checked.content_type),
            data: f.data,
        }];
        for (k, v) in fields.as_object().into_iter().flatten() {
            parts.push(MultipartPart {
                name: k.clone(),
                filename: None,
                content_type: None,
                data: scalar_text(v).into_bytes(),
            });
        }
        return Ok(Some(multipart(&parts)));
    }
    if !op.params.iter().any(|p| p.location == Location::Body) {
        return Ok(None);
    }
    let bytes = serde_json::to_vec(&fields).expect("JSON values serialise");
    if bytes.len() as u64 > MAX_BODY_BYTES {
        // The document's limit on JSON objects (a media file's own limit is checked above).
        return Err(Error::validation(
            &op.name,
            "body",
            &format!(
                "is {} bytes of JSON; REST v1 accepts at most 20 MB per object, read as {MAX_BODY_BYTES} bytes (20 x 1000 x 1000)",
                bytes.len()
            ),
        ));
    }
    Ok(Some(("application/json".into(), bytes)))
}

/// Marks the list walker's copy of a `v1.<service>.list` operation (in `returns`, which the
/// catalog leaves empty for v1): its result is the page, `{"items": [...], "total": n}`, with the
/// paging information the plain call's result (the rows alone) has no room for.
pub(crate) const PAGE_RESULT: &str = "v1 page";

/// A list page: the rows of `data` (normalised) and `total`, found beside `data` (as the
/// sandbox sends it) or inside an object `data` (`{"menus": [...], "total": n}`); `null` when
/// the service sent none.
fn page_result(op: &Operation, response: &Value) -> Result<Value> {
    if response.get("data").is_none() && response.get("error").is_some_and(Value::is_object) {
        return Err(Error::new(
            ErrorKind::Server,
            "list page holds an error envelope and no data",
        )
        .with_operation(&op.name));
    }
    let data = normalize_result(response.get("data").cloned().unwrap_or(Value::Null));
    let number = |v: Option<&Value>| match v {
        Some(Value::Number(n)) => n.as_u64(),
        Some(Value::String(s)) => s.trim().parse().ok(),
        _ => None,
    };
    let total = number(response.get("total")).or_else(|| number(data.get("total")));
    let items = super::api::rows(&op.name, data)?;
    Ok(serde_json::json!({"items": items, "total": total}))
}

/// A v1 response: `response.data` (normalised) on success, the mapped error otherwise.
pub(crate) fn decode_response(op: &Operation, resp: &HttpResponse) -> Result<Value> {
    if !(200..300).contains(&resp.status) {
        return Err(error_from_response(resp));
    }
    if resp.body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Value::Null);
    }
    let body: Value = serde_json::from_slice(&resp.body).map_err(|e| {
        Error::decode(format!("response is not valid JSON ({e})"), &resp.body)
            .with_status(resp.status)
            .with_operation(&op.name)
    })?;
    let Some(response) = body.get("response").filter(|r| r.is_object()) else {
        // Not the documented envelope: hand back the whole body rather than lose it.
        return Ok(normalize_result(body));
    };
    if op.returns.as_deref() == Some(PAGE_RESULT) {
        return page_result(op, response);
    }
    if let Some(data) = response.get("data") {
        return Ok(normalize_result(data.clone()));
    }
    if response.get("error").is_some_and(Value::is_object) {
        // A success status with an error envelope and no data: the envelope wins.
        return Err(error_from_response(resp).with_kind(ErrorKind::Server));
    }
    Ok(normalize_result(response.clone()))
}

/// Map a v1 error response: `{"response": {"error": {"info", "url", "code"}}}` gives the
/// upstream message, the reference URL and the code; the status gives the kind.
pub(crate) fn error_from_response(resp: &HttpResponse) -> Error {
    let status = resp.status;
    let parsed: Option<Value> = serde_json::from_slice(&resp.body).ok();
    let envelope = parsed
        .as_ref()
        .and_then(|b| b.get("response"))
        .and_then(|r| r.get("error"))
        .filter(|e| e.is_object());
    let (message, code, url) = match envelope {
        Some(e) => {
            let text = |k: &str| e.get(k).filter(|v| !v.is_null()).map(scalar_text);
            (
                text("info").unwrap_or_else(|| format!("HTTP {status}")),
                text("code"),
                text("url"),
            )
        }
        None => (
            format!("HTTP {status} with an unrecognised body"),
            None,
            None,
        ),
    };
    let kind = ErrorKind::from_status(status);
    let mut err = Error::new(kind, message.clone())
        .with_status(status)
        .with_upstream(code, envelope.map(|_| message.clone()))
        .with_doc_url(url)
        .with_retry_after(resp.retry_after())
        .with_retryable(retry::is_retryable_status(status))
        .with_request_id(Some(resp.request_id.clone()))
        .with_attempts(resp.attempts);
    match envelope.and_then(Value::as_object) {
        None => err = err.with_raw_body(&resp.body),
        Some(e) => {
            // Beyond the documented three keys an upstream may name the field at fault
            // (`field`, a JSON path such as `digits[0].digit`); keep it, and anything else.
            if let Some(field) = e.get("field").and_then(Value::as_str) {
                err = err.with_fields(vec![crate::error::FieldError {
                    field: field.to_string(),
                    message: message.clone(),
                }]);
            }
            let extra: Map<String, Value> = e
                .iter()
                .filter(|(k, _)| !matches!(k.as_str(), "info" | "url" | "code" | "field"))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            if !extra.is_empty() {
                err = err.with_details(extra);
            }
        }
    }
    err
}
