//! `createAccount` and `cancelAccount`: subaccounts of the master account.

use super::envelope::El;
use super::numbers::{claim, owned_row};
use super::params::{email, full_number};
use super::{ok, Cx, Reply};
use crate::state::lock;

/// Whether the authenticated account may manage subaccounts (it is a master account).
fn require_master(cx: &mut Cx, what: &str) -> Result<(), String> {
    if cx.account().parent.is_some() {
        return Err(format!(
            "You are not authorized to {what}: use the username and password of the master account"
        ));
    }
    Ok(())
}

fn valid_username(u: &str) -> bool {
    (3..=64).contains(&u.len())
        && u.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._-@".contains(&b))
}

/// `createAccount`: a new subaccount of the master, optionally with a desired number from
/// inventory. Checks: every required input, a free username (3-64 of letters, digits, `._-@`), a
/// password of at least 6 characters, a 2-letter country, state for US and CA, a 5- or 9-digit
/// zip for US, a phone number of 7-15 digits, email addresses.
pub fn create(cx: &mut Cx) -> Reply {
    cx.p.require(&[
        "newUsername",
        "newPassword",
        "name",
        "address",
        "city",
        "country",
        "phone",
        "email",
    ])?;
    require_master(cx, "create accounts")?;
    let p = cx.p;
    let get = |k: &str| p.get(k).unwrap_or_default();
    let username = get("newUsername");
    if !valid_username(username) {
        return Err(format!(
            "Invalid newUsername: 3 to 64 letters, digits, '.', '_', '-' or '@' (got `{username}`)"
        ));
    }
    if cx.w.account(username).is_some() {
        return Err(format!("Username `{username}` already exists"));
    }
    if get("newPassword").chars().count() < 6 {
        return Err("Invalid newPassword: at least 6 characters".into());
    }
    let country = get("country").to_ascii_uppercase();
    if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Err(format!(
            "Invalid country: a 2-character country abbreviation such as US (got `{}`)",
            get("country")
        ));
    }
    if (country == "US" || country == "CA") && p.get("state").is_none() {
        return Err(format!(
            "Missing required parameter: state (required for {country})"
        ));
    }
    if country == "US" {
        let zip: String = p.get("zip").unwrap_or_default().replace('-', "");
        if zip.is_empty() {
            return Err("Missing required parameter: zip (required for US)".into());
        }
        if !(zip.len() == 5 || zip.len() == 9) || !zip.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!(
                "Invalid zip: 5 or 9 digits for US (got `{}`)",
                get("zip")
            ));
        }
    }
    for field in ["phone", "fax"] {
        if let Some(v) = p.get(field) {
            let digits = v.bytes().filter(u8::is_ascii_digit).count();
            let shape = v
                .chars()
                .all(|c| c.is_ascii_digit() || " +-().".contains(c));
            if !(7..=15).contains(&digits) || !shape {
                return Err(format!(
                    "Invalid {field}: a phone number of 7 to 15 digits (got `{v}`)"
                ));
            }
        }
    }
    email("email", get("email"))?;
    if let Some(e2) = p.get("email2") {
        email("email2", e2)?;
    }
    let desired = p
        .get("phoneNumber")
        .map(|n| full_number("phoneNumber", n))
        .transpose()?;
    let master = cx.user.clone();
    let claimed = match &desired {
        Some(n) => Some(claim(cx, n)?),
        None => None,
    };
    let acct = cx.w.add_account(username, get("newPassword"), &master);
    for k in [
        "name",
        "company",
        "address",
        "address2",
        "city",
        "state",
        "zip",
        "phone",
        "fax",
        "email",
        "email2",
        "masterid",
        "brandingid",
        "code",
    ] {
        if let Some(v) = p.get(k) {
            acct.profile.insert(k.to_string(), v.to_string());
        }
    }
    acct.profile.insert("country".into(), country);
    let mut row = El::new("account")
        .attr("id", acct.id.to_string())
        .leaf("username", &acct.username)
        .leaf("masterUsername", &master);
    if let Some(owned) = claimed {
        row = row.child(owned_row(&owned));
        acct.numbers.push(owned);
    }
    ok(vec![row])
}

/// `cancelAccount`: only the master may cancel, only its own subaccounts, and not while the
/// subaccount holds reservations or has ChatCalls still scheduled (pending activity).
pub fn cancel(cx: &mut Cx) -> Reply {
    let target = cx.p.req("accountUsername")?.to_string();
    require_master(cx, "cancel accounts")?;
    let master = cx.user.clone();
    let now = cx.now;
    let Some(acct) = cx.w.account(&target) else {
        return Err(format!("Account `{target}` not found"));
    };
    if acct.parent.as_deref().map(str::to_ascii_lowercase) != Some(master) {
        return Err(format!(
            "You are not authorized to manage account `{target}`"
        ));
    }
    if acct.cancelled {
        return Err(format!("Account `{target}` is already cancelled"));
    }
    let key = acct.username.to_ascii_lowercase();
    let reserved = lock(&cx.shared.v4).holds.count_by(&key, now);
    let scheduled = acct.chatcalls.iter().filter(|c| c.send_date > now).count();
    if reserved > 0 || scheduled > 0 {
        return Err(format!(
            "Account `{target}` cannot be cancelled: it has pending activity ({reserved} reserved phone numbers, {scheduled} scheduled ChatCalls)"
        ));
    }
    let acct = cx.w.account_mut(&target).expect("checked above");
    acct.cancelled = true;
    ok(vec![El::new("account")
        .attr("id", acct.id.to_string())
        .leaf("username", &acct.username)
        .leaf("status", "cancelled")])
}
