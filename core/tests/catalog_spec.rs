//! The catalog against the specification documents (skipped where `../shared/spec` is absent),
//! and the catalog's own invariants.

use phonecom::catalog::{Location, ParamType};
use serde_json::Value;
use std::path::PathBuf;

fn spec(name: &str) -> Option<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/spec")
        .join(name);
    if !path.exists() {
        eprintln!(
            "skipped: {} is not here (it is not part of the project)",
            path.display()
        );
        return None;
    }
    Some(serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap())
}

#[test]
fn every_swagger_operation_is_in_the_catalog_with_its_method_path_and_params() {
    let Some(ops) = spec("phonecom-v4-operations.json") else {
        return;
    };
    let ops = ops.as_array().unwrap();
    assert_eq!(ops.len(), 98);
    for o in ops {
        let name = format!("v4.{}", o["operationId"].as_str().unwrap());
        let entry = phonecom::catalog()
            .get(&name)
            .unwrap_or_else(|| panic!("{name} missing"));
        assert_eq!(entry.method, o["method"].as_str().unwrap(), "{name}");
        assert_eq!(entry.path, o["path"].as_str().unwrap(), "{name}");
        for p in o["params"].as_array().unwrap() {
            let p = p.as_str().unwrap();
            let known = if let Some(rest) = p.strip_prefix("filters[") {
                entry
                    .param("filters")
                    .is_some_and(|f| f.fields.iter().any(|x| *x == rest.trim_end_matches(']')))
            } else if let Some(rest) = p.strip_prefix("sort[") {
                entry
                    .param("sort")
                    .is_some_and(|f| f.fields.iter().any(|x| *x == rest.trim_end_matches(']')))
            } else if p.starts_with("body:") {
                entry.params.iter().any(|x| x.location == Location::Body)
            } else {
                entry.param(p).is_some()
            };
            assert!(known, "{name}: parameter {p} missing");
        }
    }
}

#[test]
fn committed_v4_catalog_matches_the_generator() {
    let Some(_) = spec("phonecom-v4.swagger.json") else {
        return;
    };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let out = std::process::Command::new("python3")
        .arg(root.join("tools/gen_v4_catalog.py"))
        .arg(root.join("../shared/spec/phonecom-v4.swagger.json"))
        .output();
    let Ok(out) = out else {
        eprintln!("skipped: python3 is not available");
        return;
    };
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let committed = std::fs::read_to_string(root.join("core/catalog/v4.json")).unwrap();
    assert!(
        committed == String::from_utf8(out.stdout).unwrap(),
        "core/catalog/v4.json is stale: rerun tools/gen_v4_catalog.py"
    );
}

#[test]
fn catalog_invariants() {
    let catalog = phonecom::catalog();
    assert!(
        catalog.family("v4").count() >= 113,
        "98 swagger operations + aliases + events"
    );
    for op in catalog.iter() {
        assert!(
            op.name.starts_with(&format!("{}.", op.family)),
            "{}",
            op.name
        );
        assert!(!op.doc.is_empty(), "{} has a doc line", op.name);
        for p in &op.params {
            if p.location == Location::Path {
                assert!(
                    op.path.contains(&format!("{{{}}}", p.name)),
                    "{}: {}",
                    op.name,
                    p.name
                );
                assert!(p.required, "{}: path params are required", op.name);
            }
            if matches!(p.ty, ParamType::Filters | ParamType::Sort) {
                assert!(!p.fields.is_empty(), "{}: {}", op.name, p.name);
            }
        }
    }
    let json = catalog.to_json();
    assert_eq!(json["operations"].as_array().unwrap().len(), catalog.len());
    assert_eq!(json["version"], phonecom::VERSION);
    let op = &json["operations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["name"] == "v4.create-account-subaccount")
        .unwrap();
    assert_eq!(op["method"], "POST");
    assert!(op["params"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["name"] == "username" && p["required"] == true && p["in"] == "body"));
}

#[test]
fn no_operation_names_a_parameter_twice() {
    for op in phonecom::catalog().iter() {
        let mut names: Vec<&str> = op.params.iter().map(|p| p.name.as_str()).collect();
        names.sort();
        let before = names.len();
        names.dedup();
        assert_eq!(before, names.len(), "{} repeats a parameter", op.name);
    }
}

#[test]
fn committed_schemas_match_the_generator() {
    for (family, source) in [
        ("v4", "phonecom-v4.swagger.json"),
        ("nol", "numbers-online-openapi.json"),
    ] {
        let Some(_) = spec(source) else {
            return;
        };
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
        let out = std::process::Command::new("python3")
            .arg(root.join("tools/gen_schemas.py"))
            .arg(family)
            .arg(root.join("../shared/spec").join(source))
            .output();
        let Ok(out) = out else {
            eprintln!("skipped: python3 is not available");
            return;
        };
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let path = format!("core/catalog/{family}.schemas.json");
        let committed = std::fs::read_to_string(root.join(&path)).unwrap();
        assert!(
            committed == String::from_utf8(out.stdout).unwrap(),
            "{path} is stale: rerun tools/gen_schemas.py {family}"
        );
    }
}

#[test]
fn every_result_and_reference_has_a_schema() {
    let catalog = phonecom::catalog();
    let json = catalog.to_json();
    let schemas = json["schemas"].as_object().unwrap();
    for op in catalog.iter() {
        if let Some(r) = &op.returns {
            assert!(
                catalog.schema(r).is_some(),
                "{}: returns {r}, which has no schema",
                op.name
            );
        }
    }
    fn refs(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::Object(m) => {
                if let Some(r) = m.get("ref").and_then(Value::as_str) {
                    out.push(r.to_string());
                }
                m.values().for_each(|x| refs(x, out));
            }
            Value::Array(a) => a.iter().for_each(|x| refs(x, out)),
            _ => {}
        }
    }
    let mut all = Vec::new();
    refs(&json["schemas"], &mut all);
    for r in all {
        assert!(
            schemas.contains_key(&r),
            "schema reference {r} does not resolve"
        );
    }
    let list = catalog.schema("ListAvailableNumbers").unwrap();
    assert_eq!(
        list["properties"]["items"]["items"]["ref"],
        "AvailableNumbersFull"
    );
}

#[test]
fn prefilled_parameters_are_marked() {
    let json = phonecom::catalog().to_json();
    let op = json["operations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["name"] == "v4.create-account-subaccount")
        .unwrap();
    let account_id = op["params"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "account_id")
        .unwrap();
    assert_eq!(account_id["prefilled"], "v4.account_id");
    let username = op["params"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "username")
        .unwrap();
    assert!(username.get("prefilled").is_none());
}
