//! The little XML the JUnit report needs: escaped attribute values and text, start/empty tags.
//! Characters XML 1.0 cannot carry at all (most C0 controls, U+FFFE, U+FFFF) become U+FFFD.

/// True for characters allowed in an XML 1.0 document.
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

fn escape(text: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\t' if attribute => out.push_str("&#9;"),
            '\r' => out.push_str("&#13;"),
            c if allowed(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
    out
}

/// Escapes text content.
pub fn text(value: &str) -> String {
    escape(value, false)
}

/// `name="value" …` with each value escaped, led by a space.
pub fn attrs(list: &[(&str, String)]) -> String {
    list.iter()
        .map(|(name, value)| format!(" {name}=\"{}\"", escape(value, true)))
        .collect()
}

/// `<name a="1">`, or `<name a="1"/>` when `empty`.
pub fn tag(name: &str, list: &[(&str, String)], empty: bool) -> String {
    format!("<{name}{}{}>", attrs(list), if empty { "/" } else { "" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_quotes_and_controls() {
        assert_eq!(text("a<b & c>d \"q\""), "a&lt;b &amp; c&gt;d \"q\"");
        assert_eq!(attrs(&[("m", "x\"y\nz".into())]), " m=\"x&quot;y&#10;z\"");
        assert_eq!(text("bell\u{7}\u{FFFF}"), "bell\u{FFFD}\u{FFFD}");
        assert_eq!(tag("skipped", &[], true), "<skipped/>");
        assert_eq!(tag("t", &[("n", "1".into())], false), "<t n=\"1\">");
    }
}
