//! Raw-body uploads of a bound number: the logo (PNG, JPEG or WebP, 512 KB at most, no SVG)
//! and verification documents (PDF, PNG, JPEG or WebP, 5 MB at most, no SVG). The type is read
//! from the bytes (magic numbers); a declared `Content-Type` must agree with them (a missing
//! one, or `application/octet-stream`, takes the bytes' type). `GET /api/media/{id}` serves a
//! logo to anyone and a document to its owner's key only.

use super::errors::{bad_request, not_found, plain};
use super::util::bound;
use super::world::Media;
use super::{Cx, Reply};
use crate::http::Response;
use serde_json::json;

/// Largest logo: 512 KB.
pub const LOGO_MAX: usize = 512 * 1024;
/// Largest document: 5 MB.
pub const DOCUMENT_MAX: usize = 5 * 1024 * 1024;
/// Uploads kept: the newest 1,000 ...
pub const MEDIA_MAX: usize = 1_000;
/// ... within 256 MiB. A dropped upload's URL answers 404; a replaced logo is dropped at once.
pub const MEDIA_BUDGET: usize = 256 << 20;

/// The type the bytes announce.
pub fn sniff(data: &[u8]) -> Option<&'static str> {
    let at = |i: usize, sig: &[u8]| data.get(i..i + sig.len()) == Some(sig);
    if at(0, b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if at(0, &[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if at(0, b"RIFF") && at(8, b"WEBP") {
        Some("image/webp")
    } else if at(0, b"%PDF-") {
        Some("application/pdf")
    } else {
        None
    }
}

/// Whether the bytes are an SVG document.
pub fn looks_like_svg(data: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&data[..data.len().min(1024)]).to_ascii_lowercase();
    let t = head.trim_start_matches('\u{feff}').trim_start();
    t.starts_with('<') && t.contains("<svg")
}

/// Checks an upload; returns its content type.
fn check(cx: &Cx, allowed: &[&str], max: usize, what: &str) -> Result<String, Response> {
    let data = &cx.req.body;
    if data.is_empty() {
        return Err(bad_request(&format!(
            "Empty body: send the raw {what} bytes."
        )));
    }
    if data.len() > max {
        return Err(plain(
            413,
            &format!(
                "The {what} is {} bytes; the maximum is {} KB.",
                data.len(),
                max / 1024
            ),
        ));
    }
    let declared = match cx.req.content_type().as_str() {
        "" | "application/octet-stream" => None,
        "image/jpg" => Some("image/jpeg".to_string()),
        other => Some(other.to_string()),
    };
    let names = allowed.join(", ");
    if declared.as_deref() == Some("image/svg+xml") || looks_like_svg(data) {
        return Err(plain(415, &format!("SVG is not accepted; send {names}.")));
    }
    if let Some(d) = &declared {
        if !allowed.contains(&d.as_str()) {
            return Err(plain(
                415,
                &format!("Unsupported {what} type `{d}`; send {names}."),
            ));
        }
    }
    let Some(actual) = sniff(data).filter(|t| allowed.contains(t)) else {
        return Err(plain(
            415,
            &format!("The bytes are not a supported {what} ({names})."),
        ));
    };
    if declared.as_deref().is_some_and(|d| d != actual) {
        return Err(plain(
            415,
            &format!(
                "Content-Type says {} but the bytes are {actual}.",
                declared.unwrap_or_default()
            ),
        ));
    }
    Ok(actual.to_string())
}

fn store(cx: &mut Cx, e164: &str, logo: bool, content_type: &str) -> String {
    let id = cx.w.uuid();
    let account = cx.account();
    cx.w.media.push(Media {
        id: id.clone(),
        account,
        e164: e164.to_string(),
        logo,
        content_type: content_type.to_string(),
        bytes: cx.req.body.clone(),
    });
    let media = &mut cx.w.media;
    let mut total: usize = media.iter().map(|m| m.bytes.len()).sum();
    while media.len() > MEDIA_MAX || (total > MEDIA_BUDGET && media.len() > 1) {
        total -= media.remove(0).bytes.len();
    }
    id
}

/// `POST /listings/{e164}/logo` (raw bytes).
pub fn logo(cx: &mut Cx) -> Reply {
    let e164 = bound(cx)?;
    if cx.w.listing_mut(&e164).kind == "personal" {
        return Err(bad_request(
            "A personal listing has no logo (the public profile is business-only): stage kind \"business\" first.",
        ));
    }
    let ct = check(
        cx,
        &["image/png", "image/jpeg", "image/webp"],
        LOGO_MAX,
        "logo",
    )?;
    let id = store(cx, &e164, true, &ct);
    if let Some(old) = cx.w.listing_mut(&e164).logo.replace(id.clone()) {
        cx.w.media.retain(|m| m.id != old);
    }
    Ok(Response::json(
        200,
        &json!({"ok": true, "media_id": id, "logo_url": format!("{}/api/media/{id}", cx.base),
                "byte_size": cx.req.body.len(), "content_type": ct}),
    ))
}

/// `POST /listings/{e164}/documents` (raw bytes); attached to the open draft, if any.
pub fn document(cx: &mut Cx) -> Reply {
    let e164 = bound(cx)?;
    let ct = check(
        cx,
        &["application/pdf", "image/png", "image/jpeg", "image/webp"],
        DOCUMENT_MAX,
        "document",
    )?;
    let id = store(cx, &e164, false, &ct);
    let l = cx.w.listing_mut(&e164);
    let attached = l.verification_id.is_some() && !l.verified;
    if attached {
        l.documents.push(id.clone());
    }
    Ok(Response::json(
        200,
        &json!({"ok": true, "media_id": id, "document_url": format!("{}/api/media/{id}", cx.base),
                "byte_size": cx.req.body.len(), "content_type": ct, "attached": attached}),
    ))
}

/// `GET /api/media/{id}`: a logo for anyone, a document for its owner's key.
pub fn serve(cx: &mut Cx) -> Reply {
    let id = cx.param().to_string();
    let Some(m) = cx.w.media.iter().find(|m| m.id == id) else {
        return Err(not_found("Not found."));
    };
    if !m.logo {
        let owner = super::presented_key(cx.req)
            .and_then(|k| cx.w.find_key(&k, cx.now))
            .map(|i| cx.w.keys[i].account.clone());
        if owner.as_deref() != Some(m.account.as_str()) {
            return Err(not_found("Not found."));
        }
    }
    Ok(Response::bytes(200, &m.content_type, m.bytes.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magic_numbers() {
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n\0\0"), Some("image/png"));
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0]), Some("image/jpeg"));
        assert_eq!(sniff(b"RIFF\x1a\0\0\0WEBPVP8 "), Some("image/webp"));
        assert_eq!(sniff(b"%PDF-1.7"), Some("application/pdf"));
        assert_eq!(sniff(b"GIF89a"), None);
        assert!(looks_like_svg(
            b"\xef\xbb\xbf  <?xml version='1.0'?><svg xmlns='x'/>"
        ));
        assert!(!looks_like_svg(b"\x89PNG<svg"));
    }
}
