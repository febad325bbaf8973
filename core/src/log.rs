//! Request/response events for a caller-supplied log hook. Secrets are masked before an event is
//! built, so a hook may print or store events as they are. With `"debug_log": true` in the
//! configuration (`PHONECOM_DEBUG_LOG=1`), request and response events also carry the headers
//! and the body (masked, cut at 4 KiB): a debug log of every exchange.
//!
//! ```
//! use phonecom::{Client, Config, LogEvent};
//! let client = Client::builder(Config::default())
//!     .log_hook(|e: &LogEvent| eprintln!("{}", e.to_json()))
//!     .build()
//!     .unwrap();
//! # drop(client);
//! ```

use serde_json::{json, Value};
use std::sync::Arc;

/// What happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogEventKind {
    /// An attempt is about to be sent.
    Request,
    /// A response arrived.
    Response,
    /// The attempt failed or got a retryable status; the library waits and tries again.
    Retry,
    /// The call failed for good.
    Failure,
    /// Something outside one call went wrong and the library works around it (the rate
    /// budget's Redis does not answer: calls go on with an in-process budget). Sent once, not
    /// per call.
    Warning,
    /// What a warning announced is over (the rate budget's Redis answers again).
    Notice,
}

impl LogEventKind {
    /// Lower-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            LogEventKind::Request => "request",
            LogEventKind::Response => "response",
            LogEventKind::Retry => "retry",
            LogEventKind::Failure => "failure",
            LogEventKind::Warning => "warning",
            LogEventKind::Notice => "notice",
        }
    }
}

/// One event. Every string is already masked.
#[derive(Clone, Debug)]
pub struct LogEvent {
    /// What happened.
    pub kind: LogEventKind,
    /// Canonical operation name.
    pub operation: String,
    /// HTTP method.
    pub method: String,
    /// URL with secret query values masked.
    pub url: String,
    /// Attempt number, from 1.
    pub attempt: u32,
    /// The request id.
    pub request_id: String,
    /// HTTP status, for responses.
    pub status: Option<u16>,
    /// Milliseconds since the attempt started (responses) or the call started (retries, failures).
    pub elapsed_ms: u64,
    /// Extra detail (the error, the wait before a retry).
    pub message: Option<String>,
    /// With `debug_log` configured: the request's headers (request events) or the response's
    /// (response events), credentials masked (`Bearer ***`); empty otherwise.
    pub headers: Vec<(String, String)>,
    /// With `debug_log` configured: the request's or response's body as text, secrets masked,
    /// cut at [`LOG_BODY_LIMIT`](crate::exchange::LOG_BODY_LIMIT) bytes; `None` otherwise.
    pub body: Option<String>,
    /// Whether `body` was cut.
    pub body_truncated: bool,
}

impl LogEvent {
    /// An event about a shared store rather than an HTTP attempt (the Redis rate budget, the
    /// unfinished sign-ups): `operation` names the store (`budget.store`), `url` the server as
    /// shown in logs (never a password).
    pub(crate) fn about_store(
        kind: LogEventKind,
        operation: &str,
        url: &str,
        message: String,
    ) -> LogEvent {
        LogEvent {
            kind,
            operation: operation.into(),
            method: String::new(),
            url: url.into(),
            attempt: 0,
            request_id: String::new(),
            status: None,
            elapsed_ms: 0,
            message: Some(message),
            headers: Vec::new(),
            body: None,
            body_truncated: false,
        }
    }

    /// The event as a JSON object: `kind`, `operation`, `method`, `url`, `attempt`,
    /// `request_id`, `status`, `elapsed_ms`, `message`, `headers` (an object, names lower-cased),
    /// `body` and `body_truncated`.
    pub fn to_json(&self) -> Value {
        json!({
            "kind": self.kind.as_str(),
            "operation": self.operation,
            "method": self.method,
            "url": self.url,
            "attempt": self.attempt,
            "request_id": self.request_id,
            "status": self.status,
            "elapsed_ms": self.elapsed_ms,
            "message": self.message,
            "headers": crate::exchange::header_object(&self.headers),
            "body": self.body,
            "body_truncated": self.body_truncated,
        })
    }
}

/// A log hook: called on the thread making the call; must be cheap and must not panic.
pub type LogHook = Arc<dyn Fn(&LogEvent) + Send + Sync>;
