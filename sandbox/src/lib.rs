//! # phonecom-sandbox
//!
//! A local, stateful stand-in for the upstream services libphonecom talks to (Phone.com REST
//! v4, the OAuth host of the Express Sign-Up guide, the XML API with its call-control driver,
//! REST v1 and numbers.online), served over real HTTP on loopback, with fault injection and a
//! request log.
//!
//! ```
//! use phonecom_sandbox::{Options, Sandbox};
//! use std::io::{Read, Write};
//!
//! let sb = Sandbox::start_with(Options { seed: 7, ..Options::default() }).unwrap();
//! let cfg = sb.config();
//! assert_eq!(cfg["v4"]["account_id"], 1000001);
//! assert_eq!(cfg["v4"]["base_url"], format!("{}/v4", sb.base_url()));
//!
//! // Any HTTP client works; here, a raw request.
//! let mut s = std::net::TcpStream::connect(("127.0.0.1", sb.port())).unwrap();
//! let token = cfg["v4"]["token"].as_str().unwrap();
//! write!(s, "GET /v4/accounts/1000001 HTTP/1.1\r\nAuthorization: Bearer {token}\r\nConnection: close\r\n\r\n").unwrap();
//! let mut text = String::new();
//! s.read_to_string(&mut text).unwrap();
//! assert!(text.starts_with("HTTP/1.1 200 OK"));
//! sb.shutdown();
//! ```
//!
//! The modules below are public for the sandbox's own families and tests; only [`Sandbox`],
//! [`Options`], [`Builder`] and [`Limits`] are the stable API.

pub mod admin;
pub mod app;
pub mod callcontrol;
pub mod clock;
pub mod console;
pub mod creds;
pub mod errors;
pub mod faults;
pub mod holds;
pub mod http;
pub mod nol;
pub mod oauth;
pub mod options;
pub mod ratelimit;
pub mod record;
pub mod ring;
pub mod rng;
pub mod server;
pub mod service;
pub mod state;
pub mod ui;
pub mod v1;
pub mod v4;
pub mod xml;

pub use options::{Builder, Options};
pub use server::Limits;

use std::net::TcpListener;
use std::sync::Arc;

/// A running sandbox. Dropping it (or [`Sandbox::shutdown`]) stops the server.
pub struct Sandbox {
    app: Arc<app::App>,
    server: server::Server,
}

impl Sandbox {
    /// Starts a sandbox with [`Options::default`] (ephemeral port, seed 1).
    pub fn start() -> std::io::Result<Sandbox> {
        Sandbox::start_with(Options::default())
    }

    /// A [`Builder`]: `Sandbox::builder().seed(7).max_workers(8).start()`.
    pub fn builder() -> Builder {
        Builder::default()
    }

    /// Starts a sandbox on 127.0.0.1.
    pub fn start_with(opts: Options) -> std::io::Result<Sandbox> {
        let listener = TcpListener::bind(("127.0.0.1", opts.port))?;
        let port = listener.local_addr()?.port();
        let mut app = app::App::new(
            opts.seed,
            opts.rate_limit,
            format!("http://127.0.0.1:{port}"),
        );
        if let Some(format) = opts.console {
            let console = console::Console::start(format)?;
            console.write(console::start_line(format, &app.base_url, opts.seed));
            app.console = Some(console);
        }
        let app = Arc::new(app);
        let server = server::Server::start(listener, app.clone(), opts.limits)?;
        Ok(Sandbox { app, server })
    }

    /// `http://127.0.0.1:PORT`.
    pub fn base_url(&self) -> String {
        self.app.base_url.clone()
    }

    /// The bound port.
    pub fn port(&self) -> u16 {
        self.server.addr().port()
    }

    /// The dashboard: `http://127.0.0.1:PORT/`.
    pub fn dashboard_url(&self) -> String {
        format!("{}/", self.app.base_url)
    }

    /// The client config JSON (see the crate README for its shape).
    pub fn config(&self) -> serde_json::Value {
        self.app.config()
    }

    /// Stops the server.
    pub fn shutdown(self) {
        drop(self);
    }
}
