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
