//! `/media`: greetings and hold music. A POST (or PUT) body is one of:
//!
//! * `multipart/form-data`: the audio in the part named `file` (or the first part with a file
//!   name); other parts are fields (a part named `json` may carry a JSON object of fields);
//! * raw audio (`Content-Type: audio/mpeg`, `audio/x-ulaw`, `audio/wav` or `audio/x-wav`): the
//!   file name comes from `Content-Disposition: ...; filename="x.wav"` or `?filename=`, other
//!   fields from the query string;
//! * JSON: fields only; without a file, `tts_text` makes a text-to-speech greeting.
//!
//! The document's table: `.mp3` audio/mpeg, `.ulaw` audio/x-ulaw, `.wav` audio/wav or
//! audio/x-wav; the extension must match the MIME type, and the bytes must match too (WAV
//! starts `RIFF....WAVE`, MP3 with an ID3 tag or an MPEG layer III frame, µ-law has no header
//! and must not carry another format's signature). At most 20 MB (20 MiB). The sandbox keeps
//! the size, type and file name, not the bytes.

use super::errors::{self, field, invalid, missing, Kind};
use super::fields::{self, Body};
use super::format;
use crate::http::{multipart, Request, Response};
use serde_json::{json, Value};

/// The largest file or body: the document's 20 MB, read as 20 MiB.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;

/// A received audio file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Audio {
    /// File name as sent (or made up from the type for raw uploads without one).
    pub filename: String,
    /// The MIME type.
    pub content_type: String,
    /// Size in bytes.
    pub size: usize,
    /// Estimated length in seconds.
    pub duration: u64,
}

const TYPES: &[(&str, &str)] = &[
    ("audio/mpeg", "mp3"),
    ("audio/x-ulaw", "ulaw"),
    ("audio/wav", "wav"),
    ("audio/x-wav", "wav"),
];

fn ext_of(filename: &str) -> String {
    filename
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

fn mime_for_ext(ext: &str) -> Option<&'static str> {
    TYPES.iter().find(|(_, e)| *e == ext).map(|(m, _)| *m)
}

fn is_mp3_frame(d: &[u8]) -> bool {
    d.len() >= 3
        && d[0] == 0xFF
        && d[1] & 0xE0 == 0xE0
        && (d[1] >> 3) & 0x03 != 0x01
        && (d[1] >> 1) & 0x03 == 0x01
        && d[2] >> 4 != 0x0F
        && (d[2] >> 2) & 0x03 != 0x03
}

/// Why `data` is not `ext` audio, if it is not.
fn bytes_mismatch(ext: &str, data: &[u8]) -> Option<&'static str> {
    let at = |i: usize, sig: &[u8]| data.get(i..i + sig.len()) == Some(sig);
    let wav = at(0, b"RIFF") && at(8, b"WAVE");
    let mp3 = at(0, b"ID3") || is_mp3_frame(data);
    let other = at(0, b"OggS")
        || at(0, b"fLaC")
        || at(0, b"FORM")
        || at(0, b"RIFF")
        || at(0, b"\x89PNG")
        || at(0, b"%PDF");
    match ext {
        "wav" if !wav => Some("the bytes are not WAV audio (no RIFF....WAVE header)"),
        "mp3" if !mp3 => Some("the bytes are not MP3 audio (no ID3 tag or MPEG layer III frame)"),
        "ulaw" if wav || mp3 || other => {
            Some("the bytes carry another format's header; µ-law audio is headerless")
        }
        _ => None,
    }
}

fn duration(ext: &str, data: &[u8]) -> u64 {
    let len = data.len() as u64;
    match ext {
        "wav" => {
            let rate = data
                .get(28..32)
                .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as u64)
                .filter(|r| *r > 0)
                .unwrap_or(16_000);
            len.saturating_sub(44).div_ceil(rate)
        }
        "ulaw" => len.div_ceil(8_000),
        _ => len.div_ceil(16_000),
    }
}

/// Checks one file: type, extension, bytes, size.
pub fn check_audio(
    filename: Option<&str>,
    content_type: Option<&str>,
    data: &[u8],
) -> Result<Audio, Response> {
    if data.is_empty() {
        return Err(invalid("file", "the file is empty"));
    }
    if data.len() > MAX_BYTES {
        return Err(field(
            Kind::TooLarge,
            "file",
            &format!(
                "The file is {} bytes; the maximum size for media files is 20 MB ({MAX_BYTES} bytes).",
                data.len()
            ),
        ));
    }
    let declared = content_type
        .map(|c| {
            c.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        })
        .filter(|c| !c.is_empty() && c != "application/octet-stream");
    let mime = match (&declared, filename) {
        (Some(m), _) => m.clone(),
        (None, Some(f)) => match mime_for_ext(&ext_of(f)) {
            Some(m) => m.to_string(),
            None => {
                return Err(field(
                    Kind::AudioType,
                    "file",
                    &format!("Unsupported audio file `{f}`: supported are .mp3 (audio/mpeg), .ulaw (audio/x-ulaw) and .wav (audio/wav, audio/x-wav)."),
                ))
            }
        },
        (None, None) => return Err(missing("file")),
    };
    let Some((_, ext)) = TYPES.iter().find(|(m, _)| *m == mime) else {
        return Err(field(
            Kind::AudioType,
            "file",
            &format!("Unsupported audio type `{mime}`: supported are audio/mpeg (.mp3), audio/x-ulaw (.ulaw), audio/wav and audio/x-wav (.wav)."),
        ));
    };
    let filename = match filename {
        Some(f) => f.to_string(),
        None => format!("upload.{ext}"),
    };
    if ext_of(&filename) != *ext {
        return Err(field(
            Kind::AudioMismatch,
            "file",
            &format!("The extension of `{filename}` does not match its MIME type {mime} (expected .{ext})."),
        ));
    }
    if let Some(why) = bytes_mismatch(ext, data) {
        return Err(field(
            Kind::AudioMismatch,
            "file",
            &format!("`{filename}` is declared {mime} but {why}."),
        ));
    }
    Ok(Audio {
        filename,
        content_type: mime,
        size: data.len(),
        duration: duration(ext, data),
    })
}

