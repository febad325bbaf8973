//! The contact and address objects of v4 accounts and Express Sign-Up, with the guide's checks.
//!
//! ```
//! use phonecom::types::{Address, Contact};
//! let contact = Contact {
//!     name: "Ada Lovelace".into(),
//!     address: Address { line_1: "411 Elm St".into(), city: "Dallas".into(),
//!         province: Some("TX".into()), postal_code: Some("75202".into()), country: "US".into(),
//!         ..Address::default() },
//!     phone: "+15555550001".into(),
//!     primary_email: "ada@example.com".into(),
//!     ..Contact::default()
//! };
//! assert!(contact.validate("contact").is_ok());
//! ```

use crate::error::FieldError;
use serde::{Deserialize, Serialize};

/// A postal address.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Address {
    /// Street address (required).
    #[serde(default)]
    pub line_1: String,
    /// Second line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_2: Option<String>,
    /// City (required).
    #[serde(default)]
    pub city: String,
    /// State or province (required for US and CA).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    /// Postal code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// ISO 3166 alpha-2 country code (required).
    #[serde(default)]
    pub country: String,
}

/// A contact (account contact, billing contact, Express Sign-Up contact).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Contact {
    /// Full name (required).
    #[serde(default)]
    pub name: String,
    /// Company.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    /// Address (required).
    #[serde(default)]
    pub address: Address,
    /// Phone, E.164 (required).
    #[serde(default)]
    pub phone: String,
    /// Fax.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fax: Option<String>,
    /// Primary email (required).
    #[serde(default)]
    pub primary_email: String,
    /// Alternate email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alternate_email: Option<String>,
}

/// ISO 3166-1 alpha-2 codes.
const ISO_3166: &str = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

/// Whether `code` is an ISO 3166-1 alpha-2 country code (upper case).
pub fn is_country_code(code: &str) -> bool {
    code.len() == 2 && ISO_3166.split(' ').any(|c| c == code)
}

impl Contact {
    /// Check the Express Sign-Up guide's rules; field names are prefixed with `prefix`
    /// (`contact.address.country`). Returns every problem found.
    pub fn validate(&self, prefix: &str) -> Result<(), Vec<FieldError>> {
        let mut errs = Vec::new();
        let mut need = |field: &str, ok: bool, message: &str| {
            if !ok {
                errs.push(FieldError {
                    field: format!("{prefix}.{field}"),
                    message: message.to_string(),
                });
            }
        };
        need("name", !self.name.trim().is_empty(), "is required");
        need(
            "address.line_1",
            !self.address.line_1.trim().is_empty(),
            "is required",
        );
        need(
            "address.city",
            !self.address.city.trim().is_empty(),
            "is required",
        );
        need(
            "address.country",
            is_country_code(&self.address.country),
            "must be an ISO 3166 alpha-2 country code such as US (upper case)",
        );
        let needs_province = matches!(self.address.country.as_str(), "US" | "CA");
        need(
            "address.province",
            !needs_province
                || self
                    .address
                    .province
                    .as_deref()
                    .is_some_and(|p| !p.trim().is_empty()),
            "is required when the country is US or CA",
        );
        let phone = crate::types::e164::check(&self.phone);
        need("phone", phone.is_ok(), phone.err().as_deref().unwrap_or(""));
        need(
            "primary_email",
            looks_like_email(&self.primary_email),
            "must be an email address (name@domain)",
        );
        if let Some(alt) = self.alternate_email.as_deref().filter(|s| !s.is_empty()) {
            need(
                "alternate_email",
                looks_like_email(alt),
                "must be an email address (name@domain)",
            );
        }
        if errs.is_empty() {
            Ok(())
        } else {
            Err(errs)
        }
    }
}

