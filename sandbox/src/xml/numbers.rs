//! The account's numbers (`getPhoneNumberList`, `addPhoneNumber`), reservations
//! (`reservePhoneNumber`, `unreservePhoneNumber`) and `getPhoneNumberPortingEligibility`.

use super::envelope::{time_el, El};
use super::geo::{self, Num};
use super::params::{full_number, is_nanp};
use super::world::{Owned, RESERVATION_LIMIT};
use super::{ok, Cx, Reply};
use crate::holds::Hold;
use crate::state::lock;

/// The `<phoneNumber id>` row of `getPhoneNumberList`, as in the document.
pub fn owned_row(n: &Owned) -> El {
    El::new("phoneNumber")
        .attr("id", n.id.to_string())
        .leaf("phoneNumber", &n.e164)
        .child(El::text("nickName", &n.nick))
        .child(El::text("rateCenter", &n.rate_center))
}

/// `getPhoneNumberList`: the account's active numbers.
pub fn list(cx: &mut Cx) -> Reply {
    let rows = cx
        .account()
        .numbers
        .iter()
        .map(owned_row)
        .collect::<Vec<_>>();
    ok(vec![El::new("phoneNumberList").children(rows)])
}

/// Every number in inventory now: the v4 inventory's (quote-only ones excepted), minus the
/// reserved ones.
pub fn available(cx: &Cx) -> Vec<Num> {
    let v4 = lock(&cx.shared.v4);
    v4.inventory
        .items()
        .iter()
        .filter_map(geo::from_v4)
        .filter(|n| !v4.holds.is_held(&n.e164, cx.now))
        .collect()
}

/// The reservation of `e164` in force now, if any.
fn hold_of(cx: &Cx, e164: &str) -> Option<Hold> {
    lock(&cx.shared.v4).holds.get(e164, cx.now).cloned()
}

/// The number `e164` if it is for sale, reserved or not (inventory, or offered by a real-time
/// toll-free search).
fn for_sale(cx: &Cx, e164: &str) -> Option<Num> {
    let v4 = lock(&cx.shared.v4);
    v4.inventory
        .get(e164)
        .and_then(geo::from_v4)
        .or_else(|| cx.w.sms800.iter().find(|n| n.e164 == e164).cloned())
}

/// Takes `e164` out of inventory for the authenticated user: it must be for sale and not
/// reserved by another user (the user's own reservation is used up).
pub fn claim(cx: &mut Cx, e164: &str) -> Result<Owned, String> {
    let Some(num) = for_sale(cx, e164) else {
        return Err(match cx.w.owner_of(e164) {
            Some(_) => format!("Phone number {e164} is already in use"),
            None => format!("Phone number {e164} not found in inventory"),
        });
    };
    if hold_of(cx, e164).is_some_and(|h| h.by != cx.user) {
        return Err(format!(
            "Phone number {e164} is already reserved by another user"
        ));
    }
    cx.w.sms800.retain(|n| n.e164 != e164);
    let mut v4 = lock(&cx.shared.v4);
    v4.holds.remove(e164);
    v4.inventory.take(e164);
    drop(v4);
    Ok(Owned {
        id: cx.w.next_id(),
        e164: e164.to_string(),
        nick: String::new(),
        rate_center: num.rate_center,
        handling: None,
    })
}

/// `addPhoneNumber`: a number from inventory onto the account.
pub fn add(cx: &mut Cx) -> Reply {
    let e164 = full_number("phoneNumber", cx.p.req("phoneNumber")?)?;
    let owned = claim(cx, &e164)?;
    let row = owned_row(&owned);
    cx.account().numbers.push(owned);
    ok(vec![row])
}

/// `reservePhoneNumber`: held for the user until the next midnight Pacific time (at most a
/// day), hidden from every search meanwhile (v4's too; see [`crate::holds`] for who may buy it). A user holds at most [`RESERVATION_LIMIT`]
/// numbers; reserving a number the user already holds answers the same reservation.
pub fn reserve(cx: &mut Cx) -> Reply {
    let e164 = full_number("phoneNumber", cx.p.req("phoneNumber")?)?;
    if for_sale(cx, &e164).is_none() {
        return Err(format!("Phone number {e164} not found in inventory"));
    }
    let expires = match hold_of(cx, &e164) {
        Some(r) if r.by == cx.user => r.expires,
        Some(_) => {
            return Err(format!(
                "Phone number {e164} is already reserved by another user"
            ))
        }
        None => {
            let held = lock(&cx.shared.v4).holds.count_by(&cx.user, cx.now);
            if held >= RESERVATION_LIMIT {
                return Err(format!(
                    "Reservation limit reached: a user may hold {RESERVATION_LIMIT} reserved numbers"
                ));
            }
            let expires = crate::clock::next_pacific_midnight(cx.now);
            let by = cx.user.clone();
            lock(&cx.shared.v4)
                .holds
                .insert(&e164, Hold { by, expires });
            expires
        }
    };
    ok(vec![El::new("reservation")
        .leaf("phoneNumber", e164)
        .child(time_el("expires", expires))])
}

/// `unreservePhoneNumber`: back to inventory; only the user holding it may release it.
pub fn unreserve(cx: &mut Cx) -> Reply {
    let e164 = full_number("phoneNumber", cx.p.req("phoneNumber")?)?;
    match hold_of(cx, &e164) {
        Some(r) if r.by == cx.user => {
            lock(&cx.shared.v4).holds.remove(&e164);
            ok(vec![El::new("reservation")
                .leaf("phoneNumber", e164)
                .leaf("status", "released")])
        }
        _ => Err(format!("Phone number {e164} is not reserved by this user")),
    }
}

/// `getPhoneNumberPortingEligibility`: `Yes` for a North American number that is not on
/// Phone.com already and not in the fictional 555 exchange; otherwise `No` with a reason.
pub fn porting(cx: &mut Cx) -> Reply {
    let e164 = full_number("phoneNumber", cx.p.req("phoneNumber")?)?;
    let reason = if !is_nanp(&e164) {
        Some("only US and Canadian numbers can be ported in")
    } else if cx.w.owner_of(&e164).is_some() {
        Some("the number is already on a Phone.com account")
    } else if for_sale(cx, &e164).is_some() {
        Some("the number is already in Phone.com's inventory")
    } else if &e164[5..8] == "555" {
        Some("numbers in the 555 exchange are not portable")
    } else {
        None
    };
    let mut row = El::new("portingEligibility")
        .leaf("phoneNumber", &e164[1..])
        .leaf("eligible", if reason.is_none() { "Yes" } else { "No" });
    if let Some(r) = reason {
        row = row.leaf("reason", r);
    }
    ok(vec![row])
}
