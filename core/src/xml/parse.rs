//! Parsing XML API responses with roxmltree: the `<result>`/`<trID>` envelope, errors, the
//! generic element-to-JSON mapping and the typed `resultData` of each action. Elements are found
//! by name, never by position (the document warns that order is not guaranteed).

use super::models::*;
use crate::error::{Error, ErrorKind, Result};
use roxmltree::{Document, Node};
use serde::Serialize;
use serde_json::{json, Map, Value};

/// Decode a whole response body of `action` into the generic call's JSON shape (see the
/// [module docs](super)); an `error` status becomes an [`Error`] with the upstream message and the
/// `svTRID` as request id. A body that is not well-formed XML, is truncated or has no `<result>`
/// is a decode error that keeps a bounded prefix of the raw body.
///
/// ```
/// let body = br#"<response><result status="ok"><msg>Command completed successfully</msg>
///   <resultDate>2010-08-19T04:21:54.0000Z</resultDate></result>
///   <trID><clTRID/><svTRID>12821917141082580761</svTRID></trID></response>"#;
/// let v = phonecom::xml::decode_response("sendSMS", body).unwrap();
/// assert_eq!(v["status"], "ok");
/// assert_eq!(v["svTRID"], "12821917141082580761");
/// assert!(v["clTRID"].is_null() && v["data"].is_null());
/// ```
pub fn decode_response(action: &str, body: &[u8]) -> Result<Value> {
    decode_inner(action, body, true).map_err(|e| e.with_operation(&format!("xml.{action}")))
}

/// [`decode_response`] by the full parser alone, never the one-pass decoder of `getCallList`
/// ([`call_list`](super::call_list)): the reference the tests and the fuzz target compare the
/// one-pass decoder with.
pub(crate) fn decode_response_tree(action: &str, body: &[u8]) -> Result<Value> {
    decode_inner(action, body, false).map_err(|e| e.with_operation(&format!("xml.{action}")))
}

/// What the one-pass decoder of `getCallList` makes of `body` on its own: `None` when it
/// leaves the body to the full parser (see [`call_list`](super::call_list)).
pub(crate) fn decode_call_list_one_pass(body: &[u8]) -> Option<Value> {
    super::call_list::decode(std::str::from_utf8(body).ok()?)
}

/// Deepest element nesting accepted. The documented responses nest about 6 deep; the mapping to
/// JSON recurses per level, so a hostile or broken body nested thousands deep would otherwise
/// exhaust the stack and kill the host process.
const MAX_DEPTH: usize = 64;

/// Whether any node of `doc` is more than `max` levels below the root, in one pass over the
/// nodes (document order visits a parent before its children).
fn nesting_exceeds(doc: &Document, max: usize) -> bool {
    let mut depth = vec![0usize; doc.descendants().count()];
    for node in doc.root().descendants() {
        let d = node
            .parent()
            .and_then(|p| depth.get(p.id().get_usize()))
            .map_or(0, |d| d + 1);
        if d > max {
            return true;
        }
        if let Some(slot) = depth.get_mut(node.id().get_usize()) {
            *slot = d;
        }
    }
    false
}

