//! The one list engine of every v4 collection: filters, sorting, paging, `fields=brief`, and
//! the envelope `{filters, sort, total, offset, limit, items}`.

use super::filters::{self, Cond};
use crate::errors;
use crate::http::{Request, Response};
use serde_json::{json, Map, Value};
use std::borrow::Borrow;
use std::cmp::Ordering;

/// Default page size.
pub const DEFAULT_LIMIT: usize = 25;
/// Largest page size.
pub const MAX_LIMIT: usize = 500;
/// Fields kept by `fields=brief`.
pub const BRIEF_FIELDS: &[&str] = &[
    "id",
    "name",
    "username",
    "extension",
    "phone_number",
    "formatted",
    "number",
    "event_type",
    "express_service_code",
];

/// A parsed list query.
#[derive(Debug, Clone, Default)]
pub struct ListQuery {
    /// `(field, conditions)`: every condition must hold.
    pub filters: Vec<(String, Vec<Cond>)>,
    /// `(field, descending)` in priority order.
    pub sort: Vec<(String, bool)>,
    /// Page size.
    pub limit: usize,
    /// Items skipped.
    pub offset: usize,
    /// `fields=brief`.
    pub brief: bool,
    /// The filters as sent (echoed in the envelope).
    pub filters_echo: Map<String, Value>,
    /// The sort as sent (echoed in the envelope).
    pub sort_echo: Map<String, Value>,
}

/// `filters[npa]` / `filters[npa][]` -> `npa`.
fn bracketed<'a>(key: &'a str, prefix: &str) -> Option<&'a str> {
    let rest = key.strip_prefix(prefix)?.strip_prefix('[')?;
    let rest = rest.strip_suffix("[]").unwrap_or(rest);
    rest.strip_suffix(']').filter(|f| !f.is_empty())
}

fn number(name: &str, value: &str, max: Option<usize>) -> Result<usize, Response> {
    let n: usize = value.trim().parse().map_err(|_| {
        errors::invalid_field(name, &format!("'{name}' must be a non-negative integer"))
    })?;
    match max {
        Some(m) if n > m => Err(errors::invalid_field(
            name,
            &format!("'{name}' must not exceed {m}"),
        )),
        _ => Ok(n),
    }
}

/// Parses `limit`, `offset`, `fields`, `filters[..]` and `sort[..]` from the query string.
pub fn parse(query: &[(String, String)]) -> Result<ListQuery, Response> {
    let mut q = ListQuery {
        limit: DEFAULT_LIMIT,
        ..ListQuery::default()
    };
    for (k, v) in query {
        if k == "limit" {
            q.limit = number("limit", v, Some(MAX_LIMIT))?;
        } else if k == "offset" {
            q.offset = number("offset", v, None)?;
        } else if k == "fields" {
            q.brief = v.trim().eq_ignore_ascii_case("brief");
        } else if let Some(field) = bracketed(k, "filters") {
            let cond = filters::parse(v).map_err(|e| errors::invalid_field(field, &e))?;
            match q.filters.iter_mut().find(|(f, _)| f == field) {
                Some((_, conds)) => conds.push(cond),
                None => q.filters.push((field.to_string(), vec![cond])),
            }
            let echo = q
                .filters_echo
                .entry(field.to_string())
                .or_insert(Value::Null);
            *echo = match echo.take() {
                Value::Null => Value::String(v.clone()),
                Value::Array(mut a) => {
                    a.push(Value::String(v.clone()));
                    Value::Array(a)
                }
                old => json!([old, v]),
            };
        } else if let Some(field) = bracketed(k, "sort") {
            let desc = match v.trim().to_ascii_lowercase().as_str() {
                "asc" | "" => false,
                "desc" => true,
                _ => {
                    return Err(errors::invalid_field(
                        field,
                        "Sort direction must be 'asc' or 'desc'",
                    ))
                }
            };
            q.sort.push((field.to_string(), desc));
            q.sort_echo.insert(
                field.to_string(),
                Value::String(if desc { "desc" } else { "asc" }.into()),
            );
        }
    }
    Ok(q)
}

/// The value at `field` (dots descend into objects).
pub fn lookup<'a>(item: &'a Value, field: &str) -> Option<&'a Value> {
    field.split('.').try_fold(item, |v, k| v.get(k))
}

fn sort_key(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        Value::Object(m) => m
            .get("id")
            .or(m.get("name"))
            .map(|x| x.to_string().trim_matches('"').to_string()),
        other => Some(other.to_string()),
    }
}

/// Numbers before text, numbers numerically, missing values last.
fn compare(a: Option<&Value>, b: Option<&Value>) -> Ordering {
    match (sort_key(a), sort_key(b)) {
        (None, None) => Ordering::Equal,
        (None, Some(_)) => Ordering::Greater,
        (Some(_), None) => Ordering::Less,
        (Some(x), Some(y)) => match (filters::is_number(&x), filters::is_number(&y)) {
            (true, true) => x
                .parse::<f64>()
                .unwrap_or(0.0)
                .partial_cmp(&y.parse::<f64>().unwrap_or(0.0))
                .unwrap_or(Ordering::Equal),
            (true, false) => Ordering::Less,
            (false, true) => Ordering::Greater,
            _ => x.to_lowercase().cmp(&y.to_lowercase()),
        },
    }
}

