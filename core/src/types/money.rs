//! US dollar amounts as Phone.com writes them (`$12,345.67`), held exactly as integer
//! micro-dollars (1e-6 USD): no floating point anywhere.
//!
//! ```
//! use phonecom::types::Money;
//! let m = Money::parse("$12,345.67").unwrap();
//! assert_eq!(m.cents(), Some(1_234_567));
//! assert_eq!(m.to_string(), "$12,345.67");
//! assert_eq!(Money::parse("$0.019").unwrap().micros(), 19_000);
//! assert!(Money::parse("$12,34.5").is_err());
//! ```

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;
use std::fmt;

/// Micro-dollars per dollar.
const MICROS: i64 = 1_000_000;

/// An exact amount of US dollars.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money {
    micros: i64,
}

impl Money {
    /// An amount in cents.
    pub fn from_cents(cents: i64) -> Money {
        Money {
            micros: cents.saturating_mul(10_000),
        }
    }

    /// An amount in micro-dollars (numbers.online's `*_micros` fields).
    pub fn from_micros(micros: i64) -> Money {
        Money { micros }
    }

    /// The amount in micro-dollars.
    pub fn micros(self) -> i64 {
        self.micros
    }

    /// The amount in whole cents, when it is one (`None` for sub-cent amounts such as `$0.019`).
    pub fn cents(self) -> Option<i64> {
        (self.micros % 10_000 == 0).then_some(self.micros / 10_000)
    }

    /// Parse the document's notation: an optional `-`, an optional `$`, digits with optional
    /// `,` thousands separators (groups of three), and up to six decimals after `.`.
    /// Plain numbers (`12345.67`) are accepted too.
    pub fn parse(s: &str) -> Result<Money, String> {
        let bad = |why: &str| format!("must be a dollar amount like $12,345.67: {why} (got `{s}`)");
        let t = s.trim();
        let (neg, t) = match t.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, t),
        };
        let t = t.strip_prefix('$').unwrap_or(t);
        let (neg, t) = match (neg, t.strip_prefix('-')) {
            (false, Some(rest)) => (true, rest),
            (_, Some(_)) => return Err(bad("two minus signs")),
            (n, None) => (n, t),
        };
        let (whole, frac) = match t.split_once('.') {
            Some((w, f)) => (w, Some(f)),
            None => (t, None),
        };
        if whole.is_empty() {
            return Err(bad("no digits before the decimal point"));
        }
        let groups: Vec<&str> = whole.split(',').collect();
        let digits_only = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
        if !groups.iter().all(|g| digits_only(g)) {
            return Err(bad("only digits, `,` and one `.` may follow the `$`"));
        }
        if groups.len() > 1 && (groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3)) {
            return Err(bad("`,` separates groups of three digits"));
        }
        let mut micros: i64 = 0;
        for b in groups.concat().bytes() {
            micros = micros
                .checked_mul(10)
                .and_then(|m| m.checked_add(i64::from(b - b'0')))
                .ok_or_else(|| bad("too large"))?;
        }
        micros = micros.checked_mul(MICROS).ok_or_else(|| bad("too large"))?;
        if let Some(f) = frac {
            if f.is_empty() || f.len() > 6 || !f.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad("one to six digits after the decimal point"));
            }
            let mut part: i64 = f.parse().map_err(|_| bad("bad decimals"))?;
            for _ in f.len()..6 {
                part *= 10;
            }
            micros = micros.checked_add(part).ok_or_else(|| bad("too large"))?;
        }
        Ok(Money {
            micros: if neg { -micros } else { micros },
        })
    }

    /// Read a JSON amount: the document's string notation, or a JSON number (read from its
    /// decimal text, so `12.5` is exactly twelve dollars fifty).
    pub fn from_value(v: &Value) -> Result<Money, String> {
        match v {
            Value::String(s) => Money::parse(s),
            Value::Number(n) => Money::parse(&n.to_string()),
            other => Err(format!(
                "must be a dollar amount like $12,345.67 (got {other})"
            )),
        }
    }
}

impl fmt::Display for Money {
    /// The document's notation: `$12,345.67` (more decimals only for sub-cent amounts).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let abs = self.micros.unsigned_abs();
        let whole = (abs / MICROS as u64).to_string();
        let first = match whole.len() % 3 {
            0 => 3.min(whole.len()),
            r => r,
        };
        let mut grouped = whole[..first].to_string();
        for chunk in whole.as_bytes()[first..].chunks(3) {
            grouped.push(',');
            grouped.push_str(std::str::from_utf8(chunk).unwrap_or_default());
        }
        let mut frac = format!("{:06}", abs % MICROS as u64);
        while frac.len() > 2 && frac.ends_with('0') {
            frac.pop();
        }
        let sign = if self.micros < 0 { "-" } else { "" };
        write!(f, "{sign}${grouped}.{frac}")
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Money, D::Error> {
        Money::from_value(&Value::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_documents_example() {
        let m = Money::parse("$12,345.67").unwrap();
        assert_eq!(m.micros(), 12_345_670_000);
        assert_eq!(m.cents(), Some(1_234_567));
        assert_eq!(m.to_string(), "$12,345.67");
    }

    #[test]
    fn forms_accepted() {
        assert_eq!(Money::parse("$0.00").unwrap().cents(), Some(0));
        assert_eq!(Money::parse("$5").unwrap().cents(), Some(500));
        assert_eq!(Money::parse("1234.5").unwrap().cents(), Some(123_450));
        assert_eq!(Money::parse("-$1,000.01").unwrap().cents(), Some(-100_001));
        assert_eq!(Money::parse("$-3.10").unwrap().cents(), Some(-310));
        assert_eq!(
            Money::parse("$1,234,567.89").unwrap().cents(),
            Some(123_456_789)
        );
        assert_eq!(Money::parse("$0.004").unwrap().cents(), None);
        assert_eq!(Money::parse("$0.004").unwrap().to_string(), "$0.004");
        assert_eq!(Money::from_value(&json!(12.5)).unwrap().cents(), Some(1250));
        assert_eq!(Money::from_value(&json!(7)).unwrap().cents(), Some(700));
        assert_eq!(Money::from_cents(-5).to_string(), "-$0.05");
    }

    #[test]
    fn forms_refused() {
        for bad in [
            "",
            "$",
            "$.5",
            "$1,23",
            "$1234,567",
            "$12,34.5",
            "$1.2.3",
            "$1.1234567",
            "USD 5",
            "$5 ",
            "$ 5",
            "--$5",
            "$1e3",
            "99999999999999999",
        ] {
            let r = Money::parse(bad);
            // "$5 " is trimmed and valid; every other entry is malformed.
            if bad == "$5 " {
                assert!(r.is_ok());
            } else {
                assert!(r.is_err(), "{bad} parsed as {r:?}");
            }
        }
    }

    #[test]
    fn serde_round_trip() {
        let m: Money = serde_json::from_value(json!("$12,345.67")).unwrap();
        assert_eq!(serde_json::to_value(m).unwrap(), json!("$12,345.67"));
    }
}
