//! REST v4 against the sandbox over real HTTP: every resource group, lists with every filter
//! operator, paging to the end, and every catalog operation reaching a real handler.

mod common;

use phonecom::v4::{Filter, ListQuery, Price, PurchaseNumber, SendSms, SortDir};
use phonecom::ErrorKind;
use serde_json::{json, Value};

#[test]
fn account_and_subaccounts() {
    let env = common::start();
    let account = env.client.v4().account().unwrap();
    assert_eq!(account.id, env.account_id());

    let created = env
        .client
        .call(
            "v4.create-account-subaccount",
            json!({"username": "acme-1", "password": "pw-123456789", "contact": common::contact()}),
        )
        .unwrap();
    assert_eq!(created["username"], "acme-1");
    assert_ne!(
        created["password"], "pw-123456789",
        "the password is masked in responses"
    );

    let dup = env
        .client
        .call(
            "v4.create-account-subaccount",
            json!({"username": "acme-1", "password": "pw-123456789"}),
        )
        .unwrap_err();
    assert_eq!(dup.kind(), ErrorKind::Validation);
    assert_eq!(dup.status(), Some(422));
    assert!(dup.fields().iter().any(|f| f.field == "username"), "{dup}");

    let id = created["id"].as_u64().unwrap();
    let got = env
        .client
        .call("v4.get-account", json!({"account_id": id}))
        .unwrap();
    assert_eq!(got["username"], "acme-1");
    let subs: Vec<_> = env
        .client
        .v4()
        .iter_subaccounts(&ListQuery::new())
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(subs.iter().any(|a| a.username.as_deref() == Some("acme-1")));
}

#[test]
fn available_numbers_filters_sort_and_price() {
    let env = common::start();
    let q = ListQuery::new()
        .filter("npa", Filter::eq(858))
        .filter("price", Filter::lt(149))
        .sort("price", SortDir::Asc)
        .limit(50);
    let page = env.client.v4().available_numbers(&q).unwrap();
    assert!(
        !page.items.is_empty(),
        "the seeded inventory has 858 numbers under $149"
    );
    let prices: Vec<i64> = page
        .items
        .iter()
        .map(|n| n.price.usd().expect("lt excludes REQUEST_QUOTE"))
        .collect();
    assert!(
        prices.windows(2).all(|w| w[0] <= w[1]),
        "sorted ascending: {prices:?}"
    );
    assert!(prices.iter().all(|p| *p < 149));
    assert!(page.items.iter().all(|n| n.npa.as_deref() == Some("858")));

    let quotes = env
        .client
        .v4()
        .iter_available_numbers(&ListQuery::new().limit(500))
        .unwrap()
        .filter_map(Result::ok)
        .any(|n| n.price == Price::RequestQuote);
    assert!(quotes, "some numbers are REQUEST_QUOTE");
}

