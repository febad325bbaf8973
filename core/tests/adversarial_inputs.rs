//! Findings of an adversarial audit, over real HTTP on loopback (the sandbox, or a scripted stub
//! where the sandbox cannot produce the hostile answer): secrets in base URLs, in escaped forms,
//! in every part of an error and log event; the XML username; short secret parameters; header
//! credentials that could never be sent.

mod common;
mod stub;

use phonecom::{Client, Config, ErrorKind, Secret};
use serde_json::json;
use stub::{Reply, Stub};

use common::{logged_client, shown};

#[test]
fn a_password_in_a_base_url_is_refused_without_being_shown() {
    let env = common::start();
    let base = env.config["v4"]["base_url"].as_str().unwrap().to_string();
    let with_userinfo = base.replacen("://", "://user:Base-Url-Pw-31337@", 1);
    for (family, url) in [
        ("v4", with_userinfo.clone()),
        ("nol", with_userinfo.replacen("http://", "htp://", 1)),
    ] {
        let mut cfg = env.config.clone();
        cfg[family]["base_url"] = json!(url);
        let e = Config::from_value(cfg).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Validation);
        assert!(shown(&e).contains(&format!("{family}.base_url")), "{e}");
        assert!(!shown(&e).contains("Base-Url-Pw-31337"), "{}", shown(&e));
    }
    // Credentials belong in the credential fields; the sandbox config without userinfo works.
    env.client.call("v4.list-accounts", json!({})).unwrap();
}

#[test]
fn every_string_of_an_error_and_log_event_is_masked() {
    const PASSWORD: &str = "v1pass_Adversary!99";
    // An upstream that repeats the password everywhere: the request id header, the reference
    // URL, the field name, and a key and value of the extra members.
    let stub = Stub::start(|_| {
        Reply::json(
            400,
            json!({"response": {"error": {
                "info": "bad request",
                "code": 40000,
                "url": format!("https://docs.example.com/errors?pw={PASSWORD}"),
                "field": format!("body.{PASSWORD}"),
                PASSWORD: format!("value {PASSWORD}"),
            }}}),
        )
        .header("X-Request-Id", &format!("req-{PASSWORD}"))
    });
    let (client, events) = logged_client(json!({
        "v1": {"base_url": stub.base_url(), "api_key": "v1key_4f8a2c9e1b", "password": PASSWORD},
        "retry": {"max_attempts": 1},
    }));
    let e = client.call("v1.menus.list", json!({})).unwrap_err();
    assert!(e.doc_url().is_some() && e.request_id().is_some(), "{e:?}");
    assert!(!e.fields().is_empty() && !e.details().is_empty(), "{e:?}");
    assert!(!shown(&e).contains(PASSWORD), "{}", shown(&e));
    let logged = events.lock().unwrap().join("\n");
    assert!(logged.contains("req-***"), "{logged}");
    assert!(!logged.contains(PASSWORD), "{logged}");
}

#[test]
fn json_escaped_forms_of_a_password_are_masked() {
    let password = r#"Pa"ss\w0rd-xyz"#;
    for method in ["POST", "GET"] {
        let env = common::start_with(|c| {
            c["xml"]["password"] = json!(password);
            c["xml"]["method"] = json!(method);
        });
        // The sandbox's echo repeats the values it was sent in a JSON error body.
        env.fault(method, "/special/xmlapi", "echo", 1);
        let e = env
            .client
            .call("xml.getPhoneNumberList", json!({}))
            .unwrap_err();
        let text = shown(&e);
        assert!(text.contains("Rejected request"), "{text}");
        for leak in [password, r#"Pa\"ss"#, r#"ss\\w0rd"#, "w0rd-xyz"] {
            assert!(!text.contains(leak), "{method}: {leak} in {text}");
        }
    }
}