/// The decoding: `getCallList` in one pass over the text when `one_pass` and the reply is the
/// usual one, everything else with the full parser (roxmltree).
fn decode_inner(action: &str, body: &[u8], one_pass: bool) -> Result<Value> {
    let text = std::str::from_utf8(body).map_err(|e| {
        Error::decode(
            format!("XML API response is not UTF-8 text ({e}); the raw body is kept"),
            body,
        )
    })?;
    if one_pass && action == "getCallList" {
        if let Some(v) = super::call_list::decode(text) {
            return Ok(v);
        }
    }
    if text.trim().is_empty() {
        return Err(Error::decode("XML API response is empty", body));
    }
    let doc = Document::parse(text).map_err(|e| {
        Error::decode(
            format!("XML API response is not well-formed XML ({e}); the raw body is kept"),
            body,
        )
    })?;
    if nesting_exceeds(&doc, MAX_DEPTH) {
        return Err(Error::decode(
            format!(
                "XML API response nests elements more than {MAX_DEPTH} deep (no documented response comes close); the raw body is kept"
            ),
            body,
        ));
    }
    let root = doc.root_element();
    let result = find(root, "result").ok_or_else(|| {
        Error::decode(
            "XML API response has no <result> element; the raw body is kept",
            body,
        )
    })?;
    let msg = find_child(result, "msg").and_then(leaf_text);
    let result_date = find_child(result, "resultDate").and_then(leaf_text);
    let tr = find(root, "trID");
    let cl_trid = tr.and_then(|t| find_child(t, "clTRID")).and_then(leaf_text);
    let sv_trid = tr.and_then(|t| find_child(t, "svTRID")).and_then(leaf_text);
    let status = result.attribute("status").unwrap_or("");
    if status.eq_ignore_ascii_case("error") {
        return Err(upstream_error(msg.as_deref(), sv_trid));
    }
    if !status.eq_ignore_ascii_case("ok") {
        return Err(Error::decode(
            format!(
                "XML API <result> has status `{status}` (expected ok or error); the raw body is kept"
            ),
            body,
        )
        .with_request_id(sv_trid));
    }
    let result_data = find(root, "resultData");
    let data = data_of(action, result_data, msg.as_deref())
        .map_err(|e| Error::decode(e, body).with_request_id(sv_trid.clone()))?;
    Ok(envelope(msg, result_date, cl_trid, sv_trid, data))
}

/// The result of an `ok` reply: `{"status": "ok", "msg", "resultDate", "clTRID", "svTRID",
/// "data"}`, the values moved in (`json!` would copy `data` through serde, a second time).
pub(super) fn envelope(
    msg: Option<String>,
    result_date: Option<String>,
    cl_trid: Option<String>,
    sv_trid: Option<String>,
    data: Value,
) -> Value {
    let text = |t: Option<String>| t.map_or(Value::Null, Value::String);
    let mut m = Map::with_capacity(6);
    m.insert("status".into(), Value::String("ok".into()));
    m.insert("msg".into(), text(msg));
    m.insert("resultDate".into(), text(result_date));
    m.insert("clTRID".into(), text(cl_trid));
    m.insert("svTRID".into(), text(sv_trid));
    m.insert("data".into(), data);
    Value::Object(m)
}

/// The error an `error` status stands for: its kind read from the message where it is clear.
pub(crate) fn upstream_error(msg: Option<&str>, sv_trid: Option<String>) -> Error {
    let text = msg
        .filter(|m| !m.trim().is_empty())
        .unwrap_or("the XML API reported an error without a message");
    let kind = kind_of_message(text);
    Error::new(kind, format!("XML API error: {text}"))
        .with_family("xml")
        .with_upstream(None, Some(text.to_string()))
        .with_request_id(sv_trid)
        .with_retryable(matches!(kind, ErrorKind::Server | ErrorKind::RateLimited))
}