/// The file name in a `Content-Disposition` header value.
fn disposition_filename(v: &str) -> Option<String> {
    v.split(';').map(str::trim).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("filename")
            .then(|| v.trim().trim_matches('"').to_string())
    })
}

fn merge_json_part(b: &mut Body) -> Result<(), Response> {
    let Some(j) = b.remove("json") else {
        return Ok(());
    };
    let extra = match &j {
        Value::String(s) if s.trim().is_empty() => return Ok(()),
        Value::String(s) => serde_json::from_str::<Value>(s).ok(),
        other => Some(other.clone()),
    };
    match extra {
        Some(Value::Object(m)) => {
            for (k, v) in m {
                b.entry(k).or_insert(v);
            }
            Ok(())
        }
        _ => Err(invalid("json", "the `json` part must be a JSON object")),
    }
}

/// The fields and the file of a `/media` POST or PUT.
pub fn read(req: &Request) -> Result<(Body, Option<Audio>), Response> {
    let ct = req.content_type();
    if ct == "multipart/form-data" {
        let parts =
            multipart::parse(req.header("content-type").unwrap_or(""), &req.body).map_err(|e| {
                errors::error(Kind::BadJson, &format!("Unreadable multipart body: {e}."))
            })?;
        let file = parts
            .iter()
            .position(|p| p.name == "file")
            .or_else(|| parts.iter().position(|p| p.filename.is_some()));
        let mut b = Body::new();
        for (i, p) in parts.iter().enumerate() {
            if Some(i) != file {
                b.insert(
                    p.name.clone(),
                    json!(String::from_utf8_lossy(&p.data).into_owned()),
                );
            }
        }
        merge_json_part(&mut b)?;
        let audio = match file.map(|i| &parts[i]) {
            Some(p) => Some(check_audio(
                p.filename.as_deref(),
                p.content_type.as_deref(),
                &p.data,
            )?),
            None => None,
        };
        return Ok((b, audio));
    }
    if ct.starts_with("audio/") || ct == "application/octet-stream" {
        let name = req
            .header("content-disposition")
            .and_then(disposition_filename)
            .or_else(|| req.query_param("filename").map(str::to_string));
        let mut b = Body::new();
        for (k, v) in req.query.iter().filter(|(k, _)| k != "filename") {
            b.insert(k.clone(), json!(v));
        }
        let audio = check_audio(name.as_deref(), Some(&ct), &req.body)?;
        return Ok((b, Some(audio)));
    }
    if ct == "application/json" || ct == "text/json" {
        return match req.json() {
            Some(Value::Object(m)) => Ok((m, None)),
            _ => Err(errors::error(
                Kind::BadJson,
                "The request body must be a valid JSON object.",
            )),
        };
    }
    Err(errors::error(
        Kind::ContentType,
        "A /media upload is multipart/form-data (part `file`), raw audio (audio/mpeg, audio/x-ulaw, audio/wav, audio/x-wav) or JSON (application/json, text/json).",
    ))
}