/// Each operator narrows the inventory the way its name says.
#[test]
fn every_filter_operator() {
    let env = common::start();
    let rows = |filters: Value| -> Vec<Value> {
        env.client
            .items::<Value>(
                "v4.list-available-phone-numbers",
                json!({"filters": filters, "limit": 500}),
            )
            .unwrap()
            .collect::<Result<Vec<_>, _>>()
            .unwrap()
    };
    let npa = |r: &Value| r["npa"].as_str().unwrap_or_default().to_string();
    let all = rows(json!({}));
    assert!(all.len() > 500, "inventory spans several pages");
    let eq = rows(json!({"npa": "eq:858"}));
    assert!(!eq.is_empty() && eq.iter().all(|r| npa(r) == "858"));
    let ne = rows(json!({"npa": "ne:858"}));
    assert_eq!(eq.len() + ne.len(), all.len());
    let num = |r: &Value| r["price"].as_i64();
    assert!(rows(json!({"price": "lt:20"}))
        .iter()
        .all(|r| num(r).unwrap() < 20));
    assert!(rows(json!({"price": "gt:200"}))
        .iter()
        .all(|r| num(r).unwrap() > 200));
    assert!(rows(json!({"price": "lte:20"}))
        .iter()
        .all(|r| num(r).unwrap() <= 20));
    assert!(rows(json!({"price": "gte:200"}))
        .iter()
        .all(|r| num(r).unwrap() >= 200));
    let between = rows(json!({"price": "between:10,20"}));
    assert!(!between.is_empty() && between.iter().all(|r| (10..=20).contains(&num(r).unwrap())));
    let not_between = rows(json!({"price": "not-between:10,20"}));
    assert!(not_between
        .iter()
        .all(|r| num(r).is_none_or(|p| !(10..=20).contains(&p))));
    assert!(rows(json!({"phone_number": "starts-with:+1858"}))
        .iter()
        .all(|r| r["phone_number"].as_str().unwrap().starts_with("+1858")));
    let ends = rows(json!({"xxxx": "ends-with:7"}));
    assert!(
        !ends.is_empty()
            && ends
                .iter()
                .all(|r| r["xxxx"].as_str().unwrap().ends_with('7'))
    );
    let contains = rows(json!({"city": "contains:San"}));
    assert!(
        !contains.is_empty()
            && contains
                .iter()
                .all(|r| r["city"].as_str().unwrap().contains("San"))
    );
    assert!(rows(json!({"city": "not-contains:San"}))
        .iter()
        .all(|r| !r["city"].as_str().unwrap_or("").contains("San")));
    assert!(rows(json!({"phone_number": "not-starts-with:+1"}))
        .iter()
        .all(|r| !r["phone_number"].as_str().unwrap().starts_with("+1")));
    assert!(rows(json!({"xxxx": "not-ends-with:7"}))
        .iter()
        .all(|r| !r["xxxx"].as_str().unwrap_or("").ends_with('7')));
    let in_ = rows(json!({"npa": "in:858,619"}));
    assert!(
        !in_.is_empty()
            && in_
                .iter()
                .all(|r| ["858", "619"].contains(&npa(r).as_str()))
    );
    assert!(rows(json!({"npa": "not-in:858,619"}))
        .iter()
        .all(|r| !["858", "619"].contains(&npa(r).as_str())));
    let empty = rows(json!({"city": "empty"}));
    let not_empty = rows(json!({"city": "not-empty"}));
    assert_eq!(empty.len() + not_empty.len(), all.len());
    // Repeated conditions on one field must all hold.
    let both = rows(json!({"price": ["gte:10", "lte:20"]}));
    assert_eq!(both.len(), between.len());
}

#[test]
fn paging_walks_to_the_end_exactly_once() {
    let env = common::start();
    let total = env
        .client
        .call("v4.list-available-phone-numbers", json!({"limit": 1}))
        .unwrap()["total"]
        .as_u64()
        .unwrap();
    let mut items = env
        .client
        .items::<Value>("v4.list-available-phone-numbers", json!({"limit": 137}))
        .unwrap();
    let mut seen = std::collections::HashSet::new();
    for row in items.by_ref() {
        assert!(
            seen.insert(row.unwrap()["phone_number"].as_str().unwrap().to_string()),
            "no row twice"
        );
    }
    assert_eq!(seen.len() as u64, total);
    assert_eq!(items.pages_fetched(), total.div_ceil(137));

    // Lazy: taking 3 rows fetches one page only.
    let mut lazy = env
        .client
        .items::<Value>("v4.list-available-phone-numbers", json!({"limit": 10}))
        .unwrap();
    let _ = lazy.by_ref().take(3).count();
    assert_eq!(lazy.pages_fetched(), 1);
}

