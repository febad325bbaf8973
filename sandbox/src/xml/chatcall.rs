//! ChatCalls: `getVoiceList`, `getSoundList`, `previewChatCall` (a `.wav` URL the sandbox
//! serves), `sendChatCall` (repeated `toName`/`toNumber` pairs) and `getChatCallStatus`
//! (status per recipient, moving with the sandbox clock).

use super::envelope::{time_el, El};
use super::params::{e164, email, is_nanp, time};
use super::{ok, Cx, Reply, XmlService};
use crate::http::{Request, Response};
use crate::state::Shared;
use serde::Serialize;

/// `(id, name, language, dialect, sex)`; the first two are the document's example.
pub const VOICES: &[(u32, &str, &str, &str, &str)] = &[
    (141, "Dubya", "English", "", "male"),
    (142, "Princess", "English", "whiney teenager", "female"),
    (143, "Crystal", "English", "American", "female"),
    (144, "Mike", "English", "American", "male"),
    (145, "Audrey", "English", "British", "female"),
    (146, "Rosa", "Spanish", "Mexican", "female"),
    (147, "Juliette", "French", "", "female"),
];
/// The default voice: "our clearest, female voice".
pub const DEFAULT_VOICE: u32 = 143;

/// `(id, name, description)`: names usable in square brackets in a message, e.g. `[laugh]`.
pub const SOUNDS: &[(u32, &str, &str)] = &[
    (1, "laugh", "a hearty laugh"),
    (2, "sneeze", "a loud sneeze"),
    (3, "cough", "a polite cough"),
    (4, "applause", "a round of applause"),
    (5, "doorbell", "a doorbell"),
    (6, "drumroll", "a drum roll"),
    (7, "cheer", "a crowd cheering"),
];

/// Longest ChatCall message, in characters.
pub const MESSAGE_MAX: usize = 1000;
/// Most recipients of one ChatCall.
pub const RECIPIENTS_MAX: usize = 100;
/// Seconds a recipient stays `calling` after the send date.
pub const CALLING_S: i64 = 10;

/// One recipient.
#[derive(Debug, Clone, Serialize)]
pub struct Recipient {
    /// `toName`.
    #[serde(rename = "toName")]
    pub name: String,
    /// `toNumber`.
    #[serde(rename = "toNumber")]
    pub number: String,
}

/// A ChatCall sent or scheduled.
#[derive(Debug, Clone, Serialize)]
pub struct ChatCall {
    /// `ChatCallID`.
    pub id: u64,
    /// `fromName`.
    pub from_name: String,
    /// `fromEmail`.
    pub from_email: String,
    /// `message`.
    pub message: String,
    /// Voice id.
    pub voice: u32,
    /// `none`, `yes_no` or `yes_no_maybe`.
    pub response_type: String,
    /// UNIX seconds.
    pub send_date: i64,
    /// Recipients in order.
    pub recipients: Vec<Recipient>,
}

/// `getVoiceList`, as the document's example (well-formed: `<name>...</name>`).
pub fn voices(_cx: &mut Cx) -> Reply {
    let rows = VOICES.iter().map(|(id, name, lang, dialect, sex)| {
        El::new("voice")
            .attr("id", id.to_string())
            .leaf("name", *name)
            .leaf("language", *lang)
            .child(El::text("dialect", *dialect))
            .leaf("sex", *sex)
    });
    ok(vec![El::new("voice-list").children(rows)])
}

/// `getSoundList`.
pub fn sounds(_cx: &mut Cx) -> Reply {
    let rows = SOUNDS.iter().map(|(id, name, desc)| {
        El::new("sound")
            .attr("id", id.to_string())
            .leaf("name", *name)
            .leaf("description", *desc)
    });
    ok(vec![El::new("sound-list").children(rows)])
}

