//! The XML API's response envelope and a tiny XML writer.
//!
//! ```text
//! <response>
//!   <resultData>...</resultData>            (only when the action returns data)
//!   <result status="ok|error">
//!     <msg>Command completed successfully</msg>
//!     <resultDate>2011-03-02T19:51:32.0000Z</resultDate>
//!   </result>
//!   <trID>
//!     <clTRID>1234</clTRID>                   (<clTRID/> when the client sent none)
//!     <svTRID>12990954922162961333</svTRID>
//!   </trID>
//! </response>
//! ```

use crate::clock;
use crate::http::Response;

/// The `Content-Type` of every XML API answer.
pub const CONTENT_TYPE: &str = "text/xml; charset=UTF-8";

/// The `<msg>` of a successful command.
pub const OK_MSG: &str = "Command completed successfully";

/// One element: attributes, text, children. Empty elements are written `<name/>`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct El {
    name: String,
    attrs: Vec<(String, String)>,
    text: String,
    children: Vec<El>,
}

impl El {
    /// An empty element.
    pub fn new(name: &str) -> El {
        El {
            name: name.to_string(),
            ..El::default()
        }
    }

    /// An element holding `text`.
    pub fn text(name: &str, text: impl Into<String>) -> El {
        El {
            name: name.to_string(),
            text: text.into(),
            ..El::default()
        }
    }

    /// An element holding `text`, or empty (`<name/>`) for `None`.
    pub fn opt(name: &str, text: Option<&str>) -> El {
        El::text(name, text.unwrap_or(""))
    }

    /// Adds an attribute.
    pub fn attr(mut self, name: &str, value: impl Into<String>) -> El {
        self.attrs.push((name.to_string(), value.into()));
        self
    }

    /// Adds a child.
    pub fn child(mut self, c: El) -> El {
        self.children.push(c);
        self
    }

    /// Adds children.
    pub fn children(mut self, cs: impl IntoIterator<Item = El>) -> El {
        self.children.extend(cs);
        self
    }

    /// Adds a text child `<name>text</name>`.
    pub fn leaf(self, name: &str, text: impl Into<String>) -> El {
        self.child(El::text(name, text))
    }

    /// Writes the element, indented by `depth` levels of two spaces.
    pub fn write(&self, out: &mut String, depth: usize) {
        let pad = "  ".repeat(depth);
        out.push_str(&pad);
        out.push('<');
        out.push_str(&self.name);
        for (k, v) in &self.attrs {
            out.push_str(&format!(" {k}=\"{}\"", escape(v)));
        }
        if self.children.is_empty() && self.text.is_empty() {
            out.push_str("/>\n");
            return;
        }
        out.push('>');
        if self.children.is_empty() {
            out.push_str(&escape(&self.text));
        } else {
            out.push('\n');
            for c in &self.children {
                c.write(out, depth + 1);
            }
            out.push_str(&pad);
        }
        out.push_str(&format!("</{}>\n", self.name));
    }

    /// The element as a string (tests).
    pub fn render(&self) -> String {
        let mut s = String::new();
        self.write(&mut s, 0);
        s
    }
}

/// Escapes text for XML; characters XML 1.0 cannot hold become U+FFFD, so any input (an
/// echoed clTRID, a message) still gives a well-formed document.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// `YYYY-MM-DDTHH:MM:SS.0000Z`, the document's timestamp format.
pub fn xml_time(epoch: i64) -> String {
    let (y, m, d, hh, mm, ss) = clock::parts(epoch);
    format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}.0000Z")
}

/// `<name gmt="YYYY-MM-DDTHH:MM:SS.0000Z">epoch</name>`, as `<startTime>` in the document.
pub fn time_el(name: &str, epoch: i64) -> El {
    El::text(name, epoch.to_string()).attr("gmt", xml_time(epoch))
}

/// What the envelope reports.
#[derive(Debug, Clone)]
pub struct Envelope<'a> {
    /// `ok` or `error`.
    pub ok: bool,
    /// `<msg>`.
    pub msg: &'a str,
    /// The children of `<resultData>`; no `<resultData>` when `None`.
    pub data: Option<Vec<El>>,
    /// The client's transaction id, echoed.
    pub cl_trid: Option<&'a str>,
    /// The server's transaction id.
    pub sv_trid: &'a str,
    /// `<resultDate>` (UNIX seconds).
    pub now: i64,
}

impl Envelope<'_> {
    /// The whole document.
    pub fn render(&self) -> String {
        let mut root = El::new("response");
        if let Some(data) = &self.data {
            root = root.child(El::new("resultData").children(data.iter().cloned()));
        }
        let status = if self.ok { "ok" } else { "error" };
        root = root
            .child(
                El::new("result")
                    .attr("status", status)
                    .leaf("msg", self.msg)
                    .leaf("resultDate", xml_time(self.now)),
            )
            .child(
                El::new("trID")
                    .child(El::opt("clTRID", self.cl_trid))
                    .leaf("svTRID", self.sv_trid),
            );
        let mut out = String::new();
        root.write(&mut out, 0);
        out
    }

    /// The document as an HTTP response with `status`.
    pub fn response(&self, status: u16) -> Response {
        Response::bytes(status, CONTENT_TYPE, self.render().into_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_the_documents_shape() {
        let env = Envelope {
            ok: true,
            msg: OK_MSG,
            data: Some(vec![El::new("phoneNumberList").child(
                El::new("phoneNumber")
                    .attr("id", "19676")
                    .leaf("phoneNumber", "+18668252541")
                    .leaf("nickName", "My Nickname")
                    .child(El::new("rateCenter")),
            )]),
            cl_trid: None,
            sv_trid: "12990954922162961333",
            now: 1_299_095_492,
        };
        let expected = "<response>\n  <resultData>\n    <phoneNumberList>\n      <phoneNumber id=\"19676\">\n        <phoneNumber>+18668252541</phoneNumber>\n        <nickName>My Nickname</nickName>\n        <rateCenter/>\n      </phoneNumber>\n    </phoneNumberList>\n  </resultData>\n  <result status=\"ok\">\n    <msg>Command completed successfully</msg>\n    <resultDate>2011-03-02T19:51:32.0000Z</resultDate>\n  </result>\n  <trID>\n    <clTRID/>\n    <svTRID>12990954922162961333</svTRID>\n  </trID>\n</response>\n";
        assert_eq!(env.render(), expected);
    }

    #[test]
    fn escapes_everything() {
        assert_eq!(
            escape("a<b>&\"'\u{1}"),
            "a&lt;b&gt;&amp;&quot;&apos;\u{FFFD}"
        );
        let e = El::text("x", "1 & 2").attr("k", "<v>");
        assert_eq!(e.render(), "<x k=\"&lt;v&gt;\">1 &amp; 2</x>\n");
        assert_eq!(
            time_el("startTime", 1_256_679_735).render(),
            "<startTime gmt=\"2009-10-27T21:42:15.0000Z\">1256679735</startTime>\n"
        );
    }
}
