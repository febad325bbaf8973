//! numbers.online state: accounts, keys (raw keys are kept only to match requests; no response
//! after the one that issued a key shows it), bound phones, pending codes, listings, uploads,
//! checkout sessions, community reports and reviews, tenants.
//!
//! The seeded start is one account holding the config's key (`nol_sbx_...`). Ids and codes
//! come from the seed; keys issued later also depend on how many resets happened, so a key from
//! before a reset never works after it.

use crate::creds::Credentials;
use crate::rng::Rng;
use serde_json::{Map, Value};

/// When the seeded account and key were "created" (2024-01-02T03:04:05Z).
pub const SEEDED_AT: i64 = 1_704_164_645;
/// Use cases of a self-service account key.
pub const ACCOUNT_USE_CASES: &[&str] = &[
    "lookup", "batch", "inbound", "outbound", "precall", "scrub", "report", "manage",
];
/// Use cases of a tenant sub-key (lookups only).
pub const TENANT_USE_CASES: &[&str] = &["lookup"];
/// Most enabled account-level keys per account.
pub const MAX_KEYS: usize = 25;

/// A self-service account.
#[derive(Debug, Clone)]
pub struct Account {
    /// UUID.
    pub id: String,
    /// Optional label.
    pub name: Option<String>,
    /// Optional renewal-reminder email.
    pub email: Option<String>,
    /// Prepaid credit, microdollars.
    pub balance_micros: i64,
    /// `active` or `suspended`.
    pub status: String,
    /// UNIX time.
    pub created_at: i64,
}

/// An API key.
#[derive(Debug, Clone)]
pub struct Key {
    /// UUID.
    pub id: String,
    /// Owning account.
    pub account: String,
    /// Tenant, for tenant sub-keys.
    pub tenant: Option<String>,
    /// The raw key (matched against requests; never shown again).
    pub raw: String,
    /// The previous raw key during a rotation grace window, with its expiry.
    pub previous: Option<(String, i64)>,
    /// Display prefix (`nol_` + 8).
    pub prefix: String,
    /// Name.
    pub name: String,
    /// `free`, `standard` or `enterprise`.
    pub tier: String,
    /// Allowed use cases.
    pub use_cases: Vec<String>,
    /// Requests made with it.
    pub requests_total: u64,
    /// UNIX time of its last use.
    pub last_used_at: Option<i64>,
    /// Revoked (one way).
    pub disabled: bool,
    /// HMAC signing required on signed surfaces.
    pub require_signed: bool,
    /// UNIX time.
    pub created_at: i64,
}

impl Key {
    /// Requests per 60 s by tier.
    pub fn rate_limit(&self) -> u64 {
        match self.tier.as_str() {
            "standard" => 600,
            "enterprise" => 6000,
            _ => 60,
        }
    }
}

/// A number bound to an account by OTP.
#[derive(Debug, Clone)]
pub struct Phone {
    /// E.164.
    pub e164: String,
    /// Owning account.
    pub account: String,
    /// UNIX time of the bind.
    pub verified_at: i64,
    /// Call-provenance enrollment.
    pub precall_enrolled: bool,
    /// UNIX time of the enrollment.
    pub precall_enrolled_at: Option<i64>,
}

/// A code sent by `verify-phone/start`.
#[derive(Debug, Clone)]
pub struct Otp {
    /// Requesting account.
    pub account: String,
    /// E.164.
    pub phone: String,
    /// Six digits.
    pub code: String,
    /// UNIX expiry.
    pub expires_at: i64,
    /// Wrong codes tried.
    pub attempts: u32,
}

/// The onboarding state of a bound number.
#[derive(Debug, Clone, Default)]
pub struct Listing {
    /// E.164.
    pub e164: String,
    /// `business` or `personal`.
    pub kind: String,
    /// The staged (or, once verified, live) profile as sent, `ein` included (never shown).
    pub profile: Map<String, Value>,
    /// Set with the first staged draft.
    pub verification_id: Option<String>,
    /// The logo's media id.
    pub logo: Option<String>,
    /// Documents attached to the draft.
    pub documents: Vec<String>,
    /// Paid and published.
    pub verified: bool,
    /// `A` (business) or `A-` (personal).
    pub trust_grade: Option<String>,
    /// Public handle.
    pub handle: Option<String>,
    /// UNIX time of publication.
    pub verified_since: Option<i64>,
    /// UNIX time of the next renewal (business).
    pub next_billing: Option<i64>,
    /// The open checkout session.
    pub pending: Option<String>,
}

