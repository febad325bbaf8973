//! The operation facts the catalog carries (auth, idempotency, prefilled parameters, paging and
//! where a list's rows are, conditional requirements, redirects, issued secrets), that every entry's JSON is the one serialisation, and that the
//! client, the wires and the pager act on those facts (against the sandbox).

mod common;

use phonecom::catalog::{Auth, Family, PagingKind};
use phonecom::{catalog, Client, Config, ErrorKind};
use serde_json::{json, Value};

#[test]
fn every_family_name_parses_to_its_enum() {
    for op in catalog().iter() {
        let family = op.name.split('.').next().unwrap_or_default();
        assert_eq!(family.parse::<Family>(), Ok(op.family), "{}", op.name);
    }
    assert_eq!(catalog().family("express").count(), 1);
}

#[test]
fn idempotency_is_the_method_s_unless_the_catalog_says_why_not() {
    let c = catalog();
    for op in c.iter() {
        let by_method = phonecom::catalog::Operation::method_is_idempotent(&op.method);
        let reasoned = matches!(op.family, Family::Xml | Family::Oauth | Family::Express)
            || op.name.starts_with("nol.") && matches!(op.method.as_str(), "POST" | "PATCH");
        if !reasoned {
            assert_eq!(op.idempotent, by_method, "{}", op.name);
        }
    }
    for name in [
        "nol.updateAccount",
        "nol.accountPhonePatch",
        "nol.setTenantStatus",
        "nol.setSigning",
        "xml.sendSMS",
        "oauth.user-token",
    ] {
        assert!(c.get(name).unwrap().idempotent, "{name}");
    }
    for name in [
        "nol.createTenant",
        "v4.create-account-subaccount",
        "v1.menus.create",
    ] {
        assert!(!c.get(name).unwrap().idempotent, "{name}");
    }
}

#[test]
fn auth_exemptions_are_catalog_facts() {
    let exempt: Vec<(&str, Auth)> = catalog()
        .iter()
        .filter(|op| op.auth != Auth::Required)
        .map(|op| (op.name.as_str(), op.auth))
        .collect();
    assert_eq!(
        exempt,
        [
            ("nol.accountSignup", Auth::None),
            ("v4.create-oauth-access-token", Auth::Optional),
            ("v4.ping", Auth::Optional),
        ]
    );
    assert!(phonecom::nol::is_keyless("nol.accountSignup"));
    assert!(!phonecom::nol::is_keyless("nol.getAccount"));
    assert!(!phonecom::nol::is_keyless("nol.noSuchOperation"));
}

#[test]
fn paging_says_how_every_list_walks_and_where_its_rows_are() {
    let c = catalog();
    let mut kinds = std::collections::BTreeMap::new();
    for op in c.iter() {
        assert_eq!(op.pageable, op.paging.is_some(), "{}", op.name);
        let Some(paging) = &op.paging else { continue };
        *kinds.entry(format!("{:?}", paging.kind)).or_insert(0) += 1;
        assert!(!paging.rows.is_empty(), "{}", op.name);
        if paging.kind == PagingKind::Offset {
            assert!(
                op.param("offset").is_some() && op.param("limit").is_some(),
                "{}",
                op.name
            );
        }
        // The rows path leads to an array in the result schema, when there is one.
        if let Some(returns) = &op.returns {
            let mut schema = c.schema(returns).unwrap();
            for key in &paging.rows {
                schema = schema["properties"][key].clone();
            }
            assert_eq!(schema["type"], "array", "{}: {:?}", op.name, paging.rows);
        }
    }
    assert_eq!(kinds["TimeWindows"], 1);
    assert_eq!(
        kinds["V1"],
        c.family("v1").filter(|o| o.name.ends_with(".list")).count()
    );
    assert!(kinds["Offset"] >= 28, "{kinds:?}");
    let calls = c.get("xml.getCallList").unwrap().paging.clone().unwrap();
    let walk: Vec<&str> = calls.walk.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(walk, ["startTime", "endTime", "limit"]);
    assert_eq!(calls.rows, ["data", "items"]);
}

#[test]
fn the_catalog_json_is_each_entry_s_one_serialisation_with_every_fact() {
    let c = catalog();
    let doc = c.to_json();
    let ops = doc["operations"].as_array().unwrap();
    assert_eq!(ops.len(), c.len());
    for (json, op) in ops.iter().zip(c.iter()) {
        assert_eq!(json, &serde_json::to_value(op).unwrap(), "{}", op.name);
        assert!(
            json["idempotent"].is_boolean() && json["auth"].is_string(),
            "{}",
            op.name
        );
    }
    let get = |name: &str| ops.iter().find(|o| o["name"] == name).unwrap().clone();
    let account = get("v4.get-account");
    assert_eq!(account["params"][0]["prefilled"], "v4.account_id");
    assert_eq!(get("v4.ping")["auth"], "optional");
    assert_eq!(get("nol.accountSignup")["auth"], "none");
    let walk = get("v4.list-account-subaccounts");
    assert_eq!(walk["pageable"], true);
    assert_eq!(walk["paging"], json!({"kind": "offset", "rows": ["items"]}));
    assert_eq!(get("xml.getCallList")["paging"]["kind"], "time_windows");
    assert_eq!(get("v1.menus.list")["paging"]["kind"], "v1");
    // Conditional requirements, redirects and issued secrets are facts too (no wire compares
    // operation names to apply them).
    let token = get("v4.create-oauth-access-token");
    let code = token["params"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "code")
        .unwrap();
    assert_eq!(
        code["required_if"],
        json!({"param": "grant_type", "values": ["authorization_code"]})
    );
    assert_eq!(
        token["secret_results"],
        json!(["access_token", "refresh_token"])
    );
    assert_eq!(
        get("oauth.user-token")["secret_results"],
        json!(["access_token", "refresh_token"])
    );
    assert_eq!(get("v4.create-oauth-authorization")["redirects"], true);
    let media = get("v1.media.create");
    let file = media["params"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "file")
        .unwrap();
    assert_eq!(file["required_unless"], json!(["tts_text"]));
    let redirecting: Vec<&str> = c
        .iter()
        .filter(|o| o.redirects)
        .map(|o| o.name.as_str())
        .collect();
    assert_eq!(redirecting, ["v4.create-oauth-authorization"]);
}

