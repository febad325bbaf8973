//! Checking a call's parameters against its catalog entry, before anything is sent.

use super::{Format, Location, Operation, Param, ParamType};
use crate::error::{Error, ErrorKind, FieldError, Result};
use serde_json::{Map, Value};

/// The v4 filter operators (`filters[field]=op:value`).
pub const FILTER_OPERATORS: &[&str] = &[
    "eq",
    "ne",
    "lt",
    "gt",
    "lte",
    "gte",
    "starts-with",
    "ends-with",
    "contains",
    "not-starts-with",
    "not-ends-with",
    "not-contains",
    "between",
    "not-between",
    "empty",
    "not-empty",
    "in",
    "not-in",
];

/// Validated parameters: the caller's map with integers normalised.
pub(crate) type Params = Map<String, Value>;

/// Refuse unknown names, missing required parameters, wrong types and broken formats. Every
/// problem is reported at once, each naming its field and rule.
pub(crate) fn validate_params(op: &Operation, params: &Map<String, Value>) -> Result<Params> {
    let mut problems = Vec::new();
    for name in params.keys() {
        if op.param(name).is_none() {
            let known: Vec<&str> = op.params.iter().map(|p| p.name.as_str()).collect();
            problems.push(FieldError {
                field: name.clone(),
                message: if known.is_empty() {
                    "is not a parameter of this operation (it takes none)".into()
                } else {
                    format!(
                        "is not a parameter of this operation (known: {})",
                        known.join(", ")
                    )
                },
            });
        }
    }
    let mut out = Map::new();
    for p in &op.params {
        match params.get(&p.name) {
            None | Some(Value::Null) => {
                if p.required {
                    problems.push(FieldError {
                        field: p.name.clone(),
                        message: format!("is required ({})", type_name(p.ty)),
                    });
                }
            }
            Some(v) => match check_value(p, v) {
                Ok(v) => {
                    out.insert(p.name.clone(), v);
                }
                Err(mut errs) => problems.append(&mut errs),
            },
        }
    }
    if problems.is_empty() {
        return Ok(out);
    }
    let summary = problems
        .iter()
        .map(|f| format!("`{}` {}", f.field, f.message))
        .collect::<Vec<_>>()
        .join("; ");
    Err(Error::new(ErrorKind::Validation, summary)
        .with_operation(&op.name)
        .with_fields(problems))
}

fn type_name(t: ParamType) -> &'static str {
    match t {
        ParamType::String => "a string",
        ParamType::Integer => "an integer",
        ParamType::Number => "a number",
        ParamType::Boolean => "a boolean",
        ParamType::Array => "an array",
        ParamType::Object => "an object",
        ParamType::File => "a file object {path} or {filename, content_base64}",
        ParamType::Filters => "an object of field: \"op:value\"",
        ParamType::Sort => "an object of field: \"asc\"|\"desc\"",
    }
}

fn err(field: &str, message: impl Into<String>) -> Vec<FieldError> {
    vec![FieldError {
        field: field.to_string(),
        message: message.into(),
    }]
}

