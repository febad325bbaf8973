//! The one-pass decoder of `getCallList` replies gives exactly what the full parser (roxmltree,
//! the decoder before it) gives, on the same bytes: the sandbox's replies to every read-only
//! XML action and its whole seeded call log, the document's examples, the fuzz regressions,
//! every reply shape (escapes, CDATA, empty elements, Unicode, missing optional fields, error
//! replies, broken bodies) and thousands of mutations of them. "Exactly" is the `Debug` text of
//! the whole result: values, key order, and for errors kind, message, upstream fields and body.
//! Where the one-pass decoder leaves a body to the full parser, the result is the full parser's
//! by construction; the tests also check it takes the replies it is for.

mod common;

use phonecom::fuzzing::{xml_decode_call_list_one_pass, xml_decode_tree};
use phonecom::xml::decode_response;
use phonecom::CallOptions;
use serde_json::{json, Value};

/// `decode_response` and the full parser agree on `body` for `action`; the result.
fn same(action: &str, body: &[u8]) -> phonecom::Result<Value> {
    let new = decode_response(action, body);
    let tree = xml_decode_tree(action, body);
    assert_eq!(
        format!("{new:?}"),
        format!("{tree:?}"),
        "{action} on {:?}",
        String::from_utf8_lossy(body)
    );
    if let Some(one_pass) = xml_decode_call_list_one_pass(body) {
        assert_eq!(
            format!("{:?}", Ok::<_, phonecom::Error>(one_pass)),
            format!("{:?}", xml_decode_tree("getCallList", body)),
            "getCallList on {:?}",
            String::from_utf8_lossy(body)
        );
    }
    new
}

/// `same`, and the one-pass decoder took the body (it did not leave it to the full parser).
fn taken(body: &str) -> Value {
    let v = same("getCallList", body.as_bytes()).unwrap();
    assert!(
        xml_decode_call_list_one_pass(body.as_bytes()).is_some(),
        "the one-pass decoder left this to the full parser: {body}"
    );
    v
}

/// A whole reply around `data` (the inside of `<resultData>`).
fn reply(data: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<response>
  <result status="ok"><msg>Command completed successfully</msg><resultDate>2024-01-01T00:00:00.0000Z</resultDate></result>
  <resultData>{data}</resultData>
  <trID><clTRID>lpc1</clTRID><svTRID>12990954922162961333</svTRID></trID>
</response>"#
    )
}

fn calls(rows: &str) -> String {
    reply(&format!("<callList>{rows}</callList>"))
}

const ROW: &str = r#"<call id="105933"><startTime gmt="2024-01-01T02:11:51.0000Z">1704075111</startTime><callerId>+16192533849</callerId><calledNumber>+12542958368</calledNumber><duration>601</duration><finalAction>extension 112</finalAction><finalActionDuration>581</finalActionDuration><url>https://x.example/r?a=1&amp;b=2</url><transcription>Hi, it's &lt;Ann&gt; &quot;calling&quot;</transcription></call>"#;

