//! Listings of bound numbers: `GET`/`PUT /listings/{e164}` (state, trust grade, live risk,
//! draft; partial-merge staging), `POST .../verify-checkout` and `GET .../reports`.
//!
//! States: `unverified` (bound, nothing staged), `draft` (a profile staged), `verified` (paid
//! and published; `verify-checkout` answers `pending` until then). Publishing sets the static
//! `trust_grade` (`A` business, `A-` personal), a handle, `verified_since`, and `next_billing`
//! a year on for business (personal is one-time). The live `risk.score` (0-100) moves with the
//! reports and reviews filed against the number (see `/_sandbox/nol/reports`).

use super::errors::{bad_request, plain};
use super::pay;
use super::util::{body, bound, opt_ts, ts};
use super::world::{Listing, Purchase, World};
use super::{Cx, Reply};
use crate::http::Response;
use crate::rng::Rng;
use serde_json::{json, Map, Value};

/// String fields of a profile.
const TEXT_FIELDS: &[&str] = &[
    "dba",
    "legal_name",
    "ein",
    "jurisdiction",
    "formation_date",
    "industry",
    "address",
    "website",
    "bio",
    "name",
    "role",
];

/// Profile fields a personal listing does not have (the onboarding guide's table: name, url, tax
/// id, address and logo are "not applicable" to personal; it publishes no profile).
pub const BUSINESS_ONLY: &[&str] = &["dba", "legal_name", "ein", "website", "address"];

const DAY: i64 = 86_400;

/// The 400 for business-only fields on a personal listing, naming them.
fn personal_refuses(fields: &[&str]) -> Response {
    bad_request(&format!(
        "A personal listing has no business profile: remove {} (send null to clear a staged value), or stage kind \"business\".",
        fields.iter().map(|f| format!("`{f}`")).collect::<Vec<_>>().join(", ")
    ))
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').chars().take(40).collect()
}

fn text<'a>(p: &'a Map<String, Value>, k: &str) -> Option<&'a str> {
    p.get(k).and_then(Value::as_str).filter(|s| !s.is_empty())
}

fn logo_url(l: &Listing) -> Value {
    l.logo
        .as_ref()
        .map_or(Value::Null, |id| json!(format!("/api/media/{id}")))
}

/// The staged profile as its owner sees it (the tax id is never shown).
fn profile_view(w: &World, l: &Listing) -> Value {
    let mut p = l.profile.clone();
    let ein = p.remove("ein").is_some();
    p.insert("ein_on_file".into(), json!(ein));
    p.insert("logo_url".into(), logo_url(l));
    let docs: Vec<Value> = l
        .documents
        .iter()
        .filter_map(|id| w.media.iter().find(|m| &m.id == id))
        .map(|m| json!({"media_id": m.id, "content_type": m.content_type, "byte_size": m.bytes.len()}))
        .collect();
    p.insert("documents".into(), Value::Array(docs));
    let mut out = Map::new();
    out.insert("kind".into(), json!(l.kind));
    out.insert("verification_id".into(), json!(l.verification_id));
    out.extend(p);
    Value::Object(out)
}

/// The published listing (business: public profile fields; personal: no name exposed).
fn live_view(l: &Listing) -> Value {
    let p = &l.profile;
    if l.kind == "personal" {
        return json!({"handle": l.handle, "kind": "personal", "name": null,
                      "label": "verified & online", "verified_since": opt_ts(l.verified_since),
                      "next_billing": null});
    }
    json!({
        "handle": l.handle, "kind": "business",
        "name": text(p, "dba").or(text(p, "legal_name")),
        "website": text(p, "website"), "address": text(p, "address"),
        "industry": text(p, "industry"), "bio": text(p, "bio"),
        "logo_url": logo_url(l),
        "public_url": l.handle.as_ref().map(|h| format!("/business/{h}")),
        "verified_since": opt_ts(l.verified_since), "next_billing": opt_ts(l.next_billing),
    })
}

