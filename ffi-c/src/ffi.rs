//! Every unsafe conversion of the crate lives here (the rustls-ffi model): C strings and JSON in,
//! C strings out, handles in and out, out-parameters, the caller's log callback, and the panic
//! boundary. Entry points call these helpers and contain no `unsafe` block of their own.
//!
//! ```text
//! pub unsafe extern "C" fn phonecom_thing(arg: *const c_char, out: *mut *mut c_char) -> phonecom_status {
//!     ffi::boundary("phonecom_thing", || {
//!         let arg = ffi::str_arg(arg, "arg")?;   // NULL and invalid UTF-8 refused here
//!         let out = ffi::out_arg(out, "out")?;   // checked before any work is done
//!         let text = do_the_work(arg)?;          // phonecom::Error becomes a status
//!         out.write_string(text)                 // written only on success
//!     })
//! }
//! ```

use crate::error::Failure;
use crate::status::phonecom_status;
use phonecom_core::boundary::catch;
use serde_json::Value;
use std::ffi::{c_char, c_void, CStr, CString};

/// Run an entry point's body behind the panic boundary (`phonecom_core::boundary`: nothing is
/// printed on stderr). A failure (or a panic) is recorded as the calling thread's last error and
/// its status returned; success returns `PHONECOM_OK`.
pub(crate) fn boundary(
    function: &'static str,
    body: impl FnOnce() -> Result<(), Failure>,
) -> phonecom_status {
    let run = catch(|| match body() {
        Ok(()) => phonecom_status::PHONECOM_OK,
        Err(failure) => failure.record(function),
    });
    match run {
        Ok(status) => status,
        // Recording a panic only formats strings; should even that unwind, the status stands.
        Err(panic) => catch(|| Failure::panic(&panic).record(function))
            .unwrap_or(phonecom_status::PHONECOM_ERR_PANIC),
    }
}

/// Run a body that returns a plain value (no status) behind the panic boundary: a panic
/// yields `fallback`.
pub(crate) fn boundary_value<T>(fallback: T, body: impl FnOnce() -> T) -> T {
    catch(body).unwrap_or(fallback)
}

/// A NUL-terminated UTF-8 argument, borrowed for the call.
///
/// # Safety
/// `ptr` is NULL or points to a NUL-terminated string that stays valid during the call.
pub(crate) unsafe fn str_arg<'a>(ptr: *const c_char, name: &str) -> Result<&'a str, Failure> {
    if ptr.is_null() {
        return Err(Failure::null_argument(name));
    }
    CStr::from_ptr(ptr)
        .to_str()
        .map_err(|e| Failure::invalid_utf8(name, e))
}

/// A JSON text argument, parsed.
///
/// # Safety
/// As [`str_arg`].
pub(crate) unsafe fn json_arg(ptr: *const c_char, name: &str) -> Result<Value, Failure> {
    let text = str_arg(ptr, name)?;
    serde_json::from_str(text).map_err(|e| Failure::invalid_json(name, &e))
}

/// A handle the call only reads.
///
/// # Safety
/// `ptr` is NULL or a live handle of type `T` made by this library.
pub(crate) unsafe fn ref_arg<'a, T>(ptr: *const T, name: &str) -> Result<&'a T, Failure> {
    ptr.as_ref().ok_or_else(|| Failure::null_argument(name))
}

/// A handle the call mutates.
///
/// # Safety
/// `ptr` is NULL or a live handle of type `T` made by this library, used by no other thread
/// during the call.
pub(crate) unsafe fn mut_arg<'a, T>(ptr: *mut T, name: &str) -> Result<&'a mut T, Failure> {
    ptr.as_mut().ok_or_else(|| Failure::null_argument(name))
}

/// An out-parameter, checked for NULL before any work and written only on success.
pub(crate) struct Out<'a, T>(&'a mut T);

/// Check an out-parameter.
///
/// # Safety
/// `ptr` is NULL or points to writable memory for one `T`.
pub(crate) unsafe fn out_arg<'a, T>(ptr: *mut T, name: &str) -> Result<Out<'a, T>, Failure> {
    ptr.as_mut()
        .map(Out)
        .ok_or_else(|| Failure::null_argument(name))
}

impl<T> Out<'_, T> {
    /// Store the result.
    pub(crate) fn write(self, value: T) -> Result<(), Failure> {
        *self.0 = value;
        Ok(())
    }
}

