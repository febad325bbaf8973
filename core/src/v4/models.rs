//! Typed v4 entities for the partner flows. Fields the library does not name are kept in
//! `extra`, so nothing the API returns is lost.

use crate::secret::Secret;
use crate::types::Contact;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

fn expose<S: Serializer>(s: &Secret, ser: S) -> Result<S::Ok, S::Error> {
    ser.serialize_str(s.expose())
}

/// A short reference to an account.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AccountSummary {
    /// Account id.
    pub id: u64,
    /// Name.
    #[serde(default)]
    pub name: Option<String>,
}

/// An account or subaccount (`AccountFull`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Account {
    /// Account id ("voip_id").
    pub id: u64,
    /// Name on the account.
    #[serde(default)]
    pub name: Option<String>,
    /// User name.
    #[serde(default)]
    pub username: Option<String>,
    /// The master account, for subaccounts.
    #[serde(default)]
    pub master_account: Option<AccountSummary>,
    /// Contact.
    #[serde(default)]
    pub contact: Option<Contact>,
    /// Billing contact.
    #[serde(default)]
    pub billing_contact: Option<Contact>,
    /// Everything else the API returned.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The body of `v4.create-account-subaccount`.
#[derive(Clone, Debug, Serialize)]
pub struct CreateSubaccountParams {
    /// Unique user name (Express Sign-Up: `<partner>-<user id>`).
    pub username: String,
    /// Password (never printed by Debug).
    #[serde(serialize_with = "expose")]
    pub password: Secret,
    /// Contact.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
    /// Billing contact.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub billing_contact: Option<Contact>,
}

/// A price in whole US dollars, or `REQUEST_QUOTE`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Price {
    /// One-time price in USD.
    Usd(i64),
    /// Contact sales for a quote.
    RequestQuote,
}

impl Price {
    /// The dollar amount, when there is one.
    pub fn usd(self) -> Option<i64> {
        match self {
            Price::Usd(n) => Some(n),
            Price::RequestQuote => None,
        }
    }
}

impl Serialize for Price {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Price::Usd(n) => s.serialize_i64(*n),
            Price::RequestQuote => s.serialize_str("REQUEST_QUOTE"),
        }
    }
}

impl<'de> Deserialize<'de> for Price {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Price, D::Error> {
        match Value::deserialize(d)? {
            Value::Number(n) => n
                .as_i64()
                .or_else(|| n.as_f64().map(|f| f.round() as i64))
                .map(Price::Usd)
                .ok_or_else(|| serde::de::Error::custom("price out of range")),
            Value::String(s) if s == "REQUEST_QUOTE" => Ok(Price::RequestQuote),
            Value::String(s) => s.trim().parse().map(Price::Usd).map_err(|_| {
                serde::de::Error::custom(format!(
                    "price must be an integer or REQUEST_QUOTE, got `{s}`"
                ))
            }),
            other => Err(serde::de::Error::custom(format!(
                "price must be an integer or REQUEST_QUOTE, got {other}"
            ))),
        }
    }
}

/// A number that can be bought (`AvailableNumbersFull`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AvailableNumber {
    /// E.164.
    pub phone_number: String,
    /// Human-readable form.
    #[serde(default)]
    pub formatted: Option<String>,
    /// One-time price.
    pub price: Price,
    /// Toll-free or not.
    #[serde(default)]
    pub is_toll_free: bool,
    /// International dialing prefix ("1").
    #[serde(default)]
    pub country_code: Option<String>,
    /// Area code.
    #[serde(default)]
    pub npa: Option<String>,
    /// Exchange.
    #[serde(default)]
    pub nxx: Option<String>,
    /// Line.
    #[serde(default)]
    pub xxxx: Option<String>,
    /// City.
    #[serde(default)]
    pub city: Option<String>,
    /// State or province.
    #[serde(default)]
    pub province: Option<String>,
    /// Country.
    #[serde(default)]
    pub country: Option<String>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The body of `v4.create-account-phone-number` (buying a number). Real clients send
/// `phone_number` as an E.164 string and `block_*` as booleans, whatever the swagger says.
#[derive(Clone, Debug, Default, Serialize)]
pub struct PurchaseNumber {
    /// The number to buy, E.164.
    pub phone_number: String,
    /// A name for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Route lookup object, e.g. `{"id": 123}`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub route: Option<Value>,
    /// Block incoming calls.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub block_incoming: Option<bool>,
    /// Block anonymous calls.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub block_anonymous: Option<bool>,
}

/// A number on the account.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PhoneNumber {
    /// Id.
    pub id: u64,
    /// E.164.
    pub phone_number: String,
    /// Name.
    #[serde(default)]
    pub name: Option<String>,
    /// Block incoming calls.
    #[serde(default)]
    pub block_incoming: Option<bool>,
    /// Block anonymous calls.
    #[serde(default)]
    pub block_anonymous: Option<bool>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The body of `v4.create-account-sms`.
#[derive(Clone, Debug, Default, Serialize)]
pub struct SendSms {
    /// Sender, an E.164 number of the account.
    pub from: String,
    /// Recipient, E.164.
    pub to: String,
    /// Message text.
    pub text: String,
    /// Sending extension.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extension_id: Option<u64>,
}

