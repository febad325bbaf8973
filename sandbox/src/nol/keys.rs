//! The key lifecycle (`/api/v1/account/keys...`) and the per-key signing config
//! (`/api/v1/account/signing`, alias `/api/v1/account/keys/self/signing`).

use super::errors::{bad_request, not_found, plain};
use super::util::{body, opt_bool, opt_str, opt_ts, ts};
use super::world::{Key, MAX_KEYS};
use super::{Cx, Reply};
use crate::http::Response;
use crate::rng::Rng;
use serde_json::{json, Value};

const SCHEMA: &str = "2026-06-16";

/// The `ApiKeyView` schema (never the raw key).
pub fn view(k: &Key, now: i64) -> Value {
    let grace = k
        .previous
        .as_ref()
        .map(|(_, until)| *until)
        .filter(|until| *until > now);
    json!({
        "id": k.id, "key_prefix": k.prefix, "name": k.name, "tenant_id": k.tenant,
        "tier": k.tier, "allowed_use_cases": k.use_cases, "rate_limit": k.rate_limit(),
        "requests_total": k.requests_total, "last_used_at": opt_ts(k.last_used_at),
        "disabled": k.disabled, "require_signed_requests": k.require_signed,
        "rotation_grace_expires_at": opt_ts(grace), "created_at": ts(k.created_at),
    })
}

/// The index of key `id` of the caller's account; 404 for foreign, unknown or malformed ids.
fn find(cx: &Cx) -> Result<usize, Response> {
    let account = cx.account();
    let id = cx.param();
    cx.w.keys
        .iter()
        .position(|k| k.id == id && k.account == account)
        .ok_or_else(|| not_found("Key not found."))
}

/// `GET /keys`.
pub fn list(cx: &mut Cx) -> Reply {
    let account = cx.account();
    let keys: Vec<Value> =
        cx.w.keys
            .iter()
            .filter(|k| k.account == account)
            .map(|k| view(k, cx.now))
            .collect();
    Ok(Response::json(
        200,
        &json!({"schema_version": SCHEMA, "keys": keys}),
    ))
}

/// `POST /keys`: a key with the caller's tier and a subset of its use cases.
pub fn create(cx: &mut Cx) -> Reply {
    let b = body(cx)?;
    let name = opt_str(&b, "name")?.unwrap_or_else(|| "API key".into());
    let caller = cx.w.keys[cx.key].clone();
    let use_cases: Vec<String> = match b.get("use_cases") {
        None | Some(Value::Null) => caller.use_cases.clone(),
        Some(Value::Array(a)) => {
            let mut out = Vec::new();
            for u in a {
                match u.as_str() {
                    Some(s) if caller.use_cases.iter().any(|c| c == s) => out.push(s.to_string()),
                    _ => {
                        return Err(bad_request(&format!(
                            "`use_cases` must be a subset of your own key's: {}.",
                            caller.use_cases.join(", ")
                        )))
                    }
                }
            }
            out
        }
        Some(_) => return Err(bad_request("`use_cases` must be an array of strings.")),
    };
    let enabled =
        cx.w.keys
            .iter()
            .filter(|k| k.account == caller.account && k.tenant.is_none() && !k.disabled)
            .count();
    if enabled >= MAX_KEYS {
        return Err(plain(
            409,
            &format!("Enabled-key ceiling reached ({MAX_KEYS} per account)."),
        ));
    }
    let raw = cx.w.new_raw_key();
    let refs: Vec<&str> = use_cases.iter().map(String::as_str).collect();
    let i = cx.w.add_key(
        &caller.account,
        None,
        raw.clone(),
        &name,
        &caller.tier,
        &refs,
        cx.now,
    );
    Ok(Response::json(
        201,
        &json!({"schema_version": SCHEMA, "api_key": raw, "key": view(&cx.w.keys[i], cx.now),
                "note": "Store this key now: it is shown only in this response."}),
    ))
}

/// `GET /keys/{id}`.
pub fn get(cx: &mut Cx) -> Reply {
    let i = find(cx)?;
    Ok(Response::json(
        200,
        &json!({"schema_version": SCHEMA, "key": view(&cx.w.keys[i], cx.now)}),
    ))
}

