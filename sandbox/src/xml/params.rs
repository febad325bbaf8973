//! The request's parameters (query string and form body together) and the input checks the
//! actions share. A failed check is the `<msg>` of an error result.

use crate::http::Request;

/// A failed check: the error result's message.
pub type Check<T> = Result<T, String>;

/// Every parameter of one request, in order: the query string's, then the form body's.
#[derive(Debug, Clone, Default)]
pub struct Params {
    pairs: Vec<(String, String)>,
}

impl Params {
    /// The parameters of `req`: its query string, plus its body when that is a form (declared
    /// `application/x-www-form-urlencoded`, or undeclared and shaped like one).
    pub fn from_request(req: &Request) -> Params {
        let mut pairs = req.query.clone();
        let ct = req.content_type();
        let body = String::from_utf8_lossy(&req.body);
        let body = body.trim();
        let form_like = !body.is_empty()
            && body
                .split('&')
                .all(|p| p.contains('=') && !p.contains(char::is_whitespace));
        if ct == "application/x-www-form-urlencoded"
            || ((ct.is_empty() || ct == "text/plain") && form_like)
        {
            pairs.extend(crate::http::url::parse_query(body));
        }
        Params { pairs }
    }

    /// Parameters from pairs (tests).
    pub fn from_pairs(pairs: &[(&str, &str)]) -> Params {
        Params {
            pairs: pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        }
    }

    /// Every pair, in order.
    pub fn pairs(&self) -> &[(String, String)] {
        &self.pairs
    }

    /// The first value of `name`, when given and not empty.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.is_empty())
    }

    /// Every value of `name`, in order (for `toName`/`toNumber`).
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.pairs
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// Whether `name` was sent at all (even empty).
    pub fn has(&self, name: &str) -> bool {
        self.pairs.iter().any(|(k, _)| k == name)
    }

    /// Fails naming every parameter of `names` that is missing or empty.
    pub fn require(&self, names: &[&str]) -> Check<()> {
        let missing: Vec<&str> = names
            .iter()
            .copied()
            .filter(|n| self.get(n).is_none())
            .collect();
        match missing.as_slice() {
            [] => Ok(()),
            [one] => Err(format!("Missing required parameter: {one}")),
            many => Err(format!("Missing required parameters: {}", many.join(", "))),
        }
    }

    /// The value of a required parameter.
    pub fn req(&self, name: &str) -> Check<&str> {
        self.require(&[name])?;
        Ok(self.get(name).unwrap_or_default())
    }
}

