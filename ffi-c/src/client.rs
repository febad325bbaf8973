//! The client handle and its builder: from a config JSON document or the environment, with an
//! optional log callback and the binding name in the User-Agent.

use crate::error::Failure;
use crate::ffi::{self, LogSink};
use crate::status::phonecom_status;
use phonecom_core::{Client, Config, LogEvent, Secret};
use std::ffi::{c_char, c_void};

/// A client for every API family: one connection pool, credentials, timeouts and retries.
///
/// Thread safety: a client is safe to share across threads. Any number of threads may call
/// `phonecom_call`, `phonecom_pager_new` and the other functions taking a
/// `const phonecom_client *` on the same client at the same time; only `phonecom_client_free`
/// must not run while another thread still uses it.
///
/// Ownership: made by `phonecom_client_new_from_json`, `phonecom_client_new_from_env`,
/// `phonecom_client_builder_build`, `phonecom_client_with_v4_token` or
/// `phonecom_client_with_nol_key`; freed by
/// `phonecom_client_free`. Pagers keep what they need of it (the log callback included), so a
/// client may be freed before its pagers.
pub struct phonecom_client {
    pub(crate) client: Client,
}

/// Settings for a client before it is built: the configuration, the binding name sent in the
/// User-Agent (`"c"` unless set) and an optional log callback.
///
/// Ownership: made by `phonecom_client_builder_from_json` or `phonecom_client_builder_from_env`,
/// freed by `phonecom_client_builder_free` (building does not consume it). Use it from one
/// thread at a time.
pub struct phonecom_client_builder {
    config: Config,
    binding: String,
    log: Option<LogSink>,
}

/// Receives one log event: `user_data` as given to `phonecom_client_builder_set_log`, and the
/// event as a JSON object `{kind: "request"|"response"|"retry"|"failure"|"warning"|"notice",
/// operation, method,
/// url, attempt, request_id, status, elapsed_ms, message, headers, body, body_truncated}`,
/// every secret already masked. `headers` (`{}`) and `body` (null) are filled only when the
/// configuration sets `"debug_log": true` (or `PHONECOM_DEBUG_LOG=1`): the request's or
/// response's headers, credentials masked, and its body, masked and cut at 4 KiB.
///
/// Ownership: `event_json` belongs to the library and is valid only until the callback returns;
/// copy what you keep. `user_data` must stay valid until every client and pager that keeps the
/// callback is freed (see `phonecom_client_builder_set_log`). Called on the thread making the
/// call, possibly from several threads at once: the callback must be thread-safe, must return
/// (no longjmp, no exception), and must not call back into the client that invoked it.
#[allow(non_camel_case_types)]
pub type phonecom_log_callback =
    Option<unsafe extern "C" fn(user_data: *mut c_void, event_json: *const c_char)>;

const DEFAULT_BINDING: &str = "c";

impl phonecom_client_builder {
    fn new(config: Config) -> phonecom_client_builder {
        phonecom_client_builder {
            config,
            binding: DEFAULT_BINDING.into(),
            log: None,
        }
    }

    fn build(&self) -> Result<Client, Failure> {
        release_shared_clients_at_exit();
        let mut builder = Client::builder(self.config.clone()).binding(&self.binding);
        if let Some(sink) = self.log {
            builder =
                builder.log_hook(move |event: &LogEvent| sink.emit(&event.to_json().to_string()));
        }
        Ok(builder.build()?)
    }
}

/// At the process's exit, let go of the connection pools that clients of one configuration
/// share (`phonecom::shared_clients::forget_all`): pooled connections close cleanly and a leak
/// checker (Valgrind) sees no process-wide pool left. Safe because the library is linked with
/// `-z nodelete` and so is never unloaded before `exit` runs the handler.
fn release_shared_clients_at_exit() {
    static REGISTERED: std::sync::Once = std::sync::Once::new();
    extern "C" fn release() {
        // A panic must not cross into the C runtime's exit path.
        let _ = std::panic::catch_unwind(phonecom_core::shared_clients::forget_all);
    }
    unsafe extern "C" {
        fn atexit(handler: extern "C" fn()) -> std::ffi::c_int;
    }
    // SAFETY: `release` is a plain function of this library, which is never unloaded.
    REGISTERED.call_once(|| unsafe {
        atexit(release);
    });
}

