//! The generic call and the catalog: every operation of every family, by canonical name, JSON
//! in and JSON out. Families added to the core's catalog reach C with no change here.

use crate::client::phonecom_client;
use crate::ffi;
use crate::status::phonecom_status;
use phonecom_core::exchange::{header_object, json_text};
use phonecom_core::{CallOptions, Error, Response};
use serde_json::{Map, Value};
use std::ffi::c_char;

/// Call any catalog operation by its canonical name (`"v4.list-available-phone-numbers"`,
/// `"express.signup"`, `"oauth.user-token"`, ...; `phonecom_catalog_json` lists them all) with
/// its parameters as a JSON object (`"{}"` or `"null"` for none). Parameters are checked
/// against the catalog before anything is sent; v4 `account_id` defaults to the configured one.
/// Blocks until the call, its retries included, is over.
///
/// On `PHONECOM_OK`, `*result_json` holds the decoded response body as JSON; the caller frees it
/// with `phonecom_string_free`. On failure the status is the error's kind (`PHONECOM_ERR_*`)
/// and `phonecom_last_error_json` gives every structured field.
///
/// Thread safety: any number of threads may call this on one client at once.
///
/// # Safety
/// `client` is NULL or a live client; `name` and `params_json` are NULL or NUL-terminated
/// strings; `result_json` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn phonecom_call(
    client: *const phonecom_client,
    name: *const c_char,
    params_json: *const c_char,
    result_json: *mut *mut c_char,
) -> phonecom_status {
    ffi::boundary("phonecom_call", || {
        let client = ffi::ref_arg(client, "client")?;
        let name = ffi::str_arg(name, "name")?;
        let params = ffi::json_arg(params_json, "params_json")?;
        let out = ffi::out_arg(result_json, "result_json")?;
        let data = client.client.call(name, params)?;
        out.write_json(&data)
    })
}

/// `phonecom_call` with per-call options: `options_json` is a JSON object (or `"null"` / `"{}"`
/// for none) overriding the client's settings for this call only, in the units of the
/// configuration document: `{"attempt_timeout_ms": 5000, "deadline_ms": 20000,
/// "max_attempts": 1, "headers": {"Idempotency-Key": "order-4471"}}`. `attempt_timeout_ms`
/// bounds each attempt (the config's `timeouts.attempt_ms`), `deadline_ms` the whole call with
/// its retries and waits (`retry.deadline_ms`), `max_attempts` (1 to 100; 1 disables retries)
/// the attempts; `headers` are extra request headers sent on every attempt (HTTP token names,
/// values without CR/LF, at most 32, none the library sets itself: `Authorization`,
/// `User-Agent` (use the config's `app_info`), `Content-Type`, ...).
///
/// On `PHONECOM_OK`, `*result_json` holds the decoded response body as JSON; the caller frees
/// it with `phonecom_string_free`. A bad option fails with `PHONECOM_ERR_VALIDATION` before
/// anything is sent, the error's field naming the option (`attempt_timeout_ms`,
/// `headers.X-Name`, ...) and the rule. Other failures as `phonecom_call`.
///
/// Thread safety: any number of threads may call this on one client at once.
///
/// # Safety
/// `client` is NULL or a live client; `name`, `params_json` and `options_json` are NULL or
/// NUL-terminated strings; `result_json` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn phonecom_call_with(
    client: *const phonecom_client,
    name: *const c_char,
    params_json: *const c_char,
    options_json: *const c_char,
    result_json: *mut *mut c_char,
) -> phonecom_status {
    ffi::boundary("phonecom_call_with", || {
        let client = ffi::ref_arg(client, "client")?;
        let name = ffi::str_arg(name, "name")?;
        let params = ffi::json_arg(params_json, "params_json")?;
        let options = ffi::json_arg(options_json, "options_json")?;
        let out = ffi::out_arg(result_json, "result_json")?;
        let opts = CallOptions::from_json_for(name, &options)?;
        let response = client.client.call_with(name, params, &opts)?;
        out.write_json(&response.data)
    })
}

