//! The XML API's state: accounts (the master `sandbox` and the subaccounts it creates), their
//! phone numbers, call handling, extensions, call logs, SMS outbox and ChatCalls. Reservations
//! of inventory numbers are kept beside the v4 inventory ([`crate::holds`]), which v4 also sells.

use super::calls::{seed_calls, Call};
use super::chatcall::ChatCall;
use super::geo::{self, Num};
use super::replay::Replays;
use crate::creds::{Credentials, MASTER_ACCOUNT_ID, XML_USERNAME};
use crate::holds::Holds;
use crate::ring::{Ring, HISTORY};
use crate::rng::Rng;
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// Most numbers one API user may hold reserved at a time.
pub const RESERVATION_LIMIT: usize = 10;
/// ChatCall previews kept (the oldest `.wav` URL stops working first).
pub const PREVIEWS_MAX: usize = 1_000;

/// A number on an account.
#[derive(Debug, Clone, Serialize)]
pub struct Owned {
    /// The `id` attribute of `getPhoneNumberList`.
    pub id: u64,
    /// E.164.
    #[serde(rename = "phoneNumber")]
    pub e164: String,
    /// `nickName`.
    #[serde(rename = "nickName")]
    pub nick: String,
    /// `rateCenter` (empty for toll-free).
    #[serde(rename = "rateCenter")]
    pub rate_center: String,
    /// The rules of `updateCallHandlingSimpleRingAll`, once set.
    #[serde(rename = "callHandling")]
    pub handling: Option<RingAll>,
}

/// Simple ring-all call handling.
#[derive(Debug, Clone, Serialize)]
pub struct RingAll {
    /// Seconds to ring.
    pub timeout: i64,
    /// Up to 10 destinations.
    pub destinations: Vec<Destination>,
}

/// One ring-all destination.
#[derive(Debug, Clone, Serialize)]
pub struct Destination {
    /// 1 to 10.
    pub index: u32,
    /// E.164 number or extension.
    pub number: String,
    /// Voice tag.
    #[serde(rename = "voiceTag")]
    pub voice_tag: Option<String>,
    /// Call screening.
    pub screening: bool,
    /// Caller ID sent to this destination (the caller's when `None`).
    #[serde(rename = "callerId")]
    pub caller_id: Option<String>,
}

/// Notification settings of an extension.
#[derive(Debug, Clone, Serialize)]
pub struct Notification {
    /// `enableEmail`.
    #[serde(rename = "enableEmail")]
    pub enable_email: bool,
    /// `enableSms`.
    #[serde(rename = "enableSms")]
    pub enable_sms: bool,
    /// `emailAddress`.
    #[serde(rename = "emailAddress")]
    pub email: Option<String>,
    /// `emailFormat`: `wav` or `mp3`.
    #[serde(rename = "emailFormat")]
    pub email_format: String,
    /// `smsNumber`.
    #[serde(rename = "smsNumber")]
    pub sms_number: Option<String>,
}

impl Default for Notification {
    fn default() -> Self {
        Notification {
            enable_email: false,
            enable_sms: false,
            email: None,
            email_format: "wav".into(),
            sms_number: None,
        }
    }
}

/// One sent SMS.
#[derive(Debug, Clone, Serialize)]
pub struct Sms {
    /// Outbox id.
    pub id: u64,
    /// `fromNumber`.
    pub from: String,
    /// `toNumber`.
    pub to: String,
    /// `message`.
    pub message: String,
    /// UNIX seconds.
    pub sent_at: i64,
}

/// An XML API account.
#[derive(Debug, Clone, Serialize)]
pub struct Account {
    /// Account id.
    pub id: u64,
    /// Login name.
    pub username: String,
    /// Password (never shown).
    #[serde(skip)]
    pub password: String,
    /// The master account's username, for subaccounts.
    pub parent: Option<String>,
    /// Cancelled accounts cannot log in.
    pub cancelled: bool,
    /// The `createAccount` fields (name, address, email ...).
    pub profile: BTreeMap<String, String>,
    /// Phone numbers.
    pub numbers: Vec<Owned>,
    /// Extensions by number, with their notification settings.
    pub extensions: BTreeMap<u32, Notification>,
    /// Call detail records, oldest first (the newest [`HISTORY`]; append with [`crate::ring::push`]).
    #[serde(skip)]
    pub calls: Vec<Call>,
    /// SMS outbox (the newest [`HISTORY`]).
    pub sms: Vec<Sms>,
    /// ChatCalls sent or scheduled (the newest [`HISTORY`]).
    pub chatcalls: Vec<ChatCall>,
}

impl Account {
    fn new(id: u64, username: &str, password: &str, parent: Option<String>) -> Account {
        Account {
            id,
            username: username.into(),
            password: password.into(),
            parent,
            cancelled: false,
            profile: BTreeMap::new(),
            numbers: Vec::new(),
            extensions: [(111, Notification::default())].into_iter().collect(),
            calls: Vec::new(),
            sms: Vec::new(),
            chatcalls: Vec::new(),
        }
    }

