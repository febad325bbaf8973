//! The HTTP policy of a call-control endpoint, decided here once for every handler: Rust's
//! [`handle_http`], Python's `callcontrol.Handler` and Node's `callcontrol.handler` (which ask
//! [`admit`] before reading a body, and [`body_too_large`] when one grows past the limit).
//!
//! | the request | the answer |
//! |---|---|
//! | a method other than GET or POST | 405, with `Allow: GET, POST` ([`ALLOW`]) |
//! | a POST whose content type is not a form (`application/x-www-form-urlencoded`) | 415 |
//! | a `Content-Length` that is not a whole number | 400 |
//! | a body over [`MAX_BODY`] bytes (as declared, or as it arrives) | 413, the body never kept |
//! | fields that cannot be parsed (no `uniqueID`, a bad number) | 400 |
//! | the handler fails, or returns a command that does not pass the checks | 500 |
//! | otherwise | 200 with the command line, or empty |
//!
//! Every refusal's body is one line naming the field and the rule.
//!
//! ```
//! use phonecom::callcontrol::{admit, Admission};
//! assert_eq!(admit("GET", None, None), Ok(Admission::NoBody));
//! assert_eq!(admit("POST", Some("application/x-www-form-urlencoded"), Some("42")), Ok(Admission::Body { length: Some(42) }));
//! assert_eq!(admit("PUT", None, None).unwrap_err().status, 405);
//! assert_eq!(admit("POST", Some("application/json"), None).unwrap_err().status, 415);
//! assert_eq!(admit("POST", None, Some("999999")).unwrap_err().status, 413);
//! ```

use super::router::{handle, Answer, CallHandler, CONTENT_TYPE};
use crate::error::Error;

/// The largest form body a handler reads, in bytes (a request is a few hundred bytes).
pub const MAX_BODY: usize = 64 * 1024;

/// The methods a call-control endpoint takes, as the `Allow` header of a 405 says them.
pub const ALLOW: &str = "GET, POST";

/// The content type of a POST body (also accepted: none at all).
pub const FORM_TYPE: &str = "application/x-www-form-urlencoded";

/// How a handler goes on with a request [`admit`] accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Admission {
    /// A GET: the fields are in the query string; read no body.
    NoBody,
    /// A POST: read the body, of `length` bytes when declared (at most [`MAX_BODY`]; count
    /// what arrives and stop with [`body_too_large`] past it).
    Body {
        /// The declared `Content-Length`, if any.
        length: Option<usize>,
    },
}

/// Decide from the request line and headers alone whether to read the request, and how; a
/// refusal is the [`Answer`] to send as is (see the module's table).
pub fn admit(
    method: &str,
    content_type: Option<&str>,
    content_length: Option<&str>,
) -> Result<Admission, Answer> {
    if method.eq_ignore_ascii_case("GET") {
        return Ok(Admission::NoBody);
    }
    if !method.eq_ignore_ascii_case("POST") {
        return Err(refusal(
            405,
            "method",
            &format!("must be GET or POST (got {})", printable(method)),
        ));
    }
    let media = content_type
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim();
    if !media.is_empty() && !media.eq_ignore_ascii_case(FORM_TYPE) {
        return Err(refusal(
            415,
            "Content-Type",
            &format!(
                "must be a form body ({FORM_TYPE}), not {}",
                printable(media)
            ),
        ));
    }
    let length = match content_length.map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(raw) => match raw.parse::<u64>() {
            Ok(n) if n > MAX_BODY as u64 => return Err(body_too_large(n)),
            Ok(n) => Some(n as usize),
            Err(_) => {
                return Err(refusal(
                    400,
                    "Content-Length",
                    "must be a whole number of bytes",
                ))
            }
        },
    };
    Ok(Admission::Body { length })
}

