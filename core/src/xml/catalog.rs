//! The XML API's actions as catalog entries `xml.<action>`.
//!
//! Every entry has family `xml`, method `POST` (the configured `xml.method` decides at send
//! time: `POST` with a form body, or `GET` with a query string) and the action name as `path`.
//! Parameters travel as `name=value` pairs (`in: query`), in the form body or the query string.
//! `username`, `password` and `action` are supplied by the library from the configuration;
//! `clTRID` may be given by the caller and is generated when not.

use crate::catalog::{
    Auth, Family, Format, Location, Operation, Paging, PagingKind, Param, ParamType,
};

/// The client transaction id every action accepts.
pub(crate) const CLTRID: &str = "clTRID";

/// A parameter under construction.
struct P(Param);

fn p(name: &str, ty: ParamType, doc: &str) -> P {
    P(Param::new(name, Location::Query, ty, false, doc))
}

fn s(name: &str, doc: &str) -> P {
    p(name, ParamType::String, doc)
}

fn int(name: &str, doc: &str) -> P {
    p(name, ParamType::Integer, doc)
}

impl P {
    fn req(mut self) -> P {
        self.0.required = true;
        self
    }
    fn fmt(mut self, f: Format) -> P {
        self.0.format = Some(f);
        self
    }
    fn one_of(mut self, values: &[&str]) -> P {
        self.0.allowed = values.iter().map(|v| v.to_string()).collect();
        self
    }
    fn max(mut self, n: i64) -> P {
        self.0.max = Some(n);
        self
    }
    fn min(mut self, n: i64) -> P {
        self.0.min = Some(n);
        self
    }
    fn secret(mut self) -> P {
        self.0.secret = true;
        self
    }
}

fn yes_no(name: &str, doc: &str) -> P {
    s(name, doc).one_of(&["yes", "no"])
}

fn country_code() -> P {
    int(
        "countryCode",
        "Country calling code to search, e.g. 1 (US/CA) or 44 (UK)",
    )
    .req()
    .min(1)
    .max(999)
}

fn phone_digits() -> P {
    s("phoneNumber", "Full phone number, e.g. 18585608120")
        .req()
        .fmt(Format::PhoneDigits)
}

fn op(action: &str, tag: &str, doc: &str, returns: &str, params: Vec<P>) -> Operation {
    let mut params: Vec<Param> = params.into_iter().map(|p| p.0).collect();
    params.push(
        s(
            CLTRID,
            "Client transaction id, reflected in the response; generated when omitted (it makes a repeat harmless)",
        )
        .min(1)
        .0,
    );
    let paging = (action == "getCallList").then(call_windows);
    Operation {
        name: format!("xml.{action}"),
        family: Family::Xml,
        method: "POST".into(),
        path: action.into(),
        doc: doc.into(),
        tag: Some(tag.into()),
        returns: Some(returns.into()),
        pageable: paging.is_some(),
        paging,
        auth: Auth::Required,
        // Every request carries a clTRID (the caller's or a generated one), sent unchanged on
        // every attempt: the project's retry policy treats it as the request's idempotency key.
        idempotent: true,
        redirects: false,
        secret_results: vec![],
        origin: Some("XML API 0.99.9".into()),
        params,
    }
}

/// `getCallList` returns at most 500 rows: `Client::pages` walks a time range window by window
/// (see `xml::Calls`), yielding each call of `data.items` once.
fn call_windows() -> Paging {
    let bound =
        |name: &str, doc: &str| Param::new(name, Location::Local, ParamType::Integer, true, doc);
    let limit = Param {
        min: Some(1),
        max: Some(500),
        ..Param::new(
            "limit",
            Location::Local,
            ParamType::Integer,
            false,
            "Rows per page (default 100)",
        )
    };
    Paging {
        walk: vec![
            bound("startTime", "Start of the range, Unix epoch seconds (included)"),
            bound("endTime", "End of the range, Unix epoch seconds (included)"),
            limit,
        ],
        doc: Some("Every call from `startTime` to `endTime` (Unix epoch seconds, both included), each once, oldest window first: the range is fetched window by window, and a window that comes back full (500 rows) is split in two. `limit` is the page size (default 100).".into()),
        ..Paging::new(PagingKind::TimeWindows, &["data", "items"])
    }
}

/// The ring-all parameters: `destination1` .. `destination10`, each with its voice tag,
/// screening flag and caller id, then `timeout`.
fn ring_all_params() -> Vec<P> {
    let mut out = vec![s(
        "phoneNumber",
        "Phone number whose call handling is replaced (E.164)",
    )
    .req()
    .fmt(Format::E164)];
    for i in 1..=10 {
        let dest = s(
            &format!("destination{i}"),
            "Number to ring: E.164 or an extension number",
        )
        .fmt(Format::E164OrExtension);
        out.push(if i == 1 { dest.req() } else { dest });
        out.push(s(
            &format!("destination{i}VoiceTag"),
            &format!("Voice tag played when destination{i} answers"),
        ));
        out.push(yes_no(
            &format!("destination{i}Screening"),
            &format!("Screen calls to destination{i} (yes/no)"),
        ));
        out.push(s(
            &format!("destination{i}CallerId"),
            &format!("Caller id sent to destination{i} (default: the caller's)"),
        ));
    }
    out.push(int("timeout", "Seconds to ring all numbers (default 60)").min(1));
    out
}

