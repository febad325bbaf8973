//! Typed v4 methods over the generic call: each one names its catalog operation.

use super::list::ListQuery;
use super::models::*;
use crate::client::Client;
use crate::error::{Error, Result};
use crate::pages::{Items, Page, Pages};
use crate::typed::params_of;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

/// Typed access to v4, from [`Client::v4`].
pub struct V4<'a> {
    client: &'a Client,
}

impl Client {
    /// Typed v4 methods.
    pub fn v4(&self) -> V4<'_> {
        V4 { client: self }
    }
}

impl V4<'_> {
    fn call<T: DeserializeOwned>(&self, op: &str, params: Map<String, Value>) -> Result<T> {
        self.client.call_typed(op, params)
    }

    fn page<T: DeserializeOwned>(
        &self,
        op: &str,
        mut params: Map<String, Value>,
        query: &ListQuery,
    ) -> Result<Page<T>> {
        params.extend(query.to_params());
        let mut pages = self.client.pages(op, Value::Object(params))?;
        let page = pages
            .next_page()
            .unwrap_or_else(|| Err(Error::decode("no page returned", b"")))?;
        page.decode_at(op, pages.last_status())
    }

    fn items<T: DeserializeOwned>(
        &self,
        op: &str,
        mut params: Map<String, Value>,
        query: &ListQuery,
    ) -> Result<Items<T>> {
        params.extend(query.to_params());
        Ok(Items::new(Pages::new(
            self.client,
            op,
            Value::Object(params),
        )?))
    }

    fn with_id(key: &str, id: u64) -> Map<String, Value> {
        let mut m = Map::new();
        m.insert(key.into(), id.into());
        m
    }

    /// `v4.get-account`: the configured account.
    pub fn account(&self) -> Result<Account> {
        self.call("v4.get-account", Map::new())
    }

    /// `v4.create-account-subaccount`.
    pub fn create_subaccount(&self, params: &CreateSubaccountParams) -> Result<Account> {
        if let Some(c) = &params.contact {
            c.validate("contact")
                .map_err(|f| Error::invalid_fields("v4.create-account-subaccount", f))?;
        }
        if let Some(c) = &params.billing_contact {
            c.validate("billing_contact")
                .map_err(|f| Error::invalid_fields("v4.create-account-subaccount", f))?;
        }
        self.call("v4.create-account-subaccount", params_of(params))
    }

    /// `v4.list-account-subaccounts`, one page.
    pub fn subaccounts(&self, query: &ListQuery) -> Result<Page<Account>> {
        self.page("v4.list-account-subaccounts", Map::new(), query)
    }

    /// `v4.list-account-subaccounts`, every row lazily.
    pub fn iter_subaccounts(&self, query: &ListQuery) -> Result<Items<Account>> {
        self.items("v4.list-account-subaccounts", Map::new(), query)
    }

    /// `v4.list-available-phone-numbers`, one page.
    pub fn available_numbers(&self, query: &ListQuery) -> Result<Page<AvailableNumber>> {
        self.page("v4.list-available-phone-numbers", Map::new(), query)
    }

    /// `v4.list-available-phone-numbers`, every row lazily.
    pub fn iter_available_numbers(&self, query: &ListQuery) -> Result<Items<AvailableNumber>> {
        self.items("v4.list-available-phone-numbers", Map::new(), query)
    }

    /// `v4.create-account-phone-number`: buy a number.
    pub fn buy_number(&self, purchase: &PurchaseNumber) -> Result<PhoneNumber> {
        self.call("v4.create-account-phone-number", params_of(purchase))
    }

    /// `v4.list-account-phone-numbers`, every row lazily.
    pub fn iter_phone_numbers(&self, query: &ListQuery) -> Result<Items<PhoneNumber>> {
        self.items("v4.list-account-phone-numbers", Map::new(), query)
    }

    /// `v4.create-account-sms`.
    pub fn send_sms(&self, sms: &SendSms) -> Result<Sms> {
        self.call("v4.create-account-sms", params_of(sms))
    }

    /// `v4.list-account-sms`, every row lazily.
    pub fn iter_sms(&self, query: &ListQuery) -> Result<Items<Sms>> {
        self.items("v4.list-account-sms", Map::new(), query)
    }

    /// `v4.create-account-call`.
    pub fn create_call(&self, call: &CreateCall) -> Result<Call> {
        self.call("v4.create-account-call", params_of(call))
    }

    /// `v4.list-account-call-logs`, every row lazily.
    pub fn iter_call_logs(&self, query: &ListQuery) -> Result<Items<CallLog>> {
        self.items("v4.list-account-call-logs", Map::new(), query)
    }

    /// `v4.list-account-extensions`, every row lazily.
    pub fn iter_extensions(&self, query: &ListQuery) -> Result<Items<Extension>> {
        self.items("v4.list-account-extensions", Map::new(), query)
    }

    /// `v4.get-account-extension`.
    pub fn extension(&self, extension_id: u64) -> Result<Extension> {
        self.call(
            "v4.get-account-extension",
            Self::with_id("extension_id", extension_id),
        )
    }

    /// `v4.list-account-express-srv-codes`.
    pub fn express_service_codes(&self) -> Result<Vec<ExpressServiceCode>> {
        let codes: Option<Vec<ExpressServiceCode>> = (self.client).call_typed_member(
            "v4.list-account-express-srv-codes",
            Map::new(),
            "items",
        )?;
        Ok(codes.unwrap_or_default())
    }

    /// `v4.get-account-express-srv-code`.
    pub fn express_service_code(&self, code_id: u64) -> Result<ExpressServiceCode> {
        self.call(
            "v4.get-account-express-srv-code",
            Self::with_id("code_id", code_id),
        )
    }

    /// `v4.create-account-listener`.
    pub fn create_listener(&self, listener: &CreateListener) -> Result<Listener> {
        self.call("v4.create-account-listener", params_of(listener))
    }

    /// `v4.list-account-listeners`, every row lazily.
    pub fn iter_listeners(&self, query: &ListQuery) -> Result<Items<Listener>> {
        self.items("v4.list-account-listeners", Map::new(), query)
    }
}
