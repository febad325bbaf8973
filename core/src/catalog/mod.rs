//! The operation catalog: every remote operation of every family, with its canonical name,
//! method and path (or XML action), parameters and a one-line doc.
//!
//! The generic [`Client::call`](crate::Client::call) works for every entry; bindings generate
//! their typed methods, stubs and docs from [`Catalog::to_json`].
//!
//! Every fact about an operation is here, and code reads it rather than comparing names:
//! whether the family's credential is sent ([`Operation::auth`]), whether a repeat is harmless
//! ([`Operation::idempotent`]), which parameters the configuration fills
//! ([`Param::prefilled`]), which are required only in some cases ([`Param::required_if`],
//! [`Param::required_unless`]), how a list is walked and where its rows are
//! ([`Operation::paging`]), whether the answer is a redirect ([`Operation::redirects`]) and
//! which result fields are new secrets ([`Operation::secret_results`]). The entries of `v4` and `nol` are generated from the upstream
//! specifications (`core/catalog/*.json`, by `tools/gen_*_catalog.py`); those of `xml`, `v1`,
//! `oauth` and `express` are Rust literals in each family's module. The family registry
//! (`registry.rs`) gathers them.
//!
//! ```
//! let catalog = phonecom::catalog();
//! let op = catalog.get("v4.create-account-subaccount").unwrap();
//! assert_eq!(op.method, "POST");
//! assert!(op.param("username").unwrap().required);
//! ```

mod family;
mod paging;
mod suggest;
mod validate;

pub use family::Family;
pub use paging::{Paging, PagingKind};
pub(crate) use validate::validate_params;
pub use validate::FILTER_OPERATORS;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// Where a parameter travels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Location {
    /// Substituted into the path template.
    Path,
    /// Query string.
    Query,
    /// A field of the JSON body.
    Body,
    /// A part of a multipart/form-data body.
    Form,
    /// The whole request body: the raw bytes of a `file` parameter (e.g. an image upload).
    Raw,
    /// Not sent: used by a composed flow or by the library itself.
    Local,
}

/// A parameter's type, as checked before sending.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ParamType {
    /// JSON string.
    String,
    /// Integer (a JSON integer, or a string of digits).
    Integer,
    /// Any JSON number.
    Number,
    /// JSON boolean.
    Boolean,
    /// JSON array.
    Array,
    /// JSON object.
    Object,
    /// A file: `{"path": "..."}` or `{"filename": "...", "content_base64": "..."}`.
    File,
    /// v4 list filters: `{field: "op:value" | ["op:value", ...]}`.
    Filters,
    /// v4 list sorting: `{field: "asc" | "desc"}`.
    Sort,
}

/// A value format checked (and normalised) beyond the JSON type. On an array parameter the
/// format applies to every element (each must be a string of that format).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// `+` and 8-15 digits.
    E164,
    /// E.164, restricted to North America (NANPA: `+1` and 10 digits).
    Nanpa,
    /// E.164, or an extension number (1-10 digits).
    E164OrExtension,
    /// A full phone number as digits, country code first (`18585608120`); a leading `+` is
    /// accepted and dropped before sending.
    PhoneDigits,
    /// Digits only.
    Digits,
    /// ISO 3166-1 alpha-2 country code, upper case (`US`).
    Country,
    /// An email address (`name@domain.tld`).
    Email,
    /// An email address, or the empty string (which clears a stored one).
    EmailOrEmpty,
    /// A point in time: Unix epoch seconds, or ISO 8601 / XML date-time
    /// (`2007-12-01T13:28:50.0000Z`).
    Timestamp,
    /// A number-search pattern: digits, letters A-Z (vanity) and `*` (any digit).
    NumberPattern,
    /// E.164 with the `+` optional: separators dropped, `+` added before sending
    /// (numbers.online paths and phone fields).
    E164Loose,
    /// A REST v1 phone number: the API's rule `^\+?\d{11,14}$`, separators dropped, `+` added.
    E164V1,
    /// A UUID by the REST v1 document's rule (8-4-4-4-12 lower-case hex digits).
    Uuid,
    /// On a boolean: a REST v1 flag, given as `true`/`false` or `"Y"`/`"N"` (sent as `"Y"`/`"N"`).
    Yn,
    /// On an array: the REST v1 `/menus` `digits`, 1+ `{digit, route}` objects with `digit`
    /// 0-9 or `pound` and `route` a UUID, nothing else.
    MenuDigits,
}

