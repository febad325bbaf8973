//! Secrets never leak (errors, Debug, log events), and the Express sign-up flow, including a
//! retry after a reset-after-processing fault that must not create a second subaccount.

mod common;

use common::shown;

use phonecom::express::{signup, PasswordMode, SignupRequest};
use phonecom::types::Contact;
use phonecom::{CallOptions, Client, Config, ErrorKind, Secret};
use serde_json::json;
use std::time::Duration;

fn contact() -> Contact {
    serde_json::from_value(common::contact()).unwrap()
}

#[test]
fn secrets_never_appear_in_errors_debug_or_logs() {
    let env = common::start();
    let token = env.token();
    let mut cfg = env.config.clone();
    cfg["retry"]["max_attempts"] = json!(2);
    let (client, events) = common::logged_client(cfg);
    assert!(
        !format!("{client:?}").contains(&token),
        "Debug of the client"
    );

    // Server errors retried and given up: the error and every retry event must stay masked.
    let path = format!("/v4/accounts/{}/sms", env.account_id());
    env.fault("GET", &path, "status=500", 2);
    let e = client.call("v4.list-account-sms", json!({})).unwrap_err();
    let password = "pw-Very-Secret-123";
    let e2 = client
        .call(
            "v4.create-account-subaccount",
            json!({"username": "x", "password": password, "contact": "not an object"}),
        )
        .unwrap_err();
    let bad = client
        .with_v4_token(Secret::new("user-token-abcdef"), None)
        .unwrap();
    let e3 = bad.call("v4.get-account", json!({})).unwrap_err();
    for text in [
        e.to_string(),
        format!("{e:?}"),
        e.to_json().to_string(),
        e2.to_string(),
        format!("{e2:?}"),
        e3.to_string(),
        format!("{e3:?}"),
    ] {
        assert!(!text.contains(&token), "token leaked: {text}");
        assert!(!text.contains(password), "password leaked: {text}");
        assert!(
            !text.contains("user-token-abcdef"),
            "user token leaked: {text}"
        );
    }
    let logged = events.lock().unwrap().join("\n");
    assert!(
        logged.contains("request") && logged.contains("retry"),
        "events were logged: {logged}"
    );
    assert!(!logged.contains(&token), "token in a log event");
    // The sandbox's own request log masks secrets too.
    for r in env.requests() {
        let text = r.to_string();
        assert!(!text.contains(&token), "{text}");
    }
}

#[test]
fn signup_flow_creates_subaccount_and_user_token() {
    let env = common::start();
    let done = signup(&env.client, &SignupRequest::new("acme", "12345", contact())).unwrap();
    assert_eq!(done.username, "acme-12345");
    assert!(!done.recovered);
    let password = done
        .password
        .clone()
        .expect("a generated password is returned once");
    assert_eq!(password.expose().len(), 32);
    assert!(!format!("{done:?}").contains(password.expose()));
    assert!(!format!("{done:?}").contains(done.token.access_token.expose()));

    // The user's token works for the user's own account.
    let as_user = env
        .client
        .with_v4_token(done.token.access_token.clone(), Some(done.account.id))
        .unwrap();
    let me = as_user.v4().account().unwrap();
    assert_eq!(me.username.as_deref(), Some("acme-12345"));

    // The token call went out as the guide shows.
    let token_call = env
        .requests()
        .into_iter()
        .find(|r| r["path"].as_str().unwrap_or("").contains("/authorization"))
        .unwrap();
    assert_eq!(token_call["method"], "POST");
    assert_eq!(token_call["query"]["response_type"], "token");
    assert_eq!(token_call["query"]["scope"], "account-owner");
    assert_eq!(
        token_call["query"]["redirect_uri"],
        "https://express.phone.com"
    );
    assert_eq!(token_call["body"]["username"], "acme-12345");
}

#[test]
fn signup_with_the_partner_token_as_password() {
    let env = common::start();
    let mut req = SignupRequest::new("acme", "777", contact());
    req.password = PasswordMode::PartnerToken;
    let done = signup(&env.client, &req).unwrap();
    assert!(done.password.is_none());
    assert!(!done.token.access_token.is_empty());
}

#[test]
fn signup_refuses_bad_input_before_sending() {
    let env = common::start();
    let mut c = contact();
    c.address.province = None;
    c.phone = "555-0001".into();
    let e = signup(&env.client, &SignupRequest::new("Acme!", "1", c.clone())).unwrap_err();
    assert!(e.to_string().contains("`partner`"), "{e}");
    let e = signup(&env.client, &SignupRequest::new("acme", "1", c)).unwrap_err();
    let fields: Vec<&str> = e.fields().iter().map(|f| f.field.as_str()).collect();
    assert!(
        fields.contains(&"contact.address.province") && fields.contains(&"contact.phone"),
        "{fields:?}"
    );
    assert!(env.requests().is_empty());
}

