//! A small std-only HTTP/1.1 client for calling the partner's URL: `http://` only, one request
//! per connection (`Connection: close`), Content-Length, chunked or read-to-close bodies.

use crate::http::parse::read_chunked;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::time::Duration;

/// Largest response body read.
pub const MAX_BODY: usize = 1 << 20;

/// A parsed `http://` URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Url {
    /// Host name or address (IPv6 without brackets).
    pub host: String,
    /// Port (80 by default).
    pub port: u16,
    /// `host[:port]` as written.
    pub authority: String,
    /// Path, at least `/`.
    pub path: String,
    /// The query string without `?` (may be empty).
    pub query: String,
}

impl Url {
    /// Parses `http://host[:port][/path][?query]` (a `#fragment` is dropped).
    pub fn parse(s: &str) -> Result<Url, String> {
        let rest = s
            .strip_prefix("http://")
            .ok_or_else(|| format!("`{s}` is not an http:// URL (https is not supported)"))?;
        let rest = rest.split('#').next().unwrap_or("");
        let end = rest.find(['/', '?']).unwrap_or(rest.len());
        let (authority, tail) = rest.split_at(end);
        if authority.is_empty() || authority.contains('@') {
            return Err(format!("`{s}` has no usable host"));
        }
        let (host, port) = if let Some(v6) = authority.strip_prefix('[') {
            let (h, after) = v6.split_once(']').ok_or("unclosed [ in the host")?;
            (h.to_string(), after.strip_prefix(':'))
        } else {
            match authority.rsplit_once(':') {
                Some((h, p)) => (h.to_string(), Some(p)),
                None => (authority.to_string(), None),
            }
        };
        let port = match port {
            None => 80,
            Some(p) => p.parse().map_err(|_| format!("`{p}` is not a port"))?,
        };
        let (path, query) = tail.split_once('?').unwrap_or((tail, ""));
        Ok(Url {
            host,
            port,
            authority: authority.to_string(),
            path: if path.is_empty() {
                "/".into()
            } else {
                path.into()
            },
            query: query.into(),
        })
    }

    /// The URL with `extra` appended to its query string.
    pub fn with_query(&self, extra: &str) -> String {
        let q = match (self.query.is_empty(), extra.is_empty()) {
            (true, _) => extra.to_string(),
            (false, true) => self.query.clone(),
            (false, false) => format!("{}&{extra}", self.query),
        };
        let target = if q.is_empty() {
            self.path.clone()
        } else {
            format!("{}?{q}", self.path)
        };
        format!("http://{}{target}", self.authority)
    }

    fn target(&self, extra: &str) -> String {
        let full = self.with_query(extra);
        full[7 + self.authority.len()..].to_string()
    }
}

/// A response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// Status code.
    pub status: u16,
    /// Headers as received.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl Reply {
    /// The first header named `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Sends one request: GET with `query` appended to the URL's, or POST with `form` as an
