//! Local, non-network features as plain functions: the catalog, E.164 and vanity helpers, the
//! Express Sign-Up user names, passwords and contact checks (call control: `callcontrol.rs`).
//! Each runs behind the panic boundary ([`guard`]).

use crate::errors::{guard, invalid, parse, to_js};
use napi_derive::napi;
use phonecom::types::{e164, vanity};

/// The whole catalog as JSON text: `{version, operations, schemas}`.
#[napi]
pub fn catalog_json() -> napi::Result<String> {
    guard("catalog", || Ok(phonecom::catalog().to_json().to_string()))
}

/// Catalog names close to `name`, best first (the core's ranking, for "did you mean").
#[napi]
pub fn suggest(name: String) -> Vec<String> {
    phonecom::catalog()
        .suggest(&name)
        .into_iter()
        .map(str::to_string)
        .collect()
}

/// The library's version.
#[napi]
pub fn version() -> String {
    phonecom::VERSION.to_string()
}

/// The stable error kinds, in order (`validation`, `authentication`, ...).
#[napi]
pub fn error_kinds() -> Vec<String> {
    phonecom::ErrorKind::ALL
        .iter()
        .map(|k| k.as_str().to_string())
        .collect()
}

/// A number helper's result, its rule as a validation error on `field` of `operation`.
fn number<T>(
    operation: &str,
    field: &str,
    f: impl FnOnce() -> Result<T, String>,
) -> napi::Result<T> {
    guard(operation, || {
        f().map_err(|rule| invalid(operation, field, &rule))
    })
}

/// Throws a validation error naming the rule when `number` is not E.164.
#[napi]
pub fn e164_check(number: String) -> napi::Result<()> {
    self::number("numbers.checkE164", "number", || e164::check(&number))
}

/// A human-written number in E.164 (`858.555.0100` -> `+18585550100`).
#[napi]
pub fn e164_normalize(number: String) -> napi::Result<String> {
    self::number("numbers.normalize", "number", || e164::normalize(&number))
}

/// Whether `number` is a North American (`+1` and 10 digits) number.
#[napi]
pub fn e164_is_nanpa(number: String) -> napi::Result<bool> {
    guard("numbers.isNanpa", || Ok(e164::is_nanpa(&number)))
}

/// A vanity pattern in keypad digits (`1800FLOWERS` -> `18003569377`).
#[napi]
pub fn vanity_to_digits(pattern: String) -> napi::Result<String> {
    number("numbers.vanityToDigits", "pattern", || {
        vanity::to_digits(&pattern)
    })
}

/// The Express Sign-Up user name `<partner>-<userId>`.
#[napi]
pub fn express_username(partner: String, user_id: String) -> napi::Result<String> {
    guard("express.username", || {
        phonecom::express::username(&partner, &user_id).map_err(|e| to_js(&e))
    })
}

/// A long random password (16 to 4096 characters; 32 by default). `length` is a JS number: one
/// that is not a whole number from 0 to `usize::MAX` is refused here with the core's rule (a
/// `u32` parameter would wrap -1 to 4294967295).
#[napi]
pub fn express_generate_password(length: Option<f64>) -> napi::Result<String> {
    use phonecom::express::{PASSWORD_LEN, PASSWORD_MAX_LEN, PASSWORD_MIN_LEN};
    guard("express.generatePassword", || {
        let len = match length {
            None => PASSWORD_LEN,
            Some(n) if n.fract() == 0.0 && (0.0..=usize::MAX as f64).contains(&n) => n as usize,
            Some(n) => {
                let rule =
                    format!("must be from {PASSWORD_MIN_LEN} to {PASSWORD_MAX_LEN} (got {n})");
                return Err(invalid("express.signup", "length", &rule));
            }
        };
        phonecom::express::generate_password(len)
            .map(|p| p.expose().to_string())
            .map_err(|e| to_js(&e))
    })
}

/// Check a contact against the guide's rules; returns it normalised, as JSON text.
#[napi]
pub fn express_validate_contact(contact_json: String) -> napi::Result<String> {
    guard("express.validateContact", || {
        let value = parse("express.validateContact", "contact", &contact_json)?;
        let contact = phonecom::express::validate_contact(&value).map_err(|e| to_js(&e))?;
        serde_json::to_string(&contact).map_err(|e| napi::Error::from_reason(e.to_string()))
    })
}

/// Test-only, not part of the API: panics inside the library on purpose, so tests can see a
/// panic become an `InternalError` with nothing on stderr.
#[napi(js_name = "_panicForTest")]
pub fn panic_for_test() -> napi::Result<()> {
    guard("_panicForTest", || phonecom::boundary::panic_for_test())
}

/// Test-only: what the message of the deliberate panic holds, for tests that check it never
/// shows.
#[napi(js_name = "_panicForTestSecret")]
pub fn panic_for_test_secret() -> String {
    phonecom::boundary::PANIC_FOR_TEST_SECRET.to_string()
}
