//! The request log behind `GET /_sandbox/requests`, with secrets masked.

use crate::http::{multipart, Request};
use crate::ring::Ring;
use serde_json::{json, Map, Value};

/// Field names (query parameters, JSON or form body fields, at any depth) whose values are masked.
pub const SECRET_FIELDS: &[&str] = &[
    "password",
    "token",
    "access_token",
    "refresh_token",
    "client_secret",
    "api_key",
    "newPassword",
    "secret",
    "cc_token",
    "code",
    "signing_secret",
    "ein",
];

/// Most entries kept; older ones are dropped.
pub const CAPACITY: usize = crate::ring::HISTORY;
/// Most bytes of requests kept (heads and recorded bodies); older entries are dropped.
pub const BUDGET: usize = 64 << 20;
/// A longer body is recorded as `"<N bytes>"`.
pub const RECORDED_BODY_MAX: usize = 64 * 1024;

/// Whether a field named `name` holds a secret.
pub fn is_secret(name: &str) -> bool {
    SECRET_FIELDS.iter().any(|s| s.eq_ignore_ascii_case(name))
}

/// Masks a header value: `Authorization: Bearer x` -> `Bearer ***`, `X-API-Key: x` -> `***`.
pub fn mask_header(name: &str, value: &str) -> String {
    let n = name.to_ascii_lowercase();
    if n == "authorization" || n == "proxy-authorization" {
        match value.split_once(' ') {
            Some((scheme, _)) => format!("{scheme} ***"),
            None => "***".into(),
        }
    } else if n == "x-api-key" || n == "cookie" || is_secret(&n) {
        "***".into()
    } else {
        value.to_string()
    }
}

