//! XML API input rules: bad input is refused before anything is sent, naming the field and the
//! rule. The base URL points at a closed loopback port: a request that got through validation
//! would fail with a transport error instead.

use phonecom::{Client, Error, ErrorKind};
use serde_json::{json, Value};

fn client() -> Client {
    Client::from_json(
        r#"{"xml": {"base_url": "http://127.0.0.1:9/special/xmlapi", "username": "joe", "password": "w00t-w00t"},
            "retry": {"max_attempts": 1}}"#,
    )
    .unwrap()
}

fn refused(name: &str, params: Value) -> Error {
    let e = client().call(name, params).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Validation, "{e}");
    assert_eq!(e.attempts(), 0, "{e} was sent");
    e
}

fn fields(e: &Error) -> Vec<&str> {
    e.fields().iter().map(|f| f.field.as_str()).collect()
}

fn sms(message: &str) -> Value {
    json!({"fromNumber": "+15802820001", "toNumber": "+18583807710", "message": message})
}

#[test]
fn sms_length_says_how_many_over() {
    let e = refused("xml.sendSMS", sms(&"x".repeat(170)));
    assert!(
        e.to_string()
            .contains("at most 160 characters (170 given, 10 over)"),
        "{e}"
    );
    let e = refused("xml.sendSMS", sms(""));
    assert_eq!(fields(&e), ["message"]);
}

#[test]
fn e164_where_the_document_says_so() {
    let e = refused(
        "xml.sendSMS",
        json!({"fromNumber": "15802820001", "toNumber": "858-555", "message": "hi"}),
    );
    assert_eq!(fields(&e), ["fromNumber", "toNumber"]);
    let e = refused(
        "xml.originateCall",
        json!({"legAPhoneNumber": "12a", "legBPhoneNumber": "101"}),
    );
    assert_eq!(fields(&e), ["legAPhoneNumber", "legBPhoneNumber"]);
    let e = refused(
        "xml.updateExtensionNotification",
        json!({"extension": "101", "smsNumber": "8585550100"}),
    );
    assert_eq!(fields(&e), ["smsNumber"]);
}

#[test]
fn flags_formats_and_enums() {
    let e = refused(
        "xml.updateExtensionNotification",
        json!({"extension": "10a", "enableEmail": "true", "enableSms": true, "emailFormat": "ogg", "emailAddress": "joe"}),
    );
    assert_eq!(
        fields(&e),
        [
            "extension",
            "enableEmail",
            "enableSms",
            "emailAddress",
            "emailFormat"
        ]
    );
    assert!(e.to_string().contains("must be one of yes, no"), "{e}");
    assert!(e.to_string().contains("must be one of wav, mp3"), "{e}");
    let e = refused(
        "xml.previewChatCall",
        json!({"message": "hi", "responseType": "maybe"}),
    );
    assert_eq!(fields(&e), ["responseType"]);
}

#[test]
fn create_account_us_and_ca_rules() {
    let base = || {
        json!({"newUsername": "acme-1", "newPassword": "S3cret-pass", "name": "Ada", "address": "1 Elm St",
               "city": "Dallas", "country": "US", "phone": "+12145550100", "email": "ada@example.com"})
    };
    let e = refused("xml.createAccount", base());
    assert_eq!(fields(&e), ["state", "zip"]);
    let mut p = base();
    p["state"] = "TX".into();
    p["zip"] = "7520".into();
    let e = refused("xml.createAccount", p.clone());
    assert!(e.to_string().contains("5 or 9 digits"), "{e}");
    p["country"] = "CA".into();
    p["state"] = Value::Null;
    let e = refused("xml.createAccount", p.clone());
    assert_eq!(fields(&e), ["state"]);
    p["country"] = "usa".into();
    let e = refused("xml.createAccount", p);
    assert_eq!(fields(&e), ["country"]);
    assert!(e.to_string().contains("2-letter"), "{e}");
    // The password never shows in the error, even when another field is wrong.
    let mut p = base();
    p["email"] = "nope".into();
    let e = refused("xml.createAccount", p);
    assert!(!format!("{e} {e:?} {}", e.to_json()).contains("S3cret-pass"));
}

#[test]
fn one_of_prefix_or_state() {
    for action in [
        "xml.getPhoneNumberRegionList",
        "xml.getPhoneNumberLocalityList",
    ] {
        let e = refused(action, json!({"countryCode": 1}));
        assert!(e.to_string().contains("one of prefix or state"), "{e}");
    }
    let e = refused(
        "xml.getPhoneNumberRegionList",
        json!({"countryCode": 1, "prefix": "85x"}),
    );
    assert_eq!(fields(&e), ["prefix"]);
}

