//! The [`Client`]: one per application, shared across threads.
//!
//! ```no_run
//! use phonecom::{Client, Config};
//! use serde_json::json;
//! let client = Client::new(Config::from_env()?)?;
//! // Any catalog operation by its canonical name; account_id defaults to the configured one.
//! let numbers = client.call("v4.list-available-phone-numbers", json!({
//!     "filters": {"npa": "eq:858", "price": "lt:149"},
//!     "sort": {"price": "asc"},
//!     "limit": 10,
//! }))?;
//! # Ok::<(), phonecom::Error>(())
//! ```

use crate::catalog::{validate_params, Operation};
use crate::config::Config;
use crate::error::{Error, ErrorKind, Result};
use crate::exchange::{CallMask, LazyHeaders};
use crate::log::{LogEvent, LogHook};
use crate::registry::{self, Flow, Runs};
use crate::secret::{Secret, SecretSet};
use crate::shared_clients::Shared;
use crate::transport::{Call, CallOptions, HttpRequest, Transport};
use crate::wire::Wire;
use serde_json::{Map, Value};
use std::sync::Arc;

/// A successful call with its metadata and the raw exchange (see [`crate::exchange`]).
///
/// `headers` and `body` are those of the response that ended the call (the last attempt's).
/// The composed flows (`express.*`) make several requests and have neither: both are empty.
#[derive(Clone)]
pub struct Response {
    /// The decoded result.
    pub data: Value,
    /// HTTP status.
    pub status: u16,
    /// The request id (the upstream's when it sent one, else the library's).
    pub request_id: String,
    /// Attempts made.
    pub attempts: u32,
    /// Response headers (read with [`Response::headers`]), masked when first read.
    headers: LazyHeaders,
    /// The response body as received, as text (bytes that are not UTF-8 become U+FFFD), at most
    /// [`RESPONSE_BODY_LIMIT`](crate::exchange::RESPONSE_BODY_LIMIT) bytes.
    pub body: String,
    /// Whether `body` was cut at the limit (`data` is decoded from the whole body regardless).
    pub body_truncated: bool,
}

impl Response {
    /// Response headers in the order received, names lower-cased, masked the way log events are
    /// (`authorization`, `set-cookie`, `x-api-key` as `***`; the client's secrets as `***`).
    /// Masked on the first read (a call whose headers nobody reads never pays for it).
    pub fn headers(&self) -> &[(String, String)] {
        self.headers.get()
    }

    /// The first header called `name` (case-insensitive), e.g. `resp.header("RateLimit-Remaining")`.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers()
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// A result with no exchange of its own (a composed flow's).
    fn composed(data: Value) -> Response {
        Response {
            data,
            status: 200,
            request_id: String::new(),
            attempts: 1,
            headers: LazyHeaders::default(),
            body: String::new(),
            body_truncated: false,
        }
    }
}

/// `Debug` shows the body with secret-named members and pairs masked (a token response's
/// `access_token`), as errors do.
impl std::fmt::Debug for Response {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Response")
            .field("status", &self.status)
            .field("request_id", &self.request_id)
            .field("attempts", &self.attempts)
            .field("headers", &self.headers())
            .field("body", &crate::secret::mask_named(&self.body))
            .field("body_truncated", &self.body_truncated)
            .field("data", &crate::secret::mask_named(&self.data.to_string()))
            .finish()
    }
}

/// A call checked and ready to run: one HTTP request, or a composed flow's checked parameters.
pub(crate) enum Prepared {
    /// The request, and the wire that decodes its response.
    Request(&'static dyn Wire, HttpRequest),
    /// The flow, and its parameters.
    Flow(Flow, Map<String, Value>),
}

/// A thread-safe client for every family. Cloning is cheap and shares the connection pool.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    config: Config,
    transport: Arc<Transport>,
    /// This client's secrets, layered over those of the client it was derived from.
    secrets: Arc<SecretSet>,
    /// The connection pool, rate budget (one account's calls are paced together) and unfinished
    /// sign-ups, shared with derived clients and with the other clients of this configuration
    /// in this process ([`crate::shared_clients`]).
    shared: Arc<Shared>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("config", &self.inner.config)
            .field("secrets", &self.inner.secrets)
            .finish()
    }
}

