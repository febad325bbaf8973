//! UUIDs as REST v1 writes them (`resource_id` and every reference to another object).
//!
//! The rule is the v1 document's own: `^[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}$`
//! (lower-case hex, five groups, no spaces or braces).
//!
//! ```
//! use phonecom::types::uuid;
//! assert!(uuid::check("06283513-14f5-11e3-a398-91e4dd3a21e9").is_ok());
//! assert!(uuid::check("06283513-14F5-11E3-A398-91E4DD3A21E9").is_err());
//! assert!(uuid::check("06283513").is_err());
//! ```

/// Check `s` against the document's rule.
pub fn check(s: &str) -> Result<(), String> {
    if is_uuid(s) {
        return Ok(());
    }
    let hint = if is_uuid(&s.to_ascii_lowercase()) {
        " (write the hex digits in lower case)"
    } else {
        ""
    };
    Err(format!(
        "must be a UUID: 8-4-4-4-12 lower-case hex digits such as 06283513-14f5-11e3-a398-91e4dd3a21e9 (got `{s}`){hint}"
    ))
}

/// Whether `s` matches `^[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}$`.
pub fn is_uuid(s: &str) -> bool {
    let groups: Vec<&str> = s.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documents_examples_match() {
        for id in [
            "40dc31d0-76ef-11e2-bcfd-0800200c9a66",
            "f7c0ec0c-9016-11e2-97f5-525400838e08",
            "6df07874-a797-11e2-bb5a-dc180921aee7",
            "18a349a6-3d00-11e3-8779-91e7f37d368b",
            "9d1ee64b-f316-11e2-b57c-ac4ed37d8038",
        ] {
            assert!(check(id).is_ok(), "{id}");
        }
    }

    #[test]
    fn refuses_near_misses() {
        for bad in [
            "",
            "40dc31d0-76ef-11e2-bcfd-0800200c9a6",
            "40dc31d0-76ef-11e2-bcfd-0800200c9a667",
            "40dc31d076ef11e2bcfd0800200c9a66",
            "{40dc31d0-76ef-11e2-bcfd-0800200c9a66}",
            " 40dc31d0-76ef-11e2-bcfd-0800200c9a66",
            "40dc31d0-76ef-11e2-bcfd-0800200c9g66",
            "40dc31d0-76ef-11e2-bcfd-08002-0c9a66",
        ] {
            assert!(check(bad).is_err(), "{bad}");
        }
        assert!(check("40DC31D0-76EF-11E2-BCFD-0800200C9A66")
            .unwrap_err()
            .contains("lower case"));
    }
}
