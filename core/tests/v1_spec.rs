//! The REST v1 fixtures and rules against the formatting document itself (skipped where
//! `../shared/spec` is absent).

use serde_json::Value;

const DOC: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../shared/spec/002_9eaefa010376138f.txt"
);

fn doc() -> Option<String> {
    if !std::path::Path::new(DOC).exists() {
        eprintln!("skipped: {DOC} is not here (it is not part of the project)");
        return None;
    }
    Some(std::fs::read_to_string(DOC).unwrap())
}

fn fixture(name: &str) -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/v1/");
    serde_json::from_str(&std::fs::read_to_string(format!("{path}{name}")).unwrap()).unwrap()
}

/// The first JSON object after `marker` in the document.
fn json_after(doc: &str, marker: &str) -> Value {
    let start = doc
        .find(marker)
        .unwrap_or_else(|| panic!("`{marker}` not in the document"));
    let rest = &doc[start..];
    let open = rest.find('{').unwrap();
    let mut depth = 0;
    for (i, c) in rest[open..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return serde_json::from_str(&rest[open..open + i + 1]).unwrap();
                }
            }
            _ => {}
        }
    }
    panic!("unbalanced JSON after `{marker}`")
}

#[test]
fn fixtures_are_the_documents_examples() {
    let Some(doc) = doc() else { return };
    assert_eq!(
        json_after(&doc, "Request Body Format for POST to /menus"),
        fixture("menus_post_request.json")
    );
    assert_eq!(
        json_after(&doc, "For HTTP Code 404:"),
        fixture("resource_id_response.json")
    );
    assert_eq!(
        json_after(&doc, "without the proper authentication"),
        fixture("error_10003.json")
    );
    assert_eq!(
        json_after(&doc, "as seen in the example of an SMS object below"),
        fixture("sms_object.json")
    );
    assert_eq!(
        json_after(&doc, "building the object for a greeting upload"),
        fixture("greeting_object.json")
    );
}

#[test]
fn the_documents_rules_are_the_ones_implemented() {
    let Some(doc) = doc() else { return };
    assert!(doc.contains(r"Matching an E.164 string: /^\+?\d{11,14}$/"));
    assert!(
        doc.contains(r"Matching a resource_id: /^[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}$/")
    );
    assert!(doc.contains("$12,345.67"));
    assert_eq!(
        phonecom::types::Money::parse("$12,345.67").unwrap().cents(),
        Some(1_234_567)
    );
    for (ext, mime) in [
        ("mp3", "audio/mpeg"),
        ("ulaw", "audio/x-ulaw"),
        ("wav", "audio/wav"),
        ("wav", "audio/x-wav"),
    ] {
        assert!(doc.contains(&format!(".{ext} {mime}")), "{ext} {mime}");
    }
    assert!(doc.contains("is 20 MB"));
    // The services the document lists, in its order.
    let listed: Vec<&str> = doc
        .lines()
        .filter_map(|l| {
            l.split_whitespace()
                .find(|w| w.starts_with('/') && w.len() > 1 && !w.contains('.'))
        })
        .filter(|w| !w.contains("menus\"") && !w.starts_with("//"))
        .collect();
    for svc in phonecom::v1::services() {
        assert!(
            listed.contains(&format!("/{svc}").as_str()),
            "{svc} not listed"
        );
    }
    // The menu schema's properties are the catalog's.
    let schema = json_after(
        &doc,
        "the literal schema for the POST request to /menus is as follows",
    );
    let op = phonecom::catalog().get("v1.menus.create").unwrap();
    let mut props: Vec<&str> = schema["properties"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut params: Vec<&str> = op.params.iter().map(|p| p.name.as_str()).collect();
    props.sort();
    params.sort();
    assert_eq!(props, params);
    assert_eq!(schema["properties"]["digits"]["minItems"], 1);
    assert_eq!(
        schema["properties"]["digits"]["items"]["additionalProperties"],
        false
    );
}