/// Builds a [`Client`] with a binding name and a log hook.
pub struct ClientBuilder {
    config: Config,
    binding: String,
    log: Option<LogHook>,
}

impl ClientBuilder {
    /// Name the language binding in the User-Agent (`python`, `node`, `c`, `php`).
    pub fn binding(mut self, name: &str) -> ClientBuilder {
        self.binding = name.to_string();
        self
    }
    /// Receive request/response events, secrets masked.
    pub fn log_hook(mut self, hook: impl Fn(&LogEvent) + Send + Sync + 'static) -> ClientBuilder {
        self.log = Some(Arc::new(hook));
        self
    }
    /// Use an already shared hook.
    pub fn log_hook_arc(mut self, hook: LogHook) -> ClientBuilder {
        self.log = Some(hook);
        self
    }
    /// Build the client (validates the configuration; takes the connection pool, budget and
    /// sign-up store of this configuration in this process, see [`crate::shared_clients`]).
    pub fn build(self) -> Result<Client> {
        self.config.validate()?;
        check_binding(&self.binding)?;
        let shared = Shared::for_config(&self.config, &self.binding)?;
        let transport = Transport::new(&self.config, shared.clone(), self.log);
        let mut values = self.config.secret_values();
        // The proxy may come from the environment (HTTPS_PROXY) rather than the config.
        values.extend(shared.proxy_password().map(str::to_string));
        let secrets = SecretSet::new(values.iter().map(String::as_str), None);
        Ok(Client {
            inner: Arc::new(Inner {
                config: self.config,
                transport: Arc::new(transport),
                secrets: Arc::new(secrets),
                shared,
            }),
        })
    }
}

/// Refuse a credential handed to a derived client that [`crate::credential_rule`] refuses,
/// naming `field` (never the value).
fn check_credential(operation: &str, field: &str, value: &Secret) -> Result<()> {
    match crate::secret::credential_rule(value.expose()) {
        Some(rule) => Err(Error::validation(operation, field, &rule)),
        None => Ok(()),
    }
}

/// The binding name goes into the User-Agent header: refuse what would make it invalid (a line
/// break would otherwise fail every request) or unreadable.
fn check_binding(name: &str) -> Result<()> {
    let ok = (1..=32).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    if ok {
        Ok(())
    } else {
        Err(Error::validation(
            "",
            "binding",
            "must be 1 to 32 ASCII letters, digits, `-`, `_` or `.`",
        )
        .with_family("config"))
    }
}

impl Client {
    /// A client for `config`.
    pub fn new(config: Config) -> Result<Client> {
        Client::builder(config).build()
    }

    /// A client from the `PHONECOM_*` environment variables.
    pub fn from_env() -> Result<Client> {
        Client::new(Config::from_env()?)
    }

    /// A client from a JSON configuration document (e.g. the sandbox's config line).
    pub fn from_json(config: &str) -> Result<Client> {
        Client::new(Config::from_json(config)?)
    }

    /// A client from a JSON configuration file (e.g. the sandbox's config line saved to a
    /// file); see [`Config::from_file`].
    pub fn from_file(path: impl AsRef<std::path::Path>) -> Result<Client> {
        Client::new(Config::from_file(path)?)
    }

    /// A builder, to set the binding name or a log hook.
    pub fn builder(config: Config) -> ClientBuilder {
        ClientBuilder {
            config,
            binding: "rust".into(),
            log: None,
        }
    }

    /// The configuration in use.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// The User-Agent sent on every request.
    pub fn user_agent(&self) -> &str {
        self.inner.transport.user_agent()
    }

