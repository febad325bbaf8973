//! The client-side rate budget against the sandbox with its rate limiting switched on: calls
//! are paced so the sandbox never answers 429, a call that cannot get a slot before its
//! deadline fails locally without sending, and a 429 from elsewhere holds the next calls.
//! Small windows keep the tests short; they count requests, never time them.

mod common;

use phonecom::{CallOptions, Config, ErrorKind};
use serde_json::{json, Value};
use std::time::Duration;

/// A sandbox limiting v4 to `per_endpoint` calls per `window_s` (and 100 per minute in total),
/// and a client whose budget has the same limits (`store` as given), without retries unless
/// `attempts` says otherwise.
fn limited(per_endpoint: u32, window_s: u64, store: &str, attempts: u32) -> common::Env {
    let env = common::start_with(|c| {
        c["retry"]["max_attempts"] = json!(attempts);
        c["budget"] = json!({"store": store, "v4": {
            "per_endpoint": per_endpoint, "window_s": window_s, "total": 100, "total_window_s": 60
        }});
    });
    let on = json!({"enabled": true, "per_endpoint": per_endpoint, "window_s": window_s,
        "total": 100, "total_window_s": 60});
    assert_eq!(env.admin("POST", "/rate-limit", Some(on))["enabled"], true);
    env
}

fn account_path(env: &common::Env) -> String {
    format!("/v4/accounts/{}", env.account_id())
}

/// Statuses the sandbox answered to `GET path`, in order.
fn statuses(env: &common::Env, path: &str) -> Vec<u64> {
    env.requests()
        .iter()
        .filter(|r| r["method"] == "GET" && r["path"] == path)
        .map(|r| r["status"].as_u64().unwrap_or(0))
        .collect()
}

fn with_deadline(ms: u64) -> CallOptions {
    CallOptions {
        deadline: Some(Duration::from_millis(ms)),
        ..Default::default()
    }
}

