//! Small wire helpers shared by every family: percent-encoding, query strings, form bodies,
//! multipart bodies and the text of JSON scalars.

/// Text form of a scalar JSON value (strings without quotes).
pub(crate) fn scalar_text(v: &serde_json::Value) -> String {
    use serde_json::Value;
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// Percent-encode everything but RFC 3986 unreserved characters (so `+` travels as `%2B`).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Decode `%XX` escapes, and `+` as a space when `plus_is_space` (form encoding).
pub fn percent_decode(s: &str, plus_is_space: bool) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' if plus_is_space => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match hex_byte(bytes[i + 1], bytes[i + 2]) {
                Some(v) => {
                    out.push(v);
                    i += 2;
                }
                None => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_byte(hi: u8, lo: u8) -> Option<u8> {
    let d = |c: u8| (c as char).to_digit(16);
    Some((d(hi)? * 16 + d(lo)?) as u8)
}

/// Join `(name, value)` pairs as `a=1&b=2`, both sides percent-encoded (brackets kept readable).
pub fn encode_pairs(pairs: &[(String, String)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode_key(k), percent_encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Keys such as `filters[price][]` keep their brackets literal, as Phone.com's own docs write them.
fn encode_key(k: &str) -> String {
    k.split_inclusive(['[', ']'])
        .map(|part| {
            let (body, tail) = match part.char_indices().last() {
                Some((i, c)) if c == '[' || c == ']' => (&part[..i], &part[i..]),
                _ => (part, ""),
            };
            format!("{}{}", percent_encode(body), tail)
        })
        .collect()
}

/// Parse `a=1&b=2` (form or query encoding) into pairs, in order.
pub fn decode_pairs(s: &str) -> Vec<(String, String)> {
    s.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (percent_decode(k, true), percent_decode(v, true)),
            None => (percent_decode(p, true), String::new()),
        })
        .collect()
}

/// Decode standard base64 (padding optional, whitespace ignored).
pub fn base64_decode(s: &str) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for (i, c) in s.bytes().enumerate() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' | b' ' | b'\n' | b'\r' | b'\t' => continue,
            _ => return Err(format!("invalid base64 character at position {i}")),
        };
        acc = (acc << 6) | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Ok(out)
}

/// Encode bytes as standard base64 with padding (HTTP Basic credentials).
pub fn base64_encode(data: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// A file parameter's content: `{"path": "..."}` (read from disk) or
/// `{"content_base64": "..."}`, with the optional `filename` and `content_type` the caller gave.
#[derive(Clone)]
pub struct FileParam {
    /// The file name: the caller's `filename`, else the last component of `path`.
    pub filename: Option<String>,
    /// The content type the caller declared, if any.
    pub content_type: Option<String>,
    /// The bytes.
    pub data: Vec<u8>,
}

impl std::fmt::Debug for FileParam {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileParam")
            .field("filename", &self.filename)
            .field("content_type", &self.content_type)
            .field("bytes", &self.data.len())
            .finish()
    }
}

impl FileParam {
    /// Read a file parameter, refusing (before reading) anything larger than `max_bytes`.
    /// Errors name the parameter and say why.
    pub fn read(value: &serde_json::Value, max_bytes: u64) -> Result<FileParam, String> {
        let o = value
            .as_object()
            .ok_or("must be a file object {path} or {filename, content_base64}")?;
        let text = |k: &str| {
            o.get(k)
                .and_then(serde_json::Value::as_str)
                .map(str::to_string)
        };
        let limit = |n: u64| {
            format!(
                "is {n} bytes; the limit is {max_bytes} bytes ({})",
                human_size(max_bytes)
            )
        };
        let (from_path, data) = if let Some(path) = text("path") {
            let meta =
                std::fs::metadata(&path).map_err(|e| format!("cannot read `{path}`: {e}"))?;
            // A device or a pipe reports no size (`/dev/zero` would be read forever, a FIFO
            // would block): only regular files are uploads.
            if !meta.is_file() {
                return Err(format!(
                    "`{path}` must be a regular file (not a directory, device or pipe)"
                ));
            }
            if meta.len() > max_bytes {
                return Err(limit(meta.len()));
            }
            // The file may grow between the check and the read: never read past the limit.
            let mut data = Vec::new();
            use std::io::Read;
            std::fs::File::open(&path)
                .and_then(|f| f.take(max_bytes.saturating_add(1)).read_to_end(&mut data))
                .map_err(|e| format!("cannot read `{path}`: {e}"))?;
            let name = std::path::Path::new(&path)
                .file_name()
                .map(|f| f.to_string_lossy().into_owned());
            (name, data)
        } else if let Some(b64) = text("content_base64") {
            // 4 base64 characters carry 3 bytes: refuse oversized input before decoding it.
            if (b64.len() as u64 / 4) * 3 > max_bytes + 3 {
                return Err(limit((b64.len() as u64 / 4) * 3));
            }
            let data = base64_decode(&b64).map_err(|e| format!("content_base64: {e}"))?;
            (None, data)
        } else {
            return Err("needs exactly one of `path` or `content_base64`".into());
        };
        if data.len() as u64 > max_bytes {
            return Err(limit(data.len() as u64));
        }
        let filename = text("filename").or(from_path);
        if let Some(rule) = filename.as_deref().and_then(file_name_problem) {
            return Err(rule);
        }
        Ok(FileParam {
            filename,
            content_type: text("content_type"),
            data,
        })
    }
}

