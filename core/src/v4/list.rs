//! v4 lists: filters (`filters[field]=op:value`) and sorting for `limit`/`offset` list queries.
//! The lazy pager over them (and over every other family's lists) is [`crate::pages`].

use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt::Display;

/// One filter condition, e.g. `Filter::lt(149)` -> `lt:149`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Filter(String);

macro_rules! unary {
    ($($(#[$doc:meta])* $fn:ident => $op:literal),* $(,)?) => {
        $( $(#[$doc])* pub fn $fn(value: impl Display) -> Filter { Filter(format!(concat!($op, ":{}"), value)) } )*
    };
}

impl Filter {
    unary! {
        /// Equal.
        eq => "eq",
        /// Not equal.
        ne => "ne",
        /// Less than.
        lt => "lt",
        /// Greater than.
        gt => "gt",
        /// Less than or equal.
        lte => "lte",
        /// Greater than or equal.
        gte => "gte",
        /// Starts with.
        starts_with => "starts-with",
        /// Ends with.
        ends_with => "ends-with",
        /// Contains.
        contains => "contains",
        /// Does not start with.
        not_starts_with => "not-starts-with",
        /// Does not end with.
        not_ends_with => "not-ends-with",
        /// Does not contain.
        not_contains => "not-contains",
    }
    /// Between `a` and `b` inclusive.
    pub fn between(a: impl Display, b: impl Display) -> Filter {
        Filter(format!("between:{a},{b}"))
    }
    /// Outside `a`..`b`.
    pub fn not_between(a: impl Display, b: impl Display) -> Filter {
        Filter(format!("not-between:{a},{b}"))
    }
    /// The field is empty.
    pub fn empty() -> Filter {
        Filter("empty".into())
    }
    /// The field is not empty.
    pub fn not_empty() -> Filter {
        Filter("not-empty".into())
    }
    /// One of the values.
    pub fn one_of<T: Display>(values: impl IntoIterator<Item = T>) -> Filter {
        Filter(format!("in:{}", join(values)))
    }
    /// None of the values.
    pub fn none_of<T: Display>(values: impl IntoIterator<Item = T>) -> Filter {
        Filter(format!("not-in:{}", join(values)))
    }
    /// The wire form (`op:value`).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn join<T: Display>(values: impl IntoIterator<Item = T>) -> String {
    values
        .into_iter()
        .map(|v| v.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

/// Sort direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortDir {
    /// Ascending.
    Asc,
    /// Descending.
    Desc,
}

/// Filters, sorting and page size of a v4 list call.
#[derive(Clone, Debug, Default)]
pub struct ListQuery {
    filters: BTreeMap<String, Vec<String>>,
    sort: Vec<(String, SortDir)>,
    limit: Option<u32>,
    offset: Option<u64>,
    fields: Option<String>,
}

impl ListQuery {
    /// An empty query (no filters, server default sort and page size).
    pub fn new() -> ListQuery {
        ListQuery::default()
    }
    /// Add a condition on `field`; several conditions on one field must all hold.
    pub fn filter(mut self, field: &str, condition: Filter) -> ListQuery {
        self.filters
            .entry(field.to_string())
            .or_default()
            .push(condition.0);
        self
    }
    /// Sort by `field`.
    pub fn sort(mut self, field: &str, dir: SortDir) -> ListQuery {
        self.sort.push((field.to_string(), dir));
        self
    }
    /// Page size (at most 500).
    pub fn limit(mut self, limit: u32) -> ListQuery {
        self.limit = Some(limit);
        self
    }
    /// Rows to skip.
    pub fn offset(mut self, offset: u64) -> ListQuery {
        self.offset = Some(offset);
        self
    }
    /// Field set, e.g. `brief`.
    pub fn fields(mut self, fields: &str) -> ListQuery {
        self.fields = Some(fields.to_string());
        self
    }
    /// The query as generic-call parameters.
    pub fn to_params(&self) -> Map<String, Value> {
        let mut m = Map::new();
        if !self.filters.is_empty() {
            let f: Map<String, Value> = self
                .filters
                .iter()
                .map(|(k, v)| {
                    (
                        k.clone(),
                        if v.len() == 1 {
                            Value::from(v[0].clone())
                        } else {
                            Value::from(v.clone())
                        },
                    )
                })
                .collect();
            m.insert("filters".into(), Value::Object(f));
        }
        if !self.sort.is_empty() {
            let s: Map<String, Value> = self
                .sort
                .iter()
                .map(|(k, d)| {
                    (
                        k.clone(),
                        Value::from(if *d == SortDir::Asc { "asc" } else { "desc" }),
                    )
                })
                .collect();
            m.insert("sort".into(), Value::Object(s));
        }
        if let Some(l) = self.limit {
            m.insert("limit".into(), l.into());
        }
        if let Some(o) = self.offset {
            m.insert("offset".into(), o.into());
        }
        if let Some(f) = &self.fields {
            m.insert("fields".into(), f.clone().into());
        }
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_to_params() {
        let q = ListQuery::new()
            .filter("npa", Filter::eq(858))
            .filter("price", Filter::gte(1))
            .filter("price", Filter::lt(149))
            .filter("city", Filter::one_of(["San Diego", "La Jolla"]))
            .sort("price", SortDir::Asc)
            .limit(25);
        let p = Value::Object(q.to_params());
        assert_eq!(p["filters"]["npa"], "eq:858");
        assert_eq!(
            p["filters"]["price"],
            serde_json::json!(["gte:1", "lt:149"])
        );
        assert_eq!(p["filters"]["city"], "in:San Diego,La Jolla");
        assert_eq!(p["sort"]["price"], "asc");
        assert_eq!(p["limit"], 25);
        assert_eq!(Filter::between(1, 5).as_str(), "between:1,5");
        assert_eq!(Filter::not_empty().as_str(), "not-empty");
    }
}
