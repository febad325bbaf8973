//! Typed REST v1 methods over the generic call: each one names its catalog operation.

use super::models::*;
use crate::client::Client;
use crate::error::{Error, Result};
use crate::typed::params_of;
use serde::de::DeserializeOwned;
use serde_json::{json, Map, Value};

/// Typed access to REST v1, from [`Client::v1`].
pub struct V1<'a> {
    client: &'a Client,
}

impl Client {
    /// Typed REST v1 methods.
    pub fn v1(&self) -> V1<'_> {
        V1 { client: self }
    }
}

/// The rows of a list result: the data itself when it is an array, else its one array field.
pub fn rows(operation: &str, data: Value) -> Result<Vec<Value>> {
    match data {
        Value::Array(a) => Ok(a),
        Value::Null => Ok(Vec::new()),
        Value::Object(o) => {
            let arrays: Vec<&Value> = o.values().filter(|v| v.is_array()).collect();
            match arrays.as_slice() {
                [Value::Array(a)] => Ok(a.clone()),
                _ => Err(Error::decode(
                    "list result is neither an array nor an object with one array of rows",
                    Value::Object(o.clone()).to_string().as_bytes(),
                )
                .with_operation(operation)),
            }
        }
        other => Err(
            Error::decode("list result is not an array", other.to_string().as_bytes())
                .with_operation(operation),
        ),
    }
}

impl V1<'_> {
    fn call(&self, op: &str, params: Map<String, Value>) -> Result<Value> {
        self.client.call(op, Value::Object(params))
    }

    fn id(resource_id: &str) -> Map<String, Value> {
        let mut m = Map::new();
        m.insert("resource_id".into(), resource_id.into());
        m
    }

    /// Every row of a list, page after page (see [`Client::items`]).
    fn list_of<T: DeserializeOwned>(&self, op: &str) -> Result<Vec<T>> {
        self.client.items::<T>(op, json!({}))?.collect_all()
    }

    /// `v1.<service>.list` with optional query arguments, untyped (any of the eleven services):
    /// every row, walked page by page to the `total` the service reports. With `limit` or
    /// `offset` in `query`, that one page is asked for instead.
    pub fn list(&self, service: &str, query: Option<Map<String, Value>>) -> Result<Vec<Value>> {
        let op = format!("v1.{service}.list");
        let one_page = query
            .as_ref()
            .is_some_and(|q| q.contains_key("limit") || q.contains_key("offset"));
        let mut params = Map::new();
        if let Some(q) = query {
            params.insert("query".into(), Value::Object(q));
        }
        if one_page {
            return rows(&op, self.call(&op, params)?);
        }
        self.client
            .items::<Value>(&op, Value::Object(params))?
            .collect_all()
    }

    /// `v1.<service>.get`, untyped.
    pub fn get(&self, service: &str, resource_id: &str) -> Result<Value> {
        self.call(&format!("v1.{service}.get"), Self::id(resource_id))
    }

    /// `v1.<service>.create` for the services whose fields go in `body` (calls, queues, routes,
    /// batch).
    pub fn create(&self, service: &str, body: Map<String, Value>) -> Result<ResourceRef> {
        let mut params = Map::new();
        params.insert("body".into(), Value::Object(body));
        self.client
            .call_typed(&format!("v1.{service}.create"), params)
    }

    /// `v1.<service>.delete`.
    pub fn delete(&self, service: &str, resource_id: &str) -> Result<Value> {
        self.call(&format!("v1.{service}.delete"), Self::id(resource_id))
    }

    /// `v1.menus.list`.
    pub fn menus(&self) -> Result<Vec<Menu>> {
        self.list_of("v1.menus.list")
    }

    /// `v1.menus.get`.
    pub fn menu(&self, resource_id: &str) -> Result<Menu> {
        self.client
            .call_typed("v1.menus.get", Self::id(resource_id))
    }

    /// `v1.menus.create` (the document's schema is checked before sending).
    pub fn create_menu(&self, menu: &NewMenu) -> Result<ResourceRef> {
        self.client.call_typed("v1.menus.create", params_of(menu))
    }

    /// `v1.menus.update`: replaces the menu whole.
    pub fn update_menu(&self, resource_id: &str, menu: &NewMenu) -> Result<ResourceRef> {
        let mut p = params_of(menu);
        p.extend(Self::id(resource_id));
        self.client.call_typed("v1.menus.update", p)
    }

    /// `v1.sms.create`.
    pub fn send_sms(&self, sms: &SendSms) -> Result<ResourceRef> {
        self.client.call_typed("v1.sms.create", params_of(sms))
    }

    /// `v1.sms.list`.
    pub fn sms_messages(&self) -> Result<Vec<Sms>> {
        self.list_of("v1.sms.list")
    }

    /// `v1.sms.get`.
    pub fn sms(&self, resource_id: &str) -> Result<Sms> {
        self.client.call_typed("v1.sms.get", Self::id(resource_id))
    }

    /// `v1.media.create` with an audio file (checked before sending).
    pub fn upload_media(&self, upload: &MediaUpload) -> Result<ResourceRef> {
        let mut file = json!({
            "filename": upload.filename,
            "content_base64": crate::encode::base64_encode(&upload.data),
        });
        if let Some(ct) = &upload.content_type {
            file["content_type"] = Value::from(ct.as_str());
        }
        let mut p = Map::new();
        p.insert("file".into(), file);
        let opt = |p: &mut Map<String, Value>, k: &str, v: Option<Value>| {
            if let Some(v) = v {
                p.insert(k.into(), v);
            }
        };
        opt(&mut p, "name", upload.name.clone().map(Value::from));
        opt(
            &mut p,
            "is_hold_music",
            upload.is_hold_music.map(Value::from),
        );
        opt(&mut p, "is_temporary", upload.is_temporary.map(Value::from));
        opt(&mut p, "notes", upload.notes.clone().map(Value::from));
        self.client.call_typed("v1.media.create", p)
    }

    /// `v1.media.create` as text to speech.
    pub fn text_to_speech(
        &self,
        name: &str,
        text: &str,
        voice: Option<&str>,
    ) -> Result<ResourceRef> {
        let mut p = Map::new();
        p.insert("name".into(), name.into());
        p.insert("origin".into(), "tts".into());
        p.insert("tts_text".into(), text.into());
        if let Some(v) = voice {
            p.insert("tts_voice".into(), v.into());
        }
        self.client.call_typed("v1.media.create", p)
    }

    /// `v1.media.list`.
    pub fn media_list(&self) -> Result<Vec<Media>> {
        self.list_of("v1.media.list")
    }

    /// `v1.media.get`.
    pub fn media(&self, resource_id: &str) -> Result<Media> {
        self.client
            .call_typed("v1.media.get", Self::id(resource_id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_of_arrays_and_wrapped_arrays() {
        assert_eq!(rows("x", json!([1, 2])).unwrap().len(), 2);
        assert_eq!(
            rows("x", json!({"menus": [1], "total": 1})).unwrap().len(),
            1
        );
        assert_eq!(rows("x", Value::Null).unwrap().len(), 0);
        assert!(rows("x", json!({"a": [1], "b": [2]})).is_err());
        assert!(rows("x", json!("x")).is_err());
    }
}
