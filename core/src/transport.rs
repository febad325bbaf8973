//! The one HTTP transport: a single ureq agent (keep-alive pool), timeouts, proxy, user agent,
//! request ids, retries and the log hook. Families build an [`HttpRequest`] and decode the
//! [`HttpResponse`]; nothing else in the crate touches the network.

use crate::attempt_error::{classify, Attempt, AttemptFailure, AttemptLimit};
use crate::budget::Pass;
use crate::config::Config;
use crate::error::{Error, ErrorKind, Result};
use crate::log::{LogEvent, LogEventKind, LogHook};
use crate::retry;
use crate::shared_clients::Shared;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

pub use crate::call_options::CallOptions;

/// Largest response body the library reads (32 MiB).
const MAX_BODY: u64 = 32 * 1024 * 1024;

/// A request ready to send.
#[derive(Clone, Debug)]
pub struct HttpRequest {
    /// HTTP method.
    pub method: String,
    /// Full URL, query included.
    pub url: String,
    /// Extra headers (auth, content type, accept).
    pub headers: Vec<(String, String)>,
    /// Body and its content type.
    pub body: Option<(String, Vec<u8>)>,
    /// Whether sending it twice cannot duplicate a side effect.
    pub idempotent: bool,
}

/// A response as received.
#[derive(Clone, Debug)]
pub struct HttpResponse {
    /// HTTP status.
    pub status: u16,
    /// Headers, names lower-cased.
    pub headers: Vec<(String, String)>,
    /// Body bytes.
    pub body: Vec<u8>,
    /// The upstream's request id when it sent one, else ours.
    pub request_id: String,
    /// Attempts made, this one included.
    pub attempts: u32,
}

impl HttpResponse {
    /// First header called `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// `Retry-After`, when present and parseable; for a 429 without the header, the wait its
    /// body names (v4 `@error.@rateLimit`).
    pub fn retry_after(&self) -> Option<Duration> {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        self.header("retry-after")
            .and_then(|v| retry::parse_retry_after(v, now))
            .or_else(|| {
                (self.status == 429)
                    .then(|| crate::v4::wire::body_retry_after(&self.body, now))
                    .flatten()
            })
    }
}

#[cfg(test)]
impl HttpResponse {
    /// A canned response for the families' unit tests (request id `req_test`, one attempt).
    pub(crate) fn canned(status: u16, body: &str, headers: &[(&str, &str)]) -> HttpResponse {
        HttpResponse {
            status,
            headers: headers
                .iter()
                .map(|(k, v)| (k.to_ascii_lowercase(), v.to_string()))
                .collect(),
            body: body.as_bytes().to_vec(),
            request_id: "req_test".into(),
            attempts: 1,
        }
    }
}

/// The transport shared by every clone of a client.
pub(crate) struct Transport {
    /// The pool, made in the process that uses it ([`crate::shared_clients`]).
    shared: Arc<Shared>,
    config: Config,
    log: Option<LogHook>,
}

/// Masks one call's secrets in a text (the client's secrets and the call's secret parameters).
pub(crate) type Mask<'a> = &'a dyn Fn(&str) -> String;

/// The headers and body of a request or response, for a debug log event.
type Seen<'a> = (&'a [(String, String)], &'a [u8]);

impl Transport {
    /// The transport of a client of `config`, sending through `shared`'s pool (see
    /// [`crate::agent`] for how the agent is made).
    pub(crate) fn new(config: &Config, shared: Arc<Shared>, log: Option<LogHook>) -> Transport {
        Transport {
            shared,
            config: config.clone(),
            log,
        }
    }

    /// The User-Agent sent on every request.
    pub(crate) fn user_agent(&self) -> &str {
        self.shared.user_agent()
    }