/// `phonecom_call_with` returning the whole exchange as a JSON object (Stripe's
/// `last_response`): `{"data": <the result>, "status": <HTTP status>, "request_id": "...",
/// "attempts": <n>, "headers": {"ratelimit-remaining": "99", ...}, "body": "<raw body>",
/// "body_truncated": false}`. The request id is the upstream's when it sent one, else the
/// library's (quote it to support). `headers` has lower-cased names, a repeated header's values
/// joined with `, `, credentials masked (`authorization`, `set-cookie`, `x-api-key` as `***`, the
/// client's secrets as `***`). `body` is the raw response text, cut at 1 MiB
/// (`body_truncated` then true; `data` is always decoded from the whole body). `options_json`
/// as in `phonecom_call_with` (`"null"` for none).
///
/// On `PHONECOM_OK`, `*response_json` holds a new string the caller frees with
/// `phonecom_string_free`. Failures as `phonecom_call_with`.
///
/// Thread safety: any number of threads may call this on one client at once.
///
/// # Safety
/// `client` is NULL or a live client; `name`, `params_json` and `options_json` are NULL or
/// NUL-terminated strings; `response_json` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn phonecom_call_with_response(
    client: *const phonecom_client,
    name: *const c_char,
    params_json: *const c_char,
    options_json: *const c_char,
    response_json: *mut *mut c_char,
) -> phonecom_status {
    ffi::boundary("phonecom_call_with_response", || {
        let client = ffi::ref_arg(client, "client")?;
        let name = ffi::str_arg(name, "name")?;
        let params = ffi::json_arg(params_json, "params_json")?;
        let options = ffi::json_arg(options_json, "options_json")?;
        let out = ffi::out_arg(response_json, "response_json")?;
        let opts = CallOptions::from_json_for(name, &options)?;
        let response = client.client.call_with(name, params, &opts)?;
        out.write_json(&response_to_json(response))
    })
}

/// A finished call's exchange, kept so that its headers and body cross the boundary only when
/// asked for (`phonecom_response_json`): a binding's plain call returns the result alone and
/// still offers the last response on demand, as PHP's `lastResponse()` does.
///
/// Ownership: made by `phonecom_call_with_exchange`, freed by `phonecom_response_free`.
/// Immutable: any number of threads may read one at once.
pub struct phonecom_response {
    response: Response,
}

/// `phonecom_call_with`, also handing out the call's exchange as a handle: on `PHONECOM_OK`,
/// `*result_json` holds the decoded result as JSON (freed with `phonecom_string_free`) and
/// `*response` a new handle (freed with `phonecom_response_free`) whose
/// `phonecom_response_json` gives the status, request id, attempts, headers and raw body. The
/// headers are masked and the body copied only when that is asked for, so a caller that rarely
/// looks at them pays almost nothing for keeping them. Failures as `phonecom_call_with`; on
/// failure neither out-parameter is written.
///
/// Thread safety: any number of threads may call this on one client at once.
///
/// # Safety
/// `client` is NULL or a live client; `name`, `params_json` and `options_json` are NULL or
/// NUL-terminated strings; `result_json` and `response` are NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn phonecom_call_with_exchange(
    client: *const phonecom_client,
    name: *const c_char,
    params_json: *const c_char,
    options_json: *const c_char,
    result_json: *mut *mut c_char,
    response: *mut *mut phonecom_response,
) -> phonecom_status {
    ffi::boundary("phonecom_call_with_exchange", || {
        let client = ffi::ref_arg(client, "client")?;
        let name = ffi::str_arg(name, "name")?;
        let params = ffi::json_arg(params_json, "params_json")?;
        let options = ffi::json_arg(options_json, "options_json")?;
        let out = ffi::out_arg(result_json, "result_json")?;
        let handle = ffi::out_arg(response, "response")?;
        let opts = CallOptions::from_json_for(name, &options)?;
        let mut response = client.client.call_with(name, params, &opts)?;
        let text = ffi::into_c_string(json_text(&std::mem::take(&mut response.data)))?;
        handle.write_handle(phonecom_response { response })?;
        out.write(text)
    })
}