/// The answer to a body larger than [`MAX_BODY`]: 413 (`size` as declared or counted so far).
pub fn body_too_large(size: u64) -> Answer {
    refusal(
        413,
        "body",
        &format!("must be at most {MAX_BODY} bytes (got {size})"),
    )
}

/// Answer one HTTP request with `handler`: [`admit`], then the query string and the form body
/// read together (a POST to a URL with its own `?key=...` carries the fields in the body), then
/// [`handle`]. `body` is what the server read (ignored for a GET).
pub fn handle_http<H: CallHandler + ?Sized>(
    handler: &H,
    method: &str,
    content_type: Option<&str>,
    query: &str,
    body: &[u8],
) -> Answer {
    let length = body.len().to_string();
    match admit(method, content_type, Some(&length)) {
        Err(answer) => answer,
        Ok(Admission::NoBody) => handle(handler, query),
        Ok(Admission::Body { .. }) => {
            let body = String::from_utf8_lossy(body);
            let joined: Vec<&str> = [query, &body]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect();
            handle(handler, &joined.join("&"))
        }
    }
}

fn refusal(status: u16, field: &str, rule: &str) -> Answer {
    Answer {
        status,
        content_type: CONTENT_TYPE,
        body: Error::validation("callcontrol.request", field, rule).to_string(),
    }
}

/// A method or media type as it may be shown: at most 40 visible ASCII characters.
fn printable(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_ascii_graphic())
        .take(40)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::callcontrol::{CallRequest, Command};

    struct Forward;
    impl CallHandler for Forward {
        fn new_call(&self, _call: &CallRequest) -> crate::Result<Command> {
            Ok(Command::SimpleForward {
                number: "+18585550100".into(),
                dtmf: None,
            })
        }
    }

    const FIELDS: &str = "uniqueID=c1&dialedNumber=18585602222";

    #[test]
    fn every_refusal_has_its_status_and_names_the_field() {
        for (method, ctype, length, status, field) in [
            ("PUT", None, None, 405, "`method`"),
            ("DELETE", None, None, 405, "`method`"),
            (
                "POST",
                Some("application/json"),
                None,
                415,
                "`Content-Type`",
            ),
            (
                "POST",
                Some(FORM_TYPE),
                Some("12x"),
                400,
                "`Content-Length`",
            ),
            ("POST", Some(FORM_TYPE), Some("65537"), 413, "`body`"),
            (
                "POST",
                None,
                Some("99999999999999999999999"),
                400,
                "`Content-Length`",
            ),
        ] {
            let answer = admit(method, ctype, length).unwrap_err();
            assert_eq!(answer.status, status, "{method} {ctype:?} {length:?}");
            assert!(answer.body.contains(field), "{}", answer.body);
            assert_eq!(answer.content_type, CONTENT_TYPE);
        }
        assert_eq!(
            admit(
                "post",
                Some("Application/X-WWW-Form-Urlencoded; charset=utf-8"),
                Some("65536")
            ),
            Ok(Admission::Body {
                length: Some(MAX_BODY)
            })
        );
        assert_eq!(body_too_large(70_000).status, 413);
    }

    #[test]
    fn handle_http_reads_the_query_and_the_body_together() {
        let get = handle_http(&Forward, "GET", None, FIELDS, b"ignored");
        assert_eq!(
            (get.status, get.body.as_str()),
            (200, "simple-forward,18585550100")
        );
        let post = handle_http(
            &Forward,
            "POST",
            Some(FORM_TYPE),
            "key=k",
            FIELDS.as_bytes(),
        );
        assert_eq!(post.status, 200, "{}", post.body);
        let big = vec![b'a'; MAX_BODY + 1];
        assert_eq!(handle_http(&Forward, "POST", None, "", &big).status, 413);
        assert_eq!(
            handle_http(&Forward, "PATCH", None, FIELDS, b"").status,
            405
        );
        assert_eq!(
            handle_http(&Forward, "GET", None, "dialedNumber=1", b"").status,
            400
        );
    }
}