/// `application/x-www-form-urlencoded` body.
pub fn send(
    method: &str,
    url: &Url,
    query: &str,
    form: Option<&str>,
    timeout: Duration,
) -> Result<Reply, String> {
    let addrs: Vec<_> = (url.host.as_str(), url.port)
        .to_socket_addrs()
        .map_err(|e| format!("cannot resolve {}: {e}", url.host))?
        .collect();
    let mut last = format!("no address for {}", url.host);
    let mut stream = None;
    for a in addrs {
        match TcpStream::connect_timeout(&a, timeout) {
            Ok(s) => {
                stream = Some(s);
                break;
            }
            Err(e) => last = format!("cannot connect to {a}: {e}"),
        }
    }
    let stream = stream.ok_or(last)?;
    stream
        .set_read_timeout(Some(timeout))
        .map_err(|e| e.to_string())?;
    stream
        .set_write_timeout(Some(timeout))
        .map_err(|e| e.to_string())?;
    let mut head = format!(
        "{method} {} HTTP/1.1\r\nHost: {}\r\nUser-Agent: phonecom-sandbox-callcontrol/1\r\nAccept: text/plain\r\nConnection: close\r\n",
        url.target(query),
        url.authority
    );
    let body = form.unwrap_or("");
    if form.is_some() {
        head.push_str("Content-Type: application/x-www-form-urlencoded\r\n");
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    head.push_str("\r\n");
    head.push_str(body);
    (&stream)
        .write_all(head.as_bytes())
        .map_err(|e| format!("sending the request failed: {e}"))?;
    read_reply(&mut BufReader::new(stream), method == "HEAD")
        .map_err(|e| format!("reading the response failed: {e}"))
}

fn read_line<R: BufRead>(r: &mut R) -> std::io::Result<String> {
    let mut buf = Vec::new();
    r.by_ref().take(16 * 1024).read_until(b'\n', &mut buf)?;
    if buf.last() != Some(&b'\n') {
        return Err(std::io::ErrorKind::UnexpectedEof.into());
    }
    Ok(String::from_utf8_lossy(&buf).trim_end().to_string())
}

/// Reads one response (1xx interim responses are skipped).
pub fn read_reply<R: BufRead>(r: &mut R, head_only: bool) -> std::io::Result<Reply> {
    let invalid = |m: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, m.to_string());
    loop {
        let line = read_line(r)?;
        let mut parts = line.splitn(3, ' ');
        let (version, code) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
        if !version.starts_with("HTTP/1.") {
            return Err(invalid(&format!("not an HTTP/1.x status line: `{line}`")));
        }
        let status: u16 = code.parse().map_err(|_| invalid("bad status code"))?;
        let mut headers = Vec::new();
        loop {
            let l = read_line(r)?;
            if l.is_empty() {
                break;
            }
            let (k, v) = l
                .split_once(':')
                .ok_or_else(|| invalid("malformed header"))?;
            headers.push((k.trim().to_string(), v.trim().to_string()));
        }
        if (100..200).contains(&status) {
            continue;
        }
        let mut reply = Reply {
            status,
            headers,
            body: Vec::new(),
        };
        if head_only || status == 204 || status == 304 {
            return Ok(reply);
        }
        let chunked = reply
            .header("transfer-encoding")
            .is_some_and(|t| t.to_ascii_lowercase().contains("chunked"));
        reply.body = if chunked {
            read_chunked(r)?
        } else if let Some(len) = reply.header("content-length") {
            let len: usize = len
                .trim()
                .parse()
                .map_err(|_| invalid("bad Content-Length"))?;
            if len > MAX_BODY {
                return Err(invalid("body too large"));
            }
            let mut b = vec![0; len];
            r.read_exact(&mut b)?;
            b
        } else {
            let mut b = Vec::new();
            r.take(MAX_BODY as u64).read_to_end(&mut b)?;
            b
        };
        return Ok(reply);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    #[test]
    fn parses_urls() {
        let u = Url::parse("http://127.0.0.1:8080/cc/hook?key=abc#x").unwrap();
        assert_eq!(
            (u.host.as_str(), u.port, u.path.as_str(), u.query.as_str()),
            ("127.0.0.1", 8080, "/cc/hook", "key=abc")
        );
        assert_eq!(
            u.with_query("a=1"),
            "http://127.0.0.1:8080/cc/hook?key=abc&a=1"
        );
        assert_eq!(u.target("a=1"), "/cc/hook?key=abc&a=1");
        let u = Url::parse("http://example.com").unwrap();
        assert_eq!((u.port, u.path.as_str()), (80, "/"));
        assert_eq!(Url::parse("http://[::1]:9/x").unwrap().host, "::1");
        assert!(Url::parse("https://example.com/").is_err());
        assert!(Url::parse("http://user@host/").is_err());
        assert!(Url::parse("http://host:x/").is_err());
    }

    #[test]
    fn reads_replies() {
        let raw = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nsimpl\r\n2\r\ne-\r\n0\r\n\r\n";
        let r = read_reply(&mut Cursor::new(raw.as_bytes().to_vec()), false).unwrap();
        assert_eq!((r.status, r.body.as_slice()), (200, &b"simple-"[..]));
        let raw = "HTTP/1.0 500 Oops\r\n\r\nbroken";
        let r = read_reply(&mut Cursor::new(raw.as_bytes().to_vec()), false).unwrap();
        assert_eq!((r.status, r.body.as_slice()), (500, &b"broken"[..]));
        assert!(read_reply(&mut Cursor::new(b"garbage\r\n\r\n".to_vec()), false).is_err());
    }
}
