//! The fuzz targets' shared harness: the same functions the ordinary tests replay the committed
//! regression inputs with (`core/tests/fuzz_regressions.rs`), included from core's tests.

#[path = "../../core/tests/fuzz_harness/mod.rs"]
mod harness;

/// Run the target called `name` on `data` (a panic is the finding).
pub fn run(name: &str, data: &[u8]) {
    let target = harness::target(name).expect("every fuzz target is in the harness's TARGETS");
    (target.run)(data)
}

/// The names of every target, in the harness's order.
pub fn names() -> impl Iterator<Item = &'static str> {
    harness::TARGETS.iter().map(|t| t.name)
}
