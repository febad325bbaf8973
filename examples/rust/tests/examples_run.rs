//! The examples are part of the test suite: each runs against the sandbox it starts.

use std::process::Command;

/// Run an example binary (without `PHONECOM_CONFIG`, so it starts its own sandbox); check that
/// it succeeds and prints every step; return its output.
fn run(exe: &str, steps: &[&str]) -> String {
    let out = Command::new(exe)
        .env_remove("PHONECOM_CONFIG")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "stdout:\n{stdout}\nstderr:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut from = 0;
    for step in steps {
        let at = stdout[from..]
            .find(step)
            .unwrap_or_else(|| panic!("missing `{step}` (in order) in:\n{stdout}"));
        from += at + step.len();
    }
    stdout
}

#[test]
fn signup_flow_runs_every_step() {
    run(
        env!("CARGO_BIN_EXE_signup-flow"),
        &[
            "step 0: sandbox listening on http://127.0.0.1:",
            "step 1: created subaccount acme-12345",
            "step 2: got the user's token",
            "step 3:",
            "step 4: bought +1858",
            "done",
        ],
    );
}

#[test]
fn v1_menu_runs_every_step() {
    let out = run(
        env!("CARGO_BIN_EXE_v1-menu"),
        &[
            "step 0: sandbox listening on http://127.0.0.1:",
            "step 1: created route Sales (",
            "step 2: created route Support (",
            "step 3: uploaded greeting main-menu.wav (16044 bytes, 1 s) as ",
            "step 4: created menu \"Main menu\" (",
            "step 5: read back \"Main menu\": greeting ",
            "extension dialing on, wait 5 s",
            "press 1: Sales",
            "press 2: Support",
            "done",
        ],
    );
    assert!(!out.contains("sbx_v1"), "no credential is printed");
}

#[test]
fn nol_onboarding_runs_every_step() {
    let out = run(
        env!("CARGO_BIN_EXE_nol-onboarding"),
        &[
            "step 0: sandbox listening on http://127.0.0.1:",
            "step 1: signed up account ",
            "with key nol_",
            "step 2: sent a one-time code to +14155550142 by SMS",
            "step 3: +14155550142 is bound to the account",
            "step 4: staged the business profile \"Acme Plumbing\" (state draft)",
            "step 5: uploaded the logo (67 bytes, image/png) at http://127.0.0.1:",
            "step 6: checkout for $29.00: open http://127.0.0.1:",
            "/_sandbox/nol/checkout/",
            "step 7: verified after 1 status read(s): trust grade A (static badge), live risk ",
            "public listing \"Acme Plumbing\" (handle acme-plumbing",
            "done",
        ],
    );
    // The key is shown once to the program, never printed whole.
    let key_line = out.lines().find(|l| l.starts_with("step 1")).unwrap();
    let prefix = key_line.split("with key ").nth(1).unwrap();
    assert!(
        prefix.starts_with("nol_") && prefix.find('…') == Some(12),
        "{key_line}"
    );
}
