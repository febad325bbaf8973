//! `/media` uploads: the document's supported audio formats, checked before sending.
//!
//! | type | extension | MIME type |
//! |---|---|---|
//! | MP3 | `.mp3` | `audio/mpeg` |
//! | ULAW | `.ulaw` | `audio/x-ulaw` |
//! | WAV | `.wav` | `audio/wav`, `audio/x-wav` |
//!
//! The extension must match the MIME type, and both must match the file's own bytes: MP3 starts
//! with an ID3 tag or an MPEG audio layer III frame, WAV with a `RIFF....WAVE` header. µ-law
//! audio is headerless, so a `.ulaw` file is refused when its bytes carry another format's
//! signature (WAV, MP3, Ogg, FLAC, AIFF, or a Sun `.au` header whose encoding is not µ-law).
//! At most 20 MB (read as 20,000,000 bytes) per file.

use super::catalog::MAX_BODY_BYTES;
use crate::error::{Error, Result};

/// The largest media file accepted (the document's 20 MB).
pub const MEDIA_MAX_BYTES: u64 = MAX_BODY_BYTES;

const OP: &str = "v1.media.create";

/// An audio format `/media` accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AudioFormat {
    /// MPEG audio layer III, `.mp3`, `audio/mpeg`.
    Mp3,
    /// Raw G.711 µ-law, `.ulaw`, `audio/x-ulaw`.
    Ulaw,
    /// WAV (RIFF), `.wav`, `audio/wav` or `audio/x-wav`.
    Wav,
}

impl AudioFormat {
    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            AudioFormat::Mp3 => "mp3",
            AudioFormat::Ulaw => "ulaw",
            AudioFormat::Wav => "wav",
        }
    }

    /// The MIME types the document lists for it (the first is the one sent by default).
    pub fn mime_types(self) -> &'static [&'static str] {
        match self {
            AudioFormat::Mp3 => &["audio/mpeg"],
            AudioFormat::Ulaw => &["audio/x-ulaw"],
            AudioFormat::Wav => &["audio/wav", "audio/x-wav"],
        }
    }

    fn from_extension(ext: &str) -> Option<AudioFormat> {
        match ext.to_ascii_lowercase().as_str() {
            "mp3" => Some(AudioFormat::Mp3),
            "ulaw" => Some(AudioFormat::Ulaw),
            "wav" => Some(AudioFormat::Wav),
            _ => None,
        }
    }

    fn from_mime(mime: &str) -> Option<AudioFormat> {
        [AudioFormat::Mp3, AudioFormat::Ulaw, AudioFormat::Wav]
            .into_iter()
            .find(|f| f.mime_types().contains(&mime))
    }
}

/// A checked upload: its format and the content type to send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedMedia {
    /// The format.
    pub format: AudioFormat,
    /// The content type to send: the caller's (normalised) or the format's first.
    pub content_type: String,
}

/// Check a `/media` upload before sending: the file name (no control characters: it travels in
/// a multipart header), size (1 byte to 20 MB, read as 20,000,000 bytes), extension (`.mp3`, `.ulaw`,
/// `.wav`), the MIME type when given (it must be the extension's), and the bytes' signature.
/// Errors are validation errors on the field `file` that say which rule failed.
///
/// ```
/// use phonecom::v1::{check_media_upload, AudioFormat};
/// let wav = [b"RIFF".as_slice(), &[36, 0, 0, 0], b"WAVEfmt "].concat();
/// let ok = check_media_upload("greeting.wav", Some("audio/x-wav"), &wav).unwrap();
/// assert_eq!(ok.format, AudioFormat::Wav);
/// assert!(check_media_upload("greeting.mp3", None, &wav).is_err()); // WAV bytes, .mp3 name
/// assert!(check_media_upload("greeting.wav", Some("audio/mpeg"), &wav).is_err());
/// assert!(check_media_upload("greeting.ogg", None, b"OggS").is_err());
/// ```
pub fn check_media_upload(
    filename: &str,
    content_type: Option<&str>,
    data: &[u8],
) -> Result<CheckedMedia> {
    let fail = |rule: String| Error::validation(OP, "file", &rule);
    if let Some(rule) = crate::encode::file_name_problem(filename) {
        return Err(fail(rule));
    }
    if data.is_empty() {
        return Err(fail("is empty".into()));
    }
    if data.len() as u64 > MEDIA_MAX_BYTES {
        return Err(fail(format!(
            "is {} bytes; /media accepts at most 20 MB, read as {MEDIA_MAX_BYTES} bytes (20 x 1000 x 1000)",
            data.len()
        )));
    }
    let ext = std::path::Path::new(filename)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("");
    let format = AudioFormat::from_extension(ext).ok_or_else(|| {
        fail(format!(
            "must be named .mp3, .ulaw or .wav (got `{filename}`): the extension must match the audio type"
        ))
    })?;
    let content_type = match content_type {
        Some(ct) => {
            let mime = ct
                .split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase();
            match AudioFormat::from_mime(&mime) {
                None => {
                    return Err(fail(format!(
                        "content type `{ct}` is not accepted (audio/mpeg for .mp3, audio/x-ulaw for .ulaw, audio/wav or audio/x-wav for .wav)"
                    )))
                }
                Some(f) if f != format => {
                    return Err(fail(format!(
                        "content type `{mime}` does not match the extension .{} (expected {})",
                        format.extension(),
                        format.mime_types().join(" or ")
                    )))
                }
                Some(_) => mime,
            }
        }
        None => format.mime_types()[0].to_string(),
    };
    if let Some(why) = bytes_mismatch(format, data) {
        return Err(fail(format!(
            "the bytes of `{filename}` are not {}: {why}",
            match format {
                AudioFormat::Mp3 => "MP3 audio",
                AudioFormat::Ulaw => "raw µ-law audio",
                AudioFormat::Wav => "WAV audio",
            }
        )));
    }
    Ok(CheckedMedia {
        format,
        content_type,
    })
}

