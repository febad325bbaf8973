//! Typed XML API methods over the generic call: each one names its catalog operation and
//! returns the typed [`Reply`].

use super::calls::Calls;
use super::models::*;
use crate::client::Client;
use crate::error::{Error, ErrorKind, Result};
use crate::secret::Secret;
use serde::de::DeserializeOwned;
use serde::{Serialize, Serializer};
use serde_json::{Map, Value};

/// Typed access to the XML API, from [`Client::xml`].
pub struct Xml<'a> {
    client: &'a Client,
}

impl Client {
    /// Typed XML API methods.
    pub fn xml(&self) -> Xml<'_> {
        Xml { client: self }
    }
}

fn expose<S: Serializer>(s: &Secret, ser: S) -> std::result::Result<S::Ok, S::Error> {
    ser.serialize_str(s.expose())
}

fn params_of<T: Serialize>(body: &T) -> Map<String, Value> {
    match serde_json::to_value(body) {
        Ok(Value::Object(m)) => m,
        _ => Map::new(),
    }
}

fn yes_no(flag: bool) -> &'static str {
    if flag {
        "yes"
    } else {
        "no"
    }
}

/// `createAccount` input (US and CA need `state`; US needs a 5 or 9 digit `zip`).
#[derive(Clone, Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NewAccount {
    /// The requested user name.
    pub new_username: String,
    /// The requested password (never printed by Debug).
    #[serde(serialize_with = "expose")]
    pub new_password: Secret,
    /// Name.
    pub name: String,
    /// Company.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    /// Address.
    pub address: String,
    /// Address line 2.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address2: Option<String>,
    /// City.
    pub city: String,
    /// State (required for US and CA).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// Zip (required for US).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zip: Option<String>,
    /// 2-letter country code.
    pub country: String,
    /// Phone number.
    pub phone: String,
    /// Fax number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fax: Option<String>,
    /// Email.
    pub email: String,
    /// Alternate email.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email2: Option<String>,
    /// Assigned by Phone.com.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub masterid: Option<String>,
    /// Assigned by Phone.com.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub brandingid: Option<String>,
    /// Service code, assigned by Phone.com.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Desired telephone number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
}

/// `originateCall` input.
#[derive(Clone, Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OriginateCall {
    /// Called first: E.164 or an extension number.
    pub leg_a_phone_number: String,
    /// Caller id shown to leg A (default: leg B's number).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub leg_a_caller_id: Option<String>,
    /// Seconds leg A may take to answer (default 20).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub leg_a_timeout: Option<u32>,
    /// Called second, E.164.
    pub leg_b_phone_number: String,
    /// Caller id shown to leg B.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub leg_b_caller_id: Option<String>,
}

/// One destination of [`RingAll`].
#[derive(Clone, Debug, Default)]
pub struct Destination {
    /// E.164 or an extension number.
    pub number: String,
    /// Voice tag played when it answers.
    pub voice_tag: Option<String>,
    /// Call screening.
    pub screening: Option<bool>,
    /// Caller id sent to it (default: the caller's).
    pub caller_id: Option<String>,
}

/// `updateCallHandlingSimpleRingAll` input: 1 to 10 destinations rung at once.
#[derive(Clone, Debug, Default)]
pub struct RingAll {
    /// The number whose call handling is replaced, E.164.
    pub phone_number: String,
    /// 1 to 10 destinations.
    pub destinations: Vec<Destination>,
    /// Seconds to ring (default 60).
    pub timeout: Option<u32>,
}

/// `updateExtensionNotification` input; unset fields keep their current value.
#[derive(Clone, Debug, Default)]
pub struct ExtensionNotification {
    /// Numeric extension.
    pub extension: String,
    /// Email notifications.
    pub enable_email: Option<bool>,
    /// SMS notifications.
    pub enable_sms: Option<bool>,
    /// Where emails go.
    pub email_address: Option<String>,
    /// Voicemail attachment format: `wav` or `mp3`.
    pub email_format: Option<String>,
    /// Where SMS go, E.164.
    pub sms_number: Option<String>,
}

/// Where to look for regions or localities.
#[derive(Clone, Debug)]
pub enum Area {
    /// A prefix (area code), e.g. `858`.
    Prefix(String),
    /// A state, e.g. `CA`.
    State(String),
}

/// `getPhoneNumberInventory` input.
///
/// The XML API takes letters in patterns itself ("Pattern may include digits, letters A-Z, or
/// `*`"): [`InventoryQuery::pattern`] sends the pattern as given; [`InventoryQuery::vanity`]
/// turns letters into keypad digits first (`1800FLOWERS` -> `18003569377`), for an exact-digit
/// search.
#[derive(Clone, Debug, Default)]
pub struct InventoryQuery {
    params: Map<String, Value>,
}

