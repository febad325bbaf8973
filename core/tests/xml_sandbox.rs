//! The XML API against the real sandbox over HTTP: every catalog action through the generic call
//! and the typed API, authentication, input rules refused before sending, the form-encoded POST
//! default and the GET mode, `+` as `%2B`, the password masked everywhere, faults and retries
//! with the same `clTRID` (which the sandbox honours as an idempotency key), and `getCallList`
//! walked over the seeded log of 1,500 calls.

mod common;

use common::Env;
use phonecom::v4::{Filter, ListQuery, PurchaseNumber};
use phonecom::xml::{
    Area, ChatCall, Destination, ExtensionNotification, InventoryQuery, NewAccount, OriginateCall,
    RingAll,
};
use phonecom::{catalog, CallOptions, Client, Config, ErrorKind, Secret};
use serde_json::{json, Value};
use std::collections::BTreeSet;

/// The seeded call log: 2024-01-01T00:00:00Z to 2024-03-31T23:59:59Z.
const LOG_START: i64 = 1_704_067_200;
const LOG_END: i64 = 1_711_929_599;
/// The busy day, 2024-02-14 (600 calls between 09:00 and 17:00 UTC, plus the day's others).
const BUSY_DAY: i64 = 1_707_868_800;

/// The master's numbers: the document's two and a San Diego one.
const SAN_DIEGO: &str = "+18585550100";

fn password(env: &Env) -> String {
    env.config["xml"]["password"].as_str().unwrap().to_string()
}

/// The XML API's state (`GET /_sandbox/xml`).
fn state(env: &Env) -> Value {
    env.admin("GET", "/xml", None)
}

fn account<'a>(state: &'a Value, username: &str) -> &'a Value {
    state["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["username"] == username)
        .unwrap_or_else(|| panic!("account {username} in {state}"))
}

fn outbox(env: &Env) -> Vec<Value> {
    account(&state(env), "sandbox")["sms"]
        .as_array()
        .unwrap()
        .clone()
}

/// The recorded XML API requests: their parameters (query string and form body together).
fn xml_requests(env: &Env) -> Vec<Value> {
    env.requests()
        .into_iter()
        .filter(|r| r["path"] == "/special/xmlapi")
        .collect()
}

/// One parameter of a recorded request, from the form body or the query string.
fn param(req: &Value, name: &str) -> Value {
    let body = &req["body"][name];
    if body.is_null() {
        req["query"][name].clone()
    } else {
        body.clone()
    }
}

/// The actions the sandbox received, in order.
fn actions(env: &Env) -> Vec<String> {
    xml_requests(env)
        .iter()
        .map(|r| param(r, "action").as_str().unwrap_or("").to_string())
        .collect()
}

fn xml_catalog() -> BTreeSet<String> {
    catalog().family("xml").map(|o| o.name.clone()).collect()
}

/// Numbers for sale in San Diego.
fn san_diego_numbers(env: &Env, n: usize) -> Vec<String> {
    let v = env
        .client
        .call(
            "xml.getPhoneNumberInventory",
            json!({"countryCode": 1, "state": "CA", "region": "San Diego", "quantity": n}),
        )
        .unwrap();
    let items = v["data"]["items"].as_array().unwrap();
    assert_eq!(items.len(), n);
    items
        .iter()
        .map(|i| i["phoneNumber"].as_str().unwrap().to_string())
        .collect()
}

/// Calls an operation and remembers its name.
struct Tracker<'a> {
    env: &'a Env,
    done: BTreeSet<String>,
}

impl Tracker<'_> {
    fn call(&mut self, op: &str, params: Value) -> Value {
        self.done.insert(op.to_string());
        let v = self
            .env
            .client
            .call(op, params)
            .unwrap_or_else(|e| panic!("{op}: {e}"));
        assert_eq!(v["status"], "ok", "{op}: {v}");
        assert_eq!(v["msg"], "Command completed successfully", "{op}");
        let sv = v["svTRID"].as_str().expect("an svTRID");
        assert!(
            sv.len() == 20 && sv.bytes().all(|b| b.is_ascii_digit()),
            "{sv}"
        );
        assert!(
            v["clTRID"].as_str().unwrap().starts_with("lpc"),
            "{op}: {v}"
        );
        v
    }

    fn fail(&mut self, op: &str, params: Value) -> phonecom::Error {
        self.done.insert(op.to_string());
        self.env.client.call(op, params).unwrap_err()
    }
}