fn config_from_json(value: serde_json::Value) -> Result<Config, Failure> {
    Ok(Config::from_value(value)?)
}

/// Make a client from a JSON configuration document, e.g. the sandbox's config line:
/// `{"v4": {"base_url": "...", "token": "...", "account_id": 1234}, "retry": {...}, ...}`
/// (the keys are those of the core's `Config`; unknown keys are refused as typos).
///
/// On `PHONECOM_OK`, `*out` holds a new client the caller frees with `phonecom_client_free`.
/// Fails with `PHONECOM_ERR_INVALID_JSON` when the text is not JSON and
/// `PHONECOM_ERR_VALIDATION` when the document is not a valid configuration (unknown key, plain
/// `http://` to a host other than loopback, zero timeout, ...).
///
/// # Safety
/// `config_json` is NULL or a NUL-terminated string; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn phonecom_client_new_from_json(
    config_json: *const c_char,
    out: *mut *mut phonecom_client,
) -> phonecom_status {
    ffi::boundary("phonecom_client_new_from_json", || {
        let config = ffi::json_arg(config_json, "config_json")?;
        let out = ffi::out_arg(out, "out")?;
        let client = phonecom_client_builder::new(config_from_json(config)?).build()?;
        out.write_handle(phonecom_client { client })
    })
}

/// Make a client from the environment: the JSON configuration file `PHONECOM_CONFIG` names
/// (e.g. the sandbox's config line saved as `sandbox.json`), under the `PHONECOM_*` variables
/// (`PHONECOM_V4_TOKEN`, `PHONECOM_V4_ACCOUNT_ID`, `PHONECOM_V4_BASE_URL`,
/// `PHONECOM_ATTEMPT_TIMEOUT_MS`, ...; the full table is in the README and the core's `config`
/// module), each of which overrides the file's field. With nothing configured at all the
/// client is still made, and its first call that needs a credential fails with
/// `PHONECOM_ERR_AUTHENTICATION` saying that no credentials were configured and naming the
/// variables.
///
/// On `PHONECOM_OK`, `*out` holds a new client the caller frees with `phonecom_client_free`.
/// Fails with `PHONECOM_ERR_VALIDATION` when a variable holds a bad value or the
/// `PHONECOM_CONFIG` file cannot be read or is not a valid configuration (the error names
/// `PHONECOM_CONFIG` and the path, never the file's values).
///
/// # Safety
/// `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn phonecom_client_new_from_env(
    out: *mut *mut phonecom_client,
) -> phonecom_status {
    ffi::boundary("phonecom_client_new_from_env", || {
        let out = ffi::out_arg(out, "out")?;
        let client = phonecom_client_builder::new(Config::from_env()?).build()?;
        out.write_handle(phonecom_client { client })
    })
}

/// Make a client from a JSON configuration file (e.g. the sandbox's config line saved as
/// `sandbox.json`); the file holds a document as `phonecom_client_new_from_json` takes.
///
/// On `PHONECOM_OK`, `*out` holds a new client the caller frees with `phonecom_client_free`.
/// Fails with `PHONECOM_ERR_NULL_ARGUMENT` (`path` or `out` is NULL),
/// `PHONECOM_ERR_INVALID_UTF8` (`path`) or `PHONECOM_ERR_VALIDATION` when the file cannot be
/// read, is not JSON or is not a valid configuration (the error names the path and the
/// problem, never the file's values).
///
/// # Safety
/// `path` is NULL or a NUL-terminated string; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn phonecom_client_new_from_file(
    path: *const c_char,
    out: *mut *mut phonecom_client,
) -> phonecom_status {
    ffi::boundary("phonecom_client_new_from_file", || {
        let path = ffi::str_arg(path, "path")?;
        let out = ffi::out_arg(out, "out")?;
        let client = phonecom_client_builder::new(Config::from_file(path)?).build()?;
        out.write_handle(phonecom_client { client })
    })
}

