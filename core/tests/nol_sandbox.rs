//! numbers.online against the real sandbox over HTTP: all 29 operations, the onboarding flow end
//! to end through `Onboarding`, every error code the sandbox produces, logo refusals, key
//! rotation, tenants and signing.

mod common;

use common::Env;
use phonecom::nol::{
    ListingKind, ListingProfile, ListingState, OnboardingPlan, OtpChannel, Poll, TenantStatus,
};
use phonecom::{catalog, Client, ErrorKind, Secret};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::time::{Duration, Instant};

/// A real (tiny) PNG: a 1x1 transparent pixel.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
    0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
    0x42, 0x60, 0x82,
];
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

fn b64(data: &[u8]) -> String {
    phonecom::encode::base64_encode(data)
}

/// A fresh account of its own: (its client, its key).
fn signup(env: &Env, name: &str) -> (Client, Secret) {
    let s = env.client.nol().signup(Some(name), None).unwrap();
    (
        env.client.with_nol_key(s.api_key.clone()).unwrap(),
        s.api_key,
    )
}

/// Bind `e164` to the account of `client` with the sandbox's dev OTP.
fn bind(client: &Client, e164: &str) {
    let sent = client
        .nol()
        .start_phone_verification(e164, Some("sms"))
        .unwrap();
    let code = sent.dev_code.expect("the sandbox's dev code");
    let bound = client.nol().confirm_phone(e164, code.expose()).unwrap();
    assert_eq!(bound.verified_phone.as_deref(), Some(e164));
}

fn http_get(url: &str) -> (u16, Vec<u8>, String) {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let mut r = agent.get(url).call().expect("GET");
    let ct = r
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    (r.status().as_u16(), r.body_mut().read_to_vec().unwrap(), ct)
}

/// Calls an operation and remembers its name.
struct Calls<'a> {
    client: &'a Client,
    done: BTreeSet<String>,
}

impl Calls<'_> {
    fn call(&mut self, op: &str, params: Value) -> Value {
        self.done.insert(op.to_string());
        self.client
            .call(op, params)
            .unwrap_or_else(|e| panic!("{op}: {e}"))
    }
}

