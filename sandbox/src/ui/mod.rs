//! The dashboard: one page served by the sandbox itself at `/` and `/_sandbox/ui`, with its
//! script and style sheet, all embedded in the binary (`include_str!`; no outside assets, and a
//! `Content-Security-Policy` that allows none). The page reads the admin API: the state views
//! ([`state`], `GET /_sandbox/state[/{section}]`) and the request log, and its controls post to
//! the admin routes that already exist (faults, rate limit, clock, call control, reset).
//!
//! Live updates are short polling, not server-sent events: the page asks
//! `GET /_sandbox/requests?since=SEQ` once a second and reloads the open tab's state when
//! something arrived. The server is a reactor with a bounded worker pool
//! ([`crate::server`]): an event stream would hold a worker for as long as a tab stays open, so
//! a few forgotten tabs could take every worker from the partner's own requests. A poll holds a
//! worker for a millisecond.
//!
//! ```
//! use phonecom_sandbox::Sandbox;
//! use std::io::{Read, Write};
//!
//! let sb = Sandbox::start().unwrap();
//! let mut s = std::net::TcpStream::connect(("127.0.0.1", sb.port())).unwrap();
//! write!(s, "GET / HTTP/1.1\r\nConnection: close\r\n\r\n").unwrap();
//! let mut page = String::new();
//! s.read_to_string(&mut page).unwrap();
//! assert!(page.starts_with("HTTP/1.1 200 OK"));
//! assert!(page.contains("<title>phonecom sandbox</title>"));
//! ```

pub mod state;
pub mod views;

use crate::http::{Request, Response};

const PAGE: &str = include_str!("page.html");
const SCRIPT: &str = include_str!("app.js");
const STYLE: &str = include_str!("style.css");

/// Same-origin only: the page loads nothing from anywhere else and talks only to the sandbox.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; \
img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

fn asset(content_type: &str, body: &str) -> Response {
    Response::bytes(200, content_type, body.as_bytes().to_vec())
        .with_header("Content-Security-Policy", CSP)
        .with_header("Cache-Control", "no-store")
        .with_header("X-Content-Type-Options", "nosniff")
}

/// The page or one of its assets, when `req` asks for one (`GET` or `HEAD`); `None` otherwise.
pub fn page(req: &Request) -> Option<Response> {
    if req.method != "GET" && req.method != "HEAD" {
        return None;
    }
    Some(match req.path.trim_end_matches('/') {
        "" | "/_sandbox/ui" => asset("text/html; charset=utf-8", PAGE),
        "/_sandbox/ui/app.js" => asset("text/javascript; charset=utf-8", SCRIPT),
        "/_sandbox/ui/style.css" => asset("text/css; charset=utf-8", STYLE),
        // Browsers ask for it; answered here so it never reaches the request log.
        "/favicon.ico" => Response::empty(204),
        _ => return None,
    })
}
