//! The TCP server: one reactor thread accepts connections and reads request heads without
//! blocking ([`reactor`]); a bounded pool of worker threads ([`pool`]) reads bodies, runs the
//! pipeline and writes answers ([`conn`]). Keep-alive connections go back to the reactor between
//! requests, so slow, idle or silent clients hold no thread, and the sandbox never runs more
//! than [`Limits::max_workers`] + 1 threads of its own.
//!
//! ```
//! use phonecom_sandbox::{Limits, Options, Sandbox};
//! use std::time::Duration;
//!
//! let limits = Limits { max_workers: 4, header_timeout: Duration::from_secs(2), ..Limits::default() };
//! let sb = Sandbox::start_with(Options { limits, ..Options::default() }).unwrap();
//! sb.shutdown();
//! ```

pub mod conn;
pub mod poll;
pub mod pool;
pub mod reactor;

use crate::app::App;
use std::io;
use std::net::{SocketAddr, TcpListener};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

/// How much the server takes on at once and how long it waits for a client. The defaults suit a
/// sandbox partners leave running for days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Most worker threads, i.e. requests handled at once (default 64). The sandbox's own
    /// threads never exceed this plus one (the reactor); the binary adds its main thread.
    pub max_workers: usize,
    /// Most open connections (default 512). A new connection beyond it closes the one that has
    /// waited longest (an unfinished request before an idle keep-alive connection), or is
    /// answered 503 when every open connection is being served.
    pub max_connections: usize,
    /// From the first byte of a request to the end of its head (default 10 s); then 408 and the
    /// connection is closed.
    pub header_timeout: Duration,
    /// To receive a request's body once its head is in, and to write each answer (default 30 s);
    /// a body late past it gets 408 and the connection is closed.
    pub body_timeout: Duration,
    /// How long a keep-alive connection may wait for its next request (default 60 s); then it
    /// is closed.
    pub idle_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_workers: 64,
            max_connections: 512,
            header_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(30),
            idle_timeout: Duration::from_secs(60),
        }
    }
}

/// A running listener; [`Server::stop`] (or drop) ends it.
pub struct Server {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    waker: Arc<poll::Waker>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    /// Serves `app` on `listener` in background threads, within `limits`.
    pub fn start(listener: TcpListener, app: Arc<App>, limits: Limits) -> io::Result<Server> {
        let addr = listener.local_addr()?;
        let stop = Arc::new(AtomicBool::new(false));
        let waker = Arc::new(poll::Waker::new()?);
        let reactor = reactor::Reactor::new(listener, app, limits, stop.clone(), waker.clone())?;
        let thread = std::thread::Builder::new()
            .name("sandbox-reactor".into())
            .spawn(move || reactor.run())?;
        Ok(Server {
            addr,
            stop,
            waker,
            thread: Some(thread),
        })
    }

    /// The bound address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Stops accepting and closes the connections waiting between requests; a request being
    /// handled finishes first, and a worker waiting for a body gives up within 200 ms.
    pub fn stop(&mut self) {
        if self.stop.swap(true, Ordering::SeqCst) {
            return;
        }
        self.waker.wake();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}
