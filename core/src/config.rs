//! Client configuration: a base URL and credentials per family, timeouts, retries, proxy.
//!
//! Load it from a JSON document ([`Config::from_json`]), from the environment
//! ([`Config::from_env`]), or build it in code. Production base URLs are the defaults.
//!
//! ```
//! use phonecom::Config;
//! let cfg = Config::from_json(r#"{"v4": {"token": "tok_123456", "account_id": 1234}}"#).unwrap();
//! assert_eq!(cfg.v4.base_url, "https://api.phone.com/v4");
//! assert_eq!(cfg.v4.account_id, Some(1234));
//! assert!(!format!("{cfg:?}").contains("tok_123456"));
//! ```
//!
//! [`Config::validate`] refuses, naming the field: base URLs that are not `https://` (or `http://`
//! to loopback, or with `allow_insecure_http`); `retry.max_attempts`, `retry.deadline_ms` and
//! timeouts of 0 (every call would fail); credentials (and a proxy password) shorter than 4
//! characters, which could not be masked in errors and logs without mangling ordinary text; a
//! `proxy` that is not a proxy URL (`http://`, `https://` or `socks*://`, then
//! `[user:password@]host[:port]`), without repeating it. `Debug` shows a proxy rebuilt from its
//! parts with the user name and password as `***`, never as written.
//!
//! # Environment variables
//!
//! | variable | meaning |
//! |---|---|
//! | `PHONECOM_CONFIG` | path of a JSON config file (or its JSON text); the variables below override its fields |
//! | `PHONECOM_ENVIRONMENT` | `production` (default) or `dev` (the XML API's dev host) |
//! | `PHONECOM_V4_BASE_URL`, `PHONECOM_V4_TOKEN`, `PHONECOM_V4_ACCOUNT_ID` | REST v4 |
//! | `PHONECOM_OAUTH_BASE_URL`, `PHONECOM_OAUTH_CLIENT_ID`, `PHONECOM_OAUTH_REDIRECT_URI` | OAuth host of Express Sign-Up |
//! | `PHONECOM_XML_BASE_URL`, `PHONECOM_XML_USERNAME`, `PHONECOM_XML_PASSWORD`, `PHONECOM_XML_METHOD` | XML API (`POST` default, or `GET`) |
//! | `PHONECOM_V1_BASE_URL`, `PHONECOM_V1_API_KEY`, `PHONECOM_V1_PASSWORD` | REST v1 |
//! | `PHONECOM_NOL_BASE_URL`, `PHONECOM_NOL_API_KEY`, `PHONECOM_NOL_AUTH` | numbers.online (`bearer` default, or `x-api-key`) |
//! | `PHONECOM_CONNECT_TIMEOUT_MS`, `PHONECOM_ATTEMPT_TIMEOUT_MS` | connect / per-attempt timeouts (`PHONECOM_TIMEOUT_MS`, the old name of the second, still works) |
//! | `PHONECOM_MAX_ATTEMPTS`, `PHONECOM_DEADLINE_MS` | retries and the total deadline of one call |
//! | `PHONECOM_POOL_SIZE` | keep-alive connections kept per client (default 16, 1 to 1024) |
//! | `PHONECOM_PROXY` | proxy URL; otherwise `HTTPS_PROXY`/`HTTP_PROXY`/`ALL_PROXY` with `NO_PROXY` |
//! | `PHONECOM_TLS_CA_FILE` | PEM file of the CA certificates to trust instead of the built-in roots ([`crate::tls`]) |
//! | `PHONECOM_SHARE_ACROSS_CLIENTS` | `0` to give each client its own connection pool, budget and sign-up store ([`Config::share_across_clients`]) |
//! | `PHONECOM_ALLOW_INSECURE_HTTP` | `1` to allow plain `http://` to hosts other than loopback |
//! | `PHONECOM_APP_NAME`, `PHONECOM_APP_VERSION`, `PHONECOM_APP_URL` | your application, added to the User-Agent (`app_info`) |
//! | `PHONECOM_DEBUG_LOG` | `1` to add headers and bodies (masked, cut) to the log hook's request and response events |
//! | `PHONECOM_BUDGET_STORE` | where the rate budget is kept: `memory` (default), `off` or `redis://host:port/db` ([`crate::budget`]) |
//! | `PHONECOM_STATE_KEY` | 32 bytes in base64 encrypting unfinished sign-ups in a Redis store ([`StateConfig`]) |

pub use crate::app_info::AppInfo;
pub use crate::budget::{BudgetConfig, StateConfig};
use crate::call_options::TimeUnit;
use crate::config_duration::setting_ms;
use crate::error::{Error, ErrorKind, Result};
use crate::secret::Secret;
pub use crate::tls::TlsConfig;
use serde::de::{Deserializer, Error as _};
use serde::Deserialize;
use serde_json::{Map, Value};
use std::time::Duration;

