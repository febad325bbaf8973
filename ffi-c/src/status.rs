//! The status every fallible entry point returns, and its stable name.

use crate::ffi;
use phonecom_core::ErrorKind;
use std::ffi::c_char;

/// What a call did. Values are explicit and never reused: 0 is success, 1-99 are the library's
/// error kinds (the same kinds every binding reports), 100-199 are misuses of the C API caught
/// at the boundary, and 200 and up are outcomes that are not failures.
///
/// A call that returns a value other than `PHONECOM_OK` and `PHONECOM_END_OF_PAGES` records the
/// failure as the calling thread's last error (`phonecom_last_error_message`,
/// `phonecom_last_error_json`) and leaves its out-parameters untouched.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub enum phonecom_status {
    /// Success: the out-parameters were written.
    PHONECOM_OK = 0,
    /// Bad input, refused before sending (the error names the field and the rule), or refused
    /// by the upstream (HTTP 400/422); also an unknown operation name or a bad configuration.
    PHONECOM_ERR_VALIDATION = 1,
    /// Missing or wrong credentials (HTTP 401).
    PHONECOM_ERR_AUTHENTICATION = 2,
    /// Valid credentials, but not allowed to do this (HTTP 402/403).
    PHONECOM_ERR_PERMISSION = 3,
    /// The resource does not exist (HTTP 404/410), or a JSON pointer matched nothing.
    PHONECOM_ERR_NOT_FOUND = 4,
    /// The request conflicts with the resource's state (HTTP 409).
    PHONECOM_ERR_CONFLICT = 5,
    /// Too many requests (HTTP 429); the error JSON carries `retry_after` in seconds.
    PHONECOM_ERR_RATE_LIMITED = 6,
    /// The upstream failed (HTTP 5xx).
    PHONECOM_ERR_SERVER = 7,
    /// The connection failed or was cut (DNS, refused, reset, TLS), also in the middle of a
    /// response body (a body cut short).
    PHONECOM_ERR_TRANSPORT = 8,
    /// An attempt timed out or the call's deadline passed (also HTTP 408/504).
    PHONECOM_ERR_TIMEOUT = 9,
    /// The response could not be understood (a complete but malformed body); the error JSON keeps
    /// a bounded prefix of it in `raw_body`.
    PHONECOM_ERR_DECODE = 10,
    /// A required pointer argument was NULL. Nothing was done.
    PHONECOM_ERR_NULL_ARGUMENT = 100,
    /// A string argument was not valid UTF-8. Nothing was done.
    PHONECOM_ERR_INVALID_UTF8 = 101,
    /// A JSON argument was not valid JSON. Nothing was done.
    PHONECOM_ERR_INVALID_JSON = 102,
    /// The library hit an internal bug and recovered (a Rust panic caught at the boundary). The
    /// handles passed in may be left in an unspecified but safe-to-free state.
    PHONECOM_ERR_PANIC = 103,
    /// A string result contained a NUL byte and cannot be returned as a C string.
    PHONECOM_ERR_INTERIOR_NUL = 104,
    /// Not a failure: the pager has returned its last page (`phonecom_pager_next`). The
    /// out-parameter is untouched and the last error is left as it was.
    PHONECOM_END_OF_PAGES = 200,
}

impl phonecom_status {
    /// Every status, in declaration order.
    const ALL: [phonecom_status; 17] = [
        phonecom_status::PHONECOM_OK,
        phonecom_status::PHONECOM_ERR_VALIDATION,
        phonecom_status::PHONECOM_ERR_AUTHENTICATION,
        phonecom_status::PHONECOM_ERR_PERMISSION,
        phonecom_status::PHONECOM_ERR_NOT_FOUND,
        phonecom_status::PHONECOM_ERR_CONFLICT,
        phonecom_status::PHONECOM_ERR_RATE_LIMITED,
        phonecom_status::PHONECOM_ERR_SERVER,
        phonecom_status::PHONECOM_ERR_TRANSPORT,
        phonecom_status::PHONECOM_ERR_TIMEOUT,
        phonecom_status::PHONECOM_ERR_DECODE,
        phonecom_status::PHONECOM_ERR_NULL_ARGUMENT,
        phonecom_status::PHONECOM_ERR_INVALID_UTF8,
        phonecom_status::PHONECOM_ERR_INVALID_JSON,
        phonecom_status::PHONECOM_ERR_PANIC,
        phonecom_status::PHONECOM_ERR_INTERIOR_NUL,
        phonecom_status::PHONECOM_END_OF_PAGES,
    ];

