//! The API-first onboarding of one number, as the numbers.online guide runs it:
//!
//! 1. start the OTP (`verify-phone/start`), 2. confirm it (`verify-phone/confirm`),
//! 3. stage the profile (`PUT listings/{e164}`), 3b. upload a logo,
//! 4. mint the checkout URL (`verify-checkout`) for the customer to pay in a new tab,
//! 5. poll `GET listings/{e164}` until `state == "verified"`, with backoff and a deadline.
//!
//! Each step is a method, so a portal can show the checkout URL to its user and come back
//! later; [`Onboarding::run`] chains them with two callbacks (one to get the code the number
//! received, one to show the checkout URL).
//!
//! ```no_run
//! use phonecom::{Client, Config};
//! use phonecom::nol::{ListingKind, ListingProfile, OnboardingPlan, Poll};
//! let client = Client::new(Config::from_env()?)?;
//! let onboarding = client.nol().onboarding("+14155550142")?;
//! let plan = OnboardingPlan::new(ListingProfile {
//!     kind: Some(ListingKind::Business),
//!     dba: Some("Acme Plumbing".into()),
//!     website: Some("https://acme.example".into()),
//!     ..ListingProfile::default()
//! });
//! let done = onboarding.run(
//!     &plan,
//!     |_sent| Ok("123456".to_string()),            // ask the user for the code
//!     |checkout| { println!("pay at {:?}", checkout.url); Ok(()) },
//! )?;
//! println!("grade {:?}, live risk {:?}", done.trust_grade, done.risk.map(|r| r.score));
//! # Ok::<(), phonecom::Error>(())
//! ```

use super::api::Nol;
use super::models::*;
use crate::client::Client;
use crate::error::{Error, ErrorKind, Result};
use std::time::{Duration, Instant};

/// How the one-time code travels.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OtpChannel {
    /// A voice call (the cheaper default).
    #[default]
    Voice,
    /// An SMS.
    Sms,
}

impl OtpChannel {
    fn as_str(self) -> &'static str {
        match self {
            OtpChannel::Voice => "voice",
            OtpChannel::Sms => "sms",
        }
    }
}

/// How to poll for the verified state: waits start at `initial`, grow by half each time up to
/// `max` (with jitter), and the whole wait ends at `timeout`. A `Retry-After` from the server is
/// honoured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Poll {
    /// First wait (default 2 s).
    pub initial: Duration,
    /// Longest wait (default 30 s).
    pub max: Duration,
    /// Give up after this long (default 30 min: the customer is paying on another tab).
    pub timeout: Duration,
}

impl Default for Poll {
    fn default() -> Poll {
        Poll {
            initial: Duration::from_secs(2),
            max: Duration::from_secs(30),
            timeout: Duration::from_secs(30 * 60),
        }
    }
}

/// A verified number: the static trust grade and the LIVE risk, kept apart. Show both; act on
/// the risk.
#[derive(Clone, Debug, PartialEq)]
pub struct Verified {
    /// The number.
    pub e164: String,
    /// The STATIC verification badge (`A` business, `A-` personal), set at verification.
    pub trust_grade: Option<String>,
    /// The LIVE community risk (it can rise as the number is reported).
    pub risk: Option<Risk>,
    /// The published listing.
    pub listing: Option<ListingInfo>,
    /// Status reads made while waiting.
    pub polls: u32,
    /// The last status read, whole.
    pub status: ListingStatus,
}

/// Everything [`Onboarding::run`] needs besides the two callbacks.
#[derive(Clone, Debug, PartialEq)]
pub struct OnboardingPlan {
    /// Prove control of the number by OTP first (skip when it is already bound).
    pub verify_phone: bool,
    /// Channel of the code.
    pub channel: OtpChannel,
    /// The profile to stage.
    pub profile: ListingProfile,
    /// A logo (PNG, JPEG or WebP, 512 KB at most), for business listings.
    pub logo: Option<Vec<u8>>,
    /// Polling after checkout.
    pub poll: Poll,
}

impl OnboardingPlan {
    /// A plan that verifies the number by voice OTP, stages `profile`, has no logo and polls
    /// with the defaults.
    pub fn new(profile: ListingProfile) -> OnboardingPlan {
        OnboardingPlan {
            verify_phone: true,
            channel: OtpChannel::Voice,
            profile,
            logo: None,
            poll: Poll::default(),
        }
    }
}

/// The onboarding steps of one number, from [`Nol::onboarding`].
pub struct Onboarding<'a> {
    client: &'a Client,
    e164: String,
}

impl<'a> Onboarding<'a> {
    pub(crate) fn new(client: &'a Client, e164: &str) -> Result<Onboarding<'a>> {
        let e164 = crate::types::e164::normalize_plus(e164)
            .map_err(|rule| Error::validation("nol.getAccountListing", "e164", &rule))?;
        Ok(Onboarding { client, e164 })
    }

    fn nol(&self) -> Nol<'a> {
        self.client.nol()
    }

    /// The number, in E.164.
    pub fn e164(&self) -> &str {
        &self.e164
    }

