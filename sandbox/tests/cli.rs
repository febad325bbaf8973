//! The binary's command line: `--help` is a success that lists every option; a bad argument is
//! a usage error (exit 2) that names it.

use std::process::Command;

fn sandbox(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_phonecom-sandbox"))
        .args(args)
        .output()
        .expect("the sandbox binary runs")
}

#[test]
fn help_exits_zero_and_lists_every_option() {
    for flag in ["--help", "-h"] {
        let out = sandbox(&[flag]);
        assert_eq!(out.status.code(), Some(0), "{flag}");
        let text = String::from_utf8(out.stdout).unwrap();
        for option in [
            "--port",
            "--seed",
            "--rate-limit",
            "--exit-on-eof",
            "--max-workers",
            "--max-connections",
            "--header-timeout",
            "--body-timeout",
            "--idle-timeout",
            "--quiet",
            "--log-format",
        ] {
            assert!(
                text.contains(option),
                "{flag} does not list {option}:\n{text}"
            );
        }
    }
}

#[test]
fn a_bad_argument_is_a_usage_error_naming_it() {
    let out = sandbox(&["--bogus"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("unknown argument `--bogus`"), "{err}");
    assert!(err.contains("usage: phonecom-sandbox"), "{err}");
    let out = sandbox(&["--max-workers", "0"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("--max-workers must be"));
}
