//! The dashboard over loopback: the page and its assets (same-origin only, not recorded), the
//! state views of every family (`/_sandbox/state[/{section}]`), a call-control call shown live,
//! the request log's filters and recorded responses, and no secret of the config anywhere.

mod common;

use common::Client;
use phonecom_sandbox::Sandbox;
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::mpsc;

fn get(c: &Client, path: &str) -> common::Resp {
    c.raw("GET", path, &[], b"").unwrap()
}

fn state(c: &Client, section: &str) -> Value {
    let r = c.admin("GET", &format!("/state{section}"), None);
    assert_eq!(
        r.status,
        200,
        "{section}: {}",
        String::from_utf8_lossy(&r.body)
    );
    r.json()
}

#[test]
fn the_page_is_self_contained_and_never_recorded() {
    let sb = Sandbox::start().unwrap();
    let c = Client::new(&sb);
    for path in ["/", "/_sandbox/ui", "/_sandbox/ui/"] {
        let r = get(&c, path);
        assert_eq!(r.status, 200, "{path}");
        assert_eq!(r.header("content-type"), Some("text/html; charset=utf-8"));
        let csp = r.header("content-security-policy").unwrap();
        assert!(csp.starts_with("default-src 'none'"), "{csp}");
        assert!(csp.contains("script-src 'self'") && csp.contains("connect-src 'self'"));
        let page = String::from_utf8(r.body).unwrap();
        assert!(page.contains(r#"<script src="/_sandbox/ui/app.js"></script>"#));
        for tab in [
            "overview",
            "v4",
            "xml",
            "callcontrol",
            "v1",
            "nol",
            "requests",
            "controls",
        ] {
            assert!(page.contains(&format!("data-tab=\"{tab}\"")), "tab {tab}");
        }
    }
    for (path, ct) in [
        ("/_sandbox/ui/app.js", "text/javascript; charset=utf-8"),
        ("/_sandbox/ui/style.css", "text/css; charset=utf-8"),
    ] {
        let r = get(&c, path);
        assert_eq!((r.status, r.header("content-type")), (200, Some(ct)));
        let text = String::from_utf8(r.body).unwrap();
        assert!(
            !text.contains("http://") && !text.contains("https://"),
            "{path} loads nothing from elsewhere"
        );
    }
    assert_eq!(get(&c, "/favicon.ico").status, 204);
    // Every controls form posts to an admin route that exists.
    let page = String::from_utf8(get(&c, "/").body).unwrap();
    for route in [
        "/faults",
        "/rate-limit",
        "/clock",
        "/callcontrol/calls",
        "/reset",
    ] {
        assert!(
            page.contains(&format!("data-post=\"/_sandbox{route}\"")),
            "{route}"
        );
    }
    // Not the page: other methods and paths still answer 404 as before.
    assert_eq!(c.raw("POST", "/", &[], b"").unwrap().status, 404);
    assert_eq!(get(&c, "/_sandbox/ui/nope.js").status, 404);
    let log = c.admin("GET", "/requests", None).json();
    let paths: Vec<&str> = log["requests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["/"], "only the POST / (a 404) is recorded");
}

#[test]
fn every_family_has_a_state_view_that_follows_its_requests() {
    let sb = Sandbox::start().unwrap();
    let c = Client::new(&sb);
    let created = c.v4(
        "POST",
        "/accounts/1000001/subaccounts",
        Some(json!({"username": "dash-kid", "password": "Kid-pass-1", "contact": {"name": "Kid"}})),
    );
    assert_eq!(created.status, 201);
    let kid = created.json()["id"].as_u64().unwrap();
    let sms = c.v4(
        "POST",
        "/accounts/1000001/sms",
        Some(json!({"from": "+18585550100", "to": "+14155550101", "text": "hi"})),
    );
    assert_eq!(sms.status, 201);

    let v4 = state(&c, "/v4");
    let accounts = v4["accounts"].as_array().unwrap();
    let row = accounts.iter().find(|a| a["id"] == kid).unwrap();
    assert_eq!(
        (row["username"].as_str(), row["parent"].as_u64()),
        (Some("dash-kid"), Some(1000001))
    );
    assert_eq!(row["contact"]["name"], "Kid");
    assert!(row.get("password").is_none());
    assert_eq!(v4["resources"]["sms"][0]["text"], "hi");
    assert_eq!(v4["resources"]["sms"][0]["account_id"], 1000001);
    assert!(v4["resources"]["extensions"].as_array().unwrap().len() >= 2);
    assert_eq!(v4["inventory"]["available"], 2120);
    let filtered = c
        .admin("GET", "/state/v4?q=San%20Diego&category=local", None)
        .json();
    let rows = filtered["inventory"]["rows"].as_array().unwrap();
    assert!(!rows.is_empty() && rows.len() <= 100);
    assert!(rows
        .iter()
        .all(|n| n["city"] == "San Diego" && n["category"] == "local"));
    assert!(filtered["inventory"]["matched"].as_u64().unwrap() < 2120);

    let xml = state(&c, "/xml");
    assert_eq!(xml["accounts"][0]["username"], "sandbox");
    assert!(xml["accounts"][0].get("password").is_none());

    let v1 = state(&c, "/v1");
    let contacts = v1["services"]["contacts"].as_array().unwrap().len();
    let basic = {
        let cfg = sb.config();
        let pair = format!(
            "{}:{}",
            cfg["v1"]["api_key"].as_str().unwrap(),
            cfg["v1"]["password"].as_str().unwrap()
        );
        format!("Basic {}", common::b64(pair.as_bytes()))
    };
    let r = c
        .raw(
            "POST",
            "/v1/contacts",
            &[
                ("Authorization", &basic),
                ("Content-Type", "application/json"),
            ],
            br#"{"first_name":"Ada"}"#,
        )
        .unwrap();
    assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
    assert_eq!(
        state(&c, "/v1")["services"]["contacts"]
            .as_array()
            .unwrap()
            .len(),
        contacts + 1
    );

    let nol = state(&c, "/nol");
    let key = &nol["keys"][0];
    assert!(key["key_prefix"].as_str().unwrap().starts_with("nol_"));
    assert_eq!(nol["accounts"][0]["status"], "active");

    let overview = state(&c, "");
    assert_eq!(overview["seed"], 1);
    assert_eq!(overview["counts"]["v4"]["accounts"], 2);
    assert_eq!(overview["counts"]["v4"]["sms"], 1);
    assert_eq!(overview["counts"]["v4"]["available_numbers"], 2120);
    assert_eq!(overview["counts"]["v1"]["contacts"], contacts as u64 + 1);
    assert_eq!(overview["counts"]["callcontrol"]["calls"], 0);
    assert_eq!(overview["base_urls"]["v4"], format!("{}/v4", sb.base_url()));
    assert_eq!(overview["config"]["v4"]["token"], "***");
    assert_eq!(overview["config"]["v4"]["account_id"], 1000001);
    assert_eq!(overview["requests"]["last_seq"], 3);
    assert_eq!(overview["dashboard"], sb.dashboard_url());

    let unknown = c.admin("GET", "/state/nope", None);
    assert_eq!(unknown.status, 404);
    assert!(unknown.json()["error"]
        .as_str()
        .unwrap()
        .contains("v4, xml, callcontrol, v1, nol"));
    assert_eq!(c.admin("POST", "/state/v4", None).status, 405);
}

/// A call in flight shows in `running` with the steps so far, then moves to `calls`.
#[test]
fn a_call_control_call_is_shown_while_it_runs() {
    let sb = Sandbox::start().unwrap();
    let c = Client::new(&sb);
    let partner = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!(
        "http://127.0.0.1:{}/voice",
        partner.local_addr().unwrap().port()
    );
    let (reached, go) = (mpsc::channel(), mpsc::channel::<()>());
    let (reached_tx, go_rx) = (reached.0, go.1);
    std::thread::spawn(move || {
        for (n, s) in partner.incoming().enumerate() {
            let mut s = s.unwrap();
            let mut r = BufReader::new(s.try_clone().unwrap());
            let mut line = String::new();
            while r.read_line(&mut line).unwrap() > 2 {
                line.clear();
            }
            if n == 1 {
                reached_tx.send(()).unwrap();
                go_rx.recv().unwrap();
            }
            // An empty answer hangs up; the last request (with `duration`) gets the same.
            let _ = s.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        }
    });
    let port = sb.port();
    let placing = std::thread::spawn(move || {
        let c = Client {
            port,
            token: String::new(),
        };
        c.admin("POST", "/callcontrol/calls", Some(json!({"url": url})))
            .json()
    });
    reached.1.recv().unwrap();
    let live = state(&c, "/callcontrol");
    let running = live["running"].as_array().unwrap();
    assert_eq!(running.len(), 1);
    assert_eq!(running[0]["outcome"], "running");
    assert_eq!(
        running[0]["steps"].as_array().unwrap().len(),
        1,
        "the first step is shown before the call ends"
    );
    assert_eq!(running[0]["steps"][0]["response"]["status"], 200);
    go.0.send(()).unwrap();
    let done = placing.join().unwrap();
    let after = state(&c, "/callcontrol");
    assert!(after["running"].as_array().unwrap().is_empty());
    assert_eq!(after["calls"][0]["uniqueID"], done["uniqueID"]);
    assert_eq!(after["calls"][0]["outcome"], "hangup");
    assert_eq!(after["calls"][0]["steps"].as_array().unwrap().len(), 2);
}

#[test]
fn the_request_log_filters_and_keeps_masked_responses() {
    let sb = Sandbox::start().unwrap();
    let c = Client::new(&sb);
    assert_eq!(c.v4("GET", "/accounts/1000001", None).status, 200);
    let fault = c.admin(
        "POST",
        "/faults",
        Some(json!({"path": "/v4", "fault": "status=503"})),
    );
    assert_eq!(fault.status, 201);
    assert_eq!(c.v4("GET", "/accounts/1000001", None).status, 503);
    let token = c.v4(
        "POST",
        "/oauth/access-token",
        Some(json!({"grant_type": "client_credentials", "client_id": sb.config()["oauth"]["client_id"], "client_secret": c.token})),
    );
    assert_eq!(
        token.status,
        201,
        "{}",
        String::from_utf8_lossy(&token.body)
    );
    let issued = token.json()["access_token"].as_str().unwrap().to_string();
    assert_eq!(get(&c, "/special/xmlapi?action=getAccounts").status, 200);

    let all = c.admin("GET", "/requests", None).json();
    let rows = all["requests"].as_array().unwrap();
    assert_eq!(rows.len(), 4);
    assert_eq!(all["last_seq"], 4);
    for e in rows {
        assert!(e["time"].as_str().unwrap().ends_with('Z'));
        assert!(e["ms"].is_u64());
        assert_eq!(e["response"]["status"], e["status"]);
    }
    assert_eq!(rows[0]["family"], "v4");
    assert_eq!(rows[0]["response"]["body"]["id"], 1000001);
    assert_eq!(rows[1]["fault"], "status=503");
    assert_eq!(
        rows[1]["response"]["body"]["@error"]["@httpStatusCode"],
        503
    );
    assert_eq!(
        rows[2]["response"]["body"]["access_token"], "***",
        "issued tokens are masked"
    );
    assert!(!all.to_string().contains(&issued));
    assert_eq!(rows[3]["family"], "xml");
    assert!(rows[3]["response"]["body"]
        .as_str()
        .unwrap()
        .contains("<result status=\"error\">"));

    let only = |q: &str| -> Vec<u64> {
        c.admin("GET", &format!("/requests?{q}"), None).json()["requests"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["seq"].as_u64().unwrap())
            .collect()
    };
    assert_eq!(only("family=xml"), [4]);
    assert_eq!(only("family=v4"), [1, 2, 3]);
    assert_eq!(only("status=5xx"), [2]);
    assert_eq!(only("status=503"), [2]);
    assert_eq!(only("status=2xx"), [1, 3, 4]);
    assert_eq!(only("status=error"), [2]);
    assert_eq!(only("limit=2"), [3, 4]);
    assert_eq!(only("since=1&limit=1&family=v4"), [3]);

    // A connection reset before any answer: no status, no response.
    let r = c.raw(
        "GET",
        "/v4/accounts/1000001",
        &[("X-Sandbox-Fault", "reset_before")],
        b"",
    );
    assert!(r.is_err() || r.unwrap().status == 0);
    let last = &c.admin("GET", "/requests?limit=1", None).json()["requests"][0];
    assert_eq!(
        (last["status"].clone(), last["response"].clone()),
        (Value::Null, Value::Null)
    );
    assert_eq!(only("status=error"), [2, 5]);
}

#[test]
fn no_secret_of_the_config_appears_in_the_page_or_any_view() {
    let sb = Sandbox::start().unwrap();
    let c = Client::new(&sb);
    let cfg = sb.config();
    let secret = |a: &str, b: &str| cfg[a][b].as_str().unwrap().to_string();
    let secrets = [
        secret("v4", "token"),
        secret("xml", "password"),
        secret("v1", "api_key"),
        secret("v1", "password"),
        secret("nol", "api_key"),
    ];
    // Every secret travels: in headers, in a query, in a body under an innocent name, stored
    // in v4 state, and echoed back by an `echo` fault.
    let note = json!({"name": "Leaky", "notes": format!("token {}", secrets[0])});
    let r = c.v4(
        "POST",
        "/accounts/1000001/subaccounts",
        Some(json!({"username": "leaky", "password": secrets[1], "contact": note})),
    );
    assert_eq!(r.status, 201);
    let xml = format!(
        "/special/xmlapi?action=getAccounts&username=sandbox&password={}",
        secrets[1]
    );
    assert_eq!(get(&c, &xml).status, 200);
    let nol = format!("Bearer {}", secrets[4]);
    assert_eq!(
        c.raw("GET", "/api/v1/account", &[("Authorization", &nol)], b"")
            .unwrap()
            .status,
        200
    );
    let echo = json!({"comment": secrets.join(" ")}).to_string();
    let r = c
        .raw(
            "POST",
            "/v4/accounts",
            &[
                ("X-Sandbox-Fault", "echo"),
                ("Content-Type", "application/json"),
            ],
            echo.as_bytes(),
        )
        .unwrap();
    assert!(
        String::from_utf8_lossy(&r.body).contains(&secrets[2]),
        "the client itself gets the echo"
    );

    let mut seen = String::new();
    for path in [
        "/",
        "/_sandbox/ui/app.js",
        "/_sandbox/ui/style.css",
        "/_sandbox/requests",
        "/_sandbox/state",
    ] {
        seen.push_str(&String::from_utf8_lossy(&get(&c, path).body));
    }
    for section in ["v4", "xml", "callcontrol", "v1", "nol"] {
        seen.push_str(&state(&c, &format!("/{section}")).to_string());
    }
    assert!(
        seen.contains("Leaky") && seen.contains("token ***"),
        "the note is there, scrubbed"
    );
    for s in &secrets {
        assert!(
            !seen.contains(s.as_str()),
            "a config secret leaked into the dashboard"
        );
    }
}