/// The media object for a POST (`old` is `None`) or a PUT (merged onto `old`).
pub fn build(
    id: &str,
    now: i64,
    body: Body,
    audio: Option<Audio>,
    old: Option<&Value>,
) -> Result<Value, Response> {
    let body = fields::check(&fields::spec("media"), body)?;
    let mut m = match old {
        Some(Value::Object(o)) => o.clone(),
        _ => {
            let mut m = Body::new();
            m.insert("resource_id".into(), json!(id));
            for (k, v) in [
                ("name", json!("")),
                ("filename", json!("")),
                ("content_type", Value::Null),
                ("size", json!(0)),
                ("duration", json!("0")),
                ("is_hold_music", json!("N")),
                ("is_temporary", json!("N")),
                ("notes", json!("")),
                ("origin", json!("upload")),
                ("tts_text", Value::Null),
                ("tts_voice", Value::Null),
                ("create_date", json!(now)),
            ] {
                m.insert(k.into(), v);
            }
            m.extend(format::created(now));
            m
        }
    };
    let tts = body
        .get("tts_text")
        .and_then(Value::as_str)
        .filter(|t| !t.trim().is_empty())
        .map(str::to_string);
    if body.get("tts_text").is_some_and(|v| !v.is_null()) && tts.is_none() {
        return Err(invalid("tts_text", "must be a non-empty string"));
    }
    for (k, v) in body {
        m.insert(k, v);
    }
    if let Some(a) = audio {
        let stem = a
            .filename
            .rsplit_once('.')
            .map_or("", |(s, _)| s)
            .to_string();
        m.insert("origin".into(), json!("upload"));
        m.insert("filename".into(), json!(a.filename));
        m.insert("content_type".into(), json!(a.content_type));
        m.insert("size".into(), json!(a.size));
        m.insert("duration".into(), json!(a.duration.to_string()));
        m.insert("tts_text".into(), Value::Null);
        m.insert("tts_voice".into(), Value::Null);
        if m["name"].as_str().is_none_or(str::is_empty) {
            m.insert("name".into(), json!(stem));
        }
    } else if let Some(t) = tts {
        let words = t.split_whitespace().count() as u64;
        m.insert("origin".into(), json!("tts"));
        m.insert("filename".into(), json!(""));
        m.insert("content_type".into(), Value::Null);
        m.insert("size".into(), json!(0));
        m.insert(
            "duration".into(),
            json!(words.div_ceil(2).max(1).to_string()),
        );
        if m["tts_voice"].is_null() {
            m.insert("tts_voice".into(), json!("amy"));
        }
    } else if old.is_none() {
        return Err(field(
            Kind::Missing,
            "file",
            "Missing required field 'file' (an .mp3, .ulaw or .wav upload), or give 'tts_text' for text to speech.",
        ));
    }
    if m["name"].as_str().is_none_or(str::is_empty) {
        m.insert("name".into(), json!("greeting"));
    }
    Ok(Value::Object(m))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wav(len: usize) -> Vec<u8> {
        let mut d = b"RIFF\0\0\0\0WAVEfmt ".to_vec();
        d.resize(28, 0);
        d.extend_from_slice(&16_000u32.to_le_bytes());
        d.resize(len, 0);
        d
    }

    fn code(r: Response) -> (u16, u64) {
        let v: Value = serde_json::from_slice(&r.body).unwrap();
        (r.status, v["response"]["error"]["code"].as_u64().unwrap())
    }

    #[test]
    fn types_extensions_and_bytes() {
        let a = check_audio(Some("hold.wav"), Some("audio/x-wav"), &wav(44 + 32_000)).unwrap();
        assert_eq!((a.size, a.duration), (32_044, 2));
        let a = check_audio(Some("g.mp3"), None, b"ID3\x03\0\0\0").unwrap();
        assert_eq!(a.content_type, "audio/mpeg");
        let a = check_audio(None, Some("audio/x-ulaw"), &[0xFF; 16_000]).unwrap();
        assert_eq!((a.filename.as_str(), a.duration), ("upload.ulaw", 2));
        assert_eq!(
            code(check_audio(Some("g.ogg"), Some("audio/ogg"), b"OggS").unwrap_err()),
            (415, 10012)
        );
        assert_eq!(
            code(check_audio(Some("g.mp3"), Some("audio/wav"), &wav(64)).unwrap_err()),
            (400, 10013)
        );
        assert_eq!(
            code(check_audio(Some("g.mp3"), None, &wav(64)).unwrap_err()),
            (400, 10013)
        );
        assert_eq!(
            code(check_audio(Some("g.ulaw"), None, &wav(64)).unwrap_err()),
            (400, 10013)
        );
        assert_eq!(
            code(check_audio(Some("g.wav"), None, &vec![0; MAX_BYTES + 1]).unwrap_err()),
            (413, 10011)
        );
        assert_eq!(
            code(check_audio(Some("g.wav"), None, b"").unwrap_err()),
            (400, 10009)
        );
    }

    #[test]
    fn builds_uploads_and_tts() {
        let a = check_audio(Some("welcome.wav"), None, &wav(100)).unwrap();
        let m = build("id", 10, Body::new(), Some(a), None).unwrap();
        assert_eq!(
            (m["name"].as_str(), m["origin"].as_str()),
            (Some("welcome"), Some("upload"))
        );
        assert_eq!(m["created_epoch"], 10);
        assert_eq!(m["create_date"], 10);
        let b = json!({"tts_text": "hello there caller", "is_hold_music": "Y"});
        let t = build("id", 10, b.as_object().unwrap().clone(), None, None).unwrap();
        assert_eq!(
            (t["origin"].as_str(), t["duration"].as_str()),
            (Some("tts"), Some("2"))
        );
        assert_eq!(t["is_hold_music"], "Y");
        assert!(build("id", 10, Body::new(), None, None).is_err());
        let renamed = build(
            "id",
            11,
            json!({"name": "x"}).as_object().unwrap().clone(),
            None,
            Some(&t),
        )
        .unwrap();
        assert_eq!(
            (renamed["name"].as_str(), renamed["origin"].as_str()),
            (Some("x"), Some("tts"))
        );
    }
}