#[test]
fn reply_shapes_the_one_pass_decoder_takes() {
    let full = taken(&calls(ROW));
    let row = &full["data"]["items"][0];
    assert_eq!(row["url"], "https://x.example/r?a=1&b=2");
    assert_eq!(row["transcription"], "Hi, it's <Ann> \"calling\"");
    assert_eq!(row["startTime"], 1_704_075_111);
    let keys: Vec<&String> = row.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "id",
            "startTime",
            "startTimeGmt",
            "callerId",
            "calledNumber",
            "duration",
            "finalAction",
            "finalActionDuration",
            "url",
            "transcription"
        ]
    );
    for body in [
        // Empty elements, missing optional fields, an empty row, rows without an id.
        calls(r#"<call id="1"><url/><transcription></transcription><duration/></call><call/><call id=""/>"#),
        calls("<call><callerId>+1</callerId></call>"),
        // CDATA, white space around and inside values, entities next to CDATA.
        calls(r#"<call id="7"><callerId> <![CDATA[ +1 <555> ]]> </callerId><finalAction>a &amp; <![CDATA[b]]>&gt;</finalAction><startTime>  12 </startTime></call>"#),
        // Unicode text and attribute values.
        calls(r#"<call id="ä1"><startTime gmt="2024‑01‑01">-5</startTime><transcription>Grüße, 你好 👋</transcription></call>"#),
        // Single quotes, spaces inside tags, any order of parts and of fields.
        "<response ><trID><svTRID>9</svTRID></trID><resultData><callList><call id = '3' ><duration >0</duration ><startTime gmt='g'>1</startTime></call></callList></resultData><result status='OK'/></response>".into(),
        // Empty lists, no resultData, no trID, no msg.
        reply("<callList/>"),
        reply(""),
        reply("  <callList>  </callList>  "),
        r#"<response><result status="ok"/></response>"#.into(),
        r#"<?xml version='1.0'?><response><result status="ok"><msg/></result><resultData/></response>"#.into(),
        // Line breaks as CR LF between tags.
        calls(ROW).replace('\n', "\r\n"),
        // Numbers at their bounds.
        calls("<call><startTime>-9223372036854775808</startTime><duration>18446744073709551615</duration><finalActionDuration>+4</finalActionDuration></call>"),
    ] {
        taken(&body);
    }
}

#[test]
fn reply_shapes_left_to_the_full_parser_decode_the_same() {
    for body in [
        // Error replies (every kind) and statuses other than ok.
        r#"<response><result status="error"><msg>Invalid username or password</msg></result><trID><svTRID>5</svTRID></trID></response>"#.into(),
        r#"<response><result status="error"><msg>Phone number not found</msg></result></response>"#.into(),
        r#"<response><result status="error"/></response>"#.into(),
        r#"<response><result status="maybe"/></response>"#.into(),
        r#"<response><result/></response>"#.into(),
        // Rows with elements or attributes the document does not name, repeated or nested fields.
        calls(r#"<call id="7" kind="in"><startTime>1</startTime><tags><tag>a</tag><tag>b</tag></tags></call>"#),
        calls(r#"<call id="2"><duration>1</duration><duration>2</duration></call>"#),
        calls(r#"<call id="3"><duration>one</duration></call>"#),
        calls(r#"<call id="4"><startTime tz="utc">1</startTime></call>"#),
        calls(r#"<call id="5"><startTime>1.5</startTime></call>"#),
        calls(r#"<call id="6"><callerId><n>1</n></callerId></call>"#),
        calls(r#"<call id="8">stray text<duration>1</duration></call>"#),
        calls(r#"<call id="9"><duration>-3</duration></call>"#),
        calls(r#"<row id="1"/>"#),
        reply(r#"<other>1</other>"#),
        reply(r#"<call id="1"/>"#),
        reply(r#"<callList/><callList/>"#),
        // XML the scanner does not read: comments, character references, DOCTYPEs, namespaces,
        // CR inside text, a byte order mark, other encodings.
        calls(r#"<call id="1"><!-- c --><callerId>+1</callerId></call>"#),
        calls(r#"<call id="1"><callerId>&#43;1 &#x31;</callerId></call>"#),
        format!(r#"<!DOCTYPE response>{}"#, r#"<response><result status="ok"/></response>"#),
        r#"<response xmlns="urn:x"><result status="ok"/></response>"#.into(),
        calls("<call><transcription>a\r\nb</transcription></call>"),
        format!("\u{feff}{}", calls(ROW)),
        calls(ROW).replace("UTF-8", "ISO-8859-1"),
        // Broken bodies.
        calls(ROW)[..300].into(),
        String::new(),
        "   ".into(),
        "<html><body>Bad gateway</body></html>".into(),
        calls(r#"<call id="1" id="2"/>"#),
        calls("<call><callerId>\u{1}</callerId></call>"),
        calls("<call><callerId>]]></callerId></call>"),
        calls("<call><callerId>&bogus;</callerId></call>"),
        format!("{}<extra/>", calls(ROW)),
    ] {
        same("getCallList", body.as_bytes()).ok();
        assert!(
            xml_decode_call_list_one_pass(body.as_bytes()).is_none(),
            "expected the full parser to read: {body}"
        );
    }
    same("getCallList", &[0xff, 0xfe, 0x00]).unwrap_err();
}

#[test]
fn the_documents_examples_and_every_action_decode_the_same() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/xml");
    let actions = phonecom::catalog()
        .iter()
        .filter(|op| op.family == "xml")
        .map(|op| op.path.clone())
        .collect::<Vec<_>>();
    assert!(actions.len() > 20, "{actions:?}");
    let mut files = 0;
    for file in std::fs::read_dir(dir).unwrap() {
        let body = std::fs::read(file.unwrap().path()).unwrap();
        files += 1;
        for action in &actions {
            same(action, &body).ok();
        }
    }
    assert_eq!(files, 8);
    let example = include_str!("fixtures/xml/get_call_list.xml");
    assert_eq!(taken(example)["data"]["items"].as_array().unwrap().len(), 2);
}

/// The inputs that once made a fuzz target fail, through every XML action.
#[test]
fn fuzz_regressions_decode_the_same() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/regressions");
    for target in ["xml_response", "wire_response"] {
        for file in std::fs::read_dir(dir.join(target)).into_iter().flatten() {
            let data = std::fs::read(file.unwrap().path()).unwrap();
            let body = data.splitn(2, |b| *b == b'\n').last().unwrap_or(&[]);
            for action in ["getCallList", "getPhoneNumberList", "sendSMS"] {
                same(action, &data).ok();
                same(action, body).ok();
            }
        }
    }
}

/// Small deterministic generator (xorshift), so a failure reproduces.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// Pieces a mutation inserts: the syntax the scanner reads or gives up on.
const PIECES: &[&str] = &[
    "<",
    ">",
    "/>",
    "</call>",
    "<call>",
    "<call id=\"1\">",
    "&amp;",
    "&lt;",
    "&#60;",
    "&",
    ";",
    "\"",
    "'",
    "=",
    " ",
    "\r",
    "\n",
    "\t",
    "\u{0}",
    "\u{fffe}",
    "é",
    "👋",
    "<![CDATA[x]]>",
    "]]>",
    "<!-- -->",
    "<?x?>",
    "<url/>",
    "<duration>1</duration>",
    "<startTime gmt=\"g\">",
    "</startTime>",
    " id=\"2\"",
    " x=\"1\"",
    "-",
    "+",
    "9",
    "<resultData>",
    "</resultData>",
    "<callList>",
    "</callList>",
    "status=\"error\"",
    "<msg>m</msg>",
];

#[test]
fn mutations_decode_the_same() {
    let base = calls(&format!("{ROW}{}", ROW.replace("105933", "105934")));
    let mut rng = Rng(0x5eed_1234_abcd_0042);
    let (mut taken_count, mut left) = (0, 0);
    for _ in 0..20_000 {
        let mut body = base.clone().into_bytes();
        for _ in 0..1 + rng.below(3) {
            let at = rng.below(body.len() + 1);
            match rng.below(3) {
                0 => {
                    let piece = PIECES[rng.below(PIECES.len())].as_bytes();
                    body.splice(at..at, piece.iter().copied());
                }
                1 if at < body.len() => {
                    let end = (at + 1 + rng.below(12)).min(body.len());
                    body.drain(at..end);
                }
                _ if at < body.len() => body[at] = b" <>/=\"'&;x1\r"[rng.below(12)],
                _ => {}
            }
        }
        same("getCallList", &body).ok();
        if xml_decode_call_list_one_pass(&body).is_some() {
            taken_count += 1;
        } else {
            left += 1;
        }
    }
    // Both paths are exercised: plenty of mutations stay readable in one pass.
    assert!(
        taken_count > 1_000 && left > 1_000,
        "{taken_count} taken, {left} left"
    );
}

/// The sandbox's replies: every read-only XML action, and its whole seeded call log (1,500
/// calls in 2024's first quarter, in windows under the 500-row cap), each reply's raw bytes
/// decoded both ways and compared with what the call returned.
#[test]
fn sandbox_replies_decode_the_same() {
    let env = common::start();
    let check = |op: &str, params: Value| -> Value {
        let resp = env
            .client
            .call_with(op, params, &CallOptions::default())
            .unwrap_or_else(|e| panic!("{op}: {e}"));
        assert!(!resp.body_truncated, "{op}");
        let action = op.trim_start_matches("xml.");
        let v = same(action, resp.body.as_bytes()).unwrap();
        assert_eq!(v, resp.data, "{op}");
        v
    };
    for (op, params) in [
        ("xml.getPhoneNumberList", json!({})),
        ("xml.getPhoneNumberCountryList", json!({})),
        ("xml.getPhoneNumberPrefixList", json!({"countryCode": 1})),
        ("xml.getPhoneNumberStateList", json!({"countryCode": 1})),
        (
            "xml.getPhoneNumberRegionList",
            json!({"countryCode": 1, "state": "CA"}),
        ),
        (
            "xml.getPhoneNumberLocalityList",
            json!({"countryCode": 1, "prefix": "858"}),
        ),
        (
            "xml.getPhoneNumberInventory",
            json!({"countryCode": 1, "state": "CA", "region": "San Diego", "quantity": 4}),
        ),
        (
            "xml.getPhoneNumberPortingEligibility",
            json!({"phoneNumber": "16192345678"}),
        ),
        ("xml.getVoiceList", json!({})),
        ("xml.getSoundList", json!({})),
    ] {
        check(op, params);
    }
    let (first, last, window) = (1_704_067_200i64, 1_711_929_600i64, 6 * 3600);
    let mut rows = 0;
    for start in (first..last).step_by(window as usize) {
        let v = check(
            "xml.getCallList",
            json!({"startTime": start, "endTime": start + window - 1}),
        );
        let body_rows = v["data"]["items"].as_array().unwrap().len();
        assert!(body_rows < 500, "window at {start} reached the cap");
        rows += body_rows;
    }
    assert_eq!(rows, 1500);
    // The benchmark's reply: 500 rows (the cap), read in one pass.
    let resp = env
        .client
        .call_with(
            "xml.getCallList",
            json!({"startTime": 0}),
            &CallOptions::default(),
        )
        .unwrap();
    let one_pass = xml_decode_call_list_one_pass(resp.body.as_bytes()).expect("read in one pass");
    assert_eq!(one_pass["data"]["items"].as_array().unwrap().len(), 500);
    assert_eq!(one_pass, resp.data);
}
