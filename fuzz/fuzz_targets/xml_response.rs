#![no_main]
//! The `xml_response` target: see `core/tests/fuzz_harness` for what it does with its input.
libfuzzer_sys::fuzz_target!(|data: &[u8]| phonecom_fuzz::run("xml_response", data));
