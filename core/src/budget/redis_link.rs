//! One Redis server as the shared store's connection: a small pool of blocking connections,
//! made lazily, with short timeouts, and never shared across a `fork()`.
//!
//! ```no_run
//! # use phonecom::budget::RedisLink;
//! let link = RedisLink::open("redis://127.0.0.1:6379/0").unwrap();
//! let pong: String = link.run(|c| redis::cmd("PING").query(c)).unwrap();
//! assert_eq!(pong, "PONG");
//! ```
//!
//! - **Lazy**: nothing connects before the first command, so a client built in a PHP-FPM master
//!   (or before any `fork()`) holds no socket yet.
//! - **Fork-safe**: the pool remembers the process id that made its connections; in a child
//!   (another id) those are abandoned without a word on the wire (their socket is the parent's
//!   too) and the child opens its own.
//! - **Short timeouts** ([`CONNECT_TIMEOUT`], [`IO_TIMEOUT`]): a server that does not answer in
//!   time is an error at once, and the budget falls back to its in-process store.
//! - **Reuse**: a connection goes back to the pool after a command that succeeded; one that
//!   failed (a timeout may leave an answer in flight) is dropped.

use redis::{Connection, RedisResult};
use std::sync::Mutex;
use std::time::Duration;

/// Longest wait for a connection (TCP and the handshake: `AUTH`, `SELECT`).
pub const CONNECT_TIMEOUT: Duration = Duration::from_millis(100);
/// Longest wait for one command's answer (a budget script answers in well under 1 ms).
pub const IO_TIMEOUT: Duration = Duration::from_millis(100);
/// Idle connections kept per process (more threads in flight open more, dropped after use).
const POOL_MAX: usize = 8;

/// A Redis server and this process's connections to it.
pub struct RedisLink {
    client: redis::Client,
    shown: String,
    pool: Mutex<Pool>,
}

impl std::fmt::Debug for RedisLink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "RedisLink({})", self.shown)
    }
}

#[derive(Default)]
struct Pool {
    /// The process the connections belong to.
    pid: u32,
    idle: Vec<Connection>,
}

impl RedisLink {
    /// A link to `url` (`redis://[user:password@]host[:port][/db]`); connects on first use.
    /// `Err` holds the rule the URL breaks.
    pub fn open(url: &str) -> std::result::Result<RedisLink, String> {
        let client = redis::Client::open(url).map_err(|_| {
            "must be a Redis URL: redis://[user:password@]host[:port][/db]".to_string()
        })?;
        Ok(RedisLink {
            client,
            shown: shown(url),
            pool: Mutex::new(Pool::default()),
        })
    }

    /// The server as shown in logs: scheme, host, port and database, never a password.
    pub fn shown(&self) -> &str {
        &self.shown
    }

    /// Run `command` on a pooled connection (opened if none is idle).
    pub fn run<T>(
        &self,
        command: impl FnOnce(&mut Connection) -> RedisResult<T>,
    ) -> RedisResult<T> {
        let mut con = match self.idle() {
            Some(con) => con,
            None => self.connect()?,
        };
        let out = command(&mut con)?;
        let mut pool = crate::budget::lock(&self.pool);
        if pool.pid == crate::process::id() && pool.idle.len() < POOL_MAX {
            pool.idle.push(con);
        }
        Ok(out)
    }

    /// An idle connection of this process, after abandoning those made before a fork.
    fn idle(&self) -> Option<Connection> {
        let mut pool = crate::budget::lock(&self.pool);
        let pid = crate::process::id();
        if pool.pid != pid {
            // The parent's sockets: dropping them is harmless for it, but a library that sends
            // a goodbye on drop would speak on the parent's connection, so they are leaked.
            for con in pool.idle.drain(..) {
                std::mem::forget(con);
            }
            pool.pid = pid;
        }
        pool.idle.pop()
    }

    fn connect(&self) -> RedisResult<Connection> {
        let con = self.client.get_connection_with_timeout(CONNECT_TIMEOUT)?;
        con.set_read_timeout(Some(IO_TIMEOUT))?;
        con.set_write_timeout(Some(IO_TIMEOUT))?;
        Ok(con)
    }
}

/// `redis://host:port/db` without user name and password (`***@` in their place); a text that
/// is not a URL (`memory`) as it is.
pub(crate) fn shown(url: &str) -> String {
    match url.split_once("://") {
        Some((scheme, rest)) => match rest.rfind('@') {
            Some(at) => format!("{scheme}://***{}", &rest[at..]),
            None => url.to_string(),
        },
        None => url.to_string(),
    }
}

/// What went wrong with a Redis command, in words without the server's address or credentials.
pub(crate) fn describe_failure(e: &redis::RedisError) -> &'static str {
    if e.is_timeout() {
        "no answer in time"
    } else if e.is_connection_refusal() {
        "connection refused"
    } else if e.is_io_error() || e.is_connection_dropped() {
        "connection lost"
    } else {
        "the server refused the command"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_checked_and_shown_without_credentials() {
        let link = RedisLink::open("redis://:pa55word@10.0.0.7:6380/2").unwrap();
        assert_eq!(link.shown(), "redis://***@10.0.0.7:6380/2");
        assert_eq!(
            RedisLink::open("redis://cache:6379/0").unwrap().shown(),
            "redis://cache:6379/0"
        );
        assert!(RedisLink::open("redis://host:notaport/0")
            .unwrap_err()
            .contains("redis://"));
    }

    #[test]
    fn an_unreachable_server_is_an_error_within_the_timeout() {
        // Port 1 on loopback refuses at once.
        let link = RedisLink::open("redis://127.0.0.1:1/0").unwrap();
        assert!(link.run(|c| redis::cmd("PING").query::<String>(c)).is_err());
    }
}
