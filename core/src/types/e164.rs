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

/// Drop the visual separators people write in numbers (spaces, dots, dashes, parentheses).
fn strip_separators(s: &str) -> Result<String, String> {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.trim().chars().enumerate() {
        match c {
            '0'..='9' => out.push(c),
            '+' if i == 0 => out.push(c),
            ' ' | '-' | '.' | '(' | ')' => {}
            _ => return Err(format!("must be a phone number: unexpected `{c}` in `{s}`")),
        }
    }
    Ok(out)
}

/// E.164 with the `+` optional: separators are dropped, the `+` is added when missing, and the
/// result is checked with [`check`]. No country code is guessed.
///
/// ```
/// use phonecom::types::e164;
/// assert_eq!(e164::normalize_plus("14155550142").unwrap(), "+14155550142");
/// assert_eq!(e164::normalize_plus("+44 20 7183 8750").unwrap(), "+442071838750");
/// ```
pub fn normalize_plus(s: &str) -> Result<String, String> {
    let stripped = strip_separators(s)?;
    let out = if stripped.starts_with('+') {
        stripped
    } else {
        format!("+{stripped}")
    };
    check(&out)?;
    Ok(out)
}

/// REST v1's acceptance rule, `^\+?\d{11,14}$` (the v1 document's regex; E.164 itself allows
/// up to 15 digits).
pub fn check_v1(s: &str) -> Result<(), String> {
    let digits = s.strip_prefix('+').unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "must be an E.164 number: an optional `+` then digits only (got `{s}`)"
        ));
    }
    if !(11..=14).contains(&digits.len()) {
        return Err(format!(
            "must be an E.164 number of 11 to 14 digits, country code included (REST v1 rule ^\\+?\\d{{11,14}}$; {} given in `{s}`)",
            digits.len()
        ));
    }
    Ok(())
}

/// A REST v1 phone number: separators dropped, checked with [`check_v1`], `+` added when
/// missing (the API would add it too). No country code is guessed.
///
/// ```
/// use phonecom::types::e164;
/// assert_eq!(e164::normalize_v1("15555551234").unwrap(), "+15555551234");
/// assert!(e164::normalize_v1("5555551234").is_err()); // 10 digits: no country code
/// ```
pub fn normalize_v1(s: &str) -> Result<String, String> {
    let stripped = strip_separators(s)?;
    check_v1(&stripped)?;
    Ok(if stripped.starts_with('+') {
        stripped
    } else {
        format!("+{stripped}")
    })
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

    #[test]
    fn v1_rule_is_11_to_14_digits_plus_optional() {
        assert!(check_v1("+15555551234").is_ok());
        assert!(check_v1("15555551234").is_ok());
        assert!(check_v1("+12345678901234").is_ok());
        assert!(check_v1("+123456789012345").is_err());
        assert!(check_v1("+5551231234").is_err());
        assert!(check_v1("+1555555123a").is_err());
        assert!(check_v1("++15555551234").is_err());
        assert_eq!(normalize_v1("1 (555) 555-1234").unwrap(), "+15555551234");
        assert_eq!(normalize_v1("+15555551234").unwrap(), "+15555551234");
        assert!(normalize_v1("1555555123+4").is_err());
        assert!(normalize_v1("call 1555").is_err());
    }

    #[test]
    fn plus_is_added_but_no_country_guessed() {
        assert_eq!(normalize_plus("+14155550142").unwrap(), "+14155550142");
        assert_eq!(normalize_plus("14155550142").unwrap(), "+14155550142");
        assert!(normalize_plus("0142").is_err());
        assert!(normalize_plus("04155550142").is_err());
    }
}
