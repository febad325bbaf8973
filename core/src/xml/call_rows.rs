//! `getCallList` rows decoded straight from the XML tree into their JSON, the shape
//! [`CallRecord`](super::models::CallRecord) serialises to, without the generic mapping's
//! intermediate map per row and the typed record in between (a 500-row list is 5,000 elements:
//! those copies were most of the decoder's time, in malloc and free).
//!
//! Only rows made of the named fields take this path: an `id` attribute, and at most one of each
//! of `<startTime gmt="...">`, `<callerId>`, `<calledNumber>`, `<duration>`, `<finalAction>`,
//! `<finalActionDuration>`, `<url>`, `<transcription>`, each holding text only. Anything else (an
//! element or attribute the document does not name, a repeated or nested element, a number that
//! does not parse) returns `None`, and the row goes through the generic mapping, which keeps
//! extras and words the errors. The tests check both give the same JSON on every row they share.

use super::parse::{elements, leaf_text};
use roxmltree::Node;
use serde_json::{Map, Value};

/// The named fields that are elements, in the order `CallRecord` serialises them (`startTimeGmt`
/// follows `startTime`; `id` comes first, from the attribute). The one-pass decoder
/// (`call_list.rs`) reads the same list.
pub(super) const ELEMENTS: [&str; 8] = [
    "startTime",
    "callerId",
    "calledNumber",
    "duration",
    "finalAction",
    "finalActionDuration",
    "url",
    "transcription",
];

/// The JSON of one `<call>` row, or `None` when it needs the generic mapping.
pub(super) fn call_row(row: Node) -> Option<Value> {
    let mut id = None;
    for a in row.attributes() {
        match a.name() {
            "id" => id = Some(a.value()),
            _ => return None,
        }
    }
    if leaf_text(row).is_some() {
        return None;
    }
    let mut found: [Option<Node>; ELEMENTS.len()] = [None; ELEMENTS.len()];
    for child in elements(row) {
        let slot = ELEMENTS
            .iter()
            .position(|n| *n == child.tag_name().name())?;
        if found[slot].is_some() || elements(child).next().is_some() {
            return None;
        }
        found[slot] = Some(child);
    }
    let [start, caller, called, duration, action, action_duration, url, transcription] = found;
    let (start_time, start_time_gmt) = match start {
        Some(st) => start_time(st)?,
        None => (Value::Null, Value::Null),
    };
    let mut m = Map::with_capacity(10);
    m.insert(
        "id".into(),
        id.map_or(Value::Null, |v| Value::String(v.into())),
    );
    m.insert("startTime".into(), start_time);
    m.insert("startTimeGmt".into(), start_time_gmt);
    m.insert("callerId".into(), text(caller));
    m.insert("calledNumber".into(), text(called));
    m.insert("duration".into(), number::<u64>(duration)?);
    m.insert("finalAction".into(), text(action));
    m.insert(
        "finalActionDuration".into(),
        number::<u64>(action_duration)?,
    );
    m.insert("url".into(), text(url));
    m.insert("transcription".into(), text(transcription));
    Some(Value::Object(m))
}

/// `<startTime gmt="...">epoch</startTime>`: no other attribute.
fn start_time(st: Node) -> Option<(Value, Value)> {
    let mut gmt = Value::Null;
    for a in st.attributes() {
        match a.name() {
            "gmt" => gmt = Value::String(a.value().into()),
            _ => return None,
        }
    }
    Some((number::<i64>(Some(st))?, gmt))
}

fn text(n: Option<Node>) -> Value {
    n.and_then(leaf_text).map_or(Value::Null, Value::String)
}

/// The element's whole number; `None` (the generic path words the error) when it is not one.
fn number<T: std::str::FromStr + Into<Value>>(n: Option<Node>) -> Option<Value> {
    match n.and_then(leaf_text) {
        None => Some(Value::Null),
        Some(t) => t.parse::<T>().ok().map(Into::into),
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse::generic_call_row;
    use super::*;
    use roxmltree::Document;

    /// Every `<call>` of `xml`: the direct JSON equals the generic path's, and whether the
    /// direct path took it.
    fn compare(xml: &str) -> Vec<bool> {
        let doc = Document::parse(xml).unwrap();
        doc.descendants()
            .filter(|n| n.has_tag_name("call"))
            .map(|n| {
                let generic = generic_call_row(n);
                match call_row(n) {
                    Some(direct) => {
                        assert_eq!(Ok(&direct), generic.as_ref(), "row {:?}", n.range());
                        true
                    }
                    None => false,
                }
            })
            .collect()
    }

    #[test]
    fn documented_rows_take_the_direct_path_with_the_same_json() {
        let taken = compare(
            r#"<callList>
              <call id="105933"><startTime gmt="2024-01-01T02:11:51.0000Z">1704075111</startTime>
                <callerId>+16192533849</callerId><calledNumber>+12542958368</calledNumber>
                <duration>601</duration><finalAction>extension 112</finalAction>
                <finalActionDuration>581</finalActionDuration><url/></call>
              <call id="7"><startTime>  12 </startTime><callerId> <![CDATA[ +1 ]]> </callerId>
                <duration/><url>https://x.example/r?a=1&amp;b=2</url><transcription>Hi</transcription></call>
              <call><calledNumber>+18585550100</calledNumber><!-- c --></call>
              <call id=""><startTime gmt=""/></call>
            </callList>"#,
        );
        assert_eq!(taken, [true; 4]);
    }

    /// Every row of the sandbox's seeded call log (1,500 calls in 2024's first quarter, fetched
    /// in 6-hour windows, each under the 500-row cap) decodes the same both ways, directly.
    #[test]
    fn every_sandbox_row_takes_the_direct_path_with_the_same_json() {
        let sandbox = phonecom_sandbox::Sandbox::start().unwrap();
        let x = &sandbox.config()["xml"];
        let agent: ureq::Agent = ureq::Agent::config_builder().build().into();
        let (first, last, window) = (1_704_067_200u64, 1_711_929_600u64, 6 * 3600);
        let mut rows = 0;
        for start in (first..last).step_by(window as usize) {
            let url = format!(
                "{}?action=getCallList&username={}&password={}&startTime={start}&endTime={}",
                x["base_url"].as_str().unwrap(),
                x["username"].as_str().unwrap(),
                x["password"].as_str().unwrap(),
                start + window - 1
            );
            let body = agent
                .get(&url)
                .call()
                .unwrap()
                .body_mut()
                .read_to_string()
                .unwrap();
            let taken = compare(&body);
            assert!(taken.len() < 500, "window at {start} reached the cap");
            assert!(taken.iter().all(|t| *t), "window at {start}: {taken:?}");
            rows += taken.len();
        }
        assert_eq!(rows, 1500);
    }

    #[test]
    fn other_rows_are_left_to_the_generic_path() {
        let taken = compare(
            r#"<callList>
              <call id="1" kind="x"><duration>1</duration></call>
              <call id="2"><duration>1</duration><duration>2</duration></call>
              <call id="3"><duration>one</duration></call>
              <call id="4"><startTime tz="utc">1</startTime></call>
              <call id="5"><startTime>-1.5</startTime></call>
              <call id="6"><callerId><n>1</n></callerId></call>
              <call id="7"><region>west</region></call>
              <call id="8">stray text<duration>1</duration></call>
              <call id="9"><id>9</id></call>
              <call id="10"><duration>-3</duration></call>
            </callList>"#,
        );
        assert_eq!(taken, [false; 10]);
    }
}
