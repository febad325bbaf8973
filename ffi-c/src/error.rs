//! Failures at the boundary and the calling thread's last error.
//!
//! A core [`phonecom_core::Error`] keeps every structured field ([`phonecom_core::Error::to_json`]); the
//! boundary's own failures (NULL, invalid UTF-8, invalid JSON, panic) get the same JSON shape
//! with their own `kind`.

use crate::ffi;
use crate::status::phonecom_status;
use phonecom_core::boundary::Panic;
use phonecom_core::{Error, ErrorKind};
use serde_json::Value;
use std::cell::RefCell;
use std::ffi::c_char;

/// Why an entry point did not succeed.
#[derive(Debug)]
pub(crate) enum Failure {
    /// An error of the library (any family, any kind).
    Core(Error),
    /// A misuse caught at the boundary.
    Boundary {
        status: phonecom_status,
        message: String,
    },
    /// The pager has no more pages: not an error, nothing recorded.
    EndOfPages,
}

impl From<Error> for Failure {
    fn from(e: Error) -> Failure {
        Failure::Core(e)
    }
}

impl Failure {
    pub(crate) fn null_argument(name: &str) -> Failure {
        Failure::boundary(
            phonecom_status::PHONECOM_ERR_NULL_ARGUMENT,
            format!("`{name}` is NULL"),
        )
    }
    pub(crate) fn invalid_utf8(name: &str, e: std::str::Utf8Error) -> Failure {
        Failure::boundary(
            phonecom_status::PHONECOM_ERR_INVALID_UTF8,
            format!(
                "`{name}` is not valid UTF-8 (invalid byte at offset {})",
                e.valid_up_to()
            ),
        )
    }
    pub(crate) fn invalid_json(name: &str, e: &serde_json::Error) -> Failure {
        Failure::boundary(
            phonecom_status::PHONECOM_ERR_INVALID_JSON,
            format!(
                "`{name}` is not valid JSON: {} at line {} column {}",
                category(e),
                e.line(),
                e.column()
            ),
        )
    }
    pub(crate) fn panic(panic: &Panic) -> Failure {
        Failure::boundary(phonecom_status::PHONECOM_ERR_PANIC, panic.message())
    }
    pub(crate) fn interior_nul() -> Failure {
        Failure::boundary(
            phonecom_status::PHONECOM_ERR_INTERIOR_NUL,
            "the result contains a NUL byte and cannot be returned as a C string".into(),
        )
    }
    fn boundary(status: phonecom_status, message: String) -> Failure {
        Failure::Boundary { status, message }
    }

    /// Record this failure as the thread's last error (unless it is the end of pages) and give
    /// its status. `function` names the entry point in boundary messages.
    pub(crate) fn record(self, function: &str) -> phonecom_status {
        match self {
            Failure::EndOfPages => phonecom_status::PHONECOM_END_OF_PAGES,
            Failure::Core(e) => {
                let status = phonecom_status::from_kind(e.kind());
                set_last(LastError {
                    status,
                    message: e.to_string(),
                    json: e.to_json(),
                });
                status
            }
            Failure::Boundary { status, message } => {
                let message = format!("[{}] {function}: {message}", status.name());
                // The same shape as a core error's JSON, so callers parse one format.
                let mut json = Error::new(ErrorKind::Validation, "").to_json();
                json["kind"] = Value::from(status.name());
                json["message"] = Value::from(message.clone());
                set_last(LastError {
                    status,
                    message,
                    json,
                });
                status
            }
        }
    }
}

/// serde_json's error category, without echoing the input (it may hold a secret).
fn category(e: &serde_json::Error) -> &'static str {
    match e.classify() {
        serde_json::error::Category::Eof => "unexpected end of input",
        serde_json::error::Category::Syntax => "syntax error",
        serde_json::error::Category::Data => "unexpected data",
        serde_json::error::Category::Io => "read error",
    }
}

struct LastError {
    status: phonecom_status,
    message: String,
    json: Value,
}

thread_local! {
    static LAST: RefCell<Option<LastError>> = const { RefCell::new(None) };
}

fn set_last(error: LastError) {
    // During thread teardown the slot may be gone; the status still reaches the caller.
    let _ = LAST.try_with(|slot| *slot.borrow_mut() = Some(error));
}

fn with_last<T>(f: impl FnOnce(Option<&LastError>) -> T) -> T {
    let mut f = Some(f);
    LAST.try_with(|slot| (f.take().expect("called once"))(slot.borrow().as_ref()))
        .unwrap_or_else(|_| (f.take().expect("called once"))(None))
}

/// The status of the last failure on the calling thread, or `PHONECOM_OK` when no call on this
/// thread has failed since the thread started or since `phonecom_last_error_clear`.
///
/// Successful calls do not reset it (like `errno`); read it right after the failing call.
#[no_mangle]
pub extern "C" fn phonecom_last_error_status() -> phonecom_status {
    ffi::boundary_value(phonecom_status::PHONECOM_ERR_PANIC, || {
        with_last(|e| e.map_or(phonecom_status::PHONECOM_OK, |e| e.status))
    })
}