#[test]
fn all_29_operations_through_the_generic_call() {
    let env = common::start();
    let mut c = Calls {
        client: &env.client,
        done: BTreeSet::new(),
    };
    let s = c.call(
        "nol.accountSignup",
        json!({"name": "Acme softphone", "email": "ops@acme.example"}),
    );
    let key = s["api_key"].as_str().unwrap().to_string();
    assert!(key.starts_with("nol_") && key.len() == 44, "{key}");
    assert_eq!(s["key_prefix"], key[..12]);
    assert_eq!(s["api_key_notice"], phonecom::nol::KEY_NOTICE);
    let acme = env.client.with_nol_key(Secret::new(key.clone())).unwrap();
    let mut c = Calls {
        client: &acme,
        done: c.done,
    };

    let a = c.call("nol.getAccount", json!({}));
    assert_eq!(a["account"]["name"], "Acme softphone");
    assert_eq!(a["account"]["balance_micros"], 0);
    let u = c.call("nol.updateAccount", json!({"name": "Acme", "email": ""}));
    assert_eq!(u["account"]["name"], "Acme");
    assert!(u["account"]["email"].is_null(), "an empty email clears it");

    let top = c.call(
        "nol.accountTopup",
        json!({"amount_cents": 500, "promote_keys": true}),
    );
    assert!(top["url"]
        .as_str()
        .unwrap()
        .contains("/_sandbox/nol/checkout/"));
    let a = c.call("nol.getAccount", json!({}));
    assert_eq!(
        a["account"]["balance_micros"], 5_000_000,
        "the first read pays"
    );

    // A number: OTP, enrollment, listing, uploads, checkout, reports.
    let e164 = "+14155550142";
    let sent = c.call(
        "nol.accountVerifyPhoneStart",
        json!({"phone": "1 (415) 555-0142", "channel": "voice"}),
    );
    assert_eq!(sent["expires_in_seconds"], 600);
    let recorded = env.requests().last().unwrap()["body"].clone();
    assert_eq!(recorded["phone"], e164, "separators dropped, + added");
    let code = sent["dev_code"].as_str().unwrap().to_string();
    let bound = c.call(
        "nol.accountVerifyPhoneConfirm",
        json!({"phone": e164, "code": code}),
    );
    assert_eq!(bound["already_bound"], false);
    let phones = c.call("nol.accountPhonesList", json!({}));
    assert_eq!(phones["phones"][0]["e164"], e164);
    let p = c.call(
        "nol.accountPhonePatch",
        json!({"e164": e164, "precall_enrolled": true}),
    );
    assert_eq!(p["phone"]["precall_enrolled"], true);
    assert!(p["attestation"].is_string());

    let l = c.call("nol.getAccountListing", json!({"e164": e164}));
    assert_eq!(l["state"], "unverified");
    let staged = c.call(
        "nol.putAccountListing",
        json!({"e164": e164, "kind": "business", "dba": "Acme Plumbing",
               "ein": "12-3456789", "website": "https://acme.example"}),
    );
    assert_eq!(staged["state"], "draft");
    assert_eq!(staged["profile"]["ein_on_file"], true);
    assert!(
        staged["profile"].get("ein").is_none(),
        "the tax id is never shown"
    );
    let logo = c.call(
        "nol.uploadListingLogo",
        json!({"e164": e164, "file": {"content_base64": b64(PNG)}}),
    );
    assert_eq!(logo["content_type"], "image/png");
    assert_eq!(logo["byte_size"], PNG.len());
    let doc = c.call(
        "nol.uploadListingDocument",
        json!({"e164": e164, "file": {"content_base64": b64(PDF), "content_type": "application/pdf"}}),
    );
    assert_eq!(doc["content_type"], "application/pdf");
    let co = c.call("nol.verifyCheckout", json!({"e164": e164}));
    assert_eq!(co["state"], "pending");
    assert_eq!(co["amount_usd"], "29.00");
    let l = c.call("nol.getAccountListing", json!({"e164": e164}));
    assert_eq!(l["state"], "verified");
    let r = c.call(
        "nol.getAccountListingReports",
        json!({"e164": e164, "limit": 10}),
    );
    assert_eq!(r["e164"], e164);
    assert!(r["reports"].as_array().unwrap().is_empty());

    // Keys.
    let keys = c.call("nol.listAccountKeys", json!({}));
    assert_eq!(keys["keys"].as_array().unwrap().len(), 1);
    let k = c.call(
        "nol.createAccountKey",
        json!({"name": "ci", "use_cases": ["lookup"]}),
    );
    let id = k["key"]["id"].as_str().unwrap().to_string();
    assert_eq!(k["api_key_notice"], phonecom::nol::KEY_NOTICE);
    let got = c.call("nol.getAccountKey", json!({"id": id}));
    assert_eq!(got["key"]["name"], "ci");
    let upd = c.call("nol.updateAccountKey", json!({"id": id, "name": "ci-2"}));
    assert_eq!(upd["key"]["name"], "ci-2");
    let rot = c.call(
        "nol.rotateAccountKey",
        json!({"id": id, "grace_seconds": 0}),
    );
    assert_ne!(rot["api_key"], k["api_key"]);

    // Tenants.
    let t = c.call("nol.createTenant", json!({"name": "Customer 1"}));
    let tid = t["tenant"]["id"].as_str().unwrap().to_string();
    assert_eq!(
        c.call("nol.listTenants", json!({}))["tenants"][0]["id"],
        tid.as_str()
    );
    assert_eq!(
        c.call("nol.getTenant", json!({"id": tid}))["tenant"]["name"],
        "Customer 1"
    );
    let sub = c.call("nol.issueTenantKey", json!({"id": tid, "name": "edge"}));
    assert!(sub["api_key"].as_str().unwrap().starts_with("nol_"));
    c.call(
        "nol.addTenantSuppression",
        json!({"id": tid, "number": "+14155550199", "label": "do not call"}),
    );
    let sup = c.call("nol.listTenantSuppressions", json!({"id": tid}));
    assert_eq!(sup["count"], 1);
    assert!(
        !sup.to_string().contains("4155550199"),
        "numbers never shown"
    );
    let rm = c.call(
        "nol.removeTenantSuppression",
        json!({"id": tid, "number": "+14155550199"}),
    );
    assert_eq!(rm["suppressed"], false);
    let st = c.call(
        "nol.setTenantStatus",
        json!({"id": tid, "status": "disabled"}),
    );
    assert_eq!(st["tenant"]["status"], "disabled");

    // Signing.
    let sg = c.call("nol.getSigning", json!({}));
    assert_eq!(sg["signing_required"], false);
    let sg = c.call("nol.setSigning", json!({"enabled": true}));
    assert_eq!(sg["signing_required"], true);

    let all: BTreeSet<String> = catalog().family("nol").map(|o| o.name.clone()).collect();
    assert_eq!(all.len(), 29);
    let missed: Vec<&String> = all.difference(&c.done).collect();
    assert!(missed.is_empty(), "not exercised: {missed:?}");
    // Every key the sandbox saw was masked in its log; none is in the client's errors.
    for r in env.requests() {
        let h = &r["headers"];
        if let Some(a) = h["authorization"].as_str() {
            assert_eq!(a, "Bearer ***");
        }
    }
}