/// The voice named by id or name (case-insensitive); the default when absent.
fn voice(v: Option<&str>) -> Result<(u32, &'static str), String> {
    let Some(v) = v else {
        let d = VOICES
            .iter()
            .find(|x| x.0 == DEFAULT_VOICE)
            .expect("default voice");
        return Ok((d.0, d.1));
    };
    VOICES
        .iter()
        .find(|x| x.0.to_string() == v || x.1.eq_ignore_ascii_case(v))
        .map(|x| (x.0, x.1))
        .ok_or_else(|| format!("Unknown voice `{v}` (see getVoiceList)"))
}

fn response_type(v: Option<&str>) -> Result<String, String> {
    match v.unwrap_or("none") {
        t @ ("none" | "yes_no" | "yes_no_maybe") => Ok(t.to_string()),
        t => Err(format!(
            "Invalid responseType: none, yes_no or yes_no_maybe (got `{t}`)"
        )),
    }
}

/// Checks the message: not empty, at most [`MESSAGE_MAX`] characters, `[sound]` names known.
fn message(m: &str) -> Result<String, String> {
    let len = m.chars().count();
    if len > MESSAGE_MAX {
        return Err(format!(
            "Invalid message: at most {MESSAGE_MAX} characters (got {len})"
        ));
    }
    let mut rest = m;
    while let Some(i) = rest.find('[') {
        let after = &rest[i + 1..];
        let Some(j) = after.find(']') else {
            return Err("Invalid message: a `[` without its `]`".into());
        };
        let name = &after[..j];
        if !SOUNDS.iter().any(|s| s.1.eq_ignore_ascii_case(name)) {
            return Err(format!(
                "Invalid message: unknown sound [{name}] (see getSoundList)"
            ));
        }
        rest = &after[j + 1..];
    }
    Ok(m.to_string())
}

fn prompt(response_type: &str) -> &'static str {
    match response_type {
        "yes_no" => " Press 1 for yes or 2 for no.",
        "yes_no_maybe" => " Press 1 for yes, 2 for no or 3 for maybe.",
        _ => "",
    }
}

/// `previewChatCall`: the URL of a `.wav` preview (served by the sandbox at
/// `/special/xmlapi/previews/<id>.wav`), with the voice and the text that would be spoken.
pub fn preview(cx: &mut Cx) -> Reply {
    let p = cx.p;
    let text = message(p.req("message")?)?;
    let (vid, vname) = voice(p.get("voice"))?;
    let rt = response_type(p.get("responseType"))?;
    let from = p.get("fromName").unwrap_or("Name");
    let to_names = p.all("toName");
    let to = match to_names.as_slice() {
        [one] if !one.is_empty() => *one,
        _ => "Name",
    };
    let spoken = format!(
        "Hello {to}, this is a ChatCall from {from}. {text}{}",
        prompt(&rt)
    );
    let id = format!("pv{}", cx.w.rng.hex(16));
    cx.w.previews.push((id.clone(), spoken.clone()), 1);
    ok(vec![El::new("preview")
        .leaf("url", format!("{}/previews/{id}.wav", cx.base))
        .child(El::text("voice", vname).attr("id", vid.to_string()))
        .leaf("text", spoken)])
}

