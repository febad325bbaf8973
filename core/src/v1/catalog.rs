//! The REST v1 catalog: eleven services, each with the verbs it allows.
//!
//! The formatting document lists the services and details only `/menus` (its POST schema),
//! the SMS and greeting objects, and `/media` uploads. Where it is silent the choice made here
//! is said in the operation's doc line:
//!
//! | service | verbs | fields |
//! |---|---|---|
//! | calls | list get create delete | `body` (not in the document) |
//! | sms | list get create delete | the SMS object's settable fields |
//! | menus | list get create update delete | the document's JSON schema |
//! | queues, routes | list get create update delete | `body` |
//! | media | list get create update delete | the greeting object; `file` upload (create, and update to replace the audio) |
//! | batch | list get create delete | `body` |
//! | contacts, contact_groups, schedules, extensions | list get create update delete | `body` |
//!
//! Calls, SMS messages and batches have no update: a placed call or a sent message is a record
//! of something done, and a batch has already sent one call or SMS per recipient, so replacing
//! the object would change the record without changing what happened (cancel a scheduled one
//! with delete and create it anew).
//!
//! Phone numbers and UUID references inside `body` are checked (and numbers normalised) by the
//! per-service map in `wire.rs` before sending, as declared fields are.

use crate::catalog::{
    Auth, Family, Format, Location, Operation, Paging, PagingKind, Param, ParamType,
};

/// Largest request body (media file or JSON object) REST v1 accepts: the document's "20 MB",
/// read as 20,000,000 bytes (the stricter reading: refusing locally beats an upload the
/// upstream refuses after 20 MB have travelled).
pub const MAX_BODY_BYTES: u64 = 20_000_000;

#[derive(Clone, Copy, PartialEq)]
enum Verb {
    List,
    Get,
    Create,
    Update,
    Delete,
}

struct Service {
    name: &'static str,
    /// Plural, for list docs.
    things: &'static str,
    /// Singular, for item docs.
    thing: &'static str,
    verbs: &'static [Verb],
}

use Verb::*;

const SERVICES: &[Service] = &[
    Service {
        name: "calls",
        things: "phone calls",
        thing: "phone call",
        verbs: &[List, Get, Create, Delete],
    },
    Service {
        name: "sms",
        things: "SMS messages",
        thing: "SMS message",
        verbs: &[List, Get, Create, Delete],
    },
    Service {
        name: "menus",
        things: "menus",
        thing: "menu",
        verbs: &[List, Get, Create, Update, Delete],
    },
    Service {
        name: "queues",
        things: "call queues",
        thing: "queue",
        verbs: &[List, Get, Create, Update, Delete],
    },
    Service {
        name: "routes",
        things: "routes (call handling rules)",
        thing: "route",
        verbs: &[List, Get, Create, Update, Delete],
    },
    Service {
        name: "media",
        things: "media (greetings and hold music)",
        thing: "media object",
        verbs: &[List, Get, Create, Update, Delete],
    },
    Service {
        name: "batch",
        things: "batches of calls and SMS messages",
        thing: "batch",
        verbs: &[List, Get, Create, Delete],
    },
    Service {
        name: "contacts",
        things: "address-book contacts",
        thing: "contact",
        verbs: &[List, Get, Create, Update, Delete],
    },
    Service {
        name: "contact_groups",
        things: "contact groups",
        thing: "contact group",
        verbs: &[List, Get, Create, Update, Delete],
    },
    Service {
        name: "schedules",
        things: "schedules",
        thing: "schedule",
        verbs: &[List, Get, Create, Update, Delete],
    },
    Service {
        name: "extensions",
        things: "extensions",
        thing: "extension",
        verbs: &[List, Get, Create, Update, Delete],
    },
];

fn p(name: &str, location: Location, ty: ParamType, required: bool, doc: &str) -> Param {
    Param::new(name, location, ty, required, doc)
}

fn with_format(mut param: Param, f: Format) -> Param {
    param.format = Some(f);
    param
}

fn resource_id() -> Param {
    with_format(
        p(
            "resource_id",
            Location::Path,
            ParamType::String,
            true,
            "The object's resource_id (a UUID)",
        ),
        Format::Uuid,
    )
}

fn flag(name: &str, doc: &str) -> Param {
    with_format(
        p(name, Location::Body, ParamType::Boolean, false, doc),
        Format::Yn,
    )
}

fn uuid_ref(name: &str, required: bool, doc: &str) -> Param {
    with_format(
        p(name, Location::Body, ParamType::String, required, doc),
        Format::Uuid,
    )
}

fn body(svc: &Service) -> Param {
    p(
        "body",
        Location::Body,
        ParamType::Object,
        true,
        &format!(
            "The {} as the /{} reference defines it (the formatting document lists no fields); true/false travel as \"Y\"/\"N\"",
            svc.thing, svc.name
        ),
    )
}

