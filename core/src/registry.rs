//! The family registry: one table of every API family, with its operations, its result
//! schemas and how its calls run (an HTTP [`Wire`] or a composed flow). The catalog, the
//! client and the fuzzing entry points all read this table, so adding a family is one line
//! here (and one [`Family`] variant).
//!
//! Catalog types sit below this module; the families above them; this table and the client
//! on top.
//!
//! ```
//! let catalog = phonecom::catalog();
//! assert!(catalog.family("express").count() >= 1);
//! ```

use crate::catalog::{Catalog, Family, Operation};
use crate::client::Client;
use crate::error::{Error, ErrorKind, Result};
use crate::wire::Wire;
use once_cell::sync::Lazy;
use serde_json::{Map, Value};

/// A composed flow: runs an operation (its parameters already checked) by making calls of its
/// own, applying the call's options to them and refusing, by name, any it cannot apply (extra
/// headers: see `express::signup_with`).
pub(crate) type Flow = fn(
    &Client,
    &Operation,
    &Map<String, Value>,
    &crate::call_options::CallOptions,
) -> Result<Value>;

/// How a family's calls run.
pub(crate) enum Runs {
    /// One HTTP request per call, built and decoded by the family's wire.
    Wire(&'static dyn Wire),
    /// A composed flow of other calls (`express`).
    Flow(Flow),
}

/// One family: its catalog entries, its result schemas and how it runs.
pub(crate) struct FamilyEntry {
    /// Which family.
    pub family: Family,
    /// Its catalog entries.
    pub operations: fn() -> Vec<Operation>,
    /// Its result schemas (names are global: no two families define the same one).
    pub schemas: fn() -> Vec<(String, Value)>,
    /// How its calls run.
    pub runs: Runs,
    /// Names of `name=value` pairs whose values its errors and log events mask (the XML API
    /// sends `username=` in its query and form bodies).
    pub masked_pairs: &'static [&'static str],
}

/// Every family, in [`Family::ALL`] order (so [`entry`] indexes it by the enum).
static FAMILIES: [FamilyEntry; Family::ALL.len()] = [
    entry_of(
        Family::V4,
        crate::v4::operations,
        crate::v4::schemas,
        Runs::Wire(&crate::v4::wire::V4Wire),
        &[],
    ),
    entry_of(
        Family::Oauth,
        crate::oauth::operations,
        crate::oauth::schemas,
        Runs::Wire(&crate::oauth::OauthWire),
        &[],
    ),
    entry_of(
        Family::Express,
        crate::express::operations,
        crate::express::schemas,
        Runs::Flow(crate::express::run_flow),
        &[],
    ),
    entry_of(
        Family::Xml,
        crate::xml::operations,
        crate::xml::schemas,
        Runs::Wire(&crate::xml::wire::XmlWire),
        &["username"],
    ),
    entry_of(
        Family::V1,
        crate::v1::operations,
        no_schemas,
        Runs::Wire(&crate::v1::wire::V1Wire),
        &[],
    ),
    entry_of(
        Family::Nol,
        crate::nol::operations,
        crate::nol::schemas,
        Runs::Wire(&crate::nol::wire::NolWire),
        &[],
    ),
];

const fn entry_of(
    family: Family,
    operations: fn() -> Vec<Operation>,
    schemas: fn() -> Vec<(String, Value)>,
    runs: Runs,
    masked_pairs: &'static [&'static str],
) -> FamilyEntry {
    FamilyEntry {
        family,
        operations,
        schemas,
        runs,
        masked_pairs,
    }
}

/// REST v1 documents no response schemas (its typed models are in `v1::models`).
fn no_schemas() -> Vec<(String, Value)> {
    Vec::new()
}

/// The registry entry of `family`.
pub(crate) fn entry(family: Family) -> &'static FamilyEntry {
    // The discriminants are 0.. in `Family::ALL` order, and the table has one entry per
    // variant in that order (checked by the tests), so the index is always in range.
    let entry = &FAMILIES[family as usize];
    debug_assert_eq!(entry.family, family);
    entry
}

/// The wire of `op`'s family; refused for a composed flow (it has no single request).
pub(crate) fn wire_for(op: &Operation) -> Result<&'static dyn Wire> {
    match entry(op.family).runs {
        Runs::Wire(wire) => Ok(wire),
        Runs::Flow(_) => Err(Error::new(
            ErrorKind::Validation,
            format!(
                "`{}` is a composed flow of several calls: it has no single response to decode",
                op.name
            ),
        )),
    }
}

/// Every family's result schemas, and those shared by several (the contact input).
fn all_schemas() -> impl Iterator<Item = (String, Value)> {
    FAMILIES
        .iter()
        .flat_map(|f| (f.schemas)())
        .chain(crate::types::contact::schemas())
}

static CATALOG: Lazy<Catalog> = Lazy::new(|| {
    Catalog::new(
        FAMILIES.iter().flat_map(|f| (f.operations)()),
        all_schemas(),
    )
});

/// The catalog of every operation the library knows.
pub fn catalog() -> &'static Catalog {
    &CATALOG
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_has_one_entry_per_family_in_enum_order() {
        for (i, family) in Family::ALL.into_iter().enumerate() {
            assert_eq!(family as usize, i);
            assert_eq!(FAMILIES[i].family, family);
            assert_eq!(entry(family).family, family);
        }
    }

    #[test]
    fn every_operation_is_in_its_registered_family_and_named_after_it() {
        for f in &FAMILIES {
            for op in (f.operations)() {
                assert_eq!(op.family, f.family, "{}", op.name);
                assert!(
                    op.name.starts_with(&format!("{}.", f.family)),
                    "{}",
                    op.name
                );
            }
        }
    }

    #[test]
    fn no_schema_name_is_defined_twice() {
        let mut names: Vec<String> = all_schemas().map(|(n, _)| n).collect();
        let all = names.len();
        names.sort();
        names.dedup();
        assert_eq!(
            all,
            names.len(),
            "two families define a schema of the same name"
        );
    }

    #[test]
    fn only_composed_flows_have_no_wire() {
        for op in catalog().iter() {
            let flow = matches!(entry(op.family).runs, Runs::Flow(_));
            assert_eq!(wire_for(op).is_err(), flow, "{}", op.name);
            assert_eq!(flow, op.method == "FLOW", "{}", op.name);
        }
    }
}
