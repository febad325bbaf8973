//! Fault specs (`X-Sandbox-Fault` header and `/_sandbox/faults`) and the queue of pending faults.
//!
//! A spec is `;`-separated `key=value` pairs or bare words:
//! `latency=MS`, `status=CODE`, `retry_after=S`, `code=NAME`, `reset_before`, `reset_after`,
//! `malformed`, `truncated`, `echo`, `message=TEXT`. Example: `latency=200;status=503;retry_after=1`.
//! `code` (with `status`) picks the family's own error code, e.g. `status=429;code=rate_limited_pool`.
//! `message` answers an error (`status`, default 400) in the family's shape whose message is
//! `TEXT` as given (it may hold `=` and any Unicode, not `;`), e.g. `status=400;message=numéro=bad`
//! queued through `POST /_sandbox/faults`: a client's handling of upstream text can be tested.

use serde_json::{json, Value};

/// What happens to the connection besides (or instead of) a normal answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Action {
    /// Answer normally (or with `status`).
    #[default]
    None,
    /// Read the request, do not process it, close without a response.
    ResetBefore,
    /// Process the request fully, then close without a response.
    ResetAfter,
    /// Process the request, then answer 200 with the body cut in half (not JSON).
    Malformed,
    /// Process the request, then announce a longer Content-Length than is written and close.
    Truncated,
}

/// One parsed fault.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Fault {
    /// Sleep this long before anything else.
    pub latency_ms: u64,
    /// Answer with this error status instead of processing the request.
    pub status: Option<u16>,
    /// `Retry-After` seconds for `status` answers.
    pub retry_after: Option<u64>,
    /// The family's error code for `status` answers (e.g. `rate_limited_pool`, `10003`).
    pub code: Option<String>,
    /// Connection-level behaviour.
    pub action: Action,
    /// Do not process; answer an error (`status`, default 400) whose message repeats the
    /// request's values, as some upstreams do (lets a client test that it masks what it sent).
    pub echo: bool,
    /// Do not process; answer an error (`status`, default 400) in the family's shape with this
    /// message, as written.
    pub message: Option<String>,
}

impl Fault {
    /// Parses a spec such as `status=429;retry_after=2`.
    pub fn parse(spec: &str) -> Result<Fault, String> {
        let mut f = Fault::default();
        for item in spec.split(';').map(str::trim).filter(|s| !s.is_empty()) {
            let (key, value) = match item.split_once('=') {
                Some((k, v)) => (
                    k.trim().to_ascii_lowercase().replace('-', "_"),
                    Some(v.trim()),
                ),
                None => (item.to_ascii_lowercase().replace('-', "_"), None),
            };
            let num = |v: Option<&str>| {
                v.and_then(|v| v.parse::<u64>().ok())
                    .ok_or(format!("`{item}` needs a number"))
            };
            match key.as_str() {
                "latency" => f.latency_ms = num(value)?,
                "retry_after" => f.retry_after = Some(num(value)?),
                "status" => {
                    let code = num(value)?;
                    if !(400..=599).contains(&code) {
                        return Err(format!("status {code} is not an error status (400-599)"));
                    }
                    f.status = Some(code as u16);
                }
                "code" => match value.filter(|v| !v.is_empty()) {
                    Some(v) => f.code = Some(v.to_string()),
                    None => return Err(format!("`{item}` needs a value")),
                },
                "reset_before" => f.action = Action::ResetBefore,
                "reset_after" => f.action = Action::ResetAfter,
                "malformed" => f.action = Action::Malformed,
                "truncated" => f.action = Action::Truncated,
                "echo" => f.echo = true,
                "message" => match value.filter(|v| !v.is_empty()) {
                    Some(v) => f.message = Some(v.to_string()),
                    None => return Err(format!("`{item}` needs a value")),
                },
                _ => return Err(format!("unknown fault `{item}`")),
            }
        }
        if f == Fault::default() {
            return Err("empty fault spec".into());
        }
        if f.code.is_some() && f.status.is_none() {
            return Err("`code` needs `status`".into());
        }
        if f.message.is_some() && (f.echo || f.code.is_some()) {
            return Err("`message` goes with `status` only (not `echo` or `code`)".into());
        }
        Ok(f)
    }
}

/// A fault waiting for matching requests.
#[derive(Debug, Clone)]
struct Queued {
    id: u64,
    method: Option<String>,
    path: Option<String>,
    spec: String,
    fault: Fault,
    remaining: u64,
}

