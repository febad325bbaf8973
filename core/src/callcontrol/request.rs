//! The request Phone.com sends to the partner's URL, parsed and classified.

use crate::error::{Error, ErrorKind, FieldError, Result};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

const OP: &str = "callcontrol.request";

/// What a request from Phone.com reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    /// A call arrived; answer with a command.
    NewCall,
    /// Phone.com carried out the previous command (`previous-response`); answer with the next.
    CommandResult,
    /// `play-and-get-digits` finished: `digits` holds what the caller pressed (empty on timeout).
    Digits,
    /// The call ended; `duration` holds its length in seconds.
    Completed,
    /// A command failed (bad syntax or otherwise); `error` says why.
    Error,
}

impl Event {
    /// Stable lower-case name: `new_call`, `command_result`, `digits`, `completed`, `error`.
    pub fn as_str(self) -> &'static str {
        match self {
            Event::NewCall => "new_call",
            Event::CommandResult => "command_result",
            Event::Digits => "digits",
            Event::Completed => "completed",
            Event::Error => "error",
        }
    }
}

/// One request from Phone.com. Fields not named by the document are kept in `extra`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CallRequest {
    /// `uniqueID`: Phone.com's id of the call.
    pub unique_id: String,
    /// `dialedNumber`: the Phone.com number that was dialed.
    pub dialed_number: String,
    /// `callerIdNumber`, when the network provided it.
    pub caller_id_number: Option<String>,
    /// `callerIdName` (CNAM), when the network provided it.
    pub caller_id_name: Option<String>,
    /// `previous-response`: the partner's previous answer.
    pub previous_response: Option<String>,
    /// `digits`: DTMF collected by `play-and-get-digits` (may be empty).
    pub digits: Option<String>,
    /// `duration`: call length in seconds, on the final request.
    pub duration: Option<u64>,
    /// `error`: why a command failed.
    pub error: Option<String>,
    /// Any other field, by name.
    pub extra: BTreeMap<String, String>,
}

/// The document's field names, in the order they are written back.
const FIELDS: [&str; 8] = [
    "uniqueID",
    "dialedNumber",
    "callerIdNumber",
    "callerIdName",
    "previous-response",
    "digits",
    "duration",
    "error",
];

impl CallRequest {
    /// Parse a query string or form body (`uniqueID=...&dialedNumber=...`); a leading `?` or a
    /// whole URL is accepted too. Field names match case-insensitively. A number whose `+` was
    /// sent unencoded (and so decoded as a space) gets its `+` back.
    ///
    /// ```
    /// use phonecom::callcontrol::{CallRequest, Event};
    /// let req = CallRequest::parse("uniqueID=abc123&dialedNumber=%2B18585602222&callerIdNumber=%2B16195550100")?;
    /// assert_eq!(req.event(), Event::NewCall);
    /// assert_eq!(req.caller_id_name, None);
    /// # Ok::<(), phonecom::Error>(())
    /// ```
    pub fn parse(input: &str) -> Result<CallRequest> {
        let input = input.trim();
        let query = match input.split_once('?') {
            Some((_, q)) => q,
            None => input,
        };
        let query = query.split('#').next().unwrap_or("");
        CallRequest::from_pairs(crate::encode::decode_pairs(query))
    }

    /// Build from a JSON object of fields (the document's names; values are strings, numbers are
    /// accepted and taken as their text; `extra` may hold other fields).
    /// An `event` member, as [`CallRequest::to_json`] writes it, is ignored.
    pub fn from_json(value: &Value) -> Result<CallRequest> {
        let obj = value.as_object().ok_or_else(|| {
            Error::new(
                ErrorKind::Validation,
                "call-control request must be a JSON object of fields",
            )
            .with_operation(OP)
        })?;
        let mut pairs = Vec::new();
        let mut problems = Vec::new();
        for (k, v) in obj {
            if k == "event" {
                continue;
            }
            match v {
                Value::Null => {}
                Value::String(s) => pairs.push((k.clone(), s.clone())),
                Value::Number(n) => pairs.push((k.clone(), n.to_string())),
                Value::Object(extra) if k == "extra" => {
                    for (ek, ev) in extra {
                        match ev.as_str() {
                            Some(s) => pairs.push((ek.clone(), s.to_string())),
                            None => {
                                problems.push(field(&format!("extra.{ek}"), "must be a string"))
                            }
                        }
                    }
                }
                _ => problems.push(field(k, "must be a string")),
            }
        }
        if !problems.is_empty() {
            return Err(invalid(problems));
        }
        CallRequest::from_pairs(pairs)
    }