#[test]
fn threads_of_one_client_are_paced_and_never_get_a_429() {
    let env = limited(5, 2, "memory", 1);
    let (threads, calls) = (3, 4);
    let results: Vec<_> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                let client = env.client.clone();
                s.spawn(move || {
                    (0..calls)
                        .map(|_| {
                            client.call_with("v4.get-account", Value::Null, &with_deadline(20_000))
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    for r in &results {
        let resp = r.as_ref().expect("every call succeeds");
        assert_eq!(resp.attempts, 1);
    }
    let seen = statuses(&env, &account_path(&env));
    assert_eq!(seen.len(), threads * calls, "{seen:?}");
    assert!(
        seen.iter().all(|s| *s == 200),
        "the sandbox answered {seen:?}"
    );
}

#[test]
fn a_call_that_waited_for_its_slot_says_so_in_its_request_event() {
    let env = limited(1, 1, "memory", 1);
    let mut config = env.config.clone();
    config["budget"] = json!({"v4": {"per_endpoint": 1, "window_s": 1}});
    let (client, events) = common::logged_client(config);
    client.call("v4.get-account", Value::Null).unwrap();
    client.call("v4.get-account", Value::Null).unwrap();
    let events = events.lock().unwrap();
    let waits: Vec<_> = events
        .iter()
        .filter(|e| e.contains("waited ") && e.contains(" ms for the rate budget"))
        .collect();
    assert_eq!(waits.len(), 1, "only the second call waited: {events:#?}");
    assert!(waits[0].contains("kind: Request"), "{waits:#?}");
    assert_eq!(statuses(&env, &account_path(&env)), [200, 200]);
}

#[test]
fn without_the_budget_the_same_burst_gets_429s() {
    let env = limited(5, 30, "off", 1);
    let mut refused = 0;
    for _ in 0..8 {
        if let Err(e) = env.client.call("v4.get-account", Value::Null) {
            assert_eq!(e.kind(), ErrorKind::RateLimited);
            assert_eq!(e.status(), Some(429), "the server's refusal: {e}");
            refused += 1;
        }
    }
    let seen = statuses(&env, &account_path(&env));
    assert_eq!(seen.len(), 8);
    assert_eq!(seen.iter().filter(|s| **s == 429).count(), 3);
    assert_eq!(refused, 3);
}

#[test]
fn a_deadline_before_the_next_slot_fails_locally_and_sends_nothing() {
    let env = limited(2, 30, "memory", 1);
    env.client.call("v4.get-account", Value::Null).unwrap();
    env.client.call("v4.get-account", Value::Null).unwrap();
    let e = env
        .client
        .call_with("v4.get-account", Value::Null, &with_deadline(1_000))
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::RateLimited);
    assert_eq!(e.status(), None, "no response: {e}");
    assert_eq!(e.details()["source"], "local_budget");
    assert!(e.message().contains("local rate budget"), "{e}");
    assert!(e.message().contains("nothing was sent"), "{e}");
    assert_eq!(e.operation(), Some("v4.get-account"));
    assert_eq!(e.attempts(), 0);
    assert!(e.retry_after().unwrap() > Duration::from_secs(1), "{e}");
    assert!(e.is_retryable());
    assert_eq!(statuses(&env, &account_path(&env)), [200, 200]);
    // Another endpoint of the same account still has its own slots.
    env.client.call("v4.list-account-sms", json!({})).unwrap();
}

#[test]
fn retries_take_a_slot_too() {
    let env = limited(2, 30, "memory", 3);
    let path = account_path(&env);
    env.fault("GET", &path, "status=503", 1);
    let resp = env
        .client
        .call_with("v4.get-account", Value::Null, &CallOptions::default())
        .unwrap();
    assert_eq!(resp.attempts, 2);
    let e = env
        .client
        .call_with("v4.get-account", Value::Null, &with_deadline(1_000))
        .unwrap_err();
    assert_eq!(e.details()["source"], "local_budget", "{e}");
    assert_eq!(statuses(&env, &path), [503, 200]);
}

#[test]
fn a_429_from_elsewhere_holds_the_next_call_of_every_thread() {
    // The sandbox does not limit here: the 429 comes from a queued fault, as it would from
    // another program using the same account.
    let env = common::start_with(|c| {
        c["retry"]["max_attempts"] = json!(1);
        c["budget"] = json!({}); // the defaults: in memory, Phone.com's published v4 limits
    });
    let path = account_path(&env);
    env.fault("GET", &path, "status=429;retry_after=30", 1);
    let e = env.client.call("v4.get-account", Value::Null).unwrap_err();
    assert_eq!(e.status(), Some(429));
    let other_thread = env.client.clone();
    let e = std::thread::spawn(move || {
        other_thread.call_with("v4.get-account", Value::Null, &with_deadline(2_000))
    })
    .join()
    .unwrap()
    .unwrap_err();
    common::assert_held_by_the_budget(&e);
    assert_eq!(statuses(&env, &path), [429], "the held call was not sent");
    // The 429 named the per-endpoint limit (RateLimit-Limit 30): other endpoints go on.
    env.client.call("v4.list-account-sms", json!({})).unwrap();
}

#[test]
fn the_sandbox_config_line_mirrors_its_rate_limiting() {
    let env = common::start();
    assert_eq!(env.config["budget"], json!({"store": "off"}));
    let on = json!({"enabled": true, "per_endpoint": 7, "window_s": 3});
    env.admin("POST", "/rate-limit", Some(on));
    let line = env.admin("GET", "/config", None);
    let v4 = Config::from_value(line).unwrap().budget.limits("v4");
    let per = v4.per_endpoint.unwrap();
    assert_eq!((per.calls, per.window), (7, Duration::from_secs(3)));
    assert_eq!(v4.total.unwrap().calls, 120);
}

#[test]
fn the_store_comes_from_the_environment_and_unknown_stores_are_refused() {
    let var = |value: &'static str| {
        move |k: &str| (k == "PHONECOM_BUDGET_STORE").then(|| value.to_string())
    };
    let c = Config::from_lookup(var("off")).unwrap();
    assert_eq!(c.budget.store.as_deref(), Some("off"));
    // A Redis store from the environment needs the state key from there too.
    let e = Config::from_lookup(var("redis://127.0.0.1:6379/0")).unwrap_err();
    assert_eq!(e.fields()[0].field, "state.key");
    let both = |k: &str| match k {
        "PHONECOM_BUDGET_STORE" => Some("redis://127.0.0.1:6379/0".to_string()),
        "PHONECOM_STATE_KEY" => Some("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=".to_string()),
        _ => None,
    };
    let c = Config::from_lookup(both).unwrap();
    assert_eq!(c.budget.redis_url(), Some("redis://127.0.0.1:6379/0"));
    assert!(c.state.key.is_some());
    let e = Config::from_lookup(var("memcached://127.0.0.1")).unwrap_err();
    assert_eq!(e.fields()[0].field, "budget.store");
    let e = Config::from_json(r#"{"budget": {"v4": {"per_endpoit": 3}}}"#).unwrap_err();
    assert!(e.to_string().contains("per_endpoit"), "{e}");
}
