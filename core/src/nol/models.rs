//! Typed numbers.online entities. Keys and signing secrets are [`Secret`]s (never printed);
//! fields the library does not name are kept in `extra`, so nothing the API returns is lost.

use crate::secret::Secret;
use crate::types::Money;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

fn secret<'de, D: Deserializer<'de>>(d: D) -> Result<Secret, D::Error> {
    String::deserialize(d).map(Secret::new)
}

fn opt_secret<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Secret>, D::Error> {
    Option::<String>::deserialize(d).map(|o| o.map(Secret::new))
}

/// A self-service API account. Balances are in micro-dollars.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Account {
    /// Account UUID (with the key, the account's identity).
    pub id: String,
    /// Renewal-reminder email.
    #[serde(default)]
    pub email: Option<String>,
    /// Account/team label.
    #[serde(default)]
    pub name: Option<String>,
    /// Prepaid credit, micro-dollars.
    #[serde(default)]
    pub balance_micros: Option<i64>,
    /// The same as a 2-decimal USD string.
    #[serde(default)]
    pub balance_usd: Option<String>,
    /// `active` or `suspended`.
    #[serde(default)]
    pub status: Option<String>,
    /// Creation time.
    #[serde(default)]
    pub created_at: Option<String>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Account {
    /// The prepaid balance, exactly.
    pub fn balance(&self) -> Option<Money> {
        self.balance_micros.map(Money::from_micros)
    }
}

