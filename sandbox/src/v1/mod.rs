//! Phone.com REST API v1 (`/v1`, the document's `https://v1.api.phone.com/`): HTTP Basic auth
//! with the API key and password, the eleven services as stateful collections of objects with
//! UUID `resource_id`s, the `{"response":{"data":...}}` envelope and the
//! `{"response":{"error":{"info","url","code"}}}` error body.
//!
//! | method | path | answer |
//! |---|---|---|
//! | `GET` | `/v1/{service}[?limit&offset&<field>=<value>]` | 200 `data`: the objects, oldest first (`total` beside `data`) |
//! | `POST` | `/v1/{service}` | 201 `data`: `{"resource_id"}` |
//! | `GET` | `/v1/{service}/{resource_id}` | 200 `data`: the object |
//! | `PUT` | `/v1/{service}/{resource_id}` | 200 `data`: `{"resource_id"}` (replaces the object; `/media` merges) |
//! | `DELETE` | `/v1/{service}/{resource_id}` | 200 `data`: `{"resource_id"}` |

pub mod errors;
pub mod fields;
pub mod format;
pub mod media;
pub mod menus;
pub mod resources;
pub mod store;

use crate::clock;
use crate::http::{Request, Response};
use crate::service::Service;
use crate::state::{lock, Shared};
use errors::{invalid, Kind};
use fields::Body;
use serde_json::{json, Value};
use std::sync::Mutex;
use store::{Store, SERVICES};

/// The REST v1 service; its state is created from the seed on first use.
#[derive(Default)]
pub struct V1Service {
    state: Mutex<Option<Store>>,
}

impl Service for V1Service {
    fn prefix(&self) -> &'static str {
        "/v1"
    }

    fn state(&self, shared: &Shared, _: &[(String, String)]) -> Vec<(&'static str, Value)> {
        let mut guard = lock(&self.state);
        let store = guard.get_or_insert_with(|| Store::new(shared.seed));
        vec![("v1", crate::ui::views::v1(store))]
    }

    fn handle(&self, req: &Request, shared: &Shared) -> Response {
        if let Err(r) = authenticate(req, shared) {
            return r;
        }
        if req.body.len() > media::MAX_BYTES {
            return errors::error(
                Kind::TooLarge,
                &format!(
                    "The request body is {} bytes; the maximum size for media files or JSON objects is 20 MB ({} bytes).",
                    req.body.len(),
                    media::MAX_BYTES
                ),
            );
        }
        let mut guard = lock(&self.state);
        let store = guard.get_or_insert_with(|| Store::new(shared.seed));
        route(req, store).unwrap_or_else(|e| e)
    }

    fn fault_error(&self, status: u16, retry_after: Option<u64>) -> Response {
        errors::fault(status, retry_after, None)
    }

    fn fault_error_coded(
        &self,
        status: u16,
        retry_after: Option<u64>,
        code: Option<&str>,
    ) -> Response {
        errors::fault(status, retry_after, code)
    }

    /// A `message=` fault: `response.error` with the status's code and `message` as `info`.
    fn fault_error_message(&self, status: u16, message: &str) -> Response {
        let (code, _) = Kind::for_status(status).code_status();
        Response::json(status, &errors::body(code, message))
    }

    fn reset(&self, shared: &Shared) {
        *lock(&self.state) = Some(Store::new(shared.seed));
    }
}

/// HTTP Basic with the API key as user name and the password.
fn authenticate(req: &Request, shared: &Shared) -> Result<(), Response> {
    let format_error = || {
        errors::error(
            Kind::AuthFormat,
            "Invalid basic authentication format specified.",
        )
    };
    let header = req.header("authorization").ok_or_else(format_error)?;
    let (scheme, rest) = header.trim().split_once(' ').ok_or_else(format_error)?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return Err(format_error());
    }
    let decoded = format::base64_decode(rest)
        .and_then(|b| String::from_utf8(b).ok())
        .ok_or_else(format_error)?;
    let (user, password) = decoded.split_once(':').ok_or_else(format_error)?;
    if user != shared.creds.v1_api_key || password != shared.creds.v1_password {
        return Err(errors::error(
            Kind::AuthFailed,
            "Authentication failed: unknown API key or wrong password.",
        ));
    }
    Ok(())
}

type Reply = Result<Response, Response>;

