//! A strict pull tokenizer for the plain XML the API sends in the common case, so that a large
//! reply (a 500-row `getCallList`) is decoded without building a tree first.
//!
//! It reads a subset of XML and gives up (`None`) on anything outside it, leaving the body to
//! the full parser (roxmltree), which either accepts it or words the error. What it reads:
//! an optional `<?xml version="1.0" [encoding="UTF-8"]?>` at the very start, elements whose
//! names are ASCII letters, digits, `_`, `.` and `-` (no namespaces), at most one attribute
//! per element (no `&`, `<`, tab or line break in its value), character data with the five
//! predefined entities, and CDATA sections. Comments, processing instructions, DOCTYPEs,
//! character references, a byte order mark, control characters, U+FFFE/U+FFFF, `]]>` in
//! character data and a carriage return anywhere but between tags all make it give up: every
//! input it accepts is well-formed XML that roxmltree reads to the same elements and text.
//!
//! ```text
//! let mut s = Scanner::new(r#"<a id="1">x &amp; y</a>"#)?;
//! s.next() == Some(Token::Open { name: "a", attr: Some(("id", "1")), empty: false })
//! s.next() == Some(Token::Text("x & y".into()))
//! s.next() == Some(Token::Close("a"))
//! s.next() == Some(Token::Eof)
//! ```

use std::borrow::Cow;