/// Whether an item passes every filter.
pub fn keep(item: &Value, q: &ListQuery) -> bool {
    q.filters
        .iter()
        .all(|(f, conds)| conds.iter().all(|c| filters::matches(lookup(item, f), c)))
}

/// `fields=brief`: only the id and name-ish fields.
pub fn brief(item: Value) -> Value {
    match item {
        Value::Object(m) => Value::Object(
            m.into_iter()
                .filter(|(k, _)| BRIEF_FIELDS.contains(&k.as_str()))
                .collect(),
        ),
        other => other,
    }
}

/// Filters, sorts and pages `items` into the list envelope. Items may be borrowed (a store's
/// rows): only the page is copied.
pub fn envelope<V: Borrow<Value>>(items: impl IntoIterator<Item = V>, q: &ListQuery) -> Value {
    let mut kept: Vec<V> = items.into_iter().filter(|i| keep(i.borrow(), q)).collect();
    kept.sort_by(|a, b| {
        q.sort.iter().fold(Ordering::Equal, |acc, (f, desc)| {
            acc.then_with(|| {
                let o = compare(lookup(a.borrow(), f), lookup(b.borrow(), f));
                if *desc {
                    o.reverse()
                } else {
                    o
                }
            })
        })
    });
    let total = kept.len();
    let page: Vec<Value> = kept
        .into_iter()
        .skip(q.offset)
        .take(q.limit)
        .map(|i| {
            let i = i.borrow().clone();
            if q.brief {
                brief(i)
            } else {
                i
            }
        })
        .collect();
    json!({"filters": q.filters_echo, "sort": q.sort_echo, "total": total, "offset": q.offset, "limit": q.limit, "items": page})
}

/// Answers a list request over `items` (owned or borrowed).
pub fn respond<V: Borrow<Value>>(
    req: &Request,
    items: impl IntoIterator<Item = V>,
) -> Result<Response, Response> {
    let q = parse(&req.query)?;
    Ok(Response::json(200, &envelope(items, &q)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> Result<ListQuery, Response> {
        parse(&crate::http::url::parse_query(s))
    }

    fn items() -> Vec<Value> {
        (1..=30).map(|i| json!({"id": i, "name": format!("n{i:02}"), "price": if i % 10 == 0 { json!("REQUEST_QUOTE") } else { json!(i * 10) }, "secret": 1})).collect()
    }

    #[test]
    fn pages_with_defaults_and_limits() {
        let e = envelope(items(), &q("").unwrap());
        assert_eq!(
            (
                e["total"].as_u64(),
                e["limit"].as_u64(),
                e["offset"].as_u64()
            ),
            (Some(30), Some(25), Some(0))
        );
        assert_eq!(e["items"].as_array().unwrap().len(), 25);
        let e = envelope(items(), &q("limit=10&offset=25").unwrap());
        assert_eq!(e["items"].as_array().unwrap().len(), 5);
        let err = q("limit=501").unwrap_err();
        assert_eq!(err.status, 422);
        let body: Value = serde_json::from_slice(&err.body).unwrap();
        assert!(body["@error"]["fields"]["limit"].is_string());
        assert_eq!(q("offset=-1").unwrap_err().status, 422);
        assert_eq!(q("limit=500").unwrap().limit, 500);
    }

    #[test]
    fn filters_sorts_and_briefs() {
        let e = envelope(
            items(),
            &q("filters[price]=lt:100&sort[price]=desc").unwrap(),
        );
        assert_eq!(e["total"], 9);
        assert_eq!(e["items"][0]["price"], 90);
        assert_eq!(e["filters"]["price"], "lt:100");
        assert_eq!(e["sort"]["price"], "desc");
        let e = envelope(
            items(),
            &q("filters[id][]=gte:5&filters[id][]=lte:7&fields=brief").unwrap(),
        );
        assert_eq!(e["total"], 3);
        assert_eq!(e["filters"]["id"], json!(["gte:5", "lte:7"]));
        assert!(e["items"][0].get("secret").is_none() && e["items"][0].get("name").is_some());
        let e = envelope(items(), &q("sort[price]=asc&limit=30").unwrap());
        assert_eq!(
            e["items"][29]["price"], "REQUEST_QUOTE",
            "non-numbers sort after numbers"
        );
        let err = q("filters[name]=like:x").unwrap_err();
        let body: Value = serde_json::from_slice(&err.body).unwrap();
        assert!(body["@error"]["fields"]["name"]
            .as_str()
            .unwrap()
            .contains("like"));
        assert_eq!(q("sort[id]=up").unwrap_err().status, 422);
    }
}
