//! Configuration files and overrides: [`Config::from_file`](crate::Config::from_file) (every
//! binding's `from_file`), [`merge_overrides`] (a binding's overrides over a document), and
//! `PHONECOM_CONFIG`, a JSON configuration file under the other `PHONECOM_*` variables, with the
//! error a call gives when nothing at all was configured.
//!
//! `PHONECOM_CONFIG=sandbox.json` reads that file as [`Config::from_json`](crate::Config::from_json)
//! would; each `PHONECOM_*` variable that is set then overrides the same field. A value starting
//! with `{` is taken as the JSON text itself. An unreadable or malformed file is an error naming
//! `PHONECOM_CONFIG` (or, for `from_file`, "config file") and the path, never the file's values.
//!
//! ```
//! use phonecom::config_file::merge_overrides;
//! use serde_json::json;
//! let path = std::env::temp_dir().join(format!("phonecom-doc-{}.json", std::process::id()));
//! std::fs::write(&path, r#"{"v4": {"account_id": 7}, "timeouts": {"attempt_ms": 5000}}"#).unwrap();
//! let mut doc = phonecom::config_file::read_file(&path)?;
//! merge_overrides(&mut doc, json!({"timeouts": {"attempt_ms": 2000}, "v4": {"account_id": null}}));
//! let config = phonecom::Config::from_value(doc)?;
//! assert_eq!((config.timeouts.attempt_ms, config.v4.account_id), (2000, None));
//! assert_eq!(phonecom::Config::from_file(&path)?.v4.account_id, Some(7));
//! std::fs::remove_file(&path).unwrap();
//! # Ok::<(), phonecom::Error>(())
//! ```

use crate::config::Config;
use crate::error::{Error, ErrorKind, Result};
use serde_json::{Map, Value};
use std::path::Path;

/// The variable naming a JSON configuration file.
pub const CONFIG_VAR: &str = "PHONECOM_CONFIG";

/// The variables that carry credentials (named by the "no credentials" error).
pub(crate) const CREDENTIAL_VARS: &[&str] = &[
    "PHONECOM_V4_TOKEN",
    "PHONECOM_V4_ACCOUNT_ID",
    "PHONECOM_XML_USERNAME",
    "PHONECOM_XML_PASSWORD",
    "PHONECOM_V1_API_KEY",
    "PHONECOM_V1_PASSWORD",
    "PHONECOM_NOL_API_KEY",
];

/// The document `PHONECOM_CONFIG` names (an empty object when it is unset or empty).
pub(crate) fn base_document(lookup: &dyn Fn(&str) -> Option<String>) -> Result<Value> {
    let Some(value) = lookup(CONFIG_VAR).filter(|v| !v.trim().is_empty()) else {
        return Ok(Value::Object(Map::new()));
    };
    if value.trim_start().starts_with('{') {
        return parse_document(&format!("{CONFIG_VAR} (inline JSON)"), &value);
    }
    read_document(&format!("{CONFIG_VAR} file `{value}`"), Path::new(&value))
}

/// The configuration document in the JSON file at `path`, checked for unknown keys and wrong
/// types (the whole configuration is validated when it is built). An unreadable or malformed
/// file is a validation error naming the path and the problem, never the file's values.
pub fn read_file(path: impl AsRef<Path>) -> Result<Value> {
    let path = path.as_ref();
    read_document(&format!("config file `{}`", path.display()), path)
}

/// Merge `overrides` onto `base`: objects merge key by key, anything else replaces, and `null`
/// removes the key (back to its default). This is how every binding's overrides
/// (`Client(config, timeouts=...)` in Python) apply over a document or a file.
pub fn merge_overrides(base: &mut Value, overrides: Value) {
    match (base, overrides) {
        (Value::Object(b), Value::Object(o)) => {
            for (k, v) in o {
                if v.is_null() {
                    b.remove(&k);
                } else if let Some(slot) = b.get_mut(&k) {
                    merge_overrides(slot, v);
                } else {
                    b.insert(k, v);
                }
            }
        }
        (slot, v) => *slot = v,
    }
}

impl Config {
    /// The configuration in the JSON file at `path` (a document like the sandbox's config
    /// line), as [`Config::from_json`] reads it; errors name the path, never the file's values.
    pub fn from_file(path: impl AsRef<Path>) -> Result<Config> {
        Config::from_value(read_file(path)?)
    }
}

fn read_document(source: &str, path: &Path) -> Result<Value> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| file_error(source, &format!("could not be read ({})", io_reason(&e))))?;
    parse_document(source, &text)
}