    /// Step 1: send the one-time code to the number.
    pub fn start_otp(&self, channel: OtpChannel) -> Result<OtpStarted> {
        self.nol()
            .start_phone_verification(&self.e164, Some(channel.as_str()))
    }

    /// Step 2: bind the number with the code it received.
    pub fn confirm_otp(&self, code: &str) -> Result<PhoneBound> {
        self.nol().confirm_phone(&self.e164, code)
    }

    /// Step 3: stage (merge) the profile.
    pub fn stage_profile(&self, profile: &ListingProfile) -> Result<ProfileStaged> {
        self.nol().stage_listing(&self.e164, profile)
    }

    /// Step 3b: attach a logo (checked before sending).
    pub fn upload_logo(&self, image: &[u8]) -> Result<Uploaded> {
        self.nol().upload_logo(&self.e164, image)
    }

    /// Step 4: the payment link; open `url` in a new tab. The listing publishes server-side
    /// once paid.
    pub fn checkout(&self) -> Result<Checkout> {
        self.nol().verify_checkout(&self.e164)
    }

    /// Read the state once.
    pub fn status(&self) -> Result<ListingStatus> {
        self.nol().listing(&self.e164)
    }

    /// Step 5: poll until `state == "verified"` or `poll.timeout` passes (then a
    /// [`Timeout`](ErrorKind::Timeout) error naming the last state). Rate limits, server errors
    /// and connection failures while polling are waited out; other errors end the wait.
    pub fn wait_verified(&self, poll: &Poll) -> Result<Verified> {
        let started = Instant::now();
        let deadline = started + poll.timeout;
        let mut wait = poll.initial.max(Duration::from_millis(1));
        let mut polls = 0;
        loop {
            polls += 1;
            let mut pause = wait;
            let last_state = match self.status() {
                Ok(status) if status.state == ListingState::Verified => {
                    return Ok(Verified {
                        e164: self.e164.clone(),
                        trust_grade: status.trust_grade.clone(),
                        risk: status.risk.clone(),
                        listing: status.listing.clone(),
                        polls,
                        status,
                    })
                }
                Ok(status) => status.state.as_str().to_string(),
                Err(e) if transient(&e) => {
                    if let Some(after) = e.retry_after() {
                        pause = pause.max(after);
                    }
                    format!("unknown ({})", e.kind())
                }
                Err(e) => return Err(e),
            };
            if Instant::now() + pause > deadline {
                return Err(Error::new(
                    ErrorKind::Timeout,
                    format!(
                        "{} was not verified within {} s ({polls} reads; last state: {last_state}); the customer may not have paid yet: poll again later",
                        self.e164,
                        poll.timeout.as_secs()
                    ),
                )
                .with_operation("nol.getAccountListing")
                .with_retryable(true));
            }
            std::thread::sleep(pause);
            let grown = wait.mul_f64(1.5).min(poll.max.max(poll.initial));
            let jitter = crate::random::below(grown.as_millis() as u64 / 10 + 1);
            wait = grown + Duration::from_millis(jitter);
        }
    }

    /// All the steps: OTP (when `plan.verify_phone`; `otp_code` is asked for the code the
    /// number received), profile, logo, checkout (`open_checkout` is given the link unless the
    /// provider verified at once), then [`wait_verified`](Self::wait_verified).
    pub fn run(
        &self,
        plan: &OnboardingPlan,
        otp_code: impl FnOnce(&OtpStarted) -> Result<String>,
        open_checkout: impl FnOnce(&Checkout) -> Result<()>,
    ) -> Result<Verified> {
        // Refuse what numbers.online would refuse before anything is sent: a bad logo, a logo or
        // business-only fields on a personal listing.
        if let Some(logo) = &plan.logo {
            super::upload::check_logo(logo, None)?;
            if plan.profile.kind == Some(ListingKind::Personal) {
                return Err(Error::validation(
                    "nol.uploadListingLogo",
                    "logo",
                    super::listing_rules::PERSONAL_RULE,
                ));
            }
        }
        if let Ok(serde_json::Value::Object(body)) = serde_json::to_value(&plan.profile) {
            super::listing_rules::check_listing_fields(&body)
                .map_err(|f| Error::invalid_fields("nol.putAccountListing", f))?;
        }
        if plan.verify_phone {
            let sent = self.start_otp(plan.channel)?;
            let code = otp_code(&sent)?;
            self.confirm_otp(&code)?;
        }
        self.stage_profile(&plan.profile)?;
        if let Some(logo) = &plan.logo {
            self.upload_logo(logo)?;
        }
        let checkout = self.checkout()?;
        if checkout.state != Some(ListingState::Verified) && checkout.url.is_some() {
            open_checkout(&checkout)?;
        }
        self.wait_verified(&plan.poll)
    }
}

/// Errors worth waiting out while polling.
fn transient(e: &Error) -> bool {
    matches!(
        e.kind(),
        ErrorKind::RateLimited | ErrorKind::Server | ErrorKind::Transport | ErrorKind::Timeout
    )
}
