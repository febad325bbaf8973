//! For the tests of the Redis store: a real `redis-server` on a loopback port (Debian's package;
//! `scripts/test.sh` installs it), a raw connection to look inside it, and worker processes.
//!
//! A worker is this test binary run again with `--exact <worker test> --nocapture` and a job in
//! `PHONECOM_TEST_JOB`: its own OS process with its own client, as a PHP-FPM worker or another
//! machine would be. It prints one `RESULT {json}` line.
#![allow(dead_code)]

use serde_json::Value;
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};

/// The environment variable that turns the worker test into a worker.
pub const JOB_VAR: &str = "PHONECOM_TEST_JOB";

/// A `redis-server` of this test, stopped when dropped.
pub struct RedisServer {
    child: Option<Child>,
    pub port: u16,
}

impl RedisServer {
    /// A fresh server on a free loopback port, or `None` (with a message saying so) when
    /// `redis-server` is not installed.
    pub fn start() -> Option<RedisServer> {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let mut server = RedisServer { child: None, port };
        if !server.spawn() {
            eprintln!(
                "SKIPPED: redis-server is not installed (apt-get install redis-server; scripts/test.sh does)"
            );
            return None;
        }
        Some(server)
    }

    /// Start (again) on the same port; `false` when `redis-server` cannot be run.
    pub fn spawn(&mut self) -> bool {
        let child = Command::new("redis-server")
            .args(["--port", &self.port.to_string(), "--bind", "127.0.0.1"])
            .args([
                "--save",
                "",
                "--appendonly",
                "no",
                "--protected-mode",
                "yes",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        let Ok(child) = child else { return false };
        self.child = Some(child);
        // Ready when it answers PING (bounded: a server that never comes up fails the test).
        for _ in 0..500 {
            if self.connection().is_some() {
                return true;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        panic!("redis-server did not answer on port {}", self.port);
    }

    /// Kill the server at once (SIGKILL: no goodbye to its clients).
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Stop (`SIGSTOP`) or continue (`SIGCONT`) the server: a server that does not answer.
    pub fn signal(&self, signal: &str) {
        let pid = self.child.as_ref().expect("running").id().to_string();
        let status = Command::new("kill").args([signal, &pid]).status().unwrap();
        assert!(status.success());
    }

    pub fn url(&self) -> String {
        format!("redis://127.0.0.1:{}/0", self.port)
    }

    fn connection(&self) -> Option<redis::Connection> {
        let client = redis::Client::open(self.url()).ok()?;
        let mut con = client
            .get_connection_with_timeout(std::time::Duration::from_millis(200))
            .ok()?;
        redis::cmd("PING").query::<String>(&mut con).ok()?;
        Some(con)
    }

    /// Connections the server accepted since it started.
    pub fn connections_received(&self) -> u64 {
        let mut con = self.connection().expect("redis answers");
        let info: String = redis::cmd("INFO").arg("stats").query(&mut con).unwrap();
        info.lines()
            .find_map(|l| l.strip_prefix("total_connections_received:"))
            .and_then(|n| n.trim().parse().ok())
            .expect("INFO stats names total_connections_received")
    }

    /// Every key and its value as text (sets and sorted sets as their members), to look for what
    /// must not be there.
    pub fn dump(&self) -> Vec<(String, String)> {
        let mut con = self.connection().expect("redis answers");
        let keys: Vec<String> = redis::cmd("KEYS").arg("*").query(&mut con).unwrap();
        keys.into_iter()
            .map(|k| {
                let kind: String = redis::cmd("TYPE").arg(&k).query(&mut con).unwrap();
                let bytes: Vec<Vec<u8>> = match kind.as_str() {
                    "string" => vec![redis::cmd("GET").arg(&k).query(&mut con).unwrap()],
                    "zset" => redis::cmd("ZRANGE")
                        .arg(&k)
                        .arg(0)
                        .arg(-1)
                        .arg("WITHSCORES")
                        .query(&mut con)
                        .unwrap(),
                    other => panic!("unexpected {other} at {k}"),
                };
                let text = bytes
                    .iter()
                    .map(|b| String::from_utf8_lossy(b).into_owned())
                    .collect::<Vec<_>>()
                    .join(" ");
                (k, text)
            })
            .collect()
    }
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        if let Some(child) = &self.child {
            // A test that failed while the server was stopped leaves it stopped: continue it.
            let _ = Command::new("kill")
                .args(["-CONT", &child.id().to_string()])
                .status();
        }
        self.kill();
    }
}

/// Start `count` workers of `worker_test` at once, each with its job; wait for all and return
/// their `RESULT` objects in order.
pub fn run_workers(worker_test: &str, jobs: Vec<Value>) -> Vec<Value> {
    let exe = std::env::current_exe().expect("the test binary");
    let children: Vec<Child> = jobs
        .iter()
        .map(|job| {
            Command::new(&exe)
                .args(["--exact", worker_test, "--nocapture", "--test-threads=1"])
                .env(JOB_VAR, job.to_string())
                .stdout(Stdio::piped())
                .stderr(Stdio::inherit())
                .spawn()
                .expect("a worker process starts")
        })
        .collect();
    children
        .into_iter()
        .map(|child| {
            let out = child.wait_with_output().expect("the worker ends");
            let text = String::from_utf8_lossy(&out.stdout);
            let line = text
                .lines()
                .find_map(|l| l.split_once("RESULT ").map(|(_, r)| r))
                .unwrap_or_else(|| panic!("a worker printed no result: {text}"));
            serde_json::from_str(line).expect("the worker's result is JSON")
        })
        .collect()
}

/// The job of this process when it is a worker.
pub fn job() -> Option<Value> {
    let job = std::env::var(JOB_VAR).ok()?;
    Some(serde_json::from_str(&job).expect("the job is JSON"))
}

/// Print a worker's result for [`run_workers`].
pub fn report(result: &Value) {
    println!("\nRESULT {result}");
}
