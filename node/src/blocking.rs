//! Where blocking work runs: the library's own worker threads ([`workers`]) for calls, the
//! blocking pool of napi's Tokio runtime for the paging walk's `async` steps ([`run`]).
//!
//! Node's own pool (libuv, 4 threads by default) also serves `fs`, `dns.lookup`, `crypto` and
//! `zlib`; parking slow HTTP calls there would stall them. Both pools here are the library's
//! own: a thread per concurrent call when none is idle, idle threads gone after 10 s.
//!
//! A call hands its work to a worker, and the worker hands the result back to the event loop:
//! two wake-ups of a sleeping thread per call. On a virtual machine (an idle vCPU halts) each
//! costs a scheduler round trip that, for calls made one after the other to a nearby upstream,
//! took about 40% of a call's wall time. So while calls come quickly, neither side sleeps: a
//! worker that has just finished a call polls for the next ([`workers`]), and the event loop
//! polls for the result of the one call in flight ([`event_loop`]), each yielding its core
//! between looks and each for at most [`workers::SPIN`]. Either alone gained little; both
//! together took a sequential call from 0.55 to 0.85 × raw ureq for about 35% more CPU per call
//! (bench/README.md, "Stop 14: Node, sequential"). An idle process polls for nothing.

use crate::errors::{internal, to_js};
use napi::bindgen_prelude::{spawn_blocking, Object, ToNapiValue};
use napi::Env;

/// Run `work` (a step of `operation`) on the blocking pool, behind the panic boundary; its
/// `phonecom::Error`, or a panic, becomes the native error the JS layer turns into a
/// `PhoneComError`.
pub(crate) async fn run<T, F>(operation: String, work: F) -> napi::Result<T>
where
    T: Send + 'static,
    F: FnOnce() -> phonecom::Result<T> + Send + 'static,
{
    match spawn_blocking(move || phonecom::boundary::catch(work)).await {
        Ok(Ok(Ok(value))) => Ok(value),
        Ok(Ok(Err(e))) => Err(to_js(&e)),
        Ok(Err(panic)) => Err(internal(&panic, &operation)),
        // The work runs behind the boundary, so only a cancelled runtime gets here.
        Err(join) => Err(napi::Error::from_reason(format!(
            "phonecom: the worker thread of this call failed: {join}"
        ))),
    }
}

/// `work` (a step of `operation`) on a [`workers`] thread, settling the promise this returns
/// straight from the worker: two thread hops a call (to the worker and back to the event loop),
/// where an `async fn` over [`run`] takes four (through a Tokio worker each way). Errors and
/// panics become native errors as in [`run`].
pub(crate) fn promise<'env, T, F>(
    env: &'env Env,
    operation: String,
    work: F,
) -> napi::Result<Object<'env>>
where
    T: ToNapiValue + Send + 'static,
    F: FnOnce() -> phonecom::Result<T> + Send + 'static,
{
    let (deferred, promise) = env.create_deferred()?;
    let started = event_loop::call_started(env);
    let job = Box::new(move || {
        let outcome = phonecom::boundary::catch(work);
        event_loop::call_ended(started);
        match outcome {
            Ok(Ok(value)) => deferred.resolve(move |_| Ok(value)),
            Ok(Err(e)) => deferred.reject(to_js(&e)),
            Err(panic) => deferred.reject(internal(&panic, &operation)),
        }
    });
    if let Err(job) = workers::submit(job) {
        // At the cap, or no thread could be started: Tokio's blocking pool runs or queues it.
        spawn_blocking(job);
    }
    Ok(promise)
}

/// The worker threads: started on demand (one per call in flight when none is idle), reused,
/// gone after [`workers::IDLE_FOR`] idle. A job goes to the worker that is polling, if one is,
/// else to the one that went idle last. At most one worker polls at a time, and only within
/// [`workers::SPIN`] of its last job, and only when that job came within [`workers::SPIN`] of
/// the one before: an idle process holds no core, and a slow caller polls for nothing.
pub(crate) mod workers {
    use std::sync::mpsc::{channel, Receiver, Sender, TryRecvError};
    use std::sync::{Mutex, MutexGuard, PoisonError};
    use std::time::{Duration, Instant};