    /// Send `req`, retrying as the policy allows, until a response arrives or the call fails.
    /// `mask` masks the call's secrets in its error and in every log event. `pace`, the call's
    /// rate budget, gives every attempt its slot (waiting within the deadline) and hears every
    /// response's rate-limit answer.
    pub(crate) fn execute(
        &self,
        req: &HttpRequest,
        operation: &str,
        opts: &CallOptions,
        mask: Mask<'_>,
        pace: Option<&Pass<'_>>,
    ) -> Result<HttpResponse> {
        let started = Instant::now();
        let policy = self.config.retry;
        let max_attempts = opts.max_attempts.unwrap_or(policy.max_attempts).max(1);
        let deadline_length = opts
            .deadline
            .unwrap_or(Duration::from_millis(policy.deadline_ms));
        let deadline = started + deadline_length;
        let per_attempt = opts
            .attempt_timeout
            .unwrap_or(self.config.attempt_timeout());
        let request_id = format!("req_{}", crate::random::hex(10));
        let host_port = crate::attempt_error::host_port(&req.url);
        let mut attempt = 0;
        loop {
            attempt += 1;
            let waited = match pace.map(|p| p.acquire(deadline)).transpose() {
                Ok(waited) => waited.filter(|w| !w.is_zero()),
                Err(e) => {
                    let attempts = attempt - 1;
                    return Err(self.fail(mask, e, operation, &request_id, attempts, req, started));
                }
            };
            let now = Instant::now();
            let remaining = deadline.saturating_duration_since(now);
            if remaining.is_zero() {
                return Err(self.fail(
                    mask,
                    Error::new(
                        ErrorKind::Timeout,
                        crate::attempt_error::deadline_before_attempt(deadline_length, attempt),
                    )
                    .with_retryable(true),
                    operation,
                    &request_id,
                    attempt - 1,
                    req,
                    started,
                ));
            }
            let sent_headers = self
                .debug_log()
                .then(|| self.sent_headers(req, &request_id, &opts.headers));
            self.emit(
                mask,
                LogEventKind::Request,
                operation,
                req,
                attempt,
                &request_id,
                None,
                0,
                waited.map(|w| format!("waited {} ms for the rate budget", w.as_millis())),
                sent_headers.as_deref().map(|h| (h, request_body(req))),
            );
            let sent_at = Instant::now();
            let limit = if remaining < per_attempt {
                AttemptLimit::Deadline(deadline_length)
            } else {
                AttemptLimit::PerAttempt(per_attempt)
            };
            let context = Attempt {
                host_port: &host_port,
                number: attempt,
                connect: self.config.connect_timeout(),
                limit,
            };
            let outcome = self.send_once(
                req,
                &request_id,
                &opts.headers,
                per_attempt.min(remaining),
                &context,
            );
            match outcome {
                Ok(mut resp) => {
                    resp.attempts = attempt;
                    if let Some(pace) = pace {
                        pace.observe(&resp);
                    }
                    let elapsed = sent_at.elapsed().as_millis() as u64;
                    self.emit(
                        mask,
                        LogEventKind::Response,
                        operation,
                        req,
                        attempt,
                        &resp.request_id,
                        Some(resp.status),
                        elapsed,
                        None,
                        Some((resp.headers.as_slice(), resp.body.as_slice())),
                    );
                    let may_repeat =
                        req.idempotent || retry::status_proves_not_processed(resp.status);
                    if attempt < max_attempts
                        && retry::is_retryable_status(resp.status)
                        && may_repeat
                    {
                        let wait = resp
                            .retry_after()
                            .unwrap_or_else(|| retry::backoff(&policy, attempt));
                        if Instant::now()
                            .checked_add(wait)
                            .is_some_and(|t| t < deadline)
                        {
                            let msg =
                                format!("HTTP {}; waiting {} ms", resp.status, wait.as_millis());
                            self.emit(
                                mask,
                                LogEventKind::Retry,
                                operation,
                                req,
                                attempt,
                                &resp.request_id,
                                Some(resp.status),
                                started.elapsed().as_millis() as u64,
                                Some(msg),
                                None,
                            );
                            std::thread::sleep(wait);
                            continue;
                        }
                    }
                    return Ok(resp);
                }
                Err(failure) => {
                    let may_repeat = req.idempotent || failure.not_sent;
                    let retryable = failure.error.kind() != ErrorKind::Validation;
                    if attempt < max_attempts && may_repeat && retryable {
                        let wait = retry::backoff(&policy, attempt);
                        if Instant::now()
                            .checked_add(wait)
                            .is_some_and(|t| t < deadline)
                        {
                            let msg = format!(
                                "{}; waiting {} ms",
                                mask(failure.error.message()),
                                wait.as_millis()
                            );
                            self.emit(
                                mask,
                                LogEventKind::Retry,
                                operation,
                                req,
                                attempt,
                                &request_id,
                                None,
                                started.elapsed().as_millis() as u64,
                                Some(msg),
                                None,
                            );
                            std::thread::sleep(wait);
                            continue;
                        }
                    }
                    let mut error = failure.error.with_retryable(retryable);
                    if !may_repeat && retryable {
                        error = Error::new(
                            error.kind(),
                            format!(
                                "{} (not retried: {} {} is not idempotent and may have been processed)",
                                error.message(),
                                req.method,
                                path_of(&req.url)
                            ),
                        )
                        .with_retryable(false);
                    }
                    return Err(self.fail(
                        mask,
                        error,
                        operation,
                        &request_id,
                        attempt,
                        req,
                        started,
                    ));
                }
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn fail(
        &self,
        mask: Mask<'_>,
        error: Error,
        operation: &str,
        request_id: &str,
        attempts: u32,
        req: &HttpRequest,
        started: Instant,
    ) -> Error {
        let error = error
            .with_operation(operation)
            .with_request_id(Some(request_id.to_string()))
            .with_attempts(attempts)
            .map_text(mask);
        self.emit(
            mask,
            LogEventKind::Failure,
            operation,
            req,
            attempts,
            request_id,
            None,
            started.elapsed().as_millis() as u64,
            Some(error.to_string()),
            None,
        );
        error
    }

    /// Whether log events carry headers and bodies (someone listens and `debug_log` is set).
    fn debug_log(&self) -> bool {
        self.log.is_some() && self.config.debug_log
    }

    /// The headers an attempt of `req` sends, as a debug log shows them (before masking).
    fn sent_headers(
        &self,
        req: &HttpRequest,
        request_id: &str,
        extra: &[(String, String)],
    ) -> Vec<(String, String)> {
        let mut headers = vec![
            ("User-Agent".to_string(), self.user_agent().to_string()),
            ("X-Request-Id".to_string(), request_id.to_string()),
        ];
        headers.extend(req.headers.iter().cloned());
        headers.extend(extra.iter().cloned());
        if let Some((content_type, _)) = &req.body {
            headers.push(("Content-Type".to_string(), content_type.clone()));
        }
        headers
    }

    /// Hand events made outside a request (the rate budget's store falling back or returning)
    /// to this client's log hook, if it has one.
    pub(crate) fn relay(&self, events: Vec<LogEvent>) {
        let Some(hook) = &self.log else { return };
        for event in events {
            // A panicking hook must not take the call down with it.
            let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| hook(&event)));
        }
    }

    /// Send one event to the hook, if there is one. `seen` (headers and body) is added to the
    /// event, masked and cut, when `debug_log` is set.
    #[allow(clippy::too_many_arguments)]
    fn emit(
        &self,
        mask: Mask<'_>,
        kind: LogEventKind,
        operation: &str,
        req: &HttpRequest,
        attempt: u32,
        request_id: &str,
        status: Option<u16>,
        elapsed_ms: u64,
        message: Option<String>,
        seen: Option<Seen<'_>>,
    ) {
        if let Some(hook) = &self.log {
            let (headers, body, body_truncated) = match seen.filter(|_| self.config.debug_log) {
                Some((headers, body)) => {
                    let (text, cut) = crate::exchange::log_body(body, mask);
                    (
                        crate::exchange::mask_headers(headers, mask),
                        Some(text),
                        cut,
                    )
                }
                None => (Vec::new(), None, false),
            };
            let event = LogEvent {
                kind,
                operation: operation.to_string(),
                method: req.method.clone(),
                // Masked only when someone listens: most calls have no hook.
                url: mask(&req.url),
                attempt,
                // An upstream's request id may echo anything it was sent.
                request_id: mask(request_id),
                status,
                elapsed_ms,
                message: message.map(|m| mask(&m)),
                headers,
                body,
                body_truncated,
            };
            // A panicking hook must not take the call down with it.
            let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| hook(&event)));
        }
    }

    /// One attempt: `extra` are the call's own headers (checked by [`CallOptions::check`]),
    /// `timeout` bounds the attempt, `attempt` words its failure.
    fn send_once(
        &self,
        req: &HttpRequest,
        request_id: &str,
        extra: &[(String, String)],
        timeout: Duration,
        attempt: &Attempt<'_>,
    ) -> std::result::Result<HttpResponse, AttemptFailure> {
        let mut builder = ureq::http::Request::builder()
            .method(req.method.as_str())
            .uri(req.url.as_str())
            .header("X-Request-Id", request_id);
        for (k, v) in req.headers.iter().chain(extra) {
            builder = builder.header(k.as_str(), v.as_str());
        }
        let body = match &req.body {
            Some((ct, bytes)) => {
                builder = builder.header("Content-Type", ct.as_str());
                bytes.clone()
            }
            None => Vec::new(),
        };
        let request = builder.body(body).map_err(|e| AttemptFailure {
            error: Error::new(
                ErrorKind::Validation,
                format!("cannot build the request: {e}"),
            ),
            not_sent: true,
        })?;
        // This process's pool (a new one in the child after a fork).
        let agent = self
            .shared
            .here()
            .map_err(|error| AttemptFailure {
                error,
                not_sent: true,
            })?
            .agent;
        // A per-request config copies the agent's whole config: only pay for it when this attempt's
        // timeout differs from the agent's (a per-call override, or a deadline closing in).
        let request = if timeout == self.config.attempt_timeout() {
            request
        } else {
            agent
                .configure_request(request)
                .timeout_global(Some(timeout))
                .build()
        };
        let mut response = agent.run(request).map_err(|e| classify(e, attempt))?;
        let status = response.status().as_u16();
        let headers: Vec<(String, String)> = response
            .headers()
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str().to_ascii_lowercase(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect();
        let body = response
            .body_mut()
            .with_config()
            .limit(MAX_BODY)
            .read_to_vec()
            .map_err(|e| {
                // The exchange broke off (a reset, or fewer bytes than announced): a transport
                // failure, which an idempotent request may repeat. Only a complete body that
                // cannot be read as the family's format is a `decode` error.
                let mut f = classify(e, attempt);
                if f.error.kind() == ErrorKind::Transport {
                    f.error = Error::new(
                        ErrorKind::Transport,
                        format!(
                            "the connection broke off in the middle of the response body ({})",
                            f.error.message()
                        ),
                    )
                    .with_status(status)
                    .with_retryable(true);
                }
                f.not_sent = false;
                f
            })?;
        let upstream_id = headers
            .iter()
            .find(|(k, _)| k == "x-request-id" || k == "request-id")
            .map(|(_, v)| v.clone())
            .filter(|v| !v.is_empty());
        Ok(HttpResponse {
            status,
            headers,
            body,
            request_id: upstream_id.unwrap_or_else(|| request_id.to_string()),
            attempts: 1,
        })
    }
}

