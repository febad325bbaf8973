//! A whole `getCallList` reply decoded in one pass over its text ([`Scanner`]), straight into
//! the result JSON: no tree, no map per row, no typed record in between. A 500-row reply is
//! 5,000 elements; building a tree of them and then walking it was most of the decoder's time.
//!
//! It takes the reply the API sends, in any order of its parts:
//!
//! ```xml
//! <response>
//!   <result status="ok"><msg>...</msg><resultDate>...</resultDate></result>
//!   <resultData><callList><call id="...">...</call>...</callList></resultData>
//!   <trID><clTRID>...</clTRID><svTRID>...</svTRID></trID>
//! </response>
//! ```
//!
//! with every row made of the named fields only (as [`call_row`](super::call_rows) takes them).
//! Anything else (an error status, an element the document does not name, a number that does
//! not parse, XML outside the scanner's subset) returns `None`, and [`decode_response`]
//! gives the body to the full parser, which decodes it or words the error. So the JSON is the
//! full parser's whenever this returns one; the tests and the fuzz target check exactly that.
//!
//! [`decode_response`]: super::decode_response

use super::call_rows::ELEMENTS;
use super::parse::envelope;
use super::scan::{Scanner, Token};
use serde_json::{Map, Value};
use std::borrow::Cow;

/// The reply's JSON (see the [module docs](self)), or `None` when the full parser must read it.
pub(super) fn decode(src: &str) -> Option<Value> {
    let mut s = Scanner::new(src)?;
    let Token::Open {
        name: "response",
        attr: None,
        empty: false,
    } = first_element(&mut s)?
    else {
        return None;
    };
    let mut result: Option<[Option<Cow<str>>; 2]> = None;
    let mut items: Option<Vec<Value>> = None;
    let mut trid: Option<[Option<Cow<str>>; 2]> = None;
    loop {
        match s.next()? {
            Token::Space(_) => {}
            Token::Open {
                name: "result",
                attr: Some(("status", status)),
                empty,
            } if result.is_none() && status.eq_ignore_ascii_case("ok") => {
                result = Some(leaves(&mut s, "result", empty, ["msg", "resultDate"])?);
            }
            Token::Open {
                name: "resultData",
                attr: None,
                empty,
            } if items.is_none() => {
                items = Some(if empty {
                    Vec::new()
                } else {
                    result_data(&mut s)?
                });
            }
            Token::Open {
                name: "trID",
                attr: None,
                empty,
            } if trid.is_none() => {
                trid = Some(leaves(&mut s, "trID", empty, ["clTRID", "svTRID"])?);
            }
            Token::Close("response") => break,
            _ => return None,
        }
    }
    loop {
        match s.next()? {
            Token::Space(_) => {}
            Token::Eof => break,
            _ => return None,
        }
    }
    let [msg, result_date] = result?.map(owned);
    let [cl_trid, sv_trid] = trid.unwrap_or_default().map(owned);
    let mut data = Map::with_capacity(1);
    data.insert("items".into(), Value::Array(items.unwrap_or_default()));
    Some(envelope(
        msg,
        result_date,
        cl_trid,
        sv_trid,
        Value::Object(data),
    ))
}

/// The root's opening tag, past white space.
fn first_element<'a>(s: &mut Scanner<'a>) -> Option<Token<'a>> {
    loop {
        match s.next()? {
            Token::Space(_) => {}
            open @ Token::Open { .. } => return Some(open),
            _ => return None,
        }
    }
}

/// The leaf children of `parent` named in `names` (each at most once, no attributes), their
/// text in the order of `names`; up to and including `</parent>`.
fn leaves<'a, const N: usize>(
    s: &mut Scanner<'a>,
    parent: &str,
    empty: bool,
    names: [&str; N],
) -> Option<[Option<Cow<'a, str>>; N]> {
    let mut found: [Option<Option<Cow<'a, str>>>; N] = std::array::from_fn(|_| None);
    if !empty {
        loop {
            match s.next()? {
                Token::Space(_) => {}
                Token::Open {
                    name,
                    attr: None,
                    empty,
                } => {
                    let slot = found.get_mut(names.iter().position(|n| *n == name)?)?;
                    if slot.is_some() {
                        return None;
                    }
                    *slot = Some(leaf(s, name, empty)?);
                }
                Token::Close(name) if name == parent => break,
                _ => return None,
            }
        }
    }
    Some(found.map(Option::flatten))
}

/// The text of a leaf element (character data and CDATA, trimmed; `None` when empty), up to
/// and including `</name>`; the outer `None` when the element is not a leaf.
fn leaf<'a>(s: &mut Scanner<'a>, name: &str, empty: bool) -> Option<Option<Cow<'a, str>>> {
    if empty {
        return Some(None);
    }
    let mut all = Cow::Borrowed("");
    while !s.close(name) {
        let piece = match s.next()? {
            Token::Text(t) => t,
            // A carriage return between pieces of text would be read as a line feed.
            Token::Space(t) if !t.contains('\r') => t.into(),
            Token::CData(t) => t.into(),
            Token::Close(n) if n == name => break,
            _ => return None,
        };
        if all.is_empty() {
            all = piece;
        } else {
            all.to_mut().push_str(&piece);
        }
    }
    let trimmed = match all {
        Cow::Borrowed(t) => Cow::Borrowed(t.trim()),
        Cow::Owned(t) => Cow::Owned(t.trim().to_string()),
    };
    Some((!trimmed.is_empty()).then_some(trimmed))
}

