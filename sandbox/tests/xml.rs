//! The XML API over real TCP: envelope, auth, every action's inputs, the windowed call list,
//! search and reservation (with time travel), settings, SMS, ChatCalls, faults and reset.

mod common;

use common::xml::{attr, blocks, encode, tag, well_formed, Xml};
use phonecom_sandbox::{Options, Sandbox};
use serde_json::json;
use std::collections::BTreeSet;

fn sandbox() -> (Sandbox, Xml) {
    let sb = Sandbox::start().unwrap();
    let x = Xml::new(&sb);
    (sb, x)
}

#[test]
fn envelope_get_post_and_unique_svtrids() {
    let (_sb, x) = sandbox();
    let a = x.get("getVoiceList", &[("clTRID", "1234")]).expect_ok();
    assert_eq!(a.resp.status, 200);
    assert_eq!(
        a.resp.header("Content-Type"),
        Some("text/xml; charset=UTF-8")
    );
    assert!(well_formed(&a.text), "{}", a.text);
    assert!(a.text.starts_with("<response>\n  <resultData>\n    <voice-list>\n      <voice id=\"141\">\n        <name>Dubya</name>"), "{}", a.text);
    assert_eq!(a.msg(), "Command completed successfully");
    assert_eq!(a.tag("clTRID").as_deref(), Some("1234"));
    let date = a.tag("resultDate").unwrap();
    assert!(
        date.len() == 25 && date.ends_with(".0000Z") && &date[10..11] == "T",
        "{date}"
    );
    let b = x.post("getVoiceList", &[]).expect_ok();
    assert_eq!(
        b.tag("clTRID").as_deref(),
        Some(""),
        "empty <clTRID/> without one"
    );
    assert!(b.text.contains("<clTRID/>"));
    let ids: BTreeSet<String> = (0..20)
        .map(|_| x.post("getSoundList", &[]).tag("svTRID").unwrap())
        .chain([a.tag("svTRID").unwrap(), b.tag("svTRID").unwrap()])
        .collect();
    assert_eq!(ids.len(), 22);
    assert!(ids
        .iter()
        .all(|i| i.len() == 20 && i.bytes().all(|c| c.is_ascii_digit())));
    // Element order as in the document: resultData, result, trID.
    let (rd, res, tr) = (
        a.text.find("<resultData>").unwrap(),
        a.text.find("<result ").unwrap(),
        a.text.find("<trID>").unwrap(),
    );
    assert!(rd < res && res < tr);
    // Sounds, as a list of <sound id>.
    let s = x.post("getSoundList", &[]).expect_ok();
    assert!(s.all("sound").len() >= 5 && s.text.contains("<name>laugh</name>"));
}

#[test]
fn authentication_and_unknown_actions() {
    let (_sb, x) = sandbox();
    let a = x.post_as(
        "sandbox",
        "wrong",
        "getPhoneNumberList",
        &[("clTRID", "c-1")],
    );
    assert_eq!(a.resp.status, 200);
    a.expect_error("Authentication failed");
    assert_eq!(a.tag("clTRID").as_deref(), Some("c-1"));
    assert!(a.tag("resultData").is_none() && well_formed(&a.text));
    x.post_as("nobody", &x.password, "getPhoneNumberList", &[])
        .expect_error("invalid username or password");
    x.raw_post("action=getPhoneNumberList", &[])
        .expect_error("username and password are required");
    x.post("", &[])
        .expect_error("Missing required parameter: action");
    x.post("dropTables", &[])
        .expect_error("Unknown action `dropTables`");
    // Bad credentials win over a bad action.
    x.post_as("sandbox", "x", "dropTables", &[])
        .expect_error("Authentication failed");
    // Other methods and paths.
    let r = x.c.raw("PUT", "/special/xmlapi", &[], b"").unwrap();
    assert_eq!(r.status, 405);
    let r = x.c.raw("GET", "/special/xmlapi/other", &[], b"").unwrap();
    assert_eq!(r.status, 404);
    assert!(String::from_utf8_lossy(&r.body).contains("<result status=\"error\">"));
}

#[test]
fn secrets_are_masked_in_the_request_log() {
    let (_sb, x) = sandbox();
    x.c.admin("DELETE", "/requests", None);
    x.get("getPhoneNumberList", &[]).expect_ok();
    x.post(
        "createAccount",
        &[
            ("newUsername", "masked1"),
            ("newPassword", "Sup3rSecret"),
            ("name", "A"),
            ("address", "1 A St"),
            ("city", "Paris"),
            ("country", "FR"),
            ("phone", "+33142000000"),
            ("email", "a@example.com"),
        ],
    )
    .expect_ok();
    let log = x.c.admin("GET", "/requests", None).json();
    let text = log.to_string();
    assert!(
        !text.contains(&x.password) && !text.contains("Sup3rSecret"),
        "{text}"
    );
    let reqs = log["requests"].as_array().unwrap();
    assert_eq!(reqs[0]["query"]["password"], "***");
    assert_eq!(reqs[0]["query"]["username"], "sandbox");
    assert_eq!(reqs[1]["body"]["password"], "***");
    assert_eq!(reqs[1]["body"]["newPassword"], "***");
    assert_eq!(reqs[1]["body"]["newUsername"], "masked1");
}

