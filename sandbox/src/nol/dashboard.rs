//! numbers.online's state as the dashboard shows it (`GET /_sandbox/state/nol`): the same views
//! the API answers with (a key's public prefix, never the key; no codes, no tax ids).

use super::util::{opt_ts, ts};
use super::world::World;
use serde_json::{json, Value};

/// numbers.online: accounts, keys (their public prefix, never the key), bound numbers,
/// listings with their state, trust grade and risk, reports and reviews, tenants.
pub fn view(w: &World, now: i64) -> Value {
    let accounts: Vec<Value> = w
        .accounts
        .iter()
        .map(|a| {
            json!({"id": a.id, "name": a.name, "email": a.email, "status": a.status,
                   "balance_micros": a.balance_micros, "created_at": ts(a.created_at)})
        })
        .collect();
    let keys: Vec<Value> = w
        .keys
        .iter()
        .map(|k| {
            let mut v = super::keys::view(k, now);
            v["account_id"] = json!(k.account);
            v
        })
        .collect();
    let phones: Vec<Value> = w
        .phones
        .iter()
        .map(|p| {
            json!({"e164": p.e164, "account_id": p.account, "verified_at": ts(p.verified_at),
                   "precall_enrolled": p.precall_enrolled})
        })
        .collect();
    let listings: Vec<Value> = w
        .listings
        .iter()
        .map(|l| {
            let state = match (&l.pending, l.verified) {
                (Some(_), false) => "pending",
                _ => super::listings::state(l),
            };
            let name = ["dba", "legal_name", "name"]
                .iter()
                .find_map(|k| l.profile.get(*k).and_then(Value::as_str));
            json!({"e164": l.e164, "kind": l.kind, "state": state, "name": name,
                   "trust_grade": l.trust_grade, "handle": l.handle,
                   "verified_since": opt_ts(l.verified_since),
                   "risk": super::listings::risk(w, &l.e164, now)})
        })
        .collect();
    let reports: Vec<Value> = w
        .feedback
        .iter()
        .map(|f| {
            let mut v = json!({"e164": f.e164, "kind": if f.review { "review" } else { "report" },
                               "created_at": ts(f.created_at)});
            if let Value::Object(m) = &mut v {
                m.extend(f.fields.clone());
            }
            v
        })
        .collect();
    let tenants: Vec<Value> = w
        .tenants
        .iter()
        .map(|t| {
            json!({"id": t.id, "account_id": t.account, "name": t.name, "status": t.status,
                   "suppressions": t.suppressions.len()})
        })
        .collect();
    json!({"accounts": accounts, "keys": keys, "phones": phones, "listings": listings,
           "reports": reports, "tenants": tenants})
}
