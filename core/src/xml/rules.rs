//! The XML API's rules that span several parameters (the catalog's generic validator checks each
//! parameter on its own first). Checked before anything is sent.
//!
//! - `createAccount`: `state` is required when `country` is US or CA; `zip` is required for US and
//!   is 5 or 9 digits (`92101`, `921011234` or `92101-1234`).
//! - `getCallList`: `startTime` is not after `endTime`.
//! - `updateCallHandlingSimpleRingAll`: `destinationN` settings need `destinationN`.
//! - `getPhoneNumberRegionList`, `getPhoneNumberLocalityList`: one of `prefix` or `state`.
//! - `getPhoneNumberInventory`: `region` and `locality` need `state`; `page` needs `quantity`.
//! - `sendChatCall`: one `toName` per `toNumber`, none empty.

use crate::catalog::Operation;
use crate::error::{Error, FieldError, Result};
use serde_json::{Map, Value};

fn has(params: &Map<String, Value>, name: &str) -> bool {
    match params.get(name) {
        None | Some(Value::Null) => false,
        Some(Value::String(s)) => !s.is_empty(),
        Some(_) => true,
    }
}

fn text<'a>(params: &'a Map<String, Value>, name: &str) -> Option<&'a str> {
    params.get(name).and_then(Value::as_str)
}

/// Conveniences applied before validation: a single `toName`/`toNumber` string becomes a
/// one-element list, and a numeric `sendDate` (epoch seconds) becomes its text.
pub(crate) fn normalize(op: &Operation, params: &mut Map<String, Value>) {
    if op.path == "sendChatCall" {
        for name in ["toName", "toNumber"] {
            if let Some(v @ Value::String(_)) = params.get_mut(name) {
                *v = Value::Array(vec![v.take()]);
            }
        }
        if let Some(v @ Value::Number(_)) = params.get_mut("sendDate") {
            *v = Value::String(v.to_string());
        }
    }
}

/// Check the cross-parameter rules of `op` on validated parameters.
pub(crate) fn check(op: &Operation, params: &Map<String, Value>) -> Result<()> {
    let mut problems = Vec::new();
    let mut need = |field: &str, ok: bool, rule: &str| {
        if !ok {
            problems.push(FieldError {
                field: field.to_string(),
                message: rule.to_string(),
            });
        }
    };
    match op.path.as_str() {
        "createAccount" => {
            let country = text(params, "country").unwrap_or("");
            if matches!(country, "US" | "CA") {
                need(
                    "state",
                    has(params, "state"),
                    "is required when country is US or CA",
                );
            }
            if country == "US" {
                match text(params, "zip") {
                    None | Some("") => need("zip", false, "is required when country is US"),
                    Some(zip) => need(
                        "zip",
                        is_us_zip(zip),
                        "must be 5 or 9 digits for US (92101, 921011234 or 92101-1234)",
                    ),
                }
            }
        }
        "getCallList" => {
            let start = params.get("startTime").and_then(Value::as_i64);
            let end = params.get("endTime").and_then(Value::as_i64);
            if let (Some(s), Some(e)) = (start, end) {
                need("endTime", s <= e, "must not be before startTime");
            }
        }
        "updateCallHandlingSimpleRingAll" => {
            for i in 1..=10 {
                let dest = format!("destination{i}");
                for suffix in ["VoiceTag", "Screening", "CallerId"] {
                    let field = format!("{dest}{suffix}");
                    if has(params, &field) {
                        need(
                            &field,
                            has(params, &dest),
                            &format!("needs {dest} (it sets how {dest} is called)"),
                        );
                    }
                }
            }
        }
        "getPhoneNumberRegionList" | "getPhoneNumberLocalityList" => {
            need(
                "prefix",
                has(params, "prefix") || has(params, "state"),
                "or state is required (one of prefix or state must be given)",
            );
        }
        "getPhoneNumberInventory" => {
            for field in ["region", "locality"] {
                if has(params, field) {
                    need(
                        field,
                        has(params, "state"),
                        "needs state (a region or locality is searched within a state)",
                    );
                }
            }
            if has(params, "page") {
                need("page", has(params, "quantity"), "needs quantity");
            }
        }
        "sendChatCall" => {
            let names = params.get("toName").and_then(Value::as_array);
            let numbers = params.get("toNumber").and_then(Value::as_array);
            if let Some(names) = names {
                for (i, n) in names.iter().enumerate() {
                    need(
                        &format!("toName[{i}]"),
                        n.as_str().is_some_and(|s| !s.trim().is_empty()),
                        "must be a non-empty string",
                    );
                }
            }
            if let (Some(names), Some(numbers)) = (names, numbers) {
                need(
                    "toNumber",
                    !numbers.is_empty(),
                    "needs at least one recipient",
                );
                need(
                    "toName",
                    names.len() == numbers.len(),
                    &format!(
                        "must have one name per toNumber ({} names for {} numbers)",
                        names.len(),
                        numbers.len()
                    ),
                );
            }
        }
        _ => {}
    }
    if problems.is_empty() {
        return Ok(());
    }
    Err(Error::invalid_fields(&op.name, problems))
}

fn is_us_zip(zip: &str) -> bool {
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    match zip.split_once('-') {
        Some((a, b)) => digits(a, 5) && digits(b, 4),
        None => digits(zip, 5) || digits(zip, 9),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zip_codes() {
        assert!(is_us_zip("92101"));
        assert!(is_us_zip("921011234"));
        assert!(is_us_zip("92101-1234"));
        assert!(!is_us_zip("9210"));
        assert!(!is_us_zip("92101-12"));
        assert!(!is_us_zip("ABCDE"));
    }
}
