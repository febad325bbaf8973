//! Local helpers that need no network: Express Sign-Up user names, passwords and contact checks,
//! E.164 and vanity numbers, and reading a value out of a JSON result.

use crate::ffi;
use crate::status::phonecom_status;
use phonecom_core::express;
use phonecom_core::types::{e164, vanity};
use phonecom_core::{Error, ErrorKind};
use serde_json::Value;
use std::ffi::c_char;

/// A check that failed, as a validation error naming the argument.
fn invalid(field: &str, rule: String) -> Error {
    Error::validation("", field, &rule)
}

/// The Express Sign-Up user name `<partner>-<user_id>`, e.g. `"acme-12345"`.
///
/// `partner`: 2-32 characters, lower-case letters, digits and `-`, starting with a letter and
/// not ending with `-`. `user_id`: 1-30 letters, digits, `_`, `.` or `-`. Fails with
/// `PHONECOM_ERR_VALIDATION` naming the argument and the rule.
///
/// On `PHONECOM_OK`, `*out` holds a new string the caller frees with `phonecom_string_free`.
///
/// # Safety
/// `partner` and `user_id` are NULL or NUL-terminated strings; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn phonecom_express_username(
    partner: *const c_char,
    user_id: *const c_char,
    out: *mut *mut c_char,
) -> phonecom_status {
    ffi::boundary("phonecom_express_username", || {
        let partner = ffi::str_arg(partner, "partner")?;
        let user_id = ffi::str_arg(user_id, "user_id")?;
        let out = ffi::out_arg(out, "out")?;
        out.write_string(express::username(partner, user_id)?)
    })
}

/// A random password of `length` characters (16 to 4096; 32 is what the sign-up flow uses)
/// from the OS's secure generator, mixing lower- and upper-case letters, digits and symbols.
/// Fails with `PHONECOM_ERR_VALIDATION` naming `length` for any other length (`SIZE_MAX`, or a
/// negative value converted to `size_t`, included).
///
/// On `PHONECOM_OK`, `*out` holds a new string the caller frees with `phonecom_string_free`
/// (which overwrites it before releasing the memory).
///
/// # Safety
/// `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn phonecom_express_generate_password(
    length: usize,
    out: *mut *mut c_char,
) -> phonecom_status {
    ffi::boundary("phonecom_express_generate_password", || {
        let out = ffi::out_arg(out, "out")?;
        let password = express::generate_password(length)?;
        out.write_string(password.expose().to_string())
    })
}

/// Check a contact object (JSON: `{name, company?, address: {line_1, line_2?, city, province,
/// postal_code?, country}, phone, fax?, primary_email, ...}`) against the Express Sign-Up
/// guide's rules. Fails with `PHONECOM_ERR_VALIDATION` listing every bad field
/// (`contact.address.province`, `contact.phone`, ...) in the error JSON's `fields`.
///
/// On `PHONECOM_OK`, `*out` holds the contact as the library will send it (JSON); the caller
/// frees it with `phonecom_string_free`.
///
/// # Safety
/// `contact_json` is NULL or a NUL-terminated string; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn phonecom_express_validate_contact(
    contact_json: *const c_char,
    out: *mut *mut c_char,
) -> phonecom_status {
    ffi::boundary("phonecom_express_validate_contact", || {
        let contact = ffi::json_arg(contact_json, "contact_json")?;
        let out = ffi::out_arg(out, "out")?;
        let contact = express::validate_contact(&contact)?;
        let value = serde_json::to_value(contact).map_err(|e| {
            Error::new(
                ErrorKind::Decode,
                format!("contact cannot be serialised: {e}"),
            )
        })?;
        out.write_json(&value)
    })
}

/// Check that `number` is E.164: `+`, then 8 to 15 digits, the first not 0. Returns
/// `PHONECOM_OK` or `PHONECOM_ERR_VALIDATION` (the last error says what is wrong).
///
/// # Safety
/// `number` is NULL or a NUL-terminated string.
#[no_mangle]
pub unsafe extern "C" fn phonecom_e164_check(number: *const c_char) -> phonecom_status {
    ffi::boundary("phonecom_e164_check", || {
        let number = ffi::str_arg(number, "number")?;
        e164::check(number).map_err(|rule| invalid("number", rule))?;
        Ok(())
    })
}

