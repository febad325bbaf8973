//! Server behaviours a client must survive, switched on through `/_sandbox/v4/lists`:
//! a page-size cap below the asked `limit` (the envelope then echoes the cap) and list envelopes
//! without `total`.
//!
//! ```text
//! POST /_sandbox/v4/lists {"max_limit": 7, "total": false}   -> {"max_limit": 7, "total": false}
//! POST /_sandbox/v4/lists {"max_limit": null, "total": true} -> back to normal
//! ```

use crate::errors;
use crate::http::{Request, Response};
use serde_json::{json, Value};

/// How list envelopes are bent (reset to normal with the world).
#[derive(Debug, Clone, Default)]
pub struct ListQuirks {
    /// Serve at most this many rows per page, whatever `limit` asks.
    pub max_limit: Option<usize>,
    /// Leave `total` out of the envelope.
    pub omit_total: bool,
}

impl ListQuirks {
    fn to_json(&self) -> Value {
        json!({"max_limit": self.max_limit, "total": !self.omit_total})
    }

    /// `GET|POST /_sandbox/v4/lists`.
    pub fn admin(&mut self, req: &Request) -> Response {
        if req.method == "POST" {
            let body = req.json().unwrap_or(Value::Null);
            if let Some(v) = body.get("max_limit") {
                self.max_limit = match v {
                    Value::Null => None,
                    v => match v.as_u64().filter(|n| *n >= 1) {
                        Some(n) => Some(n as usize),
                        None => {
                            return errors::invalid_field(
                                "max_limit",
                                "max_limit must be a positive integer or null",
                            )
                        }
                    },
                };
            }
            if let Some(v) = body.get("total") {
                match v.as_bool() {
                    Some(b) => self.omit_total = !b,
                    None => return errors::invalid_field("total", "total must be a boolean"),
                }
            }
        }
        Response::json(200, &self.to_json())
    }

    /// Apply the quirks to a successful list envelope (other responses pass unchanged).
    pub fn apply(&self, resp: Response) -> Response {
        if resp.status != 200 || (self.max_limit.is_none() && !self.omit_total) {
            return resp;
        }
        let Ok(mut env) = serde_json::from_slice::<Value>(&resp.body) else {
            return resp;
        };
        let Some(obj) = env.as_object_mut() else {
            return resp;
        };
        if !(obj.contains_key("items") && obj.contains_key("limit") && obj.contains_key("offset")) {
            return resp;
        }
        if let Some(cap) = self.max_limit {
            if obj["limit"].as_u64().is_some_and(|l| l as usize > cap) {
                obj.insert("limit".into(), cap.into());
            }
            if let Some(items) = obj.get_mut("items").and_then(Value::as_array_mut) {
                items.truncate(cap);
            }
        }
        if self.omit_total {
            obj.remove("total");
        }
        let mut out = Response::json(200, &env);
        out.headers = resp.headers;
        out
    }
}