#[test]
fn every_action_checks_its_required_inputs() {
    let (_sb, x) = sandbox();
    let cases: &[(&str, &[&str])] = &[
        (
            "createAccount",
            &[
                "newUsername",
                "newPassword",
                "name",
                "address",
                "city",
                "country",
                "phone",
                "email",
            ],
        ),
        ("cancelAccount", &["accountUsername"]),
        ("originateCall", &["legAPhoneNumber", "legBPhoneNumber"]),
        (
            "updateCallHandlingSimpleRingAll",
            &["phoneNumber", "destination1"],
        ),
        ("updateExtensionNotification", &["extension"]),
        ("sendSMS", &["fromNumber", "toNumber", "message"]),
        ("getPhoneNumberPrefixList", &["countryCode"]),
        ("getPhoneNumberStateList", &["countryCode"]),
        ("getPhoneNumberRegionList", &["countryCode"]),
        ("getPhoneNumberLocalityList", &["countryCode"]),
        ("getPhoneNumberInventory", &["countryCode"]),
        ("getPhoneNumberPortingEligibility", &["phoneNumber"]),
        ("addPhoneNumber", &["phoneNumber"]),
        ("reservePhoneNumber", &["phoneNumber"]),
        ("unreservePhoneNumber", &["phoneNumber"]),
        ("previewChatCall", &["message"]),
        (
            "sendChatCall",
            &["fromName", "fromEmail", "message", "toName", "toNumber"],
        ),
        ("getChatCallStatus", &["ChatCallID"]),
    ];
    for (action, required) in cases {
        let a = x.post(action, &[]);
        a.expect_error("Missing required parameter");
        for r in *required {
            assert!(
                a.msg().contains(r),
                "{action}: {r} not named in `{}`",
                a.msg()
            );
        }
    }
    // Empty values count as missing.
    x.post("addPhoneNumber", &[("phoneNumber", "")])
        .expect_error("Missing required parameter: phoneNumber");
    // "one of prefix or state".
    x.post("getPhoneNumberRegionList", &[("countryCode", "1")])
        .expect_error("one of prefix or state");
    x.post("getPhoneNumberLocalityList", &[("countryCode", "1")])
        .expect_error("one of prefix or state");
    // Actions without required inputs answer ok.
    for action in [
        "getPhoneNumberList",
        "getCallList",
        "getPhoneNumberCountryList",
        "getVoiceList",
        "getSoundList",
    ] {
        x.post(action, &[]).expect_ok();
    }
}

#[test]
fn accounts_are_created_used_and_cancelled() {
    let (_sb, x) = sandbox();
    let base = [
        ("name", "Ada Lovelace"),
        ("address", "1 Elm St"),
        ("city", "San Diego"),
        ("country", "US"),
        ("state", "CA"),
        ("zip", "92101"),
        ("phone", "+18585550123"),
        ("email", "ada@example.com"),
    ];
    fn with<'a>(
        base: &[(&'a str, &'a str)],
        extra: &[(&'a str, &'a str)],
    ) -> Vec<(&'a str, &'a str)> {
        let mut v = base.to_vec();
        v.extend_from_slice(extra);
        v
    }
    let a = x
        .post(
            "createAccount",
            &with(&base, &[("newUsername", "ada"), ("newPassword", "s3cret!")]),
        )
        .expect_ok();
    assert_eq!(a.tag("username").as_deref(), Some("ada"));
    assert!(attr(&a.text, "account", "id")
        .unwrap()
        .parse::<u64>()
        .is_ok());
    x.post(
        "createAccount",
        &with(&base, &[("newUsername", "ADA"), ("newPassword", "s3cret!")]),
    )
    .expect_error("already exists");
    let no_zip: Vec<(&str, &str)> = base
        .iter()
        .copied()
        .filter(|(k, _)| *k != "zip")
        .chain([("newUsername", "bob"), ("newPassword", "s3cret!")])
        .collect();
    x.post("createAccount", &no_zip).expect_error("zip");
    let swap = |key: &str, value: &'static str| -> Vec<(&'static str, &'static str)> {
        base.iter()
            .map(|(k, v)| if *k == key { (*k, value) } else { (*k, *v) })
            .chain([("newUsername", "bob"), ("newPassword", "s3cret!")])
            .collect()
    };
    x.post("createAccount", &swap("email", "nope"))
        .expect_error("Invalid email");
    x.post("createAccount", &swap("zip", "9210"))
        .expect_error("Invalid zip");
    x.post("createAccount", &swap("phone", "12"))
        .expect_error("Invalid phone");
    let no_state: Vec<(&str, &str)> = base
        .iter()
        .copied()
        .filter(|(k, _)| *k != "state")
        .chain([("newUsername", "bob"), ("newPassword", "s3cret!")])
        .collect();
    x.post("createAccount", &no_state).expect_error("state");
    x.post("createAccount", &swap("country", "USA"))
        .expect_error("Invalid country");

    // The subaccount logs in with its own credentials and sees its own (empty) data.
    let sub = x
        .post_as("ada", "s3cret!", "getPhoneNumberList", &[])
        .expect_ok();
    assert!(sub.all("phoneNumber").is_empty());
    assert!(x
        .post_as("ada", "s3cret!", "getCallList", &[])
        .expect_ok()
        .all("call")
        .is_empty());
    x.post_as(
        "ada",
        "s3cret!",
        "createAccount",
        &with(&base, &[("newUsername", "eve"), ("newPassword", "s3cret!")]),
    )
    .expect_error("not authorized");
    x.post_as(
        "ada",
        "s3cret!",
        "cancelAccount",
        &[("accountUsername", "ada")],
    )
    .expect_error("not authorized");

    // Pending activity blocks cancellation.
    let number = first_inventory_number(&x, &[("prefix", "415")]);
    x.post_as(
        "ada",
        "s3cret!",
        "reservePhoneNumber",
        &[("phoneNumber", &number)],
    )
    .expect_ok();
    x.post("cancelAccount", &[("accountUsername", "ada")])
        .expect_error("pending activity");
    x.post_as(
        "ada",
        "s3cret!",
        "unreservePhoneNumber",
        &[("phoneNumber", &number)],
    )
    .expect_ok();
    let c = x
        .post("cancelAccount", &[("accountUsername", "ada")])
        .expect_ok();
    assert_eq!(c.tag("status").as_deref(), Some("cancelled"));
    x.post_as("ada", "s3cret!", "getPhoneNumberList", &[])
        .expect_error("cancelled");
    x.post("cancelAccount", &[("accountUsername", "ada")])
        .expect_error("already cancelled");
    x.post("cancelAccount", &[("accountUsername", "ghost")])
        .expect_error("not found");
    x.post("cancelAccount", &[("accountUsername", "sandbox")])
        .expect_error("not authorized");

    // A desired number from inventory comes with the account.
    let n = first_inventory_number(&x, &[("prefix", "312")]);
    let a = x
        .post(
            "createAccount",
            &with(
                &base,
                &[
                    ("newUsername", "carl"),
                    ("newPassword", "s3cret!"),
                    ("phoneNumber", &n),
                ],
            ),
        )
        .expect_ok();
    assert!(a.text.contains(&format!("<phoneNumber>{n}</phoneNumber>")));
    let list = x
        .post_as("carl", "s3cret!", "getPhoneNumberList", &[])
        .expect_ok();
    assert_eq!(
        list.tag("phoneNumber")
            .map(|_| list.all("phoneNumber").len()),
        Some(1)
    );
}

