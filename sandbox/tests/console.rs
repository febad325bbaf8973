//! The binary's console: stdout is still exactly the config line; stderr has the dashboard's
//! URL, then one line per request (time, family, method, path, status, ms, fault), secrets
//! masked; `--log-format json` makes them JSON lines; `--quiet` prints nothing. The in-process
//! sandbox is silent unless asked.

mod common;

use phonecom_sandbox::console::Format;
use phonecom_sandbox::{Options, Sandbox};
use serde_json::Value;
use std::io::{BufRead, BufReader, Read};
use std::process::{Child, ChildStderr, Command, Stdio};

struct Running {
    child: Child,
    config: Value,
    stderr: BufReader<ChildStderr>,
}

impl Running {
    fn start(args: &[&str]) -> Running {
        let mut child = Command::new(env!("CARGO_BIN_EXE_phonecom-sandbox"))
            .args(args)
            .arg("--exit-on-eof")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        out.read_line(&mut line).unwrap();
        let config: Value = serde_json::from_str(&line).expect("stdout's first line is the config");
        let mut rest = String::new();
        let stderr = BufReader::new(child.stderr.take().unwrap());
        std::thread::spawn(move || {
            out.read_to_string(&mut rest).unwrap();
            assert!(rest.is_empty(), "nothing but the config on stdout: {rest}");
        });
        Running {
            child,
            config,
            stderr,
        }
    }

    fn port(&self) -> u16 {
        let base = self.config["v4"]["base_url"].as_str().unwrap();
        base.trim_start_matches("http://127.0.0.1:")
            .trim_end_matches("/v4")
            .parse()
            .unwrap()
    }

    fn client(&self) -> common::Client {
        common::Client {
            port: self.port(),
            token: self.config["v4"]["token"].as_str().unwrap().to_string(),
        }
    }

    fn line(&mut self) -> String {
        let mut line = String::new();
        self.stderr.read_line(&mut line).unwrap();
        line.trim_end_matches('\n').to_string()
    }

    /// Closes stdin (the sandbox exits) and returns the rest of stderr.
    fn stop(mut self) -> String {
        drop(self.child.stdin.take());
        let mut rest = String::new();
        self.stderr.read_to_string(&mut rest).unwrap();
        assert!(self.child.wait().unwrap().success());
        rest
    }

    fn secrets(&self) -> Vec<String> {
        let c = &self.config;
        [
            ("v4", "token"),
            ("xml", "password"),
            ("v1", "api_key"),
            ("v1", "password"),
            ("nol", "api_key"),
        ]
        .iter()
        .map(|(a, b)| c[*a][*b].as_str().unwrap().to_string())
        .collect()
    }
}

#[test]
fn one_text_line_per_request_with_secrets_masked() {
    let mut sb = Running::start(&[]);
    let base = sb.config["v4"]["base_url"]
        .as_str()
        .unwrap()
        .trim_end_matches("/v4")
        .to_string();
    assert_eq!(
        sb.line(),
        format!("phonecom-sandbox: dashboard at {base}/ (seed 1); one line per request follows")
    );
    let c = sb.client();
    assert_eq!(c.v4("GET", "/accounts/1000001", None).status, 200);
    let first = sb.line();
    let parts: Vec<&str> = first.split_whitespace().collect();
    assert_eq!(parts.len(), 6, "{first}");
    assert!(parts[0].len() == 24 && parts[0].ends_with('Z'), "{first}");
    assert_eq!(parts[1..5], ["v4", "GET", "/v4/accounts/1000001", "200"]);
    assert!(parts[5].ends_with("ms") && parts[5].trim_end_matches("ms").parse::<u64>().is_ok());

    let password = sb.secrets()[1].clone();
    let xml = format!("/special/xmlapi?action=getAccounts&username=sandbox&password={password}");
    assert_eq!(c.raw("GET", &xml, &[], b"").unwrap().status, 200);
    let second = sb.line();
    assert!(
        second.contains(" xml   GET    /special/xmlapi 200 "),
        "no query string: {second}"
    );

    let r = c
        .raw(
            "GET",
            "/v4/accounts/1000001",
            &[("X-Sandbox-Fault", "status=503")],
            b"",
        )
        .unwrap();
    assert_eq!(r.status, 503);
    assert!(sb.line().ends_with("ms fault=status=503"));
    assert_eq!(c.admin("GET", "/state", None).status, 200);
    assert_eq!(c.raw("GET", "/", &[], b"").unwrap().status, 200);
    let rest = sb.stop();
    assert_eq!(rest, "", "admin requests and the page print nothing");
    for line in [first, second] {
        assert!(line.lines().count() == 1);
    }
}

#[test]
fn json_lines_with_the_same_fields() {
    let mut sb = Running::start(&["--log-format", "json"]);
    let start: Value = serde_json::from_str(&sb.line()).unwrap();
    assert_eq!(start["event"], "start");
    assert_eq!(
        start["dashboard"],
        format!("http://127.0.0.1:{}/", sb.port())
    );
    let c = sb.client();
    let fault = [("X-Sandbox-Fault", "status=429;retry_after=1")];
    assert_eq!(
        c.raw("GET", "/v4/accounts/1000001", &fault, b"")
            .unwrap()
            .status,
        429
    );
    let e: Value = serde_json::from_str(&sb.line()).unwrap();
    assert_eq!(e["family"], "v4");
    assert_eq!(e["method"], "GET");
    assert_eq!(e["path"], "/v4/accounts/1000001");
    assert_eq!(e["status"], 429);
    assert_eq!(e["fault"], "status=429;retry_after=1");
    assert_eq!(e["seq"], 1);
    assert!(e["ms"].is_u64() && e["time"].as_str().unwrap().ends_with('Z'));
    let nol = format!("Bearer {}", sb.secrets()[4]);
    assert_eq!(
        c.raw("GET", "/api/v1/account", &[("Authorization", &nol)], b"")
            .unwrap()
            .status,
        200
    );
    let e: Value = serde_json::from_str(&sb.line()).unwrap();
    assert_eq!(
        (e["family"].as_str(), e["status"].as_u64()),
        (Some("nol"), Some(200))
    );
    let secrets = sb.secrets();
    let rest = sb.stop();
    assert_eq!(rest, "");
    assert!(!e.to_string().contains(&secrets[4]));
}

#[test]
fn quiet_prints_nothing_and_in_process_is_silent_by_default() {
    let sb = Running::start(&["--quiet", "--log-format", "json"]);
    let c = sb.client();
    assert_eq!(c.v4("GET", "/accounts/1000001", None).status, 200);
    assert_eq!(sb.stop(), "");

    assert_eq!(Options::default().console, None);
    assert_eq!(Sandbox::builder().options().console, None);
    assert_eq!(
        Sandbox::builder().console(Format::Json).options().console,
        Some(Format::Json)
    );
}

#[test]
fn a_bad_log_format_is_a_usage_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_phonecom-sandbox"))
        .args(["--log-format", "xml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("--log-format must be `text` or `json`"),
        "{err}"
    );
}