    fn from_pairs(pairs: Vec<(String, String)>) -> Result<CallRequest> {
        let mut known: BTreeMap<&'static str, String> = BTreeMap::new();
        let mut req = CallRequest::default();
        let mut problems = Vec::new();
        for (k, v) in pairs {
            match FIELDS.iter().find(|f| f.eq_ignore_ascii_case(&k)) {
                Some(name) => {
                    if known.insert(name, v).is_some() {
                        problems.push(field(name, "appears more than once"));
                    }
                }
                None => {
                    if req.extra.insert(k.clone(), v).is_some() {
                        problems.push(field(&k, "appears more than once"));
                    }
                }
            }
        }
        let mut take = |name: &str| known.remove(name).filter(|v| !v.is_empty());
        let number = |v: String| match v.strip_prefix(' ') {
            Some(rest) if !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()) => {
                format!("+{rest}")
            }
            _ => v,
        };
        match take("uniqueID") {
            Some(v) => req.unique_id = v,
            None => problems.push(field("uniqueID", "is required")),
        }
        match take("dialedNumber") {
            Some(v) => req.dialed_number = number(v),
            None => problems.push(field("dialedNumber", "is required")),
        }
        req.caller_id_number = take("callerIdNumber").map(number);
        req.caller_id_name = take("callerIdName");
        req.previous_response = take("previous-response");
        req.error = take("error");
        if let Some(d) = take("duration") {
            match d.trim().parse::<u64>() {
                Ok(n) => req.duration = Some(n),
                Err(_) => problems.push(field(
                    "duration",
                    &format!("must be whole seconds (got `{}`)", super::excerpt(&d)),
                )),
            }
        }
        // `digits` may be present and empty (a timeout without key presses).
        req.digits = known.remove("digits");
        if problems.is_empty() {
            Ok(req)
        } else {
            Err(invalid(problems))
        }
    }

    /// What the request reports: an `error` first, then a `duration` (the call completed), then
    /// `digits`, then a `previous-response` (a command result), else a new call. A command result
    /// after `play-and-get-digits` without a `digits` field counts as digits collected (none).
    pub fn event(&self) -> Event {
        if self.error.is_some() {
            Event::Error
        } else if self.duration.is_some() {
            Event::Completed
        } else if self.digits.is_some()
            || self
                .previous_response
                .as_deref()
                .is_some_and(|p| p.trim_start().starts_with("play-and-get-digits"))
        {
            Event::Digits
        } else if self.previous_response.is_some() {
            Event::CommandResult
        } else {
            Event::NewCall
        }
    }

    /// The fields as a JSON object (the document's names) plus `event`; absent fields are
    /// `null`, other fields are under `extra`. [`CallRequest::from_json`] reads it back.
    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        m.insert("event".into(), self.event().as_str().into());
        for (name, value) in self.named() {
            m.insert(
                name.into(),
                match (name, value) {
                    ("duration", Some(v)) => Value::from(v.parse::<u64>().unwrap_or_default()),
                    (_, Some(v)) => Value::String(v),
                    (_, None) => Value::Null,
                },
            );
        }
        m.insert(
            "extra".into(),
            Value::Object(
                self.extra
                    .iter()
                    .map(|(k, v)| (k.clone(), Value::String(v.clone())))
                    .collect(),
            ),
        );
        Value::Object(m)
    }

    /// The request as a query string, as Phone.com sends it (for tests and the sandbox).
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(String, String)> = self
            .named()
            .into_iter()
            .filter_map(|(k, v)| v.map(|v| (k.to_string(), v)))
            .collect();
        pairs.extend(self.extra.iter().map(|(k, v)| (k.clone(), v.clone())));
        crate::encode::encode_pairs(&pairs)
    }

    fn named(&self) -> [(&'static str, Option<String>); 8] {
        [
            ("uniqueID", Some(self.unique_id.clone())),
            ("dialedNumber", Some(self.dialed_number.clone())),
            ("callerIdNumber", self.caller_id_number.clone()),
            ("callerIdName", self.caller_id_name.clone()),
            ("previous-response", self.previous_response.clone()),
            ("digits", self.digits.clone()),
            ("duration", self.duration.map(|d| d.to_string())),
            ("error", self.error.clone()),
        ]
    }
}

/// A problem with a field; the name is cut short (it may be caller input of any size).
fn field(name: &str, rule: &str) -> FieldError {
    FieldError {
        field: super::excerpt(name),
        message: rule.to_string(),
    }
}

fn invalid(problems: Vec<FieldError>) -> Error {
    let (summary, problems) = super::summarize(problems);
    Error::new(
        ErrorKind::Validation,
        format!("call-control request: {summary}"),
    )
    .with_operation(OP)
    .with_fields(problems)
}