impl InventoryQuery {
    /// Search the country with calling code `country_code` (1 for US/CA).
    pub fn new(country_code: u32) -> InventoryQuery {
        let mut params = Map::new();
        params.insert("countryCode".into(), country_code.into());
        InventoryQuery { params }
    }
    fn set(mut self, k: &str, v: impl Into<Value>) -> InventoryQuery {
        self.params.insert(k.into(), v.into());
        self
    }
    /// Toll-free numbers only.
    pub fn toll_free(self) -> InventoryQuery {
        self.set("type", "TF")
    }
    /// Local numbers only.
    pub fn local(self) -> InventoryQuery {
        self.set("type", "local")
    }
    /// Within a state.
    pub fn state(self, state: &str) -> InventoryQuery {
        self.set("state", state)
    }
    /// Within a region (needs [`state`](Self::state)).
    pub fn region(self, region: &str) -> InventoryQuery {
        self.set("region", region)
    }
    /// Within a locality (needs [`state`](Self::state)).
    pub fn locality(self, locality: &str) -> InventoryQuery {
        self.set("locality", locality)
    }
    /// Within an area code.
    pub fn prefix(self, prefix: &str) -> InventoryQuery {
        self.set("prefix", prefix)
    }
    /// A pattern of digits, letters A-Z and `*`, sent as given (e.g. `1212*******`).
    pub fn pattern(self, pattern: &str) -> InventoryQuery {
        self.set("pattern", pattern)
    }
    /// A vanity pattern with its letters turned into keypad digits; separators (space, `-`, `.`,
    /// parentheses) are dropped and lower case is accepted (`1-800-flowers` -> `18003569377`).
    pub fn vanity(self, pattern: &str) -> Result<InventoryQuery> {
        let digits = crate::types::vanity::to_digits(pattern)
            .map_err(|e| Error::validation("xml.getPhoneNumberInventory", "pattern", &e))?;
        if digits.contains('+') {
            return Err(Error::validation(
                "xml.getPhoneNumberInventory",
                "pattern",
                "must not contain `+` (start with the country code, e.g. 1800...)",
            ));
        }
        Ok(self.set("pattern", digits))
    }
    /// At most this many results (1-500).
    pub fn quantity(self, quantity: u32) -> InventoryQuery {
        self.set("quantity", quantity)
    }
    /// Return this page of `quantity` results, counted from 1 (the XML API's numbering: page 1
    /// is the first `quantity` numbers, the same as leaving the page out; page 2 the next ones).
    /// Page 0 is refused before sending.
    pub fn page(self, page: u32) -> InventoryQuery {
        self.set("page", page)
    }
    /// The query as generic-call parameters.
    pub fn to_params(&self) -> Map<String, Value> {
        self.params.clone()
    }
}

/// A ChatCall: its sender, message and recipients (`sendChatCall`, `previewChatCall`).
#[derive(Clone, Debug, Default)]
pub struct ChatCall {
    /// Sender's name.
    pub from_name: String,
    /// Sender's email (sendChatCall only).
    pub from_email: String,
    /// The message.
    pub message: String,
    /// `(name, number)` of each recipient; numbers E.164, US or CA only.
    pub recipients: Vec<(String, String)>,
    /// Text-to-speech voice.
    pub voice: Option<String>,
    /// `none`, `yes_no` or `yes_no_maybe`.
    pub response_type: Option<String>,
    /// When to send: Unix epoch seconds or ISO 8601 (default now).
    pub send_date: Option<String>,
}

impl ChatCall {
    fn common(&self, m: &mut Map<String, Value>) {
        if let Some(v) = &self.voice {
            m.insert("voice".into(), v.clone().into());
        }
        if let Some(r) = &self.response_type {
            m.insert("responseType".into(), r.clone().into());
        }
    }
}

