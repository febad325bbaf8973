//! "Did you mean" for unknown operation names: the closest names by edit distance and shared
//! words, the named family's first.
//!
//! `v4.get-acount` suggests `v4.get-account` first; `xml.getNumberList` suggests
//! `xml.getPhoneNumberList`. Words are split on `-`, `.`, `_` and camelCase humps and compared
//! case-insensitively, so `v4.list-available-numbers` finds `v4.list-available-phone-numbers`.

/// How many names a suggestion lists at most.
pub(crate) const MAX_SUGGESTIONS: usize = 5;

/// The names among `names` closest to `wanted`, best first, at most [`MAX_SUGGESTIONS`].
/// Names of the family `wanted` starts with (`v4.` in `v4.get-acount`) come before the others;
/// names with neither a shared word nor a small edit distance are left out.
pub(crate) fn closest<'a>(wanted: &str, names: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let (family, rest) = split_family(wanted);
    let wanted_rest = rest.to_ascii_lowercase();
    let wanted_words = words(rest);
    let mut ranked: Vec<(bool, i64, &str)> = names
        .filter_map(|name| {
            let (fam, rest) = split_family(name);
            let distance = edit_distance(&wanted_rest, &rest.to_ascii_lowercase());
            let theirs = words(rest);
            let shared = wanted_words.iter().filter(|w| theirs.contains(w)).count();
            let close = distance <= (wanted_rest.len() / 3).max(2);
            (shared > 0 || close).then(|| {
                // Each word the two share counts like three edits saved; a word only one side
                // has counts as one.
                let unshared = wanted_words.len() + theirs.len() - 2 * shared;
                let score = (distance + unshared) as i64 - 3 * shared as i64;
                (fam != family, score, name)
            })
        })
        .collect();
    ranked.sort();
    ranked
        .into_iter()
        .take(MAX_SUGGESTIONS)
        .map(|(_, _, name)| name)
        .collect()
}

/// `("v4", "get-account")` from `v4.get-account`; a name without a dot has no family.
fn split_family(name: &str) -> (&str, &str) {
    name.split_once('.').unwrap_or(("", name))
}

/// Lower-case words of an operation name: split on `-`, `.`, `_` and before each capital that
/// follows a lower-case letter or digit (`getPhoneNumberList` → get, phone, number, list).
fn words(name: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        if matches!(c, '-' | '.' | '_' | ' ') {
            out.extend((!current.is_empty()).then(|| std::mem::take(&mut current)));
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower {
            out.push(std::mem::take(&mut current));
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
        current.extend(c.to_lowercase());
    }
    out.extend((!current.is_empty()).then_some(current));
    out
}

/// Levenshtein distance in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substituted = diagonal + usize::from(ca != *cb);
            diagonal = row[j + 1];
            row[j + 1] = substituted.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_on_separators_and_camel_case() {
        assert_eq!(
            words("getPhoneNumberList"),
            ["get", "phone", "number", "list"]
        );
        assert_eq!(words("calls.get-x_y"), ["calls", "get", "x", "y"]);
        assert_eq!(words("getDIDs2Go"), ["get", "dids2", "go"]);
        assert!(words("").is_empty());
    }

    #[test]
    fn edit_distance_counts_single_character_edits() {
        assert_eq!(edit_distance("get-acount", "get-account"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn the_named_family_comes_first_and_at_most_five_are_kept() {
        let names = [
            "v1.calls.get",
            "v4.get-account",
            "v4.get-accounts-x",
            "xml.getAccount",
            "v1.get-account",
        ];
        let got = closest("v4.get-acount", names.iter().copied());
        assert_eq!(got[0], "v4.get-account");
        assert!(got.len() <= MAX_SUGGESTIONS);
        let v1 = got.iter().position(|n| *n == "v1.get-account").unwrap();
        let v4 = got.iter().position(|n| *n == "v4.get-accounts-x").unwrap();
        assert!(v4 < v1, "{got:?}");
    }
}
