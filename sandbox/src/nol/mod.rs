//! numbers.online (`/api`): the 29 `/api/v1/account/...` operations of its OpenAPI file, and
//! `GET /api/media/{id}` for uploaded logos. Auth is `Authorization: Bearer nol_...` or
//! `X-API-Key: nol_...`; errors are flat (`errors`). Signup needs no key.
//!
//! Every account route needs an account-level key (a tenant sub-key gets 403
//! `use_case_forbidden`) holding the `manage` use case, except the signing routes (any live
//! key, for itself) and `PATCH /phones/{e164}` (the `precall` use case instead).

mod account;
mod admin;
pub mod dashboard;
pub mod errors;
mod keys;
mod listings;
mod pay;
mod phones;
mod tenants;
pub mod uploads;
pub mod util;
pub mod world;

use crate::clock;
use crate::http::{Request, Response};
use crate::service::Service;
use crate::state::{lock, Shared};
use serde_json::Value;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use world::World;

/// A handler's answer: `Err` carries an error response.
pub type Reply = Result<Response, Response>;

/// Everything a handler sees.
pub struct Cx<'a> {
    /// The request.
    pub req: &'a Request,
    /// The state (locked for the whole request).
    pub w: &'a mut World,
    /// Index of the calling key in `w.keys` (`usize::MAX` for keyless routes).
    pub key: usize,
    /// UNIX time of the request.
    pub now: i64,
    /// The sandbox's `http://127.0.0.1:PORT` (for URLs in answers).
    pub base: String,
    /// Path parameters in order (`{e164}` or `{id}`).
    pub params: Vec<String>,
}

impl Cx<'_> {
    /// The calling key's account id.
    pub fn account(&self) -> String {
        self.w.keys[self.key].account.clone()
    }

    /// The first path parameter.
    pub fn param(&self) -> &str {
        self.params.first().map(String::as_str).unwrap_or("")
    }
}

/// Which operation a path is, and the methods it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Signup,
    Media,
    Account,
    Listing,
    Checkout,
    Logo,
    Documents,
    Reports,
    Topup,
    Keys,
    Key,
    Rotate,
    Phones,
    Phone,
    OtpStart,
    OtpConfirm,
    Tenants,
    Tenant,
    TenantKeys,
    Suppressions,
    Signing,
}

/// What the key must be allowed to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Needs {
    Nothing,
    AnyKey,
    Manage,
    Precall,
}

fn classify(segs: &[&str]) -> Option<(Op, &'static str, Vec<String>)> {
    let p = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    let (op, methods, params) = match segs {
        ["media", id] => (Op::Media, "GET", p(&[id])),
        ["v1", "account"] => (Op::Account, "GET, PATCH", vec![]),
        ["v1", "account", rest @ ..] => match rest {
            ["signup"] => (Op::Signup, "POST", vec![]),
            ["listings", e] => (Op::Listing, "GET, PUT", p(&[e])),
            ["listings", e, "verify-checkout"] => (Op::Checkout, "POST", p(&[e])),
            ["listings", e, "logo"] => (Op::Logo, "POST", p(&[e])),
            ["listings", e, "documents"] => (Op::Documents, "POST", p(&[e])),
            ["listings", e, "reports"] => (Op::Reports, "GET", p(&[e])),
            ["topup"] => (Op::Topup, "POST", vec![]),
            ["keys"] => (Op::Keys, "GET, POST", vec![]),
            ["keys", "self", "signing"] | ["signing"] => (Op::Signing, "GET, POST", vec![]),
            ["keys", id] => (Op::Key, "GET, PATCH", p(&[id])),
            ["keys", id, "rotate"] => (Op::Rotate, "POST", p(&[id])),
            ["phones"] => (Op::Phones, "GET", vec![]),
            ["phones", e] => (Op::Phone, "PATCH", p(&[e])),
            ["verify-phone", "start"] => (Op::OtpStart, "POST", vec![]),
            ["verify-phone", "confirm"] => (Op::OtpConfirm, "POST", vec![]),
            ["tenants"] => (Op::Tenants, "GET, POST", vec![]),
            ["tenants", id] => (Op::Tenant, "GET, PATCH", p(&[id])),
            ["tenants", id, "keys"] => (Op::TenantKeys, "POST", p(&[id])),
            ["tenants", id, "suppressions"] => (Op::Suppressions, "GET, POST, DELETE", p(&[id])),
            _ => return None,
        },
        _ => return None,
    };
    Some((op, methods, params))
}

