//! Reading HTTP/1.1 requests from a buffered stream, with the message-framing rules of RFC 9112
//! §6 that keep a request from being read two ways (request smuggling):
//!
//! * `Content-Length` is digits only; several values (repeated headers or a list) must agree.
//! * `Transfer-Encoding` together with `Content-Length` is refused, as is `Transfer-Encoding` on
//!   an HTTP/1.0 request.
//! * `Transfer-Encoding` must end with `chunked` (400); a coding the sandbox does not decode,
//!   such as `gzip`, gets 501.
//! * Header names carry no whitespace before the colon, and obsolete line folding is refused.
//! * A chunk's size is hex digits only, and its data is followed by exactly CRLF.
//!
//! Every refusal is an [`io::ErrorKind::InvalidData`] error carrying a [`Refusal`] (the status
//! to answer and why); the connection is closed after the answer.
//!
//! ```
//! use phonecom_sandbox::http::parse::{read_request, Refusal};
//! let raw = "POST /v4/x HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n";
//! let err = read_request(&mut raw.as_bytes()).unwrap_err();
//! assert_eq!(Refusal::of(&err).map(|r| r.status), Some(400));
//! ```

use super::{url, Request};
use std::io::{self, BufRead, Read};

/// Longest accepted request or header line.
pub const MAX_LINE: usize = 16 * 1024;
/// Most headers accepted on one request.
pub const MAX_HEADERS: usize = 128;
/// Largest accepted body.
pub const MAX_BODY: usize = 64 << 20;

/// Why a request is refused before it reaches the pipeline: the status to answer and a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// 400, 408, 413, 431 or 501.
    pub status: u16,
    /// What was wrong, e.g. `conflicting Content-Length values`.
    pub message: String,
}

impl Refusal {
    /// The refusal inside `e`, if `e` is one.
    pub fn of(e: &io::Error) -> Option<&Refusal> {
        e.get_ref()
            .and_then(|inner| inner.downcast_ref::<Refusal>())
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Refusal {}

/// An [`io::ErrorKind::InvalidData`] error carrying a [`Refusal`] with `status`.
pub fn refuse(status: u16, message: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        Refusal {
            status,
            message: message.to_string(),
        },
    )
}

fn bad(msg: &str) -> io::Error {
    refuse(400, msg)
}
/// Largest accepted request head (request line and headers together).
pub const MAX_HEAD: usize = 256 * 1024;

/// Reads one line without its line ending; `None` at end of stream before any byte.
fn read_line<R: BufRead>(r: &mut R) -> io::Result<Option<String>> {
    let mut buf = Vec::new();
    let n = r
        .by_ref()
        .take(MAX_LINE as u64 + 1)
        .read_until(b'\n', &mut buf)?;
    if n == 0 {
        return Ok(None);
    }
    if buf.last() != Some(&b'\n') {
        return Err(if n > MAX_LINE {
            refuse(431, "line too long")
        } else {
            io::ErrorKind::UnexpectedEof.into()
        });
    }
    while matches!(buf.last(), Some(b'\n' | b'\r')) {
        buf.pop();
    }
    String::from_utf8(buf)
        .map(Some)
        .map_err(|_| bad("header is not UTF-8"))
}

/// Reads the request line and headers; the body is left in the stream (see [`read_body`]).
/// Returns `Ok(None)` when the peer closed the connection between requests. The body's framing
/// is checked here ([`framing`]), so a request that could be read two ways is refused before
/// anything of it is handled.
pub fn read_head<R: BufRead>(r: &mut R) -> io::Result<Option<Request>> {
    let line = loop {
        match read_line(r)? {
            None => return Ok(None),
            Some(l) if l.is_empty() => continue,
            Some(l) => break l,
        }
    };
    let mut parts = line.split_whitespace();
    let (method, target, version) = match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(m), Some(t), Some(v), None) if v.starts_with("HTTP/1.") => (m, t, v),
        _ => return Err(bad("malformed request line")),
    };
    let target = strip_authority(target);
    let (path, query) = url::split_target(target);
    let mut req = Request {
        method: method.to_ascii_uppercase(),
        path,
        query,
        version: version.into(),
        ..Default::default()
    };
    loop {
        let line = read_line(r)?.ok_or_else(|| io::Error::from(io::ErrorKind::UnexpectedEof))?;
        if line.is_empty() {
            framing(&req)?;
            return Ok(Some(req));
        }
        if req.headers.len() >= MAX_HEADERS {
            return Err(refuse(431, "too many headers"));
        }
        if line.starts_with([' ', '\t']) {
            return Err(bad("obsolete line folding is not accepted"));
        }
        let (name, value) = line
            .split_once(':')
            .ok_or_else(|| bad("malformed header"))?;
        if name.is_empty() || name.contains(|c: char| c.is_ascii_whitespace()) {
            return Err(bad(
                "malformed header name (no whitespace before the colon)",
            ));
        }
        req.headers
            .push((name.to_string(), value.trim().to_string()));
    }
}

