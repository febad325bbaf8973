//! v4 on the wire against the sandbox (and, where the sandbox cannot misbehave that way, a canned
//! HTTP server on loopback): array query parameters, redirects, page-size caps, 429 bodies,
//! decode errors' metadata, unknown outcomes of POSTs, nested 422 fields.

mod common;

use phonecom::v4::{ListQuery, SortDir};
use phonecom::{CallOptions, ErrorKind};
use serde_json::{json, Value};
use std::collections::HashSet;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::time::{Duration, Instant};

/// A loopback HTTP server that answers every request with `status`, `headers` and `body`, and
/// closes the connection. Returns its base URL (`http://127.0.0.1:PORT/v4`).
fn canned(
    status: u16,
    headers: &'static [(&'static str, &'static str)],
    body: &'static str,
) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/v4", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut length = 0usize;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                if let Some((k, v)) = line.split_once(':') {
                    if k.eq_ignore_ascii_case("content-length") {
                        length = v.trim().parse().unwrap_or(0);
                    }
                }
            }
            let mut sink = vec![0u8; length];
            let _ = reader.read_exact(&mut sink);
            let mut head = format!(
                "HTTP/1.1 {status} Canned\r\nContent-Length: {}\r\nConnection: close\r\n",
                body.len()
            );
            for (k, v) in headers {
                head.push_str(&format!("{k}: {v}\r\n"));
            }
            head.push_str("\r\n");
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(body.as_bytes());
        }
    });
    url
}

#[test]
fn group_by_travels_as_one_comma_separated_value() {
    let env = common::start();
    env.clear_requests();
    let v = env
        .client
        .call(
            "v4.list-available-phone-number-regions",
            json!({"group_by": ["npa", "city"], "limit": 5}),
        )
        .unwrap();
    assert_eq!(
        v["group_by"],
        json!(["npa", "city"]),
        "the sandbox grouped by both"
    );
    let sent = env.requests();
    let r = sent
        .iter()
        .find(|r| r["path"] == "/v4/phone-numbers/available/regions")
        .expect("the regions request was recorded");
    assert_eq!(
        r["query"]["group_by"], "npa,city",
        "csv, as Swagger 2 means without collectionFormat"
    );
    assert!(r["query"].get("group_by[]").is_none());
}

#[test]
fn a_redirect_is_an_error_except_for_the_authorization_endpoint() {
    let url = canned(
        302,
        &[(
            "Location",
            "https://login.example/cb?code=SECRETCODE1&state=x",
        )],
        "",
    );
    let env = common::start_with(|c| c["v4"]["base_url"] = json!(url));
    for (op, params) in [
        ("v4.list-accounts", json!({})),
        ("v4.get-account", json!({})),
        (
            "v4.create-account-sms",
            json!({"from": "+18585550100", "to": "+16195550101", "text": "hi"}),
        ),
    ] {
        let e = env.client.call(op, params).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Decode, "{op}: {e}");
        assert_eq!(e.status(), Some(302), "{op}");
        assert!(!e.is_retryable(), "{op}");
        assert!(
            e.message()
                .contains("unexpected redirect to https://login.example/cb?***"),
            "{op}: {e}"
        );
        assert!(
            !e.to_string().contains("SECRETCODE1"),
            "the location is masked: {e}"
        );
    }

    // The authorization endpoint's documented answer is the 302 itself (against the sandbox).
    let env = common::start();
    let client_id = env.config["oauth"]["client_id"]
        .as_str()
        .unwrap()
        .to_string();
    let v = env
        .client
        .call(
            "v4.create-oauth-authorization",
            json!({"client_id": client_id, "response_type": "code", "scope": "account-owner", "redirect_uri": "https://express.phone.com"}),
        )
        .unwrap();
    assert_eq!(v["status"], 302);
    assert!(v["location"].as_str().unwrap().contains("code="), "{v}");
}

#[test]
fn a_page_size_cap_does_not_truncate_the_walk() {
    let env = common::start();
    let params = json!({"filters": {"npa": "eq:858"}, "limit": 50});
    let total = env
        .client
        .call(
            "v4.list-available-phone-numbers",
            json!({"filters": {"npa": "eq:858"}, "limit": 1}),
        )
        .unwrap()["total"]
        .as_u64()
        .unwrap();
    assert!(
        total > 50,
        "the filter leaves several capped pages ({total})"
    );
    let walk = |expect_pages: u64| {
        let mut items = env
            .client
            .items::<Value>("v4.list-available-phone-numbers", params.clone())
            .unwrap();
        let mut seen = HashSet::new();
        for row in items.by_ref() {
            let n = row.unwrap()["phone_number"].as_str().unwrap().to_string();
            assert!(seen.insert(n.clone()), "{n} arrived twice");
        }
        assert_eq!(seen.len() as u64, total, "every row arrives");
        assert_eq!(items.pages_fetched(), expect_pages);
        seen
    };
    env.admin("POST", "/v4/lists", Some(json!({"max_limit": 7})));
    let mut pages = env
        .client
        .pages("v4.list-available-phone-numbers", params.clone())
        .unwrap();
    let first = pages.next_page().unwrap().unwrap();
    assert_eq!(
        (first.items.len(), first.limit),
        (7, 7),
        "the server served its own page size"
    );
    // With `total`, the walk goes on until offset reaches it.
    let with_total = walk(total.div_ceil(7));
    // Without `total`, it goes on while pages are as long as the envelope's own `limit`.
    env.admin("POST", "/v4/lists", Some(json!({"total": false})));
    let without = walk(total / 7 + 1);
    assert_eq!(with_total, without);
}

