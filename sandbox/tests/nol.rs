//! numbers.online over real TCP: auth and flat errors, signup, the onboarding sequence end to
//! end, listings, uploads, reports, account and top-ups, keys, phones, tenants, signing,
//! faults, reset and the request log.

mod common;

use common::{Client, Resp};
use phonecom_sandbox::Sandbox;
use serde_json::{json, Value};

const PNG: &[u8] =
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
const JPEG: &[u8] = &[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, b'J', b'F', b'I', b'F', 0];
const PDF: &[u8] = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n";
const NUMBER: &str = "+14155550142";

struct Nol {
    c: Client,
    key: String,
}

impl Nol {
    fn new(sb: &Sandbox) -> Nol {
        Nol {
            c: Client::new(sb),
            key: sb.config()["nol"]["api_key"].as_str().unwrap().to_string(),
        }
    }

    fn with_key(&self, key: &str) -> Nol {
        Nol {
            c: Client {
                port: self.c.port,
                token: self.c.token.clone(),
            },
            key: key.to_string(),
        }
    }

    fn raw(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Resp {
        self.c
            .raw(method, &format!("/api/v1/account{path}"), headers, body)
            .unwrap()
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Resp {
        let auth = format!("Bearer {}", self.key);
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        self.raw(
            method,
            path,
            &[
                ("Authorization", &auth),
                ("Content-Type", "application/json"),
            ],
            body.as_bytes(),
        )
    }

    fn ok(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let r = self.call(method, path, body);
        assert!(
            (200..300).contains(&r.status),
            "{method} {path}: {} {}",
            r.status,
            String::from_utf8_lossy(&r.body)
        );
        r.json()
    }

    fn upload(&self, path: &str, content_type: &str, data: &[u8]) -> Resp {
        let auth = format!("Bearer {}", self.key);
        self.raw(
            "POST",
            path,
            &[("Authorization", &auth), ("Content-Type", content_type)],
            data,
        )
    }

    /// A fresh account; returns a client holding its key.
    fn signup(&self) -> Nol {
        let r = self.raw(
            "POST",
            "/signup",
            &[("Content-Type", "application/json")],
            b"{}",
        );
        assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
        self.with_key(r.json()["api_key"].as_str().unwrap())
    }

    /// Binds `number` by OTP.
    fn bind(&self, number: &str) -> Resp {
        let start = self.ok(
            "POST",
            "/verify-phone/start",
            Some(json!({"phone": number})),
        );
        let code = start["dev_code"].as_str().unwrap().to_string();
        self.call(
            "POST",
            "/verify-phone/confirm",
            Some(json!({"phone": number, "code": code})),
        )
    }
}

/// `(status, code)` of a flat error, checking the shape.
fn err(r: &Resp) -> (u16, Option<String>) {
    let b = r.json();
    let o = b
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {b}"));
    assert!(o["error"].is_string(), "{b}");
    assert!(
        o.keys().all(|k| [
            "error",
            "code",
            "retry_after_seconds",
            "balance_micros",
            "topup",
            "topup_url",
            "topup_min_cents"
        ]
        .contains(&k.as_str())),
        "{b}"
    );
    (r.status, b["code"].as_str().map(str::to_string))
}

fn code(r: &Resp) -> (u16, String) {
    let (s, c) = err(r);
    (s, c.unwrap_or_else(|| panic!("no code: {}", r.json())))
}

#[test]
fn auth_by_bearer_or_x_api_key() {
    let sb = Sandbox::start().unwrap();
    let n = Nol::new(&sb);
    assert_eq!(
        code(&n.raw("GET", "", &[], b"")),
        (401, "missing_key".into())
    );
    assert_eq!(
        code(&n.raw("GET", "", &[("Authorization", "Basic abc")], b"")).1,
        "missing_key"
    );
    assert_eq!(
        code(&n.raw("GET", "", &[("X-API-Key", "nol_nope")], b"")),
        (401, "invalid_key".into())
    );
    assert_eq!(
        code(&n.raw("GET", "", &[("Authorization", "Bearer wrong")], b"")).1,
        "invalid_key"
    );
    let x = n.raw("GET", "", &[("X-API-Key", &n.key)], b"");
    assert_eq!(x.status, 200);
    let a = n.ok("GET", "", None);
    assert_eq!(a["schema_version"], "2026-06-15");
    assert_eq!(a["account"]["balance_usd"], "0.00");
    assert_eq!(a["keys"][0]["requests_total"], 2);
    assert!(
        !a.to_string().contains(&n.key),
        "the raw key is never shown"
    );
    assert_eq!(err(&n.call("GET", "/nothing-here", None)), (404, None));
    let id = a["account"]["id"].as_str().unwrap().to_string();
    let status = |s: &str| {
        n.c.raw(
            "POST",
            &format!("/_sandbox/nol/accounts/{id}/status"),
            &[],
            json!({"status": s}).to_string().as_bytes(),
        )
        .unwrap()
        .status
    };
    assert_eq!(status("suspended"), 200);
    assert_eq!(
        code(&n.call("GET", "", None)),
        (403, "account_suspended".into())
    );
    assert_eq!(status("active"), 200);
    assert_eq!(n.call("GET", "", None).status, 200);
    let r = n.call("DELETE", "/keys", None);
    assert_eq!((err(&r).0, r.header("Allow")), (405, Some("GET, POST")));
}

#[test]
fn signup_issues_a_key_once() {
    let sb = Sandbox::start().unwrap();
    let n = Nol::new(&sb);
    let r = n.raw(
        "POST",
        "/signup",
        &[],
        br#"{"name":"Acme Telephony","email":"ops@acme.example"}"#,
    );
    assert_eq!(r.status, 201);
    let s = r.json();
    let key = s["api_key"].as_str().unwrap();
    assert!(key.starts_with("nol_") && key.len() == 44);
    assert_eq!(s["key_prefix"].as_str().unwrap(), &key[..12]);
    assert_eq!(
        (s["schema_version"].as_str(), s["key"]["tier"].as_str()),
        (Some("2026-06-17"), Some("free"))
    );
    assert_eq!(s["account"]["balance_micros"], 0);
    assert_eq!(s["key"]["limits"]["pooled_lookups_per_min"], 10);
    let me = n.with_key(key).ok("GET", "", None);
    assert_eq!(me["account"]["id"], s["account"]["id"]);
    assert_eq!(me["account"]["email"], "ops@acme.example");
    assert_eq!(me["account"]["name"], "Acme Telephony");
    assert_ne!(me["account"]["id"], n.ok("GET", "", None)["account"]["id"]);
    let bad = n.raw("POST", "/signup", &[], br#"{"email":"not-an-email"}"#);
    assert_eq!(err(&bad), (400, None));
    assert_eq!(
        n.raw("POST", "/signup", &[], b"").status,
        201,
        "body optional"
    );
}

#[test]
fn onboarding_end_to_end() {
    let sb = Sandbox::start().unwrap();
    let n = Nol::new(&sb).signup();
    // 2. OTP.
    let start = n.ok(
        "POST",
        "/verify-phone/start",
        Some(json!({"phone": NUMBER, "channel": "sms"})),
    );
    assert_eq!(start["ok"], true);
    let dev = start["dev_code"].as_str().unwrap().to_string();
    assert_eq!(dev.len(), 6);
    assert_eq!(
        err(&n.call("GET", &format!("/listings/{NUMBER}"), None)).0,
        404,
        "not bound yet"
    );
    let wrong = if dev == "000000" { "111111" } else { "000000" };
    let r = n.call(
        "POST",
        "/verify-phone/confirm",
        Some(json!({"phone": NUMBER, "code": wrong})),
    );
    assert_eq!(err(&r), (400, None));
    let bound = n.ok(
        "POST",
        "/verify-phone/confirm",
        Some(json!({"phone": NUMBER, "code": dev})),
    );
    assert_eq!(
        (
            bound["verified_phone"].as_str(),
            bound["already_bound"].as_bool()
        ),
        (Some(NUMBER), Some(false))
    );
    let again = n.ok(
        "POST",
        "/verify-phone/confirm",
        Some(json!({"phone": NUMBER, "code": dev})),
    );
    assert_eq!(again["already_bound"], true);
    let l = n.ok("GET", &format!("/listings/{NUMBER}"), None);
    assert_eq!(
        (
            l["state"].as_str(),
            l["draft"].clone(),
            l["listing"].clone()
        ),
        (Some("unverified"), Value::Null, Value::Null)
    );
    assert!(l["risk"]["score"].as_i64().is_some());

    // 3. Stage the profile in two partial PUTs (the second merges), by the digit slug too.
    let staged = n.ok(
        "PUT",
        &format!("/listings/{NUMBER}"),
        Some(json!({"kind": "business", "dba": "Acme Plumbing", "ein": "12-3456789"})),
    );
    assert_eq!(
        (
            staged["ok"].as_bool(),
            staged["state"].as_str(),
            staged["kind"].as_str()
        ),
        (Some(true), Some("draft"), Some("business"))
    );
    let vid = staged["verification_id"].as_str().unwrap().to_string();
    let merged = n.ok(
        "PUT",
        "/listings/14155550142",
        Some(json!({"website": "https://acme.example", "bio": "Same-day service."})),
    );
    assert_eq!(merged["verification_id"], vid.as_str());
    assert_eq!(
        (
            merged["profile"]["dba"].as_str(),
            merged["profile"]["website"].as_str()
        ),
        (Some("Acme Plumbing"), Some("https://acme.example"))
    );
    assert!(merged["profile"].get("ein").is_none() && merged["profile"]["ein_on_file"] == true);
    assert_eq!(
        err(&n.call(
            "PUT",
            &format!("/listings/{NUMBER}"),
            Some(json!({"color": "red"}))
        ))
        .0,
        400
    );
    assert_eq!(
        err(&n.call(
            "PUT",
            &format!("/listings/{NUMBER}"),
            Some(json!({"kind": "corporate"}))
        ))
        .0,
        400
    );

    // 3b. Logo (raw bytes).
    let logo = n.upload(&format!("/listings/{NUMBER}/logo"), "image/png", PNG);
    assert_eq!(logo.status, 200, "{}", String::from_utf8_lossy(&logo.body));
    let lj = logo.json();
    assert_eq!(
        (lj["byte_size"].as_u64(), lj["content_type"].as_str()),
        (Some(PNG.len() as u64), Some("image/png"))
    );
    let media = lj["media_id"].as_str().unwrap().to_string();
    let url = lj["logo_url"].as_str().unwrap();
    assert_eq!(
        url,
        format!("http://127.0.0.1:{}/api/media/{media}", sb.port())
    );
    let served =
        n.c.raw("GET", &format!("/api/media/{media}"), &[], b"")
            .unwrap();
    assert_eq!(
        (
            served.status,
            served.header("Content-Type"),
            served.body.as_slice()
        ),
        (200, Some("image/png"), PNG)
    );
    let l = n.ok("GET", &format!("/listings/{NUMBER}"), None);
    assert_eq!(l["state"], "draft");
    assert_eq!(l["draft"]["logo_url"], format!("/api/media/{media}"));
    assert_eq!(l["draft"]["bio"], "Same-day service.");

    // 4. Checkout: a URL on the sandbox; fetching it pays.
    let co = n.ok("POST", &format!("/listings/{NUMBER}/verify-checkout"), None);
    assert_eq!(
        (
            co["ok"].as_bool(),
            co["state"].as_str(),
            co["verification_id"].as_str()
        ),
        (Some(true), Some("pending"), Some(vid.as_str()))
    );
    let pay_url = co["url"].as_str().unwrap();
    let prefix = format!("http://127.0.0.1:{}/_sandbox/nol/checkout/", sb.port());
    assert!(pay_url.starts_with(&prefix), "{pay_url}");
    let co2 = n.ok("POST", &format!("/listings/{NUMBER}/verify-checkout"), None);
    assert_eq!(co2["url"], co["url"], "an open checkout is reused");
    let paid =
        n.c.raw(
            "GET",
            &pay_url[pay_url.find("/_sandbox").unwrap()..],
            &[],
            b"",
        )
        .unwrap();
    assert_eq!(
        (paid.status, paid.json()["paid"].as_bool()),
        (200, Some(true))
    );

    // 5. Verified: static grade, live risk, the published listing.
    let v = n.ok("GET", &format!("/listings/{NUMBER}"), None);
    assert_eq!(
        (v["state"].as_str(), v["trust_grade"].as_str()),
        (Some("verified"), Some("A"))
    );
    assert_eq!(v["draft"], Value::Null);
    let listing = &v["listing"];
    assert!(listing["handle"]
        .as_str()
        .unwrap()
        .starts_with("acme-plumbing-"));
    assert_eq!(
        (listing["name"].as_str(), listing["website"].as_str()),
        (Some("Acme Plumbing"), Some("https://acme.example"))
    );
    assert_eq!(listing["logo_url"], format!("/api/media/{media}"));
    assert!(listing["verified_since"].is_string() && listing["next_billing"].is_string());
    assert!(
        !v.to_string().contains("3456789"),
        "the tax id is never published"
    );
    assert_eq!(
        err(&n.call("POST", &format!("/listings/{NUMBER}/verify-checkout"), None)).0,
        409
    );
    // Editing the live listing.
    let edit = n.ok(
        "PUT",
        &format!("/listings/{NUMBER}"),
        Some(json!({"website": "https://acme.example/new"})),
    );
    assert_eq!(edit["state"], "verified");
    assert_eq!(
        n.ok("GET", &format!("/listings/{NUMBER}"), None)["listing"]["website"],
        "https://acme.example/new"
    );
}

#[test]
fn checkout_completes_on_the_first_poll_and_personal_listings() {
    let sb = Sandbox::start().unwrap();
    let n = Nol::new(&sb).signup();
    assert_eq!(n.bind("+14155550143").status, 200);
    assert_eq!(
        err(&n.call("POST", "/listings/+14155550143/verify-checkout", None)).0,
        400,
        "no draft yet"
    );
    n.ok(
        "PUT",
        "/listings/+14155550143",
        Some(json!({"kind": "personal", "name": "Jo"})),
    );
    let co = n.ok("POST", "/listings/%2B14155550143/verify-checkout", None);
    assert_eq!(co["state"], "pending");
    let v = n.ok("GET", "/listings/+14155550143", None);
    assert_eq!(
        (v["state"].as_str(), v["trust_grade"].as_str()),
        (Some("verified"), Some("A-"))
    );
    assert_eq!(
        (v["listing"]["kind"].as_str(), v["listing"]["name"].clone()),
        (Some("personal"), Value::Null)
    );
    assert_eq!(v["listing"]["next_billing"], Value::Null);
    let paid =
        n.c.raw(
            "POST",
            &co["url"].as_str().unwrap()[co["url"].as_str().unwrap().find("/_sandbox").unwrap()..],
            &[],
            b"",
        )
        .unwrap();
    assert_eq!(paid.status, 200, "paying twice is harmless");
    assert_eq!(
        n.c.raw("GET", "/_sandbox/nol/checkout/cs_sbx_nope", &[], b"")
            .unwrap()
            .status,
        404
    );
}

/// The onboarding guide's table: a personal listing has no business profile (name, url, tax id,
/// address, logo). A PUT that would leave one on a personal listing is a 400 naming the fields;
/// clearing them (null) while switching to personal is fine; a logo upload is refused.
#[test]
fn personal_listings_refuse_business_only_fields() {
    let sb = Sandbox::start().unwrap();
    let n = Nol::new(&sb).signup();
    let path = "/listings/+14155550144";
    assert_eq!(n.bind("+14155550144").status, 200);
    for field in ["dba", "legal_name", "ein", "website", "address"] {
        let value = if field == "website" {
            "https://jo.example"
        } else {
            "x"
        };
        let r = n.call("PUT", path, Some(json!({"kind": "personal", field: value})));
        let (status, _) = err(&r);
        assert_eq!(status, 400, "{field}");
        let text = String::from_utf8_lossy(&r.body).to_string();
        assert!(text.contains(&format!("`{field}`")), "{text}");
    }
    // Staged as business, then switched to personal: the staged business fields are in the way
    // until they are cleared in the same PUT.
    n.ok(
        "PUT",
        path,
        Some(json!({"kind": "business", "dba": "Jo's", "website": "https://jo.example"})),
    );
    let r = n.call("PUT", path, Some(json!({"kind": "personal"})));
    assert_eq!(err(&r).0, 400);
    let text = String::from_utf8_lossy(&r.body).to_string();
    assert!(
        text.contains("`dba`") && text.contains("`website`"),
        "{text}"
    );
    let staged = n.ok(
        "PUT",
        path,
        Some(json!({"kind": "personal", "dba": null, "website": null, "name": "Jo"})),
    );
    assert_eq!(staged["kind"], "personal");
    let logo = n.upload(&format!("{path}/logo"), "image/png", PNG);
    assert_eq!(logo.status, 400, "{}", String::from_utf8_lossy(&logo.body));
    assert!(String::from_utf8_lossy(&logo.body).contains("personal"));
}

#[test]
fn one_free_number_and_claims() {
    let sb = Sandbox::start().unwrap();
    let base = Nol::new(&sb);
    let a = base.signup();
    let b = base.signup();
    assert_eq!(a.bind("+14155550150").status, 200);
    let r = a.bind("+14155550151");
    assert_eq!(code(&r), (402, "paid_verification_required".into()));
    let r = b.bind("+14155550150");
    assert_eq!(err(&r), (409, None));
    assert_eq!(
        err(&b.call("GET", "/listings/+14155550150", None)).0,
        404,
        "another account's number"
    );
    // Verifying the first number lifts the limit.
    a.ok(
        "PUT",
        "/listings/+14155550150",
        Some(json!({"dba": "A Co"})),
    );
    a.ok("POST", "/listings/+14155550150/verify-checkout", None);
    assert_eq!(
        a.ok("GET", "/listings/+14155550150", None)["state"],
        "verified"
    );
    assert_eq!(a.bind("+14155550151").status, 200);
    let phones = a.ok("GET", "/phones", None);
    assert_eq!(phones["schema_version"], "2026-06-22");
    assert_eq!(phones["phones"].as_array().unwrap().len(), 2);
    for bad in [
        json!({"phone": "12"}),
        json!({}),
        json!({"phone": NUMBER, "channel": "fax"}),
    ] {
        assert_eq!(
            err(&a.call("POST", "/verify-phone/start", Some(bad))).0,
            400
        );
    }
    assert_eq!(
        err(&a.call(
            "POST",
            "/verify-phone/confirm",
            Some(json!({"phone": "+14155550199", "code": "1"}))
        ))
        .0,
        400,
        "no code sent"
    );
}

#[test]
fn otp_codes_wear_out() {
    let sb = Sandbox::start().unwrap();
    let n = Nol::new(&sb).signup();
    let dev = n.ok(
        "POST",
        "/verify-phone/start",
        Some(json!({"phone": NUMBER})),
    )["dev_code"]
        .as_str()
        .unwrap()
        .to_string();
    let wrong = if dev == "999999" { "888888" } else { "999999" };
    for _ in 0..5 {
        assert_eq!(
            n.call(
                "POST",
                "/verify-phone/confirm",
                Some(json!({"phone": NUMBER, "code": wrong}))
            )
            .status,
            400
        );
    }
    let r = n.call(
        "POST",
        "/verify-phone/confirm",
        Some(json!({"phone": NUMBER, "code": dev})),
    );
    assert_eq!(err(&r).0, 400, "exhausted");
}

#[test]
fn logo_and_document_rules() {
    let sb = Sandbox::start().unwrap();
    let n = Nol::new(&sb).signup();
    n.bind(NUMBER);
    let path = format!("/listings/{NUMBER}/logo");
    assert_eq!(
        n.upload(&path, "image/jpeg", JPEG).json()["content_type"],
        "image/jpeg"
    );
    assert_eq!(
        n.upload(&path, "image/webp", b"RIFF\x1a\0\0\0WEBPVP8 \0")
            .status,
        200
    );
    assert_eq!(
        n.upload(&path, "application/octet-stream", PNG).json()["content_type"],
        "image/png"
    );
    let svg = b"<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>";
    assert_eq!(err(&n.upload(&path, "image/svg+xml", svg)), (415, None));
    assert_eq!(err(&n.upload(&path, "image/png", svg)).0, 415);
    assert_eq!(err(&n.upload(&path, "image/gif", b"GIF89a\x01\0")).0, 415);
    assert_eq!(
        err(&n.upload(&path, "image/png", JPEG)).0,
        415,
        "declared type must match the bytes"
    );
    let mut big = PNG.to_vec();
    big.resize(512 * 1024 + 1, 0);
    assert_eq!(err(&n.upload(&path, "image/png", &big)).0, 413);
    big.truncate(512 * 1024);
    assert_eq!(
        n.upload(&path, "image/png", &big).status,
        200,
        "512 KB exactly"
    );
    assert_eq!(err(&n.upload(&path, "image/png", b"")).0, 400);
    assert_eq!(
        err(&n.upload("/listings/+14155550100/logo", "image/png", PNG)).0,
        404
    );

    let docs = format!("/listings/{NUMBER}/documents");
    let d = n.upload(&docs, "application/pdf", PDF).json();
    assert_eq!(d["attached"], false, "no draft yet");
    n.ok(
        "PUT",
        &format!("/listings/{NUMBER}"),
        Some(json!({"dba": "Docs Inc"})),
    );
    let d = n.upload(&docs, "application/pdf", PDF).json();
    assert_eq!(
        (d["attached"].as_bool(), d["content_type"].as_str()),
        (Some(true), Some("application/pdf"))
    );
    let draft = n.ok("GET", &format!("/listings/{NUMBER}"), None)["draft"].clone();
    assert_eq!(draft["documents"][0]["media_id"], d["media_id"]);
    let doc_path = format!("/api/media/{}", d["media_id"].as_str().unwrap());
    assert_eq!(
        n.c.raw("GET", &doc_path, &[], b"").unwrap().status,
        404,
        "documents are private"
    );
    let auth = format!("Bearer {}", n.key);
    assert_eq!(
        n.c.raw("GET", &doc_path, &[("Authorization", &auth)], b"")
            .unwrap()
            .body,
        PDF
    );
    assert_eq!(err(&n.upload(&docs, "text/plain", b"hello")).0, 415);
    let mut big = PDF.to_vec();
    big.resize(5 * 1024 * 1024 + 1, b' ');
    assert_eq!(err(&n.upload(&docs, "application/pdf", &big)).0, 413);
}

#[test]
fn reports_reviews_and_live_risk() {
    let sb = Sandbox::start().unwrap();
    let n = Nol::new(&sb).signup();
    n.bind(NUMBER);
    let before = n.ok("GET", &format!("/listings/{NUMBER}"), None)["risk"].clone();
    assert_eq!(before["report_count"], 0);
    let report = |body: Value| {
        n.c.raw(
            "POST",
            "/_sandbox/nol/reports",
            &[],
            body.to_string().as_bytes(),
        )
        .unwrap()
    };
    assert_eq!(report(json!({"e164": NUMBER, "tags": ["robocall"], "lane": "accountable", "reporter": "Carrier X", "rating": 1})).status, 201);
    assert_eq!(
        report(json!({"e164": NUMBER, "tags": ["spam"], "days_ago": 45})).status,
        201
    );
    assert_eq!(report(json!({"e164": NUMBER})).status, 400);
    let review =
        n.c.raw(
            "POST",
            "/_sandbox/nol/reviews",
            &[],
            json!({"e164": NUMBER, "rating": 5, "body": "Great"})
                .to_string()
                .as_bytes(),
        )
        .unwrap();
    assert_eq!(review.status, 201);
    let risk = n.ok("GET", &format!("/listings/{NUMBER}"), None)["risk"].clone();
    assert_eq!(
        (
            risk["report_count"].as_u64(),
            risk["reports_last_30d"].as_u64()
        ),
        (Some(2), Some(1))
    );
    assert_eq!(
        (
            risk["review_total"].as_u64(),
            risk["review_positive"].as_u64()
        ),
        (Some(1), Some(1))
    );
    assert_eq!(
        risk["score"].as_i64().unwrap(),
        before["score"].as_i64().unwrap() + 10 - 2
    );
    let r = n.ok("GET", &format!("/listings/{NUMBER}/reports?limit=50"), None);
    assert_eq!(r["e164"], NUMBER);
    let reports = r["reports"].as_array().unwrap();
    assert_eq!(reports.len(), 2);
    assert_eq!(reports[0]["reporter"], "Carrier X", "newest first");
    assert_eq!(
        reports[1]["reporter"],
        Value::Null,
        "anonymous reporters are redacted"
    );
    for k in [
        "created_at",
        "tags",
        "rating",
        "body",
        "reporter",
        "lane",
        "provenance",
    ] {
        assert!(reports[0].get(k).is_some(), "{k}");
    }
    assert_eq!(r["reviews"][0]["positive"], true);
    assert_eq!(r["summary"]["report_count"], 2);
    assert_eq!(
        n.ok("GET", &format!("/listings/{NUMBER}/reports?limit=1"), None)["reports"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        err(&n.call("GET", &format!("/listings/{NUMBER}/reports?limit=0"), None)).0,
        400
    );
    assert_eq!(
        err(&n.call("GET", "/listings/+14155550100/reports", None)).0,
        404
    );
}

#[test]
fn account_update_and_topup() {
    let sb = Sandbox::start().unwrap();
    let n = Nol::new(&sb).signup();
    let u = n.ok(
        "PATCH",
        "",
        Some(json!({"name": "Acme Voice", "email": "ops@acme.example"})),
    );
    assert_eq!(
        (
            u["ok"].as_bool(),
            u["account"]["name"].as_str(),
            u["account"]["email"].as_str()
        ),
        (Some(true), Some("Acme Voice"), Some("ops@acme.example"))
    );
    assert_eq!(
        n.ok("PATCH", "", Some(json!({"email": ""})))["account"]["email"],
        Value::Null
    );
    assert_eq!(err(&n.call("PATCH", "", Some(json!({})))).0, 400);
    assert_eq!(
        err(&n.call("PATCH", "", Some(json!({"email": "nope"})))).0,
        400
    );
    for bad in [
        json!({}),
        json!({"amount_cents": 499}),
        json!({"amount_cents": 50_001}),
        json!({"amount_cents": "2000"}),
        json!({"amount_cents": 2000, "promote_keys": "yes"}),
    ] {
        assert_eq!(
            err(&n.call("POST", "/topup", Some(bad.clone()))).0,
            400,
            "{bad}"
        );
    }
    let t = n.ok("POST", "/topup", Some(json!({"amount_cents": 2000})));
    assert!(t["session_id"].as_str().unwrap().starts_with("cs_sbx_"));
    assert_eq!(t["promote_keys"], true);
    let url = t["url"].as_str().unwrap();
    n.c.raw("GET", &url[url.find("/_sandbox").unwrap()..], &[], b"")
        .unwrap();
    let a = n.ok("GET", "", None);
    assert_eq!(
        (
            a["account"]["balance_micros"].as_i64(),
            a["account"]["balance_usd"].as_str()
        ),
        (Some(20_000_000), Some("20.00"))
    );
    assert_eq!(a["keys"][0]["tier"], "standard");
    assert_eq!(a["keys"][0]["rate_limit"], 600);
    // Without fetching the URL, the next account read completes it; promotion can be refused.
    let m = Nol::new(&sb).signup();
    m.ok(
        "POST",
        "/topup",
        Some(json!({"amount_cents": 50_000, "promote_keys": false})),
    );
    let a = m.ok("GET", "", None);
    assert_eq!(
        (
            a["account"]["balance_usd"].as_str(),
            a["keys"][0]["tier"].as_str()
        ),
        (Some("500.00"), Some("free"))
    );
    assert_eq!(
        m.ok("GET", "", None)["account"]["balance_micros"],
        500_000_000,
        "credited once"
    );
}

#[test]
fn key_lifecycle() {
    let sb = Sandbox::start().unwrap();
    let n = Nol::new(&sb).signup();
    let keys = n.ok("GET", "/keys", None);
    assert_eq!(keys["schema_version"], "2026-06-16");
    let first = keys["keys"][0].clone();
    assert!(first["allowed_use_cases"]
        .as_array()
        .unwrap()
        .contains(&json!("manage")));
    let made = n.call(
        "POST",
        "/keys",
        Some(json!({"name": "Dialer", "use_cases": ["lookup", "scrub"]})),
    );
    assert_eq!(made.status, 201);
    let made = made.json();
    let second = n.with_key(made["api_key"].as_str().unwrap());
    let id = made["key"]["id"].as_str().unwrap().to_string();
    assert_eq!(made["key"]["allowed_use_cases"], json!(["lookup", "scrub"]));
    assert_eq!(
        code(&second.call("GET", "/keys", None)),
        (403, "use_case_forbidden".into()),
        "no manage"
    );
    assert_eq!(
        second.ok("GET", "/signing", None)["scheme"],
        "hmac-sha256",
        "signing needs no manage"
    );
    assert_eq!(
        err(&n.call(
            "POST",
            "/keys",
            Some(json!({"use_cases": ["lookup", "god_mode"]}))
        ))
        .0,
        400
    );
    assert_eq!(
        n.ok("GET", &format!("/keys/{id}"), None)["key"]["name"],
        "Dialer"
    );
    assert_eq!(err(&n.call("GET", "/keys/not-a-uuid", None)).0, 404);
    let other = Nol::new(&sb);
    assert_eq!(
        err(&other.call("GET", &format!("/keys/{id}"), None)).0,
        404,
        "foreign key"
    );
    assert_eq!(
        n.ok(
            "PATCH",
            &format!("/keys/{id}"),
            Some(json!({"name": "Renamed"}))
        )["key"]["name"],
        "Renamed"
    );
    assert_eq!(
        err(&n.call("PATCH", &format!("/keys/{id}"), Some(json!({})))).0,
        400
    );
    assert_eq!(
        err(&n.call(
            "PATCH",
            &format!("/keys/{id}"),
            Some(json!({"disabled": false}))
        ))
        .0,
        400
    );

    // Rotation: the old key works through the grace window, or dies at once with 0.
    let first_id = first["id"].as_str().unwrap().to_string();
    let rot = n.ok(
        "POST",
        &format!("/keys/{first_id}/rotate"),
        Some(json!({"grace_seconds": 60})),
    );
    assert!(rot["old_key_expires_at"].is_string());
    assert!(rot["key"]["rotation_grace_expires_at"].is_string());
    assert_eq!(rot["key"]["id"], first_id.as_str());
    let rotated = n.with_key(rot["api_key"].as_str().unwrap());
    assert_eq!(n.call("GET", "", None).status, 200, "old key in grace");
    assert_eq!(rotated.call("GET", "", None).status, 200);
    let rot = rotated.ok(
        "POST",
        &format!("/keys/{first_id}/rotate"),
        Some(json!({"grace_seconds": 0})),
    );
    assert_eq!(rot["old_key_expires_at"], Value::Null);
    assert_eq!(code(&rotated.call("GET", "", None)).1, "invalid_key");
    assert_eq!(
        code(&n.call("GET", "", None)).1,
        "invalid_key",
        "the grace of a replaced key ends too"
    );
    let current = n.with_key(rot["api_key"].as_str().unwrap());
    assert_eq!(
        err(&current.call(
            "POST",
            &format!("/keys/{first_id}/rotate"),
            Some(json!({"grace_seconds": 90_000}))
        ))
        .0,
        400
    );

    // Disabling: one way; never the last account-level key.
    assert_eq!(
        current.ok(
            "PATCH",
            &format!("/keys/{id}"),
            Some(json!({"disabled": true}))
        )["key"]["disabled"],
        true
    );
    assert_eq!(code(&second.call("GET", "/signing", None)).1, "invalid_key");
    assert_eq!(
        err(&current.call("POST", &format!("/keys/{id}/rotate"), None)).0,
        409
    );
    assert_eq!(
        err(&current.call(
            "PATCH",
            &format!("/keys/{first_id}"),
            Some(json!({"disabled": true}))
        ))
        .0,
        409
    );
}

#[test]
fn phones_and_precall_enrollment() {
    let sb = Sandbox::start().unwrap();
    let n = Nol::new(&sb).signup();
    n.bind(NUMBER);
    let p = n.ok(
        "PATCH",
        "/phones/14155550142",
        Some(json!({"precall_enrolled": true})),
    );
    assert_eq!(
        (
            p["phone"]["precall_enrolled"].as_bool(),
            p["phone"]["e164"].as_str()
        ),
        (Some(true), Some(NUMBER))
    );
    assert!(p["attestation"].is_string() && p["phone"]["precall_enrolled_at"].is_string());
    let p = n.ok(
        "PATCH",
        &format!("/phones/{NUMBER}"),
        Some(json!({"precall_enrolled": false})),
    );
    assert!(p.get("attestation").is_none());
    assert_eq!(p["phone"]["precall_enrolled_at"], Value::Null);
    assert_eq!(
        err(&n.call("PATCH", &format!("/phones/{NUMBER}"), Some(json!({})))).0,
        400
    );
    assert_eq!(
        err(&n.call(
            "PATCH",
            "/phones/+14155550100",
            Some(json!({"precall_enrolled": true}))
        ))
        .0,
        404
    );
    let narrow = n.ok(
        "POST",
        "/keys",
        Some(json!({"use_cases": ["lookup", "manage"]})),
    );
    let narrow = n.with_key(narrow["api_key"].as_str().unwrap());
    assert_eq!(
        code(&narrow.call(
            "PATCH",
            &format!("/phones/{NUMBER}"),
            Some(json!({"precall_enrolled": true}))
        ))
        .1,
        "use_case_forbidden"
    );
    let list = n.ok("GET", "/phones", None);
    assert_eq!(list["phones"][0]["e164"], NUMBER);
    assert!(list["phones"][0]["verified_at"].is_string());
}

#[test]
fn tenants_sub_keys_and_suppressions() {
    let sb = Sandbox::start().unwrap();
    let n = Nol::new(&sb).signup();
    let t = n.call("POST", "/tenants", Some(json!({"name": "Dental office"})));
    assert_eq!(t.status, 201);
    let tid = t.json()["tenant"]["id"].as_str().unwrap().to_string();
    assert!(t.json()["next"].as_str().unwrap().contains(&tid));
    assert_eq!(
        err(&n.call("POST", "/tenants", Some(json!({"name": "Dental office"})))).0,
        409
    );
    assert_eq!(
        err(&n.call("POST", "/tenants", Some(json!({"name": ""})))).0,
        400
    );
    assert_eq!(
        err(&n.call("POST", "/tenants", Some(json!({"name": "x".repeat(121)})))).0,
        400
    );
    assert_eq!(err(&n.call("GET", "/tenants/nope", None)).0, 400);
    assert_eq!(
        err(&n.call("GET", "/tenants/06283513-14f5-11e3-a398-91e4dd3a21e9", None)).0,
        404
    );

    let k = n.call("POST", &format!("/tenants/{tid}/keys"), Some(json!({})));
    assert_eq!(k.status, 201);
    let kj = k.json();
    assert_eq!(
        (kj["name"].as_str(), kj["allowed_use_cases"].clone()),
        (Some("Dental office key"), json!(["lookup"]))
    );
    let sub = n.with_key(kj["api_key"].as_str().unwrap());
    assert_eq!(
        code(&sub.call("GET", "", None)),
        (403, "use_case_forbidden".into())
    );
    assert_eq!(
        code(&sub.call("GET", "/tenants", None)).1,
        "use_case_forbidden"
    );
    assert_eq!(sub.call("GET", "/signing", None).status, 200);

    let list = n.ok("GET", "/tenants", None);
    assert_eq!(
        (
            list["tenants"][0]["keys"].as_u64(),
            list["tenants"][0]["status"].as_str()
        ),
        (Some(1), Some("active"))
    );
    assert_eq!(list["tenants"][0]["usage_30d"]["requests"], 0);
    assert_eq!(n.ok("GET", "", None)["tenants"][0]["id"], tid.as_str());
    let all = n.ok("GET", "/keys", None);
    assert!(all["keys"]
        .as_array()
        .unwrap()
        .iter()
        .any(|k| k["tenant_id"] == tid.as_str()));

    let sp = format!("/tenants/{tid}/suppressions");
    let s = n.call(
        "POST",
        &sp,
        Some(json!({"number": "+14155552671", "label": "front desk"})),
    );
    assert_eq!(
        (s.status, s.json()["suppressed"].as_bool()),
        (201, Some(true))
    );
    n.ok("POST", &sp, Some(json!({"number": "14155552672"})));
    assert_eq!(
        err(&n.call("POST", &sp, Some(json!({"number": "call me"})))).0,
        400
    );
    let l = n.ok("GET", &sp, None);
    assert_eq!(l["count"], 2);
    assert_eq!(l["entries"][0]["label"], "front desk");
    assert!(
        !l.to_string().contains("4155552671"),
        "numbers are never shown"
    );
    assert_eq!(
        n.ok("DELETE", &sp, Some(json!({"number": "+14155552671"})))["suppressed"],
        false
    );
    let detail = n.ok("GET", &format!("/tenants/{tid}"), None);
    assert_eq!(detail["suppressions"]["count"], 1);
    assert_eq!(detail["keys"][0]["key_prefix"], kj["key_prefix"]);

    let off = n.ok(
        "PATCH",
        &format!("/tenants/{tid}"),
        Some(json!({"status": "disabled"})),
    );
    assert_eq!(off["tenant"]["status"], "disabled");
    assert_eq!(code(&sub.call("GET", "/signing", None)).1, "invalid_key");
    assert_eq!(
        err(&n.call("POST", &format!("/tenants/{tid}/keys"), None)).0,
        409
    );
    assert_eq!(
        err(&n.call(
            "PATCH",
            &format!("/tenants/{tid}"),
            Some(json!({"status": "paused"}))
        ))
        .0,
        400
    );
    n.ok(
        "PATCH",
        &format!("/tenants/{tid}"),
        Some(json!({"status": "active"})),
    );
    assert_eq!(
        sub.call("GET", "/signing", None).status,
        200,
        "re-enabling restores the sub-keys"
    );
}

#[test]
fn signing_config() {
    let sb = Sandbox::start().unwrap();
    let n = Nol::new(&sb).signup();
    let s = n.ok("GET", "/signing", None);
    assert_eq!(
        (
            s["signing_required"].as_bool(),
            s["max_skew_seconds"].as_u64()
        ),
        (Some(false), Some(300))
    );
    let secret = s["signing_secret"].as_str().unwrap().to_string();
    assert_eq!(secret.len(), 64);
    assert_eq!(
        n.ok("POST", "/signing", Some(json!({"enabled": true})))["signing_required"],
        true
    );
    assert_eq!(
        n.ok("GET", "/keys/self/signing", None)["signing_required"],
        true
    );
    assert_eq!(err(&n.call("POST", "/signing", Some(json!({})))).0, 400);
    let id = n.ok("GET", "/keys", None)["keys"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let rot = n.ok("POST", &format!("/keys/{id}/rotate"), None);
    let rotated = n.with_key(rot["api_key"].as_str().unwrap());
    assert_eq!(
        rotated.ok("GET", "/signing", None)["signing_secret"],
        secret.as_str(),
        "rotation keeps the secret"
    );
    assert_eq!(
        n.ok("GET", "/keys", None)["keys"][0]["require_signed_requests"],
        true
    );
}

#[test]
fn faults_in_the_flat_shape() {
    let sb = Sandbox::start().unwrap();
    let n = Nol::new(&sb);
    let auth = format!("Bearer {}", n.key);
    let f = |spec: &str| {
        n.raw(
            "GET",
            "",
            &[("Authorization", &auth), ("X-Sandbox-Fault", spec)],
            b"",
        )
    };
    let r = f("status=429");
    assert_eq!(code(&r), (429, "rate_limited_key".into()));
    assert_eq!(
        (
            r.json()["retry_after_seconds"].as_u64(),
            r.header("Retry-After")
        ),
        (Some(1), Some("1"))
    );
    let r = f("status=429;retry_after=30;code=rate_limited_pool");
    assert_eq!(
        (
            code(&r).1.as_str(),
            r.json()["retry_after_seconds"].as_u64(),
            r.header("Retry-After")
        ),
        ("rate_limited_pool", Some(30), Some("30"))
    );
    assert_eq!(
        code(&f("status=429;code=rate_limited_ip")).1,
        "rate_limited_ip"
    );
    let r = f("status=402");
    assert_eq!(code(&r), (402, "insufficient_balance".into()));
    assert_eq!(r.json()["topup_url"], "/api/v1/account/topup");
    assert_eq!(
        code(&f("status=402;code=paid_verification_required")).1,
        "paid_verification_required"
    );
    assert_eq!(
        code(&f("status=403;code=account_suspended")).1,
        "account_suspended"
    );
    assert_eq!(
        code(&f("status=401;code=signature_invalid")),
        (401, "signature_invalid".into())
    );
    assert_eq!(err(&f("status=503")), (503, None));
    let q = n.c.admin("POST", "/faults", Some(json!({"path": "/api/v1/account/signup", "fault": "status=429;code=rate_limited_ip;retry_after=3600"})));
    assert_eq!(q.status, 201);
    let r = n.raw("POST", "/signup", &[], b"{}");
    assert_eq!(
        (
            code(&r).1.as_str(),
            r.json()["retry_after_seconds"].as_u64()
        ),
        ("rate_limited_ip", Some(3600))
    );
    assert_eq!(n.raw("POST", "/signup", &[], b"{}").status, 201);
    assert_eq!(f("code=rate_limited_pool").status, 400, "code needs status");
}

#[test]
fn reset_and_masked_log() {
    let sb = Sandbox::start().unwrap();
    let n = Nol::new(&sb);
    let fresh = n.signup();
    fresh.bind(NUMBER);
    fresh.ok(
        "PUT",
        &format!("/listings/{NUMBER}"),
        Some(json!({"dba": "Acme", "ein": "12-3456789"})),
    );
    let x = fresh.raw("GET", "", &[("X-API-Key", &fresh.key)], b"");
    assert_eq!(x.status, 200);
    let log = n.c.admin("GET", "/requests", None).json();
    let text = log.to_string();
    assert!(
        !text.contains(&fresh.key[4..]),
        "keys never appear in the log"
    );
    assert!(!text.contains("3456789"), "the tax id is masked");
    let entries = log["requests"].as_array().unwrap();
    let confirm = entries
        .iter()
        .find(|e| e["path"] == "/api/v1/account/verify-phone/confirm")
        .unwrap();
    assert_eq!(confirm["body"]["code"], "***");
    assert_eq!(confirm["headers"]["authorization"], "Bearer ***");
    assert!(entries.iter().any(|e| e["headers"]["x-api-key"] == "***"));

    assert_eq!(n.c.admin("POST", "/reset", None).status, 200);
    assert_eq!(
        code(&fresh.call("GET", "", None)).1,
        "invalid_key",
        "accounts made before the reset are gone"
    );
    assert_eq!(
        n.call("GET", "", None).status,
        200,
        "the config key works after a reset"
    );
    let again = n.signup();
    assert_ne!(again.key, fresh.key, "keys issued after a reset differ");
    assert_eq!(again.bind(NUMBER).status, 200, "the number is free again");
}
