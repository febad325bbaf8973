#![no_main]
//! The `types` target: see `core/tests/fuzz_harness` for what it does with its input.
libfuzzer_sys::fuzz_target!(|data: &[u8]| phonecom_fuzz::run("types", data));
