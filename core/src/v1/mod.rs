//! Phone.com REST API v1 (`https://v1.api.phone.com/`): the eleven services as catalog entries
//! `v1.<service>.<list|get|create|update|delete>`, the document's formatting rules in both
//! directions, the `/menus` schema and the `/media` upload checks.
//!
//! - **Auth**: HTTP Basic with the API key and the application password (`v1.api_key`,
//!   `v1.password` in the config).
//! - **Requests**: JSON bodies; flags are `true`/`false` (or `"Y"`/`"N"`) for the caller and
//!   `"Y"`/`"N"` on the wire; numbers may be quoted; `resource_id`s and references are checked
//!   UUIDs; phone numbers gain their `+` and are checked with the API's rule
//!   `^\+?\d{11,14}$`, in declared fields and, by a per-service map, inside a free-form
//!   `body` ([`check_body_fields`]: `body.to`, `body.group_id`). `/menus` bodies must satisfy
//!   the document's JSON schema and `/media` uploads the audio rules ([`check_media_upload`]);
//!   both are refused before sending, naming the field (`digits[1].route`, `file`). A request
//!   body (file or JSON object) may be 20 MB, read as 20,000,000 bytes ([`MAX_BODY_BYTES`]).
//! - **Results**: the envelope `{"response": {"data": ...}}` is unwrapped and the data
//!   normalised as [`normalize_result`] says (flags to booleans, both `created_date` and
//!   `created_epoch`, durations as integers, dollar strings with exact `_cents`).
//! - **Lists**: the generic call returns one response's rows; `client.pages(...)` and
//!   `client.items(...)` walk a `v1.<service>.list` page by page (`limit`/`offset` query
//!   arguments) up to the `total` the service reports, and the typed lists
//!   ([`V1::list`], [`V1::menus`] ...) do so too, so no row is lost to a page size.
//! - **Errors**: `{"response": {"error": {"info", "url", "code"}}}` becomes an
//!   [`Error`](crate::Error) with `upstream_code` = `code`, `upstream_message` = `info` and
//!   [`doc_url`](crate::Error::doc_url) = `url`; a `field` beside them (the JSON path of the
//!   field at fault, as the sandbox sends) becomes the error's field error, and any other key
//!   its [`details`](crate::Error::details).
//!
//! ```no_run
//! use phonecom::{Client, Config};
//! use serde_json::json;
//! let client = Client::new(Config::from_json(
//!     r#"{"v1": {"api_key": "YOUR_API_KEY", "password": "YOUR_API_PASSWORD"}}"#,
//! )?)?;
//! let menu = client.call("v1.menus.create", json!({
//!     "name": "first_menu",
//!     "allow_extension_dial": false,
//!     "digits": [{"digit": "pound", "route": "6df07874-a797-11e2-bb5a-dc180921aee7"},
//!                {"digit": 0, "route": "ae761ef5-a6bd-11e2-b484-9048ce5be0cc"}],
//! }))?;
//! println!("menu {}", menu["resource_id"]);
//! # Ok::<(), phonecom::Error>(())
//! ```

mod api;
mod catalog;
mod fields;
mod format;
pub(crate) mod list;
mod media;
mod menus;
pub mod models;
pub(crate) mod wire;

pub use api::{rows, V1};
pub use catalog::{services, MAX_BODY_BYTES};
pub use fields::check_body_fields;
pub use format::{check_dates, is_date_name, is_flag_name, normalize_result};
pub use media::{check_media_upload, AudioFormat, CheckedMedia, MEDIA_MAX_BYTES};
pub use menus::check_menu_digits;
pub use models::*;

pub(crate) use catalog::operations;
