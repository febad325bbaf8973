//! `NativeClient`: one `phonecom::Client` (thread-safe, one connection pool) per JS `Client`.

use crate::blocking::promise;
use crate::errors::{guard, invalid, parse, to_js};
use crate::pages::NativePages;
use napi::bindgen_prelude::{Object, ObjectFinalize, Unknown};
use napi::threadsafe_function::{ThreadsafeFunction, ThreadsafeFunctionCallMode};
use napi::{Env, Status};
use napi_derive::napi;
use phonecom::call_options::{attempts, time_limit, TimeUnit};
use phonecom::{CallOptions, Client, Config, LogEvent, Secret};
use std::collections::HashMap;

/// Per-call overrides (milliseconds; `maxAttempts` 1 disables retries; `headers` extra request
/// headers, checked by the core).
#[napi(object)]
#[derive(Default)]
pub struct NativeCallOptions {
    /// Time one attempt may take.
    pub attempt_timeout_ms: Option<f64>,
    /// Deadline of the whole call, retries included.
    pub deadline_ms: Option<f64>,
    /// Attempts in total.
    pub max_attempts: Option<f64>,
    /// Extra request headers.
    pub headers: Option<HashMap<String, String>>,
}

impl NativeCallOptions {
    /// The core's options: milliseconds and counts checked by the core's rules, naming the
    /// option as JavaScript spells it.
    fn into_core(self, operation: &str) -> napi::Result<CallOptions> {
        let ms = |v: Option<f64>, field: &str| {
            v.map(|x| time_limit(operation, field, x, TimeUnit::Millis))
                .transpose()
        };
        let core = || -> phonecom::Result<CallOptions> {
            Ok(CallOptions {
                attempt_timeout: ms(self.attempt_timeout_ms, "attemptTimeoutMs")?,
                deadline: ms(self.deadline_ms, "deadlineMs")?,
                max_attempts: self
                    .max_attempts
                    .map(|n| attempts(operation, "maxAttempts", n))
                    .transpose()?,
                headers: self
                    .headers
                    .clone()
                    .unwrap_or_default()
                    .into_iter()
                    .collect(),
            })
        };
        core().map_err(|e| to_js(&e))
    }
}

/// A client for every family of the catalog.
#[napi]
pub struct NativeClient {
    inner: Client,
    /// Test-only (`_panickingForTest`): panic inside each call and page fetch, once the request
    /// is done.
    panic_for_test: bool,
}

impl NativeClient {
    fn wrap(inner: Client) -> NativeClient {
        NativeClient {
            inner,
            panic_for_test: false,
        }
    }
}

/// What a call or a page fetch returns, after the test-only deliberate panic if asked for.
pub(crate) fn tested<T>(panic_for_test: bool, result: T) -> T {
    if panic_for_test {
        phonecom::boundary::panic_for_test()
    }
    result
}

/// A JS function called on the main thread with each log event as JSON text. Weak: a pending
/// event never keeps the process alive.
pub type LogCallback = ThreadsafeFunction<String, Unknown<'static>, String, Status, false, true>;

fn build(config: Config, on_log: Option<LogCallback>) -> napi::Result<NativeClient> {
    let mut builder = Client::builder(config).binding("node");
    if let Some(callback) = on_log {
        // Events are already masked by core; the call only queues them for the event loop.
        builder = builder.log_hook(move |event: &LogEvent| {
            callback.call(
                event.to_json().to_string(),
                ThreadsafeFunctionCallMode::NonBlocking,
            );
        });
    }
    let inner = builder.build().map_err(|e| to_js(&e))?;
    Ok(NativeClient::wrap(inner))
}

#[napi]
impl NativeClient {
    /// A client from a JSON configuration document (the sandbox's config line has this form);
    /// `onLog` receives each request/response/retry/failure event as JSON text.
    #[napi(constructor)]
    pub fn new(config_json: String, on_log: Option<LogCallback>) -> napi::Result<Self> {
        guard("Client", || {
            build(
                Config::from_json(&config_json).map_err(|e| to_js(&e))?,
                on_log,
            )
        })
    }

    /// A client from the `PHONECOM_*` environment variables.
    #[napi(factory)]
    pub fn from_env(on_log: Option<LogCallback>) -> napi::Result<Self> {
        guard("Client.fromEnv", || {
            build(Config::from_env().map_err(|e| to_js(&e))?, on_log)
        })
    }