/// Start a client builder from a JSON configuration file (see
/// `phonecom_client_new_from_file`).
///
/// On `PHONECOM_OK`, `*out` holds a new builder the caller frees with
/// `phonecom_client_builder_free`.
///
/// # Safety
/// `path` is NULL or a NUL-terminated string; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn phonecom_client_builder_from_file(
    path: *const c_char,
    out: *mut *mut phonecom_client_builder,
) -> phonecom_status {
    ffi::boundary("phonecom_client_builder_from_file", || {
        let path = ffi::str_arg(path, "path")?;
        let out = ffi::out_arg(out, "out")?;
        out.write_handle(phonecom_client_builder::new(Config::from_file(path)?))
    })
}

/// Start a client builder from a JSON configuration document (see
/// `phonecom_client_new_from_json`).
///
/// On `PHONECOM_OK`, `*out` holds a new builder the caller frees with
/// `phonecom_client_builder_free`.
///
/// # Safety
/// `config_json` is NULL or a NUL-terminated string; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn phonecom_client_builder_from_json(
    config_json: *const c_char,
    out: *mut *mut phonecom_client_builder,
) -> phonecom_status {
    ffi::boundary("phonecom_client_builder_from_json", || {
        let config = ffi::json_arg(config_json, "config_json")?;
        let out = ffi::out_arg(out, "out")?;
        out.write_handle(phonecom_client_builder::new(config_from_json(config)?))
    })
}

/// Start a client builder from the `PHONECOM_*` environment variables (see
/// `phonecom_client_new_from_env`).
///
/// On `PHONECOM_OK`, `*out` holds a new builder the caller frees with
/// `phonecom_client_builder_free`.
///
/// # Safety
/// `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn phonecom_client_builder_from_env(
    out: *mut *mut phonecom_client_builder,
) -> phonecom_status {
    ffi::boundary("phonecom_client_builder_from_env", || {
        let out = ffi::out_arg(out, "out")?;
        out.write_handle(phonecom_client_builder::new(Config::from_env()?))
    })
}

/// Name the language binding in the User-Agent (`libphonecom/<version> (<name>; <os> <arch>)`):
/// `"c"` by default; a package built on this library names itself, e.g. `"php"`.
///
/// Returns `PHONECOM_OK`, `PHONECOM_ERR_NULL_ARGUMENT` (`builder` or `name` is NULL) or
/// `PHONECOM_ERR_INVALID_UTF8`. The name itself is checked by `phonecom_client_builder_build`
/// (1 to 32 ASCII letters, digits, `-`, `_` or `.`), which fails with
/// `PHONECOM_ERR_VALIDATION` otherwise.
///
/// # Safety
/// `builder` is NULL or a live builder; `name` is NULL or a NUL-terminated string.
#[no_mangle]
pub unsafe extern "C" fn phonecom_client_builder_set_binding(
    builder: *mut phonecom_client_builder,
    name: *const c_char,
) -> phonecom_status {
    ffi::boundary("phonecom_client_builder_set_binding", || {
        let builder = ffi::mut_arg(builder, "builder")?;
        let name = ffi::str_arg(name, "name")?;
        builder.binding = name.to_string();
        Ok(())
    })
}