/// The error kind an XML API error message stands for. Only clear wording maps to a specific
/// kind; everything else is a refused request ([`ErrorKind::Validation`]). A failed login is
/// recognised first; a refusal that is about permission ("not authorized ... use the master
/// account's username and password") wins over the mere mention of credentials.
pub fn kind_of_message(msg: &str) -> ErrorKind {
    let m = msg.to_ascii_lowercase();
    let any = |words: &[&str]| words.iter().any(|w| m.contains(w));
    if any(&[
        "authentication",
        "authenticate",
        "invalid username",
        "invalid password",
        "incorrect password",
        "wrong password",
        "bad password",
        "invalid login",
        "login failed",
        "invalid credentials",
    ]) {
        ErrorKind::Authentication
    } else if any(&[
        "not authorized",
        "not authorised",
        "permission",
        "forbidden",
        "not allowed",
        "access denied",
        "not enabled",
        "not activated",
    ]) {
        ErrorKind::Permission
    } else if any(&["username or password", "username and password"]) {
        ErrorKind::Authentication
    } else if any(&[
        "not found",
        "does not exist",
        "doesn't exist",
        "no such",
        "unknown account",
    ]) {
        ErrorKind::NotFound
    } else if any(&["rate limit", "too many requests", "try again later"]) {
        ErrorKind::RateLimited
    } else if any(&[
        "internal error",
        "server error",
        "temporarily unavailable",
        "service unavailable",
        "database error",
    ]) {
        ErrorKind::Server
    } else if any(&[
        "already exists",
        "already in use",
        "already reserved",
        "already taken",
    ]) {
        ErrorKind::Conflict
    } else {
        ErrorKind::Validation
    }
}

// ---- navigation -------------------------------------------------------------------------

fn name_is(n: Node, name: &str) -> bool {
    n.is_element() && n.tag_name().name().eq_ignore_ascii_case(name)
}

fn find_child<'a, 'i>(n: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    n.children().find(|c| name_is(*c, name))
}

/// `name` itself, a child of `root`, or else the first descendant outside `<resultData>`.
fn find<'a, 'i>(root: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    if name_is(root, name) {
        return Some(root);
    }
    find_child(root, name).or_else(|| {
        root.descendants().find(|d| {
            name_is(*d, name)
                && !d
                    .ancestors()
                    .skip(1)
                    .any(|a| name_is(a, "resultData") && a != root)
        })
    })
}

pub(super) fn elements<'a, 'i>(n: Node<'a, 'i>) -> impl Iterator<Item = Node<'a, 'i>> {
    n.children().filter(Node::is_element)
}

/// The element's own text, trimmed; `None` when empty.
pub(super) fn leaf_text(n: Node) -> Option<String> {
    let t: String = n
        .children()
        .filter(|c| c.is_text())
        .filter_map(|c| c.text())
        .collect();
    let t = t.trim();
    (!t.is_empty()).then(|| t.to_string())
}

// ---- the generic mapping ------------------------------------------------------------------

/// Whether `n` is a list container: its name ends in `list` (`callList`, `voice-list`), or is
/// the plural of its children's common name (`recipients` of `recipient`).
fn is_container(n: Node) -> bool {
    let name = n.tag_name().name().to_ascii_lowercase();
    let mut kids = elements(n);
    let first = kids.next();
    let same = match first {
        Some(f) => kids.all(|k| k.tag_name().name() == f.tag_name().name()),
        None => true,
    };
    if !same {
        return false;
    }
    if name.ends_with("list") {
        return true;
    }
    match first {
        Some(f) => {
            let child = f.tag_name().name().to_ascii_lowercase();
            name == format!("{child}s") || name == format!("{child}es")
        }
        None => false,
    }
}

/// The generic element-to-JSON mapping (see the module docs).
pub(crate) fn element_json(n: Node) -> Value {
    if is_container(n) {
        let items: Vec<Value> = elements(n).map(element_json).collect();
        if n.attributes().len() == 0 {
            return Value::Array(items);
        }
        let mut m = attributes(n);
        m.insert("items".into(), Value::Array(items));
        return Value::Object(m);
    }
    if n.attributes().len() == 0 && elements(n).next().is_none() {
        return leaf_text(n).map(Value::String).unwrap_or(Value::Null);
    }
    let mut m = attributes(n);
    // Children grouped by name, in order of first appearance; a repeated name becomes a list.
    let mut groups: Vec<(String, Vec<Value>)> = Vec::new();
    for c in elements(n) {
        let key = c.tag_name().name();
        let v = element_json(c);
        match groups.iter_mut().find(|(k, _)| k == key) {
            Some((_, vs)) => vs.push(v),
            None => groups.push((key.to_string(), vec![v])),
        }
    }
    for (key, mut vs) in groups {
        if let Some(a) = m.remove(&key) {
            // An attribute and a child element share a name: the attribute moves to `@name`.
            m.insert(format!("@{key}"), a);
        }
        let v = if vs.len() == 1 {
            vs.pop().unwrap_or(Value::Null)
        } else {
            Value::Array(vs)
        };
        m.insert(key, v);
    }
    if let Some(t) = leaf_text(n) {
        m.entry("value").or_insert(Value::String(t));
    }
    Value::Object(m)
}