    /// A unit of work; it runs behind the panic boundary and settles its own promise.
    pub type Job = Box<dyn FnOnce() + Send>;

    /// How long a worker that has just finished a job polls for the next before it sleeps.
    pub const SPIN: Duration = Duration::from_micros(500);

    /// How long an idle worker waits for a job before it exits (as Tokio's blocking pool).
    pub const IDLE_FOR: Duration = Duration::from_secs(10);

    /// At most this many workers (Tokio's blocking pool's cap); past it, jobs go to that pool.
    const MAX_THREADS: usize = 512;

    struct Idle {
        /// Idle workers, each with its id and its job channel; the last went idle last.
        workers: Vec<(u64, Sender<Job>)>,
        /// The idle worker polling its channel, if one is.
        polling: Option<u64>,
        next_id: u64,
        /// Workers alive.
        threads: usize,
    }

    /// Jobs are sent with this lock held, so a worker that took itself off the list under the
    /// lock knows no job can come after.
    static IDLE: Mutex<Idle> = Mutex::new(Idle {
        workers: Vec::new(),
        polling: None,
        next_id: 0,
        threads: 0,
    });

    fn idle() -> MutexGuard<'static, Idle> {
        IDLE.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Run `job` on the polling worker, else on the worker idle last, else on a new one; gives
    /// the job back at [`MAX_THREADS`] or when no thread can start.
    pub fn submit(job: Job) -> Result<(), Job> {
        let mut job = job;
        let id = {
            let mut idle = idle();
            if let Some(polling) = idle.polling.take() {
                if let Some(at) = idle.workers.iter().position(|(id, _)| *id == polling) {
                    let (_, tx) = idle.workers.remove(at);
                    match tx.send(job) {
                        Ok(()) => return Ok(()),
                        Err(back) => job = back.0,
                    }
                }
            }
            while let Some((_, tx)) = idle.workers.pop() {
                match tx.send(job) {
                    Ok(()) => return Ok(()),
                    Err(back) => job = back.0,
                }
            }
            if idle.threads >= MAX_THREADS {
                return Err(job);
            }
            idle.threads += 1;
            idle.next_id += 1;
            idle.next_id
        };
        let (tx, rx) = channel();
        let own = tx.clone();
        match std::thread::Builder::new()
            .name("phonecom-call".into())
            .spawn(move || work(id, own, rx))
        {
            // The new worker holds the receiver, so the send cannot fail.
            Ok(_) => tx.send(job).map_err(|back| back.0),
            Err(_) => {
                idle().threads -= 1;
                Err(job)
            }
        }
    }

    fn work(id: u64, tx: Sender<Job>, rx: Receiver<Job>) {
        // The first job is already in the channel (or on its way: `submit` sends it next).
        let mut next = rx.recv_timeout(IDLE_FOR).ok();
        if next.is_none() {
            idle().threads -= 1;
            return;
        }
        // Whether the job just run came within SPIN of the one before (a new worker's first
        // did: it was started for it).
        let mut short_gap = true;
        while let Some(job) = next.take() {
            job();
            let idle_since = Instant::now();
            let polls = {
                let mut idle = idle();
                idle.workers.push((id, tx.clone()));
                let polls = short_gap && idle.polling.is_none();
                if polls {
                    idle.polling = Some(id);
                }
                polls
            };
            if polls {
                // A job for this worker took it off `polling`; none: leave it.
                next = poll(&rx, idle_since);
                if next.is_none() {
                    let mut idle = idle();
                    if idle.polling == Some(id) {
                        idle.polling = None;
                    }
                }
            }
            if next.is_none() {
                next = match rx.recv_timeout(IDLE_FOR) {
                    Ok(job) => Some(job),
                    Err(_) => {
                        let mut idle = idle();
                        idle.workers.retain(|(other, _)| *other != id);
                        // A job sent before we left the list is already in the channel.
                        let last = rx.try_recv().ok();
                        if last.is_none() {
                            idle.threads -= 1;
                        }
                        last
                    }
                };
            }
            short_gap = idle_since.elapsed() <= SPIN;
        }
    }

