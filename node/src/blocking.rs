//! Where blocking work runs: the blocking pool of napi's Tokio runtime.
//!
//! Node's own pool (libuv, 4 threads by default) also serves `fs`, `dns.lookup`, `crypto` and
//! `zlib`; parking slow HTTP calls there would stall them. The Tokio blocking pool is the
//! library's own: it starts a thread per concurrent call when none is idle (up to 512) and lets
//! idle threads go after 10 s.

use crate::errors::to_js;
use napi::bindgen_prelude::spawn_blocking;

/// Run `work` on the blocking pool; its `phonecom::Error` becomes the native error the JS
/// layer turns into a `PhoneComError`.
pub(crate) async fn run<T, F>(work: F) -> napi::Result<T>
where
    T: Send + 'static,
    F: FnOnce() -> phonecom::Result<T> + Send + 'static,
{
    match spawn_blocking(work).await {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(e)) => Err(to_js(&e)),
        Err(join) => Err(napi::Error::from_reason(format!(
            "phonecom: the worker thread of this call failed: {join}"
        ))),
    }
}