/// Parses a request head at the start of `buf`: `Ok(None)` while it is incomplete, otherwise
/// the request and the number of bytes it took (the body, if any, follows them).
pub fn parse_head(buf: &[u8]) -> io::Result<Option<(Request, usize)>> {
    let blank_line =
        |i: usize| buf[i] == b'\n' && matches!(&buf[i + 1..], [b'\n', ..] | [b'\r', b'\n', ..]);
    if !(0..buf.len()).any(blank_line) {
        return match buf.len() > MAX_HEAD {
            true => Err(refuse(431, "request head too large")),
            false => Ok(None),
        };
    }
    let mut cursor = io::Cursor::new(buf);
    match read_head(&mut cursor) {
        Ok(Some(_)) if cursor.position() as usize > MAX_HEAD => {
            Err(refuse(431, "request head too large"))
        }
        Ok(Some(req)) => Ok(Some((req, cursor.position() as usize))),
        Ok(None) => Ok(None),
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => Ok(None),
        Err(e) => Err(e),
    }
}

/// `http://host:port/path?q` -> `/path?q`; origin-form targets are returned unchanged.
fn strip_authority(target: &str) -> &str {
    match target.find("://") {
        Some(i) if !target.starts_with('/') => {
            let rest = &target[i + 3..];
            rest.find('/').map(|j| &rest[j..]).unwrap_or("/")
        }
        _ => target,
    }
}

/// How a request's body is delimited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Framing {
    /// `Content-Length: N` (0 when absent).
    Length(usize),
    /// `Transfer-Encoding: chunked`.
    Chunked,
}

/// The framing of `req`'s body by RFC 9112 §6.3, or the refusal (see the module doc).
pub fn framing(req: &Request) -> io::Result<Framing> {
    let named = |name: &str| {
        req.headers
            .iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case(name))
            .flat_map(|(_, v)| v.split(','))
            .map(|v| v.trim().to_ascii_lowercase())
            .collect::<Vec<_>>()
    };
    let (codings, lengths) = (named("transfer-encoding"), named("content-length"));
    if !codings.is_empty() {
        if !lengths.is_empty() {
            return Err(bad(
                "Content-Length together with Transfer-Encoding (RFC 9112 §6.3)",
            ));
        }
        if req.version == "HTTP/1.0" {
            return Err(bad("Transfer-Encoding on an HTTP/1.0 request"));
        }
        let codings: Vec<&str> = codings.iter().map(|c| coding_name(c)).collect();
        if codings.last() != Some(&"chunked") {
            return Err(bad("Transfer-Encoding must end with chunked"));
        }
        if let Some(other) = codings.iter().find(|c| **c != "chunked") {
            let shown: String = other.chars().take(40).collect();
            return Err(refuse(
                501,
                &format!("transfer coding `{shown}` is not supported (only chunked)"),
            ));
        }
        if codings.len() > 1 {
            return Err(bad("chunked is applied more than once"));
        }
        return Ok(Framing::Chunked);
    }
    let mut length = None;
    for v in &lengths {
        if v.is_empty() || !v.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad("invalid Content-Length"));
        }
        let n = v
            .parse::<usize>()
            .map_err(|_| refuse(413, "body too large"))?;
        if length.is_some_and(|l| l != n) {
            return Err(bad("conflicting Content-Length values"));
        }
        length = Some(n);
    }
    let n = length.unwrap_or(0);
    if n > MAX_BODY {
        return Err(refuse(413, "body too large"));
    }
    Ok(Framing::Length(n))
}

