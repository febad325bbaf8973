//! `updateCallHandlingSimpleRingAll` and `updateExtensionNotification`.

use super::envelope::El;
use super::params::{e164, email, full_number, int_in, is_extension, yes_no};
use super::world::{Destination, RingAll};
use super::{ok, Cx, Reply};

/// Most destinations of a ring-all rule.
pub const MAX_DESTINATIONS: u32 = 10;

fn yn(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

/// A destination: an E.164 number or one of the account's extensions.
fn destination(cx: &mut Cx, field: &str, v: &str) -> Result<String, String> {
    if is_extension(v) {
        let ext: u32 = v.parse().unwrap_or(0);
        if !cx.account().extensions.contains_key(&ext) {
            return Err(format!(
                "Invalid {field}: extension {v} not found on this account"
            ));
        }
        return Ok(v.to_string());
    }
    e164(field, v).map_err(|e| format!("{e}, or an extension number"))
}

/// `updateCallHandlingSimpleRingAll`: replaces the number's rules with "ring up to 10
/// destinations at once for `timeout` seconds" (default 60, 1 to 600).
pub fn ring_all(cx: &mut Cx) -> Reply {
    cx.p.require(&["phoneNumber", "destination1"])?;
    let number = full_number("phoneNumber", cx.p.get("phoneNumber").unwrap_or_default())?;
    if cx.account().number(&number).is_none() {
        return Err(format!("Phone number {number} not found on this account"));
    }
    let p = cx.p;
    let mut dests = Vec::new();
    for i in 1..=MAX_DESTINATIONS {
        let f = |suffix: &str| format!("destination{i}{suffix}");
        let Some(target) = p.get(&f("")) else {
            for s in ["VoiceTag", "Screening", "CallerId"] {
                if p.get(&f(s)).is_some() {
                    return Err(format!("{} was given without {}", f(s), f("")));
                }
            }
            continue;
        };
        let number = destination(cx, &f(""), target)?;
        let screening = match p.get(&f("Screening")) {
            Some(v) => yes_no(&f("Screening"), v)?,
            None => false,
        };
        let caller_id = p
            .get(&f("CallerId"))
            .map(|v| e164(&f("CallerId"), v))
            .transpose()?;
        let voice_tag = p.get(&f("VoiceTag")).map(str::to_string);
        if voice_tag.as_ref().is_some_and(|t| t.chars().count() > 255) {
            return Err(format!("Invalid {}: at most 255 characters", f("VoiceTag")));
        }
        dests.push(Destination {
            index: i,
            number,
            voice_tag,
            screening,
            caller_id,
        });
    }
    let timeout = match p.get("timeout") {
        Some(v) => int_in("timeout", v, 1, 600)?,
        None => 60,
    };
    let rows: Vec<El> = dests
        .iter()
        .map(|d| {
            El::new("destination")
                .attr("index", d.index.to_string())
                .leaf("number", &d.number)
                .child(El::opt("voiceTag", d.voice_tag.as_deref()))
                .leaf("screening", yn(d.screening))
                .child(El::opt("callerId", d.caller_id.as_deref()))
        })
        .collect();
    let owned = cx.account().number(&number).expect("checked above");
    owned.handling = Some(RingAll {
        timeout,
        destinations: dests,
    });
    ok(vec![El::new("callHandling")
        .leaf("phoneNumber", number)
        .leaf("type", "ringAll")
        .leaf("timeout", timeout.to_string())
        .child(El::new("destinations").children(rows))])
}

/// `updateExtensionNotification`: changes only the settings given; enabling email needs an
/// address (given now or before), enabling SMS a number.
pub fn extension_notification(cx: &mut Cx) -> Reply {
    let ext_text = cx.p.req("extension")?.to_string();
    if !is_extension(&ext_text) {
        return Err(format!(
            "Invalid extension: a numeric extension (got `{ext_text}`)"
        ));
    }
    let ext: u32 = ext_text.parse().unwrap_or(0);
    let p = cx.p;
    let Some(current) = cx.account().extensions.get(&ext).cloned() else {
        return Err(format!("Extension {ext} not found on this account"));
    };
    let mut n = current;
    if let Some(v) = p.get("enableEmail") {
        n.enable_email = yes_no("enableEmail", v)?;
    }
    if let Some(v) = p.get("enableSms") {
        n.enable_sms = yes_no("enableSms", v)?;
    }
    if let Some(v) = p.get("emailAddress") {
        n.email = Some(email("emailAddress", v)?);
    }
    if let Some(v) = p.get("emailFormat") {
        let f = v.to_ascii_lowercase();
        if f != "wav" && f != "mp3" {
            return Err(format!("Invalid emailFormat: wav or mp3 (got `{v}`)"));
        }
        n.email_format = f;
    }
    if let Some(v) = p.get("smsNumber") {
        n.sms_number = Some(e164("smsNumber", v)?);
    }
    if n.enable_email && n.email.is_none() {
        return Err(
            "Missing required parameter: emailAddress (required to enable email notifications)"
                .into(),
        );
    }
    if n.enable_sms && n.sms_number.is_none() {
        return Err(
            "Missing required parameter: smsNumber (required to enable SMS notifications)".into(),
        );
    }
    let row = El::new("extensionNotification")
        .leaf("extension", ext.to_string())
        .leaf("enableEmail", yn(n.enable_email))
        .leaf("enableSms", yn(n.enable_sms))
        .child(El::opt("emailAddress", n.email.as_deref()))
        .leaf("emailFormat", &n.email_format)
        .child(El::opt("smsNumber", n.sms_number.as_deref()));
    cx.account().extensions.insert(ext, n);
    ok(vec![row])
}
