//! The partner's answers: one `text/plain` command line, checked strictly.
//!
//! | command | syntax |
//! |---|---|
//! | `simple-forward` | `simple-forward,NUMBER[DTMF]` |
//! | `simple-forward-voicetag` | `simple-forward-voicetag,"TEXT",NUMBER[DTMF]` |
//! | `multiple-forward` | `multiple-forward,NUMBER,NUMBER,...` |
//! | `multiple-forward-voicetag` | `multiple-forward-voicetag,"TEXT",NUMBER,NUMBER,...` |
//! | `play-and-get-digits` | `play-and-get-digits,Recording Name,PATTERN[\|PATTERN...]` |
//!
//! NUMBER is E.164 written as digits (`18585602222`; a leading `+` is tolerated), 8 to 15
//! digits. DTMF (simple forwards only) is `w` followed by `w` pauses and the digits `0-9` (the
//! document names no other keys), with at least one digit (`18585602222ww1234w5`). TEXT is 1 to 40 characters between double quotes, no
//! quote inside. PATTERN is `0-9` and `D` (any digit); alternatives are joined by `|`. No spaces
//! around commas, one line (a single trailing line break is allowed).

use serde_json::{json, Value};

/// The command names.
pub const COMMANDS: [&str; 5] = [
    "simple-forward",
    "simple-forward-voicetag",
    "multiple-forward",
    "multiple-forward-voicetag",
    "play-and-get-digits",
];

/// Longest voice tag, characters.
pub const VOICE_TAG_MAX: usize = 40;

/// A parsed command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// The four forwards.
    Forward {
        /// The command's name.
        name: &'static str,
        /// Voice tag, for the `-voicetag` forms.
        voice_tag: Option<String>,
        /// Numbers as digits (one for the simple forwards).
        numbers: Vec<String>,
        /// DTMF suffix (simple forwards only).
        dtmf: Option<String>,
    },
    /// `play-and-get-digits`.
    PlayAndGetDigits {
        /// The recording's name.
        recording: String,
        /// The expect patterns.
        patterns: Vec<String>,
    },
}

impl Command {
    /// The command's name.
    pub fn name(&self) -> &'static str {
        match self {
            Command::Forward { name, .. } => name,
            Command::PlayAndGetDigits { .. } => "play-and-get-digits",
        }
    }

    /// The command as JSON, for transcripts.
    pub fn to_json(&self) -> Value {
        match self {
            Command::Forward {
                name,
                voice_tag,
                numbers,
                dtmf,
            } => {
                json!({"command": name, "voice_tag": voice_tag, "numbers": numbers, "dtmf": dtmf})
            }
            Command::PlayAndGetDigits {
                recording,
                patterns,
            } => {
                json!({"command": "play-and-get-digits", "recording": recording, "patterns": patterns})
            }
        }
    }
}

fn number(s: &str) -> Result<String, String> {
    let d = s.strip_prefix('+').unwrap_or(s);
    if (8..=15).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()) && !d.starts_with('0') {
        Ok(d.to_string())
    } else {
        Err(format!(
            "`{s}` is not an E.164 number (8 to 15 digits, e.g. 18585602222)"
        ))
    }
}

/// `NUMBER[DTMF]`.
fn number_dtmf(s: &str) -> Result<(String, Option<String>), String> {
    let (n, dtmf) = match s.find('w') {
        Some(i) => (&s[..i], Some(&s[i..])),
        None => (s, None),
    };
    let n = number(n)?;
    if let Some(d) = dtmf {
        if let Some(c) = d.chars().find(|c| !matches!(c, 'w' | '0'..='9')) {
            return Err(format!(
                "DTMF `{d}` may hold only `w` pauses and the digits 0-9 (found `{c}`)"
            ));
        }
        if d.chars().all(|c| c == 'w') {
            return Err(format!("DTMF `{d}` has no digit after its `w` pauses"));
        }
    }
    Ok((n, dtmf.map(str::to_string)))
}

