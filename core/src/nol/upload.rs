//! numbers.online uploads: a listing's logo (PNG, JPEG or WebP, 512 KB at most; SVG refused)
//! and verification documents (PDF, PNG, JPEG or WebP, 5 MB at most). The type is read from
//! the bytes' signature, never from a file name.

use crate::error::{Error, Result};

/// The largest logo accepted (512 KB).
pub const LOGO_MAX_BYTES: u64 = 512 * 1024;
/// The largest verification document accepted (5 MB).
pub const DOCUMENT_MAX_BYTES: u64 = 5 * 1024 * 1024;

/// A file type numbers.online accepts for uploads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UploadType {
    /// `image/png`.
    Png,
    /// `image/jpeg`.
    Jpeg,
    /// `image/webp`.
    Webp,
    /// `application/pdf` (documents only).
    Pdf,
}

impl UploadType {
    /// The content type sent with the bytes.
    pub fn content_type(self) -> &'static str {
        match self {
            UploadType::Png => "image/png",
            UploadType::Jpeg => "image/jpeg",
            UploadType::Webp => "image/webp",
            UploadType::Pdf => "application/pdf",
        }
    }

    fn from_content_type(ct: &str) -> Option<UploadType> {
        match ct
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase()
            .as_str()
        {
            "image/png" => Some(UploadType::Png),
            "image/jpeg" | "image/jpg" | "image/pjpeg" => Some(UploadType::Jpeg),
            "image/webp" => Some(UploadType::Webp),
            "application/pdf" => Some(UploadType::Pdf),
            _ => None,
        }
    }
}

/// The type the bytes announce by their signature (magic number).
pub fn sniff(data: &[u8]) -> Option<UploadType> {
    if data.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(UploadType::Png)
    } else if data.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(UploadType::Jpeg)
    } else if data.len() >= 12 && data.starts_with(b"RIFF") && &data[8..12] == b"WEBP" {
        Some(UploadType::Webp)
    } else if data.starts_with(b"%PDF-") {
        Some(UploadType::Pdf)
    } else {
        None
    }
}

/// Whether the bytes are an SVG document (XML text with an `<svg` element near the start).
fn looks_like_svg(data: &[u8]) -> bool {
    let head = &data[..data.len().min(1024)];
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let t = text.trim_start_matches('\u{feff}').trim_start();
    t.contains("<svg") && (t.starts_with('<'))
}

fn check(
    op: &str,
    data: &[u8],
    declared: Option<&str>,
    max: u64,
    accepted: &[UploadType],
    what: &str,
) -> Result<UploadType> {
    let fail = |rule: String| Error::validation(op, "file", &rule);
    let names = accepted
        .iter()
        .map(|t| t.content_type())
        .collect::<Vec<_>>()
        .join(", ");
    if data.is_empty() {
        return Err(fail(format!("is empty: send the {what}'s bytes")));
    }
    if data.len() as u64 > max {
        return Err(fail(format!(
            "is {} bytes; a {what} may be at most {} ({max} bytes)",
            data.len(),
            crate::encode::human_size(max)
        )));
    }
    if looks_like_svg(data) {
        return Err(fail(format!(
            "is SVG, which is not accepted (send {names})"
        )));
    }
    let found = sniff(data)
        .filter(|t| accepted.contains(t))
        .ok_or_else(|| fail(format!("is not {names} (checked by the file's signature)")))?;
    if let Some(ct) = declared {
        match UploadType::from_content_type(ct) {
            Some(t) if t == found => {}
            _ => {
                return Err(fail(format!(
                    "declares content type `{ct}` but the bytes are {}",
                    found.content_type()
                )))
            }
        }
    }
    Ok(found)
}

/// Check a listing logo before sending: PNG, JPEG or WebP by signature, 1 byte to 512 KB, not
/// SVG. `declared` is the caller's content type, if any: it must agree with the bytes. Returns
/// the type to send.
///
/// ```
/// use phonecom::nol::{check_logo, UploadType};
/// let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
/// assert_eq!(check_logo(png, None).unwrap(), UploadType::Png);
/// assert!(check_logo(b"<svg xmlns='http://www.w3.org/2000/svg'/>", None).is_err());
/// assert!(check_logo(b"%PDF-1.7", None).is_err());
/// ```
pub fn check_logo(data: &[u8], declared: Option<&str>) -> Result<UploadType> {
    check(
        "nol.uploadListingLogo",
        data,
        declared,
        LOGO_MAX_BYTES,
        &[UploadType::Png, UploadType::Jpeg, UploadType::Webp],
        "logo",
    )
}

/// Check a verification document: PDF, PNG, JPEG or WebP by signature, 1 byte to 5 MB, not SVG.
pub fn check_document(data: &[u8], declared: Option<&str>) -> Result<UploadType> {
    check(
        "nol.uploadListingDocument",
        data,
        declared,
        DOCUMENT_MAX_BYTES,
        &[
            UploadType::Pdf,
            UploadType::Png,
            UploadType::Jpeg,
            UploadType::Webp,
        ],
        "document",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    const JPEG: &[u8] = &[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, b'J', b'F', b'I', b'F'];
    const WEBP: &[u8] = b"RIFF\x1a\0\0\0WEBPVP8 ";
    const GIF: &[u8] = b"GIF89a\x01\0\x01\0";

    fn rule(r: Result<UploadType>) -> String {
        let e = r.unwrap_err();
        assert_eq!(e.fields()[0].field, "file");
        e.fields()[0].message.clone()
    }

    #[test]
    fn logo_types_by_signature() {
        assert_eq!(check_logo(PNG, None).unwrap().content_type(), "image/png");
        assert_eq!(
            check_logo(JPEG, Some("image/jpg")).unwrap(),
            UploadType::Jpeg
        );
        assert_eq!(
            check_logo(WEBP, Some("image/webp")).unwrap(),
            UploadType::Webp
        );
        assert!(rule(check_logo(GIF, None)).contains("image/png, image/jpeg, image/webp"));
        assert!(rule(check_logo(b"%PDF-1.4", None)).contains("signature"));
        assert!(rule(check_logo(PNG, Some("image/jpeg"))).contains("bytes are image/png"));
        assert!(rule(check_logo(b"RIFF\x1a\0\0\0WAVEfmt ", None)).contains("signature"));
    }

    #[test]
    fn svg_is_refused_whatever_it_claims() {
        for svg in [
            b"<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>".as_slice(),
            b"<?xml version=\"1.0\"?>\n<svg></svg>",
            b"\xef\xbb\xbf  <!DOCTYPE svg><svg/>",
        ] {
            assert!(rule(check_logo(svg, Some("image/png"))).contains("SVG"));
        }
    }

    #[test]
    fn logo_size_limit_is_512_kb() {
        let mut big = PNG.to_vec();
        big.resize(LOGO_MAX_BYTES as usize, 0);
        assert!(check_logo(&big, None).is_ok());
        big.push(0);
        assert!(rule(check_logo(&big, None)).contains("at most 512 KiB"));
        assert!(rule(check_logo(&[], None)).contains("empty"));
    }

    #[test]
    fn documents_accept_pdf_and_images_up_to_5_mb() {
        assert_eq!(
            check_document(b"%PDF-1.7\n", None).unwrap().content_type(),
            "application/pdf"
        );
        assert!(check_document(PNG, None).is_ok());
        let mut big = b"%PDF-1.7".to_vec();
        big.resize(DOCUMENT_MAX_BYTES as usize + 1, 0);
        assert!(rule(check_document(&big, None)).contains("5 MiB"));
    }
}