/// The last failure on the calling thread as one line of text: its kind, the operation, the
/// HTTP status, the message, the upstream code, field errors, retry-after and request id, e.g.
/// `[not_found] v4.get-account-extension: HTTP 404: Extension not found (request id req_1f2e)`.
/// Secrets are masked. A NUL byte in the text (an upstream message may hold one) is replaced
/// by U+FFFD, so a recorded failure always has a message.
///
/// Ownership: returns a new string the caller frees with `phonecom_string_free`, or NULL when
/// there is no failure recorded on this thread.
#[no_mangle]
pub extern "C" fn phonecom_last_error_message() -> *mut c_char {
    ffi::boundary_value(std::ptr::null_mut(), || {
        with_last(|e| e.and_then(|e| ffi::into_c_string(without_nul(&e.message)).ok()))
            .unwrap_or(std::ptr::null_mut())
    })
}

/// The last failure on the calling thread as a JSON object with every structured field:
/// `kind` (the `phonecom_status_name` of its status), `message`, `family`, `operation`,
/// `status` (HTTP status or null), `upstream_code`, `upstream_message`, `fields` (array of
/// `{field, message}`), `retry_after` (seconds or null), `request_id`, `retryable`,
/// `raw_body` (a bounded prefix, decode errors) and `attempts`. Secrets are masked.
///
/// Ownership: returns a new string the caller frees with `phonecom_string_free`, or NULL when
/// there is no failure recorded on this thread.
#[no_mangle]
pub extern "C" fn phonecom_last_error_json() -> *mut c_char {
    ffi::boundary_value(std::ptr::null_mut(), || {
        with_last(|e| e.and_then(|e| ffi::into_c_string(e.json.to_string()).ok()))
            .unwrap_or(std::ptr::null_mut())
    })
}

/// `text` without NUL bytes (each becomes U+FFFD), so that it fits in a C string.
fn without_nul(text: &str) -> String {
    text.replace('\0', "\u{FFFD}")
}

/// Forget the calling thread's last failure (`phonecom_last_error_status` then returns
/// `PHONECOM_OK`). Other threads' last errors are unaffected.
#[no_mangle]
pub extern "C" fn phonecom_last_error_clear() {
    ffi::boundary_value((), || {
        let _ = LAST.try_with(|slot| slot.borrow_mut().take());
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn take(ptr: *mut c_char) -> String {
        assert!(!ptr.is_null());
        let s = unsafe { std::ffi::CStr::from_ptr(ptr) }
            .to_str()
            .unwrap()
            .to_string();
        unsafe { crate::phonecom_string_free(ptr) };
        s
    }

    #[test]
    fn boundary_failures_have_the_core_json_shape() {
        phonecom_last_error_clear();
        assert_eq!(phonecom_last_error_status(), phonecom_status::PHONECOM_OK);
        assert!(phonecom_last_error_json().is_null());
        let status = Failure::null_argument("name").record("phonecom_call");
        assert_eq!(status, phonecom_status::PHONECOM_ERR_NULL_ARGUMENT);
        assert_eq!(phonecom_last_error_status(), status);
        let json: Value = serde_json::from_str(&take(phonecom_last_error_json())).unwrap();
        let core = Error::new(ErrorKind::Validation, "x").to_json();
        let keys = |v: &Value| {
            let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
            k.sort();
            k
        };
        assert_eq!(keys(&json), keys(&core));
        assert_eq!(json["kind"], "null_argument");
        assert_eq!(
            take(phonecom_last_error_message()),
            "[null_argument] phonecom_call: `name` is NULL"
        );
    }

    #[test]
    fn core_errors_keep_every_field() {
        let e = Error::validation("v4.create-account-sms", "to", "must be E.164");
        assert_eq!(
            Failure::Core(e).record("phonecom_call"),
            phonecom_status::PHONECOM_ERR_VALIDATION
        );
        let json: Value = serde_json::from_str(&take(phonecom_last_error_json())).unwrap();
        assert_eq!(json["kind"], "validation");
        assert_eq!(json["operation"], "v4.create-account-sms");
        assert_eq!(json["fields"][0]["field"], "to");
    }

    #[test]
    fn end_of_pages_is_not_recorded() {
        phonecom_last_error_clear();
        assert_eq!(
            Failure::EndOfPages.record("phonecom_pager_next"),
            phonecom_status::PHONECOM_END_OF_PAGES
        );
        assert_eq!(phonecom_last_error_status(), phonecom_status::PHONECOM_OK);
    }

    #[test]
    fn last_error_is_per_thread() {
        Failure::null_argument("a").record("f");
        std::thread::spawn(|| {
            assert_eq!(phonecom_last_error_status(), phonecom_status::PHONECOM_OK);
            let bytes = vec![b'x', 0xff];
            Failure::invalid_utf8("b", std::str::from_utf8(&bytes).unwrap_err()).record("g");
            assert_eq!(
                phonecom_last_error_status(),
                phonecom_status::PHONECOM_ERR_INVALID_UTF8
            );
        })
        .join()
        .unwrap();
        assert_eq!(
            phonecom_last_error_status(),
            phonecom_status::PHONECOM_ERR_NULL_ARGUMENT
        );
    }

    #[test]
    fn invalid_json_does_not_echo_the_input() {
        let e = serde_json::from_str::<Value>("{\"password\": hunter2}").unwrap_err();
        Failure::invalid_json("params_json", &e).record("phonecom_call");
        let msg = take(phonecom_last_error_message());
        assert!(!msg.contains("hunter2"), "{msg}");
        assert!(msg.contains("`params_json` is not valid JSON"), "{msg}");
    }
}
