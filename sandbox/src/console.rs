//! The console: one line per request on stderr, as text or JSON lines, and on start the
//! dashboard's URL. The binary turns it on (`--quiet` off, `--log-format json` for JSON); the
//! in-process [`crate::Sandbox`] is silent unless [`crate::Builder::console`] asks for it.
//!
//! ```text
//! 2026-12-07T07:40:01.123Z v4    POST   /v4/accounts/1000001/subaccounts 201 3ms
//! 2026-12-07T07:40:02.456Z v4    GET    /v4/accounts/1000001 503 0ms fault=status=503
//! {"time":"2026-12-07T07:40:02.456Z","seq":2,"family":"v4","method":"GET","path":"/v4/accounts/1000001","status":503,"ms":0,"fault":"status=503"}
//! ```
//!
//! The line is built from the request log's entry, so it is masked the same way (and it has no
//! query string or body at all). Control characters in a path or fault are escaped, so a
//! request cannot drive the terminal. Lines go through a bounded queue to one writer thread: a
//! stderr nobody reads can never block a request; lines past the queue are counted and the
//! count is written once stderr drains.
//!
//! ```
//! use phonecom_sandbox::console::{line, Format};
//! use serde_json::json;
//!
//! let e = json!({"time": "2026-12-07T07:40:01.123Z", "seq": 1, "family": "v4", "method": "GET",
//!                "path": "/v4/ping", "status": 200, "ms": 2, "fault": null});
//! assert_eq!(line(Format::Text, &e), "2026-12-07T07:40:01.123Z v4    GET    /v4/ping 200 2ms");
//! assert!(line(Format::Json, &e).starts_with(r#"{"time":"2026-12-07T07:40:01.123Z","seq":1,"#));
//! ```

use serde_json::{json, Value};
use std::io::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, SyncSender, TrySendError};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

/// Lines waiting for stderr at most; more are dropped and counted.
pub const QUEUE: usize = 4096;

/// How console lines look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `TIME FAMILY METHOD PATH STATUS MSms [fault=SPEC]`.
    Text,
    /// One JSON object per line: `time seq family method path status ms fault`.
    Json,
}

/// The wall clock as `2026-12-07T07:40:01.123Z` (the console's and the request log's `time`).
pub fn wall_time() -> String {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    let secs = crate::clock::rfc3339(now.as_secs() as i64);
    format!("{}.{:03}Z", secs.trim_end_matches('Z'), now.subsec_millis())
}

/// `text` with control characters escaped (`\u{1b}`), so it prints on one line and inertly.
fn inert(text: &str) -> String {
    text.chars()
        .flat_map(|c| {
            let escaped: Vec<char> = if c.is_control() {
                c.escape_unicode().collect()
            } else {
                vec![c]
            };
            escaped
        })
        .collect()
}

/// The console line of a finished request-log entry.
pub fn line(format: Format, entry: &Value) -> String {
    let text = |k: &str| entry[k].as_str().unwrap_or("-").to_string();
    match format {
        Format::Json => json!({
            "time": entry["time"], "seq": entry["seq"], "family": entry["family"],
            "method": entry["method"], "path": entry["path"], "status": entry["status"],
            "ms": entry["ms"], "fault": entry["fault"],
        })
        .to_string(),
        Format::Text => {
            let status = entry["status"]
                .as_u64()
                .map_or("-".to_string(), |s| s.to_string());
            let mut out = format!(
                "{} {:<5} {:<6} {} {} {}ms",
                text("time"),
                text("family"),
                inert(&text("method")),
                inert(&text("path")),
                status,
                entry["ms"].as_u64().unwrap_or(0)
            );
            if let Some(f) = entry["fault"].as_str() {
                out.push_str(&format!(" fault={}", inert(f)));
            }
            out
        }
    }
}

/// The line announcing the dashboard.
pub fn start_line(format: Format, base_url: &str, seed: u64) -> String {
    let dashboard = format!("{base_url}/");
    match format {
        Format::Json => json!({"time": wall_time(), "event": "start", "dashboard": dashboard,
                               "base_url": base_url, "seed": seed})
        .to_string(),
        Format::Text => format!(
            "phonecom-sandbox: dashboard at {dashboard} (seed {seed}); one line per request follows"
        ),
    }
}

/// A running console: lines queue to one writer thread that owns stderr.
#[derive(Debug, Clone)]
pub struct Console {
    format: Format,
    tx: SyncSender<String>,
    dropped: Arc<AtomicU64>,
}

impl Console {
    /// Starts the writer thread.
    pub fn start(format: Format) -> std::io::Result<Console> {
        let (tx, rx) = sync_channel::<String>(QUEUE);
        let dropped = Arc::new(AtomicU64::new(0));
        let lost = dropped.clone();
        std::thread::Builder::new()
            .name("sandbox-console".into())
            .spawn(move || {
                for mut text in rx {
                    let n = lost.swap(0, Ordering::Relaxed);
                    if n > 0 {
                        text = format!(
                            "phonecom-sandbox: {n} console lines dropped (stderr was not read)\n{text}"
                        );
                    }
                    let mut err = std::io::stderr().lock();
                    let _ = writeln!(err, "{text}").and_then(|_| err.flush());
                }
            })?;
        Ok(Console {
            format,
            tx,
            dropped,
        })
    }

    /// The format of its lines.
    pub fn format(&self) -> Format {
        self.format
    }

    /// Queues `text` (one line); never blocks.
    pub fn write(&self, text: String) {
        if let Err(TrySendError::Full(_)) = self.tx.try_send(text) {
            self.dropped.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// Queues the line of a finished request-log entry.
    pub fn request(&self, entry: &Value) {
        self.write(line(self.format, entry));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_inert() {
        let e = json!({"time": "t", "family": null, "method": "GET", "path": "/x\u{1b}[2J\n",
                       "status": null, "ms": 0, "fault": "status=503\r"});
        let l = line(Format::Text, &e);
        assert_eq!(
            l,
            "t -     GET    /x\\u{1b}[2J\\u{a} - 0ms fault=status=503\\u{d}"
        );
        assert!(!line(Format::Json, &e).contains('\u{1b}'));
    }

    #[test]
    fn wall_time_has_milliseconds() {
        let t = wall_time();
        assert_eq!(t.len(), "2026-12-07T07:40:01.123Z".len(), "{t}");
        assert!(t.ends_with('Z') && t.as_bytes()[19] == b'.');
    }
}
