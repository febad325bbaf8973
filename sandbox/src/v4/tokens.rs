//! v4's own OAuth endpoints: `POST /oauth/access-token` (token grants, no Bearer needed),
//! `GET /oauth/access-token` (token info) and `GET /oauth/authorization` (302 to the redirect URI).

use super::world::{World, TOKEN_TTL};
use super::{Cx, Reply};
use crate::creds::MASTER_ACCOUNT_ID;
use crate::errors::oauth_error;
use crate::http::url::percent_encode;
use crate::http::{Request, Response};
use serde_json::{json, Value};

/// `POST /oauth/access-token` with a form or JSON body:
/// `client_credentials` (client_id = the config's OAuth client id, client_secret = the master
/// token), `password` (an account's username and password, or the master token as password),
/// `authorization_code` (a code from `GET /oauth/authorization`), or `refresh_token`.
pub fn grant(req: &Request, w: &mut World) -> Response {
    let b = match req.fields() {
        Ok(b) => b.unwrap_or_default(),
        Err(e) => return oauth_error(400, "invalid_request", &e),
    };
    let get = |k: &str| {
        b.get(k)
            .and_then(Value::as_str)
            .or_else(|| req.query_param(k))
            .map(str::to_string)
    };
    let Some(grant_type) = get("grant_type") else {
        return oauth_error(400, "invalid_request", "grant_type is required");
    };
    let client = get("client_id");
    if client
        .as_ref()
        .is_some_and(|c| *c != w.creds.oauth_client_id)
    {
        return oauth_error(401, "invalid_client", "Unknown client_id");
    }
    let invalid_grant = |d: &str| oauth_error(401, "invalid_grant", d);
    let (account, scope) = match grant_type.as_str() {
        "client_credentials" => {
            if client.is_none()
                || get("client_secret").as_deref() != Some(w.creds.v4_token.as_str())
            {
                return oauth_error(401, "invalid_client", "Client authentication failed");
            }
            (MASTER_ACCOUNT_ID, None)
        }
        "password" => {
            let (Some(user), Some(pw)) = (get("username"), get("password")) else {
                return oauth_error(400, "invalid_request", "username and password are required");
            };
            match w.account_by_username(&user).map(|a| a.id) {
                Some(id) if w.password_matches(id, &pw) => (id, None),
                _ => return invalid_grant("Invalid username or password"),
            }
        }
        "authorization_code" => match get("code").and_then(|c| w.codes.remove(&c)) {
            Some(g) => (g.account, Some(g.scope)),
            None => return invalid_grant("The authorization code is invalid or was already used"),
        },
        "refresh_token" => match get("refresh_token").and_then(|r| w.refresh_tokens.remove(&r)) {
            Some(g) => (g.account, Some(g.scope)),
            None => return invalid_grant("The refresh token is invalid"),
        },
        other => {
            return oauth_error(
                400,
                "unsupported_grant_type",
                &format!("Unsupported grant_type '{other}'"),
            )
        }
    };
    let scope = get("scope")
        .or(scope)
        .unwrap_or_else(|| "account-owner".into());
    let (access, refresh) = w.issue(account, &scope);
    Response::json(
        201,
        &json!({"access_token": access, "token_type": "Bearer", "expires_in": TOKEN_TTL, "refresh_token": refresh, "scope": scope}),
    )
}

/// `GET /oauth/access-token`: what the presented token is.
pub fn info(cx: &mut Cx) -> Reply {
    let token = cx
        .req
        .header("authorization")
        .and_then(|h| h.split_once(' '))
        .map(|(_, t)| t.trim())
        .unwrap_or("");
    let g =
        cx.w.token(token).cloned().ok_or_else(|| {
            oauth_error(401, "invalid_token", "The access token provided is invalid")
        })?;
    Ok(Response::json(
        200,
        &json!({"scope": g.scope, "expires_at": g.expires_at, "scope_details": [{"voip_id": g.account}]}),
    ))
}

/// `GET /oauth/authorization?client_id&response_type=code|token&scope&redirect_uri[&state]`:
/// 302 to the redirect URI with `?code=` or `#access_token=` for the token's account.
pub fn authorize(cx: &mut Cx) -> Reply {
    let q = |k: &str| {
        cx.req
            .query_param(k)
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    };
    let (Some(client), Some(kind), Some(scope), Some(redirect)) = (
        q("client_id"),
        q("response_type"),
        q("scope"),
        q("redirect_uri"),
    ) else {
        return Err(oauth_error(
            400,
            "invalid_request",
            "client_id, response_type, scope and redirect_uri are required",
        ));
    };
    if client != cx.w.creds.oauth_client_id {
        return Err(oauth_error(404, "invalid_client", "Unknown client_id"));
    }
    let state = q("state")
        .map(|s| format!("&state={}", percent_encode(&s)))
        .unwrap_or_default();
    let location = match kind.as_str() {
        "code" => {
            let code = cx.w.secret("sbx_code_");
            let g = super::world::Grant {
                account: cx.principal,
                scope: scope.clone(),
                expires_at: crate::clock::now() + 600,
            };
            super::world::make_room(&mut cx.w.codes, crate::clock::now());
            cx.w.codes.insert(code.clone(), g);
            let sep = if redirect.contains('?') { '&' } else { '?' };
            format!("{redirect}{sep}code={code}{state}")
        }
        "token" => {
            let (access, _) = cx.w.issue(cx.principal, &scope);
            format!("{redirect}#access_token={access}&token_type=Bearer&expires_in={TOKEN_TTL}&scope={}{state}", percent_encode(&scope))
        }
        _ => {
            return Err(oauth_error(
                400,
                "unsupported_response_type",
                "response_type must be 'code' or 'token'",
            ))
        }
    };
    Ok(Response::json(302, &json!({"redirect_uri": location})).with_header("Location", location))
}