#[test]
fn a_prefilled_parameter_comes_from_the_configuration_and_says_so_when_missing() {
    let env = common::start();
    // account_id left out: filled from the configured v4.account_id.
    let account = env.client.call("v4.get-account", json!({})).unwrap();
    assert_eq!(account["id"], env.account_id());
    // With no account id configured, the error names the parameter.
    let mut config = env.config.clone();
    config["v4"].as_object_mut().unwrap().remove("account_id");
    let client = Client::new(Config::from_value(config).unwrap()).unwrap();
    let e = client.call("v4.get-account", json!({})).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Validation);
    assert!(e.fields().iter().any(|f| f.field == "account_id"), "{e}");
}

#[test]
fn only_operations_the_catalog_calls_idempotent_are_repeated_after_a_500() {
    let env = common::start();
    let s = env.client.nol().signup(Some("Facts"), None).unwrap();
    let client = env.client.with_nol_key(s.api_key.clone()).unwrap();
    // nol.updateAccount is a PATCH that sets a state: retried through one 500.
    env.fault("PATCH", "/api/v1/account", "status=500", 1);
    client
        .call("nol.updateAccount", json!({"name": "Facts Inc"}))
        .unwrap();
    assert_eq!(env.count("PATCH", "/api/v1/account"), 2);
    // nol.createTenant is a POST that creates: one send, and the error says why.
    env.fault("POST", "/api/v1/account/tenants", "status=500", 1);
    let e = client
        .call("nol.createTenant", json!({"name": "t1"}))
        .unwrap_err();
    assert_eq!(env.count("POST", "/api/v1/account/tenants"), 1);
    assert!(!e.is_retryable(), "{e}");
    assert!(e.to_string().contains("not idempotent"), "{e}");
}

#[test]
fn keyless_and_token_optional_operations_are_sent_without_a_credential() {
    let env = common::start();
    let mut config = env.config.clone();
    config["v4"].as_object_mut().unwrap().remove("token");
    config["nol"].as_object_mut().unwrap().remove("api_key");
    let bare = Client::new(Config::from_value(config).unwrap()).unwrap();
    // v4.ping is sent without a token (the sandbox, like the swagger, still wants one).
    let e = bare.call("v4.ping", Value::Null).unwrap_err();
    assert_eq!(e.status(), Some(401), "sent: {e}");
    let signed = bare
        .call("nol.accountSignup", json!({"name": "Keyless"}))
        .unwrap();
    assert!(signed["api_key"].is_string());
    // Every other operation of those families is refused before sending.
    for name in ["v4.list-accounts", "nol.getAccount"] {
        let e = bare.call(name, Value::Null).unwrap_err();
        assert_eq!(
            (e.kind(), e.status()),
            (ErrorKind::Authentication, None),
            "{e}"
        );
    }
}

#[test]
fn a_walk_refuses_what_the_catalog_does_not_page() {
    let env = common::start();
    let e = env
        .client
        .pages("v4.get-account", Value::Null)
        .err()
        .unwrap();
    assert!(e.to_string().contains("not a pageable list"), "{e}");
    let e = env
        .client
        .pages(
            "xml.getCallList",
            json!({"startTime": 1, "endTime": 2, "from": 3}),
        )
        .err()
        .unwrap();
    assert!(e.to_string().contains("startTime, endTime, limit"), "{e}");
}

#[test]
fn a_result_field_whose_doc_says_null_is_nullable_in_every_family() {
    fn walk(schema: &Value, at: &str, missing: &mut Vec<String>) {
        let Some(props) = schema.get("properties").and_then(Value::as_object) else {
            return;
        };
        for (key, prop) in props {
            let doc = prop["doc"]
                .as_str()
                .unwrap_or_default()
                .to_ascii_lowercase();
            let says_null = doc
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|w| w == "null");
            if says_null && prop["nullable"] != true {
                missing.push(format!("{at}.{key}"));
            }
            walk(prop, &format!("{at}.{key}"), missing);
            walk(&prop["items"], &format!("{at}.{key}[]"), missing);
        }
    }
    let doc = catalog().to_json();
    let mut missing = Vec::new();
    for (name, schema) in doc["schemas"].as_object().unwrap() {
        walk(schema, name, &mut missing);
    }
    // XmlReply.data is "any JSON" already (null included).
    missing.retain(|m| m != "XmlReply.data");
    assert!(missing.is_empty(), "{missing:?}");
    let signup = catalog().schema("Signup").unwrap();
    assert_eq!(signup["properties"]["password"]["nullable"], true);
    let price = &catalog().schema("AvailableNumbersFull").unwrap()["properties"]["price"];
    assert_eq!(price["anyOf"][1]["enum"], json!(["REQUEST_QUOTE"]));
}