#[test]
fn onboarding_end_to_end_paying_through_the_checkout_url() {
    let env = common::start();
    let (acme, _) = signup(&env, "Acme");
    let onboarding = acme.nol().onboarding("14155550142").unwrap();
    assert_eq!(onboarding.e164(), "+14155550142");
    let mut plan = OnboardingPlan::new(ListingProfile {
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
    });
    plan.channel = OtpChannel::Sms;
    plan.logo = Some(PNG.to_vec());
    plan.poll = Poll {
        initial: Duration::from_millis(20),
        max: Duration::from_millis(100),
        timeout: Duration::from_secs(10),
    };
    let mut opened = None;
    let done = onboarding
        .run(
            &plan,
            |sent| {
                assert_eq!(sent.extra["channel"], "sms");
                Ok(sent.dev_code.as_ref().unwrap().expose().to_string())
            },
            |checkout| {
                let url = checkout.url.clone().unwrap();
                assert_eq!(checkout.state, Some(ListingState::Pending));
                // The customer pays: the sandbox's provider marks it paid when the URL is opened.
                let (status, body, _) = http_get(&url);
                assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
                opened = Some(url);
                Ok(())
            },
        )
        .unwrap();
    assert!(opened.is_some());
    assert_eq!(done.e164, "+14155550142");
    assert_eq!(done.trust_grade.as_deref(), Some("A"));
    assert_eq!(done.polls, 1);
    let risk = done.risk.clone().expect("the live risk");
    let base = risk.score.unwrap();
    assert!((5..=20).contains(&base), "seeded base {base}");
    let listing = done.listing.clone().unwrap();
    assert_eq!(listing.name.as_deref(), Some("Acme Plumbing"));
    assert!(listing
        .handle
        .as_deref()
        .unwrap()
        .starts_with("acme-plumbing"));
    assert!(listing.next_billing.is_some(), "business renews yearly");
    let logo_url = listing.logo_url.clone().unwrap();
    let (status, bytes, ct) = http_get(&format!("{}{logo_url}", env.sandbox.base_url()));
    assert_eq!((status, ct.as_str()), (200, "image/png"));
    assert_eq!(bytes, PNG);
    assert!(done.status.draft.is_none());
    let received: Vec<String> = env
        .requests()
        .iter()
        .filter(|r| r["path"].as_str().unwrap().starts_with("/api/v1/"))
        .map(|r| {
            format!(
                "{} {}",
                r["method"].as_str().unwrap(),
                r["path"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        received,
        [
            "POST /api/v1/account/signup",
            "POST /api/v1/account/verify-phone/start",
            "POST /api/v1/account/verify-phone/confirm",
            "PUT /api/v1/account/listings/+14155550142",
            "POST /api/v1/account/listings/+14155550142/logo",
            "POST /api/v1/account/listings/+14155550142/verify-checkout",
            "GET /api/v1/account/listings/+14155550142",
        ]
    );
    let confirm = &env.requests()[2];
    assert_eq!(
        confirm["body"]["code"], "***",
        "the OTP is masked in the log"
    );

    // The grade is static, the risk live: reports move the score, not the grade.
    env.admin(
        "POST",
        "/nol/reports",
        Some(
            json!({"e164": "+14155550142", "tags": ["spam"], "lane": "accountable", "days_ago": 2}),
        ),
    );
    env.admin(
        "POST",
        "/nol/reports",
        Some(json!({"e164": "+14155550142", "tags": ["robocall"], "lane": "crowd", "reporter": "carrier-x"})),
    );
    let now = onboarding.status().unwrap();
    assert_eq!(now.trust_grade.as_deref(), Some("A"));
    let r = now.risk.unwrap();
    assert_eq!(r.score, Some(base + 15));
    assert_eq!(r.report_count, Some(2));
    let reports = acme.nol().listing_reports("+14155550142", Some(1)).unwrap();
    assert_eq!(reports.reports.len(), 1, "limit 1");
    assert_eq!(reports.reports[0].tags, ["robocall"], "newest first");
    let all = acme.nol().listing_reports("+14155550142", None).unwrap();
    assert_eq!(all.reports.len(), 2);
    assert!(all.reports[1].reporter.as_ref().is_none_or(Value::is_null));

    // Editing the live listing later.
    let edited = onboarding
        .stage_profile(&ListingProfile {
            bio: Some("Now open weekends.".into()),
            ..ListingProfile::default()
        })
        .unwrap();
    assert_eq!(edited.state, Some(ListingState::Verified));
    assert_eq!(
        onboarding.status().unwrap().listing.unwrap().extra["bio"],
        "Now open weekends."
    );
}

#[test]
fn onboarding_by_steps_paying_by_polling_then_a_second_number() {
    let env = common::start();
    let (solo, _) = signup(&env, "Solo");
    let first = solo.nol().onboarding("+14155550111").unwrap();
    let sent = first.start_otp(OtpChannel::Voice).unwrap();
    assert_eq!(sent.extra["channel"], "voice");
    // A wrong code first.
    let e = first.confirm_otp("000000").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Validation);
    assert_eq!(e.status(), Some(400));
    let bound = first
        .confirm_otp(sent.dev_code.as_ref().unwrap().expose())
        .unwrap();
    assert_eq!(bound.already_bound, Some(false));
    // Confirming again: already bound.
    let again = first.confirm_otp("123456").unwrap();
    assert_eq!(again.already_bound, Some(true));

    // A free account binds one number only: the remedy is a paid verification.
    let second = solo.nol().onboarding("+14155550112").unwrap();
    let sent2 = second.start_otp(OtpChannel::Sms).unwrap();
    let e = second
        .confirm_otp(sent2.dev_code.as_ref().unwrap().expose())
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Permission);
    assert_eq!(e.status(), Some(402));
    assert_eq!(e.upstream_code(), Some("paid_verification_required"));
    assert!(!e.is_retryable());

    // Personal verification, paid while the partner polls.
    let e = first.checkout().unwrap_err();
    assert_eq!(e.status(), Some(400), "no draft staged yet");
    let staged = first
        .stage_profile(&ListingProfile {
            kind: Some(ListingKind::Personal),
            name: Some("Sam Solo".into()),
            ..ListingProfile::default()
        })
        .unwrap();
    assert_eq!(staged.state, Some(ListingState::Draft));
    assert_eq!(staged.kind, Some(ListingKind::Personal));
    assert_eq!(first.status().unwrap().state, ListingState::Draft);
    let co = first.checkout().unwrap();
    assert_eq!(co.state, Some(ListingState::Pending));
    assert_eq!(co.extra["amount_usd"], "9.00");
    let again = first.checkout().unwrap();
    assert_eq!(again.url, co.url, "an open checkout is reused");
    let done = first
        .wait_verified(&Poll {
            initial: Duration::from_millis(10),
            max: Duration::from_millis(50),
            timeout: Duration::from_secs(5),
        })
        .unwrap();
    assert_eq!(done.trust_grade.as_deref(), Some("A-"));
    let listing = done.listing.unwrap();
    assert!(listing.name.is_none(), "a personal listing shows no name");
    assert_eq!(listing.extra["label"], "verified & online");
    assert!(done.risk.unwrap().score.is_some());
    let e = first.checkout().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Conflict, "already verified");

    // A verified number lifts the one-number limit.
    let sent2 = second.start_otp(OtpChannel::Sms).unwrap();
    second
        .confirm_otp(sent2.dev_code.as_ref().unwrap().expose())
        .unwrap();
    assert_eq!(solo.nol().phones().unwrap().len(), 2);

    // Another account cannot claim a bound number.
    let (other, _) = signup(&env, "Other");
    let o = other.nol().onboarding("+14155550111").unwrap();
    let sent = o.start_otp(OtpChannel::Sms).unwrap();
    let e = o
        .confirm_otp(sent.dev_code.as_ref().unwrap().expose())
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Conflict);
    assert_eq!(e.status(), Some(409));
    assert!(e.message().contains("another account"), "{e}");
    // Nor read a number it does not hold.
    let e = o.status().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
}