/// One piece of the document, borrowed from it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Token<'a> {
    /// `<name>`, `<name attr="value">`, or the same ending in `/>` (`empty`).
    Open {
        name: &'a str,
        attr: Option<(&'a str, &'a str)>,
        empty: bool,
    },
    /// `</name>`.
    Close(&'a str),
    /// Character data that is white space only (tab, line feed, carriage return, space).
    Space(&'a str),
    /// Other character data, its entities decoded.
    Text(Cow<'a, str>),
    /// The content of a `<![CDATA[...]]>` section.
    CData(&'a str),
    /// The end of the input.
    Eof,
}

/// The tokenizer: [`Scanner::next`] gives the next token, or `None` when the input leaves the
/// subset (the caller then gives the whole body to the full parser).
pub(super) struct Scanner<'a> {
    src: &'a str,
    pos: usize,
}

impl<'a> Scanner<'a> {
    /// A scanner at the start of `src`, past its XML declaration (`None` for a declaration
    /// outside the subset, or a byte order mark).
    pub(super) fn new(src: &'a str) -> Option<Scanner<'a>> {
        let mut s = Scanner { src, pos: 0 };
        if src.starts_with("<?xml") {
            s.declaration()?;
        } else if src.starts_with('\u{feff}') {
            return None;
        }
        Some(s)
    }

    fn bytes(&self) -> &'a [u8] {
        self.src.as_bytes()
    }

    fn peek(&self) -> Option<u8> {
        self.bytes().get(self.pos).copied()
    }

    fn rest(&self) -> &'a str {
        self.src.get(self.pos..).unwrap_or("")
    }

    /// Skip XML white space; whether there was any.
    fn space(&mut self) -> bool {
        let start = self.pos;
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
        self.pos > start
    }

    /// Consume `lit` when the input continues with it.
    fn eat(&mut self, lit: &str) -> bool {
        let found = self.rest().starts_with(lit);
        if found {
            self.pos += lit.len();
        }
        found
    }

    /// `<?xml version="1.0"?>`, optionally with `encoding="UTF-8"`, either quote.
    fn declaration(&mut self) -> Option<()> {
        self.pos = "<?xml".len();
        if !self.space() || !self.eat("version") {
            return None;
        }
        let version = self.equals_quoted()?;
        if version != "1.0" {
            return None;
        }
        let spaced = self.space();
        if spaced && self.eat("encoding") {
            let enc = self.equals_quoted()?;
            if !enc.eq_ignore_ascii_case("utf-8") {
                return None;
            }
            self.space();
        }
        self.eat("?>").then_some(())
    }

    /// `= "value"` (white space around `=`, either quote); the value as written.
    fn equals_quoted(&mut self) -> Option<&'a str> {
        self.space();
        if !self.eat("=") {
            return None;
        }
        self.space();
        let quote = self.peek().filter(|q| matches!(q, b'"' | b'\''))?;
        let start = self.pos + 1;
        let len = self
            .bytes()
            .get(start..)?
            .iter()
            .position(|b| *b == quote)?;
        self.pos = start + len + 1;
        self.src.get(start..start + len)
    }

    /// A name: an ASCII letter or `_`, then letters, digits, `_`, `.` or `-`.
    fn name(&mut self) -> Option<&'a str> {
        let start = self.pos;
        match self.peek() {
            Some(b) if b.is_ascii_alphabetic() || b == b'_' => self.pos += 1,
            _ => return None,
        }
        let b = self.bytes();
        let mut i = self.pos;
        while b
            .get(i)
            .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'-'))
        {
            i += 1;
        }
        self.pos = i;
        self.src.get(start..self.pos)
    }

    /// Consume `</name>` when the input continues with exactly that (the common closing tag,
    /// checked without scanning a name); otherwise leave the input to [`Scanner::next`].
    pub(super) fn close(&mut self, name: &str) -> bool {
        let b = self.bytes().get(self.pos..).unwrap_or_default();
        let found = b.len() > name.len() + 2
            && b.starts_with(b"</")
            && b.get(2..2 + name.len()) == Some(name.as_bytes())
            && b.get(2 + name.len()) == Some(&b'>');
        if found {
            self.pos += name.len() + 3;
        }
        found
    }

    /// The next token, or `None` when the input leaves the subset.
    pub(super) fn next(&mut self) -> Option<Token<'a>> {
        match self.peek() {
            None => Some(Token::Eof),
            Some(b'<') => self.markup(),
            Some(_) => self.char_data(),
        }
    }

    /// Character data up to the next `<`, checked and decoded in one pass over its bytes.
    fn char_data(&mut self) -> Option<Token<'a>> {
        let b = self.bytes();
        let start = self.pos;
        let (mut space, mut amp, mut cr) = (true, false, false);
        let mut i = start;
        while let Some(&c) = b.get(i) {
            match CLASS[usize::from(c)] {
                SPACE => {}
                OTHER => space = false,
                _ => match c {
                    b'<' => break,
                    b'\r' => cr = true,
                    b'&' => (amp, space) = (true, false),
                    // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
                    0xef if b.get(i + 1) != Some(&0xbf)
                        || !matches!(b.get(i + 2), Some(0xbe | 0xbf)) =>
                    {
                        space = false
                    }
                    b']' if b.get(i + 1..i + 3) != Some(b"]>") => space = false,
                    _ => return None,
                },
            }
            i += 1;
        }
        self.pos = i;
        let raw = self.src.get(start..i)?;
        if space {
            return Some(Token::Space(raw));
        }
        if cr {
            // XML reads a carriage return as a line feed: left to the full parser.
            return None;
        }
        Some(Token::Text(if amp {
            Cow::Owned(entities(raw)?)
        } else {
            Cow::Borrowed(raw)
        }))
    }

    /// A tag or a CDATA section (the input is at its `<`).
    fn markup(&mut self) -> Option<Token<'a>> {
        match self.bytes().get(self.pos + 1)? {
            b'/' => {
                self.pos += 2;
                let name = self.name()?;
                self.space();
                self.eat(">").then_some(Token::Close(name))
            }
            b'!' => {
                if !self.eat("<![CDATA[") {
                    return None;
                }
                let len = self.rest().find("]]>")?;
                let data = self.rest().get(..len)?;
                self.pos += len + "]]>".len();
                (plain_chars(data) && !data.contains('\r')).then_some(Token::CData(data))
            }
            _ => {
                self.pos += 1;
                let name = self.name()?;
                let mut attr = None;
                loop {
                    let spaced = self.space();
                    match self.peek()? {
                        b'>' => {
                            self.pos += 1;
                            return Some(Token::Open {
                                name,
                                attr,
                                empty: false,
                            });
                        }
                        b'/' => {
                            return self.eat("/>").then_some(Token::Open {
                                name,
                                attr,
                                empty: true,
                            });
                        }
                        // One attribute at most, after white space.
                        _ if !spaced || attr.is_some() => return None,
                        _ => {}
                    }
                    let key = self.name()?;
                    let value = self.equals_quoted()?;
                    if value.contains(['<', '&', '\t', '\n', '\r']) || !plain_chars(value) {
                        return None;
                    }
                    attr = Some((key, value));
                }
            }
        }
    }
}

/// The classes of bytes in character data: white space, ordinary, and those to look at
/// (`<`, `&`, `]`, carriage return, control characters, the first byte of U+FFFE/U+FFFF).
const SPACE: u8 = 0;
const OTHER: u8 = 1;
const LOOK: u8 = 2;
const CLASS: [u8; 256] = {
    let mut class = [OTHER; 256];
    let mut c = 0;
    while c < 0x20 {
        class[c] = LOOK;
        c += 1;
    }
    class[b' ' as usize] = SPACE;
    class[b'\t' as usize] = SPACE;
    class[b'\n' as usize] = SPACE;
    class[b'<' as usize] = LOOK;
    class[b'&' as usize] = LOOK;
    class[b']' as usize] = LOOK;
    class[0xef] = LOOK;
    class
};