/// `PATCH /keys/{id}`: rename, or revoke with `disabled: true` (one way).
pub fn update(cx: &mut Cx) -> Reply {
    let i = find(cx)?;
    let b = body(cx)?;
    let name = opt_str(&b, "name")?;
    let disabled = opt_bool(&b, "disabled")?;
    if name.is_none() && disabled.is_none() {
        return Err(bad_request(
            "Nothing to update: send `name` or `disabled: true`.",
        ));
    }
    if disabled == Some(false) {
        return Err(bad_request(
            "Re-enabling a key is not supported (disabling is one way): rotate or mint a key instead.",
        ));
    }
    if disabled == Some(true) && !cx.w.keys[i].disabled && cx.w.keys[i].tenant.is_none() {
        let account = cx.w.keys[i].account.clone();
        let others =
            cx.w.keys
                .iter()
                .enumerate()
                .any(|(j, k)| j != i && k.account == account && k.tenant.is_none() && !k.disabled);
        if !others {
            return Err(plain(
                409,
                "Refused: this is the account's last enabled account-level key (the key is the account's only identity).",
            ));
        }
    }
    let k = &mut cx.w.keys[i];
    if let Some(n) = name {
        k.name = n;
    }
    if disabled == Some(true) {
        k.disabled = true;
    }
    Ok(Response::json(
        200,
        &json!({"schema_version": SCHEMA, "ok": true, "key": view(k, cx.now)}),
    ))
}

/// `POST /keys/{id}/rotate`: new key material on the same record; the old key lives on for
/// `grace_seconds` (0 to 86400, default 86400).
pub fn rotate(cx: &mut Cx) -> Reply {
    let i = find(cx)?;
    let b = body(cx)?;
    let grace = match b.get("grace_seconds") {
        None | Some(Value::Null) => 86_400,
        Some(v) => v
            .as_i64()
            .filter(|g| (0..=86_400).contains(g))
            .ok_or_else(|| bad_request("`grace_seconds` must be an integer from 0 to 86400."))?,
    };
    if cx.w.keys[i].disabled {
        return Err(plain(409, "Cannot rotate a disabled key."));
    }
    let raw = cx.w.new_raw_key();
    let now = cx.now;
    let k = &mut cx.w.keys[i];
    let old = std::mem::replace(&mut k.raw, raw.clone());
    k.prefix = raw.chars().take(12).collect();
    k.previous = (grace > 0).then(|| (old, now + grace));
    let expires = k.previous.as_ref().map(|(_, t)| *t);
    Ok(Response::json(
        200,
        &json!({"schema_version": SCHEMA, "ok": true, "api_key": raw, "key": view(k, now),
                "old_key_expires_at": opt_ts(expires),
                "note": "Store the new key now: it is shown only in this response."}),
    ))
}

/// The `SigningInfo` of the calling key (its secret is derived from the key record, so a
/// rotation does not change it).
fn signing_info(cx: &Cx) -> Value {
    let k = &cx.w.keys[cx.key];
    let mut r = Rng::derive(cx.w.seed, &format!("signing:{}", k.id));
    json!({
        "signing_required": k.require_signed,
        "scheme": "hmac-sha256",
        "max_skew_seconds": 300,
        "canonical": "METHOD\\nPATH\\nsha256(body)hex\\nX-Operator-Timestamp\\nX-Operator-Nonce",
        "headers": ["X-Operator-Timestamp", "X-Operator-Nonce", "X-Operator-Signature"],
        "docs_url": "https://numbers.online/docs/signing",
        "signing_secret": r.hex(64),
    })
}

/// `GET /signing`.
pub fn signing(cx: &mut Cx) -> Reply {
    Ok(Response::json(200, &signing_info(cx)))
}

/// `POST /signing {"enabled": bool}`.
pub fn set_signing(cx: &mut Cx) -> Reply {
    let b = body(cx)?;
    let Some(enabled) = opt_bool(&b, "enabled")? else {
        return Err(bad_request("`enabled` (a boolean) is required."));
    };
    let i = cx.key;
    cx.w.keys[i].require_signed = enabled;
    Ok(Response::json(200, &signing_info(cx)))
}
