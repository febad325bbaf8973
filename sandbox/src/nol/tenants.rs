//! The MSP control plane: tenants, their sub-keys (lookups only, the account's tier, never
//! account credentials) and suppression lists (numbers are never shown back, only labels).

use super::errors::{bad_request, not_found, plain};
use super::util::{body, e164, is_uuid, opt_str, ts};
use super::world::{Suppression, Tenant, TENANT_USE_CASES};
use super::{Cx, Reply};
use crate::http::Response;
use serde_json::{json, Value};

fn usage() -> Value {
    json!({"requests": 0, "billed_micros": 0, "fresh_cnam_dips": 0, "cached_or_enriched": 0})
}

fn view(t: &Tenant) -> Value {
    json!({"id": t.id, "name": t.name, "status": t.status, "created_at": ts(t.created_at)})
}

/// The tenant of the path: 400 when the id is not a UUID, 404 when it is not the caller's.
fn find(cx: &Cx) -> Result<usize, Response> {
    let id = cx.param();
    if !is_uuid(id) {
        return Err(bad_request("Invalid tenant id (not a UUID)."));
    }
    let account = cx.account();
    cx.w.tenants
        .iter()
        .position(|t| t.id == id && t.account == account)
        .ok_or_else(|| not_found("Tenant not found on this account."))
}

fn name_field(b: &super::util::Body, required: bool) -> Result<Option<String>, Response> {
    match opt_str(b, "name")? {
        None if required => Err(bad_request("`name` is required (1 to 120 characters).")),
        None => Ok(None),
        Some(n) if n.trim().is_empty() || n.chars().count() > 120 => {
            Err(bad_request("`name` must be 1 to 120 characters."))
        }
        Some(n) => Ok(Some(n)),
    }
}

/// `GET /tenants`.
pub fn list(cx: &mut Cx) -> Reply {
    let account = cx.account();
    let tenants: Vec<Value> =
        cx.w.tenants
            .iter()
            .filter(|t| t.account == account)
            .map(|t| {
                let keys =
                    cx.w.keys
                        .iter()
                        .filter(|k| k.tenant.as_ref() == Some(&t.id))
                        .count();
                let mut v = view(t);
                v["keys"] = json!(keys);
                v["usage_30d"] = usage();
                v
            })
            .collect();
    Ok(Response::json(200, &json!({ "tenants": tenants })))
}

/// `POST /tenants {"name"}`.
pub fn create(cx: &mut Cx) -> Reply {
    let b = body(cx)?;
    let name = name_field(&b, true)?.unwrap_or_default();
    let account = cx.account();
    if cx
        .w
        .tenants
        .iter()
        .any(|t| t.account == account && t.name == name)
    {
        return Err(plain(
            409,
            "A tenant with this name already exists on the account.",
        ));
    }
    let t = Tenant {
        id: cx.w.uuid(),
        account,
        name,
        status: "active".into(),
        created_at: cx.now,
        suppressions: Vec::new(),
    };
    let out = json!({"tenant": view(&t),
                     "next": format!("POST /api/v1/account/tenants/{}/keys to issue this tenant a sub-key.", t.id)});
    cx.w.tenants.push(t);
    Ok(Response::json(201, &out))
}

fn suppression_entries(t: &Tenant) -> Vec<Value> {
    t.suppressions
        .iter()
        .map(|s| json!({"label": s.label, "created_at": ts(s.created_at)}))
        .collect()
}

/// `GET /tenants/{id}`.
pub fn get(cx: &mut Cx) -> Reply {
    let i = find(cx)?;
    let t = &cx.w.tenants[i];
    let keys: Vec<Value> =
        cx.w.keys
            .iter()
            .filter(|k| k.tenant.as_ref() == Some(&t.id))
            .map(|k| {
                json!({"id": k.id, "key_prefix": k.prefix, "name": k.name, "tier": k.tier,
                   "rate_limit": k.rate_limit(), "requests_total": k.requests_total,
                   "disabled": k.disabled || t.status != "active"})
            })
            .collect();
    Ok(Response::json(
        200,
        &json!({"tenant": view(t), "usage_30d": usage(), "keys": keys,
                "suppressions": {"count": t.suppressions.len(), "entries": suppression_entries(t)}}),
    ))
}

