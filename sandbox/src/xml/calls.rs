//! The call log: `getCallList` (at most 500 rows per request, inclusive `[startTime, endTime]`)
//! and `originateCall`, plus the seeded log of the master account.

use super::envelope::{time_el, El};
use super::params::{e164, int_in, is_extension};
use super::{ok, Cx, Reply};
use crate::rng::Rng;

/// Most rows `getCallList` returns.
pub const CALL_LIST_CAP: usize = 500;
/// First second of the seeded call log (2024-01-01T00:00:00Z).
pub const SEED_START: i64 = 1_704_067_200;
/// Days the seeded log spans (to 2024-03-31).
pub const SEED_DAYS: i64 = 90;
/// The busy day of the seeded log: 2024-02-14, 600 calls between 09:00 and 17:00 UTC, so a
/// one-day window of it is over the cap.
pub const BUSY_DAY: i64 = SEED_START + 44 * 86_400;
/// Calls in the seeded log.
pub const SEED_CALLS: usize = 1_500;
const BUSY_CALLS: usize = 600;

/// One call detail record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Call {
    /// The `id` attribute.
    pub id: u64,
    /// Start, UNIX seconds.
    pub start: i64,
    /// `callerId`.
    pub caller_id: String,
    /// `calledNumber`.
    pub called: String,
    /// `duration`, seconds.
    pub duration: u64,
    /// `finalAction`, e.g. `queue 61`.
    pub final_action: String,
    /// `finalActionDuration`, when applicable.
    pub final_action_duration: Option<u64>,
    /// Listen URL (voicemail), when applicable.
    pub url: Option<String>,
    /// Voicemail transcription, when applicable.
    pub transcription: Option<String>,
}

impl Call {
    /// The `<call>` row, elements as in the document's example.
    pub fn row(&self) -> El {
        let mut row = El::new("call")
            .attr("id", self.id.to_string())
            .child(time_el("startTime", self.start))
            .leaf("callerId", &self.caller_id)
            .leaf("calledNumber", &self.called)
            .leaf("duration", self.duration.to_string())
            .leaf("finalAction", &self.final_action);
        if let Some(d) = self.final_action_duration {
            row = row.leaf("finalActionDuration", d.to_string());
        }
        row = row.child(El::opt("url", self.url.as_deref()));
        if let Some(t) = &self.transcription {
            row = row.leaf("transcription", t);
        }
        row
    }
}

const TRANSCRIPTIONS: &[&str] = &[
    "Hi, this is Dana from Acme, please call me back about the order.",
    "Calling to confirm tomorrow's appointment at ten.",
    "Hello, I have a question about my invoice. Thanks.",
];

const FINAL_ACTIONS: &[&str] = &[
    "queue 61",
    "queue 43",
    "extension 111",
    "extension 112",
    "voicemail 111",
    "menu 7",
    "hangup",
];

/// The master account's seeded log: [`SEED_CALLS`] calls over [`SEED_DAYS`] days from
/// [`SEED_START`], with a busy day, oldest first. Same seed, same log.
pub fn seed_calls(seed: u64, called: &[String]) -> Vec<Call> {
    let mut r = Rng::derive(seed, "xml-calls");
    let mut starts: Vec<i64> = (0..SEED_CALLS)
        .map(|i| match i < SEED_CALLS - BUSY_CALLS {
            true => SEED_START + r.below((SEED_DAYS * 86_400) as u64) as i64,
            false => BUSY_DAY + 9 * 3600 + r.below(8 * 3600) as i64,
        })
        .collect();
    starts.sort_unstable();
    let npas = [
        "973", "858", "619", "212", "415", "312", "512", "604", "305",
    ];
    let mut id = 105_900;
    starts
        .into_iter()
        .map(|start| {
            id += r.range(1, 40);
            let duration = match r.below(10) {
                0 => 0,
                1..=6 => r.range(5, 180),
                _ => r.range(181, 1800),
            };
            let action = FINAL_ACTIONS[r.below(FINAL_ACTIONS.len() as u64) as usize];
            let voicemail = action.starts_with("voicemail");
            let fad =
                (action != "hangup" && duration > 0).then(|| duration - r.below(duration.min(30)));
            let transcription = (voicemail && r.below(2) == 0)
                .then(|| TRANSCRIPTIONS[r.below(TRANSCRIPTIONS.len() as u64) as usize].to_string());
            Call {
                id,
                start,
                caller_id: format!(
                    "+1{}{}{:04}",
                    npas[r.below(npas.len() as u64) as usize],
                    r.range(200, 999),
                    r.below(10_000)
                ),
                called: called[r.below(called.len() as u64) as usize].clone(),
                duration,
                final_action: action.to_string(),
                final_action_duration: fad,
                url: voicemail.then(|| format!("https://sandbox.invalid/recordings/{id}.mp3")),
                transcription,
            }
        })
        .collect()
}

