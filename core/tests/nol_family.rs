//! numbers.online over real HTTP against a scripted loopback server: the guide's examples,
//! auth headers, parameter rules, uploads, error mapping by code, and the onboarding flow.

mod stub;

use phonecom::nol::{ListingKind, ListingProfile, OnboardingPlan, Poll};
use phonecom::{Client, Config, ErrorKind, Secret};
use serde_json::{json, Value};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use stub::{Recorded, Reply, Stub};

const KEY: &str = "nol_test_7c1d9e2f4a6b8c0d";
const NEW_KEY: &str = "nol_8f3c2a1b9d4e6f7a8b9c0d1e2f3a4b5c6d7e8f9a";
const TENANT: &str = "3c9a7e51-2b4d-4f6a-9e8c-1d2b3c4d5e6f";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0";

fn fixture(name: &str) -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/nol/");
    serde_json::from_str(&std::fs::read_to_string(format!("{path}{name}")).unwrap()).unwrap()
}

fn config(stub: &Stub, extra: Value) -> Config {
    let mut c = json!({
        "nol": {"base_url": stub.base_url(), "api_key": KEY},
        "retry": {"max_attempts": 3, "base_delay_ms": 1, "max_delay_ms": 5, "deadline_ms": 5000},
    });
    for (k, v) in extra.as_object().unwrap() {
        if k == "nol" {
            for (kk, vv) in v.as_object().unwrap() {
                c["nol"][kk] = vv.clone();
            }
        } else {
            c[k] = v.clone();
        }
    }
    Config::from_value(c).unwrap()
}

fn client(stub: &Stub) -> Client {
    Client::new(config(stub, json!({}))).unwrap()
}

fn b64(data: &[u8]) -> String {
    phonecom::encode::base64_encode(data)
}

#[test]
fn signup_is_keyless_and_says_the_key_is_shown_once() {
    let stub = Stub::script(vec![
        Reply::json(201, fixture("signup_response.json")),
        Reply::json(
            401,
            json!({"error": format!("key {NEW_KEY} was revoked"), "code": "invalid_key"}),
        ),
    ]);
    let events = Arc::new(Mutex::new(Vec::new()));
    let sink = events.clone();
    let c = Client::builder(config(&stub, json!({"nol": {"api_key": null}})))
        .log_hook(move |e| sink.lock().unwrap().push(e.to_json().to_string()))
        .build()
        .unwrap();
    let raw = c
        .call(
            "nol.accountSignup",
            json!({"name": "Acme Telephony", "email": "ops@acme.example"}),
        )
        .unwrap();
    assert_eq!(raw["api_key"], NEW_KEY);
    assert!(raw["api_key_notice"]
        .as_str()
        .unwrap()
        .contains("shown only in this response"));
    let req = &stub.requests()[0];
    assert_eq!(req.method, "POST");
    assert_eq!(req.target, "/api/v1/account/signup");
    assert_eq!(req.header("authorization"), None);
    assert_eq!(req.header("x-api-key"), None);
    assert_eq!(
        req.json(),
        json!({"name": "Acme Telephony", "email": "ops@acme.example"})
    );

    // The new key is a secret from now on: masked in errors and logs.
    let typed: phonecom::nol::Signup = serde_json::from_value(raw).unwrap();
    assert!(!format!("{typed:?}").contains(NEW_KEY));
    let acme = c.with_nol_key(typed.api_key.clone()).unwrap();
    let e = acme.call("nol.getAccount", json!({})).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Authentication);
    assert_eq!(e.upstream_code(), Some("invalid_key"));
    let shown = format!(
        "{e} {e:?} {} {}",
        e.to_json(),
        events.lock().unwrap().join(" ")
    );
    assert!(!shown.contains(NEW_KEY), "{shown}");
    assert_eq!(
        stub.requests()[1].header("authorization"),
        Some(format!("Bearer {NEW_KEY}").as_str())
    );
}

#[test]
fn signup_refuses_a_malformed_email_before_sending() {
    let stub = Stub::script(vec![]);
    let e = client(&stub)
        .call("nol.accountSignup", json!({"email": "ops-at-acme"}))
        .unwrap_err();
    assert_eq!(e.fields()[0].field, "email");
    assert!(stub.requests().is_empty());
}

