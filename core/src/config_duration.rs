//! The rule every duration of the configuration follows (`timeouts.connect_ms`,
//! `timeouts.attempt_ms`, `retry.deadline_ms`, `retry.base_delay_ms`, `retry.max_delay_ms`):
//! at most one day, and above zero where zero would fail every call ([`SETTINGS`]).
//! [`Config::validate`] applies it to the document's milliseconds; a binding whose users count in
//! another unit hands their number to [`setting_ms`] with the setting's name in its language, so the same bad
//! value gets the same rule everywhere.
//!
//! ```
//! use phonecom::call_options::TimeUnit;
//! use phonecom::config_duration::{duration_ms, setting_ms, Zero};
//! // Python counts seconds: 2.5 s is 2500 ms, and a positive fraction of a millisecond is 1 ms.
//! assert_eq!(duration_ms("timeouts.connect", 2.5, TimeUnit::Seconds, Zero::Refused)?, 2500);
//! assert_eq!(duration_ms("deadline", 0.0001, TimeUnit::Seconds, Zero::Refused)?, 1);
//! let e = duration_ms("deadline", 1e9, TimeUnit::Seconds, Zero::Refused).unwrap_err();
//! assert_eq!(e.fields()[0].field, "deadline");
//! assert_eq!(duration_ms("retry.base_delay", 0.0, TimeUnit::Seconds, Zero::Allowed)?, 0);
//! // By the setting's key: its own rule (the retry delays may be 0, the deadline may not).
//! assert_eq!(setting_ms("retry.base_delay_ms", "retry.base_delay", 0.0, TimeUnit::Seconds)?, 0);
//! assert!(setting_ms("retry.deadline_ms", "deadline", 0.0, TimeUnit::Seconds).is_err());
//! # Ok::<(), phonecom::Error>(())
//! ```
//!
//! [`Config::validate`]: crate::Config::validate

use crate::call_options::TimeUnit;
use crate::error::{Error, Result};

/// The longest duration a setting may hold: one day, in milliseconds.
pub const MAX_DURATION_MS: u64 = 86_400_000;

/// Whether a setting may be zero.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Zero {
    /// Zero means "no wait" (the retry delays).
    Allowed,
    /// Zero would fail every call (the timeouts and the deadline).
    Refused,
}

impl Zero {
    /// The rule as an error states it.
    pub fn rule(self) -> &'static str {
        match self {
            Zero::Allowed => "must be from 0 to 1 day (86400000 ms)",
            Zero::Refused => {
                "must be above 0 and at most 1 day (86400000 ms); 0 would fail every call"
            }
        }
    }
}

/// The duration settings of the configuration (their keys in the JSON document) and whether each
/// may be zero: the one list [`Config::validate`](crate::Config::validate) and the bindings read.
pub const SETTINGS: [(&str, Zero); 5] = [
    ("timeouts.connect_ms", Zero::Refused),
    ("timeouts.attempt_ms", Zero::Refused),
    ("retry.deadline_ms", Zero::Refused),
    ("retry.base_delay_ms", Zero::Allowed),
    ("retry.max_delay_ms", Zero::Allowed),
];

/// The duration `setting` (its key in the document, `retry.base_delay_ms`) given as `amount` of
/// `unit`, in milliseconds, checked by that setting's rule; the error names `field` (the setting
/// as the caller spelled it, `retry.base_delay` in Python). A setting [`SETTINGS`] does not list
/// is refused, naming `field`.
pub fn setting_ms(setting: &str, field: &str, amount: f64, unit: TimeUnit) -> Result<u64> {
    let zero = SETTINGS
        .iter()
        .find(|(name, _)| *name == setting)
        .map(|(_, zero)| *zero)
        .ok_or_else(|| {
            Error::validation(
                "",
                field,
                &format!("is not a duration setting (`{setting}`)"),
            )
            .with_family("config")
        })?;
    duration_ms(field, amount, unit, zero)
}

/// `amount` of `unit` in milliseconds, checked by the rule; the error names `field` (the
/// setting as the caller spelled it) and the rule. A positive amount under 1 ms counts as 1 ms.
pub fn duration_ms(field: &str, amount: f64, unit: TimeUnit, zero: Zero) -> Result<u64> {
    let ms = match unit {
        TimeUnit::Seconds => amount * 1000.0,
        TimeUnit::Millis => amount,
    };
    let refused = || Error::validation("", field, zero.rule()).with_family("config");
    if !ms.is_finite() || ms < 0.0 || ms > MAX_DURATION_MS as f64 {
        return Err(refused());
    }
    if ms == 0.0 {
        return if zero == Zero::Allowed {
            Ok(0)
        } else {
            Err(refused())
        };
    }
    Ok((ms.round() as u64).max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_units_follow_one_rule() {
        for (amount, unit) in [
            (86_400.0, TimeUnit::Seconds),
            (86_400_000.0, TimeUnit::Millis),
        ] {
            assert_eq!(
                duration_ms("f", amount, unit, Zero::Refused).unwrap(),
                MAX_DURATION_MS
            );
        }
        for bad in [-1.0, f64::NAN, f64::INFINITY, 86_400.001, 1e9] {
            let e =
                duration_ms("timeouts.connect", bad, TimeUnit::Seconds, Zero::Allowed).unwrap_err();
            assert_eq!(e.fields()[0].field, "timeouts.connect");
            assert_eq!(e.fields()[0].message, Zero::Allowed.rule());
        }
        assert!(duration_ms("deadline", 0.0, TimeUnit::Seconds, Zero::Refused).is_err());
    }

    #[test]
    fn each_setting_has_its_own_zero_rule_and_unknown_ones_are_refused() {
        for (setting, zero) in SETTINGS {
            let zero_ok = setting_ms(setting, "f", 0.0, TimeUnit::Millis).is_ok();
            assert_eq!(zero_ok, zero == Zero::Allowed, "{setting}");
        }
        let e = setting_ms("retry.jitter_ms", "retry.jitter", 1.0, TimeUnit::Seconds).unwrap_err();
        assert_eq!(e.fields()[0].field, "retry.jitter");
    }
}