#[test]
fn wait_verified_times_out_naming_the_last_state() {
    let env = common::start();
    let (acme, _) = signup(&env, "Acme");
    bind(&acme, "+14155550150");
    let o = acme.nol().onboarding("+14155550150").unwrap();
    let e = o
        .wait_verified(&Poll {
            initial: Duration::from_millis(10),
            max: Duration::from_millis(20),
            timeout: Duration::from_millis(100),
        })
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Timeout);
    assert!(e.message().contains("last state: unverified"), "{e}");
    // A 429 while polling is waited out (Retry-After honoured).
    o.stage_profile(&ListingProfile {
        kind: Some(ListingKind::Personal),
        ..ListingProfile::default()
    })
    .unwrap();
    o.checkout().unwrap();
    env.fault(
        "GET",
        "/api/v1/account/listings/+14155550150",
        "status=429;code=rate_limited_key;retry_after=1",
        3,
    );
    let t = Instant::now();
    let done = o
        .wait_verified(&Poll {
            initial: Duration::from_millis(10),
            max: Duration::from_millis(20),
            timeout: Duration::from_secs(10),
        })
        .unwrap();
    assert!(t.elapsed() >= Duration::from_secs(1));
    assert_eq!(done.trust_grade.as_deref(), Some("A-"));
}