#[test]
fn bearer_or_x_api_key() {
    let stub = Stub::start(|_| Reply::json(200, json!({"keys": []})));
    client(&stub)
        .call("nol.listAccountKeys", json!({}))
        .unwrap();
    Client::new(config(&stub, json!({"nol": {"auth": "x-api-key"}})))
        .unwrap()
        .call("nol.listAccountKeys", json!({}))
        .unwrap();
    let reqs = stub.requests();
    assert_eq!(
        reqs[0].header("authorization"),
        Some(format!("Bearer {KEY}").as_str())
    );
    assert_eq!(reqs[0].header("x-api-key"), None);
    assert_eq!(reqs[1].header("x-api-key"), Some(KEY));
    assert_eq!(reqs[1].header("authorization"), None);
    let c = Client::new(config(&stub, json!({"nol": {"api_key": null}}))).unwrap();
    let e = c.call("nol.getAccount", json!({})).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Authentication);
    assert_eq!(stub.requests().len(), 2, "no key, nothing sent");
}

#[test]
fn staging_the_guides_profile_is_a_partial_put() {
    let stub = Stub::script(vec![Reply::json(200, fixture("put_listing_response.json"))]);
    let mut params = fixture("put_listing_request.json");
    params["e164"] = json!("14155550142");
    let out = client(&stub).call("nol.putAccountListing", params).unwrap();
    assert_eq!(out["state"], "draft");
    let req = &stub.requests()[0];
    assert_eq!(req.method, "PUT");
    assert_eq!(req.target, "/api/v1/account/listings/+14155550142");
    assert_eq!(req.json(), fixture("put_listing_request.json"));

    let e = client(&stub)
        .call(
            "nol.putAccountListing",
            json!({"e164": "+14155550142", "kind": "enterprise"}),
        )
        .unwrap_err();
    assert!(e.to_string().contains("business, personal"), "{e}");
    let e = client(&stub)
        .call("nol.getAccountListing", json!({"e164": "415-555"}))
        .unwrap_err();
    assert_eq!(e.fields()[0].field, "e164");
}

#[test]
fn the_logo_travels_raw_with_the_type_its_bytes_announce() {
    let stub = Stub::script(vec![Reply::json(200, fixture("logo_response.json"))]);
    let c = client(&stub);
    let out = c.nol().upload_logo("+14155550142", PNG).unwrap();
    assert_eq!(out.byte_size, Some(8123));
    let req = &stub.requests()[0];
    assert_eq!(req.target, "/api/v1/account/listings/+14155550142/logo");
    assert_eq!(req.header("content-type"), Some("image/png"));
    assert_eq!(req.body, PNG);

    let svg = b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>";
    let mut big = PNG.to_vec();
    big.resize(512 * 1024 + 1, 0);
    for (file, rule) in [
        (
            json!({"filename": "logo.png", "content_base64": b64(svg)}),
            "SVG",
        ),
        (
            json!({"filename": "logo.png", "content_base64": b64(b"GIF89a\x01\0")}),
            "image/png, image/jpeg, image/webp",
        ),
        (json!({"content_base64": b64(&big)}), "524288"),
        (
            json!({"content_base64": b64(PNG), "content_type": "image/webp"}),
            "bytes are image/png",
        ),
    ] {
        let e = c
            .call(
                "nol.uploadListingLogo",
                json!({"e164": "+14155550142", "file": file}),
            )
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Validation);
        assert_eq!(e.fields()[0].field, "file");
        assert!(e.to_string().contains(rule), "{rule}: {e}");
    }
    assert_eq!(stub.requests().len(), 1, "refused logos were not sent");
}

