//! Soak of the sandbox: memory over a long run, and answers during a slowloris. Not a test: it
//! prints figures and fails only if the sandbox stops answering.
//!
//! ```text
//! cargo run --release -p phonecom-bench --example sandbox_soak [-- REQUESTS]
//! ```
//!
//! 1. **Memory.** An in-process sandbox gets REQUESTS (default 100,000) requests over 4 keep-alive
//!    loopback connections, a mix of everything that appends to a log or an outbox: v4 SMS and
//!    calls, OAuth token grants, XML `sendSMS`, `originateCall` and `previewChatCall`, plus
//!    account reads and unknown paths (every one is in the request log). Every history fills
//!    up to its bound by about request 80,000; after that RSS should stay flat. The process's RSS (`VmRSS`, and the
//!    peak `VmHWM`) is printed before, every tenth of the way, and after.
//! 2. **Slowloris.** 400 connections send a partial request head and stay open; meanwhile 20
//!    normal requests, each on a new connection, are timed (min / median / max).

use phonecom_sandbox::Sandbox;
use serde_json::Value;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

const CONNECTIONS: usize = 4;
const SLOW: usize = 400;

/// `VmRSS` and `VmHWM` of this process, in KiB (0 where /proc is missing).
fn memory_kib() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|n| n.parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// How long a connection may sit idle before the client opens a new one, as pooling clients do
/// (ureq keeps idle connections 15 s; the sandbox closes them after its idle timeout, 60 s).
const MAX_IDLE: Duration = Duration::from_secs(15);

/// One keep-alive connection with just enough HTTP/1.1 for the sandbox's answers.
struct Conn {
    port: u16,
    reader: BufReader<TcpStream>,
    writer: TcpStream,
    used: Instant,
}

impl Conn {
    fn open(port: u16) -> io::Result<Conn> {
        let s = TcpStream::connect(("127.0.0.1", port))?;
        s.set_read_timeout(Some(Duration::from_secs(30)))?;
        Ok(Conn {
            port,
            reader: BufReader::new(s.try_clone()?),
            writer: s,
            used: Instant::now(),
        })
    }

    /// Sends one request; returns the status.
    fn send(&mut self, method: &str, target: &str, headers: &str, body: &str) -> io::Result<u16> {
        if self.used.elapsed() > MAX_IDLE {
            *self = Conn::open(self.port)?;
        }
        self.used = Instant::now();
        let req = format!(
            "{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n{headers}Content-Length: {}\r\n\r\n{body}",
            body.len()
        );
        self.writer.write_all(req.as_bytes())?;
        let mut line = String::new();
        self.reader.read_line(&mut line)?;
        let status = line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .ok_or(io::ErrorKind::InvalidData)?;
        let mut length = 0;
        loop {
            line.clear();
            if self.reader.read_line(&mut line)? == 0 {
                return Err(io::ErrorKind::UnexpectedEof.into());
            }
            let l = line.trim_end();
            if l.is_empty() {
                break;
            }
            if let Some((k, v)) = l.split_once(':') {
                if k.eq_ignore_ascii_case("content-length") {
                    length = v.trim().parse().unwrap_or(0);
                }
            }
        }
        io::copy(&mut (&mut self.reader).take(length), &mut io::sink())?;
        Ok(status)
    }
}

