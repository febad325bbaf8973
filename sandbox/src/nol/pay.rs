//! The sandbox's payment provider (the stand-in for Stripe Checkout). A checkout session
//! (`verify-checkout`, `topup`) gets a URL on the sandbox itself,
//! `http://127.0.0.1:P/_sandbox/nol/checkout/{session}`; the session is paid when that URL is
//! fetched, or at the first read of what it changes (`GET /api/v1/account/listings/{e164}` for
//! a verification, `GET /api/v1/account` for a top-up), whichever comes first.

use super::world::{Purchase, Session, World};
use super::Cx;
use crate::clock;

/// Opens a session and returns its id.
pub fn open(w: &mut World, account: &str, purchase: Purchase) -> String {
    let id = format!("cs_sbx_{}", w.hex(24));
    let session = Session {
        id: id.clone(),
        account: account.to_string(),
        purchase,
        paid: false,
    };
    crate::ring::push(&mut w.sessions, session, crate::ring::HISTORY);
    id
}

/// The URL that pays `session`.
pub fn url(cx: &Cx, session: &str) -> String {
    format!("{}/_sandbox/nol/checkout/{session}", cx.base)
}

/// Pays the session at index `i` (nothing happens twice).
pub fn complete(w: &mut World, i: usize) {
    if w.sessions[i].paid {
        return;
    }
    w.sessions[i].paid = true;
    let s = w.sessions[i].clone();
    match s.purchase {
        Purchase::Verification { e164 } => super::listings::publish(w, &e164, clock::now()),
        Purchase::Topup {
            amount_cents,
            promote_keys,
        } => {
            if let Some(a) = w.account_mut(&s.account) {
                a.balance_micros += amount_cents * 10_000;
            }
            if promote_keys {
                super::account::promote(w, &s.account);
            }
        }
    }
}

/// Pays every open top-up of `account`.
pub fn complete_topups(w: &mut World, account: &str) {
    let open: Vec<usize> = (0..w.sessions.len())
        .filter(|&i| {
            let s = &w.sessions[i];
            !s.paid && s.account == account && matches!(s.purchase, Purchase::Topup { .. })
        })
        .collect();
    for i in open {
        complete(w, i);
    }
}

/// Pays the open verification of `e164`, if any.
pub fn complete_verification(w: &mut World, e164: &str) {
    let open = w.sessions.iter().position(|s| {
        !s.paid
            && s.purchase
                == Purchase::Verification {
                    e164: e164.to_string(),
                }
    });
    if let Some(i) = open {
        complete(w, i);
    }
}