/// Production base URL of REST v4.
pub const V4_BASE_URL: &str = "https://api.phone.com/v4";
/// Production OAuth host of the Express Sign-Up guide.
pub const OAUTH_BASE_URL: &str = "https://oauth-api.phone.com";
/// The Express Sign-Up client id used in the guide's token call.
pub const EXPRESS_CLIENT_ID: &str = "6b75f80c-3390-5409-1c05-b9f7bfd778b6";
/// The redirect URI of the guide's token call.
pub const EXPRESS_REDIRECT_URI: &str = "https://express.phone.com";
/// Production XML API endpoint.
pub const XML_BASE_URL: &str = "https://control.phone.com/special/xmlapi";
/// The XML API's documented development endpoint (`environment: "dev"`).
pub const XML_DEV_BASE_URL: &str = "https://dev.tierra.net/special/xmlapi";
/// Production base URL of REST v1.
pub const V1_BASE_URL: &str = "https://v1.api.phone.com";
/// Production base URL of numbers.online.
pub const NOL_BASE_URL: &str = "https://numbers.online";
/// Keep-alive connections a client keeps by default ([`Config::pool_size`]).
pub const DEFAULT_POOL_SIZE: usize = 16;
/// The largest [`Config::pool_size`] accepted.
pub const MAX_POOL_SIZE: usize = 1024;

/// Which set of default base URLs to use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Environment {
    /// Phone.com's and numbers.online's production hosts.
    #[default]
    Production,
    /// Production hosts, but the XML API's documented development host.
    Dev,
    /// Base URLs given explicitly (e.g. the sandbox's config line).
    Sandbox,
}

/// REST v4 settings.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct V4Config {
    /// Base URL, ending in `/v4`.
    pub base_url: String,
    /// The partner's permanent Bearer token.
    #[serde(deserialize_with = "opt_secret")]
    pub token: Option<Secret>,
    /// The partner's account id ("voip_id"); fills `account_id` when a call omits it.
    pub account_id: Option<u64>,
}

/// OAuth host settings (Express Sign-Up's per-user token call).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct OauthConfig {
    /// Base URL of the OAuth host.
    pub base_url: String,
    /// The OAuth client id of the token call.
    pub client_id: String,
    /// The redirect URI sent with the token call.
    pub redirect_uri: String,
}

/// How XML API requests travel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "UPPERCASE")]
pub enum XmlMethod {
    /// Form-encoded POST body: credentials stay out of URLs and access logs (default).
    #[default]
    Post,
    /// Query string GET, as the document's examples show.
    Get,
}

/// XML API settings. The username is masked like the password (it is half of the login), in
/// Debug too.
#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct XmlConfig {
    /// The `/special/xmlapi` endpoint.
    pub base_url: String,
    /// Account username.
    pub username: Option<String>,
    /// Account password.
    #[serde(deserialize_with = "opt_secret")]
    pub password: Option<Secret>,
    /// POST (default) or GET.
    pub method: XmlMethod,
}

impl std::fmt::Debug for XmlConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("XmlConfig")
            .field("base_url", &self.base_url)
            .field("username", &self.username.as_ref().map(|_| "***"))
            .field("password", &self.password)
            .field("method", &self.method)
            .finish()
    }
}

/// REST v1 settings (HTTP Basic with API key and password).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct V1Config {
    /// Base URL.
    pub base_url: String,
    /// The API key (Basic auth user name).
    #[serde(deserialize_with = "opt_secret")]
    pub api_key: Option<Secret>,
    /// The application password.
    #[serde(deserialize_with = "opt_secret")]
    pub password: Option<Secret>,
}

/// How the numbers.online key travels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum NolAuth {
    /// `Authorization: Bearer nol_...` (default).
    #[default]
    Bearer,
    /// `X-API-Key: nol_...`.
    XApiKey,
}

/// numbers.online settings.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct NolConfig {
    /// Base URL (the host; paths start with `/api/v1`).
    pub base_url: String,
    /// The `nol_...` account key.
    #[serde(deserialize_with = "opt_secret")]
    pub api_key: Option<Secret>,
    /// Header used for the key.
    pub auth: NolAuth,
}

/// Timeouts of one HTTP attempt (the whole call's limit is [`RetryConfig::deadline_ms`]).
///
/// `attempt_ms` was called `overall_ms` before; a document that still says `overall_ms` is
/// read as `attempt_ms` (the name misled: it bounds one attempt, not the whole call).
#[derive(Clone, Copy, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Timeouts {
    /// Time to connect (DNS, TCP and TLS), in milliseconds (default 10 000).
    pub connect_ms: u64,
    /// Time one attempt may take, from connecting to the end of the response body, in
    /// milliseconds (default 30 000).
    pub attempt_ms: u64,
}

/// Retry policy: which failures are retried is fixed (connection errors, 408, 409, 429, 5xx,
/// only when repeating is safe); how often and how long is configurable.
#[derive(Clone, Copy, Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RetryConfig {
    /// Attempts in total, first included (default 3; 1 disables retries).
    pub max_attempts: u32,
    /// First backoff in milliseconds (default 250), doubled per attempt, with full jitter.
    pub base_delay_ms: u64,
    /// Backoff cap in milliseconds (default 8 000).
    pub max_delay_ms: u64,
    /// Total deadline of one call, all attempts and waits included (default 60 000; above 0).
    pub deadline_ms: u64,
}

