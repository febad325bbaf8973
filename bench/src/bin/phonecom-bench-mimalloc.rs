//! `phonecom-bench` on mimalloc: the same clients (`raw`, `core`, `decode`, the same arguments),
//! with the allocator every shipped artifact uses (the Python module, the Node addon and
//! libphonecom's release build), where `phonecom-bench` keeps the Rust default (glibc's malloc),
//! as a plain Rust program of the core crate would. `bench/run.sh` runs its `decode` beside the
//! other one: the XML decoder as the bindings run it.
//!
//! ```text
//! phonecom-bench-mimalloc decode --file calls.xml --calls N
//! ```

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "../main.rs"]
mod bench_clients;

fn main() {
    bench_clients::main()
}
