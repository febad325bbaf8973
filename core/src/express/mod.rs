//! Express Sign-Up, server side: user names, passwords, contact checks, and the composed
//! "sign up this portal user" flow (create subaccount -> card on file, with Phone.com billing ->
//! user token) that never creates two subaccounts for one user nor adds its card twice.
//!
//! ```no_run
//! use phonecom::{Client, Config};
//! use phonecom::express::{signup, SignupRequest, PasswordMode};
//! use phonecom::types::{Address, Contact};
//! let client = Client::new(Config::from_env()?)?;
//! let contact = Contact {
//!     name: "Ada Lovelace".into(),
//!     address: Address { line_1: "411 Elm St".into(), city: "Dallas".into(),
//!         province: Some("TX".into()), country: "US".into(), ..Address::default() },
//!     phone: "+15555550001".into(),
//!     primary_email: "ada@example.com".into(),
//!     ..Contact::default()
//! };
//! let done = signup(&client, &SignupRequest::new("acme", "12345", contact))?;
//! println!("subaccount {} for {}", done.account.id, done.username);
//! # Ok::<(), phonecom::Error>(())
//! ```

use crate::catalog::{Auth, Family, Location, Operation, Param, ParamType};
use crate::client::Client;
use crate::error::{Error, ErrorKind, FieldError, Result};
use crate::oauth::{self, UserToken};
use crate::secret::Secret;
use crate::transport::CallOptions;
use crate::types::Contact;
use crate::v4::{Account, CreateSubaccountParams};
use serde_json::{json, Map, Value};
use steps::Steps;

mod card;
mod pending;
mod pending_redis;
mod steps;
pub(crate) use pending::PendingSignups;

/// Longest user name the helpers produce.
pub const USERNAME_MAX: usize = 64;
/// Length of generated passwords.
pub const PASSWORD_LEN: usize = 32;
/// Shortest password [`generate_password`] makes.
pub const PASSWORD_MIN_LEN: usize = 16;
/// Longest password [`generate_password`] makes (a larger request is a mistake, and an
/// allocation that large would abort the process rather than fail).
pub const PASSWORD_MAX_LEN: usize = 4096;
const SIGNUP_OP: &str = "express.signup";

/// The guide's user name: `<partner>-<user id>`, e.g. `super-partner-12345`.
///
/// `partner`: 2-32 characters, lower-case letters, digits and `-`, starting with a letter.
/// `user_id`: 1-30 characters, letters, digits, `_`, `.` or `-`.
pub fn username(partner: &str, user_id: &str) -> Result<String> {
    let op = SIGNUP_OP;
    if !(2..=32).contains(&partner.len()) {
        return Err(Error::validation(
            op,
            "partner",
            "must be 2 to 32 characters",
        ));
    }
    if !partner.starts_with(|c: char| c.is_ascii_lowercase())
        || !partner
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        || partner.ends_with('-')
    {
        return Err(Error::validation(
            op,
            "partner",
            "must be lower-case letters, digits and `-`, start with a letter and not end with `-`",
        ));
    }
    if user_id.is_empty() || user_id.len() > 30 {
        return Err(Error::validation(
            op,
            "user_id",
            "must be 1 to 30 characters",
        ));
    }
    if !user_id
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
    {
        return Err(Error::validation(
            op,
            "user_id",
            "may hold only letters, digits, `_`, `.` and `-`",
        ));
    }
    let name = format!("{partner}-{user_id}");
    debug_assert!(name.len() <= USERNAME_MAX);
    Ok(name)
}

