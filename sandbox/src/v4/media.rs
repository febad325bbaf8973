//! Media: uploads (`POST|PUT /media/files`, multipart parts `json` and `file`), text to speech
//! (`POST|PUT /media/tts`), and `GET /media`, `GET|DELETE /media/{id}`.

use super::util::{self, Body};
use super::{listing, Cx, Reply};
use crate::errors;
use crate::http::Response;
use serde_json::{json, Value};

/// The body's fields with the multipart `json` part (a JSON object in a string) merged in.
fn fields(cx: &Cx) -> Result<Body, Response> {
    let mut b = util::body(cx)?;
    if let Some(j) = b.remove("json") {
        let extra = match j {
            Value::String(s) if s.trim().is_empty() => Body::new(),
            Value::String(s) => match serde_json::from_str::<Value>(&s) {
                Ok(Value::Object(m)) => m,
                _ => {
                    return Err(errors::invalid_field(
                        "json",
                        "'json' must be a JSON object",
                    ))
                }
            },
            Value::Object(m) => m,
            _ => {
                return Err(errors::invalid_field(
                    "json",
                    "'json' must be a JSON object",
                ))
            }
        };
        for (k, v) in extra {
            b.entry(k).or_insert(v);
        }
    }
    Ok(b)
}

fn build(b: &Body, id: &Value, tts: bool, old: Option<&Value>) -> Result<Value, Response> {
    let kind = util::opt_str(b, "type")?.unwrap_or_else(|| {
        old.and_then(|o| o["type"].as_str())
            .unwrap_or("greeting")
            .to_string()
    });
    if kind != "greeting" && kind != "hold_music" {
        return Err(errors::invalid_field(
            "type",
            "'type' must be 'greeting' or 'hold_music'",
        ));
    }
    let mut m = util::with_id(id, b, &["file"]);
    m.insert("type".into(), json!(kind));
    m.insert("origin".into(), json!(if tts { "tts" } else { "upload" }));
    if tts {
        util::opt_str(b, "tts_text")?;
        // The swagger types these as strings whose description names the values 'Y' and 'N'.
        for flag in ["is_temparary", "randomized"] {
            if b.get(flag).is_some_and(|v| v != "Y" && v != "N") {
                return Err(errors::invalid_field(
                    flag,
                    &format!("'{flag}' must be 'Y' or 'N'"),
                ));
            }
        }
    } else {
        let file = b
            .get("file")
            .filter(|f| f.is_object())
            .or_else(|| old.and_then(|o| o.get("file")));
        let Some(file) = file else {
            return Err(errors::invalid_field(
                "file",
                "'file' (a multipart file part) is required",
            ));
        };
        m.insert("file".into(), file.clone());
        m.insert("size".into(), file["size"].clone());
        m.insert("filename".into(), file["filename"].clone());
    }
    let fallback = m
        .get("filename")
        .and_then(Value::as_str)
        .map(str::to_string)
        .unwrap_or_else(|| format!("Media {id}"));
    let name = util::opt_str(b, "name")?.unwrap_or(fallback);
    m.insert("name".into(), json!(name));
    Ok(Value::Object(m))
}

/// Every media route.
pub fn handle(cx: &mut Cx) -> Reply {
    let col = format!("/accounts/{}/media", cx.account);
    let tts = cx.m.route.template.contains("/tts");
    match (cx.req.method.as_str(), cx.m.item_id().map(str::to_string)) {
        ("GET", None) => listing::respond(cx.req, cx.w.store.items(&col)),
        ("POST", None) => {
            let b = fields(cx)?;
            let id = json!(cx.w.next_id());
            let media = build(&b, &id, tts, None)?;
            util::created(&cx.w.store.insert(&col, media))
        }
        ("GET", Some(id)) => util::ok(
            cx.w.store
                .get(&col, &id)
                .ok_or_else(|| util::not_found("Media"))?,
        ),
        ("PUT", Some(id)) => {
            let old =
                cx.w.store
                    .get(&col, &id)
                    .cloned()
                    .ok_or_else(|| util::not_found("Media"))?;
            let b = fields(cx)?;
            let media = build(&b, &old["id"], tts, Some(&old))?;
            *cx.w
                .store
                .get_mut(&col, &id)
                .ok_or_else(|| util::not_found("Media"))? = media.clone();
            util::ok(&media)
        }
        ("DELETE", Some(id)) => {
            cx.w.store
                .remove(&col, &id)
                .ok_or_else(|| util::not_found("Media"))?;
            Ok(Response::empty(204))
        }
        _ => Err(errors::error(405, "Method Not Allowed")),
    }
}