#[test]
fn every_action_through_the_generic_call() {
    let env = common::start();
    let mut c = Tracker {
        env: &env,
        done: BTreeSet::new(),
    };

    // Account numbers, as in the document's example.
    let list = c.call("xml.getPhoneNumberList", json!({}));
    let items = list["data"]["items"].as_array().unwrap();
    assert_eq!(
        items[0],
        json!({"id": "19676", "phoneNumber": "+18668252541", "nickName": "Main toll-free", "rateCenter": null})
    );
    assert_eq!(items[1]["rateCenter"], "WACO_TX");
    assert_eq!(items.len(), 3);

    // The inventory search family.
    let countries = c.call("xml.getPhoneNumberCountryList", json!({}));
    assert!(countries["data"]["items"]
        .as_array()
        .unwrap()
        .contains(&json!({"countryCode": "44", "name": "United Kingdom"})));
    let prefixes = c.call("xml.getPhoneNumberPrefixList", json!({"countryCode": 1}));
    let p858 = prefixes["data"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["prefix"] == "858")
        .cloned()
        .expect("858 is listed");
    assert_eq!(p858["state"], "CA");
    let states = c.call("xml.getPhoneNumberStateList", json!({"countryCode": 1}));
    assert!(states["data"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["state"] == "CA" && s["name"] == "California"));
    let regions = c.call(
        "xml.getPhoneNumberRegionList",
        json!({"countryCode": 1, "state": "CA"}),
    );
    assert!(regions["data"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["region"] == "San Diego"));
    let localities = c.call(
        "xml.getPhoneNumberLocalityList",
        json!({"countryCode": 1, "prefix": "858"}),
    );
    assert!(localities["data"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|l| l["locality"] == "Poway" && l["rateCenter"] == "POWAY_CA"));
    let inventory = c.call(
        "xml.getPhoneNumberInventory",
        json!({"countryCode": 1, "state": "CA", "region": "San Diego", "quantity": 4}),
    );
    let found = inventory["data"]["items"].as_array().unwrap().clone();
    assert_eq!(found.len(), 4);
    for n in &found {
        assert_eq!(n["state"], "CA");
        assert_eq!(n["region"], "San Diego");
        assert!(n["humanReadable"].as_str().unwrap().starts_with('('), "{n}");
        assert_eq!(n["cost"], "1.99");
    }
    let numbers: Vec<String> = found
        .iter()
        .map(|n| n["phoneNumber"].as_str().unwrap().to_string())
        .collect();

    let eligible = c.call(
        "xml.getPhoneNumberPortingEligibility",
        json!({"phoneNumber": "16192345678"}),
    );
    assert_eq!(eligible["data"]["eligible"], true);
    let not = c.call(
        "xml.getPhoneNumberPortingEligibility",
        json!({"phoneNumber": "+18668252541"}),
    );
    assert_eq!(not["data"]["eligible"], false);
    assert_eq!(not["data"]["portingEligibility"]["eligible"], "No");

    // Reserve, release, reserve again, add.
    let r = c.call("xml.reservePhoneNumber", json!({"phoneNumber": numbers[0]}));
    assert_eq!(r["data"]["reservation"]["phoneNumber"], numbers[0]);
    assert!(r["data"]["reservation"]["expires"]["gmt"].is_string());
    assert_eq!(
        state(&env)["reservations"][&numbers[0]]["by"],
        "sandbox",
        "held in the sandbox"
    );
    let u = c.call(
        "xml.unreservePhoneNumber",
        json!({"phoneNumber": numbers[0]}),
    );
    assert_eq!(u["data"]["reservation"]["status"], "released");
    c.call("xml.reservePhoneNumber", json!({"phoneNumber": numbers[1]}));
    let added = c.call("xml.addPhoneNumber", json!({"phoneNumber": numbers[1]}));
    assert_eq!(added["data"]["phoneNumber"]["phoneNumber"], numbers[1]);
    let after = c.call("xml.getPhoneNumberList", json!({}));
    assert_eq!(after["data"]["items"].as_array().unwrap().len(), 4);
    // Gone from inventory, and a second add is refused by the sandbox.
    let e = c.fail("xml.addPhoneNumber", json!({"phoneNumber": numbers[1]}));
    assert!(
        e.upstream_message().unwrap().contains("already in use"),
        "{e}"
    );

    // Call handling and notifications.
    let ring = c.call(
        "xml.updateCallHandlingSimpleRingAll",
        json!({"phoneNumber": numbers[1], "destination1": "+16195550101", "destination1VoiceTag": "Sales line",
               "destination1Screening": "yes", "destination2": "112", "destination2CallerId": SAN_DIEGO, "timeout": 25}),
    );
    let h = &ring["data"]["callHandling"];
    assert_eq!(h["timeout"], "25");
    assert_eq!(h["destinations"][0]["voiceTag"], "Sales line");
    assert_eq!(h["destinations"][1]["number"], "112");
    let stored = account(&state(&env), "sandbox")["numbers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["phoneNumber"] == numbers[1])
        .cloned()
        .unwrap();
    assert_eq!(stored["callHandling"]["destinations"][0]["screening"], true);
    let n = c.call(
        "xml.updateExtensionNotification",
        json!({"extension": "112", "enableSms": "yes", "smsNumber": "+16195550101", "emailFormat": "mp3"}),
    );
    assert_eq!(n["data"]["extensionNotification"]["enableSms"], "yes");
    assert_eq!(
        account(&state(&env), "sandbox")["extensions"]["112"]["smsNumber"],
        "+16195550101"
    );

    // Messages and calls.
    let sms = c.call(
        "xml.sendSMS",
        json!({"fromNumber": SAN_DIEGO, "toNumber": "+18583807710", "message": "This is a test"}),
    );
    assert_eq!(
        sms["data"],
        Value::Null,
        "no resultData, as in the document"
    );
    assert_eq!(outbox(&env).len(), 1);
    let call = c.call(
        "xml.originateCall",
        json!({"legAPhoneNumber": "111", "legBPhoneNumber": "+16195550101", "legATimeout": 30}),
    );
    assert_eq!(call["data"]["call"]["status"], "completed");
    assert_eq!(call["data"]["call"]["legATimeout"], "30");
    assert_eq!(account(&state(&env), "sandbox")["call_count"], 1501);
    let log = c.call(
        "xml.getCallList",
        json!({"startTime": BUSY_DAY, "endTime": BUSY_DAY + 3600}),
    );
    let rows = log["data"]["items"].as_array().unwrap();
    assert!(!rows.is_empty());
    for row in rows {
        let t = row["startTime"].as_i64().unwrap();
        assert!((BUSY_DAY..=BUSY_DAY + 3600).contains(&t), "{row}");
        assert!(row["startTimeGmt"]
            .as_str()
            .unwrap()
            .starts_with("2024-02-14T00:"));
        assert!(row["duration"].is_u64());
    }

    // ChatCalls.
    let voices = c.call("xml.getVoiceList", json!({}));
    assert!(voices["data"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|v| v["id"] == "142" && v["name"] == "Princess" && v["dialect"] == "whiney teenager"));
    let sounds = c.call("xml.getSoundList", json!({}));
    assert!(sounds["data"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["name"] == "laugh"));
    let preview = c.call(
        "xml.previewChatCall",
        json!({"message": "Hello [laugh] from the [sneeze] office", "toName": "Ann", "voice": "141"}),
    );
    let url = preview["data"]["url"].as_str().unwrap();
    assert!(
        url.starts_with(&env.sandbox.base_url()) && url.ends_with(".wav"),
        "{url}"
    );
    let wav = ureq::get(url)
        .call()
        .unwrap()
        .body_mut()
        .read_to_vec()
        .unwrap();
    assert_eq!(&wav[..4], b"RIFF");
    let sent = c.call(
        "xml.sendChatCall",
        json!({"fromName": "Joe", "fromEmail": "joe@example.com", "message": "Lunch at noon?",
               "toName": ["Ann", "Bob"], "toNumber": ["+18585550101", "+16045550102"], "responseType": "yes_no"}),
    );
    let id = sent["data"]["chatCallId"].as_str().unwrap().to_string();
    assert_eq!(sent["data"]["chatCall"]["recipientCount"], "2");
    let status = c.call("xml.getChatCallStatus", json!({"ChatCallID": id}));
    assert_eq!(status["data"]["chatCallId"], id.as_str());
    let recipients = status["data"]["recipients"].as_array().unwrap();
    assert_eq!(recipients.len(), 2);
    assert_eq!(recipients[1]["toNumber"], "+16045550102");
    assert_eq!(recipients[1]["toName"], "Bob");

    // Accounts: create a subaccount, log in as it, cancel it.
    let created = c.call(
        "xml.createAccount",
        json!({"newUsername": "acme-west", "newPassword": "N3w-S3cret!", "name": "Ada Lovelace",
               "company": "Acme", "address": "1 Elm St", "city": "San Diego", "state": "CA",
               "zip": "92101", "country": "US", "phone": "+16195550100", "email": "ada@example.com",
               "phoneNumber": numbers[2]}),
    );
    assert_eq!(created["data"]["account"]["username"], "acme-west");
    assert_eq!(created["data"]["account"]["masterUsername"], "sandbox");
    let mut cfg = env.config.clone();
    cfg["xml"]["username"] = json!("acme-west");
    cfg["xml"]["password"] = json!("N3w-S3cret!");
    let sub = Client::new(Config::from_value(cfg).unwrap()).unwrap();
    let theirs = sub.call("xml.getPhoneNumberList", json!({})).unwrap();
    assert_eq!(theirs["data"]["items"][0]["phoneNumber"], numbers[2]);
    let cancelled = c.call("xml.cancelAccount", json!({"accountUsername": "acme-west"}));
    assert_eq!(cancelled["data"]["account"]["status"], "cancelled");
    let e = sub.call("xml.getPhoneNumberList", json!({})).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Authentication);
    assert!(e.upstream_message().unwrap().contains("cancelled"), "{e}");

    // Every request was a form-encoded POST with a fresh clTRID, and nothing else was sent.
    let reqs = xml_requests(&env);
    assert!(reqs.iter().all(|r| r["method"] == "POST"));
    let ids: BTreeSet<String> = reqs
        .iter()
        .filter(|r| r["body"]["username"] == "sandbox")
        .map(|r| r["body"]["clTRID"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        ids.len(),
        reqs.iter()
            .filter(|r| r["body"]["username"] == "sandbox")
            .count()
    );

    let all = xml_catalog();
    assert_eq!(all.len(), 23);
    let missed: Vec<&String> = all.difference(&c.done).collect();
    assert!(missed.is_empty(), "not exercised: {missed:?}");
    let received: BTreeSet<String> = actions(&env)
        .into_iter()
        .map(|a| format!("xml.{a}"))
        .collect();
    assert_eq!(received, all, "the sandbox received every action");
}

#[test]
fn the_typed_api() {
    let env = common::start();
    let xml = env.client.xml();

    let mine = xml.phone_numbers().unwrap();
    assert!(mine.sv_trid.is_some());
    let mine = mine.into_items();
    assert_eq!(mine[1].phone_number.as_deref(), Some("+12542958368"));
    assert_eq!(mine[1].rate_center.as_deref(), Some("WACO_TX"));
    assert_eq!(mine[0].rate_center, None);

    assert!(xml
        .countries()
        .unwrap()
        .into_items()
        .iter()
        .any(|c| c["countryCode"] == "1"));
    assert!(!xml.prefixes(1).unwrap().into_items().is_empty());
    assert!(xml
        .states(44)
        .unwrap()
        .into_items()
        .iter()
        .all(|s| s["state"] == "National"));
    let regions = xml.regions(1, &Area::Prefix("212".into())).unwrap();
    assert!(regions.into_items().iter().any(|r| r["state"] == "NY"));
    let localities = xml.localities(1, &Area::State("CA".into())).unwrap();
    assert!(localities
        .into_items()
        .iter()
        .any(|l| l["locality"] == "La Jolla"));

    // An exact-digit pattern from a vanity number, and a state search.
    let by_pattern = xml
        .inventory(&InventoryQuery::new(1).pattern("1858*******").quantity(5))
        .unwrap()
        .into_items();
    assert!(!by_pattern.is_empty());
    assert!(by_pattern
        .iter()
        .all(|n| n.phone_number.as_deref().unwrap().starts_with("+1858")));
    let vanity = InventoryQuery::new(1).vanity("1-858-***-****").unwrap();
    assert_eq!(vanity.to_params()["pattern"], "1858*******");
    let local = xml
        .inventory(
            &InventoryQuery::new(1)
                .local()
                .state("CA")
                .region("San Diego")
                .locality("Poway")
                .quantity(2),
        )
        .unwrap()
        .into_items();
    assert_eq!(local.len(), 2);
    assert_eq!(local[0].extra["rateCenter"], "POWAY_CA");
    let toll_free = xml
        .inventory(&InventoryQuery::new(1).toll_free().quantity(3).page(2))
        .unwrap()
        .into_items();
    assert_eq!(toll_free.len(), 3);
    assert!(toll_free.iter().all(|n| n.extra["type"] == "TF"));

    let yes = xml.porting_eligibility("+16192345678").unwrap();
    assert_eq!(yes.data.eligible, Some(true));
    let number = local[0].phone_number.clone().unwrap();
    let reserved = xml.reserve_number(&number).unwrap();
    assert_eq!(reserved.data["reservation"]["phoneNumber"], number.as_str());
    xml.unreserve_number(&number).unwrap();
    xml.reserve_number(&number).unwrap();
    let added = xml.add_number(&number).unwrap();
    assert_eq!(added.data["phoneNumber"]["phoneNumber"], number.as_str());

    let ring = xml
        .ring_all(&RingAll {
            phone_number: number.clone(),
            destinations: vec![
                Destination {
                    number: "+16195550101".into(),
                    voice_tag: Some("Front desk".into()),
                    screening: Some(false),
                    caller_id: None,
                },
                Destination {
                    number: "113".into(),
                    ..Destination::default()
                },
            ],
            timeout: Some(40),
        })
        .unwrap();
    assert_eq!(
        ring.data["callHandling"]["destinations"][1]["number"],
        "113"
    );
    xml.update_extension_notification(&ExtensionNotification {
        extension: "113".into(),
        enable_email: Some(true),
        email_address: Some("ops@example.com".into()),
        email_format: Some("wav".into()),
        ..ExtensionNotification::default()
    })
    .unwrap();
    assert_eq!(
        account(&state(&env), "sandbox")["extensions"]["113"]["emailAddress"],
        "ops@example.com"
    );

    let sms = xml
        .send_sms(&number, "+16195550101", "Typed hello")
        .unwrap();
    assert!(sms.data.is_null());
    assert_eq!(outbox(&env)[0]["from"], number.as_str());
    let call = xml
        .originate_call(&OriginateCall {
            leg_a_phone_number: "+16195550101".into(),
            leg_b_phone_number: "+16195550102".into(),
            leg_a_caller_id: Some(SAN_DIEGO.into()),
            ..OriginateCall::default()
        })
        .unwrap();
    assert_eq!(call.data["call"]["legACallerId"], SAN_DIEGO);
    assert_eq!(
        call.data["call"]["legATimeout"], "20",
        "the errata's default"
    );

    let one = xml
        .call_list(Some(BUSY_DAY), Some(BUSY_DAY + 86_399))
        .unwrap();
    assert_eq!(one.data.items.len(), 500, "capped");
    let calls: Vec<_> = xml
        .calls(LOG_START, LOG_START + 7 * 86_400)
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(!calls.is_empty());
    assert!(calls.iter().all(|c| c.called_number.is_some()));

    let voices = xml.voices().unwrap().into_items();
    assert_eq!(voices[0].name.as_deref(), Some("Dubya"));
    assert_eq!(voices[0].dialect, None);
    assert!(xml.sounds().unwrap().into_items().len() >= 7);
    let chat = ChatCall {
        from_name: "Joe".into(),
        from_email: "joe@example.com".into(),
        message: "The [doorbell] rang".into(),
        recipients: vec![("Ann".into(), "+18585550101".into())],
        voice: Some("142".into()),
        response_type: Some("yes_no_maybe".into()),
        send_date: Some("2030-01-01T12:00:00.0000Z".into()),
    };
    let preview = xml.preview_chat_call(&chat).unwrap();
    assert!(preview.data.url.unwrap().ends_with(".wav"));
    let sent = xml.send_chat_call(&chat).unwrap();
    assert_eq!(sent.data.extra["chatCall"]["status"], "scheduled");
    let id = sent.data.chat_call_id.unwrap();
    let status = xml.chat_call_status(&id).unwrap();
    assert_eq!(status.data.status.as_deref(), Some("scheduled"));
    assert_eq!(status.data.chat_call_id.as_deref(), Some(id.as_str()));
    assert_eq!(status.data.send_date, Some(1_893_499_200));
    assert_eq!(status.data.response_type.as_deref(), Some("yes_no_maybe"));
    assert_eq!(status.data.recipients.len(), 1);
    let ann = &status.data.recipients[0];
    assert_eq!(
        (ann.to_name.as_deref(), ann.to_number.as_deref()),
        (Some("Ann"), Some("+18585550101"))
    );
    assert_eq!(
        (ann.status.as_deref(), ann.duration),
        (Some("scheduled"), Some(0))
    );

    let created = xml
        .create_account(&NewAccount {
            new_username: "typed-sub".into(),
            new_password: Secret::new("Typ3d-Secret"),
            name: "Grace Hopper".into(),
            address: "2 Oak Ave".into(),
            city: "Toronto".into(),
            state: Some("ON".into()),
            country: "CA".into(),
            phone: "+14165550100".into(),
            email: "grace@example.com".into(),
            ..NewAccount::default()
        })
        .unwrap();
    assert_eq!(created.data["account"]["username"], "typed-sub");
    let cancelled = xml.cancel_account("typed-sub").unwrap();
    assert_eq!(cancelled.data["account"]["status"], "cancelled");
    // The generic form of the typed API.
    let any = xml.call("getSoundList", json!(null)).unwrap();
    assert!(any.data["items"].is_array());

    let received: BTreeSet<String> = actions(&env)
        .into_iter()
        .map(|a| format!("xml.{a}"))
        .collect();
    assert_eq!(
        received,
        xml_catalog(),
        "the typed API reached every action"
    );
    // The new account's password went nowhere: masked in the log of received requests.
    let log = serde_json::to_string(&env.requests()).unwrap();
    assert!(!log.contains("Typ3d-Secret"));
    assert!(!log.contains(&password(&env)));
}

#[test]
fn wrong_credentials_are_an_authentication_error() {
    let env = common::start_with(|c| c["xml"]["password"] = json!("not-the-password"));
    let e = env
        .client
        .call("xml.getPhoneNumberList", json!({}))
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Authentication);
    assert_eq!(e.family(), Some("xml"));
    assert_eq!(e.operation(), Some("xml.getPhoneNumberList"));
    assert_eq!(
        e.upstream_message(),
        Some("Authentication failed: invalid username or password")
    );
    assert_eq!(e.request_id().map(str::len), Some(20), "the svTRID");
    assert!(!e.is_retryable());
    assert_eq!(e.attempts(), 1);
    let everything = format!("{e} {e:?} {}", e.to_json());
    assert!(!everything.contains("not-the-password"), "{everything}");
    // An unknown user too, through the typed API.
    let env = common::start_with(|c| c["xml"]["username"] = json!("nobody"));
    let e = env.client.xml().voices().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Authentication);
}

