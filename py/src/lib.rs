//! The native module `phonecom._native` of the Python wheel: conversion only (Python values in,
//! JSON to the core, results and errors back out). Everything a Python user touches is wrapped
//! by the pure-Python package in `py/python/phonecom/`; all behaviour lives in the core crate.
//!
//! Every network call detaches from the interpreter (`Python::detach`), so other Python threads
//! and asyncio event loops keep running while a request is in flight; on the main thread, Ctrl-C
//! raises `KeyboardInterrupt` without waiting for the call to end (`interrupt.rs`). Every entry
//! point runs behind the panic boundary (`errors::guard`): a panic inside the library is
//! `phonecom.InternalError`, with nothing printed on stderr.

mod asynchronous;
mod callcontrol;
mod client;
mod convert;
mod errors;
mod functions;
mod interrupt;
mod log;
mod rows;
mod shutdown;

use pyo3::prelude::*;

/// Every Rust allocation of the module (the core's decoded result, the XML rows, the exchange)
/// goes to mimalloc rather than glibc's malloc, which with its frees took 30% of a 500-row
/// getCallList's samples (bench/README.md, "Stop 13: lead"). Python's own objects are not
/// affected: they come from CPython's allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `phonecom._native`.
#[pymodule]
#[pyo3(name = "_native")]
fn native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", phonecom::VERSION)?;
    m.add_class::<client::NativeClient>()?;
    m.add_class::<client::NativePages>()?;
    m.add_class::<client::NativeResponse>()?;
    functions::register(m)?;
    callcontrol::register(m)?;
    asynchronous::register(m)?;
    shutdown::register(m)?;
    Ok(())
}