/// `sendChatCall`: one ChatCall to every `toName`/`toNumber` pair (NANPA numbers only), now or
/// at `sendDate`. Answers with the `ChatCallID`.
pub fn send(cx: &mut Cx) -> Reply {
    let p = cx.p;
    p.require(&["fromName", "fromEmail", "message", "toName", "toNumber"])?;
    let from_email = email("fromEmail", p.get("fromEmail").unwrap_or_default())?;
    let text = message(p.get("message").unwrap_or_default())?;
    let (names, numbers) = (p.all("toName"), p.all("toNumber"));
    if names.len() != numbers.len() {
        return Err(format!(
            "toName and toNumber must be repeated together, once per recipient (got {} toName, {} toNumber)",
            names.len(),
            numbers.len()
        ));
    }
    if names.len() > RECIPIENTS_MAX {
        return Err(format!("Too many recipients: at most {RECIPIENTS_MAX}"));
    }
    let mut recipients = Vec::new();
    for (name, number) in names.iter().zip(&numbers) {
        if name.is_empty() {
            return Err("Missing required parameter: toName (every recipient needs a name)".into());
        }
        let n = e164("toNumber", number)?;
        if !is_nanp(&n) {
            return Err(format!(
                "Invalid toNumber: ChatCalls are restricted to NANPA (US and Canada) numbers (got {n})"
            ));
        }
        recipients.push(Recipient {
            name: name.to_string(),
            number: n,
        });
    }
    let (vid, _) = voice(p.get("voice"))?;
    let rt = response_type(p.get("responseType"))?;
    let send_date = match p.get("sendDate") {
        Some(v) => time("sendDate", v)?.max(cx.now),
        None => cx.now,
    };
    let id = cx.w.next_id();
    let count = recipients.len();
    let chatcall = ChatCall {
        id,
        from_name: p.get("fromName").unwrap_or_default().to_string(),
        from_email,
        message: text,
        voice: vid,
        response_type: rt,
        send_date,
        recipients,
    };
    crate::ring::push(&mut cx.account().chatcalls, chatcall, crate::ring::HISTORY);
    let status = if send_date > cx.now {
        "scheduled"
    } else {
        "sending"
    };
    ok(vec![El::new("chatCall")
        .leaf("ChatCallID", id.to_string())
        .child(time_el("sendDate", send_date))
        .leaf("recipientCount", count.to_string())
        .leaf("status", status)])
}

/// A recipient's status at `now`, its response and the call's length: `scheduled` before the
/// send date, `calling` for [`CALLING_S`] seconds, then by the number's last digit: 0-5
/// `answered`, 6 `no-answer`, 7 `busy`, 8 `voicemail`, 9 `failed`. Answered recipients of a
/// `yes_no` ChatCall respond `yes` (even last digit) or `no`; of `yes_no_maybe`: `yes`, `no`,
/// `maybe` for last digits 0/3, 1/4, 2/5.
pub fn recipient_status(
    c: &ChatCall,
    r: &Recipient,
    now: i64,
) -> (&'static str, Option<&'static str>, u64) {
    if now < c.send_date {
        return ("scheduled", None, 0);
    }
    if now < c.send_date + CALLING_S {
        return ("calling", None, 0);
    }
    let last = r
        .number
        .bytes()
        .last()
        .map_or(0, |b| b.saturating_sub(b'0'));
    let talk = 15 + c.message.chars().count() as u64 / 12;
    match last {
        0..=5 => {
            let response = match c.response_type.as_str() {
                "yes_no" => Some(if last.is_multiple_of(2) { "yes" } else { "no" }),
                "yes_no_maybe" => Some(["yes", "no", "maybe"][usize::from(last % 3)]),
                _ => None,
            };
            ("answered", response, talk)
        }
        6 => ("no-answer", None, 0),
        7 => ("busy", None, 0),
        8 => ("voicemail", None, talk),
        _ => ("failed", None, 0),
    }
}

/// `getChatCallStatus`: the overall status (`scheduled`, `in-progress`, `completed`) and each
/// recipient's.
pub fn status(cx: &mut Cx) -> Reply {
    let raw = cx.p.req("ChatCallID")?.to_string();
    let now = cx.now;
    let found = raw
        .trim()
        .parse::<u64>()
        .ok()
        .and_then(|id| cx.account().chatcalls.iter().find(|c| c.id == id).cloned());
    let Some(c) = found else {
        return Err(format!("ChatCall {raw} not found on this account"));
    };
    let states: Vec<_> = c
        .recipients
        .iter()
        .map(|r| (r, recipient_status(&c, r, now)))
        .collect();
    let overall = if states.iter().all(|(_, s)| s.0 == "scheduled") {
        "scheduled"
    } else if states
        .iter()
        .any(|(_, s)| s.0 == "calling" || s.0 == "scheduled")
    {
        "in-progress"
    } else {
        "completed"
    };
    let rows = states.iter().map(|(r, (st, resp, dur))| {
        El::new("recipient")
            .leaf("toName", &r.name)
            .leaf("toNumber", &r.number)
            .leaf("status", *st)
            .child(El::opt("response", *resp))
            .leaf("duration", dur.to_string())
    });
    ok(vec![El::new("chatCallStatus")
        .leaf("ChatCallID", c.id.to_string())
        .leaf("status", overall)
        .child(time_el("sendDate", c.send_date))
        .leaf("responseType", &c.response_type)
        .child(El::new("recipients").children(rows))])
}

