//! The rate budget on a real Redis (`redis-server` on a loopback port) against the sandbox with
//! its rate limiting on: eight OS processes, each with its own client, share one budget and get
//! no 429; a 429 one client sees holds every client; Redis killed or stopped mid-run costs no
//! call and logs one warning per outage. The tests count; elapsed times only go to stderr.
//!
//! Run with `--nocapture` to see the figures (429s with each store, the per-process spread).

mod common;
mod shared_store;

use phonecom::{CallOptions, Client, Config};
use serde_json::{json, Value};
use shared_store::RedisServer;
use std::time::{Duration, Instant};

/// `state.key` of every client here (32 bytes in base64).
const STATE_KEY: &str = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
const WORKERS: usize = 8;
const CALLS: usize = 400;
/// Phone.com's published shape (per endpoint and in total, per account), with windows shrunk
/// to keep the run short: 40 per endpoint per 1 s, 80 in total per 2 s.
const LIMITS: (u32, u64, u32, u64) = (40, 1, 80, 2);

fn limits() -> Value {
    let (per_endpoint, window_s, total, total_window_s) = LIMITS;
    json!({"per_endpoint": per_endpoint, "window_s": window_s,
        "total": total, "total_window_s": total_window_s})
}

fn long_deadline() -> CallOptions {
    CallOptions {
        deadline: Some(Duration::from_secs(120)),
        ..Default::default()
    }
}

/// A worker process: `calls` calls to one v4 endpoint as fast as its budget lets it.
#[test]
fn budget_worker() {
    let Some(job) = shared_store::job() else {
        return; // an ordinary run: this test is only a worker's entry point
    };
    let client = Client::new(Config::from_value(job["config"].clone()).unwrap()).unwrap();
    let started = Instant::now();
    let (mut ok, mut failed) = (0, Vec::new());
    for _ in 0..job["calls"].as_u64().unwrap() {
        match client.call_with("v4.get-account", Value::Null, &long_deadline()) {
            Ok(_) => ok += 1,
            Err(e) => failed.push(e.to_string()),
        }
    }
    let elapsed_ms = started.elapsed().as_millis() as u64;
    shared_store::report(&json!({"ok": ok, "failed": failed, "elapsed_ms": elapsed_ms}));
}

/// Run [`WORKERS`] processes sharing [`CALLS`] calls with budget `store`; returns the per-process
/// results, the statuses the sandbox answered and the account's token.
fn eight_processes(store: &str) -> (Vec<Value>, Vec<u64>, String) {
    let env = common::start();
    let mut on = limits();
    on["enabled"] = json!(true);
    env.admin("POST", "/rate-limit", Some(on));
    let mut config = env.config.clone();
    config["budget"] = json!({"store": store, "v4": limits()});
    config["state"] = json!({"key": STATE_KEY});
    let jobs = (0..WORKERS)
        .map(|_| json!({"config": config, "calls": CALLS / WORKERS}))
        .collect();
    let started = Instant::now();
    let results = shared_store::run_workers("budget_worker", jobs);
    eprintln!(
        "store {}: {CALLS} calls in {:.1} s",
        if store.starts_with("redis") {
            "redis"
        } else {
            store
        },
        started.elapsed().as_secs_f64()
    );
    let path = format!("/v4/accounts/{}", env.account_id());
    let statuses = env
        .requests()
        .iter()
        .filter(|r| r["path"] == path)
        .map(|r| r["status"].as_u64().unwrap_or(0))
        .collect();
    (results, statuses, env.token())
}

/// Print a run's figures (429s, when each process finished its share) and return its 429s.
fn summary(store: &str, results: &[Value], statuses: &[u64]) -> usize {
    let refused = statuses.iter().filter(|s| **s == 429).count();
    let mut done_s: Vec<f64> = results
        .iter()
        .map(|r| r["elapsed_ms"].as_f64().unwrap() / 1000.0)
        .collect();
    done_s.sort_by(f64::total_cmp);
    eprintln!(
        "{store} store: {refused} x 429 of {} requests; each process's {} calls done after {done_s:.1?} s",
        statuses.len(),
        CALLS / WORKERS
    );
    refused
}

#[test]
fn eight_processes_sharing_redis_get_no_429_and_in_memory_they_do() {
    let Some(redis) = RedisServer::start() else {
        return;
    };
    let (results, statuses, token) = eight_processes(&redis.url());
    let refused = summary("redis", &results, &statuses);
    for r in &results {
        assert_eq!(r["failed"], json!([]), "no call failed: {r}");
    }
    let ok: u64 = results.iter().map(|r| r["ok"].as_u64().unwrap()).sum();
    assert_eq!(ok, CALLS as u64);
    assert_eq!(refused, 0, "the sandbox answered 429 with the Redis store");
    assert_eq!(statuses.len(), CALLS, "one request per call, no retries");
    // The shared keys: namespaced, the account a hash, no credential.
    let dump = redis.dump();
    assert!(!dump.is_empty());
    for (key, _) in &dump {
        assert!(key.starts_with("phonecom:budget:v4:{"), "{key}");
    }
    assert!(!format!("{dump:?}").contains(&token));

    // The same run with each process's own in-memory budget.
    let (results, statuses, _) = eight_processes("memory");
    let refused = summary("memory", &results, &statuses);
    assert!(
        refused > 0,
        "eight budgets of one account overrun the server's limit"
    );
}

