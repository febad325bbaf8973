//! The committed headers are what cbindgen makes of the current source.
//!
//! `include/phonecom.h` is for C and C++ (include guard, `#include`s, the version macros from
//! Cargo's version). `include/phonecom_php.h` is the same declarations with no preprocessor line
//! at all, which PHP's `FFI::cdef` loads as it is.
//!
//! When the source changed, rewrite both: `cargo test -p phonecom-ffi --test header -- --ignored`.

use std::path::{Path, PathBuf};

#[path = "support/api_table.rs"]
mod api_table;

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn header_path(name: &str) -> PathBuf {
    crate_dir().join("..").join("include").join(name)
}

fn base_config() -> cbindgen::Config {
    cbindgen::Config::from_file(crate_dir().join("cbindgen.toml"))
        .expect("ffi-c/cbindgen.toml parses")
}

fn render(config: cbindgen::Config) -> String {
    let bindings = cbindgen::Builder::new()
        .with_crate(crate_dir())
        .with_config(config)
        .generate()
        .expect("cbindgen generates the header");
    let mut out = Vec::new();
    bindings.write(&mut out);
    String::from_utf8(out).expect("header is UTF-8")
}

/// The C header: the version macros come from Cargo's version, not from a hand-typed string.
fn c_header() -> String {
    let mut config = base_config();
    config.after_includes = Some(format!(
        concat!(
            "\n/** The version of the library this header describes (compare with phonecom_version()). */\n",
            "#define PHONECOM_VERSION_MAJOR {}\n",
            "#define PHONECOM_VERSION_MINOR {}\n",
            "#define PHONECOM_VERSION_PATCH {}\n",
            "#define PHONECOM_VERSION_STRING \"{}\"\n",
        ),
        env!("CARGO_PKG_VERSION_MAJOR"),
        env!("CARGO_PKG_VERSION_MINOR"),
        env!("CARGO_PKG_VERSION_PATCH"),
        env!("CARGO_PKG_VERSION"),
    ));
    render(config)
}

/// The PHP header: the same declarations, no include guard, no includes, no macros, no
/// `extern "C"` block.
fn php_header() -> String {
    let mut config = base_config();
    config.include_guard = None;
    config.pragma_once = false;
    config.cpp_compat = false;
    config.no_includes = true;
    config.sys_includes = Vec::new();
    config.includes = Vec::new();
    config.after_includes = None;
    config.header = Some(format!(
        "/*\n * libphonecom {} for PHP's FFI: the declarations of phonecom.h without any preprocessor\n * line, for FFI::cdef(file_get_contents(\"phonecom_php.h\"), \"libphonecom.so\").\n * The documentation of each declaration is in phonecom.h.\n */",
        env!("CARGO_PKG_VERSION")
    ));
    config.documentation = false;
    render(config)
}

fn check(name: &str, generated: &str) {
    let path = header_path(name);
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{} is stale: rewrite it with `cargo test -p phonecom-ffi --test header -- --ignored` and commit it",
        path.display()
    );
}

#[test]
fn c_header_is_current() {
    check("phonecom.h", &c_header());
}

#[test]
fn php_header_is_current() {
    check("phonecom_php.h", &php_header());
}

#[test]
fn php_header_has_no_preprocessor_line() {
    let php = php_header();
    for line in php.lines() {
        assert!(
            !line.trim_start().starts_with('#'),
            "PHP's FFI cannot read `{line}`"
        );
    }
    assert!(!php.contains("extern \"C\""));
}

#[test]
fn every_function_is_documented_in_the_c_header() {
    let header = c_header();
    let lines: Vec<&str> = header.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let is_decl = line.contains("phonecom_")
            && line.contains('(')
            && !line.starts_with(' ')
            && !line.starts_with(" *")
            && !line.starts_with("/*")
            && !line.starts_with("typedef");
        if is_decl {
            let above = lines[..i]
                .iter()
                .rev()
                .find(|l| !l.trim().is_empty())
                .copied()
                .unwrap_or("");
            assert!(
                above.trim_end().ends_with("*/"),
                "no comment above `{line}`"
            );
        }
    }
}

#[test]
fn version_macros_follow_cargo() {
    let header = c_header();
    assert!(header.contains(&format!(
        "#define PHONECOM_VERSION_STRING \"{}\"",
        env!("CARGO_PKG_VERSION")
    )));
}

fn readme_path() -> PathBuf {
    crate_dir().join("README.md")
}

/// ffi-c/README.md with its API table written from the C header.
fn readme() -> String {
    let committed = std::fs::read_to_string(readme_path()).expect("ffi-c/README.md");
    api_table::splice(&committed, &api_table::render(&c_header())).unwrap_or_else(|| {
        panic!(
            "ffi-c/README.md lacks the lines `{}` and `{}`",
            api_table::BEGIN,
            api_table::END
        )
    })
}

#[test]
fn readme_api_table_is_current() {
    let committed = std::fs::read_to_string(readme_path()).unwrap();
    assert!(
        committed == readme(),
        "the API table of ffi-c/README.md is stale: rewrite it with `cargo test -p phonecom-ffi --test header -- --ignored` and commit it"
    );
}

/// The table's memory column comes from the types; each function's own documentation must say
/// the same, so the header, the README and the code cannot disagree on who frees what.
#[test]
fn every_doc_comment_names_how_its_results_are_freed() {
    let functions = api_table::functions(&c_header());
    assert!(functions.len() > 30, "parsed {} functions", functions.len());
    for f in &functions {
        let memory = api_table::memory(f);
        for free in [
            "phonecom_string_free",
            "phonecom_client_free",
            "phonecom_client_builder_free",
            "phonecom_pager_free",
        ] {
            if memory.contains(free) {
                assert!(
                    f.doc.contains(free),
                    "{} returns memory freed by {free}, but its doc never says so",
                    f.name
                );
            }
        }
        if memory.contains("static") {
            assert!(
                f.doc.contains("static"),
                "{}: its doc never says the string is static",
                f.name
            );
        }
        assert!(
            !api_table::first_sentence(&f.doc).is_empty(),
            "{}: no doc",
            f.name
        );
    }
    let last_error = functions
        .iter()
        .find(|f| f.name == "phonecom_last_error_message")
        .unwrap();
    assert!(api_table::memory(last_error)
        .contains("returns a new string or NULL: free it with `phonecom_string_free`"));
}

#[test]
fn the_table_keeps_each_signature_on_one_line() {
    let table = api_table::render(&c_header());
    assert!(table.contains(
        "| `phonecom_status phonecom_client_user_agent(const phonecom_client *client, char **out)` |"
    ), "{table}");
    assert!(table.contains("`*out` on `PHONECOM_OK`: free it with `phonecom_string_free`"));
    assert!(table.contains("`*out` on `PHONECOM_OK`: free it with `phonecom_client_free`"));
    assert!(table.contains("| `const char *phonecom_version(void)` |"));
    assert!(!table.contains("phonecom__panic_for_test"));
}

/// Rewrite both headers from the source, and the README's API table (run with `-- --ignored`).
#[test]
#[ignore = "writes include/phonecom.h, include/phonecom_php.h and the table of ffi-c/README.md"]
fn write_headers() {
    let readme = readme();
    for (name, text) in [("phonecom.h", c_header()), ("phonecom_php.h", php_header())] {
        let path = header_path(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        eprintln!("wrote {}", Path::new(&path).display());
    }
    std::fs::write(readme_path(), readme).unwrap();
    eprintln!("wrote the API table of {}", readme_path().display());
}
