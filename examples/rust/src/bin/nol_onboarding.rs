//! numbers.online API-first onboarding of one business number, from a partner's own admin:
//!
//! 1. sign up an account for the customer (its key is shown once: store it),
//! 2. send a one-time code to the number, 3. confirm it (the number is now bound),
//! 4. stage the business profile, 5. upload the logo,
//! 6. mint the verification checkout link (the customer pays on the hosted page),
//! 7. poll until the listing is verified, then show the trust grade and the live risk apart.
//!
//! Run it: `cargo run -p phonecom-examples --bin nol-onboarding`. It starts a sandbox on
//! loopback, whose OTP provider returns the code in the answer (`dev_code`) and whose payment
//! provider settles a checkout at the first status read; set `PHONECOM_CONFIG` to a config JSON
//! file to run against other hosts (then the code is read from standard input).

use phonecom::nol::{ListingKind, ListingProfile, OtpChannel, Poll};
use std::time::Duration;

const NUMBER: &str = "+14155550142";

fn main() {
    phonecom_examples::main_with(run);
}

fn run() -> Result<(), phonecom::Error> {
    let (_sandbox, client) = phonecom_examples::connect()?;

    let signup = client
        .nol()
        .signup(Some("Acme Plumbing (portal customer 12345)"), None)?;
    println!(
        "step 1: signed up account {} with key {}… (shown once: stored in the portal's vault)",
        signup.account.id,
        signup.key_prefix.as_deref().unwrap_or("nol_")
    );
    let acme = client.with_nol_key(signup.api_key.clone())?;
    let onboarding = acme.nol().onboarding(NUMBER)?;

    let sent = onboarding.start_otp(OtpChannel::Sms)?;
    println!(
        "step 2: sent a one-time code to {} by SMS",
        onboarding.e164()
    );
    let code = match &sent.dev_code {
        Some(dev) => dev.expose().to_string(),
        None => ask("code the number received: ")?,
    };
    let bound = onboarding.confirm_otp(&code)?;
    println!(
        "step 3: {} is bound to the account{}",
        bound.verified_phone.as_deref().unwrap_or(NUMBER),
        if bound.already_bound == Some(true) {
            " (it already was)"
        } else {
            ""
        }
    );

    let staged = onboarding.stage_profile(&ListingProfile {
        kind: Some(ListingKind::Business),
        dba: Some("Acme Plumbing".into()),
        legal_name: Some("Acme Plumbing LLC".into()),
        ein: Some("12-3456789".into()),
        formation_date: Some("2019-04-01".into()),
        industry: Some("Home services".into()),
        address: Some("1 Main St, Austin TX".into()),
        website: Some("https://acme.example".into()),
        bio: Some("Licensed plumbers, same-day service.".into()),
        ..ListingProfile::default()
    })?;
    println!(
        "step 4: staged the business profile \"Acme Plumbing\" (state {})",
        staged.state.as_ref().map_or("-", |s| s.as_str())
    );

    let logo = onboarding.upload_logo(LOGO_PNG)?;
    println!(
        "step 5: uploaded the logo ({} bytes, {}) at {}",
        logo.byte_size.unwrap_or(0),
        logo.content_type.as_deref().unwrap_or("-"),
        logo.logo_url.as_deref().unwrap_or("-")
    );

    let checkout = onboarding.checkout()?;
    println!(
        "step 6: checkout for ${}: open {} in a new tab for the customer to pay",
        checkout
            .extra
            .get("amount_usd")
            .and_then(|v| v.as_str())
            .unwrap_or("29.00"),
        checkout.url.as_deref().unwrap_or("-")
    );

    let done = onboarding.wait_verified(&Poll {
        initial: Duration::from_millis(200),
        max: Duration::from_secs(5),
        timeout: Duration::from_secs(30 * 60),
    })?;
    let listing = done.listing.clone();
    println!(
        "step 7: verified after {} status read(s): trust grade {} (static badge), live risk {} of 100 ({} reports)",
        done.polls,
        done.trust_grade.as_deref().unwrap_or("-"),
        done.risk.as_ref().and_then(|r| r.score).map_or("-".into(), |s| s.to_string()),
        done.risk.as_ref().and_then(|r| r.report_count).unwrap_or(0)
    );
    if let Some(l) = listing {
        println!(
            "        public listing \"{}\" (handle {}), renews {}",
            l.name.as_deref().unwrap_or("-"),
            l.handle.as_deref().unwrap_or("-"),
            l.next_billing.as_deref().unwrap_or("-")
        );
    }
    println!("done");
    Ok(())
}

/// Ask on standard input.
fn ask(prompt: &str) -> Result<String, phonecom::Error> {
    use std::io::Write;
    print!("{prompt}");
    std::io::stdout().flush().ok();
    let mut line = String::new();
    std::io::stdin().read_line(&mut line).map_err(|e| {
        phonecom::Error::new(phonecom::ErrorKind::Validation, format!("stdin: {e}"))
    })?;
    Ok(line.trim().to_string())
}

/// The logo: a 1x1 PNG.
const LOGO_PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
    0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
    0x42, 0x60, 0x82,
];
