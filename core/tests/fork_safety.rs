//! A child of `fork()` never uses its parent's pooled connections: its first call makes a new
//! pool, it works, and the parent's connection stays usable after the child exits.
//!
//! The one test of this binary, so that no other test thread holds a lock of the library when it
//! forks. Connections are counted from the kernel's socket table ([`common::client_ports`]).

#![cfg(target_os = "linux")]

mod common;

use phonecom::{Client, Config};
use serde_json::json;

/// In the child: both an inherited client and a new one of the same configuration work, on
/// connections of the child's own.
fn child_calls(env: &common::Env) -> bool {
    // The library's cached process id was refreshed by its fork handler.
    let own_id = phonecom::process::id() == std::process::id();
    let inherited = env.client.call("v4.get-account", json!({})).is_ok();
    let config = Config::from_value(env.config.clone()).unwrap();
    let fresh = Client::new(config)
        .and_then(|c| c.call("v4.get-account", json!({})))
        .is_ok();
    own_id && inherited && fresh
}

#[test]
fn a_forked_child_opens_its_own_connection_and_the_parent_keeps_its_own() {
    let env = common::start();
    let port = common::sandbox_port(&env);
    env.client.call("v4.get-account", json!({})).unwrap();
    let parent_ports = common::client_ports(port);
    assert_eq!(
        parent_ports.len(),
        1,
        "the parent's first call: one connection"
    );

    // SAFETY: the child only makes calls (no lock of the library is held by another thread of
    // this process: this is the binary's only test) and leaves through `_exit`.
    let pid = unsafe { libc::fork() };
    assert!(pid >= 0, "fork failed");
    if pid == 0 {
        let ok = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| child_calls(&env)));
        // SAFETY: ends the child at once, running none of the parent's exit handlers.
        unsafe { libc::_exit(if matches!(ok, Ok(true)) { 0 } else { 1 }) };
    }
    let mut status = 0;
    // SAFETY: waits for the child just forked.
    assert_eq!(unsafe { libc::waitpid(pid, &mut status, 0) }, pid);
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "the child's calls failed (wait status {status})"
    );
    let after_child = common::client_ports(port);
    assert_eq!(
        after_child.len(),
        2,
        "the child's two clients used one connection of its own, not the parent's: {after_child:?}"
    );

    env.client.call("v4.get-account", json!({})).unwrap();
    assert_eq!(
        common::client_ports(port),
        after_child,
        "the parent reused its own connection after the child exited"
    );
}