    /// The status of a core error kind.
    pub fn from_kind(kind: ErrorKind) -> phonecom_status {
        match kind {
            ErrorKind::Validation => phonecom_status::PHONECOM_ERR_VALIDATION,
            ErrorKind::Authentication => phonecom_status::PHONECOM_ERR_AUTHENTICATION,
            ErrorKind::Permission => phonecom_status::PHONECOM_ERR_PERMISSION,
            ErrorKind::NotFound => phonecom_status::PHONECOM_ERR_NOT_FOUND,
            ErrorKind::Conflict => phonecom_status::PHONECOM_ERR_CONFLICT,
            ErrorKind::RateLimited => phonecom_status::PHONECOM_ERR_RATE_LIMITED,
            ErrorKind::Server => phonecom_status::PHONECOM_ERR_SERVER,
            ErrorKind::Transport => phonecom_status::PHONECOM_ERR_TRANSPORT,
            ErrorKind::Timeout => phonecom_status::PHONECOM_ERR_TIMEOUT,
            ErrorKind::Decode => phonecom_status::PHONECOM_ERR_DECODE,
        }
    }

    /// The stable lower-case name: the core kind's name (`"rate_limited"`) for the error kinds,
    /// `"ok"`, `"null_argument"`, `"invalid_utf8"`, `"invalid_json"`, `"panic"`,
    /// `"interior_nul"` and `"end_of_pages"` for the others.
    pub fn name(self) -> &'static str {
        self.name_nul().trim_end_matches('\0')
    }

    fn name_nul(self) -> &'static str {
        match self {
            phonecom_status::PHONECOM_OK => "ok\0",
            phonecom_status::PHONECOM_ERR_VALIDATION => "validation\0",
            phonecom_status::PHONECOM_ERR_AUTHENTICATION => "authentication\0",
            phonecom_status::PHONECOM_ERR_PERMISSION => "permission\0",
            phonecom_status::PHONECOM_ERR_NOT_FOUND => "not_found\0",
            phonecom_status::PHONECOM_ERR_CONFLICT => "conflict\0",
            phonecom_status::PHONECOM_ERR_RATE_LIMITED => "rate_limited\0",
            phonecom_status::PHONECOM_ERR_SERVER => "server\0",
            phonecom_status::PHONECOM_ERR_TRANSPORT => "transport\0",
            phonecom_status::PHONECOM_ERR_TIMEOUT => "timeout\0",
            phonecom_status::PHONECOM_ERR_DECODE => "decode\0",
            phonecom_status::PHONECOM_ERR_NULL_ARGUMENT => "null_argument\0",
            phonecom_status::PHONECOM_ERR_INVALID_UTF8 => "invalid_utf8\0",
            phonecom_status::PHONECOM_ERR_INVALID_JSON => "invalid_json\0",
            phonecom_status::PHONECOM_ERR_PANIC => "panic\0",
            phonecom_status::PHONECOM_ERR_INTERIOR_NUL => "interior_nul\0",
            phonecom_status::PHONECOM_END_OF_PAGES => "end_of_pages\0",
        }
    }

    /// The status whose numeric value is `value`.
    pub fn from_u32(value: u32) -> Option<phonecom_status> {
        phonecom_status::ALL
            .into_iter()
            .find(|s| *s as u32 == value)
    }
}

/// The stable name of a status value (`"ok"`, `"validation"`, `"not_found"`, `"null_argument"`,
/// `"end_of_pages"`, ...): the same word as the `kind` field of the error JSON. Unknown values
/// give `"unknown"`.
///
/// Ownership: the returned string is static; never free it.
#[no_mangle]
pub extern "C" fn phonecom_status_name(status: u32) -> *const c_char {
    ffi::boundary_value(ffi::static_c_str("unknown\0"), || {
        ffi::static_c_str(
            phonecom_status::from_u32(status)
                .map(phonecom_status::name_nul)
                .unwrap_or("unknown\0"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_own_status_and_the_same_name() {
        let mut seen = std::collections::HashSet::new();
        for kind in ErrorKind::ALL {
            let status = phonecom_status::from_kind(kind);
            assert!(seen.insert(status as u32));
            assert_eq!(status.name(), kind.as_str());
        }
    }

    #[test]
    fn values_are_unique_and_round_trip() {
        let mut values: Vec<u32> = phonecom_status::ALL.iter().map(|s| *s as u32).collect();
        values.sort();
        values.dedup();
        assert_eq!(values.len(), 17);
        for v in values {
            assert_eq!(phonecom_status::from_u32(v).unwrap() as u32, v);
        }
        assert!(phonecom_status::from_u32(55).is_none());
    }
}
