//! Benchmarks, in one run, side by side: the library's generic call against a bare ureq request
//! to the same sandbox endpoint (the anchor), so the ratio shows what validation, retries,
//! redaction and decoding cost on top of HTTP. Not part of the tests.
//!
//! Run: `cargo run --release -p phonecom-bench [-- ITERATIONS]`

use phonecom::{Client, Config};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

fn main() {
    let iterations: u32 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(2000);
    let sandbox = phonecom_sandbox::Sandbox::start().expect("sandbox starts");
    let config = sandbox.config();
    let client = Client::new(Config::from_value(config.clone()).expect("config")).expect("client");
    let token = config["v4"]["token"].as_str().unwrap().to_string();
    let account = config["v4"]["account_id"].as_u64().unwrap();
    let url = format!(
        "{}/v4/accounts/{account}/extensions?limit=25",
        sandbox.base_url()
    );
    let agent: ureq::Agent = ureq::Agent::config_builder().build().into();

    let bare = || {
        let mut r = agent
            .get(&url)
            .header("Authorization", &format!("Bearer {token}"))
            .call()
            .expect("bare GET");
        let v: Value = serde_json::from_str(&r.body_mut().read_to_string().unwrap()).unwrap();
        assert!(v["items"].is_array());
    };
    let library = || {
        let v = client
            .call("v4.list-account-extensions", json!({"limit": 25}))
            .expect("library call");
        assert!(v["items"].is_array());
    };
    // Warm both connection pools, then alternate rounds so drift hits both alike.
    for _ in 0..50 {
        bare();
        library();
    }
    let (mut t_bare, mut t_lib) = (Duration::ZERO, Duration::ZERO);
    for _ in 0..iterations / 100 {
        let t = Instant::now();
        (0..100).for_each(|_| bare());
        t_bare += t.elapsed();
        let t = Instant::now();
        (0..100).for_each(|_| library());
        t_lib += t.elapsed();
    }
    let n = (iterations / 100 * 100) as f64;
    let per = |d: Duration| d.as_secs_f64() * 1e6 / n;
    println!("list extensions over loopback, {n} calls each");
    println!("  bare ureq GET + serde_json : {:8.1} µs/call", per(t_bare));
    println!("  phonecom Client::call      : {:8.1} µs/call", per(t_lib));
    println!(
        "  ratio library / bare       : {:8.2}",
        t_lib.as_secs_f64() / t_bare.as_secs_f64()
    );

    let t = Instant::now();
    for _ in 0..iterations {
        phonecom::catalog()
            .get("v4.list-available-phone-numbers")
            .unwrap();
    }
    println!(
        "  catalog lookup             : {:8.3} µs/lookup",
        t.elapsed().as_secs_f64() * 1e6 / iterations as f64
    );
}
