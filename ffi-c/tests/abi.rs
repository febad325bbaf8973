//! The C ABI called the way C calls it, with no network: argument checks, out-parameters written
//! only on success, the thread's last error, the helpers, the catalog, the pager's checks, and
//! the log callback (against a closed loopback port). The C and PHP suites
//! (`ffi-c/tests/run.sh`) run the calls against the sandbox.

use phonecom::call::*;
use phonecom::client::*;
use phonecom::error::*;
use phonecom::helpers::*;
use phonecom::pager::*;
use phonecom::status::phonecom_status::{self, *};
use phonecom::{phonecom_string_free, phonecom_version};
use serde_json::Value;
use std::ffi::{c_char, c_void, CStr, CString};
use std::ptr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

fn c(s: &str) -> CString {
    CString::new(s).unwrap()
}

/// Take a library string: copy it and free it with the library's function.
fn take(p: *mut c_char) -> String {
    assert!(!p.is_null());
    let s = unsafe { CStr::from_ptr(p) }.to_str().unwrap().to_string();
    unsafe { phonecom_string_free(p) };
    s
}

fn last_json() -> Value {
    serde_json::from_str(&take(phonecom_last_error_json())).unwrap()
}

fn last_message() -> String {
    take(phonecom_last_error_message())
}

/// A sentinel the library must not overwrite on failure.
fn sentinel() -> *mut c_char {
    ptr::dangling_mut::<c_char>()
}

/// A config for a loopback port nobody listens on, with fast failure.
fn closed_port_config() -> String {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    serde_json::json!({
        "environment": "sandbox",
        "v4": {"base_url": format!("http://127.0.0.1:{port}/v4"), "token": "sbx_v4_top_secret_token", "account_id": 1234},
        "retry": {"max_attempts": 2, "base_delay_ms": 1, "max_delay_ms": 2, "deadline_ms": 2000},
        "timeouts": {"connect_ms": 500, "overall_ms": 1000}
    })
    .to_string()
}

fn new_client(config: &str) -> *mut phonecom_client {
    let mut client = ptr::null_mut();
    let st = unsafe { phonecom_client_new_from_json(c(config).as_ptr(), &mut client) };
    assert_eq!(st, PHONECOM_OK, "{}", last_message());
    client
}

#[test]
fn version_is_cargos() {
    let v = unsafe { CStr::from_ptr(phonecom_version()) }
        .to_str()
        .unwrap();
    assert_eq!(v, env!("CARGO_PKG_VERSION"));
}