#[test]
fn input_rules_are_refused_before_sending() {
    let env = common::start();
    let cases: Vec<(&str, Value, &str, &str)> = vec![
        (
            "xml.sendSMS",
            json!({"fromNumber": "8585550100", "toNumber": "+18583807710", "message": "x"}),
            "fromNumber",
            "E.164",
        ),
        (
            "xml.sendSMS",
            json!({"fromNumber": SAN_DIEGO, "toNumber": "+18583807710", "message": "é".repeat(161)}),
            "message",
            "160",
        ),
        (
            "xml.sendSMS",
            json!({"fromNumber": SAN_DIEGO, "message": "x"}),
            "toNumber",
            "required",
        ),
        (
            "xml.sendSMS",
            json!({"fromNumber": SAN_DIEGO, "toNumber": "+18583807710", "message": "x", "mesage": "typo"}),
            "mesage",
            "not a parameter",
        ),
        (
            "xml.getCallList",
            json!({"startTime": 200, "endTime": 100}),
            "endTime",
            "startTime",
        ),
        (
            "xml.getPhoneNumberRegionList",
            json!({"countryCode": 1}),
            "prefix",
            "state",
        ),
        (
            "xml.getPhoneNumberInventory",
            json!({"countryCode": 1, "region": "San Diego"}),
            "region",
            "state",
        ),
        (
            "xml.getPhoneNumberInventory",
            json!({"countryCode": 1, "page": 2}),
            "page",
            "quantity",
        ),
        (
            "xml.getPhoneNumberInventory",
            json!({"countryCode": 1, "quantity": 501}),
            "quantity",
            "500",
        ),
        (
            "xml.getPhoneNumberInventory",
            json!({"countryCode": 1, "pattern": "1858-55"}),
            "pattern",
            "",
        ),
        (
            "xml.reservePhoneNumber",
            json!({"phoneNumber": "858-555"}),
            "phoneNumber",
            "",
        ),
        (
            "xml.updateCallHandlingSimpleRingAll",
            json!({"phoneNumber": SAN_DIEGO, "destination1": "+16195550101", "destination3VoiceTag": "x"}),
            "destination3VoiceTag",
            "destination3",
        ),
        (
            "xml.updateCallHandlingSimpleRingAll",
            json!({"phoneNumber": SAN_DIEGO, "destination1": "+16195550101", "destination1Screening": "maybe"}),
            "destination1Screening",
            "yes",
        ),
        (
            "xml.updateExtensionNotification",
            json!({"extension": "111", "emailFormat": "ogg"}),
            "emailFormat",
            "wav",
        ),
        (
            "xml.createAccount",
            json!({"newUsername": "u1", "newPassword": "Secret-123", "name": "A", "address": "B", "city": "C",
                                     "country": "US", "phone": "+16195550100", "email": "a@example.com", "state": "CA", "zip": "9210"}),
            "zip",
            "5 or 9",
        ),
        (
            "xml.createAccount",
            json!({"newUsername": "u1", "newPassword": "Secret-123", "name": "A", "address": "B", "city": "C",
                                     "country": "USA", "phone": "+16195550100", "email": "a@example.com"}),
            "country",
            "",
        ),
        (
            "xml.sendChatCall",
            json!({"fromName": "J", "fromEmail": "j@example.com", "message": "m", "toName": ["A"], "toNumber": ["+18585550101", "+18585550102"]}),
            "toName",
            "one name per",
        ),
        (
            "xml.sendChatCall",
            json!({"fromName": "J", "fromEmail": "j@example.com", "message": "m", "toName": "A", "toNumber": "+442071234567"}),
            "toNumber",
            "",
        ),
        (
            "xml.originateCall",
            json!({"legAPhoneNumber": "+1 858 555", "legBPhoneNumber": "+16195550101"}),
            "legAPhoneNumber",
            "",
        ),
    ];
    for (op, params, field, rule) in cases {
        let e = env.client.call(op, params.clone()).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Validation, "{op} {params}: {e}");
        assert_eq!(e.operation(), Some(op));
        let text = e.to_string();
        assert!(text.contains(field), "{op}: `{text}` names {field}");
        assert!(text.contains(rule), "{op}: `{text}` says {rule}");
        assert!(
            e.fields().iter().any(|f| f.field.starts_with(field)),
            "{op}: {:?}",
            e.fields()
        );
    }
    // The typed API refuses the same way.
    let e = env
        .client
        .xml()
        .ring_all(&RingAll {
            phone_number: SAN_DIEGO.into(),
            destinations: vec![],
            timeout: None,
        })
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Validation);
    assert!(env.client.xml().calls(10, 5).is_err());
    assert!(xml_requests(&env).is_empty(), "nothing was sent");
}