/// The master's seeded numbers, as in the document's example.
#[test]
fn phone_number_list_is_the_documents_shape() {
    let (_sb, x) = sandbox();
    let a = x.post("getPhoneNumberList", &[]).expect_ok();
    let rows = blocks(&a.text, "phoneNumberList");
    assert_eq!(rows.len(), 1);
    assert!(a.text.contains("<phoneNumber id=\"19676\">\n        <phoneNumber>+18668252541</phoneNumber>\n        <nickName>Main toll-free</nickName>\n        <rateCenter/>\n      </phoneNumber>"), "{}", a.text);
    assert!(a.text.contains("<rateCenter>WACO_TX</rateCenter>"));
}

fn call_ids(a: &common::xml::Answer) -> Vec<(i64, u64)> {
    a.all("call")
        .iter()
        .map(|c| {
            let id: u64 = attr(c, "call", "id").unwrap().parse().unwrap();
            let t: i64 = tag(c, "startTime").unwrap().parse().unwrap();
            (t, id)
        })
        .collect()
}

#[test]
fn call_list_is_capped_at_500_and_windows_return_everything() {
    let (_sb, x) = sandbox();
    const START: i64 = 1_704_067_200;
    const END: i64 = START + 90 * 86_400;
    let all = x.post("getCallList", &[]).expect_ok();
    assert_eq!(all.all("call").len(), 500, "no window: capped");
    let first = &all.all("call")[0];
    assert!(first.contains("<startTime gmt=\"2024-01-01T"), "{first}");
    for el in ["callerId", "calledNumber", "duration", "finalAction", "url"] {
        assert!(first.contains(&format!("<{el}")), "{el} in {first}");
    }
    let whole = x
        .post(
            "getCallList",
            &[
                ("startTime", &START.to_string()),
                ("endTime", &END.to_string()),
            ],
        )
        .expect_ok();
    assert_eq!(whole.all("call").len(), 500);
    // The busy day alone is over the cap.
    let busy = START + 44 * 86_400;
    let day = x
        .post(
            "getCallList",
            &[
                ("startTime", &busy.to_string()),
                ("endTime", &(busy + 86_399).to_string()),
            ],
        )
        .expect_ok();
    assert_eq!(day.all("call").len(), 500);

    // A client walking windows (split in halves while a window is full) gets every call once.
    let mut windows = vec![(START, END)];
    let mut seen = BTreeSet::new();
    let mut requests = 0;
    while let Some((a, b)) = windows.pop() {
        requests += 1;
        let r = x
            .post(
                "getCallList",
                &[("startTime", &a.to_string()), ("endTime", &b.to_string())],
            )
            .expect_ok();
        let rows = call_ids(&r);
        assert!(
            rows.iter().all(|(t, _)| (a..=b).contains(t)),
            "inclusive window"
        );
        assert!(rows.windows(2).all(|w| w[0] <= w[1]), "oldest first");
        if rows.len() == 500 {
            let mid = a + (b - a) / 2;
            windows.push((mid + 1, b));
            windows.push((a, mid));
        } else {
            seen.extend(rows.into_iter().map(|(_, id)| id));
        }
    }
    assert_eq!(seen.len(), 1500, "after {requests} requests");
    assert!(requests > 4);

    x.post("getCallList", &[("startTime", "10"), ("endTime", "5")])
        .expect_error("before startTime");
    x.post("getCallList", &[("startTime", "yesterday")])
        .expect_error("startTime");
}

#[test]
fn the_call_log_is_deterministic_per_seed() {
    let ids = |seed| {
        let sb = Sandbox::start_with(Options {
            seed,
            ..Options::default()
        })
        .unwrap();
        let x = Xml::new(&sb);
        call_ids(&x.post(
            "getCallList",
            &[("startTime", "1704067200"), ("endTime", "1704500000")],
        ))
    };
    assert_eq!(ids(5), ids(5));
    assert_ne!(ids(5), ids(6));
}

#[test]
fn originate_call_writes_the_log() {
    let (_sb, x) = sandbox();
    let a = x
        .post(
            "originateCall",
            &[
                ("legAPhoneNumber", "111"),
                ("legBPhoneNumber", "+16195550142"),
                ("legATimeout", "15"),
            ],
        )
        .expect_ok();
    let id = attr(&a.text, "call", "id").unwrap().to_string();
    assert_eq!(a.tag("legATimeout").as_deref(), Some("15"));
    assert_eq!(
        a.tag("legACallerId").as_deref(),
        Some("+16195550142"),
        "legACallerId defaults to legB"
    );
    let now: i64 = a.tag("startTime").unwrap().parse().unwrap();
    let log = x
        .post(
            "getCallList",
            &[
                ("startTime", &(now - 5).to_string()),
                ("endTime", &(now + 5).to_string()),
            ],
        )
        .expect_ok();
    let rows = log.all("call");
    assert_eq!(rows.len(), 1);
    assert!(
        rows[0].contains(&format!("id=\"{id}\""))
            && rows[0].contains("<calledNumber>+16195550142</calledNumber>")
    );
    let d = x
        .post(
            "originateCall",
            &[
                ("legAPhoneNumber", "+18585550111"),
                ("legBPhoneNumber", "+16195550142"),
            ],
        )
        .expect_ok();
    assert_eq!(d.tag("legATimeout").as_deref(), Some("20"));
    assert_eq!(d.tag("legBCallerId").as_deref(), Some("+18585550111"));
    x.post(
        "originateCall",
        &[
            ("legAPhoneNumber", "999"),
            ("legBPhoneNumber", "+16195550142"),
        ],
    )
    .expect_error("Extension 999");
    x.post(
        "originateCall",
        &[
            ("legAPhoneNumber", "+18585550111"),
            ("legBPhoneNumber", "6195550142"),
        ],
    )
    .expect_error("legBPhoneNumber");
    x.post(
        "originateCall",
        &[
            ("legAPhoneNumber", "111"),
            ("legBPhoneNumber", "+16195550142"),
            ("legATimeout", "0"),
        ],
    )
    .expect_error("legATimeout");
}

