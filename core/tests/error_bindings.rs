//! The bindings' error modules hold a generated copy of `phonecom::error_table` (between
//! `generated` markers): Python's `_errors.py`, Node's `lib/errors.js`, PHP's `Exceptions.php`.
//! `check` fails while a copy is stale; `scripts/regen.sh` runs `regenerate` (ignored by a plain
//! `cargo test`) to rewrite them:
//!
//! ```sh
//! cargo test -p phonecom --test error_bindings -- --ignored   # rewrite the generated parts
//! ```

use phonecom::error_table::{
    class_name, old_names, ErrorClass, Language, ERROR_CLASSES, ERROR_FIELDS,
};
use std::path::PathBuf;

const BEGIN: &str =
    "--- generated from core/src/error_table.rs by scripts/regen.sh: do not edit ---";
const END: &str = "--- end of generated code ---";

/// A binding's error module (or the README) and how its generated part is written.
struct Target {
    path: &'static str,
    /// The comment syntax around the markers: `#`, `//`, or `<!--` (closed by ` -->`).
    comment: &'static str,
    render: fn() -> String,
}

impl Target {
    fn marker(&self, text: &str) -> String {
        match self.comment {
            "<!--" => format!("<!-- {text} -->\n"),
            c => format!("{c} {text}\n"),
        }
    }
}

const TARGETS: &[Target] = &[
    Target {
        path: "py/python/phonecom/_errors.py",
        comment: "#",
        render: python,
    },
    Target {
        path: "node/lib/errors.js",
        comment: "//",
        render: node,
    },
    Target {
        path: "php/src/Exceptions.php",
        comment: "//",
        render: php,
    },
    Target {
        path: "README.md",
        comment: "<!--",
        render: readme,
    },
];

fn repo_path(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(path)
}

/// `text` with its generated part replaced by `body`.
fn splice(target: &Target, text: &str, body: &str) -> String {
    let begin = target.marker(BEGIN);
    let end = target.marker(END);
    let start = text
        .find(&begin)
        .unwrap_or_else(|| panic!("{}: no `{begin}` marker", target.path));
    let stop = text[start..]
        .find(&end)
        .map(|i| start + i)
        .unwrap_or_else(|| panic!("{}: no `{end}` marker", target.path));
    format!("{}{begin}{body}{}", &text[..start], &text[stop..])
}

fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

/// `upstream_code` -> `upstreamCode`.
fn camel(name: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// The built-in exception a Python class also is, so `except ValueError` keeps working.
fn python_builtin(kind: &str) -> &'static str {
    match kind {
        "validation" => ", ValueError",
        "transport" => ", builtins.ConnectionError",
        "timeout" => ", builtins.TimeoutError",
        _ => "",
    }
}

fn python() -> String {
    let mut s = String::from("\n__all__ = [\n    \"PhoneComError\",\n");
    for c in ERROR_CLASSES {
        s += &format!("    {},\n", quoted(&class_name(c, Language::Python)));
    }
    s += "    \"FieldError\",\n    \"error_class\",\n    \"ERROR_FIELDS\",\n]\n\n";
    s += "#: Every field of the core's error JSON, in its order; each is an attribute of PhoneComError.\n";
    s += "ERROR_FIELDS: Tuple[str, ...] = (\n";
    for f in ERROR_FIELDS {
        s += &format!("    {},  # {}\n", quoted(f.name), f.doc);
    }
    s += ")\n";
    for c in ERROR_CLASSES {
        let name = class_name(c, Language::Python);
        let noqa = if name == "TimeoutError" {
            "  # noqa: A001 - the kind's name"
        } else {
            ""
        };
        s += &format!(
            "\n\nclass {name}(PhoneComError{}):{noqa}\n    \"\"\"{}\"\"\"\n\n    kind = {}\n",
            python_builtin(c.kind),
            c.doc,
            quoted(c.kind)
        );
    }
    s += "\n\n_BY_KIND: Dict[str, Type[PhoneComError]] = {\n";
    for c in ERROR_CLASSES {
        s += &format!(
            "    {}: {},\n",
            quoted(c.kind),
            class_name(c, Language::Python)
        );
    }
    s += "}\n\n#: Old class names, still importable with a DeprecationWarning: old name -> current class.\n";
    s += "_DEPRECATED: Dict[str, Type[PhoneComError]] = {\n";
    for c in ERROR_CLASSES {
        for old in old_names(c, Language::Python) {
            s += &format!(
                "    {}: {},\n",
                quoted(old),
                class_name(c, Language::Python)
            );
        }
    }
    s + "}\n"
}

fn node() -> String {
    let mut s = String::from("/** Every kind, in the core's order: [kind, class name, what it means]. */\nconst KINDS = [\n");
    for c in ERROR_CLASSES {
        s += &format!(
            "  [{}, {}, {}],\n",
            quoted(c.kind),
            quoted(&class_name(c, Language::Node)),
            quoted(c.doc)
        );
    }
    s += "];\n\n/** Every field of the core's error JSON, in its order: [JSON key, property name]. */\nconst FIELDS = [\n";
    for f in ERROR_FIELDS {
        s += &format!(
            "  [{}, {}], // {}\n",
            quoted(f.name),
            quoted(&camel(f.name)),
            f.doc
        );
    }
    s += "];\n\n/** Old class names, still exported (deprecated): old name -> current name. */\nconst DEPRECATED = {\n";
    for c in ERROR_CLASSES {
        for old in old_names(c, Language::Node) {
            s += &format!("  {old}: {},\n", quoted(&class_name(c, Language::Node)));
        }
    }
    s + "};\n"
}