#[test]
fn post_is_the_default_get_is_an_option_and_plus_travels_as_2b() {
    let message = "Fish & chips + tea = 100% lunch?";
    for method in ["POST", "GET"] {
        let env = common::start_with(|c| c["xml"]["method"] = json!(method));
        let secret = password(&env);
        env.client
            .call(
                "xml.sendSMS",
                json!({"fromNumber": SAN_DIEGO, "toNumber": "+18583807710", "message": message, "clTRID": "order-42"}),
            )
            .unwrap();
        let reqs = xml_requests(&env);
        assert_eq!(reqs.len(), 1);
        let r = &reqs[0];
        assert_eq!(r["method"], method);
        match method {
            "POST" => {
                assert_eq!(
                    r["headers"]["content-type"],
                    "application/x-www-form-urlencoded"
                );
                assert_eq!(r["query"], json!({}), "nothing in the URL: {r}");
            }
            _ => assert!(r["body"].is_null(), "no body: {r}"),
        }
        // Decoded by the sandbox exactly as sent: a raw `+` would have become a space.
        assert_eq!(param(r, "toNumber"), "+18583807710");
        assert_eq!(param(r, "fromNumber"), SAN_DIEGO);
        assert_eq!(param(r, "message"), message);
        assert_eq!(param(r, "clTRID"), "order-42");
        assert_eq!(param(r, "username"), "sandbox");
        assert_eq!(param(r, "password"), "***", "masked in the sandbox's log");
        assert!(!serde_json::to_string(&reqs).unwrap().contains(&secret));
        let sent = outbox(&env);
        assert_eq!(sent[0]["to"], "+18583807710");
        assert_eq!(sent[0]["message"], message);

        // An error in this mode carries neither the password nor the URL holding it.
        let e = env
            .client
            .call(
                "xml.sendSMS",
                json!({"fromNumber": "+18005550100", "toNumber": "+18583807710", "message": "x"}),
            )
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Validation, "{e}");
        assert!(e.upstream_message().unwrap().contains("fromNumber"), "{e}");
        let everything = format!("{e} {e:?} {}", e.to_json());
        assert!(!everything.contains(&secret), "{everything}");
    }
}

