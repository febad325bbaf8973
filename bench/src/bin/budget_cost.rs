//! The rate budget's cost per call: what [`phonecom::budget`] adds to every call when it does
//! not have to wait (building the call's keys, one lock, the sliding windows), in-process store.
//! Goal: under 2 µs. Not a test; run it in release:
//!
//! ```text
//! cargo run -p phonecom-bench --release --bin budget_cost [calls]
//! ```
//!
//! Limits are set high enough (100,000 per endpoint and in total, per minute) that no call waits:
//! each round takes 90,000 slots spread over 64 endpoints of one account with a fresh budget,
//! and the figure is the median round's time per call, alone and with two threads sharing one
//! budget (the machine's two cores contending for its lock).

use phonecom::budget::{Budget, BudgetConfig};
use std::time::{Duration, Instant};

const PER_ROUND: usize = 90_000;
const ENDPOINTS: usize = 64;

fn config() -> BudgetConfig {
    serde_json::from_value(serde_json::json!({"v4": {
        "per_endpoint": 100_000, "window_s": 60, "total": 100_000, "total_window_s": 60
    }}))
    .expect("the benchmark's budget config")
}

/// Takes `calls` slots on `budget`, as `Client::call` does before sending (endpoint string built
/// per call, the credential hashed per call).
fn take(budget: &Budget, endpoints: &[String], calls: usize) {
    let far = Instant::now() + Duration::from_secs(3600);
    for i in 0..calls {
        let pass = budget
            .pass("v4", "bench_token_0123456789", &endpoints[i % ENDPOINTS])
            .expect("the budget is on");
        pass.acquire(far).expect("no call waits at these limits");
    }
}

/// Median nanoseconds per call over `rounds` rounds with `threads` threads sharing a budget.
fn measure(rounds: usize, threads: usize, endpoints: &[String]) -> f64 {
    let mut per_call: Vec<f64> = (0..rounds)
        .map(|_| {
            let budget = Budget::new(&config()).expect("budget");
            let started = Instant::now();
            std::thread::scope(|s| {
                for _ in 0..threads {
                    s.spawn(|| take(&budget, endpoints, PER_ROUND / threads));
                }
            });
            started.elapsed().as_nanos() as f64 / PER_ROUND as f64
        })
        .collect();
    per_call.sort_by(f64::total_cmp);
    per_call[per_call.len() / 2]
}

fn main() {
    let calls: usize = std::env::args()
        .nth(1)
        .map(|a| a.parse().expect("calls: a whole number"))
        .unwrap_or(1_800_000);
    let rounds = (calls / PER_ROUND).max(3);
    let endpoints: Vec<String> = (0..ENDPOINTS)
        .map(|i| format!("GET /accounts/{{account_id}}/resource-{i}"))
        .collect();
    println!(
        "rate budget, in-process store: {rounds} rounds of {PER_ROUND} calls over {ENDPOINTS} endpoints"
    );
    for threads in [1, 2] {
        let ns = measure(rounds, threads, &endpoints);
        let verdict = if ns < 2_000.0 { "under" } else { "OVER" };
        println!(
            "  {threads} thread(s): {:.0} ns of wall time per call (median round; {verdict} the 2 us goal)",
            ns
        );
    }
}
