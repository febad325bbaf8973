//! Value types and checks shared by the families: E.164 numbers, vanity patterns, contacts,
//! UUIDs, `Y`/`N` flags, dollar amounts, timestamps and durations.

pub mod contact;
pub mod e164;
pub mod money;
pub mod timestamp;
pub mod uuid;
pub mod vanity;
pub mod yn;

pub use contact::{Address, Contact};
pub use money::Money;
pub use timestamp::Timestamp;