/// The `i`-th request of the mix: method, target, extra headers, body.
fn request(i: usize, cfg: &Value) -> (&'static str, String, String, String) {
    let v4 = format!(
        "Authorization: Bearer {}\r\nContent-Type: application/json\r\n",
        cfg["v4"]["token"].as_str().unwrap_or("")
    );
    let xml = format!(
        "/special/xmlapi?username=sandbox&password={}",
        cfg["xml"]["password"].as_str().unwrap_or("")
    );
    let form = "Content-Type: application/x-www-form-urlencoded\r\n".to_string();
    let to = format!("+1619555{:04}", i % 10_000);
    match i % 8 {
        0 => (
            "POST",
            "/v4/accounts/1000001/sms".into(),
            v4,
            format!(r#"{{"from":"+18585550100","to":"{to}","text":"soak {i}"}}"#),
        ),
        1 => (
            "POST",
            "/v4/accounts/1000001/calls".into(),
            v4,
            format!(r#"{{"caller_extension":111,"callee_phone_number":"{to}"}}"#),
        ),
        2 => (
            "POST",
            "/v4/oauth/access-token".into(),
            form,
            format!(
                "grant_type=client_credentials&client_id={}&client_secret={}",
                cfg["oauth"]["client_id"].as_str().unwrap_or(""),
                cfg["v4"]["token"].as_str().unwrap_or("")
            ),
        ),
        3 => (
            "POST",
            xml,
            form,
            format!(
                "action=sendSMS&fromNumber=%2B18585550100&toNumber=%2B1{}&message=soak+{i}",
                &to[2..]
            ),
        ),
        4 => (
            "POST",
            xml,
            form,
            format!(
                "action=originateCall&legAPhoneNumber=%2B18585550100&legBPhoneNumber=%2B1{}",
                &to[2..]
            ),
        ),
        5 => (
            "POST",
            xml,
            form,
            format!("action=previewChatCall&message=soak+{i}&fromName=Soak&toName=You"),
        ),
        6 => ("GET", "/v4/accounts/1000001".into(), v4, String::new()),
        _ => ("GET", format!("/nowhere/{i}"), String::new(), String::new()),
    }
}

fn soak(sb: &Sandbox, total: usize) -> io::Result<()> {
    let cfg = sb.config();
    let (rss0, _) = memory_kib();
    println!("memory: {total} requests over {CONNECTIONS} keep-alive connections");
    println!("  before: VmRSS {rss0} KiB");
    let started = Instant::now();
    let step = (total / 10).max(1);
    let mut conns = (0..CONNECTIONS)
        .map(|_| Conn::open(sb.port()))
        .collect::<io::Result<Vec<_>>>()?;
    let mut statuses = std::collections::BTreeMap::<u16, usize>::new();
    for start in (0..total).step_by(step) {
        let end = (start + step).min(total);
        let chunks: Vec<Vec<usize>> = (0..CONNECTIONS)
            .map(|c| (start..end).filter(|i| i % CONNECTIONS == c).collect())
            .collect();
        let results = std::thread::scope(|s| {
            let handles: Vec<_> = conns
                .iter_mut()
                .zip(&chunks)
                .map(|(conn, ids)| {
                    let cfg = &cfg;
                    s.spawn(move || {
                        ids.iter()
                            .map(|&i| {
                                let (m, t, h, b) = request(i, cfg);
                                conn.send(m, &t, &h, &b)
                            })
                            .collect::<io::Result<Vec<u16>>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| {
                    h.join()
                        .unwrap_or_else(|_| Err(io::ErrorKind::Other.into()))
                })
                .collect::<io::Result<Vec<_>>>()
        })?;
        for s in results.into_iter().flatten() {
            *statuses.entry(s).or_default() += 1;
        }
        let (rss, hwm) = memory_kib();
        println!(
            "  after {end:>7}: VmRSS {rss} KiB (peak {hwm} KiB), {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }
    let (rss1, hwm1) = memory_kib();
    println!(
        "  growth: {} KiB over {total} requests; peak {hwm1} KiB; statuses {statuses:?}",
        rss1 as i64 - rss0 as i64
    );
    Ok(())
}

fn slowloris(sb: &Sandbox) -> io::Result<()> {
    let token = sb.config()["v4"]["token"]
        .as_str()
        .unwrap_or("")
        .to_string();
    let mut slow = Vec::with_capacity(SLOW);
    for _ in 0..SLOW {
        let mut s = TcpStream::connect(("127.0.0.1", sb.port()))?;
        s.write_all(b"GET /v4/ping HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: 1\r\n")?;
        slow.push(s);
    }
    std::thread::sleep(Duration::from_millis(200));
    let mut times = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        let status = Conn::open(sb.port())?.send(
            "GET",
            "/v4/ping",
            &format!("Authorization: Bearer {token}\r\nConnection: close\r\n"),
            "",
        )?;
        times.push(t.elapsed());
        if status != 200 {
            return Err(io::Error::other(format!("ping answered {status}")));
        }
    }
    times.sort();
    println!(
        "slowloris: {SLOW} slow connections open; a normal request took min {:?}, median {:?}, max {:?}",
        times[0],
        times[times.len() / 2],
        times[times.len() - 1]
    );
    Ok(())
}

fn main() -> io::Result<()> {
    let total = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let sb = Sandbox::start()?;
    soak(&sb, total)?;
    slowloris(&sb)?;
    sb.shutdown();
    Ok(())
}
