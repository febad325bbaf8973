//! The v4 filter operators: `filters[field]=op:value`.
//!
//! Numbers compare numerically when both sides are numbers, strings compare case-insensitively
//! otherwise. An ordering operator with a numeric operand never matches a non-numeric value
//! (so `price=lt:100` skips `REQUEST_QUOTE`). Array values match when any element matches.

use serde_json::Value;
use std::cmp::Ordering;

/// Every operator, by its wire name.
pub const OPERATORS: &[&str] = &[
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

/// One parsed condition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cond {
    /// Operator name (one of [`OPERATORS`]).
    pub op: String,
    /// Operand(s): one for most, two for `between`, any number for `in`.
    pub args: Vec<String>,
}

/// Parses `op:value`; a bare value means `eq:value`; `empty`/`not-empty` take no value.
pub fn parse(raw: &str) -> Result<Cond, String> {
    let raw = raw.trim();
    if raw == "empty" || raw == "not-empty" {
        return Ok(Cond {
            op: raw.into(),
            args: vec![],
        });
    }
    let (op, arg) = match raw.split_once(':') {
        Some((op, arg))
            if !op.is_empty() && op.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') =>
        {
            (op, arg)
        }
        _ => ("eq", raw),
    };
    if !OPERATORS.contains(&op) {
        return Err(format!("Unknown filter operator '{op}'"));
    }
    let args: Vec<String> = match op {
        "between" | "not-between" | "in" | "not-in" => {
            arg.split(',').map(|s| s.trim().to_string()).collect()
        }
        "empty" | "not-empty" => vec![],
        _ => vec![arg.to_string()],
    };
    if matches!(op, "between" | "not-between") && args.len() != 2 {
        return Err(format!("'{op}' needs two values: {op}:a,b"));
    }
    Ok(Cond {
        op: op.into(),
        args,
    })
}

/// Whether `s` is a plain decimal number (`858`, `-1.5`, `+18585551234`).
pub fn is_number(s: &str) -> bool {
    let t = s.strip_prefix(['+', '-']).unwrap_or(s);
    let mut parts = t.splitn(2, '.');
    let int = parts.next().unwrap_or("");
    let frac = parts.next();
    !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

/// A scalar's text for comparison; objects compare by `id` (then `number`, `name`).
fn text(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Object(m) => ["id", "number", "name"]
            .iter()
            .find_map(|k| m.get(*k))
            .and_then(text),
        Value::Array(_) => None,
    }
}

/// Compares a value to an operand; `None` when incomparable (numeric operand, non-numeric value).
fn compare(value: &str, operand: &str) -> Option<Ordering> {
    match (is_number(value), is_number(operand)) {
        (true, true) => value
            .parse::<f64>()
            .ok()?
            .partial_cmp(&operand.parse::<f64>().ok()?),
        (false, true) => None,
        _ => Some(value.to_lowercase().cmp(&operand.to_lowercase())),
    }
}

fn equals(value: &str, operand: &str) -> bool {
    let boolish = |s: &str| match s.to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" => Some(true),
        "false" | "0" | "no" => Some(false),
        _ => None,
    };
    if matches!(value, "true" | "false") {
        return boolish(operand) == Some(value == "true");
    }
    compare(value, operand).map_or(value == operand, |o| o == Ordering::Equal)
}

/// A positive operator on one scalar.
fn positive(op: &str, value: Option<&str>, args: &[String]) -> bool {
    let Some(v) = value else { return op == "empty" };
    let a = args.first().map(String::as_str).unwrap_or("");
    let (lv, la) = (v.to_lowercase(), a.to_lowercase());
    let ord = || compare(v, a);
    match op {
        "empty" => v.is_empty(),
        "eq" => equals(v, a),
        "lt" => ord() == Some(Ordering::Less),
        "gt" => ord() == Some(Ordering::Greater),
        "lte" => matches!(ord(), Some(Ordering::Less | Ordering::Equal)),
        "gte" => matches!(ord(), Some(Ordering::Greater | Ordering::Equal)),
        "starts-with" => lv.starts_with(&la),
        "ends-with" => lv.ends_with(&la),
        "contains" => lv.contains(&la),
        "in" => args.iter().any(|x| equals(v, x)),
        "between" => {
            let lo = compare(v, &args[0]);
            let hi = compare(v, &args[1]);
            matches!(lo, Some(Ordering::Greater | Ordering::Equal))
                && matches!(hi, Some(Ordering::Less | Ordering::Equal))
        }
        _ => false,
    }
}

