//! `PHONECOM_CONFIG`: the sandbox's printed config written to a file and named by the variable
//! configures a working client, with `PHONECOM_*` variables over it; with nothing configured, a
//! call says no credentials were configured and names the variables. The environment is passed
//! as a map through `Config::from_lookup` (what `Config::from_env` wraps), never set
//! process-wide.

mod common;

use phonecom::{Client, Config, ErrorKind};
use serde_json::json;
use std::collections::HashMap;

/// The sandbox's config line in a file of this test's own, removed when dropped.
struct ConfigFile(std::path::PathBuf);
impl Drop for ConfigFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn config_file(env: &common::Env, name: &str) -> ConfigFile {
    let path = std::env::temp_dir().join(format!("phonecom-it-{}-{name}.json", std::process::id()));
    std::fs::write(&path, env.sandbox.config().to_string()).unwrap();
    ConfigFile(path)
}

fn client_from(vars: &[(&str, String)]) -> phonecom::Result<Client> {
    let vars: HashMap<&str, String> = vars.iter().cloned().collect();
    Client::new(Config::from_lookup(|k| vars.get(k).cloned())?)
}

#[test]
fn phonecom_config_names_the_sandbox_config_file() {
    let env = common::start();
    let file = config_file(&env, "call");
    let path = file.0.display().to_string();
    let client = client_from(&[("PHONECOM_CONFIG", path.clone())]).unwrap();
    let account = client.call("v4.get-account", json!({})).unwrap();
    assert_eq!(account["id"].as_u64(), Some(env.account_id()));

    // A variable wins over the file: a wrong token is refused by the sandbox.
    let client = client_from(&[
        ("PHONECOM_CONFIG", path),
        ("PHONECOM_V4_TOKEN", "not-the-sandbox-token".into()),
    ])
    .unwrap();
    let e = client.call("v4.get-account", json!({})).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Authentication, "{e}");
    assert!(!e.to_string().contains("not-the-sandbox-token"), "{e}");
}

#[test]
fn with_nothing_configured_a_call_says_no_credentials_were_configured() {
    let client = client_from(&[]).unwrap();
    for name in [
        "v4.get-account",
        "v4.list-account-sms",
        "v1.calls.list",
        "nol.accountPhonesList",
    ] {
        let Err(e) = client.call(name, json!({})) else {
            panic!("{name} needs credentials");
        };
        let shown = e.to_string();
        assert_eq!(e.kind(), ErrorKind::Authentication, "{shown}");
        for var in [
            "no credentials were configured",
            "PHONECOM_CONFIG",
            "PHONECOM_V4_TOKEN",
            "PHONECOM_V4_ACCOUNT_ID",
            "PHONECOM_NOL_API_KEY",
        ] {
            assert!(shown.contains(var), "{name}: {shown}");
        }
    }
    // With credentials of another family, the family's own message stays precise.
    let client = client_from(&[("PHONECOM_NOL_API_KEY", "nol_key_1234".into())]).unwrap();
    let e = client.call("v4.list-account-sms", json!({})).unwrap_err();
    assert!(
        !e.to_string().contains("no credentials were configured"),
        "{e}"
    );
}
