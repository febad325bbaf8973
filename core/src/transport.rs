//! The one HTTP transport: a single ureq agent (keep-alive pool), timeouts, proxy, user agent,
//! request ids, retries and the log hook. Families build an [`HttpRequest`] and decode the
//! [`HttpResponse`]; nothing else in the crate touches the network. The transport knows HTTP,
//! not families: what a family's bodies say reaches it through the [`Call`] the family layer
//! hands over (e.g. the wait a 429 body names). The attempts of one call, with their retries,
//! pacing and log events, are in [`attempts`].

use crate::attempt_error::{classify, Attempt, AttemptFailure};
use crate::config::Config;
use crate::error::{Error, ErrorKind};
use crate::log::{LogEvent, LogHook};
use crate::retry;
use crate::shared_clients::Shared;
use std::sync::Arc;
use std::time::Duration;

mod attempts;

pub use crate::call_options::CallOptions;
pub(crate) use attempts::Call;

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
    /// For a 429, the wait its body names as the family reads it (see [`Call::body_wait`]).
    pub body_retry_after: Option<Duration>,
}

impl HttpResponse {
    /// First header called `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// `Retry-After`, when present and parseable; else, for a 429, the wait its body names as
    /// the family reads it ([`HttpResponse::body_retry_after`]).
    pub fn retry_after(&self) -> Option<Duration> {
        self.header("retry-after")
            .and_then(|v| retry::parse_retry_after(v, retry::now_unix()))
            .or(self.body_retry_after)
    }

    /// Read the wait the body of a 429 names with the family's `body_wait` (v4's
    /// `@error.@rateLimit`, numbers.online's `retry_after_seconds`); other statuses have none.
    pub(crate) fn read_body_wait(&mut self, body_wait: attempts::BodyWait<'_>) {
        self.body_retry_after = if self.status == 429 {
            body_wait(&self.body, retry::now_unix())
        } else {
            None
        };
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
            body_retry_after: None,
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

    /// Hand events made outside a request (the rate budget's store falling back or returning)
    /// to this client's log hook, if it has one.
    pub(crate) fn relay(&self, events: Vec<LogEvent>) {
        let Some(hook) = &self.log else { return };
        for event in events {
            // A panicking hook must not take the call down with it.
            let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| hook(&event)));
        }
    }

    /// One attempt on `agent` (this process's pool, which the call took once): `extra` are the
    /// call's own headers (checked by [`CallOptions::check`]), `timeout` bounds the attempt,
    /// `attempt` words its failure.
    fn send_once(
        &self,
        agent: &ureq::Agent,
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
            body_retry_after: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attempt_error::AttemptLimit;
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
                &transport.shared.here().unwrap().agent,
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
                &transport.shared.here().unwrap().agent,
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