#[test]
fn the_password_stays_out_of_transport_errors_and_logs() {
    let logs = std::sync::Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let env = common::start_with(|c| c["xml"]["method"] = json!("GET"));
    let secret = password(&env);
    let sink = logs.clone();
    let client = Client::builder(Config::from_value(env.config.clone()).unwrap())
        .log_hook(move |e: &phonecom::LogEvent| sink.lock().unwrap().push(e.to_json().to_string()))
        .build()
        .unwrap();
    // Cut connections until the retries run out: the error names the URL, masked.
    env.fault("GET", "/special/xmlapi", "reset_before", 3);
    let e = client.call("xml.getVoiceList", json!({})).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Transport, "{e}");
    assert_eq!(e.attempts(), 3);
    let everything = format!(
        "{e} {e:?} {} {}",
        e.to_json(),
        logs.lock().unwrap().join("\n")
    );
    assert!(!everything.contains(&secret), "{everything}");
    assert!(!logs.lock().unwrap().is_empty());
}

#[test]
fn faults_retry_with_the_same_cltrid_and_map_to_errors() {
    let env = common::start();
    // A 503 is retried, with the same clTRID, and the second attempt succeeds.
    env.fault("POST", "/special/xmlapi", "status=503", 1);
    let resp = env
        .client
        .call_with("xml.getPhoneNumberList", json!({}), &CallOptions::default())
        .unwrap();
    assert_eq!(resp.attempts, 2);
    let reqs = xml_requests(&env);
    assert_eq!(reqs.len(), 2);
    assert_eq!(reqs[0]["status"], 503);
    assert_eq!(reqs[0]["body"]["clTRID"], reqs[1]["body"]["clTRID"]);
    assert_eq!(resp.data["clTRID"], reqs[1]["body"]["clTRID"]);

    // Persisting, it surfaces as a server error with the envelope's message.
    env.clear_requests();
    env.fault("POST", "/special/xmlapi", "status=503", 3);
    let e = env.client.call("xml.getSoundList", json!({})).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Server);
    assert_eq!(e.status(), Some(503));
    assert_eq!(
        e.upstream_message(),
        Some("Service temporarily unavailable")
    );
    assert!(e.is_retryable());
    assert_eq!(e.attempts(), 3);
    let ids: BTreeSet<String> = xml_requests(&env)
        .iter()
        .map(|r| r["body"]["clTRID"].to_string())
        .collect();
    assert_eq!(ids.len(), 1, "one clTRID across the attempts");

    // A 429 names its wait; it is honoured and retried.
    env.clear_requests();
    env.fault("POST", "/special/xmlapi", "status=429;retry_after=0", 1);
    env.client.call("xml.getVoiceList", json!({})).unwrap();
    assert_eq!(xml_requests(&env).len(), 2);
    env.fault("POST", "/special/xmlapi", "status=429;retry_after=7", 1);
    let e = env
        .client
        .call_with(
            "xml.getVoiceList",
            json!({}),
            &CallOptions {
                max_attempts: Some(1),
                ..CallOptions::default()
            },
        )
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::RateLimited);
    assert_eq!(e.retry_after(), Some(std::time::Duration::from_secs(7)));

    // A malformed body is a decode error keeping the raw prefix; it is not retried.
    env.clear_requests();
    env.fault("POST", "/special/xmlapi", "malformed", 1);
    let e = env.client.call("xml.getVoiceList", json!({})).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Decode);
    assert!(e.to_string().contains("not well-formed"), "{e}");
    let raw = e.raw_body().unwrap();
    assert!(raw.starts_with("<response>"), "{raw}");
    assert!(raw.contains("Dubya"), "{raw}");
    assert_eq!(xml_requests(&env).len(), 1);

    // A truncated body is a transport or decode failure, retried (the request is idempotent).
    env.clear_requests();
    env.fault("POST", "/special/xmlapi", "truncated", 1);
    env.client.call("xml.getSoundList", json!({})).unwrap();
    assert_eq!(xml_requests(&env).len(), 2);
}