/// Normalise a human-written phone number to E.164: drops spaces, dots, dashes and
/// parentheses, adds the `+`, and reads 10-digit North American numbers as `+1`
/// (`"(858) 555-0100"` gives `"+18585550100"`). Fails with `PHONECOM_ERR_VALIDATION`.
///
/// On `PHONECOM_OK`, `*out` holds a new string the caller frees with `phonecom_string_free`.
///
/// # Safety
/// `number` is NULL or a NUL-terminated string; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn phonecom_e164_normalize(
    number: *const c_char,
    out: *mut *mut c_char,
) -> phonecom_status {
    ffi::boundary("phonecom_e164_normalize", || {
        let number = ffi::str_arg(number, "number")?;
        let out = ffi::out_arg(out, "out")?;
        out.write_string(e164::normalize(number).map_err(|rule| invalid("number", rule))?)
    })
}

/// Whether an E.164 `number` is North American (`+1` and 10 digits, NANPA area code).
///
/// On `PHONECOM_OK`, `*out` is set to the answer.
///
/// # Safety
/// `number` is NULL or a NUL-terminated string; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn phonecom_e164_is_nanpa(
    number: *const c_char,
    out: *mut bool,
) -> phonecom_status {
    ffi::boundary("phonecom_e164_is_nanpa", || {
        let number = ffi::str_arg(number, "number")?;
        let out = ffi::out_arg(out, "out")?;
        out.write(e164::is_nanpa(number))
    })
}

/// Turn a vanity pattern into keypad digits (`"1-800-FLOWERS"` gives `"18003569377"`):
/// letters become their keypad digit, digits, `*` and `+` stay, spaces, dashes, dots and
/// parentheses go. Fails with `PHONECOM_ERR_VALIDATION` on any other character.
///
/// On `PHONECOM_OK`, `*out` holds a new string the caller frees with `phonecom_string_free`.
///
/// # Safety
/// `pattern` is NULL or a NUL-terminated string; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn phonecom_vanity_to_digits(
    pattern: *const c_char,
    out: *mut *mut c_char,
) -> phonecom_status {
    ffi::boundary("phonecom_vanity_to_digits", || {
        let pattern = ffi::str_arg(pattern, "pattern")?;
        let out = ffi::out_arg(out, "out")?;
        out.write_string(vanity::to_digits(pattern).map_err(|rule| invalid("pattern", rule))?)
    })
}

/// Read one value out of a JSON document (a call's result, a page, an error) by JSON pointer
/// (RFC 6901: `"/token/access_token"`, `"/items/0/phone_number"`, `""` for the whole
/// document), for C programs without a JSON parser. A string value is returned as its text
/// (no quotes, escapes resolved); any other value as compact JSON (`42`, `true`, `null`,
/// `{"a":1}`). Fails with `PHONECOM_ERR_NOT_FOUND` when the pointer matches nothing.
///
/// On `PHONECOM_OK`, `*out` holds a new string the caller frees with `phonecom_string_free`.
///
/// # Safety
/// `json` and `pointer` are NULL or NUL-terminated strings; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn phonecom_json_get(
    json: *const c_char,
    pointer: *const c_char,
    out: *mut *mut c_char,
) -> phonecom_status {
    ffi::boundary("phonecom_json_get", || {
        let doc = ffi::json_arg(json, "json")?;
        let pointer = ffi::str_arg(pointer, "pointer")?;
        let out = ffi::out_arg(out, "out")?;
        let value = doc.pointer(pointer).ok_or_else(|| {
            Error::new(
                ErrorKind::NotFound,
                format!("no value at JSON pointer `{pointer}`"),
            )
        })?;
        match value {
            Value::String(s) => out.write_string(s.clone()),
            other => out.write_json(other),
        }
    })
}
