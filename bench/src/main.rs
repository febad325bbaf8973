//! The Rust clients of the side-by-side benchmark (`bench/run.sh` runs them; see
//! `bench/README.md`): the anchor "raw" (one keep-alive ureq agent + serde_json), the core's
//! `Client::call`, and the core's XML decoder alone. Each run prints one JSON line:
//! `{"client", "calls", "secs", "rss_warm_kb", "rss_end_kb"}`.
//!
//! ```text
//! phonecom-bench raw    --config CONFIG.json --calls N
//! phonecom-bench core   --config CONFIG.json --case v4|xml --calls N [--in-flight C]
//! phonecom-bench decode --file calls.xml --calls N
//! ```
//!
//! `CONFIG.json` is a client configuration pointing at the static upstream (`bench/run.sh`
//! writes it). A run first makes a few untimed calls (connections and caches warm), then reads
//! its RSS, times `N` calls and reads its RSS again.

use phonecom::{Client, Config};
use serde_json::{json, Value};
use std::time::Instant;

mod args;
use args::Args;

/// The v4 operation every client calls: a list envelope of 24 available numbers.
const V4_OPERATION: &str = "v4.list-available-phone-numbers";

pub fn main() {
    let args = match Args::parse(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("phonecom-bench: {e}\n{}", args::USAGE);
            std::process::exit(2);
        }
    };
    let one: Box<dyn Fn() + Sync> = match args.client.as_str() {
        "raw" => raw(&args),
        "core" => core(&args),
        "decode" => decode(&args),
        other => {
            eprintln!("phonecom-bench: unknown client `{other}`\n{}", args::USAGE);
            std::process::exit(2);
        }
    };
    let warmup = (args.calls / 10).clamp(1, 200);
    run_in_flight(&*one, warmup.max(args.in_flight), args.in_flight);
    let rss_warm = rss_kb();
    let started = Instant::now();
    run_in_flight(&*one, args.calls, args.in_flight);
    let secs = started.elapsed().as_secs_f64();
    let line = json!({
        "client": args.client,
        "calls": args.calls,
        "secs": secs,
        "rss_warm_kb": rss_warm,
        "rss_end_kb": rss_kb(),
    });
    println!("{line}");
}

/// `calls` calls of `one`, from `in_flight` threads at once (1: on this thread).
fn run_in_flight(one: &(dyn Fn() + Sync), calls: u64, in_flight: u64) {
    if in_flight <= 1 {
        (0..calls).for_each(|_| one());
        return;
    }
    std::thread::scope(|s| {
        for t in 0..in_flight {
            let share = calls / in_flight + u64::from(t < calls % in_flight);
            s.spawn(move || (0..share).for_each(|_| one()));
        }
    });
}

fn config(args: &Args) -> Value {
    let path = args
        .config
        .as_deref()
        .unwrap_or_else(|| usage("--config is required"));
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| usage(&format!("{path}: {e}")));
    serde_json::from_str(&text).unwrap_or_else(|e| usage(&format!("{path}: {e}")))
}

fn usage(problem: &str) -> ! {
    eprintln!("phonecom-bench: {problem}\n{}", args::USAGE);
    std::process::exit(2)
}

/// One keep-alive ureq agent, a GET with the Bearer token, the body parsed by serde_json.
fn raw(args: &Args) -> Box<dyn Fn() + Sync> {
    let config = config(args);
    let url = format!(
        "{}/phone-numbers/available?limit=24",
        config["v4"]["base_url"].as_str().unwrap_or_default()
    );
    let auth = format!(
        "Bearer {}",
        config["v4"]["token"].as_str().unwrap_or_default()
    );
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .max_idle_connections(args.in_flight.max(1) as usize)
        .max_idle_connections_per_host(args.in_flight.max(1) as usize)
        .build()
        .into();
    Box::new(move || {
        let mut r = agent
            .get(&url)
            .header("Authorization", &auth)
            .call()
            .expect("raw GET");
        let v: Value =
            serde_json::from_slice(&r.body_mut().read_to_vec().expect("body")).expect("JSON body");
        assert_eq!(v["items"].as_array().map(Vec::len), Some(24));
    })
}

/// The core's generic call, everything a user has on by default left on.
fn core(args: &Args) -> Box<dyn Fn() + Sync> {
    let client = Client::new(Config::from_value(config(args)).expect("config")).expect("client");
    let (operation, params, rows) = match args.case.as_str() {
        "v4" => (V4_OPERATION, json!({"limit": 24}), 24),
        "xml" => ("xml.getCallList", json!({"startTime": 0}), 500),
        other => usage(&format!("--case must be v4 or xml (got `{other}`)")),
    };
    Box::new(move || {
        let v = client.call(operation, params.clone()).expect("core call");
        let items = v["items"]
            .as_array()
            .or_else(|| v["data"]["items"].as_array());
        assert_eq!(items.map(Vec::len), Some(rows), "{operation}");
    })
}

/// The core's XML decoder alone, on the bytes of a 500-row getCallList.
fn decode(args: &Args) -> Box<dyn Fn() + Sync> {
    let path = args
        .file
        .as_deref()
        .unwrap_or_else(|| usage("--file is required"));
    let body = std::fs::read(path).unwrap_or_else(|e| usage(&format!("{path}: {e}")));
    Box::new(move || {
        let v = phonecom::xml::decode_response("getCallList", &body).expect("decode");
        assert_eq!(v["data"]["items"].as_array().map(Vec::len), Some(500));
    })
}

/// This process's resident set in KiB (0 where /proc is missing).
fn rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}
