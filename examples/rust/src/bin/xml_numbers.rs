//! A new business line through the XML API:
//!
//! 1. search the inventory for San Diego numbers (state CA, pattern `1858*******`),
//! 2. reserve the first one (held until about midnight Pacific time),
//! 3. add it to the account,
//! 4. ring two phones at once when it is called (simple ring-all),
//! 5. text the owner that the line is live.
//!
//! Run it: `cargo run -p phonecom-examples --bin xml-numbers`. It starts a sandbox on loopback and
//! works against it; set `PHONECOM_CONFIG` to a config JSON file to run against other hosts.

use phonecom::xml::{Destination, InventoryQuery, RingAll};
use phonecom::{Error, ErrorKind};

/// The owner's mobile and the office phone the new line rings.
const OWNER: &str = "+16195550101";
const OFFICE: &str = "+16195550102";

fn main() {
    phonecom_examples::main_with(run);
}

fn run() -> Result<(), Error> {
    let (_sandbox, client) = phonecom_examples::connect()?;
    let xml = client.xml();

    // Letters would work too: `.vanity("1-858-FLOWERS")` turns them into keypad digits.
    let query = InventoryQuery::new(1)
        .local()
        .state("CA")
        .pattern("1858*******")
        .quantity(5);
    let found = xml.inventory(&query)?.into_items();
    println!(
        "step 1: {} numbers for state CA, pattern 1858*******:",
        found.len()
    );
    for n in &found {
        println!(
            "  {} {} in {}, {} a month",
            n.phone_number.as_deref().unwrap_or(""),
            n.human_readable.as_deref().unwrap_or(""),
            n.extra["locality"].as_str().unwrap_or("?"),
            n.extra["cost"].as_str().unwrap_or("?"),
        );
    }
    let number = found
        .first()
        .and_then(|n| n.phone_number.clone())
        .ok_or_else(|| Error::new(ErrorKind::NotFound, "no number matches the search"))?;

    let reserved = xml.reserve_number(&number)?;
    println!(
        "step 2: reserved {number} until {} (clTRID {})",
        reserved.data["reservation"]["expires"]["gmt"]
            .as_str()
            .unwrap_or("?"),
        reserved.cl_trid.as_deref().unwrap_or("")
    );

    let added = xml.add_number(&number)?;
    let listed = xml.phone_numbers()?.into_items();
    println!(
        "step 3: added {number} to the account as id {}; the account now has {} numbers",
        added.data["phoneNumber"]["id"].as_str().unwrap_or("?"),
        listed.len()
    );

    let ring = xml.ring_all(&RingAll {
        phone_number: number.clone(),
        destinations: vec![
            Destination {
                number: OWNER.into(),
                voice_tag: Some("New business line".into()),
                screening: Some(true),
                caller_id: None,
            },
            Destination {
                number: OFFICE.into(),
                caller_id: Some(number.clone()),
                ..Destination::default()
            },
        ],
        timeout: Some(30),
    })?;
    let rule = &ring.data["callHandling"];
    let rung: Vec<&str> = rule["destinations"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| d["number"].as_str())
        .collect();
    println!(
        "step 4: calls to {number} ring {} at once for {} s",
        rung.join(" and "),
        rule["timeout"].as_str().unwrap_or("?")
    );

    let text = format!("Your new line {number} is live and rings this phone and the office.");
    let sent = xml.send_sms(&number, OWNER, &text)?;
    println!(
        "step 5: texted {OWNER} from {number} ({} characters, svTRID {})",
        text.chars().count(),
        sent.sv_trid.as_deref().unwrap_or("")
    );
    println!("done");
    Ok(())
}
