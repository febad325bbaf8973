//! Call control (beta in the XML API document): Phone.com calls the partner's URL for each
//! incoming call on a number without call handling, and the partner answers with one
//! `text/plain` command line. No network is involved here: this module parses Phone.com's
//! requests, classifies them, renders commands, and routes requests to a handler.
//!
//! ```
//! use phonecom::callcontrol::{CallRequest, Command, Event};
//! let call = CallRequest::parse("uniqueID=8f2a&dialedNumber=18585602222&callerIdNumber=16195550100")?;
//! assert_eq!(call.event(), Event::NewCall);
//! let line = Command::SimpleForwardVoiceTag {
//!     text: "Sales call".into(), number: "+18585550100".into(), dtmf: None,
//! }.render()?;
//! assert_eq!(line, r#"simple-forward-voicetag,"Sales call",18585550100"#);
//! # Ok::<(), phonecom::Error>(())
//! ```
//!
//! # Setting it up (per the document)
//!
//! Call control is enabled per account by Phone.com: ask them to turn it on and give them the URL
//! of your handler. Phone.com then calls that URL only for incoming calls to numbers that have
//! **no call routing**, or whose routing is set to "disconnect": a number bought with a `route`,
//! or given a ring-all rule with `xml.updateCallHandlingSimpleRingAll`, never reaches the handler.
//! The requests carry no credentials of their own, and the URL is public: put an unguessable
//! secret in it (`https://portal.example/phonecom/calls?key=...`) and check it in the handler
//! before answering (refuse with 403 otherwise); serve it over HTTPS.
//!
//! # Requests
//!
//! Each request carries `uniqueID` and `dialedNumber`, `callerIdNumber` and `callerIdName` when
//! known, and, after the first, `previous-response` (the partner's last answer). `digits` comes
//! after `play-and-get-digits`, `duration` (seconds) when the call has completed, and `error` when
//! a command failed. [`CallRequest::event`] classifies a request as a new call, a command result,
//! digits collected, a completed call or an error. Requests parse from a query string or a form
//! body ([`CallRequest::parse`]) or from JSON ([`CallRequest::from_json`]); [`CallRequest::to_json`]
//! gives `{"event", "uniqueID", "dialedNumber", "callerIdNumber", "callerIdName",
//! "previous-response", "digits", "duration", "error", "extra"}`.
//!
//! # Commands
//!
//! | command | line |
//! |---|---|
//! | [`Command::SimpleForward`] | `simple-forward,18585602222` or `simple-forward,18585602222ww1234w5` |
//! | [`Command::SimpleForwardVoiceTag`] | `simple-forward-voicetag,"TEXT",18585602222` (DTMF suffix allowed) |
//! | [`Command::MultipleForward`] | `multiple-forward,18585602222,18585602223` |
//! | [`Command::MultipleForwardVoiceTag`] | `multiple-forward-voicetag,"TEXT",18585602222,18585602223` |
//! | [`Command::PlayAndGetDigits`] | `play-and-get-digits,Recording Name,DDD\|DDDD` |
//!
//! Numbers are E.164 and written as the document's examples write them, digits without `+`
//! (`+18585602222` is accepted and written `18585602222`). A DTMF suffix (`w` pauses of 0.5 s and
//! the digits 0-9, the only keys the document names) goes on the simple forwards only: the document's DTMF paragraph appears
//! under both `simple-forward` commands and says it "works only on simple-forward (not
//! multiple-forward)". Voice tags are 1 to 40 characters. A voice tag or recording name with a
//! double quote, comma, backslash, line break or other control character is refused, as is a
//! pattern with anything but `0`-`9`, `D` and the `|` between alternatives: nothing that could
//! end a field or start a second command is passed through. The document ends after
//! `play-and-get-digits`; later commands of the protocol are not specified.
//!
//! Bindings use the JSON forms: [`render_json`] takes `{"command": "simple-forward", "number":
//! "+18585602222", "dtmf": "ww123"}` and returns the line; [`Command::to_json`] and
//! [`Command::parse`] go the other way.
//!
//! # Routing
//!
//! [`CallHandler`] has one method per event; [`route`] calls the right one and renders the
//! answer, [`handle`] also parses the request and turns failures into a 400/500 [`Answer`].

mod command;
mod http;
mod request;
mod router;

use crate::error::FieldError;

/// Longest piece of caller input an error repeats, in characters.
const EXCERPT_CHARS: usize = 80;
/// Most problems one error lists; the rest are counted.
const MAX_PROBLEMS: usize = 10;

/// `s` with control characters escaped, cut to 80 characters plus `…` (an error must not
/// repeat megabytes of hostile input).
fn excerpt(s: &str) -> String {
    let mut out: String = s
        .chars()
        .take(EXCERPT_CHARS)
        .flat_map(char::escape_default)
        .collect();
    if s.chars().nth(EXCERPT_CHARS).is_some() {
        out.push('…');
    }
    out
}

/// Each problem once, at most 10 of them, and the `; `-joined summary (with `; and N more`).
fn summarize(problems: Vec<FieldError>) -> (String, Vec<FieldError>) {
    let mut kept: Vec<FieldError> = Vec::new();
    let mut more = 0usize;
    let mut seen = std::collections::HashSet::new();
    for p in problems {
        if !seen.insert((p.field.clone(), p.message.clone())) {
            continue;
        }
        if kept.len() < MAX_PROBLEMS {
            kept.push(p);
        } else {
            more += 1;
        }
    }
    let mut summary = crate::error::fields_summary(&kept);
    if more > 0 {
        summary.push_str(&format!("; and {more} more"));
    }
    (summary, kept)
}

pub use command::{render_json, Command, COMMANDS, VOICE_TAG_MAX};
pub use http::{admit, body_too_large, handle_http, Admission, ALLOW, FORM_TYPE, MAX_BODY};
pub use request::{CallRequest, Event};
pub use router::{handle, route, Answer, CallHandler, CONTENT_TYPE};