/// An SMS message.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sms {
    /// Id (a string on Phone.com).
    #[serde(deserialize_with = "id_text")]
    pub id: String,
    /// Sender.
    #[serde(default)]
    pub from: Option<String>,
    /// Recipient(s) as returned.
    #[serde(default)]
    pub to: Option<Value>,
    /// Text.
    #[serde(default)]
    pub text: Option<String>,
    /// `in` or `out`.
    #[serde(default)]
    pub direction: Option<String>,
    /// Creation time as the API writes it.
    #[serde(default, deserialize_with = "opt_text")]
    pub created_at: Option<String>,
    /// Creation time, Unix seconds.
    #[serde(default)]
    pub created_epoch: Option<i64>,
    /// Unread.
    #[serde(default)]
    pub is_new: Option<bool>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

fn id_text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    match Value::deserialize(d)? {
        Value::String(s) => Ok(s),
        Value::Number(n) => Ok(n.to_string()),
        other => Err(serde::de::Error::custom(format!(
            "id must be a string or number, got {other}"
        ))),
    }
}

/// A string field that some responses write as a number (timestamps): kept as text.
fn opt_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    match Value::deserialize(d)? {
        Value::Null => Ok(None),
        Value::String(s) => Ok(Some(s)),
        Value::Number(n) => Ok(Some(n.to_string())),
        other => Err(serde::de::Error::custom(format!(
            "expected text, got {other}"
        ))),
    }
}

/// The body of `v4.create-account-call` (click-to-call between two parties).
#[derive(Clone, Debug, Default, Serialize)]
pub struct CreateCall {
    /// Caller's number, E.164.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caller_phone_number: Option<String>,
    /// Caller's extension.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caller_extension: Option<u64>,
    /// Caller id shown to the caller.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caller_caller_id: Option<String>,
    /// Callee's number, E.164.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub callee_phone_number: Option<String>,
    /// Callee's extension.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub callee_extension: Option<u64>,
    /// Caller id shown to the callee.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub callee_caller_id: Option<String>,
}

/// A call started through the API.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Call {
    /// Everything the API returned.
    #[serde(flatten)]
    pub fields: Map<String, Value>,
}

/// A call detail record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CallLog {
    /// Id.
    #[serde(deserialize_with = "id_text")]
    pub id: String,
    /// Start time as the API writes it.
    #[serde(default, deserialize_with = "opt_text")]
    pub start_time: Option<String>,
    /// Creation time as the API writes it.
    #[serde(default, deserialize_with = "opt_text")]
    pub created_at: Option<String>,
    /// Caller id.
    #[serde(default)]
    pub caller_id: Option<String>,
    /// Called number.
    #[serde(default)]
    pub called_number: Option<String>,
    /// `in` or `out`.
    #[serde(default)]
    pub direction: Option<String>,
    /// Seconds.
    #[serde(default)]
    pub call_duration: Option<i64>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// An extension.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Extension {
    /// Id.
    pub id: u64,
    /// Extension number.
    #[serde(default)]
    pub extension: Option<u64>,
    /// Name.
    #[serde(default)]
    pub name: Option<String>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// An Express Service Code (its expiry moves to now + 24 h on every fetch).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExpressServiceCode {
    /// Id.
    pub id: u64,
    /// The 8-digit code.
    pub express_service_code: String,
    /// Unix expiry time(s), as returned.
    #[serde(default)]
    pub expire_date: Option<Value>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The body of `v4.create-account-listener`.
#[derive(Clone, Debug, Default, Serialize)]
pub struct CreateListener {
    /// Listener type (e.g. `callback`).
    #[serde(rename = "type")]
    pub kind: String,
    /// `call.new`, `call.update`, `call.complete`, `call.log`, `sms.in`, `sms.out`.
    pub event_type: String,
    /// Callback objects, e.g. `[{"role": "main", "verb": "POST", "url": "https://..."}]`.
    pub callbacks: Vec<Value>,
}

/// An event listener.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Listener {
    /// Id.
    pub id: u64,
    /// Type.
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    /// Event type.
    #[serde(default)]
    pub event_type: Option<String>,
    /// Callbacks.
    #[serde(default)]
    pub callbacks: Vec<Value>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn price_is_an_integer_or_request_quote() {
        let n: AvailableNumber = serde_json::from_value(
            json!({"phone_number": "+18585550100", "price": "REQUEST_QUOTE"}),
        )
        .unwrap();
        assert_eq!(n.price, Price::RequestQuote);
        let n: AvailableNumber = serde_json::from_value(
            json!({"phone_number": "+18585550100", "price": 49, "category": "premium"}),
        )
        .unwrap();
        assert_eq!(n.price.usd(), Some(49));
        assert_eq!(n.extra["category"], "premium");
        assert!(serde_json::from_value::<Price>(json!("cheap")).is_err());
    }

    #[test]
    fn subaccount_params_send_the_password_but_never_print_it() {
        let p = CreateSubaccountParams {
            username: "acme-1".into(),
            password: Secret::new("pw-very-secret"),
            contact: None,
            billing_contact: None,
        };
        assert_eq!(
            serde_json::to_value(&p).unwrap()["password"],
            "pw-very-secret"
        );
        assert!(!format!("{p:?}").contains("pw-very-secret"));
    }
}
