//! The one error type of the library.
//!
//! Every failure, whatever the family, is an [`Error`] with a stable [`ErrorKind`], the operation
//! it came from, and whatever the upstream said (HTTP status, code, message, field errors,
//! retry-after, request id). Bindings convert it field by field; [`Error::to_json`] gives them all
//! of it at once.
//!
//! ```
//! use phonecom::{Error, ErrorKind};
//! let err = Error::validation("v4.create-account-sms", "to", "must be E.164 (+ and 11-15 digits)");
//! assert_eq!(err.kind(), ErrorKind::Validation);
//! assert!(err.to_string().contains("`to`"));
//! ```

use serde_json::{json, Map, Value};
use std::fmt;
use std::time::Duration;

/// What went wrong, as a stable category. Bindings map each kind to an exception class / code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// Bad input, refused before sending, or refused by the upstream (400/422).
    Validation,
    /// Missing or wrong credentials (401).
    Authentication,
    /// Credentials valid but not allowed to do this (403, 402-style refusals).
    Permission,
    /// The resource does not exist (404).
    NotFound,
    /// The request conflicts with the resource's state (409).
    Conflict,
    /// Too many requests (429); see [`Error::retry_after`].
    RateLimited,
    /// The upstream failed (5xx).
    Server,
    /// The connection failed or was cut (DNS, refused, reset, TLS), also in the middle of a
    /// response body (a reset, or fewer bytes than announced).
    Transport,
    /// A timeout or the call's deadline expired.
    Timeout,
    /// A complete response could not be understood (malformed JSON/XML, a document that
    /// ends too early although every announced byte arrived).
    Decode,
}