#[test]
fn signup_after_reset_after_processing_creates_one_subaccount() {
    let env = common::start();
    let path = format!("/v4/accounts/{}/subaccounts", env.account_id());
    env.fault("POST", &path, "reset_after", 1);
    let done = signup(&env.client, &SignupRequest::new("acme", "4242", contact())).unwrap();
    assert!(
        done.recovered,
        "the first create's outcome was unknown and it was found by user name"
    );
    assert_eq!(env.count("POST", &path), 1, "the create was not sent again");
    let same: Vec<_> = env
        .client
        .v4()
        .iter_subaccounts(&Default::default())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|a| a.username.as_deref() == Some("acme-4242"))
        .collect();
    assert_eq!(same.len(), 1, "exactly one subaccount for the user");
    // And the token still works: the password the first attempt set is the one used.
    let as_user = env
        .client
        .with_v4_token(done.token.access_token.clone(), Some(done.account.id))
        .unwrap();
    as_user.v4().account().unwrap();
}

#[test]
fn signup_after_reset_before_processing_creates_it_once() {
    let env = common::start();
    let path = format!("/v4/accounts/{}/subaccounts", env.account_id());
    env.fault("POST", &path, "reset_before", 1);
    let done = signup(&env.client, &SignupRequest::new("acme", "5151", contact())).unwrap();
    assert_eq!(
        env.count("POST", &path),
        2,
        "not found by user name, so created again"
    );
    assert!(done.recovered);
}

#[test]
fn a_signup_whose_token_call_failed_resumes_instead_of_locking_the_user_out() {
    let env = common::start();
    let path = format!("/v4/accounts/{}/subaccounts", env.account_id());
    // Every attempt of the token call fails: the subaccount exists, the user has no token yet.
    env.fault("POST", "/oauth/", "status=500", 10);
    let e = signup(&env.client, &SignupRequest::new("acme", "778", contact())).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Server, "{e}");
    assert!(e.message().contains("resumes"), "{e}");
    env.admin("DELETE", "/faults", None);

    // Signing the same user up again on this client finds the subaccount and gets the token with
    // the password it was created with, which is returned as on a first success.
    let done = signup(&env.client, &SignupRequest::new("acme", "778", contact())).unwrap();
    assert!(done.recovered);
    let password = done.password.clone().expect("the generated password");
    assert_eq!(
        env.count("POST", &path),
        2,
        "the second create was refused as taken"
    );
    assert_eq!(env.subaccounts_named("acme-778"), 1);
    let as_user = env
        .client
        .with_v4_token(done.token.access_token.clone(), Some(done.account.id))
        .unwrap();
    as_user.v4().account().unwrap();
    // Finished: the client keeps nothing, and a fresh client cannot take the user over without
    // the password, so it answers `conflict` and says what to do, without the password.
    let again = signup(&env.client, &SignupRequest::new("acme", "778", contact())).unwrap_err();
    assert_eq!(again.kind(), ErrorKind::Conflict, "{again}");
    assert!(again.message().contains("already signed up"), "{again}");
    assert!(!shown(&again).contains(password.expose()));
    assert_eq!(env.subaccounts_named("acme-778"), 1);
}

#[test]
fn a_signup_with_a_stored_password_can_be_repeated_by_a_new_client() {
    let env = common::start();
    let stored = Secret::new("stored-password-Zq8#kLm2-w9");
    let request = || {
        let mut req = SignupRequest::new("acme", "779", contact());
        req.password = PasswordMode::Given(stored.clone());
        req
    };
    env.fault("POST", "/oauth/", "status=500", 10);
    assert!(signup(&env.client, &request()).is_err());
    env.admin("DELETE", "/faults", None);
    // A new client (a restarted portal) with the stored password finishes the sign-up.
    let fresh = Client::new(env.client.config().clone()).unwrap();
    let done = signup(&fresh, &request()).unwrap();
    assert!(done.recovered);
    assert!(done.password.is_none(), "the caller already holds it");
    assert_eq!(env.subaccounts_named("acme-779"), 1);
    // The partner-token mode takes an existing subaccount over the same way.
    let mut req = SignupRequest::new("acme", "779", contact());
    req.password = PasswordMode::PartnerToken;
    assert!(signup(&fresh, &req).unwrap().recovered);
}

