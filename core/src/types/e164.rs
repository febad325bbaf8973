//! E.164 phone numbers.
//!
//! ```
//! use phonecom::types::e164;
//! assert_eq!(e164::normalize("1 (858) 555-0100").unwrap(), "+18585550100");
//! assert!(e164::check("+18585550100").is_ok());
//! assert!(e164::check("858-555").is_err());
//! ```

/// Check that `s` is E.164: `+` then 8 to 15 digits, the first not 0.
pub fn check(s: &str) -> Result<(), String> {
    let digits = s
        .strip_prefix('+')
        .ok_or_else(|| format!("must be E.164: `+` then country code and number (got `{s}`)"))?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("must be E.164: only digits after `+` (got `{s}`)"));
    }
    if digits.starts_with('0') {
        return Err(format!(
            "must be E.164: the country code cannot start with 0 (got `{s}`)"
        ));
    }
    if !(8..=15).contains(&digits.len()) {
        return Err(format!(
            "must be E.164: 8 to 15 digits after `+` ({} given)",
            digits.len()
        ));
    }
    Ok(())
}

/// Normalise a human-written number to E.164: drops spaces, dots, dashes and parentheses, adds
/// the `+` when missing, and treats 10-digit North American numbers as `+1`.
pub fn normalize(s: &str) -> Result<String, String> {
    let trimmed = s.trim();
    let plus = trimmed.starts_with('+');
    let mut digits = String::new();
    for c in trimmed.trim_start_matches('+').chars() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '-' | '.' | '(' | ')' => {}
            _ => return Err(format!("must be a phone number: unexpected `{c}` in `{s}`")),
        }
    }
    if !plus && digits.len() == 10 && !digits.starts_with(['0', '1']) {
        digits.insert(0, '1');
    }
    let out = format!("+{digits}");
    check(&out)?;
    Ok(out)
}

/// Whether `s` is a North American (NANPA, `+1` and 10 digits) number.
pub fn is_nanpa(s: &str) -> bool {
    s.len() == 12 && s.starts_with("+1") && check(s).is_ok() && !s[2..].starts_with(['0', '1'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_and_refuses() {
        assert!(check("+442071838750").is_ok());
        assert!(check("18585550100").is_err());
        assert!(check("+1858555010a").is_err());
        assert!(check("+1234567890123456").is_err());
        assert!(check("+0123456789").is_err());
    }

    #[test]
    fn normalises() {
        assert_eq!(normalize("+44 20 7183 8750").unwrap(), "+442071838750");
        assert_eq!(normalize("858.555.0100").unwrap(), "+18585550100");
        assert_eq!(normalize("18585550100").unwrap(), "+18585550100");
        assert!(normalize("call me").is_err());
        assert!(is_nanpa("+18585550100"));
        assert!(!is_nanpa("+442071838750"));
    }
}
