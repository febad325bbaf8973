//! Reading HTTP/1.1 requests from a buffered stream.

use super::{url, Request};
use std::io::{self, BufRead, Read};

/// Longest accepted request or header line.
pub const MAX_LINE: usize = 16 * 1024;
/// Most headers accepted on one request.
pub const MAX_HEADERS: usize = 128;
/// Largest accepted body.
pub const MAX_BODY: usize = 64 << 20;

fn bad(msg: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, msg.to_string())
}

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
            bad("line too long")
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
/// Returns `Ok(None)` when the peer closed the connection between requests.
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
            return Ok(Some(req));
        }
        if req.headers.len() >= MAX_HEADERS {
            return Err(bad("too many headers"));
        }
        let (name, value) = line
            .split_once(':')
            .ok_or_else(|| bad("malformed header"))?;
        req.headers
            .push((name.trim().to_string(), value.trim().to_string()));
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

/// Reads the body announced by `req`'s headers (Content-Length or chunked) into `req.body`.
pub fn read_body<R: BufRead>(r: &mut R, req: &mut Request) -> io::Result<()> {
    let chunked = req
        .header("transfer-encoding")
        .is_some_and(|te| te.to_ascii_lowercase().contains("chunked"));
    if chunked {
        req.body = read_chunked(r)?;
        return Ok(());
    }
    let len = match req.header("content-length") {
        None => 0,
        Some(v) => v
            .trim()
            .parse::<usize>()
            .map_err(|_| bad("invalid Content-Length"))?,
    };
    if len > MAX_BODY {
        return Err(bad("body too large"));
    }
    let mut body = vec![0; len];
    r.read_exact(&mut body)?;
    req.body = body;
    Ok(())
}

/// Reads a chunked body (the chunks, then trailers up to the empty line).
pub fn read_chunked<R: BufRead>(r: &mut R) -> io::Result<Vec<u8>> {
    let mut body = Vec::new();
    loop {
        let line = read_line(r)?.ok_or_else(|| io::Error::from(io::ErrorKind::UnexpectedEof))?;
        let size_text = line.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_text, 16).map_err(|_| bad("invalid chunk size"))?;
        if size == 0 {
            // Trailers, up to the empty line.
            while read_line(r)?.is_some_and(|l| !l.is_empty()) {}
            return Ok(body);
        }
        if body.len() + size > MAX_BODY {
            return Err(bad("body too large"));
        }
        let start = body.len();
        body.resize(start + size, 0);
        r.read_exact(&mut body[start..])?;
        read_line(r)?;
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
}
