//! The schemas of the XML API's results, published with the catalog (`returns` names one of
//! the reply schemas; the row schemas are what a list's `data.items` hold). They describe the JSON
//! of the module docs' table: one reply envelope whose `data` depends on the action.

use serde_json::{json, Value};

fn s(doc: &str) -> Value {
    json!({"type": "string", "doc": doc})
}

fn int(doc: &str) -> Value {
    json!({"type": "integer", "doc": doc})
}

/// `value`, null when the element is absent from the reply.
fn nullable(mut value: Value) -> Value {
    value["nullable"] = Value::Bool(true);
    value
}

/// The reply envelope around `data`.
fn reply(doc: &str, data: Value) -> Value {
    json!({
        "type": "object",
        "doc": doc,
        "properties": {
            "status": s("Always ok (an error status is an error)"),
            "msg": s("<msg>, e.g. Command completed successfully"),
            "resultDate": s("<resultDate>, e.g. 2011-03-02T19:51:32.0000Z"),
            "clTRID": s("<clTRID> as reflected by the server"),
            "svTRID": s("<svTRID>, the server's transaction id (quote it to Phone.com support)"),
            "data": data,
        },
        "required": ["status", "data"],
    })
}

/// A reply whose `data` is `{"items": [row]}`.
fn rows(doc: &str, row: &str) -> Value {
    reply(
        doc,
        json!({
            "type": "object",
            "doc": "The rows, in the order the server sent them",
            "properties": {"items": {"type": "array", "items": {"ref": row}}},
            "required": ["items"],
        }),
    )
}

/// A reply whose `data` is an object with one named field (the other `resultData` elements
/// are kept beside it).
fn one(doc: &str, field: &str, value: Value) -> Value {
    reply(
        doc,
        json!({"type": "object", "properties": {field: value}, "additionalProperties": {}}),
    )
}

pub(crate) fn schemas() -> Vec<(String, Value)> {
    let row = |doc: &str, props: Value| json!({"type": "object", "doc": doc, "properties": props});
    vec![
        ("XmlReply".into(), reply(
            "An XML API reply: data is the resultData by the generic mapping, or null when there is none",
            json!({"doc": "resultData by the generic mapping (null when absent)"}),
        )),
        ("XmlCallList".into(), rows("getCallList: call detail records (at most 500 per request)", "XmlCallRecord")),
        ("XmlNumberList".into(), rows("getPhoneNumberList: the account's numbers", "XmlListedNumber")),
        ("XmlVoiceList".into(), rows("getVoiceList: text-to-speech voices", "XmlVoice")),
        ("XmlInventory".into(), rows("getPhoneNumberInventory: numbers in inventory", "XmlInventoryNumber")),
        ("XmlRows".into(), rows("A list whose rows the document does not name", "XmlRow")),
        ("XmlPortingEligibility".into(), one(
            "getPhoneNumberPortingEligibility",
            "eligible",
            nullable(json!({"type": "boolean", "doc": "true for Yes, false for No, null when the response holds neither"})),
        )),
        ("XmlChatCallPreview".into(), one("previewChatCall", "url", s("The URL of the .wav preview"))),
        ("XmlChatCallSent".into(), one("sendChatCall", "chatCallId", s("The id to query with getChatCallStatus"))),
        ("XmlChatCallStatus".into(), reply(
            "getChatCallStatus: the ChatCall's status and each recipient's",
            json!({
                "type": "object",
                "doc": "The status's fields; its other elements are kept beside them",
                "properties": {
                    "chatCallId": s("<ChatCallID>"),
                    "status": s("The overall status, e.g. scheduled, in-progress, completed"),
                    "sendDate": int("<sendDate>: Unix epoch seconds"),
                    "sendDateGmt": s("The gmt attribute of <sendDate>"),
                    "responseType": s("<responseType>, e.g. yes_no"),
                    "recipients": {"type": "array", "items": {"ref": "XmlChatCallRecipientStatus"}},
                },
                "required": ["recipients"],
                "additionalProperties": {},
            }),
        )),
        ("XmlChatCallRecipientStatus".into(), row("One recipient's status (getChatCallStatus); other elements are kept beside these", json!({
            "toName": s("<toName>"),
            "toNumber": s("<toNumber>, E.164"),
            "status": s("e.g. scheduled, calling, answered, no-answer, busy, voicemail, failed"),
            "response": s("The answer to a yes_no/yes_no_maybe ChatCall: yes, no, maybe"),
            "duration": int("<duration>: seconds of the call"),
        }))),
        ("XmlCallRecord".into(), row("A call detail record (getCallList); other elements are kept beside these", json!({
            "id": s("The id attribute (unique per call)"),
            "startTime": int("<startTime>: Unix epoch seconds"),
            "startTimeGmt": s("The gmt attribute of <startTime>, e.g. 2009-10-27T21:42:15.0000Z"),
            "callerId": s("<callerId>"),
            "calledNumber": s("<calledNumber>"),
            "duration": int("<duration> in seconds"),
            "finalAction": s("<finalAction>, e.g. queue 61"),
            "finalActionDuration": nullable(int("<finalActionDuration> in seconds, when present")),
            "url": nullable(s("<url>: the recording's listen URL, when present")),
            "transcription": nullable(s("<transcription>, when present")),
        }))),
        ("XmlListedNumber".into(), row("A number of the account (getPhoneNumberList)", json!({
            "id": s("The id attribute"),
            "phoneNumber": s("<phoneNumber>, E.164"),
            "nickName": s("<nickName>"),
            "rateCenter": s("<rateCenter>, e.g. WACO_TX"),
        }))),
        ("XmlVoice".into(), row("A text-to-speech voice (getVoiceList)", json!({
            "id": s("The id attribute"),
            "name": s("<name>"),
            "language": s("<language>"),
            "dialect": s("<dialect>"),
            "sex": s("<sex>"),
        }))),
        ("XmlInventoryNumber".into(), row("A number in inventory (getPhoneNumberInventory); its other elements (cost, setup fee ...) are kept beside these", json!({
            "phoneNumber": s("<phoneNumber>"),
            "humanReadable": s("<humanReadable>: the friendly format"),
        }))),
        ("XmlRow".into(), json!({
            "type": "object",
            "doc": "A row by the generic mapping: attributes and child elements by name, a leaf row's text under value",
            "additionalProperties": {},
        })),
    ]
}
