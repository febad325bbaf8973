//! Helpers for XML API tests: requests with the sandbox's credentials, and a tiny XML reader
//! (enough for the envelope and rows; no XML crate in the sandbox).
#![allow(dead_code)]

use super::{Client, Resp};
use phonecom_sandbox::http::url::percent_encode;

/// The XML API of one sandbox.
pub struct Xml {
    pub c: Client,
    pub username: String,
    pub password: String,
}

/// One answer, with its body as text.
pub struct Answer {
    pub resp: Resp,
    pub text: String,
}

impl Answer {
    pub fn status(&self) -> &str {
        attr(&self.text, "result", "status").unwrap_or("")
    }
    pub fn ok(&self) -> bool {
        self.status() == "ok"
    }
    pub fn msg(&self) -> String {
        tag(&self.text, "msg").unwrap_or_default()
    }
    pub fn tag(&self, name: &str) -> Option<String> {
        tag(&self.text, name)
    }
    pub fn all(&self, name: &str) -> Vec<String> {
        blocks(&self.text, name)
    }
    /// Asserts `status="ok"` and returns self.
    pub fn expect_ok(self) -> Answer {
        assert!(self.ok(), "expected ok, got: {}", self.text);
        self
    }
    /// Asserts `status="error"` with `needle` in the message.
    pub fn expect_error(&self, needle: &str) {
        assert_eq!(self.status(), "error", "{}", self.text);
        assert!(
            self.msg().contains(needle),
            "`{}` not in `{}`",
            needle,
            self.msg()
        );
    }
}

pub fn encode(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", percent_encode(k), percent_encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

impl Xml {
    pub fn new(sb: &phonecom_sandbox::Sandbox) -> Xml {
        let cfg = sb.config();
        Xml {
            c: Client::new(sb),
            username: cfg["xml"]["username"].as_str().unwrap().to_string(),
            password: cfg["xml"]["password"].as_str().unwrap().to_string(),
        }
    }

    /// POST `action` as a form with the master's credentials.
    pub fn post(&self, action: &str, params: &[(&str, &str)]) -> Answer {
        self.post_as(
            &self.username.clone(),
            &self.password.clone(),
            action,
            params,
        )
    }

    pub fn post_as(
        &self,
        user: &str,
        password: &str,
        action: &str,
        params: &[(&str, &str)],
    ) -> Answer {
        let mut pairs = vec![
            ("username", user),
            ("password", password),
            ("action", action),
        ];
        pairs.extend_from_slice(params);
        self.raw_post(&encode(&pairs), &[])
    }

    pub fn raw_post(&self, body: &str, headers: &[(&str, &str)]) -> Answer {
        let mut h = vec![("Content-Type", "application/x-www-form-urlencoded")];
        h.extend_from_slice(headers);
        let resp = self
            .c
            .raw("POST", "/special/xmlapi", &h, body.as_bytes())
            .unwrap();
        answer(resp)
    }

    /// GET `action` with everything in the query string.
    pub fn get(&self, action: &str, params: &[(&str, &str)]) -> Answer {
        let mut pairs = vec![
            ("username", self.username.as_str()),
            ("password", self.password.as_str()),
            ("action", action),
        ];
        pairs.extend_from_slice(params);
        let resp = self
            .c
            .raw(
                "GET",
                &format!("/special/xmlapi?{}", encode(&pairs)),
                &[],
                b"",
            )
            .unwrap();
        answer(resp)
    }
}

pub fn answer(resp: Resp) -> Answer {
    let text = String::from_utf8_lossy(&resp.body).into_owned();
    Answer { resp, text }
}

/// Unescapes the five XML entities.
pub fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The text of the first `<name>text</name>` (empty for `<name/>`).
pub fn tag(xml: &str, name: &str) -> Option<String> {
    let b = blocks(xml, name).into_iter().next()?;
    let start = b.find('>')? + 1;
    if b[..start].ends_with("/>") {
        return Some(String::new());
    }
    let end = b.rfind("</")?;
    Some(unescape(b[start..end].trim()))
}

/// The value of attribute `attr` on the first `<name ...>`.
pub fn attr<'a>(xml: &'a str, name: &str, attr: &str) -> Option<&'a str> {
    let open = format!("<{name} ");
    let i = xml.find(&open)?;
    let head = &xml[i..i + xml[i..].find('>')?];
    let key = format!("{attr}=\"");
    let j = head.find(&key)? + key.len();
    Some(&head[j..j + head[j..].find('"')?])
}

/// Every `<name ...>...</name>` or `<name/>` element (outermost occurrences, whole text).
pub fn blocks(xml: &str, name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = xml;
    loop {
        let Some(i) = find_open(rest, name) else {
            return out;
        };
        let from = &rest[i..];
        let head_end = from.find('>').unwrap();
        if from[..head_end + 1].ends_with("/>") {
            out.push(from[..head_end + 1].to_string());
            rest = &from[head_end + 1..];
            continue;
        }
        // Find the matching close, counting nested same-name elements.
        let mut depth = 0;
        let mut j = 0;
        loop {
            let next_open = find_open(&from[j..], name).map(|k| k + j);
            let next_close = from[j..].find(&format!("</{name}>")).map(|k| k + j);
            match (next_open, next_close) {
                (Some(o), Some(c)) if o < c => {
                    let h = from[o..].find('>').unwrap();
                    if !from[o..o + h + 1].ends_with("/>") {
                        depth += 1;
                    }
                    j = o + h + 1;
                }
                (_, Some(c)) => {
                    depth -= 1;
                    j = c + name.len() + 3;
                    if depth == 0 {
                        break;
                    }
                }
                _ => panic!("unclosed <{name}> in {xml}"),
            }
        }
        out.push(from[..j].to_string());
        rest = &from[j..];
    }
}

fn find_open(s: &str, name: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = s[from..].find(&format!("<{name}")) {
        let at = from + i;
        let next = s[at + 1 + name.len()..].chars().next();
        if matches!(next, Some('>' | ' ' | '/')) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Whether `xml` is well-formed enough: every tag closed in order, one root, nothing after it.
pub fn well_formed(xml: &str) -> bool {
    let mut stack: Vec<&str> = Vec::new();
    let mut rest = xml.trim();
    let mut roots = 0;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            return false;
        };
        if stack.is_empty() && !rest[..lt].trim().is_empty() {
            return false;
        }
        let Some(gt) = rest[lt..].find('>') else {
            return false;
        };
        let inner = &rest[lt + 1..lt + gt];
        rest = &rest[lt + gt + 1..];
        if let Some(name) = inner.strip_prefix('/') {
            if stack.pop() != Some(name.trim()) {
                return false;
            }
        } else if inner.ends_with('/') {
            if stack.is_empty() {
                roots += 1;
            }
        } else {
            if stack.is_empty() {
                roots += 1;
            }
            stack.push(inner.split_whitespace().next().unwrap_or(""));
        }
        if stack.is_empty() && !rest.trim().is_empty() && roots > 0 {
            return false;
        }
    }
    stack.is_empty() && roots == 1
}
