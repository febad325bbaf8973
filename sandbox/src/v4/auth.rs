//! v4 Bearer authentication and account access.

use super::World;
use crate::errors;
use crate::http::{Request, Response};

/// The account the request's token acts as.
/// No `Authorization: Bearer` header -> 401 `@error`; an unknown or expired token -> 401 OAuth style.
pub fn authenticate(req: &Request, w: &World) -> Result<u64, Response> {
    let header = req.header("authorization").unwrap_or("").trim();
    let token = match header.split_once(' ') {
        Some((scheme, t)) if scheme.eq_ignore_ascii_case("bearer") && !t.trim().is_empty() => {
            t.trim()
        }
        _ => {
            return Err(errors::error(401, "Unauthorized").with_header("WWW-Authenticate", "Bearer"))
        }
    };
    w.token(token).map(|g| g.account).ok_or_else(|| {
        errors::oauth_error(401, "invalid_token", "The access token provided is invalid")
            .with_header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
    })
}

/// Checks that `principal` may act on the path's account `raw`: 404 if it does not exist,
/// 403 if it is neither the principal nor one of its subaccounts.
pub fn account_access(w: &World, principal: u64, raw: &str) -> Result<u64, Response> {
    let id: u64 = raw
        .parse()
        .map_err(|_| errors::error(404, "Account not found"))?;
    if !w.accounts.contains_key(&id) {
        return Err(errors::error(404, "Account not found"));
    }
    if !w.can_access(principal, id) {
        return Err(errors::error(
            403,
            "Forbidden: this token cannot act on this account",
        ));
    }
    Ok(id)
}