/// The body `req` sends (empty without one).
fn request_body(req: &HttpRequest) -> &[u8] {
    req.body.as_ref().map_or(&[], |(_, bytes)| bytes.as_slice())
}

fn path_of(url: &str) -> &str {
    let after = url.split_once("://").map_or(url, |(_, r)| r);
    let path = after.find('/').map_or("/", |i| &after[i..]);
    path.split('?').next().unwrap_or(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};
    use std::net::TcpListener;

    fn test_attempt() -> Attempt<'static> {
        Attempt {
            host_port: "127.0.0.1:9",
            number: 1,
            connect: Duration::from_secs(2),
            limit: AttemptLimit::PerAttempt(Duration::from_secs(5)),
        }
    }

    /// A connection reset after the head and part of the body is a transport failure that may
    /// be retried, not a `decode` error. The server closes with the request body unread, so the
    /// kernel resets the connection (RST) instead of closing it in order; it waits a moment
    /// first so that the head is read before the reset (if not, the reset comes before the head,
    /// also a transport failure: the test passes either way and never on a `decode` error).
    #[test]
    fn a_reset_in_the_middle_of_the_body_is_a_retryable_transport_error() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let server = std::thread::spawn(move || {
            let (mut conn, _) = listener.accept().unwrap();
            let mut first = [0u8; 1];
            conn.read_exact(&mut first).unwrap();
            conn.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"items\":[")
                .unwrap();
            conn.flush().unwrap();
            std::thread::sleep(Duration::from_millis(200));
            drop(conn);
        });
        let config = Config::default();
        let shared = Shared::for_config(&config, "rust").unwrap();
        let transport = Transport::new(&config, shared, None);
        let req = HttpRequest {
            method: "POST".into(),
            url: format!("http://127.0.0.1:{port}/v4/x"),
            headers: Vec::new(),
            body: Some(("application/json".into(), vec![b' '; 8192])),
            idempotent: true,
        };
        let failure = transport
            .send_once(
                &req,
                "req_test",
                &[],
                Duration::from_secs(5),
                &test_attempt(),
            )
            .unwrap_err();
        server.join().unwrap();
        assert_eq!(
            failure.error.kind(),
            ErrorKind::Transport,
            "{}",
            failure.error
        );
        assert!(failure.error.is_retryable(), "{}", failure.error);
        assert!(!failure.not_sent);
    }

    #[test]
    fn a_header_ureq_refuses_is_a_validation_error_and_not_sent() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        listener.set_nonblocking(true).unwrap();
        let config = Config::default();
        let shared = Shared::for_config(&config, "rust").unwrap();
        let transport = Transport::new(&config, shared, None);
        let req = HttpRequest {
            method: "POST".into(),
            url: format!("http://127.0.0.1:{port}/v4/accounts"),
            headers: vec![("Authorization".into(), "Bearer étée-token-1234".into())],
            body: Some(("application/json".into(), b"{}".to_vec())),
            idempotent: false,
        };
        let failure = transport
            .send_once(
                &req,
                "req_test",
                &[],
                Duration::from_secs(2),
                &test_attempt(),
            )
            .unwrap_err();
        assert!(failure.not_sent, "{}", failure.error);
        assert_eq!(failure.error.kind(), ErrorKind::Validation);
        assert!(!failure.error.is_retryable());
        // Nothing reached the wire.
        if let Ok((mut conn, _)) = listener.accept() {
            conn.set_nonblocking(true).unwrap();
            let mut buf = [0u8; 16];
            assert!(!matches!(conn.read(&mut buf), Ok(n) if n > 0));
        }
    }
}
