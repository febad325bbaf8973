//! OAuth: the Express Sign-Up guide's per-user token call, and v4's `/oauth/access-token` grants
//! (those are catalog entries `v4.create-oauth-access-token` / `v4.get-oauth-access-token`).
//!
//! ```no_run
//! use phonecom::{Client, Config, Secret};
//! let client = Client::new(Config::from_env()?)?;
//! // Password mode: the subaccount's own password. Token mode: pass None to use the partner token.
//! let token = phonecom::oauth::user_token(&client, "acme-12345", Some(&Secret::new("long-random-password")))?;
//! let as_user = client.with_v4_token(token.access_token.clone(), token.account_id)?;
//! # Ok::<(), phonecom::Error>(())
//! ```

use crate::call_options::CallOptions;
use crate::catalog::{Auth, Family, Location, Operation, Param, ParamType};
use crate::client::Client;
use crate::encode::{encode_pairs, percent_encode};
use crate::error::{Error, ErrorKind, Result};
use crate::secret::Secret;
use crate::transport::{HttpRequest, HttpResponse};
use crate::wire::Wire;
use serde_json::{json, Map, Value};
use std::time::Duration;

/// A user's access token.
#[derive(Clone)]
pub struct UserToken {
    /// The Bearer token for the user (never printed).
    pub access_token: Secret,
    /// `Bearer`.
    pub token_type: String,
    /// Seconds until expiry, when given.
    pub expires_in: Option<u64>,
    /// Granted scope.
    pub scope: Option<String>,
    /// The user's account id, when the host returns it.
    pub account_id: Option<u64>,
    /// The whole response (what the Express front-end library's `getAccessCallback` expects).
    pub raw: Value,
}

impl std::fmt::Debug for UserToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UserToken")
            .field("access_token", &self.access_token)
            .field("token_type", &self.token_type)
            .field("expires_in", &self.expires_in)
            .field("scope", &self.scope)
            .field("account_id", &self.account_id)
            .finish_non_exhaustive()
    }
}

pub(crate) const USER_TOKEN_OP: &str = "oauth.user-token";

pub(crate) fn operations() -> Vec<Operation> {
    let p = |name: &str, ty: ParamType, required: bool, doc: &str, secret: bool| Param {
        secret,
        ..Param::new(name, Location::Body, ty, required, doc)
    };
    vec![Operation {
        name: USER_TOKEN_OP.into(),
        family: Family::Oauth,
        method: "POST".into(),
        path: "/client/{client_id}/authorization".into(),
        doc: "Get an access token for a portal user (Express Sign-Up guide); password defaults to the partner's v4 token".into(),
        tag: Some("express".into()),
        returns: Some("UserToken".into()),
        pageable: false,
        paging: None,
        auth: Auth::Required,
        // Issuing a token twice does no harm.
        idempotent: true,
        redirects: false,
        // The issued token is a secret from now on (masked in logs and errors).
        secret_results: vec!["access_token".into(), "refresh_token".into()],
        origin: Some("Express Sign-Up guide".into()),
        params: vec![
            p("username", ParamType::String, true, "The subaccount's user name", false),
            p("password", ParamType::String, false, "The subaccount's password; omitted: the partner's v4 token (needs Phone.com's approval)", true),
            Param {
                location: Location::Query,
                ..p("scope", ParamType::String, false, "Scope (default account-owner)", false)
            },
        ],
    }]
}

/// The schema of the token call's result (`returns: "UserToken"`).
pub(crate) fn schemas() -> Vec<(String, Value)> {
    vec![(
        "UserToken".into(),
        json!({
            "type": "object",
            "doc": "A portal user's access token: what the Express front-end library's getAccessCallback expects",
            "properties": {
                "access_token": {"type": "string", "doc": "Bearer token of the user"},
                "token_type": {"type": "string", "doc": "Bearer"},
                "expires_in": {"type": "integer", "doc": "Seconds until expiry"},
                "scope": {"type": "string", "doc": "Granted scope"},
                "account_id": {"type": "integer", "doc": "The user's account id, when the host returns it"}
            },
            "required": ["access_token"]
        }),
    )]
}

pub(crate) struct OauthWire;

impl Wire for OauthWire {
    fn build(
        &self,
        client: &Client,
        op: &Operation,
        params: &Map<String, Value>,
    ) -> Result<HttpRequest> {
        let cfg = client.config();
        let password = match params.get("password").and_then(Value::as_str) {
            Some(p) => p.to_string(),
            None => cfg
                .v4
                .token
                .as_ref()
                .map(|t| t.expose().to_string())
                .ok_or_else(|| {
                    Error::new(
                        ErrorKind::Authentication,
                        "no password given and v4.token is not configured",
                    )
                })?,
        };
        let scope = params
            .get("scope")
            .and_then(Value::as_str)
            .unwrap_or("account-owner");
        let query = encode_pairs(&[
            ("redirect_uri".into(), cfg.oauth.redirect_uri.clone()),
            ("response_type".into(), "token".into()),
            ("scope".into(), scope.into()),
        ]);
        let url = format!(
            "{}/client/{}/authorization?{query}",
            cfg.oauth.base_url.trim_end_matches('/'),
            percent_encode(&cfg.oauth.client_id)
        );
        let body = json!({"username": params.get("username"), "password": password});
        Ok(HttpRequest {
            method: "POST".into(),
            url,
            headers: vec![("Accept".into(), "application/json".into())],
            body: Some((
                "application/json".into(),
                serde_json::to_vec(&body).expect("JSON serialises"),
            )),
            idempotent: op.idempotent,
        })
    }

    fn decode(&self, _client: &Client, _op: &Operation, resp: &HttpResponse) -> Result<Value> {
        crate::json_response::decode_json(resp)
    }

    /// The token host answers a 429 as v4 does (`@error.@rateLimit`).
    fn retry_after_from_body(&self, body: &[u8], now_unix: u64) -> Option<Duration> {
        crate::json_response::body_retry_after(body, now_unix)
    }
}

/// The guide's token call for `username`. `password: None` sends the partner's v4 token as the
/// password (for partners approved not to store passwords).
pub fn user_token(client: &Client, username: &str, password: Option<&Secret>) -> Result<UserToken> {
    user_token_with(client, username, password, &CallOptions::default())
}

/// [`user_token`] with per-call options (a sign-up's step).
pub(crate) fn user_token_with(
    client: &Client,
    username: &str,
    password: Option<&Secret>,
    opts: &CallOptions,
) -> Result<UserToken> {
    let mut params = json!({"username": username});
    if let Some(p) = password {
        params["password"] = Value::from(p.expose());
    }
    let raw = client.call_with(USER_TOKEN_OP, params, opts)?.data;
    parse_user_token(raw)
}

pub(crate) fn parse_user_token(raw: Value) -> Result<UserToken> {
    let access_token = raw
        .get("access_token")
        .and_then(Value::as_str)
        .ok_or_else(|| {
            Error::decode("token response has no access_token", b"").with_operation(USER_TOKEN_OP)
        })?;
    Ok(UserToken {
        access_token: Secret::new(access_token),
        token_type: raw
            .get("token_type")
            .and_then(Value::as_str)
            .unwrap_or("Bearer")
            .to_string(),
        expires_in: raw.get("expires_in").and_then(Value::as_u64),
        scope: raw.get("scope").and_then(Value::as_str).map(str::to_string),
        account_id: raw.get("account_id").and_then(Value::as_u64),
        raw,
    })
}