impl ErrorKind {
    /// The stable lower-case name (`"rate_limited"`), used in JSON and by the bindings.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Validation => "validation",
            ErrorKind::Authentication => "authentication",
            ErrorKind::Permission => "permission",
            ErrorKind::NotFound => "not_found",
            ErrorKind::Conflict => "conflict",
            ErrorKind::RateLimited => "rate_limited",
            ErrorKind::Server => "server",
            ErrorKind::Transport => "transport",
            ErrorKind::Timeout => "timeout",
            ErrorKind::Decode => "decode",
        }
    }

    /// Every kind, in declaration order.
    pub const ALL: [ErrorKind; 10] = [
        ErrorKind::Validation,
        ErrorKind::Authentication,
        ErrorKind::Permission,
        ErrorKind::NotFound,
        ErrorKind::Conflict,
        ErrorKind::RateLimited,
        ErrorKind::Server,
        ErrorKind::Transport,
        ErrorKind::Timeout,
        ErrorKind::Decode,
    ];

    /// The kind an HTTP error status stands for.
    pub fn from_status(status: u16) -> ErrorKind {
        match status {
            401 => ErrorKind::Authentication,
            402 | 403 => ErrorKind::Permission,
            404 | 410 => ErrorKind::NotFound,
            408 | 504 => ErrorKind::Timeout,
            409 => ErrorKind::Conflict,
            429 => ErrorKind::RateLimited,
            500..=599 => ErrorKind::Server,
            _ => ErrorKind::Validation,
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One rejected field: which one and why (v4 422 `fields`, or our own validation).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The field's name as the caller wrote it (`contact.address.country`, `filters.price`).
    pub field: String,
    /// The rule it broke.
    pub message: String,
}

/// An error from any operation of any family. Cheap to move (boxed); never holds a secret.
pub struct Error {
    inner: Box<Inner>,
}

#[derive(Clone, Default)]
struct Inner {
    kind: Option<ErrorKind>,
    message: String,
    family: Option<String>,
    operation: Option<String>,
    status: Option<u16>,
    upstream_code: Option<String>,
    upstream_message: Option<String>,
    fields: Vec<FieldError>,
    retry_after: Option<Duration>,
    request_id: Option<String>,
    retryable: bool,
    raw_body: Option<String>,
    attempts: u32,
    doc_url: Option<String>,
    details: Map<String, Value>,
}

/// Longest raw body kept on a decode error.
pub(crate) const RAW_BODY_LIMIT: usize = 2048;

impl Error {
    /// A new error of `kind` with a message. Prefer the specific constructors.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            inner: Box::new(Inner {
                kind: Some(kind),
                message: message.into(),
                ..Inner::default()
            }),
        }
    }

    /// Bad input for `operation`: names the field and the rule.
    pub fn validation(operation: &str, field: &str, rule: &str) -> Error {
        Error::invalid_fields(
            operation,
            vec![FieldError {
                field: field.to_string(),
                message: rule.to_string(),
            }],
        )
    }

    /// Bad input for `operation`, every problem at once: the message lists each field with its
    /// rule (`` `to` must be E.164; `text` is required ``), and [`Error::fields`] holds them.
    pub(crate) fn invalid_fields(operation: &str, fields: Vec<FieldError>) -> Error {
        Error::new(ErrorKind::Validation, fields_summary(&fields))
            .with_operation(operation)
            .with_fields(fields)
    }

    /// A response that could not be understood; keeps a bounded prefix of the raw body.
    pub fn decode(message: impl Into<String>, raw: &[u8]) -> Error {
        Error::new(ErrorKind::Decode, message).with_raw_body(raw)
    }

    pub(crate) fn with_operation(mut self, name: &str) -> Error {
        if self.inner.operation.is_none() && !name.is_empty() {
            self.inner.operation = Some(name.to_string());
            if self.inner.family.is_none() {
                self.inner.family = name.split('.').next().map(str::to_string);
            }
        }
        self
    }
    pub(crate) fn with_message(mut self, message: impl Into<String>) -> Error {
        self.inner.message = message.into();
        self
    }
    pub(crate) fn with_kind(mut self, kind: ErrorKind) -> Error {
        self.inner.kind = Some(kind);
        self
    }
    pub(crate) fn with_family(mut self, family: &str) -> Error {
        self.inner.family = Some(family.to_string());
        self
    }
    pub(crate) fn with_status(mut self, status: u16) -> Error {
        self.inner.status = Some(status);
        self
    }
    pub(crate) fn with_upstream(mut self, code: Option<String>, message: Option<String>) -> Error {
        self.inner.upstream_code = code;
        self.inner.upstream_message = message;
        self
    }
    pub(crate) fn with_fields(mut self, fields: Vec<FieldError>) -> Error {
        self.inner.fields = fields;
        self
    }
    pub(crate) fn with_retry_after(mut self, after: Option<Duration>) -> Error {
        self.inner.retry_after = after;
        self
    }
    pub(crate) fn with_request_id(mut self, id: Option<String>) -> Error {
        if id.is_some() {
            self.inner.request_id = id;
        }
        self
    }
    pub(crate) fn with_retryable(mut self, retryable: bool) -> Error {
        self.inner.retryable = retryable;
        self
    }
    pub(crate) fn with_attempts(mut self, attempts: u32) -> Error {
        self.inner.attempts = attempts;
        self
    }
    pub(crate) fn with_doc_url(mut self, url: Option<String>) -> Error {
        self.inner.doc_url = url.filter(|u| !u.is_empty());
        self
    }
    pub(crate) fn with_details(mut self, details: Map<String, Value>) -> Error {
        self.inner.details = details;
        self
    }
    /// Keep a bounded prefix of `raw`, with secret-named members and pairs masked (a token
    /// response cut short holds secrets nobody has registered yet).
    pub(crate) fn with_raw_body(mut self, raw: &[u8]) -> Error {
        // Cut before a character the limit would split, not inside it.
        let text = String::from_utf8_lossy(crate::text::utf8_prefix(raw, RAW_BODY_LIMIT));
        self.inner.raw_body = Some(crate::secret::mask_named(&text));
        self
    }
    /// Replace every string of the error through `f` (used to mask secrets).
    pub(crate) fn map_text(mut self, f: impl Fn(&str) -> String) -> Error {
        let i = &mut self.inner;
        i.message = f(&i.message);
        i.upstream_message = i.upstream_message.as_deref().map(&f);
        i.upstream_code = i.upstream_code.as_deref().map(&f);
        i.raw_body = i.raw_body.as_deref().map(&f);
        i.request_id = i.request_id.as_deref().map(&f);
        i.doc_url = i.doc_url.as_deref().map(&f);
        for fe in &mut i.fields {
            fe.field = f(&fe.field);
            fe.message = f(&fe.message);
        }
        i.details = map_object(std::mem::take(&mut i.details), &f);
        self
    }

    /// The stable category.
    pub fn kind(&self) -> ErrorKind {
        self.inner.kind.unwrap_or(ErrorKind::Server)
    }
    /// The library's message (without the structured fields; see `Display` for the full line).
    pub fn message(&self) -> &str {
        &self.inner.message
    }
    /// The API family (`v4`, `oauth`, `express`, `xml`, `v1`, `nol`), when known.
    pub fn family(&self) -> Option<&str> {
        self.inner.family.as_deref()
    }
    /// The canonical operation name (`v4.create-account-subaccount`), when known.
    pub fn operation(&self) -> Option<&str> {
        self.inner.operation.as_deref()
    }
    /// The HTTP status of the failed response.
    pub fn status(&self) -> Option<u16> {
        self.inner.status
    }
    /// The upstream's own error code (OAuth `error`, v1 `code`, nol `code`).
    pub fn upstream_code(&self) -> Option<&str> {
        self.inner.upstream_code.as_deref()
    }
    /// The upstream's own message.
    pub fn upstream_message(&self) -> Option<&str> {
        self.inner.upstream_message.as_deref()
    }
    /// Field errors (v4 422 `fields`, or the library's validation).
    pub fn fields(&self) -> &[FieldError] {
        &self.inner.fields
    }
    /// How long the upstream asked us to wait.
    pub fn retry_after(&self) -> Option<Duration> {
        self.inner.retry_after
    }
    /// The request id of the failed exchange (ours, or the upstream's when it sent one).
    pub fn request_id(&self) -> Option<&str> {
        self.inner.request_id.as_deref()
    }
    /// Whether trying again later could succeed.
    pub fn is_retryable(&self) -> bool {
        self.inner.retryable
    }
    /// A bounded prefix of the raw response body (decode errors, unparseable error bodies).
    pub fn raw_body(&self) -> Option<&str> {
        self.inner.raw_body.as_deref()
    }
    /// The upstream's reference page for this error, when it gave one (REST v1 `url`).
    pub fn doc_url(&self) -> Option<&str> {
        self.inner.doc_url.as_deref()
    }
    /// Other structured fields of the upstream's error body that the fields above do not hold
    /// (e.g. numbers.online's `balance_micros`, `topup_url`, `topup_min_cents` on a 402).
    pub fn details(&self) -> &Map<String, Value> {
        &self.inner.details
    }
    /// How many times the request was sent (0 when refused before sending).
    pub fn attempts(&self) -> u32 {
        self.inner.attempts
    }

    /// Every structured field as JSON (what the C, Python and Node bindings expose).
    pub fn to_json(&self) -> Value {
        let i = &self.inner;
        json!({
            "kind": self.kind().as_str(),
            "message": self.to_string(),
            "family": i.family,
            "operation": i.operation,
            "status": i.status,
            "upstream_code": i.upstream_code,
            "upstream_message": i.upstream_message,
            "fields": i.fields.iter().map(|f| json!({"field": f.field, "message": f.message})).collect::<Vec<_>>(),
            "retry_after": i.retry_after.map(|d| d.as_secs_f64()),
            "request_id": i.request_id,
            "retryable": i.retryable,
            "raw_body": i.raw_body,
            "attempts": i.attempts,
            "doc_url": i.doc_url,
            "details": i.details,
        })
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let i = &self.inner;
        write!(f, "[{}]", self.kind())?;
        if let Some(op) = &i.operation {
            write!(f, " {op}:")?;
        }
        if let Some(status) = i.status {
            write!(f, " HTTP {status}:")?;
        }
        write!(f, " {}", i.message)?;
        if let Some(code) = &i.upstream_code {
            write!(f, " (code {code})")?;
        }
        let extra: Vec<String> = i
            .fields
            .iter()
            .filter(|fe| !i.message.contains(&fe.field))
            .map(|fe| format!("{}: {}", fe.field, fe.message))
            .collect();
        if !extra.is_empty() {
            write!(f, " [{}]", extra.join("; "))?;
        }
        if let Some(after) = i.retry_after {
            write!(f, " (retry after {:.1}s)", after.as_secs_f64())?;
        }
        if let Some(url) = &i.doc_url {
            write!(f, " (see {url})")?;
        }
        if let Some(id) = &i.request_id {
            write!(f, " (request id {id})")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let i = &self.inner;
        f.debug_struct("Error")
            .field("kind", &self.kind())
            .field("message", &i.message)
            .field("family", &i.family)
            .field("operation", &i.operation)
            .field("status", &i.status)
            .field("upstream_code", &i.upstream_code)
            .field("upstream_message", &i.upstream_message)
            .field("fields", &i.fields)
            .field("retry_after", &i.retry_after)
            .field("request_id", &i.request_id)
            .field("retryable", &i.retryable)
            .field("attempts", &i.attempts)
            .field("doc_url", &i.doc_url)
            .field("details", &i.details)
            .finish()
    }
}

