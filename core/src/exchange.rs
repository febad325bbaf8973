//! What one HTTP exchange looked like, in a form safe to hand out: headers with credentials
//! masked, and a body as text cut at a bound (with a flag saying so). [`Response`](crate::Response)
//! keeps the response's headers and body this way, and with `debug_log` set in the configuration
//! each [`LogEvent`](crate::LogEvent) carries the request's or response's headers and body too.
//!
//! ```no_run
//! use phonecom::{CallOptions, Client, Config};
//! use serde_json::json;
//! let client = Client::new(Config::from_json(r#"{"v4": {"token": "YOUR_TOKEN", "account_id": 1234}}"#)?)?;
//! let resp = client.call_with("v4.get-account", json!({}), &CallOptions::default())?;
//! println!("{:?} {} bytes", resp.header("ratelimit-remaining"), resp.body.len());
//! # Ok::<(), phonecom::Error>(())
//! ```

use crate::secret::{is_secret_name, mask_pairs_named, SecretSet};
use serde_json::{Map, Value};
use std::sync::{Arc, OnceLock};

/// Most bytes of a response body a [`Response`](crate::Response) keeps as text (1 MiB); a
/// longer body is cut there and `body_truncated` is set (the decoded `data` is always whole).
pub const RESPONSE_BODY_LIMIT: usize = 1 << 20;

/// Most bytes of a body a debug [`LogEvent`](crate::LogEvent) carries (4 KiB).
pub const LOG_BODY_LIMIT: usize = 4 << 10;

/// How one call masks what it hands out (errors, log events, the response's headers): the
/// client's secrets (with those it learns later), the call's own secret parameters, and the
/// `name=value` pairs its family names secret (the XML API's `username=`). Owned, so a
/// [`Response`](crate::Response) can mask its headers when they are read rather than on every call.
#[derive(Clone)]
pub(crate) struct CallMask {
    secrets: Arc<SecretSet>,
    extra: Vec<String>,
    pairs: &'static [&'static str],
}

impl CallMask {
    /// Masking with `secrets`, the call's secret parameter values `extra`, and the values of the
    /// family's secret `pairs` (its registry entry's `masked_pairs`).
    pub(crate) fn new(
        secrets: Arc<SecretSet>,
        extra: Vec<String>,
        pairs: &'static [&'static str],
    ) -> CallMask {
        CallMask {
            secrets,
            extra,
            pairs,
        }
    }

    /// `text` with everything this call knows as secret masked.
    pub(crate) fn apply(&self, text: &str) -> String {
        let masked = self.secrets.redact(text, &self.extra);
        self.pairs
            .iter()
            .fold(masked, |text, name| mask_pairs_named(&text, name))
    }
}

/// A response's headers as received, masked (by [`mask_headers`]) the first time they are read
/// and kept so from then on. A plain [`Client::call`](crate::Client::call) never reads them, so
/// it never pays for masking; nothing unmasked is ever handed out.
#[derive(Clone, Default)]
pub(crate) struct LazyHeaders {
    raw: Vec<(String, String)>,
    mask: Option<CallMask>,
    masked: OnceLock<Vec<(String, String)>>,
}

impl LazyHeaders {
    /// `raw`, to be masked with `mask` when first read.
    pub(crate) fn new(raw: Vec<(String, String)>, mask: CallMask) -> LazyHeaders {
        LazyHeaders {
            raw,
            mask: Some(mask),
            masked: OnceLock::new(),
        }
    }

    /// The headers, names lower-cased, masked.
    pub(crate) fn get(&self) -> &[(String, String)] {
        self.masked.get_or_init(|| match &self.mask {
            Some(mask) => mask_headers(&self.raw, &|s: &str| mask.apply(s)),
            None => Vec::new(),
        })
    }
}

/// Whether a header's value is a credential or session state, masked whole.
fn is_secret_header(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    matches!(
        lower.as_str(),
        "authorization" | "proxy-authorization" | "cookie" | "set-cookie" | "x-api-key"
    ) || is_secret_name(&lower)
}

/// `headers` with names lower-cased and values masked the way log events are: a credential
/// header keeps only its scheme (`Bearer ***`, `Basic ***`) or becomes `***`; every other value
/// goes through `mask` (the call's known secrets and secret-named pairs).
pub(crate) fn mask_headers(
    headers: &[(String, String)],
    mask: &dyn Fn(&str) -> String,
) -> Vec<(String, String)> {
    headers
        .iter()
        .map(|(name, value)| {
            let name = name.to_ascii_lowercase();
            let value = if is_secret_header(&name) {
                match value.split_once(' ') {
                    Some((scheme, _)) if name.ends_with("authorization") => {
                        format!("{scheme} ***")
                    }
                    _ => "***".to_string(),
                }
            } else {
                mask(value)
            };
            (name, value)
        })
        .collect()
}

/// `bytes` as text, at most `limit` bytes (a character the limit would split is left out whole;
/// bytes that are not UTF-8 become U+FFFD), and whether anything was cut. Valid UTF-8 is moved,
/// not copied.
pub(crate) fn body_text(mut bytes: Vec<u8>, limit: usize) -> (String, bool) {
    let cut = bytes.len() > limit;
    if cut {
        let keep = crate::text::utf8_prefix(&bytes, limit).len();
        bytes.truncate(keep);
    }
    let text = String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    (text, cut)
}

