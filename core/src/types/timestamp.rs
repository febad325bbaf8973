//! Dates, timestamps and durations as REST v1 writes them.
//!
//! A date travels either as ISO 8601 (`2014-01-01T23:00:37Z`) or as seconds since the epoch
//! (`1388617237`); objects carry both (`created_date` and `created_epoch`). A duration is a
//! number of seconds, written as an integer or as a string depending on the service.
//!
//! ```
//! use phonecom::types::timestamp::{self, Timestamp};
//! let t = Timestamp::parse("2014-01-01T23:00:37Z").unwrap();
//! assert_eq!(t.epoch(), 1_388_617_237);
//! assert_eq!(Timestamp::from_epoch(1_388_617_237).to_iso(), "2014-01-01T23:00:37Z");
//! assert_eq!(Timestamp::parse("1388617237").unwrap(), t);
//! assert_eq!(timestamp::duration_seconds(&serde_json::json!("42")), Ok(42));
//! ```

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;
use std::fmt;

/// A point in time, to the second, in UTC.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i64);

/// The earliest time [`Timestamp::parse`] accepts: `0000-01-01T00:00:00Z`.
pub const MIN_EPOCH: i64 = -62_167_219_200;
/// The latest time [`Timestamp::parse`] accepts: `9999-12-31T23:59:59Z` (the last one whose ISO
/// form has a four-digit year, so everything parsed renders back to text that parses again).
pub const MAX_EPOCH: i64 = 253_402_300_799;

/// The rule of the accepted range, for error messages.
const RANGE_RULE: &str = "years 0000 to 9999 (0000-01-01T00:00:00Z to 9999-12-31T23:59:59Z)";

impl Timestamp {
    /// From seconds since 1970-01-01T00:00:00Z.
    pub fn from_epoch(secs: i64) -> Timestamp {
        Timestamp(secs)
    }

    /// Seconds since the epoch (`created_epoch`).
    pub fn epoch(self) -> i64 {
        self.0
    }

    /// ISO 8601 in UTC, to the second (`created_date`): `2014-01-01T23:00:37Z`.
    pub fn to_iso(self) -> String {
        let days = self.0.div_euclid(86_400);
        let secs = self.0.rem_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        format!(
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
            secs / 3600,
            secs % 3600 / 60,
            secs % 60
        )
    }

    /// Parse seconds since the epoch (digits, optionally signed) or ISO 8601: `YYYY-MM-DD`,
    /// optionally followed by `T` (or a space) and `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fff`, and by
    /// `Z`, `±HH:MM`, `±HHMM` or `±HH`. Without a zone the time is taken as UTC; fractions of a
    /// second are dropped. Only times from year 0000 to 9999 are accepted ([`MIN_EPOCH`] to
    /// [`MAX_EPOCH`]): those [`Timestamp::to_iso`] renders as text this function reads back.
    ///
    /// ```
    /// use phonecom::types::timestamp::Timestamp;
    /// assert!(Timestamp::parse("9999-12-31T23:59:59Z").is_ok());
    /// assert!(Timestamp::parse("9999-12-31T23:59:59-01:00").is_err()); // year 10000 in UTC
    /// assert!(Timestamp::parse("253402300800").is_err());
    /// ```
    pub fn parse(s: &str) -> Result<Timestamp, String> {
        let t = s.trim();
        let digits = t.strip_prefix('-').unwrap_or(t);
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            return t
                .parse::<i64>()
                .ok()
                .and_then(Timestamp::in_range)
                .ok_or_else(|| format!("epoch seconds must cover {RANGE_RULE} (got `{s}`)"));
        }
        parse_iso(t)
            .and_then(|ts| {
                Timestamp::in_range(ts.0)
                    .ok_or_else(|| format!("the time in UTC must be within {RANGE_RULE}"))
            })
            .map_err(|why| {
                format!("must be ISO 8601 (2014-01-01T23:00:37Z) or seconds since the epoch: {why} (got `{s}`)")
            })
    }

    /// `secs` as a timestamp when it lies within [`MIN_EPOCH`]..=[`MAX_EPOCH`].
    fn in_range(secs: i64) -> Option<Timestamp> {
        (MIN_EPOCH..=MAX_EPOCH)
            .contains(&secs)
            .then_some(Timestamp(secs))
    }

    /// Read a JSON date: an integer (epoch seconds) or a string in either form.
    pub fn from_value(v: &Value) -> Result<Timestamp, String> {
        match v {
            Value::Number(n) => n
                .as_i64()
                .ok_or_else(|| format!("epoch seconds must be a whole number (got {n})"))
                .and_then(|secs| {
                    Timestamp::in_range(secs)
                        .ok_or_else(|| format!("epoch seconds must cover {RANGE_RULE} (got {n})"))
                }),
            Value::String(s) => Timestamp::parse(s),
            other => Err(format!(
                "must be ISO 8601 or seconds since the epoch (got {other})"
            )),
        }
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_iso())
    }
}

