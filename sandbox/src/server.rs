//! The TCP listener: one thread accepting, one thread per connection, keep-alive.

use crate::app::{App, Outcome};
use crate::http::{parse, write};
use std::io::{self, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

/// How often idle connection threads look at the stop flag.
const POLL: Duration = Duration::from_millis(200);

/// A running listener; [`Server::stop`] (or drop) ends it.
pub struct Server {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    /// Serves `app` on `listener` in background threads.
    pub fn start(listener: TcpListener, app: Arc<App>) -> io::Result<Server> {
        let addr = listener.local_addr()?;
        let stop = Arc::new(AtomicBool::new(false));
        let flag = stop.clone();
        let thread = std::thread::Builder::new()
            .name("sandbox-accept".into())
            .spawn(move || accept_loop(listener, app, flag))?;
        Ok(Server {
            addr,
            stop,
            thread: Some(thread),
        })
    }

    /// The bound address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Stops accepting; open connections end within 200 ms once idle.
    pub fn stop(&mut self) {
        if self.stop.swap(true, Ordering::SeqCst) {
            return;
        }
        // Wake the blocking accept().
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1));
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

fn accept_loop(listener: TcpListener, app: Arc<App>, stop: Arc<AtomicBool>) {
    for conn in listener.incoming() {
        if stop.load(Ordering::SeqCst) {
            return;
        }
        let Ok(stream) = conn else { continue };
        let (app, stop) = (app.clone(), stop.clone());
        let spawned = std::thread::Builder::new()
            .name("sandbox-conn".into())
            .spawn(move || {
                let _ = serve_connection(stream, &app, &stop);
            });
        if spawned.is_err() {
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

/// A reader that waits through read timeouts until the stop flag is set.
struct StopAware {
    stream: TcpStream,
    stop: Arc<AtomicBool>,
}

impl Read for StopAware {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            match self.stream.read(buf) {
                Err(e)
                    if matches!(
                        e.kind(),
                        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                    ) =>
                {
                    if self.stop.load(Ordering::SeqCst) {
                        return Err(e);
                    }
                }
                other => return other,
            }
        }
    }
}

fn serve_connection(mut stream: TcpStream, app: &App, stop: &Arc<AtomicBool>) -> io::Result<()> {
    stream.set_nodelay(true)?;
    stream.set_read_timeout(Some(POLL))?;
    let peer = stream
        .peer_addr()
        .map(|a| a.ip().to_string())
        .unwrap_or_default();
    let mut reader = BufReader::new(StopAware {
        stream: stream.try_clone()?,
        stop: stop.clone(),
    });
    loop {
        let mut req = match parse::read_head(&mut reader) {
            Ok(Some(r)) => r,
            Ok(None) => return Ok(()),
            Err(e) => return reject(&mut stream, e),
        };
        req.remote_ip = peer.clone();
        if req
            .header("expect")
            .is_some_and(|v| v.eq_ignore_ascii_case("100-continue"))
        {
            stream.write_all(b"HTTP/1.1 100 Continue\r\n\r\n")?;
        }
        if let Err(e) = parse::read_body(&mut reader, &mut req) {
            return reject(&mut stream, e);
        }
        let close = req.wants_close();
        let head_only = req.method == "HEAD";
        match app.dispatch(&req) {
            Outcome::Respond(resp) => write::write_response(&mut stream, &resp, close, head_only)?,
            Outcome::Truncated(resp) => {
                write::write_truncated(&mut stream, &resp)?;
                return stream.shutdown(Shutdown::Both);
            }
            Outcome::Close => return reset(&stream),
        }
        if close {
            return stream.shutdown(Shutdown::Both);
        }
    }
}

/// Ends the connection with a TCP RST, as a crashed upstream or a middlebox does: SO_LINGER with a
/// zero timeout, then the close when `serve_connection` returns and drops both handles of the
/// socket. The client sees "connection reset by peer", not an orderly end of stream. Where the
/// option cannot be set (not Unix), it falls back to an orderly shutdown.
fn reset(stream: &TcpStream) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::fd::AsRawFd;
        let linger = libc::linger {
            l_onoff: 1,
            l_linger: 0,
        };
        // SAFETY: the descriptor belongs to `stream`, which is open for the whole call, and the
        // option value is a properly sized `linger` that lives on the stack until the call returns.
        let rc = unsafe {
            libc::setsockopt(
                stream.as_raw_fd(),
                libc::SOL_SOCKET,
                libc::SO_LINGER,
                (&linger as *const libc::linger).cast(),
                std::mem::size_of::<libc::linger>() as libc::socklen_t,
            )
        };
        if rc == 0 {
            return Ok(());
        }
    }
    stream.shutdown(Shutdown::Both)
}

/// Answers an unparseable request with 400 and closes.
fn reject(stream: &mut TcpStream, e: io::Error) -> io::Result<()> {
    if e.kind() == io::ErrorKind::InvalidData {
        let resp = crate::errors::error(400, &format!("Bad Request: {e}"))
            .with_header("X-Request-Id", "sbx-unparsed");
        let _ = write::write_response(stream, &resp, true, false);
    }
    let _ = stream.shutdown(Shutdown::Both);
    Ok(())
}
