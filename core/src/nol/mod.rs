//! numbers.online API-first onboarding: the 29 account operations of the OpenAPI file under
//! `/api/v1/account` as catalog entries `nol.<operationId>`, typed models and methods, the
//! upload checks, and the onboarding helper ([`Onboarding`]).
//!
//! - **Auth**: the `nol_...` key as `Authorization: Bearer` (default) or `X-API-Key`
//!   (`nol.auth` in the config). `nol.accountSignup` is keyless; the key it returns is shown
//!   only once, so its result carries `api_key_notice` (and [`Signup::api_key`] is a
//!   [`Secret`](crate::Secret)); act with it through [`Client::with_nol_key`](crate::Client::with_nol_key).
//! - **Errors**: the flat `{error, code, retry_after_seconds?}` body is mapped by `code`
//!   ([`ERROR_CODES`]): the prose is the upstream message, a 429's wait the retry-after, and the
//!   402 top-up hints (`balance_micros`, `topup_url`, `topup_min_cents`) the error's
//!   [`details`](crate::Error::details).
//! - **Uploads**: a logo is PNG, JPEG or WebP by its signature, 512 KB at most, never SVG
//!   ([`check_logo`]); documents add PDF and allow 5 MB ([`check_document`]).
//!
//! ```no_run
//! use phonecom::{Client, Config};
//! let client = Client::new(Config::from_env()?)?;
//! let signup = client.nol().signup(Some("Acme Telephony"), None)?;
//! // Shown once: store signup.api_key now.
//! let acme = client.with_nol_key(signup.api_key.clone())?;
//! println!("balance {:?}", acme.nol().account()?.account.balance());
//! # Ok::<(), phonecom::Error>(())
//! ```

mod api;
mod errors;
mod listing_rules;
pub mod models;
mod onboarding;
mod upload;
pub(crate) mod wire;

pub use api::Nol;
pub use errors::{kind_of_code, ERROR_CODES};
pub use listing_rules::{check_listing_fields, BUSINESS_ONLY_FIELDS};
pub use models::*;
pub use onboarding::{Onboarding, OnboardingPlan, OtpChannel, Poll, Verified};
pub use upload::{
    check_document, check_logo, sniff, UploadType, DOCUMENT_MAX_BYTES, LOGO_MAX_BYTES,
};
pub use wire::{is_keyless, KEY_NOTICE};

use crate::catalog::{parse_embedded, parse_embedded_schemas, Operation};

/// The nol catalog, generated from the OpenAPI file by `tools/gen_nol_catalog.py`.
const CATALOG_JSON: &str = include_str!("../../catalog/nol.json");

pub(crate) fn operations() -> Vec<Operation> {
    parse_embedded(CATALOG_JSON)
}

/// The schemas of the OpenAPI file's `components`, by `tools/gen_schemas.py`.
const SCHEMAS_JSON: &str = include_str!("../../catalog/nol.schemas.json");

pub(crate) fn schemas() -> Vec<(String, serde_json::Value)> {
    parse_embedded_schemas(SCHEMAS_JSON)
}
