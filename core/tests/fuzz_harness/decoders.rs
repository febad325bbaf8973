//! Targets for what the network sends: XML API bodies and every family's HTTP responses.

use super::{client, operation, show, split_first_line};

/// `ACTION\nBODY`: [`phonecom::xml::decode_response`] of the XML API action named on the first
/// line (an unknown name picks one), with the rest as the body. It must give exactly what the
/// full parser alone gives (`getCallList` replies are read in one pass over the text; a
/// difference is a finding, like a panic), for the named action and for `getCallList`.
pub fn xml_response(data: &[u8]) {
    let (name, body) = split_first_line(data);
    let op = operation(&format!("xml.{name}"), |op| op.family == "xml");
    for action in [op.path.as_str(), "getCallList"] {
        let decoded = phonecom::xml::decode_response(action, body);
        let tree = phonecom::fuzzing::xml_decode_tree(action, body);
        assert_eq!(
            format!("{decoded:?}"),
            format!("{tree:?}"),
            "the one-pass decoder and the full parser disagree on {action}"
        );
        match decoded {
            Ok(v) => {
                let _ = v.to_string();
            }
            Err(e) => {
                show(&e);
                let _ = phonecom::xml::kind_of_message(e.message());
            }
        }
    }
}

/// `OPERATION STATUS\nHeader: value\n...\n\nBODY`: what a call of OPERATION (any family with a
/// wire: v4, oauth, xml, v1, nol) makes of that response: envelopes, error bodies, upstream
/// codes, `Retry-After` (header or body), redirects, and the masking of the error.
pub fn wire_response(data: &[u8]) {
    let (first, mut rest) = split_first_line(data);
    let (name, status) = first.split_once(' ').unwrap_or((first.as_str(), ""));
    let op = operation(name, |op| op.family != "express");
    let status = status.trim().parse::<u16>().unwrap_or(200);
    let mut headers = Vec::new();
    loop {
        let (line, after) = split_first_line(rest);
        if line.is_empty() {
            rest = after;
            break;
        }
        if let Some((k, v)) = line.split_once(':') {
            headers.push((k.trim().to_string(), v.trim().to_string()));
        }
        rest = after;
    }
    let client = client();
    match phonecom::fuzzing::decode_response(&client, &op.name, status, headers, rest.to_vec()) {
        Ok(v) => {
            let _ = v.to_string();
        }
        Err(e) => show(&e),
    }
}