#[test]
fn authentication_errors() {
    let env = common::start();
    // Unknown key.
    let bogus = env
        .client
        .with_nol_key(Secret::new("nol_0000000000000000000000000000000000000000"))
        .unwrap();
    let e = bogus.nol().account().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Authentication);
    assert_eq!(e.status(), Some(401));
    assert_eq!(e.upstream_code(), Some("invalid_key"));
    assert!(!format!("{e} {e:?} {}", e.to_json()).contains("nol_0000000000"));
    // No key at all: the client refuses before sending; the sandbox's answer to a keyless
    // request (forced here through a fault) maps the same way.
    let keyless = common::start_with(|c| {
        c["nol"].as_object_mut().unwrap().remove("api_key");
    });
    let e = keyless.client.nol().account().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Authentication);
    assert!(keyless.requests().is_empty());
    env.fault("GET", "/api/v1/account", "status=401;code=missing_key", 1);
    let e = env.client.nol().account().unwrap_err();
    assert_eq!(
        (e.kind(), e.upstream_code()),
        (ErrorKind::Authentication, Some("missing_key"))
    );
    // Signature required.
    env.fault(
        "GET",
        "/api/v1/account",
        "status=401;code=signature_invalid",
        1,
    );
    let e = env.client.nol().account().unwrap_err();
    assert_eq!(e.upstream_code(), Some("signature_invalid"));
    // The X-API-Key header works as well as Bearer.
    let x = common::start_with(|c| c["nol"]["auth"] = json!("x-api-key"));
    x.client.nol().account().unwrap();
    let h = &x.requests()[0]["headers"];
    assert_eq!(h["x-api-key"], "***");
    assert!(h.get("authorization").is_none());
    // A suspended account.
    let id = env.client.nol().account().unwrap().account.id;
    env.admin(
        "POST",
        &format!("/nol/accounts/{id}/status"),
        Some(json!({"status": "suspended"})),
    );
    let e = env.client.nol().account().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Permission);
    assert_eq!(e.upstream_code(), Some("account_suspended"));
    assert!(!e.is_retryable());
}

#[test]
fn balance_receipt_and_rate_limit_errors() {
    let env = common::start();
    // 402 insufficient_balance with the top-up hints.
    env.fault("POST", "/api/v1/account/topup", "status=402", 1);
    let e = env.client.nol().topup(500, None).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Permission);
    assert_eq!(e.status(), Some(402));
    assert_eq!(e.upstream_code(), Some("insufficient_balance"));
    assert_eq!(e.details()["topup_min_cents"], 500);
    assert!(e.details()["topup_url"].as_str().unwrap().contains("topup"));
    assert!(e.details().contains_key("balance_micros"));
    // 409 receipt_invalid.
    env.fault(
        "POST",
        "/api/v1/account/listings",
        "status=409;code=receipt_invalid",
        1,
    );
    let e = env
        .client
        .nol()
        .verify_checkout("+14155550142")
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Conflict);
    assert_eq!(e.upstream_code(), Some("receipt_invalid"));
    assert_eq!(
        env.count(
            "POST",
            "/api/v1/account/listings/+14155550142/verify-checkout"
        ),
        1,
        "a non-idempotent POST is not repeated on 409"
    );
    // 429 rate_limited_key with retry-after: a read is retried after the wait.
    env.fault(
        "GET",
        "/api/v1/account/keys",
        "status=429;code=rate_limited_key;retry_after=1",
        1,
    );
    let t = Instant::now();
    env.client.nol().keys().unwrap();
    assert!(
        t.elapsed() >= Duration::from_secs(1),
        "Retry-After honoured"
    );
    assert_eq!(env.count("GET", "/api/v1/account/keys"), 2);
    // Persisting, the error carries the code and the wait.
    env.fault(
        "GET",
        "/api/v1/account/tenants",
        "status=429;code=rate_limited_key;retry_after=1",
        3,
    );
    let e = env.client.nol().tenants().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::RateLimited);
    assert_eq!(e.upstream_code(), Some("rate_limited_key"));
    assert_eq!(e.retry_after(), Some(Duration::from_secs(1)));
    assert!(e.is_retryable());
    assert_eq!(e.attempts(), 3);
    // A pool limit on a non-idempotent POST: surfaced at once (the request was not processed,
    // but the client cannot know that from a 429 alone).
    env.fault(
        "POST",
        "/api/v1/account/tenants",
        "status=429;code=rate_limited_pool;retry_after=30",
        1,
    );
    let e = env.client.nol().create_tenant("t").unwrap_err();
    assert_eq!(e.upstream_code(), Some("rate_limited_pool"));
    assert_eq!(e.retry_after(), Some(Duration::from_secs(30)));
    assert_eq!(env.count("POST", "/api/v1/account/tenants"), 1);
    env.fault(
        "POST",
        "/api/v1/account/signup",
        "status=429;code=rate_limited_ip;retry_after=60",
        1,
    );
    let e = env.client.nol().signup(None, None).unwrap_err();
    assert_eq!(
        (e.kind(), e.upstream_code()),
        (ErrorKind::RateLimited, Some("rate_limited_ip"))
    );
    assert_eq!(e.retry_after(), Some(Duration::from_secs(60)));
    // Plain errors without a code map by status.
    let e = env.client.nol().update_account(None, None).unwrap_err();
    assert_eq!((e.kind(), e.status()), (ErrorKind::Validation, Some(400)));
    assert_eq!(e.upstream_code(), None);
    let e = env.client.nol().listing("+14155550100").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
}

