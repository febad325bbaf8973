//! Test-only entry points, not part of the API: they may change or go away in any release.
//! They let the test suites (C, PHP) see a panic inside the library become
//! `PHONECOM_ERR_PANIC` with a last error, and nothing on stderr. The double underscore keeps
//! them apart from the API.

use crate::client::phonecom_client_builder;
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

/// Test-only. Clients built from `builder` panic inside the library at each response they
/// receive (in place of the log callback), so `phonecom_call` and `phonecom_pager_next` fail
/// with `PHONECOM_ERR_PANIC` from deep inside a call.
///
/// # Safety
/// `builder` is NULL or a live builder.
#[no_mangle]
pub unsafe extern "C" fn phonecom__client_builder_panic_on_response_for_test(
    builder: *mut phonecom_client_builder,
) -> phonecom_status {
    ffi::boundary(
        "phonecom__client_builder_panic_on_response_for_test",
        || {
            ffi::mut_arg(builder, "builder")?.panic_on_response = true;
            Ok(())
        },
    )
}
