//! Percent-decoding and query/form parsing.

/// Decodes `%XX` escapes; with `plus_is_space`, `+` becomes a space (query strings and forms).
/// Invalid escapes are kept literally; invalid UTF-8 is replaced.
pub fn percent_decode(s: &str, plus_is_space: bool) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' if i + 2 < b.len() => match (hex(b[i + 1]), hex(b[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' if plus_is_space => out.push(b' '),
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

/// Parses `a=1&b=x+y&c` into decoded pairs (`c` gets an empty value).
pub fn parse_query(s: &str) -> Vec<(String, String)> {
    s.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (percent_decode(k, true), percent_decode(v, true))
        })
        .collect()
}

/// Percent-encodes everything except unreserved characters (RFC 3986).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Splits a request target into decoded path and query pairs.
pub fn split_target(target: &str) -> (String, Vec<(String, String)>) {
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    (percent_decode(path, false), parse_query(query))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_percent_and_plus() {
        assert_eq!(percent_decode("a%20b+c", true), "a b c");
        assert_eq!(percent_decode("a%20b+c", false), "a b+c");
        assert_eq!(percent_decode("%2B1858", true), "+1858");
        assert_eq!(percent_decode("100%", true), "100%");
        assert_eq!(percent_decode("%zz%4", true), "%zz%4");
    }

    #[test]
    fn parses_queries() {
        let q = parse_query("filters%5Bnpa%5D=eq%3A858&x&y=a+b&&z=");
        assert_eq!(q[0], ("filters[npa]".into(), "eq:858".into()));
        assert_eq!(q[1], ("x".into(), "".into()));
        assert_eq!(q[2], ("y".into(), "a b".into()));
        assert_eq!(q.len(), 4);
        let (p, q) = split_target("/v4/a%20b?k=v");
        assert_eq!((p.as_str(), q.len()), ("/v4/a b", 1));
        assert_eq!(percent_encode("a b+/"), "a%20b%2B%2F");
    }
}