#[test]
fn use_cases_and_tenant_sub_keys() {
    let env = common::start();
    let (acme, _) = signup(&env, "Acme");
    let narrow = acme
        .nol()
        .create_key(Some("lookups"), Some(&["lookup"]))
        .unwrap();
    let narrow = env.client.with_nol_key(narrow.api_key).unwrap();
    let e = narrow.nol().account().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Permission);
    assert_eq!(e.upstream_code(), Some("use_case_forbidden"));
    // Signing takes any live key, for itself.
    assert_eq!(
        narrow.nol().signing().unwrap().signing_required,
        Some(false)
    );
    let e = narrow
        .nol()
        .set_precall_enrolled("+14155550142", true)
        .unwrap_err();
    assert_eq!(e.upstream_code(), Some("use_case_forbidden"));

    let t = acme.nol().create_tenant("Customer 1").unwrap().tenant;
    let e = acme.nol().create_tenant("Customer 1").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Conflict, "tenant names are unique");
    let sub = acme.nol().issue_tenant_key(&t.id, Some("edge")).unwrap();
    assert_eq!(sub.tenant_id.as_deref(), Some(t.id.as_str()));
    let sub_client = env.client.with_nol_key(sub.api_key.clone()).unwrap();
    let e = sub_client.nol().tenants().unwrap_err();
    assert_eq!(e.upstream_code(), Some("use_case_forbidden"));
    let detail = acme.nol().tenant(&t.id).unwrap();
    assert_eq!(detail.keys.len(), 1);
    // Disabling the tenant makes its sub-keys invalid until re-enabled.
    acme.nol()
        .set_tenant_status(&t.id, TenantStatus::Disabled)
        .unwrap();
    let e = sub_client.nol().signing().unwrap_err();
    assert_eq!(e.upstream_code(), Some("invalid_key"));
    let e = acme.nol().issue_tenant_key(&t.id, None).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Conflict);
    acme.nol()
        .set_tenant_status(&t.id, TenantStatus::Active)
        .unwrap();
    sub_client.nol().signing().unwrap();
    // Suppressions: labels only.
    acme.nol()
        .add_tenant_suppression(&t.id, "+14155550199", Some("opted out"))
        .unwrap();
    let s = acme.nol().tenant_suppressions(&t.id).unwrap();
    assert_eq!(s.count, Some(1));
    assert_eq!(s.entries[0].label.as_deref(), Some("opted out"));
    acme.nol()
        .remove_tenant_suppression(&t.id, "+14155550199")
        .unwrap();
    assert_eq!(
        acme.nol().tenant_suppressions(&t.id).unwrap().count,
        Some(0)
    );
    // A tenant id that is not a UUID is refused; so is one of another account.
    let e = acme.nol().tenant("not-a-uuid").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Validation);
    let e = env.client.nol().tenant(&t.id).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
    let tenants = acme.nol().tenants().unwrap();
    assert_eq!(tenants.len(), 1);
    assert_eq!(acme.nol().account().unwrap().tenants.len(), 1);
}

#[test]
fn keys_rotate_disable_and_limits() {
    let env = common::start();
    let (acme, first_key) = signup(&env, "Acme");
    let made = acme.nol().create_key(Some("worker"), None).unwrap();
    assert!(!format!("{made:?}").contains(made.api_key.expose()));
    let id = made.key.id.clone().unwrap();
    let worker = env.client.with_nol_key(made.api_key.clone()).unwrap();
    worker.nol().account().unwrap();

    // Rotation with a grace period: both keys work.
    let r = acme.nol().rotate_key(&id, Some(3600)).unwrap();
    assert!(r.old_key_expires_at.is_some());
    let rotated = env.client.with_nol_key(r.api_key.clone()).unwrap();
    rotated.nol().account().unwrap();
    worker.nol().account().unwrap();
    // Rotation without grace: the old key stops at once.
    let r2 = acme.nol().rotate_key(&id, Some(0)).unwrap();
    let e = rotated.nol().account().unwrap_err();
    assert_eq!(e.upstream_code(), Some("invalid_key"));
    let newest = env.client.with_nol_key(r2.api_key.clone()).unwrap();
    assert_eq!(
        newest.nol().key(&id).unwrap().name.as_deref(),
        Some("worker")
    );
    // Out of range grace is refused before sending.
    env.clear_requests();
    let e = acme.nol().rotate_key(&id, Some(86_401)).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Validation);
    assert_eq!(e.fields()[0].field, "grace_seconds");
    assert!(env.requests().is_empty());

    // Rename, disable; a disabled key cannot be rotated.
    assert_eq!(
        acme.nol()
            .rename_key(&id, "worker-2")
            .unwrap()
            .name
            .as_deref(),
        Some("worker-2")
    );
    let k = acme.nol().disable_key(&id).unwrap();
    assert_eq!(k.disabled, Some(true));
    let e = newest.nol().account().unwrap_err();
    assert_eq!(e.upstream_code(), Some("invalid_key"));
    let e = acme.nol().rotate_key(&id, None).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Conflict);
    // The last enabled account-level key cannot be disabled.
    let own = acme
        .nol()
        .keys()
        .unwrap()
        .into_iter()
        .find(|k| k.disabled != Some(true))
        .unwrap();
    let e = acme
        .nol()
        .disable_key(own.id.as_deref().unwrap())
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Conflict);
    // A key of another account is not found; an unknown one neither.
    let e = env.client.nol().key(&id).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
    // A new key may not out-privilege its minter.
    let e = env
        .client
        .with_nol_key(first_key)
        .unwrap()
        .nol()
        .create_key(None, Some(&["lookup", "superpowers"]))
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Validation);
}

