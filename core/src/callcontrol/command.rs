//! The commands a partner answers with, rendered as the exact `text/plain` line. Every value is
//! checked first: nothing that could end a field or start a second command is passed through.

use crate::error::{Error, ErrorKind, FieldError, Result};
use serde_json::{json, Map, Value};

/// Longest voice tag the document recommends (characters).
pub const VOICE_TAG_MAX: usize = 40;

/// A call-control command.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// `simple-forward,NUMBER[DTMF]`: forward the caller to one number.
    SimpleForward {
        /// E.164 number (`+18585602222` or `18585602222`; written without `+`).
        number: String,
        /// DTMF sent once the called party answers: `w` (a 0.5 s pause) then digits, e.g.
        /// `ww1234w5`.
        dtmf: Option<String>,
    },
    /// `simple-forward-voicetag,"TEXT",NUMBER[DTMF]`: the same, announcing a voice tag.
    SimpleForwardVoiceTag {
        /// Voice tag, 1 to 40 characters.
        text: String,
        /// E.164 number.
        number: String,
        /// DTMF suffix, as for `SimpleForward`.
        dtmf: Option<String>,
    },
    /// `multiple-forward,N1,N2,...`: ring every number at once; the first to answer gets the call.
    MultipleForward {
        /// E.164 numbers (no DTMF).
        numbers: Vec<String>,
    },
    /// `multiple-forward-voicetag,"TEXT",N1,N2,...`.
    MultipleForwardVoiceTag {
        /// Voice tag, 1 to 40 characters.
        text: String,
        /// E.164 numbers (no DTMF).
        numbers: Vec<String>,
    },
    /// `play-and-get-digits,Recording Name,Pattern`: play a recording and collect DTMF.
    PlayAndGetDigits {
        /// The recording's name as shown in the Phone.com UI.
        recording: String,
        /// Expect patterns of `0`-`9` and `D` (any digit), joined with `|`: `["DDD", "DDDD"]`
        /// means "3 or 4 digits", `["55D"]` "550 to 559".
        patterns: Vec<String>,
    },
}

/// The names of the commands, as written on the wire.
pub const COMMANDS: [&str; 5] = [
    "simple-forward",
    "simple-forward-voicetag",
    "multiple-forward",
    "multiple-forward-voicetag",
    "play-and-get-digits",
];

type Check = std::result::Result<String, String>;

/// `+18585602222` or `18585602222` -> `18585602222`.
fn number(s: &str) -> Check {
    if s.contains(['w', 'W']) {
        return Err(format!(
            "must be a phone number only (got `{}`); put DTMF in `dtmf`",
            printable(s)
        ));
    }
    let digits = s.strip_prefix('+').unwrap_or(s);
    if (8..=15).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0')
    {
        Ok(digits.to_string())
    } else {
        Err(format!(
            "must be an E.164 number: country code and number, 8-15 digits, e.g. 18585602222 or +18585602222 (got `{}`)",
            printable(s)
        ))
    }
}

fn dtmf(s: &str) -> Check {
    if !s.starts_with('w') {
        return Err(format!(
            "must start with `w` (a 0.5 s pause), e.g. w1234 (got `{}`)",
            printable(s)
        ));
    }
    if let Some(c) = s.chars().find(|c| !(*c == 'w' || c.is_ascii_digit())) {
        // The document (simple-forward) allows "w" followed by digits only: no `*` or `#`.
        return Err(format!(
            "may hold only `w` pauses and the digits 0-9, as the document allows (found `{}`)",
            c.escape_default()
        ));
    }
    if !s.chars().any(|c| c != 'w') {
        return Err("needs at least one key after the `w` pauses".into());
    }
    Ok(s.to_string())
}

/// A character that could end a field, end the line or start another command.
fn unsafe_char(c: char) -> bool {
    c == '"' || c == ',' || c == '\\' || c.is_control() || c == '\u{2028}' || c == '\u{2029}'
}

