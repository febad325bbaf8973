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

/// The rule a proxy URL follows, as error messages state it.
pub(crate) const PROXY_RULE: &str = "must be a proxy URL: http://, https://, socks4://, socks4a://, socks5:// or socks5h://, then [user:password@]host[:port], with no path, query, spaces or control characters (e.g. http://proxy.example:3128)";

/// A proxy URL parsed and checked against [`PROXY_RULE`]; `Err(PROXY_RULE)` when it breaks it.
/// The URL itself is never part of the error (it may hold a password).
///
/// ```text
/// parse("http://u:pw@proxy.corp:3128")  -> Ok      parse("proxy.corp:3128") -> Ok (http)
/// parse("ftp://x") / parse("http://h/p?q") / parse("http://u:p w@h") -> Err(PROXY_RULE)
/// ```
pub(crate) fn parse(url: &str) -> std::result::Result<ureq::Proxy, &'static str> {
    if url.is_empty() || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(PROXY_RULE);
    }
    let proxy = ureq::Proxy::new(url).map_err(|_| PROXY_RULE)?;
    let uri = proxy.uri();
    let bare = matches!(uri.path(), "" | "/") && uri.query().is_none() && !url.contains('#');
    // ureq falls back to the default port when the written one is not a port (`:99999`).
    let host_port = uri.authority().map_or("", |a| a.as_str());
    let host_port = host_port.rsplit('@').next().unwrap_or(host_port);
    let port_ok = match host_port.rsplit_once(':') {
        Some((host, port)) if !host.ends_with(':') && !port.ends_with(']') => {
            port.parse::<u16>().is_ok_and(|p| p > 0)
        }
        _ => true,
    };
    if proxy.host().is_empty() || !bare || !port_ok {
        return Err(PROXY_RULE);
    }
    Ok(proxy)
}

/// How a proxy URL is shown (`Debug` of a config): rebuilt from its parts with any user name and
/// password as `***` (`http://***@proxy.corp:3128`), never the text as written, and only a
/// placeholder when the text breaks [`PROXY_RULE`].
pub(crate) fn shown(url: &str) -> String {
    match parse(url) {
        Ok(p) => {
            let scheme = p.uri().scheme_str().unwrap_or("http");
            let userinfo = if p.username().is_some() || p.password().is_some() {
                "***@"
            } else {
                ""
            };
            format!("{scheme}://{userinfo}{}:{}", p.host(), p.port())
        }
        Err(_) => "(not a valid proxy URL; hidden)".into(),
    }
}

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
    let invalid =
        || Error::new(ErrorKind::Validation, format!("proxy: {PROXY_RULE}")).with_family("config");
    let parsed = parse(&url).map_err(|_| invalid())?;
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

    #[test]
    fn malformed_proxies_break_the_rule_and_are_never_shown() {
        for good in [
            "http://proxy.corp:3128",
            "http://proxy.corp:3128/",
            "proxy.corp:3128",
            "socks5://u:p%40w@[::1]:1080",
            "https://u:pw@proxy.corp",
        ] {
            assert!(parse(good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "ftp://x",
            "http://",
            "http://u:Secret-1 x@h:1",
            "http://u:Secret-1@h:1/path",
            "http://u:Secret-1@h:1?q=1",
            "http://u:Secret-1@h:1#f",
            "http://u:Secret-1/x@h:1",
            "http://u:Secret-1@h:99999",
            "http://u:Secret-1@h:1\n",
            "http://u:Sécret-1@h:1",
            "http://h\u{0}:1",
        ] {
            assert_eq!(parse(bad).err(), Some(PROXY_RULE), "{bad}");
            assert!(!shown(bad).contains("Secret"), "{bad}");
        }
        assert_eq!(
            shown("http://u:p%40w@proxy.corp:3128/"),
            "http://***@proxy.corp:3128"
        );
        assert_eq!(shown("proxy.corp:3128"), "http://proxy.corp:3128");
        assert_eq!(shown("socks5://[::1]:1080"), "socks5://[::1]:1080");
    }
}
