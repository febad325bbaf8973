//! Routing a request from Phone.com to the partner's handler, and the HTTP answer to send back.

use super::command::Command;
use super::request::{CallRequest, Event};
use crate::error::Result;

/// The content type of every answer.
pub const CONTENT_TYPE: &str = "text/plain";

/// What to send back to Phone.com.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    /// HTTP status: 200, or 400 for a request that could not be parsed, 500 for a handler error.
    pub status: u16,
    /// Always [`CONTENT_TYPE`].
    pub content_type: &'static str,
    /// The command line, or empty when there is nothing to say (after `completed` or `error`,
    /// or when a handler returns no further command).
    pub body: String,
}

impl Answer {
    fn ok(body: String) -> Answer {
        Answer {
            status: 200,
            content_type: CONTENT_TYPE,
            body,
        }
    }
}

/// A partner's call logic: one method per event. Only [`CallHandler::new_call`] is required.
///
/// ```
/// use phonecom::callcontrol::{handle, CallHandler, CallRequest, Command};
/// struct Reception;
/// impl CallHandler for Reception {
///     fn new_call(&self, _call: &CallRequest) -> phonecom::Result<Command> {
///         Ok(Command::PlayAndGetDigits { recording: "Main Menu".into(), patterns: vec!["D".into()] })
///     }
///     fn digits(&self, _call: &CallRequest, digits: &str) -> phonecom::Result<Option<Command>> {
///         let to = if digits == "1" { "+18585550101" } else { "+18585550100" };
///         Ok(Some(Command::SimpleForward { number: to.into(), dtmf: None }))
///     }
/// }
/// let answer = handle(&Reception, "uniqueID=c1&dialedNumber=18585602222&digits=1");
/// assert_eq!(answer.body, "simple-forward,18585550101");
/// ```
pub trait CallHandler {
    /// A call arrived: the first command.
    fn new_call(&self, call: &CallRequest) -> Result<Command>;

    /// The previous command was carried out (e.g. a forward that was not answered). Default: no
    /// further command. The document does not say what Phone.com does with an empty answer, so
    /// return a command to keep the call going.
    fn command_result(&self, _call: &CallRequest, _previous: &str) -> Result<Option<Command>> {
        Ok(None)
    }

    /// `play-and-get-digits` finished with `digits` (empty on a timeout). Default: no command.
    fn digits(&self, _call: &CallRequest, _digits: &str) -> Result<Option<Command>> {
        Ok(None)
    }

    /// The call ended after `duration` seconds. Default: nothing.
    fn completed(&self, _call: &CallRequest, _duration: u64) {}

    /// A command failed; `error` says why. Default: nothing.
    fn error(&self, _call: &CallRequest, _error: &str) {}
}

/// Call the handler method for `call`'s event and render its answer.
pub fn route<H: CallHandler + ?Sized>(handler: &H, call: &CallRequest) -> Result<Answer> {
    let command = match call.event() {
        Event::NewCall => Some(handler.new_call(call)?),
        Event::CommandResult => {
            handler.command_result(call, call.previous_response.as_deref().unwrap_or(""))?
        }
        Event::Digits => handler.digits(call, call.digits.as_deref().unwrap_or(""))?,
        Event::Completed => {
            handler.completed(call, call.duration.unwrap_or(0));
            None
        }
        Event::Error => {
            handler.error(call, call.error.as_deref().unwrap_or(""));
            None
        }
    };
    Ok(Answer::ok(match command {
        Some(c) => c.render()?,
        None => String::new(),
    }))
}

/// Parse a query string or form body, route it, and turn failures into an answer: 400 with the
/// reason when the request cannot be parsed, 500 with the reason when the handler fails or
/// returns a command that does not pass the checks.
pub fn handle<H: CallHandler + ?Sized>(handler: &H, query_or_body: &str) -> Answer {
    let result = CallRequest::parse(query_or_body)
        .map_err(|e| (400, e))
        .and_then(|call| route(handler, &call).map_err(|e| (500, e)));
    match result {
        Ok(answer) => answer,
        Err((status, e)) => Answer {
            status,
            content_type: CONTENT_TYPE,
            body: e.to_string(),
        },
    }
}