/// A body for a debug log event: masked with `mask`, then cut at [`LOG_BODY_LIMIT`]. Masking
/// runs over twice the limit first, so that a secret crossing the cut is masked whole rather
/// than shown in part.
pub(crate) fn log_body(bytes: &[u8], mask: &dyn Fn(&str) -> String) -> (String, bool) {
    let window = crate::text::utf8_prefix(bytes, 2 * LOG_BODY_LIMIT);
    let masked = mask(&String::from_utf8_lossy(window));
    let (text, cut) = body_text(masked.into_bytes(), LOG_BODY_LIMIT);
    (text, cut || window.len() < bytes.len())
}

/// `value` as compact JSON text, the way the bindings hand a result across (C strings, Node's
/// `JSON.parse`). Serialises straight into bytes: `Value`'s `to_string` goes through
/// `fmt::Write` and costs more per call.
///
/// ```
/// let v = serde_json::json!({"items": [1, 2], "total": 2});
/// assert_eq!(phonecom::exchange::json_text(&v), r#"{"items":[1,2],"total":2}"#);
/// ```
pub fn json_text(value: &Value) -> String {
    // Serialising a `Value` cannot fail (its keys are strings); the fallback keeps this total.
    serde_json::to_string(value).unwrap_or_else(|_| value.to_string())
}

/// Headers as a JSON object, names lower-cased; a repeated header's values joined with `, `
/// (as HTTP allows and as `fetch`'s `Headers` shows them).
pub fn header_object(headers: &[(String, String)]) -> Map<String, Value> {
    let mut out = Map::new();
    for (name, value) in headers {
        let name = name.to_ascii_lowercase();
        let joined = match out.get(&name).and_then(Value::as_str) {
            Some(old) => format!("{old}, {value}"),
            None => value.clone(),
        };
        out.insert(name, Value::String(joined));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn credential_headers_are_masked_and_others_go_through_the_mask() {
        let mask = |s: &str| s.replace("tok_live_9f8e", "***");
        let masked = mask_headers(
            &pairs(&[
                ("Authorization", "Bearer tok_live_9f8e"),
                ("Proxy-Authorization", "Basic dXNlcjpwdw=="),
                ("X-API-Key", "nol_live_key"),
                ("Set-Cookie", "session=abc; HttpOnly"),
                ("X-Echo", "token is tok_live_9f8e"),
                ("RateLimit-Remaining", "41"),
            ]),
            &mask,
        );
        assert_eq!(
            masked,
            pairs(&[
                ("authorization", "Bearer ***"),
                ("proxy-authorization", "Basic ***"),
                ("x-api-key", "***"),
                ("set-cookie", "***"),
                ("x-echo", "token is ***"),
                ("ratelimit-remaining", "41"),
            ])
        );
    }

    #[test]
    fn lazy_headers_are_masked_when_read_with_the_secrets_known_then() {
        let secrets = Arc::new(SecretSet::new(["tok_live_9f8e_0123"], None));
        let headers = LazyHeaders::new(
            pairs(&[
                ("Set-Cookie", "session=abc"),
                ("X-Echo", "tok_live_9f8e_0123 and key_learned_later_77"),
                (
                    "Location",
                    "https://x.example/cb?password=hunter22&state=ok",
                ),
            ]),
            CallMask::new(secrets.clone(), vec!["hunter22".into()], &[]),
        );
        // A secret the client learns after the call (a token in its body) is masked too.
        secrets.learn("key_learned_later_77");
        let copy = headers.clone();
        assert_eq!(
            headers.get(),
            pairs(&[
                ("set-cookie", "***"),
                ("x-echo", "*** and ***"),
                ("location", "https://x.example/cb?password=***&state=ok"),
            ])
        );
        assert_eq!(copy.get(), headers.get());
        assert!(LazyHeaders::default().get().is_empty());
    }

    #[test]
    fn an_xml_call_mask_hides_username_pairs() {
        let mask = CallMask::new(
            Arc::new(SecretSet::new([], None)),
            Vec::new(),
            &["username"],
        );
        assert_eq!(mask.apply("a?username=alice&x=1"), "a?username=***&x=1");
    }

    #[test]
    fn a_body_is_cut_at_the_limit_without_splitting_a_character() {
        assert_eq!(body_text(b"hello".to_vec(), 5), ("hello".into(), false));
        assert_eq!(
            body_text("héllo".as_bytes().to_vec(), 2),
            ("h".into(), true)
        );
        assert_eq!(body_text(vec![0xff, b'a'], 10), ("\u{fffd}a".into(), false));
    }

    #[test]
    fn a_log_body_is_masked_before_it_is_cut() {
        let secret = "tok_live_secret_value";
        let mut body = "x".repeat(LOG_BODY_LIMIT - 5).into_bytes();
        body.extend_from_slice(secret.as_bytes());
        body.extend(std::iter::repeat_n(b'y', 3 * LOG_BODY_LIMIT));
        let (text, cut) = log_body(&body, &|s: &str| s.replace(secret, "***"));
        assert!(cut);
        assert!(text.len() <= LOG_BODY_LIMIT);
        assert!(!text.contains("tok_"), "a part of the secret shows: {text}");
        assert!(text.ends_with("***yy"), "{}", &text[text.len() - 10..]);
    }

    #[test]
    fn repeated_headers_are_joined() {
        let obj = header_object(&pairs(&[("Vary", "a"), ("vary", "b"), ("X-One", "1")]));
        assert_eq!(obj["vary"], "a, b");
        assert_eq!(obj["x-one"], "1");
    }
}
