//! Inventory numbers held off sale by the XML API's `reservePhoneNumber`.
//!
//! The holds live beside the v4 inventory (in [`crate::v4::World`]) because both families sell
//! from it: a held number is left out of the XML searches and of v4's
//! `GET /phone-numbers/available`, and only its holder can buy it.
//!
//! * Through the XML API, only the XML user holding it (`addPhoneNumber`, `createAccount`).
//! * Through v4, a number held by the partner's XML user (`sandbox`) can be bought by the
//!   partner's v4 accounts (the master and its subaccounts): the XML user and the v4 master are
//!   the same partner. A number held by another XML user (a subaccount made by `createAccount`)
//!   cannot be bought through v4. The purchase ends the hold.
//!
//! ```
//! use phonecom_sandbox::holds::{Hold, Holds};
//!
//! let mut holds = Holds::default();
//! holds.insert("+18585550123", Hold { by: "sandbox".into(), expires: 100 });
//! assert!(holds.get("+18585550123", 99).is_some_and(Hold::by_partner));
//! assert!(holds.get("+18585550123", 100).is_none(), "lapsed at `expires`");
//! holds.expire(100);
//! assert_eq!(holds.count_by("sandbox", 0), 0);
//! ```

use crate::creds::XML_USERNAME;
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// One held number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hold {
    /// The XML API user holding it (lower-cased username).
    pub by: String,
    /// UNIX seconds when it returns to inventory (midnight Pacific).
    pub expires: i64,
}

impl Hold {
    /// Whether the partner's own XML user holds it (so the partner's v4 accounts may buy it).
    pub fn by_partner(&self) -> bool {
        self.by.eq_ignore_ascii_case(XML_USERNAME)
    }
}

/// Every hold, by E.164 number.
#[derive(Debug, Clone, Default)]
pub struct Holds {
    map: BTreeMap<String, Hold>,
}

impl Holds {
    /// The hold on `e164` still in force at `now`.
    pub fn get(&self, e164: &str, now: i64) -> Option<&Hold> {
        self.map.get(e164).filter(|h| h.expires > now)
    }

    /// Whether `e164` is held at `now`.
    pub fn is_held(&self, e164: &str, now: i64) -> bool {
        self.get(e164, now).is_some()
    }

    /// Holds `e164` (replacing any earlier hold).
    pub fn insert(&mut self, e164: &str, hold: Hold) {
        self.map.insert(e164.to_string(), hold);
    }

    /// Ends the hold on `e164`, if any.
    pub fn remove(&mut self, e164: &str) -> Option<Hold> {
        self.map.remove(e164)
    }

    /// How many numbers `user` holds at `now`.
    pub fn count_by(&self, user: &str, now: i64) -> usize {
        self.map
            .values()
            .filter(|h| h.expires > now && h.by == user)
            .count()
    }

    /// Forgets the holds that lapsed by `now`.
    pub fn expire(&mut self, now: i64) {
        self.map.retain(|_, h| h.expires > now);
    }

    /// `{"<e164>": {"by", "expires"}}` of the holds in force at `now` (`GET /_sandbox/xml`).
    pub fn to_json(&self, now: i64) -> Value {
        let live: BTreeMap<&String, &Hold> =
            self.map.iter().filter(|(_, h)| h.expires > now).collect();
        json!(live)
    }
}
