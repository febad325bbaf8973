//! Cutting text at a byte limit without splitting a character. Every limit the crate applies to
//! text it keeps (a raw body on an error) goes through [`utf8_prefix`], so a multi-byte
//! character (`é`, an emoji, a combining mark) at the limit is left out whole instead of being
//! cut (a panic on `&str`, a U+FFFD on bytes).
//!
//! Positions found by searching for an ASCII character (`find('=')`, `rfind('@')`) are always
//! character boundaries; a position computed from a found *non-ASCII* character (`rfind(pred) + 1`)
//! is not, which is why such code trims by character (`trim_end_matches`) or uses `str::get`.
//!
//! ```text
//! utf8_prefix("né".as_bytes(), 2) == b"n"     // 2 is inside `é`
//! utf8_prefix(b"\xff\xfe\xfd", 2) == b"\xff\xfe"   // not UTF-8: cut where the limit falls
//! ```

/// At most `max_bytes` of `bytes`, shortened so that a UTF-8 sequence the cut would split is left
/// out whole (bytes that are not UTF-8 are cut where the limit falls).
pub(crate) fn utf8_prefix(bytes: &[u8], max_bytes: usize) -> &[u8] {
    if bytes.len() <= max_bytes {
        return bytes;
    }
    let mut cut = max_bytes;
    // Back over at most three continuation bytes (0b10xxxxxx) to the lead byte of the sequence.
    let lead = (cut.saturating_sub(3)..=cut)
        .rev()
        .find(|&i| bytes.get(i).is_some_and(|b| b & 0xC0 != 0x80));
    if let Some(i) = lead {
        let len = match bytes[i] {
            b if b >= 0xF0 => 4,
            b if b >= 0xE0 => 3,
            b if b >= 0xC0 => 2,
            _ => 1,
        };
        if i < cut && i + len > cut {
            cut = i;
        }
    }
    &bytes[..cut]
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The longest prefix of `s` of at most `max` bytes made of whole characters.
    fn whole_chars(s: &str, max: usize) -> &str {
        let end = s
            .char_indices()
            .map(|(i, c)| i + c.len_utf8())
            .take_while(|&end| end <= max)
            .last()
            .unwrap_or(0);
        &s[..end]
    }

    #[test]
    fn cuts_before_a_character_the_limit_would_split() {
        assert_eq!(utf8_prefix("né".as_bytes(), 2), b"n");
        assert_eq!(utf8_prefix("né".as_bytes(), 3), "né".as_bytes());
        assert_eq!(utf8_prefix("a😀b".as_bytes(), 4), b"a");
        assert_eq!(utf8_prefix("a😀b".as_bytes(), 5), "a😀".as_bytes());
        assert_eq!(utf8_prefix(b"\xff\xfe\xfd", 2), b"\xff\xfe");
    }

    proptest! {
        #[test]
        fn the_prefix_of_text_is_its_longest_whole_character_prefix(s in "\\PC*", max in 0usize..64) {
            prop_assert_eq!(utf8_prefix(s.as_bytes(), max), whole_chars(&s, max).as_bytes());
        }

        #[test]
        fn the_prefix_of_any_bytes_is_bounded(b in proptest::collection::vec(any::<u8>(), 0..64), max in 0usize..64) {
            let p = utf8_prefix(&b, max);
            prop_assert!(p.len() <= max && b.starts_with(p));
            prop_assert!(p.len() + 3 >= max.min(b.len()));
        }
    }
}