    /// A client acting with another v4 Bearer token (e.g. a portal user's token from
    /// [`oauth`](crate::oauth)), sharing this client's connection pool. `account_id` becomes
    /// the default account of the new client when given.
    ///
    /// The token is checked first ([`credential_rule`](crate::credential_rule)): an empty,
    /// too-short (under 4 characters, it could not be masked) or non-visible-ASCII token is a
    /// validation error naming `token`. It is masked in the new client's errors and logs (with
    /// every secret of this client); it is kept by the new client only, and forgotten when that
    /// client is dropped, so deriving a client per request does not grow this one.
    ///
    /// ```
    /// use phonecom::{Client, Config, Secret};
    /// let client = Client::new(Config::default())?;
    /// let user = client.with_v4_token(Secret::new("user-token-abcdef"), Some(1_234_567))?;
    /// assert_eq!(user.config().v4.account_id, Some(1_234_567));
    /// let e = client.with_v4_token(Secret::new("ab"), None).unwrap_err();
    /// assert_eq!(e.fields()[0].field, "token");
    /// # Ok::<(), phonecom::Error>(())
    /// ```
    pub fn with_v4_token(&self, token: Secret, account_id: Option<u64>) -> Result<Client> {
        check_credential("with_v4_token", "token", &token)?;
        if account_id == Some(0) {
            return Err(Error::validation(
                "with_v4_token",
                "account_id",
                "must be a positive integer (leave it out to keep the configured account)",
            ));
        }
        let mut config = self.inner.config.clone();
        let secrets = SecretSet::new([token.expose()], Some(self.inner.secrets.clone()));
        config.v4.token = Some(token);
        if account_id.is_some() {
            config.v4.account_id = account_id;
        }
        Ok(self.derive(config, secrets))
    }

    /// A client acting with another numbers.online key (e.g. the key a fresh
    /// [`signup`](crate::nol::Nol::signup) returned, or a tenant's), sharing this client's
    /// connection pool. The key is checked as [`Client::with_v4_token`] checks a token (the
    /// error names `key`), masked in the new client's errors and logs, and kept by that client
    /// only.
    pub fn with_nol_key(&self, key: Secret) -> Result<Client> {
        check_credential("with_nol_key", "key", &key)?;
        let mut config = self.inner.config.clone();
        let secrets = SecretSet::new([key.expose()], Some(self.inner.secrets.clone()));
        config.nol.api_key = Some(key);
        Ok(self.derive(config, secrets))
    }

    fn derive(&self, config: Config, secrets: SecretSet) -> Client {
        Client {
            inner: Arc::new(Inner {
                config,
                transport: self.inner.transport.clone(),
                secrets: Arc::new(secrets),
                shared: self.inner.shared.clone(),
            }),
        }
    }

    /// Call any catalog operation: `params` is a JSON object (or null); the result is the
    /// decoded response body. Parameters are checked against the catalog before sending.
    pub fn call(&self, name: &str, params: Value) -> Result<Value> {
        self.call_with(name, params, &CallOptions::default())
            .map(|r| r.data)
    }

    /// [`Client::call`] with per-call options, returning the request id and attempts too.
    pub fn call_with(&self, name: &str, params: Value, opts: &CallOptions) -> Result<Response> {
        let op = lookup(name).map_err(|e| e.with_operation(name))?;
        let params = params_object(name, params)?;
        self.call_op(op, params, opts)
    }

    /// Run `op`: every call does, [`Client::call_with`]'s and the library's own (pages, flows).
    /// Its errors leave through [`decorated`], the one place they get the operation's name and
    /// the call's masking.
    pub(crate) fn call_op(
        &self,
        op: &Operation,
        params: Map<String, Value>,
        opts: &CallOptions,
    ) -> Result<Response> {
        let mask = self.call_masker(op, &params);
        opts.check(&op.name)
            .and_then(|()| self.run_op(op, params, opts, &mask))
            .map_err(|e| decorated(e, op, &|s: &str| mask.apply(s)))
    }