#[test]
fn signup_through_the_generic_call() {
    let env = common::start();
    let out = env
        .client
        .call(
            "express.signup",
            json!({"partner": "acme", "user_id": "900", "contact": common::contact()}),
        )
        .unwrap();
    assert_eq!(out["username"], "acme-900");
    assert!(out["token"]["access_token"].is_string());
    let e = env
        .client
        .call(
            "express.signup",
            json!({"partner": "acme", "user_id": "901"}),
        )
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Validation);
    assert!(e.fields().iter().any(|f| f.field == "contact"));
}

#[test]
fn per_call_options_reach_every_step_of_a_signup() {
    let env = common::start();
    let params = |id: &str| json!({"partner": "acme", "user_id": id, "contact": common::contact()});
    // max_attempts = 1: the token step's 500 is not retried (the client's default would retry).
    env.fault("POST", "/oauth/", "status=500", 1);
    let once = CallOptions {
        max_attempts: Some(1),
        ..CallOptions::default()
    };
    let e = env
        .client
        .call_with("express.signup", params("910"), &once)
        .unwrap_err();
    assert_eq!(e.status(), Some(500), "{e}");
    let token_calls = env
        .requests()
        .iter()
        .filter(|r| {
            r["method"] == "POST" && r["path"].as_str().unwrap_or("").starts_with("/oauth/")
        })
        .count();
    assert_eq!(token_calls, 1, "{e}");
    // The deadline bounds the whole sign-up: a token step slower than what remains times out.
    env.fault("POST", "/oauth/", "latency=3000", 1);
    let short = CallOptions {
        deadline: Some(Duration::from_millis(400)),
        ..CallOptions::default()
    };
    let e = env
        .client
        .call_with("express.signup", params("911"), &short)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Timeout, "{e}");
    assert!(e.to_string().contains("deadline"), "{e}");
    // Extra headers are refused before anything is sent.
    let headers = CallOptions {
        headers: vec![("X-Trace".into(), "1".into())],
        ..CallOptions::default()
    };
    let e = env
        .client
        .call_with("express.signup", params("912"), &headers)
        .unwrap_err();
    assert_eq!(e.fields()[0].field, "headers", "{e}");
    assert_eq!(env.subaccounts_named("acme-912"), 0);
}

