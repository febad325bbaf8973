//! Numbers held by the XML API's `reservePhoneNumber`, seen from v4 over real TCP: left out of
//! the available search and the regions, bought only by the holder's side, the purchase ends
//! the hold, and a lapsed hold gives the number back.

mod common;

use common::xml::Xml;
use phonecom_sandbox::Sandbox;
use serde_json::{json, Value};

/// Every available 858 number (fewer than 500 of them).
fn available_858(x: &Xml) -> Vec<String> {
    let r = x.c.v4(
        "GET",
        "/phone-numbers/available?filters[npa]=eq:858&limit=500",
        None,
    );
    assert_eq!(r.status, 200);
    r.json()["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["phone_number"].as_str().unwrap().to_string())
        .collect()
}

/// The `quantity` of the 858 region.
fn quantity_858(x: &Xml) -> u64 {
    let r = x.c.v4(
        "GET",
        "/phone-numbers/available/regions?group_by=npa&filters[npa]=eq:858",
        None,
    );
    r.json()["items"][0]["quantity"].as_u64().unwrap()
}

/// An 858 number v4 sells at a price (not quote-only).
fn pick(x: &Xml) -> String {
    let r = x.c.v4(
        "GET",
        "/phone-numbers/available?filters[npa]=eq:858&filters[price]=lt:100&limit=1",
        None,
    );
    r.json()["items"][0]["phone_number"]
        .as_str()
        .unwrap()
        .to_string()
}

fn buy(x: &Xml, account: u64, number: &str) -> common::Resp {
    x.c.v4(
        "POST",
        &format!("/accounts/{account}/phone-numbers"),
        Some(json!({"phone_number": number, "name": "Held line"})),
    )
}

fn reservations(x: &Xml) -> Value {
    x.c.admin("GET", "/xml", None).json()["reservations"].clone()
}

#[test]
fn a_partner_hold_leaves_v4_search_and_ends_with_a_v4_purchase_onto_a_subaccount() {
    let sb = Sandbox::start().unwrap();
    let x = Xml::new(&sb);
    let n = pick(&x);
    let before = quantity_858(&x);
    assert!(available_858(&x).contains(&n));

    x.post("reservePhoneNumber", &[("phoneNumber", &n)])
        .expect_ok();
    assert!(
        !available_858(&x).contains(&n),
        "held numbers leave the v4 search"
    );
    assert_eq!(quantity_858(&x), before - 1, "and the regions' counts");
    assert_eq!(reservations(&x)[&n]["by"], "sandbox");

    // The portal's flow: the partner's hold, bought through v4 onto a subaccount.
    let body = json!({"username": "held-sub", "password": "s3cret-pw"});
    let sub = x.c.v4("POST", "/accounts/1000001/subaccounts", Some(body));
    assert_eq!(sub.status, 201);
    let sub = sub.json()["id"].as_u64().unwrap();
    let bought = buy(&x, sub, &n);
    assert_eq!(
        bought.status,
        201,
        "{}",
        String::from_utf8_lossy(&bought.body)
    );
    assert_eq!(bought.json()["phone_number"], n.as_str());
    assert_eq!(reservations(&x), json!({}), "the purchase ended the hold");
    x.post("unreservePhoneNumber", &[("phoneNumber", &n)])
        .expect_error("not reserved by this user");
    assert_eq!(quantity_858(&x), before - 1, "sold, not back on sale");
    assert_eq!(buy(&x, 1000001, &n).status, 422, "sold once");
}

#[test]
fn a_subaccount_hold_cannot_be_bought_through_v4_until_released_or_lapsed() {
    let sb = Sandbox::start().unwrap();
    let x = Xml::new(&sb);
    x.post(
        "createAccount",
        &[
            ("newUsername", "holder"),
            ("newPassword", "s3cret!"),
            ("name", "H"),
            ("address", "1 St"),
            ("city", "Paris"),
            ("country", "FR"),
            ("phone", "+33142000000"),
            ("email", "h@example.com"),
        ],
    )
    .expect_ok();
    let holder =
        |action: &str, n: &str| x.post_as("holder", "s3cret!", action, &[("phoneNumber", n)]);
    let (a, b) = {
        let r = x.c.v4(
            "GET",
            "/phone-numbers/available?filters[npa]=eq:858&filters[price]=lt:100&limit=2",
            None,
        );
        let items = r.json()["items"].clone();
        (
            items[0]["phone_number"].as_str().unwrap().to_string(),
            items[1]["phone_number"].as_str().unwrap().to_string(),
        )
    };
    holder("reservePhoneNumber", &a).expect_ok();
    holder("reservePhoneNumber", &b).expect_ok();

    // Neither the master nor a subaccount can buy another XML user's hold.
    let refused = buy(&x, 1000001, &a);
    assert_eq!(refused.status, 422);
    let err = refused.json();
    assert_eq!(err["@error"]["@httpStatusCode"], 422);
    let msg = err["@error"]["fields"]["phone_number"].as_str().unwrap();
    assert!(msg.contains("reserved by another user"), "{msg}");
    assert_eq!(reservations(&x)[&a]["by"], "holder", "the hold stays");

    // Released: for sale again.
    holder("unreservePhoneNumber", &a).expect_ok();
    assert!(available_858(&x).contains(&a));
    assert_eq!(buy(&x, 1000001, &a).status, 201);

    // Lapsed at midnight Pacific: for sale again, with no XML request in between.
    assert_eq!(buy(&x, 1000001, &b).status, 422);
    let r =
        x.c.admin("POST", "/clock", Some(json!({"advance_s": 86_401})));
    assert_eq!(r.status, 200);
    assert!(available_858(&x).contains(&b));
    assert_eq!(buy(&x, 1000001, &b).status, 201);
}