/// PHP's property of an error field (`status` is `httpStatus`: `$status` is the C status).
fn php_property(field: &str) -> String {
    match field {
        "status" => "httpStatus".into(),
        other => camel(other),
    }
}

fn php() -> String {
    let mut s = String::new();
    for c in ERROR_CLASSES {
        s += &format!(
            "/** {} */\nclass {} extends PhoneComException {{}}\n",
            c.doc,
            class_name(c, Language::Php)
        );
    }
    s += "\n/** The generated table: each kind's class, each error field's property, the old class names. */\nfinal class ErrorTable\n{\n";
    s += "    /** @var array<string, class-string<PhoneComException>> kind => class */\n    public const CLASSES = [\n";
    for c in ERROR_CLASSES {
        s += &format!(
            "        '{}' => {}::class,\n",
            c.kind,
            class_name(c, Language::Php)
        );
    }
    s += "    ];\n\n    /** @var array<string, string> key of the error JSON => property */\n    public const FIELDS = [\n";
    for f in ERROR_FIELDS {
        s += &format!("        '{}' => '{}',\n", f.name, php_property(f.name));
    }
    s += "    ];\n\n    /** @var array<string, class-string<PhoneComException>> old class name (deprecated) => class */\n    public const DEPRECATED = [\n";
    for c in ERROR_CLASSES {
        for old in old_names(c, Language::Php) {
            s += &format!(
                "        '{old}' => {}::class,\n",
                class_name(c, Language::Php)
            );
        }
    }
    s + "    ];\n}\n"
}

/// The README's table: one row per kind, its class in every language and the old names.
fn readme() -> String {
    let mut s = String::from(
        "| kind | Python | Node (`code`) | PHP | C status | what it means | old names (deprecated aliases) |\n|---|---|---|---|---|---|---|\n",
    );
    for c in ERROR_CLASSES {
        let status = match c.kind {
            "internal" => "PHONECOM_ERR_PANIC".to_string(),
            kind => format!("PHONECOM_ERR_{}", kind.to_uppercase()),
        };
        let mut old: Vec<String> = Vec::new();
        for (lang, label) in [
            (Language::Python, "Python"),
            (Language::Node, "Node"),
            (Language::Php, "PHP"),
        ] {
            old.extend(old_names(c, lang).map(|n| format!("`{n}` ({label})")));
        }
        s += &format!(
            "| `{}` | `{}` | `{}` (`PHONECOM_{}`) | `{}` | `{status}` | {} | {} |\n",
            c.kind,
            class_name(c, Language::Python),
            class_name(c, Language::Node),
            c.kind.to_uppercase(),
            class_name(c, Language::Php),
            c.doc,
            if old.is_empty() {
                "-".to_string()
            } else {
                old.join(", ")
            },
        );
    }
    s
}

/// Hand-written code that must keep up with the table: the base class sets or declares every
/// field (but `kind` and `message`, which every exception has its own way).
fn hand_written_fields_missing(target: &Target, text: &str) -> Vec<String> {
    if target.comment == "<!--" {
        return Vec::new();
    }
    let needles = |f: &str| match target.comment {
        "#" => vec![format!("self.{f} ="), format!("self.{f}:")],
        _ if target.path.ends_with(".php") => vec![format!("${};", php_property(f))],
        _ => vec![format!("this.{} =", camel(f))],
    };
    ERROR_FIELDS
        .iter()
        .filter(|f| !matches!(f.name, "kind" | "message"))
        .map(|f| needles(f.name))
        .filter(|n| !n.iter().any(|n| text.contains(n.as_str())))
        .map(|n| n[0].clone())
        .collect()
}

#[test]
fn check() {
    for target in TARGETS {
        let path = repo_path(target.path);
        let text = std::fs::read_to_string(&path).unwrap();
        let fresh = splice(target, &text, &(target.render)());
        assert!(
            fresh == text,
            "{} is stale: run scripts/regen.sh (or cargo test -p phonecom --test error_bindings -- --ignored)",
            target.path
        );
        let missing = hand_written_fields_missing(target, &text);
        assert!(
            missing.is_empty(),
            "{}: the error class sets no {missing:?} (a field of core/src/error_table.rs)",
            target.path
        );
    }
}

#[test]
#[ignore = "rewrites the generated parts; run by scripts/regen.sh"]
fn regenerate() {
    for target in TARGETS {
        let path = repo_path(target.path);
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, splice(target, &text, &(target.render)())).unwrap();
    }
}

#[test]
fn one_naming_scheme_holds_in_every_language() {
    let all: Vec<&ErrorClass> = ERROR_CLASSES.iter().collect();
    for c in all {
        let py = class_name(c, Language::Python);
        assert_eq!(py, class_name(c, Language::Node));
        assert_eq!(
            py.trim_end_matches("Error"),
            class_name(c, Language::Php).trim_end_matches("Exception")
        );
    }
}
