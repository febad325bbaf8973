//! The budget's counts on a Redis server, shared by every process and machine that names it.
//!
//! **A sliding window, as in [`MemoryStore`](super::MemoryStore), not GCRA.** The upstream's
//! rule is "at most N requests in a window". A sorted set of the send instants of a key answers
//! exactly that, lets a burst of N go at once (as the server allows), and behaves the same as the
//! in-process store, so falling back from one to the other changes nothing a caller sees. GCRA
//! (one timestamp per key) is cheaper but either spaces calls by window/N, slowing every burst,
//! or, with a burst tolerance of N, lets nearly 2N through in one window, which the server
//! refuses. N is small here (30, 120), so a set of N entries per key costs little.
//!
//! **Atomic, with the server's clock.** One Lua script ([`TAKE`]) checks every rule of the call
//! (its endpoint and the account's total) and records the send in all of them or in none: one
//! round trip per call, no lock held across the network, no race between processes, and one
//! clock (Redis's `TIME`) for every machine, so their clocks need not agree.
//!
//! **Keys** (one rule key `family:{account-hash}[:endpoint]`): `phonecom:budget:<rule>#sent` (a
//! sorted set of send instants, expiring one window after its last send) and
//! `phonecom:budget:<rule>#held` (set while a 429 asks every process to wait). The account
//! hash is in braces, Redis's hash tag, so both keys of a call live on one Cluster slot.

use super::redis_link::RedisLink;
use super::store::{Refusal, Rule};
use redis::RedisResult;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// Prefix of every key the budget writes.
pub const KEY_PREFIX: &str = "phonecom:budget:";

/// KEYS: per rule its `#sent` set and its `#held` flag. ARGV: a unique send id, then per rule its
/// limit's calls (0: holds only) and window in ms. Returns `{}` when every rule allowed the send
/// (recorded in all of them), else `{wait_ms, rule_index, held}` and records nothing.
/// Milliseconds keep every number exact in Lua's `%.14g` conversions.
const TAKE: &str = r"
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local rules = #KEYS / 2
local worst, worst_rule, worst_held = 0, -1, 0
for i = 1, rules do
  local sent, calls, window = KEYS[2 * i - 1], tonumber(ARGV[2 * i]), tonumber(ARGV[2 * i + 1])
  local wait, held = 0, 0
  local pttl = redis.call('PTTL', KEYS[2 * i])
  if pttl > 0 then wait, held = pttl, 1 end
  if calls > 0 then
    redis.call('ZREMRANGEBYSCORE', sent, '-inf', now - window)
    local count = redis.call('ZCARD', sent)
    if count >= calls then
      local leaving = redis.call('ZRANGE', sent, count - calls, count - calls, 'WITHSCORES')
      local counted = tonumber(leaving[2]) + window - now
      if counted > wait then wait, held = counted, 0 end
    end
  end
  if wait > worst then worst, worst_rule, worst_held = wait, i - 1, held end
end
if worst_rule >= 0 then return {worst, worst_rule, worst_held} end
for i = 1, rules do
  if tonumber(ARGV[2 * i]) > 0 then
    redis.call('ZADD', KEYS[2 * i - 1], now, t[1] .. '.' .. t[2] .. ':' .. ARGV[1])
    redis.call('PEXPIRE', KEYS[2 * i - 1], ARGV[2 * i + 1])
  end
end
return {}
";

/// KEYS: the `#held` flag. ARGV: the hold in ms. A longer hold already in place is kept.
const HOLD: &str = r"
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
end
return 1
";

/// The budget's counts on one Redis server. Its calls return Redis's errors: [`super::Shared`]
/// turns them into a fallback.
pub struct RedisStore {
    link: RedisLink,
    take: redis::Script,
    hold: redis::Script,
    /// Unique per process and call, so that two sends in one microsecond are two entries.
    sends: AtomicU64,
    nonce: u64,
}

impl RedisStore {
    /// A store on `link` (nothing is sent before the first call).
    pub fn new(link: RedisLink) -> RedisStore {
        let mut seed = [0u8; 8];
        // Without randomness the process id still tells processes apart.
        let _ = getrandom::getrandom(&mut seed);
        RedisStore {
            link,
            take: redis::Script::new(TAKE),
            hold: redis::Script::new(HOLD),
            sends: AtomicU64::new(0),
            nonce: u64::from_le_bytes(seed),
        }
    }

    /// The server, as shown in logs (no password).
    pub fn shown(&self) -> &str {
        self.link.shown()
    }

    /// [`BudgetStore::take`](super::BudgetStore::take) on the server: `Ok` with its answer, or
    /// Redis's error (unreachable, too slow, refused the script).
    pub fn try_take(&self, rules: &[Rule]) -> RedisResult<Result<(), Refusal>> {
        let send = self.sends.fetch_add(1, Ordering::Relaxed);
        let id = format!("{}-{:x}-{send}", std::process::id(), self.nonce);
        let mut call = self.take.prepare_invoke();
        call.arg(id);
        for rule in rules {
            call.key(format!("{KEY_PREFIX}{}#sent", rule.key))
                .key(format!("{KEY_PREFIX}{}#held", rule.key));
            let (calls, window) = rule.limit.unwrap_or((0, Duration::from_millis(1)));
            call.arg(calls).arg(window.as_millis().max(1) as u64);
        }
        let answer: Vec<i64> = self.link.run(|c| call.invoke(c))?;
        Ok(match answer[..] {
            [] => Ok(()),
            [wait, rule, held, ..] => Err(Refusal {
                wait: Duration::from_millis(wait.max(1) as u64),
                rule: usize::try_from(rule).unwrap_or(0),
                held: held == 1,
            }),
            _ => Err(Refusal {
                wait: Duration::from_millis(1),
                rule: 0,
                held: false,
            }),
        })
    }

    /// [`BudgetStore::hold`](super::BudgetStore::hold) on the server.
    pub fn try_hold(&self, key: &str, wait: Duration) -> RedisResult<()> {
        let ms = wait.as_millis().max(1) as u64;
        let mut call = self.hold.prepare_invoke();
        call.key(format!("{KEY_PREFIX}{key}#held")).arg(ms);
        self.link.run(|c| call.invoke::<i64>(c)).map(drop)
    }
}
