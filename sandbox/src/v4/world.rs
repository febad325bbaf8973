//! The v4 world: accounts, their resources, the number inventory and the issued tokens.

use super::inventory::Inventory;
use super::store::Store;
use crate::creds::{Credentials, MASTER_ACCOUNT_ID};
use crate::rng::Rng;
use crate::{clock, v4::extensions};
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashMap};

/// `expires_at` of tokens that never expire (the master token).
pub const PERMANENT: i64 = 4_102_444_800;
/// Lifetime of issued access tokens, seconds.
pub const TOKEN_TTL: i64 = 86_400;
/// Most access tokens, refresh tokens and authorization codes held, each (see [`make_room`]).
pub const GRANTS_MAX: usize = crate::ring::HISTORY;

/// Makes room in `grants` for one more when it holds [`GRANTS_MAX`]: expired grants go first,
/// then those that expire soonest (never a permanent one).
pub fn make_room(grants: &mut HashMap<String, Grant>, now: i64) {
    if grants.len() < GRANTS_MAX {
        return;
    }
    grants.retain(|_, g| g.expires_at > now);
    while grants.len() >= GRANTS_MAX {
        let soonest = grants
            .iter()
            .filter(|(_, g)| g.expires_at != PERMANENT)
            .min_by_key(|(_, g)| g.expires_at)
            .map(|(k, _)| k.clone());
        match soonest {
            Some(k) => grants.remove(&k),
            None => break,
        };
    }
}

/// An account (the master or a subaccount).
#[derive(Debug, Clone)]
pub struct Account {
    /// Voip id.
    pub id: u64,
    /// The master account, for subaccounts.
    pub parent: Option<u64>,
    /// Login name.
    pub username: String,
    /// Password (never shown).
    pub password: String,
    /// Contact object (or null).
    pub contact: Value,
    /// Billing contact object (or null).
    pub billing_contact: Value,
}

impl Account {
    /// The display name: the contact's name, else the username.
    pub fn name(&self) -> String {
        self.contact
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or(&self.username)
            .to_string()
    }

    /// `AccountSummary`.
    pub fn summary(&self) -> Value {
        json!({"id": self.id, "name": self.name()})
    }
}

/// What a token (or refresh token, or authorization code) stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    /// The account it acts as.
    pub account: u64,
    /// OAuth scope.
    pub scope: String,
    /// UNIX expiry.
    pub expires_at: i64,
}

/// All v4 state.
#[derive(Debug)]
pub struct World {
    /// Accounts by id.
    pub accounts: BTreeMap<u64, Account>,
    /// Every other resource.
    pub store: Store,
    /// Numbers for sale.
    pub inventory: Inventory,
    /// Inventory numbers held off sale by the XML API's `reservePhoneNumber`.
    pub holds: crate::holds::Holds,
    /// Access tokens.
    pub tokens: HashMap<String, Grant>,
    /// Refresh tokens.
    pub refresh_tokens: HashMap<String, Grant>,
    /// Authorization codes (`GET /oauth/authorization?response_type=code`).
    pub codes: HashMap<String, Grant>,
    /// The seed's credentials.
    pub creds: Credentials,
    /// Page-size cap and `total`-less envelopes (`/_sandbox/v4/lists`).
    pub lists: super::quirks::ListQuirks,
    next_id: u64,
    /// Seeded content (express service codes): identical after every reset.
    rng: Rng,
    /// Issued secrets: differ between resets so old tokens never come back to life.
    secrets: Rng,
}