fn describe(c: char) -> String {
    match c {
        '"' => "a double quote".into(),
        ',' => "a comma".into(),
        '\\' => "a backslash".into(),
        '\n' | '\r' | '\u{2028}' | '\u{2029}' => "a line break".into(),
        c => format!("the control character {}", c.escape_unicode()),
    }
}

fn voice_tag(s: &str) -> Check {
    if s.trim().is_empty() {
        return Err("is required (use the command without -voicetag for none)".into());
    }
    if let Some(c) = s.chars().find(|c| unsafe_char(*c)) {
        return Err(format!(
            "must not contain {} (it could end the field or start another command)",
            describe(c)
        ));
    }
    let n = s.chars().count();
    if n > VOICE_TAG_MAX {
        return Err(format!(
            "must be at most {VOICE_TAG_MAX} characters ({n} given, {} over)",
            n - VOICE_TAG_MAX
        ));
    }
    Ok(s.to_string())
}

fn recording(s: &str) -> Check {
    if s.trim().is_empty() {
        return Err("is required".into());
    }
    if let Some(c) = s.chars().find(|c| unsafe_char(*c)) {
        return Err(format!(
            "must not contain {} (it could end the field or start another command)",
            describe(c)
        ));
    }
    if s.trim() != s {
        return Err("must not start or end with spaces".into());
    }
    Ok(s.to_string())
}

fn patterns(list: &[String]) -> Check {
    let parts: Vec<&str> = list.iter().flat_map(|p| p.split('|')).collect();
    if parts.is_empty() {
        return Err("needs at least one pattern, e.g. DDD".into());
    }
    for p in &parts {
        if p.is_empty() {
            return Err("has an empty pattern (patterns are joined with `|`)".into());
        }
        if let Some(c) = p.chars().find(|c| !(c.is_ascii_digit() || *c == 'D')) {
            return Err(format!(
                "may hold only 0-9 and D (any digit), alternatives joined with `|` (found `{}` in `{}`)",
                c.escape_default(),
                printable(p)
            ));
        }
    }
    Ok(parts.join("|"))
}

fn numbers(list: &[String], problems: &mut Vec<FieldError>) -> Vec<String> {
    if list.is_empty() {
        problems.push(fe("numbers", "needs at least one number".into()));
    }
    list.iter()
        .enumerate()
        .filter_map(|(i, n)| match number(n) {
            Ok(d) => Some(d),
            Err(rule) => {
                problems.push(fe(&format!("numbers[{i}]"), rule));
                None
            }
        })
        .collect()
}

fn printable(s: &str) -> String {
    super::excerpt(s)
}

fn fe(field: &str, message: String) -> FieldError {
    FieldError {
        field: field.into(),
        message,
    }
}

fn invalid(op: &str, problems: Vec<FieldError>) -> Error {
    let (summary, problems) = super::summarize(problems);
    Error::new(ErrorKind::Validation, summary)
        .with_operation(&format!("callcontrol.{op}"))
        .with_fields(problems)
}