    /// The next job of `rx`, polled for (yielding the core between looks) until [`SPIN`] after
    /// `since`; `None` when none came.
    fn poll(rx: &Receiver<Job>, since: Instant) -> Option<Job> {
        loop {
            match rx.try_recv() {
                Ok(job) => return Some(job),
                Err(TryRecvError::Disconnected) => return None,
                Err(TryRecvError::Empty) if since.elapsed() >= SPIN => return None,
                Err(TryRecvError::Empty) => std::thread::yield_now(),
            }
        }
    }
}

/// The event loop's side of the way back. A result reaches the loop through `uv_async_send`,
/// which wakes the loop thread if it sleeps in `epoll_wait`. While exactly one call is in flight
/// (calls made one after the other) and for at most [`workers::SPIN`] after it started, a libuv
/// idle handle keeps the loop from sleeping: each turn of the loop runs every callback as usual,
/// yields the core, and polls for events with a zero timeout, so a quick result finds the thread
/// awake. The loop is never blocked (a timer, a socket, another promise run as before); what it
/// costs is the loop thread's CPU for that window. It polls only while the calls stay that quick (the
/// last one ended within the window), and never with more than one call in flight, when the
/// loop has other work and the cores are needed by the calls themselves.
pub(crate) mod event_loop {
    use std::time::Instant;

    #[cfg(unix)]
    pub use self::uv::{call_ended, call_started};

    /// Elsewhere (Windows: the addon does not link against Node's libuv) the loop sleeps.
    #[cfg(not(unix))]
    pub fn call_started(_env: &napi::Env) -> Instant {
        Instant::now()
    }

    #[cfg(not(unix))]
    pub fn call_ended(_started: Instant) {}

    #[cfg(unix)]
    mod uv {
        use super::super::workers::SPIN;
        use super::Instant;
        use napi::Env;
        use std::alloc::{alloc_zeroed, dealloc, Layout};
        use std::cell::Cell;
        use std::ffi::c_void;
        use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

        /// Calls handed to a worker and not finished yet, across the process's JS threads.
        static IN_FLIGHT: AtomicUsize = AtomicUsize::new(0);
        /// Whether the last call to finish took at most [`SPIN`].
        static LAST_QUICK: AtomicBool = AtomicBool::new(true);

        /// `UV_IDLE` of libuv's `uv_handle_type`.
        const UV_IDLE: i32 = 6;

        // Node exports libuv's API to addons (`napi_get_uv_event_loop` hands out its loop);
        // the symbols resolve against the node binary when the addon is loaded.
        extern "C" {
            fn uv_handle_size(kind: i32) -> usize;
            fn uv_idle_init(event_loop: *mut c_void, handle: *mut c_void) -> i32;
            fn uv_idle_start(handle: *mut c_void, cb: extern "C" fn(*mut c_void)) -> i32;
            fn uv_idle_stop(handle: *mut c_void) -> i32;
            fn uv_unref(handle: *mut c_void);
            fn uv_close(handle: *mut c_void, cb: extern "C" fn(*mut c_void));
        }

        thread_local! {
            /// This JS thread's idle handle (null: none yet, or closed with its environment).
            static HANDLE: Cell<*mut c_void> = const { Cell::new(std::ptr::null_mut()) };
            /// Whether it is started.
            static ACTIVE: Cell<bool> = const { Cell::new(false) };
            /// When the call the loop polls for started.
            static SINCE: Cell<Option<Instant>> = const { Cell::new(None) };
        }

