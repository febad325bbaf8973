//! Phone.com's XML API (`/special/xmlapi`): every action of the document as a catalog entry
//! `xml.<action>`, typed results, and a walker for `getCallList`'s 500-row cap.
//!
//! ```no_run
//! use phonecom::{Client, Config};
//! use serde_json::json;
//! let client = Client::new(Config::from_json(
//!     r#"{"xml": {"username": "joesmith", "password": "w00t"}}"#)?)?;
//! // Generic: JSON in, JSON out.
//! let sent = client.call("xml.sendSMS", json!({
//!     "fromNumber": "+15802820001", "toNumber": "+18583807710", "message": "This is a test",
//! }))?;
//! println!("svTRID {}", sent["svTRID"]);
//! // Typed.
//! for n in client.xml().phone_numbers()?.into_items() {
//!     println!("{:?} {:?}", n.phone_number, n.nick_name);
//! }
//! # Ok::<(), phonecom::Error>(())
//! ```
//!
//! # On the wire
//!
//! Requests are `name=value` pairs: `username`, `password` (from `xml` in the configuration),
//! `action`, the action's parameters, and `clTRID`. By default they travel as a form-encoded
//! `POST` body, so credentials stay out of URLs and access logs; `xml.method: "GET"` sends them in
//! the query string as the document's examples do (the URL is masked in logs and errors either
//! way). Form encoding writes `+` as `%2B`, as the document requires for phone numbers.
//! `environment: "dev"` selects the documented development host.
//!
//! Every request carries a `clTRID`: the caller's when given (keep it unique per logical
//! request), otherwise a generated one (`lpc` and 24 hex digits). It is sent unchanged on every
//! attempt, and the library follows the project's retry policy in treating it as the request's
//! idempotency key: XML API requests are marked idempotent, so connection failures, 408, 429 and
//! 5xx are retried within the call's deadline. The document itself only says the server reflects
//! the `clTRID` back; the project's sandbox models the assumption (a mutating action repeated
//! with the same `clTRID` answers the stored response and acts once). An application that cannot
//! accept a possible repeat of a mutating action (`sendSMS`, `originateCall`, ...) on the real
//! API can pass `CallOptions { max_attempts: Some(1), .. }`.
//!
//! # The JSON result
//!
//! Every action returns one shape (the typed form is [`Reply`]):
//!
//! ```json
//! {"status": "ok", "msg": "Command completed successfully",
//!  "resultDate": "2011-03-02T19:51:32.0000Z", "clTRID": "lpc0f3a...", "svTRID": "12990954922162961333",
//!  "data": ...}
//! ```
//!
//! `msg`, `resultDate`, `clTRID` and `svTRID` are `null` when absent or empty. `data` is:
//!
//! | action | `data` |
//! |---|---|
//! | `getPhoneNumberList` | `{"items": [`[`ListedNumber`]`]}`: `id`, `phoneNumber`, `nickName`, `rateCenter` |
//! | `getCallList` | `{"items": [`[`CallRecord`]`]}`: `id`, `startTime` (epoch, number), `startTimeGmt`, `callerId`, `calledNumber`, `duration` (number), `finalAction`, `finalActionDuration`, `url`, `transcription` |
//! | `getVoiceList` | `{"items": [`[`Voice`]`]}`: `id`, `name`, `language`, `dialect`, `sex` |
//! | `getPhoneNumberInventory` | `{"items": [`[`InventoryNumber`]`]}`: `phoneNumber`, `humanReadable` and the row's other elements |
//! | `getPhoneNumberCountryList`, `...PrefixList`, `...StateList`, `...RegionList`, `...LocalityList`, `getSoundList` | `{"items": [`[`Row`]`]}` |
//! | `getPhoneNumberPortingEligibility` | `{"eligible": true/false/null, ...resultData}` |
//! | `previewChatCall` | `{"url": "...", ...resultData}` |
//! | `sendChatCall` | `{"chatCallId": "...", ...resultData}` |
//! | `getChatCallStatus` | [`ChatCallStatus`]: `chatCallId`, `status`, `sendDate` (epoch, number), `sendDateGmt`, `responseType`, `recipients`: [[`ChatCallRecipientStatus`]: `toName`, `toNumber`, `status`, `response`, `duration` (number)], and the other elements of the status |
//! | every other action | `resultData` by the generic mapping, or `null` when there is none |
//!
//! Named fields are always present (`null` when the element is absent or empty); the elements a
//! type does not name are kept beside them, so nothing is lost (an element that shares its name
//! with a named field but holds another value, such as `<eligible>Yes</eligible>`, is kept as
//! `@eligible`). The document gives the elements
//! of the first three lists only; the others are read by the generic mapping:
//!
//! - a leaf element is its text (`null` when empty);
//! - an element with attributes or children is an object: attributes by name, children by name
//!   (a name that repeats becomes a list), its own text under `value`; an attribute that shares a
//!   name with a child moves to `@name`;
//! - a list container (a name ending in `list`, e.g. `phoneNumberList`, `voice-list`, or the
//!   plural of its children's name, e.g. `recipients`) is an array, `[]` when empty;
//! - rows of a list are always objects (a leaf row's text under `value`).
//!
//! # Errors
//!
//! `<result status="error">` becomes an [`Error`](crate::Error) whose upstream message is the
//! `<msg>`, whose request id is the `svTRID`, and whose kind is read from the message where it is
//! clear ([`kind_of_message`]): authentication failures -> `authentication`, "not authorized"
//! -> `permission`, "not found" -> `not_found`, "already exists" -> `conflict`, internal errors ->
//! `server`, anything else -> `validation`. A body that is not well-formed XML (such as the
//! document's own `getVoiceList` example), is truncated, or has no `<result>` is a `decode` error
//! that keeps a bounded prefix of the raw body. Bad input is refused before sending: each
//! parameter by the catalog, and the rules that span parameters (see *Input rules*).
//!
//! # Input rules
//!
//! Per parameter (catalog): E.164 where the document says so (`+` and digits; `destinationN` and
//! `legAPhoneNumber` also take an extension number), full numbers as digits for the inventory
//! actions (`18585608120`; a leading `+` is dropped), `yes`/`no` flags, `wav`/`mp3`, SMS text of
//! 160 characters at most (the error says how many over), 2-letter country codes, email
//! addresses, `TF`/`local`, patterns of digits, A-Z and `*` (15 at most, one per digit),
//! `quantity` 1-500, `sendDate` as epoch seconds or ISO 8601, and `sendChatCall` recipients
//! restricted to NANPA (US/CA) numbers.
//! Across parameters: US/CA `state` and US `zip` (5 or 9 digits) of `createAccount`; one of
//! `prefix`/`state` for the region and locality lists; `region`/`locality` need `state` and `page`
//! needs `quantity` in the inventory search; one `toName` per `toNumber`; `startTime` not after
//! `endTime`; `destinationN` settings need `destinationN`.
//!
//! The inventory search takes vanity letters itself ("Pattern may include digits, letters A-Z,
//! or `*`"), so a pattern is sent as given; [`InventoryQuery::vanity`] turns letters into keypad
//! digits first (`1-800-FLOWERS` -> `18003569377`) for an exact-digit search.

mod api;
mod call_list;
mod call_rows;
mod calls;
mod catalog;
pub mod models;
mod parse;
mod rules;
mod scan;
mod schemas;
pub(crate) mod wire;

pub use api::{
    Area, ChatCall, Destination, ExtensionNotification, InventoryQuery, NewAccount, OriginateCall,
    RingAll, Xml,
};
pub use calls::{Calls, CALL_LIST_CAP};
pub use models::*;
pub(crate) use parse::{decode_call_list_one_pass, decode_response_tree};
pub use parse::{decode_response, kind_of_message};
pub use wire::new_cltrid;

pub(crate) use catalog::operations;
pub(crate) use schemas::schemas;
