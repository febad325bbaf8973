//! The OAuth host of the Express Sign-Up guide (`/oauth`): the per-user token call
//! `POST /oauth/client/{client_id}/authorization?redirect_uri=..&response_type=token&scope=account-owner`
//! with `{"username","password"}`. The password is the subaccount's own, or the master v4 token.

use crate::creds::{MASTER_ACCOUNT_ID, REDIRECT_URI};
use crate::errors::oauth_error;
use crate::http::{Request, Response};
use crate::service::Service;
use crate::state::{lock, Shared};
use crate::v4::world::TOKEN_TTL;
use serde_json::{json, Value};

/// The OAuth host service.
pub struct OAuthService;

impl Service for OAuthService {
    fn prefix(&self) -> &'static str {
        "/oauth"
    }

    fn handle(&self, req: &Request, shared: &Shared) -> Response {
        let segs: Vec<&str> = req.path.trim_end_matches('/').split('/').skip(2).collect();
        match segs.as_slice() {
            ["client", client, "authorization"] if req.method == "POST" => {
                authorize(req, shared, client)
            }
            ["client", _, "authorization"] => {
                oauth_error(405, "invalid_request", "Use POST").with_header("Allow", "POST")
            }
            _ => oauth_error(404, "invalid_request", "Unknown OAuth endpoint"),
        }
    }

    /// A `message=` fault: `{"error", "error_description": message}`.
    fn fault_error_message(&self, status: u16, message: &str) -> Response {
        let error = if status >= 500 {
            "server_error"
        } else {
            "invalid_request"
        };
        oauth_error(status, error, message)
    }

    fn fault_error(&self, status: u16, retry_after: Option<u64>) -> Response {
        let error = match status {
            429 => "rate_limited",
            503 => "temporarily_unavailable",
            _ => "server_error",
        };
        let resp = oauth_error(status, error, crate::http::reason(status));
        match retry_after.or((status == 429).then_some(1)) {
            Some(s) => resp.with_header("Retry-After", s.to_string()),
            None => resp,
        }
    }
}

fn authorize(req: &Request, shared: &Shared, client: &str) -> Response {
    if client != shared.creds.oauth_client_id {
        return oauth_error(404, "invalid_client", "Unknown client_id");
    }
    let q = |k: &str| req.query_param(k).filter(|v| !v.trim().is_empty());
    let (Some(redirect), Some(kind), Some(scope)) =
        (q("redirect_uri"), q("response_type"), q("scope"))
    else {
        return oauth_error(
            400,
            "invalid_request",
            "redirect_uri, response_type and scope are required",
        );
    };
    if kind != "token" {
        return oauth_error(
            400,
            "unsupported_response_type",
            "response_type must be 'token'",
        );
    }
    if !scope.split_whitespace().any(|s| s == "account-owner") {
        return oauth_error(400, "invalid_scope", "scope must include 'account-owner'");
    }
    if redirect != REDIRECT_URI {
        return oauth_error(
            400,
            "invalid_request",
            "redirect_uri does not match the client's",
        );
    }
    let body = match req.fields() {
        Ok(b) => b.unwrap_or_default(),
        Err(e) => return oauth_error(400, "invalid_request", &e),
    };
    let get = |k: &str| {
        body.get(k)
            .and_then(Value::as_str)
            .filter(|v| !v.is_empty())
    };
    let (Some(user), Some(pw)) = (get("username"), get("password")) else {
        return oauth_error(400, "invalid_request", "username and password are required");
    };
    let mut w = lock(&shared.v4);
    let account = w
        .account_by_username(user)
        .filter(|a| a.parent == Some(MASTER_ACCOUNT_ID))
        .map(|a| a.id);
    let Some(id) = account.filter(|id| w.password_matches(*id, pw)) else {
        return oauth_error(401, "invalid_grant", "Invalid username or password");
    };
    let (access, _) = w.issue(id, scope);
    Response::json(
        200,
        &json!({"access_token": access, "token_type": "Bearer", "expires_in": TOKEN_TTL, "scope": scope, "account_id": id}),
    )
}
