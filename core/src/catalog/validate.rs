//! Checking a call's parameters against its catalog entry, before anything is sent.

use super::{Format, Location, Operation, Param, ParamType};
use crate::error::{Error, FieldError, Result};
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
        let value = params.get(&p.name).filter(|v| !v.is_null());
        // A blank value does not meet a conditional requirement (an OAuth grant's field).
        let blank = p.required_if.is_some()
            && value
                .and_then(Value::as_str)
                .is_some_and(|s| s.trim().is_empty());
        if value.is_none() || blank {
            if let Some(message) = requirement(p, params) {
                let message = if blank {
                    format!("{message} (a blank value was given)")
                } else {
                    message
                };
                problems.push(FieldError {
                    field: p.name.clone(),
                    message,
                });
                continue;
            }
        }
        let Some(v) = value else { continue };
        match check_value(p, v) {
            Ok(v) => {
                if p.secret {
                    problems.extend(check_secret_length(&p.name, &v));
                }
                out.insert(p.name.clone(), v);
            }
            Err(mut errs) => problems.append(&mut errs),
        }
    }
    if problems.is_empty() {
        return Ok(out);
    }
    Err(Error::invalid_fields(&op.name, problems))
}

/// Why an absent parameter is needed, if it is: always (`required`), for some values of another
/// parameter (`required_if`), or unless another is given (`required_unless`).
fn requirement(p: &Param, params: &Map<String, Value>) -> Option<String> {
    if p.required {
        return Some(format!("is required ({})", type_name(p.ty)));
    }
    if let Some(cond) = &p.required_if {
        let value = params.get(&cond.param).and_then(Value::as_str)?;
        return cond
            .values
            .iter()
            .any(|v| v == value)
            .then(|| format!("is required when `{}` is `{value}`", cond.param));
    }
    let given = |name: &String| params.get(name).is_some_and(|v| !v.is_null());
    if !p.required_unless.is_empty() && !p.required_unless.iter().any(given) {
        let others: Vec<String> = p.required_unless.iter().map(|n| format!("`{n}`")).collect();
        return Some(format!(
            "is required unless {} is given ({})",
            others.join(" or "),
            type_name(p.ty)
        ));
    }
    None
}

/// A secret parameter shorter than [`MIN_SECRET_LEN`](crate::secret::MIN_SECRET_LEN) could not
/// be masked by value where an upstream repeats it: refused, naming the field (never the value).
fn check_secret_length(name: &str, v: &Value) -> Option<FieldError> {
    let len = match v {
        Value::String(s) => s.len(),
        Value::Number(n) => n.to_string().len(),
        _ => return None,
    };
    let min = crate::secret::MIN_SECRET_LEN;
    (1..min).contains(&len).then(|| FieldError {
        field: name.to_string(),
        message: format!(
            "must be at least {min} characters (a shorter secret could not be masked in errors and logs)"
        ),
    })
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
            match p.format {
                Some(format) => Value::String(check_format(format, s).map_err(|r| err(name, r))?),
                None => v.clone(),
            }
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
            // Quoted numbers are numbers too ("1.5", "42").
            Value::String(s) => quoted_number(s).ok_or_else(wrong)?,
            _ => return Err(wrong()),
        },
        ParamType::Boolean => match (v, p.format) {
            // A Y/N flag (REST v1 flags, v4 media's `is_temparary`/`randomized`) is taken as a
            // boolean or in its wire form, and travels in its wire form.
            (Value::Bool(b), Some(Format::Yn)) => Value::from(crate::types::yn::to_wire(*b)),
            (Value::String(s), Some(Format::Yn)) => {
                let b = crate::types::yn::parse_str(s).map_err(|r| err(name, r))?;
                Value::from(crate::types::yn::to_wire(b))
            }
            (Value::Bool(_), _) => v.clone(),
            _ => return Err(wrong()),
        },
        ParamType::Array => {
            let items = v.as_array().ok_or_else(wrong)?;
            match p.format {
                Some(Format::MenuDigits) => crate::v1::check_menu_digits(name, v)?,
                Some(format) => check_items(name, format, items)?,
                None => v.clone(),
            }
        }
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