    /// How a call of `op` with `params` masks its errors and log events: this client's secrets,
    /// the parameters the catalog marks `secret`, and for the XML API the `username=` values.
    pub(crate) fn call_mask<'a>(
        &'a self,
        op: &Operation,
        params: &Map<String, Value>,
    ) -> impl Fn(&str) -> String + 'a {
        let mask = self.call_masker(op, params);
        move |s: &str| mask.apply(s)
    }

    /// [`Client::call_mask`] as a value a [`Response`] keeps to mask its headers when read.
    fn call_masker(&self, op: &Operation, params: &Map<String, Value>) -> CallMask {
        let pairs = registry::entry(op.family).masked_pairs;
        CallMask::new(self.inner.secrets.clone(), secret_params(op, params), pairs)
    }

    fn run_op(
        &self,
        op: &Operation,
        params: Map<String, Value>,
        opts: &CallOptions,
        mask: &CallMask,
    ) -> Result<Response> {
        let (wire, req) = match self.prepare(op, params)? {
            Prepared::Request(wire, req) => (wire, req),
            Prepared::Flow(flow, params) => {
                // The flow applies the options to its steps (and refuses extra headers).
                return flow(self, op, &params, opts).map(Response::composed);
            }
        };
        let endpoint = format!("{} {}", op.method, op.path);
        let family = op.family.as_str();
        let credential = self.inner.config.budget_principal(family);
        let here = self.inner.shared.here()?;
        let pace = here.budget.pass(family, credential, &endpoint);
        let call = Call {
            operation: &op.name,
            endpoint: &endpoint,
            opts,
            agent: &here.agent,
            mask: &|s: &str| mask.apply(s),
            pace: pace.as_ref(),
            body_wait: &|body, now| wire.retry_after_from_body(body, now),
        };
        let sent = self.inner.transport.execute(&req, &call);
        self.inner.transport.relay(here.budget.take_notices());
        let resp = sent?;
        let data = wire.decode(self, op, &resp).map_err(|e| {
            // Keep an upstream transaction id the family found in the body (XML `svTRID`).
            let id = e.request_id().is_none().then(|| resp.request_id.clone());
            unrepeated_verdict(e, &req, resp.status, &endpoint)
                .with_request_id(id)
                .with_attempts(resp.attempts)
                .with_family(op.family.as_str())
        })?;
        self.learn_result_secrets(op, &data);
        let headers = LazyHeaders::new(resp.headers, mask.clone());
        let (body, body_truncated) =
            crate::exchange::body_text(resp.body, crate::exchange::RESPONSE_BODY_LIMIT);
        Ok(Response {
            data,
            status: resp.status,
            request_id: resp.request_id,
            attempts: resp.attempts,
            headers,
            body,
            body_truncated,
        })
    }

    /// Everything a call of `op` does before sending, the same for every family: the family's
    /// credentials checked, the parameters the catalog marks `prefilled` filled from the
    /// configuration, the parameters validated, and for an HTTP family the request built (with
    /// the family's own rules).
    pub(crate) fn prepare(
        &self,
        op: &Operation,
        mut params: Map<String, Value>,
    ) -> Result<Prepared> {
        let config = &self.inner.config;
        (|| {
            config.check_header_credentials(Some(op.family.as_str()))?;
            prefill_from_config(config, op, &mut params);
            match registry::entry(op.family).runs {
                Runs::Wire(wire) => {
                    wire.normalize(self, op, &mut params);
                    let params = validate_params(op, &params)?;
                    wire.check(op, &params)?;
                    Ok(Prepared::Request(wire, wire.build(self, op, &params)?))
                }
                Runs::Flow(flow) => Ok(Prepared::Flow(flow, validate_params(op, &params)?)),
            }
        })()
        .map_err(|e| {
            if config.has_credentials() || !needs_configuration(&e, op) {
                e
            } else {
                crate::config_file::no_credentials(&e)
            }
        })
    }

    /// Mask every secret this client knows in `text`, and the values of secret-named pairs and
    /// JSON members.
    pub fn redact(&self, text: &str) -> String {
        self.inner.secrets.redact(text, &[])
    }

    /// [`Client::redact`], also masking `extra` (one call's own secrets).
    pub(crate) fn redact_with(&self, text: &str, extra: &[String]) -> String {
        self.inner.secrets.redact(text, extra)
    }

    /// Remember a secret learned at run time (a token or key a response returned) so that
    /// this client masks it from now on. A client remembers at most
    /// 256 of them, forgetting the oldest.
    pub(crate) fn learn_secret(&self, value: &str) {
        self.inner.secrets.learn(value);
    }

    /// Remember the result fields the catalog marks as new secrets (`secret_results`: an
    /// issued access or refresh token), so they are masked in logs and errors from now on.
    fn learn_result_secrets(&self, op: &Operation, data: &Value) {
        for field in &op.secret_results {
            if let Some(t) = data
                .get(field)
                .and_then(Value::as_str)
                .filter(|t| !t.is_empty())
            {
                self.learn_secret(t);
            }
        }
    }

    /// Hand events recorded outside a call (a shared store's warnings) to this client's log
    /// hook, if it has one.
    pub(crate) fn relay(&self, events: Vec<LogEvent>) {
        if !events.is_empty() {
            self.inner.transport.relay(events);
        }
    }

    /// Generated passwords of sign-ups that created a subaccount but got no token yet.
    pub(crate) fn pending_signups(&self) -> Result<Arc<crate::express::PendingSignups>> {
        Ok(self.inner.shared.here()?.pending_signups)
    }

    /// How many secrets this client holds itself, not counting those of the client it was
    /// derived from (for tests of the bound).
    #[doc(hidden)]
    pub fn own_secret_count(&self) -> usize {
        self.inner.secrets.own_len()
    }
}

