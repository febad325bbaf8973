//! Typed REST v1 entities. Flags are real booleans, dates [`Timestamp`]s, durations seconds;
//! fields the library does not name are kept in `extra`, so nothing the API returns is lost.

use crate::types::{yn, Timestamp};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

/// Serde for integers the API may quote (`"1"` or `1`).
mod lenient_int {
    use super::*;
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
        match Value::deserialize(d)? {
            Value::Null => Ok(None),
            Value::Number(n) => n
                .as_i64()
                .map(Some)
                .ok_or_else(|| serde::de::Error::custom(format!("expected an integer, got {n}"))),
            Value::String(s) if s.trim().is_empty() => Ok(None),
            Value::String(s) => {
                s.trim().parse().map(Some).map_err(|_| {
                    serde::de::Error::custom(format!("expected an integer, got `{s}`"))
                })
            }
            other => Err(serde::de::Error::custom(format!(
                "expected an integer, got {other}"
            ))),
        }
    }
}

/// The reference a create or update returns: `{"resource_id": "..."}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResourceRef {
    /// The object's UUID.
    pub resource_id: String,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A menu key: `0`-`9` or `#` (`pound`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Digit {
    /// A digit key, 0 to 9.
    Key(u8),
    /// The `#` key, written `pound`.
    Pound,
}

impl Serialize for Digit {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Digit::Key(d) => s.serialize_str(&d.to_string()),
            Digit::Pound => s.serialize_str("pound"),
        }
    }
}

impl<'de> Deserialize<'de> for Digit {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Digit, D::Error> {
        let v = Value::deserialize(d)?;
        match &v {
            Value::String(s) if s == "pound" => Ok(Digit::Pound),
            Value::String(s) if s.len() == 1 && s.as_bytes()[0].is_ascii_digit() => {
                Ok(Digit::Key(s.as_bytes()[0] - b'0'))
            }
            Value::Number(n) if n.as_u64().is_some_and(|n| n <= 9) => {
                Ok(Digit::Key(n.as_u64().unwrap_or_default() as u8))
            }
            _ => Err(serde::de::Error::custom(format!(
                "a menu digit is 0-9 or \"pound\", got {v}"
            ))),
        }
    }
}

/// One menu option: the key and the route it leads to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MenuDigit {
    /// The key.
    pub digit: Digit,
    /// The route's UUID.
    pub route: String,
}

/// A menu as the API returns it.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Menu {
    /// Its UUID.
    #[serde(default)]
    pub resource_id: Option<String>,
    /// Name.
    #[serde(default)]
    pub name: Option<String>,
    /// Greeting played to callers (a media UUID).
    #[serde(default)]
    pub outgoing_recording: Option<String>,
    /// Message played on an invalid entry (a media UUID).
    #[serde(default)]
    pub invalid_entry_recording: Option<String>,
    /// Whether callers may dial an extension directly.
    #[serde(default, with = "yn::option")]
    pub allow_extension_dial: Option<bool>,
    /// Level.
    #[serde(default, deserialize_with = "lenient_int::deserialize")]
    pub level: Option<i64>,
    /// Wait time.
    #[serde(default, deserialize_with = "lenient_int::deserialize")]
    pub wait_time: Option<i64>,
    /// Options.
    #[serde(default)]
    pub digits: Vec<MenuDigit>,
    /// Creation time, ISO 8601.
    #[serde(default)]
    pub created_date: Option<Timestamp>,
    /// Creation time, epoch seconds.
    #[serde(default, deserialize_with = "lenient_int::deserialize")]
    pub created_epoch: Option<i64>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The body of `v1.menus.create` / `v1.menus.update` (the document's schema).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct NewMenu {
    /// Name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Greeting (a media UUID).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outgoing_recording: Option<String>,
    /// Invalid-entry message (a media UUID).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invalid_entry_recording: Option<String>,
    /// Let callers dial extensions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow_extension_dial: Option<bool>,
    /// Level.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<i64>,
    /// Wait time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wait_time: Option<i64>,
    /// Options (at least one).
    pub digits: Vec<MenuDigit>,
}

/// An SMS message (the document's SMS object).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Sms {
    /// Its UUID.
    #[serde(default)]
    pub resource_id: Option<String>,
    /// Recipient.
    #[serde(default)]
    pub to: Option<String>,
    /// Sender.
    #[serde(default)]
    pub from: Option<String>,
    /// Text.
    #[serde(default)]
    pub message: Option<String>,
    /// Status, e.g. `sent`.
    #[serde(default)]
    pub status: Option<String>,
    /// `incoming` or `outgoing`.
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
    /// The application's UUID.
    #[serde(default)]
    pub application_id: Option<String>,
    /// Creation time, ISO 8601.
    #[serde(default)]
    pub created_date: Option<Timestamp>,
    /// Creation time, epoch seconds.
    #[serde(default, deserialize_with = "lenient_int::deserialize")]
    pub created_epoch: Option<i64>,
    /// The application's URL.
    #[serde(default)]
    pub url: Option<String>,
    /// The fallback URL.
    #[serde(default)]
    pub backup_url: Option<String>,
    /// Account id.
    #[serde(default, deserialize_with = "lenient_int::deserialize")]
    pub voip_id: Option<i64>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The body of `v1.sms.create`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct SendSms {
    /// Recipient, E.164 (`+` optional).
    pub to: String,
    /// Sender, E.164.
    pub from: String,
    /// Text.
    pub message: String,
    /// Application URL for the message's events.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Fallback URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backup_url: Option<String>,
    /// The application's UUID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub application_id: Option<String>,
}

