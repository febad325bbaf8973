//! REST v1 over real HTTP against a scripted loopback server: the document's examples, every
//! formatting rule in both directions, the error envelope, and refusals before sending.

mod stub;

use phonecom::{Client, Config, ErrorKind};
use serde_json::{json, Value};
use std::sync::{Arc, Mutex};
use stub::{Reply, Stub};

const KEY: &str = "v1key_4f8a2c9e1b";
const PASSWORD: &str = "v1pass_Welcome!77";

fn fixture(name: &str) -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/v1/");
    serde_json::from_str(&std::fs::read_to_string(format!("{path}{name}")).unwrap()).unwrap()
}

fn envelope(data: Value) -> Value {
    json!({"response": {"data": data}})
}

fn client(stub: &Stub) -> Client {
    Client::new(
        Config::from_value(json!({
            "v1": {"base_url": stub.base_url(), "api_key": KEY, "password": PASSWORD},
            "retry": {"max_attempts": 3, "base_delay_ms": 1, "max_delay_ms": 5, "deadline_ms": 5000},
        }))
        .unwrap(),
    )
    .unwrap()
}

#[test]
fn the_documents_menu_post_round_trip() {
    let stub = Stub::script(vec![Reply::json(201, fixture("resource_id_response.json"))]);
    let out = client(&stub)
        .call("v1.menus.create", fixture("menus_post_request.json"))
        .unwrap();
    assert_eq!(
        out,
        json!({"resource_id": "06283513-14f5-11e3-a398-91e4dd3a21e9"})
    );
    let req = &stub.requests()[0];
    assert_eq!(req.method, "POST");
    assert_eq!(req.target, "/menus");
    assert_eq!(req.header("content-type"), Some("application/json"));
    let expected = format!(
        "Basic {}",
        phonecom::encode::base64_encode(format!("{KEY}:{PASSWORD}").as_bytes())
    );
    assert_eq!(req.header("authorization"), Some(expected.as_str()));
    let body = req.json();
    assert_eq!(body["allow_extension_dial"], "N");
    assert_eq!(body["name"], "first_menu");
    assert_eq!(
        body["digits"][0],
        json!({"digit": "pound", "route": "6df07874-a797-11e2-bb5a-dc180921aee7"})
    );
    assert_eq!(body["digits"][1]["digit"], "0", "digits travel as strings");
    assert_eq!(body["digits"].as_array().unwrap().len(), 5);
}

#[test]
fn flags_given_as_booleans_travel_as_y_and_n() {
    let stub = Stub::script(vec![Reply::json(200, fixture("resource_id_response.json"))]);
    let mut menu = fixture("menus_post_request.json");
    menu["allow_extension_dial"] = json!(true);
    menu["wait_time"] = json!("5");
    menu["level"] = json!(2);
    client(&stub).call("v1.menus.create", menu).unwrap();
    let body = stub.requests()[0].json();
    assert_eq!(body["allow_extension_dial"], "Y");
    assert_eq!(body["wait_time"], 5, "quoted numbers are numbers");
    assert_eq!(body["level"], 2);
}

#[test]
fn the_menu_schema_is_enforced_before_sending() {
    let stub = Stub::script(vec![]);
    let c = client(&stub);
    let mut menu = fixture("menus_post_request.json");
    menu["digits"][1]["route"] = json!("not-a-uuid");
    menu["digits"][2]["digit"] = json!("#");
    menu["digits"][3]["label"] = json!("sales");
    let e = c.call("v1.menus.create", menu).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Validation);
    let fields: Vec<&str> = e.fields().iter().map(|f| f.field.as_str()).collect();
    assert_eq!(
        fields,
        ["digits[1].route", "digits[2].digit", "digits[3].label"]
    );
    assert!(e.to_string().contains("digits[1].route"), "{e}");

    for (field, value, rule) in [
        ("digits", json!([]), "at least 1"),
        (
            "outgoing_recording",
            json!("40DC31D0-76EF-11E2-BCFD-0800200C9A66"),
            "lower case",
        ),
        ("allow_extension_dial", json!("maybe"), "\"Y\"/\"N\""),
        ("wait_time", json!("soon"), "integer"),
        ("color", json!("blue"), "not a parameter"),
    ] {
        let mut menu = fixture("menus_post_request.json");
        menu[field] = value;
        let e = c.call("v1.menus.create", menu).unwrap_err();
        assert_eq!(e.fields()[0].field, field, "{e}");
        assert!(e.to_string().contains(rule), "{field}: {e}");
    }
    let mut menu = fixture("menus_post_request.json");
    menu.as_object_mut().unwrap().remove("digits");
    let e = c.call("v1.menus.create", menu).unwrap_err();
    assert_eq!(e.fields()[0].field, "digits");
    assert_eq!(e.attempts(), 0);
    assert!(stub.requests().is_empty(), "nothing was sent");
}