/// Everything a [`Client`](crate::Client) needs. `Debug` masks the credentials, the proxy's
/// included (`http://***@proxy:3128`).
#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields, default = "Config::unresolved")]
pub struct Config {
    /// Default base URLs.
    pub environment: Environment,
    /// REST v4.
    pub v4: V4Config,
    /// OAuth host.
    pub oauth: OauthConfig,
    /// XML API.
    pub xml: XmlConfig,
    /// REST v1.
    pub v1: V1Config,
    /// numbers.online.
    pub nol: NolConfig,
    /// Per-attempt timeouts.
    pub timeouts: Timeouts,
    /// Retries and deadline.
    pub retry: RetryConfig,
    /// Keep-alive connections the client keeps open, overall and per host (default
    /// [`DEFAULT_POOL_SIZE`], from 1 to [`MAX_POOL_SIZE`]): up to this many calls in flight at
    /// once reuse connections; calls beyond it open more, which are closed after their answer.
    pub pool_size: usize,
    /// Proxy URL (`http://`, `socks5://`); `None` reads `HTTPS_PROXY`/`NO_PROXY` from the environment.
    pub proxy: Option<String>,
    /// Allow plain `http://` to hosts other than loopback.
    pub allow_insecure_http: bool,
    /// Log hook events of requests and responses also carry their headers and bodies (masked,
    /// cut at 4 KiB): a debug log of every exchange. Off by default.
    pub debug_log: bool,
    /// Your application, added to the User-Agent (`{"name", "version", "url"}`).
    pub app_info: Option<AppInfo>,
    /// The client-side rate budget: its store and each family's limits ([`crate::budget`]).
    pub budget: BudgetConfig,
    /// The certificate authorities to trust (`{"ca_file": "/etc/corp/ca.pem"}`; default the
    /// built-in roots; see [`crate::tls`]).
    pub tls: TlsConfig,
    /// Clients built in one process from the same configuration share one connection pool, rate
    /// budget and store of unfinished sign-ups (default `true`): a PHP-FPM worker, which builds a
    /// client per request, keeps its connections warm across requests. `false` gives the client
    /// its own (see [`crate::shared_clients`]).
    pub share_across_clients: bool,
    /// The key encrypting what a Redis `budget.store` keeps for unfinished sign-ups
    /// ([`StateConfig`]); required with a Redis store.
    pub state: StateConfig,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("environment", &self.environment)
            .field("v4", &self.v4)
            .field("oauth", &self.oauth)
            .field("xml", &self.xml)
            .field("v1", &self.v1)
            .field("nol", &self.nol)
            .field("timeouts", &self.timeouts)
            .field("retry", &self.retry)
            .field("pool_size", &self.pool_size)
            .field("proxy", &self.proxy.as_deref().map(crate::proxy::shown))
            .field("allow_insecure_http", &self.allow_insecure_http)
            .field("debug_log", &self.debug_log)
            .field("app_info", &self.app_info)
            .field("budget", &self.budget)
            .field("tls", &self.tls)
            .field("share_across_clients", &self.share_across_clients)
            .field("state", &self.state)
            .finish()
    }
}

/// `scheme://user:password@host` as `scheme://***@host` (the URL unchanged without userinfo).
/// Everything up to the last `@` before the query is masked, so a malformed userinfo (a `/` in a
/// password) is masked too; at worst a path holding `@` is over-masked.
fn mask_userinfo(url: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("", url));
    let before_query = rest.split(['?', '#']).next().unwrap_or("");
    match before_query.rfind('@') {
        Some(at) => {
            let sep = if scheme.is_empty() { "" } else { "://" };
            format!("{scheme}{sep}***{}", &rest[at..])
        }
        None => url.to_string(),
    }
}

/// The password of a proxy URL's userinfo, as written and percent-decoded.
pub(crate) fn proxy_password(url: &str) -> Vec<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    let Some((userinfo, _)) = authority.rsplit_once('@') else {
        return Vec::new();
    };
    let Some((_, password)) = userinfo.split_once(':') else {
        return Vec::new();
    };
    let decoded = crate::encode::percent_decode(password, false);
    let mut out = vec![password.to_string()];
    if decoded != password {
        out.push(decoded);
    }
    out
}

impl Default for V4Config {
    fn default() -> Self {
        V4Config {
            base_url: V4_BASE_URL.into(),
            token: None,
            account_id: None,
        }
    }
}
impl Default for OauthConfig {
    fn default() -> Self {
        OauthConfig {
            base_url: OAUTH_BASE_URL.into(),
            client_id: EXPRESS_CLIENT_ID.into(),
            redirect_uri: EXPRESS_REDIRECT_URI.into(),
        }
    }
}
impl Default for XmlConfig {
    fn default() -> Self {
        XmlConfig {
            base_url: String::new(),
            username: None,
            password: None,
            method: XmlMethod::Post,
        }
    }
}
impl Default for V1Config {
    fn default() -> Self {
        V1Config {
            base_url: V1_BASE_URL.into(),
            api_key: None,
            password: None,
        }
    }
}
impl Default for NolConfig {
    fn default() -> Self {
        NolConfig {
            base_url: NOL_BASE_URL.into(),
            api_key: None,
            auth: NolAuth::Bearer,
        }
    }
}
impl Default for Timeouts {
    fn default() -> Self {
        Timeouts {
            connect_ms: 10_000,
            attempt_ms: 30_000,
        }
    }
}
impl Default for RetryConfig {
    fn default() -> Self {
        RetryConfig {
            max_attempts: 3,
            base_delay_ms: 250,
            max_delay_ms: 8_000,
            deadline_ms: 60_000,
        }
    }
}
impl Default for Config {
    fn default() -> Self {
        let mut c = Config::unresolved();
        c.apply_environment_defaults();
        c
    }
}

