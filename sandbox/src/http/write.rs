//! Writing HTTP/1.1 responses.

use super::{reason, Response};
use std::io::{self, Write};

/// Serialises the status line and headers. `content_length` is what the header announces
/// (normally `resp.body.len()`; the `truncated` fault announces more than it sends).
pub fn head_bytes(resp: &Response, content_length: usize, close: bool) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {} {}\r\n", resp.status, reason(resp.status));
    for (k, v) in &resp.headers {
        out.push_str(&format!("{k}: {v}\r\n"));
    }
    out.push_str(&format!("Content-Length: {content_length}\r\n"));
    out.push_str(if close {
        "Connection: close\r\n\r\n"
    } else {
        "Connection: keep-alive\r\n\r\n"
    });
    out.into_bytes()
}

/// Writes a complete response; `head_only` for HEAD requests.
pub fn write_response<W: Write>(
    w: &mut W,
    resp: &Response,
    close: bool,
    head_only: bool,
) -> io::Result<()> {
    let mut bytes = head_bytes(resp, resp.body.len(), close);
    if !head_only {
        bytes.extend_from_slice(&resp.body);
    }
    w.write_all(&bytes)?;
    w.flush()
}

/// Writes the headers announcing the full length, then only the first half of the body.
pub fn write_truncated<W: Write>(w: &mut W, resp: &Response) -> io::Result<()> {
    let announced = resp.body.len().max(2) + 64;
    let mut bytes = head_bytes(resp, announced, true);
    bytes.extend_from_slice(&resp.body[..resp.body.len() / 2]);
    w.write_all(&bytes)?;
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_status_headers_and_length() {
        let r = Response::json(201, &serde_json::json!({"a": 1})).with_header("X-Request-Id", "r1");
        let mut out = Vec::new();
        write_response(&mut out, &r, false, false).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("HTTP/1.1 201 Created\r\n"));
        assert!(text.contains("Content-Length: 7\r\n"));
        assert!(text.contains("X-Request-Id: r1\r\n"));
        assert!(text.ends_with("\r\n\r\n{\"a\":1}"));
        let mut t = Vec::new();
        write_truncated(&mut t, &r).unwrap();
        let t = String::from_utf8(t).unwrap();
        assert!(t.contains("Content-Length: 71\r\n") && t.ends_with("{\"a"));
    }
}
