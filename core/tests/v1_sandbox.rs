//! REST v1 against the real sandbox over HTTP: every catalog operation through the generic call
//! and the typed API, Basic auth, the formatting rules in both directions (Y/N, UUIDs, E.164,
//! money, dates, durations), the `/menus` schema and `/media` uploads refused before sending,
//! and the error envelope.

mod common;

use common::Env;
use phonecom::types::uuid::is_uuid;
use phonecom::v1::{Digit, MediaUpload, MenuDigit, NewMenu, SendSms};
use phonecom::{catalog, ErrorKind};
use serde_json::{json, Map, Value};
use std::collections::BTreeSet;

const ERROR_URL: &str = "https://docs.phone.com/refguides/errorref/generalerrors.html#error-code-";

/// A real (tiny) WAV file: RIFF/WAVE, PCM, mono, 8 kHz, 16 bit, 0.2 s of a square wave.
fn wav() -> Vec<u8> {
    let samples: Vec<u8> = (0..1600u32)
        .flat_map(|i| {
            let v: i16 = if (i / 20) % 2 == 0 { 8000 } else { -8000 };
            v.to_le_bytes()
        })
        .collect();
    let mut w = Vec::new();
    w.extend_from_slice(b"RIFF");
    w.extend_from_slice(&(36 + samples.len() as u32).to_le_bytes());
    w.extend_from_slice(b"WAVEfmt ");
    w.extend_from_slice(&16u32.to_le_bytes()); // fmt chunk size
    w.extend_from_slice(&1u16.to_le_bytes()); // PCM
    w.extend_from_slice(&1u16.to_le_bytes()); // mono
    w.extend_from_slice(&8000u32.to_le_bytes()); // sample rate
    w.extend_from_slice(&16000u32.to_le_bytes()); // byte rate
    w.extend_from_slice(&2u16.to_le_bytes()); // block align
    w.extend_from_slice(&16u16.to_le_bytes()); // bits per sample
    w.extend_from_slice(b"data");
    w.extend_from_slice(&(samples.len() as u32).to_le_bytes());
    w.extend_from_slice(&samples);
    w
}

/// A real (tiny) MP3: an ID3v2.3 tag with no frames, then one MPEG-1 layer III frame
/// (128 kbit/s, 44.1 kHz, 417 bytes) of silence.
fn mp3() -> Vec<u8> {
    let mut m = b"ID3\x03\x00\x00\x00\x00\x00\x00".to_vec();
    m.extend_from_slice(&[0xFF, 0xFB, 0x90, 0x64]);
    m.resize(10 + 417, 0);
    m
}

fn file(name: &str, content_type: Option<&str>, data: &[u8]) -> Value {
    let mut f = json!({"filename": name, "content_base64": phonecom::encode::base64_encode(data)});
    if let Some(ct) = content_type {
        f["content_type"] = json!(ct);
    }
    f
}

fn id_of(v: &Value) -> String {
    let id = v["resource_id"]
        .as_str()
        .expect("a resource_id")
        .to_string();
    assert!(is_uuid(&id), "resource_id {id} is a lower-case UUID");
    id
}