fn needs(op: Op) -> Needs {
    match op {
        Op::Signup | Op::Media => Needs::Nothing,
        Op::Signing => Needs::AnyKey,
        Op::Phone => Needs::Precall,
        _ => Needs::Manage,
    }
}

/// The numbers.online service; its state is created from the seed on first use.
#[derive(Default)]
pub struct NolService {
    state: Mutex<Option<World>>,
    resets: AtomicU64,
}

impl NolService {
    fn with<R>(&self, shared: &Shared, f: impl FnOnce(&mut World) -> R) -> R {
        let mut g = lock(&self.state);
        let w = g.get_or_insert_with(|| {
            World::new(
                shared.seed,
                &shared.creds,
                self.resets.load(Ordering::SeqCst),
            )
        });
        f(w)
    }
}

impl Service for NolService {
    fn prefix(&self) -> &'static str {
        "/api"
    }

    fn family(&self) -> &'static str {
        "nol"
    }

    fn state(&self, shared: &Shared, _: &[(String, String)]) -> Vec<(&'static str, Value)> {
        let now = shared.clock.now();
        vec![("nol", self.with(shared, |w| dashboard::view(w, now)))]
    }

    fn handle(&self, req: &Request, shared: &Shared) -> Response {
        let base = match shared.base_url.get() {
            Some(b) => b.clone(),
            None => format!("http://{}", req.header("host").unwrap_or("127.0.0.1")),
        };
        self.with(shared, |w| handle(req, w, base).unwrap_or_else(|e| e))
    }

    fn fault_error(&self, status: u16, retry_after: Option<u64>) -> Response {
        errors::fault(status, retry_after, None)
    }

    fn fault_error_coded(
        &self,
        status: u16,
        retry_after: Option<u64>,
        code: Option<&str>,
    ) -> Response {
        errors::fault(status, retry_after, code)
    }

    /// A `message=` fault: `{"error": message}` (no code).
    fn fault_error_message(&self, status: u16, message: &str) -> Response {
        errors::plain(status, message)
    }

    fn admin(&self, req: &Request, sub: &str, shared: &Shared) -> Option<Response> {
        let rest = sub.strip_prefix("/nol/")?;
        Some(self.with(shared, |w| admin::handle(req, rest, w)))
    }

    fn reset(&self, shared: &Shared) {
        let generation = self.resets.fetch_add(1, Ordering::SeqCst) + 1;
        *lock(&self.state) = Some(World::new(shared.seed, &shared.creds, generation));
    }
}

/// The key a request presents: `Authorization: Bearer ...`, else `X-API-Key`.
pub(crate) fn presented_key(req: &Request) -> Option<String> {
    let bearer = req.header("authorization").and_then(|h| {
        let (scheme, rest) = h.trim().split_once(' ')?;
        scheme
            .eq_ignore_ascii_case("bearer")
            .then(|| rest.trim().to_string())
    });
    bearer
        .or_else(|| req.header("x-api-key").map(|k| k.trim().to_string()))
        .filter(|k| !k.is_empty())
}

fn authenticate(req: &Request, w: &mut World, now: i64, need: Needs) -> Result<usize, Response> {
    let raw = presented_key(req).ok_or_else(errors::missing_key)?;
    let i = w.find_key(&raw, now).ok_or_else(errors::invalid_key)?;
    let k = &mut w.keys[i];
    k.requests_total += 1;
    k.last_used_at = Some(now);
    let (tenant, use_cases) = (k.tenant.is_some(), k.use_cases.clone());
    let suspended = w
        .account(&w.keys[i].account)
        .is_some_and(|a| a.status == "suspended");
    if suspended {
        return Err(errors::coded(
            403,
            "account_suspended",
            "This account is suspended by the operator; topping up will not help.",
            None,
        ));
    }
    let has = |u: &str| use_cases.iter().any(|x| x == u);
    match need {
        Needs::Nothing | Needs::AnyKey => {}
        _ if tenant => {
            return Err(errors::forbidden(
                "Tenant sub-keys cannot manage the account; use an account-level key.",
            ))
        }
        Needs::Manage if !has("manage") => {
            return Err(errors::forbidden(
                "This key lacks the 'manage' use case needed for account management.",
            ))
        }
        Needs::Precall if !has("precall") => {
            return Err(errors::forbidden(
                "This key lacks the 'precall' use case needed for call-provenance enrollment.",
            ))
        }
        _ => {}
    }
    Ok(i)
}

