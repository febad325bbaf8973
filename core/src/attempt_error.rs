//! How one attempt failed before a response arrived, in words a developer can act on: a timeout
//! names the limit that fired and its value, a refused connection names the host and port.
//!
//! ```text
//! timed out: the 30 s deadline for the whole call elapsed (during attempt 2 to api.phone.com:443)
//! timed out: the 5 s per-attempt timeout elapsed (attempt 1 to api.phone.com:443)
//! timed out: the 10 s connect timeout elapsed connecting to api.phone.com:443
//! connection refused by 127.0.0.1:9 (is the server running on that port?)
//! ```

use crate::error::{Error, ErrorKind};
use std::io::ErrorKind as IoKind;
use std::time::Duration;

/// How one attempt failed before a response arrived.
pub(crate) struct AttemptFailure {
    pub(crate) error: Error,
    /// The request surely did not reach the server (no connection was made).
    pub(crate) not_sent: bool,
}

/// The limit bounding an attempt as a whole: its own timeout, or what was left of the call's
/// deadline when that was shorter.
#[derive(Clone, Copy, Debug)]
pub(crate) enum AttemptLimit {
    /// `timeouts.attempt_ms` (or the call's `attempt_timeout`).
    PerAttempt(Duration),
    /// The call's deadline (its full length), which ends before the per-attempt timeout would.
    Deadline(Duration),
}

/// What an attempt was doing, for the words of its failure.
pub(crate) struct Attempt<'a> {
    /// `host:port` the attempt connects to.
    pub(crate) host_port: &'a str,
    /// Attempt number, from 1.
    pub(crate) number: u32,
    /// The connect timeout.
    pub(crate) connect: Duration,
    /// The limit of the attempt as a whole.
    pub(crate) limit: AttemptLimit,
}

/// A duration as people write it: `300 ms`, `1.5 s`, `30 s`.
pub(crate) fn human(d: Duration) -> String {
    let ms = d.as_millis();
    if ms < 1000 {
        format!("{ms} ms")
    } else {
        format!("{} s", ms as f64 / 1000.0)
    }
}

/// The message of a call whose deadline passed before attempt `number` could start.
pub(crate) fn deadline_before_attempt(deadline: Duration, number: u32) -> String {
    format!(
        "timed out: the {} deadline for the whole call elapsed before attempt {number}",
        human(deadline)
    )
}

impl Attempt<'_> {
    /// The message of a timeout that ended the attempt: the connect timeout, or the limit of the
    /// attempt as a whole.
    fn timeout(&self, connecting: bool) -> String {
        let host = self.host_port;
        if connecting {
            return format!(
                "timed out: the {} connect timeout elapsed connecting to {host}",
                human(self.connect)
            );
        }
        match self.limit {
            AttemptLimit::PerAttempt(d) => format!(
                "timed out: the {} per-attempt timeout elapsed (attempt {} to {host})",
                human(d),
                self.number
            ),
            AttemptLimit::Deadline(d) => format!(
                "timed out: the {} deadline for the whole call elapsed (during attempt {} to {host})",
                human(d),
                self.number
            ),
        }
    }
}

/// Map a ureq error to ours, noting whether the request surely never left.
pub(crate) fn classify(e: ureq::Error, attempt: &Attempt<'_>) -> AttemptFailure {
    use ureq::Error as U;
    let host = attempt.host_port;
    let (kind, not_sent, message) = match &e {
        U::HostNotFound => (
            ErrorKind::Transport,
            true,
            format!("host not found: {}", host_name(host)),
        ),
        U::ConnectionFailed => (
            ErrorKind::Transport,
            true,
            format!("connection to {host} failed"),
        ),
        U::Timeout(t) => {
            let connect = matches!(t, ureq::Timeout::Connect | ureq::Timeout::Resolve);
            (ErrorKind::Timeout, connect, attempt.timeout(connect))
        }
        U::Io(io) => match io.kind() {
            IoKind::ConnectionRefused => (
                ErrorKind::Transport,
                true,
                format!("connection refused by {host} (is the server running on that port?)"),
            ),
            IoKind::AddrNotAvailable => (
                ErrorKind::Transport,
                true,
                format!("cannot connect to {host} ({io})"),
            ),
            IoKind::TimedOut | IoKind::WouldBlock => {
                (ErrorKind::Timeout, false, attempt.timeout(false))
            }
            IoKind::ConnectionReset
            | IoKind::ConnectionAborted
            | IoKind::BrokenPipe
            | IoKind::UnexpectedEof => (
                ErrorKind::Transport,
                false,
                format!("connection closed by {host} ({io})"),
            ),
            _ => (ErrorKind::Transport, false, format!("I/O error ({io})")),
        },
        U::Protocol(p) if refused_before_sending(p) => (
            ErrorKind::Validation,
            true,
            format!("cannot send the request ({p})"),
        ),
        U::Protocol(p) => (
            ErrorKind::Transport,
            false,
            format!("HTTP protocol error ({p})"),
        ),
        U::BodyExceedsLimit(n) => (
            ErrorKind::Decode,
            false,
            format!("response body larger than {n} bytes"),
        ),
        U::Tls(t) => (ErrorKind::Transport, true, format!("TLS error ({t})")),
        U::Rustls(r) => (ErrorKind::Transport, true, format!("TLS error ({r})")),
        U::InvalidProxyUrl => (ErrorKind::Validation, true, "invalid proxy URL".to_string()),
        U::BadUri(u) => (ErrorKind::Validation, true, format!("bad URL ({u})")),
        // Refused while the request head was being checked, before a byte was written.
        U::Http(h) => (
            ErrorKind::Validation,
            true,
            format!("cannot build the request ({h})"),
        ),
        other => (ErrorKind::Transport, false, other.to_string()),
    };
    AttemptFailure {
        error: Error::new(kind, message).with_retryable(kind != ErrorKind::Validation),
        not_sent,
    }
}

