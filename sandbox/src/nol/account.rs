//! Signup (keyless), the account (`GET`/`PATCH /api/v1/account`) and prepaid top-ups.

use super::errors::bad_request;
use super::util::{self, body, opt_bool, opt_str, ts, usd};
use super::world::{Purchase, ACCOUNT_USE_CASES};
use super::{pay, Cx, Reply};
use crate::http::Response;
use serde_json::{json, Value};

/// The free-tier floor of the pooled limits.
fn limits() -> Value {
    json!({"per_key_per_min": 60, "pooled_lookups_per_min": 10, "pooled_lookups_per_day": 50,
           "pooled_reports_per_day": 10})
}

/// `POST /api/v1/account/signup`: a new account and its first key, shown once.
pub fn signup(cx: &mut Cx) -> Reply {
    let b = body(cx)?;
    let name = opt_str(&b, "name")?.filter(|s| !s.trim().is_empty());
    let email = opt_str(&b, "email")?.filter(|s| !s.is_empty());
    if email.as_deref().is_some_and(|e| !util::is_email(e)) {
        return Err(bad_request(
            "`email` is malformed (email is optional; omit it to skip).",
        ));
    }
    let id = cx.w.uuid();
    cx.w.accounts.push(super::world::Account {
        id: id.clone(),
        name,
        email: email.clone(),
        balance_micros: 0,
        status: "active".into(),
        created_at: cx.now,
    });
    let raw = cx.w.new_raw_key();
    let k = cx.w.add_key(
        &id,
        None,
        raw.clone(),
        "Default key",
        "free",
        ACCOUNT_USE_CASES,
        cx.now,
    );
    let key = &cx.w.keys[k];
    Ok(Response::json(
        201,
        &json!({
            "schema_version": "2026-06-17",
            "account": {"id": id, "email": email, "balance_micros": 0},
            "api_key": raw,
            "key_prefix": key.prefix,
            "key": {"tier": key.tier, "use_cases": key.use_cases, "limits": limits(),
                    "limits_note": "Pooled limits are the unverified floor; each verified business number raises them (+60/min, +2,000/day lookups, +100/day reports)."},
            "note": "Store this key now: it is shown only in this response and cannot be recovered. New accounts start on the free tier with a zero balance.",
            "docs_url": "https://numbers.online/docs",
        }),
    ))
}

/// The `Account` schema.
pub fn account_view(cx: &Cx, id: &str) -> Value {
    let Some(a) = cx.w.account(id) else {
        return Value::Null;
    };
    json!({"id": a.id, "email": a.email, "name": a.name, "balance_micros": a.balance_micros,
           "balance_usd": usd(a.balance_micros), "status": a.status, "created_at": ts(a.created_at)})
}

/// `GET /api/v1/account` (completes the caller's open top-up checkouts first).
pub fn get(cx: &mut Cx) -> Reply {
    let account = cx.account();
    pay::complete_topups(cx.w, &account);
    let keys: Vec<Value> =
        cx.w.keys
            .iter()
            .filter(|k| k.account == account)
            .map(|k| {
                json!({"id": k.id, "key_prefix": k.prefix, "name": k.name, "tier": k.tier,
                   "rate_limit": k.rate_limit(), "requests_total": k.requests_total,
                   "last_used_at": util::opt_ts(k.last_used_at), "disabled": k.disabled})
            })
            .collect();
    let tenants: Vec<Value> =
        cx.w.tenants
            .iter()
            .filter(|t| t.account == account)
            .map(|t| json!({"id": t.id, "name": t.name, "status": t.status}))
            .collect();
    Ok(Response::json(
        200,
        &json!({
            "schema_version": "2026-06-15",
            "account": account_view(cx, &account),
            "usage_30d": {"requests": 0, "billed_micros": 0, "billed_usd": "0.00"},
            "keys": keys,
            "tenants": tenants,
        }),
    ))
}

/// `PATCH /api/v1/account`: name and/or email (`""` clears the email).
pub fn update(cx: &mut Cx) -> Reply {
    let b = body(cx)?;
    let name = opt_str(&b, "name")?;
    let email = opt_str(&b, "email")?;
    if name.is_none() && email.is_none() {
        return Err(bad_request(
            "Nothing to update: send `name` and/or `email`.",
        ));
    }
    if email
        .as_deref()
        .is_some_and(|e| !e.is_empty() && !util::is_email(e))
    {
        return Err(bad_request("`email` is malformed (send \"\" to clear it)."));
    }
    let id = cx.account();
    if let Some(a) = cx.w.account_mut(&id) {
        if let Some(n) = name {
            a.name = Some(n).filter(|s| !s.is_empty());
        }
        if let Some(e) = email {
            a.email = Some(e).filter(|s| !s.is_empty());
        }
    }
    Ok(Response::json(
        200,
        &json!({"schema_version": "2026-06-15", "ok": true, "account": account_view(cx, &id)}),
    ))
}

/// `POST /api/v1/account/topup`: a checkout session for 500 to 50,000 cents.
pub fn topup(cx: &mut Cx) -> Reply {
    let b = body(cx)?;
    let amount = match b.get("amount_cents") {
        Some(Value::Number(n)) => n.as_i64(),
        None | Some(Value::Null) => {
            return Err(bad_request(
                "`amount_cents` (integer, 500 to 50000) is required.",
            ))
        }
        _ => None,
    };
    let Some(amount) = amount.filter(|a| (500..=50_000).contains(a)) else {
        return Err(bad_request(
            "Invalid amount: `amount_cents` must be an integer from 500 ($5) to 50000 ($500).",
        ));
    };
    let promote = opt_bool(&b, "promote_keys")?.unwrap_or(true);
    let account = cx.account();
    let session = pay::open(
        cx.w,
        &account,
        Purchase::Topup {
            amount_cents: amount,
            promote_keys: promote,
        },
    );
    Ok(Response::json(
        200,
        &json!({
            "url": pay::url(cx, &session),
            "session_id": session,
            "promote_keys": promote,
            "note": "Sandbox payment provider: the credit is applied when the url is fetched, or at the next GET /api/v1/account, whichever comes first.",
        }),
    ))
}

/// Tier after a completed top-up with promotion: standard for every free key of the account.
pub fn promote(w: &mut super::world::World, account: &str) {
    for k in w
        .keys
        .iter_mut()
        .filter(|k| k.account == account && k.tier == "free")
    {
        k.tier = "standard".into();
    }
}
