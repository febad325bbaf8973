//! The dashboard's state routes (admin API, no auth, not recorded):
//!
//! | route | answer |
//! |---|---|
//! | `GET /_sandbox/state` | the overview: `seed`, `base_url`, `dashboard`, `base_urls` per family, `clock`, `config` (secrets `***`), `counts` per section and resource, `requests` (`last_seq`, `held`), `faults` queued, `rate_limit` |
//! | `GET /_sandbox/state/{section}` | one section: `v4` (`?q=` and `?category=` filter the inventory), `xml`, `callcontrol` (`running` calls with their steps so far, finished `calls` newest first), `v1`, `nol`; 404 names the sections |
//!
//! Every answer is masked like the request log ([`crate::record::mask_json`]) and then
//! scrubbed of the config's secrets ([`crate::record::scrub`]): no token, password or API key
//! of the config appears in it, even where a family would keep one under an innocent name.
//!
//! ```
//! use phonecom_sandbox::Sandbox;
//! use std::io::{Read, Write};
//!
//! let sb = Sandbox::start().unwrap();
//! let mut s = std::net::TcpStream::connect(("127.0.0.1", sb.port())).unwrap();
//! write!(s, "GET /_sandbox/state HTTP/1.1\r\nConnection: close\r\n\r\n").unwrap();
//! let mut text = String::new();
//! s.read_to_string(&mut text).unwrap();
//! let token = sb.config()["v4"]["token"].as_str().unwrap().to_string();
//! assert!(text.contains(r#""token":"***""#) && !text.contains(&token));
//! ```

use crate::app::App;
use crate::http::{Request, Response};
use crate::record::{mask_json, scrub};
use crate::state::lock;
use serde_json::{json, Map, Value};

/// Every section's state, in tab order.
fn sections(app: &App, query: &[(String, String)]) -> Vec<(&'static str, Value)> {
    app.router
        .all()
        .flat_map(|s| s.state(&app.shared, query))
        .collect()
}

/// `v` masked and scrubbed of the config's secrets.
fn safe(app: &App, mut v: Value) -> Value {
    mask_json(&mut v);
    scrub(&mut v, &app.shared.creds.secrets());
    v
}

/// Counts per resource: each array of a section, and each array one level down (v4's
/// resources by kind, REST v1's services); v4's inventory as `available_numbers`.
fn counts(name: &str, state: &Value) -> Value {
    let mut out = Map::new();
    for (k, v) in state.as_object().into_iter().flatten() {
        match v {
            Value::Array(a) => {
                out.insert(k.clone(), json!(a.len()));
            }
            Value::Object(m) if k == "inventory" => {
                out.insert("available_numbers".into(), m["available"].clone());
            }
            Value::Object(m) => {
                for (sub, items) in m {
                    if let Value::Array(a) = items {
                        out.insert(sub.clone(), json!(a.len()));
                    }
                }
            }
            _ => {}
        }
    }
    if name == "xml" {
        let accounts = state["accounts"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        for key in ["numbers", "sms", "chatcalls", "extensions"] {
            let n: usize = accounts
                .iter()
                .filter_map(|a| match &a[key] {
                    Value::Array(v) => Some(v.len()),
                    Value::Object(m) => Some(m.len()),
                    _ => None,
                })
                .sum();
            out.insert(key.into(), json!(n));
        }
    }
    Value::Object(out)
}

fn overview(app: &App) -> Value {
    let sh = &app.shared;
    let base = &app.base_url;
    let mut config = app.config();
    mask_json(&mut config);
    let counts: Map<String, Value> = sections(app, &[])
        .into_iter()
        .map(|(name, state)| (name.to_string(), counts(name, &state)))
        .collect();
    let now = sh.clock.now();
    let (last_seq, held) = {
        let log = lock(&sh.log);
        (log.last_seq(), log.len())
    };
    json!({
        "seed": sh.seed,
        "base_url": base,
        "dashboard": format!("{base}/"),
        "base_urls": {
            "v4": format!("{base}/v4"), "oauth": format!("{base}/oauth"),
            "xml": format!("{base}/special/xmlapi"), "v1": format!("{base}/v1"),
            "nol": format!("{base}/api/v1"), "admin": format!("{base}/_sandbox"),
        },
        "clock": {"now": now, "now_rfc3339": crate::clock::rfc3339(now), "offset_s": sh.clock.offset()},
        "config": config,
        "counts": counts,
        "requests": {"last_seq": last_seq, "held": held},
        "faults": lock(&sh.faults).to_json()["faults"],
        "rate_limit": lock(&sh.limiter).config(),
    })
}

/// Answers `GET /_sandbox/state` and `GET /_sandbox/state/{section}` (`sub` is the path after
/// `/_sandbox`).
pub fn handle(app: &App, req: &Request, sub: &str) -> Response {
    if req.method != "GET" {
        return Response::json(405, &json!({"error": "method not allowed"}));
    }
    let Some(name) = sub.strip_prefix("/state/") else {
        return Response::json(200, &safe(app, overview(app)));
    };
    let mut all = sections(app, &req.query);
    match all.iter().position(|(n, _)| *n == name) {
        Some(i) => {
            let state = all.swap_remove(i).1;
            Response::json(200, &safe(app, state))
        }
        None => {
            let names: Vec<&str> = all.iter().map(|(n, _)| *n).collect();
            Response::json(
                404,
                &json!({"error": format!("unknown section `{name}`; the sections are {}", names.join(", "))}),
            )
        }
    }
}
