//! The committed numbers.online catalog against the OpenAPI file (skipped where
//! `../shared/spec` is absent): the generator's output, and each operation's method, path and
//! parameters read straight from the file.

use phonecom::catalog::{Format, Location, ParamType};
use serde_json::Value;
use std::path::PathBuf;

const SPEC: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../shared/spec/numbers-online-openapi.json"
);

fn spec() -> Option<Value> {
    if !std::path::Path::new(SPEC).exists() {
        eprintln!("skipped: {SPEC} is not here (it is not part of the project)");
        return None;
    }
    Some(serde_json::from_str(&std::fs::read_to_string(SPEC).unwrap()).unwrap())
}

#[test]
fn committed_nol_catalog_matches_the_generator() {
    if spec().is_none() {
        return;
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let Ok(out) = std::process::Command::new("python3")
        .arg(root.join("tools/gen_nol_catalog.py"))
        .arg(SPEC)
        .output()
    else {
        eprintln!("skipped: python3 is not available");
        return;
    };
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let committed = std::fs::read_to_string(root.join("core/catalog/nol.json")).unwrap();
    assert!(
        committed == String::from_utf8(out.stdout).unwrap(),
        "core/catalog/nol.json is stale: rerun tools/gen_nol_catalog.py"
    );
}

#[test]
fn every_account_operation_is_in_the_catalog_as_the_file_says() {
    let Some(spec) = spec() else { return };
    let catalog = phonecom::catalog();
    let mut seen = 0;
    for (path, item) in spec["paths"].as_object().unwrap() {
        if !path.starts_with("/api/v1/account") {
            continue;
        }
        let shared = item
            .get("parameters")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        for (method, o) in item.as_object().unwrap() {
            if !["get", "post", "put", "patch", "delete"].contains(&method.as_str()) {
                continue;
            }
            seen += 1;
            let name = format!("nol.{}", o["operationId"].as_str().unwrap());
            let op = catalog
                .get(&name)
                .unwrap_or_else(|| panic!("{name} missing"));
            assert_eq!(op.method, method.to_uppercase(), "{name}");
            assert_eq!(op.path, *path, "{name}");
            assert_eq!(op.family, "nol");
            assert_eq!(
                phonecom::nol::is_keyless(&name),
                o.get("security").is_none(),
                "{name}: keyless"
            );
            let mut expected: Vec<String> = Vec::new();
            let params: Vec<Value> = shared
                .iter()
                .chain(
                    o.get("parameters")
                        .and_then(Value::as_array)
                        .into_iter()
                        .flatten(),
                )
                .cloned()
                .collect();
            for p in &params {
                let pname = p["name"].as_str().unwrap();
                let entry = op
                    .param(pname)
                    .unwrap_or_else(|| panic!("{name}: {pname} missing"));
                match p["in"].as_str().unwrap() {
                    "path" => {
                        assert_eq!(entry.location, Location::Path, "{name}.{pname}");
                        assert!(entry.required);
                        let want = if pname == "e164" {
                            Format::E164Loose
                        } else {
                            Format::Uuid
                        };
                        assert_eq!(entry.format, Some(want), "{name}.{pname}");
                    }
                    "query" => {
                        assert_eq!(entry.location, Location::Query, "{name}.{pname}");
                        assert_eq!(entry.max, p["schema"]["maximum"].as_i64(), "{name}.{pname}");
                    }
                    other => panic!("{name}: parameter in {other}"),
                }
                expected.push(pname.to_string());
            }
            if let Some(content) = o.pointer("/requestBody/content").and_then(Value::as_object) {
                if let Some(schema) = content.get("application/json").map(|c| &c["schema"]) {
                    let required: Vec<&str> = schema["required"]
                        .as_array()
                        .map(|r| r.iter().filter_map(Value::as_str).collect())
                        .unwrap_or_default();
                    for (pname, prop) in schema["properties"].as_object().into_iter().flatten() {
                        let entry = op
                            .param(pname)
                            .unwrap_or_else(|| panic!("{name}: {pname} missing"));
                        assert_eq!(entry.location, Location::Body, "{name}.{pname}");
                        assert_eq!(
                            entry.required,
                            required.contains(&pname.as_str()),
                            "{name}.{pname}"
                        );
                        let ty = match prop["type"].as_str() {
                            Some("integer") => ParamType::Integer,
                            Some("boolean") => ParamType::Boolean,
                            Some("array") => ParamType::Array,
                            Some("object") => ParamType::Object,
                            Some("number") => ParamType::Number,
                            _ => ParamType::String,
                        };
                        assert_eq!(entry.ty, ty, "{name}.{pname}");
                        if let Some(values) = prop["enum"].as_array() {
                            let values: Vec<String> = values
                                .iter()
                                .map(|v| v.as_str().unwrap().to_string())
                                .collect();
                            assert_eq!(entry.allowed, values, "{name}.{pname}");
                        }
                        let bound = |a: &str, b: &str| prop[a].as_i64().or(prop[b].as_i64());
                        assert_eq!(entry.min, bound("minimum", "minLength"), "{name}.{pname}");
                        assert_eq!(entry.max, bound("maximum", "maxLength"), "{name}.{pname}");
                        expected.push(pname.clone());
                    }
                } else {
                    let file = op
                        .param("file")
                        .unwrap_or_else(|| panic!("{name}: raw body has no file param"));
                    assert_eq!(
                        (file.location, file.ty, file.required),
                        (Location::Raw, ParamType::File, true)
                    );
                    expected.push("file".into());
                }
            }
            let mut got: Vec<String> = op.params.iter().map(|p| p.name.clone()).collect();
            expected.sort();
            got.sort();
            assert_eq!(got, expected, "{name}: exactly the file's parameters");
        }
    }
    assert_eq!(seen, 29);
    assert_eq!(catalog.family("nol").count(), 29);
}

#[test]
fn nol_catalog_invariants_hold_without_the_spec() {
    let catalog = phonecom::catalog();
    assert_eq!(catalog.family("nol").count(), 29);
    for op in catalog.family("nol") {
        assert!(op.path.starts_with("/api/v1/account"), "{}", op.name);
        assert!(!op.doc.is_empty());
        for p in &op.params {
            if p.location == Location::Path {
                assert!(
                    op.path.contains(&format!("{{{}}}", p.name)) && p.required,
                    "{}",
                    op.name
                );
            }
        }
    }
    let logo = catalog
        .get("nol.uploadListingLogo")
        .unwrap()
        .param("file")
        .unwrap();
    assert_eq!(logo.max, Some(512 * 1024));
    let doc = catalog
        .get("nol.uploadListingDocument")
        .unwrap()
        .param("file")
        .unwrap();
    assert_eq!(doc.max, Some(5 * 1024 * 1024));
    let topup = catalog
        .get("nol.accountTopup")
        .unwrap()
        .param("amount_cents")
        .unwrap();
    assert_eq!(
        (topup.min, topup.max, topup.required),
        (Some(500), Some(50_000), true)
    );
    let json = catalog.to_json();
    let op = json["operations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["name"] == "nol.uploadListingLogo")
        .unwrap();
    assert_eq!(op["params"][1]["in"], "raw");
    assert_eq!(op["params"][0]["format"], "e164_loose");
}