fn parse_document(source: &str, text: &str) -> Result<Value> {
    let mut doc: Value = serde_json::from_str(text).map_err(|e| {
        file_error(
            source,
            &format!(
                "is not valid JSON (line {} column {})",
                e.line(),
                e.column()
            ),
        )
    })?;
    if !doc.is_object() {
        return Err(file_error(source, "must hold a JSON object"));
    }
    crate::config::rename_old_keys(&mut doc);
    // Catch unknown keys and wrong types here, where the file can be named; the merged
    // document is validated as a whole later.
    serde_json::from_value::<Config>(doc.clone()).map_err(|e| {
        file_error(
            source,
            &format!("is refused: {}", without_quoted_values(&e.to_string())),
        )
    })?;
    Ok(doc)
}

/// The error of a call that needed a credential when none was configured at all: it says so
/// and names the ways to configure one, then the problem the call met.
pub(crate) fn no_credentials(problem: &Error) -> Error {
    Error::new(
        ErrorKind::Authentication,
        format!(
            "no credentials were configured: set {CONFIG_VAR} to a JSON config file (e.g. the sandbox's config line), or the variables {}, or give the client a config document (the call said: {})",
            CREDENTIAL_VARS.join(", "),
            problem.message()
        ),
    )
}

fn file_error(source: &str, problem: &str) -> Error {
    Error::new(ErrorKind::Validation, format!("{source} {problem}")).with_family("config")
}

/// The reason of an I/O error without the OS's extra words.
fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::InvalidData => "not UTF-8 text".into(),
        _ => e.to_string(),
    }
}