#[test]
fn logo_from_a_path() {
    let stub = Stub::script(vec![Reply::json(200, fixture("logo_response.json"))]);
    let dir = std::env::temp_dir().join(format!("phonecom-logo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("logo.svg.png");
    std::fs::write(&path, PNG).unwrap();
    client(&stub)
        .call(
            "nol.uploadListingLogo",
            json!({"e164": "+14155550142", "file": {"path": path}}),
        )
        .unwrap();
    assert_eq!(stub.requests()[0].header("content-type"), Some("image/png"));
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn topup_and_report_limits() {
    let stub = Stub::start(|r: &Recorded| {
        if r.path().ends_with("/reports") {
            Reply::json(200, fixture("reports_response.json"))
        } else {
            Reply::json(
                200,
                json!({"url": "https://checkout.stripe.com/c/pay/cs_test", "session_id": "cs_test", "promote_keys": true}),
            )
        }
    });
    let c = client(&stub);
    for bad in [499, 50_001, 0] {
        let e = c
            .call("nol.accountTopup", json!({"amount_cents": bad}))
            .unwrap_err();
        assert_eq!(e.fields()[0].field, "amount_cents", "{bad}");
    }
    let e = c.call("nol.accountTopup", json!({})).unwrap_err();
    assert!(e.to_string().contains("`amount_cents` is required"), "{e}");
    assert_eq!(
        c.nol().topup(500, None).unwrap().session_id.as_deref(),
        Some("cs_test")
    );
    c.call(
        "nol.accountTopup",
        json!({"amount_cents": 50_000, "promote_keys": false}),
    )
    .unwrap();
    let e = c
        .call(
            "nol.getAccountListingReports",
            json!({"e164": "+14155550142", "limit": 201}),
        )
        .unwrap_err();
    assert!(e.to_string().contains("at most 200"), "{e}");
    let reports = c.nol().listing_reports("+14155550142", Some(200)).unwrap();
    assert_eq!(
        reports.reports[0].reporter, None,
        "anonymous reporters are redacted"
    );
    assert_eq!(reports.reports[0].lane.as_deref(), Some("crowd"));
    let reqs = stub.requests();
    assert_eq!(reqs.len(), 3);
    assert_eq!(reqs[0].json(), json!({"amount_cents": 500}));
    assert_eq!(
        reqs[1].json(),
        json!({"amount_cents": 50000, "promote_keys": false})
    );
    assert_eq!(
        reqs[2].target,
        "/api/v1/account/listings/+14155550142/reports?limit=200"
    );
}

#[test]
fn keys_tenants_and_suppressions() {
    let stub = Stub::start(|r: &Recorded| match (r.method.as_str(), r.path()) {
        ("POST", "/api/v1/account/keys") => Reply::json(
            201,
            json!({"schema_version": "2026-06-16", "api_key": NEW_KEY, "key": {"id": TENANT, "key_prefix": "nol_8f3c2a1b"}}),
        ),
        ("PATCH", p) if p.starts_with("/api/v1/account/keys/") => Reply::json(
            200,
            json!({"ok": true, "key": {"id": TENANT, "disabled": true}}),
        ),
        ("DELETE", _) => Reply::json(200, json!({"tenant_id": TENANT, "suppressed": false})),
        ("POST", p) if p.ends_with("/suppressions") => Reply::json(
            201,
            json!({"tenant_id": TENANT, "suppressed": true, "label": "front desk"}),
        ),
        ("PATCH", _) => Reply::json(
            200,
            json!({"tenant": {"id": TENANT, "name": "Dental office", "status": "disabled"}, "note": "sub-keys disabled"}),
        ),
        _ => Reply::json(404, json!({"error": "not found"})),
    });
    let c = client(&stub);
    let k = c
        .nol()
        .create_key(Some("Dialer"), Some(&["lookup", "scrub"]))
        .unwrap();
    assert_eq!(k.api_key.expose(), NEW_KEY);
    assert!(!format!("{k:?}").contains(NEW_KEY));
    let e = c
        .call(
            "nol.updateAccountKey",
            json!({"id": TENANT, "disabled": false}),
        )
        .unwrap_err();
    assert!(e.to_string().contains("must be one of true"), "{e}");
    assert_eq!(c.nol().disable_key(TENANT).unwrap().disabled, Some(true));
    let e = c
        .call(
            "nol.rotateAccountKey",
            json!({"id": TENANT, "grace_seconds": 86_401}),
        )
        .unwrap_err();
    assert_eq!(e.fields()[0].field, "grace_seconds");
    let e = c
        .call("nol.getTenant", json!({"id": "dental"}))
        .unwrap_err();
    assert_eq!(e.fields()[0].field, "id");
    let e = c.call("nol.createTenant", json!({"name": ""})).unwrap_err();
    assert!(e.to_string().contains("at least 1"), "{e}");
    let e = c
        .call("nol.createTenant", json!({"name": "x".repeat(121)}))
        .unwrap_err();
    assert!(e.to_string().contains("at most 120"), "{e}");
    let added = c
        .nol()
        .add_tenant_suppression(TENANT, "1 415 555 2671", Some("front desk"))
        .unwrap();
    assert_eq!(added.suppressed, Some(true));
    let removed = c
        .nol()
        .remove_tenant_suppression(TENANT, "+14155552671")
        .unwrap();
    assert_eq!(removed.suppressed, Some(false));
    let st = c
        .nol()
        .set_tenant_status(TENANT, phonecom::nol::TenantStatus::Disabled)
        .unwrap();
    assert_eq!(st.tenant.status.as_deref(), Some("disabled"));
    let reqs = stub.requests();
    assert_eq!(
        reqs[0].json(),
        json!({"name": "Dialer", "use_cases": ["lookup", "scrub"]})
    );
    assert_eq!(reqs[1].json(), json!({"disabled": true}));
    assert_eq!(
        reqs[2].json(),
        json!({"number": "+14155552671", "label": "front desk"})
    );
    assert_eq!(reqs[3].method, "DELETE");
    assert_eq!(
        reqs[3].target,
        format!("/api/v1/account/tenants/{TENANT}/suppressions")
    );
    assert_eq!(reqs[3].json(), json!({"number": "+14155552671"}));
    assert_eq!(reqs[4].json(), json!({"status": "disabled"}));
    assert_eq!(reqs.len(), 5);
}

#[test]
fn verify_checkout_sends_no_body() {
    let stub = Stub::script(vec![Reply::json(200, fixture("checkout_response.json"))]);
    let out = client(&stub).nol().verify_checkout("+14155550142").unwrap();
    assert_eq!(
        out.url.as_deref(),
        Some("https://checkout.stripe.com/c/pay/cs_test_a1b2c3")
    );
    let req = &stub.requests()[0];
    assert_eq!(
        req.target,
        "/api/v1/account/listings/+14155550142/verify-checkout"
    );
    assert!(req.body.is_empty());
    assert_eq!(req.header("content-type"), None);
}

#[test]
fn errors_map_by_code() {
    let stub = Stub::script(vec![
        Reply::json(402, fixture("error_insufficient_balance.json")),
        Reply::json(
            402,
            json!({"error": "Free accounts can bind one phone number.", "code": "paid_verification_required"}),
        ),
        Reply::json(
            403,
            json!({"error": "Account suspended.", "code": "account_suspended"}),
        ),
        Reply::json(
            429,
            json!({"error": "Too many", "code": "rate_limited_pool", "retry_after_seconds": 0}),
        )
        .header("Retry-After", "0"),
        Reply::json(
            429,
            json!({"error": "Too many", "code": "rate_limited_pool", "retry_after_seconds": 0}),
        )
        .header("Retry-After", "0"),
        Reply::json(
            429,
            json!({"error": "Too many", "code": "rate_limited_key", "retry_after_seconds": 7}),
        ),
    ]);
    let c = client(&stub);
    let e = c
        .call("nol.accountTopup", json!({"amount_cents": 500}))
        .unwrap_err();
    assert_eq!(
        (e.kind(), e.status(), e.upstream_code()),
        (
            ErrorKind::Permission,
            Some(402),
            Some("insufficient_balance")
        )
    );
    assert_eq!(e.details()["topup_min_cents"], 500);
    let e = c
        .call(
            "nol.accountVerifyPhoneConfirm",
            json!({"phone": "+14155550143", "code": "123456"}),
        )
        .unwrap_err();
    assert_eq!(e.upstream_code(), Some("paid_verification_required"));
    assert_eq!(e.kind(), ErrorKind::Permission);
    let e = c.call("nol.getAccount", json!({})).unwrap_err();
    assert_eq!(e.upstream_code(), Some("account_suspended"));
    // A read that keeps getting 429: retried (Retry-After honoured), then reported.
    let e = c.call("nol.listTenants", json!({})).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::RateLimited);
    assert_eq!(e.upstream_code(), Some("rate_limited_key"));
    assert_eq!(e.retry_after(), Some(Duration::from_secs(7)));
    assert!(e.is_retryable());
    assert_eq!(e.attempts(), 3);
    assert_eq!(stub.requests().len(), 6);
}

#[test]
fn the_otp_code_is_a_secret_parameter() {
    let stub = Stub::script(vec![Reply::json(
        400,
        json!({"error": "Bad code 864209 for +14155550142"}),
    )]);
    let e = client(&stub)
        .call(
            "nol.accountVerifyPhoneConfirm",
            json!({"phone": "+14155550142", "code": "864209"}),
        )
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Validation);
    // The code is sent, of course; what the error keeps is the upstream's prose, as it said it.
    assert_eq!(stub.requests()[0].json()["code"], "864209");
    assert!(
        phonecom::catalog()
            .get("nol.accountVerifyPhoneConfirm")
            .unwrap()
            .param("code")
            .unwrap()
            .secret
    );
}

fn onboarding_server(polls_until_verified: usize) -> (Stub, Arc<AtomicUsize>) {
    let reads = Arc::new(AtomicUsize::new(0));
    let seen = reads.clone();
    let stub = Stub::start(move |r: &Recorded| {
        let p = r.path();
        match (r.method.as_str(), p) {
            ("POST", "/api/v1/account/verify-phone/start") => {
                Reply::json(200, json!({"ok": true, "dev_code": "123456"}))
            }
            ("POST", "/api/v1/account/verify-phone/confirm") => Reply::json(
                200,
                json!({"ok": true, "verified_phone": "+14155550142", "account_id": "0b6f3c1e-6a2d-4f7e-9c1b-2d3e4f5a6b7c", "already_bound": false}),
            ),
            ("PUT", "/api/v1/account/listings/+14155550142") => {
                Reply::json(200, fixture("put_listing_response.json"))
            }
            ("POST", "/api/v1/account/listings/+14155550142/logo") => {
                Reply::json(200, fixture("logo_response.json"))
            }
            ("POST", "/api/v1/account/listings/+14155550142/verify-checkout") => {
                Reply::json(200, fixture("checkout_response.json"))
            }
            ("GET", "/api/v1/account/listings/+14155550142") => {
                let n = seen.fetch_add(1, Ordering::SeqCst) + 1;
                if n == 2 {
                    Reply::json(
                        429,
                        json!({"error": "slow", "code": "rate_limited_key", "retry_after_seconds": 0}),
                    )
                } else if n >= polls_until_verified {
                    Reply::json(200, fixture("listing_verified.json"))
                } else {
                    Reply::json(
                        200,
                        json!({"e164": "+14155550142", "state": "draft", "trust_grade": null, "risk": null, "listing": null, "draft": {"dba": "Acme Plumbing"}}),
                    )
                }
            }
            _ => Reply::json(
                404,
                json!({"error": format!("unexpected {} {}", r.method, r.target)}),
            ),
        }
    });
    (stub, reads)
}

fn fast_poll() -> Poll {
    Poll {
        initial: Duration::from_millis(2),
        max: Duration::from_millis(10),
        timeout: Duration::from_secs(5),
    }
}

#[test]
fn onboarding_runs_the_guides_sequence() {
    let (stub, _) = onboarding_server(4);
    let c = Client::new(config(&stub, json!({"retry": {"max_attempts": 1}}))).unwrap();
    let onboarding = c.nol().onboarding("14155550142").unwrap();
    assert_eq!(onboarding.e164(), "+14155550142");
    let profile: ListingProfile = ListingProfile {
        kind: Some(ListingKind::Business),
        dba: Some("Acme Plumbing".into()),
        legal_name: Some("Acme Plumbing LLC".into()),
        ein: Some("12-3456789".into()),
        formation_date: Some("2019-04-01".into()),
        industry: Some("Home services".into()),
        address: Some("1 Main St, Austin TX".into()),
        website: Some("https://acme.example".into()),
        bio: Some("Licensed plumbers, same-day service.".into()),
        ..ListingProfile::default()
    };
    assert!(
        !format!("{profile:?}").contains("3456789"),
        "the tax id is not shown"
    );
    let mut plan = OnboardingPlan::new(profile);
    plan.logo = Some(PNG.to_vec());
    plan.poll = fast_poll();
    let shown = Arc::new(Mutex::new(None));
    let shown2 = shown.clone();
    let done = onboarding
        .run(
            &plan,
            |sent| {
                Ok(sent
                    .dev_code
                    .as_ref()
                    .map(|c| c.expose().to_string())
                    .unwrap_or_default())
            },
            move |checkout| {
                *shown2.lock().unwrap() = checkout.url.clone();
                Ok(())
            },
        )
        .unwrap();
    assert_eq!(done.trust_grade.as_deref(), Some("A"));
    assert_eq!(done.risk.as_ref().unwrap().score, Some(12));
    assert_eq!(
        done.listing.as_ref().unwrap().handle.as_deref(),
        Some("acme-plumbing-9f3a")
    );
    assert_eq!(done.polls, 4, "draft, 429 (waited out), draft, verified");
    assert_eq!(
        shown.lock().unwrap().as_deref(),
        Some("https://checkout.stripe.com/c/pay/cs_test_a1b2c3")
    );
    let reqs = stub.requests();
    let seq: Vec<String> = reqs
        .iter()
        .map(|r| format!("{} {}", r.method, r.path()))
        .collect();
    assert_eq!(
        seq[..5],
        [
            "POST /api/v1/account/verify-phone/start",
            "POST /api/v1/account/verify-phone/confirm",
            "PUT /api/v1/account/listings/+14155550142",
            "POST /api/v1/account/listings/+14155550142/logo",
            "POST /api/v1/account/listings/+14155550142/verify-checkout",
        ]
    );
    assert_eq!(
        reqs[0].json(),
        json!({"phone": "+14155550142", "channel": "voice"})
    );
    assert_eq!(
        reqs[1].json(),
        json!({"phone": "+14155550142", "code": "123456"})
    );
    assert_eq!(reqs[2].json(), fixture("put_listing_request.json"));
}

#[test]
fn onboarding_steps_one_by_one_and_a_deadline() {
    let (stub, reads) = onboarding_server(usize::MAX);
    let c = client(&stub);
    let onboarding = c.nol().onboarding("+14155550142").unwrap();
    let checkout = onboarding.checkout().unwrap();
    assert_eq!(checkout.state, Some(phonecom::nol::ListingState::Pending));
    let poll = Poll {
        initial: Duration::from_millis(5),
        max: Duration::from_millis(20),
        timeout: Duration::from_millis(150),
    };
    let e = onboarding.wait_verified(&poll).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Timeout);
    assert!(e.to_string().contains("last state: draft"), "{e}");
    assert!(reads.load(Ordering::SeqCst) >= 3);
}