/// The requests received since the log was last cleared (method and path).
fn received(env: &Env) -> Vec<(String, String)> {
    env.requests()
        .iter()
        .map(|r| {
            (
                r["method"].as_str().unwrap_or("").to_string(),
                r["path"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

/// The last request body the sandbox recorded.
fn last_body(env: &Env) -> Value {
    env.requests().last().expect("a request")["body"].clone()
}

/// Calls an operation and remembers its name.
struct Calls<'a> {
    env: &'a Env,
    done: BTreeSet<String>,
}

impl Calls<'_> {
    fn call(&mut self, op: &str, params: Value) -> Value {
        self.done.insert(op.to_string());
        self.env
            .client
            .call(op, params)
            .unwrap_or_else(|e| panic!("{op}: {e}"))
    }
}

#[test]
fn every_operation_through_the_generic_call() {
    let env = common::start();
    let mut c = Calls {
        env: &env,
        done: BTreeSet::new(),
    };

    // The address book and the PBX objects: the seeded objects first.
    for (svc, n) in [
        ("contacts", 2),
        ("contact_groups", 1),
        ("schedules", 1),
        ("extensions", 2),
    ] {
        let rows = c.call(&format!("v1.{svc}.list"), json!({}));
        let rows = rows.as_array().expect("a list is an array");
        assert_eq!(rows.len(), n, "{svc}");
        let id = id_of(&rows[0]);
        let one = c.call(&format!("v1.{svc}.get"), json!({"resource_id": id}));
        assert_eq!(one, rows[0], "{svc}: get returns the listed object");
        assert!(one["created_date"].is_string() && one["created_epoch"].is_i64());
    }
    let ext = c.call("v1.extensions.list", json!({"query": {"extension": "102"}}));
    assert_eq!(ext.as_array().unwrap().len(), 1);
    assert_eq!(ext[0]["name"], "Sales");

    // ... then written: create, update (a whole replacement), delete.
    let group = id_of(&c.call(
        "v1.contact_groups.create",
        json!({"body": {"name": "Partners"}}),
    ));
    c.call(
        "v1.contact_groups.update",
        json!({"resource_id": group, "body": {"name": "Key partners"}}),
    );
    assert_eq!(
        c.call("v1.contact_groups.get", json!({"resource_id": group}))["name"],
        "Key partners"
    );
    let contact = id_of(&c.call(
        "v1.contacts.create",
        json!({"body": {"first_name": "Alan", "phone": "18585550177", "group_id": group,
                        "is_favorite": true}}),
    ));
    let got = c.call("v1.contacts.get", json!({"resource_id": contact}));
    assert_eq!(
        (got["phone"].as_str(), got["is_favorite"].as_bool()),
        (Some("+18585550177"), Some(true)),
        "the + is added and the flag travels as Y"
    );
    c.call(
        "v1.contacts.update",
        json!({"resource_id": contact, "body": {"first_name": "Alan", "last_name": "Turing"}}),
    );
    let got = c.call("v1.contacts.get", json!({"resource_id": contact}));
    assert_eq!(got["last_name"], "Turing");
    assert!(got.get("phone").is_none(), "a PUT replaces the object");
    let schedule = id_of(&c.call(
        "v1.schedules.create",
        json!({"body": {"name": "Weekends", "rules": [{"days": "sat-sun"}]}}),
    ));
    c.call(
        "v1.schedules.update",
        json!({"resource_id": schedule, "body": {"name": "Weekends and holidays"}}),
    );
    assert_eq!(
        c.call("v1.schedules.get", json!({"resource_id": schedule}))["name"],
        "Weekends and holidays"
    );
    let extension = id_of(&c.call(
        "v1.extensions.create",
        json!({"body": {"extension": "205", "name": "Support", "caller_id": "18585550100"}}),
    ));
    c.call(
        "v1.extensions.update",
        json!({"resource_id": extension, "body": {"extension": 206, "name": "Support"}}),
    );
    let ext = c.call("v1.extensions.list", json!({"query": {"extension": "206"}}));
    assert_eq!(ext[0]["resource_id"], extension.as_str());
    for (svc, id, left) in [
        ("contacts", &contact, 2),
        ("contact_groups", &group, 1),
        ("schedules", &schedule, 1),
        ("extensions", &extension, 2),
    ] {
        let out = c.call(&format!("v1.{svc}.delete"), json!({"resource_id": id}));
        assert_eq!(&out["resource_id"], id.as_str());
        let rows = c.call(&format!("v1.{svc}.list"), json!({}));
        assert_eq!(rows.as_array().unwrap().len(), left, "{svc}");
    }

    // Routes, then a menu pointing at them.
    let route = id_of(&c.call(
        "v1.routes.create",
        json!({"body": {"name": "Sales route", "rules": [{"action": "ring", "extension": "102"}]}}),
    ));
    let got = c.call("v1.routes.get", json!({"resource_id": route}));
    assert_eq!(got["name"], "Sales route");
    c.call(
        "v1.routes.update",
        json!({"resource_id": route, "body": {"name": "Sales (after hours)"}}),
    );
    assert_eq!(
        c.call("v1.routes.get", json!({"resource_id": route}))["name"],
        "Sales (after hours)"
    );
    assert_eq!(
        c.call("v1.routes.list", json!({}))
            .as_array()
            .unwrap()
            .len(),
        2
    );

    let greeting = id_of(&c.call(
        "v1.media.create",
        json!({"name": "welcome", "file": file("welcome.wav", None, &wav())}),
    ));
    let menu = id_of(&c.call(
        "v1.menus.create",
        json!({"name": "main", "outgoing_recording": greeting, "allow_extension_dial": false,
               "digits": [{"digit": 1, "route": route}, {"digit": "pound", "route": route}]}),
    ));
    let m = c.call("v1.menus.get", json!({"resource_id": menu}));
    assert_eq!(m["digits"][0], json!({"digit": "1", "route": route}));
    assert_eq!(m["allow_extension_dial"], false);
    c.call(
        "v1.menus.update",
        json!({"resource_id": menu, "name": "main v2", "wait_time": "7",
               "digits": [{"digit": 2, "route": route}]}),
    );
    let m = c.call("v1.menus.get", json!({"resource_id": menu}));
    assert_eq!(
        (m["name"].as_str(), m["wait_time"].as_str()),
        (Some("main v2"), Some("7"))
    );
    assert_eq!(m["digits"].as_array().unwrap().len(), 1);
    assert_eq!(
        c.call("v1.menus.list", json!({})).as_array().unwrap().len(),
        1
    );

    // Media: list, get, update (JSON fields), delete.
    let media = c.call("v1.media.list", json!({}));
    assert_eq!(
        media.as_array().unwrap().len(),
        2,
        "the seeded greeting and ours"
    );
    let g = c.call("v1.media.get", json!({"resource_id": greeting}));
    assert_eq!(
        (g["filename"].as_str(), g["origin"].as_str()),
        (Some("welcome.wav"), Some("upload"))
    );
    c.call(
        "v1.media.update",
        json!({"resource_id": greeting, "is_hold_music": true, "notes": "now hold music"}),
    );
    let g = c.call("v1.media.get", json!({"resource_id": greeting}));
    assert_eq!(g["is_hold_music"], true);
    assert_eq!(g["filename"], "welcome.wav", "a media PUT merges");
    // An update may replace the audio (checked like an upload, sent as multipart).
    c.call(
        "v1.media.update",
        json!({"resource_id": greeting, "file": file("music.mp3", None, &mp3())}),
    );
    assert_eq!(last_body(&env)["file"]["filename"], "music.mp3");
    let g = c.call("v1.media.get", json!({"resource_id": greeting}));
    assert_eq!(
        (g["filename"].as_str(), g["content_type"].as_str()),
        (Some("music.mp3"), Some("audio/mpeg"))
    );
    assert_eq!(g["is_hold_music"], true, "the metadata is kept");
    let e = env
        .client
        .call(
            "v1.media.update",
            json!({"resource_id": greeting, "file": file("music.mp3", None, &wav())}),
        )
        .unwrap_err();
    assert_eq!(e.fields()[0].field, "file");

    // Queues.
    let queue = id_of(&c.call(
        "v1.queues.create",
        json!({"body": {"name": "Support", "max_callers": "5", "hold_music": greeting}}),
    ));
    let q = c.call("v1.queues.get", json!({"resource_id": queue}));
    assert_eq!(
        q["max_callers"], 5,
        "a quoted integer is stored as a number"
    );
    c.call(
        "v1.queues.update",
        json!({"resource_id": queue, "body": {"name": "Support 2", "max_hold_time": 120}}),
    );
    let q = c.call("v1.queues.get", json!({"resource_id": queue}));
    assert_eq!(q["name"], "Support 2");
    assert!(q.get("max_callers").is_none(), "a PUT replaces the object");
    assert_eq!(
        c.call("v1.queues.list", json!({}))
            .as_array()
            .unwrap()
            .len(),
        1
    );

    // Calls, SMS and batches.
    let call = id_of(&c.call(
        "v1.calls.create",
        json!({"body": {"to": "18585550111", "from": "+18585550100"}}),
    ));
    let got = c.call("v1.calls.get", json!({"resource_id": call}));
    assert_eq!(got["to"], "+18585550111");
    assert!(c.call("v1.calls.list", json!({})).as_array().unwrap().len() == 1);
    let sms = id_of(&c.call(
        "v1.sms.create",
        json!({"to": "18585550111", "from": "18585550100", "message": "hello"}),
    ));
    assert_eq!(
        c.call("v1.sms.get", json!({"resource_id": sms}))["status"],
        "sent"
    );
    assert_eq!(
        c.call("v1.sms.list", json!({})).as_array().unwrap().len(),
        2
    );
    let batch = id_of(&c.call(
        "v1.batch.create",
        json!({"body": {"type": "sms", "from": "+18585550100",
                        "to": ["+18585550111", "+18585550112"], "message": "sale"}}),
    ));
    let b = c.call("v1.batch.get", json!({"resource_id": batch}));
    assert_eq!(b["count"], 2);
    assert_eq!(
        c.call("v1.batch.list", json!({})).as_array().unwrap().len(),
        1
    );
    let sent = c.call("v1.sms.list", json!({"query": {"batch_id": batch}}));
    assert_eq!(sent.as_array().unwrap().len(), 2, "one SMS per recipient");

    // Deletes answer with the resource id; the object is gone.
    for (svc, id) in [
        ("menus", &menu),
        ("queues", &queue),
        ("routes", &route),
        ("media", &greeting),
        ("calls", &call),
        ("sms", &sms),
        ("batch", &batch),
    ] {
        let out = c.call(&format!("v1.{svc}.delete"), json!({"resource_id": id}));
        assert_eq!(&out["resource_id"], id.as_str());
        let e = env
            .client
            .call(&format!("v1.{svc}.get"), json!({"resource_id": id}))
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::NotFound, "{svc}");
        assert_eq!(e.upstream_code(), Some("10007"));
    }

    let all: BTreeSet<String> = catalog().family("v1").map(|o| o.name.clone()).collect();
    assert_eq!(all.len(), 52);
    let missed: Vec<&String> = all.difference(&c.done).collect();
    assert!(missed.is_empty(), "not exercised: {missed:?}");
}

#[test]
fn the_typed_api() {
    let env = common::start();
    let v1 = env.client.v1();

    let route = v1
        .create(
            "routes",
            json!({"name": "Support"}).as_object().unwrap().clone(),
        )
        .unwrap()
        .resource_id;
    let greeting = v1
        .upload_media(&MediaUpload {
            name: Some("Main greeting".into()),
            filename: "greeting.mp3".into(),
            data: mp3(),
            is_hold_music: Some(false),
            ..MediaUpload::default()
        })
        .unwrap()
        .resource_id;
    let tts = v1
        .text_to_speech("after hours", "We are closed.", Some("amy"))
        .unwrap()
        .resource_id;
    let new = NewMenu {
        name: Some("main".into()),
        outgoing_recording: Some(greeting.clone()),
        invalid_entry_recording: Some(tts.clone()),
        allow_extension_dial: Some(true),
        level: Some(1),
        wait_time: Some(5),
        digits: vec![
            MenuDigit {
                digit: Digit::Key(1),
                route: route.clone(),
            },
            MenuDigit {
                digit: Digit::Pound,
                route: route.clone(),
            },
        ],
    };
    let menu = v1.create_menu(&new).unwrap().resource_id;
    let m = v1.menu(&menu).unwrap();
    assert_eq!(m.resource_id.as_deref(), Some(menu.as_str()));
    assert_eq!(m.allow_extension_dial, Some(true));
    assert_eq!((m.level, m.wait_time), (Some(1), Some(5)));
    assert_eq!(m.digits, new.digits);
    assert!(m.created_date.is_some() && m.created_epoch.is_some());
    assert_eq!(
        m.created_date.as_ref().map(|t| t.epoch()),
        m.created_epoch,
        "created_date and created_epoch are the same instant"
    );
    let mut changed = new.clone();
    changed.digits.truncate(1);
    changed.allow_extension_dial = Some(false);
    assert_eq!(v1.update_menu(&menu, &changed).unwrap().resource_id, menu);
    let m = v1.menu(&menu).unwrap();
    assert_eq!(m.allow_extension_dial, Some(false));
    assert_eq!(m.digits.len(), 1);
    assert_eq!(v1.menus().unwrap().len(), 1);

    let sms = v1
        .send_sms(&SendSms {
            to: "14155550123".into(),
            from: "+18585550100".into(),
            message: "Your table is ready".into(),
            ..SendSms::default()
        })
        .unwrap()
        .resource_id;
    let s = v1.sms(&sms).unwrap();
    assert_eq!(s.to.as_deref(), Some("+14155550123"));
    assert_eq!(s.status.as_deref(), Some("sent"));
    assert_eq!(s.kind.as_deref(), Some("outgoing"));
    assert_eq!(s.extra["charge"], "$0.01");
    assert_eq!(s.extra["charge_cents"], 1);
    let all = v1.sms_messages().unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].kind.as_deref(), Some("incoming"), "oldest first");

    let g = v1.media(&greeting).unwrap();
    assert_eq!(g.filename.as_deref(), Some("greeting.mp3"));
    assert_eq!(g.is_hold_music, Some(false));
    assert_eq!(g.duration, Some(1));
    assert_eq!(g.extra["content_type"], "audio/mpeg");
    assert_eq!(g.extra["size"], mp3().len());
    let t = v1.media(&tts).unwrap();
    assert_eq!(t.origin.as_deref(), Some("tts"));
    assert_eq!(t.tts_voice.as_deref(), Some("amy"));
    assert_eq!(v1.media_list().unwrap().len(), 3);

    let mut q = Map::new();
    q.insert("name".into(), json!("Reception"));
    let reception = v1.list("extensions", Some(q)).unwrap();
    assert_eq!(reception.len(), 1);
    let id = reception[0]["resource_id"].as_str().unwrap();
    assert_eq!(v1.get("extensions", id).unwrap()["extension"], "101");
    assert_eq!(v1.delete("menus", &menu).unwrap()["resource_id"], menu);
    assert!(v1.menus().unwrap().is_empty());
}