/// `"TEXT",rest` -> (TEXT, rest).
fn voice_tag(s: &str) -> Result<(String, &str), String> {
    let inner = s
        .strip_prefix('"')
        .ok_or("the voice tag must be enclosed in double quotes")?;
    let (text, after) = inner
        .split_once('"')
        .ok_or("the voice tag's closing double quote is missing")?;
    let rest = after
        .strip_prefix(',')
        .ok_or("a comma must follow the voice tag's closing quote")?;
    let len = text.chars().count();
    if len == 0 {
        return Err("the voice tag is empty (use the command without -voicetag)".into());
    }
    if len > VOICE_TAG_MAX {
        return Err(format!(
            "the voice tag has {len} characters (at most {VOICE_TAG_MAX})"
        ));
    }
    if text.chars().any(char::is_control) {
        return Err("the voice tag holds a control character".into());
    }
    Ok((text.to_string(), rest))
}

fn number_list(s: &str) -> Result<Vec<String>, String> {
    if s.is_empty() {
        return Err("at least one number is required".into());
    }
    s.split(',')
        .map(|n| {
            if n.contains('w') {
                Err(format!(
                    "`{n}`: DTMF append works only on simple-forward (not multiple-forward)"
                ))
            } else if n.is_empty() {
                Err("an empty number (two commas in a row, or a trailing comma)".into())
            } else {
                number(n)
            }
        })
        .collect()
}

fn patterns(s: &str) -> Result<Vec<String>, String> {
    s.split('|')
        .map(|p| {
            if p.is_empty() {
                return Err("an empty pattern (patterns are joined by a single `|`)".to_string());
            }
            if let Some(c) = p.chars().find(|c| !matches!(c, '0'..='9' | 'D')) {
                let hint = if c == 'I' {
                    " (join alternatives with `|`, not `I`)"
                } else {
                    ""
                };
                return Err(format!(
                    "pattern `{p}` may hold only 0-9 and D (found `{c}`){hint}"
                ));
            }
            Ok(p.to_string())
        })
        .collect()
}

/// Parses one command line (a single trailing line break is allowed).
pub fn parse(body: &str) -> Result<Command, String> {
    let line = body
        .strip_suffix("\r\n")
        .or_else(|| body.strip_suffix('\n'))
        .unwrap_or(body);
    if line.contains(['\r', '\n']) {
        return Err("the answer must be one command on one line".into());
    }
    let (name, rest) = line.split_once(',').unwrap_or((line, ""));
    let Some(name) = COMMANDS.iter().copied().find(|c| *c == name) else {
        let shown: String = name.chars().take(60).collect();
        return Err(format!(
            "unknown command `{shown}` (known: {})",
            COMMANDS.join(", ")
        ));
    };
    let e = |m: String| format!("{name}: {m}");
    let forward = |voice_tag, numbers, dtmf| Command::Forward {
        name,
        voice_tag,
        numbers,
        dtmf,
    };
    match name {
        "simple-forward" => {
            let (n, d) = number_dtmf(rest).map_err(e)?;
            Ok(forward(None, vec![n], d))
        }
        "simple-forward-voicetag" => {
            let (tag, rest) = voice_tag(rest).map_err(e)?;
            let (n, d) = number_dtmf(rest).map_err(e)?;
            Ok(forward(Some(tag), vec![n], d))
        }
        "multiple-forward" => Ok(forward(None, number_list(rest).map_err(e)?, None)),
        "multiple-forward-voicetag" => {
            let (tag, rest) = voice_tag(rest).map_err(e)?;
            Ok(forward(Some(tag), number_list(rest).map_err(e)?, None))
        }
        _ => {
            let parts: Vec<&str> = rest.split(',').collect();
            let [recording, pattern] = parts.as_slice() else {
                return Err(e(
                    "needs exactly a recording name and a pattern, separated by a comma".into(),
                ));
            };
            if recording.is_empty() || recording.trim() != *recording || recording.contains('"') {
                return Err(e(format!(
                    "recording name `{recording}` must be non-empty, without surrounding spaces or quotes"
                )));
            }
            Ok(Command::PlayAndGetDigits {
                recording: recording.to_string(),
                patterns: patterns(pattern).map_err(e)?,
            })
        }
    }
}

