//! Typed XML API results. Each serialises to exactly the `data` member of the generic call's
//! JSON (see the [module docs](super)), and every type keeps the elements it does not name in
//! `extra`, so nothing the API returns is lost.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A successful response: the `<result>` and `<trID>` fields and the typed `resultData`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reply<T = Value> {
    /// Always `ok` (an `error` status is returned as an [`Error`](crate::Error)).
    pub status: String,
    /// `<msg>`, e.g. `Command completed successfully`.
    pub msg: Option<String>,
    /// `<resultDate>`, e.g. `2011-03-02T19:51:32.0000Z`.
    #[serde(rename = "resultDate")]
    pub result_date: Option<String>,
    /// `<clTRID>` as reflected by the server.
    #[serde(rename = "clTRID")]
    pub cl_trid: Option<String>,
    /// `<svTRID>`, the server's transaction id (quote it to Phone.com support).
    #[serde(rename = "svTRID")]
    pub sv_trid: Option<String>,
    /// The typed `resultData` (`null` for actions that return none).
    pub data: T,
}

/// The `data` of a list action: `{"items": [...]}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rows<T = Row> {
    /// The rows, in the order the server sent them.
    pub items: Vec<T>,
}

impl<T> Reply<Rows<T>> {
    /// The rows alone.
    pub fn into_items(self) -> Vec<T> {
        self.data.items
    }
}

/// A row of a list whose elements the document does not name (countries, prefixes, states,
/// regions, localities, sounds): its attributes and child elements by name; the text of a
/// leaf row is under `value`.
pub type Row = Map<String, Value>;

/// A number of the account (`getPhoneNumberList`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListedNumber {
    /// The `id` attribute.
    pub id: Option<String>,
    /// `<phoneNumber>`, E.164.
    pub phone_number: Option<String>,
    /// `<nickName>`.
    pub nick_name: Option<String>,
    /// `<rateCenter>`, e.g. `WACO_TX` (`null` when empty).
    pub rate_center: Option<String>,
    /// Other attributes and elements.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A call detail record (`getCallList`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CallRecord {
    /// The `id` attribute (unique per call; the walker deduplicates on it).
    pub id: Option<String>,
    /// `<startTime>`: Unix epoch seconds.
    pub start_time: Option<i64>,
    /// The `gmt` attribute of `<startTime>`, e.g. `2009-10-27T21:42:15.0000Z`.
    pub start_time_gmt: Option<String>,
    /// `<callerId>`.
    pub caller_id: Option<String>,
    /// `<calledNumber>`.
    pub called_number: Option<String>,
    /// `<duration>` in seconds.
    pub duration: Option<u64>,
    /// `<finalAction>`, e.g. `queue 61`.
    pub final_action: Option<String>,
    /// `<finalActionDuration>` in seconds, when present.
    pub final_action_duration: Option<u64>,
    /// `<url>`: the recording's listen URL, when present.
    pub url: Option<String>,
    /// `<transcription>`, when present.
    pub transcription: Option<String>,
    /// Other attributes and elements.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A text-to-speech voice (`getVoiceList`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Voice {
    /// The `id` attribute.
    pub id: Option<String>,
    /// `<name>`.
    pub name: Option<String>,
    /// `<language>`.
    pub language: Option<String>,
    /// `<dialect>` (`null` when empty).
    pub dialect: Option<String>,
    /// `<sex>`.
    pub sex: Option<String>,
    /// Other attributes and elements.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A number in inventory (`getPhoneNumberInventory`). The document names the content (number,
/// "friendly format", monthly fee, premium setup fee) but not the elements; the row's elements
/// are all kept, and the two below are filled when present.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InventoryNumber {
    /// `<phoneNumber>` (or the `phoneNumber` attribute, or the row's text).
    pub phone_number: Option<String>,
    /// `<humanReadable>`: the friendly format.
    pub human_readable: Option<String>,
    /// Every other attribute and element (cost, setup fee ...).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `getPhoneNumberPortingEligibility`: the document says the action "returns Yes or No".
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PortingEligibility {
    /// `true` for Yes, `false` for No; `null` when the response holds neither.
    pub eligible: Option<bool>,
    /// The `resultData` elements.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `previewChatCall`: the URL of a .wav preview.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ChatCallPreview {
    /// The preview URL (`null` when the response holds none).
    pub url: Option<String>,
    /// The `resultData` elements.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `sendChatCall`: the id to query with `getChatCallStatus`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ChatCallSent {
    /// The ChatCall id (`null` when the response holds none).
    #[serde(rename = "chatCallId")]
    pub chat_call_id: Option<String>,
    /// The `resultData` elements.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `getChatCallStatus`: the ChatCall's status and each recipient's. The document says only that
/// the action "returns the status of a ChatCall, including status per recipient"; the elements
/// read here are the sandbox's (`<chatCallStatus>` holding `ChatCallID`, `status`, `sendDate`,
/// `responseType` and `<recipients>`), and whatever else the response holds is kept in `extra`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChatCallStatus {
    /// `<ChatCallID>`.
    pub chat_call_id: Option<String>,
    /// The overall status, e.g. `scheduled`, `in-progress`, `completed`.
    pub status: Option<String>,
    /// `<sendDate>`: Unix epoch seconds.
    pub send_date: Option<i64>,
    /// The `gmt` attribute of `<sendDate>`, e.g. `2030-01-01T12:00:00.0000Z`.
    pub send_date_gmt: Option<String>,
    /// `<responseType>`, e.g. `yes_no` (`null` when none was asked).
    pub response_type: Option<String>,
    /// Each recipient's status, in the order the server sent them (`[]` when none).
    pub recipients: Vec<ChatCallRecipientStatus>,
    /// Other attributes and elements.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One recipient's part of a [`ChatCallStatus`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChatCallRecipientStatus {
    /// `<toName>`.
    pub to_name: Option<String>,
    /// `<toNumber>`, E.164.
    pub to_number: Option<String>,
    /// The recipient's status, e.g. `scheduled`, `calling`, `answered`, `no-answer`, `busy`,
    /// `voicemail`, `failed`.
    pub status: Option<String>,
    /// The recipient's answer to a `yes_no`/`yes_no_maybe` ChatCall (`yes`, `no`, `maybe`).
    pub response: Option<String>,
    /// `<duration>`: seconds of the call.
    pub duration: Option<u64>,
    /// Other attributes and elements.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
