//! The examples are part of the test suite: each runs against the sandbox it starts.

use std::process::Command;

#[test]
fn signup_flow_runs_every_step() {
    let out = Command::new(env!("CARGO_BIN_EXE_signup-flow"))
        .env_remove("PHONECOM_CONFIG")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "stdout:\n{stdout}\nstderr:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for step in [
        "step 1: created subaccount acme-12345",
        "step 2: got the user's token",
        "step 3:",
        "step 4: bought +1858",
        "done",
    ] {
        assert!(stdout.contains(step), "missing `{step}` in:\n{stdout}");
    }
}