/// The live community signal of `e164`.
pub fn risk(w: &World, e164: &str, now: i64) -> Value {
    let base = Rng::derive(w.seed, &format!("risk:{e164}")).range(5, 20) as i64;
    let items: Vec<_> = w.feedback.iter().filter(|f| f.e164 == e164).collect();
    let reports: Vec<_> = items.iter().filter(|f| !f.review).collect();
    let recent: Vec<_> = reports
        .iter()
        .filter(|f| f.created_at > now - 30 * DAY)
        .collect();
    let accountable = recent
        .iter()
        .filter(|f| f.fields["lane"] == "accountable")
        .count() as i64;
    let crowd = recent.len() as i64 - accountable;
    let reviews: Vec<_> = items.iter().filter(|f| f.review).collect();
    let positive = reviews
        .iter()
        .filter(|f| f.fields["positive"] == true)
        .count() as i64;
    let negative = reviews.len() as i64 - positive;
    let score = (base + 10 * accountable + 5 * crowd + 3 * negative - 2 * positive).clamp(0, 100);
    json!({
        "score": score, "report_count": reports.len(), "reports_last_30d": recent.len(),
        "last_reported_at": opt_ts(reports.iter().map(|f| f.created_at).max()),
        "review_total": reviews.len(), "review_positive": positive,
    })
}

/// Publishes the listing of `e164` (the payment went through).
pub fn publish(w: &mut World, e164: &str, now: i64) {
    let suffix = w.hex(4);
    let l = w.listing_mut(e164);
    if l.verified {
        return;
    }
    let stem = if l.kind == "personal" {
        let last4: String = e164
            .chars()
            .skip(e164.chars().count().saturating_sub(4))
            .collect();
        format!("number-{last4}")
    } else {
        let p = &l.profile;
        slug(
            text(p, "dba")
                .or(text(p, "legal_name"))
                .unwrap_or("business"),
        )
    };
    l.verified = true;
    l.pending = None;
    l.trust_grade = Some(if l.kind == "personal" { "A-" } else { "A" }.into());
    l.handle = Some(format!("{stem}-{suffix}"));
    l.verified_since = Some(now);
    l.next_billing = (l.kind == "business").then_some(now + 365 * DAY);
}

/// `unverified`, `draft` or `verified` (the `state` of the listing routes).
pub fn state(l: &Listing) -> &'static str {
    if l.verified {
        "verified"
    } else if l.verification_id.is_some() {
        "draft"
    } else {
        "unverified"
    }
}

/// `GET /listings/{e164}` (pays an open checkout of the number first: the poll after checkout
/// sees `verified`).
pub fn get(cx: &mut Cx) -> Reply {
    let e164 = bound(cx)?;
    pay::complete_verification(cx.w, &e164);
    let l = cx.w.listing_mut(&e164).clone();
    Ok(Response::json(
        200,
        &json!({
            "e164": e164,
            "state": state(&l),
            "trust_grade": l.trust_grade,
            "risk": risk(cx.w, &e164, cx.now),
            "listing": if l.verified { live_view(&l) } else { Value::Null },
            "draft": if !l.verified && l.verification_id.is_some() { profile_view(cx.w, &l) } else { Value::Null },
        }),
    ))
}

/// `PUT /listings/{e164}`: merges the fields sent into the draft (or the live listing).
pub fn put(cx: &mut Cx) -> Reply {
    let e164 = bound(cx)?;
    let b = body(cx)?;
    let mut changes = Map::new();
    for f in TEXT_FIELDS {
        match b.get(*f) {
            None => {}
            Some(Value::String(s)) => {
                changes.insert(f.to_string(), json!(s));
            }
            Some(Value::Null) => {
                changes.insert(f.to_string(), Value::Null);
            }
            Some(_) => return Err(bad_request(&format!("`{f}` must be a string."))),
        }
    }
    match b.get("marketing_opt_in") {
        None => {}
        Some(Value::Bool(v)) => {
            changes.insert("marketing_opt_in".into(), json!(v));
        }
        Some(_) => return Err(bad_request("`marketing_opt_in` must be a boolean.")),
    }
    let kind = match b.get("kind") {
        None => None,
        Some(Value::String(k)) if k == "business" || k == "personal" => Some(k.clone()),
        Some(_) => return Err(bad_request("`kind` must be \"business\" or \"personal\".")),
    };
    if changes.is_empty() && kind.is_none() {
        return Err(bad_request(&format!(
            "No editable fields provided (kind, {}, marketing_opt_in).",
            TEXT_FIELDS.join(", ")
        )));
    }
    if let Some(d) = changes.get("formation_date").and_then(Value::as_str) {
        let ok = d.len() == 10
            && d.bytes().enumerate().all(|(i, c)| {
                if i == 4 || i == 7 {
                    c == b'-'
                } else {
                    c.is_ascii_digit()
                }
            });
        if !ok {
            return Err(bad_request("`formation_date` must be YYYY-MM-DD."));
        }
    }
    if let Some(u) = changes.get("website").and_then(Value::as_str) {
        if !u.is_empty() && !u.starts_with("https://") && !u.starts_with("http://") {
            return Err(bad_request("`website` must be an http(s) URL."));
        }
    }
    let vid = cx.w.uuid();
    let l = cx.w.listing_mut(&e164);
    if let Some(k) = &kind {
        if l.verified && *k != l.kind {
            return Err(bad_request(
                "`kind` cannot change once the number is verified.",
            ));
        }
    }
    // The kind and profile this PUT would leave: a personal listing keeps no business field.
    let kind_after = kind.clone().unwrap_or_else(|| l.kind.clone());
    if kind_after == "personal" {
        let kept: Vec<&str> = BUSINESS_ONLY
            .iter()
            .copied()
            .filter(|f| match changes.get(*f) {
                Some(v) => !v.is_null(),
                None => l.profile.contains_key(*f),
            })
            .collect();
        if !kept.is_empty() {
            return Err(personal_refuses(&kept));
        }
        if l.logo.is_some() {
            return Err(bad_request(
                "A personal listing has no logo: stage kind \"business\" to keep the uploaded logo.",
            ));
        }
    }
    if let Some(k) = kind {
        l.kind = k;
    }
    for (k, v) in changes {
        if v.is_null() {
            l.profile.remove(&k);
        } else {
            l.profile.insert(k, v);
        }
    }
    if l.verification_id.is_none() {
        l.verification_id = Some(vid);
    }
    let l = l.clone();
    Ok(Response::json(
        200,
        &json!({"ok": true, "state": state(&l), "verification_id": l.verification_id,
                "kind": l.kind, "profile": profile_view(cx.w, &l)}),
    ))
}