#[test]
fn basic_auth_failure_is_an_authentication_error_with_the_envelope() {
    let env = common::start_with(|c| c["v1"]["password"] = json!("not-the-password-42"));
    let e = env.client.call("v1.menus.list", json!({})).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Authentication);
    assert_eq!(e.status(), Some(401));
    assert_eq!(e.upstream_code(), Some("10004"));
    assert!(e
        .upstream_message()
        .unwrap()
        .contains("Authentication failed"));
    assert_eq!(e.doc_url(), Some(format!("{ERROR_URL}10004").as_str()));
    assert_eq!(e.family(), Some("v1"));
    assert_eq!(e.operation(), Some("v1.menus.list"));
    assert!(!e.is_retryable());
    let shown = format!("{e} {e:?} {}", e.to_json());
    assert!(!shown.contains("not-the-password-42"), "{shown}");
    let header = env.requests()[0]["headers"]["authorization"].clone();
    assert_eq!(header, "Basic ***");

    let env = common::start_with(|c| c["v1"]["api_key"] = json!("sbx_v1_unknown"));
    let e = env.client.call("v1.sms.list", json!({})).unwrap_err();
    assert_eq!(e.upstream_code(), Some("10004"));

    // No credentials: refused before sending.
    let env = common::start_with(|c| {
        c["v1"].as_object_mut().unwrap().remove("password");
    });
    let e = env.client.call("v1.sms.list", json!({})).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Authentication);
    assert!(env.requests().is_empty());
}