fn attributes(n: Node) -> Map<String, Value> {
    n.attributes()
        .map(|a| (a.name().to_string(), Value::String(a.value().to_string())))
        .collect()
}

/// A row as an object: a leaf row's text goes under `value`, a nested list under `items`.
fn row_object(n: Node) -> Map<String, Value> {
    match element_json(n) {
        Value::Object(m) => m,
        Value::Null => Map::new(),
        Value::Array(items) => [("items".to_string(), Value::Array(items))]
            .into_iter()
            .collect(),
        other => [("value".to_string(), other)].into_iter().collect(),
    }
}

/// `resultData` as an object (empty when absent).
fn data_object(rd: Option<Node>) -> Map<String, Value> {
    rd.map(row_object).unwrap_or_default()
}

// ---- typed resultData ---------------------------------------------------------------------

type Decoded<T> = std::result::Result<T, String>;

fn to_value<T: Serialize>(v: &T) -> Value {
    serde_json::to_value(v).expect("result types serialise to JSON")
}

fn data_of(action: &str, rd: Option<Node>, msg: Option<&str>) -> Decoded<Value> {
    Ok(match action {
        "getPhoneNumberList" => to_value(&Rows {
            items: list(rd, &["phoneNumberList"], "phoneNumber", listed_number)?,
        }),
        "getCallList" => {
            let items = list_nodes(rd, &["callList"], "call")?
                .into_iter()
                .map(|n| super::call_rows::call_row(n).map_or_else(|| generic_call_row(n), Ok))
                .collect::<Decoded<Vec<Value>>>()?;
            let mut data = Map::with_capacity(1);
            data.insert("items".into(), Value::Array(items));
            Value::Object(data)
        }
        "getVoiceList" => to_value(&Rows {
            items: list(rd, &["voice-list", "voiceList"], "voice", voice)?,
        }),
        "getPhoneNumberInventory" => to_value(&Rows {
            items: rows(rd)
                .into_iter()
                .map(inventory_number)
                .collect::<Decoded<Vec<_>>>()?,
        }),
        "getPhoneNumberCountryList"
        | "getPhoneNumberPrefixList"
        | "getPhoneNumberStateList"
        | "getPhoneNumberRegionList"
        | "getPhoneNumberLocalityList"
        | "getSoundList" => to_value(&Rows { items: rows(rd) }),
        "getPhoneNumberPortingEligibility" => {
            let eligible = rd
                .and_then(|rd| rd.descendants().filter_map(leaf_text).find_map(yes_no))
                .or_else(|| msg.and_then(|m| yes_no(m.to_string())));
            to_value(&PortingEligibility {
                eligible,
                extra: aside(data_object(rd), "eligible", json!(eligible)),
            })
        }
        "previewChatCall" => {
            let url = rd.and_then(find_url);
            to_value(&ChatCallPreview {
                extra: aside(data_object(rd), "url", json!(url)),
                url,
            })
        }
        "sendChatCall" => {
            let chat_call_id = rd.and_then(find_chat_call_id);
            to_value(&ChatCallSent {
                extra: aside(data_object(rd), "chatCallId", json!(chat_call_id)),
                chat_call_id,
            })
        }
        "getChatCallStatus" => to_value(&chat_call_status(data_object(rd))?),
        _ => match rd {
            Some(rd) if elements(rd).next().is_some() || rd.attributes().len() > 0 => {
                Value::Object(row_object(rd))
            }
            Some(rd) => leaf_text(rd).map(Value::String).unwrap_or(Value::Null),
            None => Value::Null,
        },
    })
}