/// The `/menus` POST schema of the document (also used for PUT, a full replacement).
fn menu_fields() -> Vec<Param> {
    let mut wait = p(
        "wait_time",
        Location::Body,
        ParamType::Integer,
        false,
        "Wait time, an integer (digits only)",
    );
    wait.min = Some(0);
    let mut digits = with_format(
        p(
            "digits",
            Location::Body,
            ParamType::Array,
            true,
            "The menu options: 1+ {digit: 0-9 or \"pound\", route: a route's UUID}",
        ),
        Format::MenuDigits,
    );
    digits.min = Some(1);
    vec![
        p(
            "name",
            Location::Body,
            ParamType::String,
            false,
            "Name of the menu",
        ),
        uuid_ref(
            "outgoing_recording",
            false,
            "Greeting played to callers (a /media resource_id)",
        ),
        uuid_ref(
            "invalid_entry_recording",
            false,
            "Message played on an invalid entry (a /media resource_id)",
        ),
        flag(
            "allow_extension_dial",
            "Let callers dial an extension directly",
        ),
        p(
            "level",
            Location::Body,
            ParamType::Integer,
            false,
            "Menu level, an integer",
        ),
        wait,
        digits,
    ]
}

/// The settable fields of the document's SMS object.
fn sms_fields() -> Vec<Param> {
    let mut message = p(
        "message",
        Location::Body,
        ParamType::String,
        true,
        "The text",
    );
    message.min = Some(1);
    vec![
        with_format(
            p(
                "to",
                Location::Body,
                ParamType::String,
                true,
                "Recipient, E.164 (the + is added when missing)",
            ),
            Format::E164V1,
        ),
        with_format(
            p(
                "from",
                Location::Body,
                ParamType::String,
                true,
                "Sender, one of the account's numbers, E.164",
            ),
            Format::E164V1,
        ),
        message,
        p(
            "url",
            Location::Body,
            ParamType::String,
            false,
            "Your application's URL for this message's events",
        ),
        p(
            "backup_url",
            Location::Body,
            ParamType::String,
            false,
            "Fallback URL when `url` fails",
        ),
        uuid_ref("application_id", false, "Your application's id (UUID)"),
    ]
}

/// The fields of the document's greeting object that a caller sets.
fn media_fields() -> Vec<Param> {
    vec![
        p(
            "name",
            Location::Body,
            ParamType::String,
            false,
            "Name of the greeting or music",
        ),
        flag("is_hold_music", "Whether it is hold music"),
        flag("is_temporary", "Whether it is temporary"),
        p("notes", Location::Body, ParamType::String, false, "Notes"),
        p(
            "origin",
            Location::Body,
            ParamType::String,
            false,
            "How it was made, e.g. \"tts\" (text to speech)",
        ),
        p(
            "tts_text",
            Location::Body,
            ParamType::String,
            false,
            "Text to speak (text-to-speech media)",
        ),
        p(
            "tts_voice",
            Location::Body,
            ParamType::String,
            false,
            "Text-to-speech voice, e.g. \"amy\"",
        ),
    ]
}

const LIST_NOTE: &str = "GET on the collection: the document is silent on list verbs; chosen";
const QUERY_DOC: &str = "Optional query arguments, sent as given ({name: value or [values]}); \
                         the formatting document defines none";
const FILE_DOC: &str = "The audio: .mp3 (audio/mpeg), .ulaw (audio/x-ulaw) or .wav (audio/wav, \
                        audio/x-wav), 20 MB at most; sent as multipart/form-data part `file` (the \
                        document does not say how the bytes travel; chosen)";
const UPDATE_NOTE: &str = "PUT: the document says only \"POST or PUT\"; a full update is chosen";
const DELETE_NOTE: &str = "the document is silent on DELETE; chosen";

/// The doc line and fields of a service's create.
fn create_fields(svc: &Service) -> (String, Vec<Param>) {
    match svc.name {
        "menus" => (
            "Create a menu (the document's POST /menus schema is enforced before sending)".into(),
            menu_fields(),
        ),
        "sms" => (
            "Send an SMS message (fields of the document's SMS object; required ones chosen: \
             to, from, message)"
                .into(),
            sms_fields(),
        ),
        "media" => {
            let mut fields = media_fields();
            let file = Param {
                required_unless: vec!["tts_text".into()],
                ..p("file", Location::Form, ParamType::File, false, FILE_DOC)
            };
            fields.insert(1, file);
            (
                "Add a greeting or hold music: upload `file`, or give `tts_text` for text to speech"
                    .into(),
                fields,
            )
        }
        "calls" => (
            "Make a phone call; the call's fields go in `body`".into(),
            vec![body(svc)],
        ),
        _ => (
            format!("Create a {}; its fields go in `body`", svc.thing),
            vec![body(svc)],
        ),
    }
}

