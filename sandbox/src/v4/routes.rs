//! The v4 route table (every path of the operation catalog) and the path matcher.

/// What serves a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Res {
    Ping,
    TokenGrant,
    Authorize,
    Available,
    Regions,
    Accounts,
    Account,
    Subaccounts,
    PhoneNumbers,
    Sms,
    Calls,
    CallLogs,
    Extensions,
    CallerIds,
    Listeners,
    EventTypes,
    Subscriptions,
    ExpressCodes,
    MediaUpload,
    Media,
    Voicemail,
    /// Payment methods (a create needs a card token; the rest is plain CRUD).
    PaymentMethods,
    /// Plain in-memory CRUD.
    Generic,
}

/// One path template and the methods it answers.
#[derive(Debug)]
pub struct Route {
    /// Space-separated methods.
    pub methods: &'static str,
    /// Path template below `/v4`.
    pub template: &'static str,
    /// The handler family.
    pub res: Res,
}

const fn r(methods: &'static str, template: &'static str, res: Res) -> Route {
    Route {
        methods,
        template,
        res,
    }
}

/// Every v4 path (one line per template, 64 templates, 113 operations).
pub static ROUTES: &[Route] = &[
    r("GET", "/ping", Res::Ping),
    // One template, two methods: POST grants a token (no Bearer), GET describes the presented one.
    r("GET POST", "/oauth/access-token", Res::TokenGrant),
    r("GET", "/oauth/authorization", Res::Authorize),
    r("GET", "/phone-numbers/available", Res::Available),
    r("GET", "/phone-numbers/available/regions", Res::Regions),
    r("GET", "/accounts", Res::Accounts),
    r("GET", "/accounts/{account_id}", Res::Account),
    r("GET", "/accounts/{account_id}/applications", Res::Generic),
    r(
        "GET",
        "/accounts/{account_id}/applications/{application_id}",
        Res::Generic,
    ),
    r("GET", "/accounts/{account_id}/call-logs", Res::CallLogs),
    r(
        "GET",
        "/accounts/{account_id}/call-logs/{call_id}",
        Res::CallLogs,
    ),
    r("POST", "/accounts/{account_id}/calls", Res::Calls),
    r("GET POST", "/accounts/{account_id}/devices", Res::Generic),
    r(
        "GET PUT DELETE",
        "/accounts/{account_id}/devices/{device_id}",
        Res::Generic,
    ),
    r(
        "GET",
        "/accounts/{account_id}/express-service-codes",
        Res::ExpressCodes,
    ),
    r(
        "GET",
        "/accounts/{account_id}/express-service-codes/{code_id}",
        Res::ExpressCodes,
    ),
    r(
        "GET POST",
        "/accounts/{account_id}/extensions",
        Res::Extensions,
    ),
    r(
        "GET PUT",
        "/accounts/{account_id}/extensions/{extension_id}",
        Res::Extensions,
    ),
    r(
        "GET",
        "/accounts/{account_id}/extensions/{extension_id}/caller-ids",
        Res::CallerIds,
    ),
    r(
        "POST",
        "/accounts/{account_id}/extensions/{extension_id}/calls",
        Res::Calls,
    ),
    r(
        "GET POST",
        "/accounts/{account_id}/extensions/{extension_id}/contact-groups",
        Res::Generic,
    ),
    r(
        "GET PUT DELETE",
        "/accounts/{account_id}/extensions/{extension_id}/contact-groups/{group_id}",
        Res::Generic,
    ),
    r(
        "GET POST",
        "/accounts/{account_id}/extensions/{extension_id}/contacts",
        Res::Generic,
    ),
    r(
        "GET PUT DELETE",
        "/accounts/{account_id}/extensions/{extension_id}/contacts/{contact_id}",
        Res::Generic,
    ),
    r(
        "GET POST",
        "/accounts/{account_id}/extensions/{extension_id}/listeners",
        Res::Listeners,
    ),
    r(
        "GET PUT DELETE",
        "/accounts/{account_id}/extensions/{extension_id}/listeners/{listener_id}",
        Res::Listeners,
    ),
    r(
        "GET POST",
        "/accounts/{account_id}/extensions/{extension_id}/sms",
        Res::Sms,
    ),
    r(
        "GET PATCH",
        "/accounts/{account_id}/extensions/{extension_id}/sms/{sms_id}",
        Res::Sms,
    ),
    r(
        "GET POST",
        "/accounts/{account_id}/integrations/events/subscriptions",
        Res::Subscriptions,
    ),
    r(
        "GET DELETE",
        "/accounts/{account_id}/integrations/events/subscriptions/{subscription_id}",
        Res::Subscriptions,
    ),
    r(
        "GET",
        "/accounts/{account_id}/integrations/events/types",
        Res::EventTypes,
    ),
    r(
        "GET POST",
        "/accounts/{account_id}/listeners",
        Res::Listeners,
    ),
    r(
        "GET PUT DELETE",
        "/accounts/{account_id}/listeners/{listener_id}",
        Res::Listeners,
    ),
    r("GET", "/accounts/{account_id}/media", Res::Media),
    r(
        "POST",
        "/accounts/{account_id}/media/files",
        Res::MediaUpload,
    ),
    r(
        "PUT",
        "/accounts/{account_id}/media/files/{media_id}",
        Res::MediaUpload,
    ),
    r("POST", "/accounts/{account_id}/media/tts", Res::MediaUpload),
    r(
        "PUT",
        "/accounts/{account_id}/media/tts/{media_id}",
        Res::MediaUpload,
    ),
    r(
        "GET DELETE",
        "/accounts/{account_id}/media/{media_id}",
        Res::Media,
    ),
    r("GET POST", "/accounts/{account_id}/menus", Res::Generic),
    r(
        "GET PUT DELETE",
        "/accounts/{account_id}/menus/{menu_id}",
        Res::Generic,
    ),
    r("GET", "/accounts/{account_id}/oauth/clients", Res::Generic),
    r(
        "GET DELETE",
        "/accounts/{account_id}/oauth/clients/{client_id}",
        Res::Generic,
    ),
    r(
        "GET POST",
        "/accounts/{account_id}/oauth/clients/{client_id}/redirect-uris",
        Res::Generic,
    ),
    r(
        "GET DELETE",
        "/accounts/{account_id}/oauth/clients/{client_id}/redirect-uris/{uri_id}",
        Res::Generic,
    ),
    r(
        "GET POST",
        "/accounts/{account_id}/payment-methods",
        Res::PaymentMethods,
    ),
    r(
        "GET PATCH DELETE",
        "/accounts/{account_id}/payment-methods/{pm_id}",
        Res::PaymentMethods,
    ),
    r(
        "GET POST",
        "/accounts/{account_id}/phone-numbers",
        Res::PhoneNumbers,
    ),
    r(
        "GET PUT",
        "/accounts/{account_id}/phone-numbers/{number_id}",
        Res::PhoneNumbers,
    ),
    r("GET POST", "/accounts/{account_id}/queues", Res::Generic),
    r(
        "GET PUT DELETE",
        "/accounts/{account_id}/queues/{queue_id}",
        Res::Generic,
    ),
    r("GET POST", "/accounts/{account_id}/routes", Res::Generic),
    r(
        "GET PUT DELETE",
        "/accounts/{account_id}/routes/{route_id}",
        Res::Generic,
    ),
    r("GET", "/accounts/{account_id}/schedules", Res::Generic),
    r(
        "GET",
        "/accounts/{account_id}/schedules/{schedule_id}",
        Res::Generic,
    ),
    r("GET POST", "/accounts/{account_id}/sms", Res::Sms),
    r("GET PATCH", "/accounts/{account_id}/sms/{sms_id}", Res::Sms),
    r(
        "GET POST",
        "/accounts/{account_id}/subaccounts",
        Res::Subaccounts,
    ),
    r(
        "GET POST",
        "/accounts/{account_id}/subaccounts/{subaccount_id}/pricing",
        Res::Generic,
    ),
    r(
        "GET DELETE",
        "/accounts/{account_id}/subaccounts/{subaccount_id}/pricing/{pricing_id}",
        Res::Generic,
    ),
    r("GET POST", "/accounts/{account_id}/trunks", Res::Generic),
    r(
        "GET PUT DELETE",
        "/accounts/{account_id}/trunks/{trunk_id}",
        Res::Generic,
    ),
    r("GET", "/accounts/{account_id}/voicemail", Res::Voicemail),
    r(
        "GET PATCH",
        "/accounts/{account_id}/voicemail/{voicemail_id}",
        Res::Voicemail,
    ),
];