impl Xml<'_> {
    fn run<T: DeserializeOwned>(
        &self,
        action: &str,
        params: Map<String, Value>,
    ) -> Result<Reply<T>> {
        let name = format!("xml.{action}");
        let v = self.client.call(&name, Value::Object(params))?;
        serde_json::from_value(v).map_err(|e| {
            Error::new(
                ErrorKind::Decode,
                format!("response does not match the typed result: {e}"),
            )
            .with_operation(&name)
        })
    }

    fn one(key: &str, value: impl Into<Value>) -> Map<String, Value> {
        let mut m = Map::new();
        m.insert(key.into(), value.into());
        m
    }

    /// Any action with JSON parameters, returning the envelope and the `data` as JSON.
    pub fn call(&self, action: &str, params: Value) -> Result<Reply> {
        let params = match params {
            Value::Object(m) => m,
            Value::Null => Map::new(),
            _ => {
                return Err(Error::new(
                    ErrorKind::Validation,
                    "params must be a JSON object",
                ))
            }
        };
        self.run(action, params)
    }

    /// `xml.createAccount`.
    pub fn create_account(&self, account: &NewAccount) -> Result<Reply> {
        self.run("createAccount", params_of(account))
    }

    /// `xml.cancelAccount` (the client must be configured with the master account).
    pub fn cancel_account(&self, account_username: &str) -> Result<Reply> {
        self.run(
            "cancelAccount",
            Self::one("accountUsername", account_username),
        )
    }

    /// `xml.getPhoneNumberList`.
    pub fn phone_numbers(&self) -> Result<Reply<Rows<ListedNumber>>> {
        self.run("getPhoneNumberList", Map::new())
    }

    /// `xml.getCallList`, one request (at most 500 rows; see [`Xml::calls`] for a whole range).
    pub fn call_list(
        &self,
        start: Option<i64>,
        end: Option<i64>,
    ) -> Result<Reply<Rows<CallRecord>>> {
        let mut m = Map::new();
        if let Some(s) = start {
            m.insert("startTime".into(), s.into());
        }
        if let Some(e) = end {
            m.insert("endTime".into(), e.into());
        }
        self.run("getCallList", m)
    }

    /// Every call in `[start, end]` (Unix epoch seconds), lazily, past the 500-row cap.
    pub fn calls(&self, start: i64, end: i64) -> Result<Calls> {
        Calls::new(self.client, start, end)
    }

    /// `xml.originateCall`.
    pub fn originate_call(&self, call: &OriginateCall) -> Result<Reply> {
        self.run("originateCall", params_of(call))
    }

    /// `xml.updateCallHandlingSimpleRingAll`.
    pub fn ring_all(&self, ring: &RingAll) -> Result<Reply> {
        let op = "xml.updateCallHandlingSimpleRingAll";
        if ring.destinations.is_empty() || ring.destinations.len() > 10 {
            return Err(Error::validation(
                op,
                "destinations",
                &format!(
                    "must hold 1 to 10 destinations ({} given)",
                    ring.destinations.len()
                ),
            ));
        }
        let mut m = Self::one("phoneNumber", ring.phone_number.clone());
        for (i, d) in ring.destinations.iter().enumerate() {
            let n = i + 1;
            m.insert(format!("destination{n}"), d.number.clone().into());
            if let Some(t) = &d.voice_tag {
                m.insert(format!("destination{n}VoiceTag"), t.clone().into());
            }
            if let Some(s) = d.screening {
                m.insert(format!("destination{n}Screening"), yes_no(s).into());
            }
            if let Some(c) = &d.caller_id {
                m.insert(format!("destination{n}CallerId"), c.clone().into());
            }
        }
        if let Some(t) = ring.timeout {
            m.insert("timeout".into(), t.into());
        }
        self.run("updateCallHandlingSimpleRingAll", m)
    }

    /// `xml.updateExtensionNotification`.
    pub fn update_extension_notification(&self, n: &ExtensionNotification) -> Result<Reply> {
        let mut m = Self::one("extension", n.extension.clone());
        if let Some(f) = n.enable_email {
            m.insert("enableEmail".into(), yes_no(f).into());
        }
        if let Some(f) = n.enable_sms {
            m.insert("enableSms".into(), yes_no(f).into());
        }
        for (k, v) in [
            ("emailAddress", &n.email_address),
            ("emailFormat", &n.email_format),
            ("smsNumber", &n.sms_number),
        ] {
            if let Some(v) = v {
                m.insert(k.into(), v.clone().into());
            }
        }
        self.run("updateExtensionNotification", m)
    }

    /// `xml.sendSMS` (E.164 numbers; 160 characters at most).
    pub fn send_sms(&self, from: &str, to: &str, message: &str) -> Result<Reply> {
        let mut m = Self::one("fromNumber", from);
        m.insert("toNumber".into(), to.into());
        m.insert("message".into(), message.into());
        self.run("sendSMS", m)
    }

    /// `xml.getPhoneNumberCountryList`.
    pub fn countries(&self) -> Result<Reply<Rows>> {
        self.run("getPhoneNumberCountryList", Map::new())
    }

    /// `xml.getPhoneNumberPrefixList`.
    pub fn prefixes(&self, country_code: u32) -> Result<Reply<Rows>> {
        self.run(
            "getPhoneNumberPrefixList",
            Self::one("countryCode", country_code),
        )
    }

    /// `xml.getPhoneNumberStateList`.
    pub fn states(&self, country_code: u32) -> Result<Reply<Rows>> {
        self.run(
            "getPhoneNumberStateList",
            Self::one("countryCode", country_code),
        )
    }

    fn area(country_code: u32, area: &Area) -> Map<String, Value> {
        let mut m = Self::one("countryCode", country_code);
        match area {
            Area::Prefix(p) => m.insert("prefix".into(), p.clone().into()),
            Area::State(s) => m.insert("state".into(), s.clone().into()),
        };
        m
    }

    /// `xml.getPhoneNumberRegionList`.
    pub fn regions(&self, country_code: u32, area: &Area) -> Result<Reply<Rows>> {
        self.run("getPhoneNumberRegionList", Self::area(country_code, area))
    }

    /// `xml.getPhoneNumberLocalityList`.
    pub fn localities(&self, country_code: u32, area: &Area) -> Result<Reply<Rows>> {
        self.run("getPhoneNumberLocalityList", Self::area(country_code, area))
    }

    /// `xml.getPhoneNumberInventory`.
    pub fn inventory(&self, query: &InventoryQuery) -> Result<Reply<Rows<InventoryNumber>>> {
        self.run("getPhoneNumberInventory", query.to_params())
    }

    /// `xml.getPhoneNumberPortingEligibility` (`18585608120` or `+18585608120`).
    pub fn porting_eligibility(&self, number: &str) -> Result<Reply<PortingEligibility>> {
        self.run(
            "getPhoneNumberPortingEligibility",
            Self::one("phoneNumber", number),
        )
    }

    /// `xml.addPhoneNumber`.
    pub fn add_number(&self, number: &str) -> Result<Reply> {
        self.run("addPhoneNumber", Self::one("phoneNumber", number))
    }

    /// `xml.reservePhoneNumber`.
    pub fn reserve_number(&self, number: &str) -> Result<Reply> {
        self.run("reservePhoneNumber", Self::one("phoneNumber", number))
    }

    /// `xml.unreservePhoneNumber`.
    pub fn unreserve_number(&self, number: &str) -> Result<Reply> {
        self.run("unreservePhoneNumber", Self::one("phoneNumber", number))
    }

    /// `xml.getVoiceList`.
    pub fn voices(&self) -> Result<Reply<Rows<Voice>>> {
        self.run("getVoiceList", Map::new())
    }

    /// `xml.getSoundList`.
    pub fn sounds(&self) -> Result<Reply<Rows>> {
        self.run("getSoundList", Map::new())
    }

    /// `xml.previewChatCall` (uses the first recipient's name, when there is exactly one).
    pub fn preview_chat_call(&self, call: &ChatCall) -> Result<Reply<ChatCallPreview>> {
        let mut m = Self::one("message", call.message.clone());
        if !call.from_name.is_empty() {
            m.insert("fromName".into(), call.from_name.clone().into());
        }
        if let [(name, _)] = call.recipients.as_slice() {
            m.insert("toName".into(), name.clone().into());
        }
        call.common(&mut m);
        self.run("previewChatCall", m)
    }

    /// `xml.sendChatCall`.
    pub fn send_chat_call(&self, call: &ChatCall) -> Result<Reply<ChatCallSent>> {
        let mut m = Self::one("fromName", call.from_name.clone());
        m.insert("fromEmail".into(), call.from_email.clone().into());
        m.insert("message".into(), call.message.clone().into());
        let (names, numbers): (Vec<Value>, Vec<Value>) = call
            .recipients
            .iter()
            .map(|(n, t)| (Value::from(n.clone()), Value::from(t.clone())))
            .unzip();
        m.insert("toName".into(), Value::Array(names));
        m.insert("toNumber".into(), Value::Array(numbers));
        if let Some(d) = &call.send_date {
            m.insert("sendDate".into(), d.clone().into());
        }
        call.common(&mut m);
        self.run("sendChatCall", m)
    }

    /// `xml.getChatCallStatus`.
    pub fn chat_call_status(&self, chat_call_id: &str) -> Result<Reply<ChatCallStatus>> {
        self.run("getChatCallStatus", Self::one("ChatCallID", chat_call_id))
    }
}
