//! Where blocking work runs: the blocking pool of napi's Tokio runtime.
//!
//! Node's own pool (libuv, 4 threads by default) also serves `fs`, `dns.lookup`, `crypto` and
//! `zlib`; parking slow HTTP calls there would stall them. The Tokio blocking pool is the
//! library's own: it starts a thread per concurrent call when none is idle (up to 512) and lets
//! idle threads go after 10 s.

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

/// `work` (a step of `operation`) on the blocking pool, settling the promise this returns
/// straight from the worker: two thread hops a call (to the pool and back to the event loop),
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
    spawn_blocking(move || match phonecom::boundary::catch(work) {
        Ok(Ok(value)) => deferred.resolve(move |_| Ok(value)),
        Ok(Err(e)) => deferred.reject(to_js(&e)),
        Err(panic) => deferred.reject(internal(&panic, &operation)),
    });
    Ok(promise)
}