/// One parameter of an operation.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Param {
    /// Name as the caller passes it.
    pub name: String,
    /// Where it travels.
    #[serde(rename = "in")]
    pub location: Location,
    /// Its type.
    #[serde(rename = "type")]
    pub ty: ParamType,
    /// Whether the call is refused without it.
    #[serde(default)]
    pub required: bool,
    /// One-line description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc: Option<String>,
    /// Allowed field names (filters, sort).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<String>,
    /// Filter fields the specification types as a bare boolean instead of an `op:value`
    /// condition (v4 `list-account-voicemail`'s `filters[is_new]`): given as `true`/`false`,
    /// sent as `filters[is_new]=true`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub boolean_fields: Vec<String>,
    /// Largest allowed value (integers), length (strings) or size in bytes (files).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i64>,
    /// Smallest allowed value (integers) or length (strings).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i64>,
    /// Allowed values.
    #[serde(default, rename = "enum", skip_serializing_if = "Vec::is_empty")]
    pub allowed: Vec<String>,
    /// A format beyond the JSON type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<Format>,
    /// Whether the value is a secret (masked in logs and recorded requests).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub secret: bool,
    /// For an object parameter: the catalog schema its fields follow (`ContactInput`); the
    /// bindings' types make the keys that schema requires required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The configuration key the client fills this parameter from when a call omits it
    /// (`"v4.account_id"`), so generated signatures make it optional.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefilled: Option<String>,
    /// Required only when another parameter has one of some values: OAuth's per-grant fields
    /// (`code` when `grant_type` is `authorization_code`, RFC 6749 4.1.3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required_if: Option<RequiredIf>,
    /// Required unless one of these other parameters is given (REST v1 media: `file` unless
    /// `tts_text`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub required_unless: Vec<String>,
}

/// When a parameter is required only for some values of another (see [`Param::required_if`]).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct RequiredIf {
    /// The parameter whose value decides.
    pub param: String,
    /// The values that make this parameter required.
    pub values: Vec<String>,
}

impl Param {
    /// A parameter with no limits, allowed values, format or secrecy (set those fields after).
    ///
    /// ```
    /// use phonecom::catalog::{Location, Param, ParamType};
    /// let p = Param::new("username", Location::Body, ParamType::String, true, "The user name");
    /// assert!(p.required && !p.secret && p.format.is_none());
    /// ```
    pub fn new(name: &str, location: Location, ty: ParamType, required: bool, doc: &str) -> Param {
        Param {
            name: name.into(),
            location,
            ty,
            required,
            doc: Some(doc.into()),
            fields: vec![],
            boolean_fields: vec![],
            max: None,
            min: None,
            allowed: vec![],
            format: None,
            secret: false,
            schema: None,
            prefilled: None,
            required_if: None,
            required_unless: vec![],
        }
    }
}

/// Whether a call sends the family's credential (v4 token, numbers.online key, XML API user).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Auth {
    /// Sent; the call is refused before sending when it is not configured.
    #[default]
    Required,
    /// Sent when configured; the call works without it (v4 `ping`, the token grant).
    Optional,
    /// Never sent (numbers.online's `accountSignup`, which issues the first key).
    None,
}

