//! The seed corpus of every target, written from the test fixtures (`core/tests/fixtures`) and
//! the catalog (every operation, with sample parameters and responses of its family's shapes).
//! `fuzz/seeds.sh` writes it to `fuzz/corpus/<target>/` (not committed: it is regenerated).

use super::TARGETS;
use phonecom::catalog::{Format, Operation, Param, ParamType};
use serde_json::{json, Value};
use std::path::Path;

/// Write every target's seeds under `out/<target>/`, reading the fixtures under `fixtures`.
/// Returns how many files were written.
pub fn write_corpus(fixtures: &Path, out: &Path) -> std::io::Result<usize> {
    let mut written = 0;
    for target in TARGETS {
        let dir = out.join(target.name);
        std::fs::create_dir_all(&dir)?;
        for (i, seed) in seeds(target.name, fixtures)?.iter().enumerate() {
            std::fs::write(dir.join(format!("seed-{i:04}")), seed)?;
            written += 1;
        }
    }
    Ok(written)
}

fn seeds(target: &str, fixtures: &Path) -> std::io::Result<Vec<Vec<u8>>> {
    let ops = || phonecom::catalog().iter();
    Ok(match target {
        "xml_response" => xml_fixtures(fixtures)?
            .into_iter()
            .map(|(action, body)| [format!("{action}\n").into_bytes(), body].concat())
            .collect(),
        "wire_response" => wire_seeds(fixtures)?,
        "validate" => ops()
            .flat_map(|op| {
                [true, false].map(|all| format!("{}\n{}", op.name, sample_params(op, all)))
            })
            .map(String::into_bytes)
            .collect(),
        "callcontrol_request" => texts(&[
            "uniqueID=u1&dialedNumber=%2B18585602222&callerIdNumber=%2B16195550100&callerIdName=Jane+Doe",
            "https://partner.example/cc?uniqueID=u1&dialedNumber=18585602222&previous-response=simple-forward%2C18585550100",
            "uniqueID=u1&dialedNumber=18585602222&previous-response=play-and-get-digits%2CMain+Menu%2CDDD%7CDDDD&digits=123",
            "uniqueID=u1&dialedNumber=18585602222&previous-response=simple-forward%2C18585550100&duration=65",
            "uniqueID=u1&dialedNumber=18585602222&previous-response=bogus&error=Invalid+command&dtmf=ww12",
            r#"{"uniqueID": "u1", "dialedNumber": "+18585602222", "callerIdName": "Jane", "duration": 12}"#,
        ]),
        "callcontrol_command" => texts(&[
            "simple-forward,18585602222ww123",
            "simple-forward-voicetag,\"Sales\",+18585602222",
            "multiple-forward,18585602222,16195550100",
            "multiple-forward-voicetag,\"All hands\",18585602222,16195550100",
            "play-and-get-digits,Main Menu,DDD|DDDD",
            r#"{"command": "simple-forward", "number": "+18585602222", "dtmf": "ww123"}"#,
            r#"{"command": "play-and-get-digits", "recording": "Main Menu", "patterns": ["55D"]}"#,
            r#"{"command": "multiple-forward-voicetag", "text": "Hi", "numbers": ["+18585602222"]}"#,
        ]),
        "types" => texts(&[
            "+18585551234",
            "18585551234",
            "(858) 555-1234",
            "12.50",
            "-0.0001",
            "2024-01-02T03:04:05Z",
            "2024-01-02 03:04:05",
            "1700000000",
            "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
            "1-800-FLOWERS",
            "858***TAXI",
            "Y",
            "n",
            "Wed, 21 Oct 2015 07:28:00 GMT",
            "2.5",
            "a%20b+c%2B&d=%zz",
            "aGVsbG8gd29ybGQ=",
            "insufficient_balance",
            "super-partner\nuser_12.3",
            r#"{"first_name": "Ann", "last_name": "Lee", "email": "a@example.com", "phone": "+18585551234", "address": {"line_1": "1 Main St", "city": "San Diego", "province": "CA", "postal_code": "92101", "country": "US"}}"#,
            r#"{"amount": "12.50", "start_date": "2024-01-02", "to": ["+18585551234"], "application_id": "3f2504e0-4f89-41d3-9a0c-0305e82c3301", "options": {"1": "x"}}"#,
            r#"{"seconds": 90}"#,
            "12.5",
            "\"Y\"",
        ]),
        "uploads" => vec![
            b"greeting.wav\taudio/x-wav\nRIFF\x24\0\0\0WAVEfmt ".to_vec(),
            b"greeting.mp3\nID3\x03\0\0\0\0\0\0".to_vec(),
            b"logo.png\timage/png\n\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
            b"logo.jpg\n\xFF\xD8\xFF\xE0\0\x10JFIF".to_vec(),
            b"logo.webp\timage/webp\nRIFF\x10\0\0\0WEBPVP8 ".to_vec(),
            b"doc.pdf\tapplication/pdf\n%PDF-1.7\n".to_vec(),
            b"logo.svg\timage/svg+xml\n<svg xmlns='http://www.w3.org/2000/svg'/>".to_vec(),
        ],
        "masking" => texts(&[
            "hunter2hunter2\nsbx_v4_secret_token\n\nBearer sbx_v4_secret_token; url ?username=joe&password=w00t&action=x; body hunter2hunter2",
            "p@ss word!\n\nx=p%40ss%20word%21",
            "\n\n{\"access_token\":\"sbx_at_1\",\"expires_in\":3600,\"refresh_token\":\"sbx_rt_2\"}",
            "\n\nmsg: \"{\\\"client_secret\\\":\\\"s3cr3t\\\",\\\"x\\\":1}\"",
            "Pa\"ss\\w0rd/é<x>&'y\n\n<m a=\"bad Pa&quot;ss\\w0rd/é&lt;x&gt;&amp;&apos;y\"/>",
            "\n\n{\"api_key\":\"nol_0123456789ab",
            "\n\nusername=fuzzuser&password=secret&action=getVoiceList",
        ]),
        "config_json" => texts(&[
            r#"{"v4": {"token": "sbx_v4_token", "account_id": 1234}}"#,
            r#"{"environment": "sandbox", "v4": {"base_url": "http://127.0.0.1:8080/v4", "token": "sbx_v4_token", "account_id": 1}, "oauth": {"base_url": "http://127.0.0.1:8080/oauth", "client_id": "cid", "redirect_uri": "https://express.phone.com"}, "xml": {"base_url": "http://127.0.0.1:8080/special/xmlapi", "username": "sandbox", "password": "xml-password", "method": "GET"}, "v1": {"base_url": "http://127.0.0.1:8080/v1", "api_key": "v1-key", "password": "v1-password"}, "nol": {"base_url": "http://127.0.0.1:8080", "api_key": "nol_live_key"}}"#,
            r#"{"proxy": "http://user:proxy-pass@proxy.example:3128", "timeouts": {"connect_ms": 1000, "overall_ms": 5000}, "retry": {"max_attempts": 3, "base_delay_ms": 5, "max_delay_ms": 50, "deadline_ms": 20000}}"#,
            r#"{"allow_insecure_http": true, "v4": {"base_url": "http://api.example/v4"}}"#,
        ]),
        "config_env" => texts(&[
            "PHONECOM_V4_TOKEN=sbx_v4_token\nPHONECOM_V4_ACCOUNT_ID=1234\nPHONECOM_ENVIRONMENT=Sandbox",
            "PHONECOM_XML_USERNAME=sandbox\nPHONECOM_XML_PASSWORD=xml-password\nPHONECOM_XML_METHOD=get",
            "PHONECOM_V1_API_KEY=v1-key\nPHONECOM_V1_PASSWORD=v1-password\nPHONECOM_NOL_API_KEY=nol_key\nPHONECOM_NOL_AUTH=Bearer",
            "PHONECOM_PROXY=http://u:p4ss@proxy.example:3128\nPHONECOM_TIMEOUT_MS=5000\nPHONECOM_ALLOW_INSECURE_HTTP=1",
        ]),
        other => panic!("no seeds for target `{other}`"),
    })
}