impl World {
    /// The seeded start: the master account with its defaults, the inventory, the master token.
    /// `generation` counts resets; it only changes the secrets issued later.
    pub fn new(seed: u64, creds: &Credentials, generation: u64) -> World {
        let mut w = World {
            accounts: BTreeMap::new(),
            store: Store::default(),
            inventory: Inventory::generate(seed),
            holds: Default::default(),
            tokens: HashMap::new(),
            refresh_tokens: HashMap::new(),
            codes: HashMap::new(),
            creds: creds.clone(),
            lists: Default::default(),
            next_id: 2000,
            rng: Rng::derive(seed, "world"),
            secrets: Rng::derive(seed ^ generation.rotate_left(32), "secrets"),
        };
        w.tokens.insert(
            creds.v4_token.clone(),
            Grant {
                account: MASTER_ACCOUNT_ID,
                scope: "account-owner".into(),
                expires_at: PERMANENT,
            },
        );
        let contact = json!({
            "name": "Sandbox Partner", "company": "Sandbox Partner Inc.",
            "address": {"line_1": "100 Harbor Dr", "line_2": "", "city": "San Diego", "province": "CA", "postal_code": "92101", "country": "US"},
            "phone": "+18585550100", "primary_email": "partner@example.com",
        });
        w.insert_account(
            MASTER_ACCOUNT_ID,
            None,
            &creds.master_username.clone(),
            &creds.master_password.clone(),
            contact.clone(),
            contact,
        );
        let client = w.next_id();
        let col = format!("/accounts/{MASTER_ACCOUNT_ID}/oauth/clients");
        w.store.insert(&col, json!({"id": client, "client_name": "Express Sign-Up", "client_id": creds.oauth_client_id}));
        let uri = w.next_id();
        w.store.insert(
            &format!("{col}/{client}/redirect-uris"),
            json!({"id": uri, "client": {"id": client, "name": "Express Sign-Up"}, "redirect_uri": crate::creds::REDIRECT_URI}),
        );
        w
    }

