//! A minimal HTTP/1.1 layer on `std::io`: request parsing, response writing, URL and
//! form decoding, multipart bodies. No external HTTP crate, so the server keeps raw control
//! of the socket (the fault injector needs it).

pub mod multipart;
pub mod parse;
pub mod url;
pub mod write;

use serde_json::Value;

/// One parsed request.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// Upper-case method, e.g. `GET`.
    pub method: String,
    /// The decoded path without the query string, e.g. `/v4/accounts/1000001`.
    pub path: String,
    /// Decoded query pairs in order (`+` is a space).
    pub query: Vec<(String, String)>,
    /// `HTTP/1.1` or `HTTP/1.0`.
    pub version: String,
    /// Headers in order, names as sent.
    pub headers: Vec<(String, String)>,
    /// The body (de-chunked).
    pub body: Vec<u8>,
    /// The peer's IP address, when known.
    pub remote_ip: String,
}

impl Request {
    /// The first header named `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The first query parameter named `name`.
    pub fn query_param(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Whether the connection should close after this exchange.
    pub fn wants_close(&self) -> bool {
        let conn = self.header("connection").unwrap_or("").to_ascii_lowercase();
        conn.contains("close") || (self.version == "HTTP/1.0" && !conn.contains("keep-alive"))
    }

    /// The media type of the body, lower-cased, without parameters.
    pub fn content_type(&self) -> String {
        let ct = self.header("content-type").unwrap_or("");
        ct.split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase()
    }

    /// The body as JSON, if it is JSON.
    pub fn json(&self) -> Option<Value> {
        serde_json::from_slice(&self.body).ok()
    }

    /// The body as `application/x-www-form-urlencoded` pairs.
    pub fn form(&self) -> Vec<(String, String)> {
        url::parse_query(&String::from_utf8_lossy(&self.body))
    }

    /// The body as a JSON object whatever its encoding: JSON, form or multipart (file parts
    /// become `{"filename","size","content_type"}`). `None` for an empty body; `Err` if the
    /// body cannot be read as an object.
    pub fn fields(&self) -> Result<Option<serde_json::Map<String, Value>>, String> {
        if self.body.iter().all(u8::is_ascii_whitespace) {
            return Ok(None);
        }
        let ct = self.content_type();
        if ct == "application/x-www-form-urlencoded" {
            let m = self
                .form()
                .into_iter()
                .map(|(k, v)| (k, Value::String(v)))
                .collect();
            return Ok(Some(m));
        }
        if ct == "multipart/form-data" {
            let parts = multipart::parse(self.header("content-type").unwrap_or(""), &self.body)?;
            return Ok(Some(multipart::to_fields(&parts)));
        }
        match serde_json::from_slice::<Value>(&self.body) {
            Ok(Value::Object(m)) => Ok(Some(m)),
            Ok(_) => Err("the body must be a JSON object".into()),
            Err(e) => Err(format!("the body is not valid JSON: {e}")),
        }
    }
}

/// A response to write.
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    /// Status code.
    pub status: u16,
    /// Headers other than `Content-Length` and `Connection`, which the writer adds.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl Response {
    /// A JSON response.
    pub fn json(status: u16, body: &Value) -> Response {
        let bytes = serde_json::to_vec(body).unwrap_or_default();
        Response::bytes(status, "application/json", bytes)
    }

    /// A response with a body of the given media type.
    pub fn bytes(status: u16, content_type: &str, body: Vec<u8>) -> Response {
        Response {
            status,
            headers: vec![("Content-Type".into(), content_type.into())],
            body,
        }
    }

    /// A response without a body (e.g. 204).
    pub fn empty(status: u16) -> Response {
        Response {
            status,
            headers: Vec::new(),
            body: Vec::new(),
        }
    }

    /// Adds a header.
    pub fn with_header(mut self, name: &str, value: impl Into<String>) -> Response {
        self.headers.push((name.to_string(), value.into()));
        self
    }

    /// The first header named `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// The standard reason phrase of `status`.
pub fn reason(status: u16) -> &'static str {
    match status {
        100 => "Continue",
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        302 => "Found",
        400 => "Bad Request",
        401 => "Unauthorized",
        402 => "Payment Required",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        409 => "Conflict",
        413 => "Payload Too Large",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Entity",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Unknown",
    }
}