/// A deserialisation message with its quoted values (which may be secrets in the wrong
/// field) replaced by `"…"`; field names are quoted with backticks and stay.
fn without_quoted_values(message: &str) -> String {
    let mut out = String::new();
    let mut parts = message.split('"');
    out.push_str(parts.next().unwrap_or(""));
    let mut inside = true;
    for part in parts {
        out.push_str(if inside { "\"…\"" } else { part });
        inside = !inside;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Config;
    use std::collections::HashMap;
    use std::path::PathBuf;

    /// A file of this test's own under the temp directory, removed when dropped.
    struct TempFile(PathBuf);
    impl TempFile {
        fn new(name: &str, text: &str) -> TempFile {
            let path = std::env::temp_dir().join(format!(
                "phonecom-config-{}-{name}.json",
                std::process::id()
            ));
            std::fs::write(&path, text).unwrap();
            TempFile(path)
        }
        fn path(&self) -> String {
            self.0.display().to_string()
        }
    }
    impl Drop for TempFile {
        fn drop(&mut self) {
            let _ = std::fs::remove_file(&self.0);
        }
    }

    fn from_vars(vars: &[(&str, &str)]) -> Result<Config> {
        let vars: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|k| vars.get(k).cloned())
    }

    #[test]
    fn the_file_is_read_and_variables_override_its_fields() {
        let file = TempFile::new(
            "merge",
            r#"{"v4": {"token": "file-token-1", "account_id": 7, "base_url": "http://127.0.0.1:9/v4"},
                "timeouts": {"overall_ms": 1234}}"#,
        );
        let c = from_vars(&[(CONFIG_VAR, &file.path())]).unwrap();
        assert_eq!(c.v4.token.as_ref().unwrap().expose(), "file-token-1");
        assert_eq!(c.v4.account_id, Some(7));
        assert_eq!(c.v4.base_url, "http://127.0.0.1:9/v4");
        assert_eq!(c.timeouts.attempt_ms, 1234);

        let c = from_vars(&[
            (CONFIG_VAR, &file.path()),
            ("PHONECOM_V4_TOKEN", "env-token-2"),
            ("PHONECOM_TIMEOUT_MS", "999"),
        ])
        .unwrap();
        assert_eq!(c.v4.token.as_ref().unwrap().expose(), "env-token-2");
        assert_eq!(c.v4.account_id, Some(7), "fields no variable sets stay");
        assert_eq!(c.v4.base_url, "http://127.0.0.1:9/v4");
        assert_eq!(c.timeouts.attempt_ms, 999);
    }

    #[test]
    fn inline_json_text_works_and_an_empty_value_is_unset() {
        let c = from_vars(&[(CONFIG_VAR, r#" {"v4": {"account_id": 5}}"#)]).unwrap();
        assert_eq!(c.v4.account_id, Some(5));
        let c = from_vars(&[(CONFIG_VAR, "  ")]).unwrap();
        assert_eq!(c.v4.account_id, None);
    }

    #[test]
    fn a_file_value_where_a_section_belongs_is_refused_without_panicking() {
        let e = from_vars(&[
            (CONFIG_VAR, r#"{"v4": 5}"#),
            ("PHONECOM_V4_TOKEN", "tok-1234"),
        ])
        .unwrap_err();
        assert!(e.to_string().contains(CONFIG_VAR), "{e}");
    }

    #[test]
    fn unreadable_and_malformed_files_name_the_variable_and_the_path_not_the_values() {
        let missing = std::env::temp_dir().join("phonecom-no-such-config.json");
        let missing = missing.display().to_string();
        let e = from_vars(&[(CONFIG_VAR, &missing)]).unwrap_err();
        let shown = e.to_string();
        assert!(
            shown.contains(CONFIG_VAR)
                && shown.contains(&missing)
                && shown.contains("no such file"),
            "{shown}"
        );

        let file = TempFile::new("bad-json", r#"{"v4": {"token": "Leaky-Secret-9""#);
        let shown = from_vars(&[(CONFIG_VAR, &file.path())])
            .unwrap_err()
            .to_string();
        assert!(
            shown.contains(CONFIG_VAR) && shown.contains(&file.path()),
            "{shown}"
        );
        assert!(shown.contains("not valid JSON"), "{shown}");
        assert!(!shown.contains("Leaky-Secret-9"), "{shown}");

        for (name, text, expected) in [
            ("typo", r#"{"v4": {"tokn": "Leaky-Secret-9"}}"#, "tokn"),
            (
                "type",
                r#"{"v4": {"account_id": "Leaky-Secret-9"}}"#,
                "expected u64",
            ),
            ("array", r#"["Leaky-Secret-9"]"#, "JSON object"),
        ] {
            let file = TempFile::new(name, text);
            let e = from_vars(&[(CONFIG_VAR, &file.path())]).unwrap_err();
            let shown = format!("{e}\n{e:?}\n{}", e.to_json());
            assert_eq!(e.kind(), ErrorKind::Validation, "{shown}");
            assert!(
                shown.contains(CONFIG_VAR) && shown.contains(&file.path()),
                "{shown}"
            );
            assert!(shown.contains(expected), "{name}: {shown}");
            assert!(!shown.contains("Leaky-Secret-9"), "{name}: {shown}");
        }
    }

    #[test]
    fn from_file_reads_a_file_and_names_the_path_never_the_values() {
        let file = TempFile::new(
            "from-file",
            r#"{"v4": {"token": "file-token-1", "account_id": 7}}"#,
        );
        let c = Config::from_file(file.path()).unwrap();
        assert_eq!(c.v4.account_id, Some(7));
        for (name, text, expected) in [
            (
                "ff-json",
                r#"{"v4": {"token": "Leaky-Secret-9""#,
                "not valid JSON",
            ),
            ("ff-typo", r#"{"v4": {"tokn": "Leaky-Secret-9"}}"#, "tokn"),
            ("ff-array", r#"["Leaky-Secret-9"]"#, "JSON object"),
        ] {
            let bad = TempFile::new(name, text);
            let shown = Config::from_file(bad.path()).unwrap_err().to_string();
            assert!(
                shown.contains(&format!("config file `{}`", bad.path())),
                "{shown}"
            );
            assert!(shown.contains(expected), "{name}: {shown}");
            assert!(!shown.contains("Leaky-Secret-9"), "{name}: {shown}");
            assert!(!shown.contains(CONFIG_VAR), "{name}: {shown}");
        }
        let missing = std::env::temp_dir().join("phonecom-no-such-config-2.json");
        let e = Config::from_file(&missing).unwrap_err();
        assert!(e.to_string().contains("no such file"), "{e}");
    }

    #[test]
    fn overrides_merge_key_by_key_and_null_removes() {
        let mut doc =
            serde_json::json!({"v4": {"token": "t-1234", "account_id": 7}, "pool_size": 4});
        merge_overrides(
            &mut doc,
            serde_json::json!({"v4": {"account_id": null, "base_url": "http://127.0.0.1:9/v4"}, "pool_size": 8}),
        );
        assert_eq!(
            doc,
            serde_json::json!({"v4": {"token": "t-1234", "base_url": "http://127.0.0.1:9/v4"}, "pool_size": 8})
        );
    }

    #[test]
    fn the_credential_variables_are_real_variables() {
        for var in CREDENTIAL_VARS {
            let c = from_vars(&[(var, "1234567")]).unwrap();
            assert!(c.has_credentials(), "{var} configures a credential");
        }
        assert!(!from_vars(&[]).unwrap().has_credentials());
    }
}
