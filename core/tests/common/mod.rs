//! Shared test harness: a sandbox on loopback, a client configured from its config line, and the
//! sandbox's admin endpoints (fault injection, the log of received requests).
#![allow(dead_code)]

use phonecom::{Client, Config};
use phonecom_sandbox::Sandbox;
use serde_json::{json, Value};
use std::collections::HashSet;

pub struct Env {
    pub sandbox: Sandbox,
    pub client: Client,
    pub config: Value,
}

/// A fresh sandbox and a client with fast retries (waits of a few ms keep the suite quick).
pub fn start() -> Env {
    start_with(|_| {})
}

/// Like [`start`], letting the test adjust the config document first.
pub fn start_with(adjust: impl FnOnce(&mut Value)) -> Env {
    let sandbox = fresh_sandbox();
    let mut config = sandbox.config();
    config["retry"] =
        json!({"max_attempts": 3, "base_delay_ms": 5, "max_delay_ms": 50, "deadline_ms": 20000});
    config["timeouts"] = json!({"connect_ms": 2000, "attempt_ms": 5000});
    adjust(&mut config);
    let client = Client::new(Config::from_value(config.clone()).expect("sandbox config parses"))
        .expect("client builds");
    Env {
        sandbox,
        client,
        config,
    }
}

/// A sandbox on a port that no connection in the kernel's socket table has used yet: the
/// connections of an earlier sandbox on the same port (another test binary's, a minute ago)
/// linger in TIME_WAIT, and [`client_ports`] would count them as this test's. Ports found used
/// are held until a fresh one is found, so the kernel does not hand the same one back.
fn fresh_sandbox() -> Sandbox {
    let mut used = Vec::new();
    loop {
        let sandbox = Sandbox::start().expect("sandbox starts");
        if used.len() >= 50 || client_ports(sandbox.port()).is_empty() {
            return sandbox;
        }
        used.push(sandbox);
    }
}

impl Env {
    pub fn admin(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}/_sandbox{}", self.sandbox.base_url(), path);
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into();
        let mut resp = match body {
            Some(b) => agent.run(
                ureq::http::Request::builder()
                    .method(method)
                    .uri(&url)
                    .header("Content-Type", "application/json")
                    .body(b.to_string().into_bytes())
                    .unwrap(),
            ),
            None => agent.run(
                ureq::http::Request::builder()
                    .method(method)
                    .uri(&url)
                    .body(Vec::new())
                    .unwrap(),
            ),
        }
        .expect("admin call");
        let text = resp.body_mut().read_to_string().unwrap_or_default();
        serde_json::from_str(&text).unwrap_or(Value::Null)
    }

    /// Queue `spec` for the next `times` requests matching method and path prefix.
    pub fn fault(&self, method: &str, path: &str, spec: &str, times: u32) {
        self.admin(
            "POST",
            "/faults",
            Some(json!({"method": method, "path": path, "fault": spec, "times": times})),
        );
    }

    /// Requests the sandbox received (secrets masked), oldest first.
    pub fn requests(&self) -> Vec<Value> {
        self.admin("GET", "/requests", None)["requests"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    /// Received requests with this method whose path is `path`.
    pub fn count(&self, method: &str, path: &str) -> usize {
        self.requests()
            .iter()
            .filter(|r| r["method"] == method && r["path"] == path)
            .count()
    }

    pub fn clear_requests(&self) {
        self.admin("DELETE", "/requests", None);
    }

    pub fn account_id(&self) -> u64 {
        self.config["v4"]["account_id"].as_u64().unwrap()
    }

    pub fn token(&self) -> String {
        self.config["v4"]["token"].as_str().unwrap().to_string()
    }

    /// The subaccounts called `username`.
    pub fn subaccounts_named(&self, username: &str) -> usize {
        self.client
            .v4()
            .iter_subaccounts(&Default::default())
            .unwrap()
            .filter_map(Result::ok)
            .filter(|a| a.username.as_deref() == Some(username))
            .count()
    }
}

/// A valid contact for sign-ups.
pub fn contact() -> Value {
    json!({
        "name": "Ada Lovelace",
        "company": "Book Depository",
        "address": {"line_1": "411 Elm, st.", "line_2": "", "city": "Dallas", "province": "TX", "postal_code": "75202", "country": "US"},
        "phone": "+15555550001",
        "primary_email": "ada@example.com"
    })
}

/// Every way an error is shown: Display, Debug and the JSON the bindings get (for checks that a
/// secret is nowhere in it).
pub fn shown(e: &phonecom::Error) -> String {
    format!("{e}\n{e:?}\n{}", e.to_json())
}

/// `e` is the rate budget refusing a call, unsent, because the upstream answered an earlier call
/// to the same endpoint with a 429 that asked for a wait of more than 20 s.
pub fn assert_held_by_the_budget(e: &phonecom::Error) {
    assert_eq!(e.details()["source"], "local_budget", "{e}");
    assert!(
        e.message()
            .contains("answered a call to it with a rate limit"),
        "{e}"
    );
    assert!(
        e.retry_after().unwrap() > std::time::Duration::from_secs(20),
        "{e}"
    );
}

/// A client over `config` whose log events (Debug and JSON) are collected.
pub fn logged_client(config: Value) -> (Client, std::sync::Arc<std::sync::Mutex<Vec<String>>>) {
    let events: std::sync::Arc<std::sync::Mutex<Vec<String>>> = Default::default();
    let sink = events.clone();
    let client = Client::builder(Config::from_value(config).unwrap())
        .log_hook(move |e: &phonecom::LogEvent| {
            sink.lock()
                .unwrap()
                .push(format!("{:?} {}", e, e.to_json()))
        })
        .build()
        .unwrap();
    (client, events)
}

/// Client ports of every TCP connection (any state) to or from `port` on this machine, from the
/// kernel's socket table (/proc/net/tcp, tcp6): each distinct client port talking to the
/// sandbox's port is one TCP connection, closed ones included (they stay listed in TIME_WAIT).
pub fn client_ports(port: u16) -> HashSet<u16> {
    let mut ports = HashSet::new();
    for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
        let text = std::fs::read_to_string(table).unwrap_or_default();
        for line in text.lines().skip(1) {
            let fields: Vec<&str> = line.split_whitespace().collect();
            let port_of = |addr: &str| {
                addr.rsplit(':')
                    .next()
                    .and_then(|p| u16::from_str_radix(p, 16).ok())
            };
            let (Some(local), Some(remote)) = (
                fields.get(1).and_then(|a| port_of(a)),
                fields.get(2).and_then(|a| port_of(a)),
            ) else {
                continue;
            };
            if local == port && remote != 0 {
                ports.insert(remote);
            } else if remote == port {
                ports.insert(local);
            }
        }
    }
    ports
}

pub fn sandbox_port(env: &Env) -> u16 {
    let url = env.sandbox.base_url();
    let port = url.rsplit(':').next().unwrap().trim_end_matches('/');
    port.parse().expect("sandbox URL ends with a port")
}