    /// A fresh resource id (unique across the world).
    pub fn next_id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }

    /// `len` random digits from the world's generator.
    pub fn digits(&mut self, len: usize) -> String {
        (0..len)
            .map(|_| char::from(b'0' + self.rng.below(10) as u8))
            .collect()
    }

    /// A fresh random token with `prefix`.
    pub fn secret(&mut self, prefix: &str) -> String {
        format!("{prefix}{}", self.secrets.hex(32))
    }

    /// Creates a subaccount of `parent`; returns its id.
    pub fn add_subaccount(
        &mut self,
        parent: u64,
        username: &str,
        password: &str,
        contact: Value,
        billing: Value,
    ) -> u64 {
        let id = self
            .accounts
            .keys()
            .next_back()
            .copied()
            .unwrap_or(MASTER_ACCOUNT_ID)
            + 1;
        self.insert_account(id, Some(parent), username, password, contact, billing);
        id
    }

    fn insert_account(
        &mut self,
        id: u64,
        parent: Option<u64>,
        username: &str,
        password: &str,
        contact: Value,
        billing: Value,
    ) {
        let acct = Account {
            id,
            parent,
            username: username.into(),
            password: password.into(),
            contact,
            billing_contact: billing,
        };
        self.accounts.insert(id, acct);
        self.seed_account(id);
    }

    /// Every account starts with extension 111, an express service code, two schedules,
    /// an application and a voicemail.
    fn seed_account(&mut self, id: u64) {
        let a = format!("/accounts/{id}");
        self.store.insert(
            &format!("{a}/extensions"),
            extensions::object(111, id, 111, "Main", None),
        );
        let code = format!("{}{}", 1 + self.rng.below(9), self.digits(7));
        let code_id = self.next_id();
        let expire = clock::now() + 86_400;
        self.store.insert(
            &format!("{a}/express-service-codes"),
            json!({"id": code_id, "express_service_code": code, "expire_date": expire}),
        );
        for name in ["Business Hours", "After Hours"] {
            let sid = self.next_id();
            self.store
                .insert(&format!("{a}/schedules"), json!({"id": sid, "name": name}));
        }
        let app_id = self.next_id();
        self.store.insert(
            &format!("{a}/applications"),
            json!({"id": app_id, "name": "Sandbox Application"}),
        );
        let vm = self.next_id().to_string();
        let now = clock::now();
        self.store.insert(
            &format!("{a}/voicemail"),
            json!({
                "id": vm, "download_url": format!("https://sandbox.invalid/voicemail/{vm}.mp3"),
                "extension": {"id": 111, "name": "Main", "extension": 111},
                "from": {"name": "Sandbox Caller", "number": "+16195550199"}, "to": "+18585550100",
                "is_new": true, "created_at": clock::rfc3339(now - 3600), "folder": "inbox", "duration": 12,
            }),
        );
    }

    /// `AccountFull` of `id`.
    pub fn account_json(&self, id: u64) -> Option<Value> {
        let a = self.accounts.get(&id)?;
        let master = a
            .parent
            .and_then(|p| self.accounts.get(&p))
            .map(Account::summary);
        Some(json!({
            "id": a.id, "name": a.name(), "username": a.username, "password": "**",
            "master_account": master, "contact": a.contact, "billing_contact": a.billing_contact,
        }))
    }

    /// Whether a token of `principal` may act on `target` (itself or one of its subaccounts).
    pub fn can_access(&self, principal: u64, target: u64) -> bool {
        principal == target
            || self
                .accounts
                .get(&target)
                .is_some_and(|a| a.parent == Some(principal))
    }

    /// Issues an access token (and a refresh token) for `account`.
    pub fn issue(&mut self, account: u64, scope: &str) -> (String, String) {
        let grant = Grant {
            account,
            scope: scope.into(),
            expires_at: clock::now() + TOKEN_TTL,
        };
        let (access, refresh) = (self.secret("sbx_at_"), self.secret("sbx_rt_"));
        make_room(&mut self.tokens, clock::now());
        make_room(&mut self.refresh_tokens, clock::now());
        self.tokens.insert(access.clone(), grant.clone());
        self.refresh_tokens.insert(refresh.clone(), grant);
        (access, refresh)
    }

    /// The grant of a live access token.
    pub fn token(&self, token: &str) -> Option<&Grant> {
        self.tokens
            .get(token)
            .filter(|g| g.expires_at > clock::now())
    }

    /// The account named `username` (case-insensitive).
    pub fn account_by_username(&self, username: &str) -> Option<&Account> {
        self.accounts
            .values()
            .find(|a| a.username.eq_ignore_ascii_case(username))
    }
}

impl World {
    /// Whether `password` opens account `id`: its own password, or, for the master account and
    /// its subaccounts, the master v4 token ("partner token as password").
    pub fn password_matches(&self, id: u64, password: &str) -> bool {
        let Some(a) = self.accounts.get(&id) else {
            return false;
        };
        (!password.is_empty() && a.password == password)
            || (self.is_partner_account(id) && password == self.creds.v4_token)
    }

    /// Whether account `id` is the partner's: the master account or one of its subaccounts.
    pub fn is_partner_account(&self, id: u64) -> bool {
        self.accounts
            .get(&id)
            .is_some_and(|a| a.id == MASTER_ACCOUNT_ID || a.parent == Some(MASTER_ACCOUNT_ID))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grants_stay_within_their_bound_expired_and_soonest_first() {
        let grant = |expires_at| Grant {
            account: 1,
            scope: "s".into(),
            expires_at,
        };
        let mut grants = HashMap::new();
        grants.insert("master".to_string(), grant(PERMANENT));
        for i in 0..GRANTS_MAX as i64 + 50 {
            make_room(&mut grants, 100);
            grants.insert(format!("t{i}"), grant(if i < 10 { 50 } else { 1_000 + i }));
            assert!(grants.len() <= GRANTS_MAX);
        }
        assert!(grants.contains_key("master"));
        assert!(!grants.contains_key("t0"), "expired ones go first");
        assert!(!grants.contains_key("t10"), "then the soonest to expire");
        assert!(grants.contains_key(&format!("t{}", GRANTS_MAX + 49)));
    }
}
