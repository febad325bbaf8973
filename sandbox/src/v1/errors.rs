//! REST v1 errors: `{"response":{"error":{"info","url","code"}}}`.
//!
//! The document shows one code (10003, "Invalid basic authentication format specified.") and
//! the URL pattern of the error reference; the other codes are the sandbox's, one per failure,
//! all under the same URL pattern. Validation errors add `field` (the JSON path of the field at
//! fault) next to the three documented keys.

use crate::http::Response;
use serde_json::{json, Value};

/// One kind of v1 failure: its code and HTTP status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// 500 (and other 5xx faults).
    Internal,
    /// 400: the body is not a JSON object.
    BadJson,
    /// 415: POST/PUT body that is not `application/json` or `text/json` (or an upload).
    ContentType,
    /// 401: no `Authorization: Basic ...`, or not decodable (the document's example).
    AuthFormat,
    /// 401: unknown API key or wrong password.
    AuthFailed,
    /// 404: no such service.
    UnknownService,
    /// 405: the service does not take this method on this path.
    Method,
    /// 404: no object with this resource_id.
    NotFound,
    /// 400: the resource_id in the path is not a UUID.
    BadResourceId,
    /// 400: a field has a wrong value.
    Invalid,
    /// 400: a required field is missing.
    Missing,
    /// 413: body above 20 MB.
    TooLarge,
    /// 415: an audio type `/media` does not take.
    AudioType,
    /// 400: the file's extension (or bytes) do not match its MIME type.
    AudioMismatch,
    /// 409: a unique value is taken (extension numbers).
    Conflict,
    /// 429: too many requests (faults).
    RateLimited,
    /// 403: forbidden (faults).
    Forbidden,
}

impl Kind {
    /// `(code, status)`.
    pub fn code_status(self) -> (u32, u16) {
        match self {
            Kind::Internal => (10000, 500),
            Kind::BadJson => (10001, 400),
            Kind::ContentType => (10002, 415),
            Kind::AuthFormat => (10003, 401),
            Kind::AuthFailed => (10004, 401),
            Kind::UnknownService => (10005, 404),
            Kind::Method => (10006, 405),
            Kind::NotFound => (10007, 404),
            Kind::BadResourceId => (10008, 400),
            Kind::Invalid => (10009, 400),
            Kind::Missing => (10010, 400),
            Kind::TooLarge => (10011, 413),
            Kind::AudioType => (10012, 415),
            Kind::AudioMismatch => (10013, 400),
            Kind::Conflict => (10014, 409),
            Kind::RateLimited => (10015, 429),
            Kind::Forbidden => (10016, 403),
        }
    }

    /// The kind a bare status maps to (faults).
    pub fn for_status(status: u16) -> Kind {
        match status {
            400 => Kind::Invalid,
            401 => Kind::AuthFailed,
            403 => Kind::Forbidden,
            404 => Kind::NotFound,
            405 => Kind::Method,
            409 => Kind::Conflict,
            413 => Kind::TooLarge,
            415 => Kind::ContentType,
            429 => Kind::RateLimited,
            _ => Kind::Internal,
        }
    }
}

/// The documented reference URL of `code`.
pub fn url(code: u32) -> String {
    format!("https://docs.phone.com/refguides/errorref/generalerrors.html#error-code-{code}")
}

/// The error body.
pub fn body(code: u32, info: &str) -> Value {
    json!({"response": {"error": {"info": info, "url": url(code), "code": code}}})
}

/// An error response of `kind`.
pub fn error(kind: Kind, info: &str) -> Response {
    let (code, status) = kind.code_status();
    Response::json(status, &body(code, info))
}

/// An error about one field (`field` is its JSON path, e.g. `digits[0].digit`).
pub fn field(kind: Kind, field: &str, info: &str) -> Response {
    let (code, status) = kind.code_status();
    let mut b = body(code, info);
    b["response"]["error"]["field"] = json!(field);
    Response::json(status, &b)
}

/// 400 about a wrong value of `name`.
pub fn invalid(name: &str, rule: &str) -> Response {
    field(
        Kind::Invalid,
        name,
        &format!("Invalid value for '{name}': {rule}."),
    )
}

/// 400 about a missing `name`.
pub fn missing(name: &str) -> Response {
    field(
        Kind::Missing,
        name,
        &format!("Missing required field '{name}'."),
    )
}

/// The answer to a `status=` fault; `code` (digits) overrides the status's code.
pub fn fault(status: u16, retry_after: Option<u64>, code: Option<&str>) -> Response {
    let kind = Kind::for_status(status);
    let code = code
        .and_then(|c| c.parse::<u32>().ok())
        .unwrap_or(kind.code_status().0);
    let resp = Response::json(status, &body(code, crate::http::reason(status)));
    match retry_after.or((status == 429).then_some(1)) {
        Some(s) => resp.with_header("Retry-After", s.to_string()),
        None => resp,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documents_envelope() {
        let r = error(
            Kind::AuthFormat,
            "Invalid basic authentication format specified.",
        );
        assert_eq!(r.status, 401);
        let v: Value = serde_json::from_slice(&r.body).unwrap();
        assert_eq!(v["response"]["error"]["code"], 10003);
        assert_eq!(
            v["response"]["error"]["url"],
            "https://docs.phone.com/refguides/errorref/generalerrors.html#error-code-10003"
        );
        let f = fault(429, None, None);
        assert_eq!(f.header("Retry-After"), Some("1"));
        let v: Value = serde_json::from_slice(&fault(503, None, Some("10099")).body).unwrap();
        assert_eq!(v["response"]["error"]["code"], 10099);
    }
}
