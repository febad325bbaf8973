//! The [`Service`] trait and the prefix router. Each upstream family (v4, OAuth host, the XML
//! API, and later REST v1 and numbers.online) is one `Service` registered with one line in
//! [`crate::app::services`].

use crate::errors;
use crate::http::{Request, Response};
use crate::state::Shared;

/// One upstream family served under a path prefix.
pub trait Service: Send + Sync {
    /// The path prefix, e.g. `/v4`. Matches the prefix itself and anything below `prefix/`.
    fn prefix(&self) -> &'static str;

    /// Answers one request (auth, routing and state are the service's business).
    fn handle(&self, req: &Request, shared: &Shared) -> Response;

    /// The answer to a `status=` fault in this family's error shape (default: v4 `@error`).
    fn fault_error(&self, status: u16, retry_after: Option<u64>) -> Response {
        errors::fault_error(status, retry_after)
    }

    /// The answer to a `status=` fault that names the family's own error `code`
    /// (`status=429;code=rate_limited_pool`). Default: `code` is ignored.
    fn fault_error_coded(
        &self,
        status: u16,
        retry_after: Option<u64>,
        code: Option<&str>,
    ) -> Response {
        let _ = code;
        self.fault_error(status, retry_after)
    }

    /// The answer to a `message=` fault: `status` in this family's error shape, with `message`
    /// as the upstream's own text (default: v4 `@error.@message`).
    fn fault_error_message(&self, status: u16, message: &str) -> Response {
        errors::error(status, message)
    }

    /// A family's own admin routes under `/_sandbox` (`sub` is the path after `/_sandbox`,
    /// e.g. `/nol/checkout/x`). `None` when the route is not the family's. Admin routes have no
    /// auth, no faults and are not recorded.
    fn admin(&self, _req: &Request, _sub: &str, _shared: &Shared) -> Option<Response> {
        None
    }

    /// The family's short name in the request log, the console and the dashboard (`v4`,
    /// `oauth`, `xml`, `v1`, `nol`). Default: the prefix without its leading `/`.
    fn family(&self) -> &'static str {
        self.prefix().trim_start_matches('/')
    }

    /// JSON snapshots of the family's state for the dashboard, one per section name
    /// (`GET /_sandbox/state/{section}`; the XML API answers for `xml` and `callcontrol`),
    /// secrets left out. `query` is the admin request's query (the filters some sections take).
    /// Empty when the family keeps no state of its own.
    fn state(
        &self,
        _shared: &Shared,
        _query: &[(String, String)],
    ) -> Vec<(&'static str, serde_json::Value)> {
        Vec::new()
    }

    /// Back to the seeded start (`POST /_sandbox/reset`). State kept in `Shared` is reset
    /// separately; services keeping their own state reset it here.
    fn reset(&self, _shared: &Shared) {}
}

/// Services by prefix; the longest matching prefix wins.
#[derive(Default)]
pub struct Router {
    services: Vec<Box<dyn Service>>,
}

impl Router {
    /// An empty router.
    pub fn new() -> Router {
        Router::default()
    }

    /// Registers a service.
    pub fn with(mut self, service: impl Service + 'static) -> Router {
        self.services.push(Box::new(service));
        self
    }

    /// The service answering `path`.
    pub fn find(&self, path: &str) -> Option<&dyn Service> {
        self.services
            .iter()
            .filter(|s| under(path, s.prefix()))
            .max_by_key(|s| s.prefix().len())
            .map(|s| s.as_ref())
    }

    /// Every registered service.
    pub fn all(&self) -> impl Iterator<Item = &dyn Service> {
        self.services.iter().map(|s| s.as_ref())
    }
}

/// Whether `path` is `prefix` or below it (`/v4` matches `/v4` and `/v4/x`, not `/v45`).
pub fn under(path: &str, prefix: &str) -> bool {
    prefix.is_empty()
        || prefix == "/"
        || path
            .strip_prefix(prefix)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/') || rest.starts_with('?'))
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Fixed(&'static str);
    impl Service for Fixed {
        fn prefix(&self) -> &'static str {
            self.0
        }
        fn handle(&self, _: &Request, _: &Shared) -> Response {
            Response::empty(204)
        }
    }

    #[test]
    fn longest_prefix_on_segment_boundary() {
        let r = Router::new()
            .with(Fixed("/v1"))
            .with(Fixed("/api/v1"))
            .with(Fixed("/v4"));
        assert_eq!(r.find("/v1/x").unwrap().prefix(), "/v1");
        assert_eq!(r.find("/api/v1/account").unwrap().prefix(), "/api/v1");
        assert_eq!(r.find("/v4").unwrap().prefix(), "/v4");
        assert!(r.find("/v45").is_none());
        assert!(r.find("/elsewhere").is_none());
    }
}
