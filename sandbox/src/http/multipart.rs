//! `multipart/form-data` bodies (media uploads).

use serde_json::{json, Map, Value};

/// One part of a multipart body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// The form field name.
    pub name: String,
    /// The file name, for file parts.
    pub filename: Option<String>,
    /// The part's Content-Type, if given.
    pub content_type: Option<String>,
    /// The raw content.
    pub data: Vec<u8>,
}

/// The `boundary` parameter of a Content-Type header.
fn boundary(content_type: &str) -> Option<String> {
    content_type.split(';').map(str::trim).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("boundary")
            .then(|| v.trim().trim_matches('"').to_string())
    })
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

/// A `key="value"` parameter of a Content-Disposition header.
fn disposition_param(disposition: &str, key: &str) -> Option<String> {
    disposition.split(';').map(str::trim).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case(key)
            .then(|| v.trim().trim_matches('"').to_string())
    })
}

/// Splits a multipart body into parts.
pub fn parse(content_type: &str, body: &[u8]) -> Result<Vec<Part>, String> {
    let b = boundary(content_type).ok_or("multipart body without a boundary")?;
    let delim = format!("--{b}").into_bytes();
    let mut pos = find(body, &delim, 0).ok_or("multipart boundary not found")? + delim.len();
    let mut parts = Vec::new();
    loop {
        if body.get(pos..pos + 2) == Some(b"--") {
            return Ok(parts);
        }
        let head_start = find(body, b"\r\n", pos).ok_or("truncated multipart body")? + 2;
        let head_end = find(body, b"\r\n\r\n", head_start - 2).ok_or("truncated part headers")?;
        // A part with no headers has its blank line right after the boundary's CRLF, so the
        // blank line is found before `head_start`: its head is empty.
        let head = String::from_utf8_lossy(body.get(head_start..head_end).unwrap_or_default())
            .into_owned();
        let mut next_delim = b"\r\n".to_vec();
        next_delim.extend_from_slice(&delim);
        let data_end =
            find(body, &next_delim, head_end + 4).ok_or("unterminated multipart part")?;
        let mut part = Part {
            name: String::new(),
            filename: None,
            content_type: None,
            data: body[head_end + 4..data_end].to_vec(),
        };
        for line in head.split("\r\n") {
            let Some((k, v)) = line.split_once(':') else {
                continue;
            };
            if k.trim().eq_ignore_ascii_case("content-disposition") {
                part.name = disposition_param(v, "name").unwrap_or_default();
                part.filename = disposition_param(v, "filename");
            } else if k.trim().eq_ignore_ascii_case("content-type") {
                part.content_type = Some(v.trim().to_string());
            }
        }
        parts.push(part);
        pos = data_end + next_delim.len();
    }
}

/// Parts as JSON fields: text parts become strings, file parts `{"filename","size","content_type"}`.
pub fn to_fields(parts: &[Part]) -> Map<String, Value> {
    parts
        .iter()
        .map(|p| {
            let v = match &p.filename {
                Some(f) => {
                    json!({"filename": f, "size": p.data.len(), "content_type": p.content_type})
                }
                None => Value::String(String::from_utf8_lossy(&p.data).into_owned()),
            };
            (p.name.clone(), v)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_parts() {
        let body = b"--XyZ\r\nContent-Disposition: form-data; name=\"json\"\r\n\r\n{\"name\":\"hold\"}\r\n--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\nContent-Type: audio/wav\r\n\r\nRIFF\r\n..\r\n--XyZ--\r\n";
        let parts = parse("multipart/form-data; boundary=\"XyZ\"", body).unwrap();
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].data, b"{\"name\":\"hold\"}");
        assert_eq!(parts[1].filename.as_deref(), Some("a.wav"));
        assert_eq!(parts[1].data, b"RIFF\r\n..");
        let f = to_fields(&parts);
        assert_eq!(f["file"]["size"], 8);
        assert!(parse("multipart/form-data", body).is_err());
    }

    #[test]
    fn a_part_without_headers_has_an_empty_head_not_a_panic() {
        let body = b"--XyZ\r\n\r\nplain\r\n--XyZ--\r\n";
        let parts = parse("multipart/form-data; boundary=XyZ", body).unwrap();
        assert_eq!(parts.len(), 1);
        assert_eq!(parts[0].name, "");
        assert_eq!(parts[0].data, b"plain");
    }
}