#[test]
fn flags_are_y_and_n_on_the_wire_and_booleans_for_the_caller() {
    let env = common::start();
    // Out: true/false anywhere in a body travels as "Y"/"N".
    let q = env
        .client
        .call(
            "v1.queues.create",
            json!({"body": {"name": "q", "is_open": true, "options": {"allow_callback": false}}}),
        )
        .unwrap();
    let sent = last_body(&env);
    assert_eq!(sent["is_open"], "Y");
    assert_eq!(sent["options"]["allow_callback"], "N");
    // Back: "Y"/"N" in a flag field are booleans again.
    let got = env
        .client
        .call("v1.queues.get", json!({"resource_id": q["resource_id"]}))
        .unwrap();
    assert_eq!(got["is_open"], true);
    assert_eq!(got["options"]["allow_callback"], false);
    // The seeded extensions: voicemail_enabled "Y" / "N".
    let ext = env.client.call("v1.extensions.list", json!({})).unwrap();
    assert_eq!(ext[0]["voicemail_enabled"], true);
    assert_eq!(ext[1]["voicemail_enabled"], false);
    // "Y"/"N" given by the caller are kept; anything else in a declared flag is refused.
    env.client
        .call(
            "v1.media.create",
            json!({"tts_text": "hi", "is_temporary": "Y"}),
        )
        .unwrap();
    assert_eq!(last_body(&env)["is_temporary"], "Y");
    env.clear_requests();
    let e = env
        .client
        .call(
            "v1.media.create",
            json!({"tts_text": "hi", "is_temporary": "yes"}),
        )
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Validation);
    assert_eq!(e.fields()[0].field, "is_temporary");
    // A query flag travels as Y/N too.
    env.client
        .call(
            "v1.extensions.list",
            json!({"query": {"voicemail_enabled": true}}),
        )
        .map(|rows| assert_eq!(rows.as_array().unwrap().len(), 1))
        .unwrap();
    let req = env.requests().last().unwrap().clone();
    assert_eq!(req["query"]["voicemail_enabled"], "Y");
}