impl Config {
    /// Defaults before the environment picks the XML host.
    fn unresolved() -> Config {
        Config {
            environment: Environment::Production,
            v4: V4Config::default(),
            oauth: OauthConfig::default(),
            xml: XmlConfig::default(),
            v1: V1Config::default(),
            nol: NolConfig::default(),
            timeouts: Timeouts::default(),
            retry: RetryConfig::default(),
            pool_size: DEFAULT_POOL_SIZE,
            proxy: None,
            allow_insecure_http: false,
            debug_log: false,
            app_info: None,
            budget: BudgetConfig::default(),
            tls: TlsConfig::default(),
            share_across_clients: true,
            state: StateConfig::default(),
        }
    }
}

pub(crate) fn opt_secret<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<Secret>, D::Error> {
    match Option::<Value>::deserialize(d)? {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(Secret::new(s))),
        Some(_) => Err(D::Error::custom("expected a string")),
    }
}

/// `(environment variable, JSON pointer into the config, is a number)`.
const ENV_VARS: &[(&str, &str, bool)] = &[
    ("PHONECOM_ENVIRONMENT", "/environment", false),
    ("PHONECOM_V4_BASE_URL", "/v4/base_url", false),
    ("PHONECOM_V4_TOKEN", "/v4/token", false),
    ("PHONECOM_V4_ACCOUNT_ID", "/v4/account_id", true),
    ("PHONECOM_OAUTH_BASE_URL", "/oauth/base_url", false),
    ("PHONECOM_OAUTH_CLIENT_ID", "/oauth/client_id", false),
    ("PHONECOM_OAUTH_REDIRECT_URI", "/oauth/redirect_uri", false),
    ("PHONECOM_XML_BASE_URL", "/xml/base_url", false),
    ("PHONECOM_XML_USERNAME", "/xml/username", false),
    ("PHONECOM_XML_PASSWORD", "/xml/password", false),
    ("PHONECOM_XML_METHOD", "/xml/method", false),
    ("PHONECOM_V1_BASE_URL", "/v1/base_url", false),
    ("PHONECOM_V1_API_KEY", "/v1/api_key", false),
    ("PHONECOM_V1_PASSWORD", "/v1/password", false),
    ("PHONECOM_NOL_BASE_URL", "/nol/base_url", false),
    ("PHONECOM_NOL_API_KEY", "/nol/api_key", false),
    ("PHONECOM_NOL_AUTH", "/nol/auth", false),
    ("PHONECOM_CONNECT_TIMEOUT_MS", "/timeouts/connect_ms", true),
    ("PHONECOM_TIMEOUT_MS", "/timeouts/attempt_ms", true),
    ("PHONECOM_ATTEMPT_TIMEOUT_MS", "/timeouts/attempt_ms", true),
    ("PHONECOM_MAX_ATTEMPTS", "/retry/max_attempts", true),
    ("PHONECOM_DEADLINE_MS", "/retry/deadline_ms", true),
    ("PHONECOM_POOL_SIZE", "/pool_size", true),
    ("PHONECOM_PROXY", "/proxy", false),
    (
        "PHONECOM_ALLOW_INSECURE_HTTP",
        "/allow_insecure_http",
        false,
    ),
    ("PHONECOM_DEBUG_LOG", "/debug_log", false),
    ("PHONECOM_APP_NAME", "/app_info/name", false),
    ("PHONECOM_APP_VERSION", "/app_info/version", false),
    ("PHONECOM_APP_URL", "/app_info/url", false),
    ("PHONECOM_BUDGET_STORE", "/budget/store", false),
    ("PHONECOM_TLS_CA_FILE", "/tls/ca_file", false),
    (
        "PHONECOM_SHARE_ACROSS_CLIENTS",
        "/share_across_clients",
        false,
    ),
    ("PHONECOM_STATE_KEY", "/state/key", false),
];

impl Config {
    /// Parse a JSON configuration document; unknown keys are refused (they are usually typos).
    pub fn from_json(text: &str) -> Result<Config> {
        let value: Value = serde_json::from_str(text)
            .map_err(|e| config_error(format!("config is not valid JSON: {e}")))?;
        Config::from_value(value)
    }

    /// Build from an already parsed JSON document.
    pub fn from_value(mut value: Value) -> Result<Config> {
        if !value.is_object() {
            return Err(config_error("config must be a JSON object".into()));
        }
        rename_old_keys(&mut value);
        let mut cfg: Config =
            serde_json::from_value(value).map_err(|e| config_error(format!("config: {e}")))?;
        cfg.apply_environment_defaults();
        cfg.validate()?;
        Ok(cfg)
    }

    /// Read `PHONECOM_CONFIG` (a JSON config file) and the `PHONECOM_*` environment variables
    /// over it (see the module docs). With nothing set, the production defaults without
    /// credentials: calls that need one then say that no credentials were configured.
    pub fn from_env() -> Result<Config> {
        Config::from_lookup(|k| std::env::var(k).ok())
    }

    /// Like [`Config::from_env`], with variables from `lookup` (handy in tests).
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Config> {
        Config::from_value(Config::lookup_document(lookup)?)
    }

    /// The `PHONECOM_CONFIG` file with the `PHONECOM_*` environment variables over it, as a JSON
    /// configuration document (only the keys that are set), for callers that merge their own overrides before
    /// [`Config::from_value`], as the language bindings do.
    ///
    /// ```
    /// let mut doc = phonecom::Config::env_document().unwrap();
    /// doc["timeouts"] = serde_json::json!({"attempt_ms": 5000});
    /// let cfg = phonecom::Config::from_value(doc).unwrap();
    /// assert_eq!(cfg.timeouts.attempt_ms, 5000);
    /// ```
    pub fn env_document() -> Result<Value> {
        Config::lookup_document(|k| std::env::var(k).ok())
    }

