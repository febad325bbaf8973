//! Payment methods (`/accounts/{a}/payment-methods`), the v4 calls Express Sign-Up with
//! Phone.com billing makes to put the customer's card on the new subaccount.
//!
//! `POST` needs a `cc_token` (the token the credit-card entry form issued) and answers the
//! Payment Method Full Object: `status` (`primary` for an account's first card, `onfile` after,
//! or as sent: `primary`, `onfile`, `hidden`), `type` `cc`, `nickname`, `voip_id`, `created_at`.
//! The token itself is never shown back. Reading, patching and deleting are the plain CRUD of
//! [`generic`](super::generic).

use super::util::{self, Body};
use super::{generic, Cx, Reply};
use crate::{clock, errors};
use serde_json::{json, Value};

/// The statuses the swagger names ("primary, onfile or hidden").
const STATUSES: &[&str] = &["primary", "onfile", "hidden"];

/// Every payment-methods route.
pub fn handle(cx: &mut Cx) -> Reply {
    if cx.req.method != "POST" {
        return generic::handle(cx);
    }
    let b = util::body(cx)?;
    let col = format!("/accounts/{}/payment-methods", cx.account);
    let first = !cx
        .w
        .store
        .items(&col)
        .iter()
        .any(|pm| pm["status"] != "hidden");
    let method = build(&b, json!(cx.w.next_id()), cx.account, first)?;
    util::created(&cx.w.store.insert(&col, method))
}

/// The stored payment method of a create body, or the 422 that refuses it.
fn build(b: &Body, id: Value, account: u64, first: bool) -> Result<Value, crate::http::Response> {
    util::req_str(b, "cc_token")?;
    let status = match util::opt_str(b, "status")? {
        Some(s) if STATUSES.contains(&s.as_str()) => s,
        Some(_) => {
            return Err(errors::invalid_field(
                "status",
                "'status' must be primary, onfile or hidden",
            ))
        }
        None if first => "primary".into(),
        None => "onfile".into(),
    };
    let nickname = util::opt_str(b, "nickname")?.unwrap_or_else(|| "Credit card".into());
    Ok(json!({
        "id": id, "voip_id": account, "status": status, "nickname": nickname,
        "type": "cc", "created_at": clock::now(), "decline_count": 0,
    }))
}