/// The exchange of `response` as a JSON object: `{"status": <HTTP status>, "request_id":
/// "...", "attempts": <n>, "headers": {...}, "body": "<raw body>", "body_truncated": false}`,
/// each member as in `phonecom_call_with_response` (the result itself is the `result_json` the
/// call gave).
///
/// On `PHONECOM_OK`, `*out` holds a new string the caller frees with `phonecom_string_free`.
///
/// # Safety
/// `response` is NULL or a live response; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn phonecom_response_json(
    response: *const phonecom_response,
    out: *mut *mut c_char,
) -> phonecom_status {
    ffi::boundary("phonecom_response_json", || {
        let response = ffi::ref_arg(response, "response")?;
        let out = ffi::out_arg(out, "out")?;
        out.write_json(&Value::Object(exchange_json(&response.response)))
    })
}

/// Free a response handle. NULL is accepted and ignored.
///
/// # Safety
/// `response` is NULL or a live response, not used after this call.
#[no_mangle]
pub unsafe extern "C" fn phonecom_response_free(response: *mut phonecom_response) {
    ffi::boundary_value((), || ffi::free_handle(response))
}

/// A response as the JSON `phonecom_call_with_response` returns.
fn response_to_json(mut response: Response) -> Value {
    let mut object = Map::new();
    object.insert("data".into(), std::mem::take(&mut response.data));
    object.extend(exchange_json(&response));
    Value::Object(object)
}

/// Everything of a response but its result, as `phonecom_response_json` returns it.
fn exchange_json(response: &Response) -> Map<String, Value> {
    let headers = header_object(response.headers());
    let mut object = Map::new();
    object.insert("status".into(), response.status.into());
    object.insert("request_id".into(), response.request_id.as_str().into());
    object.insert("attempts".into(), response.attempts.into());
    object.insert("headers".into(), Value::Object(headers));
    object.insert("body".into(), response.body.as_str().into());
    object.insert("body_truncated".into(), response.body_truncated.into());
    object
}

/// The whole catalog as JSON: `{"version": "...", "operations": [{name, family, method, path,
/// doc, tag, returns, pageable, origin, params: [{name, in, type, required, doc, fields, max,
/// min, enum, format, secret}]}]}`, sorted by name. Generators of typed wrappers read this.
///
/// On `PHONECOM_OK`, `*out` holds a new string the caller frees with `phonecom_string_free`.
/// Fails only with `PHONECOM_ERR_NULL_ARGUMENT` (`out` is NULL).
///
/// # Safety
/// `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn phonecom_catalog_json(out: *mut *mut c_char) -> phonecom_status {
    ffi::boundary("phonecom_catalog_json", || {
        let out = ffi::out_arg(out, "out")?;
        out.write_json(&phonecom_core::catalog().to_json())
    })
}

/// One catalog entry as JSON (the shape of an element of `operations` in
/// `phonecom_catalog_json`). Fails with `PHONECOM_ERR_VALIDATION` when `name` is not in the
/// catalog.
///
/// On `PHONECOM_OK`, `*out` holds a new string the caller frees with `phonecom_string_free`.
///
/// # Safety
/// `name` is NULL or a NUL-terminated string; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn phonecom_operation_json(
    name: *const c_char,
    out: *mut *mut c_char,
) -> phonecom_status {
    ffi::boundary("phonecom_operation_json", || {
        let name = ffi::str_arg(name, "name")?;
        let out = ffi::out_arg(out, "out")?;
        let op = phonecom_core::catalog().get(name).ok_or_else(|| {
            Error::validation(
                "",
                "name",
                &format!(
                    "is not in the catalog (got `{name}`; phonecom_catalog_json lists every name)"
                ),
            )
        })?;
        out.write_json(&op.to_json())
    })
}
