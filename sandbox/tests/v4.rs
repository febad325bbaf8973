//! v4 over real TCP: auth, subaccounts, the OAuth host, numbers, messaging, generic CRUD.

mod common;

use common::Client;
use phonecom_sandbox::Sandbox;
use serde_json::{json, Value};

fn sub(c: &Client, username: &str) -> Value {
    let body = json!({"username": username, "password": "s3cret-pw", "contact": {"name": "Jo Doe", "phone": "+15555550001", "primary_email": "jo@example.com"}});
    let r = c.v4("POST", "/accounts/1000001/subaccounts", Some(body));
    assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
    r.json()
}

fn user_token(c: &Client, cfg: &Value, username: &str, password: &str) -> common::Resp {
    let client = cfg["oauth"]["client_id"].as_str().unwrap();
    let path = format!("/oauth/client/{client}/authorization?redirect_uri=https%3A%2F%2Fexpress.phone.com&response_type=token&scope=account-owner");
    c.raw(
        "POST",
        &path,
        &[],
        json!({"username": username, "password": password})
            .to_string()
            .as_bytes(),
    )
    .unwrap()
}

#[test]
fn auth_errors() {
    let sb = Sandbox::start().unwrap();
    let c = Client::new(&sb);
    let r = c.raw("GET", "/v4/accounts/1000001", &[], b"").unwrap();
    assert_eq!(r.status, 401);
    assert_eq!(r.json()["@error"]["@message"], "Unauthorized");
    assert!(r.json()["@error"]["@time"].as_str().unwrap().ends_with('Z'));
    let r = c.v4_as("nope", "GET", "/accounts/1000001", None);
    assert_eq!(r.status, 401);
    assert_eq!(r.json()["error"], "invalid_token");
    let r = c.v4("GET", "/accounts/1000001", None);
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["id"], 1000001);
    assert!(r.json()["master_account"].is_null());
    assert_eq!(c.v4("GET", "/accounts/999", None).status, 404);
}

#[test]
fn subaccounts_and_user_tokens() {
    let sb = Sandbox::start().unwrap();
    let c = Client::new(&sb);
    let cfg = sb.config();
    let a = sub(&c, "partner-1");
    assert_eq!(a["password"], "**");
    assert_eq!(a["master_account"]["id"], 1000001);
    assert_eq!(a["name"], "Jo Doe");
    let id = a["id"].as_u64().unwrap();
    let dup = c.v4(
        "POST",
        "/accounts/1000001/subaccounts",
        Some(json!({"username": "partner-1", "password": "x"})),
    );
    assert_eq!(dup.status, 422);
    assert!(dup.json()["@error"]["fields"]["username"].is_string());
    let missing = c.v4("POST", "/accounts/1000001/subaccounts", Some(json!({})));
    assert_eq!(missing.status, 422);
    let f = &missing.json()["@error"]["fields"];
    assert!(f["username"].is_string() && f["password"].is_string());
    sub(&c, "partner-2");
    let list = c
        .v4(
            "GET",
            "/accounts/1000001/subaccounts?filters[username]=eq:partner-2",
            None,
        )
        .json();
    assert_eq!(list["total"], 1);
    assert_eq!(c.v4("GET", "/accounts", None).json()["total"], 3);

    // The OAuth host: the subaccount's password, or the master token as password.
    let r = user_token(&c, &cfg, "partner-1", "s3cret-pw");
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    let t = r.json();
    assert_eq!(
        (
            t["token_type"].as_str(),
            t["expires_in"].as_u64(),
            t["account_id"].as_u64()
        ),
        (Some("Bearer"), Some(86400), Some(id))
    );
    let token = t["access_token"].as_str().unwrap();
    assert_eq!(
        c.v4_as(token, "GET", &format!("/accounts/{id}"), None)
            .status,
        200
    );
    assert_eq!(c.v4_as(token, "GET", "/accounts/1000001", None).status, 403);
    assert_eq!(c.v4_as(token, "GET", "/accounts", None).json()["total"], 1);
    let r = user_token(&c, &cfg, "partner-1", cfg["v4"]["token"].as_str().unwrap());
    assert_eq!(r.status, 200);
    let r = user_token(&c, &cfg, "partner-1", "wrong");
    assert_eq!(
        (r.status, r.json()["error"].as_str()),
        (401, Some("invalid_grant"))
    );
    let r = c.raw("POST", "/oauth/client/00000000-0000-4000-a000-000000000000/authorization?redirect_uri=x&response_type=token&scope=account-owner", &[], b"{}").unwrap();
    assert_eq!(
        (r.status, r.json()["error"].as_str()),
        (404, Some("invalid_client"))
    );
    let client = cfg["oauth"]["client_id"].as_str().unwrap();
    let r = c
        .raw(
            "POST",
            &format!("/oauth/client/{client}/authorization?response_type=token"),
            &[],
            b"{}",
        )
        .unwrap();
    assert_eq!(
        (r.status, r.json()["error"].as_str()),
        (400, Some("invalid_request"))
    );
}