impl Serialize for Timestamp {
    /// Written as ISO 8601 (the API accepts either form).
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_iso())
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
        Timestamp::from_value(&Value::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

/// A duration in seconds, given as a non-negative integer or a string of digits.
pub fn duration_seconds(v: &Value) -> Result<u64, String> {
    match v {
        Value::Number(n) => n
            .as_u64()
            .ok_or_else(|| format!("a duration is a whole number of seconds (got {n})")),
        Value::String(s)
            if !s.trim().is_empty() && s.trim().bytes().all(|b| b.is_ascii_digit()) =>
        {
            s.trim()
                .parse()
                .map_err(|_| format!("duration out of range (got `{s}`)"))
        }
        other => Err(format!(
            "a duration is a whole number of seconds, as an integer or a string (got {other})"
        )),
    }
}

/// Serde for `Option<u64>` durations given as integers or strings of digits.
pub mod seconds {
    use super::*;

    /// Written as an integer.
    pub fn serialize<S: Serializer>(v: &Option<u64>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(n) => s.serialize_u64(*n),
            None => s.serialize_none(),
        }
    }

    /// Read an integer, a string of digits, or null.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
        match Value::deserialize(d)? {
            Value::Null => Ok(None),
            v => duration_seconds(&v)
                .map(Some)
                .map_err(serde::de::Error::custom),
        }
    }
}