#[test]
fn inventory_rules() {
    let e = refused(
        "xml.getPhoneNumberInventory",
        json!({"countryCode": 1, "region": "San Diego", "locality": "Poway", "page": 2}),
    );
    assert_eq!(fields(&e), ["region", "locality", "page"]);
    let e = refused(
        "xml.getPhoneNumberInventory",
        json!({"countryCode": 1, "quantity": 501, "type": "tollfree", "pattern": "1800-flowers"}),
    );
    assert_eq!(fields(&e), ["type", "pattern", "quantity"]);
    assert!(e.to_string().contains("at most 500"), "{e}");
    let e = refused("xml.getPhoneNumberInventory", json!({}));
    assert_eq!(fields(&e), ["countryCode"]);
}

#[test]
fn chat_call_rules() {
    let base = || json!({"fromName": "Joe", "fromEmail": "joe@example.com", "message": "Hi"});
    let mut p = base();
    p["toName"] = json!(["Ann", "Bob"]);
    p["toNumber"] = json!(["+18585550101"]);
    let e = refused("xml.sendChatCall", p);
    assert!(
        e.to_string()
            .contains("one name per toNumber (2 names for 1 numbers)"),
        "{e}"
    );
    let mut p = base();
    p["toName"] = json!(["Ann", ""]);
    p["toNumber"] = json!(["+442071838750", "+18585550102"]);
    p["sendDate"] = "tomorrow".into();
    let e = refused("xml.sendChatCall", p.clone());
    assert_eq!(fields(&e), ["toNumber[0]", "sendDate"]);
    assert!(e.to_string().contains("NANPA"), "{e}");
    // Rules across parameters are checked once each parameter is right.
    p["toNumber"] = json!(["+16045550101", "+18585550102"]);
    p["sendDate"] = "1196515730".into();
    let e = refused("xml.sendChatCall", p);
    assert_eq!(fields(&e), ["toName[1]"]);
    let mut p = base();
    p["toName"] = "Ann".into();
    p["toNumber"] = "+18585550101".into();
    p["sendDate"] = "2007-12-01T13:28:50.0000Z".into();
    // Valid: it gets as far as the network (a closed port).
    let e = client().call("xml.sendChatCall", p).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Transport, "{e}");
}

#[test]
fn ring_all_settings_need_their_destination() {
    let e = refused(
        "xml.updateCallHandlingSimpleRingAll",
        json!({"phoneNumber": "+18585550100", "destination1": "101", "destination2VoiceTag": "Sales",
               "destination3Screening": "maybe"}),
    );
    assert_eq!(fields(&e), ["destination3Screening"]);
    let e = refused(
        "xml.updateCallHandlingSimpleRingAll",
        json!({"phoneNumber": "+18585550100", "destination1": "101", "destination2VoiceTag": "Sales"}),
    );
    assert_eq!(fields(&e), ["destination2VoiceTag"]);
    let e = refused(
        "xml.updateCallHandlingSimpleRingAll",
        json!({"phoneNumber": "+18585550100", "destination1": "101", "destination11": "102"}),
    );
    assert_eq!(fields(&e), ["destination11"]);
}

#[test]
fn library_supplied_parameters_cannot_be_passed() {
    let e = refused(
        "xml.getVoiceList",
        json!({"username": "x", "password": "y", "action": "z"}),
    );
    assert_eq!(fields(&e), ["username", "password", "action"]);
}

#[test]
fn call_range_order() {
    let e = refused("xml.getCallList", json!({"startTime": 10, "endTime": 5}));
    assert_eq!(fields(&e), ["endTime"]);
}

#[test]
fn typed_helpers_validate_too() {
    use phonecom::xml::{Destination, InventoryQuery, RingAll};
    let c = client();
    let e = c
        .xml()
        .ring_all(&RingAll {
            phone_number: "+18585550100".into(),
            destinations: vec![Destination::default(); 11],
            timeout: None,
        })
        .unwrap_err();
    assert!(
        e.to_string().contains("1 to 10 destinations (11 given)"),
        "{e}"
    );
    let q = InventoryQuery::new(1).vanity("1-800-flowers").unwrap();
    assert_eq!(q.to_params()["pattern"], "18003569377");
    assert!(InventoryQuery::new(1).vanity("1800%").is_err());
    let e = c
        .xml()
        .send_sms("+15802820001", "+18583807710", &"é".repeat(161))
        .unwrap_err();
    assert!(e.to_string().contains("1 over"), "{e}");
}