/// The effect of one mutating action, counted in the sandbox's state.
fn effects(env: &Env, action: &str, number: &str) -> usize {
    let s = state(env);
    let master = account(&s, "sandbox");
    match action {
        "sendSMS" => master["sms"].as_array().unwrap().len(),
        "reservePhoneNumber" => s["reservations"]
            .as_object()
            .unwrap()
            .keys()
            .filter(|k| *k == number)
            .count(),
        "addPhoneNumber" => master["numbers"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|n| n["phoneNumber"] == number)
            .count(),
        _ => unreachable!(),
    }
}

#[test]
fn a_retried_mutation_acts_once_thanks_to_its_cltrid() {
    let env = common::start();
    let numbers = san_diego_numbers(&env, 2);
    let cases = [
        (
            "sendSMS",
            json!({"fromNumber": SAN_DIEGO, "toNumber": "+18583807710", "message": "Exactly once"}),
        ),
        ("reservePhoneNumber", json!({"phoneNumber": numbers[0]})),
        ("addPhoneNumber", json!({"phoneNumber": numbers[1]})),
    ];
    for (action, params) in cases {
        let number = params["phoneNumber"].as_str().unwrap_or("");
        let op = format!("xml.{action}");
        env.clear_requests();
        // The sandbox acts, then drops the connection before answering.
        env.fault("POST", "/special/xmlapi", "reset_after", 1);
        let resp = env
            .client
            .call_with(&op, params.clone(), &CallOptions::default())
            .unwrap_or_else(|e| panic!("{op}: {e}"));
        assert_eq!(resp.attempts, 2, "{op}");
        let reqs = xml_requests(&env);
        assert_eq!(reqs.len(), 2, "{op}");
        assert!(reqs[0]["status"].is_null(), "no answer the first time");
        let cl = reqs[0]["body"]["clTRID"].clone();
        assert_eq!(reqs[1]["body"]["clTRID"], cl, "{op}");
        assert_eq!(resp.data["clTRID"], cl);
        assert_eq!(effects(&env, action, number), 1, "{op} acted once");
        // The same clTRID sent again by hand answers the stored response, svTRID included.
        let mut again = params.clone();
        again["clTRID"] = cl.clone();
        let repeat = env.client.call(&op, again).unwrap();
        assert_eq!(repeat["svTRID"], resp.data["svTRID"], "{op}");
        assert_eq!(repeat["data"], resp.data["data"], "{op}");
        assert_eq!(effects(&env, action, number), 1, "{op} still once");
    }
    // Without a retry, the dropped answer leaves the caller unsure though the SMS went out:
    // the reason a mutation is retried with its clTRID.
    env.fault("POST", "/special/xmlapi", "reset_after", 1);
    let e = env
        .client
        .call_with(
            "xml.sendSMS",
            json!({"fromNumber": SAN_DIEGO, "toNumber": "+18583807710", "message": "Unsure"}),
            &CallOptions {
                max_attempts: Some(1),
                ..CallOptions::default()
            },
        )
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Transport, "{e}");
    assert_eq!(outbox(&env).len(), 2);
    // A clTRID reused for another request is refused, and nothing happens.
    let e = env
        .client
        .call(
            "xml.sendSMS",
            json!({"fromNumber": SAN_DIEGO, "toNumber": "+18583807710", "message": "Other text", "clTRID": "fixed-1"}),
        )
        .map(|_| ())
        .and_then(|_| {
            env.client
                .call(
                    "xml.sendSMS",
                    json!({"fromNumber": SAN_DIEGO, "toNumber": "+18583807710", "message": "Changed", "clTRID": "fixed-1"}),
                )
                .map(|_| ())
        })
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Validation, "{e}");
    assert!(
        e.upstream_message()
            .unwrap()
            .contains("clTRID `fixed-1` was already used"),
        "{e}"
    );
    assert_eq!(outbox(&env).len(), 3);
    // A refused request is not remembered: the same clTRID works once the input is right.
    let bad = json!({"fromNumber": "+18005550100", "toNumber": "+18583807710", "message": "Hi", "clTRID": "fixed-2"});
    assert!(env.client.call("xml.sendSMS", bad).is_err());
    let good = json!({"fromNumber": SAN_DIEGO, "toNumber": "+18583807710", "message": "Hi", "clTRID": "fixed-2"});
    env.client.call("xml.sendSMS", good).unwrap();
    assert_eq!(outbox(&env).len(), 4);
}