    /// A client from a JSON configuration file (the core reads and checks it; errors name the
    /// path, never the file's values).
    #[napi(factory)]
    pub fn from_file(path: String, on_log: Option<LogCallback>) -> napi::Result<Self> {
        guard("Client.fromFile", || {
            build(Config::from_file(&path).map_err(|e| to_js(&e))?, on_log)
        })
    }

    /// The User-Agent sent on every request.
    #[napi(getter)]
    pub fn user_agent(&self) -> napi::Result<String> {
        guard("userAgent", || Ok(self.inner.user_agent().to_string()))
    }

    /// Call any catalog operation; resolves to a [`NativeResponse`] (the result as JSON text,
    /// the metadata, and the raw exchange, handed to JavaScript only when read).
    #[napi(ts_return_type = "Promise<NativeResponse>")]
    pub fn call<'env>(
        &self,
        env: &'env Env,
        name: String,
        params_json: String,
        options: Option<NativeCallOptions>,
    ) -> napi::Result<Object<'env>> {
        let (opts, params) = arguments(&name, &params_json, options)?;
        let (client, panic) = (self.inner.clone(), self.panic_for_test);
        promise(env, name.clone(), move || {
            let resp = tested(panic, client.call_with(&name, params, &opts))?;
            Ok(NativeResponse::new(resp))
        })
    }

    /// Each family's base URL and whether its credentials are set, never a secret, as JSON
    /// text (for `util.inspect(client)`): the core's `Config::summary`.
    #[napi]
    pub fn summary(&self) -> napi::Result<String> {
        guard("summary", || Ok(self.inner.config().summary().to_string()))
    }

    /// A lazy walk over a pageable list; checks the arguments now, fetches nothing yet.
    #[napi]
    pub fn pages(&self, name: String, params_json: String) -> napi::Result<NativePages> {
        guard(&name, || {
            let params = parse(&name, "params", &params_json)?;
            let pages = self.inner.pages(&name, params).map_err(|e| to_js(&e))?;
            Ok(NativePages::new(name.clone(), pages, self.panic_for_test))
        })
    }

    /// A client acting with another v4 Bearer token (a portal user's), sharing this client's
    /// connection pool; `accountId` becomes its default account when given.
    #[napi]
    pub fn with_v4_token(
        &self,
        token: String,
        account_id: Option<f64>,
    ) -> napi::Result<NativeClient> {
        guard("withV4Token", || {
            // Conversion only: a JS number that is no whole number from 0 to 2^53 - 1 has no
            // u64; the rule on the value (0 is refused) is the core's.
            let account_id = match account_id {
                None => None,
                Some(x) if x.fract() == 0.0 && (0.0..=9_007_199_254_740_991.0).contains(&x) => {
                    Some(x as u64)
                }
                Some(_) => {
                    return Err(invalid(
                        "withV4Token",
                        "accountId",
                        "must be a whole number (an account id)",
                    ))
                }
            };
            let derived = self.inner.with_v4_token(Secret::new(token), account_id);
            Ok(NativeClient::wrap(derived.map_err(|e| to_js(&e))?))
        })
    }

    /// A client acting with another numbers.online key (e.g. the one `nol.accountSignup`
    /// returned), sharing this client's connection pool; the key is masked in its errors.
    #[napi]
    pub fn with_nol_key(&self, key: String) -> napi::Result<NativeClient> {
        guard("withNolKey", || {
            let derived = self.inner.with_nol_key(Secret::new(key));
            Ok(NativeClient::wrap(derived.map_err(|e| to_js(&e))?))
        })
    }

    /// Mask every secret this client knows in `text`.
    #[napi]
    pub fn redact(&self, text: String) -> napi::Result<String> {
        guard("redact", || Ok(self.inner.redact(&text)))
    }

    /// Test-only, not part of the API: this client (same pool), panicking inside the library
    /// at the end of each call and page fetch, on the thread that ran it, for the tests of the
    /// panic boundary of `call`, `callWith` and `nextPage`.
    #[napi(js_name = "_panickingForTest")]
    pub fn panicking_for_test(&self) -> NativeClient {
        NativeClient {
            inner: self.inner.clone(),
            panic_for_test: true,
        }
    }
}