fn area_params() -> Vec<P> {
    vec![
        country_code(),
        s(
            "prefix",
            "Prefix (area code) to search; this or state is required",
        )
        .fmt(Format::Digits),
        s("state", "State to search; this or prefix is required"),
    ]
}

pub(crate) fn operations() -> Vec<Operation> {
    let account = "account";
    let calls = "calls";
    let numbers = "phone numbers";
    let chat = "chatcalls";
    vec![
        op("createAccount", account, "Create a new account", "XmlReply", vec![
            s("newUsername", "The requested user name").req(),
            s("newPassword", "The requested password").req().secret(),
            s("name", "Name").req(),
            s("company", "Company name"),
            s("address", "Address").req(),
            s("address2", "Address line 2"),
            s("city", "City").req(),
            s("state", "State (required for US and CA)"),
            s("zip", "Zip code (5 or 9 digits, required for US)"),
            s("country", "2-letter country code, e.g. US").req().fmt(Format::Country),
            s("phone", "Phone number").req(),
            s("fax", "Fax number"),
            s("email", "Email").req().fmt(Format::Email),
            s("email2", "Alternate email address").fmt(Format::Email),
            s("masterid", "Master account id, assigned by Phone.com"),
            s("brandingid", "Branding id, assigned by Phone.com"),
            s("code", "Service code requested, assigned by Phone.com"),
            s("phoneNumber", "Desired telephone number, if applicable"),
        ]),
        op("cancelAccount", account, "Cancel an account (authenticate as its master account)", "XmlReply", vec![
            s("accountUsername", "User name of the account to cancel").req(),
        ]),
        op("getPhoneNumberList", numbers, "List the active phone numbers of the account", "XmlNumberList", vec![]),
        op("getCallList", calls, "List call detail records (at most 500 rows per request; see xml::Calls to walk a range)", "XmlCallList", vec![
            int("startTime", "Range start (Unix epoch seconds)").min(0),
            int("endTime", "Range end (Unix epoch seconds)").min(0),
        ]),
        op("originateCall", calls, "Place a call to leg A, then connect it to leg B", "XmlReply", vec![
            s("legAPhoneNumber", "Number to call first: E.164 or an extension number").req().fmt(Format::E164OrExtension),
            s("legACallerId", "Caller id sent to leg A (defaults to legBPhoneNumber)"),
            int("legATimeout", "Seconds to wait for leg A to answer (default 20)").min(1),
            s("legBPhoneNumber", "Number to call second (E.164)").req().fmt(Format::E164),
            s("legBCallerId", "Caller id sent to leg B"),
        ]),
        op("updateCallHandlingSimpleRingAll", calls, "Replace a number's call handling: ring up to 10 destinations at once", "XmlReply", ring_all_params()),
        op("updateExtensionNotification", account, "Update an extension's notification settings (unset ones are kept)", "XmlReply", vec![
            s("extension", "Numeric extension").req().fmt(Format::Digits),
            yes_no("enableEmail", "Send email notifications (yes/no)"),
            yes_no("enableSms", "Send SMS notifications (yes/no)"),
            s("emailAddress", "Email address for notifications").fmt(Format::Email),
            s("emailFormat", "Voicemail attachment format (wav/mp3)").one_of(&["wav", "mp3"]),
            s("smsNumber", "Number for SMS notifications (E.164)").fmt(Format::E164),
        ]),
        op("sendSMS", "sms", "Send an SMS (160 characters at most) from a number of the account", "XmlReply", vec![
            s("fromNumber", "Number of the account to send from (E.164)").req().fmt(Format::E164),
            s("toNumber", "Destination number (E.164)").req().fmt(Format::E164),
            s("message", "The message, 160 characters at most").req().min(1).max(160),
        ]),
        op("getPhoneNumberCountryList", numbers, "List supported country codes and country names", "XmlRows", vec![]),
        op("getPhoneNumberPrefixList", numbers, "List supported prefixes (area codes) of a country, with approximate inventory", "XmlRows", vec![country_code()]),
        op("getPhoneNumberStateList", numbers, "List supported states of a country, with approximate inventory", "XmlRows", vec![country_code()]),
        op("getPhoneNumberRegionList", numbers, "List regions (cities) of a prefix or state, with inventory", "XmlRows", area_params()),
        op("getPhoneNumberLocalityList", numbers, "List localities (rate centers) of a prefix or state, with inventory", "XmlRows", area_params()),
        op("getPhoneNumberInventory", numbers, "Search numbers in inventory by state, prefix, region, locality or pattern", "XmlInventory", vec![
            country_code(),
            s("type", "Restrict to TF (toll-free) or local").one_of(&["TF", "local"]),
            s("state", "Restrict to this state"),
            s("region", "Restrict to this region (needs state)"),
            s("locality", "Restrict to this locality (needs state)"),
            s("prefix", "Restrict to this area code").fmt(Format::Digits),
            s("pattern", "Pattern: digits, letters A-Z and * (e.g. 1800FLOWERS, 1212*******)").fmt(Format::NumberPattern),
            int("quantity", "Results to return (at most 500)").min(1).max(500),
            int("page", "Page of `quantity` results to return, counted from 1: page 1 is the first `quantity` numbers (as when page is left out), page 2 the next (needs quantity)").min(1),
        ]),
        op("getPhoneNumberPortingEligibility", numbers, "Whether a number can be ported in (Yes or No)", "XmlPortingEligibility", vec![phone_digits()]),
        op("addPhoneNumber", numbers, "Add a number from inventory to the account", "XmlReply", vec![phone_digits()]),
        op("reservePhoneNumber", numbers, "Reserve a number until about midnight Pacific time", "XmlReply", vec![phone_digits()]),
        op("unreservePhoneNumber", numbers, "Return a reserved number to inventory", "XmlReply", vec![phone_digits()]),
        op("getVoiceList", chat, "List the text-to-speech voices", "XmlVoiceList", vec![]),
        op("getSoundList", chat, "List the sounds that can be embedded in text-to-speech ([laugh])", "XmlRows", vec![]),
        op("previewChatCall", chat, "Get the URL of a .wav preview of a ChatCall", "XmlChatCallPreview", vec![
            s("fromName", "Sender's name (default \"Name\")"),
            s("message", "The message").req().min(1),
            s("toName", "Recipient's name (default \"Name\")"),
            s("voice", "Voice for text-to-speech"),
            s("responseType", "none, yes_no or yes_no_maybe").one_of(&["none", "yes_no", "yes_no_maybe"]),
        ]),
        op("sendChatCall", chat, "Send or schedule a ChatCall to one or more NANPA numbers", "XmlChatCallSent", vec![
            s("fromName", "Sender's name").req().min(1),
            s("fromEmail", "Sender's email").req().fmt(Format::Email),
            s("message", "The message").req().min(1),
            p("toName", ParamType::Array, "Recipients' names, one per toNumber (a single string is accepted for one recipient)").req(),
            p("toNumber", ParamType::Array, "Recipients' numbers, E.164, US or CA only (a single string is accepted for one recipient)").req().fmt(Format::Nanpa),
            s("voice", "Voice for text-to-speech"),
            s("responseType", "none, yes_no or yes_no_maybe").one_of(&["none", "yes_no", "yes_no_maybe"]),
            s("sendDate", "When to send (default now): Unix epoch seconds or ISO 8601, e.g. 2007-12-01T13:28:50.0000Z").fmt(Format::Timestamp),
        ]),
        op("getChatCallStatus", chat, "Status of a ChatCall, per recipient", "XmlChatCallStatus", vec![
            s("ChatCallID", "ChatCall id returned by sendChatCall").req().min(1),
        ]),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_of_the_document_is_present() {
        let names: Vec<String> = operations().into_iter().map(|o| o.path).collect();
        for action in [
            "createAccount",
            "cancelAccount",
            "getPhoneNumberList",
            "getCallList",
            "originateCall",
            "updateCallHandlingSimpleRingAll",
            "updateExtensionNotification",
            "sendSMS",
            "getPhoneNumberCountryList",
            "getPhoneNumberPrefixList",
            "getPhoneNumberStateList",
            "getPhoneNumberRegionList",
            "getPhoneNumberLocalityList",
            "getPhoneNumberInventory",
            "getPhoneNumberPortingEligibility",
            "addPhoneNumber",
            "reservePhoneNumber",
            "unreservePhoneNumber",
            "getVoiceList",
            "getSoundList",
            "previewChatCall",
            "sendChatCall",
            "getChatCallStatus",
        ] {
            assert!(names.iter().any(|n| n == action), "{action} missing");
        }
        assert_eq!(names.len(), 23);
    }

    #[test]
    fn library_supplied_fields_are_not_parameters() {
        for op in operations() {
            for reserved in ["username", "password", "action"] {
                assert!(op.param(reserved).is_none(), "{} has {reserved}", op.name);
            }
            assert!(op.param(CLTRID).is_some(), "{} lacks clTRID", op.name);
        }
    }

    #[test]
    fn ring_all_has_ten_destinations() {
        let ops = operations();
        let op = ops
            .iter()
            .find(|o| o.path == "updateCallHandlingSimpleRingAll")
            .unwrap();
        assert!(op.param("destination1").unwrap().required);
        assert!(!op.param("destination10").unwrap().required);
        assert!(op.param("destination10CallerId").is_some());
        assert!(op.param("destination11").is_none());
        assert_eq!(
            op.param("destination3Screening").unwrap().allowed,
            ["yes", "no"]
        );
    }
}