#[test]
fn status_names_match_error_kinds() {
    let name = |s: phonecom_status| {
        unsafe { CStr::from_ptr(phonecom::status::phonecom_status_name(s as u32)) }
            .to_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(name(PHONECOM_OK), "ok");
    assert_eq!(name(PHONECOM_ERR_RATE_LIMITED), "rate_limited");
    assert_eq!(name(PHONECOM_ERR_NULL_ARGUMENT), "null_argument");
    assert_eq!(name(PHONECOM_END_OF_PAGES), "end_of_pages");
    let unknown = unsafe { CStr::from_ptr(phonecom::status::phonecom_status_name(9999)) };
    assert_eq!(unknown.to_str().unwrap(), "unknown");
}

#[test]
fn null_arguments_are_refused_and_out_params_untouched() {
    let client = new_client(&closed_port_config());
    let mut out = sentinel();
    unsafe {
        assert_eq!(
            phonecom_call(
                ptr::null(),
                c("v4.get-account").as_ptr(),
                c("{}").as_ptr(),
                &mut out
            ),
            PHONECOM_ERR_NULL_ARGUMENT
        );
        assert!(last_message().contains("`client` is NULL"));
        assert_eq!(
            phonecom_call(client, ptr::null(), c("{}").as_ptr(), &mut out),
            PHONECOM_ERR_NULL_ARGUMENT
        );
        assert!(last_message().contains("`name` is NULL"));
        assert_eq!(
            phonecom_call(client, c("v4.get-account").as_ptr(), ptr::null(), &mut out),
            PHONECOM_ERR_NULL_ARGUMENT
        );
        assert_eq!(
            phonecom_call(
                client,
                c("v4.get-account").as_ptr(),
                c("{}").as_ptr(),
                ptr::null_mut()
            ),
            PHONECOM_ERR_NULL_ARGUMENT
        );
        assert!(last_message().contains("`result_json` is NULL"));
        assert_eq!(
            phonecom_client_new_from_json(ptr::null(), ptr::null_mut()),
            PHONECOM_ERR_NULL_ARGUMENT
        );
        assert_eq!(
            phonecom_catalog_json(ptr::null_mut()),
            PHONECOM_ERR_NULL_ARGUMENT
        );
        assert_eq!(
            phonecom_pager_next(ptr::null_mut(), &mut out),
            PHONECOM_ERR_NULL_ARGUMENT
        );
        assert_eq!(phonecom_e164_check(ptr::null()), PHONECOM_ERR_NULL_ARGUMENT);
        assert_eq!(
            phonecom_json_get(c("{}").as_ptr(), ptr::null(), &mut out),
            PHONECOM_ERR_NULL_ARGUMENT
        );
        assert_eq!(
            phonecom_client_builder_set_log(ptr::null_mut(), None, ptr::null_mut()),
            PHONECOM_ERR_NULL_ARGUMENT
        );
        assert_eq!(phonecom_pager_pages_fetched(ptr::null()), 0);
        // Every _free accepts NULL.
        phonecom_client_free(ptr::null_mut());
        phonecom_client_builder_free(ptr::null_mut());
        phonecom_pager_free(ptr::null_mut());
        phonecom_string_free(ptr::null_mut());
    }
    assert_eq!(out, sentinel());
    assert_eq!(last_json()["kind"], "null_argument");
    unsafe { phonecom_client_free(client) };
}

#[test]
fn invalid_utf8_and_json_are_refused() {
    let client = new_client(&closed_port_config());
    let bad_utf8 = [b'v', b'4', 0xff, 0xfe, 0];
    let mut out = sentinel();
    unsafe {
        let st = phonecom_call(client, bad_utf8.as_ptr().cast(), c("{}").as_ptr(), &mut out);
        assert_eq!(st, PHONECOM_ERR_INVALID_UTF8);
        assert!(last_message().contains("`name` is not valid UTF-8 (invalid byte at offset 2)"));
        let st = phonecom_call(
            client,
            c("v4.get-account").as_ptr(),
            c("{\"limit\": ").as_ptr(),
            &mut out,
        );
        assert_eq!(st, PHONECOM_ERR_INVALID_JSON);
        assert_eq!(last_json()["kind"], "invalid_json");
        let st = phonecom_client_new_from_json(c("not json").as_ptr(), ptr::null_mut());
        assert_eq!(
            st, PHONECOM_ERR_INVALID_JSON,
            "the JSON is checked before the out-parameter"
        );
        let st = phonecom_express_validate_contact(bad_utf8.as_ptr().cast(), &mut out);
        assert_eq!(st, PHONECOM_ERR_INVALID_UTF8);
        phonecom_client_free(client);
    }
    assert_eq!(out, sentinel());
}

/// Each string argument not covered above, one at a time, with the argument named and the
/// out-parameters untouched.
#[test]
fn invalid_utf8_is_refused_by_every_string_argument() {
    use phonecom::callcontrol::*;
    let client = new_client(&closed_port_config());
    let bad_bytes = [b'x', 0xc3, 0x28, 0];
    let bad = bad_bytes.as_ptr().cast::<c_char>();
    let mut builder = ptr::null_mut();
    let mut bout = ptr::dangling_mut::<phonecom_client_builder>();
    let mut pout = ptr::dangling_mut::<phonecom_pager>();
    let mut out = sentinel();
    let mut flag = true;
    let refused = |status: phonecom_status, arg: &str| {
        assert_eq!(status, PHONECOM_ERR_INVALID_UTF8, "{arg}");
        let msg = last_message();
        assert!(
            msg.contains(&format!("`{arg}` is not valid UTF-8")),
            "{msg}"
        );
    };
    unsafe {
        assert_eq!(
            phonecom_client_builder_from_json(c(&closed_port_config()).as_ptr(), &mut builder),
            PHONECOM_OK
        );
        refused(phonecom_callcontrol_parse(bad, &mut out), "query_or_body");
        refused(phonecom_callcontrol_parse_command(bad, &mut out), "line");
        refused(phonecom_callcontrol_render(bad, &mut out), "command_json");
        refused(phonecom_client_builder_set_binding(builder, bad), "name");
        refused(phonecom_e164_normalize(bad, &mut out), "number");
        refused(phonecom_e164_is_nanpa(bad, &mut flag), "number");
        refused(
            phonecom_client_builder_from_json(bad, &mut bout),
            "config_json",
        );
        refused(
            phonecom_pager_new(client, c("v4.list-account-sms").as_ptr(), bad, &mut pout),
            "params_json",
        );
        refused(
            phonecom_express_username(bad, c("12345").as_ptr(), &mut out),
            "partner",
        );
        refused(phonecom_json_get(bad, c("").as_ptr(), &mut out), "json");
        // The refused binding name left the builder as it was.
        let mut built = ptr::null_mut();
        assert_eq!(
            phonecom_client_builder_build(builder, &mut built),
            PHONECOM_OK
        );
        let mut ua = ptr::null_mut();
        assert_eq!(phonecom_client_user_agent(built, &mut ua), PHONECOM_OK);
        assert!(take(ua).contains("(c; "));
        phonecom_client_free(built);
        phonecom_client_builder_free(builder);
        phonecom_client_free(client);
    }
    assert_eq!(out, sentinel());
    assert_eq!(bout, ptr::dangling_mut());
    assert_eq!(pout, ptr::dangling_mut());
    assert!(flag);
}

/// A failure whose text holds a NUL byte (an unknown parameter named `a\u0000b`, which the
/// validation error names) still has a message: the NUL becomes U+FFFD. The JSON keeps it
/// escaped.
#[test]
fn the_last_error_message_survives_a_nul_byte() {
    let client = new_client(&closed_port_config());
    let mut out = sentinel();
    unsafe {
        let st = phonecom_call(
            client,
            c("v4.get-account").as_ptr(),
            c(r#"{"a\u0000b": 1}"#).as_ptr(),
            &mut out,
        );
        assert_eq!(st, PHONECOM_ERR_VALIDATION);
        let msg = phonecom_last_error_message();
        assert!(!msg.is_null(), "a recorded failure always has a message");
        let msg = take(msg);
        assert!(msg.contains("a\u{FFFD}b"), "{msg}");
        assert!(msg.contains("is not a parameter"), "{msg}");
        assert_eq!(last_json()["fields"][0]["field"], "a\u{0}b");
        phonecom_client_free(client);
    }
    assert_eq!(out, sentinel());
}

#[test]
fn bad_input_is_refused_before_sending_with_the_field_named() {
    let client = new_client(&closed_port_config());
    let mut out = sentinel();
    unsafe {
        let st = phonecom_call(
            client,
            c("v4.list-available-phone-numbers").as_ptr(),
            c(r#"{"limit": 900, "colour": 1}"#).as_ptr(),
            &mut out,
        );
        assert_eq!(st, PHONECOM_ERR_VALIDATION);
        let e = last_json();
        let fields: Vec<&str> = e["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["field"].as_str().unwrap())
            .collect();
        assert!(
            fields.contains(&"limit") && fields.contains(&"colour"),
            "{e}"
        );
        assert_eq!(e["attempts"], 0, "nothing was sent");
        assert_eq!(e["operation"], "v4.list-available-phone-numbers");

        let st = phonecom_call(
            client,
            c("v4.no-such-thing").as_ptr(),
            c("{}").as_ptr(),
            &mut out,
        );
        assert_eq!(st, PHONECOM_ERR_VALIDATION);
        assert!(last_message().contains("unknown operation"));

        let st = phonecom_call(
            client,
            c("v4.get-account").as_ptr(),
            c("[1, 2]").as_ptr(),
            &mut out,
        );
        assert_eq!(st, PHONECOM_ERR_VALIDATION);
        assert!(last_message().contains("params must be a JSON object"));
        phonecom_client_free(client);
    }
    assert_eq!(out, sentinel());
}

#[test]
fn bad_configurations_are_validation_errors() {
    let mut client = ptr::null_mut();
    unsafe {
        let st = phonecom_client_new_from_json(c(r#"{"v4": {"tokn": "x"}}"#).as_ptr(), &mut client);
        assert_eq!(st, PHONECOM_ERR_VALIDATION);
        assert!(last_message().contains("tokn"));
        let st = phonecom_client_new_from_json(
            c(r#"{"v4": {"base_url": "http://api.example.com/v4"}}"#).as_ptr(),
            &mut client,
        );
        assert_eq!(st, PHONECOM_ERR_VALIDATION);
        assert!(last_message().contains("loopback"));
        let st = phonecom_client_new_from_json(c("[]").as_ptr(), &mut client);
        assert_eq!(st, PHONECOM_ERR_VALIDATION);
    }
    assert!(client.is_null());
}

#[test]
fn the_catalog_and_its_entries() {
    let mut out = ptr::null_mut();
    unsafe {
        assert_eq!(phonecom_catalog_json(&mut out), PHONECOM_OK);
        let catalog: Value = serde_json::from_str(&take(out)).unwrap();
        let names: Vec<&str> = catalog["operations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["name"].as_str().unwrap())
            .collect();
        assert!(names.contains(&"v4.list-available-phone-numbers"));
        assert!(names.contains(&"express.signup"));
        assert_eq!(
            phonecom_operation_json(c("v4.create-account-subaccount").as_ptr(), &mut out),
            PHONECOM_OK
        );
        let op: Value = serde_json::from_str(&take(out)).unwrap();
        assert_eq!(op["method"], "POST");
        // One serialiser: an entry is exactly its element of the catalog (`prefilled` included).
        let listed = catalog["operations"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["name"] == "v4.create-account-subaccount")
            .unwrap();
        assert_eq!(&op, listed);
        let account = op["params"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == "account_id")
            .unwrap();
        assert_eq!(account["prefilled"], "v4.account_id", "{account}");
        assert_eq!(
            (op["auth"].as_str(), op["idempotent"].as_bool()),
            (Some("required"), Some(false))
        );
        out = sentinel();
        assert_eq!(
            phonecom_operation_json(c("v4.nope").as_ptr(), &mut out),
            PHONECOM_ERR_VALIDATION
        );
        assert_eq!(out, sentinel());
        assert_eq!(last_json()["fields"][0]["field"], "name");
    }
}

#[test]
fn helpers() {
    let mut out = ptr::null_mut();
    unsafe {
        assert_eq!(
            phonecom_express_username(c("acme").as_ptr(), c("12345").as_ptr(), &mut out),
            PHONECOM_OK
        );
        assert_eq!(take(out), "acme-12345");
        out = sentinel();
        assert_eq!(
            phonecom_express_username(c("Acme").as_ptr(), c("1").as_ptr(), &mut out),
            PHONECOM_ERR_VALIDATION
        );
        assert_eq!(out, sentinel());
        assert_eq!(last_json()["fields"][0]["field"], "partner");

        assert_eq!(
            phonecom_express_generate_password(32, &mut out),
            PHONECOM_OK
        );
        let pw = take(out);
        assert_eq!(pw.len(), 32);
        out = sentinel();
        assert_eq!(
            phonecom_express_generate_password(8, &mut out),
            PHONECOM_ERR_VALIDATION
        );
        assert_eq!(out, sentinel());
        // Huge, and a C caller's -1 (SIZE_MAX): a validation error, not an abort or a panic.
        for len in [4097, 1 << 40, usize::MAX] {
            assert_eq!(
                phonecom_express_generate_password(len, &mut out),
                PHONECOM_ERR_VALIDATION,
                "{len}"
            );
            assert_eq!(last_json()["fields"][0]["field"], "length");
            assert_eq!(out, sentinel());
        }

        let contact = r#"{"name": "Ada", "address": {"line_1": "1 St", "city": "Dallas", "province": "TX", "country": "US"}, "phone": "+15555550001", "primary_email": "a@b.co"}"#;
        assert_eq!(
            phonecom_express_validate_contact(c(contact).as_ptr(), &mut out),
            PHONECOM_OK
        );
        let back: Value = serde_json::from_str(&take(out)).unwrap();
        assert_eq!(back["address"]["city"], "Dallas");
        let bad = contact.replace("\"TX\"", "null");
        out = sentinel();
        assert_eq!(
            phonecom_express_validate_contact(c(&bad).as_ptr(), &mut out),
            PHONECOM_ERR_VALIDATION
        );
        assert!(last_json()["fields"]
            .to_string()
            .contains("contact.address.province"));

        assert_eq!(phonecom_e164_check(c("+18585550100").as_ptr()), PHONECOM_OK);
        assert_eq!(
            phonecom_e164_check(c("858-555").as_ptr()),
            PHONECOM_ERR_VALIDATION
        );
        assert!(last_message().contains("`number` must be E.164"));
        assert_eq!(
            phonecom_e164_normalize(c("(858) 555-0100").as_ptr(), &mut out),
            PHONECOM_OK
        );
        assert_eq!(take(out), "+18585550100");
        let mut nanpa = false;
        assert_eq!(
            phonecom_e164_is_nanpa(c("+18585550100").as_ptr(), &mut nanpa),
            PHONECOM_OK
        );
        assert!(nanpa);
        assert_eq!(
            phonecom_vanity_to_digits(c("1-800-FLOWERS").as_ptr(), &mut out),
            PHONECOM_OK
        );
        assert_eq!(take(out), "18003569377");
        assert_eq!(
            phonecom_vanity_to_digits(c("8%8").as_ptr(), &mut out),
            PHONECOM_ERR_VALIDATION
        );
        assert_eq!(last_json()["fields"][0]["field"], "pattern");

        let doc = r#"{"token": {"access_token": "tok"}, "items": [{"n": 1}], "s": "a\"b"}"#;
        assert_eq!(
            phonecom_json_get(c(doc).as_ptr(), c("/token/access_token").as_ptr(), &mut out),
            PHONECOM_OK
        );
        assert_eq!(take(out), "tok");
        assert_eq!(
            phonecom_json_get(c(doc).as_ptr(), c("/items/0").as_ptr(), &mut out),
            PHONECOM_OK
        );
        assert_eq!(take(out), r#"{"n":1}"#);
        assert_eq!(
            phonecom_json_get(c(doc).as_ptr(), c("/s").as_ptr(), &mut out),
            PHONECOM_OK
        );
        assert_eq!(take(out), "a\"b");
        assert_eq!(
            phonecom_json_get(c(doc).as_ptr(), c("/missing").as_ptr(), &mut out),
            PHONECOM_ERR_NOT_FOUND
        );
        assert_eq!(
            phonecom_json_get(
                c(r#"{"s": "a\u0000b"}"#).as_ptr(),
                c("/s").as_ptr(),
                &mut out
            ),
            PHONECOM_ERR_INTERIOR_NUL
        );
    }
}

#[test]
fn the_pager_refuses_what_is_not_a_list() {
    let client = new_client(&closed_port_config());
    let mut pager = ptr::null_mut();
    unsafe {
        let st = phonecom_pager_new(
            client,
            c("v4.get-account").as_ptr(),
            c("{}").as_ptr(),
            &mut pager,
        );
        assert_eq!(st, PHONECOM_ERR_VALIDATION);
        assert!(last_message().contains("not a pageable list"));
        let st = phonecom_pager_new(
            client,
            c("v4.list-available-phone-numbers").as_ptr(),
            c(r#"{"limit": 0}"#).as_ptr(),
            &mut pager,
        );
        assert_eq!(st, PHONECOM_ERR_VALIDATION);
        assert!(pager.is_null());

        // A transport failure ends the walk: the error once, then the end.
        let st = phonecom_pager_new(
            client,
            c("v4.list-available-phone-numbers").as_ptr(),
            c(r#"{"limit": 10}"#).as_ptr(),
            &mut pager,
        );
        assert_eq!(st, PHONECOM_OK);
        // The pager outlives its client.
        phonecom_client_free(client);
        let mut page = sentinel();
        assert_eq!(
            phonecom_pager_next(pager, &mut page),
            PHONECOM_ERR_TRANSPORT
        );
        phonecom_last_error_clear();
        assert_eq!(phonecom_pager_next(pager, &mut page), PHONECOM_END_OF_PAGES);
        assert_eq!(
            phonecom_last_error_status(),
            PHONECOM_OK,
            "the end is not recorded as an error"
        );
        assert_eq!(page, sentinel());
        phonecom_pager_free(pager);
    }
}

static EVENTS: Mutex<Vec<String>> = Mutex::new(Vec::new());

unsafe extern "C" fn record_event(user_data: *mut c_void, event_json: *const c_char) {
    assert_eq!(user_data as usize, 0xfeed);
    EVENTS
        .lock()
        .unwrap()
        .push(CStr::from_ptr(event_json).to_str().unwrap().to_string());
}

#[test]
fn builder_binding_and_log_callback_with_secrets_masked() {
    let mut builder = ptr::null_mut();
    let mut client = ptr::null_mut();
    let mut out = ptr::null_mut();
    unsafe {
        assert_eq!(
            phonecom_client_builder_from_json(c(&closed_port_config()).as_ptr(), &mut builder),
            PHONECOM_OK
        );
        assert_eq!(
            phonecom_client_builder_set_log(builder, Some(record_event), 0xfeed as *mut c_void),
            PHONECOM_OK
        );
        assert_eq!(
            phonecom_client_builder_build(builder, &mut client),
            PHONECOM_OK
        );
        assert_eq!(phonecom_client_user_agent(client, &mut out), PHONECOM_OK);
        assert!(take(out).contains("(c; "), "the binding is `c` by default");

        let st = phonecom_call(
            client,
            c("v4.get-account").as_ptr(),
            c("null").as_ptr(),
            &mut out,
        );
        assert_eq!(st, PHONECOM_ERR_TRANSPORT);
        let e = last_json();
        assert_eq!(e["kind"], "transport");
        assert_eq!(e["attempts"], 2);
        assert!(!e.to_string().contains("top_secret"));

        let events = EVENTS.lock().unwrap().clone();
        let kinds: Vec<String> = events
            .iter()
            .map(|e| {
                serde_json::from_str::<Value>(e).unwrap()["kind"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect();
        assert!(
            kinds.contains(&"request".to_string()) && kinds.contains(&"failure".to_string()),
            "{kinds:?}"
        );
        assert!(events.iter().all(|e| !e.contains("top_secret")));

        // A client acting with another token, and another binding name.
        let mut user = ptr::null_mut();
        assert_eq!(
            phonecom_client_with_v4_token(
                client,
                c("user_token_very_secret").as_ptr(),
                99,
                &mut user
            ),
            PHONECOM_OK
        );
        let st = phonecom_call(
            user,
            c("v4.get-account").as_ptr(),
            c("{}").as_ptr(),
            &mut out,
        );
        assert_eq!(st, PHONECOM_ERR_TRANSPORT);
        assert!(!last_message().contains("very_secret"));
        assert!(EVENTS
            .lock()
            .unwrap()
            .iter()
            .all(|e| !e.contains("very_secret")));
        phonecom_client_free(user);

        assert_eq!(
            phonecom_client_builder_set_binding(builder, c("php").as_ptr()),
            PHONECOM_OK
        );
        let mut php = ptr::null_mut();
        assert_eq!(
            phonecom_client_builder_build(builder, &mut php),
            PHONECOM_OK
        );
        assert_eq!(phonecom_client_user_agent(php, &mut out), PHONECOM_OK);
        assert!(take(out).contains("(php; "));
        phonecom_client_free(php);
        phonecom_client_free(client);
        phonecom_client_builder_free(builder);
    }
}

static COUNTED: AtomicUsize = AtomicUsize::new(0);

unsafe extern "C" fn count_event(_user_data: *mut c_void, _event_json: *const c_char) {
    COUNTED.fetch_add(1, Ordering::SeqCst);
}

#[test]
fn a_null_log_callback_removes_the_callback() {
    let mut builder = ptr::null_mut();
    let (mut logged, mut quiet) = (ptr::null_mut(), ptr::null_mut());
    let mut out = sentinel();
    unsafe {
        assert_eq!(
            phonecom_client_builder_from_json(c(&closed_port_config()).as_ptr(), &mut builder),
            PHONECOM_OK
        );
        assert_eq!(
            phonecom_client_builder_set_log(builder, Some(count_event), ptr::null_mut()),
            PHONECOM_OK
        );
        assert_eq!(
            phonecom_client_builder_build(builder, &mut logged),
            PHONECOM_OK
        );
        assert_eq!(
            phonecom_client_builder_set_log(builder, None, ptr::dangling_mut::<c_void>()),
            PHONECOM_OK,
            "NULL removes the callback"
        );
        assert_eq!(
            phonecom_client_builder_build(builder, &mut quiet),
            PHONECOM_OK
        );
        let mut get = |client| {
            phonecom_call(
                client,
                c("v4.get-account").as_ptr(),
                c("{}").as_ptr(),
                &mut out,
            )
        };
        assert_eq!(get(quiet), PHONECOM_ERR_TRANSPORT);
        assert_eq!(COUNTED.load(Ordering::SeqCst), 0, "no callback any more");
        assert_eq!(get(logged), PHONECOM_ERR_TRANSPORT);
        assert!(
            COUNTED.load(Ordering::SeqCst) > 0,
            "a client built before keeps its callback"
        );
        phonecom_client_free(quiet);
        phonecom_client_free(logged);
        phonecom_client_builder_free(builder);
    }
    assert_eq!(out, sentinel());
}

#[test]
fn one_client_many_threads_each_with_its_own_last_error() {
    struct Shared(*mut phonecom_client);
    unsafe impl Send for Shared {}
    unsafe impl Sync for Shared {}
    let client = std::sync::Arc::new(Shared(new_client(&closed_port_config())));
    let threads: Vec<_> = (0..8)
        .map(|i| {
            let client = client.clone();
            std::thread::spawn(move || {
                let mut out = ptr::null_mut();
                for _ in 0..20 {
                    // Odd threads misuse the API, even ones send bad input: each sees its own error.
                    let (params, want) = if i % 2 == 1 {
                        (None, "null_argument")
                    } else {
                        (Some(c(r#"{"limit": 900}"#)), "validation")
                    };
                    let params_ptr = params.as_ref().map_or(ptr::null(), |p| p.as_ptr());
                    let st = unsafe {
                        phonecom_call(
                            client.0,
                            c("v4.list-available-phone-numbers").as_ptr(),
                            params_ptr,
                            &mut out,
                        )
                    };
                    assert_ne!(st, PHONECOM_OK);
                    assert_eq!(last_json()["kind"], want);
                }
                assert!(out.is_null());
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    unsafe { phonecom_client_free(client.0) };
}

#[test]
fn call_control_parse_render_and_read_back() {
    use phonecom::callcontrol::*;
    let mut out = ptr::null_mut();
    unsafe {
        let q = "uniqueID=8f2a&dialedNumber=18585602222&callerIdNumber=16195550100&previous-response=play-and-get-digits%2CMain%2CD&digits=1";
        assert_eq!(
            phonecom_callcontrol_parse(c(q).as_ptr(), &mut out),
            PHONECOM_OK
        );
        let req: Value = serde_json::from_str(&take(out)).unwrap();
        assert_eq!(req["event"], "digits");
        assert_eq!(req["digits"], "1");
        out = sentinel();
        assert_eq!(
            phonecom_callcontrol_parse(c("callerIdNumber=1").as_ptr(), &mut out),
            PHONECOM_ERR_VALIDATION
        );
        assert_eq!(out, sentinel());

        let cmd = r#"{"command": "simple-forward-voicetag", "text": "Sales call", "number": "+18585550100"}"#;
        assert_eq!(
            phonecom_callcontrol_render(c(cmd).as_ptr(), &mut out),
            PHONECOM_OK
        );
        let line = take(out);
        assert_eq!(line, r#"simple-forward-voicetag,"Sales call",18585550100"#);
        assert_eq!(
            phonecom_callcontrol_parse_command(c(&line).as_ptr(), &mut out),
            PHONECOM_OK
        );
        let back: Value = serde_json::from_str(&take(out)).unwrap();
        assert_eq!(back["text"], "Sales call");

        out = sentinel();
        let injected = r#"{"command": "simple-forward-voicetag", "text": "a\"\nsimple-forward,1900", "number": "+18585550100"}"#;
        assert_eq!(
            phonecom_callcontrol_render(c(injected).as_ptr(), &mut out),
            PHONECOM_ERR_VALIDATION
        );
        assert_eq!(
            phonecom_callcontrol_render(c("{").as_ptr(), &mut out),
            PHONECOM_ERR_INVALID_JSON
        );
        assert_eq!(
            phonecom_callcontrol_render(ptr::null(), &mut out),
            PHONECOM_ERR_NULL_ARGUMENT
        );
        assert_eq!(out, sentinel());
    }
}