/// The rows of `<resultData>`: its one `<callList>`, or nothing; up to `</resultData>`.
fn result_data(s: &mut Scanner) -> Option<Vec<Value>> {
    let mut rows = None;
    loop {
        match s.next()? {
            Token::Space(_) => {}
            Token::Open {
                name: "callList",
                attr: None,
                empty,
            } if rows.is_none() => {
                rows = Some(if empty { Vec::new() } else { call_list(s)? });
            }
            Token::Close("resultData") => return Some(rows.unwrap_or_default()),
            _ => return None,
        }
    }
}

/// A row with every named field null, in the order of its JSON: `id` (the attribute) first, then
/// the [`ELEMENTS`], with `startTimeGmt` (`startTime`'s `gmt` attribute) right after `startTime`.
fn empty_row() -> Map<String, Value> {
    let mut row = Map::with_capacity(ELEMENTS.len() + 2);
    row.insert("id".into(), Value::Null);
    for name in ELEMENTS {
        row.insert(name.into(), Value::Null);
        if name == "startTime" {
            row.insert("startTimeGmt".into(), Value::Null);
        }
    }
    row
}

/// The `<call>` rows of a `<callList>`, up to `</callList>`.
fn call_list(s: &mut Scanner) -> Option<Vec<Value>> {
    let template = empty_row();
    let mut rows = Vec::new();
    loop {
        match s.next()? {
            Token::Space(_) => {}
            Token::Open {
                name: "call",
                attr,
                empty,
            } => {
                let id = match attr {
                    None => None,
                    Some(("id", id)) => Some(id),
                    Some(_) => return None,
                };
                rows.push(call(s, &template, id, empty)?);
            }
            Token::Close("callList") => return Some(rows),
            _ => return None,
        }
    }
}

/// One row, up to `</call>`: `template` (every key, `null`) filled in key order, so no key is
/// hashed or looked up per row.
fn call(
    s: &mut Scanner,
    template: &Map<String, Value>,
    id: Option<&str>,
    empty: bool,
) -> Option<Value> {
    let mut found: [Option<Option<Cow<str>>>; ELEMENTS.len()] = Default::default();
    let mut gmt = None;
    if !empty {
        while !s.close("call") {
            match s.next()? {
                Token::Space(_) => {}
                Token::Open { name, attr, empty } => {
                    let index = ELEMENTS.iter().position(|n| *n == name)?;
                    match attr {
                        None => {}
                        Some(("gmt", value)) if index == 0 => gmt = Some(value),
                        Some(_) => return None,
                    }
                    let slot = found.get_mut(index)?;
                    if slot.is_some() {
                        return None;
                    }
                    *slot = Some(leaf(s, name, empty)?);
                }
                Token::Close("call") => break,
                _ => return None,
            }
        }
    }
    let [start, caller, called, duration, action, action_duration, url, transcription] =
        found.map(Option::flatten);
    let values = [
        id.map(str::to_string).map_or(Value::Null, Value::String),
        number::<i64>(start)?,
        gmt.map(str::to_string).map_or(Value::Null, Value::String),
        string(caller),
        string(called),
        number::<u64>(duration)?,
        string(action),
        number::<u64>(action_duration)?,
        string(url),
        string(transcription),
    ];
    let mut row = template.clone();
    for (slot, value) in row.values_mut().zip(values) {
        *slot = value;
    }
    Some(Value::Object(row))
}

fn owned(text: Option<Cow<str>>) -> Option<String> {
    text.map(Cow::into_owned)
}

fn string(text: Option<Cow<str>>) -> Value {
    owned(text).map_or(Value::Null, Value::String)
}

/// The element's whole number (`null` when empty); `None` when it is not one.
fn number<T: std::str::FromStr + Into<Value>>(text: Option<Cow<str>>) -> Option<Value> {
    match text {
        None => Some(Value::Null),
        Some(t) => t.parse::<T>().ok().map(Into::into),
    }
}