/// Whether a field value satisfies `cond`.
pub fn matches(value: Option<&Value>, cond: &Cond) -> bool {
    let op = cond.op.as_str();
    let values: Vec<Option<String>> = match value {
        Some(Value::Array(items)) if !items.is_empty() => items.iter().map(text).collect(),
        Some(v) => vec![text(v)],
        None => vec![None],
    };
    let any = |pos: &str| {
        values
            .iter()
            .any(|v| positive(pos, v.as_deref(), &cond.args))
    };
    match op {
        "ne" => !any("eq"),
        "not-empty" => !any("empty"),
        "not-in" => !any("in"),
        "not-starts-with" => !any("starts-with"),
        "not-ends-with" => !any("ends-with"),
        "not-contains" => !any("contains"),
        "not-between" => {
            // Still a numeric comparison: both bounds must be comparable to the value.
            values.iter().any(|v| {
                v.as_deref().is_some_and(|v| {
                    compare(v, &cond.args[0]).is_some() && compare(v, &cond.args[1]).is_some()
                })
            }) && !any("between")
        }
        _ => any(op),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn m(v: Value, raw: &str) -> bool {
        matches(Some(&v), &parse(raw).unwrap())
    }

    #[test]
    fn every_operator() {
        assert!(m(json!("858"), "eq:858") && m(json!(858), "858") && !m(json!("858"), "eq:859"));
        assert!(m(json!("San Diego"), "eq:san diego"));
        assert!(m(json!(5), "ne:6") && !m(json!(5), "ne:5.0"));
        assert!(m(json!(99), "lt:100") && !m(json!(100), "lt:100") && m(json!(100), "lte:100"));
        assert!(m(json!("150"), "gt:149") && !m(json!(149), "gt:149") && m(json!(149), "gte:149"));
        assert!(
            m(json!("+18585551234"), "starts-with:+1858")
                && m(json!("+18585551234"), "ends-with:1234")
        );
        assert!(m(json!("La Jolla"), "contains:jol") && m(json!("La Jolla"), "not-contains:xyz"));
        assert!(m(json!("+1619"), "not-starts-with:+1858") && m(json!("abc"), "not-ends-with:b"));
        assert!(
            m(json!(10), "between:10,20")
                && m(json!(20), "between:10,20")
                && !m(json!(21), "between:10,20")
        );
        assert!(m(json!(21), "not-between:10,20") && !m(json!(15), "not-between:10,20"));
        assert!(m(json!(""), "empty") && m(json!(null), "empty") && !m(json!("x"), "empty"));
        assert!(
            matches(None, &parse("empty").unwrap()) && !matches(None, &parse("not-empty").unwrap())
        );
        assert!(m(json!("x"), "not-empty") && m(json!([]), "empty") && m(json!({}), "empty"));
        assert!(m(json!("858"), "in:619,858") && !m(json!("415"), "in:619,858"));
        assert!(m(json!("415"), "not-in:619,858") && !m(json!("858"), "not-in:619,858"));
    }

    #[test]
    fn numbers_strings_and_quotes() {
        assert!(m(json!("9"), "lt:10"), "numeric, not lexical");
        assert!(m(json!("b"), "gt:a") && m(json!("B"), "gt:a"));
        for op in [
            "lt:100",
            "gt:100",
            "lte:100",
            "gte:100",
            "between:0,1000",
            "not-between:0,10",
            "eq:100",
        ] {
            assert!(!m(json!("REQUEST_QUOTE"), op), "{op}");
        }
        assert!(
            m(json!("REQUEST_QUOTE"), "ne:100") && m(json!("REQUEST_QUOTE"), "eq:request_quote")
        );
        assert!(
            m(json!(true), "eq:1")
                && m(json!(true), "eq:true")
                && m(json!(false), "eq:0")
                && !m(json!(false), "eq:true")
        );
        assert!(m(json!([{"number": "+1"}, {"number": "+2"}]), "eq:+2"));
        assert!(m(json!({"id": 111, "name": "x"}), "eq:111"));
        assert!(
            m(json!("2024-01-02T10:00:00Z"), "gt:2024-01-01T00:00:00Z"),
            "timestamps are not operators"
        );
    }

    #[test]
    fn rejects_unknown_operators() {
        assert!(parse("like:x").unwrap_err().contains("like"));
        assert!(parse("between:1").is_err());
        assert_eq!(parse("in:a, b").unwrap().args, vec!["a", "b"]);
        assert!(
            is_number("+18585551234")
                && is_number("-1.5")
                && !is_number("nan")
                && !is_number("1.")
                && !is_number("")
        );
    }
}
