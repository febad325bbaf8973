//! Vanity numbers: letters to keypad digits.
//!
//! ```
//! use phonecom::types::vanity;
//! assert_eq!(vanity::to_digits("1800FLOWERS").unwrap(), "18003569377");
//! assert_eq!(vanity::to_digits("1-800-flowers").unwrap(), "18003569377");
//! ```

/// The keypad digit of a letter (`A`-`Z`, either case).
pub fn letter_digit(c: char) -> Option<char> {
    Some(match c.to_ascii_uppercase() {
        'A'..='C' => '2',
        'D'..='F' => '3',
        'G'..='I' => '4',
        'J'..='L' => '5',
        'M'..='O' => '6',
        'P'..='S' => '7',
        'T'..='V' => '8',
        'W'..='Z' => '9',
        _ => return None,
    })
}

/// Turn a vanity pattern into keypad digits. Digits, `*` (wildcard in number searches) and `+`
/// are kept; spaces, dashes, dots and parentheses dropped; anything else is an error.
pub fn to_digits(pattern: &str) -> Result<String, String> {
    let mut out = String::with_capacity(pattern.len());
    for c in pattern.chars() {
        match c {
            '0'..='9' | '*' | '+' => out.push(c),
            ' ' | '-' | '.' | '(' | ')' => {}
            _ => match letter_digit(c) {
                Some(d) => out.push(d),
                None => {
                    return Err(format!(
                        "vanity pattern: `{c}` is not a letter, digit or `*`"
                    ))
                }
            },
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn keypad() {
        assert_eq!(
            super::to_digits("ABC DEF GHI JKL MNO PQRS TUV WXYZ").unwrap(),
            "22233344455566677778889999"
        );
        assert_eq!(super::to_digits("858*CALL").unwrap(), "858*2255");
        assert!(super::to_digits("8%8").is_err());
    }
}