fn operation(svc: &Service, verb: Verb) -> Operation {
    let collection = format!("/{}", svc.name);
    let item = format!("/{}/{{resource_id}}", svc.name);
    let (verb_name, method, path, doc, params) = match verb {
        List => {
            let doc = format!("List {} ({LIST_NOTE})", svc.things);
            let query = p(
                "query",
                Location::Query,
                ParamType::Object,
                false,
                QUERY_DOC,
            );
            ("list", "GET", collection, doc, vec![query])
        }
        Get => (
            "get",
            "GET",
            item,
            format!("Get one {} by its resource_id", svc.thing),
            vec![resource_id()],
        ),
        Create => {
            let (doc, fields) = create_fields(svc);
            ("create", "POST", collection, doc, fields)
        }
        Update => {
            let fields = match svc.name {
                "menus" => menu_fields(),
                "media" => {
                    let mut fields = media_fields();
                    fields.insert(
                        1,
                        p(
                            "file",
                            Location::Form,
                            ParamType::File,
                            false,
                            &format!("Replacement audio (optional): {FILE_DOC}"),
                        ),
                    );
                    fields
                }
                _ => vec![body(svc)],
            };
            (
                "update",
                "PUT",
                item,
                format!("Replace one {} whole ({UPDATE_NOTE})", svc.thing),
                std::iter::once(resource_id()).chain(fields).collect(),
            )
        }
        Delete => {
            let what = if svc.name == "calls" {
                "Delete (cancel) a scheduled phone call".to_string()
            } else {
                format!("Delete one {}", svc.thing)
            };
            (
                "delete",
                "DELETE",
                item,
                format!("{what} ({DELETE_NOTE})"),
                vec![resource_id()],
            )
        }
    };
    Operation {
        name: format!("v1.{}.{verb_name}", svc.name),
        family: Family::V1,
        method: method.into(),
        path,
        doc,
        tag: Some(svc.name.into()),
        // The document names no response schemas; the typed models are in `v1::models`.
        returns: None,
        pageable: verb == List,
        // Lists are walked by `limit`/`offset` query arguments (see `list.rs`).
        paging: (verb == List).then(|| Paging::new(PagingKind::V1, &["items"])),
        auth: Auth::Required,
        idempotent: Operation::method_is_idempotent(method),
        redirects: false,
        secret_results: vec![],
        origin: None,
        params,
    }
}

/// Every v1 operation.
pub(crate) fn operations() -> Vec<Operation> {
    SERVICES
        .iter()
        .flat_map(|svc| svc.verbs.iter().map(move |v| operation(svc, *v)))
        .collect()
}

/// The eleven service names, in the document's order.
pub fn services() -> impl Iterator<Item = &'static str> {
    SERVICES.iter().map(|s| s.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_service_and_verb() {
        let ops = operations();
        assert_eq!(ops.len(), 52);
        assert_eq!(services().count(), 11);
        for svc in services() {
            for verb in ["list", "get"] {
                assert!(
                    ops.iter().any(|o| o.name == format!("v1.{svc}.{verb}")),
                    "{svc}.{verb}"
                );
            }
        }
        let menus = ops.iter().find(|o| o.name == "v1.menus.create").unwrap();
        assert_eq!(menus.method, "POST");
        assert_eq!(menus.path, "/menus");
        assert!(menus.param("digits").unwrap().required);
        let upd = ops.iter().find(|o| o.name == "v1.menus.update").unwrap();
        assert_eq!(upd.path, "/menus/{resource_id}");
        assert_eq!(upd.param("resource_id").unwrap().format, Some(Format::Uuid));
        for svc in ["contacts", "contact_groups", "schedules", "extensions"] {
            for verb in ["create", "update", "delete"] {
                assert!(
                    ops.iter().any(|o| o.name == format!("v1.{svc}.{verb}")),
                    "{svc}.{verb}"
                );
            }
            let create = ops
                .iter()
                .find(|o| o.name == format!("v1.{svc}.create"))
                .unwrap();
            assert_eq!(
                (create.method.as_str(), create.path.clone()),
                ("POST", format!("/{svc}"))
            );
            assert!(create.param("body").unwrap().required);
        }
        for svc in ["calls", "sms", "batch"] {
            assert!(!ops.iter().any(|o| o.name == format!("v1.{svc}.update")));
        }
        let media_update = ops.iter().find(|o| o.name == "v1.media.update").unwrap();
        let file = media_update.param("file").unwrap();
        assert_eq!((file.ty, file.required), (ParamType::File, false));
    }
}