#[test]
fn resource_ids_are_checked_uuids() {
    let env = common::start();
    let e = env
        .client
        .call("v1.menus.get", json!({"resource_id": "first_menu"}))
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Validation);
    assert_eq!(e.fields()[0].field, "resource_id");
    let e = env
        .client
        .call(
            "v1.routes.get",
            json!({"resource_id": "06283513-14F5-11E3-A398-91E4DD3A21E9"}),
        )
        .unwrap_err();
    assert!(e.to_string().contains("lower case"), "{e}");
    let e = env
        .client
        .call(
            "v1.sms.create",
            json!({"to": "+18585550111", "from": "+18585550100", "message": "x",
                   "application_id": "app-1"}),
        )
        .unwrap_err();
    assert_eq!(e.fields()[0].field, "application_id");
    assert!(env.requests().is_empty(), "nothing was sent");
    // A well-formed id nobody has: the sandbox's 404 envelope.
    let e = env
        .client
        .call(
            "v1.routes.get",
            json!({"resource_id": "06283513-14f5-11e3-a398-91e4dd3a21e9"}),
        )
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::NotFound);
    assert_eq!(e.upstream_code(), Some("10007"));
    assert_eq!(e.doc_url(), Some(format!("{ERROR_URL}10007").as_str()));
}

#[test]
fn phone_numbers_gain_their_plus_and_follow_the_api_rule() {
    let env = common::start();
    env.client
        .call(
            "v1.sms.create",
            json!({"to": "1 (858) 555-0111", "from": "18585550100", "message": "hi"}),
        )
        .unwrap();
    let sent = last_body(&env);
    assert_eq!(
        (sent["to"].as_str(), sent["from"].as_str()),
        (Some("+18585550111"), Some("+18585550100"))
    );
    env.clear_requests();
    for bad in ["5551234", "+1858555011123456", "call me"] {
        let e = env
            .client
            .call(
                "v1.sms.create",
                json!({"to": bad, "from": "+18585550100", "message": "hi"}),
            )
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Validation, "{bad}");
        assert_eq!(e.fields()[0].field, "to", "{bad}");
    }
    assert!(env.requests().is_empty(), "refused before sending");
}

#[test]
fn free_form_bodies_have_their_phones_and_references_checked() {
    let env = common::start();
    // Refused before sending, naming the place inside `body`.
    let refusals = [
        (
            "v1.calls.create",
            json!({"to": "858-555", "from": "+18585550100"}),
            "body.to",
        ),
        (
            "v1.batch.create",
            json!({"type": "sms", "from": "+18585550100", "to": ["18585550111", "555"],
                   "message": "x"}),
            "body.to[1]",
        ),
        (
            "v1.contacts.create",
            json!({"first_name": "A", "mobile": "call me"}),
            "body.mobile",
        ),
        (
            "v1.extensions.create",
            json!({"extension": "301", "name": "X", "caller_id": "1"}),
            "body.caller_id",
        ),
        (
            "v1.queues.create",
            json!({"name": "q", "hold_music": "welcome.wav"}),
            "body.hold_music",
        ),
        (
            "v1.routes.create",
            json!({"name": "r", "schedule_id": "06283513-14F5-11E3-A398-91E4DD3A21E9"}),
            "body.schedule_id",
        ),
        (
            "v1.contacts.create",
            json!({"first_name": "A", "group_id": 7}),
            "body.group_id",
        ),
    ];
    for (op, body, field) in refusals {
        let e = env.client.call(op, json!({"body": body})).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Validation, "{op}");
        assert_eq!(e.fields()[0].field, field, "{op}: {e}");
        assert_eq!(e.status(), None, "{op}: refused locally, not by the API");
    }
    assert!(env.requests().is_empty(), "the sandbox saw no request");

    // Normalised: the sandbox receives the numbers with their `+`.
    env.client
        .call(
            "v1.calls.create",
            json!({"body": {"to": "1 (858) 555-0111", "from": "18585550100",
                            "caller_id": "+18585550100"}}),
        )
        .unwrap();
    let sent = last_body(&env);
    assert_eq!(
        (sent["to"].as_str(), sent["from"].as_str()),
        (Some("+18585550111"), Some("+18585550100"))
    );
    env.client
        .call(
            "v1.batch.create",
            json!({"body": {"type": "call", "from": "18585550100",
                            "to": ["18585550111", "1.858.555.0112"]}}),
        )
        .unwrap();
    assert_eq!(
        last_body(&env)["to"],
        json!(["+18585550111", "+18585550112"])
    );
    env.client
        .call(
            "v1.contacts.create",
            json!({"body": {"first_name": "Bo", "home_phone": "18585550133"}}),
        )
        .unwrap();
    assert_eq!(last_body(&env)["home_phone"], "+18585550133");
    // A field the map does not name is the API's to judge, and travels as given.
    env.client
        .call(
            "v1.routes.create",
            json!({"body": {"name": "r", "notes": "call 555"}}),
        )
        .unwrap();
    assert_eq!(last_body(&env)["notes"], "call 555");
}