#[test]
fn update_is_a_put_on_the_resource() {
    let stub = Stub::script(vec![Reply::json(200, fixture("resource_id_response.json"))]);
    let mut menu = fixture("menus_post_request.json");
    menu["resource_id"] = json!("06283513-14f5-11e3-a398-91e4dd3a21e9");
    client(&stub).call("v1.menus.update", menu).unwrap();
    let req = &stub.requests()[0];
    assert_eq!(req.method, "PUT");
    assert_eq!(req.target, "/menus/06283513-14f5-11e3-a398-91e4dd3a21e9");
    assert!(
        req.json().get("resource_id").is_none(),
        "the id travels in the path only"
    );
}

#[test]
fn resource_ids_are_checked_with_the_documents_rule() {
    let stub = Stub::script(vec![]);
    let c = client(&stub);
    for bad in [
        "06283513",
        "06283513-14F5-11E3-A398-91E4DD3A21E9",
        "../menus",
        "",
    ] {
        let e = c
            .call("v1.queues.get", json!({"resource_id": bad}))
            .unwrap_err();
        assert_eq!(e.fields()[0].field, "resource_id", "{bad}: {e}");
    }
    assert!(stub.requests().is_empty());
}

#[test]
fn sms_numbers_gain_their_plus_and_follow_the_api_rule() {
    let stub = Stub::script(vec![Reply::json(201, fixture("resource_id_response.json"))]);
    let c = client(&stub);
    c.call(
        "v1.sms.create",
        json!({"to": "15555551235", "from": "+1 (555) 555-1234", "message": "Welcome to Phone.com"}),
    )
    .unwrap();
    let body = stub.requests()[0].json();
    assert_eq!(body["to"], "+15555551235");
    assert_eq!(body["from"], "+15555551234");
    for bad in ["5551231234", "+123456789012345", "+1555abc1234"] {
        let e = c
            .call(
                "v1.sms.create",
                json!({"to": bad, "from": "15555551234", "message": "x"}),
            )
            .unwrap_err();
        assert_eq!(e.fields()[0].field, "to", "{bad}");
    }
    let e = c
        .call("v1.sms.create", json!({"to": "15555551235"}))
        .unwrap_err();
    let fields: Vec<&str> = e.fields().iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["from", "message"]);
    assert_eq!(stub.requests().len(), 1);
}

#[test]
fn results_are_unwrapped_and_normalised() {
    let stub = Stub::script(vec![
        Reply::json(200, envelope(fixture("sms_object.json"))),
        Reply::json(200, envelope(fixture("greeting_object.json"))),
        Reply::json(200, envelope(json!([fixture("greeting_object.json")]))),
    ]);
    let c = client(&stub);
    let sms = c
        .call(
            "v1.sms.get",
            json!({"resource_id": "18a349a6-3d00-11e3-8779-91e7f37d368b"}),
        )
        .unwrap();
    assert_eq!(sms["created_date"], "2014-01-01T23:00:37Z");
    assert_eq!(sms["created_epoch"], 1388617237);
    assert_eq!(sms["from"], "+5551231234", "responses are never rewritten");
    let typed = c
        .v1()
        .media("9d1ee64b-f316-11e2-b57c-ac4ed37d8038")
        .unwrap();
    assert_eq!(typed.is_hold_music, Some(false));
    assert_eq!(typed.duration, Some(0));
    assert_eq!(typed.created_epoch, Some(1374528920));
    assert_eq!(typed.created_date.unwrap().to_iso(), "2013-07-22T21:35:20Z");
    let list = c.v1().media_list().unwrap();
    assert_eq!(list[0].name.as_deref(), Some("voicemail_greeting1"));
    let reqs = stub.requests();
    assert_eq!(
        reqs[1].target,
        "/media/9d1ee64b-f316-11e2-b57c-ac4ed37d8038"
    );
    // Typed lists walk every page (one here: no `total`, a short page).
    assert_eq!(reqs[2].target, "/media?limit=100&offset=0");
    assert_eq!(reqs.len(), 3);
}