fn first_inventory_number(x: &Xml, filter: &[(&str, &str)]) -> String {
    let mut p = vec![("countryCode", "1"), ("quantity", "1")];
    p.extend_from_slice(filter);
    let a = x.post("getPhoneNumberInventory", &p).expect_ok();
    let row = a.all("phoneNumber").into_iter().next().expect("a number");
    tag(&row[1..], "phoneNumber").unwrap()
}

fn inventory(x: &Xml, p: &[(&str, &str)]) -> Vec<String> {
    let a = x.post("getPhoneNumberInventory", p).expect_ok();
    let list = blocks(&a.text, "phoneNumberList").remove(0);
    let inner = &list[list.find('>').unwrap() + 1..];
    blocks(inner, "phoneNumber")
        .iter()
        .map(|row| tag(&row[row.find('>').unwrap() + 1..], "phoneNumber").unwrap())
        .collect()
}

#[test]
fn search_lists_and_inventory() {
    let (_sb, x) = sandbox();
    let c = x.post("getPhoneNumberCountryList", &[]).expect_ok();
    assert!(
        c.text.contains("<countryCode>1</countryCode>")
            && c.text.contains("<countryCode>44</countryCode>")
    );
    x.post("getPhoneNumberPrefixList", &[("countryCode", "33")])
        .expect_error("Unsupported countryCode");

    let p = x
        .post("getPhoneNumberPrefixList", &[("countryCode", "1")])
        .expect_ok();
    let qty = |code: &str| {
        p.all("prefix")
            .into_iter()
            .find(|r| r.contains(&format!("<prefix>{code}</prefix>")))
            .and_then(|r| tag(&r, "quantity"))
            .map(|q| q.parse::<u64>().unwrap())
    };
    assert!(qty("858").unwrap() > 50);
    assert_eq!(qty("917"), qty("212"), "overlays share a geography");
    assert!(qty("917").unwrap() > 0);
    assert!(qty("800").is_some());

    let s = x
        .post("getPhoneNumberStateList", &[("countryCode", "1")])
        .expect_ok();
    assert!(s.text.contains("<state>CA</state>") && s.text.contains("<name>California</name>"));
    let r = x
        .post(
            "getPhoneNumberRegionList",
            &[("countryCode", "1"), ("state", "CA")],
        )
        .expect_ok();
    assert!(
        r.text.contains("<region>San Diego</region>")
            && r.text.contains("<region>Los Angeles</region>")
    );
    let l = x
        .post(
            "getPhoneNumberLocalityList",
            &[("countryCode", "1"), ("prefix", "858")],
        )
        .expect_ok();
    assert!(
        l.text.contains("<locality>Poway</locality>")
            && l.text.contains("<rateCenter>POWAY_CA</rateCenter>")
    );

    // Inventory filters.
    let page1 = inventory(
        &x,
        &[("countryCode", "1"), ("prefix", "858"), ("quantity", "5")],
    );
    let page2 = inventory(
        &x,
        &[
            ("countryCode", "1"),
            ("prefix", "858"),
            ("quantity", "5"),
            ("page", "2"),
        ],
    );
    assert_eq!((page1.len(), page2.len()), (5, 5));
    assert!(page1.iter().chain(&page2).all(|n| n.starts_with("+1858")));
    assert!(page1.last() < page2.first());
    // Pages count from 1, as the library numbers them: page 1 is what no page gives.
    let page1_named = inventory(
        &x,
        &[
            ("countryCode", "1"),
            ("prefix", "858"),
            ("quantity", "5"),
            ("page", "1"),
        ],
    );
    assert_eq!(page1_named, page1);
    x.post(
        "getPhoneNumberInventory",
        &[("countryCode", "1"), ("quantity", "5"), ("page", "0")],
    )
    .expect_error("page");
    let ny = inventory(&x, &[("countryCode", "1"), ("prefix", "212")]);
    assert!(
        ny.iter().any(|n| n.starts_with("+1646")),
        "212 prefix search includes the 646 overlay"
    );
    let starts = inventory(&x, &[("countryCode", "1"), ("pattern", "1212*****")]);
    assert!(!starts.is_empty() && starts.iter().all(|n| n.starts_with("+1212")));
    let poway = inventory(
        &x,
        &[("countryCode", "1"), ("state", "CA"), ("locality", "Poway")],
    );
    assert!(
        !poway.is_empty()
            && poway
                .iter()
                .all(|n| n.starts_with("+1858") || n.starts_with("+1619"))
    );
    let region = inventory(
        &x,
        &[
            ("countryCode", "1"),
            ("state", "ca"),
            ("region", "san diego"),
            ("type", "local"),
        ],
    );
    assert!(region.len() > poway.len());
    let tf = inventory(&x, &[("countryCode", "1"), ("type", "TF")]);
    assert!(
        !tf.is_empty()
            && tf
                .iter()
                .all(|n| ["+1800", "+1888", "+1877", "+1866", "+1855"]
                    .iter()
                    .any(|p| n.starts_with(p)))
    );
    let all = inventory(&x, &[("countryCode", "1"), ("quantity", "9999")]);
    assert_eq!(all.len(), 500, "never more than 500");
    assert_eq!(inventory(&x, &[("countryCode", "1")]).len(), 500);
    let uk = inventory(&x, &[("countryCode", "44"), ("prefix", "20")]);
    assert!(!uk.is_empty() && uk.iter().all(|n| n.starts_with("+4420")));

    // Real-time toll-free: up to 10 fresh numbers matching a vanity pattern, reservable.
    let a = x
        .post(
            "getPhoneNumberInventory",
            &[("countryCode", "1"), ("type", "TF"), ("pattern", "FLOWERS")],
        )
        .expect_ok();
    let live: Vec<String> = a
        .all("phoneNumber")
        .into_iter()
        .filter(|r| r.contains("<source>SMS/800</source>"))
        .collect();
    assert!((1..=10).contains(&live.len()), "{}", a.text);
    let first = tag(&live[0][1..], "phoneNumber").unwrap();
    assert!(first.ends_with("3569377"), "{first}");
    x.post("reservePhoneNumber", &[("phoneNumber", &first)])
        .expect_ok();

    x.post(
        "getPhoneNumberInventory",
        &[("countryCode", "1"), ("page", "2")],
    )
    .expect_error("quantity");
    x.post(
        "getPhoneNumberInventory",
        &[("countryCode", "1"), ("region", "San Diego")],
    )
    .expect_error("state");
    x.post(
        "getPhoneNumberInventory",
        &[("countryCode", "1"), ("type", "mobile")],
    )
    .expect_error("type");
    x.post(
        "getPhoneNumberInventory",
        &[("countryCode", "1"), ("pattern", "12-34")],
    )
    .expect_error("pattern");
    x.post(
        "getPhoneNumberInventory",
        &[("countryCode", "1"), ("quantity", "0")],
    )
    .expect_error("quantity");
}

