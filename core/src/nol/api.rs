//! Typed numbers.online methods over the generic call: each one names its catalog operation.

use super::models::*;
use super::onboarding::Onboarding;
use crate::client::Client;
use crate::error::Result;
use crate::typed::params_of;
use serde_json::{json, Map, Value};

/// Typed access to numbers.online, from [`Client::nol`].
pub struct Nol<'a> {
    pub(crate) client: &'a Client,
}

impl Client {
    /// Typed numbers.online methods.
    pub fn nol(&self) -> Nol<'_> {
        Nol { client: self }
    }
}

/// Insert `v` under `k` when present.
fn put(m: &mut Map<String, Value>, k: &str, v: Option<impl Into<Value>>) {
    if let Some(v) = v {
        m.insert(k.into(), v.into());
    }
}

fn file(data: &[u8]) -> Value {
    json!({"content_base64": crate::encode::base64_encode(data)})
}

impl<'a> Nol<'a> {
    fn one(k: &str, v: impl Into<Value>) -> Map<String, Value> {
        let mut m = Map::new();
        m.insert(k.into(), v.into());
        m
    }

    /// The onboarding steps for one number (see [`Onboarding`]).
    pub fn onboarding(&self, e164: &str) -> Result<Onboarding<'a>> {
        Onboarding::new(self.client, e164)
    }

    /// `nol.accountSignup` (keyless): a new account and its key. The key is shown only in this
    /// result; use [`Client::with_nol_key`] to act with it.
    pub fn signup(&self, name: Option<&str>, email: Option<&str>) -> Result<Signup> {
        let mut p = Map::new();
        put(&mut p, "name", name);
        put(&mut p, "email", email);
        self.client.call_typed("nol.accountSignup", p)
    }

    /// `nol.getAccount`: balance, usage, keys and tenants.
    pub fn account(&self) -> Result<AccountOverview> {
        self.client.call_typed("nol.getAccount", Map::new())
    }

    /// `nol.updateAccount`: name and/or reminder email (`Some("")` clears the email).
    pub fn update_account(
        &self,
        name: Option<&str>,
        email: Option<&str>,
    ) -> Result<AccountUpdated> {
        let mut p = Map::new();
        put(&mut p, "name", name);
        put(&mut p, "email", email);
        self.client.call_typed("nol.updateAccount", p)
    }

    /// `nol.getAccountListing`: state, trust grade, live risk, listing and draft.
    pub fn listing(&self, e164: &str) -> Result<ListingStatus> {
        self.client
            .call_typed("nol.getAccountListing", Self::one("e164", e164))
    }

    /// `nol.putAccountListing`: stage (merge) a profile, or edit the live listing.
    pub fn stage_listing(&self, e164: &str, profile: &ListingProfile) -> Result<ProfileStaged> {
        let mut p = params_of(profile);
        p.insert("e164".into(), e164.into());
        self.client.call_typed("nol.putAccountListing", p)
    }

    /// `nol.verifyCheckout`: the payment link for the staged kind.
    pub fn verify_checkout(&self, e164: &str) -> Result<Checkout> {
        self.client
            .call_typed("nol.verifyCheckout", Self::one("e164", e164))
    }

    /// `nol.uploadListingLogo`: PNG, JPEG or WebP bytes, 512 KB at most (checked first).
    pub fn upload_logo(&self, e164: &str, image: &[u8]) -> Result<Uploaded> {
        super::upload::check_logo(image, None)?;
        let mut p = Self::one("e164", e164);
        p.insert("file".into(), file(image));
        self.client.call_typed("nol.uploadListingLogo", p)
    }

    /// `nol.uploadListingDocument`: PDF, PNG, JPEG or WebP bytes, 5 MB at most (checked first).
    pub fn upload_document(&self, e164: &str, document: &[u8]) -> Result<Uploaded> {
        super::upload::check_document(document, None)?;
        let mut p = Self::one("e164", e164);
        p.insert("file".into(), file(document));
        self.client.call_typed("nol.uploadListingDocument", p)
    }

    /// `nol.getAccountListingReports` (`limit` at most 200, default 50).
    pub fn listing_reports(&self, e164: &str, limit: Option<u32>) -> Result<Reports> {
        let mut p = Self::one("e164", e164);
        put(&mut p, "limit", limit);
        self.client.call_typed("nol.getAccountListingReports", p)
    }

    /// `nol.accountTopup`: a checkout for 500 to 50,000 cents of prepaid credit.
    pub fn topup(&self, amount_cents: u32, promote_keys: Option<bool>) -> Result<TopupSession> {
        let mut p = Self::one("amount_cents", amount_cents);
        put(&mut p, "promote_keys", promote_keys);
        self.client.call_typed("nol.accountTopup", p)
    }

    /// `nol.listAccountKeys`.
    pub fn keys(&self) -> Result<Vec<KeyView>> {
        self.client
            .call_typed_member("nol.listAccountKeys", Map::new(), "keys")
    }

    /// `nol.createAccountKey`: a new key (shown only in this result).
    pub fn create_key(&self, name: Option<&str>, use_cases: Option<&[&str]>) -> Result<NewKey> {
        let mut p = Map::new();
        put(&mut p, "name", name);
        put(&mut p, "use_cases", use_cases.map(|u| u.to_vec()));
        self.client.call_typed("nol.createAccountKey", p)
    }

    /// `nol.getAccountKey`.
    pub fn key(&self, id: &str) -> Result<KeyView> {
        self.client
            .call_typed_member("nol.getAccountKey", Self::one("id", id), "key")
    }

    /// `nol.updateAccountKey` with a new name.
    pub fn rename_key(&self, id: &str, name: &str) -> Result<KeyView> {
        let mut p = Self::one("id", id);
        p.insert("name".into(), name.into());
        self.client
            .call_typed_member("nol.updateAccountKey", p, "key")
    }

    /// `nol.updateAccountKey` with `disabled: true`: revoke the key, for good.
    pub fn disable_key(&self, id: &str) -> Result<KeyView> {
        let mut p = Self::one("id", id);
        p.insert("disabled".into(), true.into());
        self.client
            .call_typed_member("nol.updateAccountKey", p, "key")
    }

    /// `nol.rotateAccountKey`: new key material on the same record (shown only in this
    /// result); the old key works for `grace_seconds` more (default and maximum 86,400).
    pub fn rotate_key(&self, id: &str, grace_seconds: Option<u32>) -> Result<RotatedKey> {
        let mut p = Self::one("id", id);
        put(&mut p, "grace_seconds", grace_seconds);
        self.client.call_typed("nol.rotateAccountKey", p)
    }

    /// `nol.accountPhonesList`: the numbers bound to the account.
    pub fn phones(&self) -> Result<Vec<Phone>> {
        self.client
            .call_typed_member("nol.accountPhonesList", Map::new(), "phones")
    }

    /// `nol.accountPhonePatch`: enroll (`true`) or revoke (`false`) call provenance.
    pub fn set_precall_enrolled(&self, e164: &str, enrolled: bool) -> Result<PhonePatched> {
        let mut p = Self::one("e164", e164);
        p.insert("precall_enrolled".into(), enrolled.into());
        self.client.call_typed("nol.accountPhonePatch", p)
    }

    /// `nol.accountVerifyPhoneStart`: send a one-time code by `voice` (default) or `sms`.
    pub fn start_phone_verification(
        &self,
        phone: &str,
        channel: Option<&str>,
    ) -> Result<OtpStarted> {
        let mut p = Self::one("phone", phone);
        put(&mut p, "channel", channel);
        self.client.call_typed("nol.accountVerifyPhoneStart", p)
    }

    /// `nol.accountVerifyPhoneConfirm`: bind the number with the code it received.
    pub fn confirm_phone(&self, phone: &str, code: &str) -> Result<PhoneBound> {
        let mut p = Self::one("phone", phone);
        p.insert("code".into(), code.into());
        self.client.call_typed("nol.accountVerifyPhoneConfirm", p)
    }

    /// `nol.listTenants`.
    pub fn tenants(&self) -> Result<Vec<Tenant>> {
        self.client
            .call_typed_member("nol.listTenants", Map::new(), "tenants")
    }

    /// `nol.createTenant` (name 1-120 characters).
    pub fn create_tenant(&self, name: &str) -> Result<TenantChanged> {
        self.client
            .call_typed("nol.createTenant", Self::one("name", name))
    }

    /// `nol.getTenant`.
    pub fn tenant(&self, id: &str) -> Result<TenantDetail> {
        self.client.call_typed("nol.getTenant", Self::one("id", id))
    }

    /// `nol.setTenantStatus`.
    pub fn set_tenant_status(&self, id: &str, status: TenantStatus) -> Result<TenantChanged> {
        let mut p = Self::one("id", id);
        p.insert(
            "status".into(),
            serde_json::to_value(status).unwrap_or(Value::Null),
        );
        self.client.call_typed("nol.setTenantStatus", p)
    }

    /// `nol.issueTenantKey`: a sub-key (shown only in this result).
    pub fn issue_tenant_key(&self, id: &str, name: Option<&str>) -> Result<TenantKeyIssued> {
        let mut p = Self::one("id", id);
        put(&mut p, "name", name);
        self.client.call_typed("nol.issueTenantKey", p)
    }

    /// `nol.listTenantSuppressions`.
    pub fn tenant_suppressions(&self, id: &str) -> Result<Suppressions> {
        self.client
            .call_typed("nol.listTenantSuppressions", Self::one("id", id))
    }

    /// `nol.addTenantSuppression`.
    pub fn add_tenant_suppression(
        &self,
        id: &str,
        number: &str,
        label: Option<&str>,
    ) -> Result<SuppressionChanged> {
        let mut p = Self::one("id", id);
        p.insert("number".into(), number.into());
        put(&mut p, "label", label);
        self.client.call_typed("nol.addTenantSuppression", p)
    }

    /// `nol.removeTenantSuppression`.
    pub fn remove_tenant_suppression(&self, id: &str, number: &str) -> Result<SuppressionChanged> {
        let mut p = Self::one("id", id);
        p.insert("number".into(), number.into());
        self.client.call_typed("nol.removeTenantSuppression", p)
    }

    /// `nol.getSigning`.
    pub fn signing(&self) -> Result<Signing> {
        self.client.call_typed("nol.getSigning", Map::new())
    }

    /// `nol.setSigning`.
    pub fn set_signing(&self, enabled: bool) -> Result<Signing> {
        self.client
            .call_typed("nol.setSigning", Self::one("enabled", enabled))
    }
}
