//! The `tls` section of the configuration: which certificate authorities the client trusts.
//!
//! By default the client trusts the public web's roots (Mozilla's list, built in, the same on
//! every machine). A network whose proxy re-signs TLS (a corporate proxy), or a private upstream
//! with its own CA, needs its CA trusted instead: name a PEM file (`ca_file`) or give the PEM text
//! (`ca_pem`). The certificates given **replace** the built-in roots, as curl's `--cacert`,
//! Python requests' `verify=` and Node's `ca` do: the client then trusts exactly what the file
//! holds. To trust a private CA and the public web at once, give a bundle holding both, e.g.
//! `cat /etc/ssl/certs/ca-certificates.crt corporate-ca.pem > bundle.pem`.
//!
//! The file is read and checked when the client is built, before anything is sent: a file that
//! cannot be read, holds no `CERTIFICATE` block, or holds one that is not an X.509 certificate
//! is refused with an error naming `tls.ca_file` (or `tls.ca_pem`) and the rule.
//!
//! ```
//! use phonecom::Config;
//! let cfg = Config::from_json(r#"{"tls": {"ca_file": "/nonexistent/ca.pem"}}"#).unwrap();
//! let e = phonecom::Client::new(cfg).unwrap_err();
//! assert!(e.to_string().contains("tls.ca_file"), "{e}");
//! ```

use crate::error::{Error, Result};
use serde::Deserialize;
use std::sync::Arc;
use ureq::tls::{Certificate, PemItem, RootCerts};

/// Trusted certificate authorities (at most one of the two fields; neither: the built-in roots).
#[derive(Clone, Default, Deserialize, PartialEq, Eq, Hash)]
#[serde(deny_unknown_fields, default)]
pub struct TlsConfig {
    /// Path of a PEM file of CA certificates to trust instead of the built-in roots
    /// (`PHONECOM_TLS_CA_FILE`).
    pub ca_file: Option<String>,
    /// The same certificates as PEM text, for a configuration kept in one document.
    pub ca_pem: Option<String>,
}

impl std::fmt::Debug for TlsConfig {
    /// The PEM text is public but long: `Debug` shows its size.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TlsConfig")
            .field("ca_file", &self.ca_file)
            .field(
                "ca_pem",
                &self.ca_pem.as_ref().map(|p| format!("<{} bytes>", p.len())),
            )
            .finish()
    }
}

/// The trust roots a configuration asks for, read and checked.
#[derive(Clone, Debug)]
pub(crate) struct TrustedRoots {
    /// What ureq is given.
    pub(crate) roots: RootCerts,
    /// The DER bytes of every certificate, concatenated (what the connection-pool registry keys
    /// on: a changed file gives a new pool); empty for the built-in roots.
    pub(crate) der: Vec<u8>,
}

impl TlsConfig {
    /// Read and check the configured CA certificates (the built-in roots when none is set).
    pub(crate) fn trusted_roots(&self) -> Result<TrustedRoots> {
        let (field, pem) = match (&self.ca_file, &self.ca_pem) {
            (None, None) => {
                return Ok(TrustedRoots {
                    roots: RootCerts::WebPki,
                    der: Vec::new(),
                })
            }
            (Some(_), Some(_)) => {
                return Err(field_error("tls", "set `ca_file` or `ca_pem`, not both"))
            }
            (Some(path), None) => {
                let bytes = std::fs::read(path).map_err(|e| {
                    field_error("tls.ca_file", &format!("could not be read ({path}: {e})"))
                })?;
                ("tls.ca_file", bytes)
            }
            (None, Some(text)) => ("tls.ca_pem", text.as_bytes().to_vec()),
        };
        let certs = certificates(&pem).map_err(|rule| field_error(field, &rule))?;
        let der = certs.iter().flat_map(|c| c.der().to_vec()).collect();
        Ok(TrustedRoots {
            roots: RootCerts::Specific(Arc::new(certs)),
            der,
        })
    }
}

/// Every `CERTIFICATE` block of `pem`, each checked to be an X.509 certificate a trust store
/// accepts (ureq would otherwise skip a bad one silently, and every call would then fail with an
/// unknown issuer).
fn certificates(pem: &[u8]) -> std::result::Result<Vec<Certificate<'static>>, String> {
    let mut certs = Vec::new();
    for (index, item) in ureq::tls::parse_pem(pem).enumerate() {
        match item {
            Ok(PemItem::Certificate(cert)) => {
                let der = rustls_pki_types::CertificateDer::from(cert.der());
                if let Err(e) = webpki::anchor_from_trusted_cert(&der) {
                    return Err(format!(
                        "holds a CERTIFICATE block (number {}) that is not an X.509 certificate ({e:?})",
                        certs.len() + 1
                    ));
                }
                certs.push(cert);
            }
            Ok(_) => {}
            Err(e) => return Err(format!("is not valid PEM (item {}: {e})", index + 1)),
        }
    }
    if certs.is_empty() {
        return Err(
            "must hold at least one PEM `-----BEGIN CERTIFICATE-----` block (none found)".into(),
        );
    }
    Ok(certs)
}