#[test]
fn money_dates_and_durations_are_normalised() {
    let env = common::start();
    // A call given its scheduled date as epoch seconds; one that already happened.
    let later = env
        .client
        .call(
            "v1.calls.create",
            json!({"body": {"to": "+18585550111", "from": "+18585550100",
                            "scheduled_date": 4_102_444_800u64}}),
        )
        .unwrap();
    let done = env
        .client
        .call(
            "v1.calls.create",
            json!({"body": {"to": "+18585550111", "from": "+18585550100"}}),
        )
        .unwrap();
    let later = env
        .client
        .call("v1.calls.get", json!({"resource_id": later["resource_id"]}))
        .unwrap();
    assert_eq!(later["status"], "scheduled");
    assert_eq!(later["scheduled_date"], "2100-01-01T00:00:00Z");
    assert_eq!(later["scheduled_epoch"], 4_102_444_800u64);
    assert_eq!(later["charge"], "$0.00");
    assert_eq!(later["charge_cents"], 0);
    let done = env
        .client
        .call("v1.calls.get", json!({"resource_id": done["resource_id"]}))
        .unwrap();
    let secs = done["duration"]
        .as_i64()
        .expect("a call duration is integer seconds");
    assert!(secs > 0);
    let minutes = (secs + 59) / 60;
    assert_eq!(done["charge_cents"], minutes * 2);
    assert_eq!(
        done["charge"],
        format!("${}.{:02}", minutes * 2 / 100, minutes * 2 % 100)
    );
    let epoch = done["created_epoch"].as_i64().unwrap();
    let iso = done["created_date"].as_str().unwrap();
    assert_eq!(
        phonecom::types::Timestamp::parse(iso).unwrap().epoch(),
        epoch
    );
    // ISO 8601 in: stored as ISO with the epoch beside.
    let b = env
        .client
        .call(
            "v1.batch.create",
            json!({"body": {"type": "call", "from": "+18585550100", "to": "+18585550111",
                            "scheduled_date": "2100-01-01T00:00:00Z"}}),
        )
        .unwrap();
    let b = env
        .client
        .call("v1.batch.get", json!({"resource_id": b["resource_id"]}))
        .unwrap();
    assert_eq!(b["scheduled_epoch"], 4_102_444_800u64);
    assert_eq!(b["charge_cents"], 2);
    // The seeded greeting: duration "3" (a string on /media) is 3 seconds.
    let media = env.client.call("v1.media.list", json!({})).unwrap();
    assert_eq!(media[0]["duration"], 3);
    assert_eq!(media[0]["is_hold_music"], false);
    assert!(media[0]["created_date"].is_string());
    // A date that is neither ISO 8601 nor epoch seconds is refused before sending.
    env.clear_requests();
    let e = env
        .client
        .call(
            "v1.calls.create",
            json!({"body": {"to": "+18585550111", "from": "+18585550100",
                            "scheduled_date": "next tuesday"}}),
        )
        .unwrap_err();
    assert_eq!(e.fields()[0].field, "body.scheduled_date");
    assert!(env.requests().is_empty());
}

#[test]
fn menu_schema_violations_are_refused_before_sending() {
    let env = common::start();
    let route = env.client.call("v1.routes.list", json!({})).unwrap()[0]["resource_id"]
        .as_str()
        .unwrap()
        .to_string();
    let good = json!({"name": "m", "digits": [{"digit": 1, "route": route}]});
    env.clear_requests();
    let cases: Vec<(Value, &str)> = vec![
        (json!({"name": "m"}), "digits"),
        (json!({"digits": []}), "digits"),
        (
            json!({"digits": [{"digit": 10, "route": route}]}),
            "digits[0].digit",
        ),
        (
            json!({"digits": [{"digit": "#", "route": route}]}),
            "digits[0].digit",
        ),
        (json!({"digits": [{"digit": 1}]}), "digits[0].route"),
        (
            json!({"digits": [{"digit": 1, "route": "sales"}]}),
            "digits[0].route",
        ),
        (
            json!({"digits": [{"digit": 1, "route": route, "label": "x"}]}),
            "digits[0].label",
        ),
        (
            json!({"digits": [{"digit": 1, "route": route}], "color": "blue"}),
            "color",
        ),
        (
            json!({"digits": [{"digit": 1, "route": route}], "wait_time": "soon"}),
            "wait_time",
        ),
        (
            json!({"digits": [{"digit": 1, "route": route}], "wait_time": -1}),
            "wait_time",
        ),
        (
            json!({"digits": [{"digit": 1, "route": route}], "level": 1.5}),
            "level",
        ),
        (
            json!({"digits": [{"digit": 1, "route": route}], "outgoing_recording": "hello"}),
            "outgoing_recording",
        ),
        (
            json!({"digits": [{"digit": 1, "route": route}], "allow_extension_dial": "maybe"}),
            "allow_extension_dial",
        ),
    ];
    for (menu, field) in cases {
        for op in ["v1.menus.create", "v1.menus.update"] {
            let mut params = menu.clone();
            if op == "v1.menus.update" {
                params["resource_id"] = json!("06283513-14f5-11e3-a398-91e4dd3a21e9");
            }
            let e = env.client.call(op, params).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::Validation, "{op} {menu}");
            assert_eq!(e.fields()[0].field, field, "{op} {menu}: {e}");
            assert_eq!(e.attempts(), 0);
        }
    }
    assert!(env.requests().is_empty(), "the sandbox received nothing");
    // The same menu, valid, goes through.
    env.client.call("v1.menus.create", good).unwrap();
    assert_eq!(received(&env), [("POST".into(), "/v1/menus".into())]);
}