/// Usage over the trailing window.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Usage {
    /// Billed units.
    #[serde(default)]
    pub requests: Option<i64>,
    /// Billed amount, micro-dollars.
    #[serde(default)]
    pub billed_micros: Option<i64>,
    /// The same as a USD string.
    #[serde(default)]
    pub billed_usd: Option<String>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A key as listed: display fields only, never the raw key (`ApiKeyView`).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct KeyView {
    /// Key id (UUID).
    #[serde(default)]
    pub id: Option<String>,
    /// Non-secret display prefix, e.g. `nol_8f3c2a1b`.
    #[serde(default)]
    pub key_prefix: Option<String>,
    /// Name.
    #[serde(default)]
    pub name: Option<String>,
    /// Non-null for tenant sub-keys.
    #[serde(default)]
    pub tenant_id: Option<String>,
    /// `free`, `standard` or `enterprise`.
    #[serde(default)]
    pub tier: Option<String>,
    /// Use cases the key may call.
    #[serde(default)]
    pub allowed_use_cases: Vec<String>,
    /// Requests per 60-second window.
    #[serde(default)]
    pub rate_limit: Option<i64>,
    /// Lifetime requests.
    #[serde(default)]
    pub requests_total: Option<i64>,
    /// Last use.
    #[serde(default)]
    pub last_used_at: Option<String>,
    /// Revoked.
    #[serde(default)]
    pub disabled: Option<bool>,
    /// Whether signed requests are required.
    #[serde(default)]
    pub require_signed_requests: Option<bool>,
    /// Set while a rotation grace window is open.
    #[serde(default)]
    pub rotation_grace_expires_at: Option<String>,
    /// Creation time.
    #[serde(default)]
    pub created_at: Option<String>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `nol.getAccount`: balance, usage, keys and tenants.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct AccountOverview {
    /// Shape version.
    #[serde(default)]
    pub schema_version: Option<String>,
    /// The account.
    pub account: Account,
    /// Trailing-30-day usage.
    #[serde(default)]
    pub usage_30d: Option<Usage>,
    /// Its keys (display fields only).
    #[serde(default)]
    pub keys: Vec<KeyView>,
    /// Its tenants.
    #[serde(default)]
    pub tenants: Vec<Tenant>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `nol.updateAccount`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct AccountUpdated {
    /// Success flag.
    #[serde(default)]
    pub ok: Option<bool>,
    /// The updated account.
    pub account: Account,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The limits of a new key.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct KeyLimits {
    /// Per-key requests per minute.
    #[serde(default)]
    pub per_key_per_min: Option<i64>,
    /// Pooled lookups per minute.
    #[serde(default)]
    pub pooled_lookups_per_min: Option<i64>,
    /// Pooled lookups per day.
    #[serde(default)]
    pub pooled_lookups_per_day: Option<i64>,
    /// Pooled reports per day.
    #[serde(default)]
    pub pooled_reports_per_day: Option<i64>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The machine-readable key descriptor of a signup.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct KeyDescriptor {
    /// Tier.
    #[serde(default)]
    pub tier: Option<String>,
    /// Use cases.
    #[serde(default)]
    pub use_cases: Vec<String>,
    /// Limits (the unverified floor).
    #[serde(default)]
    pub limits: Option<KeyLimits>,
    /// What the limits mean.
    #[serde(default)]
    pub limits_note: Option<String>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `nol.accountSignup`. **`api_key` is shown only in this response**: numbers.online keeps a
/// hash and cannot show or recover it. Store it before doing anything else.
#[derive(Clone, Debug, Deserialize)]
pub struct Signup {
    /// Shape version.
    #[serde(default)]
    pub schema_version: Option<String>,
    /// The new account.
    pub account: Account,
    /// The raw key, shown once (never printed by Debug).
    #[serde(deserialize_with = "secret")]
    pub api_key: Secret,
    /// Non-secret display prefix.
    #[serde(default)]
    pub key_prefix: Option<String>,
    /// Tier, use cases and limits.
    #[serde(default)]
    pub key: Option<KeyDescriptor>,
    /// Key-handling guidance.
    #[serde(default)]
    pub note: Option<String>,
    /// Documentation.
    #[serde(default)]
    pub docs_url: Option<String>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `nol.createAccountKey`: a new key, shown only here.
#[derive(Clone, Debug, Deserialize)]
pub struct NewKey {
    /// The raw key, shown once.
    #[serde(deserialize_with = "secret")]
    pub api_key: Secret,
    /// Its display view.
    pub key: KeyView,
    /// Guidance.
    #[serde(default)]
    pub note: Option<String>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `nol.rotateAccountKey`: the new key material, shown only here.
#[derive(Clone, Debug, Deserialize)]
pub struct RotatedKey {
    /// Success flag.
    #[serde(default)]
    pub ok: Option<bool>,
    /// The new raw key, shown once.
    #[serde(deserialize_with = "secret")]
    pub api_key: Secret,
    /// The key record (same id as before).
    pub key: KeyView,
    /// When the previous key stops working; `None` when the grace was 0.
    #[serde(default)]
    pub old_key_expires_at: Option<String>,
    /// Guidance.
    #[serde(default)]
    pub note: Option<String>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A number bound to the account (`AccountPhone`).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Phone {
    /// The number.
    pub e164: String,
    /// When the OTP bind verified it.
    #[serde(default)]
    pub verified_at: Option<String>,
    /// Enrolled for call provenance.
    #[serde(default)]
    pub precall_enrolled: Option<bool>,
    /// When it was enrolled.
    #[serde(default)]
    pub precall_enrolled_at: Option<String>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `nol.accountPhonePatch`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct PhonePatched {
    /// The number's new state.
    pub phone: Phone,
    /// The enrollment attestation (when enrolling).
    #[serde(default)]
    pub attestation: Option<String>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `nol.accountVerifyPhoneStart`: the code is on its way.
#[derive(Clone, Debug, Deserialize)]
pub struct OtpStarted {
    /// Success flag.
    #[serde(default)]
    pub ok: Option<bool>,
    /// The code, echoed only by the dev OTP provider (never in production).
    #[serde(default, deserialize_with = "opt_secret")]
    pub dev_code: Option<Secret>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `nol.accountVerifyPhoneConfirm`: the number is bound to the account.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct PhoneBound {
    /// Success flag.
    #[serde(default)]
    pub ok: Option<bool>,
    /// The bound number.
    #[serde(default)]
    pub verified_phone: Option<String>,
    /// The account.
    #[serde(default)]
    pub account_id: Option<String>,
    /// True when it was already bound (an idempotent re-confirm).
    #[serde(default)]
    pub already_bound: Option<bool>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Where a number is in onboarding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListingState {
    /// Bound, nothing staged.
    Unverified,
    /// A profile is staged, not paid.
    Draft,
    /// A checkout is open (returned by `verifyCheckout`).
    Pending,
    /// Paid and published.
    Verified,
    /// A state this library does not know yet.
    Other(String),
}

impl ListingState {
    /// The wire name.
    pub fn as_str(&self) -> &str {
        match self {
            ListingState::Unverified => "unverified",
            ListingState::Draft => "draft",
            ListingState::Pending => "pending",
            ListingState::Verified => "verified",
            ListingState::Other(s) => s,
        }
    }
}

impl<'de> Deserialize<'de> for ListingState {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ListingState, D::Error> {
        Ok(match String::deserialize(d)?.as_str() {
            "unverified" => ListingState::Unverified,
            "draft" => ListingState::Draft,
            "pending" => ListingState::Pending,
            "verified" => ListingState::Verified,
            other => ListingState::Other(other.to_string()),
        })
    }
}

impl Serialize for ListingState {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// The LIVE community risk of a number: it moves as the number is reported. Not the same thing
/// as the trust grade.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Risk {
    /// 0-100, higher is riskier (a supplementary signal).
    #[serde(default)]
    pub score: Option<i64>,
    /// Reports in all.
    #[serde(default)]
    pub report_count: Option<i64>,
    /// Reports in the last 30 days.
    #[serde(default)]
    pub reports_last_30d: Option<i64>,
    /// Last report.
    #[serde(default)]
    pub last_reported_at: Option<String>,
    /// Reviews in all.
    #[serde(default)]
    pub review_total: Option<i64>,
    /// Positive reviews.
    #[serde(default)]
    pub review_positive: Option<i64>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A published listing's public face.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct ListingInfo {
    /// Public handle (`/business/{handle}`).
    #[serde(default)]
    pub handle: Option<String>,
    /// Display name.
    #[serde(default)]
    pub name: Option<String>,
    /// Website.
    #[serde(default)]
    pub website: Option<String>,
    /// Logo URL.
    #[serde(default)]
    pub logo_url: Option<String>,
    /// Verified since.
    #[serde(default)]
    pub verified_since: Option<String>,
    /// Next renewal (business).
    #[serde(default)]
    pub next_billing: Option<String>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `nol.getAccountListing`: onboarding state, the static trust grade, the live risk, the
/// published listing and any staged draft.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct ListingStatus {
    /// The number.
    pub e164: String,
    /// Its state.
    pub state: ListingState,
    /// The STATIC verification badge (`A`, `A-`), set at verification.
    #[serde(default)]
    pub trust_grade: Option<String>,
    /// The LIVE community risk.
    #[serde(default)]
    pub risk: Option<Risk>,
    /// The published listing (once verified).
    #[serde(default)]
    pub listing: Option<ListingInfo>,
    /// The staged, unpaid profile.
    #[serde(default)]
    pub draft: Option<Map<String, Value>>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Business ($29/yr, public profile) or personal ($9, "verified & online").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ListingKind {
    /// Business verification.
    Business,
    /// Personal verification.
    Personal,
}

/// A tax id (EIN): sent as written, shown as `TaxId(***)` in Debug output.
///
/// ```
/// let ein: phonecom::nol::TaxId = "12-3456789".into();
/// assert_eq!(format!("{ein:?}"), "TaxId(***)");
/// assert_eq!(serde_json::to_value(&ein).unwrap(), "12-3456789");
/// ```
#[derive(Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct TaxId(pub String);

impl From<&str> for TaxId {
    fn from(s: &str) -> TaxId {
        TaxId(s.to_string())
    }
}

impl From<String> for TaxId {
    fn from(s: String) -> TaxId {
        TaxId(s)
    }
}

impl std::fmt::Debug for TaxId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TaxId(***)")
    }
}

/// The profile staged with `nol.putAccountListing`: a partial merge, so only the fields set
/// here are sent.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ListingProfile {
    /// Business or personal (default business for a new draft).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<ListingKind>,
    /// Display name (business).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dba: Option<String>,
    /// Legal name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub legal_name: Option<String>,
    /// Tax id: stored privately, never published (and `***` in Debug output).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ein: Option<TaxId>,
    /// Jurisdiction.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub jurisdiction: Option<String>,
    /// Formation date, e.g. `2019-04-01`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub formation_date: Option<String>,
    /// Industry.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub industry: Option<String>,
    /// Address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Website.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// Bio.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bio: Option<String>,
    /// Display name (personal).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Role.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Marketing opt-in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marketing_opt_in: Option<bool>,
}

/// `nol.putAccountListing`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct ProfileStaged {
    /// Success flag.
    #[serde(default)]
    pub ok: Option<bool>,
    /// `draft`, or `verified` when a live listing was edited.
    #[serde(default)]
    pub state: Option<ListingState>,
    /// The verification's id.
    #[serde(default)]
    pub verification_id: Option<String>,
    /// The kind.
    #[serde(default)]
    pub kind: Option<ListingKind>,
    /// The merged profile.
    #[serde(default)]
    pub profile: Option<Map<String, Value>>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `nol.uploadListingLogo` / `nol.uploadListingDocument`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Uploaded {
    /// Success flag.
    #[serde(default)]
    pub ok: Option<bool>,
    /// Stored media id.
    #[serde(default)]
    pub media_id: Option<String>,
    /// The logo's public URL (logos).
    #[serde(default)]
    pub logo_url: Option<String>,
    /// The document's reference (documents).
    #[serde(default)]
    pub document_url: Option<String>,
    /// Stored size.
    #[serde(default)]
    pub byte_size: Option<u64>,
    /// Stored type.
    #[serde(default)]
    pub content_type: Option<String>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `nol.verifyCheckout`: the payment link to open in a new tab.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Checkout {
    /// Success flag.
    #[serde(default)]
    pub ok: Option<bool>,
    /// Payment provider, e.g. `stripe`.
    #[serde(default)]
    pub provider: Option<String>,
    /// The hosted checkout URL (`None` when verified instantly by the dev provider).
    #[serde(default)]
    pub url: Option<String>,
    /// `pending`, or `verified` (dev provider).
    #[serde(default)]
    pub state: Option<ListingState>,
    /// The verification's id.
    #[serde(default)]
    pub verification_id: Option<String>,
    /// The public handle, when already verified.
    #[serde(default)]
    pub handle: Option<String>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One community report.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Report {
    /// When.
    #[serde(default)]
    pub created_at: Option<String>,
    /// Tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Rating.
    #[serde(default)]
    pub rating: Option<Value>,
    /// Text.
    #[serde(default)]
    pub body: Option<String>,
    /// Reporter (`None` when anonymous: redacted).
    #[serde(default)]
    pub reporter: Option<Value>,
    /// `crowd` or `accountable`.
    #[serde(default)]
    pub lane: Option<String>,
    /// Provenance.
    #[serde(default)]
    pub provenance: Option<Value>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `nol.getAccountListingReports`: the detail behind the risk score, newest first.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Reports {
    /// The number.
    #[serde(default)]
    pub e164: Option<String>,
    /// Summary.
    #[serde(default)]
    pub summary: Option<Map<String, Value>>,
    /// Reports.
    #[serde(default)]
    pub reports: Vec<Report>,
    /// Reviews.
    #[serde(default)]
    pub reviews: Vec<Value>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `nol.accountTopup`: a checkout session for prepaid credit.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct TopupSession {
    /// Checkout URL to send the buyer to.
    #[serde(default)]
    pub url: Option<String>,
    /// Checkout session id.
    #[serde(default)]
    pub session_id: Option<String>,
    /// Whether free keys switch to the standard tier on payment.
    #[serde(default)]
    pub promote_keys: Option<bool>,
    /// Note.
    #[serde(default)]
    pub note: Option<String>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A tenant's trailing-30-day usage.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct TenantUsage {
    /// Billed units.
    #[serde(default)]
    pub requests: Option<i64>,
    /// Billed amount, micro-dollars.
    #[serde(default)]
    pub billed_micros: Option<i64>,
    /// Fresh CNAM dips.
    #[serde(default)]
    pub fresh_cnam_dips: Option<i64>,
    /// Lookups served without a fresh dip.
    #[serde(default)]
    pub cached_or_enriched: Option<i64>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A tenant (a downstream customer or site); in lists also its key count and usage.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Tenant {
    /// Tenant id (UUID).
    pub id: String,
    /// Name.
    #[serde(default)]
    pub name: Option<String>,
    /// `active` or `disabled`.
    #[serde(default)]
    pub status: Option<String>,
    /// Creation time.
    #[serde(default)]
    pub created_at: Option<String>,
    /// Number of sub-keys (lists).
    #[serde(default)]
    pub keys: Option<i64>,
    /// Usage (lists).
    #[serde(default)]
    pub usage_30d: Option<TenantUsage>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A tenant sub-key (display fields only).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct TenantKey {
    /// Key id.
    #[serde(default)]
    pub id: Option<String>,
    /// Display prefix.
    #[serde(default)]
    pub key_prefix: Option<String>,
    /// Name.
    #[serde(default)]
    pub name: Option<String>,
    /// Tier.
    #[serde(default)]
    pub tier: Option<String>,
    /// Requests per minute.
    #[serde(default)]
    pub rate_limit: Option<i64>,
    /// Lifetime requests.
    #[serde(default)]
    pub requests_total: Option<i64>,
    /// Revoked.
    #[serde(default)]
    pub disabled: Option<bool>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A suppression entry: its label and time only (the number is stored as a hash).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Suppression {
    /// Your label.
    #[serde(default)]
    pub label: Option<String>,
    /// When.
    #[serde(default)]
    pub created_at: Option<String>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A tenant's suppression list.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Suppressions {
    /// The tenant.
    #[serde(default)]
    pub tenant_id: Option<String>,
    /// Entries in all.
    #[serde(default)]
    pub count: Option<i64>,
    /// Labels and times.
    #[serde(default)]
    pub entries: Vec<Suppression>,
    /// Note.
    #[serde(default)]
    pub note: Option<String>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `nol.getTenant`: one tenant with usage, sub-keys and suppressions.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct TenantDetail {
    /// The tenant.
    pub tenant: Tenant,
    /// Usage.
    #[serde(default)]
    pub usage_30d: Option<TenantUsage>,
    /// Its sub-keys.
    #[serde(default)]
    pub keys: Vec<TenantKey>,
    /// Its suppressions.
    #[serde(default)]
    pub suppressions: Option<Suppressions>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `nol.createTenant` / `nol.setTenantStatus`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct TenantChanged {
    /// The tenant.
    pub tenant: Tenant,
    /// Suggested next call (create).
    #[serde(default)]
    pub next: Option<String>,
    /// What a status change did to the sub-keys.
    #[serde(default)]
    pub note: Option<String>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A tenant status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TenantStatus {
    /// Enabled.
    Active,
    /// Disabled (its sub-keys fail authentication).
    Disabled,
}

/// `nol.issueTenantKey`: a tenant sub-key, shown only here.
#[derive(Clone, Debug, Deserialize)]
pub struct TenantKeyIssued {
    /// The tenant.
    #[serde(default)]
    pub tenant_id: Option<String>,
    /// The raw sub-key, shown once.
    #[serde(deserialize_with = "secret")]
    pub api_key: Secret,
    /// Display prefix.
    #[serde(default)]
    pub key_prefix: Option<String>,
    /// Name.
    #[serde(default)]
    pub name: Option<String>,
    /// Tier.
    #[serde(default)]
    pub tier: Option<String>,
    /// Requests per minute.
    #[serde(default)]
    pub rate_limit: Option<i64>,
    /// Use cases (lookups only).
    #[serde(default)]
    pub allowed_use_cases: Vec<String>,
    /// Guidance.
    #[serde(default)]
    pub note: Option<String>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `nol.addTenantSuppression` / `nol.removeTenantSuppression`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct SuppressionChanged {
    /// The tenant.
    #[serde(default)]
    pub tenant_id: Option<String>,
    /// Whether the number is now suppressed.
    #[serde(default)]
    pub suppressed: Option<bool>,
    /// The label.
    #[serde(default)]
    pub label: Option<String>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `nol.getSigning` / `nol.setSigning` (`SigningInfo`).
#[derive(Clone, Debug, Deserialize)]
pub struct Signing {
    /// Whether signed requests are required.
    #[serde(default)]
    pub signing_required: Option<bool>,
    /// `hmac-sha256`.
    #[serde(default)]
    pub scheme: Option<String>,
    /// Allowed clock skew.
    #[serde(default)]
    pub max_skew_seconds: Option<i64>,
    /// The canonical string.
    #[serde(default)]
    pub canonical: Option<String>,
    /// Headers to send.
    #[serde(default)]
    pub headers: Vec<String>,
    /// Documentation.
    #[serde(default)]
    pub docs_url: Option<String>,
    /// The HMAC secret (never printed).
    #[serde(default, deserialize_with = "opt_secret")]
    pub signing_secret: Option<Secret>,
    /// Everything else.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_documents_listing_example() {
        let s: ListingStatus = serde_json::from_value(json!({
            "e164": "+14155550142",
            "state": "verified",
            "trust_grade": "A",
            "risk": {"score": 12, "report_count": 0, "reports_last_30d": 0, "review_total": 4, "review_positive": 4},
            "listing": {"handle": "acme-plumbing-9f3a", "name": "Acme Plumbing", "website": "https://acme.example",
                        "logo_url": "/api/media/x", "verified_since": "2026-06-08T00:00:00Z", "next_billing": "2027-06-08T00:00:00Z"},
            "draft": null
        }))
        .unwrap();
        assert_eq!(s.state, ListingState::Verified);
        assert_eq!(s.trust_grade.as_deref(), Some("A"));
        assert_eq!(s.risk.unwrap().score, Some(12));
        assert_eq!(
            s.listing.unwrap().handle.as_deref(),
            Some("acme-plumbing-9f3a")
        );
        assert!(s.draft.is_none());
    }

    #[test]
    fn keys_are_secrets() {
        let s: Signup = serde_json::from_value(json!({
            "schema_version": "2026-06-17",
            "account": {"id": "0b6f3c1e-0000-4000-8000-000000000001", "email": null, "balance_micros": 0},
            "api_key": "nol_8f3c2a1b9d4e6f7a8b9c0d1e2f3a4b5c6d7e8f9a",
            "key_prefix": "nol_8f3c2a1b",
            "key": {"tier": "free", "use_cases": ["lookup"], "limits": {"per_key_per_min": 60, "pooled_lookups_per_min": 10}},
            "docs_url": "https://numbers.online/docs"
        }))
        .unwrap();
        assert_eq!(
            s.api_key.expose(),
            "nol_8f3c2a1b9d4e6f7a8b9c0d1e2f3a4b5c6d7e8f9a"
        );
        assert!(!format!("{s:?}").contains("9d4e6f7a"));
        assert_eq!(s.account.balance().unwrap().cents(), Some(0));
        assert_eq!(
            s.key.unwrap().limits.unwrap().pooled_lookups_per_min,
            Some(10)
        );
    }

    #[test]
    fn unknown_states_are_kept() {
        let s: ListingState = serde_json::from_value(json!("under_review")).unwrap();
        assert_eq!(s, ListingState::Other("under_review".into()));
        assert_eq!(serde_json::to_value(&s).unwrap(), "under_review");
    }

    #[test]
    fn profile_sends_only_what_is_set() {
        let p = ListingProfile {
            kind: Some(ListingKind::Business),
            dba: Some("Acme Plumbing".into()),
            ..ListingProfile::default()
        };
        assert_eq!(
            serde_json::to_value(&p).unwrap(),
            json!({"kind": "business", "dba": "Acme Plumbing"})
        );
    }
}