#[test]
fn the_error_envelope_keeps_code_info_and_url_and_no_secret() {
    let stub = Stub::script(vec![Reply::json(401, fixture("error_10003.json"))]);
    let e = client(&stub).call("v1.menus.list", json!({})).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Authentication);
    assert_eq!(e.status(), Some(401));
    assert_eq!(e.upstream_code(), Some("10003"));
    assert_eq!(
        e.upstream_message(),
        Some("Invalid basic authentication format specified.")
    );
    assert_eq!(
        e.doc_url(),
        Some("https://docs.phone.com/refguides/errorref/generalerrors.html#error-code-10003")
    );
    assert_eq!(e.family(), Some("v1"));
    assert_eq!(e.operation(), Some("v1.menus.list"));
    let shown = format!("{e} {e:?} {}", e.to_json());
    assert!(shown.contains("error-code-10003"), "{shown}");
    assert!(!shown.contains(KEY) && !shown.contains(PASSWORD), "{shown}");
}

#[test]
fn an_unrecognised_error_body_is_kept_raw() {
    let stub = Stub::script(vec![Reply::text(404, "<html>no such route</html>")]);
    let e = client(&stub)
        .call(
            "v1.routes.delete",
            json!({"resource_id": "d6e560bb-a6be-11e2-9080-f93165e3d18b"}),
        )
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
    assert!(e.raw_body().unwrap().contains("no such route"));
}

#[test]
fn list_query_arguments_flags_as_y_and_n() {
    let stub = Stub::script(vec![Reply::json(200, envelope(json!([])))]);
    client(&stub)
        .call(
            "v1.sms.list",
            json!({"query": {"limit": 5, "unread": true, "to": "+15555551235"}}),
        )
        .unwrap();
    assert_eq!(
        stub.requests()[0].target,
        "/sms?limit=5&unread=Y&to=%2B15555551235"
    );
}

#[test]
fn opaque_bodies_get_y_and_n_too() {
    let stub = Stub::script(vec![Reply::json(201, fixture("resource_id_response.json"))]);
    let out = client(&stub)
        .v1()
        .create(
            "queues",
            json!({"name": "Sales", "announce": true, "members": [{"number": "+15555551234", "is_active": false}]})
                .as_object()
                .unwrap()
                .clone(),
        )
        .unwrap();
    assert_eq!(out.resource_id, "06283513-14f5-11e3-a398-91e4dd3a21e9");
    let body = stub.requests()[0].json();
    assert_eq!(
        body,
        json!({"name": "Sales", "announce": "Y", "members": [{"number": "+15555551234", "is_active": "N"}]})
    );
}