impl Command {
    /// The command's wire name, e.g. `simple-forward`.
    pub fn name(&self) -> &'static str {
        match self {
            Command::SimpleForward { .. } => COMMANDS[0],
            Command::SimpleForwardVoiceTag { .. } => COMMANDS[1],
            Command::MultipleForward { .. } => COMMANDS[2],
            Command::MultipleForwardVoiceTag { .. } => COMMANDS[3],
            Command::PlayAndGetDigits { .. } => COMMANDS[4],
        }
    }

    /// The exact `text/plain` line, after checking every value (no trailing newline).
    ///
    /// ```
    /// use phonecom::callcontrol::Command;
    /// let cmd = Command::SimpleForward { number: "+18585602222".into(), dtmf: Some("ww1234w5".into()) };
    /// assert_eq!(cmd.render()?, "simple-forward,18585602222ww1234w5");
    /// let cmd = Command::PlayAndGetDigits { recording: "Main Menu".into(), patterns: vec!["DDD".into(), "DDDD".into()] };
    /// assert_eq!(cmd.render()?, "play-and-get-digits,Main Menu,DDD|DDDD");
    /// # Ok::<(), phonecom::Error>(())
    /// ```
    pub fn render(&self) -> Result<String> {
        let mut problems = Vec::new();
        let mut check = |field: &str, r: Check| match r {
            Ok(v) => v,
            Err(rule) => {
                problems.push(fe(field, rule));
                String::new()
            }
        };
        let line = match self {
            Command::SimpleForward { number: n, dtmf: d } => {
                let n = check("number", number(n));
                let d = d.as_deref().map(|d| check("dtmf", dtmf(d)));
                format!("{},{n}{}", self.name(), d.unwrap_or_default())
            }
            Command::SimpleForwardVoiceTag {
                text,
                number: n,
                dtmf: d,
            } => {
                let t = check("text", voice_tag(text));
                let n = check("number", number(n));
                let d = d.as_deref().map(|d| check("dtmf", dtmf(d)));
                format!("{},\"{t}\",{n}{}", self.name(), d.unwrap_or_default())
            }
            Command::MultipleForward { numbers: list } => {
                let list = numbers(list, &mut problems);
                format!("{},{}", self.name(), list.join(","))
            }
            Command::MultipleForwardVoiceTag {
                text,
                numbers: list,
            } => {
                let t = check("text", voice_tag(text));
                let list = numbers(list, &mut problems);
                format!("{},\"{t}\",{}", self.name(), list.join(","))
            }
            Command::PlayAndGetDigits {
                recording: r,
                patterns: p,
            } => {
                let r = check("recording", recording(r));
                let p = check("patterns", patterns(p));
                format!("{},{r},{p}", self.name())
            }
        };
        if problems.is_empty() {
            Ok(line)
        } else {
            Err(invalid(self.name(), problems))
        }
    }

    /// Parse a command line (what a partner answered, e.g. a request's `previous-response`).
    /// The values are checked as [`Command::render`] checks them, and numbers are kept as
    /// rendered (without `+`), so rendering the result gives a line that parses back to it.
    ///
    /// ```
    /// use phonecom::callcontrol::Command;
    /// let cmd = Command::parse("simple-forward,+18585602222ww12")?;
    /// assert_eq!(cmd, Command::SimpleForward { number: "18585602222".into(), dtmf: Some("ww12".into()) });
    /// assert_eq!(Command::parse(&cmd.render()?)?, cmd);
    /// # Ok::<(), phonecom::Error>(())
    /// ```
    pub fn parse(line: &str) -> Result<Command> {
        let line = line.trim_end_matches(['\r', '\n']);
        let (name, rest) = line.split_once(',').unwrap_or((line, ""));
        let bad = |rule: &str| {
            invalid(
                if COMMANDS.contains(&name) {
                    name
                } else {
                    "command"
                },
                vec![fe("command", rule.to_string())],
            )
        };
        let quoted = |rest: &str| -> Result<(String, String)> {
            let inner = rest
                .strip_prefix('"')
                .ok_or_else(|| bad("the voice tag must be in double quotes"))?;
            let (text, after) = inner
                .split_once('"')
                .ok_or_else(|| bad("the voice tag's closing quote is missing"))?;
            let after = after
                .strip_prefix(',')
                .ok_or_else(|| bad("a comma must follow the voice tag"))?;
            Ok((text.to_string(), after.to_string()))
        };
        let split_dtmf = |s: &str| -> (String, Option<String>) {
            match s.find('w') {
                Some(i) => (s[..i].to_string(), Some(s[i..].to_string())),
                None => (s.to_string(), None),
            }
        };
        let list = |s: &str| -> Vec<String> { s.split(',').map(str::to_string).collect() };
        let cmd = match name {
            "simple-forward" => {
                let (number, dtmf) = split_dtmf(rest);
                Command::SimpleForward { number, dtmf }
            }
            "simple-forward-voicetag" => {
                let (text, after) = quoted(rest)?;
                let (number, dtmf) = split_dtmf(&after);
                Command::SimpleForwardVoiceTag { text, number, dtmf }
            }
            "multiple-forward" => Command::MultipleForward {
                numbers: list(rest),
            },
            "multiple-forward-voicetag" => {
                let (text, after) = quoted(rest)?;
                Command::MultipleForwardVoiceTag {
                    text,
                    numbers: list(&after),
                }
            }
            "play-and-get-digits" => {
                let (recording, pattern) = rest
                    .split_once(',')
                    .ok_or_else(|| bad("needs a recording name and a pattern"))?;
                Command::PlayAndGetDigits {
                    recording: recording.to_string(),
                    patterns: pattern.split('|').map(str::to_string).collect(),
                }
            }
            other => {
                return Err(bad(&format!(
                    "unknown command `{}` (known: {})",
                    printable(other),
                    COMMANDS.join(", ")
                )))
            }
        };
        cmd.render()?;
        Ok(cmd.with_numbers_as_rendered())
    }

    /// The same command with every number as [`Command::render`] writes it (no `+`). Only
    /// called on a command that rendered, so every number passes the check.
    fn with_numbers_as_rendered(self) -> Command {
        let wire = |n: String| number(&n).unwrap_or(n);
        match self {
            Command::SimpleForward { number, dtmf } => Command::SimpleForward {
                number: wire(number),
                dtmf,
            },
            Command::SimpleForwardVoiceTag { text, number, dtmf } => {
                Command::SimpleForwardVoiceTag {
                    text,
                    number: wire(number),
                    dtmf,
                }
            }
            Command::MultipleForward { numbers } => Command::MultipleForward {
                numbers: numbers.into_iter().map(wire).collect(),
            },
            Command::MultipleForwardVoiceTag { text, numbers } => {
                Command::MultipleForwardVoiceTag {
                    text,
                    numbers: numbers.into_iter().map(wire).collect(),
                }
            }
            play @ Command::PlayAndGetDigits { .. } => play,
        }
    }

    /// The command as JSON, e.g. `{"command": "simple-forward", "number": "+18585602222",
    /// "dtmf": "ww1234"}` (the form [`Command::from_json`] reads).
    pub fn to_json(&self) -> Value {
        let mut v = match self {
            Command::SimpleForward { number, dtmf } => json!({"number": number, "dtmf": dtmf}),
            Command::SimpleForwardVoiceTag { text, number, dtmf } => {
                json!({"text": text, "number": number, "dtmf": dtmf})
            }
            Command::MultipleForward { numbers } => json!({"numbers": numbers}),
            Command::MultipleForwardVoiceTag { text, numbers } => {
                json!({"text": text, "numbers": numbers})
            }
            Command::PlayAndGetDigits {
                recording,
                patterns,
            } => json!({"recording": recording, "patterns": patterns}),
        };
        let mut m = Map::new();
        m.insert("command".into(), self.name().into());
        if let Value::Object(fields) = v.take() {
            m.extend(fields);
        }
        Value::Object(m)
    }

    /// Read the JSON form: `command` plus `number`/`dtmf`, `text`, `numbers`, or `recording` and
    /// `patterns` (a list, or one string with `|`; `pattern` is accepted too). Unknown members
    /// are refused (they are usually typos).
    pub fn from_json(value: &Value) -> Result<Command> {
        let bad = |field: &str, rule: &str| invalid("command", vec![fe(field, rule.into())]);
        let obj = value
            .as_object()
            .ok_or_else(|| bad("command", "must be a JSON object"))?;
        let name = obj.get("command").and_then(Value::as_str).ok_or_else(|| {
            bad(
                "command",
                &format!("is required: one of {}", COMMANDS.join(", ")),
            )
        })?;
        let allowed: &[&str] = match name {
            "simple-forward" => &["number", "dtmf"],
            "simple-forward-voicetag" => &["text", "number", "dtmf"],
            "multiple-forward" => &["numbers"],
            "multiple-forward-voicetag" => &["text", "numbers"],
            "play-and-get-digits" => &["recording", "patterns", "pattern"],
            other => {
                return Err(bad(
                    "command",
                    &format!(
                        "unknown command `{}` (known: {})",
                        printable(other),
                        COMMANDS.join(", ")
                    ),
                ))
            }
        };
        let mut problems = Vec::new();
        for key in obj.keys().filter(|k| *k != "command") {
            if !allowed.contains(&key.as_str()) {
                problems.push(fe(
                    &printable(key),
                    format!("is not a field of {name} (fields: {})", allowed.join(", ")),
                ));
            }
        }
        let mut string = |key: &str, required: bool| -> Option<String> {
            match obj.get(key) {
                Some(Value::String(s)) => Some(s.clone()),
                None | Some(Value::Null) if !required => None,
                None | Some(Value::Null) => {
                    problems.push(fe(key, "is required".into()));
                    None
                }
                Some(_) => {
                    problems.push(fe(key, "must be a string".into()));
                    None
                }
            }
        };
        let text = if allowed.contains(&"text") {
            string("text", true)
        } else {
            None
        };
        let number = if allowed.contains(&"number") {
            string("number", true)
        } else {
            None
        };
        let dtmf = string("dtmf", false);
        let recording = if allowed.contains(&"recording") {
            string("recording", true)
        } else {
            None
        };
        let strings = |key: &str, problems: &mut Vec<FieldError>| -> Option<Vec<String>> {
            match obj.get(key) {
                Some(Value::Array(a)) => {
                    let v: Vec<String> = a
                        .iter()
                        .filter_map(|x| x.as_str().map(str::to_string))
                        .collect();
                    if v.len() == a.len() {
                        Some(v)
                    } else {
                        problems.push(fe(key, "must be a list of strings".into()));
                        None
                    }
                }
                Some(Value::String(s)) => Some(vec![s.clone()]),
                None | Some(Value::Null) => None,
                Some(_) => {
                    problems.push(fe(key, "must be a list of strings".into()));
                    None
                }
            }
        };
        let numbers = strings("numbers", &mut problems);
        let patterns = strings("patterns", &mut problems).or(strings("pattern", &mut problems));
        if allowed.contains(&"numbers") && numbers.is_none() && obj.get("numbers").is_none() {
            problems.push(fe("numbers", "is required".into()));
        }
        if allowed.contains(&"patterns")
            && patterns.is_none()
            && obj.get("patterns").is_none()
            && obj.get("pattern").is_none()
        {
            problems.push(fe("patterns", "is required".into()));
        }
        if !problems.is_empty() {
            return Err(invalid(name, problems));
        }
        let s = |o: Option<String>| o.unwrap_or_default();
        Ok(match name {
            "simple-forward" => Command::SimpleForward {
                number: s(number),
                dtmf,
            },
            "simple-forward-voicetag" => Command::SimpleForwardVoiceTag {
                text: s(text),
                number: s(number),
                dtmf,
            },
            "multiple-forward" => Command::MultipleForward {
                numbers: numbers.unwrap_or_default(),
            },
            "multiple-forward-voicetag" => Command::MultipleForwardVoiceTag {
                text: s(text),
                numbers: numbers.unwrap_or_default(),
            },
            _ => Command::PlayAndGetDigits {
                recording: s(recording),
                patterns: patterns.unwrap_or_default(),
            },
        })
    }
}

/// Render a command given as JSON (see [`Command::from_json`]) to its `text/plain` line.
///
/// ```
/// use serde_json::json;
/// let line = phonecom::callcontrol::render_json(
///     &json!({"command": "simple-forward", "number": "+18585602222", "dtmf": "ww123"}))?;
/// assert_eq!(line, "simple-forward,18585602222ww123");
/// # Ok::<(), phonecom::Error>(())
/// ```
pub fn render_json(command: &Value) -> Result<String> {
    Command::from_json(command)?.render()
}