/// Masks secret fields anywhere inside a JSON value.
pub fn mask_json(v: &mut Value) {
    match v {
        Value::Object(m) => {
            for (k, val) in m.iter_mut() {
                if is_secret(k) && !val.is_null() {
                    *val = Value::String("***".into());
                } else {
                    mask_json(val);
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(mask_json),
        _ => {}
    }
}

/// Replaces every occurrence of each of `secrets` inside the strings of `v` with `***`: the
/// last line of defence for values that are not under a secret field name (an `echo` fault's
/// message, a token pasted into a contact's note).
///
/// ```
/// let mut v = serde_json::json!({"note": "key sbx_v4_abc here", "n": ["sbx_v4_abc"]});
/// phonecom_sandbox::record::scrub(&mut v, &["sbx_v4_abc".to_string()]);
/// assert_eq!(v, serde_json::json!({"note": "key *** here", "n": ["***"]}));
/// ```
pub fn scrub(v: &mut Value, secrets: &[String]) {
    match v {
        Value::String(s) => {
            for secret in secrets.iter().filter(|x| !x.is_empty()) {
                if s.contains(secret.as_str()) {
                    *s = s.replace(secret.as_str(), "***");
                }
            }
        }
        Value::Object(m) => m.values_mut().for_each(|x| scrub(x, secrets)),
        Value::Array(a) => a.iter_mut().for_each(|x| scrub(x, secrets)),
        _ => {}
    }
}

fn looks_like_form(text: &str) -> bool {
    !text.is_empty()
        && text
            .split('&')
            .all(|p| p.contains('=') && !p.contains(char::is_whitespace))
}

fn pairs_to_object(pairs: Vec<(String, String)>) -> Value {
    let mut m = Map::new();
    for (k, v) in pairs {
        match m.get_mut(&k) {
            Some(Value::Array(a)) => a.push(Value::String(v)),
            Some(old) => *old = json!([old.clone(), v]),
            None => {
                m.insert(k, Value::String(v));
            }
        }
    }
    Value::Object(m)
}

/// The body as recorded: JSON as JSON, forms and multipart as objects, other text as a
/// string, binary (and audio, image, PDF or octet-stream bodies, and any body longer than
/// [`RECORDED_BODY_MAX`]) as `"<N bytes>"`, empty as null. Secrets masked.
pub fn body_value(req: &Request) -> Value {
    masked_body(req.header("content-type").unwrap_or(""), &req.body)
}

/// A response as recorded: `{"status","headers","body"}`, the body as [`body_value`] records
/// a request's (XML elements named like a secret field masked too).
///
/// ```
/// use phonecom_sandbox::{http::Response, record::response_value};
///
/// let r = Response::json(201, &serde_json::json!({"access_token": "t", "expires_in": 60}));
/// let v = response_value(&r);
/// assert_eq!(v["status"], 201);
/// assert_eq!(v["body"]["access_token"], "***");
/// ```
pub fn response_value(resp: &crate::http::Response) -> Value {
    let mut headers = Map::new();
    for (k, v) in &resp.headers {
        let k = k.to_ascii_lowercase();
        headers.insert(k.clone(), Value::String(mask_header(&k, v)));
    }
    let ct = resp.header("content-type").unwrap_or("");
    let mut body = masked_body(ct, &resp.body);
    if let Value::String(text) = &mut body {
        if ct.contains("xml") {
            *text = mask_xml(text);
        }
    }
    json!({"status": resp.status, "headers": headers, "body": body})
}

/// `<password>x</password>` -> `<password>***</password>`, for every secret field name.
fn mask_xml(text: &str) -> String {
    let mut out = text.to_string();
    for name in SECRET_FIELDS {
        let (open, close) = (format!("<{name}>"), format!("</{name}>"));
        let mut from = 0;
        while let Some(start) = out[from..].find(&open).map(|i| from + i + open.len()) {
            let Some(len) = out[start..].find(&close) else {
                break;
            };
            out.replace_range(start..start + len, "***");
            from = start + 3 + close.len();
        }
    }
    out
}

/// A body of content type `content_type` as recorded (see [`body_value`]).
fn masked_body(content_type: &str, body: &[u8]) -> Value {
    if body.is_empty() {
        return Value::Null;
    }
    if body.len() > RECORDED_BODY_MAX {
        return Value::String(format!("<{} bytes>", body.len()));
    }
    let ct = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let binary = [
        "audio/",
        "image/",
        "video/",
        "application/octet-stream",
        "application/pdf",
    ]
    .iter()
    .any(|p| ct.starts_with(p));
    let mut v = if binary {
        Value::String(format!("<{} bytes>", body.len()))
    } else if let Ok(v) = serde_json::from_slice::<Value>(body) {
        v
    } else if ct == "multipart/form-data" {
        match multipart::parse(content_type, body) {
            Ok(parts) => Value::Object(multipart::to_fields(&parts)),
            Err(_) => Value::String(format!("<{} bytes>", body.len())),
        }
    } else {
        match std::str::from_utf8(body) {
            Ok(t) if ct == "application/x-www-form-urlencoded" || looks_like_form(t.trim()) => {
                pairs_to_object(crate::http::url::parse_query(t.trim()))
            }
            Ok(t) => Value::String(t.to_string()),
            Err(_) => Value::String(format!("<{} bytes>", body.len())),
        }
    };
    mask_json(&mut v);
    v
}

/// One recorded request.
fn entry(seq: u64, req: &Request, fault: Option<&str>, family: Option<&str>) -> Value {
    let mut headers = Map::new();
    for (k, v) in &req.headers {
        let k = k.to_ascii_lowercase();
        let v = mask_header(&k, v);
        let joined = match headers.get(&k).and_then(Value::as_str) {
            Some(old) => format!("{old}, {v}"),
            None => v,
        };
        headers.insert(k, Value::String(joined));
    }
    let mut query = pairs_to_object(req.query.clone());
    mask_json(&mut query);
    json!({
        "seq": seq, "time": crate::console::wall_time(), "family": family,
        "method": req.method, "path": req.path, "query": query, "headers": headers,
        "body": body_value(req), "fault": fault, "status": null, "ms": null, "response": null,
    })
}

/// What an entry of `req` costs, roughly: its head and the recorded part of its body.
fn size(req: &Request) -> usize {
    let pairs =
        |v: &[(String, String)]| -> usize { v.iter().map(|(k, v)| k.len() + v.len() + 4).sum() };
    let (query, headers): (usize, usize) = (pairs(&req.query), pairs(&req.headers));
    128 + req.path.len() + query + headers + req.body.len().min(RECORDED_BODY_MAX)
}

/// Every non-admin request, in arrival order: the newest [`CAPACITY`] within [`BUDGET`] bytes.
#[derive(Debug)]
pub struct RequestLog {
    last_seq: u64,
    entries: Ring<Value>,
    secrets: Vec<String>,
}

impl Default for RequestLog {
    fn default() -> Self {
        RequestLog::with_secrets(Vec::new())
    }
}

impl RequestLog {
    /// An empty log that also scrubs these values wherever they appear ([`scrub`]).
    pub fn with_secrets(secrets: Vec<String>) -> RequestLog {
        RequestLog {
            last_seq: 0,
            entries: Ring::new(CAPACITY, BUDGET),
            secrets,
        }
    }

    /// Records `req` (masked), sent to `family` (`v4`, `xml` ...; `None` when no family serves
    /// the path) with `fault` applied, and returns its sequence number (1, 2, ...).
    pub fn record(&mut self, req: &Request, fault: Option<&str>, family: Option<&str>) -> u64 {
        self.last_seq += 1;
        let mut e = entry(self.last_seq, req, fault, family);
        scrub(&mut e, &self.secrets);
        self.entries.push(e, size(req));
        self.last_seq
    }

    /// Entries held now (at most [`CAPACITY`]).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the log holds nothing.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Sets the status the request was answered with (stays null when no response was sent).
    pub fn set_status(&mut self, seq: u64, status: Option<u16>) {
        if let Some(e) = self.entries.iter_mut().rev().find(|e| e["seq"] == seq) {
            e["status"] = json!(status);
        }
    }

    /// Completes entry `seq` once answered: its status (null when no response was written),
    /// the milliseconds it took and the response (masked). Returns the completed entry.
    pub fn finish(
        &mut self,
        seq: u64,
        status: Option<u16>,
        ms: u64,
        resp: Option<&crate::http::Response>,
    ) -> Option<Value> {
        let mut done = None;
        self.entries.grow(
            |e| e["seq"] == seq,
            |e| {
                e["status"] = json!(status);
                e["ms"] = json!(ms);
                let mut r = resp.map(response_value);
                if let Some(r) = &mut r {
                    scrub(r, &self.secrets);
                }
                let added = resp.map_or(0, |r| 64 + r.body.len().min(RECORDED_BODY_MAX));
                e["response"] = r.unwrap_or(Value::Null);
                done = Some(e.clone());
                added
            },
        );
        done
    }

    /// The sequence number of the newest request recorded (0 before the first).
    pub fn last_seq(&self) -> u64 {
        self.last_seq
    }

    /// Entries with a sequence number greater than `since`.
    pub fn since(&self, since: u64) -> Vec<Value> {
        self.entries
            .iter()
            .filter(|e| e["seq"].as_u64().unwrap_or(0) > since)
            .cloned()
            .collect()
    }

    /// Forgets every entry (sequence numbers keep increasing).
    pub fn clear(&mut self) {
        self.entries.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(ct: &str, body: &str) -> Request {
        Request {
            method: "POST".into(),
            path: "/v4/x".into(),
            query: vec![
                ("api_key".into(), "k".into()),
                ("a".into(), "1".into()),
                ("a".into(), "2".into()),
            ],
            version: "HTTP/1.1".into(),
            headers: vec![
                ("Authorization".into(), "Bearer abc".into()),
                ("X-API-Key".into(), "k".into()),
                ("Content-Type".into(), ct.into()),
            ],
            body: body.as_bytes().to_vec(),
            remote_ip: String::new(),
        }
    }

    #[test]
    fn masks_secrets_everywhere() {
        let mut log = RequestLog::default();
        let seq = log.record(
            &req(
                "application/json",
                r#"{"username":"u","password":"p","nested":{"access_token":"t"}}"#,
            ),
            None,
            None,
        );
        log.set_status(seq, Some(201));
        let e = &log.since(0)[0];
        assert_eq!(e["headers"]["authorization"], "Bearer ***");
        assert_eq!(e["headers"]["x-api-key"], "***");
        assert_eq!(e["query"]["api_key"], "***");
        assert_eq!(e["query"]["a"], json!(["1", "2"]));
        assert_eq!(e["body"]["password"], "***");
        assert_eq!(e["body"]["username"], "u");
        assert_eq!(e["body"]["nested"]["access_token"], "***");
        assert_eq!(e["status"], 201);
        let form = body_value(&req(
            "application/x-www-form-urlencoded",
            "grant_type=password&password=p",
        ));
        assert_eq!(form, json!({"grant_type": "password", "password": "***"}));
        assert_eq!(
            body_value(&req("text/plain", "refresh_token=r")),
            json!({"refresh_token": "***"})
        );
        assert_eq!(
            body_value(&req("text/plain", "hello world")),
            json!("hello world")
        );
        assert_eq!(log.since(seq).len(), 0);
        assert_eq!(
            body_value(&req("audio/wav", "RIFF....")),
            json!("<8 bytes>")
        );
    }

    #[test]
    fn responses_are_masked_json_and_xml_alike() {
        let xml = crate::http::Response::bytes(
            200,
            "text/xml; charset=UTF-8",
            b"<r><password>p1</password><user>u</user><password>p2</password></r>".to_vec(),
        );
        let v = response_value(&xml);
        assert_eq!(
            v["body"],
            "<r><password>***</password><user>u</user><password>***</password></r>"
        );
        assert_eq!(v["headers"]["content-type"], "text/xml; charset=UTF-8");
        let mut log = RequestLog::with_secrets(vec!["sbx_secret".into()]);
        let seq = log.record(
            &req("application/json", r#"{"note":"sbx_secret"}"#),
            None,
            Some("v4"),
        );
        let echoed =
            crate::http::Response::json(400, &json!({"@error": {"@message": "got sbx_secret"}}));
        let e = log.finish(seq, Some(400), 3, Some(&echoed)).unwrap();
        assert_eq!(e["body"]["note"], "***");
        assert_eq!(e["response"]["body"]["@error"]["@message"], "got ***");
        assert_eq!(
            (e["family"].as_str(), e["ms"].as_u64()),
            (Some("v4"), Some(3))
        );
        assert!(
            log.finish(seq + 1, None, 0, None).is_none(),
            "no such entry"
        );
    }

    #[test]
    fn keeps_the_newest_within_count_and_bytes() {
        let mut log = RequestLog::default();
        let small = req("application/json", "{}");
        for _ in 0..CAPACITY + 5 {
            log.record(&small, None, None);
            assert!(log.len() <= CAPACITY);
        }
        let all = log.since(0);
        assert_eq!(all.len(), CAPACITY);
        assert_eq!(all[0]["seq"], 6);
        let big = req("text/plain", &"x".repeat(RECORDED_BODY_MAX + 1));
        assert_eq!(
            body_value(&big),
            json!(format!("<{} bytes>", RECORDED_BODY_MAX + 1))
        );
        for _ in 0..2 * BUDGET / RECORDED_BODY_MAX {
            log.record(&big, None, None);
            assert!(log.entries.bytes() <= BUDGET);
        }
        assert!(log.len() < BUDGET / RECORDED_BODY_MAX + 1);
    }
}