/// How every error of a call of `op` leaves the client: naming the operation (unless a step of
/// a composed flow named its own), with the call's secrets masked (see [`Client::call_mask`]).
pub(crate) fn decorated(e: Error, op: &Operation, mask: &dyn Fn(&str) -> String) -> Error {
    e.with_operation(&op.name).map_text(mask)
}

/// A retryable status on a request the transport may not repeat (a POST that got 500 or 409,
/// in any family) was not retried and its outcome is unknown: say so (see
/// [`retry::not_repeated`](crate::retry::not_repeated)).
fn unrepeated_verdict(e: Error, req: &HttpRequest, status: u16, endpoint: &str) -> Error {
    if !e.is_retryable() || crate::retry::may_repeat_after(req.idempotent, status) {
        return e;
    }
    crate::retry::not_repeated(e, endpoint)
}

/// The string values of `params` whose catalog entry is marked `secret`.
fn secret_params(op: &Operation, params: &Map<String, Value>) -> Vec<String> {
    op.params
        .iter()
        .filter(|p| p.secret)
        .filter_map(|p| params.get(&p.name))
        .filter_map(|v| match v {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        })
        .collect()
}

/// Whether a call failed for want of configuration: a missing credential, or a missing
/// parameter the configuration would have filled (v4 `account_id`).
fn needs_configuration(e: &Error, op: &Operation) -> bool {
    e.kind() == ErrorKind::Authentication
        || e.fields()
            .iter()
            .any(|f| op.param(&f.field).is_some_and(|p| p.prefilled.is_some()))
}

/// Fill the parameters the catalog marks `prefilled` that the call left out, from the
/// configuration key each names.
fn prefill_from_config(config: &Config, op: &Operation, params: &mut Map<String, Value>) {
    for p in &op.params {
        if let Some(key) = &p.prefilled {
            if !params.contains_key(&p.name) {
                if let Some(value) = configured_value(config, key) {
                    params.insert(p.name.clone(), value);
                }
            }
        }
    }
}