/// A client with a Redis budget (limits too high to wait) whose log events are kept.
fn logged(
    env: &common::Env,
    redis: &RedisServer,
) -> (Client, std::sync::Arc<std::sync::Mutex<Vec<String>>>) {
    let mut config = env.config.clone();
    config["budget"] = json!({"store": redis.url(), "v4": {"per_endpoint": 10000, "window_s": 60,
        "total": 10000, "total_window_s": 60}});
    config["state"] = json!({"key": STATE_KEY});
    common::logged_client(config)
}

/// `calls` calls from 4 threads at once; panics on any failure.
fn burst(client: &Client, calls: usize) {
    std::thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| {
                for _ in 0..calls / 4 {
                    client
                        .call("v4.get-account", Value::Null)
                        .expect("no call fails because of Redis");
                }
            });
        }
    });
}

fn count(events: &std::sync::Mutex<Vec<String>>, kind: &str) -> usize {
    let needle = format!("\"kind\":\"{kind}\"");
    events
        .lock()
        .unwrap()
        .iter()
        .filter(|e| e.contains(&needle))
        .count()
}

/// Make calls until the budget says Redis is back (its back-off is at most 30 s).
fn until_back(client: &Client, events: &std::sync::Mutex<Vec<String>>, notices: usize) {
    let give_up = Instant::now() + Duration::from_secs(90);
    while count(events, "notice") < notices {
        assert!(
            Instant::now() < give_up,
            "Redis never came back: {:#?}",
            events.lock().unwrap()
        );
        client.call("v4.get-account", Value::Null).unwrap();
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn redis_killed_or_stopped_mid_run_costs_no_call_and_warns_once_per_outage() {
    let Some(mut redis) = RedisServer::start() else {
        return;
    };
    let env = common::start();
    let (client, events) = logged(&env, &redis);
    burst(&client, 40);
    assert!(!redis.dump().is_empty(), "the budget is in Redis");
    assert_eq!(count(&events, "warning"), 0);

    // Killed: every call goes on with the in-process budget; one warning, however many calls.
    redis.kill();
    burst(&client, 80);
    assert_eq!(
        count(&events, "warning"),
        1,
        "{:#?}",
        events.lock().unwrap()
    );
    let warning = events
        .lock()
        .unwrap()
        .iter()
        .find(|e| e.contains("\"kind\":\"warning\""))
        .cloned()
        .unwrap();
    assert!(warning.contains("this process's own budget"), "{warning}");
    assert!(warning.contains(&redis.url()), "{warning}");

    // Back: after its back-off the budget returns to Redis, says so once, and writes there again.
    assert!(redis.spawn());
    until_back(&client, &events, 1);
    assert_eq!(count(&events, "notice"), 1);
    burst(&client, 8);
    assert!(!redis.dump().is_empty(), "the budget is in Redis again");

    // Stopped (a server that takes no answer): each call waits at most the 100 ms timeout once,
    // then the in-process budget; one more warning for this outage.
    redis.signal("-STOP");
    burst(&client, 40);
    redis.signal("-CONT");
    assert_eq!(
        count(&events, "warning"),
        2,
        "{:#?}",
        events.lock().unwrap()
    );
    until_back(&client, &events, 2);
    assert_eq!(
        env.requests().iter().filter(|r| r["status"] != 200).count(),
        0
    );
}

#[test]
fn a_429_one_client_sees_holds_every_client_of_the_redis() {
    let Some(redis) = RedisServer::start() else {
        return;
    };
    let env = common::start_with(|c| c["retry"]["max_attempts"] = json!(1));
    let (first, _) = logged(&env, &redis);
    let (second, _) = logged(&env, &redis); // another budget: as another process would have
    let path = format!("/v4/accounts/{}", env.account_id());
    env.fault("GET", &path, "status=429;retry_after=30", 1);
    assert_eq!(
        first
            .call("v4.get-account", Value::Null)
            .unwrap_err()
            .status(),
        Some(429)
    );
    let opts = CallOptions {
        deadline: Some(Duration::from_secs(2)),
        ..Default::default()
    };
    let e = second
        .call_with("v4.get-account", Value::Null, &opts)
        .unwrap_err();
    common::assert_held_by_the_budget(&e);
    assert_eq!(env.count("GET", &path), 1, "the held call was not sent");
    let held: Vec<_> = redis
        .dump()
        .into_iter()
        .filter(|(k, _)| k.ends_with("#held"))
        .collect();
    assert_eq!(held.len(), 1, "{held:?}");
    // Other endpoints of the account go on (the 429 named the per-endpoint limit).
    second.call("v4.list-account-sms", json!({})).unwrap();
}
