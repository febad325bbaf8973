//! The attempts of one call: each gets its slot from the rate budget and must start before the
//! call's deadline; each is logged; a failed one is repeated as the retry policy allows (see
//! [`crate::retry`]), waiting what the response asks (`Retry-After`, or the family's reading of a
//! 429 body) or the backoff.
//!
//! The family layer describes the call with a [`Call`]:
//!
//! ```ignore
//! let call = Call {
//!     operation: &op.name,
//!     endpoint: "POST /accounts/{account_id}/sms",
//!     opts: &CallOptions::default(),
//!     agent: &here.agent,
//!     mask: &|s: &str| client.redact(s),
//!     pace: None,
//!     body_wait: &|body: &[u8], now_unix: u64| wire.retry_after_from_body(body, now_unix),
//! };
//! let resp = transport.execute(&req, &call)?;
//! ```

use super::{HttpRequest, HttpResponse, Mask, Transport};
use crate::attempt_error::{
    deadline_before_attempt, host_port, Attempt, AttemptFailure, AttemptLimit,
};
use crate::budget::Pass;
use crate::config::RetryConfig;
use crate::error::{Error, ErrorKind, Result};
use crate::log::{LogEvent, LogEventKind};
use crate::retry;
use crate::transport::CallOptions;
use std::time::{Duration, Instant};

/// How a family reads the wait the body of a 429 names: `(body, now as Unix seconds)`.
pub(crate) type BodyWait<'a> = &'a dyn Fn(&[u8], u64) -> Option<Duration>;

/// One call as the family layer hands it to [`Transport::execute`].
pub(crate) struct Call<'a> {
    /// The canonical operation name, for log events.
    pub(crate) operation: &'a str,
    /// The request as the catalog names it (`POST /accounts/{account_id}/sms`), for the note on
    /// an error whose request was not repeated.
    pub(crate) endpoint: &'a str,
    /// The call's own limits and headers.
    pub(crate) opts: &'a CallOptions,
    /// This process's pool (a new one in the child after a fork), taken once for the call.
    pub(crate) agent: &'a ureq::Agent,
    /// Masks the call's secrets in every log event.
    pub(crate) mask: Mask<'a>,
    /// The call's rate budget: gives every attempt its slot (waiting within the deadline) and
    /// hears every response's rate-limit answer.
    pub(crate) pace: Option<&'a Pass<'a>>,
    /// The family's reading of a 429 body (see [`HttpResponse::read_body_wait`]).
    pub(crate) body_wait: BodyWait<'a>,
}

/// What the attempts of one call share: the call, its request, its request id and its clock.
struct Run<'a> {
    transport: &'a Transport,
    call: &'a Call<'a>,
    req: &'a HttpRequest,
    policy: RetryConfig,
    request_id: String,
    host_port: String,
    started: Instant,
    deadline: Instant,
    deadline_length: Duration,
    per_attempt: Duration,
    max_attempts: u32,
}

/// What comes after an attempt that did not end the call with an error.
enum Next {
    /// The call's response.
    Done(HttpResponse),
    /// Wait this long, then try again.
    Retry(Duration),
}

/// The headers and body of a request or response, for a debug log event.
type Seen<'a> = (&'a [(String, String)], &'a [u8]);

/// One log event, before masking.
struct Note<'a> {
    kind: LogEventKind,
    attempt: u32,
    request_id: &'a str,
    status: Option<u16>,
    elapsed: Duration,
    message: Option<String>,
    /// Headers and body, shown with `debug_log`.
    seen: Option<Seen<'a>>,
}

impl Transport {
    /// Send `req`, retrying as the policy allows, until a response arrives or the call fails.
    /// Errors carry the request id and the attempts made; the caller names the operation and
    /// masks them (log events are masked here, with `call.mask`).
    pub(crate) fn execute(&self, req: &HttpRequest, call: &Call<'_>) -> Result<HttpResponse> {
        let run = Run::new(self, req, call);
        let mut number = 1;
        loop {
            match run.attempt(number)? {
                Next::Done(resp) => return Ok(resp),
                Next::Retry(wait) => std::thread::sleep(wait),
            }
            number += 1;
        }
    }
}