fn digits_only(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// An E.164 number written with `+` (`+18585602222`): 8 to 15 digits, not starting with 0.
pub fn e164(field: &str, v: &str) -> Check<String> {
    if let Some(d) = v.strip_prefix('+') {
        if (8..=15).contains(&d.len()) && digits_only(d) && !d.starts_with('0') {
            return Ok(v.to_string());
        }
    }
    if v.starts_with(' ') && digits_only(v.trim()) {
        return Err(format!(
            "Invalid {field}: `{v}` is not E.164; a leading space means the + was not encoded (send it as %2B)"
        ));
    }
    Err(format!(
        "Invalid {field}: must be an E.164 phone number such as +18585602222 (got `{v}`)"
    ))
}

/// A "full phone number, e.g. 18585608120" (a `+` is accepted): the number as E.164 with `+`.
pub fn full_number(field: &str, v: &str) -> Check<String> {
    let t = v.trim();
    let d = t.strip_prefix('+').unwrap_or(t);
    if (8..=15).contains(&d.len()) && digits_only(d) && !d.starts_with('0') {
        Ok(format!("+{d}"))
    } else {
        Err(format!(
            "Invalid {field}: must be a full phone number with country code, e.g. 18585608120 (got `{v}`)"
        ))
    }
}

/// Whether `v` is a North American (+1) E.164 number with valid area code and exchange.
pub fn is_nanp(v: &str) -> bool {
    let d = v.strip_prefix("+1").unwrap_or("");
    d.len() == 10
        && digits_only(d)
        && (b'2'..=b'9').contains(&d.as_bytes()[0])
        && (b'2'..=b'9').contains(&d.as_bytes()[3])
}

/// An extension number: 1 to 7 digits.
pub fn is_extension(v: &str) -> bool {
    (1..=7).contains(&v.len()) && digits_only(v)
}

/// `yes` or `no` (any case).
pub fn yes_no(field: &str, v: &str) -> Check<bool> {
    match v.to_ascii_lowercase().as_str() {
        "yes" => Ok(true),
        "no" => Ok(false),
        _ => Err(format!("Invalid {field}: must be yes or no (got `{v}`)")),
    }
}

/// A whole number in `lo..=hi`.
pub fn int_in(field: &str, v: &str, lo: i64, hi: i64) -> Check<i64> {
    match v.trim().parse::<i64>() {
        Ok(n) if (lo..=hi).contains(&n) => Ok(n),
        _ => Err(format!(
            "Invalid {field}: must be a whole number from {lo} to {hi} (got `{v}`)"
        )),
    }
}

/// An email address (something@domain.tld, no spaces).
pub fn email(field: &str, v: &str) -> Check<String> {
    let ok = match v.split_once('@') {
        Some((user, domain)) => {
            !user.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !v.contains(char::is_whitespace)
                && !domain.contains('@')
        }
        None => false,
    };
    if ok {
        Ok(v.to_string())
    } else {
        Err(format!("Invalid {field}: `{v}` is not an email address"))
    }
}

/// A time as Unix epoch seconds or the XML format (`2007-12-01T13:28:50.0000Z`).
pub fn time(field: &str, v: &str) -> Check<i64> {
    if digits_only(v) {
        return v
            .parse()
            .map_err(|_| format!("Invalid {field}: `{v}` is out of range"));
    }
    crate::clock::parse_rfc3339(v).ok_or_else(|| {
        format!("Invalid {field}: use Unix epoch seconds or the XML format 2007-12-01T13:28:50.0000Z (got `{v}`)")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requires_and_repeats() {
        let p = Params::from_pairs(&[("toName", "A"), ("toName", "B"), ("x", "")]);
        assert_eq!(p.all("toName"), ["A", "B"]);
        assert_eq!(p.get("x"), None);
        assert!(p.has("x"));
        assert_eq!(
            p.require(&["toName", "x", "y"]).unwrap_err(),
            "Missing required parameters: x, y"
        );
        assert_eq!(p.req("y").unwrap_err(), "Missing required parameter: y");
    }

    #[test]
    fn numbers() {
        assert_eq!(e164("n", "+18585602222").unwrap(), "+18585602222");
        assert!(e164("n", "18585602222").is_err());
        assert!(e164("n", " 18585602222").unwrap_err().contains("%2B"));
        assert!(e164("n", "+0123456789").is_err());
        assert_eq!(full_number("n", "18585608120").unwrap(), "+18585608120");
        assert_eq!(full_number("n", "+18585608120").unwrap(), "+18585608120");
        assert!(full_number("n", "1858-560").is_err());
        assert!(is_nanp("+18585602222") && !is_nanp("+441611234567") && !is_nanp("+11585602222"));
        assert!(is_extension("111") && !is_extension("+111") && !is_extension("12345678"));
    }

    #[test]
    fn other_checks() {
        assert!(yes_no("f", "YES").unwrap() && !yes_no("f", "no").unwrap());
        assert!(yes_no("f", "y").is_err());
        assert_eq!(int_in("t", "20", 1, 300).unwrap(), 20);
        assert!(int_in("t", "0", 1, 300).is_err());
        assert!(email("e", "a@b.co").is_ok() && email("e", "a@b").is_err());
        assert_eq!(time("d", "1196515730").unwrap(), 1_196_515_730);
        assert_eq!(
            time("d", "2007-12-01T13:28:50.0000Z").unwrap(),
            1_196_515_730
        );
        assert!(time("d", "tomorrow").is_err());
    }
}
