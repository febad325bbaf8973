//! Value types and checks shared by the families: E.164 numbers, vanity patterns, contacts.

pub mod contact;
pub mod e164;
pub mod vanity;

pub use contact::{Address, Contact};