#[test]
fn reservations_hide_numbers_and_expire_at_pacific_midnight() {
    let (sb, x) = sandbox();
    let n = first_inventory_number(&x, &[("prefix", "619")]);
    let digits = n.trim_start_matches('+').to_string();
    let find = |x: &Xml| inventory(x, &[("countryCode", "1"), ("pattern", &digits)]);
    assert_eq!(find(&x), vec![n.clone()]);
    let r = x
        .post("reservePhoneNumber", &[("phoneNumber", &digits)])
        .expect_ok();
    let expires: i64 = r.tag("expires").unwrap().parse().unwrap();
    let now = x.c.admin("GET", "/clock", None).json()["now"]
        .as_i64()
        .unwrap();
    assert!(
        expires > now && expires - now <= 86_400 + 5,
        "until midnight Pacific"
    );
    assert!(find(&x).is_empty(), "reserved numbers leave search results");
    // Again by the same user: the same reservation.
    let again = x
        .post("reservePhoneNumber", &[("phoneNumber", &n)])
        .expect_ok();
    assert_eq!(again.tag("expires"), r.tag("expires"));

    // Another user can neither reserve nor add it.
    x.post(
        "createAccount",
        &[
            ("newUsername", "other"),
            ("newPassword", "s3cret!"),
            ("name", "O"),
            ("address", "1 St"),
            ("city", "Paris"),
            ("country", "FR"),
            ("phone", "+33142000000"),
            ("email", "o@example.com"),
        ],
    )
    .expect_ok();
    x.post_as(
        "other",
        "s3cret!",
        "reservePhoneNumber",
        &[("phoneNumber", &digits)],
    )
    .expect_error("reserved by another");
    x.post_as(
        "other",
        "s3cret!",
        "addPhoneNumber",
        &[("phoneNumber", &digits)],
    )
    .expect_error("reserved by another");
    x.post_as(
        "other",
        "s3cret!",
        "unreservePhoneNumber",
        &[("phoneNumber", &digits)],
    )
    .expect_error("not reserved by this user");

    // Time travel past the expiry: the number is back.
    let moved =
        x.c.admin(
            "POST",
            "/clock",
            Some(json!({"advance_s": expires - now + 1})),
        )
        .json();
    assert_eq!(moved["offset_s"], expires - now + 1);
    assert_eq!(find(&x), vec![n.clone()]);
    x.post_as(
        "other",
        "s3cret!",
        "reservePhoneNumber",
        &[("phoneNumber", &digits)],
    )
    .expect_ok();
    x.post_as(
        "other",
        "s3cret!",
        "unreservePhoneNumber",
        &[("phoneNumber", &digits)],
    )
    .expect_ok();
    assert_eq!(find(&x), vec![n.clone()]);

    // Adding takes it out of inventory for good (for v4 too).
    let added = x
        .post("addPhoneNumber", &[("phoneNumber", &digits)])
        .expect_ok();
    assert!(added
        .text
        .contains(&format!("<phoneNumber>{n}</phoneNumber>")));
    assert!(x.post("getPhoneNumberList", &[]).text.contains(&n));
    assert!(find(&x).is_empty());
    x.post("addPhoneNumber", &[("phoneNumber", &digits)])
        .expect_error("already in use");
    x.post("reservePhoneNumber", &[("phoneNumber", "18005550000")])
        .expect_error("not found in inventory");
    let v4 =
        x.c.v4(
            "GET",
            &format!(
                "/phone-numbers/available?filters[phone_number]={}",
                n.replace('+', "%2B")
            ),
            None,
        )
        .json();
    assert_eq!(v4["total"], 0);

    // A user holds at most 10 reservations.
    let many = inventory(
        &x,
        &[("countryCode", "1"), ("prefix", "312"), ("quantity", "11")],
    );
    for (i, m) in many.iter().enumerate() {
        let a = x.post("reservePhoneNumber", &[("phoneNumber", m)]);
        if i < 10 {
            a.expect_ok();
        } else {
            a.expect_error("Reservation limit");
        }
    }
    drop(sb);
}

#[test]
fn porting_eligibility() {
    let (_sb, x) = sandbox();
    let yes = x.post(
        "getPhoneNumberPortingEligibility",
        &[("phoneNumber", "13125550000")],
    );
    let yes2 = x
        .post(
            "getPhoneNumberPortingEligibility",
            &[("phoneNumber", "13124441234")],
        )
        .expect_ok();
    assert_eq!(yes2.tag("eligible").as_deref(), Some("Yes"));
    assert_eq!(yes.tag("eligible").as_deref(), Some("No"), "555 exchange");
    let own = x
        .post(
            "getPhoneNumberPortingEligibility",
            &[("phoneNumber", "+12542958368")],
        )
        .expect_ok();
    assert_eq!(own.tag("eligible").as_deref(), Some("No"));
    assert!(own
        .tag("reason")
        .unwrap()
        .contains("already on a Phone.com account"));
    let uk = x
        .post(
            "getPhoneNumberPortingEligibility",
            &[("phoneNumber", "442071234567")],
        )
        .expect_ok();
    assert_eq!(uk.tag("eligible").as_deref(), Some("No"));
    x.post(
        "getPhoneNumberPortingEligibility",
        &[("phoneNumber", "12ab")],
    )
    .expect_error("full phone number");
}

