//! The partner sign-up flow, end to end:
//!
//! 1. sign up portal user 12345 (create the subaccount `acme-12345` with a contact),
//! 2. get the user's token (what the Express front-end library's `getAccessCallback` returns),
//! 3. search numbers in NPA 858 under $149.00, cheapest first,
//! 4. buy the cheapest for the user's account.
//!
//! Run it: `cargo run -p phonecom-examples --bin signup-flow`. It starts a sandbox on loopback
//! and works against it; set `PHONECOM_CONFIG` to a config JSON file to run against other hosts.

use phonecom::express::{signup, SignupRequest};
use phonecom::types::{Address, Contact};
use phonecom::v4::{Filter, ListQuery, PurchaseNumber, SortDir};

fn main() {
    phonecom_examples::main_with(run);
}

fn run() -> Result<(), phonecom::Error> {
    let (_sandbox, client) = phonecom_examples::connect()?;

    let contact = Contact {
        name: "Ada Lovelace".into(),
        company: Some("Book Depository".into()),
        address: Address {
            line_1: "411 Elm, st.".into(),
            city: "Dallas".into(),
            province: Some("TX".into()),
            postal_code: Some("75202".into()),
            country: "US".into(),
            ..Address::default()
        },
        phone: "+15555550001".into(),
        primary_email: "ada@example.com".into(),
        ..Contact::default()
    };
    // The library generates the user's password and returns it once in `done.password`: store it
    // with the portal's user record (it is what gets a new token later, `oauth.user-token`). A
    // portal that wants every retry to finish, even after a restart, generates and stores the
    // password first and passes it as `PasswordMode::Given`.
    let done = signup(&client, &SignupRequest::new("acme", "12345", contact))?;
    println!(
        "step 1: created subaccount {} (id {}) for portal user 12345",
        done.username, done.account.id
    );
    println!(
        "step 2: got the user's token ({}, expires in {}s, scope {})",
        done.token.token_type,
        done.token.expires_in.unwrap_or(0),
        done.token.scope.as_deref().unwrap_or("-")
    );

    let user = client.with_v4_token(done.token.access_token.clone(), Some(done.account.id))?;
    let query = ListQuery::new()
        .filter("npa", Filter::eq(858))
        .filter("price", Filter::lt(149))
        .sort("price", SortDir::Asc)
        .limit(5);
    let page = user.v4().available_numbers(&query)?;
    println!(
        "step 3: {} numbers in NPA 858 under $149.00; the cheapest:",
        page.total.unwrap_or(page.items.len() as u64)
    );
    for n in &page.items {
        println!(
            "        {} {:<14} ${}",
            n.phone_number,
            n.city.as_deref().unwrap_or(""),
            n.price.usd().unwrap_or_default()
        );
    }
    let cheapest = page.items.first().ok_or_else(|| {
        phonecom::Error::new(
            phonecom::ErrorKind::NotFound,
            "no number in NPA 858 under $149.00",
        )
    })?;
    let bought = user.v4().buy_number(&PurchaseNumber {
        phone_number: cheapest.phone_number.clone(),
        name: Some("Main line".into()),
        ..Default::default()
    })?;
    println!(
        "step 4: bought {} (number id {}) for account {}",
        bought.phone_number, bought.id, done.account.id
    );
    println!("done");
    Ok(())
}
