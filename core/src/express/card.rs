//! Phone.com billing in Express Sign-Up: the card token of the card entry form becomes the new
//! subaccount's primary payment method (`v4.create-account-payment-method`), at most once.
//!
//! Creating a payment method is not idempotent and carries no key that would make a second send
//! harmless, so a card is added only to a subaccount with no card on file, and a create whose
//! outcome is unknown (connection cut, timeout, 5xx) is followed by a look at the subaccount's
//! cards before anything is sent again. A sign-up that is retried as a whole (its token call
//! failed after the card went on file) finds the card the same way.

use super::outcome_unknown;
use super::steps::Steps;
use crate::client::Client;
use crate::error::{Error, ErrorKind, Result};
use crate::secret::Secret;
use serde_json::{json, Map, Value};

const CREATE_OP: &str = "v4.create-account-payment-method";
const LIST_OP: &str = "v4.list-account-payment-methods";

/// Put `card` on file for subaccount `account_id` unless it has a card already; the payment
/// method either way.
pub(super) fn add_once(
    client: &Client,
    steps: &Steps,
    account_id: u64,
    card: &Secret,
) -> Result<Value> {
    let op = crate::client::lookup(CREATE_OP)?;
    let mut body = Map::new();
    body.insert("account_id".into(), json!(account_id));
    body.insert("cc_token".into(), json!(card.expose()));
    body.insert("status".into(), json!("primary"));
    let attempts = client.config().retry.max_attempts.max(1);
    let mut last_err = None;
    for _ in 0..attempts {
        // First look: an earlier sign-up of this user may have put the card on file; later
        // looks: the previous create's outcome was unknown.
        if let Some(found) = card_on_file(client, steps, account_id)? {
            return Ok(found);
        }
        match client.call_op(op, body.clone(), &steps.next("adding the card")?) {
            Ok(resp) => return Ok(resp.data),
            Err(e) if outcome_unknown(&e) => last_err = Some(e),
            Err(e) => return Err(e),
        }
    }
    if let Some(found) = card_on_file(client, steps, account_id)? {
        return Ok(found);
    }
    Err(last_err.unwrap_or_else(|| Error::new(ErrorKind::Server, "adding the card failed")))
}

/// The subaccount's first payment method that is not hidden (deleted), walking every page.
fn card_on_file(client: &Client, steps: &Steps, account_id: u64) -> Result<Option<Value>> {
    let rows = client.items_with::<Value>(
        LIST_OP,
        json!({"account_id": account_id, "limit": 500}),
        steps.next("looking at the subaccount's cards")?,
    )?;
    for row in rows {
        let row = row?;
        if row.get("status").and_then(Value::as_str) != Some("hidden") {
            return Ok(Some(row));
        }
    }
    Ok(None)
}