/// `extra` without `key` (a named field of the typed result): an element of that name whose
/// value differs from the named field's moves to `@key`, so that nothing is lost.
fn aside(mut extra: Map<String, Value>, key: &str, named: Value) -> Map<String, Value> {
    if let Some(v) = extra.remove(key) {
        if v != named {
            extra.insert(format!("@{key}"), v);
        }
    }
    extra
}

/// The rows of a documented list: the children of the container named in `containers`, or the
/// `row` elements directly under `resultData`. No `resultData`, or an empty one, is an empty
/// list; anything else without the container is a decode error.
fn list<T>(
    rd: Option<Node>,
    containers: &[&str],
    row: &str,
    f: fn(Map<String, Value>) -> Decoded<T>,
) -> Decoded<Vec<T>> {
    list_nodes(rd, containers, row)?
        .into_iter()
        .map(|n| f(row_object(n)))
        .collect()
}

/// The row elements of a documented list (see [`list`]).
fn list_nodes<'a, 'i>(
    rd: Option<Node<'a, 'i>>,
    containers: &[&str],
    row: &str,
) -> Decoded<Vec<Node<'a, 'i>>> {
    let Some(rd) = rd else {
        return Ok(Vec::new());
    };
    Ok(
        match elements(rd).find(|c| containers.iter().any(|n| name_is(*c, n))) {
            Some(container) => elements(container).collect(),
            None if elements(rd).all(|c| name_is(c, row)) => elements(rd).collect(),
            None => {
                return Err(format!(
                    "XML API <resultData> has no <{}> list; the raw body is kept",
                    containers[0]
                ))
            }
        },
    )
}

/// The rows of a list whose container the document does not name: the children of the single
/// container under `resultData` (see [`is_container`]), or else every child of `resultData`.
fn rows(rd: Option<Node>) -> Vec<Row> {
    let Some(rd) = rd else {
        return Vec::new();
    };
    let kids: Vec<Node> = elements(rd).collect();
    let nodes: Vec<Node> = match kids.as_slice() {
        [only] if is_container(*only) => elements(*only).collect(),
        _ => kids,
    };
    nodes.into_iter().map(row_object).collect()
}

fn take_str(m: &mut Map<String, Value>, key: &str) -> Decoded<Option<String>> {
    match m.remove(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(format!(
            "XML API <{key}> has unexpected content ({other}); the raw body is kept"
        )),
    }
}

fn take_num<T: std::str::FromStr>(m: &mut Map<String, Value>, key: &str) -> Decoded<Option<T>> {
    match take_str(m, key)? {
        None => Ok(None),
        Some(s) => s.trim().parse().map(Some).map_err(|_| {
            format!("XML API <{key}> is not a whole number (`{s}`); the raw body is kept")
        }),
    }
}

fn listed_number(mut m: Map<String, Value>) -> Decoded<ListedNumber> {
    Ok(ListedNumber {
        id: take_str(&mut m, "id")?,
        phone_number: take_str(&mut m, "phoneNumber")?,
        nick_name: take_str(&mut m, "nickName")?,
        rate_center: take_str(&mut m, "rateCenter")?,
        extra: m,
    })
}

/// A time element such as `<startTime gmt="2009-10-27T21:42:15.0000Z">1256679735</startTime>`:
/// its epoch seconds and its `gmt` attribute.
fn take_time(m: &mut Map<String, Value>, key: &str) -> Decoded<(Option<i64>, Option<String>)> {
    Ok(match m.remove(key) {
        Some(Value::Object(mut st)) => {
            let gmt = take_str(&mut st, "gmt")?;
            let secs = take_num(&mut st, "value")?;
            if !st.is_empty() {
                return Err(format!(
                    "XML API <{key}> has unexpected attributes ({}); the raw body is kept",
                    Value::Object(st)
                ));
            }
            (secs, gmt)
        }
        Some(v) => {
            let mut one = Map::new();
            one.insert(key.into(), v);
            (take_num(&mut one, key)?, None)
        }
        None => (None, None),
    })
}