/// Whether `s` holds only characters XML allows: no control characters but tab, line feed and
/// carriage return, no U+FFFE or U+FFFF.
fn plain_chars(s: &str) -> bool {
    !s.chars()
        .any(|c| matches!(c, '\0'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}'))
}

/// Character data with its entities decoded (`&lt;` `&gt;` `&amp;` `&apos;` `&quot;`); `None`
/// for any other reference.
fn entities(raw: &str) -> Option<String> {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp)?);
        let after = rest.get(amp + 1..)?;
        let semi = after.find(';')?;
        out.push(match after.get(..semi)? {
            "lt" => '<',
            "gt" => '>',
            "amp" => '&',
            "apos" => '\'',
            "quot" => '"',
            _ => return None,
        });
        rest = after.get(semi + 1..)?;
    }
    out.push_str(rest);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(src: &str) -> Option<Vec<Token<'_>>> {
        let mut s = Scanner::new(src)?;
        let mut out = Vec::new();
        loop {
            let t = s.next()?;
            let end = t == Token::Eof;
            out.push(t);
            if end {
                return Some(out);
            }
        }
    }

    #[test]
    fn reads_the_subset() {
        let t = tokens(
            "<?xml version='1.0' encoding=\"utf-8\" ?>\n<a id = \"1\"><b/><c x='y'>t &amp; u<![CDATA[<v>]]></c ></a>",
        )
        .unwrap();
        assert_eq!(
            t,
            [
                Token::Space("\n"),
                Token::Open {
                    name: "a",
                    attr: Some(("id", "1")),
                    empty: false
                },
                Token::Open {
                    name: "b",
                    attr: None,
                    empty: true
                },
                Token::Open {
                    name: "c",
                    attr: Some(("x", "y")),
                    empty: false
                },
                Token::Text("t & u".into()),
                Token::CData("<v>"),
                Token::Close("c"),
                Token::Close("a"),
                Token::Eof,
            ]
        );
    }

    #[test]
    fn close_takes_exactly_the_closing_tag() {
        let mut s = Scanner::new("</ab></a></a ></a>").unwrap();
        assert!(!s.close("a"));
        assert_eq!(s.next(), Some(Token::Close("ab")));
        assert!(s.close("a"));
        assert!(!s.close("a"));
        assert_eq!(s.next(), Some(Token::Close("a")));
        assert!(s.close("a"));
        assert!(!s.close("a"));
        assert_eq!(s.next(), Some(Token::Eof));
    }

    #[test]
    fn gives_up_outside_the_subset() {
        for src in [
            "\u{feff}<a/>",
            "<?xml version=\"1.1\"?><a/>",
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>",
            "<?xml version=\"1.0\" standalone=\"yes\"?><a/>",
            "<!DOCTYPE a><a/>",
            "<!-- c --><a/>",
            "<?pi x?><a/>",
            "<a:b/>",
            "<a x=\"1\" y=\"2\"/>",
            "<a x=\"1\"y=\"2\"/>",
            "<a x=\"1&amp;\"/>",
            "<a x=\"1\n\"/>",
            "<a x=\"<\"/>",
            "<a x=1/>",
            "<a/ >",
            "<a>\u{1}</a>",
            "<a>\u{fffe}</a>",
            "<a>]]></a>",
            "<a><![CDATA[\r]]></a>",
            "<a><![CDATA[x</a>",
            "<é/>",
            "</ a>",
            "<a",
        ] {
            assert_eq!(tokens(src), None, "{src:?}");
        }
    }

    #[test]
    fn entities_and_carriage_returns() {
        let text = |raw: &str| {
            let src = format!("<a>{raw}</a>");
            tokens(&src).map(|t| t[1].clone()).map(|t| format!("{t:?}"))
        };
        assert_eq!(
            text("a &lt;&gt;&amp;&apos;&quot; b").unwrap(),
            r#"Text("a <>&'\" b")"#
        );
        assert_eq!(text(" \r\n ").unwrap(), r#"Space(" \r\n ")"#);
        for raw in ["&#60;", "&nbsp;", "& x", "&amp", "a\r\nb"] {
            assert_eq!(text(raw), None, "{raw:?}");
        }
    }
}