/// One operation of the catalog.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Operation {
    /// Canonical name: `v4.<operationId>`, `xml.<action>`, `v1.<service>.<verb>`, `nol.<operationId>`, `oauth.<...>`, `express.<...>`.
    pub name: String,
    /// Family: `v4`, `oauth`, `express`, `xml`, `v1`, `nol`.
    pub family: Family,
    /// HTTP method (`FLOW` for composed flows that make several calls).
    pub method: String,
    /// Path template relative to the family's base URL (or the XML action).
    pub path: String,
    /// One-line doc.
    pub doc: String,
    /// Upstream grouping (swagger tag, service).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    /// Name of the upstream response schema, when documented.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub returns: Option<String>,
    /// Whether the operation returns a pageable list: `paging` says how it is walked (the
    /// catalog tests keep the two in step).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub pageable: bool,
    /// How the list is walked and where its rows are (pageable operations only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paging: Option<Paging>,
    /// Whether the family's credential is sent.
    #[serde(default)]
    pub auth: Auth,
    /// Whether sending the request twice does no more than sending it once, so the transport
    /// may repeat it after a failure: GET, HEAD, PUT and DELETE, and the POSTs and PATCHes
    /// that set a state or carry what makes a repeat harmless (the XML API's `clTRID`).
    pub idempotent: bool,
    /// The documented answer is a redirect (`3xx` with a `Location`): the result is
    /// `{"status": ..., "location": ...}` (v4's OAuth authorization endpoint).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub redirects: bool,
    /// Fields of the result that are new secrets: the client masks them in logs and errors from
    /// then on (the access and refresh tokens a token grant issues).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub secret_results: Vec<String>,
    /// Where the entry comes from when it is not the family's own specification.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    /// Parameters.
    pub params: Vec<Param>,
}

impl Operation {
    /// The parameter called `name`.
    pub fn param(&self, name: &str) -> Option<&Param> {
        self.params.iter().find(|p| p.name == name)
    }
    /// Whether sending it twice cannot do harm (the catalog's `idempotent`).
    pub fn is_idempotent(&self) -> bool {
        self.idempotent
    }

    /// Whether an HTTP method is idempotent by itself (GET, HEAD, PUT, DELETE): the default of
    /// `idempotent` for an operation with no reason to differ.
    pub fn method_is_idempotent(method: &str) -> bool {
        matches!(method, "GET" | "HEAD" | "PUT" | "DELETE")
    }

    /// This entry as JSON, the shape of an element of [`Catalog::to_json`]'s `operations` (the
    /// one serialiser of an entry: the C ABI's `phonecom_operation_json` uses it too).
    pub fn to_json(&self) -> Value {
        serde_json::to_value(self).expect("operations serialise")
    }
}

/// All operations, by canonical name.
pub struct Catalog {
    ops: BTreeMap<String, Operation>,
    /// Kept as JSON text: the catalog lives for the whole process, and map-shaped values held in
    /// a static read as "possibly lost" to leak checkers (the C suite runs under Valgrind).
    schemas: BTreeMap<String, String>,
}

impl Catalog {
    /// A catalog of `operations` and result `schemas` (the family registry builds the one
    /// [`catalog()`](crate::catalog()) from every family's).
    pub(crate) fn new(
        operations: impl IntoIterator<Item = Operation>,
        schemas: impl IntoIterator<Item = (String, Value)>,
    ) -> Catalog {
        let ops = operations
            .into_iter()
            .map(|op| (op.name.clone(), op))
            .collect();
        let schemas = schemas
            .into_iter()
            .map(|(name, schema)| (name, schema.to_string()))
            .collect();
        Catalog { ops, schemas }
    }

    /// The schema called `name` (an operation's `returns`, or an object it refers to): a small
    /// subset of JSON Schema (`type`, `doc`, `properties`, `items`, `enum`, `required`, and `ref`
    /// naming another schema).
    ///
    /// ```
    /// let catalog = phonecom::catalog();
    /// let returns = catalog.get("v4.list-available-phone-numbers").unwrap().returns.clone().unwrap();
    /// let list = catalog.schema(&returns).unwrap();
    /// assert_eq!(list["properties"]["items"]["items"]["ref"], "AvailableNumbersFull");
    /// ```
    pub fn schema(&self, name: &str) -> Option<Value> {
        self.schemas
            .get(name)
            .map(|text| serde_json::from_str(text).expect("schemas were serialised by the catalog"))
    }

