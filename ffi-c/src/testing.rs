//! A test-only entry point, not part of the API: it may change or go away in any release. It
//! lets the test suites (C, PHP) see a panic inside the library become `PHONECOM_ERR_PANIC` with
//! a last error, and nothing on stderr. The double underscore keeps it apart from the API; every
//! other entry point runs behind the same `ffi::boundary`.

use crate::ffi;
use crate::status::phonecom_status;

/// Test-only. Panics inside the library on purpose: returns `PHONECOM_ERR_PANIC`, and the last
/// error says where the panic happened (never what its message said).
#[no_mangle]
pub extern "C" fn phonecom__panic_for_test() -> phonecom_status {
    ffi::boundary("phonecom__panic_for_test", || {
        phonecom_core::boundary::panic_for_test()
    })
}
