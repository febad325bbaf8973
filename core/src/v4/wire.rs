//! v4 on the wire: Bearer auth, path/query/JSON/multipart encoding and the redirect of the
//! authorization endpoint; the JSON results and the `{"@error": {...}}` / OAuth-style error
//! bodies are read by [`crate::json_response`], shared with the `oauth` family.

use crate::catalog::{Auth, Location, Operation, ParamType};
use crate::client::Client;
use crate::encode::{
    encode_pairs, multipart, percent_encode, scalar_text, FileParam, MultipartPart,
};
use crate::error::{Error, ErrorKind, Result};
use crate::json_response::{body_retry_after, decode_json};
use crate::transport::{HttpRequest, HttpResponse};
use crate::wire::Wire;
use serde_json::{Map, Value};
use std::time::Duration;

pub(crate) struct V4Wire;

impl Wire for V4Wire {
    fn build(
        &self,
        client: &Client,
        op: &Operation,
        params: &Map<String, Value>,
    ) -> Result<HttpRequest> {
        let cfg = &client.config().v4;
        let mut headers = vec![("Accept".to_string(), "application/json".to_string())];
        match &cfg.token {
            Some(t) if !t.is_empty() => {
                headers.push(("Authorization".into(), format!("Bearer {}", t.expose())))
            }
            _ if op.auth != Auth::Required => {}
            _ => {
                return Err(Error::new(
                    ErrorKind::Authentication,
                    "v4.token is not configured (set it in the config or PHONECOM_V4_TOKEN)",
                ))
            }
        }
        let url = format!(
            "{}{}",
            cfg.base_url.trim_end_matches('/'),
            path_and_query(op, params)?
        );
        let body = encode_body(op, params)?;
        Ok(HttpRequest {
            method: op.method.clone(),
            url,
            headers,
            body,
            idempotent: op.is_idempotent(),
        })
    }

    fn decode(&self, _client: &Client, op: &Operation, resp: &HttpResponse) -> Result<Value> {
        if op.redirects && (300..400).contains(&resp.status) {
            if let Some(location) = resp.header("location") {
                // The authorization endpoint's documented answer is a 302 carrying the result.
                return Ok(serde_json::json!({"status": resp.status, "location": location}));
            }
        }
        decode_json(resp)
    }

    fn retry_after_from_body(&self, body: &[u8], now_unix: u64) -> Option<Duration> {
        body_retry_after(body, now_unix)
    }
}

/// The path with its parameters substituted, and the query string.
pub(crate) fn path_and_query(op: &Operation, params: &Map<String, Value>) -> Result<String> {
    let mut path = op.path.clone();
    let mut query: Vec<(String, String)> = Vec::new();
    for p in &op.params {
        let Some(v) = params.get(&p.name) else {
            continue;
        };
        match p.location {
            Location::Path => {
                let s = scalar_text(v);
                if s.is_empty() {
                    return Err(Error::validation(
                        &op.name,
                        &p.name,
                        "must not be empty (it is part of the path)",
                    ));
                }
                path = path.replace(&format!("{{{}}}", p.name), &percent_encode(&s));
            }
            Location::Query => match p.ty {
                ParamType::Filters => {
                    for (field, cond) in v.as_object().into_iter().flatten() {
                        match cond {
                            Value::Array(list) => {
                                for c in list {
                                    query.push((format!("filters[{field}][]"), scalar_text(c)));
                                }
                            }
                            c => query.push((format!("filters[{field}]"), scalar_text(c))),
                        }
                    }
                }
                ParamType::Sort => {
                    for (field, dir) in v.as_object().into_iter().flatten() {
                        query.push((format!("sort[{field}]"), scalar_text(dir)));
                    }
                }
                // An array query parameter without `collectionFormat` is `csv` in Swagger 2
                // (`group_by=npa,city`); only filters are documented as `multi`.
                _ => match v {
                    Value::Array(list) => query.push((
                        p.name.clone(),
                        list.iter().map(scalar_text).collect::<Vec<_>>().join(","),
                    )),
                    _ => query.push((p.name.clone(), scalar_text(v))),
                },
            },
            _ => {}
        }
    }
    if !query.is_empty() {
        path.push('?');
        path.push_str(&encode_pairs(&query));
    }
    Ok(path)
}

/// A JSON body of the body parameters, or a multipart body of the form parameters.
pub(crate) fn encode_body(
    op: &Operation,
    params: &Map<String, Value>,
) -> Result<Option<(String, Vec<u8>)>> {
    let has = |loc: Location| op.params.iter().any(|p| p.location == loc);
    if has(Location::Form) {
        let mut parts = Vec::new();
        for p in op.params.iter().filter(|p| p.location == Location::Form) {
            let Some(v) = params.get(&p.name) else {
                continue;
            };
            parts.push(if p.ty == ParamType::File {
                file_part(&op.name, &p.name, v)?
            } else {
                MultipartPart {
                    name: p.name.clone(),
                    filename: None,
                    content_type: None,
                    data: match v {
                        Value::String(s) => s.clone().into_bytes(),
                        other => other.to_string().into_bytes(),
                    },
                }
            });
        }
        let (ct, bytes) = multipart(&parts);
        return Ok(Some((ct, bytes)));
    }
    if has(Location::Body) {
        let body: Map<String, Value> = op
            .params
            .iter()
            .filter(|p| p.location == Location::Body)
            .filter_map(|p| params.get(&p.name).map(|v| (p.name.clone(), v.clone())))
            .collect();
        let bytes = serde_json::to_vec(&Value::Object(body)).expect("JSON values serialise");
        return Ok(Some(("application/json".into(), bytes)));
    }
    Ok(None)
}

/// v4 accepts media files up to 10 MB (the swagger's note on POST /media/files).
const V4_MAX_FILE: u64 = 10 * 1024 * 1024;

fn file_part(op: &str, name: &str, v: &Value) -> Result<MultipartPart> {
    let file =
        FileParam::read(v, V4_MAX_FILE).map_err(|rule| Error::validation(op, name, &rule))?;
    Ok(MultipartPart {
        name: name.to_string(),
        filename: file.filename.or(Some("upload".into())),
        content_type: Some(
            file.content_type
                .unwrap_or_else(|| "application/octet-stream".into()),
        ),
        data: file.data,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn query_encoding_of_filters_and_sort() {
        let op = crate::catalog()
            .get("v4.list-available-phone-numbers")
            .unwrap();
        let params = json!({"filters": {"npa": "eq:858", "price": ["gte:1", "lt:149"]}, "sort": {"price": "asc"}, "limit": 10});
        let pq = path_and_query(op, params.as_object().unwrap()).unwrap();
        assert_eq!(
            pq,
            "/phone-numbers/available?limit=10&filters[npa]=eq%3A858&filters[price][]=gte%3A1&filters[price][]=lt%3A149&sort[price]=asc"
        );
    }

    #[test]
    fn path_parameters_are_encoded() {
        let op = crate::catalog()
            .get("v4.get-account-subaccount-pricing")
            .unwrap();
        let params = json!({"account_id": 12, "subaccount_id": 34, "pricing_id": 56});
        assert_eq!(
            path_and_query(op, params.as_object().unwrap()).unwrap(),
            "/accounts/12/subaccounts/34/pricing/56"
        );
    }
}