#[test]
fn buying_moves_a_number_from_inventory_to_the_account() {
    let env = common::start();
    let v4 = env.client.v4();
    let cheapest = v4
        .available_numbers(
            &ListQuery::new()
                .filter("npa", Filter::eq(858))
                .filter("price", Filter::lt(149))
                .sort("price", SortDir::Asc)
                .limit(1),
        )
        .unwrap()
        .items
        .remove(0);
    let bought = v4
        .buy_number(&PurchaseNumber {
            phone_number: cheapest.phone_number.clone(),
            name: Some("Main".into()),
            block_anonymous: Some(true),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(bought.phone_number, cheapest.phone_number);
    let still = v4
        .available_numbers(
            &ListQuery::new().filter("phone_number", Filter::eq(&cheapest.phone_number)),
        )
        .unwrap();
    assert!(still.items.is_empty(), "bought numbers leave the inventory");
    let mine: Vec<_> = v4
        .iter_phone_numbers(&ListQuery::new())
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(mine.iter().any(|n| n.phone_number == cheapest.phone_number));
    // What went over the wire: phone_number as an E.164 string, block_* as booleans.
    let post = env
        .requests()
        .into_iter()
        .rev()
        .find(|r| r["method"] == "POST" && r["path"].as_str().unwrap().ends_with("/phone-numbers"))
        .unwrap();
    assert_eq!(post["body"]["phone_number"], json!(cheapest.phone_number));
    assert_eq!(post["body"]["block_anonymous"], json!(true));
}

#[test]
fn sms_calls_logs_extensions_listeners_and_service_codes() {
    let env = common::start();
    let v4 = env.client.v4();
    let sms = v4
        .send_sms(&SendSms {
            from: "+18585550100".into(),
            to: "+16195550101".into(),
            text: "hello".into(),
            extension_id: None,
        })
        .unwrap();
    let listed: Vec<_> = v4
        .iter_sms(&ListQuery::new())
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(listed.iter().any(|m| m.id == sms.id));
    let e = v4
        .send_sms(&SendSms {
            from: "+18585550100".into(),
            to: "6195550101".into(),
            text: "x".into(),
            extension_id: None,
        })
        .unwrap_err();
    assert!(
        e.fields().iter().any(|f| f.field == "to"),
        "E.164 checked before sending: {e}"
    );

    env.client
        .call(
            "v4.create-account-call",
            json!({"caller_phone_number": "+18585550100", "callee_phone_number": "+16195550101"}),
        )
        .unwrap();
    let logs: Vec<_> = v4
        .iter_call_logs(&ListQuery::new())
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(!logs.is_empty(), "a call leaves a call log");

    let exts: Vec<_> = v4
        .iter_extensions(&ListQuery::new())
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(!exts.is_empty());
    assert_eq!(v4.extension(exts[0].id).unwrap().id, exts[0].id);

    let listener = v4
        .create_listener(&phonecom::v4::CreateListener {
            kind: "callback".into(),
            event_type: "call.new".into(),
            callbacks: vec![
                json!({"role": "main", "verb": "POST", "url": "https://portal.example/hook"}),
            ],
        })
        .unwrap();
    assert!(v4
        .iter_listeners(&ListQuery::new())
        .unwrap()
        .any(|l| l.unwrap().id == listener.id));

    let codes = v4.express_service_codes().unwrap();
    assert!(!codes.is_empty());
    let code = v4.express_service_code(codes[0].id).unwrap();
    assert_eq!(code.express_service_code.len(), 8);
    assert!(code
        .express_service_code
        .bytes()
        .all(|b| b.is_ascii_digit()));
}

/// Every v4 catalog operation reaches a real handler: lists answer with the envelope, creates
/// answer 201, and item operations on an id that does not exist answer 404 in `@error` shape.
#[test]
fn every_v4_operation_is_callable() {
    let env = common::start();
    let ext = env
        .client
        .v4()
        .iter_extensions(&ListQuery::new())
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .id;
    let sub = env
        .client
        .call(
            "v4.create-account-subaccount",
            json!({"username": "smoke-1", "password": "pw-123456789"}),
        )
        .unwrap()["id"]
        .as_u64()
        .unwrap();
    let mut checked = 0;
    for op in phonecom::catalog().family("v4") {
        let mut params = serde_json::Map::new();
        let mut item = false;
        for p in &op.params {
            if p.location != phonecom::catalog::Location::Path {
                continue;
            }
            let v = match p.name.as_str() {
                "account_id" => json!(env.account_id()),
                "extension_id" => json!(ext),
                "subaccount_id" => json!(sub),
                _ => {
                    item = true;
                    json!(987_654)
                }
            };
            params.insert(p.name.clone(), v);
        }
        for p in op
            .params
            .iter()
            .filter(|p| p.required && p.location != phonecom::catalog::Location::Path)
        {
            let v = match (p.name.as_str(), p.ty) {
                (_, phonecom::catalog::ParamType::Integer) => json!(1),
                (_, phonecom::catalog::ParamType::Boolean) => json!(false),
                (_, phonecom::catalog::ParamType::Object) => json!({}),
                (_, phonecom::catalog::ParamType::Array) => json!([]),
                ("phone_number" | "from" | "to", _) => json!("+18585550199"),
                ("callback_url", _) => json!("https://portal.example/events"),
                ("client_id", _) => env.config["oauth"]["client_id"].clone(),
                ("redirect_uri", _) => json!("https://express.phone.com"),
                ("response_type", _) => json!("token"),
                ("scope", _) => json!("account-owner"),
                ("event_type", _) => json!("call.new"),
                (name, _) => json!(format!("test-{name}-{checked}")),
            };
            params.insert(p.name.clone(), v);
        }
        let res = env.client.call(&op.name, Value::Object(params));
        match (&res, item) {
            (Err(e), true) => assert_eq!(e.kind(), ErrorKind::NotFound, "{}: {e}", op.name),
            (Err(e), false)
                if op.name == "v4.create-oauth-access-token"
                    || op.name == "v4.create-account-phone-number" =>
            {
                assert!(
                    matches!(
                        e.kind(),
                        ErrorKind::Authentication | ErrorKind::Validation | ErrorKind::NotFound
                    ),
                    "{}: {e}",
                    op.name
                )
            }
            // The handler itself refused the made-up body with a field error: it was reached.
            (Err(e), false) if e.status() == Some(422) && !e.fields().is_empty() => {}
            (Err(e), false) => panic!("{} failed: {e}", op.name),
            (Ok(v), true) => panic!("{}: an unknown id answered {v}", op.name),
            (Ok(v), false) if op.pageable => assert!(v["items"].is_array(), "{}: {v}", op.name),
            (Ok(_), false) => {}
        }
        checked += 1;
    }
    assert_eq!(checked, phonecom::catalog().family("v4").count());
    assert!(checked >= 113);
}

#[test]
fn media_files_upload_as_multipart() {
    let env = common::start();
    let created = env
        .client
        .call(
            "v4.create-account-media-files",
            json!({"json": "{\"name\":\"greeting\",\"type\":\"greeting\"}", "file": {"filename": "hello.wav", "content_type": "audio/wav", "content_base64": "UklGRiQAAABXQVZFZm10IA=="}}),
        )
        .unwrap();
    assert!(created["id"].is_number(), "{created}");
    let seen = env.requests().pop().unwrap();
    assert!(seen["headers"]["content-type"]
        .as_str()
        .unwrap()
        .starts_with("multipart/form-data; boundary="));

    let e = env
        .client
        .call(
            "v4.create-account-media-files",
            json!({"file": {"path": "/nonexistent/x.wav"}}),
        )
        .unwrap_err();
    assert!(e.fields().iter().any(|f| f.field == "file"), "{e}");
    let e = env
        .client
        .call(
            "v4.create-account-media-files",
            json!({"file": {"path": "/x", "content_base64": "AA=="}}),
        )
        .unwrap_err();
    assert!(e.to_string().contains("exactly one"), "{e}");
}

/// Every fetch of an express service code moves `expire_date` to the sandbox clock's now + 24 h,
/// so a later fetch (after the clock moved) gives a later expiry.
#[test]
fn express_service_code_expiry_moves_to_now_plus_a_day_on_each_fetch() {
    let env = common::start();
    let v4 = env.client.v4();
    let now = || env.admin("GET", "/clock", None)["now"].as_i64().unwrap();
    let expiry = |id| {
        v4.express_service_code(id)
            .unwrap()
            .expire_date
            .unwrap()
            .as_i64()
            .unwrap()
    };
    let id = v4.express_service_codes().unwrap()[0].id;
    let before = now();
    let first = expiry(id);
    let after = now();
    assert!(
        (before + 86_400..=after + 86_400).contains(&first),
        "now + 24 h: {first} vs clock {before}..{after}"
    );
    env.admin("POST", "/clock", Some(json!({"advance_s": 3600})));
    let before = now();
    let second = expiry(id);
    assert!(
        second >= before + 86_400 && second <= now() + 86_400,
        "{second}"
    );
    assert!(
        second - first >= 3600,
        "the expiry moved with the clock: {first} -> {second}"
    );
    // The list fetch moves it too.
    env.admin("POST", "/clock", Some(json!({"advance_s": 60})));
    let listed = v4.express_service_codes().unwrap();
    let third = listed[0].expire_date.as_ref().unwrap().as_i64().unwrap();
    assert!(third - second >= 60, "{second} -> {third}");
}