/// A call's result, metadata and raw exchange.
///
/// The exchange (headers and body, a few KiB) is native memory V8 cannot see, so it would not
/// hurry to collect responses nobody holds: the JS layer calls [`NativeResponse::release`] on
/// a plain call's response once another call replaced it as `lastResponse` unread, and
/// [`NativeResponse::keep`] on one it hands out (`callWith`, `lastResponse`), which tells V8
/// the size it holds until it is collected.
#[napi(custom_finalize)]
pub struct NativeResponse {
    data: String,
    status: u16,
    request_id: String,
    attempts: u32,
    exchange: Option<phonecom::Response>,
    /// Bytes reported to V8 by `keep` (given back when collected).
    reported: i64,
}

impl NativeResponse {
    fn new(mut resp: phonecom::Response) -> NativeResponse {
        NativeResponse {
            data: phonecom::exchange::json_text(&std::mem::take(&mut resp.data)),
            status: resp.status,
            request_id: std::mem::take(&mut resp.request_id),
            attempts: resp.attempts,
            exchange: Some(resp),
            reported: 0,
        }
    }

    /// The exchange, unless released.
    fn exchange(&self) -> napi::Result<&phonecom::Response> {
        self.exchange.as_ref().ok_or_else(|| {
            napi::Error::from_reason("phonecom: this response's headers and body were released")
        })
    }
}

impl ObjectFinalize for NativeResponse {
    fn finalize(self, env: Env) -> napi::Result<()> {
        if self.reported > 0 {
            env.adjust_external_memory(-self.reported)?;
        }
        Ok(())
    }
}

#[napi]
impl NativeResponse {
    /// The decoded result as JSON text, handed over once (later reads get an empty string).
    #[napi]
    pub fn take_data(&mut self) -> String {
        std::mem::take(&mut self.data)
    }
    /// HTTP status.
    #[napi(getter)]
    pub fn status(&self) -> u32 {
        u32::from(self.status)
    }
    /// The request id.
    #[napi(getter)]
    pub fn request_id(&self) -> String {
        self.request_id.clone()
    }
    /// Attempts made.
    #[napi(getter)]
    pub fn attempts(&self) -> u32 {
        self.attempts
    }
    /// The response body as text (at most 1 MiB).
    #[napi(getter)]
    pub fn body(&self) -> napi::Result<String> {
        Ok(self.exchange()?.body.clone())
    }
    /// Whether `body` was cut at its bound.
    #[napi(getter)]
    pub fn body_truncated(&self) -> napi::Result<bool> {
        Ok(self.exchange()?.body_truncated)
    }
    /// The headers as a JSON object (names lower-cased, repeated values joined, credentials
    /// masked), as text.
    #[napi(getter)]
    pub fn headers_json(&self) -> napi::Result<String> {
        let headers = phonecom::exchange::header_object(self.exchange()?.headers());
        Ok(serde_json::Value::Object(headers).to_string())
    }
    /// This response is handed out: tell V8 the native memory it holds (once), so that it is
    /// collected in time once dropped.
    #[napi]
    pub fn keep(&mut self, env: &Env) -> napi::Result<()> {
        if self.reported == 0 {
            if let Some(exchange) = &self.exchange {
                let size = exchange_size(exchange);
                env.adjust_external_memory(size)?;
                self.reported = size;
            }
        }
        Ok(())
    }
    /// Nobody will read this response's headers or body: free them now.
    #[napi]
    pub fn release(&mut self) {
        if self.reported == 0 {
            self.exchange = None;
        }
    }
}

/// The bytes a response's exchange holds, roughly: its body, and 1 KiB for the headers (an
/// estimate, so that reporting them never costs their masking).
fn exchange_size(exchange: &phonecom::Response) -> i64 {
    i64::try_from(exchange.body.capacity() + 1024).unwrap_or(i64::MAX)
}

/// A call's options and parameters, checked behind the panic boundary.
fn arguments(
    name: &str,
    params_json: &str,
    options: Option<NativeCallOptions>,
) -> napi::Result<(CallOptions, serde_json::Value)> {
    guard(name, || {
        let opts = options.unwrap_or_default().into_core(name)?;
        Ok((opts, parse(name, "params", params_json)?))
    })
}
