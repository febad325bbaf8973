//! Small helpers shared by the v4 handlers.

use super::{Cx, Reply};
use crate::errors;
use crate::http::Response;
use serde_json::{Map, Value};

/// A JSON object body.
pub type Body = Map<String, Value>;

/// 200 with `v`.
pub fn ok(v: &Value) -> Reply {
    Ok(Response::json(200, v))
}

/// 201 with `v`.
pub fn created(v: &Value) -> Reply {
    Ok(Response::json(201, v))
}

/// 404 `<what> not found`.
pub fn not_found(what: &str) -> Response {
    errors::error(404, &format!("{what} not found"))
}

/// The request body as an object (empty for no body); 400 if it is not one.
pub fn body(cx: &Cx) -> Result<Body, Response> {
    match cx.req.fields() {
        Ok(b) => Ok(b.unwrap_or_default()),
        Err(e) => Err(errors::error(400, &format!("Bad Request: {e}"))),
    }
}

/// Whether `s` is an E.164 number (`+` then 8 to 15 digits).
pub fn is_e164(s: &str) -> bool {
    s.strip_prefix('+').is_some_and(|d| {
        (8..=15).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()) && !d.starts_with('0')
    })
}

/// A required non-empty string field.
pub fn req_str(b: &Body, field: &str) -> Result<String, Response> {
    match b.get(field) {
        Some(Value::String(s)) if !s.trim().is_empty() => Ok(s.clone()),
        Some(Value::String(_)) | None | Some(Value::Null) => Err(errors::invalid_field(
            field,
            &format!("'{field}' is required"),
        )),
        Some(_) => Err(errors::invalid_field(
            field,
            &format!("'{field}' must be a string"),
        )),
    }
}

/// An optional string field.
pub fn opt_str(b: &Body, field: &str) -> Result<Option<String>, Response> {
    match b.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(errors::invalid_field(
            field,
            &format!("'{field}' must be a string"),
        )),
    }
}

/// A required E.164 field.
pub fn req_e164(b: &Body, field: &str) -> Result<String, Response> {
    let s = req_str(b, field)?;
    if !is_e164(&s) {
        return Err(errors::invalid_field(
            field,
            &format!("'{field}' must be a phone number in E.164 format"),
        ));
    }
    Ok(s)
}

/// An optional boolean field (JSON booleans only).
pub fn opt_bool(b: &Body, field: &str) -> Result<Option<bool>, Response> {
    match b.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(v)) => Ok(Some(*v)),
        Some(_) => Err(errors::invalid_field(
            field,
            &format!("'{field}' must be a boolean"),
        )),
    }
}

/// An optional integer field (numbers, or digit strings from forms).
pub fn opt_int(b: &Body, field: &str) -> Result<Option<u64>, Response> {
    match b.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) if n.as_u64().is_some() => Ok(n.as_u64()),
        Some(Value::String(s)) if s.parse::<u64>().is_ok() => Ok(s.parse().ok()),
        Some(_) => Err(errors::invalid_field(
            field,
            &format!("'{field}' must be an integer"),
        )),
    }
}

/// `{"id": id}` followed by every field of `b` except `id` and those in `drop`.
pub fn with_id(id: &Value, b: &Body, drop: &[&str]) -> Body {
    let mut m = Body::new();
    m.insert("id".into(), id.clone());
    for (k, v) in b
        .iter()
        .filter(|(k, _)| k.as_str() != "id" && !drop.contains(&k.as_str()))
    {
        m.insert(k.clone(), v.clone());
    }
    m
}

/// The `ExtensionSummary` of extension `id` of `account`.
pub fn extension_summary(cx: &Cx, id: &str) -> Option<Value> {
    let e =
        cx.w.store
            .get(&format!("/accounts/{}/extensions", cx.account), id)?;
    Some(serde_json::json!({"id": e["id"], "name": e["name"], "extension": e["extension"]}))
}

/// The `{extension_id}` of an extension-level alias route, checked to exist.
pub fn path_extension(cx: &Cx) -> Result<Option<Value>, Response> {
    match cx.m.param("extension_id") {
        None => Ok(None),
        Some(id) => extension_summary(cx, id)
            .map(Some)
            .ok_or_else(|| not_found("Extension")),
    }
}

/// Whether an item belongs to the alias extension (always true without one).
pub fn in_extension(item: &Value, ext: &Option<Value>) -> bool {
    ext.as_ref()
        .is_none_or(|e| item.get("extension").and_then(|x| x.get("id")) == Some(&e["id"]))
}

/// 422 naming every field of `fields` that is missing or empty.
pub fn require_all(b: &Body, fields: &[&str]) -> Result<(), Response> {
    let missing: Map<String, Value> = fields
        .iter()
        .filter(|f| match b.get(**f) {
            None | Some(Value::Null) => true,
            Some(Value::String(s)) => s.trim().is_empty(),
            Some(Value::Array(a)) => a.is_empty(),
            _ => false,
        })
        .map(|f| (f.to_string(), Value::String(format!("'{f}' is required"))))
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(errors::invalid(missing))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn e164() {
        assert!(super::is_e164("+18585551234") && super::is_e164("+442079460123"));
        assert!(
            !super::is_e164("18585551234")
                && !super::is_e164("+1858")
                && !super::is_e164("+1858555123x")
        );
    }
}