/// A `getCallList` row through the generic mapping and [`CallRecord`] (the rows
/// [`call_row`](super::call_rows::call_row) leaves to it).
pub(super) fn generic_call_row(n: Node) -> Decoded<Value> {
    call_record(row_object(n)).map(|r| to_value(&r))
}

fn call_record(mut m: Map<String, Value>) -> Decoded<CallRecord> {
    let (start_time, start_time_gmt) = take_time(&mut m, "startTime")?;
    Ok(CallRecord {
        id: take_str(&mut m, "id")?,
        start_time,
        start_time_gmt,
        caller_id: take_str(&mut m, "callerId")?,
        called_number: take_str(&mut m, "calledNumber")?,
        duration: take_num(&mut m, "duration")?,
        final_action: take_str(&mut m, "finalAction")?,
        final_action_duration: take_num(&mut m, "finalActionDuration")?,
        url: take_str(&mut m, "url")?,
        transcription: take_str(&mut m, "transcription")?,
        extra: m,
    })
}

fn voice(mut m: Map<String, Value>) -> Decoded<Voice> {
    Ok(Voice {
        id: take_str(&mut m, "id")?,
        name: take_str(&mut m, "name")?,
        language: take_str(&mut m, "language")?,
        dialect: take_str(&mut m, "dialect")?,
        sex: take_str(&mut m, "sex")?,
        extra: m,
    })
}

fn inventory_number(mut m: Map<String, Value>) -> Decoded<InventoryNumber> {
    let phone_number = match take_str(&mut m, "phoneNumber")? {
        Some(n) => Some(n),
        None => take_str(&mut m, "value")?,
    };
    Ok(InventoryNumber {
        phone_number,
        human_readable: take_str(&mut m, "humanReadable")?,
        extra: m,
    })
}

/// `getChatCallStatus`: the fields of the one element under `resultData` (`<chatCallStatus>`),
/// or of `resultData` itself, and the rows of its `<recipients>` list.
fn chat_call_status(data: Map<String, Value>) -> Decoded<ChatCallStatus> {
    let mut m = match data.values().next() {
        Some(Value::Object(inner)) if data.len() == 1 => inner.clone(),
        _ => data,
    };
    let chat_call_id = match take_str(&mut m, "ChatCallID")? {
        Some(id) => Some(id),
        None => take_str(&mut m, "chatCallId")?,
    };
    let status = take_str(&mut m, "status")?;
    let (send_date, send_date_gmt) = take_time(&mut m, "sendDate")?;
    let response_type = take_str(&mut m, "responseType")?;
    let rows: Vec<Value> = match m.remove("recipients") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(rows)) => rows,
        // `<recipients>` with attributes: its rows are under `items`, or one `recipient`.
        Some(Value::Object(mut o)) => match o.remove("items").or_else(|| o.remove("recipient")) {
            Some(Value::Array(rows)) => rows,
            Some(one) => vec![one],
            None => Vec::new(),
        },
        Some(other) => {
            return Err(format!(
                "XML API <recipients> has unexpected content ({other}); the raw body is kept"
            ))
        }
    };
    let recipients = rows
        .into_iter()
        .map(|row| match row {
            Value::Object(r) => chat_call_recipient(r),
            other => Err(format!(
                "XML API <recipient> has unexpected content ({other}); the raw body is kept"
            )),
        })
        .collect::<Decoded<Vec<_>>>()?;
    Ok(ChatCallStatus {
        chat_call_id,
        status,
        send_date,
        send_date_gmt,
        response_type,
        recipients,
        extra: m,
    })
}

