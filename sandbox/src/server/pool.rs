//! A bounded pool of worker threads. Threads are started only when work is waiting and none is
//! idle, never more than the bound, and leave after [`IDLE_EXIT`] without work, so an idle
//! sandbox holds few threads and a busy one never more than it was given.
//!
//! ```
//! use phonecom_sandbox::server::pool::Pool;
//! use std::sync::mpsc;
//!
//! let (tx, rx) = mpsc::channel();
//! let tx = std::sync::Mutex::new(tx);
//! let pool = Pool::new(2, move |n: u32| {
//!     let _ = tx.lock().unwrap().send(n * 2);
//! });
//! pool.submit(21);
//! assert_eq!(rx.recv().unwrap(), 42);
//! assert!(pool.threads() <= 2);
//! pool.close();
//! ```

use crate::state::lock;
use std::collections::VecDeque;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

/// How long a worker waits for work before its thread ends.
pub const IDLE_EXIT: Duration = Duration::from_secs(30);

struct State<J> {
    queue: VecDeque<J>,
    idle: usize,
    threads: usize,
    closed: bool,
}

struct Inner<J> {
    state: Mutex<State<J>>,
    ready: Condvar,
    max: usize,
    work: Box<dyn Fn(J) + Send + Sync>,
}

/// Runs jobs of type `J` on at most `max` threads.
pub struct Pool<J: Send + 'static> {
    inner: Arc<Inner<J>>,
}

impl<J: Send + 'static> Pool<J> {
    /// A pool that runs `work` on each submitted job, on at most `max` threads (at least 1).
    pub fn new(max: usize, work: impl Fn(J) + Send + Sync + 'static) -> Pool<J> {
        let inner = Inner {
            state: Mutex::new(State {
                queue: VecDeque::new(),
                idle: 0,
                threads: 0,
                closed: false,
            }),
            ready: Condvar::new(),
            max: max.max(1),
            work: Box::new(work),
        };
        Pool {
            inner: Arc::new(inner),
        }
    }

    /// Queues `job`; starts a thread for it if every running one is busy and the bound allows.
    pub fn submit(&self, job: J) {
        let mut st = lock(&self.inner.state);
        st.queue.push_back(job);
        if st.queue.len() > st.idle && st.threads < self.inner.max {
            st.threads += 1;
            let inner = self.inner.clone();
            let spawned = std::thread::Builder::new()
                .name("sandbox-worker".into())
                .spawn(move || work_loop(&inner));
            if spawned.is_err() {
                // The job waits for a running thread, or for the next submit to try again.
                st.threads -= 1;
            }
        }
        drop(st);
        self.inner.ready.notify_one();
    }

    /// Threads running now (busy or idle).
    pub fn threads(&self) -> usize {
        lock(&self.inner.state).threads
    }

    /// Lets every thread end once the queued jobs are done.
    pub fn close(&self) {
        lock(&self.inner.state).closed = true;
        self.inner.ready.notify_all();
    }
}

fn work_loop<J>(inner: &Inner<J>) {
    let mut st = lock(&inner.state);
    loop {
        if let Some(job) = st.queue.pop_front() {
            drop(st);
            (inner.work)(job);
            st = lock(&inner.state);
            continue;
        }
        if st.closed {
            break;
        }
        st.idle += 1;
        let (guard, waited) = inner
            .ready
            .wait_timeout(st, IDLE_EXIT)
            .unwrap_or_else(|e| e.into_inner());
        st = guard;
        st.idle -= 1;
        if waited.timed_out() && st.queue.is_empty() {
            break;
        }
    }
    st.threads -= 1;
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::mpsc;

    #[test]
    fn never_more_threads_than_the_bound() {
        let (tx, rx) = mpsc::channel::<()>();
        let gate = Arc::new(Mutex::new(()));
        let held = lock(&gate);
        let running = Arc::new(AtomicUsize::new(0));
        let peak = Arc::new(AtomicUsize::new(0));
        let tx = Mutex::new(tx);
        let (g, r, p) = (gate.clone(), running.clone(), peak.clone());
        let pool = Pool::new(3, move |_: u32| {
            let now = r.fetch_add(1, Ordering::SeqCst) + 1;
            p.fetch_max(now, Ordering::SeqCst);
            drop(lock(&g));
            r.fetch_sub(1, Ordering::SeqCst);
            let _ = lock(&tx).send(());
        });
        for n in 0..20 {
            pool.submit(n);
        }
        assert!(pool.threads() <= 3);
        drop(held);
        for _ in 0..20 {
            rx.recv().unwrap();
        }
        assert!(peak.load(Ordering::SeqCst) <= 3);
        pool.close();
    }
}