impl Out<'_, *mut c_char> {
    /// Store a library-allocated copy of `text` (freed by `phonecom_string_free`).
    pub(crate) fn write_string(self, text: String) -> Result<(), Failure> {
        let ptr = into_c_string(text)?;
        self.write(ptr)
    }

    /// Store `value` as compact JSON text.
    pub(crate) fn write_json(self, value: &Value) -> Result<(), Failure> {
        self.write_string(phonecom_core::exchange::json_text(value))
    }
}

impl<H> Out<'_, *mut H> {
    /// Store a new handle owning `value` (freed by the handle's `_free` function).
    pub(crate) fn write_handle(self, value: H) -> Result<(), Failure> {
        self.write(Box::into_raw(Box::new(value)))
    }
}

/// A library-allocated C string (JSON never contains a NUL byte; other text is checked).
pub(crate) fn into_c_string(text: String) -> Result<*mut c_char, Failure> {
    CString::new(text)
        .map(CString::into_raw)
        .map_err(|_| Failure::interior_nul())
}

/// Free a string made by [`into_c_string`], overwriting it first (it may be a password).
///
/// # Safety
/// `ptr` is NULL or came from [`into_c_string`] and was not freed yet.
pub(crate) unsafe fn free_c_string(ptr: *mut c_char) {
    if ptr.is_null() {
        return;
    }
    let mut bytes = CString::from_raw(ptr).into_bytes_with_nul();
    for b in bytes.iter_mut() {
        // Volatile, so the overwrite is not optimised away before the free.
        std::ptr::write_volatile(b, 0);
    }
}

/// Free a handle made by [`Out::write_handle`].
///
/// # Safety
/// `ptr` is NULL or a live handle of type `H` made by this library, in use by no other thread.
pub(crate) unsafe fn free_handle<H>(ptr: *mut H) {
    if !ptr.is_null() {
        drop(Box::from_raw(ptr));
    }
}

/// A `'static` C string for the library's constant strings (`"validation\0"`).
pub(crate) fn static_c_str(text: &'static str) -> *const c_char {
    debug_assert!(text.ends_with('\0'));
    text.as_ptr().cast()
}

/// The log callback type as Rust sees it (see `phonecom_log_callback`).
pub(crate) type LogFn = unsafe extern "C" fn(user_data: *mut c_void, event_json: *const c_char);

/// The caller's log callback and its user data, callable from any thread: the header makes the
/// caller promise that the callback is thread-safe and the user data outlives every client
/// and pager that keeps the callback.
#[derive(Clone, Copy)]
pub(crate) struct LogSink {
    callback: LogFn,
    user_data: *mut c_void,
}

// SAFETY: the caller promises (header of `phonecom_client_builder_set_log`) that the callback may
// be called from any thread, concurrently, with this user data.
unsafe impl Send for LogSink {}
// SAFETY: as above.
unsafe impl Sync for LogSink {}

impl LogSink {
    pub(crate) fn new(callback: LogFn, user_data: *mut c_void) -> LogSink {
        LogSink {
            callback,
            user_data,
        }
    }

    /// Hand one event (JSON text, already masked) to the callback; the text is valid only for
    /// the duration of the callback.
    pub(crate) fn emit(&self, event_json: &str) {
        if let Ok(text) = CString::new(event_json) {
            // SAFETY: the callback is the caller's C function with the documented signature; the
            // string outlives the call.
            unsafe { (self.callback)(self.user_data, text.as_ptr()) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_a_status_and_the_last_error() {
        let status = boundary("phonecom_test", || panic!("boom {}", 42));
        assert_eq!(status, phonecom_status::PHONECOM_ERR_PANIC);
        let msg = crate::error::phonecom_last_error_message();
        let text = unsafe { CStr::from_ptr(msg) }.to_str().unwrap().to_string();
        unsafe { free_c_string(msg) };
        assert!(
            text.starts_with(
                "[panic] phonecom_test: internal error: a bug in libphonecom (a panic at ffi-c/src/ffi.rs:"
            ),
            "{text}"
        );
        assert!(
            !text.contains("boom"),
            "the panic's own message never shows: {text}"
        );
        assert_eq!(boundary_value(7, || panic!("again")), 7);
    }

    #[test]
    fn out_params_are_written_only_by_write() {
        let mut slot: *mut c_char = std::ptr::null_mut();
        let unused = unsafe { out_arg(&mut slot, "out") }.unwrap();
        let _ = unused;
        assert!(slot.is_null());
        let out = unsafe { out_arg(&mut slot, "out") }.unwrap();
        out.write_string("x".into()).unwrap();
        assert!(!slot.is_null());
        unsafe { free_c_string(slot) };
        assert!(matches!(
            into_c_string("a\0b".into()),
            Err(Failure::Boundary { .. })
        ));
    }
}
