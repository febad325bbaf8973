//! Node bindings of libphonecom (napi-rs): conversion only.
//!
//! The JavaScript package (`index.js`, `lib/`) wraps these exports: it builds the typed
//! namespaces from the catalog, turns native failures into `PhoneComError`s and JSON text into
//! objects. Values cross the boundary as JSON text (`JSON.stringify` drops `undefined` and calls
//! `toJSON`, as users expect; `JSON.parse` is the fastest way to build the result objects).
//!
//! Every network call runs on the library's own threads (`blocking`: its worker threads, or
//! for the paging walk the blocking threads of napi's Tokio runtime, grown on demand), never on
//! the event loop and never on libuv's thread pool, so file system and DNS work keep their
//! threads while calls wait.
//!
//! ```js
//! const { Client } = require('phonecom');
//! const client = new Client({ v4: { token: process.env.TOKEN, account_id: 1234 } });
//! const numbers = await client.v4.listAvailablePhoneNumbers({ filters: { npa: 'eq:858' }, limit: 10 });
//! ```

// napi-derive registers the exports only outside `cfg(test)`; the test build sees them unused.
#![cfg_attr(test, allow(dead_code))]

mod blocking;
mod callcontrol;
mod client;
mod errors;
mod helpers;
mod pages;

/// Every Rust allocation of the addon (the core's decoded result, its JSON text, the exchange)
/// goes to mimalloc rather than glibc's malloc: with calls spread over the pool's threads and
/// their results freed on the main thread, glibc's malloc (arena locks, fastbin consolidation)
/// took a quarter of the CPU of a call at 16 in flight (bench/README.md, "Stop 13: Node").
/// Node's and V8's own allocations are not affected.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
