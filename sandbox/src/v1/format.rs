//! The document's field formats: E.164, UUIDs, `Y`/`N`, dates (ISO 8601 or epoch), money
//! (`$12,345.67`), and the success envelope `{"response":{"data":...}}`.

use crate::clock;
use crate::http::Response;
use serde_json::{json, Value};

/// `{"response":{"data": data}}` with `status`.
pub fn data(status: u16, data: Value) -> Response {
    Response::json(status, &json!({"response": {"data": data}}))
}

/// The create/update body: `{"response":{"data":{"resource_id": id}}}`.
pub fn resource_ref(status: u16, id: &str) -> Response {
    data(status, json!({ "resource_id": id }))
}

/// `^\+?\d{11,14}$` (the document's acceptance rule), returned with its `+`.
pub fn e164(s: &str) -> Option<String> {
    let digits = s.strip_prefix('+').unwrap_or(s);
    ((11..=14).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| format!("+{digits}"))
}

/// `^[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}$` (lower case, as the document's regex).
pub fn is_uuid(s: &str) -> bool {
    let groups: Vec<&str> = s.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
}

/// Cents as the document writes money: `$12,345.67` (`-$1.00` when negative).
pub fn money(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let c = cents.unsigned_abs();
    let dollars = (c / 100).to_string();
    let mut grouped = String::new();
    for (i, ch) in dollars.chars().enumerate() {
        if i > 0 && (dollars.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    format!("{sign}${grouped}.{:02}", c % 100)
}

/// An integer given as a JSON number or a quoted number (`1` or `"1"`).
pub fn int(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n.as_i64(),
        Value::String(s) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => {
            s.parse().ok()
        }
        _ => None,
    }
}

/// A date as the API takes it: ISO 8601 (`2014-01-01`, `2014-01-01T23:00:37Z`, with an
/// optional fraction and `Z` or `±HH:MM`; no zone means UTC) or seconds since the epoch (a
/// number or a quoted number). Returns epoch seconds.
pub fn date(v: &Value) -> Option<i64> {
    if let Some(n) = int(v) {
        return Some(n);
    }
    iso8601(v.as_str()?)
}

fn num(s: &str) -> Option<i64> {
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// Parses the ISO 8601 forms of [`date`].
pub fn iso8601(s: &str) -> Option<i64> {
    let (day, time) = match s.split_once(['T', ' ']) {
        Some((d, t)) => (d, Some(t)),
        None => (s, None),
    };
    let mut dp = day.split('-');
    let (y, m, d) = (num(dp.next()?)?, num(dp.next()?)?, num(dp.next()?)?);
    if dp.next().is_some() || day.len() != 10 || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let mut secs = days_from_civil(y, m, d) * 86_400;
    if let Some(t) = time {
        let (clock_part, offset) = if let Some(c) = t.strip_suffix('Z') {
            (c, 0)
        } else if let Some(i) = t.rfind(['+', '-']) {
            let (c, z) = t.split_at(i);
            let sign = if z.starts_with('-') { -1 } else { 1 };
            let (hh, mm) = z[1..].split_once(':').unwrap_or((&z[1..], "0"));
            (c, sign * (num(hh)? * 3600 + num(mm)? * 60))
        } else {
            (t, 0)
        };
        let clock_part = clock_part.split('.').next()?;
        let mut tp = clock_part.split(':');
        let (h, mi) = (num(tp.next()?)?, num(tp.next()?)?);
        let sec = tp.next().map(num).unwrap_or(Some(0))?;
        if h > 23 || mi > 59 || sec > 60 {
            return None;
        }
        secs += h * 3600 + mi * 60 + sec - offset;
    }
    Some(secs)
}

/// Howard Hinnant's days-from-civil.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// `created_date` (ISO 8601) and `created_epoch` of an instant, as a pair of fields.
pub fn created(epoch: i64) -> [(String, Value); 2] {
    [
        ("created_date".into(), json!(clock::rfc3339(epoch))),
        ("created_epoch".into(), json!(epoch)),
    ]
}

/// Decodes standard base64 (padding optional); `None` when it is not base64.
pub fn base64_decode(s: &str) -> Option<Vec<u8>> {
    let val = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let s = s.trim().trim_end_matches('=');
    if s.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0);
    for c in s.bytes() {
        acc = (acc << 6) | val(c)?;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(e164("15555551234").as_deref(), Some("+15555551234"));
        assert_eq!(e164("+15555551234").as_deref(), Some("+15555551234"));
        assert_eq!(e164("+5551231234"), None, "10 digits");
        assert_eq!(e164("+1555555123x"), None);
        assert!(is_uuid("06283513-14f5-11e3-a398-91e4dd3a21e9"));
        assert!(!is_uuid("06283513-14F5-11e3-a398-91e4dd3a21e9"));
        assert!(!is_uuid("06283513-14f5-11e3-a398"));
        assert_eq!(money(1_234_567), "$12,345.67");
        assert_eq!(money(5), "$0.05");
        assert_eq!(money(100_000_000), "$1,000,000.00");
        assert_eq!(money(-250), "-$2.50");
        assert_eq!(int(&json!("12")), Some(12));
        assert_eq!(int(&json!("1.5")), None);
    }

    #[test]
    fn dates_iso_or_epoch() {
        assert_eq!(date(&json!("2014-01-01T23:00:37Z")), Some(1_388_617_237));
        assert_eq!(date(&json!(1_388_617_237)), Some(1_388_617_237));
        assert_eq!(date(&json!("1388617237")), Some(1_388_617_237));
        assert_eq!(
            date(&json!("2014-01-01T18:00:37-05:00")),
            Some(1_388_617_237)
        );
        assert_eq!(
            date(&json!("2014-01-01T23:00:37.250Z")),
            Some(1_388_617_237)
        );
        assert_eq!(date(&json!("2014-01-01")), Some(1_388_534_400));
        assert_eq!(date(&json!("2014-13-01")), None);
        assert_eq!(date(&json!("yesterday")), None);
        assert_eq!(date(&json!(true)), None);
    }

    #[test]
    fn base64() {
        assert_eq!(
            base64_decode("UGhvbmUuY29tOldlbGNvbWUh").unwrap(),
            b"Phone.com:Welcome!"
        );
        assert_eq!(base64_decode("YQ").unwrap(), b"a");
        assert!(base64_decode("a*b=").is_none());
    }
}