    /// The account's number `e164`.
    pub fn number(&mut self, e164: &str) -> Option<&mut Owned> {
        self.numbers.iter_mut().find(|n| n.e164 == e164)
    }
}

/// All XML API state.
#[derive(Debug)]
pub struct World {
    /// Accounts by lower-cased username.
    pub accounts: BTreeMap<String, Account>,
    /// Every number of the seeded inventory: the "supported" prefixes, states, regions and
    /// localities stay listed when their numbers are gone.
    pub catalog: Vec<Num>,
    /// Toll-free numbers offered by real-time (SMS/800) searches, the newest
    /// [`crate::ring::HISTORY`] offers.
    pub sms800: Ring<Num>,
    /// ChatCall previews `(id, text)` (the `.wav` URL serves them), the newest [`PREVIEWS_MAX`].
    pub previews: Ring<(String, String)>,
    /// Seeded randomness (call durations, SMS/800 results ...).
    pub rng: Rng,
    /// The answers of mutating actions by (account, `clTRID`), for repeats.
    pub replays: Replays,
    next_id: u64,
}

impl World {
    /// The seeded start: the master account `sandbox` with three numbers, extensions 111-113
    /// and a call log of 1,500 calls.
    pub fn new(seed: u64, creds: &Credentials) -> World {
        let catalog = crate::v4::inventory::Inventory::generate(seed)
            .items()
            .iter()
            .filter_map(geo::from_v4)
            .collect();
        let mut master = Account::new(MASTER_ACCOUNT_ID, XML_USERNAME, &creds.xml_password, None);
        let numbers = [
            (19676, "+18668252541", "Main toll-free", ""),
            (72354, "+12542958368", "Waco office", "WACO_TX"),
            (72355, "+18585550100", "San Diego office", "SAN_DIEGO_CA"),
        ];
        master.numbers = numbers
            .iter()
            .map(|(id, n, nick, rc)| Owned {
                id: *id,
                e164: n.to_string(),
                nick: nick.to_string(),
                rate_center: rc.to_string(),
                handling: None,
            })
            .collect();
        for ext in [112, 113] {
            master.extensions.insert(ext, Notification::default());
        }
        let called: Vec<String> = numbers.iter().map(|n| n.1.to_string()).collect();
        master.calls = seed_calls(seed, &called);
        master.profile = [
            ("name", "Sandbox Partner"),
            ("company", "Sandbox Partner Inc."),
            ("email", "partner@example.com"),
            ("country", "US"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        World {
            accounts: [(XML_USERNAME.to_string(), master)].into_iter().collect(),
            catalog,
            sms800: Ring::new(HISTORY, usize::MAX),
            previews: Ring::new(PREVIEWS_MAX, usize::MAX),
            rng: Rng::derive(seed, "xml"),
            replays: Replays::default(),
            next_id: 100_000,
        }
    }

    /// A fresh id (numbers, SMS, ChatCalls, originated calls' log ids come from the log).
    pub fn next_id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }

    /// The account `username` (case-insensitive), cancelled or not.
    pub fn account(&self, username: &str) -> Option<&Account> {
        self.accounts.get(&username.to_ascii_lowercase())
    }

    /// Mutable access to the account `username`.
    pub fn account_mut(&mut self, username: &str) -> Option<&mut Account> {
        self.accounts.get_mut(&username.to_ascii_lowercase())
    }

    /// Creates a subaccount of `parent`.
    pub fn add_account(&mut self, username: &str, password: &str, parent: &str) -> &mut Account {
        let id = 3_000_000 + self.accounts.len() as u64;
        let acct = Account::new(id, username, password, Some(parent.to_string()));
        let key = username.to_ascii_lowercase();
        self.accounts.insert(key.clone(), acct);
        self.accounts.get_mut(&key).expect("just inserted")
    }

    /// Forgets old `clTRID` answers.
    pub fn expire(&mut self, now: i64) {
        self.replays.expire(now);
    }

    /// The account (username) holding number `e164`, if any.
    pub fn owner_of(&self, e164: &str) -> Option<&str> {
        self.accounts
            .values()
            .find(|a| a.numbers.iter().any(|n| n.e164 == e164))
            .map(|a| a.username.as_str())
    }

    /// The state as JSON for `GET /_sandbox/xml` (no passwords, call logs as counts), with
    /// `reservations` the holds in force at `now`.
    pub fn to_json(&self, holds: &Holds, now: i64) -> Value {
        let accounts: Vec<Value> = self
            .accounts
            .values()
            .map(|a| {
                let mut v = json!(a);
                v["call_count"] = json!(a.calls.len());
                v
            })
            .collect();
        json!({"accounts": accounts, "reservations": holds.to_json(now), "stored_cltrids": self.replays.len()})
    }
}
