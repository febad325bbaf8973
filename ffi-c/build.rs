//! Gives the shared library an SONAME (`libphonecom.so.<major>`) on Linux, so installed programs
//! link against the ABI version rather than the development symlink, and marks it never to be
//! unloaded (`-z nodelete`): PHP's FFI::cdef closes the library at the end of every request, and
//! an unloaded copy would take its process-wide connection pools with it (their sockets leaked,
//! the next request's load starting cold); a Rust library is not safe to unload anyway.

fn main() {
    let target_os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if target_os == "linux" {
        let major = std::env::var("CARGO_PKG_VERSION_MAJOR").unwrap_or_else(|_| "0".into());
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libphonecom.so.{major}");
        println!("cargo:rustc-cdylib-link-arg=-Wl,-z,nodelete");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
