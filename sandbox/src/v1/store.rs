//! REST v1 state: one collection of JSON objects per service, in creation order, keyed by
//! `resource_id`. The seeded start has a few objects in the services a partner usually only
//! reads (extensions, contacts, contact groups, schedules), plus a route, a greeting and an
//! incoming SMS, so lists are never empty and menus have something to point at.

use super::format;
use crate::creds::MASTER_ACCOUNT_ID;
use crate::rng::Rng;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// The eleven services, in the document's order.
pub const SERVICES: &[&str] = &[
    "calls",
    "sms",
    "menus",
    "queues",
    "routes",
    "media",
    "batch",
    "contacts",
    "contact_groups",
    "schedules",
    "extensions",
];

/// The instant seeded objects were "created" (2024-01-02T03:04:05Z), plus a minute each.
const SEEDED_AT: i64 = 1_704_164_645;

/// All REST v1 objects.
#[derive(Debug)]
pub struct Store {
    cols: BTreeMap<&'static str, Vec<Value>>,
    ids: Rng,
    seeded: i64,
}

impl Store {
    /// The seeded start: same seed, same objects and ids.
    pub fn new(seed: u64) -> Store {
        let mut s = Store {
            cols: SERVICES.iter().map(|n| (*n, Vec::new())).collect(),
            ids: Rng::derive(seed, "v1"),
            seeded: SEEDED_AT,
        };
        s.seed();
        s
    }

    /// A fresh resource id.
    pub fn new_id(&mut self) -> String {
        self.ids.uuid()
    }

    /// A number in `lo..=hi` from the store's generator (call durations).
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        self.ids.range(lo, hi)
    }

    /// The objects of `service`.
    pub fn items(&self, service: &str) -> &[Value] {
        self.cols.get(service).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The object `id` of `service`.
    pub fn get(&self, service: &str, id: &str) -> Option<&Value> {
        self.items(service).iter().find(|v| v["resource_id"] == id)
    }

    /// Adds an object (it carries its `resource_id`).
    pub fn insert(&mut self, service: &str, obj: Value) {
        if let Some(col) = self.cols.get_mut(service) {
            col.push(obj);
        }
    }

    /// Replaces the object with the same `resource_id`; false when there is none.
    pub fn replace(&mut self, service: &str, obj: Value) -> bool {
        let Some(col) = self.cols.get_mut(service) else {
            return false;
        };
        match col
            .iter_mut()
            .find(|v| v["resource_id"] == obj["resource_id"])
        {
            Some(slot) => {
                *slot = obj;
                true
            }
            None => false,
        }
    }

    /// Removes the object `id`.
    pub fn remove(&mut self, service: &str, id: &str) -> Option<Value> {
        let col = self.cols.get_mut(service)?;
        let i = col.iter().position(|v| v["resource_id"] == id)?;
        Some(col.remove(i))
    }

    fn add(&mut self, service: &'static str, fields: Value) -> String {
        let id = self.new_id();
        self.seeded += 60;
        let mut m = Map::new();
        m.insert("resource_id".into(), json!(id));
        if let Value::Object(f) = fields {
            m.extend(f);
        }
        m.extend(format::created(self.seeded));
        self.insert(service, Value::Object(m));
        id
    }

    fn seed(&mut self) {
        let hours = self.add(
            "schedules",
            json!({"name": "Business hours", "timezone": "America/Los_Angeles",
                   "rules": [{"days": "mon-fri", "start": "09:00", "end": "17:00"}]}),
        );
        let group = self.add("contact_groups", json!({"name": "Customers"}));
        self.add(
            "contacts",
            json!({"first_name": "Ada", "last_name": "Lovelace", "company": "Analytical Engines",
                   "email": "ada@example.com", "phone": "+18585550101", "group_id": group}),
        );
        self.add(
            "contacts",
            json!({"first_name": "Grace", "last_name": "Hopper", "company": "Compilers Inc.",
                   "email": "grace@example.com", "phone": "+14155550102", "group_id": group}),
        );
        self.add(
            "extensions",
            json!({"extension": "101", "name": "Reception", "caller_id": "+18585550100",
                   "voicemail_enabled": "Y"}),
        );
        self.add(
            "extensions",
            json!({"extension": "102", "name": "Sales", "caller_id": "+18585550100",
                   "voicemail_enabled": "N"}),
        );
        self.add(
            "routes",
            json!({"name": "Default route", "schedule_id": hours,
                   "rules": [{"action": "ring", "extension": "101"}]}),
        );
        let created = self.seeded + 60;
        self.add(
            "media",
            json!({"name": "voicemail_greeting1", "filename": "", "content_type": null,
                   "size": 0, "duration": "3", "is_hold_music": "N", "is_temporary": "N",
                   "notes": "", "origin": "tts", "tts_text": "I'm not in, please leave a message.",
                   "tts_voice": "amy", "create_date": created}),
        );
        self.add(
            "sms",
            json!({"to": "+18585550100", "from": "+14155550199", "message": "Welcome to Phone.com",
                   "status": "received", "type": "incoming", "charge": format::money(0),
                   "voip_id": MASTER_ACCOUNT_ID}),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeded_and_deterministic() {
        let (a, b) = (Store::new(5), Store::new(5));
        assert_eq!(a.items("contacts"), b.items("contacts"));
        assert_ne!(
            a.items("contacts")[0]["resource_id"],
            Store::new(6).items("contacts")[0]["resource_id"]
        );
        let group = &a.items("contact_groups")[0]["resource_id"];
        assert_eq!(&a.items("contacts")[0]["group_id"], group);
        assert_eq!(a.items("menus").len(), 0);
        assert!(format::is_uuid(
            a.items("media")[0]["resource_id"].as_str().unwrap()
        ));
        assert_eq!(a.items("sms")[0]["created_date"], "2024-01-02T03:13:05Z");
    }
}