fn chat_call_recipient(mut m: Map<String, Value>) -> Decoded<ChatCallRecipientStatus> {
    Ok(ChatCallRecipientStatus {
        to_name: take_str(&mut m, "toName")?,
        to_number: take_str(&mut m, "toNumber")?,
        status: take_str(&mut m, "status")?,
        response: take_str(&mut m, "response")?,
        duration: take_num(&mut m, "duration")?,
        extra: m,
    })
}

fn yes_no(s: String) -> Option<bool> {
    match s.trim().to_ascii_lowercase().trim_end_matches('.') {
        "yes" | "y" | "true" | "eligible" => Some(true),
        "no" | "n" | "false" | "not eligible" | "ineligible" => Some(false),
        _ => None,
    }
}

fn find_url(rd: Node) -> Option<String> {
    let looks_like_url = |t: &str| t.starts_with("http://") || t.starts_with("https://");
    rd.descendants().filter(|n| n.is_element()).find_map(|n| {
        let named = n.tag_name().name().to_ascii_lowercase().contains("url");
        leaf_text(n)
            .filter(|t| named || looks_like_url(t))
            .or_else(|| {
                n.attributes()
                    .find(|a| a.name().eq_ignore_ascii_case("url") || looks_like_url(a.value()))
                    .map(|a| a.value().to_string())
            })
    })
}