/// Most faults queued at once (each with its own `times`).
pub const QUEUE_MAX: usize = 1_000;

/// Faults queued through `POST /_sandbox/faults`, matched in FIFO order.
#[derive(Debug, Default)]
pub struct FaultQueue {
    next_id: u64,
    items: Vec<Queued>,
}

impl FaultQueue {
    /// Queues `spec` for the next `times` requests matching `method` (if any) and path prefix
    /// `path` (if any). Returns the queue entry id.
    pub fn push(
        &mut self,
        method: Option<String>,
        path: Option<String>,
        spec: &str,
        times: u64,
    ) -> Result<u64, String> {
        let fault = Fault::parse(spec)?;
        if self.items.len() >= QUEUE_MAX {
            return Err(format!(
                "at most {QUEUE_MAX} faults can be queued; DELETE /_sandbox/faults clears them"
            ));
        }
        self.next_id += 1;
        let method = method.map(|m| m.to_ascii_uppercase());
        self.items.push(Queued {
            id: self.next_id,
            method,
            path,
            spec: spec.to_string(),
            fault,
            remaining: times.max(1),
        });
        Ok(self.next_id)
    }

    /// Takes one use of the first fault matching this request.
    pub fn take(&mut self, method: &str, path: &str) -> Option<(String, Fault)> {
        let i = self.items.iter().position(|q| {
            q.method.as_deref().is_none_or(|m| m == method)
                && q.path.as_deref().is_none_or(|p| path.starts_with(p))
        })?;
        let q = &mut self.items[i];
        q.remaining -= 1;
        let hit = (q.spec.clone(), q.fault.clone());
        if q.remaining == 0 {
            self.items.remove(i);
        }
        Some(hit)
    }

    /// Drops every queued fault.
    pub fn clear(&mut self) {
        self.items.clear();
    }

    /// The queue as JSON (`{"faults":[{"id","method","path","fault","remaining"}]}`).
    pub fn to_json(&self) -> Value {
        let items: Vec<Value> = self
            .items
            .iter()
            .map(|q| json!({"id": q.id, "method": q.method, "path": q.path, "fault": q.spec, "remaining": q.remaining}))
            .collect();
        json!({ "faults": items })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_specs() {
        let f = Fault::parse("latency=20; status=429;retry_after=3").unwrap();
        assert_eq!(
            (f.latency_ms, f.status, f.retry_after),
            (20, Some(429), Some(3))
        );
        assert_eq!(
            Fault::parse("reset_before").unwrap().action,
            Action::ResetBefore
        );
        assert_eq!(
            Fault::parse("reset-after").unwrap().action,
            Action::ResetAfter
        );
        assert_eq!(Fault::parse("malformed").unwrap().action, Action::Malformed);
        assert_eq!(Fault::parse("truncated").unwrap().action, Action::Truncated);
        assert!(Fault::parse("status=200").is_err());
        assert!(Fault::parse("explode").is_err());
        assert!(Fault::parse("latency=x").is_err());
        assert!(Fault::parse("").is_err());
        let f = Fault::parse("status=429;code=rate_limited_pool").unwrap();
        assert_eq!(f.code.as_deref(), Some("rate_limited_pool"));
        assert!(Fault::parse("code=x").is_err());
        assert!(Fault::parse("status=429;code=").is_err());
        let f = Fault::parse("status=400;message=numéro=bad").unwrap();
        assert_eq!(f.message.as_deref(), Some("numéro=bad"));
        assert!(Fault::parse("message=").is_err());
        assert!(Fault::parse("echo;message=x").is_err());
    }

    #[test]
    fn queue_matches_method_and_prefix_n_times() {
        let mut q = FaultQueue::default();
        q.push(
            Some("post".into()),
            Some("/v4/accounts".into()),
            "status=503",
            2,
        )
        .unwrap();
        assert!(q.take("GET", "/v4/accounts/1").is_none());
        assert!(q.take("POST", "/v4/ping").is_none());
        assert_eq!(q.take("POST", "/v4/accounts/1").unwrap().0, "status=503");
        assert!(q.take("POST", "/v4/accounts/1").is_some());
        assert!(q.take("POST", "/v4/accounts/1").is_none());
        assert!(q.push(None, None, "bogus", 1).is_err());
    }
}
