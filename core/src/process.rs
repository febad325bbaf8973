//! This process's id, read without a system call.
//!
//! Everything a process must not share with a `fork()`ed child (the connection pool, the rate
//! budget's Redis connections, the batched random bytes of request ids) is keyed by the
//! process id. glibc no longer caches `getpid()`, so reading it is a system call; a call read it
//! several times. [`id`] keeps it in an atomic instead, refreshed in the child by a
//! `pthread_atfork` handler.
//!
//! ```
//! assert_eq!(phonecom::process::id(), std::process::id());
//! ```

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Once;

/// The cached id; 0 until the fork handler is in place (or when it could not be installed).
static PID: AtomicU32 = AtomicU32::new(0);

/// The id of the calling process, as [`std::process::id`] gives it.
pub fn id() -> u32 {
    match PID.load(Ordering::Acquire) {
        0 => install(),
        pid => pid,
    }
}

#[cfg(unix)]
fn install() -> u32 {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        // SAFETY: `refreshed_in_child` only makes the `getpid` system call (async-signal-safe)
        // and stores an atomic, as a fork handler must.
        if unsafe { libc::pthread_atfork(None, None, Some(refreshed_in_child)) } == 0 {
            PID.store(std::process::id(), Ordering::Release);
        }
    });
    // Not installed (out of memory): read it every time, never a stale value.
    std::process::id()
}

#[cfg(not(unix))]
fn install() -> u32 {
    std::process::id()
}

/// Runs in the child of every `fork()`, before `fork` returns there.
#[cfg(unix)]
extern "C" fn refreshed_in_child() {
    PID.store(std::process::id(), Ordering::Release);
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_cached_id_is_this_process() {
        for _ in 0..3 {
            assert_eq!(super::id(), std::process::id());
        }
    }
}