/// A long random password from the OS CSPRNG: `len` characters (16 to 4096) drawn uniformly
/// from letters, digits and `-_.~!@#%^*+=`, with at least one of each class.
///
/// ```
/// use phonecom::express::generate_password;
/// assert_eq!(generate_password(32).unwrap().expose().len(), 32);
/// let e = generate_password(1 << 40).unwrap_err();
/// assert!(e.to_string().contains("`length` must be from 16 to 4096"), "{e}");
/// ```
pub fn generate_password(len: usize) -> Result<Secret> {
    if !(PASSWORD_MIN_LEN..=PASSWORD_MAX_LEN).contains(&len) {
        return Err(Error::validation(
            SIGNUP_OP,
            "length",
            &format!("must be from {PASSWORD_MIN_LEN} to {PASSWORD_MAX_LEN} (got {len})"),
        ));
    }
    const LOWER: &[u8] = b"abcdefghijklmnopqrstuvwxyz";
    const UPPER: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const DIGIT: &[u8] = b"0123456789";
    const SYMBOL: &[u8] = b"-_.~!@#%^*+=";
    let all: Vec<u8> = [LOWER, UPPER, DIGIT, SYMBOL].concat();
    loop {
        let pw: String = (0..len)
            .map(|_| all[crate::random::below(all.len() as u64) as usize] as char)
            .collect();
        let has = |set: &[u8]| pw.bytes().any(|b| set.contains(&b));
        if has(LOWER) && has(UPPER) && has(DIGIT) && has(SYMBOL) {
            return Ok(Secret::new(pw));
        }
    }
}

/// Check a contact against the guide's rules (see [`Contact::validate`]), from JSON.
pub fn validate_contact(contact: &Value) -> Result<Contact> {
    let c: Contact = serde_json::from_value(contact.clone()).map_err(|e| {
        Error::validation(
            SIGNUP_OP,
            "contact",
            &format!("is not a contact object: {e}"),
        )
    })?;
    c.validate("contact")
        .map_err(|f| Error::invalid_fields(SIGNUP_OP, f))?;
    Ok(c)
}

/// Where the user's token call gets its password.
#[derive(Clone, Debug)]
pub enum PasswordMode {
    /// Generate a long random password; it is returned once in [`Signup::password`] for the
    /// portal to store.
    Generate,
    /// Use this password (the portal stores it).
    Given(Secret),
    /// Do not store passwords: the subaccount gets a random password nobody keeps, and the token
    /// call sends the partner's v4 token as the password (needs Phone.com's approval).
    PartnerToken,
}

/// What to sign up.
#[derive(Clone, Debug)]
pub struct SignupRequest {
    /// Partner name (the user name's prefix).
    pub partner: String,
    /// The portal's own id for the user.
    pub user_id: String,
    /// The user's contact.
    pub contact: Contact,
    /// Billing contact (Phone.com billing).
    pub billing_contact: Option<Contact>,
    /// Password handling.
    pub password: PasswordMode,
    /// Phone.com billing: the credit-card token the card entry form issued ("you may also need
    /// to provide billing_contact and credit-card token", the guide says). The flow adds it as
    /// the new subaccount's primary payment method, at most once.
    pub card_token: Option<Secret>,
}

impl SignupRequest {
    /// A request with a generated password and no billing contact.
    pub fn new(partner: &str, user_id: &str, contact: Contact) -> SignupRequest {
        SignupRequest {
            partner: partner.into(),
            user_id: user_id.into(),
            contact,
            billing_contact: None,
            password: PasswordMode::Generate,
            card_token: None,
        }
    }
}

/// The result of [`signup`].
#[derive(Clone, Debug)]
pub struct Signup {
    /// The subaccount.
    pub account: Account,
    /// Its user name.
    pub username: String,
    /// The generated password (only in [`PasswordMode::Generate`]); store it.
    pub password: Option<Secret>,
    /// The user's token for the Express front-end library.
    pub token: UserToken,
    /// The subaccount's payment method (the Payment Method Full Object) when a card token was
    /// given: the one this sign-up added, or the card an earlier attempt of it left on file.
    pub payment_method: Option<Value>,
    /// Whether the subaccount was found by user name instead of created by this call: the create
    /// call's outcome was unknown, or an earlier sign-up of this user created it and got no token.
    pub recovered: bool,
}