/// Whether `digits` matches one of `patterns` (`D` is any digit; lengths must be equal).
pub fn digits_match(patterns: &[String], digits: &str) -> bool {
    patterns.iter().any(|p| {
        p.len() == digits.len()
            && p.bytes()
                .zip(digits.bytes())
                .all(|(pc, dc)| (pc == b'D' && dc.is_ascii_digit()) || pc == dc)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_have_no_length_limit() {
        // The document sets none, and the library renders any pattern of 0-9, D and |.
        let long = "D".repeat(32);
        let c = parse(&format!("play-and-get-digits,Account Number,{long}|DDDD")).unwrap();
        assert_eq!(
            c,
            Command::PlayAndGetDigits {
                recording: "Account Number".into(),
                patterns: vec![long, "DDDD".into()],
            }
        );
    }

    #[test]
    fn parses_every_command() {
        let c = parse("simple-forward,18585602222ww1234w5\n").unwrap();
        assert_eq!(
            c,
            Command::Forward {
                name: "simple-forward",
                voice_tag: None,
                numbers: vec!["18585602222".into()],
                dtmf: Some("ww1234w5".into())
            }
        );
        let c = parse("simple-forward-voicetag,\"Sales call\",+18585602222").unwrap();
        assert_eq!(c.to_json()["voice_tag"], "Sales call");
        assert_eq!(c.to_json()["numbers"][0], "18585602222");
        let c = parse("multiple-forward,18585602222,16195550100").unwrap();
        assert_eq!(c.to_json()["numbers"].as_array().unwrap().len(), 2);
        let c = parse("multiple-forward-voicetag,\"Support\",18585602222,16195550100").unwrap();
        assert_eq!(c.name(), "multiple-forward-voicetag");
        let c = parse("play-and-get-digits,Main Menu,DDD|DDDD").unwrap();
        assert_eq!(
            c,
            Command::PlayAndGetDigits {
                recording: "Main Menu".into(),
                patterns: vec!["DDD".into(), "DDDD".into()]
            }
        );
    }

    #[test]
    fn refuses_everything_else() {
        for (bad, why) in [
            ("", "unknown command"),
            ("forward,18585602222", "unknown command"),
            ("simple-forward, 18585602222", "E.164"),
            ("simple-forward,1858", "E.164"),
            ("simple-forward,18585602222w", "no digit"),
            ("simple-forward,18585602222w1#", "digits 0-9"),
            ("simple-forward,18585602222w*1", "digits 0-9"),
            ("simple-forward,18585602222wx1", "may hold only"),
            ("simple-forward-voicetag,Sales,18585602222", "double quotes"),
            ("simple-forward-voicetag,\"Sales,18585602222", "closing"),
            ("simple-forward-voicetag,\"\",18585602222", "empty"),
            ("simple-forward-voicetag,\"Sales\"18585602222", "comma must follow"),
            ("simple-forward-voicetag,\"This voice tag is far too long to be spoken\",18585602222", "at most 40"),
            ("multiple-forward,18585602222w1,16195550100", "only on simple-forward"),
            ("multiple-forward,18585602222,,16195550100", "empty number"),
            ("multiple-forward,", "at least one"),
            ("play-and-get-digits,Main Menu", "exactly"),
            ("play-and-get-digits,Main Menu,DDD,x", "exactly"),
            ("play-and-get-digits,,DDD", "non-empty"),
            ("play-and-get-digits,Main Menu,DDDIDDDD", "not `I`"),
            ("play-and-get-digits,Main Menu,DDD||D", "empty pattern"),
            ("simple-forward,18585602222\nsimple-forward,18585602222", "one line"),
        ] {
            let e = parse(bad).unwrap_err();
            assert!(e.contains(why), "{bad}: {e}");
        }
    }

    #[test]
    fn digit_patterns() {
        let p = vec!["55D".to_string()];
        assert!(digits_match(&p, "553") && !digits_match(&p, "563") && !digits_match(&p, "5530"));
        let p = vec!["DDD".to_string(), "DDDD".to_string()];
        assert!(digits_match(&p, "123") && digits_match(&p, "1234") && !digits_match(&p, "12"));
    }
}