#[test]
fn onboarding_stops_on_a_real_error_and_refuses_a_bad_logo_up_front() {
    let stub = Stub::script(vec![Reply::json(
        404,
        json!({"error": "Number is not OTP-bound to this account"}),
    )]);
    let c = client(&stub);
    let e = c
        .nol()
        .onboarding("+14155550142")
        .unwrap()
        .wait_verified(&fast_poll())
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
    let mut plan = OnboardingPlan::new(ListingProfile::default());
    plan.logo = Some(b"<svg/>".to_vec());
    let e = c
        .nol()
        .onboarding("+14155550142")
        .unwrap()
        .run(&plan, |_| Ok(String::new()), |_| Ok(()))
        .unwrap_err();
    assert!(e.to_string().contains("SVG"), "{e}");
    assert_eq!(
        stub.requests().len(),
        1,
        "the bad logo stopped the run before the OTP"
    );
    assert!(c.nol().onboarding("not a number").is_err());
}

#[test]
fn signing_secret_is_a_secret() {
    let secret = "whsec_5b1e0f2d9c8a7b6e";
    let stub = Stub::script(vec![
        Reply::json(
            200,
            json!({"signing_required": true, "scheme": "hmac-sha256", "max_skew_seconds": 300, "headers": ["X-Operator-Signature"], "signing_secret": secret}),
        ),
        Reply::json(
            400,
            json!({"error": format!("dev-fallback key cannot sign with {secret}")}),
        ),
    ]);
    let c = client(&stub);
    let s = c.nol().set_signing(true).unwrap();
    assert_eq!(s.signing_secret.as_ref().map(Secret::expose), Some(secret));
    assert!(!format!("{s:?}").contains(secret));
    let e = c
        .call("nol.setSigning", json!({"enabled": true}))
        .unwrap_err();
    assert!(!format!("{e} {}", e.to_json()).contains(secret));
    assert_eq!(stub.requests()[0].json(), json!({"enabled": true}));
}