/// Have every client built from this builder report its request/response events to `callback`
/// with `user_data` (see `phonecom_log_callback`). Replaces an earlier callback; a NULL
/// `callback` removes it, so clients built afterwards log nothing (clients already built keep
/// theirs).
///
/// Returns `PHONECOM_OK`, or `PHONECOM_ERR_NULL_ARGUMENT` when `builder` is NULL.
///
/// Ownership: `user_data` stays the caller's; the library never frees or reads it, only passes
/// it to `callback`. Clients built with it, the clients `phonecom_client_with_v4_token` and
/// `phonecom_client_with_nol_key` make from them and the pagers made from any of these keep the callback and may outlive the
/// client they came from: `user_data` must stay valid until every such client AND pager is
/// freed.
///
/// # Safety
/// `builder` is NULL or a live builder; `callback` is NULL or a function with the
/// `phonecom_log_callback` signature that is safe to call from any thread with `user_data`.
#[no_mangle]
pub unsafe extern "C" fn phonecom_client_builder_set_log(
    builder: *mut phonecom_client_builder,
    callback: phonecom_log_callback,
    user_data: *mut c_void,
) -> phonecom_status {
    ffi::boundary("phonecom_client_builder_set_log", || {
        let builder = ffi::mut_arg(builder, "builder")?;
        builder.log = callback.map(|callback| LogSink::new(callback, user_data));
        Ok(())
    })
}

/// Build a client from the builder's settings. The builder is left as it was: free it with
/// `phonecom_client_builder_free`, or build more clients from it.
///
/// On `PHONECOM_OK`, `*out` holds a new client the caller frees with `phonecom_client_free`.
/// Fails with `PHONECOM_ERR_NULL_ARGUMENT` when `builder` or `out` is NULL, and with
/// `PHONECOM_ERR_VALIDATION` when the binding name set by `phonecom_client_builder_set_binding`
/// is not 1 to 32 ASCII letters, digits, `-`, `_` or `.` (the error's field is `binding`) or a
/// proxy setting is invalid; `*out` is then untouched.
///
/// # Safety
/// `builder` is NULL or a live builder; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn phonecom_client_builder_build(
    builder: *const phonecom_client_builder,
    out: *mut *mut phonecom_client,
) -> phonecom_status {
    ffi::boundary("phonecom_client_builder_build", || {
        let builder = ffi::ref_arg(builder, "builder")?;
        let out = ffi::out_arg(out, "out")?;
        let client = builder.build()?;
        out.write_handle(phonecom_client { client })
    })
}

/// Free a builder. NULL is accepted and ignored.
///
/// # Safety
/// `builder` is NULL or a live builder not used afterwards.
#[no_mangle]
pub unsafe extern "C" fn phonecom_client_builder_free(builder: *mut phonecom_client_builder) {
    ffi::boundary_value((), || ffi::free_handle(builder))
}

/// A client acting with another v4 Bearer token (e.g. a portal user's token returned by
/// `express.signup` at `/token/access_token`), sharing `client`'s connection pool, timeouts,
/// log callback and User-Agent. `account_id` becomes the new client's default v4 account when
/// it is not 0. The token is masked in every error and log event from then on.
///
/// On `PHONECOM_OK`, `*out` holds a new client the caller frees with `phonecom_client_free`
/// (independently of `client`). It keeps `client`'s log callback, so the callback's `user_data`
/// must stay valid until it is freed too. Fails with `PHONECOM_ERR_NULL_ARGUMENT` (`client`,
/// `token` or `out` is NULL), `PHONECOM_ERR_INVALID_UTF8` (`token`) or `PHONECOM_ERR_VALIDATION`
/// (`token` empty, shorter than 4 characters or not visible ASCII); `*out` is then untouched.
///
/// # Safety
/// `client` is NULL or a live client; `token` is NULL or a NUL-terminated string; `out` is NULL
/// or writable.
#[no_mangle]
pub unsafe extern "C" fn phonecom_client_with_v4_token(
    client: *const phonecom_client,
    token: *const c_char,
    account_id: u64,
    out: *mut *mut phonecom_client,
) -> phonecom_status {
    ffi::boundary("phonecom_client_with_v4_token", || {
        let client = ffi::ref_arg(client, "client")?;
        let token = ffi::str_arg(token, "token")?;
        let out = ffi::out_arg(out, "out")?;
        let account = (account_id != 0).then_some(account_id);
        let client = client.client.with_v4_token(Secret::new(token), account)?;
        out.write_handle(phonecom_client { client })
    })
}