    /// The operation called `name`.
    pub fn get(&self, name: &str) -> Option<&Operation> {
        self.ops.get(name)
    }

    /// Every operation, sorted by name.
    pub fn iter(&self) -> impl Iterator<Item = &Operation> {
        self.ops.values()
    }

    /// How many operations there are.
    pub fn len(&self) -> usize {
        self.ops.len()
    }

    /// Whether the catalog is empty (never, in practice).
    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }

    /// Operations of one family (by its name, `"v4"`).
    pub fn family<'a>(&'a self, family: &'a str) -> impl Iterator<Item = &'a Operation> + 'a {
        self.ops.values().filter(move |o| o.family == family)
    }

    /// The whole catalog as JSON: `{"version", "operations": [...], "schemas": {...}}`, each
    /// operation as [`Operation`] serialises (the C ABI's `phonecom_operation_json` is one of
    /// these entries).
    pub fn to_json(&self) -> Value {
        let operations: Vec<Value> = self.ops.values().map(Operation::to_json).collect();
        serde_json::json!({
            "version": crate::VERSION,
            "operations": operations,
            "schemas": self.schemas.keys().filter_map(|name| Some((name.clone(), self.schema(name)?))).collect::<serde_json::Map<String, Value>>(),
        })
    }

    /// Names close to `name` (for "unknown operation" errors and the bindings' "did you mean"
    /// on a mistyped attribute), best first, the named family's first, at most 5.
    ///
    /// ```
    /// assert_eq!(phonecom::catalog().suggest("v4.get_acount")[0], "v4.get-account");
    /// ```
    pub fn suggest(&self, name: &str) -> Vec<&str> {
        suggest::closest(name, self.ops.keys().map(String::as_str))
    }
}

/// Parse a committed schema document (`{"schemas": {...}}`) shipped inside the crate.
pub(crate) fn parse_embedded_schemas(doc: &str) -> Vec<(String, Value)> {
    #[derive(Deserialize)]
    struct Doc {
        schemas: BTreeMap<String, Value>,
    }
    serde_json::from_str::<Doc>(doc)
        .expect("the embedded schemas are valid (checked by the catalog tests)")
        .schemas
        .into_iter()
        .collect()
}

/// Parse a committed catalog document (`{"operations": [...]}`) shipped inside the crate.
pub(crate) fn parse_embedded(doc: &str) -> Vec<Operation> {
    #[derive(Deserialize)]
    struct Doc {
        operations: Vec<Operation>,
    }
    serde_json::from_str::<Doc>(doc)
        .expect("the embedded catalog is valid (checked by the catalog tests)")
        .operations
}

#[cfg(test)]
mod tests {
    #[test]
    fn object_parameter_schemas_exist_and_contacts_have_one() {
        let catalog = crate::catalog();
        let mut contacts = 0;
        for op in catalog.iter() {
            for p in &op.params {
                if let Some(schema) = &p.schema {
                    assert_eq!(p.ty, super::ParamType::Object, "{}.{}", op.name, p.name);
                    assert!(
                        catalog.schema(schema).is_some(),
                        "{}.{}: {schema}",
                        op.name,
                        p.name
                    );
                }
                let contact_of_signup =
                    matches!(
                        op.name.as_str(),
                        "v4.create-account-subaccount" | "express.signup"
                    ) && matches!(p.name.as_str(), "contact" | "billing_contact");
                if contact_of_signup {
                    assert_eq!(
                        p.schema.as_deref(),
                        Some("ContactInput"),
                        "{}.{}",
                        op.name,
                        p.name
                    );
                    contacts += 1;
                }
            }
        }
        assert_eq!(contacts, 4, "contact and billing_contact of two operations");
    }
}