#[test]
fn media_uploads_and_their_refusals() {
    let env = common::start();
    // A WAV and an MP3, each with the type named or taken from the extension.
    for (name, ct, data, mime) in [
        ("hello.wav", None, wav(), "audio/wav"),
        ("hello2.wav", Some("audio/x-wav"), wav(), "audio/x-wav"),
        ("music.mp3", Some("audio/mpeg"), mp3(), "audio/mpeg"),
        ("silence.ulaw", None, vec![0xFF; 8000], "audio/x-ulaw"),
    ] {
        let id = env
            .client
            .call(
                "v1.media.create",
                json!({"name": name, "is_hold_music": name.ends_with("mp3"),
                       "file": file(name, ct, &data)}),
            )
            .unwrap()["resource_id"]
            .clone();
        let sent = last_body(&env);
        assert_eq!(
            sent["file"],
            json!({"filename": name, "size": data.len(), "content_type": mime})
        );
        assert_eq!(
            sent["is_hold_music"],
            if name.ends_with("mp3") { "Y" } else { "N" }
        );
        let m = env
            .client
            .call("v1.media.get", json!({"resource_id": id}))
            .unwrap();
        assert_eq!(m["filename"], name);
        assert_eq!(m["content_type"], mime);
        assert_eq!(m["size"], data.len());
        assert_eq!(m["duration"], 1, "estimated seconds, as an integer");
        assert_eq!(m["is_hold_music"], name.ends_with("mp3"));
    }
    // From a file on disk.
    let dir = std::env::temp_dir().join(format!("phonecom-v1-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("from-disk.wav");
    std::fs::write(&path, wav()).unwrap();
    env.client
        .call(
            "v1.media.create",
            json!({"file": {"path": path.to_str().unwrap()}}),
        )
        .unwrap();
    assert_eq!(last_body(&env)["file"]["filename"], "from-disk.wav");
    std::fs::remove_dir_all(&dir).ok();

    env.clear_requests();
    let mut big = wav();
    big.resize(20_000_001, 0);
    let refusals: Vec<(Value, &str)> = vec![
        // A file name that would inject a header into the multipart body.
        (
            file("hello.wav\r\nX-Injected: yes", None, &wav()),
            "control characters",
        ),
        (file("hel\nlo.wav", None, &wav()), "control characters"),
        (file("hello.wav", None, &mp3()), "look like MP3"),
        (file("hello.mp3", None, &wav()), "look like WAV"),
        (file("hello.mp3", None, b"plain text, not audio"), "no ID3"),
        (file("hello.ulaw", None, &wav()), "look like WAV"),
        (
            file("hello.wav", Some("audio/mpeg"), &wav()),
            "does not match the extension",
        ),
        (
            file("hello.ogg", None, b"OggS\0\x02"),
            ".mp3, .ulaw or .wav",
        ),
        (file("hello.wav", None, &[]), "empty"),
        (file("hello.wav", None, &big), "20000001 bytes"),
    ];
    for (f, rule) in refusals {
        let e = env
            .client
            .call("v1.media.create", json!({"name": "x", "file": f}))
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Validation);
        assert_eq!(e.fields()[0].field, "file");
        assert!(e.to_string().contains(rule), "{rule}: {e}");
    }
    let e = env
        .client
        .call("v1.media.create", json!({"name": "nothing"}))
        .unwrap_err();
    assert_eq!(e.fields()[0].field, "file");
    assert!(env.requests().is_empty(), "the sandbox received nothing");
}

#[test]
fn the_20_mb_limit_reads_as_20_000_000_bytes() {
    let env = common::start();
    let mut at_limit = wav();
    at_limit.resize(20_000_000, 0);
    let id = id_of(
        &env.client
            .call(
                "v1.media.create",
                json!({"file": file("limit.wav", None, &at_limit)}),
            )
            .unwrap(),
    );
    let m = env
        .client
        .call("v1.media.get", json!({"resource_id": id}))
        .unwrap();
    assert_eq!(m["size"], 20_000_000, "exactly 20 MB is sent and stored");

    env.clear_requests();
    at_limit.push(0);
    let e = env
        .client
        .call(
            "v1.media.create",
            json!({"file": file("over.wav", None, &at_limit)}),
        )
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Validation);
    assert_eq!(e.fields()[0].field, "file");
    assert!(
        e.to_string().contains("20000001 bytes") && e.to_string().contains("20 MB"),
        "{e}"
    );
    // A JSON object one byte over: {"body": {"name": "xxx..."}} serialises to 20,000,001 bytes.
    let pad = 20_000_001 - r#"{"name":""}"#.len();
    let e = env
        .client
        .call(
            "v1.routes.create",
            json!({"body": {"name": "x".repeat(pad)}}),
        )
        .unwrap_err();
    assert_eq!(e.fields()[0].field, "body");
    assert!(
        e.to_string().contains("read as 20000000 bytes"),
        "{}",
        e.message()
    );
    assert!(env.requests().is_empty(), "the sandbox received nothing");
    // One byte less is within the limit (the sandbox answers; the body reached it).
    let ok = env
        .client
        .call(
            "v1.routes.create",
            json!({"body": {"name": "x".repeat(pad - 1)}}),
        )
        .unwrap();
    id_of(&ok);
}

