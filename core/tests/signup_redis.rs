//! An unfinished sign-up kept in Redis: process A signs a user up while the sandbox fails the
//! token call; process B, another OS process naming the same Redis and `state.key`, signs the
//! same user up and finishes with the same password. One subaccount, a token, and nothing in
//! Redis that tells the user or the password without the key.

mod common;
mod shared_store;

use phonecom::express::{signup, SignupRequest};
use phonecom::{Client, Config};
use serde_json::{json, Value};
use shared_store::RedisServer;

const STATE_KEY: &str = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
const OTHER_KEY: &str = "OTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTBmZWRjYmE=";

/// A worker process: signs up user `acme-<user_id>` with a generated password.
#[test]
fn signup_worker() {
    let Some(job) = shared_store::job() else {
        return; // an ordinary run: this test is only a worker's entry point
    };
    let client = Client::new(Config::from_value(job["config"].clone()).unwrap()).unwrap();
    let contact = serde_json::from_value(common::contact()).unwrap();
    let request = SignupRequest::new("acme", job["user_id"].as_str().unwrap(), contact);
    let result = match signup(&client, &request) {
        Ok(done) => json!({
            "ok": true,
            "recovered": done.recovered,
            "password": done.password.map(|p| p.expose().to_string()),
            "token": !done.token.access_token.expose().is_empty(),
            "account_id": done.account.id,
        }),
        Err(e) => json!({"ok": false, "kind": e.kind().as_str(), "message": e.message()}),
    };
    shared_store::report(&result);
}

#[test]
fn a_signup_started_in_one_process_finishes_in_another() {
    let Some(redis) = RedisServer::start() else {
        return;
    };
    let env = common::start();
    let config = |key: &str| {
        let mut c = env.config.clone();
        c["budget"] = json!({"store": redis.url()});
        c["state"] = json!({"key": key});
        json!({"config": c, "user_id": "5150"})
    };
    // A: the subaccount is created, every attempt of the token call fails.
    env.fault("POST", "/oauth/", "status=500", 10);
    let a = shared_store::run_workers("signup_worker", vec![config(STATE_KEY)]);
    assert_eq!(a[0]["ok"], false, "{}", a[0]);
    let message = a[0]["message"].as_str().unwrap();
    assert!(
        message.contains("from any process sharing this Redis store"),
        "{message}"
    );
    env.admin("DELETE", "/faults", None);
    let kept = redis.dump();
    let signups: Vec<&(String, String)> = kept
        .iter()
        .filter(|(k, _)| k.starts_with("phonecom:signup:"))
        .collect();
    assert_eq!(signups.len(), 1, "{kept:?}");

    // A process with another state key cannot open it: it does not take the user over.
    let stranger = shared_store::run_workers("signup_worker", vec![config(OTHER_KEY)]);
    assert_eq!(stranger[0]["kind"], "conflict", "{}", stranger[0]);

    // B: finishes with the password A generated.
    let b = shared_store::run_workers("signup_worker", vec![config(STATE_KEY)]);
    let b = &b[0];
    assert_eq!(
        (&b["ok"], &b["recovered"], &b["token"]),
        (&json!(true), &json!(true), &json!(true)),
        "{b}"
    );
    let password = b["password"]
        .as_str()
        .expect("the generated password, returned once");
    assert_eq!(env.subaccounts_named("acme-5150"), 1);

    // What Redis held while the sign-up was unfinished told neither the user nor the password.
    let seen = format!("{kept:?}");
    for secret in [password, "acme-5150", &env.token()] {
        assert!(
            !seen.contains(secret),
            "{secret:?} readable in Redis: {seen}"
        );
    }
    // Finished: the password is deleted.
    let left: Vec<Value> = redis
        .dump()
        .into_iter()
        .filter(|(k, _)| k.starts_with("phonecom:signup:"))
        .map(|(k, _)| json!(k))
        .collect();
    assert_eq!(left, Vec::<Value>::new());
}

#[test]
fn a_signup_store_that_does_not_answer_is_logged_and_not_promised() {
    let Some(redis) = RedisServer::start() else {
        return;
    };
    let env = common::start();
    let url = redis.url();
    drop(redis); // stopped: nothing answers at that address any more
    let mut config = env.config.clone();
    config["budget"] = json!({"store": url});
    config["state"] = json!({"key": STATE_KEY});
    let events = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = events.clone();
    let client = Client::builder(Config::from_value(config).unwrap())
        .log_hook(move |e| {
            seen.lock()
                .unwrap()
                .push((e.operation.clone(), e.message.clone()))
        })
        .build()
        .unwrap();
    env.fault("POST", "/oauth/", "status=500", 10);
    let contact = serde_json::from_value(common::contact()).unwrap();
    let e = signup(&client, &SignupRequest::new("acme", "6160", contact)).unwrap_err();
    env.admin("DELETE", "/faults", None);
    // The error promises only what holds: this client resumes, other processes cannot.
    assert!(
        e.message()
            .contains("signing this user up again on this client"),
        "{e}"
    );
    let logged = events.lock().unwrap().clone();
    let store: Vec<&String> = logged
        .iter()
        .filter(|(op, _)| op == "signup.store")
        .filter_map(|(_, m)| m.as_ref())
        .collect();
    assert!(
        store.iter().any(|m| m.contains("kept on this client only")),
        "{logged:?}"
    );
    // And it does resume here.
    let contact = serde_json::from_value(common::contact()).unwrap();
    let done = signup(&client, &SignupRequest::new("acme", "6160", contact)).unwrap();
    assert!(done.recovered);
    assert_eq!(env.subaccounts_named("acme-6160"), 1);
}
