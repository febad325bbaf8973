//! REST v1 over real TCP: Basic auth, the envelopes, every service's CRUD, the formats,
//! the `/menus` schema, `/media` uploads, faults, reset and the request log.

mod common;

use common::{b64, Client, Resp};
use phonecom_sandbox::{Options, Sandbox};
use serde_json::{json, Value};

struct V1 {
    c: Client,
    auth: String,
}

impl V1 {
    fn new(sb: &Sandbox) -> V1 {
        let cfg = sb.config();
        let key = cfg["v1"]["api_key"].as_str().unwrap();
        let pw = cfg["v1"]["password"].as_str().unwrap();
        V1 {
            c: Client::new(sb),
            auth: format!("Basic {}", b64(format!("{key}:{pw}").as_bytes())),
        }
    }

    fn raw(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Resp {
        let mut h = vec![("Authorization", self.auth.as_str())];
        h.extend_from_slice(headers);
        self.c.raw(method, &format!("/v1{path}"), &h, body).unwrap()
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Resp {
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        self.raw(
            method,
            path,
            &[("Content-Type", "application/json")],
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
        r.json()["response"]["data"].clone()
    }

    fn create(&self, service: &str, body: Value) -> String {
        let r = self.call("POST", &format!("/{service}"), Some(body));
        assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
        let d = r.json()["response"]["data"].clone();
        assert_eq!(d.as_object().unwrap().len(), 1, "only resource_id: {d}");
        d["resource_id"].as_str().unwrap().to_string()
    }
}

/// `(status, code, field)` of an error answer, checking the envelope.
fn err(r: &Resp) -> (u16, u64, Option<String>) {
    let e = &r.json()["response"]["error"];
    let code = e["code"]
        .as_u64()
        .unwrap_or_else(|| panic!("no code: {}", r.json()));
    assert!(e["info"].is_string());
    assert_eq!(
        e["url"].as_str().unwrap(),
        format!("https://docs.phone.com/refguides/errorref/generalerrors.html#error-code-{code}")
    );
    (r.status, code, e["field"].as_str().map(str::to_string))
}

fn is_uuid(s: &str) -> bool {
    let g: Vec<&str> = s.split('-').collect();
    g.len() == 5
        && g.iter().zip([8, 4, 4, 4, 12]).all(|(x, n)| {
            x.len() == n
                && x.bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        })
}

const ROUTE: &str = "6df07874-a797-11e2-bb5a-dc180921aee7";

#[test]
fn basic_auth_and_error_envelope() {
    let sb = Sandbox::start().unwrap();
    let v = V1::new(&sb);
    let r = v.c.raw("POST", "/v1/menus", &[], b"{}").unwrap();
    assert_eq!(err(&r), (401, 10003, None));
    assert_eq!(
        r.json()["response"]["error"]["info"],
        "Invalid basic authentication format specified."
    );
    for bad in [
        "Bearer abc",
        "Basic ***",
        "Basic",
        &format!("Basic {}", b64(b"nocolon")),
    ] {
        let r =
            v.c.raw("GET", "/v1/sms", &[("Authorization", bad)], b"")
                .unwrap();
        assert_eq!(err(&r).1, 10003, "{bad}");
    }
    let cfg = sb.config();
    let key = cfg["v1"]["api_key"].as_str().unwrap();
    let wrong = format!("Basic {}", b64(format!("{key}:wrong").as_bytes()));
    let r =
        v.c.raw("GET", "/v1/sms", &[("Authorization", &wrong)], b"")
            .unwrap();
    assert_eq!(err(&r), (401, 10004, None));
    assert_eq!(v.call("GET", "/sms", None).status, 200);
}

#[test]
fn routing_errors() {
    let sb = Sandbox::start().unwrap();
    let v = V1::new(&sb);
    assert_eq!(err(&v.call("GET", "/faxes", None)).0, 404);
    assert_eq!(err(&v.call("GET", "/", None)).1, 10005);
    let r = v.call("PATCH", "/menus", None);
    assert_eq!((err(&r).0, r.header("Allow")), (405, Some("GET, POST")));
    let r = v.call("POST", &format!("/menus/{ROUTE}"), None);
    assert_eq!(
        (err(&r).0, r.header("Allow")),
        (405, Some("GET, PUT, DELETE"))
    );
    assert_eq!(err(&v.call("GET", "/menus/42", None)), (400, 10008, None));
    assert_eq!(
        err(&v.call("GET", &format!("/menus/{ROUTE}"), None)),
        (404, 10007, None)
    );
    let r = v.raw(
        "POST",
        "/queues",
        &[("Content-Type", "text/plain")],
        b"{\"name\":\"q\"}",
    );
    assert_eq!(err(&r), (415, 10002, None));
    let r = v.raw(
        "POST",
        "/queues",
        &[("Content-Type", "text/json")],
        b"{\"name\":\"q\"}",
    );
    assert_eq!(r.status, 201);
    let r = v.raw(
        "POST",
        "/queues",
        &[("Content-Type", "application/json")],
        b"{nope",
    );
    assert_eq!(err(&r), (400, 10001, None));
    let r = v.raw(
        "POST",
        "/queues",
        &[("Content-Type", "application/json")],
        b"[1]",
    );
    assert_eq!(err(&r).1, 10001);
}

#[test]
fn every_service_is_stateful_crud() {
    let sb = Sandbox::start().unwrap();
    let v = V1::new(&sb);
    let group = v.ok("GET", "/contact_groups", None)[0]["resource_id"].clone();
    let bodies = [
        (
            "calls",
            json!({"to": "15555551234", "from": "+15555551235"}),
        ),
        (
            "sms",
            json!({"to": "15555551234", "from": "+15555551235", "message": "hi"}),
        ),
        (
            "menus",
            json!({"name": "m", "digits": [{"digit": 1, "route": ROUTE}]}),
        ),
        ("queues", json!({"name": "Support", "max_callers": "10"})),
        ("routes", json!({"name": "After hours"})),
        (
            "media",
            json!({"name": "hello", "tts_text": "Hello and welcome"}),
        ),
        (
            "batch",
            json!({"type": "call", "from": "+15555551235", "to": ["15555551234"]}),
        ),
        (
            "contacts",
            json!({"first_name": "Alan", "phone": "14155550123", "group_id": group}),
        ),
        ("contact_groups", json!({"name": "Vendors"})),
        ("schedules", json!({"name": "Weekends"})),
        ("extensions", json!({"extension": "205", "name": "Support"})),
    ];
    for (service, body) in bodies {
        let before = v
            .ok("GET", &format!("/{service}"), None)
            .as_array()
            .unwrap()
            .len();
        let id = v.create(service, body.clone());
        assert!(is_uuid(&id), "{service}: {id}");
        let list = v.call("GET", &format!("/{service}"), None).json();
        assert_eq!(list["response"]["total"], before + 1, "{service}");
        let obj = v.ok("GET", &format!("/{service}/{id}"), None);
        assert_eq!(obj["resource_id"], id.as_str());
        let epoch = obj["created_epoch"].as_i64().unwrap();
        let date = obj["created_date"].as_str().unwrap();
        assert!(date.ends_with('Z') && date.len() == 20, "{service}: {date}");
        assert!(
            (epoch
                - std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_secs() as i64)
                .abs()
                < 60
        );
        let put = v.ok("PUT", &format!("/{service}/{id}"), Some(body));
        assert_eq!(put, json!({"resource_id": id}));
        let again = v.ok("GET", &format!("/{service}/{id}"), None);
        assert_eq!(
            again["created_epoch"], epoch,
            "{service}: PUT keeps the creation time"
        );
        let del = v.ok("DELETE", &format!("/{service}/{id}"), None);
        assert_eq!(del["resource_id"], id.as_str());
        let gone = v.call("GET", &format!("/{service}/{id}"), None);
        assert_eq!(err(&gone), (404, 10007, None), "{service}");
        assert_eq!(
            err(&v.call("DELETE", &format!("/{service}/{id}"), None)).0,
            404
        );
    }
}

#[test]
fn seeded_services_paging_and_filters() {
    let sb = Sandbox::start_with(Options {
        seed: 77,
        ..Options::default()
    })
    .unwrap();
    let v = V1::new(&sb);
    let other = Sandbox::start_with(Options {
        seed: 77,
        ..Options::default()
    })
    .unwrap();
    let w = V1::new(&other);
    for service in [
        "contacts",
        "contact_groups",
        "schedules",
        "extensions",
        "routes",
        "media",
        "sms",
    ] {
        let a = v.ok("GET", &format!("/{service}"), None);
        assert!(!a.as_array().unwrap().is_empty(), "{service} is seeded");
        assert_eq!(
            a,
            w.ok("GET", &format!("/{service}"), None),
            "same seed, same {service}"
        );
    }
    let ext = v.ok("GET", "/extensions?extension=102", None);
    assert_eq!(
        (ext.as_array().unwrap().len(), ext[0]["name"].as_str()),
        (1, Some("Sales"))
    );
    assert_eq!(
        v.ok("GET", "/extensions?voicemail_enabled=Y", None)
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let page = v.call("GET", "/contacts?limit=1&offset=1", None).json();
    assert_eq!(page["response"]["total"], 2);
    assert_eq!(page["response"]["data"][0]["first_name"], "Grace");
    assert_eq!(
        err(&v.call("GET", "/contacts?limit=0", None)).2.as_deref(),
        Some("limit")
    );
    let dup = v.call(
        "POST",
        "/extensions",
        Some(json!({"extension": "101", "name": "Dup"})),
    );
    assert_eq!(err(&dup), (409, 10014, Some("extension".into())));
}

#[test]
fn formats_e164_yn_dates_money() {
    let sb = Sandbox::start().unwrap();
    let v = V1::new(&sb);
    let id = v.create(
        "sms",
        json!({"to": "15555551234", "from": "+15555551235", "message": "Welcome to Phone.com",
               "application_id": "fe02e19d-cd54-11e2-bf99-91e4d3e209c1", "url": "http://app.example/sms"}),
    );
    let sms = v.ok("GET", &format!("/sms/{id}"), None);
    assert_eq!(
        (sms["to"].as_str(), sms["from"].as_str()),
        (Some("+15555551234"), Some("+15555551235"))
    );
    assert_eq!(
        (sms["status"].as_str(), sms["type"].as_str()),
        (Some("sent"), Some("outgoing"))
    );
    assert_eq!(sms["charge"], "$0.01");
    assert_eq!(sms["voip_id"], 1000001);

    for (body, field) in [
        (
            json!({"to": "555", "from": "+15555551235", "message": "x"}),
            "to",
        ),
        (
            json!({"to": "+1555555123456789", "from": "+15555551235", "message": "x"}),
            "to",
        ),
        (json!({"from": "+15555551235", "message": "x"}), "to"),
        (
            json!({"to": "15555551234", "from": "+15555551235"}),
            "message",
        ),
        (
            json!({"to": "15555551234", "from": "+15555551235", "message": "x", "application_id": "nope"}),
            "application_id",
        ),
        (
            json!({"to": "15555551234", "from": "+15555551235", "message": "x", "is_urgent": true}),
            "is_urgent",
        ),
        (
            json!({"to": "15555551234", "from": "+15555551235", "message": "x", "is_urgent": "yes"}),
            "is_urgent",
        ),
        (
            json!({"to": "15555551234", "from": "+15555551235", "message": "x", "scheduled_date": "tomorrow"}),
            "scheduled_date",
        ),
    ] {
        let r = v.call("POST", "/sms", Some(body.clone()));
        let (status, _, f) = err(&r);
        assert_eq!((status, f.as_deref()), (400, Some(field)), "{body}");
    }

    let call = v.create(
        "calls",
        json!({"to": "+15555551234", "from": "15555551235", "scheduled_date": "2099-01-01T00:00:00Z"}),
    );
    let c = v.ok("GET", &format!("/calls/{call}"), None);
    assert_eq!(
        (c["status"].as_str(), c["scheduled_epoch"].as_i64()),
        (Some("scheduled"), Some(4_070_908_800))
    );
    assert_eq!(
        (c["duration"].as_i64(), c["charge"].as_str()),
        (Some(0), Some("$0.00"))
    );
    let done = v.create(
        "calls",
        json!({"to": "+15555551234", "from": "15555551235", "scheduled_date": 1388617237}),
    );
    let d = v.ok("GET", &format!("/calls/{done}"), None);
    assert_eq!(d["scheduled_date"], "2014-01-01T23:00:37Z");
    let secs = d["duration"].as_i64().unwrap();
    assert!(secs > 0);
    let cents = (secs + 59) / 60 * 2;
    assert_eq!(d["charge"], format!("${}.{:02}", cents / 100, cents % 100));

    let batch = v.create(
        "batch",
        json!({"type": "sms", "from": "+15555551235", "to": ["15555551234", "15555551236", "15555551237"], "message": "Sale!"}),
    );
    let b = v.ok("GET", &format!("/batch/{batch}"), None);
    assert_eq!(
        (b["count"].as_i64(), b["charge"].as_str()),
        (Some(3), Some("$0.03"))
    );
    let children = v.ok("GET", &format!("/sms?batch_id={batch}"), None);
    assert_eq!(children.as_array().unwrap().len(), 3);
    assert_eq!(b["items"].as_array().unwrap().len(), 3);
}

#[test]
fn menus_schema() {
    let sb = Sandbox::start().unwrap();
    let v = V1::new(&sb);
    let example = json!({
        "name": "first_menu", "allow_extension_dial": "N",
        "outgoing_recording": "40dc31d0-76ef-11e2-bcfd-0800200c9a66",
        "invalid_entry_recording": "f7c0ec0c-9016-11e2-97f5-525400838e08",
        "digits": [
            {"digit": "pound", "route": "6df07874-a797-11e2-bb5a-dc180921aee7"},
            {"digit": 0, "route": "ae761ef5-a6bd-11e2-b484-9048ce5be0cc"},
            {"digit": 1, "route": "8f0f5201-ac3b-11e2-8b76-de60857c4383"},
            {"digit": 2, "route": "d6e560bb-a6be-11e2-9080-f93165e3d18b"},
            {"digit": 3, "route": "d6e560bb-a6be-11e2-9080-f93165e3d18b"}
        ]
    });
    let id = v.create("menus", example);
    let m = v.ok("GET", &format!("/menus/{id}"), None);
    let digits: Vec<&str> = m["digits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["digit"].as_str().unwrap())
        .collect();
    assert_eq!(
        digits,
        ["pound", "0", "1", "2", "3"],
        "always string syntax"
    );
    assert_eq!(m["allow_extension_dial"], "N");

    let ok = json!([{"digit": "9", "route": ROUTE}]);
    for (body, status, code, field) in [
        (json!({"name": "x"}), 400, 10010, "digits"),
        (json!({"digits": []}), 400, 10009, "digits"),
        (
            json!({"digits": [{"digit": "star", "route": ROUTE}]}),
            400,
            10009,
            "digits[0].digit",
        ),
        (
            json!({"digits": [{"digit": 1, "route": ROUTE}, {"digit": 11, "route": ROUTE}]}),
            400,
            10009,
            "digits[1].digit",
        ),
        (
            json!({"digits": [{"digit": 1}]}),
            400,
            10010,
            "digits[0].route",
        ),
        (
            json!({"digits": [{"digit": 1, "route": "r1"}]}),
            400,
            10009,
            "digits[0].route",
        ),
        (
            json!({"digits": ok, "greeting": "hi"}),
            400,
            10009,
            "greeting",
        ),
        (
            json!({"digits": ok, "allow_extension_dial": true}),
            400,
            10009,
            "allow_extension_dial",
        ),
        (
            json!({"digits": ok, "wait_time": "5s"}),
            400,
            10009,
            "wait_time",
        ),
        (json!({"digits": ok, "level": "one"}), 400, 10009, "level"),
    ] {
        let r = v.call("POST", "/menus", Some(body.clone()));
        assert_eq!(err(&r), (status, code, Some(field.to_string())), "{body}");
        let info = r.json()["response"]["error"]["info"]
            .as_str()
            .unwrap()
            .to_string();
        assert!(info.contains(field), "{info}");
    }
    let upd = v.call(
        "PUT",
        &format!("/menus/{id}"),
        Some(json!({"name": "renamed", "level": 2, "wait_time": 7, "digits": ok})),
    );
    assert_eq!(upd.status, 200);
    let m = v.ok("GET", &format!("/menus/{id}"), None);
    assert_eq!(
        (
            m["name"].as_str(),
            m["level"].as_str(),
            m["wait_time"].as_str()
        ),
        (Some("renamed"), Some("2"), Some("7"))
    );
    assert_eq!(m["digits"].as_array().unwrap().len(), 1);
    let bad = v.call(
        "PUT",
        &format!("/menus/{id}"),
        Some(json!({"name": "no digits"})),
    );
    assert_eq!(err(&bad).2.as_deref(), Some("digits"));
}

fn wav(data_len: usize) -> Vec<u8> {
    let mut d = b"RIFF\0\0\0\0WAVEfmt ".to_vec();
    d.resize(28, 0);
    d.extend_from_slice(&8_000u32.to_le_bytes());
    d.resize(44 + data_len, 0);
    d
}

fn multipart(fields: &[(&str, &str)], file: Option<(&str, &str, &[u8])>) -> (String, Vec<u8>) {
    let boundary = "sbxBoundary7MA4YWxk";
    let mut body = Vec::new();
    for (k, v) in fields {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n")
                .as_bytes(),
        );
    }
    if let Some((name, ct, data)) = file {
        body.extend_from_slice(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: {ct}\r\n\r\n").as_bytes());
        body.extend_from_slice(data);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

#[test]
fn media_uploads() {
    let sb = Sandbox::start().unwrap();
    let v = V1::new(&sb);
    let audio = wav(16_000);
    let (ct, body) = multipart(
        &[
            ("name", "Main greeting"),
            ("is_hold_music", "N"),
            ("notes", "v1"),
        ],
        Some(("greeting.wav", "audio/wav", &audio)),
    );
    let r = v.raw("POST", "/media", &[("Content-Type", &ct)], &body);
    assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
    let id = r.json()["response"]["data"]["resource_id"]
        .as_str()
        .unwrap()
        .to_string();
    let m = v.ok("GET", &format!("/media/{id}"), None);
    assert_eq!(
        (m["size"].as_u64(), m["content_type"].as_str()),
        (Some(audio.len() as u64), Some("audio/wav"))
    );
    assert_eq!(
        (m["filename"].as_str(), m["origin"].as_str()),
        (Some("greeting.wav"), Some("upload"))
    );
    assert_eq!(
        (m["name"].as_str(), m["duration"].as_str()),
        (Some("Main greeting"), Some("2"))
    );
    assert_eq!(
        (m["is_hold_music"].as_str(), m["is_temporary"].as_str()),
        (Some("N"), Some("N"))
    );
    assert_eq!(m["create_date"], m["created_epoch"]);

    // Raw bytes with the name in Content-Disposition, fields in the query.
    let ulaw = vec![0xFFu8; 24_000];
    let r = v.raw(
        "POST",
        "/media?name=Hold&is_hold_music=Y",
        &[
            ("Content-Type", "audio/x-ulaw"),
            ("Content-Disposition", "attachment; filename=\"hold.ulaw\""),
        ],
        &ulaw,
    );
    assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
    let hold = r.json()["response"]["data"]["resource_id"]
        .as_str()
        .unwrap()
        .to_string();
    let h = v.ok("GET", &format!("/media/{hold}"), None);
    assert_eq!(
        (
            h["filename"].as_str(),
            h["size"].as_u64(),
            h["duration"].as_str()
        ),
        (Some("hold.ulaw"), Some(24_000), Some("3"))
    );
    assert_eq!(
        (h["is_hold_music"].as_str(), h["name"].as_str()),
        (Some("Y"), Some("Hold"))
    );
    let mp3 = b"ID3\x04\0\0\0\0\0\x0f....";
    let r = v.raw(
        "POST",
        "/media?filename=intro.mp3",
        &[("Content-Type", "audio/mpeg")],
        mp3,
    );
    assert_eq!(r.status, 201);

    // Type, extension and bytes must agree; 20 MB at most.
    let (ct, body) = multipart(&[], Some(("greeting.mp3", "audio/wav", &audio)));
    assert_eq!(
        err(&v.raw("POST", "/media", &[("Content-Type", &ct)], &body)),
        (400, 10013, Some("file".into()))
    );
    let (ct, body) = multipart(&[], Some(("greeting.mp3", "audio/mpeg", &audio)));
    assert_eq!(
        err(&v.raw("POST", "/media", &[("Content-Type", &ct)], &body)).1,
        10013
    );
    let (ct, body) = multipart(&[], Some(("greeting.ogg", "audio/ogg", b"OggS\0\0")));
    assert_eq!(
        err(&v.raw("POST", "/media", &[("Content-Type", &ct)], &body)),
        (415, 10012, Some("file".into()))
    );
    let r = v.raw("POST", "/media", &[("Content-Type", "audio/flac")], b"fLaC");
    assert_eq!(err(&r).0, 415);
    let (ct, body) = multipart(&[("name", "nothing")], None);
    assert_eq!(
        err(&v.raw("POST", "/media", &[("Content-Type", &ct)], &body)),
        (400, 10010, Some("file".into()))
    );
    let big = wav(20 * 1024 * 1024);
    let r = v.raw(
        "POST",
        "/media?filename=big.wav",
        &[("Content-Type", "audio/wav")],
        &big,
    );
    assert_eq!(err(&r).0, 413);
    assert_eq!(err(&r).1, 10011);

    // PUT merges metadata; a new file replaces the old.
    assert_eq!(
        v.ok(
            "PUT",
            &format!("/media/{id}"),
            Some(json!({"name": "Renamed", "is_temporary": "Y"}))
        )["resource_id"],
        id.as_str()
    );
    let m = v.ok("GET", &format!("/media/{id}"), None);
    assert_eq!(
        (
            m["name"].as_str(),
            m["is_temporary"].as_str(),
            m["filename"].as_str()
        ),
        (Some("Renamed"), Some("Y"), Some("greeting.wav"))
    );
    let r = v.raw(
        "PUT",
        &format!("/media/{id}?filename=v2.wav"),
        &[("Content-Type", "audio/x-wav")],
        &wav(8_000),
    );
    assert_eq!(r.status, 200);
    let m = v.ok("GET", &format!("/media/{id}"), None);
    assert_eq!(
        (m["filename"].as_str(), m["size"].as_u64()),
        (Some("v2.wav"), Some(8_044))
    );
    let r = v.call(
        "PUT",
        &format!("/media/{id}"),
        Some(json!({"is_hold_music": true})),
    );
    assert_eq!(err(&r).2.as_deref(), Some("is_hold_music"));
}

#[test]
fn faults_in_the_v1_envelope() {
    let sb = Sandbox::start().unwrap();
    let v = V1::new(&sb);
    let r = v.raw("GET", "/sms", &[("X-Sandbox-Fault", "status=503")], b"");
    assert_eq!(err(&r), (503, 10000, None));
    let r = v.raw(
        "GET",
        "/sms",
        &[("X-Sandbox-Fault", "status=429;retry_after=4")],
        b"",
    );
    assert_eq!((err(&r).1, r.header("Retry-After")), (10015, Some("4")));
    let r = v.raw(
        "GET",
        "/sms",
        &[("X-Sandbox-Fault", "status=400;code=10042")],
        b"",
    );
    assert_eq!(err(&r), (400, 10042, None));
    let q = v.c.admin(
        "POST",
        "/faults",
        Some(json!({"method": "POST", "path": "/v1/queues", "fault": "status=500", "times": 1})),
    );
    assert_eq!(q.status, 201);
    let before = v.ok("GET", "/queues", None).as_array().unwrap().len();
    assert_eq!(
        err(&v.call("POST", "/queues", Some(json!({"name": "q"})))).0,
        500
    );
    assert_eq!(
        v.ok("GET", "/queues", None).as_array().unwrap().len(),
        before,
        "not processed"
    );
    assert_eq!(
        v.call("POST", "/queues", Some(json!({"name": "q"}))).status,
        201
    );
    let r = v.raw("GET", "/sms", &[("X-Sandbox-Fault", "malformed")], b"");
    assert!(serde_json::from_slice::<Value>(&r.body).is_err());
}

#[test]
fn reset_and_masked_log() {
    let sb = Sandbox::start().unwrap();
    let v = V1::new(&sb);
    let seeded = v.ok("GET", "/contacts", None);
    let id = v.create(
        "contacts",
        json!({"first_name": "Temp", "password": "hunter2"}),
    );
    assert_eq!(v.ok("GET", "/contacts", None).as_array().unwrap().len(), 3);
    let log = v.c.admin("GET", "/requests", None).json();
    let post = log["requests"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["method"] == "POST")
        .unwrap()
        .clone();
    assert_eq!(post["headers"]["authorization"], "Basic ***");
    assert_eq!(post["body"]["password"], "***");
    assert_eq!(post["body"]["first_name"], "Temp");
    assert!(!log
        .to_string()
        .contains(sb.config()["v1"]["password"].as_str().unwrap()));
    assert_eq!(v.c.admin("POST", "/reset", None).status, 200);
    assert_eq!(v.ok("GET", "/contacts", None), seeded);
    assert_eq!(err(&v.call("GET", &format!("/contacts/{id}"), None)).0, 404);
}
