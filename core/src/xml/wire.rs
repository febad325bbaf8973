//! The XML API on the wire: `username`, `password`, `action`, the action's parameters and
//! `clTRID` as form pairs, in a POST body (default) or a GET query string; XML responses.

use super::catalog::CLTRID;
use super::parse::decode_response;
use super::rules;
use crate::catalog::{Location, Operation};
use crate::client::Client;
use crate::config::XmlMethod;
use crate::encode::encode_pairs;
use crate::error::{Error, ErrorKind, Result};
use crate::retry;
use crate::transport::{HttpRequest, HttpResponse};
use crate::wire::Wire;
use serde_json::{Map, Value};

pub(crate) struct XmlWire;

/// A fresh client transaction id: `lpc` and 24 hex digits (96 random bits).
pub fn new_cltrid() -> String {
    format!("lpc{}", crate::random::id_hex(12))
}

impl Wire for XmlWire {
    fn normalize(&self, _client: &Client, op: &Operation, params: &mut Map<String, Value>) {
        rules::normalize(op, params);
    }

    fn check(&self, op: &Operation, params: &Map<String, Value>) -> Result<()> {
        rules::check(op, params)
    }

    fn build(
        &self,
        client: &Client,
        op: &Operation,
        params: &Map<String, Value>,
    ) -> Result<HttpRequest> {
        let cfg = &client.config().xml;
        let username = cfg
            .username
            .as_deref()
            .filter(|u| !u.is_empty())
            .ok_or_else(|| not_configured("xml.username", "PHONECOM_XML_USERNAME"))?;
        let password = cfg
            .password
            .as_ref()
            .filter(|p| !p.is_empty())
            .ok_or_else(|| not_configured("xml.password", "PHONECOM_XML_PASSWORD"))?;
        let pairs = form_pairs(op, params, username, password.expose());
        let encoded = encode_pairs(&pairs);
        let base = cfg.base_url.as_str();
        let (method, url, body) = match cfg.method {
            XmlMethod::Post => (
                "POST",
                base.to_string(),
                Some((
                    "application/x-www-form-urlencoded".to_string(),
                    encoded.into_bytes(),
                )),
            ),
            XmlMethod::Get => {
                let sep = if base.contains('?') { '&' } else { '?' };
                ("GET", format!("{base}{sep}{encoded}"), None)
            }
        };
        Ok(HttpRequest {
            method: method.into(),
            url,
            headers: vec![(
                "Accept".into(),
                "application/xml, text/xml;q=0.9, */*;q=0.1".into(),
            )],
            body,
            // Every request carries a clTRID (the caller's or a generated one), sent unchanged on
            // every attempt: the project's retry policy treats it as the request's idempotency key.
            idempotent: op.idempotent,
        })
    }

    fn decode(&self, _client: &Client, op: &Operation, resp: &HttpResponse) -> Result<Value> {
        if (200..300).contains(&resp.status) {
            return decode_response(&op.path, &resp.body).map_err(|e| e.with_status(resp.status));
        }
        Err(http_error(resp))
    }
}

/// The request's pairs: credentials, action, the parameters in catalog order (a list repeats its
/// name, as `toName`/`toNumber` of `sendChatCall`), and the clTRID (generated when absent).
pub(crate) fn form_pairs(
    op: &Operation,
    params: &Map<String, Value>,
    username: &str,
    password: &str,
) -> Vec<(String, String)> {
    let mut pairs = vec![
        ("username".to_string(), username.to_string()),
        ("password".to_string(), password.to_string()),
        ("action".to_string(), op.path.clone()),
    ];
    for p in op.params.iter().filter(|p| p.location == Location::Query) {
        if p.name == CLTRID {
            continue;
        }
        match params.get(&p.name) {
            None | Some(Value::Null) => {}
            Some(Value::Array(items)) => {
                pairs.extend(items.iter().map(|v| (p.name.clone(), text(v))))
            }
            Some(v) => pairs.push((p.name.clone(), text(v))),
        }
    }
    let cltrid = params
        .get(CLTRID)
        .and_then(Value::as_str)
        .map(str::to_string)
        .unwrap_or_else(new_cltrid);
    pairs.push((CLTRID.to_string(), cltrid));
    pairs
}

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn not_configured(field: &str, var: &str) -> Error {
    Error::new(
        ErrorKind::Authentication,
        format!("{field} is not configured (set it in the config or {var})"),
    )
}