/// The format `data` announces by its signature, when it has one.
fn signature(data: &[u8]) -> Option<&'static str> {
    let at = |i: usize, sig: &[u8]| data.get(i..i + sig.len()) == Some(sig);
    if at(0, b"RIFF") && at(8, b"WAVE") {
        Some("WAV (RIFF/WAVE header)")
    } else if at(0, b"ID3") {
        Some("MP3 (ID3 tag)")
    } else if is_mpeg_layer3_frame(data) {
        Some("MP3 (MPEG audio frame)")
    } else if at(0, b"OggS") {
        Some("Ogg")
    } else if at(0, b"fLaC") {
        Some("FLAC")
    } else if at(0, b"FORM") && (at(8, b"AIFF") || at(8, b"AIFC")) {
        Some("AIFF")
    } else if at(0, b"RIFF") {
        Some("a RIFF file that is not WAVE")
    } else if at(4, b"ftyp") {
        Some("MP4/M4A")
    } else if at(0, b"\x89PNG") || at(0, b"%PDF") || at(0, b"\xFF\xD8\xFF") {
        Some("an image or document")
    } else {
        None
    }
}

/// An MPEG audio frame header of layer III (MPEG 1, 2 or 2.5) at the start.
fn is_mpeg_layer3_frame(d: &[u8]) -> bool {
    d.len() >= 3
        && d[0] == 0xFF
        && d[1] & 0xE0 == 0xE0
        && (d[1] >> 3) & 0x03 != 0x01 // version not reserved
        && (d[1] >> 1) & 0x03 == 0x01 // layer III
        && d[2] >> 4 != 0x0F // bitrate index not "bad"
        && (d[2] >> 2) & 0x03 != 0x03 // sample rate not reserved
}

