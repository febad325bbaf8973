//! Call control (core's `callcontrol`), as plain functions over JSON text: parse Phone.com's
//! request, render a command (from its JSON form, or check a command line), parse a line back.
//! `lib/callcontrol.js` turns them into `callcontrol.parseRequest`, `render`, `parseCommand`
//! and the `http` request listener.

use crate::errors::{guard, parse, to_js};
use napi_derive::napi;
use phonecom::callcontrol::{render_json, CallRequest, Command, COMMANDS, VOICE_TAG_MAX};

/// A request's query string or form body, parsed and classified, as JSON text
/// (`{"event", "uniqueID", "dialedNumber", ..., "extra"}`).
#[napi]
pub fn callcontrol_parse_request(query_or_body: String) -> napi::Result<String> {
    guard("callcontrol.parseRequest", || {
        let call = CallRequest::parse(&query_or_body).map_err(|e| to_js(&e))?;
        Ok(call.to_json().to_string())
    })
}

/// The `text/plain` line of a command given as JSON text (`{"command": "simple-forward", ...}`).
#[napi]
pub fn callcontrol_render(command_json: String) -> napi::Result<String> {
    guard("callcontrol.render", || {
        let value = parse("callcontrol.render", "command", &command_json)?;
        render_json(&value).map_err(|e| to_js(&e))
    })
}

/// A command line checked by the same rules (parsed, then rendered again).
#[napi]
pub fn callcontrol_check_line(line: String) -> napi::Result<String> {
    guard("callcontrol.render", || {
        Command::parse(&line)
            .and_then(|c| c.render())
            .map_err(|e| to_js(&e))
    })
}

/// A command line as the JSON form, as JSON text.
#[napi]
pub fn callcontrol_parse_command(line: String) -> napi::Result<String> {
    guard("callcontrol.parseCommand", || {
        let command = Command::parse(&line).map_err(|e| to_js(&e))?;
        Ok(command.to_json().to_string())
    })
}

/// The command names the protocol defines.
#[napi]
pub fn callcontrol_commands() -> Vec<String> {
    COMMANDS.iter().map(|c| c.to_string()).collect()
}

/// The longest voice tag, in characters.
#[napi]
pub fn callcontrol_voice_tag_max() -> u32 {
    VOICE_TAG_MAX as u32
}

/// An answer the core's HTTP policy gives before the handler runs.
#[napi(object)]
pub struct NativeRefusal {
    /// 405, 413, 415 or 400.
    pub status: u32,
    /// One line naming the field and the rule.
    pub body: String,
}

impl From<phonecom::callcontrol::Answer> for NativeRefusal {
    fn from(a: phonecom::callcontrol::Answer) -> NativeRefusal {
        NativeRefusal {
            status: u32::from(a.status),
            body: a.body,
        }
    }
}

/// The core's HTTP policy for a call-control request (`admit`): null to read it, or the
/// answer to send at once.
#[napi]
pub fn callcontrol_admit(
    method: String,
    content_type: Option<String>,
    content_length: Option<String>,
) -> napi::Result<Option<NativeRefusal>> {
    guard("callcontrol.admit", || {
        let admitted = phonecom::callcontrol::admit(
            &method,
            content_type.as_deref(),
            content_length.as_deref(),
        );
        Ok(admitted.err().map(NativeRefusal::from))
    })
}

/// The core's answer to a body over `callcontrolMaxBody()` bytes (413).
#[napi]
pub fn callcontrol_body_too_large(size: f64) -> NativeRefusal {
    phonecom::callcontrol::body_too_large(size.max(0.0) as u64).into()
}

/// The largest form body a handler reads, in bytes (the core's limit).
#[napi]
pub fn callcontrol_max_body() -> u32 {
    phonecom::callcontrol::MAX_BODY as u32
}

/// The methods a call-control endpoint takes (`Allow` of a 405).
#[napi]
pub fn callcontrol_allow() -> String {
    phonecom::callcontrol::ALLOW.to_string()
}