fn texts(items: &[&str]) -> Vec<Vec<u8>> {
    items.iter().map(|s| s.as_bytes().to_vec()).collect()
}

/// Each XML fixture with the action it answers (files name their action; the envelope-only
/// ones are decoded as `sendSMS`).
fn xml_fixtures(fixtures: &Path) -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(fixtures.join("xml"))? {
        let path = entry?.path();
        let stem = path.file_stem().unwrap_or_default().to_string_lossy();
        let action = match stem.as_ref() {
            s if s.starts_with("get_voice_list") => "getVoiceList",
            "get_call_list" => "getCallList",
            "get_phone_number_list" => "getPhoneNumberList",
            _ => "sendSMS",
        };
        out.push((action.to_string(), std::fs::read(&path)?));
    }
    out.sort();
    Ok(out)
}

/// For every operation with a wire, a 200 and an error response in its family's shapes; and
/// every JSON fixture as a response of an operation of its family.
fn wire_seeds(fixtures: &Path) -> std::io::Result<Vec<Vec<u8>>> {
    let response = |name: &str, status: u16, headers: &str, body: &[u8]| {
        [
            format!("{name} {status}\n{headers}\n").into_bytes(),
            body.to_vec(),
        ]
        .concat()
    };
    let json_type = "content-type: application/json\n";
    let mut out = Vec::new();
    for op in phonecom::catalog()
        .iter()
        .filter(|op| op.family != "express")
    {
        let name = op.name.as_str();
        match op.family.as_str() {
            "xml" => {
                let ok = "<response><resultData/><result status=\"ok\"><msg>Command completed successfully</msg></result><trID><clTRID>lpc1</clTRID><svTRID>1</svTRID></trID></response>";
                out.push(response(
                    name,
                    200,
                    "content-type: text/xml\n",
                    ok.as_bytes(),
                ));
                let err = "<response><result status=\"error\"><msg>Authentication failed</msg></result></response>";
                out.push(response(
                    name,
                    500,
                    "content-type: text/xml\n",
                    err.as_bytes(),
                ));
            }
            "v1" => {
                let ok = json!({"response": {"data": {"id": "3f2504e0-4f89-41d3-9a0c-0305e82c3301"}, "total": 1}});
                out.push(response(name, 200, json_type, ok.to_string().as_bytes()));
            }
            "nol" => {
                let ok = json!({"id": "acc_1", "api_key": "nol_live_shown_once", "signing_secret": "whsec_1"});
                out.push(response(name, 200, json_type, ok.to_string().as_bytes()));
            }
            _ => {
                let ok = json!({"id": 1, "items": [], "total": 0, "limit": 10, "offset": 0});
                out.push(response(name, 200, json_type, ok.to_string().as_bytes()));
                let err = json!({"@error": {"@code": 429, "@message": "Too many requests", "@rateLimit": {"Retry-After": 2}}, "fields": {"name": ["is required"]}});
                out.push(response(name, 429, json_type, err.to_string().as_bytes()));
                let token = json!({"access_token": "at_1", "refresh_token": "rt_1", "token_type": "Bearer", "expires_in": 3600});
                out.push(response(name, 200, json_type, token.to_string().as_bytes()));
            }
        }
    }
    out.push(response(
        "oauth.user-token",
        302,
        "location: https://express.phone.com/?code=abc#t=1\n",
        b"",
    ));
    out.push(response(
        "v4.get-account",
        503,
        "retry-after: Wed, 21 Oct 2015 07:28:00 GMT\n",
        b"upstream down",
    ));
    for (family, op) in [("v1", "v1.sms.list"), ("nol", "nol.getAccount")] {
        for entry in std::fs::read_dir(fixtures.join(family))? {
            let path = entry?.path();
            let body = std::fs::read(&path)?;
            let stem = path
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let status = if stem.starts_with("error") { 400 } else { 200 };
            out.push(response(op, status, json_type, &body));
        }
    }
    for (action, body) in xml_fixtures(fixtures)? {
        out.push(response(
            &format!("xml.{action}"),
            200,
            "content-type: text/xml\n",
            &body,
        ));
    }
    Ok(out)
}