/// Sign a portal user up: create the subaccount, put the card on file (when
/// [`SignupRequest::card_token`] is given), then get the user's token.
///
/// Safe to repeat for the same user, whatever went wrong before:
/// - A create call whose outcome is unknown (connection cut, timeout, 5xx) is never simply sent
///   again: the flow first looks the user name up among the subaccounts, and creates only when it
///   is not there.
/// - When the subaccount already exists (an earlier sign-up created it, then its token call
///   failed), the flow finds it and gets the token with the password it was created with:
///   [`PasswordMode::Given`] and [`PasswordMode::PartnerToken`] always can; with
///   [`PasswordMode::Generate`] the client remembers the password of an unfinished sign-up, so a
///   retry on the same client resumes; with a Redis `budget.store` it is kept there, encrypted
///   under `state.key` for 24 h ([`crate::budget::StateConfig`]), so a retry from any process
///   sharing that Redis resumes. Otherwise the answer is a `conflict` error that says so.
/// - The card is added only to a subaccount that has no card on file, and a payment-method call
///   whose outcome is unknown is followed by a look at the subaccount's cards, never by a blind
///   second send: a retry never adds the card twice.
///
/// For a portal that must survive a restart between the two steps without a Redis store,
/// generate the password first ([`generate_password`]), store it, and pass it as
/// [`PasswordMode::Given`].
pub fn signup(client: &Client, req: &SignupRequest) -> Result<Signup> {
    signup_with(client, req, &CallOptions::default())
}

/// [`signup`] with per-call options, as `client.call_with("express.signup", ...)` runs it: each
/// step (lookups included) gets the attempt timeout and attempts, and `opts.deadline` bounds the
/// whole sign-up, each step getting what remains of it. Extra headers are refused (the flow
/// makes several requests of its own).
pub fn signup_with(client: &Client, req: &SignupRequest, opts: &CallOptions) -> Result<Signup> {
    if !opts.headers.is_empty() {
        return Err(Error::validation(
            SIGNUP_OP,
            "headers",
            "cannot be added to a composed flow (it makes several requests of its own); call its steps to send extra headers",
        ));
    }
    let steps = Steps::new(SIGNUP_OP, opts);
    let username = username(&req.partner, &req.user_id)?;
    let mut problems: Vec<FieldError> = Vec::new();
    if let Err(mut f) = req.contact.validate("contact") {
        problems.append(&mut f);
    }
    if let Some(Err(mut f)) = req
        .billing_contact
        .as_ref()
        .map(|c| c.validate("billing_contact"))
    {
        problems.append(&mut f);
    }
    if !problems.is_empty() {
        return Err(Error::invalid_fields(SIGNUP_OP, problems));
    }
    let pending = client.pending_signups()?;
    // Whether the password the subaccount would have is known here (so an existing subaccount of
    // this user name can be taken over), and the passwords of each step.
    let (known, account_password, returned_password, token_password) = match &req.password {
        PasswordMode::Generate => match pending.get(&username) {
            Some(p) => (true, p.clone(), Some(p.clone()), Some(p)),
            None => {
                let p = generate_password(PASSWORD_LEN)?;
                (false, p.clone(), Some(p.clone()), Some(p))
            }
        },
        PasswordMode::Given(p) => (true, p.clone(), None, Some(p.clone())),
        PasswordMode::PartnerToken => (true, generate_password(PASSWORD_LEN)?, None, None),
    };
    client.relay(pending.take_notices());
    // Every error of the flow is masked with the user's password, like the generic call's are,
    // without the client remembering it after the flow (one client signs many users up).
    let mut secret = vec![account_password.expose().to_string()];
    secret.extend(req.card_token.as_ref().map(|t| t.expose().to_string()));
    let generated = matches!(req.password, PasswordMode::Generate);
    let params = CreateSubaccountParams {
        username: username.clone(),
        password: account_password.clone(),
        contact: Some(req.contact.clone()),
        billing_contact: req.billing_contact.clone(),
    };
    let mask = |e: Error| e.map_text(|t| client.redact_with(t, &secret));
    let (account, recovered) = create_once(client, &steps, &params, known).map_err(mask)?;
    let payment_method = req
        .card_token
        .as_ref()
        .map(|card| card::add_once(client, &steps, account.id, card));
    let token = match payment_method
        .clone()
        .transpose()
        .and_then(|_| steps.next("getting the user's token"))
        .and_then(|opts| oauth::user_token_with(client, &username, token_password.as_ref(), &opts))
    {
        Ok(token) => token,
        Err(e) => {
            let mut note = String::new();
            if generated {
                let shared = pending.remember(&username, &account_password);
                let who = if shared {
                    "from any process sharing this Redis store (within 24 h)"
                } else {
                    "on this client"
                };
                note = format!(
                    " (subaccount {username} exists: signing this user up again {who} resumes with the password it was created with)"
                );
            }
            let message = format!("{}{note}", e.message());
            client.relay(pending.take_notices());
            return Err(mask(e.with_message(message)));
        }
    };
    pending.forget(&username);
    client.relay(pending.take_notices());
    Ok(Signup {
        account,
        username,
        password: returned_password,
        token,
        recovered,
        payment_method: payment_method.transpose().map_err(mask)?,
    })
}

