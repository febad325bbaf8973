//! # libphonecom's C ABI
//!
//! The shared and static library `libphonecom` and its header `include/phonecom.h` (written by
//! cbindgen from this crate; `cargo test -p phonecom-ffi --test header` fails when the committed
//! header is stale, `-- --ignored` rewrites it). This crate is conversion only: C strings and
//! JSON in, JSON and statuses out; all behaviour lives in the `phonecom` core crate.
//!
//! ```c
//! #include <phonecom.h>
//! phonecom_client *client = NULL;
//! if (phonecom_client_new_from_env(&client) != PHONECOM_OK) { ... }
//! char *result = NULL;
//! phonecom_status st = phonecom_call(client, "v4.list-available-phone-numbers",
//!     "{\"filters\": {\"npa\": \"eq:858\"}, \"limit\": 10}", &result);
//! if (st == PHONECOM_OK) { puts(result); phonecom_string_free(result); }
//! else { char *why = phonecom_last_error_message(); fprintf(stderr, "%s\n", why); phonecom_string_free(why); }
//! phonecom_client_free(client);
//! ```
//!
//! Layout: `ffi` (private) holds every unsafe conversion and the panic boundary; [`status`] the status
//! enum; [`error`] the thread's last error; [`client`] the client handle and builder; [`call`]
//! the generic call (with per-call options) and the catalog; [`pager`] list walking; [`helpers`] the local helpers
//! (Express Sign-Up, E.164, vanity, JSON pointer); [`callcontrol`] call-control requests and
//! commands; [`testing`] a test-only entry point (a deliberate panic).
#![warn(missing_docs)]
#![allow(non_camel_case_types)]

/// With the `mimalloc` feature (every release artifact: scripts/package.sh), the library's Rust
/// allocations go to mimalloc rather than glibc's malloc (28% fewer instructions per call, see
/// `Cargo.toml`). The C side's allocations are not affected; strings the library returns are
/// still freed with `phonecom_string_free`. The dev build that the C suites run under ASan and
/// Valgrind keeps the system allocator, so those tools see every allocation.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

// Declaration order is the header's order.
pub mod status;

pub mod error;

pub mod client;

pub mod call;

pub mod pager;

pub mod helpers;

pub mod callcontrol;

pub mod testing;

mod ffi;

pub use status::phonecom_status;

use std::ffi::c_char;

/// The library's version, `"MAJOR.MINOR.PATCH"` (the same as `PHONECOM_VERSION_STRING` when the
/// header matches the library; compare them to detect a header/library mismatch).
///
/// Ownership: the returned string is static; never free it.
#[no_mangle]
pub extern "C" fn phonecom_version() -> *const c_char {
    ffi::static_c_str(concat!(env!("CARGO_PKG_VERSION"), "\0"))
}

/// Free a string returned by this library (results, pages, error messages, passwords). The
/// memory is overwritten before it is released. NULL is accepted and ignored.
///
/// Ownership: only strings returned by libphonecom go here, each exactly once; never pass them
/// to `free()`, and never pass other strings here.
///
/// # Safety
/// `s` is NULL or a string returned by this library and not freed yet.
#[no_mangle]
pub unsafe extern "C" fn phonecom_string_free(s: *mut c_char) {
    ffi::boundary_value((), || ffi::free_c_string(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_matches_the_core() {
        let v = unsafe { std::ffi::CStr::from_ptr(phonecom_version()) };
        assert_eq!(v.to_str().unwrap(), phonecom_core::VERSION);
    }
}