#[test]
fn client_is_shared_across_threads() {
    let env = common::start();
    let client = env.client.clone();
    let handles: Vec<_> = (0..8)
        .map(|i| {
            let c = client.clone();
            std::thread::spawn(move || {
                c.call(
                    "v4.create-account-sms",
                    json!({"from": "+18585550100", "to": "+16195550101", "text": format!("m{i}")}),
                )
                .unwrap()
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let n = env
        .client
        .items::<serde_json::Value>("v4.list-account-sms", json!({}))
        .unwrap()
        .count();
    assert_eq!(n, 8);
}

/// Whether `text` holds `prefix` followed by at least 16 hex digits (a sandbox token or key).
fn holds_token(text: &str, prefix: &str) -> bool {
    text.match_indices(prefix).any(|(i, _)| {
        text[i + prefix.len()..]
            .chars()
            .take_while(char::is_ascii_hexdigit)
            .count()
            >= 16
    })
}

#[test]
fn token_responses_cut_short_never_show_the_tokens() {
    let env = common::start();
    let client = &env.client;
    let pw = "Sub-Password-0123456789";
    client
        .call(
            "v4.create-account-subaccount",
            json!({"username": "cut-1", "password": pw}),
        )
        .unwrap();

    // The Express guide's token call: the sandbox issues a token, then sends half the body.
    env.fault("POST", "/oauth/", "malformed", 1);
    let e = client
        .call(
            "oauth.user-token",
            json!({"username": "cut-1", "password": pw}),
        )
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Decode, "{e}");
    let raw = e.raw_body().expect("the raw body is kept");
    assert!(raw.contains(r#""access_token":"***"#), "{raw}");
    assert!(!holds_token(&shown(&e), "sbx_at_"), "{}", shown(&e));
    assert!(!holds_token(raw, "sbx_at_"), "{raw}");

    // v4's grant: access and refresh tokens in the half that arrives.
    env.fault("POST", "/v4/oauth/access-token", "malformed", 1);
    let e = client
        .call(
            "v4.create-oauth-access-token",
            json!({"grant_type": "password", "username": "cut-1", "password": pw}),
        )
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Decode, "{e}");
    let raw = e.raw_body().unwrap();
    assert!(raw.contains(r#""access_token":"***"#), "{raw}");
    for prefix in ["sbx_at_", "sbx_rt_"] {
        assert!(!holds_token(&shown(&e), prefix), "{}", shown(&e));
    }
    assert!(!shown(&e).contains(pw));

    // numbers.online's sign-up: the new account's key is shown only in that body.
    env.fault("POST", "/api/v1/account/signup", "malformed", 1);
    let e = client
        .call(
            "nol.accountSignup",
            json!({"name": "Cut Short", "email": "cut@example.com"}),
        )
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Decode, "{e}");
    let raw = e.raw_body().unwrap();
    assert!(raw.contains(r#""api_key":"***"#), "{raw}");
    assert!(!holds_token(&shown(&e), "nol_"), "{}", shown(&e));
}

#[test]
fn per_call_secret_parameters_are_masked_where_an_upstream_echoes_them() {
    let env = common::start();
    let client = &env.client;
    let held = client.own_secret_count();
    let pw = "Echoed-Password-4711";
    client
        .call(
            "v4.create-account-subaccount",
            json!({"username": "echo-1", "password": pw}),
        )
        .unwrap();
    // The sandbox's `echo` fault repeats the values it was sent, without their names, so only
    // masking by value can catch them.
    let path = format!("/v4/accounts/{}/subaccounts", env.account_id());
    let cases = [
        (
            path.as_str(),
            "v4.create-account-subaccount",
            json!({"username": "echo-2", "password": pw}),
        ),
        (
            "/v4/oauth/access-token",
            "v4.create-oauth-access-token",
            json!({"grant_type": "password", "username": "echo-1", "password": pw}),
        ),
        (
            "/oauth/",
            "oauth.user-token",
            json!({"username": "echo-1", "password": pw}),
        ),
        (
            "/special/xmlapi",
            "xml.createAccount",
            json!({"newUsername": "echo-3", "newPassword": pw, "name": "Ada", "address": "1 Elm St",
                   "city": "Paris", "country": "FR", "phone": "+33142000000", "email": "ada@example.com"}),
        ),
        (
            "/api/v1/account/verify-phone/confirm",
            "nol.accountVerifyPhoneConfirm",
            json!({"phone": "+15555550001", "code": "918273"}),
        ),
    ];
    for (path, op, params) in cases {
        let secret = params
            .get("password")
            .or(params.get("newPassword"))
            .or(params.get("code"))
            .and_then(|v| v.as_str())
            .unwrap()
            .to_string();
        env.fault("POST", path, "echo", 1);
        let e = client.call(op, params).unwrap_err();
        let text = shown(&e);
        assert!(
            text.contains("Rejected request with values") && text.contains("***"),
            "{op}: the echo arrived: {text}"
        );
        assert!(!text.contains(&secret), "{op} leaked its secret: {text}");
    }
    assert_eq!(
        client.own_secret_count(),
        held,
        "a call's secrets are not remembered after it"
    );
}

#[test]
fn signup_errors_are_masked_with_the_users_password() {
    let env = common::start();
    let pw = Secret::new("Portal-Kept-Password-99");
    let mut req = SignupRequest::new("acme", "echo", contact());
    req.password = PasswordMode::Given(pw.clone());
    // The create call is refused with an error repeating what it was sent.
    let path = format!("/v4/accounts/{}/subaccounts", env.account_id());
    env.fault("POST", &path, "echo", 1);
    let e = signup(&env.client, &req).unwrap_err();
    assert!(shown(&e).contains("Rejected request"), "{}", shown(&e));
    assert!(!shown(&e).contains(pw.expose()), "{}", shown(&e));
    // The subaccount is created, then the token call repeats the password.
    env.fault("POST", "/oauth/", "echo", 1);
    let e = signup(&env.client, &req).unwrap_err();
    assert_eq!(e.operation(), Some("oauth.user-token"), "{e}");
    assert!(!shown(&e).contains(pw.expose()), "{}", shown(&e));
    // And through the generic call, with a generated password.
    env.fault("POST", &path, "echo", 1);
    let e = env
        .client
        .call(
            "express.signup",
            json!({"partner": "acme", "user_id": "echo2", "contact": common::contact(), "password": "Generic-Call-Password-1"}),
        )
        .unwrap_err();
    assert!(
        !shown(&e).contains("Generic-Call-Password-1"),
        "{}",
        shown(&e)
    );
}

#[test]
fn derived_clients_keep_their_own_secrets_and_drop_them() {
    let env = common::start();
    let held = env.client.own_secret_count();
    let token = "user-token-0123456789abcdef";
    for i in 0..2000 {
        let as_user = env
            .client
            .with_v4_token(Secret::new(format!("{token}-{i}")), None)
            .unwrap();
        assert_eq!(as_user.redact(&format!("{token}-{i}")), "***");
        // The parent's secrets are masked by the derived client too.
        assert_eq!(as_user.redact(&env.token()), "***");
    }
    assert_eq!(
        env.client.own_secret_count(),
        held,
        "the parent did not grow"
    );
    assert_eq!(
        env.client.redact(&format!("{token}-7")),
        format!("{token}-7")
    );

    // A derived client's token stays masked in its errors over the wire.
    let as_user = env.client.with_v4_token(Secret::new(token), None).unwrap();
    let e = as_user.call("v4.get-account", json!({})).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Authentication);
    assert!(!shown(&e).contains(token));
    let keyed = env
        .client
        .with_nol_key(Secret::new("nol_0123456789abcdef0123"))
        .unwrap();
    let e = keyed.call("nol.getAccount", json!({})).unwrap_err();
    assert!(!shown(&e).contains("nol_0123456789abcdef0123"));
    assert_eq!(env.client.own_secret_count(), held);
}

#[test]
fn proxy_credentials_never_show() {
    let env = common::start_with(|c| {
        c["proxy"] = json!("http://proxy-user:Pr0xy%40Secret-9@127.0.0.1:9")
    });
    let cfg = env.client.config();
    for text in [format!("{cfg:?}"), format!("{:?}", env.client)] {
        assert!(!text.contains("Pr0xy"), "{text}");
        assert!(!text.contains("proxy-user"), "{text}");
        assert!(text.contains("http://***@127.0.0.1:9"), "{text}");
    }
    // The password is masked as written and decoded; loopback calls bypass the proxy.
    assert_eq!(
        env.client.redact("Pr0xy%40Secret-9 Pr0xy@Secret-9"),
        "*** ***"
    );
    env.client.call("v4.get-account", json!({})).unwrap();
    // A call through the (dead) proxy fails without showing it.
    let mut far = env.config.clone();
    far["v4"]["base_url"] = json!("https://api.phone.invalid/v4");
    far["retry"]["max_attempts"] = json!(1);
    let far = Client::new(Config::from_value(far).unwrap()).unwrap();
    let e = far.call("v4.get-account", json!({})).unwrap_err();
    assert!(!shown(&e).contains("Pr0xy"), "{}", shown(&e));
}

#[test]
fn settings_that_would_fail_every_call_are_refused_by_name() {
    let env = common::start();
    for (pointer, value, field) in [
        ("/retry/deadline_ms", json!(0), "retry.deadline_ms"),
        ("/timeouts/attempt_ms", json!(0), "timeouts.attempt_ms"),
        ("/timeouts/connect_ms", json!(0), "timeouts.connect_ms"),
        ("/retry/max_attempts", json!(0), "retry.max_attempts"),
        ("/v4/token", json!("abc"), "v4.token"),
        ("/nol/api_key", json!("k"), "nol.api_key"),
        ("/proxy", json!("http://u:pw@127.0.0.1:9"), "proxy"),
    ] {
        let mut cfg = env.config.clone();
        *cfg.pointer_mut(&pointer[..pointer.rfind('/').unwrap()])
            .map(|parent| {
                if parent.is_null() {
                    *parent = json!({});
                }
                parent
            })
            .unwrap()
            .as_object_mut()
            .unwrap()
            .entry(pointer.rsplit('/').next().unwrap())
            .or_insert(json!(null)) = value.clone();
        let e = Config::from_value(cfg).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Validation, "{pointer}");
        assert_eq!(e.fields()[0].field, field, "{e}");
        assert!(e.to_string().contains(&format!("`{field}`")), "{e}");
        if field == "v4.token" {
            assert!(!e.to_string().contains("abc"), "{e}");
        }
    }
    // Per call, too, before anything is sent.
    env.clear_requests();
    for (opts, field) in [
        (
            CallOptions {
                deadline: Some(Duration::ZERO),
                ..CallOptions::default()
            },
            "deadline",
        ),
        (
            CallOptions {
                attempt_timeout: Some(Duration::ZERO),
                ..CallOptions::default()
            },
            "attempt_timeout",
        ),
    ] {
        let e = env
            .client
            .call_with("v4.get-account", json!({}), &opts)
            .unwrap_err();
        assert_eq!(e.fields()[0].field, field, "{e}");
    }
    assert!(env.requests().is_empty(), "nothing was sent");
}
