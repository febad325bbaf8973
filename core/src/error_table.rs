//! The error model every binding exposes, as data: the fields of [`Error::to_json`] and, for each
//! kind, the name of its class. The bindings' error modules (Python's `_errors.py`, Node's
//! `lib/errors.js`, PHP's `src/Exceptions.php`) hold a generated copy of this table between
//! `generated` markers; `scripts/regen.sh` rewrites it and `core/tests/error_bindings.rs` fails
//! while it is stale, so a field or kind added here reaches every language.
//!
//! One naming scheme holds across languages: the class of a kind is its [`ErrorClass::stem`]
//! followed by `Error` (Python, Node) or `Exception` (PHP).
//!
//! ```
//! use phonecom::error_table::{class_name, ERROR_CLASSES, ERROR_FIELDS, Language};
//! let limited = ERROR_CLASSES.iter().find(|c| c.kind == "rate_limited").unwrap();
//! assert_eq!(class_name(limited, Language::Python), "RateLimitedError");
//! assert_eq!(class_name(limited, Language::Php), "RateLimitedException");
//! assert!(ERROR_FIELDS.iter().any(|f| f.name == "doc_url"));
//! ```
//!
//! [`Error::to_json`]: crate::Error::to_json

use serde_json::{json, Value};

/// A language whose error classes are named from this table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Language {
    /// `phonecom.RateLimitedError`.
    Python,
    /// `require('phonecom').RateLimitedError`.
    Node,
    /// `PhoneCom\RateLimitedException`.
    Php,
}

/// One field of the error JSON every binding receives.
#[derive(Clone, Copy, Debug)]
pub struct ErrorField {
    /// The key in [`Error::to_json`](crate::Error::to_json) (Python's attribute name too).
    pub name: &'static str,
    /// What it holds, one line.
    pub doc: &'static str,
}

/// The class of one error kind.
#[derive(Clone, Copy, Debug)]
pub struct ErrorClass {
    /// The stable kind (`"rate_limited"`); `"internal"` is the bindings' own (a panic caught at
    /// their boundary), every other one is an [`ErrorKind`](crate::ErrorKind).
    pub kind: &'static str,
    /// The class name without its language's suffix (`RateLimited`).
    pub stem: &'static str,
    /// What the kind means, one line (the classes' doc comments).
    pub doc: &'static str,
    /// Names this class had in a language before the names were made one scheme; each stays
    /// available as a deprecated alias so existing code keeps working.
    pub old_names: &'static [(Language, &'static str)],
}

/// Every field of [`Error::to_json`](crate::Error::to_json), in its order.
pub const ERROR_FIELDS: &[ErrorField] = &[
    ErrorField {
        name: "kind",
        doc: "the stable category (`validation`, `rate_limited`, ...)",
    },
    ErrorField {
        name: "message",
        doc: "the full one-line description",
    },
    ErrorField {
        name: "family",
        doc: "the API family (`v4`, `oauth`, `express`, `xml`, `v1`, `nol`)",
    },
    ErrorField {
        name: "operation",
        doc: "the canonical operation name (`v4.create-account-subaccount`)",
    },
    ErrorField {
        name: "status",
        doc: "the HTTP status of the failed response",
    },
    ErrorField {
        name: "upstream_code",
        doc: "the upstream's own error code",
    },
    ErrorField {
        name: "upstream_message",
        doc: "the upstream's own message",
    },
    ErrorField {
        name: "fields",
        doc: "the rejected fields, each a field name and the rule it broke",
    },
    ErrorField {
        name: "retry_after",
        doc: "seconds the upstream (or the local rate budget) asked to wait",
    },
    ErrorField {
        name: "request_id",
        doc: "the request id of the failed exchange",
    },
    ErrorField {
        name: "retryable",
        doc: "whether trying again later could succeed",
    },
    ErrorField {
        name: "raw_body",
        doc: "a bounded prefix of a response body that could not be understood",
    },
    ErrorField {
        name: "attempts",
        doc: "how many times the request was sent (0 when refused before sending)",
    },
    ErrorField {
        name: "doc_url",
        doc: "a page that explains the error, when the upstream gave one",
    },
    ErrorField {
        name: "details",
        doc: "further structured facts the upstream or the library gave (an object)",
    },
];

