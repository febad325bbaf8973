//! Waiting until sockets can be read: `poll(2)` on Unix. Elsewhere a short sleep stands in for
//! it and every socket is tried (the reactor's reads are non-blocking either way), which is
//! correct but busier.
//!
//! ```
//! use phonecom_sandbox::server::poll::{self, Waker};
//! use std::time::Duration;
//!
//! let waker = Waker::new().unwrap();
//! waker.wake();
//! let ready = poll::wait(&[waker.handle()], Duration::from_secs(1));
//! assert!(ready[0]);
//! waker.drain();
//! ```

use std::time::Duration;

/// What [`wait`] watches: a file descriptor on Unix.
#[cfg(unix)]
pub type Handle = std::os::fd::RawFd;
/// What [`wait`] watches (nothing on platforms without `poll(2)`).
#[cfg(not(unix))]
pub type Handle = ();

/// The handle of a socket.
#[cfg(unix)]
pub fn handle(s: &impl std::os::fd::AsRawFd) -> Handle {
    s.as_raw_fd()
}

/// The handle of a socket.
#[cfg(not(unix))]
pub fn handle<T>(_: &T) -> Handle {}

/// Waits up to `timeout` until one of `handles` is readable (or closed, or in error); one flag
/// per handle. An interrupted or failed wait reports nothing ready.
#[cfg(unix)]
pub fn wait(handles: &[Handle], timeout: Duration) -> Vec<bool> {
    let mut fds: Vec<libc::pollfd> = handles
        .iter()
        .map(|&fd| libc::pollfd {
            fd,
            events: libc::POLLIN,
            revents: 0,
        })
        .collect();
    let ms = timeout.as_millis().clamp(1, 60_000) as libc::c_int;
    // SAFETY: `fds` is an initialised array of `fds.len()` pollfd structs that outlives the call;
    // poll only writes their `revents` fields.
    let n = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, ms) };
    if n <= 0 {
        return vec![false; fds.len()];
    }
    fds.iter().map(|p| p.revents != 0).collect()
}

/// Sleeps a little (at most `timeout`), then reports every handle as worth trying.
#[cfg(not(unix))]
pub fn wait(handles: &[Handle], timeout: Duration) -> Vec<bool> {
    std::thread::sleep(timeout.min(Duration::from_millis(5)));
    vec![true; handles.len()]
}

/// Wakes a [`wait`] from another thread: one end of a socket pair is watched, the other written.
#[cfg(unix)]
pub struct Waker {
    rx: std::os::unix::net::UnixStream,
    tx: std::os::unix::net::UnixStream,
}

#[cfg(unix)]
impl Waker {
    /// A new pair.
    pub fn new() -> std::io::Result<Waker> {
        let (rx, tx) = std::os::unix::net::UnixStream::pair()?;
        rx.set_nonblocking(true)?;
        tx.set_nonblocking(true)?;
        Ok(Waker { rx, tx })
    }

    /// Makes the watched end readable (a full buffer already is).
    pub fn wake(&self) {
        use std::io::Write;
        let _ = (&self.tx).write(&[1]);
    }

    /// Empties the watched end.
    pub fn drain(&self) {
        use std::io::Read;
        let mut sink = [0u8; 64];
        while matches!((&self.rx).read(&mut sink), Ok(n) if n > 0) {}
    }

    /// The watched end.
    pub fn handle(&self) -> Handle {
        handle(&self.rx)
    }
}

/// Wakes a [`wait`]: nothing to do where `wait` only sleeps briefly.
#[cfg(not(unix))]
pub struct Waker;

#[cfg(not(unix))]
impl Waker {
    /// A new waker.
    pub fn new() -> std::io::Result<Waker> {
        Ok(Waker)
    }

    /// Nothing: [`wait`] returns within 5 ms anyway.
    pub fn wake(&self) {}

    /// Nothing to empty.
    pub fn drain(&self) {}

    /// The watched handle.
    pub fn handle(&self) -> Handle {}
}
