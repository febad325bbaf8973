//! Proxy selection: the configured proxy, else `ALL_PROXY`/`HTTPS_PROXY`/`HTTP_PROXY` from the
//! environment; `NO_PROXY` honoured; loopback hosts always go direct (the sandbox must work behind
//! a corporate proxy).

use crate::error::{Error, ErrorKind, Result};

const ENV_PROXY: &[&str] = &[
    "ALL_PROXY",
    "all_proxy",
    "HTTPS_PROXY",
    "https_proxy",
    "HTTP_PROXY",
    "http_proxy",
];
const ENV_NO_PROXY: &[&str] = &["NO_PROXY", "no_proxy"];
const LOOPBACK: &[&str] = &["localhost", "127.0.0.1", "::1"];

/// The proxy to use, from `configured` or the environment (`lookup` reads a variable).
pub(crate) fn select(
    configured: Option<&str>,
    lookup: impl Fn(&str) -> Option<String>,
) -> Result<Option<ureq::Proxy>> {
    let url = match configured {
        Some(u) => Some(u.to_string()),
        None => ENV_PROXY
            .iter()
            .find_map(|k| lookup(k).filter(|v| !v.trim().is_empty())),
    };
    let Some(url) = url else { return Ok(None) };
    let invalid = || {
        Error::new(
            ErrorKind::Validation,
            "proxy: not a valid proxy URL (http://, https://, socks4://, socks5://)",
        )
        .with_family("config")
    };
    let parsed = ureq::Proxy::new(&url).map_err(|_| invalid())?;
    let mut b = ureq::Proxy::builder(parsed.protocol())
        .host(parsed.host())
        .port(parsed.port());
    if let Some(u) = parsed.username() {
        b = b.username(u);
    }
    if let Some(p) = parsed.password() {
        b = b.password(p);
    }
    let no_proxy = ENV_NO_PROXY
        .iter()
        .find_map(|k| lookup(k))
        .unwrap_or_default();
    for entry in LOOPBACK
        .iter()
        .copied()
        .chain(no_proxy.split(',').map(str::trim).filter(|e| !e.is_empty()))
    {
        b = b.no_proxy(entry);
    }
    b.build().map(Some).map_err(|_| invalid())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uri(s: &str) -> ureq::http::Uri {
        s.parse().unwrap()
    }

    #[test]
    fn environment_proxy_with_no_proxy_and_loopback_exempt() {
        let env = |k: &str| match k {
            "HTTPS_PROXY" => Some("http://user:pw@proxy.corp:3128".to_string()),
            "NO_PROXY" => Some("internal.corp, .example.org".to_string()),
            _ => None,
        };
        let p = select(None, env).unwrap().unwrap();
        assert_eq!((p.host(), p.port()), ("proxy.corp", 3128));
        assert!(p.is_no_proxy(&uri("http://127.0.0.1:8080/v4")));
        assert!(p.is_no_proxy(&uri("http://localhost/v4")));
        assert!(p.is_no_proxy(&uri("https://internal.corp/x")));
        assert!(p.is_no_proxy(&uri("https://api.example.org/x")));
        assert!(!p.is_no_proxy(&uri("https://api.phone.com/v4")));
    }

    #[test]
    fn configured_proxy_wins_and_bad_urls_are_refused() {
        let env = |_: &str| Some("http://env-proxy:1".to_string());
        let p = select(Some("socks5://cfg-proxy:1080"), env)
            .unwrap()
            .unwrap();
        assert_eq!(p.host(), "cfg-proxy");
        assert!(select(None, |_| None).unwrap().is_none());
        assert!(select(Some("ftp://x"), |_| None).is_err());
    }
}
