//! The `budget` section of the configuration: which store keeps the counts, and the limits of
//! each family.
//!
//! ```
//! use phonecom::Config;
//! let cfg = Config::from_json(r#"{"budget": {"v4": {"per_endpoint": 5, "window_s": 2}}}"#).unwrap();
//! let v4 = cfg.budget.limits("v4");
//! assert_eq!(v4.per_endpoint.map(|l| l.calls), Some(5));
//! assert_eq!(v4.total.map(|l| l.calls), Some(120)); // the published default is kept
//! assert!(cfg.budget.limits("xml").is_empty()); // none by default
//! // One budget for every process naming this Redis (see `state.key` for why it is needed).
//! let shared = r#"{"budget": {"store": "redis://127.0.0.1:6379/0"},
//!                  "state": {"key": "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="}}"#;
//! assert!(Config::from_json(shared).is_ok());
//! let e = Config::from_json(r#"{"budget": {"store": "memcached://x"}}"#).unwrap_err();
//! assert!(e.to_string().contains("budget.store"));
//! ```

use crate::error::{Error, Result};
use serde::Deserialize;
use std::time::Duration;

/// Longest window accepted, seconds (a day: numbers.online publishes daily limits too).
pub const MAX_WINDOW_S: u64 = 86_400;
/// Most calls accepted in one window (the in-process store keeps one instant per call).
pub const MAX_CALLS: u32 = 100_000;

/// Where the budget is kept (`budget.store`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoreKind {
    /// One budget per client, shared by its threads and by the clients derived from it.
    Memory,
    /// No pacing: every call is sent at once (a 429 is still retried after `Retry-After`).
    Off,
    /// One budget for every process and machine naming the same Redis (`redis://host:port/db`),
    /// with the in-process one as its fallback.
    Redis,
}

/// The `budget` section. Limits left out keep their defaults: Phone.com's published v4 limits
/// (30 calls per endpoint per 30 s, 120 in total per 60 s, per account), none for
/// numbers.online, the XML API and REST v1. A limit of 0 switches that limit off.
#[derive(Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct BudgetConfig {
    /// `"memory"` (the default), `"off"` or `"redis://[user:password@]host[:port][/db]"`;
    /// `PHONECOM_BUDGET_STORE` sets it.
    pub store: Option<String>,
    /// REST v4, per account (the credential's account).
    pub v4: BudgetLimits,
    /// numbers.online, per key.
    pub nol: BudgetLimits,
    /// The XML API, per login.
    pub xml: BudgetLimits,
    /// REST v1, per API key.
    pub v1: BudgetLimits,
}

/// One family's limits, as written; the field names are those of the sandbox's
/// `POST /_sandbox/rate-limit`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct BudgetLimits {
    /// Calls per account and endpoint (method and path template) per `window_s`.
    pub per_endpoint: Option<u32>,
    /// Window of `per_endpoint`, seconds.
    pub window_s: Option<u64>,
    /// Calls per account per `total_window_s`.
    pub total: Option<u32>,
    /// Window of `total`, seconds.
    pub total_window_s: Option<u64>,
}

/// At most `calls` in any `window`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limit {
    /// Calls allowed in the window.
    pub calls: u32,
    /// The window.
    pub window: Duration,
}

/// A family's limits after defaults: `None` is no limit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EffectiveLimits {
    /// Per account and endpoint.
    pub per_endpoint: Option<Limit>,
    /// Per account, every endpoint together.
    pub total: Option<Limit>,
}

impl EffectiveLimits {
    /// Whether neither limit applies.
    pub fn is_empty(&self) -> bool {
        self.per_endpoint.is_none() && self.total.is_none()
    }
}

/// Phone.com's published v4 limits.
const V4_DEFAULTS: BudgetLimits = BudgetLimits {
    per_endpoint: Some(30),
    window_s: Some(30),
    total: Some(120),
    total_window_s: Some(60),
};

/// Families without published limits: none, with per-minute windows once a limit is set.
const NO_DEFAULTS: BudgetLimits = BudgetLimits {
    per_endpoint: None,
    window_s: Some(60),
    total: None,
    total_window_s: Some(60),
};

impl BudgetConfig {
    /// The store in use.
    pub fn store_kind(&self) -> Result<StoreKind> {
        match self.store.as_deref().map(str::trim) {
            None | Some("memory") => Ok(StoreKind::Memory),
            Some("off") => Ok(StoreKind::Off),
            Some(s) if s.starts_with("rediss://") => Err(invalid(
                "budget.store",
                "names Redis over TLS (rediss://), which this build does not speak: use redis:// on a private network or through a TLS tunnel",
            )),
            Some(s) if s.starts_with("redis://") => Ok(StoreKind::Redis),
            Some(_) => Err(invalid(
                "budget.store",
                "must be \"memory\", \"off\" or a Redis URL (redis://host:port/db)",
            )),
        }
    }

    /// The Redis URL of a Redis store.
    pub fn redis_url(&self) -> Option<&str> {
        let url = self.store.as_deref()?.trim();
        url.starts_with("redis://").then_some(url)
    }