/// A short silent WAV (8 kHz, 16-bit mono): what `previewChatCall`'s URL serves.
pub fn silent_wav(seconds_tenths: u32) -> Vec<u8> {
    let samples = 800 * seconds_tenths;
    let data_len = samples * 2;
    let mut w = Vec::with_capacity(44 + data_len as usize);
    w.extend_from_slice(b"RIFF");
    w.extend_from_slice(&(36 + data_len).to_le_bytes());
    w.extend_from_slice(b"WAVEfmt ");
    w.extend_from_slice(&16u32.to_le_bytes());
    w.extend_from_slice(&1u16.to_le_bytes()); // PCM
    w.extend_from_slice(&1u16.to_le_bytes()); // mono
    w.extend_from_slice(&8000u32.to_le_bytes());
    w.extend_from_slice(&16000u32.to_le_bytes());
    w.extend_from_slice(&2u16.to_le_bytes());
    w.extend_from_slice(&16u16.to_le_bytes());
    w.extend_from_slice(b"data");
    w.extend_from_slice(&data_len.to_le_bytes());
    w.resize(44 + data_len as usize, 0);
    w
}

/// `GET /special/xmlapi/previews/<id>.wav` (no credentials: it is meant for end users' players).
pub fn preview_file(svc: &XmlService, shared: &Shared, req: &Request, file: &str) -> Response {
    if req.method != "GET" && req.method != "HEAD" {
        return svc.http_error(405, "Method not allowed: use GET");
    }
    let id = file.strip_suffix(".wav").unwrap_or("");
    let text = svc.with_world(shared, |w| {
        w.previews
            .iter()
            .find(|(k, _)| k == id)
            .map(|(_, t)| t.clone())
    });
    match text {
        Some(t) => {
            let tenths = (t.chars().count() as u32 / 2).clamp(5, 100);
            Response::bytes(200, "audio/wav", silent_wav(tenths))
        }
        None => svc.http_error(404, &format!("Not found: preview {file}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_and_voices() {
        assert!(message("Hello [laugh] there [SNEEZE]").is_ok());
        assert!(message("Hello [burp]").unwrap_err().contains("[burp]"));
        assert!(message("Hello [laugh").is_err());
        assert_eq!(voice(None).unwrap(), (143, "Crystal"));
        assert_eq!(voice(Some("princess")).unwrap().0, 142);
        assert_eq!(voice(Some("141")).unwrap().1, "Dubya");
        assert!(voice(Some("Nobody")).is_err());
    }

    #[test]
    fn recipient_outcomes_follow_the_clock_and_the_last_digit() {
        let c = ChatCall {
            id: 1,
            from_name: "A".into(),
            from_email: "a@b.co".into(),
            message: "Hi".into(),
            voice: 143,
            response_type: "yes_no_maybe".into(),
            send_date: 1000,
            recipients: vec![],
        };
        let r = |n: &str| Recipient {
            name: "X".into(),
            number: n.into(),
        };
        assert_eq!(recipient_status(&c, &r("+18585550102"), 999).0, "scheduled");
        assert_eq!(recipient_status(&c, &r("+18585550102"), 1005).0, "calling");
        assert_eq!(recipient_status(&c, &r("+18585550102"), 1010).0, "answered");
        assert_eq!(
            recipient_status(&c, &r("+18585550102"), 1010).1,
            Some("maybe")
        );
        assert_eq!(recipient_status(&c, &r("+18585550107"), 1010).0, "busy");
        assert_eq!(recipient_status(&c, &r("+18585550109"), 1010).0, "failed");
    }

    #[test]
    fn wav_header() {
        let w = silent_wav(5);
        assert_eq!(&w[0..4], b"RIFF");
        assert_eq!(w.len(), 44 + 8000);
    }
}