#[test]
fn available_numbers_and_buying() {
    let sb = Sandbox::start().unwrap();
    let c = Client::new(&sb);
    let r = c.v4("GET", "/phone-numbers/available?filters[npa]=eq:858&filters[price]=lt:100&sort[price]=asc&limit=5", None).json();
    assert_eq!(r["limit"], 5);
    assert_eq!(r["items"].as_array().unwrap().len(), 5);
    assert!(r["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|n| n["npa"] == "858" && n["price"].as_u64().unwrap() < 100));
    assert_eq!(r["filters"]["npa"], "eq:858");
    let tf = c
        .v4(
            "GET",
            "/phone-numbers/available?filters[is_toll_free]=eq:true&limit=500",
            None,
        )
        .json();
    assert!(tf["total"].as_u64().unwrap() > 100);
    let bad = c.v4("GET", "/phone-numbers/available?limit=501", None);
    assert_eq!(bad.status, 422);
    assert!(bad.json()["@error"]["fields"]["limit"].is_string());
    let regions = c.v4("GET", "/phone-numbers/available/regions?group_by=npa&filters[country_code]=eq:1&sort[npa]=asc", None).json();
    assert_eq!(regions["items"][0]["npa"], "206");
    assert!(regions["group_by"] == json!(["npa"]));
    assert!(regions["items"][0]["quantity"].as_u64().unwrap() > 0);
    let two = c
        .v4(
            "GET",
            "/phone-numbers/available/regions?group_by=npa,city",
            None,
        )
        .json();
    assert_eq!(two["group_by"], json!(["npa", "city"]));
    // `group_by` is csv (no collectionFormat in the swagger): the multi forms are refused.
    for bad in ["group_by=npa&group_by=city", "group_by[]=npa"] {
        let r = c.v4(
            "GET",
            &format!("/phone-numbers/available/regions?{bad}"),
            None,
        );
        assert_eq!(r.status, 422, "{bad}");
        assert!(r.json()["@error"]["fields"]["group_by"].is_string());
    }

    let number = r["items"][0]["phone_number"].as_str().unwrap().to_string();
    let body = json!({"phone_number": number, "name": "Main line", "block_incoming": false});
    let bought = c.v4(
        "POST",
        "/accounts/1000001/phone-numbers",
        Some(body.clone()),
    );
    assert_eq!(bought.status, 201);
    let b = bought.json();
    assert_eq!(
        (b["phone_number"].as_str(), b["name"].as_str()),
        (Some(number.as_str()), Some("Main line"))
    );
    let gone = c
        .v4(
            "GET",
            &format!(
                "/phone-numbers/available?filters[phone_number]=eq:{}",
                number.replace('+', "%2B")
            ),
            None,
        )
        .json();
    assert_eq!(gone["total"], 0);
    let again = c.v4("POST", "/accounts/1000001/phone-numbers", Some(body));
    assert_eq!(again.status, 422);
    assert!(again.json()["@error"]["fields"]["phone_number"].is_string());
    let id = b["id"].as_u64().unwrap();
    let put = c.v4(
        "PUT",
        &format!("/accounts/1000001/phone-numbers/{id}"),
        Some(json!({"name": "Renamed", "block_anonymous": true})),
    );
    assert_eq!(put.json()["name"], "Renamed");
    assert_eq!(put.json()["phone_number"], number.as_str());
    assert_eq!(
        c.v4("GET", "/accounts/1000001/phone-numbers", None).json()["total"],
        1
    );
    let ids = c
        .v4("GET", "/accounts/1000001/extensions/111/caller-ids", None)
        .json();
    assert_eq!(ids["items"][0]["number"], number.as_str());
}

#[test]
fn sms_calls_and_logs() {
    let sb = Sandbox::start().unwrap();
    let c = Client::new(&sb);
    let r = c.v4(
        "POST",
        "/accounts/1000001/sms",
        Some(json!({"from": "+18585550100", "to": "+16195550111", "text": "hi"})),
    );
    assert_eq!(r.status, 201);
    let s = r.json();
    assert_eq!(
        (s["direction"].as_str(), s["to"][0]["number"].as_str()),
        (Some("out"), Some("+16195550111"))
    );
    assert!(s["created_at"].is_string());
    let id = s["id"].as_str().unwrap();
    let p = c.v4(
        "PATCH",
        &format!("/accounts/1000001/sms/{id}"),
        Some(json!({"is_new": true})),
    );
    assert_eq!(p.json()["is_new"], true);
    let bad = c.v4(
        "POST",
        "/accounts/1000001/sms",
        Some(json!({"from": "8585550100"})),
    );
    assert_eq!(bad.status, 422);
    let ext = c.v4(
        "POST",
        "/accounts/1000001/extensions/111/sms",
        Some(json!({"from": "+18585550100", "to": ["+16195550112"], "text": "x"})),
    );
    assert_eq!(ext.status, 201);
    assert_eq!(
        c.v4("GET", "/accounts/1000001/extensions/111/sms", None)
            .json()["total"],
        1
    );
    assert_eq!(
        c.v4("GET", "/accounts/1000001/sms", None).json()["total"],
        2
    );
    assert_eq!(
        c.v4("GET", "/accounts/1000001/extensions/999/sms", None)
            .status,
        404
    );

    let call = c.v4(
        "POST",
        "/accounts/1000001/calls",
        Some(json!({"caller_extension": 111, "callee_phone_number": "+16195550111"})),
    );
    assert_eq!(call.status, 201);
    let logs = c.v4("GET", "/accounts/1000001/call-logs", None).json();
    assert_eq!(logs["total"], 1);
    let log_id = logs["items"][0]["id"].as_str().unwrap();
    assert_eq!(
        c.v4(
            "GET",
            &format!("/accounts/1000001/call-logs/{log_id}"),
            None
        )
        .json()["called_number"],
        "+16195550111"
    );
    assert_eq!(
        c.v4("POST", "/accounts/1000001/calls", Some(json!({})))
            .status,
        422
    );
}

#[test]
fn extensions_listeners_events_codes() {
    let sb = Sandbox::start().unwrap();
    let c = Client::new(&sb);
    let exts = c
        .v4("GET", "/accounts/1000001/extensions?fields=brief", None)
        .json();
    assert_eq!(exts["items"][0]["extension"], 111);
    let e = c.v4(
        "POST",
        "/accounts/1000001/extensions",
        Some(json!({"name": "Sales", "extension": 200})),
    );
    assert_eq!(e.status, 201);
    assert_eq!(
        c.v4(
            "POST",
            "/accounts/1000001/extensions",
            Some(json!({"extension": 200}))
        )
        .status,
        422
    );
    let eid = e.json()["id"].as_u64().unwrap();
    let put = c.v4(
        "PUT",
        &format!("/accounts/1000001/extensions/{eid}"),
        Some(json!({"name": "Sales 2", "extension": 201})),
    );
    assert_eq!(put.json()["extension"], 201);

    let l = c.v4("POST", "/accounts/1000001/listeners", Some(json!({"type": "callback", "event_type": "call.new", "callbacks": [{"url": "https://x"}]})));
    assert_eq!(l.status, 201);
    let lid = l.json()["id"].as_u64().unwrap();
    assert_eq!(
        c.v4(
            "DELETE",
            &format!("/accounts/1000001/listeners/{lid}"),
            None
        )
        .status,
        204
    );
    assert_eq!(
        c.v4("GET", &format!("/accounts/1000001/listeners/{lid}"), None)
            .status,
        404
    );
    assert_eq!(
        c.v4(
            "POST",
            "/accounts/1000001/listeners",
            Some(json!({"event_type": "nope"}))
        )
        .status,
        422
    );

    let types = c
        .v4("GET", "/accounts/1000001/integrations/events/types", None)
        .json();
    assert_eq!(types["total"], 6);
    let s = c.v4("POST", "/accounts/1000001/integrations/events/subscriptions", Some(json!({"event_type": "sms.in", "callback_url": "https://example.com/hook", "secret": "k"})));
    assert_eq!(s.status, 201);
    assert!(s.json().get("secret").is_none());
    let sid = s.json()["id"].as_u64().unwrap();
    assert_eq!(
        c.v4(
            "DELETE",
            &format!("/accounts/1000001/integrations/events/subscriptions/{sid}"),
            None
        )
        .status,
        204
    );

    let codes = c
        .v4("GET", "/accounts/1000001/express-service-codes", None)
        .json();
    let code = &codes["items"][0];
    assert_eq!(code["express_service_code"].as_str().unwrap().len(), 8);
    assert!(code["expire_date"].as_i64().unwrap() > 1_700_000_000);
}

#[test]
fn generic_crud_media_and_token_grants() {
    let sb = Sandbox::start().unwrap();
    let c = Client::new(&sb);
    let m = c.v4(
        "POST",
        "/accounts/1000001/menus",
        Some(json!({"name": "Main menu"})),
    );
    assert_eq!(m.status, 201);
    let id = m.json()["id"].as_u64().unwrap();
    let p = format!("/accounts/1000001/menus/{id}");
    assert_eq!(
        c.v4("PUT", &p, Some(json!({"name": "Menu 2"}))).json()["name"],
        "Menu 2"
    );
    assert_eq!(
        c.v4(
            "GET",
            "/accounts/1000001/menus?filters[name]=contains:2",
            None
        )
        .json()["total"],
        1
    );
    assert_eq!(c.v4("DELETE", &p, None).status, 204);
    assert_eq!(c.v4("GET", &p, None).status, 404);
    assert_eq!(
        c.v4("GET", "/accounts/1000001/extensions/4242/contacts", None)
            .status,
        404
    );
    let pm = c
        .v4(
            "POST",
            "/accounts/1000001/payment-methods",
            Some(json!({"nickname": "card", "cc_token": "tok"})),
        )
        .json();
    assert!(
        pm.get("cc_token").is_none(),
        "the card token is never shown back"
    );
    let pm = c
        .v4(
            "PATCH",
            &format!("/accounts/1000001/payment-methods/{}", pm["id"]),
            Some(json!({"status": "inactive"})),
        )
        .json();
    assert_eq!(
        (pm["status"].as_str(), pm["nickname"].as_str()),
        (Some("inactive"), Some("card"))
    );

    let body = "--B\r\nContent-Disposition: form-data; name=\"json\"\r\n\r\n{\"name\":\"Hold\",\"type\":\"hold_music\"}\r\n--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\nContent-Type: audio/wav\r\n\r\nRIFF1234\r\n--B--\r\n";
    let auth = format!("Bearer {}", c.token);
    let r = c
        .raw(
            "POST",
            "/v4/accounts/1000001/media/files",
            &[
                ("Authorization", &auth),
                ("Content-Type", "multipart/form-data; boundary=B"),
            ],
            body.as_bytes(),
        )
        .unwrap();
    assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
    assert_eq!(
        (r.json()["name"].as_str(), r.json()["size"].as_u64()),
        (Some("Hold"), Some(8))
    );
    assert_eq!(
        c.v4("GET", "/accounts/1000001/media", None).json()["total"],
        1
    );

    let cfg = sb.config();
    let form = format!(
        "grant_type=client_credentials&client_id={}&client_secret={}",
        cfg["oauth"]["client_id"].as_str().unwrap(),
        c.token
    );
    let r = c
        .raw(
            "POST",
            "/v4/oauth/access-token",
            &[("Content-Type", "application/x-www-form-urlencoded")],
            form.as_bytes(),
        )
        .unwrap();
    assert_eq!(r.status, 201);
    let t = r.json();
    assert_eq!(t["token_type"], "Bearer");
    assert_eq!(
        c.v4_as(
            t["access_token"].as_str().unwrap(),
            "GET",
            "/accounts/1000001",
            None
        )
        .status,
        200
    );
    let refresh = format!(
        "grant_type=refresh_token&refresh_token={}",
        t["refresh_token"].as_str().unwrap()
    );
    let r = c
        .raw(
            "POST",
            "/v4/oauth/access-token",
            &[("Content-Type", "application/x-www-form-urlencoded")],
            refresh.as_bytes(),
        )
        .unwrap();
    assert_eq!(r.status, 201);
    let r = c
        .raw(
            "POST",
            "/v4/oauth/access-token",
            &[("Content-Type", "application/x-www-form-urlencoded")],
            refresh.as_bytes(),
        )
        .unwrap();
    assert_eq!(
        (r.status, r.json()["error"].as_str()),
        (401, Some("invalid_grant"))
    );
    let r = c
        .raw(
            "POST",
            "/v4/oauth/access-token",
            &[],
            br#"{"grant_type":"client_credentials","client_id":"x","client_secret":"y"}"#,
        )
        .unwrap();
    assert_eq!(
        (r.status, r.json()["error"].as_str()),
        (401, Some("invalid_client"))
    );
}

/// Payment methods, as Express Sign-Up with Phone.com billing adds one to a new subaccount: a
/// create needs the card token, which is never shown back; the account's first card is primary,
/// later ones on file; a bad status is a 422 naming the field.
#[test]
fn payment_methods_need_a_card_token_and_the_first_is_primary() {
    let sb = Sandbox::start().unwrap();
    let c = Client::new(&sb);
    let path = "/accounts/1000001/payment-methods";
    let r = c.v4("POST", path, Some(json!({"nickname": "card"})));
    assert_eq!(r.status, 422);
    assert!(
        String::from_utf8_lossy(&r.body).contains("cc_token"),
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    let first = c.v4("POST", path, Some(json!({"cc_token": "tok_1"})));
    assert_eq!(first.status, 201);
    let first = first.json();
    assert_eq!(
        (
            first["status"].as_str(),
            first["type"].as_str(),
            first["voip_id"].as_u64()
        ),
        (Some("primary"), Some("cc"), Some(1000001))
    );
    assert!(!first.to_string().contains("tok_1"), "{first}");
    let second = c
        .v4("POST", path, Some(json!({"cc_token": "tok_2"})))
        .json();
    assert_eq!(second["status"], "onfile");
    let bad = c.v4(
        "POST",
        path,
        Some(json!({"cc_token": "t", "status": "gold"})),
    );
    assert_eq!(bad.status, 422);
    assert!(
        String::from_utf8_lossy(&bad.body).contains("status"),
        "{}",
        String::from_utf8_lossy(&bad.body)
    );
    let list = c.v4("GET", path, None).json();
    assert_eq!(list["total"], 2);
    assert!(!list.to_string().contains("tok_"), "{list}");
}

/// Text-to-speech media flags travel as the swagger's description says: 'Y' or 'N'.
#[test]
fn media_tts_flags_are_y_or_n() {
    let sb = Sandbox::start().unwrap();
    let c = Client::new(&sb);
    let path = "/accounts/1000001/media/tts";
    let ok = c.v4(
        "POST",
        path,
        Some(json!({"name": "Hi", "tts_text": "Hello", "is_temparary": "Y", "randomized": "N"})),
    );
    assert_eq!(ok.status, 201, "{}", String::from_utf8_lossy(&ok.body));
    assert_eq!(ok.json()["is_temparary"], "Y");
    for (flag, value) in [("is_temparary", json!(true)), ("randomized", json!("yes"))] {
        let r = c.v4(
            "POST",
            path,
            Some(json!({"name": "Hi", "tts_text": "Hello", flag: value})),
        );
        assert_eq!(
            r.status,
            422,
            "{flag}: {}",
            String::from_utf8_lossy(&r.body)
        );
        assert!(
            String::from_utf8_lossy(&r.body).contains(flag),
            "{}",
            String::from_utf8_lossy(&r.body)
        );
    }
}
