//! A composed flow's per-call options, applied to each of its steps: the attempt timeout and
//! the attempts as given, and one deadline for the whole flow, each step getting what remains
//! of it (lookups between steps included).
//!
//! ```text
//! client.call_with("express.signup", params, &CallOptions { deadline: Some(30 s), .. })
//!   create subaccount   deadline 30 s
//!   add card            deadline 30 s - time spent so far
//!   user token          what remains; none left: a timeout error naming the step
//! ```

use crate::error::{Error, ErrorKind, Result};
use crate::transport::CallOptions;
use std::time::Instant;

/// The options of one run of a flow.
pub(crate) struct Steps {
    operation: &'static str,
    opts: CallOptions,
    started: Instant,
}

impl Steps {
    /// The options a flow call of `operation` was given (extra headers are refused before a
    /// flow runs, so only the time limits and attempts are kept).
    pub(crate) fn new(operation: &'static str, opts: &CallOptions) -> Steps {
        Steps {
            operation,
            opts: CallOptions {
                headers: Vec::new(),
                ..opts.clone()
            },
            started: Instant::now(),
        }
    }

    /// The options of the next step (`step` words it for the error): the deadline is what
    /// remains of the flow's; when nothing remains, a timeout error naming the step.
    pub(crate) fn next(&self, step: &str) -> Result<CallOptions> {
        let Some(deadline) = self.opts.deadline else {
            return Ok(self.opts.clone());
        };
        match deadline.checked_sub(self.started.elapsed()) {
            Some(left) if !left.is_zero() => Ok(CallOptions {
                deadline: Some(left),
                ..self.opts.clone()
            }),
            _ => Err(Error::new(
                ErrorKind::Timeout,
                format!(
                    "the call's deadline of {} ms passed before {step}",
                    deadline.as_millis()
                ),
            )
            .with_operation(self.operation)),
        }
    }
}