fn check_value(p: &Param, v: &Value) -> std::result::Result<Value, Vec<FieldError>> {
    let name = p.name.as_str();
    let wrong = || err(name, format!("must be {}", type_name(p.ty)));
    let v = match p.ty {
        ParamType::String => {
            // Ids in paths and query strings are often numeric-looking: accept numbers there.
            let coerced;
            let v = match v {
                Value::Number(n) if matches!(p.location, Location::Path | Location::Query) => {
                    coerced = Value::String(n.to_string());
                    &coerced
                }
                _ => v,
            };
            let s = v.as_str().ok_or_else(wrong)?;
            if let Some(max) = p.max {
                let n = s.chars().count() as i64;
                if n > max {
                    return Err(err(
                        name,
                        format!(
                            "must be at most {max} characters ({n} given, {} over)",
                            n - max
                        ),
                    ));
                }
            }
            if let Some(min) = p.min {
                if (s.chars().count() as i64) < min {
                    return Err(err(name, format!("must be at least {min} characters")));
                }
            }
            if p.format == Some(Format::E164) {
                crate::types::e164::check(s).map_err(|rule| err(name, rule))?;
            }
            v.clone()
        }
        ParamType::Integer => {
            let n = match v {
                Value::Number(n) if n.is_i64() || n.is_u64() => n.as_i64().ok_or_else(wrong)?,
                Value::String(s) if !s.is_empty() && s.trim().parse::<i64>().is_ok() => {
                    s.trim().parse().unwrap_or_default()
                }
                _ => return Err(wrong()),
            };
            if let Some(max) = p.max {
                if n > max {
                    return Err(err(name, format!("must be at most {max} (got {n})")));
                }
            }
            let min = p.min.unwrap_or(if matches!(name, "limit" | "offset") {
                0
            } else {
                i64::MIN
            });
            if n < min {
                return Err(err(name, format!("must be at least {min} (got {n})")));
            }
            Value::from(n)
        }
        ParamType::Number => match v {
            Value::Number(_) => v.clone(),
            _ => return Err(wrong()),
        },
        ParamType::Boolean => match v {
            Value::Bool(_) => v.clone(),
            _ => return Err(wrong()),
        },
        ParamType::Array => v.as_array().map(|_| v.clone()).ok_or_else(wrong)?,
        ParamType::Object => v.as_object().map(|_| v.clone()).ok_or_else(wrong)?,
        ParamType::File => check_file(name, v)?,
        ParamType::Filters => check_filters(p, v)?,
        ParamType::Sort => check_sort(p, v)?,
    };
    if !p.allowed.is_empty() {
        let s = match &v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        if !p.allowed.contains(&s) {
            return Err(err(
                name,
                format!("must be one of {} (got `{s}`)", p.allowed.join(", ")),
            ));
        }
    }
    Ok(v)
}

fn check_file(name: &str, v: &Value) -> std::result::Result<Value, Vec<FieldError>> {
    let o = v
        .as_object()
        .ok_or_else(|| err(name, format!("must be {}", type_name(ParamType::File))))?;
    let has_path = o.get("path").and_then(Value::as_str).is_some();
    let has_data = o.get("content_base64").and_then(Value::as_str).is_some();
    if has_path == has_data {
        return Err(err(name, "needs exactly one of `path` or `content_base64`"));
    }
    Ok(v.clone())
}

fn check_filters(p: &Param, v: &Value) -> std::result::Result<Value, Vec<FieldError>> {
    let o = v.as_object().ok_or_else(|| {
        err(
            &p.name,
            format!("must be {}", type_name(ParamType::Filters)),
        )
    })?;
    let mut problems = Vec::new();
    for (field, cond) in o {
        let path = format!("filters.{field}");
        if !p.fields.iter().any(|f| f == field) {
            problems.extend(err(
                &path,
                format!(
                    "cannot filter on `{field}` (filterable: {})",
                    p.fields.join(", ")
                ),
            ));
            continue;
        }
        let conds: Vec<&Value> = match cond {
            Value::Array(a) if !a.is_empty() => a.iter().collect(),
            Value::Array(_) => {
                problems.extend(err(&path, "needs at least one condition"));
                continue;
            }
            other => vec![other],
        };
        for c in conds {
            match c.as_str() {
                Some(s) => {
                    if let Err(rule) = check_condition(s) {
                        problems.extend(err(&path, rule));
                    }
                }
                None => problems.extend(err(&path, "conditions are strings like \"lt:149\"")),
            }
        }
    }
    if problems.is_empty() {
        Ok(v.clone())
    } else {
        Err(problems)
    }
}

/// Check one `op:value` filter condition.
pub(crate) fn check_condition(s: &str) -> std::result::Result<(), String> {
    let (op, value) = s.split_once(':').unwrap_or((s, ""));
    if !FILTER_OPERATORS.contains(&op) {
        return Err(format!(
            "unknown operator `{op}` in `{s}` (expected op:value with op one of {})",
            FILTER_OPERATORS.join(", ")
        ));
    }
    match op {
        "empty" | "not-empty" => Ok(()),
        "between" | "not-between" => match value.split_once(',') {
            Some((a, b)) if !a.is_empty() && !b.is_empty() => Ok(()),
            _ => Err(format!("`{op}` needs two values: {op}:a,b")),
        },
        _ if value.is_empty() => Err(format!("`{op}` needs a value: {op}:value")),
        _ => Ok(()),
    }
}