fn route(req: &Request, store: &mut Store) -> Reply {
    let sub = req.path.strip_prefix("/v1").unwrap_or("").trim_matches('/');
    let segs: Vec<&str> = sub.split('/').filter(|s| !s.is_empty()).collect();
    let unknown = || {
        errors::error(
            Kind::UnknownService,
            &format!(
                "Unknown service; the services are /{}.",
                SERVICES.join(", /")
            ),
        )
    };
    let Some(service) = segs.first().and_then(|s| SERVICES.iter().find(|x| *x == s)) else {
        return Err(unknown());
    };
    match (segs.len(), req.method.as_str()) {
        (1, "GET") => list(req, store, service),
        (1, "POST") => create(req, store, service),
        (1, _) => Err(method_not_allowed("GET, POST")),
        (2, m) => {
            let id = segs[1];
            if !matches!(m, "GET" | "PUT" | "DELETE") {
                return Err(method_not_allowed("GET, PUT, DELETE"));
            }
            if !format::is_uuid(id) {
                return Err(errors::error(
                    Kind::BadResourceId,
                    &format!("`{id}` is not a resource_id (a lower-case UUID)."),
                ));
            }
            match m {
                "GET" => get(store, service, id),
                "PUT" => replace(req, store, service, id),
                _ => delete(store, service, id),
            }
        }
        _ => Err(errors::error(Kind::NotFound, "No such resource.")),
    }
}

fn method_not_allowed(allow: &str) -> Response {
    errors::error(
        Kind::Method,
        &format!("Method not allowed here; allowed: {allow}."),
    )
    .with_header("Allow", allow)
}

fn not_found(service: &str, id: &str) -> Response {
    errors::error(
        Kind::NotFound,
        &format!("No /{service} object has resource_id {id}."),
    )
}

/// A POST/PUT JSON body (`application/json` or `text/json`, a JSON object).
fn json_body(req: &Request) -> Result<Body, Response> {
    let ct = req.content_type();
    if ct != "application/json" && ct != "text/json" {
        return Err(errors::error(
            Kind::ContentType,
            "POST and PUT bodies must be JSON objects with Content-Type application/json or text/json.",
        ));
    }
    match req.json() {
        Some(Value::Object(m)) => Ok(m),
        _ => Err(errors::error(
            Kind::BadJson,
            "The request body must be a valid JSON object.",
        )),
    }
}

fn matches(item: &Value, field: &str, want: &str) -> bool {
    match item.get(field) {
        Some(Value::String(s)) => s == want,
        Some(Value::Number(n)) => n.to_string() == want,
        Some(Value::Array(a)) => a.iter().any(|x| x.as_str() == Some(want)),
        _ => false,
    }
}

fn list(req: &Request, store: &Store, service: &str) -> Reply {
    let (mut limit, mut offset) = (usize::MAX, 0usize);
    let mut filters = Vec::new();
    for (k, v) in &req.query {
        match k.as_str() {
            "limit" => {
                limit = v
                    .parse()
                    .ok()
                    .filter(|n| *n > 0)
                    .ok_or_else(|| invalid("limit", "must be a positive integer"))?
            }
            "offset" => {
                offset = v
                    .parse()
                    .map_err(|_| invalid("offset", "must be a non-negative integer"))?
            }
            _ => filters.push((k.as_str(), v.as_str())),
        }
    }
    let rows: Vec<&Value> = store
        .items(service)
        .iter()
        .filter(|item| filters.iter().all(|(k, v)| matches(item, k, v)))
        .collect();
    let total = rows.len();
    let page: Vec<Value> = rows.into_iter().skip(offset).take(limit).cloned().collect();
    Ok(Response::json(
        200,
        &json!({"response": {"data": page, "total": total}}),
    ))
}

fn create(req: &Request, store: &mut Store, service: &str) -> Reply {
    let now = clock::now();
    let obj = if service == "media" {
        let (body, audio) = media::read(req)?;
        let id = store.new_id();
        media::build(&id, now, body, audio, None)?
    } else {
        let body = json_body(req)?;
        let id = store.new_id();
        resources::build(store, service, &id, now, body, None)?
    };
    let id = obj["resource_id"].as_str().unwrap_or_default().to_string();
    store.insert(service, obj);
    Ok(format::resource_ref(201, &id))
}

fn get(store: &Store, service: &str, id: &str) -> Reply {
    match store.get(service, id) {
        Some(v) => Ok(format::data(200, v.clone())),
        None => Err(not_found(service, id)),
    }
}

fn replace(req: &Request, store: &mut Store, service: &str, id: &str) -> Reply {
    let old = store
        .get(service, id)
        .cloned()
        .ok_or_else(|| not_found(service, id))?;
    let now = clock::now();
    let obj = if service == "media" {
        let (body, audio) = media::read(req)?;
        media::build(id, now, body, audio, Some(&old))?
    } else {
        let body = json_body(req)?;
        resources::build(store, service, id, now, body, Some(&old))?
    };
    store.replace(service, obj);
    Ok(format::resource_ref(200, id))
}

fn delete(store: &mut Store, service: &str, id: &str) -> Reply {
    store
        .remove(service, id)
        .ok_or_else(|| not_found(service, id))?;
    Ok(format::resource_ref(200, id))
}