    fn lookup_document(lookup: impl Fn(&str) -> Option<String>) -> Result<Value> {
        let mut doc = crate::config_file::base_document(&lookup)?;
        for (var, pointer, numeric) in ENV_VARS {
            let Some(raw) = lookup(var).filter(|v| !v.is_empty()) else {
                continue;
            };
            let value =
                if *numeric {
                    Value::from(raw.trim().parse::<u64>().map_err(|_| {
                        config_error(format!("{var} must be a non-negative integer"))
                    })?)
                } else if *pointer == "/allow_insecure_http" || *pointer == "/debug_log" {
                    Value::Bool(matches!(raw.as_str(), "1" | "true" | "yes"))
                } else if *pointer == "/share_across_clients" {
                    Value::Bool(!matches!(raw.as_str(), "0" | "false" | "no"))
                } else if *pointer == "/environment" || *pointer == "/nol/auth" {
                    Value::String(raw.to_ascii_lowercase())
                } else if *pointer == "/xml/method" {
                    Value::String(raw.to_ascii_uppercase())
                } else {
                    Value::String(raw)
                };
            set_pointer(&mut doc, pointer, value);
        }
        Ok(doc)
    }

    fn apply_environment_defaults(&mut self) {
        if self.xml.base_url.is_empty() {
            self.xml.base_url = match self.environment {
                Environment::Dev => XML_DEV_BASE_URL.into(),
                _ => XML_BASE_URL.into(),
            };
        }
    }

    /// Check base URLs (https, or http to loopback / when allowed) and limits.
    pub fn validate(&self) -> Result<()> {
        for (family, url) in [
            ("v4", &self.v4.base_url),
            ("oauth", &self.oauth.base_url),
            ("xml", &self.xml.base_url),
            ("v1", &self.v1.base_url),
            ("nol", &self.nol.base_url),
        ] {
            check_base_url(family, url, self.allow_insecure_http)?;
        }
        if self.retry.max_attempts == 0 {
            return Err(field_error("retry.max_attempts", "must be at least 1"));
        }
        for (setting, ms) in [
            ("timeouts.connect_ms", self.timeouts.connect_ms),
            ("timeouts.attempt_ms", self.timeouts.attempt_ms),
            ("retry.deadline_ms", self.retry.deadline_ms),
            ("retry.base_delay_ms", self.retry.base_delay_ms),
            ("retry.max_delay_ms", self.retry.max_delay_ms),
        ] {
            setting_ms(setting, setting, ms as f64, TimeUnit::Millis)?;
        }
        if !(1..=MAX_POOL_SIZE).contains(&self.pool_size) {
            return Err(field_error(
                "pool_size",
                &format!("must be from 1 to {MAX_POOL_SIZE} (got {})", self.pool_size),
            ));
        }
        if let Some(proxy) = &self.proxy {
            crate::proxy::parse(proxy).map_err(|rule| field_error("proxy", rule))?;
        }
        if let Some(app) = &self.app_info {
            app.validate()?;
        }
        self.budget.validate()?;
        self.state.validate(&self.budget)?;
        self.check_header_credentials(None)?;
        let min = crate::secret::MIN_SECRET_LEN;
        for (field, len) in self.credential_lengths() {
            if (1..min).contains(&len) {
                let what = if field == "proxy" {
                    "its password "
                } else {
                    ""
                };
                return Err(field_error(
                    field,
                    &format!("{what}must be at least {min} characters (a shorter value could not be masked in errors and logs)"),
                ));
            }
        }
        Ok(())
    }

    /// Refuse credentials sent in a header (`v4.token`, `nol.api_key`) that are not visible
    /// ASCII: they could never be sent, and a half-built request must not pass for a network
    /// failure. `None` checks every family's (at build); `Some(family)` that family's alone
    /// (every call, before sending). [`Client::with_v4_token`](crate::Client::with_v4_token)
    /// and [`Client::with_nol_key`](crate::Client::with_nol_key) check their own credential
    /// when they derive the client. The error names the field, never the value.
    pub(crate) fn check_header_credentials(&self, family: Option<&str>) -> Result<()> {
        for (fam, field, value) in [
            ("v4", "v4.token", &self.v4.token),
            ("nol", "nol.api_key", &self.nol.api_key),
        ] {
            if family.is_some_and(|f| f != fam) {
                continue;
            }
            let Some(value) = value else { continue };
            if !value.expose().bytes().all(|b| b.is_ascii_graphic()) {
                return Err(field_error(
                    field,
                    "must be visible ASCII (no spaces, control or non-ASCII characters): it is sent in an HTTP header",
                ));
            }
        }
        Ok(())
    }

    /// Whether any family's credentials (or the v4 account id) are configured; with none, a
    /// call that needs one says that nothing was configured.
    pub(crate) fn has_credentials(&self) -> bool {
        self.credential_lengths()
            .iter()
            .any(|(field, len)| *field != "proxy" && *len > 0)
            || self.xml.username.as_deref().is_some_and(|u| !u.is_empty())
            || self.v4.account_id.is_some()
    }