fn find_chat_call_id(rd: Node) -> Option<String> {
    let squash = |s: &str| -> String {
        s.chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase()
    };
    let elements: Vec<Node> = rd.descendants().filter(|n| n.is_element()).collect();
    // An element or attribute called ChatCallID (any case or separator) ...
    elements
        .iter()
        .find_map(|n| {
            (squash(n.tag_name().name()) == "chatcallid")
                .then(|| leaf_text(*n))
                .flatten()
                .or_else(|| {
                    n.attributes()
                        .find(|a| squash(a.name()) == "chatcallid")
                        .map(|a| a.value().to_string())
                })
        })
        // ... or the `id` of a <chatCall> element ...
        .or_else(|| {
            elements
                .iter()
                .filter(|n| squash(n.tag_name().name()) == "chatcall")
                .find_map(|n| n.attribute("id").map(str::to_string))
        })
        // ... or the one `id` element of the response.
        .or_else(|| {
            let ids: Vec<String> = elements
                .iter()
                .filter(|n| squash(n.tag_name().name()) == "id")
                .filter_map(|n| leaf_text(*n))
                .collect();
            (ids.len() == 1).then(|| ids[0].clone())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn generic(xml: &str) -> Value {
        let doc = Document::parse(xml).unwrap();
        element_json(doc.root_element())
    }

    #[test]
    fn generic_mapping() {
        assert_eq!(generic("<a>text</a>"), json!("text"));
        assert_eq!(generic("<a/>"), Value::Null);
        assert_eq!(
            generic(r#"<a x="1">t</a>"#),
            json!({"x": "1", "value": "t"})
        );
        assert_eq!(
            generic("<a><b>1</b><b>2</b><b>3</b><c/></a>"),
            json!({"b": ["1", "2", "3"], "c": null})
        );
        assert_eq!(generic("<fooList/>"), json!([]));
        assert_eq!(
            generic("<recipients><recipient>a</recipient></recipients>"),
            json!(["a"])
        );
        assert_eq!(
            generic(r#"<a id="1"><id>2</id></a>"#),
            json!({"@id": "1", "id": "2"})
        );
    }

    #[test]
    fn chat_call_status_per_recipient() {
        let body = r#"<chatCallStatus><ChatCallID>7</ChatCallID><status>completed</status>
            <sendDate gmt="2030-01-01T12:00:00.0000Z">1893499200</sendDate>
            <responseType>yes_no</responseType><region>west</region>
            <recipients>
              <recipient><toName>Ann</toName><toNumber>+18585550102</toNumber>
                <status>answered</status><response>yes</response><duration>17</duration></recipient>
              <recipient><toName>Bob</toName><toNumber>+16045550107</toNumber>
                <status>busy</status><response/><duration>0</duration><attempts>2</attempts></recipient>
            </recipients></chatCallStatus>"#;
        let doc = Document::parse(body).unwrap();
        let mut wrapped = Map::new();
        wrapped.insert("chatCallStatus".into(), element_json(doc.root_element()));
        let st = chat_call_status(wrapped).unwrap();
        assert_eq!(st.chat_call_id.as_deref(), Some("7"));
        assert_eq!(st.status.as_deref(), Some("completed"));
        assert_eq!(st.send_date, Some(1_893_499_200));
        assert_eq!(
            st.send_date_gmt.as_deref(),
            Some("2030-01-01T12:00:00.0000Z")
        );
        assert_eq!(st.response_type.as_deref(), Some("yes_no"));
        assert_eq!(st.extra["region"], "west", "unnamed elements are kept");
        assert_eq!(st.recipients.len(), 2);
        let (ann, bob) = (&st.recipients[0], &st.recipients[1]);
        assert_eq!(
            (
                ann.to_name.as_deref(),
                ann.status.as_deref(),
                ann.response.as_deref()
            ),
            (Some("Ann"), Some("answered"), Some("yes"))
        );
        assert_eq!(ann.duration, Some(17));
        assert_eq!(
            (bob.status.as_deref(), bob.response.as_deref()),
            (Some("busy"), None)
        );
        assert_eq!(bob.extra["attempts"], "2");
        // No recipients and no wrapper: an empty list, the fields read from resultData itself.
        let mut flat = Map::new();
        flat.insert("status".into(), json!("scheduled"));
        let st = chat_call_status(flat).unwrap();
        assert_eq!(
            (st.status.as_deref(), st.recipients.len()),
            (Some("scheduled"), 0)
        );
        // A duration that is not a number is a decode error, never a guess.
        let mut bad = Map::new();
        bad.insert("recipients".into(), json!([{"duration": "long"}]));
        assert!(chat_call_status(bad).unwrap_err().contains("<duration>"));
    }

    #[test]
    fn message_kinds() {
        assert_eq!(
            kind_of_message("Authentication failed"),
            ErrorKind::Authentication
        );
        assert_eq!(
            kind_of_message("Invalid username or password"),
            ErrorKind::Authentication
        );
        assert_eq!(
            kind_of_message("Phone number not found"),
            ErrorKind::NotFound
        );
        assert_eq!(
            kind_of_message("You are not authorized to manage this account"),
            ErrorKind::Permission
        );
        assert_eq!(
            kind_of_message(
                "You are not authorized to cancel accounts: use the username and password of the master account"
            ),
            ErrorKind::Permission
        );
        assert_eq!(
            kind_of_message("Missing username and password"),
            ErrorKind::Authentication
        );
        assert_eq!(
            kind_of_message("Username already exists"),
            ErrorKind::Conflict
        );
        assert_eq!(kind_of_message("Internal error"), ErrorKind::Server);
        assert_eq!(
            kind_of_message("Missing parameter: toNumber"),
            ErrorKind::Validation
        );
    }

    #[test]
    fn hostile_nesting_is_a_decode_error_not_a_stack_overflow() {
        let nested = |n: usize| {
            format!(
                r#"<?xml version="1.0"?><response><result status="ok"><msg>ok</msg></result><resultData>{}x{}</resultData></response>"#,
                "<a>".repeat(n),
                "</a>".repeat(n)
            )
        };
        let e = decode_response("getSoundList", nested(100_000).as_bytes()).unwrap_err();
        assert_eq!(e.kind(), crate::ErrorKind::Decode);
        assert!(e.to_string().contains("more than 64 deep"), "{e}");
        // Nesting well within the limit still maps.
        assert!(decode_response("getSoundList", nested(40).as_bytes()).is_ok());
    }
}