/// Create the subaccount at most once: after an unknown outcome, look it up before creating.
/// When the user name is already taken and `password_known` (the caller can get the user's token
/// with the password it has), the existing subaccount is taken over as `recovered`.
fn create_once(
    client: &Client,
    steps: &Steps,
    params: &CreateSubaccountParams,
    password_known: bool,
) -> Result<(Account, bool)> {
    let op = crate::client::lookup("v4.create-account-subaccount")?;
    let body = match serde_json::to_value(params) {
        Ok(Value::Object(m)) => m,
        _ => Map::new(),
    };
    let attempts = client.config().retry.max_attempts.max(1);
    let mut last_err = None;
    for attempt in 0..attempts {
        if attempt > 0 {
            if let Some(found) = lookup_subaccount(client, steps, &params.username)? {
                return Ok((found, true));
            }
        }
        // call_op masks its errors with the client's secrets and the password parameter.
        match client.call_op(op, body.clone(), &steps.next("creating the subaccount")?) {
            Ok(resp) => {
                let account: Account = serde_json::from_value(resp.data).map_err(|e| {
                    Error::new(
                        ErrorKind::Decode,
                        format!("subaccount response does not match AccountFull: {e}"),
                    )
                    .with_status(resp.status)
                    .with_request_id(Some(resp.request_id.clone()))
                })?;
                return Ok((account, attempt > 0));
            }
            Err(e) if outcome_unknown(&e) => last_err = Some(e),
            Err(e) if username_taken(&e) => {
                return match lookup_subaccount(client, steps, &params.username)? {
                    Some(found) if password_known => Ok((found, true)),
                    Some(found) => Err(Error::new(
                        ErrorKind::Conflict,
                        format!(
                            "portal user already signed up: subaccount {} (id {}) exists, and the password it was created with is not known here; get the user's token with the password stored then (oauth.user-token), or sign up with that password",
                            params.username, found.id
                        ),
                    )
                    .with_operation(SIGNUP_OP)
                    .with_status(e.status().unwrap_or(422))
                    .with_request_id(e.request_id().map(str::to_string))
                    .with_retryable(false)),
                    None => Err(e),
                };
            }
            Err(e) => return Err(e),
        }
    }
    // Every attempt ended with an unknown outcome; one last look before giving up.
    if let Some(found) = lookup_subaccount(client, steps, &params.username)? {
        return Ok((found, true));
    }
    Err(last_err.unwrap_or_else(|| Error::new(ErrorKind::Server, "subaccount creation failed")))
}