fn parse_iso(t: &str) -> Result<Timestamp, String> {
    let b = t.as_bytes();
    let num = |from: usize, len: usize| -> Result<i64, String> {
        let part = match t.get(from..from + len) {
            Some(part) => part,
            None if t.len() < from + len => return Err("too short".into()),
            // The range splits a multi-byte character: not digits either way.
            None => return Err("the date and time must be ASCII digits and separators".into()),
        };
        if part.bytes().all(|c| c.is_ascii_digit()) {
            Ok(part.parse::<i64>().unwrap_or_default())
        } else {
            Err(format!("`{part}` is not a number"))
        }
    };
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return Err("the date must be YYYY-MM-DD".into());
    }
    let (year, month, day) = (num(0, 4)?, num(5, 2)?, num(8, 2)?);
    if !(1..=12).contains(&month) {
        return Err(format!("month {month} does not exist"));
    }
    if day < 1 || day > days_in_month(year, month) {
        return Err(format!("day {day} does not exist in {year:04}-{month:02}"));
    }
    let mut secs = days_from_civil(year, month, day) * 86_400;
    let mut i = 10;
    if i < b.len() && (b[i] == b'T' || b[i] == b't' || b[i] == b' ') {
        let (hour, minute) = (num(i + 1, 2)?, num(i + 4, 2)?);
        if b.get(i + 3) != Some(&b':') {
            return Err("the time must be HH:MM or HH:MM:SS".into());
        }
        i += 6;
        let mut second = 0;
        if b.get(i) == Some(&b':') {
            second = num(i + 1, 2)?;
            i += 3;
            if b.get(i) == Some(&b'.') || b.get(i) == Some(&b',') {
                i += 1;
                let start = i;
                while i < b.len() && b[i].is_ascii_digit() {
                    i += 1;
                }
                if i == start {
                    return Err("a fraction of a second needs digits".into());
                }
            }
        }
        if hour > 23 || minute > 59 || second > 60 {
            return Err(format!(
                "{hour:02}:{minute:02}:{second:02} is not a time of day"
            ));
        }
        secs += hour * 3600 + minute * 60 + second.min(59);
    }
    let rest = &t[i..];
    let offset = match rest {
        "" | "Z" | "z" => 0,
        _ if rest.starts_with('+') || rest.starts_with('-') => {
            let sign = if rest.starts_with('-') { -1 } else { 1 };
            let zone = rest[1..].replace(':', "");
            if !(zone.len() == 2 || zone.len() == 4) || !zone.bytes().all(|c| c.is_ascii_digit()) {
                return Err(format!("`{rest}` is not a zone offset (Z, ±HH:MM)"));
            }
            let h: i64 = zone[..2].parse().unwrap_or_default();
            let m: i64 = zone.get(2..).map_or(0, |m| m.parse().unwrap_or_default());
            if h > 23 || m > 59 {
                return Err(format!("`{rest}` is not a zone offset"));
            }
            sign * (h * 3600 + m * 60)
        }
        _ => return Err(format!("unexpected `{rest}` after the date/time")),
    };
    Ok(Timestamp(secs - offset))
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count since 1970-01-01.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_documents_sms_dates_agree() {
        let a = Timestamp::from_value(&json!("2014-01-01T23:00:37Z")).unwrap();
        let b = Timestamp::from_value(&json!(1_388_617_237)).unwrap();
        assert_eq!(a, b);
        assert_eq!(b.to_iso(), "2014-01-01T23:00:37Z");
        // The greeting example's create_date.
        assert_eq!(
            Timestamp::from_epoch(1_374_528_920).to_iso(),
            "2013-07-22T21:35:20Z"
        );
    }

    #[test]
    fn iso_forms() {
        let p = |s: &str| Timestamp::parse(s).unwrap().epoch();
        assert_eq!(p("1970-01-01"), 0);
        assert_eq!(p("2014-01-01T23:00"), 1_388_617_200);
        assert_eq!(p("2014-01-01 23:00:37"), 1_388_617_237);
        assert_eq!(p("2014-01-01T23:00:37.123Z"), 1_388_617_237);
        assert_eq!(p("2014-01-02T01:00:37+02:00"), 1_388_617_237);
        assert_eq!(p("2014-01-01T18:00:37-0500"), 1_388_617_237);
        assert_eq!(p("2014-01-02T00:00:37+01"), 1_388_617_237);
        assert_eq!(p("2016-02-29T00:00:00Z"), 1_456_704_000);
        assert_eq!(p("-86400"), -86_400);
        assert_eq!(Timestamp::from_epoch(-1).to_iso(), "1969-12-31T23:59:59Z");
    }

    #[test]
    fn refuses_impossible_dates() {
        for bad in [
            "2014-13-01",
            "2014-02-30",
            "2015-02-29",
            "2014-1-1",
            "2014-01-01T24:00",
            "2014-01-01T23:60",
            "2014-01-01T23:00:37+25:00",
            "2014-01-01T23:00:37 UTC",
            "yesterday",
            "",
            "2014-01-01T",
            "1.5",
        ] {
            assert!(Timestamp::parse(bad).is_err(), "{bad}");
        }
        assert!(Timestamp::from_value(&json!(1.5)).is_err());
        assert!(Timestamp::from_value(&json!(true)).is_err());
    }

    #[test]
    fn round_trips_many_days() {
        for days in (-700_000..2_900_000).step_by(997) {
            let t = Timestamp::from_epoch(days * 86_400 + 3_723);
            assert_eq!(Timestamp::parse(&t.to_iso()).unwrap(), t);
        }
    }

    #[test]
    fn accepts_only_years_it_can_render() {
        assert_eq!(Timestamp::parse("0000-01-01").unwrap().epoch(), MIN_EPOCH);
        assert_eq!(
            Timestamp::parse("9999-12-31T23:59:59Z").unwrap().epoch(),
            MAX_EPOCH
        );
        assert_eq!(
            Timestamp::from_epoch(MAX_EPOCH).to_iso(),
            "9999-12-31T23:59:59Z"
        );
        assert_eq!(
            Timestamp::from_epoch(MIN_EPOCH).to_iso(),
            "0000-01-01T00:00:00Z"
        );
        for bad in [
            "9999-12-31T23:59:59-00:01",
            "0000-01-01T00:00:00+00:01",
            "253402300800",
            "-62167219201",
            "9223372036854775807",
        ] {
            let e = Timestamp::parse(bad).unwrap_err();
            assert!(e.contains("9999"), "{bad}: {e}");
        }
        assert!(Timestamp::from_value(&json!(MAX_EPOCH + 1)).is_err());
        assert!(Timestamp::from_value(&json!(i64::MIN)).is_err());
    }

    proptest::proptest! {
        /// Whatever parses renders to text that parses back to the same time.
        #[test]
        fn parse_render_parse_is_the_identity(s in r"-?[0-9]{1,13}|[0-9]{4}-[0-9]{2}-[0-9]{2}([T t][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]{1,4})?)?)?([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)?|\PC{0,30}") {
            if let Ok(t) = Timestamp::parse(&s) {
                let shown = t.to_iso();
                proptest::prop_assert_eq!(Timestamp::parse(&shown), Ok(t), "{} -> {}", s, shown);
                proptest::prop_assert_eq!(Timestamp::parse(&t.epoch().to_string()), Ok(t));
            }
        }

        #[test]
        fn every_time_in_range_round_trips(secs in MIN_EPOCH..=MAX_EPOCH) {
            let t = Timestamp::from_epoch(secs);
            proptest::prop_assert_eq!(Timestamp::parse(&t.to_iso()), Ok(t));
        }
    }

    #[test]
    fn durations() {
        assert_eq!(duration_seconds(&json!(0)), Ok(0));
        assert_eq!(duration_seconds(&json!("0")), Ok(0));
        assert_eq!(duration_seconds(&json!(" 95 ")), Ok(95));
        assert!(duration_seconds(&json!(-1)).is_err());
        assert!(duration_seconds(&json!("1.5")).is_err());
        assert!(duration_seconds(&json!("")).is_err());
        assert!(duration_seconds(&json!(null)).is_err());
    }
}
