//! The reactor: one thread that accepts connections and reads request heads for all of them
//! without blocking, so a connection costs a worker thread only while its request is handled.
//! A slow or silent client (slowloris) holds a socket and a small buffer, never a thread, and
//! meets the header timeout.
//!
//! Each connection waits in one stage; the stage's timeout (idle, header, body) closes it:
//!
//! | stage | waits for | on timeout |
//! |---|---|---|
//! | idle | the first byte of the next request | closed silently |
//! | head | the end of the request head | 408, then closed |
//! | body | a `Content-Length` body of at most [`INLINE_BODY`] bytes | 408, then closed |
//! | drain | the client to close after an answer that ends the connection | closed |
//!
//! A complete request goes to the worker pool; the worker hands the connection back for the
//! next request. When [`Limits::max_connections`] are open, a new connection closes the one
//! that has waited longest (one being drained, then an unfinished request, then an idle one);
//! if every open connection is at a worker, the new one is answered 503.

use super::conn::{self, After, Job};
use super::poll::{self, Waker};
use super::pool::Pool;
use super::Limits;
use crate::app::App;
use crate::http::parse::{self, Framing};
use crate::http::{write, Request};
use std::io::{self, Read};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Largest `Content-Length` body the reactor collects itself; a larger one (or a chunked one,
/// or one behind `Expect: 100-continue`) is read by the worker, within the body timeout.
pub const INLINE_BODY: usize = 64 * 1024;
/// How long a connection is drained after an answer that ends it.
const LINGER: Duration = Duration::from_secs(2);
/// The longest wait between two looks at every connection's timeout.
const TICK: Duration = Duration::from_millis(500);
/// Most bytes held for a connection that has not finished its head and small body.
const HOLD: usize = parse::MAX_HEAD + INLINE_BODY + 1;

enum Stage {
    Idle,
    Head,
    Body { req: Box<Request>, len: usize },
    Drain,
}

struct Conn {
    stream: TcpStream,
    peer: String,
    buf: Vec<u8>,
    stage: Stage,
    /// When the current stage began.
    since: Instant,
    /// Bytes arrived since the buffer was last parsed.
    fresh: bool,
    /// The client closed its side (or the socket failed).
    eof: bool,
}

enum Step {
    Keep(Conn),
    Dispatch(Job),
    Close,
}

impl Conn {
    fn new(stream: TcpStream, peer: String, leftover: Vec<u8>, now: Instant) -> Conn {
        let stage = match leftover.is_empty() {
            true => Stage::Idle,
            false => Stage::Head,
        };
        Conn {
            stream,
            peer,
            fresh: !leftover.is_empty(),
            buf: leftover,
            stage,
            since: now,
            eof: false,
        }
    }

    fn limit(&self, limits: &Limits) -> Duration {
        match self.stage {
            Stage::Idle => limits.idle_timeout,
            Stage::Head => limits.header_timeout,
            Stage::Body { .. } => limits.body_timeout,
            Stage::Drain => LINGER,
        }
    }

    /// Which connection to close first when full: drained, then unfinished, then idle; oldest
    /// first within each.
    fn eviction_rank(&self) -> (u8, Instant) {
        let rank = match self.stage {
            Stage::Drain => 0,
            Stage::Head | Stage::Body { .. } => 1,
            Stage::Idle => 2,
        };
        (rank, self.since)
    }

    /// Reads what the socket has (non-blocking), up to [`HOLD`] bytes; drained input is dropped.
    fn read_available(&mut self, now: Instant) {
        let mut chunk = [0u8; 16 * 1024];
        loop {
            let draining = matches!(self.stage, Stage::Drain);
            let room = match draining {
                true => chunk.len(),
                false => HOLD.saturating_sub(self.buf.len()).min(chunk.len()),
            };
            if room == 0 {
                return;
            }
            match (&self.stream).read(&mut chunk[..room]) {
                Ok(0) => {
                    self.eof = true;
                    return;
                }
                Ok(_) if draining => {}
                Ok(n) => {
                    self.buf.extend_from_slice(&chunk[..n]);
                    self.fresh = true;
                    if matches!(self.stage, Stage::Idle) {
                        (self.stage, self.since) = (Stage::Head, now);
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => return,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(_) => {
                    self.eof = true;
                    return;
                }
            }
        }
    }

    /// Moves the connection on as far as its bytes and the clock allow.
    fn step(mut self, limits: &Limits, now: Instant) -> Step {
        if matches!(self.stage, Stage::Head) && std::mem::take(&mut self.fresh) {
            match parse::parse_head(&self.buf) {
                Ok(Some((mut req, used))) => {
                    self.buf.drain(..used);
                    req.remote_ip = self.peer.clone();
                    match inline_body(&req) {
                        Some(len) => {
                            let req = Box::new(req);
                            (self.stage, self.since) = (Stage::Body { req, len }, now);
                        }
                        None => return self.dispatch(req, false),
                    }
                }
                Ok(None) if self.buf.iter().all(|b| matches!(b, b'\r' | b'\n')) => {
                    // Blank lines before a request are ignored (RFC 9112 §2.2).
                    self.buf.clear();
                    self.stage = Stage::Idle;
                }
                Ok(None) => {}
                Err(e) => return self.refuse(&e, now),
            }
        }
        if let Stage::Body { len, .. } = self.stage {
            if self.buf.len() >= len {
                let Stage::Body { mut req, .. } = std::mem::replace(&mut self.stage, Stage::Idle)
                else {
                    return Step::Close;
                };
                let rest = self.buf.split_off(len);
                req.body = std::mem::replace(&mut self.buf, rest);
                return self.dispatch(*req, true);
            }
        }
        let late = now.duration_since(self.since) >= self.limit(limits);
        match self.stage {
            _ if self.eof => Step::Close,
            Stage::Idle | Stage::Drain if late => Step::Close,
            Stage::Head if late => self.refuse(
                &parse::refuse(408, "the request head did not arrive in time"),
                now,
            ),
            Stage::Body { .. } if late => self.refuse(
                &parse::refuse(408, "the request body did not arrive in time"),
                now,
            ),
            _ => Step::Keep(self),
        }
    }

    fn dispatch(self, req: Request, body_read: bool) -> Step {
        Step::Dispatch(Job {
            stream: self.stream,
            req,
            body_read,
            leftover: self.buf,
        })
    }

    /// Answers a refused request as far as the socket takes it now, half-closes, and drains.
    fn refuse(mut self, e: &io::Error, now: Instant) -> Step {
        if let Some(resp) = conn::refusal_response(e) {
            let _ = write::write_response(&mut &self.stream, &resp, true, false);
        }
        let _ = self.stream.shutdown(Shutdown::Write);
        self.buf = Vec::new();
        (self.stage, self.since) = (Stage::Drain, now);
        Step::Keep(self)
    }
}

/// The length of a body the reactor should collect itself, if `req` has one.
fn inline_body(req: &Request) -> Option<usize> {
    let continues = req
        .header("expect")
        .is_some_and(|v| v.eq_ignore_ascii_case("100-continue"));
    match parse::framing(req) {
        Ok(Framing::Length(n)) if n <= INLINE_BODY && !continues => Some(n),
        _ => None,
    }
}

/// The accepting, head-reading thread and what it owns.
pub struct Reactor {
    listener: TcpListener,
    limits: Limits,
    stop: Arc<AtomicBool>,
    waker: Arc<Waker>,
    back: Receiver<(After, String)>,
    pool: Pool<Job>,
    conns: Vec<Conn>,
    /// Connections at the workers.
    out: usize,
    /// Accepting pauses until then after a failed accept (e.g. out of file descriptors).
    accept_pause: Option<Instant>,
}

impl Reactor {
    /// A reactor for `listener`, handing requests to at most `limits.max_workers` threads that
    /// run them through `app`.
    pub fn new(
        listener: TcpListener,
        app: Arc<App>,
        limits: Limits,
        stop: Arc<AtomicBool>,
        waker: Arc<Waker>,
    ) -> io::Result<Reactor> {
        listener.set_nonblocking(true)?;
        let (tx, back) = mpsc::channel();
        let (wake, halt, lim) = (waker.clone(), stop.clone(), limits.clone());
        let pool = Pool::new(limits.max_workers, move |job: Job| {
            let peer = job.req.remote_ip.clone();
            let after = conn::serve(job, &app, &lim, &halt);
            if tx.send((after, peer)).is_ok() {
                wake.wake();
            }
        });
        Ok(Reactor {
            listener,
            limits,
            stop,
            waker,
            back,
            pool,
            conns: Vec::new(),
            out: 0,
            accept_pause: None,
        })
    }

    /// Serves until the stop flag is set (and the waker woken).
    pub fn run(mut self) {
        while !self.stop.load(Ordering::SeqCst) {
            self.take_back(Instant::now());
            let now = Instant::now();
            let listening = self.accept_pause.is_none_or(|t| now >= t);
            let mut handles = vec![self.waker.handle()];
            if listening {
                handles.push(poll::handle(&self.listener));
            }
            handles.extend(self.conns.iter().map(|c| poll::handle(&c.stream)));
            let ready = poll::wait(&handles, self.timeout(now));
            let now = Instant::now();
            if ready[0] {
                self.waker.drain();
            }
            let first = handles.len() - self.conns.len();
            for (c, _) in self
                .conns
                .iter_mut()
                .zip(&ready[first..])
                .filter(|(_, r)| **r)
            {
                c.read_available(now);
            }
            if listening && ready[1] {
                self.accept_all(now);
            }
            self.advance(now);
        }
        self.pool.close();
    }

    /// Until the nearest stage timeout, at most [`TICK`]; no wait when bytes are unparsed.
    fn timeout(&self, now: Instant) -> Duration {
        self.conns
            .iter()
            .map(|c| match c.fresh {
                true => Duration::ZERO,
                false => (c.since + c.limit(&self.limits)).saturating_duration_since(now),
            })
            .fold(TICK, Duration::min)
    }

    fn take_back(&mut self, now: Instant) {
        while let Ok((after, peer)) = self.back.try_recv() {
            self.out = self.out.saturating_sub(1);
            let (stream, leftover, drain) = match after {
                After::KeepAlive { stream, leftover } => (stream, leftover, false),
                After::Drain(stream) => (stream, Vec::new(), true),
                After::Closed => continue,
            };
            if stream.set_nonblocking(true).is_err() {
                continue;
            }
            let mut c = Conn::new(stream, peer, leftover, now);
            if drain {
                c.stage = Stage::Drain;
            }
            self.conns.push(c);
        }
    }

    fn accept_all(&mut self, now: Instant) {
        loop {
            match self.listener.accept() {
                Ok((stream, addr)) => {
                    if stream.set_nonblocking(true).is_err() {
                        continue;
                    }
                    let _ = stream.set_nodelay(true);
                    if self.conns.len() + self.out >= self.limits.max_connections && !self.evict() {
                        refuse_full(&stream);
                        continue;
                    }
                    let peer = addr.ip().to_string();
                    self.conns.push(Conn::new(stream, peer, Vec::new(), now));
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => return,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) if e.kind() == io::ErrorKind::ConnectionAborted => {}
                Err(_) => {
                    self.accept_pause = Some(now + Duration::from_millis(50));
                    return;
                }
            }
        }
    }

    /// Closes the connection that should go first; false when the reactor holds none.
    fn evict(&mut self) -> bool {
        let victim = (0..self.conns.len()).min_by_key(|&i| self.conns[i].eviction_rank());
        victim.map(|i| self.conns.swap_remove(i)).is_some()
    }

    fn advance(&mut self, now: Instant) {
        for c in std::mem::take(&mut self.conns) {
            match c.step(&self.limits, now) {
                Step::Keep(c) => self.conns.push(c),
                Step::Dispatch(job) => {
                    self.out += 1;
                    self.pool.submit(job);
                }
                Step::Close => {}
            }
        }
    }
}

/// 503 to a connection beyond the bound while every open one is being served.
fn refuse_full(stream: &TcpStream) {
    let resp = crate::errors::error(
        503,
        "Service Unavailable: the sandbox is at its connection limit",
    )
    .with_header("X-Request-Id", "sbx-unparsed");
    let _ = write::write_response(&mut &*stream, &resp, true, false);
}
