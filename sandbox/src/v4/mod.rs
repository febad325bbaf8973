//! Phone.com REST v4 (`/v4`): Bearer auth, per-account access, rate limits, and the
//! resources of the operation catalog, all stateful and in memory.

mod accounts;
mod auth;
mod calls;
mod events;
pub mod extensions;
pub mod filters;
mod generic;
pub mod inventory;
pub mod listing;
mod media;
mod misc;
mod numbers;
mod payments;
pub mod quirks;
pub mod routes;
mod sms;
pub mod store;
mod tokens;
mod util;
pub mod world;

pub use world::World;

use crate::errors;
use crate::http::{Request, Response};
use crate::service::Service;
use crate::state::{lock, Shared};
use routes::{Matched, Res};
use serde_json::Value;

/// A handler's answer: `Err` carries an error response.
pub type Reply = Result<Response, Response>;

/// Everything a v4 handler sees.
pub struct Cx<'a> {
    /// The request.
    pub req: &'a Request,
    /// The matched route.
    pub m: &'a Matched,
    /// The world (locked for the whole request).
    pub w: &'a mut World,
    /// The `{account_id}` of the path (0 when the path has none).
    pub account: u64,
    /// The account the token acts as.
    pub principal: u64,
}

/// The v4 service.
pub struct V4Service;

impl Service for V4Service {
    fn prefix(&self) -> &'static str {
        "/v4"
    }

    fn state(&self, shared: &Shared, q: &[(String, String)]) -> Vec<(&'static str, Value)> {
        let now = shared.clock.now();
        vec![("v4", crate::ui::views::v4(&lock(&shared.v4), q, now))]
    }

    /// `code=body_only` (with `status=429`): the 429 without its `Retry-After` and `RateLimit-*`
    /// headers; the body's `@rateLimit` still says how long to wait.
    fn fault_error_coded(
        &self,
        status: u16,
        retry_after: Option<u64>,
        code: Option<&str>,
    ) -> Response {
        if status == 429 && code == Some("body_only") {
            let quota = crate::ratelimit::Quota {
                limit: 30,
                remaining: 0,
                reset: retry_after.unwrap_or(1),
            };
            return Response::json(429, &errors::rate_limited_body(quota));
        }
        self.fault_error(status, retry_after)
    }

    fn admin(&self, req: &Request, sub: &str, shared: &Shared) -> Option<Response> {
        (sub == "/v4/lists").then(|| lock(&shared.v4).lists.admin(req))
    }

    fn handle(&self, req: &Request, shared: &Shared) -> Response {
        let sub = req
            .path
            .strip_prefix("/v4")
            .unwrap_or("")
            .trim_end_matches('/');
        let matched = routes::find(sub);
        if matches!(&matched, Some(m) if m.route.res == Res::TokenGrant && req.method == "POST") {
            return tokens::grant(req, &mut lock(&shared.v4));
        }
        let mut w = lock(&shared.v4);
        let principal = match auth::authenticate(req, &w) {
            Ok(p) => p,
            Err(r) => return r,
        };
        let Some(m) = matched else {
            return errors::error(404, "Not Found");
        };
        if !m.allows(&req.method) {
            return errors::error(405, "Method Not Allowed")
                .with_header("Allow", m.route.methods.replace(' ', ", "));
        }
        let endpoint = format!("{} {}", req.method, m.route.template);
        let quota = match lock(&shared.limiter).check(principal, &endpoint) {
            Ok(q) => q,
            Err(q) => return errors::rate_limited(q),
        };
        let account = match m
            .param("account_id")
            .map(|a| auth::account_access(&w, principal, a))
        {
            Some(Ok(a)) => a,
            Some(Err(r)) => return r,
            None => 0,
        };
        let mut cx = Cx {
            req,
            m: &m,
            w: &mut w,
            account,
            principal,
        };
        let resp = dispatch(&mut cx).unwrap_or_else(|e| e);
        let resp = w.lists.apply(resp);
        match quota {
            Some(q) => resp
                .with_header("RateLimit-Limit", q.limit.to_string())
                .with_header("RateLimit-Remaining", q.remaining.to_string())
                .with_header("RateLimit-Reset", q.reset.to_string()),
            None => resp,
        }
    }
}

fn dispatch(cx: &mut Cx) -> Reply {
    match cx.m.route.res {
        Res::Ping => misc::ping(cx),
        Res::TokenGrant => tokens::info(cx),
        Res::Authorize => tokens::authorize(cx),
        Res::Available => numbers::available(cx),
        Res::Regions => numbers::regions(cx),
        Res::Accounts => accounts::list(cx),
        Res::Account => accounts::get(cx),
        Res::Subaccounts => accounts::subaccounts(cx),
        Res::PhoneNumbers => numbers::owned(cx),
        Res::Sms => sms::handle(cx),
        Res::Calls => calls::create(cx),
        Res::CallLogs => calls::logs(cx),
        Res::Extensions => extensions::handle(cx),
        Res::CallerIds => extensions::caller_ids(cx),
        Res::Listeners => events::listeners(cx),
        Res::EventTypes => events::types(cx),
        Res::Subscriptions => events::subscriptions(cx),
        Res::ExpressCodes => misc::express_codes(cx),
        Res::Voicemail => misc::voicemail(cx),
        Res::MediaUpload | Res::Media => media::handle(cx),
        Res::PaymentMethods => payments::handle(cx),
        Res::Generic => generic::handle(cx),
    }
}