        /// On the JS thread, as a call is handed to a worker; returns when it started.
        pub fn call_started(env: &Env) -> Instant {
            let now = Instant::now();
            let alone = IN_FLIGHT.fetch_add(1, Ordering::AcqRel) == 0;
            if !alone || !LAST_QUICK.load(Ordering::Relaxed) {
                return now;
            }
            let Some(handle) = handle(env) else {
                return now;
            };
            SINCE.with(|s| s.set(Some(now)));
            // SAFETY: an open idle handle of this thread's loop, started on this thread.
            if !ACTIVE.with(Cell::get) && unsafe { uv_idle_start(handle, on_idle) } == 0 {
                ACTIVE.with(|a| a.set(true));
            }
            now
        }

        /// On the worker, as the work of a call that started at `started` ends (before its
        /// promise is settled).
        pub fn call_ended(started: Instant) {
            LAST_QUICK.store(started.elapsed() <= SPIN, Ordering::Relaxed);
            IN_FLIGHT.fetch_sub(1, Ordering::AcqRel);
        }

        /// Each turn of the loop while started: stop once the call is done, another is in
        /// flight, or the window has passed.
        extern "C" fn on_idle(handle: *mut c_void) {
            let keep = IN_FLIGHT.load(Ordering::Acquire) == 1
                && SINCE.with(Cell::get).is_some_and(|t| t.elapsed() < SPIN);
            if keep {
                // The core goes to whoever needs it (the worker woken by the upstream's answer,
                // the upstream itself on the same machine) before the loop polls again.
                std::thread::yield_now();
            } else {
                // SAFETY: the handle this callback runs for, on its loop's thread.
                unsafe { uv_idle_stop(handle) };
                ACTIVE.with(|a| a.set(false));
            }
        }

        fn layout() -> Option<Layout> {
            // SAFETY: a pure query of libuv.
            Layout::from_size_align(unsafe { uv_handle_size(UV_IDLE) }, 16).ok()
        }

        /// This thread's idle handle, made on first use: unreferenced (it never keeps the
        /// process alive), closed by an environment cleanup hook (a worker thread's loop must
        /// have no open handle when it ends).
        fn handle(env: &Env) -> Option<*mut c_void> {
            let known = HANDLE.with(Cell::get);
            if !known.is_null() {
                return Some(known);
            }
            let event_loop = env.get_uv_event_loop().ok()?.cast::<c_void>();
            let layout = layout()?;
            // SAFETY: memory of libuv's size for an idle handle, initialised on this thread's
            // loop; freed in `on_closed` once libuv is done with it.
            let handle = unsafe {
                let memory = alloc_zeroed(layout).cast::<c_void>();
                if memory.is_null() {
                    return None;
                }
                if uv_idle_init(event_loop, memory) != 0 {
                    dealloc(memory.cast(), layout);
                    return None;
                }
                uv_unref(memory);
                memory
            };
            HANDLE.with(|h| h.set(handle));
            let closed = env.add_env_cleanup_hook((), |()| {
                let handle = HANDLE.with(|h| h.replace(std::ptr::null_mut()));
                ACTIVE.with(|a| a.set(false));
                if !handle.is_null() {
                    // SAFETY: this thread's open handle, closed once (`HANDLE` is now null).
                    unsafe { uv_close(handle, on_closed) };
                }
            });
            if closed.is_err() {
                // No hook: do not leave a handle open behind the environment.
                HANDLE.with(|h| h.set(std::ptr::null_mut()));
                // SAFETY: as in the hook.
                unsafe { uv_close(handle, on_closed) };
                return None;
            }
            Some(handle)
        }

        extern "C" fn on_closed(handle: *mut c_void) {
            if let Some(layout) = layout() {
                // SAFETY: allocated in `handle` with this layout; libuv is done with it.
                unsafe { dealloc(handle.cast(), layout) };
            }
        }
    }
}
