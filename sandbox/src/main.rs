//! `phonecom-sandbox [--port N] [--seed N] [--rate-limit] [--exit-on-eof] [--max-workers N]
//! [--max-connections N] [--header-timeout S] [--body-timeout S] [--idle-timeout S] [--quiet]
//! [--log-format text|json]`
//!
//! The limits default to [`phonecom_sandbox::Limits::default`]; timeouts are seconds (decimals
//! allowed, e.g. `0.5`).
//!
//! Prints exactly one JSON line (the client config) on stdout, then serves until killed, or,
//! with `--exit-on-eof`, until stdin reaches end of file. On stderr: the dashboard's URL, then
//! one line per request ([`phonecom_sandbox::console`]); `--quiet` prints neither.

use phonecom_sandbox::console::Format;
use phonecom_sandbox::{Options, Sandbox};
use std::io::{Read, Write};
use std::process::ExitCode;
use std::time::Duration;

const USAGE: &str = "usage: phonecom-sandbox [--port N] [--seed N] [--rate-limit] [--exit-on-eof] \
[--max-workers N] [--max-connections N] [--header-timeout S] [--body-timeout S] [--idle-timeout S] \
[--quiet] [--log-format text|json]";

/// What `--help` prints (on stdout, exit 0).
const HELP: &str = "\
phonecom-sandbox: a local, stateful stand-in for Phone.com's APIs and numbers.online.
Prints one JSON line (a ready client config) on stdout, then serves on 127.0.0.1.

options:
  --port N              port to listen on (default 0: an ephemeral port)
  --seed N              seed of the generated inventory (default 1)
  --rate-limit          answer 429 past the published limits (off by default)
  --exit-on-eof         stop when stdin reaches end of file (for a parent process)
  --max-workers N       request worker threads at most (default 64)
  --max-connections N   open connections at most; the longest waiting is closed (default 512)
  --header-timeout S    seconds for a request's headers to arrive (default 10)
  --body-timeout S      seconds for a body to arrive or an answer to be written (default 30)
  --idle-timeout S      seconds a kept-alive connection may stay idle (default 60)
  --quiet               print nothing on stderr (default: the dashboard URL, then a line per request)
  --log-format F        the request lines as `text` or `json` (one JSON object per line; default text)
  -h, --help            print this help

The dashboard is at http://127.0.0.1:PORT/ (every family's state, the request log, controls).
The admin API (faults, clock, request log, reset) is under /_sandbox/: see the sandbox README.";

/// A count of at least 1 for `flag`.
fn count(flag: &str, text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(format!("{flag} must be a whole number of at least 1")),
    }
}

/// Seconds for `flag`: more than 0 and at most a day, decimals allowed.
fn seconds(flag: &str, text: &str) -> Result<Duration, String> {
    match text.parse::<f64>() {
        Ok(s) if s > 0.0 && s <= 86_400.0 => Ok(Duration::from_secs_f64(s)),
        _ => Err(format!(
            "{flag} must be seconds, more than 0 and at most 86400"
        )),
    }
}

/// The options, or `None` when help was asked for.
fn parse_args() -> Result<Option<(Options, bool)>, String> {
    let mut opts = Options::default();
    let mut exit_on_eof = false;
    let mut quiet = false;
    let mut format = Format::Text;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) => (f.to_string(), Some(v.to_string())),
            None => (a.clone(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or(format!("{name} needs a value"))
        };
        match flag.as_str() {
            "--port" => {
                opts.port = value("--port")?
                    .parse()
                    .map_err(|_| "--port must be 0-65535".to_string())?
            }
            "--seed" => {
                opts.seed = value("--seed")?
                    .parse()
                    .map_err(|_| "--seed must be an unsigned integer".to_string())?
            }
            "--max-workers" => opts.limits.max_workers = count(&flag, &value(&flag)?)?,
            "--max-connections" => opts.limits.max_connections = count(&flag, &value(&flag)?)?,
            "--header-timeout" => opts.limits.header_timeout = seconds(&flag, &value(&flag)?)?,
            "--body-timeout" => opts.limits.body_timeout = seconds(&flag, &value(&flag)?)?,
            "--idle-timeout" => opts.limits.idle_timeout = seconds(&flag, &value(&flag)?)?,
            "--rate-limit" => opts.rate_limit = true,
            "--exit-on-eof" => exit_on_eof = true,
            "--quiet" => quiet = true,
            "--log-format" => {
                format = match value(&flag)?.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    _ => return Err("--log-format must be `text` or `json`".into()),
                }
            }
            "-h" | "--help" => return Ok(None),
            _ => return Err(format!("unknown argument `{a}`")),
        }
    }
    opts.console = (!quiet).then_some(format);
    Ok(Some((opts, exit_on_eof)))
}

fn main() -> ExitCode {
    let (opts, exit_on_eof) = match parse_args() {
        Ok(Some(v)) => v,
        Ok(None) => {
            println!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("phonecom-sandbox: {e}");
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let sandbox = match Sandbox::start_with(opts) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("phonecom-sandbox: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut out = std::io::stdout().lock();
    if writeln!(out, "{}", sandbox.config())
        .and_then(|_| out.flush())
        .is_err()
    {
        return ExitCode::FAILURE;
    }
    drop(out);
    if exit_on_eof {
        let mut sink = [0u8; 4096];
        let mut stdin = std::io::stdin().lock();
        while matches!(stdin.read(&mut sink), Ok(n) if n > 0) {}
        sandbox.shutdown();
        return ExitCode::SUCCESS;
    }
    loop {
        std::thread::park();
    }
}
