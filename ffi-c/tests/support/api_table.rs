//! The "API" table of `ffi-c/README.md`, written from the C header so that it cannot drift: each
//! function's full C signature, the first sentence of its doc comment, and who frees what it
//! returns (derived from the signature's types, and checked against the doc comment).
//!
//! ```text
//! let table = api_table::render(&c_header());          // the Markdown table
//! api_table::splice(&readme, &table)                   // the README with the table replaced
//! ```

/// One function of the header.
pub struct Function {
    /// The declaration on one line, without the final `;`.
    pub signature: String,
    /// The function's name.
    pub name: String,
    /// The doc comment above it, without the comment markers.
    pub doc: String,
}

/// The line before the generated table in the README.
pub const BEGIN: &str =
    "<!-- BEGIN API TABLE: written from include/phonecom.h by ffi-c/tests/header.rs; do not edit -->";
/// The line after it.
pub const END: &str = "<!-- END API TABLE -->";

/// Every public function of `header` in declaration order (the test-only
/// `phonecom__panic_for_test` is not part of the API and is left out), and the log callback type.
pub fn functions(header: &str) -> Vec<Function> {
    let mut out = Vec::new();
    let mut doc = String::new();
    let mut in_doc = false;
    let mut decl: Option<String> = None;
    for line in header.lines() {
        if let Some(text) = decl.as_mut() {
            text.push(' ');
            text.push_str(line.trim());
        } else if line.starts_with("/**") {
            in_doc = true;
            doc.clear();
            continue;
        } else if in_doc {
            if line.trim_start().starts_with("*/") {
                in_doc = false;
            } else {
                let text = line.trim_start().trim_start_matches('*');
                doc.push_str(text.strip_prefix(' ').unwrap_or(text));
                doc.push('\n');
            }
            continue;
        } else if line.contains("phonecom_") && line.contains('(') && !line.starts_with(' ') {
            decl = Some(line.trim().to_string());
        } else {
            if !line.trim().is_empty() {
                doc.clear();
            }
            continue;
        }
        let text = decl.as_ref().expect("set above");
        if text.ends_with(';') {
            let signature = text.trim_end_matches(';').replace("( ", "(");
            let name = name_of(&signature);
            if !name.starts_with("phonecom__") {
                out.push(Function {
                    signature,
                    name,
                    doc: std::mem::take(&mut doc),
                });
            }
            decl = None;
            doc.clear();
        }
    }
    out
}

/// `phonecom_call` from `phonecom_status phonecom_call(...)`; the type's name for a typedef.
fn name_of(signature: &str) -> String {
    let before_paren = if signature.starts_with("typedef") {
        signature.split("(*").nth(1).unwrap_or("").split(')').next()
    } else {
        signature.split('(').next()
    };
    before_paren
        .unwrap_or("")
        .rsplit([' ', '*'])
        .next()
        .unwrap_or("")
        .to_string()
}

/// The first sentence of a doc comment, on one line (`e.g.` and `i.e.` do not end it, nor does
/// a period inside backticks or parentheses).
pub fn first_sentence(doc: &str) -> String {
    let paragraph = doc.split("\n\n").next().unwrap_or("").replace('\n', " ");
    let chars: Vec<char> = paragraph.chars().collect();
    let (mut code, mut depth) = (false, 0i32);
    for (i, c) in chars.iter().enumerate() {
        match c {
            '`' => code = !code,
            '(' if !code => depth += 1,
            ')' if !code => depth -= 1,
            '.' if !code && depth <= 0 => {
                let so_far: String = chars[..=i].iter().collect();
                let abbreviation = so_far.ends_with("e.g.") || so_far.ends_with("i.e.");
                let at_end = chars.get(i + 1).is_none_or(|n| *n == ' ');
                if at_end && !abbreviation {
                    return so_far;
                }
            }
            _ => {}
        }
    }
    paragraph.trim().to_string()
}

/// Who frees what `f` returns, from its types alone: the returned `char *` and every `char **`
/// out-parameter go to `phonecom_string_free`, a `phonecom_X **` out-parameter to
/// `phonecom_X_free`, a returned `const char *` is static.
pub fn memory(f: &Function) -> String {
    if f.signature.starts_with("typedef") {
        // A callback: what the library passes it (its last parameter) is lent for the call.
        let last = f
            .signature
            .trim_end_matches(')')
            .rsplit(',')
            .next()
            .unwrap_or("");
        let name = last.rsplit(['*', ' ']).next().unwrap_or(last).trim();
        return format!("`{name}` is the library's, valid during the call only");
    }
    let (head, params) = f.signature.split_once('(').expect("a function");
    let mut notes = Vec::new();
    if head.starts_with("const char *") {
        notes.push("returns a static string: never free it".to_string());
    } else if head.starts_with("char *") {
        notes.push("returns a new string or NULL: free it with `phonecom_string_free`".to_string());
    }
    for param in params.trim_end_matches(')').split(',') {
        let param = param.trim();
        let Some((ty, name)) = param.rsplit_once("**") else {
            continue;
        };
        let ty = ty.trim().trim_start_matches("const ").trim();
        let free = if ty == "char" {
            "phonecom_string_free".to_string()
        } else {
            format!("{ty}_free")
        };
        notes.push(format!(
            "`*{}` on `PHONECOM_OK`: free it with `{free}`",
            name.trim()
        ));
    }
    if notes.is_empty() {
        if f.name.ends_with("_free") {
            return "frees its argument (NULL is accepted)".into();
        }
        return "nothing to free".into();
    }
    notes.join("; ")
}

/// The Markdown table of every function of `header`.
pub fn render(header: &str) -> String {
    let mut out = String::from("| C signature | what it does | memory |\n|---|---|---|\n");
    for f in functions(header) {
        out.push_str(&format!(
            "| `{}` | {} | {} |\n",
            f.signature,
            first_sentence(&f.doc).replace('|', "\\|"),
            memory(&f)
        ));
    }
    out
}

/// `readme` with the text between [`BEGIN`] and [`END`] replaced by `table`; None when the
/// markers are missing.
pub fn splice(readme: &str, table: &str) -> Option<String> {
    let start = readme.find(BEGIN)? + BEGIN.len();
    let end = readme[start..].find(END)? + start;
    Some(format!("{}\n{}{}", &readme[..start], table, &readme[end..]))
}
