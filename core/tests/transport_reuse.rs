//! The transport reuses what it has in steady state: no OS thread per call (ureq's default
//! resolver spawns one whenever a timeout is set), no socket option set again on every call (ureq
//! sets the time left before the deadline whenever it changes), no `getpid` per call, and no
//! connection churn while calls in flight stay within the pool size. Counts, not timings, over
//! loopback against the sandbox.
//!
//! Threads, socket options and process-id reads are counted by interposing `pthread_create`,
//! `setsockopt` and `getpid` in this test binary: a resolver thread lives only microseconds, so
//! entries of /proc/self/task before and after a call never show it. The counts are per calling
//! thread, so the in-process sandbox's own workers are not counted.
//! Connections are counted from the kernel's socket table ([`common::client_ports`]).

#![cfg(all(target_os = "linux", target_env = "gnu"))]

mod common;

use serde_json::json;
use std::cell::Cell;
use std::ffi::{c_char, c_int, c_void};

thread_local! {
    /// Threads created by the current thread.
    static CREATED_HERE: Cell<usize> = const { Cell::new(0) };
    /// `setsockopt` calls of the current thread.
    static SOCKET_OPTIONS_HERE: Cell<usize> = const { Cell::new(0) };
    /// `getpid` calls of the current thread.
    static PID_READS_HERE: Cell<usize> = const { Cell::new(0) };
}

type PthreadCreate = unsafe extern "C" fn(
    *mut c_void,
    *const c_void,
    extern "C" fn(*mut c_void) -> *mut c_void,
    *mut c_void,
) -> c_int;

extern "C" {
    fn dlsym(handle: *mut c_void, symbol: *const c_char) -> *mut c_void;
}

/// Counts every thread creation of this process, then forwards to libc's `pthread_create`.
///
/// # Safety
/// Same contract as libc's `pthread_create`; the arguments are passed through untouched.
#[no_mangle]
pub unsafe extern "C" fn pthread_create(
    thread: *mut c_void,
    attr: *const c_void,
    start: extern "C" fn(*mut c_void) -> *mut c_void,
    arg: *mut c_void,
) -> c_int {
    CREATED_HERE.with(|c| c.set(c.get() + 1));
    next_symbol::<PthreadCreate>(c"pthread_create")(thread, attr, start, arg)
}

fn created_here() -> usize {
    CREATED_HERE.with(Cell::get)
}

/// libc's own `name`, for the interposed functions to forward to.
///
/// # Safety
/// `T` must be the function pointer type of `name`.
unsafe fn next_symbol<T>(name: &std::ffi::CStr) -> T {
    const RTLD_NEXT: *mut c_void = -1isize as *mut c_void;
    let real = dlsym(RTLD_NEXT, name.as_ptr());
    assert!(!real.is_null(), "libc's {name:?} is found");
    std::mem::transmute_copy(&real)
}

/// Counts the calling thread's `setsockopt` calls, then forwards to libc's.
///
/// # Safety
/// Same contract as libc's `setsockopt`; the arguments are passed through untouched.
#[no_mangle]
pub unsafe extern "C" fn setsockopt(
    fd: c_int,
    level: c_int,
    name: c_int,
    value: *const c_void,
    len: u32,
) -> c_int {
    SOCKET_OPTIONS_HERE.with(|c| c.set(c.get() + 1));
    type Real = unsafe extern "C" fn(c_int, c_int, c_int, *const c_void, u32) -> c_int;
    next_symbol::<Real>(c"setsockopt")(fd, level, name, value, len)
}

/// Counts the calling thread's `getpid` calls, then forwards to libc's.
///
/// # Safety
/// Same contract as libc's `getpid`.
#[no_mangle]
pub unsafe extern "C" fn getpid() -> c_int {
    PID_READS_HERE.with(|c| c.set(c.get() + 1));
    type Real = unsafe extern "C" fn() -> c_int;
    next_symbol::<Real>(c"getpid")()
}

#[test]
fn warm_calls_neither_reset_socket_timeouts_nor_read_the_process_id() {
    let env = common::start();
    for _ in 0..3 {
        env.client.call("v4.get-account", json!({})).unwrap();
    }
    let options = || SOCKET_OPTIONS_HERE.with(Cell::get);
    let pid_reads = || PID_READS_HERE.with(Cell::get);
    let (options_before, pid_reads_before) = (options(), pid_reads());
    let calls = 50;
    for _ in 0..calls {
        env.client.call("v4.get-account", json!({})).unwrap();
    }
    let set = options() - options_before;
    let read = pid_reads() - pid_reads_before;
    eprintln!("{calls} warm calls: {set} setsockopt, {read} getpid");
    // Before: two per call (the read and the write timeout, the time left having changed). A call
    // slower than 48 ms (a loaded machine) may still cross a 256 ms step: a few, never one a call.
    assert!(
        set < calls / 5,
        "{calls} warm calls set socket options {set} times"
    );
    assert_eq!(
        read, 0,
        "{calls} warm calls read the process id {read} times"
    );
}

#[test]
fn calls_on_a_warm_client_create_no_threads() {
    let env = common::start();
    for _ in 0..3 {
        env.client.call("v4.get-account", json!({})).unwrap();
    }
    let before = created_here();
    let calls = 50;
    for _ in 0..calls {
        env.client.call("v4.get-account", json!({})).unwrap();
    }
    let created = created_here() - before;
    eprintln!("threads created by {calls} warm calls: {created}");
    assert_eq!(
        created, 0,
        "{calls} sequential calls on a warm client created {created} OS threads"
    );
}

/// TCP connections `env`'s client opens for about 1,000 calls made `in_flight` at a time.
fn connections_for_1000_calls(env: &common::Env, in_flight: usize) -> usize {
    let port = common::sandbox_port(env);
    let earlier = common::client_ports(port);
    let per_worker = 1000 / in_flight + 1;
    std::thread::scope(|s| {
        for _ in 0..in_flight {
            s.spawn(|| {
                for _ in 0..per_worker {
                    env.client.call("v4.get-account", json!({})).unwrap();
                }
            });
        }
    });
    let opened = common::client_ports(port).difference(&earlier).count();
    eprintln!(
        "connections opened by {} calls at {in_flight} in flight: {opened}",
        in_flight * per_worker
    );
    opened
}

#[test]
fn sixteen_in_flight_with_a_pool_of_sixteen_reuse_sixteen_connections() {
    let env = common::start();
    let opened = connections_for_1000_calls(&env, 16);
    assert!(
        opened <= 16,
        "1,000 calls at 16 in flight opened {opened} TCP connections"
    );
}

#[test]
fn a_configured_pool_size_keeps_that_many_calls_in_flight_on_as_many_connections() {
    // 32 in flight is past the default pool of 16, which would close and reopen connections.
    let env = common::start_with(|c| c["pool_size"] = json!(32));
    let opened = connections_for_1000_calls(&env, 32);
    assert!(
        opened <= 32,
        "1,000 calls at 32 in flight with pool_size 32 opened {opened} TCP connections"
    );
}