/// The request shapes of [`Contact`] and [`Address`] as catalog schemas (`ContactInput`,
/// `AddressInput`): the keys [`Contact::validate`] requires are `required`, so the Python and
/// TypeScript types of every contact parameter refuse a contact without them. The test
/// `input_schemas_require_what_validate_requires` keeps the two in step.
pub(crate) fn schemas() -> Vec<(String, serde_json::Value)> {
    let text = |doc: &str| serde_json::json!({"type": "string", "doc": doc});
    vec![
        (
            "ContactInput".into(),
            serde_json::json!({
                "type": "object",
                "doc": "A contact as requests take it (account contact, billing contact, Express Sign-Up contact)",
                "aliases": ["Contact"],
                "properties": {
                    "name": text("Full name"),
                    "company": text("Company"),
                    "address": {"ref": "AddressInput", "doc": "Postal address"},
                    "phone": text("Phone, E.164 (+15555550001)"),
                    "fax": text("Fax"),
                    "primary_email": text("Primary email address"),
                    "alternate_email": text("Alternate email address"),
                },
                "required": ["name", "address", "phone", "primary_email"],
            }),
        ),
        (
            "AddressInput".into(),
            serde_json::json!({
                "type": "object",
                "doc": "A postal address as requests take it",
                "properties": {
                    "line_1": text("Street address"),
                    "line_2": text("Second line"),
                    "city": text("City"),
                    "province": text("State or province (required when the country is US or CA)"),
                    "postal_code": text("Postal code"),
                    "country": text("ISO 3166 alpha-2 country code, upper case (US)"),
                },
                "required": ["line_1", "city", "country"],
            }),
        ),
    ]
}

/// Whether `s` looks like an email address (`name@domain.tld`, no spaces).
pub(crate) fn looks_like_email(s: &str) -> bool {
    match s.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !s.contains(char::is_whitespace)
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_every_missing_field() {
        let errs = Contact::default().validate("contact").unwrap_err();
        let fields: Vec<&str> = errs.iter().map(|e| e.field.as_str()).collect();
        for f in [
            "contact.name",
            "contact.address.line_1",
            "contact.address.city",
            "contact.address.country",
            "contact.phone",
            "contact.primary_email",
        ] {
            assert!(fields.contains(&f), "{f} missing from {fields:?}");
        }
    }

    #[test]
    fn input_schemas_require_what_validate_requires() {
        let schemas: std::collections::BTreeMap<String, serde_json::Value> =
            schemas().into_iter().collect();
        let required = |name: &str| -> Vec<String> {
            serde_json::from_value(schemas[name]["required"].clone()).unwrap()
        };
        let minimal = serde_json::json!({
            "name": "A", "phone": "+33142000000", "primary_email": "a@b.fr",
            "address": {"line_1": "1 St", "city": "Paris", "country": "FR"},
        });
        let parse =
            |v: &serde_json::Value| -> Contact { serde_json::from_value(v.clone()).unwrap() };
        assert!(
            parse(&minimal).validate("contact").is_ok(),
            "the required keys suffice"
        );
        for key in required("ContactInput") {
            let mut c = minimal.clone();
            c.as_object_mut().unwrap().remove(&key);
            let errs = parse(&c).validate("contact").unwrap_err();
            assert!(
                errs.iter()
                    .any(|e| e.field.starts_with(&format!("contact.{key}"))),
                "{key}"
            );
        }
        for key in required("AddressInput") {
            let mut c = minimal.clone();
            c["address"].as_object_mut().unwrap().remove(&key);
            let errs = parse(&c).validate("contact").unwrap_err();
            assert_eq!(errs[0].field, format!("contact.address.{key}"));
        }
        let keys = |name: &str| -> Vec<String> {
            schemas[name]["properties"]
                .as_object()
                .unwrap()
                .keys()
                .cloned()
                .collect()
        };
        let mut fields: Vec<String> = serde_json::to_value(Contact::default())
            .unwrap()
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        fields.extend(["company", "fax", "alternate_email"].map(String::from));
        fields.sort();
        let mut props = keys("ContactInput");
        props.sort();
        assert_eq!(props, fields, "every Contact field is in the schema");
    }

    #[test]
    fn province_required_for_us_and_ca_only() {
        let mut c = Contact {
            name: "A".into(),
            address: Address {
                line_1: "1 St".into(),
                city: "Paris".into(),
                country: "FR".into(),
                ..Address::default()
            },
            phone: "+33142000000".into(),
            primary_email: "a@b.fr".into(),
            ..Contact::default()
        };
        assert!(c.validate("contact").is_ok());
        c.address.country = "CA".into();
        let errs = c.validate("contact").unwrap_err();
        assert_eq!(errs[0].field, "contact.address.province");
        c.address.country = "XX".into();
        assert!(c.validate("contact").is_err());
    }
}