/// A greeting or hold music (the document's greeting object).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Media {
    /// Its UUID.
    #[serde(default)]
    pub resource_id: Option<String>,
    /// Name.
    #[serde(default)]
    pub name: Option<String>,
    /// Uploaded file name.
    #[serde(default)]
    pub filename: Option<String>,
    /// Length in seconds.
    #[serde(default, with = "crate::types::timestamp::seconds")]
    pub duration: Option<u64>,
    /// Whether it is hold music.
    #[serde(default, with = "yn::option")]
    pub is_hold_music: Option<bool>,
    /// Whether it is temporary.
    #[serde(default, with = "yn::option")]
    pub is_temporary: Option<bool>,
    /// Notes.
    #[serde(default)]
    pub notes: Option<String>,
    /// How it was made, e.g. `tts`.
    #[serde(default)]
    pub origin: Option<String>,
    /// Text spoken (text to speech).
    #[serde(default)]
    pub tts_text: Option<String>,
    /// Voice (text to speech).
    #[serde(default)]
    pub tts_voice: Option<String>,
    /// Creation time as the media service writes it (`create_date`).
    #[serde(default)]
    pub create_date: Option<Timestamp>,
    /// Creation time, ISO 8601.
    #[serde(default)]
    pub created_date: Option<Timestamp>,
    /// Creation time, epoch seconds.
    #[serde(default, deserialize_with = "lenient_int::deserialize")]
    pub created_epoch: Option<i64>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// An audio upload for `v1.media.create` (checked with
/// [`check_media_upload`](super::check_media_upload) before sending).
#[derive(Clone, Default, PartialEq)]
pub struct MediaUpload {
    /// Name of the greeting.
    pub name: Option<String>,
    /// File name; its extension (`.mp3`, `.ulaw`, `.wav`) must match the bytes.
    pub filename: String,
    /// MIME type; `None` takes the extension's.
    pub content_type: Option<String>,
    /// The audio.
    pub data: Vec<u8>,
    /// Hold music.
    pub is_hold_music: Option<bool>,
    /// Temporary.
    pub is_temporary: Option<bool>,
    /// Notes.
    pub notes: Option<String>,
}

impl std::fmt::Debug for MediaUpload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MediaUpload")
            .field("name", &self.name)
            .field("filename", &self.filename)
            .field("content_type", &self.content_type)
            .field("bytes", &self.data.len())
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn menu_from_string_syntax() {
        let m: Menu = serde_json::from_value(json!({
            "resource_id": "06283513-14f5-11e3-a398-91e4dd3a21e9",
            "name": "first_menu", "allow_extension_dial": "N", "level": "1", "wait_time": "5",
            "digits": [{"digit": "pound", "route": "6df07874-a797-11e2-bb5a-dc180921aee7"},
                       {"digit": "0", "route": "ae761ef5-a6bd-11e2-b484-9048ce5be0cc"}],
            "color": "blue"
        }))
        .unwrap();
        assert_eq!(m.allow_extension_dial, Some(false));
        assert_eq!(m.level, Some(1));
        assert_eq!(m.digits[0].digit, Digit::Pound);
        assert_eq!(m.digits[1].digit, Digit::Key(0));
        assert_eq!(m.extra["color"], "blue");
    }

    #[test]
    fn greeting_object() {
        let g: Media = serde_json::from_value(json!({
            "resource_id": "9d1ee64b-f316-11e2-b57c-ac4ed37d8038", "create_date": 1374528920,
            "duration": "0", "filename": "", "is_hold_music": "N", "is_temporary": "N",
            "name": "voicemail_greeting1", "notes": "", "origin": "tts",
            "tts_text": "I'm not in, please leave a message.", "tts_voice": "amy"
        }))
        .unwrap();
        assert_eq!(g.duration, Some(0));
        assert_eq!(g.is_hold_music, Some(false));
        assert_eq!(g.create_date.unwrap().epoch(), 1374528920);
    }

    #[test]
    fn digits_serialise_as_strings() {
        let d = serde_json::to_value(MenuDigit {
            digit: Digit::Key(3),
            route: "r".into(),
        })
        .unwrap();
        assert_eq!(d["digit"], "3");
        assert!(serde_json::from_value::<Digit>(json!(10)).is_err());
        assert!(serde_json::from_value::<Digit>(json!("#")).is_err());
    }
}
