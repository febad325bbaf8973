//! The sandbox clock: UNIX seconds and RFC 3339 timestamps without a date crate, plus an offset
//! that tests move with `POST /_sandbox/clock {"advance_s": N}` (time travel).
//!
//! Each sandbox keeps its offset in [`Clock`] (in `Shared`). The pipeline copies it into the
//! connection thread before handling a request ([`set_thread_offset`]), so every [`now`] call
//! made while serving that request, by any family, sees the sandbox's time. Two sandboxes in one
//! process keep independent clocks.

use std::cell::Cell;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

thread_local! {
    static OFFSET: Cell<i64> = const { Cell::new(0) };
}

/// A sandbox's clock offset (seconds added to the wall clock).
#[derive(Debug, Default)]
pub struct Clock {
    offset: AtomicI64,
}

impl Clock {
    /// The current offset in seconds.
    pub fn offset(&self) -> i64 {
        self.offset.load(Ordering::SeqCst)
    }

    /// Moves the clock by `seconds` (negative goes back); returns the new offset.
    pub fn advance(&self, seconds: i64) -> i64 {
        let new = self.offset.fetch_add(seconds, Ordering::SeqCst) + seconds;
        set_thread_offset(new);
        new
    }

    /// Sets the offset; `0` is the wall clock.
    pub fn set(&self, offset: i64) {
        self.offset.store(offset, Ordering::SeqCst);
        set_thread_offset(offset);
    }

    /// This sandbox's current time (wall clock plus offset).
    pub fn now(&self) -> i64 {
        wall() + self.offset()
    }
}

/// Makes [`now`] on this thread use `offset` (the pipeline calls it for every request).
pub fn set_thread_offset(offset: i64) {
    OFFSET.with(|o| o.set(offset));
}

fn wall() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// Seconds since the UNIX epoch, on the clock of the sandbox serving this thread's request.
pub fn now() -> i64 {
    wall() + OFFSET.with(Cell::get)
}

/// `epoch` as an RFC 3339 UTC timestamp, e.g. `2024-05-01T12:00:00Z`.
pub fn rfc3339(epoch: i64) -> String {
    let (y, m, d, hh, mm, ss) = parts(epoch);
    format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}Z")
}

/// The current time as RFC 3339.
pub fn now_rfc3339() -> String {
    rfc3339(now())
}

/// `(year, month, day, hour, minute, second)` of `epoch` in UTC.
pub fn parts(epoch: i64) -> (i64, u32, u32, i64, i64, i64) {
    let days = epoch.div_euclid(86_400);
    let secs = epoch.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    (y, m, d, secs / 3600, secs / 60 % 60, secs % 60)
}

/// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)` into UNIX seconds.
pub fn parse_rfc3339(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') {
        return None;
    }
    if b[13] != b':' || b[16] != b':' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let t = s.get(r)?;
        t.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| t.parse().ok())?
    };
    let (y, mo, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (h, mi, sec) = (num(11..13)?, num(14..16)?, num(17..19)?);
    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || sec > 60 {
        return None;
    }
    let mut rest = &s[19..];
    if let Some(frac) = rest.strip_prefix('.') {
        let n = frac.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return None;
        }
        rest = &frac[n..];
    }
    let zone = match rest {
        "Z" | "z" => 0,
        _ if rest.len() == 6 && (rest.starts_with('+') || rest.starts_with('-')) => {
            // `get`, not `[..]`: six bytes may hold a multi-byte character (`+1é12`).
            let (zh, zm) = (
                rest.get(1..3)?.parse::<i64>().ok()?,
                rest.get(4..6)?.parse::<i64>().ok()?,
            );
            if rest.get(3..4) != Some(":") {
                return None;
            }
            let z = zh * 3600 + zm * 60;
            if rest.starts_with('+') {
                z
            } else {
                -z
            }
        }
        _ => return None,
    };
    Some(days_from_civil(y, mo as u32, d as u32) * 86_400 + h * 3600 + mi * 60 + sec - zone)
}