impl<'a> Run<'a> {
    fn new(transport: &'a Transport, req: &'a HttpRequest, call: &'a Call<'a>) -> Run<'a> {
        let started = Instant::now();
        let policy = transport.config.retry;
        let deadline_length = call
            .opts
            .deadline
            .unwrap_or(Duration::from_millis(policy.deadline_ms));
        Run {
            transport,
            call,
            req,
            policy,
            request_id: format!("req_{}", crate::random::id_hex(10)),
            host_port: host_port(&req.url),
            started,
            deadline: started + deadline_length,
            deadline_length,
            per_attempt: call
                .opts
                .attempt_timeout
                .unwrap_or(transport.config.attempt_timeout()),
            max_attempts: call.opts.max_attempts.unwrap_or(policy.max_attempts).max(1),
        }
    }

    /// Attempt `number` (from 1): its slot, the deadline, the exchange, and what comes next.
    fn attempt(&self, number: u32) -> Result<Next> {
        let waited = match self.call.pace.map(|p| p.acquire(self.deadline)) {
            Some(Err(e)) => return Err(self.fail(e, number - 1)),
            Some(Ok(waited)) => Some(waited).filter(|w| !w.is_zero()),
            None => None,
        };
        let remaining = self.deadline.saturating_duration_since(Instant::now());
        if remaining.is_zero() {
            let message = deadline_before_attempt(self.deadline_length, number);
            let error = Error::new(ErrorKind::Timeout, message).with_retryable(true);
            return Err(self.fail(error, number - 1));
        }
        self.log_request(number, waited);
        let sent_at = Instant::now();
        let limit = if remaining < self.per_attempt {
            AttemptLimit::Deadline(self.deadline_length)
        } else {
            AttemptLimit::PerAttempt(self.per_attempt)
        };
        let words = Attempt {
            host_port: &self.host_port,
            number,
            connect: self.transport.config.connect_timeout(),
            limit,
        };
        let timeout = self.per_attempt.min(remaining);
        let headers = &self.call.opts.headers;
        let sent = (self.transport).send_once(
            self.call.agent,
            self.req,
            &self.request_id,
            headers,
            timeout,
            &words,
        );
        match sent {
            Ok(resp) => Ok(self.answered(resp, number, sent_at)),
            Err(failure) => self.failed(failure, number),
        }
    }

    /// A response arrived: the call's answer, or (a retryable status the request may repeat
    /// after) the wait before the next attempt.
    fn answered(&self, mut resp: HttpResponse, number: u32, sent_at: Instant) -> Next {
        resp.attempts = number;
        resp.read_body_wait(self.call.body_wait);
        if let Some(pace) = self.call.pace {
            pace.observe(&resp);
        }
        self.emit(Note {
            kind: LogEventKind::Response,
            attempt: number,
            request_id: &resp.request_id,
            status: Some(resp.status),
            elapsed: sent_at.elapsed(),
            message: None,
            seen: Some((&resp.headers, &resp.body)),
        });
        if retry::is_retryable_status(resp.status)
            && retry::may_repeat_after(self.req.idempotent, resp.status)
        {
            let wait = resp
                .retry_after()
                .unwrap_or_else(|| retry::backoff(&self.policy, number));
            if self.may_wait(number, wait) {
                self.emit(Note {
                    kind: LogEventKind::Retry,
                    attempt: number,
                    request_id: &resp.request_id,
                    status: Some(resp.status),
                    elapsed: self.started.elapsed(),
                    message: Some(format!(
                        "HTTP {}; waiting {} ms",
                        resp.status,
                        wait.as_millis()
                    )),
                    seen: None,
                });
                return Next::Retry(wait);
            }
        }
        Next::Done(resp)
    }

    /// No response: the wait before the next attempt when the request may be sent again, else
    /// the error that ends the call.
    fn failed(&self, failure: AttemptFailure, number: u32) -> Result<Next> {
        let may_repeat = self.req.idempotent || failure.not_sent;
        let retryable = failure.error.kind() != ErrorKind::Validation;
        if may_repeat && retryable {
            let wait = retry::backoff(&self.policy, number);
            if self.may_wait(number, wait) {
                self.emit(Note {
                    kind: LogEventKind::Retry,
                    attempt: number,
                    request_id: &self.request_id,
                    status: None,
                    elapsed: self.started.elapsed(),
                    message: Some(format!(
                        "{}; waiting {} ms",
                        failure.error.message(),
                        wait.as_millis()
                    )),
                    seen: None,
                });
                return Ok(Next::Retry(wait));
            }
        }
        let error = failure.error.with_retryable(retryable);
        let error = if !may_repeat && retryable {
            retry::not_repeated(error, self.call.endpoint)
        } else {
            error
        };
        Err(self.fail(error, number))
    }

    /// Whether attempt `number` may be followed by another after waiting `wait`: attempts are
    /// left, and the wait ends before the deadline.
    fn may_wait(&self, number: u32, wait: Duration) -> bool {
        number < self.max_attempts
            && Instant::now()
                .checked_add(wait)
                .is_some_and(|t| t < self.deadline)
    }

    /// The error that ends the call after `attempts` attempts, with the request id, logged.
    fn fail(&self, error: Error, attempts: u32) -> Error {
        let error = error
            .with_request_id(Some(self.request_id.clone()))
            .with_attempts(attempts);
        self.emit(Note {
            kind: LogEventKind::Failure,
            attempt: attempts,
            request_id: &self.request_id,
            status: None,
            elapsed: self.started.elapsed(),
            message: Some(error.to_string()),
            seen: None,
        });
        error
    }

    /// The request event of attempt `number`; `waited`, the time its slot took.
    fn log_request(&self, number: u32, waited: Option<Duration>) {
        let sent_headers = self.debug_log().then(|| self.sent_headers());
        let body = self
            .req
            .body
            .as_ref()
            .map_or(&[][..], |(_, b)| b.as_slice());
        self.emit(Note {
            kind: LogEventKind::Request,
            attempt: number,
            request_id: &self.request_id,
            status: None,
            elapsed: Duration::ZERO,
            message: waited.map(|w| format!("waited {} ms for the rate budget", w.as_millis())),
            seen: sent_headers.as_deref().map(|h| (h, body)),
        });
    }

    /// Whether log events carry headers and bodies (someone listens and `debug_log` is set).
    fn debug_log(&self) -> bool {
        self.transport.log.is_some() && self.transport.config.debug_log
    }

    /// The headers an attempt sends, as a debug log shows them (before masking).
    fn sent_headers(&self) -> Vec<(String, String)> {
        let req = self.req;
        let mut headers = vec![
            (
                "User-Agent".to_string(),
                self.transport.user_agent().to_string(),
            ),
            ("X-Request-Id".to_string(), self.request_id.clone()),
        ];
        headers.extend(req.headers.iter().cloned());
        headers.extend(self.call.opts.headers.iter().cloned());
        if let Some((content_type, _)) = &req.body {
            headers.push(("Content-Type".to_string(), content_type.clone()));
        }
        headers
    }

    /// Send one event to the hook, if there is one, masked; headers and body (masked and cut)
    /// only with `debug_log`.
    fn emit(&self, note: Note<'_>) {
        let Some(hook) = &self.transport.log else {
            return;
        };
        let mask = self.call.mask;
        let (headers, body, body_truncated) = match note.seen.filter(|_| self.debug_log()) {
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
            kind: note.kind,
            operation: self.call.operation.to_string(),
            method: self.req.method.clone(),
            // Masked only when someone listens: most calls have no hook.
            url: mask(&self.req.url),
            attempt: note.attempt,
            // An upstream's request id may echo anything it was sent.
            request_id: mask(note.request_id),
            status: note.status,
            elapsed_ms: note.elapsed.as_millis() as u64,
            message: note.message.map(|m| mask(&m)),
            headers,
            body,
            body_truncated,
        };
        // A panicking hook must not take the call down with it.
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| hook(&event)));
    }
}
