//! One request on a worker thread: the rest of its body (within the body timeout), the
//! pipeline, the response. The connection then goes back to the reactor to wait for the next
//! request, or to be drained and closed.

use super::Limits;
use crate::app::{App, Outcome};
use crate::http::parse::{self, Refusal};
use crate::http::{write, Request, Response};
use std::io::{self, BufReader, Cursor, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// How often a worker blocked on a slow body looks at the stop flag.
const POLL: Duration = Duration::from_millis(200);

/// A request whose head the reactor has read.
pub struct Job {
    /// The connection (non-blocking while the reactor held it).
    pub stream: TcpStream,
    /// The request; its body too when `body_read`.
    pub req: Request,
    /// Whether `req.body` is complete (a small `Content-Length` body the reactor collected).
    pub body_read: bool,
    /// Bytes already received after the head (and after the body, when `body_read`).
    pub leftover: Vec<u8>,
}

/// What becomes of the connection.
pub enum After {
    /// Wait for the next request; `leftover` holds bytes of it already received.
    KeepAlive {
        /// The connection.
        stream: TcpStream,
        /// Bytes received past this request.
        leftover: Vec<u8>,
    },
    /// Answered and half-closed: read and drop what the client still sends, then close.
    Drain(TcpStream),
    /// Closed (or reset) already.
    Closed,
}

/// Reads the rest of `job`'s request, runs it through `app`, writes the answer.
pub fn serve(job: Job, app: &App, limits: &Limits, stop: &AtomicBool) -> After {
    let Job {
        stream,
        mut req,
        body_read,
        mut leftover,
    } = job;
    if stream.set_nonblocking(false).is_err()
        || stream.set_write_timeout(Some(limits.body_timeout)).is_err()
    {
        return After::Closed;
    }
    if !body_read {
        match read_body(&stream, &mut req, leftover, limits.body_timeout, stop) {
            Ok(rest) => leftover = rest,
            Err(e) => return refuse_after(stream, &e),
        }
    }
    let close = req.wants_close();
    let head_only = req.method == "HEAD";
    let written = match app.dispatch(&req) {
        Outcome::Respond(resp) => write::write_response(&mut &stream, &resp, close, head_only),
        Outcome::Truncated(resp) => {
            let _ = write::write_truncated(&mut &stream, &resp);
            let _ = stream.shutdown(Shutdown::Both);
            return After::Closed;
        }
        Outcome::Close => {
            reset(&stream);
            return After::Closed;
        }
    };
    match (written, close) {
        (Err(_), _) => After::Closed,
        (Ok(()), true) => {
            let _ = stream.shutdown(Shutdown::Write);
            After::Drain(stream)
        }
        (Ok(()), false) => After::KeepAlive { stream, leftover },
    }
}

/// Reads `req`'s body from `leftover`, then the socket, within `timeout`; returns the bytes
/// received past it. Answers `Expect: 100-continue` first.
fn read_body(
    stream: &TcpStream,
    req: &mut Request,
    leftover: Vec<u8>,
    timeout: Duration,
    stop: &AtomicBool,
) -> io::Result<Vec<u8>> {
    if req
        .header("expect")
        .is_some_and(|v| v.eq_ignore_ascii_case("100-continue"))
    {
        (&*stream).write_all(b"HTTP/1.1 100 Continue\r\n\r\n")?;
    }
    let socket = Deadline {
        stream,
        until: Instant::now() + timeout,
        stop,
    };
    let mut reader = BufReader::new(Cursor::new(leftover).chain(socket));
    parse::read_body(&mut reader, req)?;
    let mut rest = reader.buffer().to_vec();
    let (cursor, _) = reader.into_inner().into_inner();
    let unread = cursor.get_ref().get(cursor.position() as usize..);
    rest.extend_from_slice(unread.unwrap_or_default());
    Ok(rest)
}

/// The socket, read with a deadline: each read waits at most [`POLL`], and a read past the
/// deadline (or after the stop flag is set) fails with `TimedOut`.
struct Deadline<'a> {
    stream: &'a TcpStream,
    until: Instant,
    stop: &'a AtomicBool,
}

impl Read for Deadline<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            let left = self.until.saturating_duration_since(Instant::now());
            if left.is_zero() || self.stop.load(Ordering::SeqCst) {
                return Err(io::ErrorKind::TimedOut.into());
            }
            self.stream.set_read_timeout(Some(left.min(POLL)))?;
            match (&*self.stream).read(buf) {
                Err(e)
                    if matches!(
                        e.kind(),
                        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                    ) => {}
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                other => return other,
            }
        }
    }
}

/// The answer to a request refused before dispatch: the refusal's status and message; 408 for
/// a body that did not arrive in time; `None` when the client went away (nothing to answer).
pub fn refusal_response(e: &io::Error) -> Option<Response> {
    let (status, message) = match (Refusal::of(e), e.kind()) {
        (Some(r), _) => (r.status, r.message.clone()),
        (None, io::ErrorKind::TimedOut) => (408, "the request did not arrive in time".into()),
        (None, io::ErrorKind::InvalidData) => (400, e.to_string()),
        _ => return None,
    };
    let text = format!("{}: {message}", crate::http::reason(status));
    Some(crate::errors::error(status, &text).with_header("X-Request-Id", "sbx-unparsed"))
}

/// Answers a refused request (blocking, within the write timeout) and half-closes.
fn refuse_after(stream: TcpStream, e: &io::Error) -> After {
    let Some(resp) = refusal_response(e) else {
        return After::Closed;
    };
    if write::write_response(&mut &stream, &resp, true, false).is_err() {
        return After::Closed;
    }
    let _ = stream.shutdown(Shutdown::Write);
    After::Drain(stream)
}

/// Ends the connection with a TCP RST, as a crashed upstream or a middlebox does: SO_LINGER with a
/// zero timeout, then the close when the caller drops the socket. The client sees "connection
/// reset by peer", not an orderly end of stream. Where the option cannot be set (not Unix), it
/// falls back to an orderly shutdown.
fn reset(stream: &TcpStream) {
    #[cfg(unix)]
    {
        use std::os::fd::AsRawFd;
        let linger = libc::linger {
            l_onoff: 1,
            l_linger: 0,
        };
        // SAFETY: the descriptor belongs to `stream`, which is open for the whole call, and the
        // option value is a properly sized `linger` that lives on the stack until the call returns.
        let rc = unsafe {
            libc::setsockopt(
                stream.as_raw_fd(),
                libc::SOL_SOCKET,
                libc::SO_LINGER,
                (&linger as *const libc::linger).cast(),
                std::mem::size_of::<libc::linger>() as libc::socklen_t,
            )
        };
        if rc == 0 {
            return;
        }
    }
    let _ = stream.shutdown(Shutdown::Both);
}