/// A matched route with its path parameters.
#[derive(Debug)]
pub struct Matched {
    /// The route.
    pub route: &'static Route,
    /// `(placeholder, value)` in path order.
    pub params: Vec<(&'static str, String)>,
    /// The concrete path (below `/v4`) of the collection addressed: the path itself for
    /// collection routes, the path without its last segment for item routes.
    pub collection: String,
}

impl Matched {
    /// The value of `{name}`.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The item id, for item routes (templates ending in a placeholder other than the account).
    pub fn item_id(&self) -> Option<&str> {
        match self.params.last() {
            Some((k, v)) if *k != "account_id" && self.route.template.ends_with('}') => Some(v),
            _ => None,
        }
    }

    /// Whether the route answers `method`.
    pub fn allows(&self, method: &str) -> bool {
        self.route.methods.split(' ').any(|m| m == method)
    }
}

/// Finds the route for `path` (below `/v4`, no trailing slash); literal segments beat
/// placeholders (`/media/files` is not `/media/{media_id}`).
pub fn find(path: &str) -> Option<Matched> {
    let segs: Vec<&str> = path.split('/').skip(1).collect();
    let mut best: Option<(usize, Matched)> = None;
    for route in ROUTES {
        let tsegs: Vec<&str> = route.template.split('/').skip(1).collect();
        if tsegs.len() != segs.len() {
            continue;
        }
        let mut params = Vec::new();
        let mut literals = 0;
        let ok = tsegs.iter().zip(&segs).all(|(t, s)| {
            match t.strip_prefix('{').and_then(|t| t.strip_suffix('}')) {
                Some(name) => {
                    params.push((name, s.to_string()));
                    !s.is_empty()
                }
                None => {
                    literals += 1;
                    t == s
                }
            }
        });
        if ok && best.as_ref().is_none_or(|(l, _)| literals > *l) {
            let collection = if route.template.ends_with('}') && segs.len() > 2 {
                path.rsplit_once('/')
                    .map(|(c, _)| c.to_string())
                    .unwrap_or_default()
            } else {
                path.to_string()
            };
            best = Some((
                literals,
                Matched {
                    route,
                    params,
                    collection,
                },
            ));
        }
    }
    best.map(|(_, m)| m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_templates() {
        let m = find("/accounts/1000001/media/files").unwrap();
        assert_eq!(m.route.res, Res::MediaUpload);
        let m = find("/accounts/1000001/media/17").unwrap();
        assert_eq!((m.route.res, m.item_id()), (Res::Media, Some("17")));
        let m = find("/accounts/5/extensions/111/contacts/9").unwrap();
        assert_eq!(m.param("extension_id"), Some("111"));
        assert_eq!(m.collection, "/accounts/5/extensions/111/contacts");
        assert!(m.allows("DELETE") && !m.allows("POST"));
        let m = find("/accounts/5").unwrap();
        assert_eq!((m.route.res, m.item_id()), (Res::Account, None));
        assert!(find("/accounts/5/nothing").is_none());
        assert!(find("/accounts//sms").is_none());
        assert_eq!(
            find("/phone-numbers/available/regions").unwrap().route.res,
            Res::Regions
        );
    }

    #[test]
    fn covers_the_catalog_operation_count() {
        let ops: usize = ROUTES.iter().map(|r| r.methods.split(' ').count()).sum();
        assert_eq!(ops, 113);
    }
}