/// Whether the create was refused because the user name is taken (v4 answers 422 with a
/// `username` field error).
fn username_taken(e: &Error) -> bool {
    e.kind() == ErrorKind::Validation && e.fields().iter().any(|f| f.field == "username")
}

/// Whether a failed create may still have created the subaccount.
fn outcome_unknown(e: &Error) -> bool {
    match e.kind() {
        ErrorKind::Transport | ErrorKind::Timeout | ErrorKind::Decode => true,
        ErrorKind::Server => e.status() != Some(503) || e.attempts() == 0,
        _ => false,
    }
}

/// The subaccount called `username`, walking every page of the subaccount list.
pub fn find_subaccount(client: &Client, username: &str) -> Result<Option<Account>> {
    lookup_subaccount(
        client,
        &Steps::new(SIGNUP_OP, &CallOptions::default()),
        username,
    )
}

/// [`find_subaccount`] as a step of a sign-up.
fn lookup_subaccount(client: &Client, steps: &Steps, username: &str) -> Result<Option<Account>> {
    let rows = client.items_with::<Account>(
        "v4.list-account-subaccounts",
        json!({"limit": 500}),
        steps.next("looking the user name up")?,
    )?;
    for row in rows {
        let row = row?;
        if row.username.as_deref() == Some(username) {
            return Ok(Some(row));
        }
    }
    Ok(None)
}

pub(crate) fn operations() -> Vec<Operation> {
    let p = |name: &str, ty: ParamType, required: bool, doc: &str| Param {
        secret: matches!(name, "password" | "card_token"),
        schema: matches!(name, "contact" | "billing_contact").then(|| "ContactInput".into()),
        ..Param::new(name, Location::Local, ty, required, doc)
    };
    vec![Operation {
        name: SIGNUP_OP.into(),
        family: Family::Express,
        method: "FLOW".into(),
        path: "v4.create-account-subaccount -> v4.create-account-payment-method -> oauth.user-token".into(),
        doc: "Sign a portal user up: create the subaccount <partner>-<user_id> (never twice), add the card token as its payment method (never twice), and get the user's token".into(),
        tag: Some("express".into()),
        returns: Some("Signup".into()),
        pageable: false,
        paging: None,
        // Its steps send the v4 token and the oauth client's credentials.
        auth: Auth::Required,
        // Signing a user up again finishes the first sign-up: never two subaccounts, never
        // the card twice.
        idempotent: true,
        redirects: false,
        secret_results: vec![],
        origin: Some("Express Sign-Up guide".into()),
        params: vec![
            p("partner", ParamType::String, true, "Partner name: the user name's prefix"),
            p("user_id", ParamType::String, true, "The portal's id of the user"),
            p("contact", ParamType::Object, true, "The user's contact (name, address, phone, primary_email)"),
            p("billing_contact", ParamType::Object, false, "Billing contact (Phone.com billing)"),
            p("password", ParamType::String, false, "The password to set (store it first: then signing the user up again always finishes); omitted: a generated one, returned once (a retry on the same client resumes with it)"),
            p("use_partner_token", ParamType::Boolean, false, "Do not keep passwords: the token call uses the partner token"),
            p("card_token", ParamType::String, false, "Phone.com billing: the credit-card token of the card entry form, added as the subaccount's primary payment method (once, even when the sign-up is retried)"),
        ],
    }]
}

/// The schema of the sign-up flow's result (`returns: "Signup"`).
pub(crate) fn schemas() -> Vec<(String, Value)> {
    vec![(
        "Signup".into(),
        json!({
            "type": "object",
            "doc": "A signed-up portal user: the subaccount, its user name, the password when generated, and the user's token",
            "properties": {
                "account": {"ref": "AccountFull", "doc": "The subaccount"},
                "username": {"type": "string", "doc": "Its user name, <partner>-<user_id>"},
                "password": {"type": "string", "nullable": true, "doc": "The generated password (only when the library generated it, else null): store it"},
                "token": {"ref": "UserToken", "doc": "The user's token for the Express front-end library"},
                "recovered": {"type": "boolean", "doc": "Whether the subaccount was found by user name instead of created now (an unknown create outcome, or an earlier sign-up of this user that got no token)"},
                "payment_method": {"ref": "PaymentFull", "nullable": true, "doc": "The subaccount's card on file when card_token was given (added now or by an earlier attempt), else null"}
            },
            "required": ["account", "username", "token", "recovered"]
        }),
    )]
}