#[test]
fn faults_map_to_errors_and_retries() {
    let env = common::start();
    // A 429 on a read is waited out and retried.
    env.fault("GET", "/v1/menus", "status=429;retry_after=0", 1);
    env.client.call("v1.menus.list", json!({})).unwrap();
    assert_eq!(env.count("GET", "/v1/menus"), 2);
    // Persisting, it surfaces with the envelope's code and the wait.
    env.fault("GET", "/v1/routes", "status=429;retry_after=0", 3);
    let e = env.client.call("v1.routes.list", json!({})).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::RateLimited);
    assert_eq!(e.upstream_code(), Some("10015"));
    assert!(e.is_retryable());
    assert_eq!(e.attempts(), 3);
    // A 500 on a create is not repeated (not idempotent).
    env.fault("POST", "/v1/sms", "status=500", 1);
    let e = env
        .client
        .call(
            "v1.sms.create",
            json!({"to": "+18585550111", "from": "+18585550100", "message": "x"}),
        )
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Server);
    assert_eq!(e.upstream_code(), Some("10000"));
    assert_eq!(env.count("POST", "/v1/sms"), 1);
    // A code picked by the fault.
    env.fault("GET", "/v1/queues", "status=403;code=10016", 1);
    let e = env.client.call("v1.queues.list", json!({})).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Permission);
    assert_eq!(e.upstream_code(), Some("10016"));
    // A malformed body keeps the raw text.
    env.fault("GET", "/v1/schedules", "malformed", 1);
    let e = env.client.call("v1.schedules.list", json!({})).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Decode);
}

#[test]
fn lists_are_walked_page_by_page_to_the_total() {
    let env = common::start();
    for i in 0..25 {
        env.client
            .call(
                "v1.contacts.create",
                json!({"body": {"first_name": format!("P{i:02}"),
                                "last_name": if i % 3 == 0 { "Walker" } else { "Other" }}}),
            )
            .unwrap();
    }
    let all_ids: Vec<String> = {
        let rows = env.client.call("v1.contacts.list", json!({})).unwrap();
        rows.as_array().unwrap().iter().map(id_of).collect()
    };
    assert_eq!(all_ids.len(), 27, "2 seeded + 25");

    // Pages of 10: 10, 10, 7, each with the total; every row once, in order.
    env.clear_requests();
    let mut pages = env
        .client
        .pages("v1.contacts.list", json!({"limit": 10}))
        .unwrap();
    let mut walked = Vec::new();
    let mut sizes = Vec::new();
    for page in pages.by_ref() {
        let page = page.unwrap();
        assert_eq!(page.total, Some(27));
        sizes.push(page.items.len());
        walked.extend(page.items.iter().map(id_of));
    }
    assert_eq!(sizes, [10, 10, 7]);
    assert_eq!(walked, all_ids, "every row once, in the list's order");
    let asked: Vec<(String, String)> = env
        .requests()
        .iter()
        .map(|r| {
            (
                r["query"]["limit"].as_str().unwrap_or("").to_string(),
                r["query"]["offset"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(
        asked,
        [("10", "0"), ("10", "10"), ("10", "20")].map(|(l, o)| (l.to_string(), o.to_string()))
    );

    // Filters travel on every page.
    let walkers: Vec<Value> = env
        .client
        .items::<Value>(
            "v1.contacts.list",
            json!({"query": {"last_name": "Walker"}, "limit": 3}),
        )
        .unwrap()
        .collect_all()
        .unwrap();
    assert_eq!(walkers.len(), 9);
    assert!(walkers.iter().all(|c| c["last_name"] == "Walker"));
    // A starting offset.
    let tail = env
        .client
        .items::<Value>("v1.contacts.list", json!({"offset": 20, "limit": 4}))
        .unwrap()
        .collect_all()
        .unwrap();
    assert_eq!(tail.iter().map(id_of).collect::<Vec<_>>(), all_ids[20..]);
    // The typed list walks too (default page size 100: one page here).
    let typed = env.client.v1().list("contacts", None).unwrap();
    assert_eq!(typed.len(), 27);
    // Paging inside `query` is refused by the walk, naming the field.
    let e = env
        .client
        .pages("v1.contacts.list", json!({"query": {"limit": 5}}))
        .err()
        .unwrap();
    assert_eq!(e.fields()[0].field, "query.limit");
}
