//! Generic in-memory collections of JSON objects, keyed by collection path
//! (e.g. `/accounts/1000001/extensions/111/contacts`).

use serde_json::Value;
use std::collections::HashMap;

/// Whether `item`'s `id` (integer or string) is `id`.
pub fn has_id(item: &Value, id: &str) -> bool {
    match item.get("id") {
        Some(Value::Number(n)) => n.to_string() == id,
        Some(Value::String(s)) => s == id,
        _ => false,
    }
}

/// Every collection, in insertion order.
#[derive(Debug, Clone, Default)]
pub struct Store {
    cols: HashMap<String, Vec<Value>>,
}

impl Store {
    /// The items of `col` (empty when it has none).
    pub fn items(&self, col: &str) -> &[Value] {
        self.cols.get(col).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Mutable access to every item of `col`.
    pub fn items_mut(&mut self, col: &str) -> &mut Vec<Value> {
        self.cols.entry(col.to_string()).or_default()
    }

    /// The item `id` of `col`.
    pub fn get(&self, col: &str, id: &str) -> Option<&Value> {
        self.items(col).iter().find(|v| has_id(v, id))
    }

    /// Mutable access to the item `id` of `col`.
    pub fn get_mut(&mut self, col: &str, id: &str) -> Option<&mut Value> {
        self.cols.get_mut(col)?.iter_mut().find(|v| has_id(v, id))
    }

    /// Appends `item` to `col` and returns a copy.
    pub fn insert(&mut self, col: &str, item: Value) -> Value {
        self.items_mut(col).push(item.clone());
        item
    }

    /// Appends `item` to `col`, keeping only its newest `cap` items (the logs and outboxes that
    /// only grow, see [`crate::ring`]), and returns a copy.
    pub fn insert_capped(&mut self, col: &str, item: Value, cap: usize) -> Value {
        crate::ring::push(self.items_mut(col), item.clone(), cap);
        item
    }

    /// Every collection with its path, sorted by path (the dashboard's view of v4).
    pub fn collections(&self) -> Vec<(&str, &[Value])> {
        let mut cols: Vec<(&str, &[Value])> = self
            .cols
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_slice()))
            .collect();
        cols.sort_by_key(|(k, _)| *k);
        cols
    }

    /// Removes the item `id` of `col`.
    pub fn remove(&mut self, col: &str, id: &str) -> Option<Value> {
        let items = self.cols.get_mut(col)?;
        let i = items.iter().position(|v| has_id(v, id))?;
        Some(items.remove(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn crud_by_int_or_string_id() {
        let mut s = Store::default();
        s.insert("/a", json!({"id": 7, "x": 1}));
        s.insert("/a", json!({"id": "s8"}));
        assert_eq!(s.get("/a", "7").unwrap()["x"], 1);
        assert!(s.get("/a", "s8").is_some() && s.get("/b", "7").is_none());
        s.get_mut("/a", "7").unwrap()["x"] = json!(2);
        assert_eq!(s.remove("/a", "7").unwrap()["x"], 2);
        assert_eq!(s.items("/a").len(), 1);
    }
}
