//! `sendSMS`: from a number on the account, to a US or Canadian number (or one of the few
//! international destinations), at most 160 characters.

use super::params::{e164, is_nanp};
use super::world::Sms;
use super::{done, Cx, Reply};

/// Longest message, in characters.
pub const SMS_MAX: usize = 160;
/// International destinations accepted besides North America.
const INTERNATIONAL: &[&str] = &["+44", "+61"];

/// `sendSMS`: the message goes to the account's outbox (`GET /_sandbox/xml`). The answer has
/// no `<resultData>`, as in the document's example.
pub fn send(cx: &mut Cx) -> Reply {
    cx.p.require(&["fromNumber", "toNumber", "message"])?;
    let p = cx.p;
    let from = e164("fromNumber", p.get("fromNumber").unwrap_or_default())?;
    let to = e164("toNumber", p.get("toNumber").unwrap_or_default())?;
    let message = p.get("message").unwrap_or_default().to_string();
    if cx.account().number(&from).is_none() {
        return Err(format!(
            "Invalid fromNumber: {from} is not a Phone.com number on this account"
        ));
    }
    if !is_nanp(&to) && !INTERNATIONAL.iter().any(|c| to.starts_with(c)) {
        return Err(format!(
            "Invalid toNumber: SMS to {to} is not supported (US and Canadian mobile numbers, and a few international destinations)"
        ));
    }
    let len = message.chars().count();
    if len > SMS_MAX {
        return Err(format!(
            "Invalid message: SMS messages are limited to {SMS_MAX} characters (got {len})"
        ));
    }
    let id = cx.w.next_id();
    let sent_at = cx.now;
    let sms = Sms {
        id,
        from,
        to,
        message,
        sent_at,
    };
    crate::ring::push(&mut cx.account().sms, sms, crate::ring::HISTORY);
    done()
}
