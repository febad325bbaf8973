//! The sandbox under abuse, over real TCP: slow and silent clients (slowloris), request
//! smuggling, a long run. It must stay within its thread and connection bounds, answer everyone
//! else, refuse what could be read two ways, and keep only the newest history.

mod common;

use common::{read_response, Client, Conn};
use phonecom_sandbox::{record, Sandbox};
use serde_json::json;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The binary with `args`, its config line, and its port.
fn spawn_binary(args: &[&str]) -> (Child, serde_json::Value, u16) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_phonecom-sandbox"))
        .args(args)
        .arg("--exit-on-eof")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.as_mut().unwrap())
        .read_line(&mut line)
        .unwrap();
    let cfg: serde_json::Value = serde_json::from_str(&line).unwrap();
    let base = cfg["v4"]["base_url"].as_str().unwrap().to_string();
    let port = base
        .trim_start_matches("http://127.0.0.1:")
        .trim_end_matches("/v4")
        .parse()
        .unwrap();
    (child, cfg, port)
}

/// Threads of process `pid` now.
fn threads_of(pid: u32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/task"))
        .map(|d| d.count())
        .unwrap_or(0)
}

fn ping(port: u16, token: &str) -> u16 {
    let auth = format!("Bearer {token}");
    let r = Conn::open(port)
        .send("GET", "/v4/ping", &[("Authorization", &auth)], b"")
        .unwrap();
    r.status
}

/// Everything the server writes before it closes the connection (or the 10 s read timeout).
fn read_all(s: &mut TcpStream) -> String {
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}

fn send_raw(port: u16, raw: &str) -> String {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.write_all(raw.as_bytes()).unwrap();
    read_all(&mut s)
}