fn handle(req: &Request, w: &mut World, base: String) -> Reply {
    let sub = req.path.strip_prefix("/api").unwrap_or("");
    let segs: Vec<&str> = sub.split('/').filter(|s| !s.is_empty()).collect();
    let Some((op, methods, params)) = classify(&segs) else {
        return Err(errors::not_found("Not found."));
    };
    if !methods.split(", ").any(|m| m == req.method) {
        return Err(errors::plain(405, "Method not allowed.").with_header("Allow", methods));
    }
    let now = clock::now();
    let need = needs(op);
    let key = match need {
        Needs::Nothing => usize::MAX,
        n => authenticate(req, w, now, n)?,
    };
    let mut cx = Cx {
        req,
        w,
        key,
        now,
        base,
        params,
    };
    let m = req.method.as_str();
    match op {
        Op::Signup => account::signup(&mut cx),
        Op::Media => uploads::serve(&mut cx),
        Op::Account if m == "GET" => account::get(&mut cx),
        Op::Account => account::update(&mut cx),
        Op::Topup => account::topup(&mut cx),
        Op::Listing if m == "GET" => listings::get(&mut cx),
        Op::Listing => listings::put(&mut cx),
        Op::Checkout => listings::checkout(&mut cx),
        Op::Reports => listings::reports(&mut cx),
        Op::Logo => uploads::logo(&mut cx),
        Op::Documents => uploads::document(&mut cx),
        Op::Keys if m == "GET" => keys::list(&mut cx),
        Op::Keys => keys::create(&mut cx),
        Op::Key if m == "GET" => keys::get(&mut cx),
        Op::Key => keys::update(&mut cx),
        Op::Rotate => keys::rotate(&mut cx),
        Op::Signing if m == "GET" => keys::signing(&mut cx),
        Op::Signing => keys::set_signing(&mut cx),
        Op::Phones => phones::list(&mut cx),
        Op::Phone => phones::patch(&mut cx),
        Op::OtpStart => phones::start(&mut cx),
        Op::OtpConfirm => phones::confirm(&mut cx),
        Op::Tenants if m == "GET" => tenants::list(&mut cx),
        Op::Tenants => tenants::create(&mut cx),
        Op::Tenant if m == "GET" => tenants::get(&mut cx),
        Op::Tenant => tenants::set_status(&mut cx),
        Op::TenantKeys => tenants::issue_key(&mut cx),
        Op::Suppressions if m == "GET" => tenants::suppressions(&mut cx),
        Op::Suppressions if m == "POST" => tenants::suppress(&mut cx),
        Op::Suppressions => tenants::unsuppress(&mut cx),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_every_operation() {
        let ops = [
            ("POST", "v1/account/signup"),
            ("GET", "v1/account"),
            ("PATCH", "v1/account"),
            ("GET", "v1/account/listings/+1"),
            ("PUT", "v1/account/listings/+1"),
            ("POST", "v1/account/listings/+1/verify-checkout"),
            ("POST", "v1/account/listings/+1/logo"),
            ("POST", "v1/account/listings/+1/documents"),
            ("GET", "v1/account/listings/+1/reports"),
            ("POST", "v1/account/topup"),
            ("GET", "v1/account/keys"),
            ("POST", "v1/account/keys"),
            ("GET", "v1/account/keys/k"),
            ("PATCH", "v1/account/keys/k"),
            ("POST", "v1/account/keys/k/rotate"),
            ("GET", "v1/account/phones"),
            ("PATCH", "v1/account/phones/+1"),
            ("POST", "v1/account/verify-phone/start"),
            ("POST", "v1/account/verify-phone/confirm"),
            ("GET", "v1/account/tenants"),
            ("POST", "v1/account/tenants"),
            ("GET", "v1/account/tenants/t"),
            ("PATCH", "v1/account/tenants/t"),
            ("POST", "v1/account/tenants/t/keys"),
            ("GET", "v1/account/tenants/t/suppressions"),
            ("POST", "v1/account/tenants/t/suppressions"),
            ("DELETE", "v1/account/tenants/t/suppressions"),
            ("GET", "v1/account/signing"),
            ("POST", "v1/account/signing"),
        ];
        assert_eq!(ops.len(), 29);
        for (m, path) in ops {
            let segs: Vec<&str> = path.split('/').collect();
            let (_, methods, _) = classify(&segs).unwrap_or_else(|| panic!("{path}"));
            assert!(methods.split(", ").any(|x| x == m), "{m} {path}");
        }
        assert!(classify(&["v1", "account", "nope"]).is_none());
        assert_eq!(
            classify(&["v1", "account", "keys", "self", "signing"])
                .unwrap()
                .0,
            Op::Signing
        );
    }
}