/// The sandbox's own count of the master's calls in `[start, end]`, with their ids.
fn logged(env: &Env, start: i64, end: i64) -> BTreeSet<String> {
    let v = env.admin(
        "GET",
        &format!("/xml/calls?username=sandbox&startTime={start}&endTime={end}"),
        None,
    );
    let ids: BTreeSet<String> = v["ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i.to_string())
        .collect();
    assert_eq!(v["count"], ids.len());
    ids
}

fn call_list_requests(env: &Env) -> usize {
    actions(env).iter().filter(|a| *a == "getCallList").count()
}

#[test]
fn get_call_list_walks_every_call_of_the_seeded_log_once() {
    let env = common::start();
    assert_eq!(account(&state(&env), "sandbox")["call_count"], 1500);
    let busy_end = BUSY_DAY + 86_399;
    let busy = logged(&env, BUSY_DAY, busy_end);
    let busy_hours = logged(&env, BUSY_DAY + 9 * 3600, BUSY_DAY + 17 * 3600);
    assert!(busy_hours.len() >= 600, "{}", busy_hours.len());
    let whole = logged(&env, LOG_START, LOG_END);
    assert_eq!(whole.len(), 1500);

    for (start, end, expected) in [(BUSY_DAY, busy_end, &busy), (LOG_START, LOG_END, &whole)] {
        // The typed walker.
        env.clear_requests();
        let calls = env.client.xml().calls(start, end).unwrap();
        let calls = calls.collect_all().unwrap();
        let ids: Vec<String> = calls.iter().map(|c| c.id.clone().unwrap()).collect();
        let unique: BTreeSet<String> = ids.iter().cloned().collect();
        assert_eq!(ids.len(), unique.len(), "no call twice");
        assert_eq!(&unique, expected, "every call of [{start}, {end}]");
        let times: Vec<i64> = calls.iter().map(|c| c.start_time.unwrap()).collect();
        assert!(times.windows(2).all(|w| w[0] <= w[1]), "oldest first");
        let windows = call_list_requests(&env);
        assert!(windows > 1, "the range was split ({windows} requests)");

        // The generic pager (what the bindings use), 200 rows a page.
        env.clear_requests();
        let mut pages = env
            .client
            .pages(
                "xml.getCallList",
                json!({"startTime": start, "endTime": end, "limit": 200}),
            )
            .unwrap();
        let mut paged = Vec::new();
        for page in pages.by_ref() {
            let page = page.unwrap();
            assert!(page.items.len() <= 200);
            paged.extend(
                page.items
                    .iter()
                    .map(|c| c["id"].as_str().unwrap().to_string()),
            );
        }
        let unique: BTreeSet<String> = paged.iter().cloned().collect();
        assert_eq!(paged.len(), unique.len(), "no call twice");
        assert_eq!(&unique, expected);
        assert_eq!(pages.pages_fetched(), (expected.len() as u64).div_ceil(200));
        assert!(call_list_requests(&env) > 1, "the range was split");
    }
    // One busy-day request alone is capped: that is why the walk is needed.
    let one = env
        .client
        .call(
            "xml.getCallList",
            json!({"startTime": BUSY_DAY, "endTime": busy_end}),
        )
        .unwrap();
    assert_eq!(one["data"]["items"].as_array().unwrap().len(), 500);
    assert!(busy.len() > 500);
}

#[test]
fn upstream_errors_map_to_kinds() {
    let env = common::start();
    let numbers = san_diego_numbers(&env, 1);
    env.client
        .call("xml.reservePhoneNumber", json!({"phoneNumber": numbers[0]}))
        .unwrap();
    env.client
        .call(
            "xml.createAccount",
            json!({"newUsername": "sub-1", "newPassword": "Sub-Secret1", "name": "S", "address": "A",
                   "city": "London", "country": "GB", "phone": "+442071234567", "email": "s@example.com"}),
        )
        .unwrap();
    let mut cfg = env.config.clone();
    cfg["xml"]["username"] = json!("sub-1");
    cfg["xml"]["password"] = json!("Sub-Secret1");
    let sub = Client::new(Config::from_value(cfg).unwrap()).unwrap();
    let master = &env.client;
    let cases: Vec<(&Client, &str, Value, ErrorKind, &str)> = vec![
        (
            master,
            "xml.reservePhoneNumber",
            json!({"phoneNumber": "18005550199"}),
            ErrorKind::NotFound,
            "not found in inventory",
        ),
        (
            master,
            "xml.addPhoneNumber",
            json!({"phoneNumber": SAN_DIEGO}),
            ErrorKind::Conflict,
            "already in use",
        ),
        (
            &sub,
            "xml.reservePhoneNumber",
            json!({"phoneNumber": numbers[0]}),
            ErrorKind::Conflict,
            "reserved by another user",
        ),
        (
            &sub,
            "xml.unreservePhoneNumber",
            json!({"phoneNumber": numbers[0]}),
            ErrorKind::Validation,
            "not reserved by this user",
        ),
        (
            &sub,
            "xml.cancelAccount",
            json!({"accountUsername": "sandbox"}),
            ErrorKind::Permission,
            "not authorized",
        ),
        (
            master,
            "xml.createAccount",
            json!({"newUsername": "SUB-1", "newPassword": "Sub-Secret1", "name": "S", "address": "A",
                   "city": "London", "country": "GB", "phone": "+442071234567", "email": "s@example.com"}),
            ErrorKind::Conflict,
            "already exists",
        ),
        (
            master,
            "xml.getChatCallStatus",
            json!({"ChatCallID": "999"}),
            ErrorKind::NotFound,
            "not found",
        ),
        (
            master,
            "xml.updateExtensionNotification",
            json!({"extension": "999"}),
            ErrorKind::NotFound,
            "Extension 999",
        ),
        (
            master,
            "xml.updateCallHandlingSimpleRingAll",
            json!({"phoneNumber": "+16195550199", "destination1": "111"}),
            ErrorKind::NotFound,
            "not found on this account",
        ),
        (
            master,
            "xml.sendSMS",
            json!({"fromNumber": "+16195550199", "toNumber": "+18583807710", "message": "x"}),
            ErrorKind::Validation,
            "fromNumber",
        ),
        (
            master,
            "xml.previewChatCall",
            json!({"message": "Hi [burp]"}),
            ErrorKind::Validation,
            "burp",
        ),
    ];
    for (client, op, params, kind, says) in cases {
        let e = client.call(op, params).unwrap_err();
        assert_eq!(e.kind(), kind, "{op}: {e}");
        assert_eq!(
            e.status(),
            Some(200),
            "{op}: the XML API answers errors with 200"
        );
        let msg = e.upstream_message().unwrap_or_default();
        assert!(msg.contains(says), "{op}: {msg}");
        assert!(e.request_id().is_some(), "{op}: the svTRID");
        assert!(!e.is_retryable(), "{op}");
    }
}

/// Whether v4's available-numbers search lists `number`.
fn v4_lists(env: &Env, number: &str) -> bool {
    let q = ListQuery::new().filter("phone_number", Filter::eq(number));
    !env.client
        .v4()
        .available_numbers(&q)
        .unwrap()
        .items
        .is_empty()
}

#[test]
fn a_reserved_number_is_held_in_v4_too() {
    let env = common::start();
    let numbers = san_diego_numbers(&env, 2);
    let (mine, theirs) = (&numbers[0], &numbers[1]);
    assert!(v4_lists(&env, mine) && v4_lists(&env, theirs));
    let master = &env.client;
    master
        .call("xml.reservePhoneNumber", json!({"phoneNumber": mine}))
        .unwrap();
    master
        .call(
            "xml.createAccount",
            json!({"newUsername": "holder", "newPassword": "Holder-Secret1", "name": "H", "address": "A",
                   "city": "London", "country": "GB", "phone": "+442071234567", "email": "h@example.com"}),
        )
        .unwrap();
    let mut cfg = env.config.clone();
    cfg["xml"]["username"] = json!("holder");
    cfg["xml"]["password"] = json!("Holder-Secret1");
    let holder = Client::new(Config::from_value(cfg).unwrap()).unwrap();
    holder
        .call("xml.reservePhoneNumber", json!({"phoneNumber": theirs}))
        .unwrap();
    assert!(
        !v4_lists(&env, mine) && !v4_lists(&env, theirs),
        "held numbers leave v4's search"
    );

    // Another XML user's hold: v4 refuses it, naming the field and the rule.
    let e = master
        .v4()
        .buy_number(&PurchaseNumber {
            phone_number: theirs.clone(),
            ..Default::default()
        })
        .unwrap_err();
    assert_eq!(
        (e.kind(), e.status()),
        (ErrorKind::Validation, Some(422)),
        "{e}"
    );
    let field = e.fields().iter().find(|f| f.field == "phone_number");
    assert!(
        field.is_some_and(|f| f.message.contains("reserved by another user")),
        "{e}"
    );
    assert_eq!(state(&env)["reservations"][theirs]["by"], "holder");

    // The partner's own hold: bought through v4 onto a subaccount, which ends the hold.
    let sub = master
        .call(
            "v4.create-account-subaccount",
            json!({"username": "portal-1", "password": "pw-123456789"}),
        )
        .unwrap();
    let bought = master
        .call(
            "v4.create-account-phone-number",
            json!({"account_id": sub["id"], "phone_number": mine, "name": "Main"}),
        )
        .unwrap();
    assert_eq!(bought["phone_number"], json!(mine));
    assert!(state(&env)["reservations"].get(mine.as_str()).is_none());
    let e = master
        .call("xml.unreservePhoneNumber", json!({"phoneNumber": mine}))
        .unwrap_err();
    assert!(
        e.upstream_message()
            .unwrap()
            .contains("not reserved by this user"),
        "{e}"
    );
}

#[test]
fn chat_call_status_is_typed_per_recipient() {
    let env = common::start();
    let xml = env.client.xml();
    let chat = ChatCall {
        from_name: "Joe".into(),
        from_email: "joe@example.com".into(),
        message: "Lunch at noon?".into(),
        recipients: vec![
            ("Ann".into(), "+18585550102".into()),
            ("Bob".into(), "+16045550107".into()),
        ],
        voice: None,
        response_type: Some("yes_no".into()),
        send_date: None,
    };
    let id = xml
        .send_chat_call(&chat)
        .unwrap()
        .data
        .chat_call_id
        .unwrap();
    let now = xml.chat_call_status(&id).unwrap().data;
    assert_eq!(now.status.as_deref(), Some("in-progress"));
    assert!(now
        .recipients
        .iter()
        .all(|r| r.status.as_deref() == Some("calling")));

    env.admin("POST", "/clock", Some(json!({"advance_s": 60})));
    let done = xml.chat_call_status(&id).unwrap();
    let st = &done.data;
    assert_eq!(st.status.as_deref(), Some("completed"));
    assert_eq!(st.response_type.as_deref(), Some("yes_no"));
    assert!(st.send_date.is_some() && st.send_date_gmt.is_some());
    let by_name: Vec<(Option<&str>, Option<&str>, Option<&str>)> = st
        .recipients
        .iter()
        .map(|r| {
            (
                r.to_name.as_deref(),
                r.status.as_deref(),
                r.response.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        by_name,
        [
            (Some("Ann"), Some("answered"), Some("yes")),
            (Some("Bob"), Some("busy"), None)
        ]
    );
    assert!(st.recipients[0].duration.unwrap() > 0);
    assert_eq!(st.recipients[1].duration, Some(0));
    // The generic call returns the same JSON the typed reply serialises to.
    let generic = env
        .client
        .call("xml.getChatCallStatus", json!({"ChatCallID": id}))
        .unwrap();
    assert_eq!(generic["data"], serde_json::to_value(&done.data).unwrap());
}

/// `getPhoneNumberInventory` pages count from 1, in the library and in the sandbox alike: page 1
/// is the first `quantity` numbers (what no page gives), page 2 the next ones; page 0 is refused
/// before anything is sent.
#[test]
fn inventory_pages_count_from_one() {
    let env = common::start();
    let xml = env.client.xml();
    let page = |n: Option<u32>| -> Vec<String> {
        let q = InventoryQuery::new(1).prefix("858").quantity(4);
        let q = match n {
            Some(n) => q.page(n),
            None => q,
        };
        xml.inventory(&q)
            .unwrap()
            .into_items()
            .into_iter()
            .map(|n| n.phone_number.unwrap())
            .collect()
    };
    let first = page(None);
    assert_eq!(first.len(), 4);
    assert_eq!(page(Some(1)), first, "page 1 is the first page");
    let second = page(Some(2));
    assert_eq!(second.len(), 4);
    assert!(first.last() < second.first(), "page 2 follows page 1");
    env.clear_requests();
    let e = xml
        .inventory(&InventoryQuery::new(1).quantity(4).page(0))
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Validation, "{e}");
    assert_eq!(e.fields()[0].field, "page", "{e}");
    assert!(e.to_string().contains("at least 1"), "{e}");
    assert!(env.requests().is_empty(), "refused before sending");
}
