//! Every input that once made a fuzz target panic (`fuzz/regressions/<target>/*`) replayed
//! through the same function the target runs (`fuzz_harness`); none may panic. Skips when the
//! folder is missing (a copy of the crate without the repository's `fuzz/`).
//!
//! `cargo test -p phonecom --test fuzz_regressions -- --ignored write_seed_corpus` writes the
//! seed corpus to `fuzz/corpus/` (`fuzz/seeds.sh` runs it).

mod fuzz_harness;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz")
}

/// Every file under `dir/<target>/`, with its target's name.
fn inputs(dir: &Path) -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    for target in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let name = target.file_name().to_string_lossy().into_owned();
        for file in std::fs::read_dir(target.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            out.push((name.clone(), file.path()));
        }
    }
    out.sort();
    out
}

#[test]
fn regression_inputs_run_without_panicking() {
    let dir = fuzz_dir().join("regressions");
    if !dir.is_dir() {
        eprintln!("skipped: {} is missing", dir.display());
        return;
    }
    let inputs = inputs(&dir);
    let mut panicked = Vec::new();
    for (name, path) in &inputs {
        let target = fuzz_harness::target(name)
            .unwrap_or_else(|| panic!("fuzz/regressions/{name} names no fuzz target"));
        let data = std::fs::read(path).expect("regression input is readable");
        if catch_unwind(AssertUnwindSafe(|| (target.run)(&data))).is_err() {
            panicked.push(path.display().to_string());
        }
    }
    assert!(
        panicked.is_empty(),
        "{} of {} regression inputs panicked: {panicked:#?}",
        panicked.len(),
        inputs.len()
    );
}

#[test]
fn every_target_has_seeds_and_they_run_without_panicking() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let out = std::env::temp_dir().join(format!("phonecom-fuzz-seeds-{}", std::process::id()));
    let written = fuzz_harness::seeds::write_corpus(&fixtures, &out).expect("seeds are written");
    let seeds: Vec<(String, Vec<u8>)> = inputs(&out)
        .into_iter()
        .map(|(name, path)| (name, std::fs::read(path).expect("seed is readable")))
        .collect();
    std::fs::remove_dir_all(&out).ok();
    assert_eq!(seeds.len(), written);
    for t in fuzz_harness::TARGETS {
        assert!(
            seeds.iter().any(|(n, _)| n == t.name),
            "target {} has no seeds",
            t.name
        );
    }
    for (name, data) in &seeds {
        let target = fuzz_harness::target(name).expect("seeds are written per target");
        (target.run)(data);
    }
}

/// Writes the seed corpus of every target to `fuzz/corpus/<target>/` (run by `fuzz/seeds.sh`).
#[test]
#[ignore = "writes fuzz/corpus; run by fuzz/seeds.sh"]
fn write_seed_corpus() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let n = fuzz_harness::seeds::write_corpus(&fixtures, &fuzz_dir().join("corpus"))
        .expect("seeds are written");
    println!("wrote {n} seeds to fuzz/corpus");
}