/// What a checkout pays for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purchase {
    /// Verification of a number (`verify-checkout`).
    Verification {
        /// The number.
        e164: String,
    },
    /// Prepaid credit (`topup`).
    Topup {
        /// Amount, cents.
        amount_cents: i64,
        /// Switch free keys to standard.
        promote_keys: bool,
    },
}

/// A checkout session of the sandbox's payment provider.
#[derive(Debug, Clone)]
pub struct Session {
    /// `cs_sbx_...`.
    pub id: String,
    /// Paying account.
    pub account: String,
    /// What it buys.
    pub purchase: Purchase,
    /// Completed.
    pub paid: bool,
}

/// An uploaded logo or document.
#[derive(Debug, Clone)]
pub struct Media {
    /// UUID.
    pub id: String,
    /// Owning account.
    pub account: String,
    /// The number it belongs to.
    pub e164: String,
    /// A logo (public) rather than a document (owner only).
    pub logo: bool,
    /// MIME type.
    pub content_type: String,
    /// The bytes.
    pub bytes: Vec<u8>,
}

/// A community report or review against a number.
#[derive(Debug, Clone)]
pub struct Feedback {
    /// E.164.
    pub e164: String,
    /// UNIX time.
    pub created_at: i64,
    /// A review (true) or a report (false).
    pub review: bool,
    /// Everything else, as shown.
    pub fields: Map<String, Value>,
}

/// A suppression entry (the number is never shown).
#[derive(Debug, Clone)]
pub struct Suppression {
    /// E.164.
    pub number: String,
    /// Label.
    pub label: Option<String>,
    /// UNIX time.
    pub created_at: i64,
}

/// An MSP tenant.
#[derive(Debug, Clone)]
pub struct Tenant {
    /// UUID.
    pub id: String,
    /// Owning account.
    pub account: String,
    /// Name.
    pub name: String,
    /// `active` or `disabled`.
    pub status: String,
    /// UNIX time.
    pub created_at: i64,
    /// Suppression list.
    pub suppressions: Vec<Suppression>,
}

/// Everything numbers.online keeps.
#[derive(Debug)]
pub struct World {
    /// The seed.
    pub seed: u64,
    /// Accounts in creation order.
    pub accounts: Vec<Account>,
    /// Keys in creation order.
    pub keys: Vec<Key>,
    /// Bound numbers.
    pub phones: Vec<Phone>,
    /// Pending codes (the newest [`crate::ring::HISTORY`]).
    pub otps: Vec<Otp>,
    /// Listings of bound numbers.
    pub listings: Vec<Listing>,
    /// Checkout sessions (the newest [`crate::ring::HISTORY`]).
    pub sessions: Vec<Session>,
    /// Uploads (see [`super::uploads::MEDIA_MAX`]).
    pub media: Vec<Media>,
    /// Reports and reviews (the newest [`crate::ring::HISTORY`]).
    pub feedback: Vec<Feedback>,
    /// Tenants.
    pub tenants: Vec<Tenant>,
    ids: Rng,
    secrets: Rng,
}

impl World {
    /// The seeded start (`generation` counts resets; it changes only keys issued later).
    pub fn new(seed: u64, creds: &Credentials, generation: u64) -> World {
        let mut w = World {
            seed,
            accounts: Vec::new(),
            keys: Vec::new(),
            phones: Vec::new(),
            otps: Vec::new(),
            listings: Vec::new(),
            sessions: Vec::new(),
            media: Vec::new(),
            feedback: Vec::new(),
            tenants: Vec::new(),
            ids: Rng::derive(seed, "nol"),
            secrets: Rng::derive(seed ^ generation.rotate_left(32), "nol-secrets"),
        };
        let account = w.uuid();
        w.accounts.push(Account {
            id: account.clone(),
            name: Some("Sandbox partner".into()),
            email: None,
            balance_micros: 0,
            status: "active".into(),
            created_at: SEEDED_AT,
        });
        let raw = creds.nol_api_key.clone();
        w.add_key(
            &account,
            None,
            raw,
            "Sandbox key",
            "free",
            ACCOUNT_USE_CASES,
            SEEDED_AT,
        );
        w
    }

    /// A fresh UUID.
    pub fn uuid(&mut self) -> String {
        self.ids.uuid()
    }

