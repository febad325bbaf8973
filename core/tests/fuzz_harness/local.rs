//! Targets for what callers and Phone.com's call control hand the library locally: call-control
//! requests and commands, the value types, upload checks and the masking of secrets.

use super::{show, split_first_line};
use phonecom::callcontrol::{self, CallHandler, CallRequest, Command};
use phonecom::types::{e164, uuid, vanity, yn, Money, Timestamp};
use phonecom::{Redactor, Result};
use serde_json::Value;

/// A handler that answers with commands built from what the request carried, so that the
/// request's text reaches command rendering and its checks.
struct Echo;

impl CallHandler for Echo {
    fn new_call(&self, call: &CallRequest) -> Result<Command> {
        Ok(Command::SimpleForwardVoiceTag {
            text: call.caller_id_name.clone().unwrap_or_default(),
            number: call.caller_id_number.clone().unwrap_or_default(),
            dtmf: call.extra.get("dtmf").cloned(),
        })
    }
    fn command_result(&self, _call: &CallRequest, previous: &str) -> Result<Option<Command>> {
        Command::parse(previous).map(Some)
    }
    fn digits(&self, call: &CallRequest, digits: &str) -> Result<Option<Command>> {
        Ok(Some(Command::PlayAndGetDigits {
            recording: call.dialed_number.clone(),
            patterns: digits.split('|').map(str::to_string).collect(),
        }))
    }
}

/// A request to the partner's URL as a query string or form body ([`CallRequest::parse`],
/// routed through [`callcontrol::handle`]), and as JSON when the input is JSON.
pub fn callcontrol_request(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Ok(call) = CallRequest::parse(&text) {
        let _ = call.to_json().to_string();
    }
    let answer = callcontrol::handle(&Echo, &text);
    let _ = answer.body.len();
    if let Ok(value) = serde_json::from_slice::<Value>(data) {
        match CallRequest::from_json(&value) {
            Ok(call) => {
                let _ = callcontrol::route(&Echo, &call).map_err(|e| show(&e));
            }
            Err(e) => show(&e),
        }
    }
}

/// A command line ([`Command::parse`], then rendered and parsed back) and, when the input is
/// JSON, its JSON form ([`callcontrol::render_json`]).
pub fn callcontrol_command(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    match Command::parse(&text) {
        Ok(command) => {
            let _ = command.to_json().to_string();
            match command.render() {
                Ok(line) => {
                    let _ = Command::parse(&line).map_err(|e| show(&e));
                }
                Err(e) => show(&e),
            }
        }
        Err(e) => show(&e),
    }
    if let Ok(value) = serde_json::from_slice::<Value>(data) {
        let _ = callcontrol::render_json(&value).map_err(|e| show(&e));
    }
}

/// Every value parser on the input as text (E.164 in both dialects, money, timestamps, UUID,
/// vanity patterns, Y/N, `Retry-After`, percent-encoding, form pairs, base64), and the JSON
/// forms (money, timestamps, durations, Y/N, v1 dates and bodies) when the input is JSON.
pub fn types(data: &[u8]) {
    let s = String::from_utf8_lossy(data);
    let s = s.as_ref();
    let _ = e164::check(s);
    let _ = e164::normalize(s);
    let _ = e164::normalize_plus(s);
    let _ = e164::check_v1(s);
    let _ = e164::normalize_v1(s);
    let _ = e164::is_nanpa(s);
    if let Ok(m) = Money::parse(s) {
        let _ = (m.to_string(), m.cents());
    }
    if let Ok(t) = Timestamp::parse(s) {
        let _ = Timestamp::parse(&t.to_iso());
    }
    let _ = uuid::check(s);
    let _ = vanity::to_digits(s);
    let _ = yn::parse_str(s);
    let _ = phonecom::retry::parse_retry_after(s, 1_700_000_000);
    let _ = phonecom::encode::percent_decode(s, true);
    let _ = phonecom::encode::decode_pairs(s);
    let _ = phonecom::encode::base64_decode(s);
    let _ = phonecom::nol::kind_of_code(s);
    if let Some((partner, user)) = s.split_once('\n') {
        let _ = phonecom::express::username(partner, user);
    }
    let Ok(mut value) = serde_json::from_slice::<Value>(data) else {
        return;
    };
    let _ = Money::from_value(&value);
    let _ = Timestamp::from_value(&value);
    let _ = phonecom::types::timestamp::duration_seconds(&value);
    let _ = yn::parse(&value);
    let _ = phonecom::express::validate_contact(&value).map_err(|e| show(&e));
    let _ = phonecom::v1::check_dates("body", &value);
    let _ = phonecom::v1::check_menu_digits("options", &value);
    let _ = phonecom::v1::normalize_result(value.clone());
    for service in phonecom::v1::services() {
        let _ = phonecom::v1::check_body_fields(service, &mut value);
    }
}

/// `FILENAME[\tCONTENT-TYPE]\nBYTES`: the upload checks (REST v1 media, numbers.online logos and
/// documents) on those bytes as that file.
pub fn uploads(data: &[u8]) {
    let (head, bytes) = split_first_line(data);
    let (filename, declared) = match head.split_once('\t') {
        Some((f, t)) => (f, Some(t)),
        None => (head.as_str(), None),
    };
    let _ = phonecom::v1::check_media_upload(filename, declared, bytes).map_err(|e| show(&e));
    let _ = phonecom::nol::check_logo(bytes, declared).map_err(|e| show(&e));
    let _ = phonecom::nol::check_document(bytes, declared).map_err(|e| show(&e));
    let _ = phonecom::encode::file_name_problem(filename);
}

/// `SECRET\nSECRET\n...\n\nTEXT`: a [`Redactor`] knowing those secrets masks TEXT; the pair and
/// member masks run on the whole input too.
pub fn masking(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let (secrets, shown) = text.split_once("\n\n").unwrap_or(("", text.as_ref()));
    let redactor = Redactor::new(secrets.lines());
    let masked = redactor.redact(shown);
    let _ = redactor.redact(&masked);
    let _ = phonecom::fuzzing::mask_query_pairs(&text);
    let _ = phonecom::fuzzing::mask_json_members(&text);
    let _ = phonecom::fuzzing::mask_pairs_named(&text, "username");
}