#[test]
fn media_uploads_are_checked_then_sent_as_multipart() {
    let stub = Stub::script(vec![Reply::json(201, fixture("resource_id_response.json"))]);
    let c = client(&stub);
    let wav = [b"RIFF\x24\x00\x00\x00WAVEfmt ".as_slice(), &[0u8; 24]].concat();
    let upload = phonecom::v1::MediaUpload {
        name: Some("hold".into()),
        filename: "hold.wav".into(),
        data: wav.clone(),
        is_hold_music: Some(true),
        ..Default::default()
    };
    c.v1().upload_media(&upload).unwrap();
    let req = &stub.requests()[0];
    let ct = req.header("content-type").unwrap();
    assert!(ct.starts_with("multipart/form-data; boundary="), "{ct}");
    let text = String::from_utf8_lossy(&req.body);
    assert!(
        text.contains("name=\"file\"; filename=\"hold.wav\"\r\nContent-Type: audio/wav"),
        "{text}"
    );
    assert!(
        text.contains("name=\"is_hold_music\"\r\n\r\nY\r\n"),
        "{text}"
    );
    assert!(req.body.windows(4).any(|w| w == b"WAVE"));

    for (filename, ct, data, rule) in [
        ("hold.mp3", None, wav.clone(), "look like WAV"),
        (
            "hold.wav",
            Some("audio/mpeg"),
            wav.clone(),
            "does not match the extension",
        ),
        (
            "hold.ogg",
            None,
            b"OggS\0\0".to_vec(),
            ".mp3, .ulaw or .wav",
        ),
        ("hold.wav", None, Vec::new(), "empty"),
    ] {
        let mut file =
            json!({"filename": filename, "content_base64": phonecom::encode::base64_encode(&data)});
        if let Some(ct) = ct {
            file["content_type"] = json!(ct);
        }
        let e = c
            .call("v1.media.create", json!({"file": file}))
            .unwrap_err();
        assert_eq!(e.fields()[0].field, "file");
        assert!(e.to_string().contains(rule), "{filename}: {e}");
    }
    let e = c
        .call("v1.media.create", json!({"name": "nothing"}))
        .unwrap_err();
    assert!(e.to_string().contains("tts_text"), "{e}");
    assert_eq!(stub.requests().len(), 1, "refused uploads were not sent");
}

#[test]
fn dates_in_free_form_bodies_are_iso_8601_or_epoch_seconds() {
    let stub = Stub::script(vec![Reply::json(201, fixture("resource_id_response.json"))]);
    let c = client(&stub);
    let e = c
        .call(
            "v1.calls.create",
            json!({"body": {"to": "+15555551235", "scheduled_date": "next tuesday"}}),
        )
        .unwrap_err();
    assert_eq!(e.fields()[0].field, "body.scheduled_date");
    assert!(stub.requests().is_empty());
    c.call("v1.calls.create", json!({"body": {"to": "+15555551235", "scheduled_date": "2014-01-01T23:00:37Z", "expires_epoch": 1388617237}}))
        .unwrap();
    assert_eq!(
        stub.requests()[0].json()["scheduled_date"],
        "2014-01-01T23:00:37Z"
    );
}

#[test]
fn json_objects_over_20_mb_are_refused() {
    let stub = Stub::script(vec![]);
    let big = "x".repeat(20 * 1024 * 1024);
    let e = client(&stub)
        .call("v1.routes.create", json!({"body": {"name": big}}))
        .unwrap_err();
    assert_eq!(e.fields()[0].field, "body");
    assert!(e.to_string().contains("at most 20 MB"), "{}", e.message());
    assert!(stub.requests().is_empty());
}

#[test]
fn text_to_speech_media_is_json() {
    let stub = Stub::script(vec![Reply::json(201, fixture("resource_id_response.json"))]);
    client(&stub)
        .v1()
        .text_to_speech(
            "voicemail_greeting1",
            "I'm not in, please leave a message.",
            Some("amy"),
        )
        .unwrap();
    let body = stub.requests()[0].json();
    assert_eq!(body["origin"], "tts");
    assert_eq!(body["tts_voice"], "amy");
}

#[test]
fn missing_credentials_fail_before_sending() {
    let stub = Stub::script(vec![]);
    let c = Client::new(
        Config::from_value(json!({"v1": {"base_url": stub.base_url(), "api_key": KEY}})).unwrap(),
    )
    .unwrap();
    let e = c.call("v1.menus.list", json!({})).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Authentication);
    assert!(e.to_string().contains("v1.password"), "{e}");
    assert!(stub.requests().is_empty());
}

#[test]
fn reads_are_retried_and_creates_are_not() {
    let stub = Stub::script(vec![
        Reply::json(
            503,
            json!({"response": {"error": {"info": "busy", "code": 50300, "url": ""}}}),
        ),
        Reply::json(200, envelope(json!([]))),
        Reply::json(
            500,
            json!({"response": {"error": {"info": "boom", "code": 50000, "url": ""}}}),
        ),
    ]);
    let c = client(&stub);
    let r = c
        .call_with("v1.extensions.list", json!({}), &Default::default())
        .unwrap();
    assert_eq!(r.attempts, 2);
    let e = c
        .call("v1.calls.create", json!({"body": {"to": "+15555551235"}}))
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Server);
    assert_eq!(e.upstream_message(), Some("boom"));
    assert_eq!(e.doc_url(), None, "an empty url is no reference");
    assert_eq!(stub.requests().len(), 3);
}