fn field_error(field: &str, rule: &str) -> Error {
    Error::validation("", field, rule).with_family("config")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    const CA_FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tls/ca.pem");

    fn refusal(tls: TlsConfig) -> String {
        let e = tls.trusted_roots().unwrap_err();
        assert_eq!(e.kind(), crate::ErrorKind::Validation);
        e.to_string()
    }

    #[test]
    fn no_setting_keeps_the_built_in_roots() {
        let roots = TlsConfig::default().trusted_roots().unwrap();
        assert!(matches!(roots.roots, RootCerts::WebPki));
        assert!(roots.der.is_empty());
    }

    #[test]
    fn a_ca_file_or_its_pem_text_replaces_the_roots_with_its_certificates() {
        let from_file = TlsConfig {
            ca_file: Some(CA_FILE.into()),
            ca_pem: None,
        };
        let from_text = TlsConfig {
            ca_file: None,
            ca_pem: Some(std::fs::read_to_string(CA_FILE).unwrap()),
        };
        for tls in [from_file, from_text] {
            let roots = tls.trusted_roots().unwrap();
            let RootCerts::Specific(certs) = &roots.roots else {
                panic!("expected the given certificates, got {:?}", roots.roots);
            };
            assert_eq!(certs.len(), 1);
            assert_eq!(roots.der, certs[0].der());
        }
    }

    #[test]
    fn unusable_files_are_refused_naming_the_field_and_the_rule() {
        let file = |path: &str| TlsConfig {
            ca_file: Some(path.into()),
            ca_pem: None,
        };
        let text = |pem: &str| TlsConfig {
            ca_file: None,
            ca_pem: Some(pem.into()),
        };
        let missing = refusal(file("/nonexistent/ca.pem"));
        assert!(
            missing.contains("`tls.ca_file` could not be read (/nonexistent/ca.pem"),
            "{missing}"
        );
        let not_pem = refusal(file(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml")));
        assert!(
            not_pem.contains("`tls.ca_file` must hold at least one PEM"),
            "{not_pem}"
        );
        let directory = refusal(file(env!("CARGO_MANIFEST_DIR")));
        assert!(
            directory.contains("`tls.ca_file` could not be read"),
            "{directory}"
        );
        // Valid PEM and base64, but the bytes are no certificate.
        let not_x509 = refusal(text(
            "-----BEGIN CERTIFICATE-----\naGVsbG8gd29ybGQ=\n-----END CERTIFICATE-----\n",
        ));
        assert!(not_x509.contains("`tls.ca_pem` holds a CERTIFICATE block (number 1) that is not an X.509 certificate"), "{not_x509}");
        let key_only = refusal(text(
            "-----BEGIN PRIVATE KEY-----\naGVsbG8gd29ybGQ=\n-----END PRIVATE KEY-----\n",
        ));
        assert!(key_only.contains("(none found)"), "{key_only}");
        let both = refusal(TlsConfig {
            ca_file: Some(CA_FILE.into()),
            ca_pem: Some("x".into()),
        });
        assert!(
            both.contains("`tls` set `ca_file` or `ca_pem`, not both"),
            "{both}"
        );
    }

    #[test]
    fn the_file_comes_from_the_environment_and_is_checked_when_the_client_is_built() {
        let config = Config::from_lookup(|k| {
            (k == "PHONECOM_TLS_CA_FILE").then(|| "/nonexistent/corp-ca.pem".to_string())
        })
        .unwrap();
        assert_eq!(
            config.tls.ca_file.as_deref(),
            Some("/nonexistent/corp-ca.pem")
        );
        let e = crate::Client::new(config).unwrap_err();
        assert_eq!(e.fields()[0].field, "tls.ca_file");
        let good = Config::from_json(&format!(r#"{{"tls": {{"ca_file": "{CA_FILE}"}}}}"#)).unwrap();
        crate::Client::new(good).unwrap();
    }

    #[test]
    fn debug_shows_the_size_of_the_pem_text_not_the_text() {
        let tls = TlsConfig {
            ca_file: None,
            ca_pem: Some("-----BEGIN CERTIFICATE-----".into()),
        };
        assert_eq!(
            format!("{tls:?}"),
            r#"TlsConfig { ca_file: None, ca_pem: Some("<27 bytes>") }"#
        );
    }
}