/// Every error class, in [`ErrorKind::ALL`](crate::ErrorKind::ALL)'s order, then `internal`.
pub const ERROR_CLASSES: &[ErrorClass] = &[
    ErrorClass {
        kind: "validation",
        stem: "Validation",
        doc: "Bad input, refused before sending (naming the field and the rule), or refused by the upstream (400/422).",
        old_names: &[],
    },
    ErrorClass {
        kind: "authentication",
        stem: "Authentication",
        doc: "Missing or wrong credentials (401).",
        old_names: &[],
    },
    ErrorClass {
        kind: "permission",
        stem: "PermissionDenied",
        doc: "Valid credentials, but not allowed to do this (403, 402-style refusals).",
        old_names: &[(Language::Node, "PermissionError"), (Language::Php, "PermissionException")],
    },
    ErrorClass {
        kind: "not_found",
        stem: "NotFound",
        doc: "The resource does not exist (404, 410).",
        old_names: &[],
    },
    ErrorClass {
        kind: "conflict",
        stem: "Conflict",
        doc: "The request conflicts with the resource's state (409).",
        old_names: &[],
    },
    ErrorClass {
        kind: "rate_limited",
        stem: "RateLimited",
        doc: "Too many requests (429, or the local rate budget); see retry_after.",
        old_names: &[(Language::Python, "RateLimitError")],
    },
    ErrorClass {
        kind: "server",
        stem: "Server",
        doc: "The upstream failed (5xx).",
        old_names: &[],
    },
    ErrorClass {
        kind: "transport",
        stem: "Transport",
        doc: "The connection failed or was cut (DNS, refused, reset, TLS, a body cut short).",
        old_names: &[],
    },
    ErrorClass {
        kind: "timeout",
        stem: "Timeout",
        doc: "A timeout, or the call's deadline expired.",
        old_names: &[],
    },
    ErrorClass {
        kind: "decode",
        stem: "Decode",
        doc: "A complete response could not be understood (malformed JSON or XML); see raw_body.",
        old_names: &[],
    },
    ErrorClass {
        kind: "internal",
        stem: "Internal",
        doc: "A bug inside libphonecom (a Rust panic), caught at the binding's boundary; please report it.",
        old_names: &[],
    },
];

/// The class name of `class` in `language`: `RateLimitedError`, `RateLimitedException`.
pub fn class_name(class: &ErrorClass, language: Language) -> String {
    let suffix = match language {
        Language::Python | Language::Node => "Error",
        Language::Php => "Exception",
    };
    format!("{}{suffix}", class.stem)
}

/// The old names of `class` in `language` (deprecated aliases).
pub fn old_names(class: &ErrorClass, language: Language) -> impl Iterator<Item = &'static str> {
    class
        .old_names
        .iter()
        .filter(move |(l, _)| *l == language)
        .map(|(_, name)| *name)
}

/// The whole table as JSON: `{"fields": [{name, doc}], "classes": [{kind, doc, python, node,
/// php, deprecated: {python: [...], node: [...], php: [...]}}]}`.
pub fn to_json() -> Value {
    let langs = [
        ("python", Language::Python),
        ("node", Language::Node),
        ("php", Language::Php),
    ];
    let classes: Vec<Value> = ERROR_CLASSES
        .iter()
        .map(|c| {
            let mut entry = json!({"kind": c.kind, "doc": c.doc});
            let mut deprecated = serde_json::Map::new();
            for (key, lang) in langs {
                entry[key] = json!(class_name(c, lang));
                deprecated.insert(key.into(), json!(old_names(c, lang).collect::<Vec<_>>()));
            }
            entry["deprecated"] = Value::Object(deprecated);
            entry
        })
        .collect();
    let fields: Vec<Value> = ERROR_FIELDS
        .iter()
        .map(|f| json!({"name": f.name, "doc": f.doc}))
        .collect();
    json!({"fields": fields, "classes": classes})
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Error, ErrorKind};

    #[test]
    fn the_fields_are_exactly_those_of_the_error_json() {
        let doc = Error::validation("v4.get-account", "to", "must be E.164").to_json();
        let keys: Vec<&str> = doc
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut names: Vec<&str> = ERROR_FIELDS.iter().map(|f| f.name).collect();
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        names.sort_unstable();
        assert_eq!(
            sorted, names,
            "ERROR_FIELDS must list every key of Error::to_json"
        );
    }

    #[test]
    fn every_kind_has_one_class_in_order_then_internal() {
        let kinds: Vec<&str> = ERROR_CLASSES.iter().map(|c| c.kind).collect();
        let mut expected: Vec<&str> = ErrorKind::ALL.iter().map(|k| k.as_str()).collect();
        expected.push("internal");
        assert_eq!(kinds, expected);
        let mut names: Vec<String> = ERROR_CLASSES
            .iter()
            .map(|c| class_name(c, Language::Node))
            .collect();
        names.dedup();
        assert_eq!(names.len(), ERROR_CLASSES.len(), "class names are unique");
    }

    #[test]
    fn old_names_never_shadow_a_current_name() {
        for lang in [Language::Python, Language::Node, Language::Php] {
            let current: Vec<String> = ERROR_CLASSES.iter().map(|c| class_name(c, lang)).collect();
            for c in ERROR_CLASSES {
                for old in old_names(c, lang) {
                    assert!(!current.iter().any(|n| n == old), "{old} in {lang:?}");
                }
            }
        }
    }
}
