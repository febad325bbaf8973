//! How to start a sandbox: [`Options`] (plain fields) or the [`Builder`] (one method per knob).
//!
//! ```
//! use phonecom_sandbox::Sandbox;
//! use std::time::Duration;
//!
//! let sb = Sandbox::builder()
//!     .seed(7)
//!     .max_workers(8)
//!     .max_connections(256)
//!     .header_timeout(Duration::from_secs(5))
//!     .start()
//!     .unwrap();
//! assert_eq!(sb.config()["v4"]["account_id"], 1000001);
//! ```

use crate::server::Limits;
use crate::Sandbox;
use std::time::Duration;

/// How to start a sandbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Port on 127.0.0.1; 0 picks a free one.
    pub port: u16,
    /// Seed of every credential, the number inventory and issued tokens.
    pub seed: u64,
    /// Enforce v4 rate limits from the start (also switchable at `POST /_sandbox/rate-limit`).
    pub rate_limit: bool,
    /// Threads, connections and timeouts (see [`Limits`] for the defaults).
    pub limits: Limits,
    /// A line per request on stderr in this format ([`crate::console`]); `None` (the default
    /// in process; the binary's `--quiet`) prints nothing.
    pub console: Option<crate::console::Format>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            port: 0,
            seed: 1,
            rate_limit: false,
            limits: Limits::default(),
            console: None,
        }
    }
}

/// [`Options`] one setting at a time; [`Builder::start`] starts the sandbox.
#[derive(Debug, Clone, Default)]
pub struct Builder {
    opts: Options,
}

impl Builder {
    /// Port on 127.0.0.1 (default 0: a free one).
    pub fn port(mut self, port: u16) -> Self {
        self.opts.port = port;
        self
    }

    /// Seed of credentials, inventory and tokens (default 1).
    pub fn seed(mut self, seed: u64) -> Self {
        self.opts.seed = seed;
        self
    }

    /// Enforce v4 rate limits from the start (default off).
    pub fn rate_limit(mut self, on: bool) -> Self {
        self.opts.rate_limit = on;
        self
    }

    /// [`Limits::max_workers`] (default 64; at least 1).
    pub fn max_workers(mut self, n: usize) -> Self {
        self.opts.limits.max_workers = n.max(1);
        self
    }

    /// [`Limits::max_connections`] (default 512; at least 1).
    pub fn max_connections(mut self, n: usize) -> Self {
        self.opts.limits.max_connections = n.max(1);
        self
    }

    /// [`Limits::header_timeout`] (default 10 s).
    pub fn header_timeout(mut self, t: Duration) -> Self {
        self.opts.limits.header_timeout = t;
        self
    }

    /// [`Limits::body_timeout`] (default 30 s).
    pub fn body_timeout(mut self, t: Duration) -> Self {
        self.opts.limits.body_timeout = t;
        self
    }

    /// [`Limits::idle_timeout`] (default 60 s).
    pub fn idle_timeout(mut self, t: Duration) -> Self {
        self.opts.limits.idle_timeout = t;
        self
    }

    /// A line per request on stderr, and the dashboard URL on start (default: silent).
    pub fn console(mut self, format: crate::console::Format) -> Self {
        self.opts.console = Some(format);
        self
    }

    /// The options built so far.
    pub fn options(&self) -> &Options {
        &self.opts
    }

    /// Starts the sandbox.
    pub fn start(self) -> std::io::Result<Sandbox> {
        Sandbox::start_with(self.opts)
    }
}