/// The first midnight in US Pacific time strictly after `epoch` (PST, or PDT from the second
/// Sunday of March to the first Sunday of November).
pub fn next_pacific_midnight(epoch: i64) -> i64 {
    let offset = |t: i64| if pacific_dst(t) { -7 * 3600 } else { -8 * 3600 };
    let local = epoch + offset(epoch);
    let next_local_midnight = (local.div_euclid(86_400) + 1) * 86_400;
    // The offset that applies at that local midnight (DST never changes at midnight).
    let guess = next_local_midnight - offset(epoch);
    next_local_midnight - offset(guess)
}

/// Whether US daylight saving time is in effect at `epoch` (changes at 2:00 local time).
fn pacific_dst(epoch: i64) -> bool {
    let (y, ..) = parts(epoch);
    let second_sunday_march = nth_sunday(y, 3, 2);
    let first_sunday_november = nth_sunday(y, 11, 1);
    let start = second_sunday_march * 86_400 + 10 * 3600; // 2:00 PST = 10:00 UTC
    let end = first_sunday_november * 86_400 + 9 * 3600; // 2:00 PDT = 09:00 UTC
    (start..end).contains(&epoch)
}

/// The day number (days since 1970-01-01) of the `n`th Sunday of `month` in `year`.
fn nth_sunday(year: i64, month: u32, n: i64) -> i64 {
    let first = days_from_civil(year, month, 1);
    let weekday = (first + 4).rem_euclid(7); // 1970-01-01 was a Thursday; 0 = Sunday
    first + (7 - weekday) % 7 + 7 * (n - 1)
}

/// Howard Hinnant's civil-to-days algorithm.
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Howard Hinnant's days-to-civil algorithm.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_instants() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(951_827_696), "2000-02-29T12:34:56Z");
        assert_eq!(rfc3339(1_700_000_000), "2023-11-14T22:13:20Z");
    }

    #[test]
    fn parses_timestamps() {
        for t in [0, 951_827_696, 1_700_000_000, 1_196_515_730] {
            assert_eq!(parse_rfc3339(&rfc3339(t)), Some(t));
        }
        assert_eq!(
            parse_rfc3339("2007-12-01T13:28:50.0000Z"),
            Some(1_196_515_730)
        );
        assert_eq!(
            parse_rfc3339("2007-12-01T14:28:50+01:00"),
            Some(1_196_515_730)
        );
        for bad in [
            "",
            "2007-12-01",
            "2007-13-01T00:00:00Z",
            "2007-12-01T13:28:50",
            "x007-12-01T13:28:50Z",
            // A zone of six bytes holding a multi-byte character: refused, not a panic.
            "2007-12-01T13:28:50+1é12",
            "2007-12-01T13:28:50+é:12",
            "2007-12-01T13:28:50+12:é",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad}");
        }
    }

    #[test]
    fn pacific_midnight_follows_dst() {
        // 2024-01-15 12:00 UTC (PST): next midnight is 2024-01-16 08:00 UTC.
        let t = parse_rfc3339("2024-01-15T12:00:00Z").unwrap();
        assert_eq!(rfc3339(next_pacific_midnight(t)), "2024-01-16T08:00:00Z");
        // 2024-07-15 12:00 UTC (PDT): 2024-07-16 07:00 UTC.
        let t = parse_rfc3339("2024-07-15T12:00:00Z").unwrap();
        assert_eq!(rfc3339(next_pacific_midnight(t)), "2024-07-16T07:00:00Z");
        // 2024-01-16 07:59 UTC is 23:59 PST on the 15th: one minute to go.
        let t = parse_rfc3339("2024-01-16T07:59:00Z").unwrap();
        assert_eq!(next_pacific_midnight(t) - t, 60);
        // DST starts 2024-03-10; the evening before, midnight is still PST.
        let t = parse_rfc3339("2024-03-09T20:00:00Z").unwrap();
        assert_eq!(rfc3339(next_pacific_midnight(t)), "2024-03-10T08:00:00Z");
        assert_eq!(nth_sunday(2024, 3, 2), days_from_civil(2024, 3, 10));
        assert_eq!(nth_sunday(2024, 11, 1), days_from_civil(2024, 11, 3));
    }

    #[test]
    fn offsets_are_per_thread_and_per_clock() {
        let c = Clock::default();
        let before = now();
        assert_eq!(c.advance(3600), 3600);
        assert!(now() >= before + 3600);
        let other = std::thread::spawn(now).join().unwrap();
        assert!(other < before + 3600);
        c.set(0);
        assert!(now() < before + 3600);
    }
}
