//! The rate budget's cost per call: what [`phonecom::budget`] adds to every call when it does
//! not have to wait, with each store. Not a test; run it in release:
//!
//! ```text
//! cargo run -p phonecom-bench --release --bin budget_cost [calls]
//! ```
//!
//! - **In-process store** (goal: under 2 µs): building the call's keys, one lock, the sliding
//!   windows. Each round takes 90,000 slots spread over 64 endpoints of one account with a fresh
//!   budget; the figure is the median round's time per call, alone and with two threads sharing
//!   one budget (the machine's two cores contending for its lock).
//! - **Redis store** (goal: one round trip on loopback): the same, through a `redis-server` this
//!   benchmark starts on a free loopback port (skipped when none is installed), in rounds of
//!   5,000 calls on an emptied database; next to it the median `PING` round trip on one
//!   connection, the least any call to Redis costs.
//!
//! Limits are set high enough (100,000 per endpoint and in total, per minute) that no call waits.

use phonecom::budget::{Budget, BudgetConfig};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const PER_ROUND: usize = 90_000;
const REDIS_PER_ROUND: usize = 5_000;
const ENDPOINTS: usize = 64;

fn config(store: &str) -> BudgetConfig {
    serde_json::from_value(serde_json::json!({"store": store, "v4": {
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

/// Median nanoseconds per call over `rounds` rounds of `per_round` calls with `threads` threads
/// sharing a budget on `store`; `before` runs ahead of each round, untimed.
fn measure(
    store: &str,
    rounds: usize,
    per_round: usize,
    threads: usize,
    endpoints: &[String],
    before: &dyn Fn(),
) -> f64 {
    let mut per_call: Vec<f64> = (0..rounds)
        .map(|_| {
            before();
            let budget = Budget::new(&config(store)).expect("budget");
            let started = Instant::now();
            std::thread::scope(|s| {
                for _ in 0..threads {
                    s.spawn(|| take(&budget, endpoints, per_round / threads));
                }
            });
            started.elapsed().as_nanos() as f64 / per_round as f64
        })
        .collect();
    median(&mut per_call)
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// A `redis-server` on a free loopback port, killed on drop.
struct RedisServer(Child, String);

impl RedisServer {
    fn start() -> Option<RedisServer> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .ok()?
            .port();
        let child = Command::new("redis-server")
            .args(["--port", &port.to_string(), "--bind", "127.0.0.1"])
            .args(["--save", "", "--appendonly", "no"])
            .stdout(Stdio::null())
            .spawn()
            .ok()?;
        let server = RedisServer(child, format!("redis://127.0.0.1:{port}/0"));
        for _ in 0..500 {
            if server.connection().is_some() {
                return Some(server);
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        None
    }

    fn connection(&self) -> Option<redis::Connection> {
        let mut con = redis::Client::open(self.1.as_str())
            .ok()?
            .get_connection()
            .ok()?;
        redis::cmd("PING").query::<String>(&mut con).ok()?;
        Some(con)
    }
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Median nanoseconds of one `PING` round trip over `rounds` rounds of 2,000.
fn ping_ns(server: &RedisServer, rounds: usize) -> f64 {
    let mut con = server.connection().expect("redis answers");
    let mut per: Vec<f64> = (0..rounds)
        .map(|_| {
            let started = Instant::now();
            for _ in 0..2_000 {
                redis::cmd("PING").query::<String>(&mut con).expect("PONG");
            }
            started.elapsed().as_nanos() as f64 / 2_000.0
        })
        .collect();
    median(&mut per)
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
        let ns = measure("memory", rounds, PER_ROUND, threads, &endpoints, &|| ());
        let verdict = if ns < 2_000.0 { "under" } else { "OVER" };
        println!(
            "  {threads} thread(s): {ns:.0} ns of wall time per call (median round; {verdict} the 2 us goal)"
        );
    }

    let Some(server) = RedisServer::start() else {
        println!("rate budget, Redis store: SKIPPED (no redis-server on PATH: apt-get install redis-server)");
        return;
    };
    let ping = ping_ns(&server, rounds);
    println!(
        "rate budget, Redis store (redis-server on loopback): {rounds} rounds of {REDIS_PER_ROUND} calls; PING round trip {:.1} us (median)",
        ping / 1000.0
    );
    let flush = || {
        let mut con = server.connection().expect("redis answers");
        redis::cmd("FLUSHDB")
            .query::<()>(&mut con)
            .expect("FLUSHDB");
    };
    for threads in [1, 2] {
        let ns = measure(
            &server.1,
            rounds,
            REDIS_PER_ROUND,
            threads,
            &endpoints,
            &flush,
        );
        println!(
            "  {threads} thread(s): {:.1} us of wall time per call = {:.2} PING round trips (median round; one EVALSHA per call)",
            ns / 1000.0,
            ns / ping
        );
    }
}