/// A transfer coding without its parameters: `chunked;x=1` -> `chunked`.
fn coding_name(c: &str) -> &str {
    c.split(';').next().unwrap_or("").trim()
}

/// Reads the body announced by `req`'s headers (Content-Length or chunked) into `req.body`.
pub fn read_body<R: BufRead>(r: &mut R, req: &mut Request) -> io::Result<()> {
    req.body = match framing(req)? {
        Framing::Chunked => read_chunked(r)?,
        Framing::Length(len) => {
            let mut body = vec![0; len];
            r.read_exact(&mut body)?;
            body
        }
    };
    Ok(())
}

/// Reads a chunked body (the chunks, then trailers up to the empty line).
pub fn read_chunked<R: BufRead>(r: &mut R) -> io::Result<Vec<u8>> {
    let eof = || io::Error::from(io::ErrorKind::UnexpectedEof);
    let mut body = Vec::new();
    loop {
        let line = read_line(r)?.ok_or_else(eof)?;
        let size_text = line.split(';').next().unwrap_or("").trim();
        if size_text.is_empty() || !size_text.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(bad("invalid chunk size"));
        }
        let size = usize::from_str_radix(size_text, 16).unwrap_or(usize::MAX);
        if size == 0 {
            for _ in 0..=MAX_HEADERS {
                if read_line(r)?.ok_or_else(eof)?.is_empty() {
                    return Ok(body);
                }
            }
            return Err(refuse(431, "too many trailers"));
        }
        if size > MAX_BODY - body.len() {
            return Err(refuse(413, "body too large"));
        }
        let start = body.len();
        body.resize(start + size, 0);
        r.read_exact(&mut body[start..])?;
        if !read_line(r)?.ok_or_else(eof)?.is_empty() {
            return Err(bad("chunk data is not followed by CRLF"));
        }
    }
}