#[test]
fn ring_all_and_extension_notifications() {
    let (_sb, x) = sandbox();
    let a = x
        .post(
            "updateCallHandlingSimpleRingAll",
            &[
                ("phoneNumber", "+18585550100"),
                ("destination1", "+16195550101"),
                ("destination1VoiceTag", "Sales"),
                ("destination1Screening", "yes"),
                ("destination2", "112"),
                ("destination2CallerId", "+18585550100"),
                ("timeout", "30"),
            ],
        )
        .expect_ok();
    assert_eq!(a.all("destination").len(), 2);
    assert_eq!(a.tag("timeout").as_deref(), Some("30"));
    let state = x.c.admin("GET", "/xml", None).json();
    let master = &state["accounts"][0];
    let n = master["numbers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["phoneNumber"] == "+18585550100")
        .unwrap();
    assert_eq!(n["callHandling"]["timeout"], 30);
    assert_eq!(n["callHandling"]["destinations"][0]["screening"], true);
    assert!(master.get("password").is_none());
    let d = x
        .post(
            "updateCallHandlingSimpleRingAll",
            &[
                ("phoneNumber", "18585550100"),
                ("destination1", "+16195550101"),
            ],
        )
        .expect_ok();
    assert_eq!(
        d.tag("timeout").as_deref(),
        Some("60"),
        "default timeout; rules replaced"
    );
    x.post(
        "updateCallHandlingSimpleRingAll",
        &[
            ("phoneNumber", "+16195550000"),
            ("destination1", "+16195550101"),
        ],
    )
    .expect_error("not found on this account");
    x.post(
        "updateCallHandlingSimpleRingAll",
        &[
            ("phoneNumber", "+18585550100"),
            ("destination1", "+16195550101"),
            ("destination3VoiceTag", "x"),
        ],
    )
    .expect_error("destination3VoiceTag was given without destination3");
    x.post(
        "updateCallHandlingSimpleRingAll",
        &[
            ("phoneNumber", "+18585550100"),
            ("destination1", "+16195550101"),
            ("destination1Screening", "maybe"),
        ],
    )
    .expect_error("yes or no");
    x.post(
        "updateCallHandlingSimpleRingAll",
        &[("phoneNumber", "+18585550100"), ("destination1", "999")],
    )
    .expect_error("extension 999");

    x.post(
        "updateExtensionNotification",
        &[("extension", "111"), ("enableEmail", "yes")],
    )
    .expect_error("emailAddress");
    let e = x
        .post(
            "updateExtensionNotification",
            &[
                ("extension", "111"),
                ("enableEmail", "yes"),
                ("emailAddress", "vm@example.com"),
                ("emailFormat", "mp3"),
            ],
        )
        .expect_ok();
    assert_eq!(e.tag("emailFormat").as_deref(), Some("mp3"));
    let e = x
        .post(
            "updateExtensionNotification",
            &[
                ("extension", "111"),
                ("enableSms", "yes"),
                ("smsNumber", "+16195550101"),
            ],
        )
        .expect_ok();
    assert_eq!(
        (
            e.tag("enableEmail").as_deref(),
            e.tag("emailAddress").as_deref()
        ),
        (Some("yes"), Some("vm@example.com")),
        "settings not given are kept"
    );
    x.post("updateExtensionNotification", &[("extension", "555")])
        .expect_error("Extension 555 not found");
    x.post("updateExtensionNotification", &[("extension", "ext1")])
        .expect_error("numeric");
    x.post(
        "updateExtensionNotification",
        &[("extension", "111"), ("emailFormat", "ogg")],
    )
    .expect_error("wav or mp3");
}

#[test]
fn sms_outbox() {
    let (_sb, x) = sandbox();
    // The document's example: + travels as %2B.
    let body = format!("username=sandbox&password={}&action=sendSMS&fromNumber=%2B18585550100&toNumber=%2B18583807710&message=This+is+a+test", x.password);
    let a = x.raw_post(&body, &[]).expect_ok();
    assert!(
        a.tag("resultData").is_none(),
        "no resultData, as in the document"
    );
    let unencoded = format!("username=sandbox&password={}&action=sendSMS&fromNumber=%2B18585550100&toNumber=+18583807710&message=hi", x.password);
    x.raw_post(&unencoded, &[]).expect_error("%2B");
    let long = "x".repeat(161);
    x.post(
        "sendSMS",
        &[
            ("fromNumber", "+18585550100"),
            ("toNumber", "+18583807710"),
            ("message", &long),
        ],
    )
    .expect_error("160");
    x.post(
        "sendSMS",
        &[
            ("fromNumber", "+18585550100"),
            ("toNumber", "+18583807710"),
            ("message", &"é".repeat(160)),
        ],
    )
    .expect_ok();
    x.post(
        "sendSMS",
        &[
            ("fromNumber", "+16195550100"),
            ("toNumber", "+18583807710"),
            ("message", "hi"),
        ],
    )
    .expect_error("not a Phone.com number on this account");
    x.post(
        "sendSMS",
        &[
            ("fromNumber", "+18585550100"),
            ("toNumber", "+33142000000"),
            ("message", "hi"),
        ],
    )
    .expect_error("not supported");
    let out = x.c.admin("GET", "/xml", None).json();
    let sms = out["accounts"][0]["sms"].as_array().unwrap();
    assert_eq!(sms.len(), 2);
    assert_eq!(
        (sms[0]["to"].as_str(), sms[0]["message"].as_str()),
        (Some("+18583807710"), Some("This is a test"))
    );
}

#[test]
fn chatcalls_preview_send_and_status_over_time() {
    let (_sb, x) = sandbox();
    let p = x
        .post(
            "previewChatCall",
            &[
                ("message", "Hello [laugh] world"),
                ("fromName", "Joe"),
                ("voice", "Princess"),
            ],
        )
        .expect_ok();
    let url = p.tag("url").unwrap();
    let path = &url[url.find("/special").unwrap()..];
    let wav = x.c.raw("GET", path, &[], b"").unwrap();
    assert_eq!(
        (wav.status, wav.header("Content-Type")),
        (200, Some("audio/wav"))
    );
    assert_eq!(&wav.body[..4], b"RIFF");
    assert!(p
        .tag("text")
        .unwrap()
        .starts_with("Hello Name, this is a ChatCall from Joe."));
    assert_eq!(attr(&p.text, "voice", "id"), Some("142"));
    x.post("previewChatCall", &[("message", "Hi [burp]")])
        .expect_error("[burp]");
    x.post("previewChatCall", &[("message", "Hi"), ("voice", "Nobody")])
        .expect_error("Unknown voice");
    assert_eq!(
        x.c.raw("GET", "/special/xmlapi/previews/nope.wav", &[], b"")
            .unwrap()
            .status,
        404
    );

    let form = encode(&[
        ("username", "sandbox"),
        ("password", &x.password),
        ("action", "sendChatCall"),
        ("fromName", "Joe"),
        ("fromEmail", "joe@example.com"),
        ("message", "Lunch at noon?"),
        ("responseType", "yes_no"),
        ("toName", "Ann"),
        ("toNumber", "+18585550102"),
        ("toName", "Bob"),
        ("toNumber", "+16045550107"),
        ("clTRID", "cc-1"),
    ]);
    let s = x.raw_post(&form, &[]).expect_ok();
    let id = s.tag("ChatCallID").unwrap();
    assert_eq!(s.tag("recipientCount").as_deref(), Some("2"));
    let st = x
        .post("getChatCallStatus", &[("ChatCallID", &id)])
        .expect_ok();
    assert_eq!(st.tag("status").as_deref(), Some("in-progress"));
    x.c.admin("POST", "/clock", Some(json!({"advance_s": 60})));
    let st = x
        .post("getChatCallStatus", &[("ChatCallID", &id)])
        .expect_ok();
    let recips = st.all("recipient");
    assert_eq!(recips.len(), 2);
    assert_eq!(tag(&recips[0], "status").as_deref(), Some("answered"));
    assert_eq!(tag(&recips[0], "response").as_deref(), Some("yes"));
    assert_eq!(tag(&recips[1], "status").as_deref(), Some("busy"));
    assert!(st.text.contains("<chatCallStatus>") && st.text.contains("<status>completed</status>"));

    // Scheduled for later.
    let later = x
        .post(
            "sendChatCall",
            &[
                ("fromName", "Joe"),
                ("fromEmail", "joe@example.com"),
                ("message", "Later"),
                ("toName", "Ann"),
                ("toNumber", "+18585550102"),
                ("sendDate", "2099-01-01T00:00:00.0000Z"),
            ],
        )
        .expect_ok();
    assert_eq!(later.tag("status").as_deref(), Some("scheduled"));
    let id2 = later.tag("ChatCallID").unwrap();
    assert_eq!(
        x.post("getChatCallStatus", &[("ChatCallID", &id2)])
            .tag("status")
            .as_deref(),
        Some("scheduled")
    );

    let mismatched = encode(&[
        ("username", "sandbox"),
        ("password", &x.password),
        ("action", "sendChatCall"),
        ("fromName", "Joe"),
        ("fromEmail", "joe@example.com"),
        ("message", "Hi"),
        ("toName", "Ann"),
        ("toName", "Bob"),
        ("toNumber", "+18585550102"),
    ]);
    x.raw_post(&mismatched, &[])
        .expect_error("2 toName, 1 toNumber");
    x.post(
        "sendChatCall",
        &[
            ("fromName", "Joe"),
            ("fromEmail", "joe@example.com"),
            ("message", "Hi"),
            ("toName", "Al"),
            ("toNumber", "+442071234567"),
        ],
    )
    .expect_error("NANPA");
    x.post(
        "sendChatCall",
        &[
            ("fromName", "Joe"),
            ("fromEmail", "joe@example.com"),
            ("message", "Hi"),
            ("toName", "Al"),
            ("toNumber", "+18585550102"),
            ("responseType", "maybe"),
        ],
    )
    .expect_error("responseType");
    x.post("getChatCallStatus", &[("ChatCallID", "424242")])
        .expect_error("not found");
}

#[test]
fn faults_in_the_xml_shape() {
    let (_sb, x) = sandbox();
    let body = encode(&[
        ("username", "sandbox"),
        ("password", &x.password),
        ("action", "getVoiceList"),
    ]);
    let a = x.raw_post(&body, &[("X-Sandbox-Fault", "status=503;retry_after=2")]);
    assert_eq!(a.resp.status, 503);
    assert_eq!(a.resp.header("Retry-After"), Some("2"));
    assert!(a
        .resp
        .header("Content-Type")
        .unwrap()
        .starts_with("text/xml"));
    a.expect_error("temporarily unavailable");
    assert!(well_formed(&a.text) && a.tag("svTRID").unwrap().len() == 20);
    let r = x.raw_post(&body, &[("X-Sandbox-Fault", "status=429")]);
    assert_eq!(
        (r.resp.status, r.resp.header("Retry-After")),
        (429, Some("1"))
    );
    r.expect_error("Too many requests");
    for code in [500, 502, 504, 401] {
        let r = x.raw_post(&body, &[("X-Sandbox-Fault", &format!("status={code}"))]);
        assert_eq!(r.resp.status, code);
        assert_eq!(r.status(), "error");
    }
    let m = x.raw_post(&body, &[("X-Sandbox-Fault", "malformed")]);
    assert_eq!(m.resp.status, 200);
    assert!(m
        .resp
        .header("Content-Type")
        .unwrap()
        .starts_with("text/xml"));
    assert!(!well_formed(&m.text), "{}", m.text);
    assert!(well_formed(&x.raw_post(&body, &[]).text));
    assert!(x
        .c
        .raw(
            "POST",
            "/special/xmlapi",
            &[
                ("X-Sandbox-Fault", "truncated"),
                ("Content-Type", "application/x-www-form-urlencoded")
            ],
            body.as_bytes()
        )
        .is_err());

    // Queued faults by path; reset_after still processes the request.
    x.c.admin(
        "POST",
        "/faults",
        Some(json!({"path": "/special/xmlapi", "fault": "status=502", "times": 2})),
    );
    assert_eq!(x.post("getVoiceList", &[]).resp.status, 502);
    assert_eq!(x.get("getVoiceList", &[]).resp.status, 502);
    assert_eq!(x.post("getVoiceList", &[]).resp.status, 200);
    let sms = encode(&[
        ("username", "sandbox"),
        ("password", &x.password),
        ("action", "sendSMS"),
        ("fromNumber", "+18585550100"),
        ("toNumber", "+18583807710"),
        ("message", "once"),
    ]);
    assert!(x
        .c
        .raw(
            "POST",
            "/special/xmlapi",
            &[
                ("X-Sandbox-Fault", "reset_after"),
                ("Content-Type", "application/x-www-form-urlencoded")
            ],
            sms.as_bytes()
        )
        .is_err());
    assert_eq!(
        x.c.admin("GET", "/xml", None).json()["accounts"][0]["sms"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn reset_restores_the_seeded_start() {
    let (_sb, x) = sandbox();
    let before = x
        .post("getPhoneNumberList", &[])
        .expect_ok()
        .all("phoneNumber")
        .len();
    let n = first_inventory_number(&x, &[("prefix", "512")]);
    x.post("addPhoneNumber", &[("phoneNumber", &n)]).expect_ok();
    x.post(
        "createAccount",
        &[
            ("newUsername", "temp"),
            ("newPassword", "s3cret!"),
            ("name", "T"),
            ("address", "1 St"),
            ("city", "Paris"),
            ("country", "FR"),
            ("phone", "+33142000000"),
            ("email", "t@example.com"),
        ],
    )
    .expect_ok();
    x.c.admin("POST", "/clock", Some(json!({"advance_s": 3600})));
    assert_eq!(x.c.admin("POST", "/reset", None).status, 200);
    assert_eq!(x.c.admin("GET", "/clock", None).json()["offset_s"], 0);
    assert_eq!(
        x.post("getPhoneNumberList", &[])
            .expect_ok()
            .all("phoneNumber")
            .len(),
        before
    );
    x.post_as("temp", "s3cret!", "getPhoneNumberList", &[])
        .expect_error("Authentication failed");
    assert_eq!(
        inventory(
            &x,
            &[("countryCode", "1"), ("pattern", n.trim_start_matches('+'))]
        ),
        vec![n]
    );
    assert_eq!(
        x.c.admin("POST", "/clock", Some(json!({"advance_s": "x"})))
            .status,
        400
    );
    assert_eq!(x.c.admin("POST", "/clock", Some(json!({}))).status, 400);
    assert_eq!(
        x.c.admin("POST", "/clock", Some(json!({"offset_s": -60})))
            .json()["offset_s"],
        -60
    );
}

#[test]
fn a_repeated_cltrid_answers_the_stored_response_once_acted() {
    let (_sb, x) = sandbox();
    let sms = [
        ("fromNumber", "+18585550100"),
        ("toNumber", "+18583807710"),
        ("message", "once"),
        ("clTRID", "abc-1"),
    ];
    let first = x.post("sendSMS", &sms).expect_ok();
    let again = x.get("sendSMS", &sms).expect_ok();
    assert_eq!(first.text, again.text, "byte for byte, svTRID included");
    let outbox = |x: &Xml| {
        x.c.admin("GET", "/xml", None).json()["accounts"][0]["sms"]
            .as_array()
            .unwrap()
            .len()
    };
    assert_eq!(outbox(&x), 1);
    // Another request under the same clTRID is refused and does nothing.
    let mut other = sms;
    other[2] = ("message", "twice");
    x.post("sendSMS", &other)
        .expect_error("clTRID `abc-1` was already used for another request (sendSMS)");
    assert_eq!(outbox(&x), 1);
    // Without a clTRID, or with a fresh one, each request acts.
    x.post("sendSMS", &sms[..3]).expect_ok();
    x.post("sendSMS", &sms[..3]).expect_ok();
    assert_eq!(outbox(&x), 3);
    // A refused request is not remembered.
    let bad = [
        ("fromNumber", "+16195550100"),
        ("toNumber", "+18583807710"),
        ("message", "x"),
        ("clTRID", "abc-2"),
    ];
    x.post("sendSMS", &bad)
        .expect_error("not a Phone.com number");
    let mut good = bad;
    good[0] = ("fromNumber", "+18585550100");
    x.post("sendSMS", &good).expect_ok();
    assert_eq!(outbox(&x), 4);
    // Reads are not remembered; the same clTRID on a read is fine.
    x.post("getSoundList", &[("clTRID", "abc-1")]).expect_ok();
    // Two answers are kept: abc-1 and abc-2.
    let state = x.c.admin("GET", "/xml", None).json();
    assert_eq!(state["stored_cltrids"], 2);
    // A reset forgets them.
    x.c.admin("POST", "/reset", None);
    x.post("sendSMS", &sms).expect_ok();
    assert_eq!(outbox(&x), 1);
}

#[test]
fn the_admin_call_count_has_no_cap() {
    let (_sb, x) = sandbox();
    let all = x.c.admin("GET", "/xml/calls", None).json();
    assert_eq!(all["count"], 1500);
    let busy =
        x.c.admin(
            "GET",
            "/xml/calls?username=sandbox&startTime=1707868800&endTime=1707955199",
            None,
        )
        .json();
    assert!(busy["count"].as_u64().unwrap() > 600, "{busy}");
    assert_eq!(
        busy["ids"].as_array().unwrap().len() as u64,
        busy["count"].as_u64().unwrap()
    );
    let r = x.c.admin("GET", "/xml/calls?username=nobody", None);
    assert_eq!(r.status, 404);
    let r = x.c.admin("GET", "/xml/calls?startTime=soon", None);
    assert_eq!(r.status, 400);
}