/// `PATCH /tenants/{id} {"status": "active"|"disabled"}`.
pub fn set_status(cx: &mut Cx) -> Reply {
    let i = find(cx)?;
    let b = body(cx)?;
    let status = opt_str(&b, "status")?.unwrap_or_default();
    if status != "active" && status != "disabled" {
        return Err(bad_request("`status` must be \"active\" or \"disabled\"."));
    }
    let t = &mut cx.w.tenants[i];
    t.status = status.clone();
    let note = if status == "disabled" {
        "The tenant's sub-keys are disabled and fail authentication until it is re-enabled."
    } else {
        "The tenant's sub-keys work again (keys revoked one by one stay revoked)."
    };
    Ok(Response::json(
        200,
        &json!({"tenant": {"id": t.id, "name": t.name, "status": t.status}, "note": note}),
    ))
}

/// `POST /tenants/{id}/keys {"name"?}`: a lookup-only sub-key, shown once.
pub fn issue_key(cx: &mut Cx) -> Reply {
    let i = find(cx)?;
    let b = body(cx)?;
    let name = name_field(&b, false)?;
    let t = cx.w.tenants[i].clone();
    if t.status != "active" {
        return Err(plain(
            409,
            "Tenant is disabled: re-enable it before issuing keys.",
        ));
    }
    let name = name.unwrap_or_else(|| format!("{} key", t.name));
    let tier = cx.w.keys[cx.key].tier.clone();
    let raw = cx.w.new_raw_key();
    let k = cx.w.add_key(
        &t.account,
        Some(t.id.clone()),
        raw.clone(),
        &name,
        &tier,
        TENANT_USE_CASES,
        cx.now,
    );
    let k = &cx.w.keys[k];
    Ok(Response::json(
        201,
        &json!({"tenant_id": t.id, "api_key": raw, "key_prefix": k.prefix, "name": k.name,
                "tier": k.tier, "rate_limit": k.rate_limit(), "allowed_use_cases": k.use_cases,
                "note": "Store this key now: it is shown only in this response. Sub-keys do lookups only."}),
    ))
}

fn number_field(b: &super::util::Body) -> Result<String, Response> {
    let n = opt_str(b, "number")?.unwrap_or_default();
    e164(&n).ok_or_else(|| bad_request("`number` is not a valid E.164 number."))
}

/// `GET /tenants/{id}/suppressions`.
pub fn suppressions(cx: &mut Cx) -> Reply {
    let i = find(cx)?;
    let t = &cx.w.tenants[i];
    Ok(Response::json(
        200,
        &json!({"tenant_id": t.id, "count": t.suppressions.len(), "entries": suppression_entries(t),
                "note": "Suppressed numbers are stored as SHA-256 hashes; only your labels are listed."}),
    ))
}

/// `POST /tenants/{id}/suppressions {"number", "label"?}` (adding it again updates the label).
pub fn suppress(cx: &mut Cx) -> Reply {
    let i = find(cx)?;
    let b = body(cx)?;
    let number = number_field(&b)?;
    let label = opt_str(&b, "label")?;
    if label.as_ref().is_some_and(|l| l.chars().count() > 120) {
        return Err(bad_request("`label` must be at most 120 characters."));
    }
    let now = cx.now;
    let t = &mut cx.w.tenants[i];
    match t.suppressions.iter_mut().find(|s| s.number == number) {
        Some(s) => s.label = label.clone(),
        None => t.suppressions.push(Suppression {
            number,
            label: label.clone(),
            created_at: now,
        }),
    }
    Ok(Response::json(
        201,
        &json!({"tenant_id": t.id, "suppressed": true, "label": label}),
    ))
}

/// `DELETE /tenants/{id}/suppressions {"number"}`.
pub fn unsuppress(cx: &mut Cx) -> Reply {
    let i = find(cx)?;
    let b = body(cx)?;
    let number = number_field(&b)?;
    let t = &mut cx.w.tenants[i];
    t.suppressions.retain(|s| s.number != number);
    Ok(Response::json(
        200,
        &json!({"tenant_id": t.id, "suppressed": false}),
    ))
}