/// Run a composed flow from the generic call.
pub(crate) fn run_flow(
    client: &Client,
    op: &Operation,
    params: &Map<String, Value>,
    opts: &CallOptions,
) -> Result<Value> {
    let text = |k: &str| {
        params
            .get(k)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let contact: Contact = serde_json::from_value(params["contact"].clone()).map_err(|e| {
        Error::validation(
            &op.name,
            "contact",
            &format!("is not a contact object: {e}"),
        )
    })?;
    let billing_contact = match params.get("billing_contact") {
        Some(v) => Some(serde_json::from_value(v.clone()).map_err(|e| {
            Error::validation(
                &op.name,
                "billing_contact",
                &format!("is not a contact object: {e}"),
            )
        })?),
        None => None,
    };
    let password = if params.get("use_partner_token").and_then(Value::as_bool) == Some(true) {
        PasswordMode::PartnerToken
    } else if let Some(p) = params.get("password").and_then(Value::as_str) {
        PasswordMode::Given(Secret::new(p))
    } else {
        PasswordMode::Generate
    };
    let done = signup_with(
        client,
        &SignupRequest {
            partner: text("partner"),
            user_id: text("user_id"),
            contact,
            billing_contact,
            password,
            card_token: params
                .get("card_token")
                .and_then(Value::as_str)
                .map(Secret::new),
        },
        opts,
    )?;
    Ok(json!({
        "account": serde_json::to_value(&done.account).unwrap_or(Value::Null),
        "username": done.username,
        "password": done.password.as_ref().map(Secret::expose),
        "token": done.token.raw,
        "recovered": done.recovered,
        "payment_method": done.payment_method,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames() {
        assert_eq!(
            username("super-partner", "12345").unwrap(),
            "super-partner-12345"
        );
        assert!(username("Super", "1")
            .unwrap_err()
            .to_string()
            .contains("`partner`"));
        assert!(username("acme", "a b")
            .unwrap_err()
            .to_string()
            .contains("`user_id`"));
        assert!(username("acme", "").is_err());
        assert!(username("acme-", "1").is_err());
    }

    #[test]
    fn passwords_are_long_random_and_mixed() {
        let a = generate_password(PASSWORD_LEN).unwrap();
        let b = generate_password(PASSWORD_LEN).unwrap();
        assert_eq!(a.expose().len(), PASSWORD_LEN);
        assert_ne!(a, b);
        assert!(a.expose().bytes().any(|c| c.is_ascii_digit()));
        assert!(generate_password(8).is_err());
        assert_eq!(
            generate_password(PASSWORD_MAX_LEN).unwrap().expose().len(),
            4096
        );
        for bad in [0, 15, PASSWORD_MAX_LEN + 1, usize::MAX] {
            let e = generate_password(bad).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::Validation);
            assert_eq!(e.fields()[0].field, "length", "{e}");
        }
    }

    #[test]
    fn contact_from_json() {
        let ok = json!({"name": "A", "address": {"line_1": "1 St", "city": "Dallas", "province": "TX", "country": "US"}, "phone": "+15555550001", "primary_email": "a@b.co"});
        assert!(validate_contact(&ok).is_ok());
        let mut bad = ok.clone();
        bad["address"]["province"] = Value::Null;
        let e = validate_contact(&bad).unwrap_err();
        assert!(e.to_string().contains("contact.address.province"), "{e}");
    }
}