impl Clone for Error {
    fn clone(&self) -> Self {
        Error {
            inner: self.inner.clone(),
        }
    }
}

impl std::error::Error for Error {}

/// `v` with every string, object key included, replaced through `f`.
fn map_strings(v: &mut Value, f: &impl Fn(&str) -> String) {
    match v {
        Value::String(s) => *s = f(s),
        Value::Array(a) => a.iter_mut().for_each(|x| map_strings(x, f)),
        Value::Object(o) => *o = map_object(std::mem::take(o), f),
        _ => {}
    }
}

/// `o` with its keys and string values replaced through `f` (an upstream may put a secret in a
/// key as well as in a value).
fn map_object(o: Map<String, Value>, f: &impl Fn(&str) -> String) -> Map<String, Value> {
    o.into_iter()
        .map(|(k, mut v)| {
            map_strings(&mut v, f);
            (f(&k), v)
        })
        .collect()
}

/// Field errors as one line: `` `field` rule `` for each, joined with `; `.
pub(crate) fn fields_summary(fields: &[FieldError]) -> String {
    fields
        .iter()
        .map(|f| format!("`{}` {}", f.field, f.message))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Shorthand used across the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_text_reaches_every_string_of_the_error() {
        let s = "Leaky-Secret-42";
        let mut details = Map::new();
        details.insert(format!("key {s}"), Value::String(format!("value {s}")));
        details.insert(
            "nested".into(),
            serde_json::json!({ format!("inner {s}"): [format!("deep {s}")] }),
        );
        let e = Error::new(ErrorKind::Validation, format!("msg {s}"))
            .with_upstream(Some(format!("code {s}")), Some(format!("up {s}")))
            .with_fields(vec![FieldError {
                field: format!("field {s}"),
                message: format!("rule {s}"),
            }])
            .with_request_id(Some(format!("req {s}")))
            .with_doc_url(Some(format!("https://docs.example.com/{s}")))
            .with_details(details)
            .with_raw_body(format!("raw {s}").as_bytes())
            .map_text(|t| t.replace(s, "***"));
        let shown = format!("{e}\n{e:?}\n{}", e.to_json());
        assert!(!shown.contains(s), "{shown}");
        assert_eq!(e.request_id(), Some("req ***"));
        assert_eq!(e.fields()[0].field, "field ***");
        assert_eq!(e.doc_url(), Some("https://docs.example.com/***"));
        assert_eq!(e.details()["key ***"], "value ***");
        assert_eq!(e.details()["nested"]["inner ***"][0], "deep ***");
    }

    #[test]
    fn invalid_fields_lists_every_field_with_its_rule() {
        let e = Error::invalid_fields(
            "xml.createAccount",
            vec![
                FieldError {
                    field: "state".into(),
                    message: "is required when country is US or CA".into(),
                },
                FieldError {
                    field: "zip".into(),
                    message: "is required when country is US".into(),
                },
            ],
        );
        assert_eq!(e.kind(), ErrorKind::Validation);
        assert_eq!(
            e.message(),
            "`state` is required when country is US or CA; `zip` is required when country is US"
        );
        assert_eq!(
            (e.operation(), e.family()),
            (Some("xml.createAccount"), Some("xml"))
        );
        assert_eq!(e.fields().len(), 2);
        // One field reads exactly as `Error::validation` words it.
        let one = Error::validation("v4.create-account-sms", "to", "must be E.164");
        assert_eq!(one.message(), "`to` must be E.164");
        assert_eq!(one.fields()[0].field, "to");
    }

    #[test]
    fn display_names_operation_status_fields_and_request_id() {
        let e = Error::new(ErrorKind::Validation, "Validation failed")
            .with_operation("v4.create-account-subaccount")
            .with_status(422)
            .with_fields(vec![FieldError {
                field: "username".into(),
                message: "already taken".into(),
            }])
            .with_request_id(Some("req-1".into()));
        let s = e.to_string();
        assert_eq!(
            s,
            "[validation] v4.create-account-subaccount: HTTP 422: Validation failed [username: already taken] (request id req-1)"
        );
        assert_eq!(e.family(), Some("v4"));
        assert_eq!(e.to_json()["fields"][0]["field"], "username");
    }

    #[test]
    fn doc_url_and_details_are_shown_and_exported() {
        let mut details = Map::new();
        details.insert("topup_min_cents".into(), json!(500));
        let e = Error::new(
            ErrorKind::Authentication,
            "Invalid basic authentication format specified.",
        )
        .with_operation("v1.menus.list")
        .with_status(401)
        .with_upstream(Some("10003".into()), None)
        .with_doc_url(Some(
            "https://docs.phone.com/refguides/errorref/generalerrors.html#error-code-10003".into(),
        ))
        .with_details(details);
        assert!(e.to_string().ends_with("(code 10003) (see https://docs.phone.com/refguides/errorref/generalerrors.html#error-code-10003)"), "{e}");
        let j = e.to_json();
        assert_eq!(
            j["doc_url"],
            "https://docs.phone.com/refguides/errorref/generalerrors.html#error-code-10003"
        );
        assert_eq!(j["details"]["topup_min_cents"], 500);
        assert!(format!("{e:?}").contains("doc_url"));
    }

    #[test]
    fn raw_body_masks_secret_members() {
        let e = Error::decode(
            "bad",
            br#"{"access_token":"sbx_at_0123456789","refresh_token":"sbx_rt_01"#,
        );
        let shown = format!("{e} {e:?} {}", e.to_json());
        assert!(
            !shown.contains("sbx_at_") && !shown.contains("sbx_rt_"),
            "{shown}"
        );
        assert_eq!(
            e.raw_body(),
            Some(r#"{"access_token":"***","refresh_token":"***"#)
        );
    }

    #[test]
    fn raw_body_is_bounded() {
        let e = Error::decode("bad", &vec![b'x'; 10_000]);
        assert_eq!(e.raw_body().unwrap().len(), RAW_BODY_LIMIT);
        // The limit falls inside `é`: the character is left out whole, not shown as U+FFFD.
        let text = format!("{}é tail", "x".repeat(RAW_BODY_LIMIT - 1));
        let e = Error::decode("bad", text.as_bytes());
        assert_eq!(e.raw_body(), Some("x".repeat(RAW_BODY_LIMIT - 1).as_str()));
    }

    proptest::proptest! {
        /// Text without `=` or quotes (nothing to mask) is kept as its longest whole-character
        /// prefix within the limit.
        #[test]
        fn raw_body_is_a_whole_character_prefix(text in "[^=\"]{0,1200}") {
            let e = Error::decode("bad", text.as_bytes());
            let kept = e.raw_body().unwrap_or_default();
            proptest::prop_assert!(text.starts_with(kept));
            let next = text[kept.len()..].chars().next();
            proptest::prop_assert!(next.is_none_or(|c| kept.len() + c.len_utf8() > RAW_BODY_LIMIT));
        }

        #[test]
        fn raw_body_of_any_bytes_is_bounded(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..3000)) {
            let e = Error::decode("bad", &bytes);
            // Each byte that is not UTF-8 may show as U+FFFD (3 bytes).
            proptest::prop_assert!(e.raw_body().unwrap_or_default().len() <= 3 * RAW_BODY_LIMIT);
        }
    }

    #[test]
    fn status_maps_to_kind() {
        assert_eq!(ErrorKind::from_status(429), ErrorKind::RateLimited);
        assert_eq!(ErrorKind::from_status(503), ErrorKind::Server);
        assert_eq!(ErrorKind::from_status(422), ErrorKind::Validation);
        assert_eq!(ErrorKind::from_status(401), ErrorKind::Authentication);
    }
}
