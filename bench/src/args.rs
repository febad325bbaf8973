//! The command line of `phonecom-bench` (see `main.rs`).

/// How to run it.
pub const USAGE: &str = "usage: phonecom-bench raw|core|decode [--config FILE] [--case v4|xml] \
[--file FILE] [--calls N] [--in-flight C]";

/// The parsed command line.
pub struct Args {
    /// `raw`, `core` or `decode`.
    pub client: String,
    /// The client configuration pointing at the static upstream.
    pub config: Option<String>,
    /// `v4` (the list envelope) or `xml` (500-row getCallList).
    pub case: String,
    /// The response bytes the decoder reads.
    pub file: Option<String>,
    /// Timed calls.
    pub calls: u64,
    /// Calls at once (threads sharing one client).
    pub in_flight: u64,
}

impl Args {
    /// Parse `client` then `--name value` pairs.
    pub fn parse(mut it: impl Iterator<Item = String>) -> Result<Args, String> {
        let client = it.next().ok_or("no client named")?;
        let mut args = Args {
            client,
            config: None,
            case: "v4".into(),
            file: None,
            calls: 1000,
            in_flight: 1,
        };
        while let Some(flag) = it.next() {
            let value = it.next().ok_or(format!("{flag} needs a value"))?;
            let number = || {
                value
                    .parse::<u64>()
                    .ok()
                    .filter(|n| *n > 0)
                    .ok_or(format!("{flag} must be a positive integer"))
            };
            match flag.as_str() {
                "--config" => args.config = Some(value),
                "--case" => args.case = value,
                "--file" => args.file = Some(value),
                "--calls" => args.calls = number()?,
                "--in-flight" => args.in_flight = number()?,
                _ => return Err(format!("unknown option {flag}")),
            }
        }
        Ok(args)
    }
}
