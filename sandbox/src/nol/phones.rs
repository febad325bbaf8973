//! Binding numbers by one-time code (`verify-phone/start`, `/confirm`) and the bound numbers
//! (`GET /phones`, `PATCH /phones/{e164}`).
//!
//! The sandbox's OTP provider is the dev one: the start response carries the code as
//! `dev_code`. Codes have 6 digits, last 10 minutes and allow 5 wrong tries. A free account
//! (no verified listing) binds one number; a second gives 402 `paid_verification_required`.
//! A number bound by another account gives 409.

use super::errors::{bad_request, coded, not_bound, plain};
use super::util::{body, e164, opt_bool, opt_str, opt_ts, ts};
use super::world::{Otp, Phone};
use super::{Cx, Reply};
use crate::http::Response;
use serde_json::{json, Value};

/// Lifetime of a code, seconds.
pub const OTP_TTL: i64 = 600;
/// Wrong codes allowed before the code is dropped.
pub const OTP_TRIES: u32 = 5;

fn phone_field(b: &super::util::Body) -> Result<String, Response> {
    match opt_str(b, "phone")? {
        None => Err(bad_request(
            "`phone` (E.164, e.g. +14155550142) is required.",
        )),
        Some(p) => e164(&p)
            .ok_or_else(|| bad_request(&format!("`phone` is not a valid E.164 number: `{p}`."))),
    }
}

/// `POST /verify-phone/start {"phone", "channel"?}`.
pub fn start(cx: &mut Cx) -> Reply {
    let b = body(cx)?;
    let phone = phone_field(&b)?;
    let channel = opt_str(&b, "channel")?.unwrap_or_else(|| "voice".into());
    if channel != "voice" && channel != "sms" {
        return Err(bad_request("`channel` must be \"voice\" or \"sms\"."));
    }
    let account = cx.account();
    let code = cx.w.digits(6);
    cx.w.otps
        .retain(|o| !(o.account == account && o.phone == phone));
    let otp = Otp {
        account,
        phone: phone.clone(),
        code: code.clone(),
        expires_at: cx.now + OTP_TTL,
        attempts: 0,
    };
    crate::ring::push(&mut cx.w.otps, otp, crate::ring::HISTORY);
    Ok(Response::json(
        200,
        &json!({"ok": true, "phone": phone, "channel": channel, "expires_in_seconds": OTP_TTL,
                "dev_code": code}),
    ))
}

/// `POST /verify-phone/confirm {"phone", "code"}`.
pub fn confirm(cx: &mut Cx) -> Reply {
    let b = body(cx)?;
    let phone = phone_field(&b)?;
    let code = match b.get("code") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
        Some(Value::Number(n)) => n.to_string(),
        _ => return Err(bad_request("`code` (the one-time code) is required.")),
    };
    let account = cx.account();
    if cx.w.phone(&phone).is_some_and(|p| p.account == account) {
        return Ok(bound_reply(&phone, &account, true));
    }
    let Some(i) =
        cx.w.otps
            .iter()
            .position(|o| o.account == account && o.phone == phone)
    else {
        return Err(bad_request(
            "No code was sent to this number (or it was used up): call verify-phone/start first.",
        ));
    };
    if cx.w.otps[i].expires_at <= cx.now {
        cx.w.otps.remove(i);
        return Err(bad_request("The code has expired: start again."));
    }
    if cx.w.otps[i].code != code {
        cx.w.otps[i].attempts += 1;
        if cx.w.otps[i].attempts >= OTP_TRIES {
            cx.w.otps.remove(i);
            return Err(bad_request(
                "Wrong code; too many tries, the code is exhausted: start again.",
            ));
        }
        return Err(bad_request("Wrong code."));
    }
    if cx.w.phone(&phone).is_some() {
        return Err(plain(
            409,
            "This number is already claimed by another account.",
        ));
    }
    let bound_any = cx.w.phones.iter().any(|p| p.account == account);
    if bound_any && !cx.w.has_verified(&account) {
        return Err(coded(
            402,
            "paid_verification_required",
            "Free accounts can bind one phone number. Verify a number (personal $9 or business $29/yr) to bind additional numbers.",
            None,
        ));
    }
    cx.w.otps.remove(i);
    cx.w.phones.push(Phone {
        e164: phone.clone(),
        account: account.clone(),
        verified_at: cx.now,
        precall_enrolled: false,
        precall_enrolled_at: None,
    });
    cx.w.listing_mut(&phone);
    Ok(bound_reply(&phone, &account, false))
}

fn bound_reply(phone: &str, account: &str, already: bool) -> Response {
    Response::json(
        200,
        &json!({"ok": true, "verified_phone": phone, "account_id": account, "already_bound": already}),
    )
}

/// The `AccountPhone` schema.
fn view(p: &Phone) -> Value {
    json!({"e164": p.e164, "verified_at": ts(p.verified_at), "precall_enrolled": p.precall_enrolled,
           "precall_enrolled_at": opt_ts(p.precall_enrolled_at)})
}

/// `GET /phones`.
pub fn list(cx: &mut Cx) -> Reply {
    let account = cx.account();
    let phones: Vec<Value> =
        cx.w.phones
            .iter()
            .filter(|p| p.account == account)
            .map(view)
            .collect();
    Ok(Response::json(
        200,
        &json!({"schema_version": "2026-06-22", "phones": phones}),
    ))
}

/// `PATCH /phones/{e164} {"precall_enrolled": bool}`.
pub fn patch(cx: &mut Cx) -> Reply {
    let b = body(cx)?;
    let Some(enrolled) = opt_bool(&b, "precall_enrolled")? else {
        return Err(bad_request("`precall_enrolled` (a boolean) is required."));
    };
    let account = cx.account();
    let raw = cx.param().to_string();
    let number = e164(&raw).ok_or_else(|| not_bound(&raw))?;
    let now = cx.now;
    let attestation = enrolled.then(|| format!("sbx-attest-{}", cx.w.hex(32)));
    let Some(p) =
        cx.w.phones
            .iter_mut()
            .find(|p| p.e164 == number && p.account == account)
    else {
        return Err(not_bound(&number));
    };
    if enrolled && !p.precall_enrolled {
        p.precall_enrolled_at = Some(now);
    }
    if !enrolled {
        p.precall_enrolled_at = None;
    }
    p.precall_enrolled = enrolled;
    let mut out = json!({"schema_version": "2026-06-22", "phone": view(p)});
    if let Some(a) = attestation {
        out["attestation"] = json!(a);
    }
    Ok(Response::json(200, &out))
}