/// A non-2xx response: the XML error it carries when it is one, else the HTTP status's error.
fn http_error(resp: &HttpResponse) -> Error {
    let status = resp.status;
    let kind = ErrorKind::from_status(status);
    let err = match decode_response("", &resp.body) {
        Err(e) if e.upstream_message().is_some() => {
            // A `<result status="error">`: its message, and its kind where the status is vague.
            let kind = if kind == ErrorKind::Validation {
                e.kind()
            } else {
                kind
            };
            Error::new(kind, e.message().to_string())
                .with_upstream(None, e.upstream_message().map(str::to_string))
                .with_request_id(e.request_id().map(str::to_string))
        }
        _ => Error::new(
            kind,
            format!("HTTP {status} without an XML API error result"),
        )
        .with_raw_body(&resp.body),
    };
    err.with_family("xml")
        .with_status(status)
        .with_retry_after(resp.retry_after())
        .with_retryable(retry::is_retryable_status(status))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::validate_params;
    use serde_json::json;

    const PASSWORD: &str = "w00t s3cret+&=";

    fn client(method: &str) -> Client {
        Client::from_json(&format!(
            r#"{{"xml": {{"username": "joesmith", "password": "{PASSWORD}", "method": "{method}"}}}}"#
        ))
        .unwrap()
    }

    /// What `Client::prepare` does before sending: normalize, validate, check, build.
    fn build(client: &Client, name: &str, params: Value) -> Result<HttpRequest> {
        let op = crate::catalog().get(name).unwrap();
        let mut params = params.as_object().unwrap().clone();
        XmlWire.normalize(client, op, &mut params);
        let params = validate_params(op, &params)?;
        XmlWire.check(op, &params)?;
        XmlWire.build(client, op, &params)
    }

    fn pairs_of(encoded: &str) -> Vec<(String, String)> {
        crate::encode::decode_pairs(encoded)
    }

    fn sms() -> Value {
        json!({"fromNumber": "+15802820001", "toNumber": "+18583807710", "message": "This is a test"})
    }

    #[test]
    fn post_sends_a_form_body_and_keeps_the_url_clean() {
        let req = build(&client("POST"), "xml.sendSMS", sms()).unwrap();
        assert_eq!(req.method, "POST");
        assert_eq!(req.url, crate::config::XML_BASE_URL);
        assert!(req.idempotent);
        let (ct, body) = req.body.unwrap();
        assert_eq!(ct, "application/x-www-form-urlencoded");
        let body = String::from_utf8(body).unwrap();
        assert!(
            body.starts_with("username=joesmith&password=w00t%20s3cret%2B%26%3D&action=sendSMS&"),
            "{body}"
        );
        assert!(body.contains("fromNumber=%2B15802820001&toNumber=%2B18583807710&message=This%20is%20a%20test&clTRID=lpc"), "{body}");
        let pairs = pairs_of(&body);
        assert!(pairs.contains(&("password".into(), PASSWORD.into())));
        assert!(pairs.contains(&("toNumber".into(), "+18583807710".into())));
    }

    #[test]
    fn cltrid_is_generated_unique_or_taken_from_the_caller() {
        let c = client("POST");
        let id = |req: HttpRequest| {
            let body = String::from_utf8(req.body.unwrap().1).unwrap();
            pairs_of(&body)
                .into_iter()
                .find(|(k, _)| k == "clTRID")
                .unwrap()
                .1
        };
        let a = id(build(&c, "xml.getPhoneNumberList", json!({})).unwrap());
        let b = id(build(&c, "xml.getPhoneNumberList", json!({})).unwrap());
        assert_ne!(a, b);
        assert_eq!(a.len(), 27);
        assert!(a.starts_with("lpc") && a[3..].bytes().all(|b| b.is_ascii_hexdigit()));
        let mine = id(build(&c, "xml.getPhoneNumberList", json!({"clTRID": "order-42"})).unwrap());
        assert_eq!(mine, "order-42");
    }

    #[test]
    fn get_puts_everything_in_the_query_and_the_redactor_masks_the_password() {
        let c = client("GET");
        let req = build(&c, "xml.sendSMS", sms()).unwrap();
        assert_eq!(req.method, "GET");
        assert!(req.body.is_none());
        let (base, query) = req.url.split_once('?').unwrap();
        assert_eq!(base, crate::config::XML_BASE_URL);
        assert!(
            query.contains("action=sendSMS&fromNumber=%2B15802820001"),
            "{query}"
        );
        assert!(query.contains("password=w00t%20s3cret%2B%26%3D"), "{query}");
        for masked in [
            c.redact(&req.url),
            crate::Redactor::new([PASSWORD]).redact(&req.url),
            crate::Redactor::default().redact(&req.url),
        ] {
            assert!(!masked.contains("w00t"), "{masked}");
            assert!(!masked.contains("s3cret"), "{masked}");
            assert!(masked.contains("action=sendSMS"), "{masked}");
        }
        // XML calls mask `username=` by name (the client's call path), not by value.
        assert!(crate::secret::mask_pairs_named(&req.url, "username").contains("username=***&"));
    }

    #[test]
    fn get_masks_the_new_password_of_create_account() {
        let c = client("GET");
        let req = build(
            &c,
            "xml.createAccount",
            json!({"newUsername": "acme-1", "newPassword": "N3w-S3cret!", "name": "Ada", "address": "1 Elm St",
                   "city": "Paris", "country": "FR", "phone": "+33142000000", "email": "ada@example.com"}),
        )
        .unwrap();
        assert!(req.url.contains("newPassword=N3w-S3cret%21"), "{}", req.url);
        let masked = c.redact(&req.url);
        assert!(!masked.contains("N3w-S3cret"), "{masked}");
        assert!(masked.contains("newUsername=acme-1"), "{masked}");
    }

    #[test]
    fn chatcall_recipients_repeat_their_names() {
        let req = build(
            &client("POST"),
            "xml.sendChatCall",
            json!({
                "fromName": "Joe", "fromEmail": "joe@example.com", "message": "Hi",
                "toName": ["Ann", "Bob"], "toNumber": ["+18585550101", "+16045550102"],
                "sendDate": 1196515730,
            }),
        )
        .unwrap();
        let body = String::from_utf8(req.body.unwrap().1).unwrap();
        assert!(
            body.contains("toName=Ann&toName=Bob&toNumber=%2B18585550101&toNumber=%2B16045550102"),
            "{body}"
        );
        assert!(body.contains("sendDate=1196515730"), "{body}");
        // One recipient may be given as plain strings.
        build(
            &client("POST"),
            "xml.sendChatCall",
            json!({"fromName": "Joe", "fromEmail": "joe@example.com", "message": "Hi",
                   "toName": "Ann", "toNumber": "+18585550101"}),
        )
        .unwrap();
    }

    #[test]
    fn inventory_numbers_are_sent_as_digits() {
        let req = build(
            &client("POST"),
            "xml.reservePhoneNumber",
            json!({"phoneNumber": "+18585608120"}),
        )
        .unwrap();
        let body = String::from_utf8(req.body.unwrap().1).unwrap();
        assert!(body.contains("phoneNumber=18585608120&"), "{body}");
    }

    #[test]
    fn missing_credentials_are_an_authentication_error() {
        let c = Client::from_json("{}").unwrap();
        let e = build(&c, "xml.getVoiceList", json!({})).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Authentication);
        assert!(e.to_string().contains("xml.username"), "{e}");
    }

    fn resp(status: u16, body: &str) -> HttpResponse {
        HttpResponse::canned(status, body, &[("retry-after", "2")])
    }

    #[test]
    fn http_errors_keep_the_xml_message_or_the_body() {
        let e = http_error(&resp(
            503,
            r#"<response><result status="error"><msg>Service temporarily unavailable</msg></result><trID><svTRID>77</svTRID></trID></response>"#,
        ));
        assert_eq!(e.kind(), ErrorKind::Server);
        assert_eq!(e.status(), Some(503));
        assert_eq!(
            e.upstream_message(),
            Some("Service temporarily unavailable")
        );
        assert_eq!(e.request_id(), Some("77"));
        assert!(e.is_retryable());
        let e = http_error(&resp(429, "slow down"));
        assert_eq!(e.kind(), ErrorKind::RateLimited);
        assert_eq!(e.raw_body(), Some("slow down"));
        assert_eq!(e.retry_after(), Some(std::time::Duration::from_secs(2)));
    }
}
