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

#[test]
fn callcontrol_handler_answers_the_sandboxs_calls() {
    let out = run(
        env!("CARGO_BIN_EXE_callcontrol-handler"),
        &[
            "step 0: sandbox listening on http://127.0.0.1:",
            "step 1: call-control endpoint listening on http://127.0.0.1:",
            "/phonecom/calls",
            // Press 1: forwarded to Sales with a voice tag.
            "step 2: call sbx",
            "from +16195550199 (Jane Doe) to +18585550100, caller presses 1",
            "request 1 (GET): new call -> play-and-get-digits,Main Menu,D",
            "request 2 (GET): digits `1` -> simple-forward-voicetag,\"Sales call\",18585550101",
            "request 3 (GET): completed after 35 s -> (nothing)",
            "outcome: connected to +18585550101 after 35 s",
            // An invalid digit replays the menu; Support does not answer; the answering service does.
            "step 3: call sbx",
            "request 1 (POST): new call -> play-and-get-digits,Main Menu,D",
            "request 2 (POST): digits `7` -> play-and-get-digits,Invalid Option,D",
            "request 3 (POST): digits `2` -> multiple-forward-voicetag,\"Support call\",18585550102,18585550103",
            "Phone.com: no-answer; asking for the next command",
            "request 4 (POST): not answered -> simple-forward,18585550199ww2",
            "outcome: connected to +18585550199 after 60 s",
            // The operator is misconfigured as an extension: refused, reported, ended.
            "step 4: call sbx",
            "request 2 (GET): digits `0` -> HTTP 500: [validation] callcontrol.simple-forward: `number` must be an E.164 number",
            "request 3 (GET): error `the partner URL answered HTTP 500",
            "outcome: error after 5 s",
            "done",
        ],
    );
    assert_eq!(out.matches("step ").count(), 5);
}

#[test]
fn xml_numbers_runs_every_step() {
    let out = run(
        env!("CARGO_BIN_EXE_xml-numbers"),
        &[
            "step 0: sandbox listening on http://127.0.0.1:",
            "step 1: 5 numbers for state CA, pattern 1858*******:",
            "  +1858",
            "step 2: reserved +1858",
            "(clTRID lpc",
            "step 3: added +1858",
            "the account now has 4 numbers",
            "step 4: calls to +1858",
            "ring +16195550101 and +16195550102 at once for 30 s",
            "step 5: texted +16195550101 from +1858",
            "done",
        ],
    );
    assert!(!out.contains("sbx_xml"), "no credential is printed");
    // The number found first is the one reserved, added, configured and texted from.
    let first = out
        .lines()
        .nth(2)
        .and_then(|l| l.split_whitespace().next())
        .unwrap()
        .to_string();
    for step in ["step 2: reserved ", "step 3: added ", "step 4: calls to "] {
        assert!(
            out.contains(&format!("{step}{first}")),
            "{step}{first} in:\n{out}"
        );
    }
}

#[test]
fn list_walk_reports_progress_after_each_page() {
    run(
        env!("CARGO_BIN_EXE_list-walk"),
        &[
            "step 1: every available number, 500 a page",
            "  fetched 1 page, 500 of ",
            "  fetched 2 pages, 1000 of ",
            "rows (100%)",
            "step 1: ",
            "step 2: every call of Q1 2024 from the XML API, 400 a page",
            "  fetched 1 page, 400 rows",
            "  fetched 4 pages, 1500 rows",
            "step 2: 1500 calls",
            "done",
        ],
    );
}