/// The configured value of a catalog `prefilled` key (`"v4.account_id"`); None when unset.
fn configured_value(config: &Config, key: &str) -> Option<Value> {
    match key {
        "v4.account_id" => config.v4.account_id.map(Value::from),
        _ => None,
    }
}

/// The catalog entry called `name`, or a clear error with suggestions.
pub(crate) fn lookup(name: &str) -> Result<&'static Operation> {
    let catalog = crate::catalog();
    catalog.get(name).ok_or_else(|| {
        let hints = catalog.suggest(name);
        let hint = if hints.is_empty() {
            String::new()
        } else {
            format!(" (did you mean {}?)", hints.join(", "))
        };
        Error::new(
            ErrorKind::Validation,
            format!("unknown operation `{name}`{hint}; names are family.operationId, e.g. v4.list-accounts"),
        )
        .with_fields(vec![crate::error::FieldError {
            field: "name".into(),
            message: "is not in the catalog".into(),
        }])
    })
}

/// A call's parameters as a JSON object (null means none); anything else is refused by name.
pub(crate) fn params_object(name: &str, params: Value) -> Result<Map<String, Value>> {
    match params {
        Value::Object(m) => Ok(m),
        Value::Null => Ok(Map::new()),
        other => Err(Error::new(
            ErrorKind::Validation,
            format!("params must be a JSON object (got {})", json_type(&other)),
        )
        .with_operation(name)),
    }
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod binding_tests {
    use super::*;

    #[test]
    fn every_prefilled_key_names_a_configuration_value() {
        let config = Config::from_json(r#"{"v4": {"account_id": 1234}}"#).unwrap();
        let mut keys = 0;
        for op in crate::catalog().iter() {
            for p in op.params.iter().filter(|p| p.prefilled.is_some()) {
                let key = p.prefilled.as_deref().unwrap_or_default();
                assert!(
                    configured_value(&config, key).is_some(),
                    "{}.{}: {key}",
                    op.name,
                    p.name
                );
                keys += 1;
            }
        }
        assert!(
            keys > 50,
            "v4's account_id parameters are prefilled ({keys})"
        );
    }

    #[test]
    fn binding_names_that_would_break_the_user_agent_are_refused() {
        for bad in ["", "x\r\nInjected: 1", "php 8", "é", &"a".repeat(33)] {
            let e = Client::builder(Config::default())
                .binding(bad)
                .build()
                .unwrap_err();
            assert_eq!(e.kind(), ErrorKind::Validation, "{bad:?}");
            assert!(e.to_string().contains("`binding`"), "{e}");
        }
        let c = Client::builder(Config::default())
            .binding("php")
            .build()
            .unwrap();
        assert!(c.user_agent().contains("(php; "));
    }

    #[test]
    fn derived_clients_refuse_credentials_that_could_not_be_masked_or_sent() {
        let client = Client::new(Config::default()).unwrap();
        for bad in ["", "   ", "abc", "tok en-1234", "t\u{e9}t\u{e9}-token-1234"] {
            let e = client.with_v4_token(Secret::new(bad), None).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::Validation, "{bad:?}");
            assert_eq!(e.fields()[0].field, "token", "{e}");
            let e = client.with_nol_key(Secret::new(bad)).unwrap_err();
            assert_eq!(e.fields()[0].field, "key", "{e}");
        }
        let e = client
            .with_v4_token(Secret::new("user-token-abcdef"), Some(0))
            .unwrap_err();
        assert_eq!(e.fields()[0].field, "account_id", "{e}");
        let user = client
            .with_v4_token(Secret::new("user-token-abcdef"), Some(42))
            .unwrap();
        assert_eq!(user.config().v4.account_id, Some(42));
        assert_eq!(user.redact("x user-token-abcdef"), "x ***");
        let acme = client.with_nol_key(Secret::new("nol_live_8f2a")).unwrap();
        assert!(acme.config().nol.api_key.is_some());
    }
}
