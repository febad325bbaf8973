//! v4-style rate limiting: per account, per endpoint and in total, in fixed windows.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::time::{Duration, Instant};

/// Rate-limit settings (`POST /_sandbox/rate-limit` takes and returns this JSON).
/// Defaults are Phone.com's published limits: 30 per endpoint per 30 s, 120 in total per 60 s.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RateConfig {
    /// Whether limits are enforced.
    pub enabled: bool,
    /// Requests per account and endpoint per `window_s`.
    pub per_endpoint: u32,
    /// Window of `per_endpoint`, seconds.
    pub window_s: u64,
    /// Requests per account per `total_window_s`.
    pub total: u32,
    /// Window of `total`, seconds.
    pub total_window_s: u64,
}

impl Default for RateConfig {
    fn default() -> Self {
        RateConfig {
            enabled: false,
            per_endpoint: 30,
            window_s: 30,
            total: 120,
            total_window_s: 60,
        }
    }
}

/// The state of the tightest applicable limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quota {
    /// The limit.
    pub limit: u32,
    /// Requests left in the window.
    pub remaining: u32,
    /// Seconds until the window resets.
    pub reset: u64,
}

/// Counters per key.
#[derive(Debug, Default)]
pub struct RateLimiter {
    config: RateConfig,
    windows: HashMap<String, (Instant, u32)>,
}

impl RateLimiter {
    /// A limiter with `config`.
    pub fn new(config: RateConfig) -> Self {
        RateLimiter {
            config,
            windows: HashMap::new(),
        }
    }

    /// The current settings.
    pub fn config(&self) -> &RateConfig {
        &self.config
    }

    /// Replaces the settings and forgets all counters.
    pub fn configure(&mut self, config: RateConfig) {
        self.config = config;
        self.windows.clear();
    }

    fn window(&mut self, key: String, len: u64, limit: u32, now: Instant) -> (Quota, &mut u32) {
        let len = Duration::from_secs(len.max(1));
        let w = self.windows.entry(key).or_insert((now, 0));
        if now.duration_since(w.0) >= len {
            *w = (now, 0);
        }
        let left = len.saturating_sub(now.duration_since(w.0));
        let reset = left.as_secs() + u64::from(left.subsec_nanos() > 0);
        (
            Quota {
                limit,
                remaining: limit.saturating_sub(w.1),
                reset: reset.max(1),
            },
            &mut w.1,
        )
    }

    /// Counts one request of `account` to `endpoint`. `Ok(None)` when limiting is off,
    /// `Ok(Some(quota))` when allowed, `Err(quota)` (remaining 0) when over a limit.
    pub fn check(&mut self, account: u64, endpoint: &str) -> Result<Option<Quota>, Quota> {
        if !self.config.enabled {
            return Ok(None);
        }
        let now = Instant::now();
        let c = self.config.clone();
        let (total, _) = self.window(format!("{account}"), c.total_window_s, c.total, now);
        let (per, _) = self.window(
            format!("{account} {endpoint}"),
            c.window_s,
            c.per_endpoint,
            now,
        );
        for q in [per, total] {
            if q.remaining == 0 {
                return Err(q);
            }
        }
        *self
            .window(format!("{account}"), c.total_window_s, c.total, now)
            .1 += 1;
        *self
            .window(
                format!("{account} {endpoint}"),
                c.window_s,
                c.per_endpoint,
                now,
            )
            .1 += 1;
        let tightest = if per.remaining <= total.remaining {
            per
        } else {
            total
        };
        Ok(Some(Quota {
            remaining: tightest.remaining - 1,
            ..tightest
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_per_endpoint_and_total() {
        let mut l = RateLimiter::new(RateConfig {
            enabled: true,
            per_endpoint: 2,
            window_s: 30,
            total: 3,
            total_window_s: 60,
        });
        assert_eq!(l.check(1, "GET a").unwrap().unwrap().remaining, 1);
        assert_eq!(l.check(1, "GET a").unwrap().unwrap().remaining, 0);
        let q = l.check(1, "GET a").unwrap_err();
        assert_eq!((q.limit, q.remaining), (2, 0));
        assert!(q.reset >= 1 && q.reset <= 30);
        assert!(l.check(1, "GET b").is_ok());
        assert_eq!(l.check(1, "GET c").unwrap_err().limit, 3);
        assert!(l.check(2, "GET a").is_ok());
        l.configure(RateConfig::default());
        assert_eq!(l.check(1, "GET a"), Ok(None));
    }
}
