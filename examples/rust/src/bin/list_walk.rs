//! Walk a long list with progress:
//!
//! 1. every available number of the inventory (thousands of rows, 500 a page),
//! 2. every call of a quarter from the XML API's call log (1,500 calls, walked by time windows
//!    past the API's 500-row cap; it reports no total).
//!
//! `on_progress` gets a [`phonecom::Progress`] after each page: pages and rows so far, and the
//! total when the upstream says it.
//!
//! Run it: `cargo run -p phonecom-examples --bin list-walk`. It starts a sandbox on loopback and
//! works against it; set `PHONECOM_CONFIG` to a config JSON file to run against other hosts.

use phonecom::{Error, ErrorKind, Progress};
use serde_json::{json, Value};
use std::collections::BTreeMap;

fn main() {
    phonecom_examples::main_with(run);
}

/// One line per page; a terminal would redraw one line with `\r` instead.
fn show(progress: &Progress) {
    println!("  fetched {progress}");
}

fn run() -> Result<(), Error> {
    let (_sandbox, client) = phonecom_examples::connect()?;

    println!("step 1: every available number, 500 a page");
    let mut by_area: BTreeMap<String, u64> = BTreeMap::new();
    let numbers = client
        .items::<Value>("v4.list-available-phone-numbers", json!({"limit": 500}))?
        .on_progress(show);
    for number in numbers {
        let area = number?["npa"].as_str().unwrap_or("other").to_string();
        *by_area.entry(area).or_default() += 1;
    }
    let walked: u64 = by_area.values().sum();
    println!("step 1: {walked} numbers in {} area codes", by_area.len());

    println!("step 2: every call of Q1 2024 from the XML API, 400 a page");
    let q1 = json!({"startTime": 1_704_067_200, "endTime": 1_711_929_599, "limit": 400});
    let mut calls = 0u64;
    let mut seconds = 0u64;
    for call in client
        .items::<Value>("xml.getCallList", q1)?
        .on_progress(show)
    {
        calls += 1;
        seconds += call?["duration"].as_u64().unwrap_or(0);
    }
    println!("step 2: {calls} calls, {} h of talk time", seconds / 3600);
    if walked < 1000 || calls == 0 {
        return Err(Error::new(
            ErrorKind::NotFound,
            "expected thousands of numbers and some calls",
        ));
    }
    println!("done");
    Ok(())
}