/// The next call id of a log (ids grow with time).
pub fn next_call_id(calls: &[Call]) -> u64 {
    calls.iter().map(|c| c.id).max().unwrap_or(105_900) + 1
}

/// `getCallList`: the calls with `startTime <= start <= endTime`, oldest first, at most 500.
/// `startTime` defaults to 0 and `endTime` to now.
pub fn list(cx: &mut Cx) -> Reply {
    let start = match cx.p.get("startTime") {
        Some(v) => int_in("startTime", v, 0, i64::MAX)?,
        None => 0,
    };
    let end = match cx.p.get("endTime") {
        Some(v) => int_in("endTime", v, 0, i64::MAX)?,
        None => cx.now,
    };
    if end < start {
        return Err(format!(
            "Invalid endTime: {end} is before startTime {start}"
        ));
    }
    let mut calls: Vec<&Call> = cx
        .account()
        .calls
        .iter()
        .filter(|c| (start..=end).contains(&c.start))
        .collect();
    calls.sort_by_key(|c| (c.start, c.id));
    let rows = calls.iter().take(CALL_LIST_CAP).map(|c| c.row());
    ok(vec![El::new("callList").children(rows)])
}

/// `originateCall`: leg A (an E.164 number or one of the account's extensions) is called first;
/// when it answers, leg B. The call is written to the log at once (with its simulated length).
pub fn originate(cx: &mut Cx) -> Reply {
    cx.p.require(&["legAPhoneNumber", "legBPhoneNumber"])?;
    let leg_a = cx.p.get("legAPhoneNumber").unwrap_or_default().to_string();
    if is_extension(&leg_a) {
        let ext: u32 = leg_a.parse().unwrap_or(0);
        if !cx.account().extensions.contains_key(&ext) {
            return Err(format!("Extension {leg_a} not found on this account"));
        }
    } else {
        e164("legAPhoneNumber", &leg_a).map_err(|e| format!("{e}, or an extension number"))?;
    }
    let leg_b = e164(
        "legBPhoneNumber",
        cx.p.get("legBPhoneNumber").unwrap_or_default(),
    )?;
    let a_caller = match cx.p.get("legACallerId") {
        Some(v) => e164("legACallerId", v)?,
        None => leg_b.clone(),
    };
    let b_caller = match cx.p.get("legBCallerId") {
        Some(v) => e164("legBCallerId", v)?,
        None if !is_extension(&leg_a) => leg_a.clone(),
        None => cx
            .account()
            .numbers
            .first()
            .map(|n| n.e164.clone())
            .unwrap_or_else(|| leg_a.clone()),
    };
    let timeout = match cx.p.get("legATimeout") {
        Some(v) => int_in("legATimeout", v, 1, 300)?,
        None => 20,
    };
    let duration = cx.w.rng.range(20, 600);
    let now = cx.now;
    let acct = cx.account();
    let id = next_call_id(&acct.calls);
    let call = Call {
        id,
        start: now,
        caller_id: b_caller.clone(),
        called: leg_b.clone(),
        duration,
        final_action: format!("originate {leg_a}"),
        final_action_duration: Some(duration),
        url: None,
        transcription: None,
    };
    crate::ring::push(&mut acct.calls, call, crate::ring::HISTORY);
    ok(vec![El::new("call")
        .attr("id", id.to_string())
        .leaf("legAPhoneNumber", leg_a)
        .leaf("legACallerId", a_caller)
        .leaf("legATimeout", timeout.to_string())
        .leaf("legBPhoneNumber", leg_b)
        .leaf("legBCallerId", b_caller)
        .child(time_el("startTime", now))
        .leaf("status", "completed")])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeded_log_is_deterministic_and_dense() {
        let called = vec!["+18585550100".to_string()];
        let a = seed_calls(9, &called);
        assert_eq!(a, seed_calls(9, &called));
        assert_ne!(a, seed_calls(10, &called));
        assert_eq!(a.len(), SEED_CALLS);
        assert!(a
            .windows(2)
            .all(|w| w[0].start <= w[1].start && w[0].id < w[1].id));
        let busy = a
            .iter()
            .filter(|c| (BUSY_DAY..BUSY_DAY + 86_400).contains(&c.start))
            .count();
        assert!(busy > CALL_LIST_CAP, "{busy}");
        let mut per_second = std::collections::HashMap::new();
        for c in &a {
            *per_second.entry(c.start).or_insert(0) += 1;
        }
        assert!(per_second.values().all(|n| *n < 10));
        assert!(a
            .iter()
            .any(|c| c.url.is_some() && c.transcription.is_some()));
        let row = a[0].row().render();
        assert!(
            row.starts_with(&format!("<call id=\"{}\">", a[0].id)),
            "{row}"
        );
    }
}