/// Check `s` against `format`; the value to send (normalised where the format says so).
pub(crate) fn check_format(format: Format, s: &str) -> std::result::Result<String, String> {
    use crate::types::e164;
    match format {
        Format::E164 => e164::check(s).map(|_| s.to_string()),
        Format::Nanpa => {
            e164::check(s)?;
            if e164::is_nanpa(s) {
                Ok(s.to_string())
            } else {
                Err(format!(
                    "must be a North American (NANPA, US or CA) number: +1 and 10 digits (got `{s}`)"
                ))
            }
        }
        Format::E164OrExtension => {
            if !s.is_empty() && s.len() <= 10 && s.bytes().all(|b| b.is_ascii_digit()) {
                Ok(s.to_string())
            } else {
                e164::check(s)
                    .map(|_| s.to_string())
                    .map_err(|_| format!("must be E.164 (+ and 8-15 digits) or an extension number of up to 10 digits (got `{s}`)"))
            }
        }
        Format::PhoneDigits => {
            let digits = s.strip_prefix('+').unwrap_or(s);
            if (8..=15).contains(&digits.len())
                && digits.bytes().all(|b| b.is_ascii_digit())
                && !digits.starts_with('0')
            {
                Ok(digits.to_string())
            } else {
                Err(format!(
                    "must be a full phone number: country code and number, 8-15 digits, e.g. 18585608120 (got `{s}`)"
                ))
            }
        }
        Format::Digits => {
            if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
                Ok(s.to_string())
            } else {
                Err(format!("must be digits only (got `{s}`)"))
            }
        }
        Format::Country => {
            if crate::types::contact::is_country_code(s) {
                Ok(s.to_string())
            } else {
                Err(format!(
                    "must be a 2-letter ISO 3166 country code in upper case, e.g. US (got `{s}`)"
                ))
            }
        }
        Format::E164Loose => e164::normalize_plus(s),
        Format::E164V1 => e164::normalize_v1(s),
        Format::Uuid => crate::types::uuid::check(s).map(|_| s.to_string()),
        Format::Email => {
            if crate::types::contact::looks_like_email(s) {
                Ok(s.to_string())
            } else {
                Err(format!(
                    "must be an email address (name@domain) (got `{s}`)"
                ))
            }
        }
        Format::EmailOrEmpty if s.is_empty() => Ok(String::new()),
        Format::EmailOrEmpty => {
            check_format(Format::Email, s).map_err(|rule| format!("{rule}, or \"\" to clear it"))
        }
        Format::Timestamp => {
            if is_timestamp(s) {
                Ok(s.to_string())
            } else {
                Err(format!(
                    "must be Unix epoch seconds or an ISO 8601 date-time such as 2007-12-01T13:28:50.0000Z (got `{s}`)"
                ))
            }
        }
        Format::NumberPattern => {
            match s
                .chars()
                .find(|c| !(c.is_ascii_digit() || c.is_ascii_uppercase() || *c == '*'))
            {
                _ if s.is_empty() => Err("must not be empty".into()),
                Some(c) => Err(format!(
                    "may hold only digits, letters A-Z (upper case) and `*` (found `{c}` in `{s}`)"
                )),
                // One character per digit, and an E.164 number has at most 15 digits.
                None if s.chars().count() > 15 => Err(format!(
                    "must be at most 15 characters, one per digit: a phone number has at most 15 digits ({} given)",
                    s.chars().count()
                )),
                None => Ok(s.to_string()),
            }
        }
        Format::Yn | Format::MenuDigits => Err(format!(
            "cannot be checked as a string ({format:?} applies to booleans or arrays)"
        )),
    }
}

/// Unix epoch seconds (digits), or `YYYY-MM-DDTHH:MM:SS[.fraction][Z|+HH:MM|-HH:MM]`.
pub(crate) fn is_timestamp(s: &str) -> bool {
    if !s.is_empty() && s.len() <= 12 && s.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b.get(r.clone())
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    };
    let num = |r: std::ops::Range<usize>| -> u32 {
        std::str::from_utf8(&b[r])
            .ok()
            .and_then(|t| t.parse().ok())
            .unwrap_or(99)
    };
    if b.len() < 19
        || !(digits(0..4) && digits(5..7) && digits(8..10))
        || !(digits(11..13) && digits(14..16) && digits(17..19))
        || b[4] != b'-'
        || b[7] != b'-'
        || !matches!(b[10], b'T' | b't' | b' ')
        || b[13] != b':'
        || b[16] != b':'
    {
        return false;
    }
    if !((1..=12).contains(&num(5..7))
        && (1..=31).contains(&num(8..10))
        && num(11..13) <= 23
        && num(14..16) <= 59
        && num(17..19) <= 60)
    {
        return false;
    }
    let mut rest = &s[19..];
    if let Some(frac) = rest.strip_prefix('.') {
        let n = frac.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return false;
        }
        rest = &frac[n..];
    }
    match rest {
        "" | "Z" | "z" => true,
        zone => {
            let z = zone.as_bytes();
            z.len() == 6
                && matches!(z[0], b'+' | b'-')
                && z[1..3].iter().all(u8::is_ascii_digit)
                && z[3] == b':'
                && z[4..6].iter().all(u8::is_ascii_digit)
        }
    }
}

