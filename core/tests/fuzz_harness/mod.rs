//! What each fuzz target does with its input, shared by the fuzz targets (`fuzz/`, which
//! includes this folder by path) and the ordinary tests that replay the inputs that once failed
//! (`core/tests/fuzz_regressions.rs`). Every function takes raw bytes and must return without
//! panicking, whatever the bytes; errors are the expected outcome of most inputs.
//!
//! Inputs that name an operation start with a line `OPERATION [STATUS]`: a catalog name (an
//! unknown one picks an operation by its hash, so every input reaches some operation and the
//! committed inputs stay readable).
#![allow(dead_code)]

mod calls;
mod decoders;
mod local;
pub mod seeds;

use phonecom::catalog::Operation;
use phonecom::{Client, Config, Error, Secret};
use std::sync::OnceLock;

/// One fuzz target: its name (the file name under `fuzz/fuzz_targets/` and the folder under
/// `fuzz/regressions/`) and the function it runs.
pub struct Target {
    pub name: &'static str,
    pub run: fn(&[u8]),
}

/// Every target.
pub const TARGETS: &[Target] = &[
    Target {
        name: "xml_response",
        run: decoders::xml_response,
    },
    Target {
        name: "wire_response",
        run: decoders::wire_response,
    },
    Target {
        name: "callcontrol_request",
        run: local::callcontrol_request,
    },
    Target {
        name: "callcontrol_command",
        run: local::callcontrol_command,
    },
    Target {
        name: "types",
        run: local::types,
    },
    Target {
        name: "uploads",
        run: local::uploads,
    },
    Target {
        name: "masking",
        run: local::masking,
    },
    Target {
        name: "config_json",
        run: calls::config_json,
    },
    Target {
        name: "config_env",
        run: calls::config_env,
    },
    Target {
        name: "validate",
        run: calls::validate,
    },
];

/// The target called `name`.
pub fn target(name: &str) -> Option<&'static Target> {
    TARGETS.iter().find(|t| t.name == name)
}

/// A client with credentials for every family (never used to send anything), derived afresh
/// for each input so that secrets a response teaches it do not carry over to the next input.
fn client() -> Client {
    static BASE: OnceLock<Client> = OnceLock::new();
    BASE.get_or_init(|| {
        let config = Config::from_json(
            r#"{"v4": {"token": "sbx_v4_fuzz_token", "account_id": 1234},
                "xml": {"username": "fuzzuser", "password": "fuzz-xml-password"},
                "v1": {"api_key": "fuzz-v1-key", "password": "fuzz-v1-password"},
                "nol": {"api_key": "nol_fuzz_api_key"}}"#,
        )
        .expect("the fuzz config parses");
        Client::new(config).expect("the fuzz client builds")
    })
    .with_v4_token(Secret::new("sbx_v4_fuzz_token"), None)
    .unwrap()
}

/// The first line of `data` (without its line break) and the rest, as text.
fn split_first_line(data: &[u8]) -> (String, &[u8]) {
    let (head, rest) = match data.iter().position(|&b| b == b'\n') {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[][..]),
    };
    let head = String::from_utf8_lossy(head);
    (head.trim_end_matches('\r').to_string(), rest)
}

/// The operation `name` names, else one picked by its hash among those `keep` accepts.
fn operation(name: &str, keep: impl Fn(&Operation) -> bool) -> &'static Operation {
    let catalog = phonecom::catalog();
    if let Some(op) = catalog.get(name).filter(|op| keep(op)) {
        return op;
    }
    let ops: Vec<&Operation> = catalog.iter().filter(|op| keep(op)).collect();
    let hash = name.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    ops[(hash % ops.len() as u64) as usize]
}

/// Everything an error shows a caller: its message, Debug form and JSON form.
fn show(e: &Error) {
    let _ = e.to_string();
    let _ = format!("{e:?}");
    let _ = e.to_json().to_string();
}