/// Reads a whole request (head and body).
pub fn read_request<R: BufRead>(r: &mut R) -> io::Result<Option<Request>> {
    match read_head(r)? {
        None => Ok(None),
        Some(mut req) => {
            read_body(r, &mut req)?;
            Ok(Some(req))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::read_request;
    use std::io::Cursor;

    fn parse(raw: &str) -> std::io::Result<Option<super::Request>> {
        read_request(&mut Cursor::new(raw.as_bytes().to_vec()))
    }

    #[test]
    fn parses_request_with_body_and_query() {
        let raw = "POST /v4/x%20y?filters%5Bnpa%5D=eq%3A858&q=a+b HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\nX-A:  v \r\n\r\nbodyEXTRA";
        let r = parse(raw).unwrap().unwrap();
        assert_eq!((r.method.as_str(), r.path.as_str()), ("POST", "/v4/x y"));
        assert_eq!(r.query_param("filters[npa]"), Some("eq:858"));
        assert_eq!(r.query_param("q"), Some("a b"));
        assert_eq!(r.header("x-a"), Some("v"));
        assert_eq!(r.body, b"body");
        assert!(!r.wants_close());
    }

    #[test]
    fn parses_chunked_and_pipelined() {
        let raw = "POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\nT: 1\r\n\r\nGET /b HTTP/1.0\r\n\r\n";
        let mut c = std::io::Cursor::new(raw.as_bytes().to_vec());
        let a = read_request(&mut c).unwrap().unwrap();
        assert_eq!(a.body, b"abcde");
        let b = read_request(&mut c).unwrap().unwrap();
        assert_eq!(b.path, "/b");
        assert!(b.wants_close());
        assert!(read_request(&mut c).unwrap().is_none());
    }

    #[test]
    fn rejects_garbage() {
        assert!(parse("NONSENSE\r\n\r\n").is_err());
        assert!(parse("GET / HTTP/1.1\r\nno-colon\r\n\r\n").is_err());
        assert!(parse("GET / HTTP/1.1\r\nContent-Length: x\r\n\r\n").is_err());
        assert!(parse("GET / HTTP/1.1\r\nContent-Length: 10\r\n\r\nshort").is_err());
        assert!(parse("GET / HTTP/1.1\r\nHost: h\r\n").is_err());
        assert!(parse("").unwrap().is_none());
        let abs = parse("GET http://127.0.0.1:9/v4/ping?x=1 HTTP/1.1\r\n\r\n")
            .unwrap()
            .unwrap();
        assert_eq!(abs.path, "/v4/ping");
    }

    fn refused(raw: &str) -> u16 {
        let e = parse(raw).expect_err(raw);
        super::Refusal::of(&e).map_or(0, |r| r.status)
    }

    #[test]
    fn framing_rules_of_rfc_9112() {
        let head = "POST /a HTTP/1.1\r\n";
        let with = |h: &str| format!("{head}{h}\r\n\r\nabcdef");
        assert_eq!(
            refused(&with("Content-Length: 3\r\nContent-Length: 4")),
            400
        );
        assert_eq!(refused(&with("Content-Length: 3, 4")), 400);
        assert_eq!(refused(&with("Content-Length: +3")), 400);
        assert_eq!(
            refused(&with("Content-Length: 3\r\nTransfer-Encoding: chunked")),
            400
        );
        assert_eq!(refused(&with("Transfer-Encoding: chunked, gzip")), 400);
        assert_eq!(refused(&with("Transfer-Encoding: gzip, chunked")), 501);
        assert_eq!(
            refused(&with(
                "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked"
            )),
            400
        );
        assert_eq!(refused(&with("Content-Length : 3")), 400);
        assert_eq!(refused(&with("X-A: 1\r\n folded")), 400);
        assert_eq!(
            refused(&with("Content-Length: 99999999999999999999999")),
            413
        );
        assert_eq!(
            refused("POST /a HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
            400
        );
        assert_eq!(
            refused(&format!(
                "{head}Transfer-Encoding: chunked\r\n\r\n+3\r\nabc\r\n0\r\n\r\n"
            )),
            400
        );
        assert_eq!(
            refused(&format!(
                "{head}Transfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n0\r\n\r\n"
            )),
            400
        );
        assert_eq!(
            refused(&format!(
                "{head}Transfer-Encoding: chunked\r\n\r\nffffffffffffffffffff\r\n"
            )),
            413
        );
        let same = parse(&with("Content-Length: 3\r\ncontent-length: 3"))
            .unwrap()
            .unwrap();
        assert_eq!(same.body, b"abc");
    }

    #[test]
    fn parse_head_waits_for_the_blank_line() {
        use super::parse_head;
        assert!(parse_head(b"GET / HTTP/1.1\r\nHost: x\r\n")
            .unwrap()
            .is_none());
        assert!(parse_head(b"\r\n\r\n").unwrap().is_none());
        let (req, used) = parse_head(b"GET /p HTTP/1.1\r\nHost: x\r\n\r\nrest")
            .unwrap()
            .unwrap();
        assert_eq!((req.path.as_str(), used), ("/p", 28));
        assert!(parse_head(b"BROKEN\r\n\r\n").is_err());
        let long = vec![b'a'; super::MAX_HEAD + 1];
        assert_eq!(
            super::Refusal::of(&parse_head(&long).unwrap_err())
                .unwrap()
                .status,
            431
        );
    }
}