#[test]
#[cfg(target_os = "linux")]
fn slowloris_of_400_connections_stays_within_the_thread_bound_and_others_are_served() {
    const WORKERS: usize = 8;
    // main thread + reactor + console writer + workers
    const BOUND: usize = WORKERS + 3;
    let (mut child, cfg, port) = spawn_binary(&["--max-workers", "8", "--header-timeout", "120"]);
    let token = cfg["v4"]["token"].as_str().unwrap().to_string();
    let pid = child.id();
    let mut slow: Vec<TcpStream> = (0..400)
        .map(|_| {
            let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
            s.write_all(b"GET /v4/ping HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                .unwrap();
            s
        })
        .collect();
    let mut peak = threads_of(pid);
    for round in 0..3 {
        for s in &mut slow {
            s.write_all(format!("X-Slow-{round}: 1\r\n").as_bytes())
                .unwrap();
        }
        let started = Instant::now();
        assert_eq!(
            ping(port, &token),
            200,
            "a normal request during the slowloris"
        );
        eprintln!(
            "round {round}: a normal request took {:?}",
            started.elapsed()
        );
        peak = peak.max(threads_of(pid));
        std::thread::sleep(Duration::from_millis(100));
    }
    // Many normal requests at once, each held 200 ms in a worker: still within the bound.
    let busy: Vec<_> = (0..40)
        .map(|_| {
            let token = token.clone();
            std::thread::spawn(move || {
                let auth = format!("Bearer {token}");
                Conn::open(port)
                    .send(
                        "GET",
                        "/v4/ping",
                        &[("Authorization", &auth), ("X-Sandbox-Fault", "latency=200")],
                        b"",
                    )
                    .unwrap()
                    .status
            })
        })
        .collect();
    for _ in 0..10 {
        peak = peak.max(threads_of(pid));
        std::thread::sleep(Duration::from_millis(50));
    }
    for b in busy {
        assert_eq!(b.join().unwrap(), 200);
    }
    assert!(peak <= BOUND, "{peak} threads, bound {BOUND}");
    assert!(peak > 2, "workers were started ({peak} threads)");
    // The slow connections were held open all along: finishing one gets its answer.
    slow[0].write_all(b"Connection: close\r\n\r\n").unwrap();
    assert!(read_all(&mut slow[0]).starts_with("HTTP/1.1 401"));
    drop(slow);
    drop(child.stdin.take());
    assert!(child.wait().unwrap().success());
}

#[test]
fn a_head_or_body_that_does_not_arrive_in_time_gets_408_and_the_connection_closes() {
    let sb = Sandbox::builder()
        .header_timeout(Duration::from_millis(300))
        .body_timeout(Duration::from_millis(300))
        .start()
        .unwrap();
    let partial = |raw: &str| {
        let mut s = TcpStream::connect(("127.0.0.1", sb.port())).unwrap();
        s.write_all(raw.as_bytes()).unwrap();
        read_all(&mut s)
    };
    let head = partial("GET /v4/ping HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    assert!(head.starts_with("HTTP/1.1 408 Request Timeout"), "{head}");
    assert!(head.contains("Connection: close"));
    // A small body (collected by the reactor), a large one and a chunked one (read by a worker).
    let small = partial("POST /v4/x HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc");
    assert!(small.starts_with("HTTP/1.1 408"), "{small}");
    let large = partial("POST /v4/x HTTP/1.1\r\nContent-Length: 1000000\r\n\r\nabc");
    assert!(large.starts_with("HTTP/1.1 408"), "{large}");
    let chunked = partial("POST /v4/x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab");
    assert!(chunked.starts_with("HTTP/1.1 408"), "{chunked}");
    // None of them reached the pipeline.
    let log = Client::new(&sb).admin("GET", "/requests", None).json();
    assert_eq!(log["requests"], json!([]));
}

#[test]
fn idle_connections_close_and_a_full_server_drops_the_longest_waiting_first() {
    let sb = Sandbox::builder()
        .idle_timeout(Duration::from_millis(300))
        .max_connections(4)
        .start()
        .unwrap();
    let mut idle = TcpStream::connect(("127.0.0.1", sb.port())).unwrap();
    assert_eq!(
        read_all(&mut idle),
        "",
        "an idle connection is closed without a word"
    );

    let sb = Sandbox::builder().max_connections(4).start().unwrap();
    let c2 = Client::new(&sb);
    let mut slow: Vec<TcpStream> = (0..4)
        .map(|_| {
            let mut s = TcpStream::connect(("127.0.0.1", sb.port())).unwrap();
            s.write_all(b"GET /v4/ping HTTP/1.1\r\n").unwrap();
            std::thread::sleep(Duration::from_millis(20));
            s
        })
        .collect();
    assert_eq!(ping(sb.port(), &c2.token), 200);
    assert_eq!(
        read_all(&mut slow[0]),
        "",
        "the oldest unfinished request was dropped"
    );
}

#[test]
fn conflicting_lengths_and_length_with_transfer_encoding_are_refused_unprocessed() {
    let sb = Sandbox::start().unwrap();
    let c = Client::new(&sb);
    let post = |headers: &str, body: &str| {
        let raw = format!(
            "POST /v4/accounts/1000001/devices HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {}\r\nContent-Type: application/json\r\n{headers}\r\n{body}",
            c.token
        );
        send_raw(sb.port(), &raw)
    };
    let device = r#"{"name":"Smuggled"}"#;
    // The tail would be a second request if the server read the shorter length.
    let tail = "GET /v4/ping HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    let cases = [
        format!(
            "Content-Length: {}\r\nContent-Length: {}\r\n",
            device.len(),
            device.len() + tail.len()
        ),
        format!(
            "Content-Length: {}, {}\r\n",
            device.len(),
            device.len() + tail.len()
        ),
        format!(
            "Content-Length: {}\r\nTransfer-Encoding: chunked\r\n",
            device.len() + tail.len()
        ),
        format!(
            "Transfer-Encoding: chunked\r\nContent-Length: {}\r\n",
            device.len()
        ),
    ];
    for headers in &cases {
        let text = post(headers, &format!("{device}{tail}"));
        assert!(
            text.starts_with("HTTP/1.1 400 Bad Request"),
            "{headers}: {text}"
        );
        assert_eq!(
            text.matches("HTTP/1.1").count(),
            1,
            "one answer, then close: {text}"
        );
        assert!(text.contains("Connection: close"));
    }
    let te = post("Transfer-Encoding: gzip, chunked\r\n", "0\r\n\r\n");
    assert!(te.starts_with("HTTP/1.1 501"), "{te}");
    let log = c.admin("GET", "/requests", None).json();
    assert_eq!(
        log["requests"],
        json!([]),
        "nothing refused reached the pipeline"
    );
    let devices = c.v4("GET", "/accounts/1000001/devices", None).json();
    assert!(!devices.to_string().contains("Smuggled"));
    // The same length twice is one length (RFC 9110 §8.6).
    let n = device.len();
    let ok = post(
        &format!("Content-Length: {n}\r\nContent-Length: {n}\r\nConnection: close\r\n"),
        device,
    );
    assert!(ok.starts_with("HTTP/1.1 201"), "{ok}");
}

#[test]
fn the_request_log_and_an_outbox_keep_only_the_newest_entries() {
    let sb = Sandbox::start().unwrap();
    let c = Client::new(&sb);
    let total = record::CAPACITY + 50;
    let body = r#"{"from":"+18585550100","to":"+16195550111","text":"soak"}"#;
    let one = format!(
        "POST /v4/accounts/1000001/sms HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        c.token,
        body.len()
    );
    let stream = TcpStream::connect(("127.0.0.1", sb.port())).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let mut writer = stream.try_clone().unwrap();
    let sender = std::thread::spawn(move || {
        for _ in 0..total / 50 {
            writer.write_all(one.repeat(50).as_bytes()).unwrap();
        }
    });
    let mut reader = BufReader::new(stream);
    for i in 0..total {
        let r = read_response(&mut reader).unwrap();
        assert_eq!(r.status, 201, "request {i}");
    }
    sender.join().unwrap();
    let log = c.admin("GET", "/requests", None).json();
    let entries = log["requests"].as_array().unwrap();
    assert_eq!(entries.len(), record::CAPACITY);
    assert_eq!(entries[0]["seq"], (total - record::CAPACITY + 1) as u64);
    assert_eq!(entries.last().unwrap()["seq"], total as u64);
    let sms = c.v4("GET", "/accounts/1000001/sms?limit=1", None).json();
    assert_eq!(sms["total"], phonecom_sandbox::ring::HISTORY);
    // Admin reset empties both.
    c.admin("POST", "/reset", None);
    let sms = c.v4("GET", "/accounts/1000001/sms?limit=1", None).json();
    assert_eq!(sms["total"], 0);
    let log = c.admin("GET", "/requests", None).json();
    assert_eq!(
        log["requests"].as_array().unwrap().len(),
        1,
        "only the list after the reset"
    );
}
