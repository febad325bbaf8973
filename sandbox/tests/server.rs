//! The HTTP server over real TCP: keep-alive, request ids, framing, errors, admin basics.

mod common;

use common::{Client, Conn};
use phonecom_sandbox::{Options, Sandbox};
use std::io::{Read, Write};

#[test]
fn keep_alive_and_request_ids() {
    let sb = Sandbox::start().unwrap();
    let c = Client::new(&sb);
    let mut conn = Conn::open(sb.port());
    let auth = format!("Bearer {}", c.token);
    let a = conn
        .send(
            "GET",
            "/v4/ping",
            &[("Authorization", &auth), ("X-Request-Id", "mine-1")],
            b"",
        )
        .unwrap();
    assert_eq!(a.status, 200);
    assert_eq!(a.header("X-Request-Id"), Some("mine-1"));
    assert_eq!(a.json()["remote_ip"], "127.0.0.1");
    let b = conn
        .send("GET", "/v4/ping", &[("Authorization", &auth)], b"")
        .unwrap();
    let id = b.header("X-Request-Id").unwrap();
    assert!(id.starts_with("sbx-"));
    let c2 = conn
        .send("GET", "/v4/ping", &[("Authorization", &auth)], b"")
        .unwrap();
    assert_ne!(c2.header("X-Request-Id").unwrap(), id);
}

#[test]
fn unknown_paths_and_bad_requests() {
    let sb = Sandbox::start().unwrap();
    let c = Client::new(&sb);
    let r = c.raw("GET", "/nowhere", &[], b"").unwrap();
    assert_eq!(r.status, 404);
    assert_eq!(r.json()["@error"]["@httpStatusCode"], 404);
    let r = c.v4("GET", "/accounts/1000001/nothing", None);
    assert_eq!(r.status, 404);
    let r = c.v4("DELETE", "/accounts/1000001/sms", None);
    assert_eq!(r.status, 405);
    let mut s = std::net::TcpStream::connect(("127.0.0.1", sb.port())).unwrap();
    s.write_all(b"BROKEN\r\n\r\n").unwrap();
    let mut text = String::new();
    s.read_to_string(&mut text).unwrap();
    assert!(text.starts_with("HTTP/1.1 400"), "{text}");
}

#[test]
fn chunked_request_bodies() {
    let sb = Sandbox::start().unwrap();
    let c = Client::new(&sb);
    let body = r#"{"name":"Chunky"}"#;
    let (a, b) = body.split_at(5);
    let raw = format!(
        "POST /v4/accounts/1000001/devices HTTP/1.1\r\nAuthorization: Bearer {}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n{:x}\r\n{a}\r\n{:x}\r\n{b}\r\n0\r\n\r\n",
        c.token,
        a.len(),
        b.len()
    );
    let mut s = std::net::TcpStream::connect(("127.0.0.1", sb.port())).unwrap();
    s.write_all(raw.as_bytes()).unwrap();
    let r = common::read_response(&mut std::io::BufReader::new(s)).unwrap();
    assert_eq!(r.status, 201);
    assert_eq!(r.json()["name"], "Chunky");
}

#[test]
fn config_shape_and_determinism() {
    let a = Sandbox::start_with(Options {
        seed: 9,
        ..Options::default()
    })
    .unwrap();
    let b = Sandbox::start_with(Options {
        seed: 9,
        ..Options::default()
    })
    .unwrap();
    let (ca, cb) = (a.config(), b.config());
    assert_eq!(ca["environment"], "sandbox");
    assert_eq!(ca["v4"]["token"], cb["v4"]["token"]);
    assert_eq!(ca["oauth"]["client_id"], cb["oauth"]["client_id"]);
    assert_eq!(
        ca["v4"]["base_url"],
        format!("http://127.0.0.1:{}/v4", a.port())
    );
    assert_eq!(ca["oauth"]["redirect_uri"], "https://express.phone.com");
    assert_eq!(
        ca["xml"]["base_url"],
        format!("{}/special/xmlapi", a.base_url())
    );
    assert_eq!(ca["xml"]["username"], "sandbox");
    assert_eq!(ca["nol"]["base_url"], a.base_url());
    assert!(ca["nol"]["api_key"].as_str().unwrap().starts_with("nol_"));
    assert!(ca["v1"]["api_key"].is_string() && ca["v1"]["password"].is_string());
    let c = Client::new(&a);
    assert_eq!(c.admin("GET", "/config", None).json(), ca);
    assert_eq!(c.admin("GET", "/health", None).json()["status"], "ok");
}

#[test]
fn shutdown_frees_the_port() {
    let sb = Sandbox::start().unwrap();
    let port = sb.port();
    sb.shutdown();
    let again = Sandbox::start_with(Options {
        port,
        ..Options::default()
    })
    .unwrap();
    assert_eq!(again.port(), port);
}

#[test]
fn binary_prints_one_config_line_and_exits_on_eof() {
    use std::io::BufRead;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_phonecom-sandbox"))
        .args(["--seed", "5", "--exit-on-eof"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    out.read_line(&mut line).unwrap();
    let cfg: serde_json::Value = serde_json::from_str(&line).unwrap();
    assert_eq!(cfg["v4"]["account_id"], 1000001);
    let base = cfg["v4"]["base_url"].as_str().unwrap();
    let port: u16 = base
        .trim_start_matches("http://127.0.0.1:")
        .trim_end_matches("/v4")
        .parse()
        .unwrap();
    let r = Conn::open(port)
        .send("GET", "/_sandbox/health", &[], b"")
        .unwrap();
    assert_eq!(r.json()["seed"], 5);
    drop(child.stdin.take());
    let status = child.wait().unwrap();
    assert!(status.success());
    let mut rest = String::new();
    out.read_to_string(&mut rest).unwrap();
    assert!(rest.is_empty(), "nothing else on stdout: {rest}");
}

#[test]
fn sandbox_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Sandbox>();
    let sb = std::sync::Arc::new(Sandbox::start().unwrap());
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let sb = sb.clone();
            std::thread::spawn(move || Client::new(&sb).v4("GET", "/ping", None).status)
        })
        .collect();
    assert!(handles.into_iter().all(|h| h.join().unwrap() == 200));
}