#[test]
fn retry_after_in_the_429_body_is_honoured_without_the_header() {
    let env = common::start();
    env.fault(
        "GET",
        "/v4/ping",
        "status=429;retry_after=1;code=body_only",
        1,
    );
    let started = Instant::now();
    let resp = env
        .client
        .call_with("v4.ping", Value::Null, &CallOptions::default())
        .unwrap();
    assert_eq!(resp.attempts, 2);
    assert_eq!(env.count("GET", "/v4/ping"), 2);
    assert!(
        started.elapsed() >= Duration::from_millis(950),
        "waited the body's Retry-After, not the 5 ms backoff ({:?})",
        started.elapsed()
    );

    env.fault(
        "GET",
        "/v4/ping",
        "status=429;retry_after=4;code=body_only",
        1,
    );
    let e = env
        .client
        .call_with(
            "v4.ping",
            Value::Null,
            &CallOptions {
                max_attempts: Some(1),
                ..Default::default()
            },
        )
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::RateLimited);
    assert_eq!(
        (e.retry_after(), e.attempts()),
        (Some(Duration::from_secs(4)), 1)
    );
}

#[test]
fn decode_errors_keep_the_status_and_request_id() {
    let url = canned(
        200,
        &[
            ("Content-Type", "application/json"),
            ("X-Request-Id", "upstream-42"),
        ],
        r#"{"id":"not-a-number","total":1,"offset":0,"limit":100,"items":[{"id":"not-a-number"}]}"#,
    );
    let env = common::start_with(|c| c["v4"]["base_url"] = json!(url));
    let v4 = env.client.v4();
    let check = |e: phonecom::Error, what: &str| {
        assert_eq!(e.kind(), ErrorKind::Decode, "{what}: {e}");
        assert_eq!(e.status(), Some(200), "{what}");
        assert_eq!(e.request_id(), Some("upstream-42"), "{what}");
        assert!(!e.is_retryable(), "{what}");
    };
    check(v4.account().unwrap_err(), "typed call");
    check(v4.subaccounts(&ListQuery::new()).unwrap_err(), "one page");
    let row = v4
        .iter_subaccounts(&ListQuery::new())
        .unwrap()
        .next()
        .unwrap();
    check(row.unwrap_err(), "lazy rows");
}

#[test]
fn an_unknown_outcome_of_a_post_is_not_called_retryable() {
    let env = common::start();
    let path = format!("/v4/accounts/{}/sms", env.account_id());
    let body = json!({"from": "+18585550100", "to": "+16195550101", "text": "hi"});
    for spec in ["status=500", "status=409"] {
        env.clear_requests();
        env.fault("POST", &path, spec, 3);
        let e = env
            .client
            .call("v4.create-account-sms", body.clone())
            .unwrap_err();
        assert_eq!((env.count("POST", &path), e.attempts()), (1, 1), "{spec}");
        assert!(
            !e.is_retryable(),
            "{spec}: the policy did not retry it: {e}"
        );
        assert!(
            e.message().contains("may have been processed"),
            "{spec}: {e}"
        );
        env.admin("DELETE", "/faults", None);
    }
    // An idempotent request with the same status was retried, and stays retryable.
    env.clear_requests();
    env.fault("GET", &path, "status=500", 3);
    let e = env
        .client
        .call("v4.list-account-sms", json!({}))
        .unwrap_err();
    assert_eq!((env.count("GET", &path), e.attempts()), (3, 3));
    assert!(e.is_retryable());
}

#[test]
fn nested_422_fields_become_dotted_paths() {
    let env = common::start();
    let mut contact = common::contact();
    contact["address"]["country"] = json!("USA");
    let e = env
        .client
        .call(
            "v4.create-account-subaccount",
            json!({"username": "nested-fields", "password": "s3cret-pass", "contact": contact}),
        )
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Validation);
    let fields: Vec<&str> = e.fields().iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["contact.address.country"], "{e}");
    assert!(e.fields()[0].message.contains("two-letter"), "{e}");
}

#[test]
fn sort_desc_and_brief_fields_reach_the_server() {
    let env = common::start();
    let v4 = env.client.v4();
    let page = v4
        .available_numbers(
            &ListQuery::new()
                .filter("npa", phonecom::v4::Filter::eq(858))
                .sort("phone_number", SortDir::Desc)
                .limit(20),
        )
        .unwrap();
    let numbers: Vec<&str> = page.items.iter().map(|n| n.phone_number.as_str()).collect();
    let mut sorted = numbers.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(numbers, sorted, "descending");
    assert_eq!(numbers.len(), 20);

    let brief = env
        .client
        .call(
            "v4.list-available-phone-numbers",
            json!({"fields": "brief", "limit": 3}),
        )
        .unwrap();
    let row = brief["items"][0].as_object().unwrap();
    assert!(row.contains_key("phone_number"));
    assert!(
        !row.contains_key("price") && !row.contains_key("city"),
        "{row:?}"
    );
    let sent = env.requests();
    let last = sent.last().unwrap();
    assert_eq!(last["query"]["fields"], "brief");
}