/// Why a file name cannot travel in a `Content-Disposition` header, if it cannot: control
/// characters (CR and LF would start a new header line). The rule is said for the field `file`.
///
/// ```
/// use phonecom::encode::file_name_problem;
/// assert!(file_name_problem("greeting.wav").is_none());
/// assert!(file_name_problem("a.wav\r\nX-Injected: 1").unwrap().contains("control character"));
/// ```
pub fn file_name_problem(name: &str) -> Option<String> {
    name.chars().find(|c| c.is_control()).map(|c| {
        format!(
            "file name must not contain control characters (found U+{:04X}): CR, LF, tab and the like cannot travel in a multipart header",
            c as u32
        )
    })
}

/// A multipart header value (a part's `name` or `filename`) made safe to quote: `"`, CR, LF and
/// other control characters become `%XX`, as browsers encode them (WHATWG HTML,
/// multipart/form-data). A defence behind the upload checks, which refuse such names.
fn header_quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c == '"' || c.is_control() {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// `20 MB` (decimal), `20 MiB`, `512 KiB`, `300 bytes`.
pub fn human_size(n: u64) -> String {
    if n >= 1_000_000 && n.is_multiple_of(1_000_000) {
        format!("{} MB", n / 1_000_000)
    } else if n >= 1 << 20 && n & ((1 << 20) - 1) == 0 {
        format!("{} MiB", n >> 20)
    } else if n >= 1 << 10 && n & ((1 << 10) - 1) == 0 {
        format!("{} KiB", n >> 10)
    } else {
        format!("{n} bytes")
    }
}

/// A `multipart/form-data` body: returns (content type with boundary, bytes).
pub fn multipart(parts: &[MultipartPart]) -> (String, Vec<u8>) {
    let boundary = format!("phonecom-{}", crate::random::id_hex(12));
    let mut body = Vec::new();
    for p in parts {
        body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        match &p.filename {
            Some(f) => body.extend_from_slice(
                format!(
                    "Content-Disposition: form-data; name=\"{}\"; filename=\"{}\"\r\n",
                    header_quoted(&p.name),
                    header_quoted(f)
                )
                .as_bytes(),
            ),
            None => body.extend_from_slice(
                format!(
                    "Content-Disposition: form-data; name=\"{}\"\r\n",
                    header_quoted(&p.name)
                )
                .as_bytes(),
            ),
        }
        if let Some(ct) = &p.content_type {
            body.extend_from_slice(format!("Content-Type: {ct}\r\n").as_bytes());
        }
        body.extend_from_slice(b"\r\n");
        body.extend_from_slice(&p.data);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// One part of a multipart body.
#[derive(Clone, Debug)]
pub struct MultipartPart {
    /// The form field name.
    pub name: String,
    /// The file name, for file parts.
    pub filename: Option<String>,
    /// The part's content type.
    pub content_type: Option<String>,
    /// The bytes.
    pub data: Vec<u8>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_path_must_name_a_regular_file() {
        // Before: `/dev/zero` reports size 0, passed the size check and was read forever.
        for path in ["/dev/zero", "/dev/null", "/tmp"] {
            let err = FileParam::read(&serde_json::json!({ "path": path }), 1024).unwrap_err();
            assert!(err.contains("must be a regular file"), "{path}: {err}");
        }
        let file = std::env::temp_dir().join(format!("phonecom-wire-{}.bin", std::process::id()));
        std::fs::write(&file, [7u8; 10]).unwrap();
        let value = serde_json::json!({ "path": file.to_str().unwrap() });
        assert_eq!(FileParam::read(&value, 10).unwrap().data, [7u8; 10]);
        assert!(FileParam::read(&value, 9)
            .unwrap_err()
            .contains("the limit is 9 bytes"));
        std::fs::remove_file(file).unwrap();
    }

    #[test]
    fn plus_travels_encoded() {
        assert_eq!(percent_encode("+18585551234"), "%2B18585551234");
        assert_eq!(percent_decode("%2B1858", true), "+1858");
        assert_eq!(percent_decode("a+b", true), "a b");
        assert_eq!(percent_decode("a+b", false), "a+b");
        assert_eq!(percent_decode("100%", true), "100%");
        assert_eq!(percent_decode("%4", true), "%4");
    }

    #[test]
    fn base64_encoding() {
        assert_eq!(base64_encode(b""), "");
        assert_eq!(base64_encode(b"f"), "Zg==");
        assert_eq!(base64_encode(b"fo"), "Zm8=");
        assert_eq!(base64_encode(b"foo"), "Zm9v");
        // The REST v1 document's example header: Authorization: Basic UGhvbmUuY29tOldlbGNvbWUh
        assert_eq!(
            base64_encode(b"Phone.com:Welcome!"),
            "UGhvbmUuY29tOldlbGNvbWUh"
        );
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(base64_decode(&base64_encode(&all)).unwrap(), all);
    }

    #[test]
    fn file_params() {
        let f = FileParam::read(
            &serde_json::json!({"filename": "a.wav", "content_base64": "aGVsbG8="}),
            10,
        )
        .unwrap();
        assert_eq!(f.data, b"hello");
        assert_eq!(f.filename.as_deref(), Some("a.wav"));
        assert!(
            FileParam::read(&serde_json::json!({"content_base64": "aGVsbG8="}), 4)
                .unwrap_err()
                .contains("limit is 4 bytes")
        );
        assert!(FileParam::read(&serde_json::json!({"path": "/nonexistent/x.wav"}), 4).is_err());
        assert!(FileParam::read(&serde_json::json!({}), 4).is_err());
        assert!(!format!("{f:?}").contains("hello"));
        assert_eq!(human_size(20 << 20), "20 MiB");
        assert_eq!(human_size(512 << 10), "512 KiB");
        assert_eq!(human_size(20_000_000), "20 MB");
    }

    #[test]
    fn multipart_headers_cannot_be_injected() {
        let (_, body) = multipart(&[MultipartPart {
            name: "file\r\nX-Name: 1".into(),
            filename: Some("a\".wav\r\nX-Injected: yes\r\n\r\nbody".into()),
            content_type: None,
            data: b"x".to_vec(),
        }]);
        let text = String::from_utf8(body).unwrap();
        let header = text.lines().nth(1).unwrap();
        assert_eq!(
            header,
            "Content-Disposition: form-data; name=\"file%0D%0AX-Name: 1\"; filename=\"a%22.wav%0D%0AX-Injected: yes%0D%0A%0D%0Abody\""
        );
        assert!(!text.lines().any(|l| l.starts_with("X-")));
        let f = serde_json::json!({"filename": "a.wav\nX: 1", "content_base64": "aGk="});
        assert!(FileParam::read(&f, 10)
            .unwrap_err()
            .contains("control characters (found U+000A)"));
        assert!(file_name_problem("ok name (1).wav").is_none());
        assert!(file_name_problem("tab\there").is_some());
    }

    #[test]
    fn base64() {
        assert_eq!(base64_decode("aGVsbG8gd29ybGQ=").unwrap(), b"hello world");
        assert_eq!(base64_decode("AAEC/w").unwrap(), vec![0, 1, 2, 255]);
        assert!(base64_decode("a*b").is_err());
    }

    #[test]
    fn bracket_keys_stay_readable() {
        let q = encode_pairs(&[
            ("filters[price][]".into(), "lt:149".into()),
            ("sort[price]".into(), "asc".into()),
        ]);
        assert_eq!(q, "filters[price][]=lt%3A149&sort[price]=asc");
        assert_eq!(
            decode_pairs(&q)[0],
            ("filters[price][]".to_string(), "lt:149".to_string())
        );
    }
}