#[test]
fn xml_escaped_forms_of_a_password_are_masked() {
    let password = r#"Pa"ss'w0rd<x>&y"#;
    let stub = Stub::script(vec![Reply::text(
        400,
        "<html><body>Bad login <b title=\"Pa&quot;ss&apos;w0rd&lt;x&gt;&amp;y\">Pa\"ss'w0rd&lt;x&gt;&amp;y</b> Pa&#34;ss&#39;w0rd&lt;x&gt;&amp;y</body></html>",
    )]);
    let client = Client::new(
        Config::from_value(json!({
            "xml": {"base_url": format!("{}/special/xmlapi", stub.base_url()),
                    "username": "xml-user-1", "password": password},
            "retry": {"max_attempts": 1},
        }))
        .unwrap(),
    )
    .unwrap();
    let e = client
        .call("xml.getPhoneNumberList", json!({}))
        .unwrap_err();
    let text = shown(&e);
    assert!(
        e.raw_body()
            .unwrap()
            .contains(r#"title="***">***</b> ***<"#),
        "{text}"
    );
    assert!(!text.contains("w0rd"), "{text}");
}

#[test]
fn the_xml_username_is_masked_by_name_but_a_v4_subaccount_username_is_not() {
    // Short enough that only masking by name can catch it.
    let env = common::start_with(|c| {
        c["xml"]["username"] = json!("joe");
        c["xml"]["method"] = json!("GET");
    });
    let mut cfg = env.config.clone();
    cfg["retry"]["max_attempts"] = json!(1);
    let (client, events) = logged_client(cfg);
    env.fault("GET", "/special/xmlapi", "echo", 1);
    let e = client
        .call("xml.getPhoneNumberList", json!({}))
        .unwrap_err();
    let logged = events.lock().unwrap().join("\n");
    assert!(logged.contains("username=***&"), "{logged}");
    assert!(!logged.contains("username=joe"), "{logged}");
    assert!(!shown(&e).contains("username=joe"), "{}", shown(&e));

    // The configured username is hidden in Debug. It is not masked by value elsewhere: it is an
    // ordinary word (`sandbox` here) that would be masked inside unrelated text such as URLs.
    let env = common::start();
    let user = env.config["xml"]["username"].as_str().unwrap().to_string();
    assert!(!format!("{:?}", env.client).contains(&format!("\"{user}\"")));

    // v4's `username` is the portal's user name, not a secret: it stays readable.
    let path = format!("/v4/accounts/{}/subaccounts", env.account_id());
    env.fault("POST", &path, "echo", 1);
    let e = env
        .client
        .call(
            "v4.create-account-subaccount",
            json!({"username": "acme-12345", "password": "Echo-Pass-5150"}),
        )
        .unwrap_err();
    assert!(shown(&e).contains("acme-12345"), "{}", shown(&e));
    assert!(!shown(&e).contains("Echo-Pass-5150"), "{}", shown(&e));
}

#[test]
fn secret_parameters_shorter_than_four_characters_are_refused_before_sending() {
    let env = common::start();
    env.clear_requests();
    for (op, params) in [
        (
            "v4.create-account-subaccount",
            json!({"username": "short-1", "password": "Zq9"}),
        ),
        (
            "oauth.user-token",
            json!({"username": "short-1", "password": "Zq9"}),
        ),
    ] {
        let e = env.client.call(op, params).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Validation, "{e}");
        assert_eq!(e.fields()[0].field, "password", "{e}");
        assert!(!shown(&e).contains("Zq9"), "{}", shown(&e));
        assert_eq!(e.attempts(), 0, "{e}");
    }
    assert!(env.requests().is_empty(), "{:?}", env.requests());
}

#[test]
fn credentials_that_cannot_be_a_header_are_refused_without_sending() {
    let env = common::start();
    // In the config: refused by name, value not shown.
    let mut cfg = env.config.clone();
    cfg["v4"]["token"] = json!("étée-token-1234");
    let e = Config::from_value(cfg).unwrap_err();
    assert!(shown(&e).contains("v4.token"), "{e}");
    assert!(!shown(&e).contains("token-1234"), "{}", shown(&e));

    // For a derived client: refused when it is derived, naming the argument (nothing is sent).
    env.clear_requests();
    let e = env
        .client
        .with_v4_token(Secret::new("étée-token-1234"), None)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Validation, "{e}");
    assert_eq!(e.fields()[0].field, "token", "{e}");
    assert!(!shown(&e).contains("token-1234"), "{}", shown(&e));
    let e = env
        .client
        .with_nol_key(Secret::new("nol_kéy_0123456789"))
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Validation, "{e}");
    assert_eq!(e.fields()[0].field, "key", "{e}");
    assert!(!shown(&e).contains("0123456789"), "{}", shown(&e));
    assert!(env.requests().is_empty(), "{:?}", env.requests());
    // The parent client is unaffected.
    env.client.call("v4.list-accounts", json!({})).unwrap();
}

#[test]
fn a_tax_id_an_upstream_echoes_is_masked() {
    let env = common::start();
    // The echo fault answers before the number is looked up: any E.164 will do.
    env.fault("PUT", "/api/v1/account/listings/", "echo", 1);
    let e = env
        .client
        .call(
            "nol.putAccountListing",
            json!({"e164": "+15555550123", "dba": "Acme Plumbing", "ein": "12-3456789"}),
        )
        .unwrap_err();
    let text = shown(&e);
    assert!(text.contains("Acme Plumbing"), "the echo arrived: {text}");
    assert!(!text.contains("12-3456789"), "{text}");
}
