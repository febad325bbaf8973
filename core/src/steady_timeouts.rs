//! Socket timeouts that stay the same from one call to the next.
//!
//! ureq hands each read and write the time left before the attempt's deadline, and its TCP
//! transport sets that on the socket (`setsockopt`) whenever it differs from the last value set:
//! with a deadline, it always does, so every call paid two system calls that a client without
//! timeouts does not. [`SteadyTimeouts`] sits at the end of the agent's connector chain and
//! rounds a time left of a second or more down to a multiple of a power-of-two number of
//! milliseconds no larger than 1% of it (256 ms for 30 s): back-to-back calls then hand the
//! socket the same value and ureq leaves it alone. A timeout never fires after the deadline,
//! and at most 1% of the time left before it; times left under a second pass through exactly.
//!
//! ```ignore
//! let connector = DefaultConnector::new().chain(SteadyTimeouts);
//! let agent = ureq::Agent::with_parts(config, connector, CachingResolver::default());
//! ```

use std::time::Duration;
use ureq::unversioned::transport::time::Duration as TimeLeft;
use ureq::unversioned::transport::{Buffers, ConnectionDetails, Connector, NextTimeout, Transport};

/// Times left from this long up are rounded down (see [`rounded`]).
const ROUNDED_FROM: Duration = Duration::from_secs(1);

/// The connector that wraps every transport of the chain in [`Steady`].
#[derive(Debug, Default)]
pub(crate) struct SteadyTimeouts;

impl<In: Transport> Connector<In> for SteadyTimeouts {
    type Out = Steady<In>;

    fn connect(
        &self,
        _: &ConnectionDetails,
        chained: Option<In>,
    ) -> Result<Option<Steady<In>>, ureq::Error> {
        Ok(chained.map(Steady))
    }
}

/// A transport whose reads and writes get [`steady`] timeouts.
#[derive(Debug)]
pub(crate) struct Steady<T>(T);

impl<T: Transport> Transport for Steady<T> {
    fn buffers(&mut self) -> &mut dyn Buffers {
        self.0.buffers()
    }

    fn transmit_output(&mut self, amount: usize, timeout: NextTimeout) -> Result<(), ureq::Error> {
        self.0.transmit_output(amount, steady(timeout))
    }

    fn maybe_await_input(&mut self, timeout: NextTimeout) -> Result<bool, ureq::Error> {
        self.0.maybe_await_input(steady(timeout))
    }

    fn await_input(&mut self, timeout: NextTimeout) -> Result<bool, ureq::Error> {
        self.0.await_input(steady(timeout))
    }

    fn is_open(&mut self) -> bool {
        self.0.is_open()
    }

    fn is_tls(&self) -> bool {
        self.0.is_tls()
    }
}

/// `timeout` with a time left of a second or more [`rounded`] down.
fn steady(mut timeout: NextTimeout) -> NextTimeout {
    if let TimeLeft::Exact(left) = timeout.after {
        timeout.after = rounded(left).into();
    }
    timeout
}

/// `left` rounded down to a multiple of the largest power-of-two number of milliseconds that is
/// at most 1% of it; under [`ROUNDED_FROM`], `left` itself.
fn rounded(left: Duration) -> Duration {
    if left < ROUNDED_FROM {
        return left;
    }
    let ms = left.as_millis();
    // `ms / 100` is at least 10 here, so the step is at least 8 ms.
    let step = 1u128 << (127 - (ms / 100).leading_zeros());
    Duration::from_millis(u64::try_from(ms / step * step).unwrap_or(u64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_times_left_round_down_by_at_most_one_percent_and_short_ones_stay_exact() {
        // 30 s: steps of 256 ms, so every call answered within 48 ms sees 29.952 s.
        let fresh = Duration::from_secs(30) - Duration::from_micros(7);
        let later = Duration::from_secs(30) - Duration::from_millis(47);
        assert_eq!(rounded(fresh), Duration::from_millis(29_952));
        assert_eq!(
            rounded(fresh),
            rounded(later),
            "back-to-back calls: one value"
        );
        for left in [1_000, 1_234, 7_777, 30_000, 86_400_000].map(Duration::from_millis) {
            let r = rounded(left);
            assert!(r <= left && left - r <= left / 100, "{left:?} -> {r:?}");
        }
        let short = Duration::from_micros(999_999);
        assert_eq!(rounded(short), short);
        assert_eq!(
            rounded(Duration::from_secs(1)),
            Duration::from_millis(1_000)
        );
    }
}
