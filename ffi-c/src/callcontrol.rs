//! Call control: parse the requests Phone.com sends to the partner's URL, and render (or read
//! back) the `text/plain` command lines the partner answers with. Local only: no network.

use crate::ffi;
use crate::status::phonecom_status;
use phonecom_core::callcontrol::{render_json, CallRequest, Command};
use std::ffi::c_char;

/// Parse one call-control request from Phone.com: its query string (a whole URL is accepted) or
/// its form body, e.g. `uniqueID=8f2a&dialedNumber=18585602222&callerIdNumber=16195550100`.
///
/// On `PHONECOM_OK`, `*request_json` holds `{"event", "uniqueID", "dialedNumber",
/// "callerIdNumber", "callerIdName", "previous-response", "digits", "duration", "error",
/// "extra"}`: `event` is `"new_call"`, `"command_result"`, `"digits"`, `"completed"` or
/// `"error"`, absent fields are null, other fields are under `extra`. The caller frees it with
/// `phonecom_string_free`. Fails with `PHONECOM_ERR_VALIDATION` naming the bad or missing
/// fields (`uniqueID` and `dialedNumber` are required).
///
/// # Safety
/// `query_or_body` is NULL or a NUL-terminated string; `request_json` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn phonecom_callcontrol_parse(
    query_or_body: *const c_char,
    request_json: *mut *mut c_char,
) -> phonecom_status {
    ffi::boundary("phonecom_callcontrol_parse", || {
        let input = ffi::str_arg(query_or_body, "query_or_body")?;
        let out = ffi::out_arg(request_json, "request_json")?;
        out.write_json(&CallRequest::parse(input)?.to_json())
    })
}

/// Render a command given as JSON to the one line to answer Phone.com with (content type
/// `text/plain`), e.g. `{"command": "simple-forward", "number": "+18585602222", "dtmf": "ww123"}`
/// gives `simple-forward,18585602222ww123`. Commands: `simple-forward` (`number`, `dtmf`?),
/// `simple-forward-voicetag` (`text`, `number`, `dtmf`?), `multiple-forward` (`numbers`),
/// `multiple-forward-voicetag` (`text`, `numbers`), `play-and-get-digits` (`recording`,
/// `patterns`). Numbers are E.164; voice tags 1-40 characters without quotes, commas or control
/// characters; DTMF suffixes only on the simple forwards. Fails with `PHONECOM_ERR_VALIDATION`
/// naming the field and the rule.
///
/// On `PHONECOM_OK`, `*line` holds the line (no line break); the caller frees it with
/// `phonecom_string_free`.
///
/// # Safety
/// `command_json` is NULL or a NUL-terminated string; `line` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn phonecom_callcontrol_render(
    command_json: *const c_char,
    line: *mut *mut c_char,
) -> phonecom_status {
    ffi::boundary("phonecom_callcontrol_render", || {
        let command = ffi::json_arg(command_json, "command_json")?;
        let out = ffi::out_arg(line, "line")?;
        out.write_string(render_json(&command)?)
    })
}

/// Read a command line back into its JSON form (the form `phonecom_callcontrol_render` takes),
/// e.g. a request's `previous-response`. The values are checked as rendering checks them.
///
/// On `PHONECOM_OK`, `*command_json` holds the command as JSON; the caller frees it with
/// `phonecom_string_free`. Fails with `PHONECOM_ERR_VALIDATION`.
///
/// # Safety
/// `line` is NULL or a NUL-terminated string; `command_json` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn phonecom_callcontrol_parse_command(
    line: *const c_char,
    command_json: *mut *mut c_char,
) -> phonecom_status {
    ffi::boundary("phonecom_callcontrol_parse_command", || {
        let line = ffi::str_arg(line, "line")?;
        let out = ffi::out_arg(command_json, "command_json")?;
        out.write_json(&Command::parse(line)?.to_json())
    })
}