/// `host:port` of a URL, the port filled in from the scheme when the URL has none.
pub(crate) fn host_port(url: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("https", url));
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let authority = authority.rsplit('@').next().unwrap_or(authority);
    let has_port = match authority.rfind(']') {
        Some(end) => authority[end..].contains(':'),
        None => authority.contains(':'),
    };
    if has_port {
        authority.to_string()
    } else {
        let port = if scheme.eq_ignore_ascii_case("http") {
            80
        } else {
            443
        };
        format!("{authority}:{port}")
    }
}

/// The host of a `host:port`.
fn host_name(host_port: &str) -> &str {
    host_port
        .rsplit_once(':')
        .map_or(host_port, |(host, _)| host)
}

/// ureq-proto errors raised while checking the request head, before anything is written (an
/// Authorization header that is not ASCII, two Host headers...). ureq does not re-export
/// ureq-proto's error type, so its variant is read from the Debug name.
fn refused_before_sending(e: &impl std::fmt::Debug) -> bool {
    const BEFORE_SENDING: &[&str] = &[
        "BadHeader",
        "BadHostHeader",
        "BadAuthorizationHeader",
        "TooManyHostHeaders",
        "TooManyContentLengthHeaders",
        "BadContentLengthHeader",
        "ConflictingBodyHeaders",
        "MethodVersionMismatch",
        "UnsupportedVersion",
        "BodyNotAllowed",
    ];
    let debug = format!("{e:?}");
    let variant = debug.split(['(', ' ', '{']).next().unwrap_or("");
    BEFORE_SENDING.contains(&variant)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_people_write_them() {
        assert_eq!(human(Duration::from_millis(300)), "300 ms");
        assert_eq!(human(Duration::from_millis(1500)), "1.5 s");
        assert_eq!(human(Duration::from_secs(30)), "30 s");
    }

    #[test]
    fn host_and_port_come_from_the_url() {
        assert_eq!(host_port("https://api.phone.com/v4/x"), "api.phone.com:443");
        assert_eq!(host_port("http://127.0.0.1:8123/v4?a=b"), "127.0.0.1:8123");
        assert_eq!(host_port("http://u:p@[::1]/x"), "[::1]:80");
        assert_eq!(host_port("http://[::1]:9/x"), "[::1]:9");
        assert_eq!(host_name("api.phone.com:443"), "api.phone.com");
    }

    #[test]
    fn a_timeout_names_the_limit_that_fired_and_its_value() {
        let mut attempt = Attempt {
            host_port: "api.phone.com:443",
            number: 2,
            connect: Duration::from_secs(10),
            limit: AttemptLimit::PerAttempt(Duration::from_secs(5)),
        };
        assert_eq!(
            attempt.timeout(false),
            "timed out: the 5 s per-attempt timeout elapsed (attempt 2 to api.phone.com:443)"
        );
        assert_eq!(
            attempt.timeout(true),
            "timed out: the 10 s connect timeout elapsed connecting to api.phone.com:443"
        );
        attempt.limit = AttemptLimit::Deadline(Duration::from_secs(30));
        assert_eq!(
            attempt.timeout(false),
            "timed out: the 30 s deadline for the whole call elapsed (during attempt 2 to api.phone.com:443)"
        );
    }
}