    /// `n` random decimal digits.
    pub fn digits(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'0' + self.ids.below(10) as u8))
            .collect()
    }

    /// `n` random hex digits (not secret).
    pub fn hex(&mut self, n: usize) -> String {
        self.ids.hex(n)
    }

    /// A new raw key, `nol_` + 40 hex.
    pub fn new_raw_key(&mut self) -> String {
        format!("nol_{}", self.secrets.hex(40))
    }

    /// Adds a key and returns its index.
    #[allow(clippy::too_many_arguments)]
    pub fn add_key(
        &mut self,
        account: &str,
        tenant: Option<String>,
        raw: String,
        name: &str,
        tier: &str,
        use_cases: &[&str],
        now: i64,
    ) -> usize {
        let id = self.uuid();
        self.keys.push(Key {
            id,
            account: account.to_string(),
            tenant,
            prefix: raw.chars().take(12).collect(),
            raw,
            previous: None,
            name: name.to_string(),
            tier: tier.to_string(),
            use_cases: use_cases.iter().map(|s| s.to_string()).collect(),
            requests_total: 0,
            last_used_at: None,
            disabled: false,
            require_signed: false,
            created_at: now,
        });
        self.keys.len() - 1
    }

    /// The key a request presents, if it is live (not disabled, its tenant active, its
    /// rotation grace not over).
    pub fn find_key(&self, raw: &str, now: i64) -> Option<usize> {
        self.keys.iter().position(|k| {
            let matches = k.raw == raw
                || k.previous
                    .as_ref()
                    .is_some_and(|(old, until)| old == raw && *until > now);
            let tenant_ok = k.tenant.as_ref().is_none_or(|t| {
                self.tenants
                    .iter()
                    .any(|x| &x.id == t && x.status == "active")
            });
            matches && !k.disabled && tenant_ok
        })
    }

    /// The account `id`.
    pub fn account(&self, id: &str) -> Option<&Account> {
        self.accounts.iter().find(|a| a.id == id)
    }

    /// Mutable access to the account `id`.
    pub fn account_mut(&mut self, id: &str) -> Option<&mut Account> {
        self.accounts.iter_mut().find(|a| a.id == id)
    }

    /// The binding of `e164`, whoever holds it.
    pub fn phone(&self, e164: &str) -> Option<&Phone> {
        self.phones.iter().find(|p| p.e164 == e164)
    }

    /// The listing of `e164`.
    pub fn listing(&self, e164: &str) -> Option<&Listing> {
        self.listings.iter().find(|l| l.e164 == e164)
    }

    /// The listing of `e164`, created (unverified) when missing.
    pub fn listing_mut(&mut self, e164: &str) -> &mut Listing {
        let i = match self.listings.iter().position(|l| l.e164 == e164) {
            Some(i) => i,
            None => {
                self.listings.push(Listing {
                    e164: e164.to_string(),
                    kind: "business".into(),
                    ..Listing::default()
                });
                self.listings.len() - 1
            }
        };
        &mut self.listings[i]
    }

    /// Whether `account` holds a verified number (lifts the one-number limit).
    pub fn has_verified(&self, account: &str) -> bool {
        self.phones
            .iter()
            .filter(|p| p.account == account)
            .any(|p| self.listing(&p.e164).is_some_and(|l| l.verified))
    }

    /// The tenant `id` of `account`.
    pub fn tenant_mut(&mut self, account: &str, id: &str) -> Option<&mut Tenant> {
        self.tenants
            .iter_mut()
            .find(|t| t.id == id && t.account == account)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeded_account_and_keys() {
        let creds = Credentials::from_seed(9);
        let mut w = World::new(9, &creds, 0);
        let i = w.find_key(&creds.nol_api_key, 0).unwrap();
        assert_eq!(w.keys[i].account, w.accounts[0].id);
        assert!(w.keys[i].prefix.starts_with("nol_sbx_"));
        assert_eq!(w.keys[i].prefix.len(), 12);
        let a = w.new_raw_key();
        let b = World::new(9, &creds, 1).new_raw_key();
        assert_ne!(a, b, "keys issued after a reset differ");
        assert_eq!(a, World::new(9, &creds, 0).new_raw_key());
        assert_eq!(a.len(), 44);
        w.keys[i].disabled = true;
        assert!(w.find_key(&creds.nol_api_key, 0).is_none());
    }
}