/// A client acting with another numbers.online key (e.g. the key `nol.accountSignup` returns
/// once, or a tenant's), sharing `client`'s connection pool, timeouts, log callback and
/// User-Agent. The key is masked in every error and log event of the new client.
///
/// On `PHONECOM_OK`, `*out` holds a new client the caller frees with `phonecom_client_free`
/// (independently of `client`). It keeps `client`'s log callback, so the callback's `user_data`
/// must stay valid until it is freed too. Fails with `PHONECOM_ERR_NULL_ARGUMENT` (`client`,
/// `key` or `out` is NULL), `PHONECOM_ERR_INVALID_UTF8` (`key`) or `PHONECOM_ERR_VALIDATION`
/// (field `key`: empty, or shorter than 4 characters, which could not be masked); `*out` is
/// then untouched.
///
/// # Safety
/// `client` is NULL or a live client; `key` is NULL or a NUL-terminated string; `out` is NULL
/// or writable.
#[no_mangle]
pub unsafe extern "C" fn phonecom_client_with_nol_key(
    client: *const phonecom_client,
    key: *const c_char,
    out: *mut *mut phonecom_client,
) -> phonecom_status {
    ffi::boundary("phonecom_client_with_nol_key", || {
        let client = ffi::ref_arg(client, "client")?;
        let key = ffi::str_arg(key, "key")?;
        let out = ffi::out_arg(out, "out")?;
        let client = client.client.with_nol_key(Secret::new(key))?;
        out.write_handle(phonecom_client { client })
    })
}

/// The User-Agent the client sends, e.g. `libphonecom/0.1.0 (c; linux x86_64)`.
///
/// On `PHONECOM_OK`, `*out` holds a new string the caller frees with `phonecom_string_free`.
/// Fails only with `PHONECOM_ERR_NULL_ARGUMENT` (`client` or `out` is NULL).
///
/// # Safety
/// `client` is NULL or a live client; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn phonecom_client_user_agent(
    client: *const phonecom_client,
    out: *mut *mut c_char,
) -> phonecom_status {
    ffi::boundary("phonecom_client_user_agent", || {
        let client = ffi::ref_arg(client, "client")?;
        let out = ffi::out_arg(out, "out")?;
        out.write_string(client.client.user_agent().to_string())
    })
}

/// What the client is configured to talk to, without any secret (for a binding's `repr` or
/// `var_dump`, or a program's startup log; the core's `Config::summary`, as Python's `repr` and
/// Node's `util.inspect` show it): `{"v4": {"base_url", "credentials": true|false,
/// "account_id"}, "oauth": {"base_url"}, "xml": {"base_url", "credentials"}, "v1": {...},
/// "nol": {...}}`, where `credentials` says whether a credential is configured, never what it is.
///
/// On `PHONECOM_OK`, `*out` holds a new string the caller frees with `phonecom_string_free`.
/// Fails only with `PHONECOM_ERR_NULL_ARGUMENT` (`client` or `out` is NULL).
///
/// # Safety
/// `client` is NULL or a live client; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn phonecom_client_describe_json(
    client: *const phonecom_client,
    out: *mut *mut c_char,
) -> phonecom_status {
    ffi::boundary("phonecom_client_describe_json", || {
        let client = ffi::ref_arg(client, "client")?;
        let out = ffi::out_arg(out, "out")?;
        out.write_json(&client.client.config().summary())
    })
}

/// Free a client (its connection pool stays open for the next client built from the same
/// configuration in this process, e.g. a PHP-FPM worker's next request; with
/// `"share_across_clients": false` it closes when the last client sharing it and the last pager
/// made from them are freed). NULL is accepted and ignored.
///
/// # Safety
/// `client` is NULL or a live client that no other thread is using and that is not used
/// afterwards.
#[no_mangle]
pub unsafe extern "C" fn phonecom_client_free(client: *mut phonecom_client) {
    ffi::boundary_value((), || ffi::free_handle(client))
}