fn bytes_mismatch(format: AudioFormat, data: &[u8]) -> Option<String> {
    let sig = signature(data);
    match format {
        AudioFormat::Wav => match sig {
            Some(s) if s.starts_with("WAV") => None,
            Some(s) => Some(format!("they look like {s}")),
            None => Some("no RIFF....WAVE header at the start".into()),
        },
        AudioFormat::Mp3 => match sig {
            Some(s) if s.starts_with("MP3") => None,
            Some(s) => Some(format!("they look like {s}")),
            None => Some("no ID3 tag or MPEG layer III frame at the start".into()),
        },
        AudioFormat::Ulaw => {
            if data.starts_with(b".snd") {
                // Sun/NeXT .au: big-endian encoding code at offset 12; 1 is 8-bit µ-law.
                return match data.get(12..16) {
                    Some([0, 0, 0, 1]) => None,
                    Some(code) => Some(format!(
                        "a Sun .au header with encoding {}, not 1 (µ-law)",
                        u32::from_be_bytes([code[0], code[1], code[2], code[3]])
                    )),
                    None => Some("a truncated Sun .au header".into()),
                };
            }
            sig.map(|s| format!("they look like {s}"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wav() -> Vec<u8> {
        let mut v = b"RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00".to_vec();
        v.extend_from_slice(&[0u8; 32]);
        v
    }
    fn mp3_id3() -> Vec<u8> {
        b"ID3\x03\x00\x00\x00\x00\x00\x00rest".to_vec()
    }
    fn mp3_frame() -> Vec<u8> {
        vec![0xFF, 0xFB, 0x90, 0x64, 0, 0, 0, 0]
    }
    fn ulaw() -> Vec<u8> {
        vec![0xFF, 0xFF, 0x7F, 0x80, 0x10, 0x20]
    }

    fn rule(r: Result<CheckedMedia>) -> String {
        let e = r.unwrap_err();
        assert_eq!(e.fields()[0].field, "file");
        e.fields()[0].message.clone()
    }

    #[test]
    fn accepts_each_format_with_each_mime() {
        assert_eq!(
            check_media_upload("a.wav", None, &wav())
                .unwrap()
                .content_type,
            "audio/wav"
        );
        assert_eq!(
            check_media_upload("a.WAV", Some("audio/x-wav"), &wav())
                .unwrap()
                .content_type,
            "audio/x-wav"
        );
        assert_eq!(
            check_media_upload("a.mp3", Some("audio/mpeg"), &mp3_id3())
                .unwrap()
                .format,
            AudioFormat::Mp3
        );
        assert_eq!(
            check_media_upload("a.mp3", None, &mp3_frame())
                .unwrap()
                .format,
            AudioFormat::Mp3
        );
        assert_eq!(
            check_media_upload("a.ulaw", Some("audio/x-ulaw"), &ulaw())
                .unwrap()
                .format,
            AudioFormat::Ulaw
        );
        let au = [
            b".snd".as_slice(),
            &[0, 0, 0, 24, 0, 0, 0, 8, 0, 0, 0, 1, 0, 0, 0x1F, 0x40],
        ]
        .concat();
        assert!(check_media_upload("a.ulaw", None, &au).is_ok());
        assert_eq!(
            check_media_upload("a.wav", Some("Audio/WAV; charset=binary"), &wav())
                .unwrap()
                .content_type,
            "audio/wav"
        );
    }

    #[test]
    fn extension_must_be_supported_and_match_the_mime_type() {
        assert!(rule(check_media_upload("a.ogg", None, b"OggS")).contains(".mp3, .ulaw or .wav"));
        assert!(rule(check_media_upload("greeting", None, &wav())).contains(".mp3, .ulaw or .wav"));
        assert!(
            rule(check_media_upload("a.wav", Some("audio/mpeg"), &wav()))
                .contains("does not match the extension .wav")
        );
        assert!(
            rule(check_media_upload("a.mp3", Some("audio/mp3"), &mp3_id3()))
                .contains("not accepted")
        );
        assert!(
            rule(check_media_upload("a.ulaw", Some("audio/basic"), &ulaw()))
                .contains("not accepted")
        );
    }

    #[test]
    fn bytes_must_match_the_extension() {
        assert!(rule(check_media_upload("a.mp3", None, &wav())).contains("look like WAV"));
        assert!(rule(check_media_upload("a.wav", None, &mp3_id3())).contains("look like MP3"));
        assert!(rule(check_media_upload("a.wav", None, &ulaw())).contains("no RIFF"));
        assert!(rule(check_media_upload("a.mp3", None, b"hello world")).contains("no ID3"));
        assert!(rule(check_media_upload("a.ulaw", None, &wav())).contains("look like WAV"));
        assert!(rule(check_media_upload("a.ulaw", None, &mp3_frame())).contains("look like MP3"));
        let au_linear = [b".snd".as_slice(), &[0, 0, 0, 24, 0, 0, 0, 8, 0, 0, 0, 3]].concat();
        assert!(rule(check_media_upload("a.ulaw", None, &au_linear)).contains("encoding 3"));
        let riff_avi = b"RIFF\x00\x00\x00\x00AVI LIST".to_vec();
        assert!(rule(check_media_upload("a.wav", None, &riff_avi)).contains("not WAVE"));
    }

    #[test]
    fn control_characters_in_the_name_are_refused() {
        for name in [
            "a\r\nX-Injected: 1.wav",
            "a\n.wav",
            "a\u{0}.wav",
            "a\u{7f}.wav",
        ] {
            assert!(rule(check_media_upload(name, None, &wav())).contains("control characters"));
        }
        assert!(check_media_upload("my greeting (1).wav", None, &wav()).is_ok());
    }

    #[test]
    fn size_limits() {
        assert!(rule(check_media_upload("a.wav", None, &[])).contains("empty"));
        let mut big = wav();
        big.resize(MEDIA_MAX_BYTES as usize + 1, 0);
        assert!(rule(check_media_upload("a.wav", None, &big)).contains("at most 20 MB"));
        assert_eq!(MEDIA_MAX_BYTES, 20_000_000);
        big.truncate(MEDIA_MAX_BYTES as usize);
        assert!(check_media_upload("a.wav", None, &big).is_ok());
    }
}