/// Parameters for `op`: the required ones, or all of them, each with a sample of its type and
/// format (the seeds start near valid calls; the fuzzer takes them apart).
fn sample_params(op: &Operation, all: bool) -> Value {
    let params: serde_json::Map<String, Value> = op
        .params
        .iter()
        .filter(|p| all || p.required)
        .map(|p| (p.name.clone(), sample(p)))
        .collect();
    Value::Object(params)
}

fn sample(p: &Param) -> Value {
    if let Some(first) = p.allowed.first() {
        return json!(first);
    }
    if let Some(format) = p.format {
        let text = match format {
            Format::E164 | Format::E164Loose | Format::E164V1 | Format::E164OrExtension => {
                "+18585551234"
            }
            Format::Nanpa | Format::PhoneDigits | Format::Digits => "8585551234",
            Format::Country => "US",
            Format::Email | Format::EmailOrEmpty => "ann@example.com",
            Format::Timestamp => "2024-01-02T03:04:05Z",
            Format::NumberPattern => "858***",
            Format::Uuid => "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
            Format::Yn => "Y",
            Format::MenuDigits => "1",
        };
        return json!(text);
    }
    match p.ty {
        ParamType::String => json!("text"),
        ParamType::Integer => json!(p.min.unwrap_or(1).max(1)),
        ParamType::Number => json!(1.5),
        ParamType::Boolean => json!(true),
        ParamType::Array => json!(["+18585551234"]),
        ParamType::Object => json!({"name": "x"}),
        ParamType::File => {
            json!({"filename": "greeting.wav", "content_type": "audio/x-wav", "content_base64": "UklGRiQAAABXQVZFZm10IA=="})
        }
        ParamType::Filters => json!({"id": "eq:1", "name": "starts-with:a"}),
        ParamType::Sort => json!({"id": "asc"}),
    }
}
