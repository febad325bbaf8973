//! Blocking work that Ctrl-C can interrupt.
//!
//! Python runs signal handlers (SIGINT's raises `KeyboardInterrupt`) only on the main thread, and
//! only between bytecodes: a main thread blocked in a network call would hear Ctrl-C only once
//! the call ended. So on the main thread the work runs on a worker thread while the main thread
//! waits, detached from the interpreter, and runs the signal handlers every [`POLL`]. A handler
//! that raises ends the wait at once; the work itself goes on to its end in the background (a
//! request already on the wire cannot be unsent, and the deadline bounds it), so its connection
//! goes back to the pool only after a complete response, or is closed, never half-read. On any
//! other thread the work runs right there, detached.
//!
//! The hand-over costs two wake-ups of a sleeping thread per call, which on a virtual machine
//! took about a third of a call to a nearby upstream; so while the waits stay short (under
//! [`SPIN`]) each side polls for the other before it sleeps: the main thread for the outcome, the
//! worker for the next call (bench/README.md, "Stop 13: Python").
//!
//! ```ignore
//! let task = Task::start(py, move || client.call_with(&name, params, &opts));
//! match task.wait(py) {
//!     Ok(Ok(done)) => ...,              // the work's own result
//!     Ok(Err(panic)) => ...,            // it panicked (kept off stderr; see `phonecom::boundary`)
//!     Err((interrupt, rest)) => ...,    // a signal handler raised; `rest` is the work still running
//! }
//! ```

use phonecom::boundary::{catch, Panic};
use pyo3::prelude::*;
use std::cell::Cell;
use std::sync::mpsc::{channel, sync_channel, Receiver, RecvTimeoutError, Sender, TryRecvError};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// How often a waiting main thread runs the signal handlers.
const POLL: Duration = Duration::from_millis(50);

/// How long a thread handing work over polls for its answer (yielding its core between looks)
/// before it sleeps, while the waits are short: the main thread for a call's outcome, a worker
/// for the main thread's next call. Waking a sleeping thread costs a scheduler round trip (tens
/// of µs on a virtual machine: bench/README.md, "Stop 13: Python"), twice per call, which is
/// a large share of a call to a nearby upstream. A wait longer than this (a slow upstream, a
/// pause between calls) makes the next one sleep at once, so a slow call polls for nothing.
pub(crate) const SPIN: Duration = Duration::from_micros(500);

/// A unit of work: runs behind the panic boundary, sends its outcome back.
pub enum Task<T> {
    /// Finished (the work ran on this thread).
    Done(Result<T, Panic>),
    /// Running on a worker.
    Running(Receiver<Result<T, Panic>>),
}

impl<T: Send + 'static> Task<T> {
    /// Start `work`: on a worker when called on the main thread, else here and now, detached.
    pub fn start(py: Python<'_>, work: impl FnOnce() -> T + Send + 'static) -> Task<T> {
        if !on_main_thread(py) {
            return Task::Done(py.detach(|| catch(work)));
        }
        let (tx, rx) = sync_channel(1);
        let job = Box::new(move || {
            // The waiter may be gone (interrupted, and the task dropped): nothing to do then.
            let _ = tx.send(catch(work));
        });
        if let Err(job) = workers::submit(job, SPIN) {
            // No thread could be started: run it here (Ctrl-C then waits for the end).
            py.detach(job);
        }
        Task::Running(rx)
    }

    /// The outcome of the work, or the error a signal handler raised while waiting for it,
    /// with the task, still running.
    #[allow(clippy::type_complexity)]
    pub fn wait(self, py: Python<'_>) -> Result<Result<T, Panic>, (PyErr, Task<T>)> {
        let mut rx = match self {
            Task::Done(outcome) => return Ok(outcome),
            Task::Running(rx) => rx,
        };
        let started = Instant::now();
        let mut spin = if MAIN_POLLS.with(Cell::get) {
            SPIN
        } else {
            Duration::ZERO
        };
        loop {
            let (back, got) = py.detach(move || {
                let got = recv_polling(&rx, spin, POLL);
                (rx, got)
            });
            spin = Duration::ZERO;
            MAIN_POLLS.with(|c| c.set(started.elapsed() <= SPIN));
            rx = back;
            match got {
                Ok(outcome) => return Ok(outcome),
                Err(RecvTimeoutError::Timeout) => {
                    if let Err(e) = py.check_signals() {
                        return Err((e, Task::Running(rx)));
                    }
                }
                // The job runs behind the boundary and always sends before it drops the sender.
                Err(RecvTimeoutError::Disconnected) => return Ok(Err(Panic::default())),
            }
        }
    }
}