#[test]
fn signing_info_and_its_secret() {
    let env = common::start();
    let (acme, _) = signup(&env, "Acme");
    let s = acme.nol().signing().unwrap();
    assert_eq!(s.signing_required, Some(false));
    let secret = s.signing_secret.clone().expect("the key's signing secret");
    assert!(!format!("{s:?}").contains(secret.expose()));
    let s = acme.nol().set_signing(true).unwrap();
    assert_eq!(s.signing_required, Some(true));
    assert_eq!(s.signing_secret.as_ref(), Some(&secret));
    // The alias path serves the same state (not in the catalog: the OpenAPI path is used).
    assert_eq!(acme.nol().signing().unwrap().signing_required, Some(true));
    // A rotation keeps the secret.
    let own = acme.nol().keys().unwrap().remove(0);
    let r = acme
        .nol()
        .rotate_key(own.id.as_deref().unwrap(), None)
        .unwrap();
    let again = env
        .client
        .with_nol_key(r.api_key)
        .unwrap()
        .nol()
        .signing()
        .unwrap();
    assert_eq!(again.signing_secret.as_ref(), Some(&secret));
    // The secret never reaches the log or an error.
    let log = env.requests();
    assert!(!serde_json::to_string(&log)
        .unwrap()
        .contains(secret.expose()));
    let e = acme.call("nol.setSigning", json!({})).unwrap_err();
    assert_eq!(e.fields()[0].field, "enabled");
}

/// The guide's personal-vs-business table: business-only fields on a personal listing are refused
/// by the library before sending (generic call, typed call and onboarding plan alike), and by the
/// sandbox when the kind was staged earlier (the library cannot know it then); a logo on a personal
/// listing likewise.
#[test]
fn personal_listings_refuse_business_only_fields() {
    let env = common::start();
    let (jo, _) = signup(&env, "Jo");
    bind(&jo, "+14155550142");
    env.clear_requests();
    let e = jo
        .call(
            "nol.putAccountListing",
            json!({"e164": "+14155550142", "kind": "personal", "name": "Jo",
                   "dba": "Jo's", "legal_name": "Jo LLC", "ein": "12-3456789",
                   "website": "https://jo.example", "address": "1 Main St"}),
        )
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Validation, "{e}");
    let fields: Vec<&str> = e.fields().iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, phonecom::nol::BUSINESS_ONLY_FIELDS);
    assert!(e.to_string().contains("business-only"), "{e}");
    assert!(
        !e.to_string().contains("12-3456789"),
        "the tax id is not echoed: {e}"
    );
    let personal = ListingProfile {
        kind: Some(ListingKind::Personal),
        name: Some("Jo".into()),
        website: Some("https://jo.example".into()),
        ..ListingProfile::default()
    };
    let e = jo
        .nol()
        .stage_listing("+14155550142", &personal)
        .unwrap_err();
    assert_eq!(e.fields()[0].field, "website", "{e}");
    let onboarding = jo.nol().onboarding("+14155550142").unwrap();
    let mut plan = OnboardingPlan::new(ListingProfile {
        website: None,
        ..personal.clone()
    });
    plan.verify_phone = false;
    plan.logo = Some(PNG.to_vec());
    let e = onboarding
        .run(&plan, |_| unreachable!(), |_| unreachable!())
        .unwrap_err();
    assert_eq!(e.fields()[0].field, "logo", "{e}");
    assert!(env.requests().is_empty(), "nothing was sent");

    // Staged personal first: the library cannot know the stored kind, the sandbox refuses.
    jo.nol()
        .stage_listing(
            "+14155550142",
            &ListingProfile {
                website: None,
                ..personal
            },
        )
        .unwrap();
    let e = jo
        .call(
            "nol.putAccountListing",
            json!({"e164": "+14155550142", "dba": "Jo's"}),
        )
        .unwrap_err();
    assert_eq!(
        (e.kind(), e.status()),
        (ErrorKind::Validation, Some(400)),
        "{e}"
    );
    assert!(e.to_string().contains("`dba`"), "{e}");
    let e = jo.nol().upload_logo("+14155550142", PNG).unwrap_err();
    assert_eq!(e.status(), Some(400), "{e}");
    assert!(e.to_string().contains("personal"), "{e}");
    // Clearing a field with null is allowed on a personal listing.
    jo.call(
        "nol.putAccountListing",
        json!({"e164": "+14155550142", "kind": "personal", "dba": null}),
    )
    .unwrap();
}