fn check_items(
    name: &str,
    format: Format,
    items: &[Value],
) -> std::result::Result<Value, Vec<FieldError>> {
    let mut out = Vec::with_capacity(items.len());
    let mut problems = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let field = format!("{name}[{i}]");
        match item.as_str() {
            Some(s) => match check_format(format, s) {
                Ok(v) => out.push(Value::String(v)),
                Err(rule) => problems.extend(err(&field, rule)),
            },
            None => problems.extend(err(&field, "must be a string")),
        }
    }
    if problems.is_empty() {
        Ok(Value::Array(out))
    } else {
        Err(problems)
    }
}

/// A quoted number as a JSON number (integers stay integers).
fn quoted_number(s: &str) -> Option<Value> {
    let t = s.trim();
    if let Ok(i) = t.parse::<i64>() {
        return Some(Value::from(i));
    }
    t.parse::<f64>()
        .ok()
        .filter(|f| {
            f.is_finite()
                && t.bytes()
                    .all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b))
        })
        .and_then(serde_json::Number::from_f64)
        .map(Value::Number)
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
        if p.boolean_fields.iter().any(|f| f == field) {
            match cond {
                Value::Bool(_) => {}
                _ => problems.extend(err(
                    &path,
                    "must be true or false (a bare boolean here, not an op:value condition)",
                )),
            }
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
    use crate::error::ErrorKind;
    use serde_json::json;

    fn op(name: &str) -> &'static Operation {
        crate::catalog().get(name).unwrap()
    }

    fn check(name: &str, params: Value) -> Result<Params> {
        validate_params(op(name), params.as_object().unwrap())
    }

    fn refused(name: &str, params: Value) -> Vec<(String, String)> {
        match check(name, params) {
            Ok(_) => vec![],
            Err(e) => e
                .fields()
                .iter()
                .map(|f| (f.field.clone(), f.message.clone()))
                .collect(),
        }
    }

    #[test]
    fn each_oauth_grant_names_its_missing_fields() {
        let token = "v4.create-oauth-access-token";
        let names = |v| -> Vec<String> { refused(token, v).into_iter().map(|f| f.0).collect() };
        assert_eq!(
            refused(token, json!({"grant_type": "authorization_code"})),
            [
                (
                    "code".into(),
                    "is required when `grant_type` is `authorization_code`".into()
                ),
                (
                    "redirect_uri".into(),
                    "is required when `grant_type` is `authorization_code`".into()
                )
            ]
        );
        assert_eq!(
            names(
                json!({"grant_type": "client_credentials", "client_id": "c", "client_secret": "  "})
            ),
            ["client_secret"]
        );
        assert_eq!(
            names(json!({"grant_type": "password", "username": " ", "password": "pass1"})),
            ["username"]
        );
        assert_eq!(
            names(json!({"grant_type": "refresh_token"})),
            ["refresh_token"]
        );
        assert!(
            names(json!({"grant_type": "password", "username": "u", "password": "pass1"}))
                .is_empty()
        );
        // A field of another grant is neither needed nor refused when blank.
        assert!(names(
            json!({"grant_type": "refresh_token", "refresh_token": "r-123", "username": ""})
        )
        .is_empty());
    }

    #[test]
    fn media_needs_a_file_unless_text_to_speech_is_given() {
        assert_eq!(
            refused("v1.media.create", json!({"name": "greeting"})),
            [("file".into(), "is required unless `tts_text` is given (a file object {path} or {filename, content_base64})".into())]
        );
        assert!(refused(
            "v1.media.create",
            json!({"name": "greeting", "tts_text": "Hello"})
        )
        .is_empty());
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
    fn secret_parameters_shorter_than_four_characters_are_refused_by_name() {
        for (name, params) in [
            (
                "v4.create-account-subaccount",
                json!({"account_id": 1, "username": "acme-1", "password": "Zq9"}),
            ),
            (
                "oauth.user-token",
                json!({"username": "acme-1", "password": "Zq9"}),
            ),
        ] {
            let e = check(name, params).unwrap_err();
            assert_eq!(e.fields().len(), 1, "{e}");
            assert_eq!(e.fields()[0].field, "password", "{e}");
            assert!(e.to_string().contains("at least 4"), "{e}");
            assert!(!e.to_string().contains("Zq9"), "{e}");
        }
        assert!(check(
            "oauth.user-token",
            json!({"username": "acme-1", "password": "Zq9!"})
        )
        .is_ok());
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
    fn formats() {
        for ok in [
            "1196515730",
            "2007-12-01T13:28:50.0000Z",
            "2007-12-01T13:28:50Z",
            "2007-12-01T13:28:50",
            "2007-12-01T13:28:50.5-08:00",
        ] {
            assert!(is_timestamp(ok), "{ok}");
        }
        for bad in [
            "tomorrow",
            "2007-13-01T13:28:50Z",
            "2007-12-01T25:28:50Z",
            "2007-12-01",
            "2007-12-01T13:28:50.Z",
            "2007-12-01T13:28:50+0800",
            "",
        ] {
            assert!(!is_timestamp(bad), "{bad}");
        }
        assert_eq!(
            check_format(Format::PhoneDigits, "+18585608120").unwrap(),
            "18585608120"
        );
        assert!(check_format(Format::PhoneDigits, "858-560-8120").is_err());
        assert!(check_format(Format::Nanpa, "+16045550100").is_ok());
        assert!(check_format(Format::Nanpa, "+442071838750").is_err());
        assert!(check_format(Format::E164OrExtension, "101").is_ok());
        assert!(check_format(Format::E164OrExtension, "18585602222").is_err());
        assert!(check_format(Format::Country, "US").is_ok());
        assert!(check_format(Format::Country, "us").is_err());
        assert!(check_format(Format::NumberPattern, "1800FLOWERS").is_ok());
        assert!(check_format(Format::NumberPattern, "1212*******").is_ok());
        assert!(check_format(Format::NumberPattern, "1800-FLOWERS").is_err());
        assert!(check_format(Format::NumberPattern, "***************").is_ok());
        assert!(check_format(Format::NumberPattern, "1858555010012345").is_err());
        assert!(check_format(Format::Email, "a@b.co").is_ok());
        assert!(check_format(Format::Email, "").is_err());
        assert_eq!(check_format(Format::EmailOrEmpty, "").unwrap(), "");
        assert!(check_format(Format::EmailOrEmpty, "a@b.co").is_ok());
        assert!(check_format(Format::EmailOrEmpty, "a@b")
            .unwrap_err()
            .contains("to clear it"));
        assert!(check_format(Format::Digits, "12a").is_err());
    }

    #[test]
    fn formats_normalise_and_widen() {
        let ok = check(
            "v1.sms.create",
            json!({"to": "1 555 555 1235", "from": "+15555551234", "message": "hi", "application_id": "fe02e19d-cd54-11e2-bf99-91e4d3e209c1"}),
        )
        .unwrap();
        assert_eq!(ok["to"], "+15555551235");
        let e = check(
            "v1.sms.create",
            json!({"to": "+5551231234", "from": "+15555551234", "message": "hi"}),
        )
        .unwrap_err();
        assert!(e.to_string().contains("11 to 14 digits"), "{e}");
        let e = check("v1.sms.create", json!({"to": "15555551235", "from": "15555551234", "message": "hi", "application_id": "FE02E19D"})).unwrap_err();
        assert_eq!(e.fields()[0].field, "application_id");
        let digits = json!([{"digit": 1, "route": "8f0f5201-ac3b-11e2-8b76-de60857c4383"}]);
        let ok = check(
            "v1.menus.create",
            json!({"allow_extension_dial": "Y", "digits": digits}),
        )
        .unwrap();
        assert_eq!(ok["allow_extension_dial"], "Y", "a Y/N flag travels as Y/N");
        assert_eq!(ok["digits"][0]["digit"], "1");
        let e = check(
            "v1.menus.create",
            json!({"allow_extension_dial": "yes", "digits": digits}),
        )
        .unwrap_err();
        assert_eq!(e.fields()[0].field, "allow_extension_dial");
        let e = check(
            "v1.menus.create",
            json!({"allow_extension_dial": 1, "digits": digits}),
        )
        .unwrap_err();
        assert_eq!(e.fields()[0].field, "allow_extension_dial");
        let ok = check("nol.getAccountListing", json!({"e164": "14155550142"})).unwrap();
        assert_eq!(ok["e164"], "+14155550142");
        let e = check("nol.accountSignup", json!({"email": "ops@acme"})).unwrap_err();
        assert_eq!(e.fields()[0].field, "email");
        assert!(
            check("nol.updateAccount", json!({"email": ""})).is_ok(),
            "an empty email clears it"
        );
    }

    #[test]
    fn numbers_may_be_quoted() {
        assert_eq!(quoted_number("42"), Some(json!(42)));
        assert_eq!(quoted_number(" 1.5 "), Some(json!(1.5)));
        assert_eq!(quoted_number("nan"), None);
        assert_eq!(quoted_number("1.5x"), None);
        assert_eq!(quoted_number(""), None);
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