#[test]
fn secrets_stay_out_of_logs_and_errors() {
    let basic = phonecom::encode::base64_encode(format!("{KEY}:{PASSWORD}").as_bytes());
    let stub = Stub::script(vec![Reply::text(
        502,
        &format!("upstream echoed {KEY}:{PASSWORD} as Basic {basic}"),
    )]);
    let events = Arc::new(Mutex::new(Vec::new()));
    let sink = events.clone();
    let c = Client::builder(
        Config::from_value(json!({
            "v1": {"base_url": stub.base_url(), "api_key": KEY, "password": PASSWORD},
            "retry": {"max_attempts": 1},
        }))
        .unwrap(),
    )
    .log_hook(move |e| sink.lock().unwrap().push(e.to_json().to_string()))
    .build()
    .unwrap();
    let e = c
        .call("v1.calls.create", json!({"body": {"to": "+15555551235"}}))
        .unwrap_err();
    let shown = format!(
        "{e} {e:?} {} {}",
        e.to_json(),
        events.lock().unwrap().join(" ")
    );
    assert!(
        !shown.contains(KEY) && !shown.contains(PASSWORD) && !shown.contains(&basic),
        "{shown}"
    );
    assert!(!format!("{c:?}").contains(PASSWORD));
}

#[test]
fn every_service_has_the_verbs_it_allows() {
    let catalog = phonecom::catalog();
    for svc in ["contacts", "contact_groups", "schedules", "extensions"] {
        for verb in ["list", "get", "create", "update", "delete"] {
            assert!(
                catalog.get(&format!("v1.{svc}.{verb}")).is_some(),
                "{svc}.{verb}"
            );
        }
    }
    for svc in ["calls", "sms", "batch"] {
        assert!(catalog.get(&format!("v1.{svc}.update")).is_none(), "{svc}");
    }
    assert_eq!(catalog.family("v1").count(), 52);
    for op in catalog.family("v1") {
        assert!(!op.doc.is_empty());
        for p in &op.params {
            if p.location == phonecom::catalog::Location::Path {
                assert!(
                    p.required && op.path.contains("{resource_id}"),
                    "{}",
                    op.name
                );
            }
        }
    }
}

#[test]
fn a_list_walk_does_not_stop_at_a_capped_page() {
    // The service returns at most 2 rows whatever `limit` asks, with the total beside `data`:
    // a short page is not the end while `total` says more rows follow.
    let rows: Vec<Value> = (0..5)
        .map(|i| json!({"resource_id": format!("{i}")}))
        .collect();
    let stub = Stub::start(move |req| {
        let offset: usize = req
            .target
            .split(['?', '&'])
            .find_map(|kv| kv.strip_prefix("offset="))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        let page: Vec<Value> = rows.iter().skip(offset).take(2).cloned().collect();
        Reply::json(200, json!({"response": {"data": page, "total": "5"}}))
    });
    let got: Vec<Value> = client(&stub)
        .items::<Value>("v1.routes.list", json!({"limit": 50}))
        .unwrap()
        .collect_all()
        .unwrap();
    let ids: Vec<&str> = got
        .iter()
        .map(|r| r["resource_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["0", "1", "2", "3", "4"]);
    let targets: Vec<String> = stub.requests().iter().map(|r| r.target.clone()).collect();
    assert_eq!(
        targets,
        [
            "/routes?limit=50&offset=0",
            "/routes?limit=50&offset=2",
            "/routes?limit=50&offset=4"
        ]
    );
    // Without a total, a short page ends the walk.
    let stub = Stub::start(|_| Reply::json(200, json!({"response": {"data": [{"a": 1}]}})));
    let pages: Vec<_> = client(&stub)
        .pages("v1.routes.list", json!({"limit": 10}))
        .unwrap()
        .collect();
    assert_eq!(pages.len(), 1);
    assert_eq!(pages[0].as_ref().unwrap().total, None);
}