/// `POST /listings/{e164}/verify-checkout`: a sandbox checkout URL for the staged kind.
pub fn checkout(cx: &mut Cx) -> Reply {
    let e164 = bound(cx)?;
    let l = cx.w.listing_mut(&e164).clone();
    if l.verified {
        return Err(plain(409, "This number already has a verified listing."));
    }
    if l.verification_id.is_none() {
        return Err(bad_request(
            "No draft profile staged yet: PUT /api/v1/account/listings/{e164} first.",
        ));
    }
    let open = l
        .pending
        .clone()
        .filter(|s| cx.w.sessions.iter().any(|x| &x.id == s && !x.paid));
    let session = match open {
        Some(s) => s,
        None => {
            let account = cx.account();
            let s = pay::open(
                cx.w,
                &account,
                Purchase::Verification { e164: e164.clone() },
            );
            cx.w.listing_mut(&e164).pending = Some(s.clone());
            s
        }
    };
    let amount = if l.kind == "personal" {
        "9.00"
    } else {
        "29.00"
    };
    Ok(Response::json(
        200,
        &json!({"ok": true, "provider": "sandbox", "state": "pending", "url": pay::url(cx, &session),
                "verification_id": l.verification_id, "handle": null, "kind": l.kind,
                "amount_usd": amount, "session_id": session}),
    ))
}

/// `GET /listings/{e164}/reports[?limit=N]` (1 to 200, default 50; newest first).
pub fn reports(cx: &mut Cx) -> Reply {
    let e164 = bound(cx)?;
    let limit = match cx.req.query_param("limit") {
        None => 50,
        Some(s) => s
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=200).contains(n))
            .ok_or_else(|| bad_request("`limit` must be an integer from 1 to 200."))?,
    };
    let mut items: Vec<_> = cx.w.feedback.iter().filter(|f| f.e164 == e164).collect();
    items.sort_by_key(|f| std::cmp::Reverse(f.created_at));
    let shape = |review: bool| -> Vec<Value> {
        items
            .iter()
            .filter(|f| f.review == review)
            .take(limit)
            .map(|f| {
                let mut m = Map::new();
                m.insert("created_at".into(), ts(f.created_at));
                m.extend(f.fields.clone());
                Value::Object(m)
            })
            .collect()
    };
    let (reports, reviews) = (shape(false), shape(true));
    let r = risk(cx.w, &e164, cx.now);
    Ok(Response::json(
        200,
        &json!({
            "e164": e164,
            "summary": {"risk_score": r["score"], "report_count": r["report_count"],
                        "reports_last_30d": r["reports_last_30d"], "last_reported_at": r["last_reported_at"],
                        "review_total": r["review_total"], "review_positive": r["review_positive"]},
            "reports": reports,
            "reviews": reviews,
        }),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slug("Acme Plumbing, LLC"), "acme-plumbing-llc");
        assert_eq!(slug("  --X--  "), "x");
    }
}