#[test]
fn logo_and_document_refusals_before_sending() {
    let env = common::start();
    let (acme, _) = signup(&env, "Acme");
    bind(&acme, "+14155550142");
    env.clear_requests();
    let svg = b"<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>".to_vec();
    let mut big = PNG.to_vec();
    big.resize(512 * 1024 + 1, 0);
    let gif = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;".to_vec();
    for (bytes, ct, rule) in [
        (svg.clone(), None, "SVG"),
        (svg, Some("image/svg+xml"), "SVG"),
        (big, None, "512"),
        (gif, None, "signature"),
        (PDF.to_vec(), None, "signature"),
        (PNG.to_vec(), Some("image/jpeg"), "bytes are image/png"),
        (Vec::new(), None, "empty"),
    ] {
        let mut file = json!({"content_base64": b64(&bytes)});
        if let Some(ct) = ct {
            file["content_type"] = json!(ct);
        }
        let e = acme
            .call(
                "nol.uploadListingLogo",
                json!({"e164": "+14155550142", "file": file}),
            )
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Validation, "{rule}");
        assert_eq!(e.fields()[0].field, "file");
        assert!(e.to_string().contains(rule), "{rule}: {e}");
        if !bytes.is_empty() && ct.is_none() {
            let e = acme.nol().upload_logo("+14155550142", &bytes).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::Validation);
        }
    }
    let mut big_doc = PDF.to_vec();
    big_doc.resize(5 * 1024 * 1024 + 1, 0);
    let e = acme
        .nol()
        .upload_document("+14155550142", &big_doc)
        .unwrap_err();
    assert!(e.to_string().contains("5 MiB"), "{e}");
    assert!(env.requests().is_empty(), "the sandbox received nothing");
    // A JPEG and a WebP go through, typed by their bytes.
    let jpeg = [
        0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, b'J', b'F', b'I', b'F', 0, 1,
    ];
    let up = acme.nol().upload_logo("+14155550142", &jpeg).unwrap();
    assert_eq!(up.content_type.as_deref(), Some("image/jpeg"));
    let webp = b"RIFF\x1a\x00\x00\x00WEBPVP8 \x0e\x00\x00\x00";
    let up = acme.nol().upload_logo("+14155550142", webp).unwrap();
    assert_eq!(up.content_type.as_deref(), Some("image/webp"));
    let req = env.requests().last().unwrap().clone();
    assert_eq!(req["headers"]["content-type"], "image/webp");
}

#[test]
fn typed_account_phones_and_top_up() {
    let env = common::start();
    let o = env.client.nol().account().unwrap();
    assert_eq!(o.account.name.as_deref(), Some("Sandbox partner"));
    assert_eq!(o.account.balance().unwrap().cents(), Some(0));
    assert_eq!(o.keys.len(), 1);
    let up = env
        .client
        .nol()
        .update_account(Some("Sandbox partner 2"), Some("ops@partner.example"))
        .unwrap();
    assert_eq!(up.account.email.as_deref(), Some("ops@partner.example"));
    let e = env
        .client
        .nol()
        .update_account(None, Some("not an email"))
        .unwrap_err();
    assert_eq!(e.fields()[0].field, "email", "refused before sending");
    let t = env.client.nol().topup(1500, Some(true)).unwrap();
    let (status, _, _) = http_get(t.url.as_deref().unwrap());
    assert_eq!(status, 200);
    let o = env.client.nol().account().unwrap();
    assert_eq!(o.account.balance().unwrap().cents(), Some(1500));
    assert_eq!(o.keys[0].tier.as_deref(), Some("standard"), "keys promoted");
    let e = env.client.nol().topup(100, None).unwrap_err();
    assert_eq!(e.fields()[0].field, "amount_cents");

    bind(&env.client, "+14155550177");
    let phones = env.client.nol().phones().unwrap();
    assert_eq!(phones[0].e164, "+14155550177");
    let p = env
        .client
        .nol()
        .set_precall_enrolled("14155550177", true)
        .unwrap();
    assert_eq!(p.phone.precall_enrolled, Some(true));
    assert!(p.attestation.is_some());
    let p = env
        .client
        .nol()
        .set_precall_enrolled("+14155550177", false)
        .unwrap();
    assert_eq!(p.phone.precall_enrolled, Some(false));
    let e = env
        .client
        .nol()
        .set_precall_enrolled("+14155550178", true)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
}