fn check_sort(p: &Param, v: &Value) -> std::result::Result<Value, Vec<FieldError>> {
    let o = v
        .as_object()
        .ok_or_else(|| err(&p.name, format!("must be {}", type_name(ParamType::Sort))))?;
    let mut problems = Vec::new();
    for (field, dir) in o {
        let path = format!("sort.{field}");
        if !p.fields.iter().any(|f| f == field) {
            problems.extend(err(
                &path,
                format!(
                    "cannot sort on `{field}` (sortable: {})",
                    p.fields.join(", ")
                ),
            ));
        } else if !matches!(dir.as_str(), Some("asc") | Some("desc")) {
            problems.extend(err(&path, "must be \"asc\" or \"desc\""));
        }
    }
    if problems.is_empty() {
        Ok(v.clone())
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn op(name: &str) -> &'static Operation {
        crate::catalog().get(name).unwrap()
    }

    fn check(name: &str, params: Value) -> Result<Params> {
        validate_params(op(name), params.as_object().unwrap())
    }

    #[test]
    fn unknown_and_missing_parameters_are_named() {
        let e = check(
            "v4.create-account-subaccount",
            json!({"account_id": 1, "usernme": "x"}),
        )
        .unwrap_err();
        let fields: Vec<&str> = e.fields().iter().map(|f| f.field.as_str()).collect();
        assert!(fields.contains(&"usernme"), "{e}");
        assert!(fields.contains(&"username"), "{e}");
        assert!(fields.contains(&"password"), "{e}");
        assert_eq!(e.kind(), ErrorKind::Validation);
    }

    #[test]
    fn integers_accept_digit_strings_and_refuse_words() {
        let ok = check("v4.get-account", json!({"account_id": "123"})).unwrap();
        assert_eq!(ok["account_id"], 123);
        let e = check("v4.get-account", json!({"account_id": "abc"})).unwrap_err();
        assert!(
            e.to_string().contains("`account_id` must be an integer"),
            "{e}"
        );
    }

    #[test]
    fn every_filter_operator_is_accepted_and_others_refused() {
        for op_name in FILTER_OPERATORS {
            let cond = match *op_name {
                "empty" | "not-empty" => op_name.to_string(),
                "between" | "not-between" | "in" | "not-in" => format!("{op_name}:1,2"),
                _ => format!("{op_name}:858"),
            };
            check(
                "v4.list-available-phone-numbers",
                json!({"filters": {"npa": cond}}),
            )
            .unwrap();
        }
        let e = check(
            "v4.list-available-phone-numbers",
            json!({"filters": {"price": "under:149"}}),
        )
        .unwrap_err();
        assert!(e.to_string().contains("filters.price"), "{e}");
        let e = check(
            "v4.list-available-phone-numbers",
            json!({"filters": {"colour": "eq:red"}}),
        )
        .unwrap_err();
        assert!(e.to_string().contains("cannot filter on `colour`"), "{e}");
        check(
            "v4.list-available-phone-numbers",
            json!({"filters": {"price": ["gte:10", "lt:149"]}}),
        )
        .unwrap();
    }

    #[test]
    fn limit_is_capped_at_500_and_sort_checked() {
        let e = check("v4.list-available-phone-numbers", json!({"limit": 501})).unwrap_err();
        assert!(e.to_string().contains("at most 500"), "{e}");
        let e = check(
            "v4.list-available-phone-numbers",
            json!({"sort": {"price": "up"}}),
        )
        .unwrap_err();
        assert!(e.to_string().contains("sort.price"), "{e}");
    }

    #[test]
    fn e164_is_enforced_where_declared() {
        let e = check(
            "v4.create-account-sms",
            json!({"account_id": 1, "from": "+18585550000", "to": "858-555", "text": "hi"}),
        )
        .unwrap_err();
        assert!(e.to_string().contains("`to`"), "{e}");
    }
}
