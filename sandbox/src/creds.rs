//! The sandbox's credentials, derived from the seed, and the client config line built from them.

use crate::rng::Rng;
use serde_json::{json, Value};

/// The master (partner) account every sandbox starts with.
pub const MASTER_ACCOUNT_ID: u64 = 1_000_001;
/// The redirect URI the Express Sign-Up OAuth client is registered with.
pub const REDIRECT_URI: &str = "https://express.phone.com";
/// The XML API user name.
pub const XML_USERNAME: &str = "sandbox";

/// Every secret the sandbox accepts. Same seed, same credentials.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credentials {
    /// v4 master token (`sbx_v4_` + 32 hex): acts on the master account and its subaccounts.
    pub v4_token: String,
    /// The master account's own login name and password (internal; not in the config).
    pub master_username: String,
    /// See `master_username`.
    pub master_password: String,
    /// The Express Sign-Up OAuth client id (a UUID).
    pub oauth_client_id: String,
    /// XML API password (`sbx_xml_` + 20 hex); the user name is [`XML_USERNAME`].
    pub xml_password: String,
    /// REST v1 API key (`sbx_v1_` + 24 hex).
    pub v1_api_key: String,
    /// REST v1 password (`sbx_v1pw_` + 20 hex).
    pub v1_password: String,
    /// numbers.online API key (`nol_sbx_` + 32 hex).
    pub nol_api_key: String,
}

impl Credentials {
    /// The credentials of the sandbox started with `seed`.
    pub fn from_seed(seed: u64) -> Credentials {
        let mut r = Rng::derive(seed, "credentials");
        Credentials {
            v4_token: format!("sbx_v4_{}", r.hex(32)),
            master_username: "sandbox-partner".to_string(),
            master_password: format!("sbx_pw_{}", r.hex(20)),
            oauth_client_id: r.uuid(),
            xml_password: format!("sbx_xml_{}", r.hex(20)),
            v1_api_key: format!("sbx_v1_{}", r.hex(24)),
            v1_password: format!("sbx_v1pw_{}", r.hex(20)),
            nol_api_key: format!("nol_sbx_{}", r.hex(32)),
        }
    }

    /// Every secret value here (tokens, passwords, API keys; not the user name or the OAuth
    /// client id), for scrubbing them out of the request log and the dashboard.
    pub fn secrets(&self) -> Vec<String> {
        vec![
            self.v4_token.clone(),
            self.master_password.clone(),
            self.xml_password.clone(),
            self.v1_api_key.clone(),
            self.v1_password.clone(),
            self.nol_api_key.clone(),
        ]
    }

    /// The client config JSON for a sandbox reachable at `base` (`http://127.0.0.1:PORT`).
    pub fn config(&self, base: &str) -> Value {
        json!({
            "environment": "sandbox",
            "v4": {"base_url": format!("{base}/v4"), "token": self.v4_token, "account_id": MASTER_ACCOUNT_ID},
            "oauth": {"base_url": format!("{base}/oauth"), "client_id": self.oauth_client_id, "redirect_uri": REDIRECT_URI},
            "xml": {"base_url": format!("{base}/special/xmlapi"), "username": XML_USERNAME, "password": self.xml_password},
            "v1": {"base_url": format!("{base}/v1"), "api_key": self.v1_api_key, "password": self.v1_password},
            "nol": {"base_url": base, "api_key": self.nol_api_key},
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Credentials;

    #[test]
    fn deterministic_per_seed() {
        assert_eq!(Credentials::from_seed(3), Credentials::from_seed(3));
        assert_ne!(
            Credentials::from_seed(3).v4_token,
            Credentials::from_seed(4).v4_token
        );
        let c = Credentials::from_seed(3).config("http://127.0.0.1:1");
        assert_eq!(c["v4"]["base_url"], "http://127.0.0.1:1/v4");
        assert!(c["nol"]["api_key"].as_str().unwrap().starts_with("nol_"));
    }
}
