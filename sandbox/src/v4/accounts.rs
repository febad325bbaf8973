//! Accounts and subaccounts (`/accounts`, `/accounts/{id}`, `/accounts/{id}/subaccounts`).

use super::util::{self, Body};
use super::{listing, Cx, Reply};
use crate::errors;
use serde_json::{json, Map, Value};

/// `GET /accounts`: the token's account and its subaccounts.
pub fn list(cx: &mut Cx) -> Reply {
    let items: Vec<Value> =
        cx.w.accounts
            .keys()
            .filter(|id| cx.w.can_access(cx.principal, **id))
            .filter_map(|id| cx.w.account_json(*id))
            .collect();
    listing::respond(cx.req, items)
}

/// `GET /accounts/{id}`.
pub fn get(cx: &mut Cx) -> Reply {
    util::ok(
        &cx.w
            .account_json(cx.account)
            .ok_or_else(|| util::not_found("Account"))?,
    )
}

/// `GET|POST /accounts/{id}/subaccounts`.
pub fn subaccounts(cx: &mut Cx) -> Reply {
    if cx.req.method == "GET" {
        let items: Vec<Value> =
            cx.w.accounts
                .values()
                .filter(|a| a.parent == Some(cx.account))
                .filter_map(|a| cx.w.account_json(a.id))
                .collect();
        return listing::respond(cx.req, items);
    }
    let b = util::body(cx)?;
    create(cx, &b)
}

/// A contact object; `address.country` must be a two-letter country code. A bad country gives
/// 422 with nested `fields` (`{"contact":{"address":{"country":"..."}}}`), as Phone.com reports
/// errors inside objects.
fn contact(b: &Body, field: &str) -> Result<Value, crate::http::Response> {
    match b.get(field) {
        None | Some(Value::Null) => Ok(Value::Null),
        Some(v @ Value::Object(_)) => {
            if let Some(country) = v.pointer("/address/country") {
                let ok = country
                    .as_str()
                    .is_some_and(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()));
                if !ok {
                    let nested = json!({"address": {"country": "'country' must be a two-letter country code (ISO 3166-1 alpha-2)"}});
                    let mut fields = Map::new();
                    fields.insert(field.to_string(), nested);
                    return Err(errors::invalid(fields));
                }
            }
            Ok(v.clone())
        }
        Some(_) => Err(errors::invalid_field(
            field,
            &format!("'{field}' must be a contact object"),
        )),
    }
}

fn create(cx: &mut Cx, b: &Body) -> Reply {
    if cx
        .w
        .accounts
        .get(&cx.account)
        .is_some_and(|a| a.parent.is_some())
    {
        return Err(errors::error(
            403,
            "Subaccounts are not enabled for this account",
        ));
    }
    util::require_all(b, &["username", "password"])?;
    let username = util::req_str(b, "username")?;
    let password = util::req_str(b, "password")?;
    if username.len() > 64 || username.chars().any(char::is_whitespace) {
        return Err(errors::invalid_field(
            "username",
            "'username' must be at most 64 characters without spaces",
        ));
    }
    if cx.w.account_by_username(&username).is_some() {
        return Err(errors::invalid_field(
            "username",
            "This username is already taken",
        ));
    }
    let (c, bc) = (contact(b, "contact")?, contact(b, "billing_contact")?);
    let id = cx.w.add_subaccount(cx.account, &username, &password, c, bc);
    util::created(&cx.w.account_json(id).unwrap_or_default())
}