    /// The length of each configured credential (0 when unset), by field name.
    fn credential_lengths(&self) -> [(&'static str, usize); 6] {
        let len = |s: &Option<Secret>| s.as_ref().map_or(0, |s| s.expose().len());
        let proxy = self
            .proxy
            .as_deref()
            .and_then(|p| proxy_password(p).into_iter().last())
            .map_or(0, |p| p.len());
        [
            ("v4.token", len(&self.v4.token)),
            ("xml.password", len(&self.xml.password)),
            ("v1.api_key", len(&self.v1.api_key)),
            ("v1.password", len(&self.v1.password)),
            ("nol.api_key", len(&self.nol.api_key)),
            ("proxy", proxy),
        ]
    }

    /// Every secret value of the config (for the redactor): the credentials, REST v1's Basic
    /// pair as sent, and the proxy's password. The XML username is not masked by value (it is an
    /// ordinary word, `sandbox` in the sandbox, that would be masked inside unrelated text such as
    /// URLs); XML calls mask `username=` values by name instead, as DESIGN.md asks.
    pub(crate) fn secret_values(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        out.extend(
            [
                self.v4.token.as_ref(),
                self.xml.password.as_ref(),
                self.v1.api_key.as_ref(),
                self.v1.password.as_ref(),
                self.nol.api_key.as_ref(),
                self.state.key.as_ref(),
            ]
            .into_iter()
            .flatten()
            .map(|s| s.expose().to_string()),
        );
        if let (Some(k), Some(p)) = (&self.v1.api_key, &self.v1.password) {
            out.push(crate::encode::base64_encode(
                format!("{}:{}", k.expose(), p.expose()).as_bytes(),
            ));
        }
        if let Some(proxy) = &self.proxy {
            out.extend(proxy_password(proxy));
        }
        if let Some(redis) = self.budget.redis_url() {
            out.extend(proxy_password(redis));
        }
        out
    }

    /// Each family's base URL and whether its credentials are set, never a secret: what the
    /// bindings' `repr(client)` / `util.inspect(client)` show.
    ///
    /// ```
    /// let c = phonecom::Config::from_json(r#"{"v4": {"token": "tok_secret_1", "account_id": 7}}"#).unwrap();
    /// let s = c.summary();
    /// assert_eq!(s["v4"]["base_url"], "https://api.phone.com/v4");
    /// assert_eq!((s["v4"]["credentials"].as_bool(), s["v4"]["account_id"].as_u64()), (Some(true), Some(7)));
    /// assert_eq!(s["xml"]["credentials"], false);
    /// assert!(!s.to_string().contains("tok_secret_1"));
    /// ```
    pub fn summary(&self) -> Value {
        let set = |s: &Option<Secret>| s.as_ref().is_some_and(|s| !s.is_empty());
        let xml_login = self.xml.username.as_deref().is_some_and(|u| !u.is_empty());
        serde_json::json!({
            "v4": {"base_url": self.v4.base_url, "credentials": set(&self.v4.token), "account_id": self.v4.account_id},
            "oauth": {"base_url": self.oauth.base_url},
            "xml": {"base_url": self.xml.base_url, "credentials": xml_login && set(&self.xml.password)},
            "v1": {"base_url": self.v1.base_url, "credentials": set(&self.v1.api_key) && set(&self.v1.password)},
            "nol": {"base_url": self.nol.base_url, "credentials": set(&self.nol.api_key)},
        })
    }

    /// What identifies the account of `family`'s calls to the rate budget: its credential (the
    /// budget keeps only a hash of it); empty for a family without one.
    pub(crate) fn budget_principal(&self, family: &str) -> &str {
        fn secret(s: &Option<Secret>) -> &str {
            s.as_ref().map_or("", |s| s.expose())
        }
        match family {
            "v4" => secret(&self.v4.token),
            "nol" => secret(&self.nol.api_key),
            "v1" => secret(&self.v1.api_key),
            "xml" => self.xml.username.as_deref().unwrap_or(""),
            "oauth" => &self.oauth.client_id,
            _ => "",
        }
    }

    /// Connect timeout.
    pub fn connect_timeout(&self) -> Duration {
        Duration::from_millis(self.timeouts.connect_ms)
    }
    /// Per-attempt timeout.
    pub fn attempt_timeout(&self) -> Duration {
        Duration::from_millis(self.timeouts.attempt_ms)
    }
}

/// Keys renamed since they were published, read under their new name: `timeouts.overall_ms` is
/// `timeouts.attempt_ms` (a document that has both keeps `attempt_ms`).
pub(crate) fn rename_old_keys(doc: &mut Value) {
    if let Some(timeouts) = doc.get_mut("timeouts").and_then(Value::as_object_mut) {
        if let Some(old) = timeouts.remove("overall_ms") {
            timeouts.entry("attempt_ms").or_insert(old);
        }
    }
}

fn set_pointer(doc: &mut Value, pointer: &str, value: Value) {
    let mut cur = doc;
    let parts: Vec<&str> = pointer.trim_start_matches('/').split('/').collect();
    for (i, part) in parts.iter().enumerate() {
        // A variable wins over a file's non-object value at the same place (`"v4": 5`).
        if !cur.is_object() {
            *cur = Value::Object(Map::new());
        }
        let Some(obj) = cur.as_object_mut() else {
            return;
        };
        if i + 1 == parts.len() {
            obj.insert(part.to_string(), value);
            return;
        }
        cur = obj
            .entry(part.to_string())
            .or_insert_with(|| Value::Object(Map::new()));
    }
}

fn check_base_url(family: &str, url: &str, allow_http: bool) -> Result<()> {
    let rest = if let Some(r) = url.strip_prefix("https://") {
        r
    } else if let Some(r) = url.strip_prefix("http://") {
        let host = host_of(r);
        if !(allow_http || is_loopback(host)) {
            return Err(config_error(format!(
                "{family}.base_url: plain http:// is only allowed to loopback hosts unless allow_insecure_http is set (got host `{host}`)"
            )));
        }
        r
    } else {
        return Err(config_error(format!(
            "{family}.base_url must start with https:// (got `{}`)",
            mask_userinfo(url)
        )));
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if authority.contains('@') {
        return Err(field_error(
            &format!("{family}.base_url"),
            "must not hold a user name or password (`user:pw@host`); put credentials in the credential fields",
        ));
    }
    if host_of(rest).is_empty() {
        return Err(config_error(format!("{family}.base_url has no host")));
    }
    Ok(())
}

fn host_of(after_scheme: &str) -> &str {
    let authority = after_scheme.split(['/', '?', '#']).next().unwrap_or("");
    let authority = authority.rsplit('@').next().unwrap_or(authority);
    if let Some(v6) = authority.strip_prefix('[') {
        return v6.split(']').next().unwrap_or("");
    }
    authority.split(':').next().unwrap_or("")
}

/// Whether a host name is the local machine.
pub(crate) fn is_loopback(host: &str) -> bool {
    host == "localhost" || host == "::1" || host.starts_with("127.")
}

fn config_error(message: String) -> Error {
    Error::new(ErrorKind::Validation, message).with_family("config")
}

/// A refused setting, naming the field (`retry.deadline_ms`) and the rule.
fn field_error(field: &str, rule: &str) -> Error {
    Error::validation("", field, rule).with_family("config")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn durations_follow_one_rule_naming_the_setting() {
        for (doc, field) in [
            (r#"{"timeouts":{"connect_ms":0}}"#, "timeouts.connect_ms"),
            (
                r#"{"timeouts":{"attempt_ms":86400001}}"#,
                "timeouts.attempt_ms",
            ),
            (
                r#"{"retry":{"max_delay_ms":86400001}}"#,
                "retry.max_delay_ms",
            ),
        ] {
            let e = Config::from_json(doc).unwrap_err();
            assert_eq!(e.fields()[0].field, field, "{doc}: {e}");
        }
        let c =
            Config::from_json(r#"{"retry":{"base_delay_ms":0,"deadline_ms":86400000}}"#).unwrap();
        assert_eq!(
            (c.retry.base_delay_ms, c.retry.deadline_ms),
            (0, 86_400_000)
        );
    }

    #[test]
    fn production_defaults() {
        let c = Config::default();
        assert_eq!(c.v4.base_url, V4_BASE_URL);
        assert_eq!(c.xml.base_url, XML_BASE_URL);
        assert_eq!(c.v1.base_url, V1_BASE_URL);
        assert_eq!(c.nol.base_url, NOL_BASE_URL);
        assert_eq!(c.oauth.base_url, OAUTH_BASE_URL);
    }

    #[test]
    fn proxy_userinfo_is_masked_and_its_password_registered() {
        assert_eq!(
            mask_userinfo("http://u:p%40w@proxy.corp:3128/x?a@b"),
            "http://***@proxy.corp:3128/x?a@b"
        );
        assert_eq!(mask_userinfo("socks5://proxy:1080"), "socks5://proxy:1080");
        assert_eq!(
            proxy_password("http://u:p%40wxyz@h:1"),
            ["p%40wxyz", "p@wxyz"]
        );
        assert!(proxy_password("http://u@h:1/p:q@r").is_empty());
        let c = Config::from_json(r#"{"proxy": "http://u:Secret-pw-1@127.0.0.1:9"}"#).unwrap();
        assert!(c.secret_values().contains(&"Secret-pw-1".to_string()));
        assert!(!format!("{c:?}").contains("Secret-pw-1"));
        // A malformed userinfo (a `/` in the password) is masked too.
        assert_eq!(mask_userinfo("ftp://u:Pw/1@h/x"), "ftp://***@h/x");
    }

    #[test]
    fn a_malformed_proxy_is_refused_by_name_and_never_shown() {
        for bad in [
            "http://u:Proxy-Pw-1/x@h:1",
            "http://u:Proxy-Pw-1@h:1/path?q",
            "ftp://u:Proxy-Pw-1@h:1",
            "http://u:Proxy Pw-1@h:1",
        ] {
            let doc = serde_json::json!({ "proxy": bad });
            let e = Config::from_value(doc).unwrap_err();
            let shown = format!("{e}\n{e:?}\n{}", e.to_json());
            assert_eq!(e.kind(), ErrorKind::Validation, "{shown}");
            assert!(
                shown.contains("proxy") && shown.contains("socks5://"),
                "{shown}"
            );
            assert!(
                !shown.contains("Proxy-Pw-1") && !shown.contains("Proxy Pw"),
                "{shown}"
            );
            let c = Config {
                proxy: Some(bad.to_string()),
                ..Config::default()
            };
            let debug = format!("{c:?}");
            assert!(
                !debug.contains("Proxy-Pw") && !debug.contains("Proxy Pw"),
                "{debug}"
            );
        }
    }

    #[test]
    fn pool_size_defaults_to_16_is_set_by_document_or_variable_and_bounded() {
        assert_eq!(
            Config::from_json("{}").unwrap().pool_size,
            DEFAULT_POOL_SIZE
        );
        assert_eq!(
            Config::from_json(r#"{"pool_size": 64}"#).unwrap().pool_size,
            64
        );
        let vars = HashMap::from([("PHONECOM_POOL_SIZE", "48")]);
        let cfg = Config::from_lookup(|k| vars.get(k).map(|v| v.to_string())).unwrap();
        assert_eq!(cfg.pool_size, 48);
        for bad in [0, MAX_POOL_SIZE + 1] {
            let e = Config::from_value(serde_json::json!({ "pool_size": bad })).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::Validation);
            assert!(e.to_string().contains("pool_size"), "{e}");
            assert!(e.to_string().contains("from 1 to 1024"), "{e}");
        }
    }

    #[test]
    fn base_urls_with_userinfo_are_refused_without_showing_it() {
        for url in [
            "http://user:Base-Url-Pw-1@127.0.0.1:9/v4",
            "https://user:Base-Url-Pw-1@api.example.com/v4",
            "ftp://user:Base-Url-Pw-1@api.example.com/v4",
        ] {
            let doc = serde_json::json!({ "v4": { "base_url": url } });
            let e = Config::from_value(doc).unwrap_err();
            let shown = format!("{e}\n{e:?}\n{}", e.to_json());
            assert!(shown.contains("v4.base_url"), "{shown}");
            assert!(!shown.contains("Base-Url-Pw-1"), "{shown}");
        }
        // An `@` after the authority (a path or query) is not userinfo.
        assert!(Config::from_json(r#"{"v4":{"base_url":"http://127.0.0.1:9/v4?a@b"}}"#).is_ok());
    }

    #[test]
    fn header_credentials_must_be_visible_ascii() {
        for (doc, field) in [
            (
                r#"{"v4":{"token":"\u00e9t\u00e9e-token-1234"}}"#,
                "v4.token",
            ),
            (r#"{"v4":{"token":"tok en-1234"}}"#, "v4.token"),
            (r#"{"nol":{"api_key":"nol_key\n1234"}}"#, "nol.api_key"),
        ] {
            let e = Config::from_json(doc).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::Validation, "{e}");
            assert!(e.to_string().contains(field), "{e}");
            assert!(!e.to_string().contains("1234"), "{e}");
        }
        assert!(Config::from_json(r#"{"v4":{"token":"tok_1234-._~+/="}}"#).is_ok());
    }

    #[test]
    fn the_xml_username_is_hidden_in_debug_and_masked_by_name_only() {
        let c = Config::from_json(r#"{"xml":{"username":"xml-login-77","password":"pw-1234"}}"#)
            .unwrap();
        assert!(!c.secret_values().contains(&"xml-login-77".to_string()));
        assert!(!format!("{c:?}").contains("xml-login-77"));
    }

    #[test]
    fn the_old_name_of_the_attempt_timeout_is_still_read() {
        let c = Config::from_json(r#"{"timeouts":{"overall_ms":1234}}"#).unwrap();
        assert_eq!(c.timeouts.attempt_ms, 1234);
        let both = r#"{"timeouts":{"overall_ms":1,"attempt_ms":2500}}"#;
        assert_eq!(Config::from_json(both).unwrap().timeouts.attempt_ms, 2500);
        let e = Config::from_json(r#"{"timeouts":{"overall_ms":0}}"#).unwrap_err();
        assert!(e.to_string().contains("timeouts.attempt_ms"), "{e}");
        let env = Config::from_lookup(|k| {
            (k == "PHONECOM_ATTEMPT_TIMEOUT_MS").then(|| "700".to_string())
        });
        assert_eq!(env.unwrap().timeouts.attempt_ms, 700);
    }

    #[test]
    fn dev_environment_switches_the_xml_host() {
        let c = Config::from_json(r#"{"environment":"dev"}"#).unwrap();
        assert_eq!(c.xml.base_url, XML_DEV_BASE_URL);
    }

    #[test]
    fn unknown_keys_and_insecure_urls_are_refused() {
        let e = Config::from_json(r#"{"v4":{"tokn":"x"}}"#).unwrap_err();
        assert!(e.to_string().contains("tokn"), "{e}");
        let e =
            Config::from_json(r#"{"v4":{"base_url":"http://api.example.com/v4"}}"#).unwrap_err();
        assert!(e.to_string().contains("loopback"), "{e}");
        assert!(Config::from_json(r#"{"v4":{"base_url":"http://127.0.0.1:9/v4"}}"#).is_ok());
    }

    #[test]
    fn environment_variables_fill_the_same_fields() {
        let vars: HashMap<&str, &str> = [
            ("PHONECOM_V4_TOKEN", "tok_abcdef"),
            ("PHONECOM_V4_ACCOUNT_ID", "42"),
            ("PHONECOM_XML_METHOD", "get"),
            ("PHONECOM_NOL_AUTH", "x-api-key"),
            ("PHONECOM_TIMEOUT_MS", "1500"),
        ]
        .into_iter()
        .collect();
        let c = Config::from_lookup(|k| vars.get(k).map(|v| v.to_string())).unwrap();
        assert_eq!(c.v4.token.as_ref().unwrap().expose(), "tok_abcdef");
        assert_eq!(c.v4.account_id, Some(42));
        assert_eq!(c.xml.method, XmlMethod::Get);
        assert_eq!(c.nol.auth, NolAuth::XApiKey);
        assert_eq!(c.timeouts.attempt_ms, 1500);
        let bad =
            Config::from_lookup(|k| (k == "PHONECOM_V4_ACCOUNT_ID").then(|| "abc".to_string()));
        assert!(bad
            .unwrap_err()
            .to_string()
            .contains("PHONECOM_V4_ACCOUNT_ID"));
    }
}