    /// The limits of `family` after defaults (none for a family without any, e.g. `oauth`).
    pub fn limits(&self, family: &str) -> EffectiveLimits {
        let (set, defaults) = match family {
            "v4" => (self.v4, V4_DEFAULTS),
            "nol" => (self.nol, NO_DEFAULTS),
            "xml" => (self.xml, NO_DEFAULTS),
            "v1" => (self.v1, NO_DEFAULTS),
            _ => return EffectiveLimits::default(),
        };
        let limit = |calls: Option<u32>, default: Option<u32>, s: Option<u64>, ds: Option<u64>| {
            let calls = calls.or(default).filter(|c| *c > 0)?;
            let window = Duration::from_secs(s.or(ds).unwrap_or(60));
            Some(Limit { calls, window })
        };
        EffectiveLimits {
            per_endpoint: limit(
                set.per_endpoint,
                defaults.per_endpoint,
                set.window_s,
                defaults.window_s,
            ),
            total: limit(
                set.total,
                defaults.total,
                set.total_window_s,
                defaults.total_window_s,
            ),
        }
    }

    /// Refuse a store this build does not have and limits out of range, naming the field.
    pub fn validate(&self) -> Result<()> {
        self.store_kind()?;
        if let Some(url) = self.redis_url() {
            super::RedisLink::open(url).map_err(|rule| invalid("budget.store", &rule))?;
        }
        for (family, l) in [
            ("v4", self.v4),
            ("nol", self.nol),
            ("xml", self.xml),
            ("v1", self.v1),
        ] {
            for (name, calls) in [("per_endpoint", l.per_endpoint), ("total", l.total)] {
                if calls.is_some_and(|c| c > MAX_CALLS) {
                    return Err(invalid(
                        &format!("budget.{family}.{name}"),
                        &format!("must be at most {MAX_CALLS} (0 switches the limit off)"),
                    ));
                }
            }
            for (name, s) in [
                ("window_s", l.window_s),
                ("total_window_s", l.total_window_s),
            ] {
                if s.is_some_and(|s| !(1..=MAX_WINDOW_S).contains(&s)) {
                    return Err(invalid(
                        &format!("budget.{family}.{name}"),
                        &format!("must be from 1 to {MAX_WINDOW_S} seconds"),
                    ));
                }
            }
        }
        Ok(())
    }
}

impl std::fmt::Debug for BudgetConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // A Redis URL may carry a password.
        let store = self.store.as_deref().map(super::redis_link::shown);
        f.debug_struct("BudgetConfig")
            .field("store", &store)
            .field("v4", &self.v4)
            .field("nol", &self.nol)
            .field("xml", &self.xml)
            .field("v1", &self.v1)
            .finish()
    }
}

fn invalid(field: &str, rule: &str) -> Error {
    Error::validation("", field, rule).with_family("config")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(json: &str) -> BudgetConfig {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn published_v4_limits_are_the_defaults_and_others_have_none() {
        let c = BudgetConfig::default();
        let v4 = c.limits("v4");
        let secs = Duration::from_secs;
        assert_eq!(
            v4.per_endpoint,
            Some(Limit {
                calls: 30,
                window: secs(30)
            })
        );
        assert_eq!(
            v4.total,
            Some(Limit {
                calls: 120,
                window: secs(60)
            })
        );
        for family in ["nol", "xml", "v1", "oauth", "express"] {
            assert!(c.limits(family).is_empty(), "{family}");
        }
        assert_eq!(c.store_kind().unwrap(), StoreKind::Memory);
    }

    #[test]
    fn zero_switches_a_limit_off_and_a_limit_without_window_is_per_minute() {
        let c = parse(r#"{"v4": {"total": 0}, "nol": {"total": 10}}"#);
        assert_eq!(c.limits("v4").total, None);
        assert_eq!(c.limits("v4").per_endpoint.unwrap().calls, 30);
        let nol = c.limits("nol").total.unwrap();
        assert_eq!((nol.calls, nol.window), (10, Duration::from_secs(60)));
    }

    #[test]
    fn bad_values_are_refused_naming_the_field() {
        for (json, field) in [
            (r#"{"store": "rediss://localhost:6379/0"}"#, "budget.store"),
            (r#"{"store": "redis://localhost:port/0"}"#, "budget.store"),
            (r#"{"store": "disk"}"#, "budget.store"),
            (r#"{"v4": {"window_s": 0}}"#, "budget.v4.window_s"),
            (
                r#"{"xml": {"total_window_s": 86401}}"#,
                "budget.xml.total_window_s",
            ),
            (
                r#"{"v1": {"per_endpoint": 100001}}"#,
                "budget.v1.per_endpoint",
            ),
        ] {
            let e = parse(json).validate().unwrap_err();
            assert_eq!(e.fields()[0].field, field, "{json}");
            assert!(e.to_string().contains(field), "{e}");
        }
        let e = parse(r#"{"store": "rediss://x"}"#).validate().unwrap_err();
        assert!(e.to_string().contains("TLS"), "{e}");
        let redis = parse(r#"{"store": "redis://:pw_secret@10.1.2.3:6379/1"}"#);
        assert_eq!(redis.store_kind().unwrap(), StoreKind::Redis);
        redis.validate().unwrap();
        let shown = format!("{redis:?}");
        assert!(shown.contains("redis://***@10.1.2.3:6379/1") && !shown.contains("pw_secret"));
        assert_eq!(
            parse(r#"{"store": "off"}"#).store_kind().unwrap(),
            StoreKind::Off
        );
    }
}
