//! Host resolution for the transport without a thread per request.
//!
//! ureq's default resolver spawns an OS thread for every request whenever a timeout is set (so
//! that the lookup can be abandoned), even when the host is an IP literal and a pooled connection
//! is about to be reused. [`CachingResolver`] answers IP literals and `localhost` directly, keeps
//! other answers for [`CACHE_FOR`], and only on a miss delegates to ureq's resolver, whose
//! thread keeps the resolve/connect timeout meaningful for a slow DNS server.
//!
//! ```ignore
//! let agent = ureq::Agent::with_parts(config, DefaultConnector::new(), CachingResolver::default());
//! ```

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use ureq::config::Config;
use ureq::http::Uri;
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::NextTimeout;

/// How long a DNS answer is reused (a short fixed time: the system resolver gives no TTL).
pub(crate) const CACHE_FOR: Duration = Duration::from_secs(30);

/// Distinct hosts remembered at once; past this the cache starts over (a client talks to a few).
const MAX_HOSTS: usize = 64;

/// A [`Resolver`] that spawns no thread for IP literals, `localhost` or a recently resolved host.
#[derive(Debug, Default)]
pub(crate) struct CachingResolver {
    fallback: DefaultResolver,
    /// "host:port" → when it was resolved and the addresses.
    cache: Mutex<HashMap<String, (Instant, ResolvedSocketAddrs)>>,
}

impl Resolver for CachingResolver {
    fn resolve(
        &self,
        uri: &Uri,
        config: &Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        // Anything unusual (no scheme, no authority, unknown scheme) gets ureq's own handling
        // and error.
        let Some((host, port)) = uri.scheme().zip(uri.authority()).and_then(|(s, a)| {
            let default = match s.as_str() {
                "http" => Some(80),
                "https" => Some(443),
                _ => None,
            }?;
            let port = a.port_u16().unwrap_or(default);
            Some((a.host(), port))
        }) else {
            return self.fallback.resolve(uri, config, timeout);
        };
        if let Some(ips) = literal(host) {
            return self.keep_wanted(config, ips.iter().map(|ip| SocketAddr::new(*ip, port)));
        }
        let key = format!("{host}:{port}");
        if let Some(addrs) = self.cached(&key) {
            return Ok(addrs);
        }
        let addrs = self.fallback.resolve(uri, config, timeout)?;
        let mut cache = self.cache.lock().unwrap_or_else(|p| p.into_inner());
        if cache.len() >= MAX_HOSTS {
            cache.clear();
        }
        cache.insert(key, (Instant::now(), addrs.clone()));
        Ok(addrs)
    }
}

impl CachingResolver {
    fn cached(&self, key: &str) -> Option<ResolvedSocketAddrs> {
        let cache = self.cache.lock().unwrap_or_else(|p| p.into_inner());
        let (at, addrs) = cache.get(key)?;
        (at.elapsed() < CACHE_FOR).then(|| addrs.clone())
    }

    /// The addresses of the configured IP family, or ureq's "host not found".
    fn keep_wanted(
        &self,
        config: &Config,
        addrs: impl Iterator<Item = SocketAddr>,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let mut result = self.empty();
        for a in config.ip_family().keep_wanted(addrs) {
            result.push(a);
        }
        if result.is_empty() {
            Err(ureq::Error::HostNotFound)
        } else {
            Ok(result)
        }
    }
}

/// The addresses of a host that needs no lookup: an IP literal (`[::1]` bracketed in URLs) or
/// `localhost`.
fn literal(host: &str) -> Option<Vec<IpAddr>> {
    if host.eq_ignore_ascii_case("localhost") {
        return Some(vec![
            IpAddr::V4(Ipv4Addr::LOCALHOST),
            IpAddr::V6(Ipv6Addr::LOCALHOST),
        ]);
    }
    let bare = host
        .strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(host);
    bare.parse::<IpAddr>().ok().map(|ip| vec![ip])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ip_literals_and_localhost_need_no_lookup() {
        assert_eq!(
            literal("127.0.0.1"),
            Some(vec!["127.0.0.1".parse().unwrap()])
        );
        assert_eq!(literal("[::1]"), Some(vec!["::1".parse().unwrap()]));
        assert_eq!(literal("LocalHost").map(|v| v.len()), Some(2));
        assert_eq!(literal("api.phone.com"), None);
        assert_eq!(literal("[not-an-ip]"), None);
    }

    fn resolve(r: &CachingResolver, url: &str) -> Result<ResolvedSocketAddrs, ureq::Error> {
        r.resolve(
            &url.parse().unwrap(),
            &Config::default(),
            NextTimeout::default(),
        )
    }

    #[test]
    fn an_ip_literal_resolves_to_itself_with_the_default_port() {
        let r = CachingResolver::default();
        let addrs = resolve(&r, "https://[::1]/v4").unwrap();
        assert_eq!(addrs.as_ref(), ["[::1]:443".parse().unwrap()]);
        let addrs = resolve(&r, "http://10.1.2.3:8080/").unwrap();
        assert_eq!(addrs.as_ref(), ["10.1.2.3:8080".parse().unwrap()]);
    }

    #[test]
    fn a_fresh_answer_is_reused_and_a_stale_one_is_not() {
        // `.invalid` never resolves (RFC 6761), so a success can only come from the cache.
        let r = CachingResolver::default();
        let mut addrs = r.empty();
        addrs.push("192.0.2.7:443".parse().unwrap());
        let key = "api.example.invalid:443".to_string();
        r.cache
            .lock()
            .unwrap()
            .insert(key.clone(), (Instant::now(), addrs.clone()));
        assert_eq!(resolve(&r, "https://api.example.invalid/x").unwrap(), addrs);

        let Some(stale) = Instant::now().checked_sub(CACHE_FOR + Duration::from_secs(1)) else {
            return; // the clock is too close to its start to express a stale entry
        };
        r.cache.lock().unwrap().insert(key, (stale, addrs));
        assert!(resolve(&r, "https://api.example.invalid/x").is_err());
    }

    #[test]
    fn an_unknown_scheme_gets_ureqs_own_error() {
        let r = CachingResolver::default();
        assert!(matches!(
            resolve(&r, "foo://127.0.0.1:42/"),
            Err(ureq::Error::BadUri(_))
        ));
    }
}