/// The next message of `rx`: polled (yielding the core between looks) for up to `spin`, then
/// waited for, asleep, for up to `then`. A sender finding nobody asleep wakes nobody.
pub(crate) fn recv_polling<T>(
    rx: &Receiver<T>,
    spin: Duration,
    then: Duration,
) -> Result<T, RecvTimeoutError> {
    let started = Instant::now();
    loop {
        match rx.try_recv() {
            Ok(v) => return Ok(v),
            Err(TryRecvError::Disconnected) => return Err(RecvTimeoutError::Disconnected),
            Err(TryRecvError::Empty) if started.elapsed() >= spin => return rx.recv_timeout(then),
            Err(TryRecvError::Empty) => std::thread::yield_now(),
        }
    }
}

thread_local! {
    /// Whether the main thread's last wait for an outcome was short enough to poll the next.
    static MAIN_POLLS: Cell<bool> = const { Cell::new(true) };
    /// Whether this thread is Python's main thread (asked once per thread).
    static IS_MAIN: Cell<Option<bool>> = const { Cell::new(None) };
}

fn on_main_thread(py: Python<'_>) -> bool {
    if let Some(known) = IS_MAIN.with(Cell::get) {
        return known;
    }
    let ask = || -> PyResult<bool> {
        let threading = py.import("threading")?;
        let main = threading.call_method0("main_thread")?;
        Ok(main.is(&threading.call_method0("current_thread")?))
    };
    let is_main = ask().unwrap_or(false);
    IS_MAIN.with(|c| c.set(Some(is_main)));
    is_main
}

/// The worker threads: started on demand, reused, gone after [`workers::IDLE_FOR`] idle. Only
/// the main thread hands them work, so there is usually one, plus one per interrupted call
/// still running.
pub(crate) mod workers {
    use super::*;

    type Job = Box<dyn FnOnce() + Send>;

    /// How long an idle worker waits for the next job before it exits.
    pub const IDLE_FOR: Duration = Duration::from_secs(30);

    /// A job, and how long its worker may poll for the next one after it ([`SPIN`] for the main
    /// thread's calls, made one after the other; none for async jobs).
    type Queued = (Job, Duration);

    /// Idle workers of the process whose id is kept with them, each with an id and its job
    /// channel. Jobs are sent with this lock held, so a worker that removed itself under the
    /// lock knows no job can come after.
    static IDLE: Mutex<Idle> = Mutex::new(Idle {
        pid: 0,
        workers: Vec::new(),
    });
    static NEXT_ID: Mutex<u64> = Mutex::new(0);

    struct Idle {
        pid: u32,
        workers: Vec<(u64, Sender<Queued>)>,
    }

    /// The idle workers of this process. A process forked from one that had workers inherits
    /// their channels but not their threads (`fork` copies only the calling thread): a job sent
    /// there would wait forever, so the child forgets them (without dropping: their other ends
    /// belong to threads that do not exist here) and starts its own.
    fn idle() -> std::sync::MutexGuard<'static, Idle> {
        let mut idle = IDLE.lock().unwrap_or_else(PoisonError::into_inner);
        let pid = phonecom::process::id();
        if idle.pid != pid {
            std::mem::forget(std::mem::take(&mut idle.workers));
            idle.pid = pid;
        }
        idle
    }

    /// Whether this process is the one `pid` names (a forked child is not).
    pub fn same_process(pid: u32) -> bool {
        phonecom::process::id() == pid
    }

    /// Run `job` on an idle worker, or on a new one, which then polls for its next job for
    /// `then_poll` before it sleeps; gives the job back when no thread can start.
    pub fn submit(job: Job, then_poll: Duration) -> Result<(), Job> {
        let mut queued = (job, then_poll);
        {
            let mut idle = idle();
            while let Some((_, tx)) = idle.workers.pop() {
                match tx.send(queued) {
                    Ok(()) => return Ok(()),
                    Err(back) => queued = back.0,
                }
            }
        }
        let id = {
            let mut next = NEXT_ID.lock().unwrap_or_else(PoisonError::into_inner);
            *next += 1;
            *next
        };
        let (tx, rx) = channel();
        let own = tx.clone();
        match std::thread::Builder::new()
            .name("phonecom-call".into())
            .spawn(move || work(id, own, rx))
        {
            // The new worker holds the receiver, so the send cannot fail.
            Ok(_) => tx.send(queued).map_err(|back| back.0 .0),
            Err(_) => Err(queued.0),
        }
    }

    fn work(id: u64, tx: Sender<Queued>, rx: Receiver<Queued>) {
        let (mut spin, mut short_gap) = (Duration::ZERO, true);
        loop {
            let started = Instant::now();
            let got = recv_polling(&rx, if short_gap { spin } else { Duration::ZERO }, IDLE_FOR);
            short_gap = started.elapsed() <= SPIN;
            let (job, then_poll) = match got {
                Ok(queued) => queued,
                Err(_) => {
                    idle().workers.retain(|(other, _)| *other != id);
                    // A job sent before we left the list is already in the channel.
                    match rx.try_recv() {
                        Ok(queued) => queued,
                        Err(_) => return,
                    }
                }
            };
            job();
            idle().workers.push((id, tx.clone()));
            spin = then_poll;
        }
    }
}
