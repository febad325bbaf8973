//! # libphonecom
//!
//! One blocking client for Phone.com's partner-facing APIs (REST v4, OAuth and the Express
//! Sign-Up server side, the XML API, REST v1) and numbers.online's onboarding API. Every remote
//! operation is an entry of one [catalog](mod@catalog) and callable by name through
//! [`Client::call`]; the entities of the partner flows also have typed models and methods
//! ([`v4`], [`express`], [`oauth`], [`xml`], [`v1`], [`nol`]). Call control ([`callcontrol`]:
//! parsing Phone.com's requests to the partner's URL, rendering the text/plain commands,
//! routing) needs no network and is plain functions.
//!
//! ```no_run
//! use phonecom::{Client, Config};
//! use serde_json::json;
//! let client = Client::new(Config::from_json(r#"{"v4": {"token": "YOUR_PARTNER_TOKEN", "account_id": 1234}}"#)?)?;
//! let account = client.call("v4.get-account", json!({}))?;
//! println!("{}", account["name"]);
//! // XML API actions are `xml.<action>`; every result is {status, msg, resultDate, clTRID, svTRID, data}.
//! let numbers = client.call("xml.getPhoneNumberList", json!({}))?;
//! println!("{}", numbers["data"]["items"]);
//! # Ok::<(), phonecom::Error>(())
//! ```

mod agent;
mod app_info;
mod attempt_error;
pub mod boundary;
pub mod budget;
pub mod call_options;
pub mod callcontrol;
pub mod catalog;
mod client;
pub mod config;
pub mod config_duration;
pub mod config_file;
pub mod encode;
mod error;
pub mod error_table;
pub mod exchange;
pub mod express;
#[doc(hidden)]
pub mod fuzzing;
mod json_response;
mod log;
pub mod nol;
pub mod oauth;
pub mod pages;
pub mod process;
pub mod progress;
mod proxy;
pub(crate) mod random;
mod registry;
mod resolve;
pub mod retry;
mod secret;
pub mod shared_clients;
mod steady_timeouts;
pub(crate) mod text;
pub mod tls;
mod transport;
mod typed;
pub mod types;
pub mod v1;
pub mod v4;
mod wire;
pub mod xml;

pub use call_options::CallOptions;
pub use client::{Client, ClientBuilder, Response};
pub use config::Config;
pub use error::{Error, ErrorKind, FieldError, Result};
pub use log::{LogEvent, LogEventKind, LogHook};
pub use pages::{Items, Page, Pages};
pub use progress::Progress;
pub use registry::catalog;
pub use secret::{credential_rule, is_secret_name, Redactor, Secret};

/// The library's version (from Cargo.toml).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
