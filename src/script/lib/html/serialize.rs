//! Markup as cheerio 0.22 writes it (dom-serializer with entity encoding): `&<>"'` and every
//! non-ASCII character as entities in text and attribute values (`é` → `&#xE9;`), raw text in
//! script/style, void elements without a closing tag, attributes with empty values bare.

use ego_tree::NodeRef;
use scraper::Node;

const VOID: &[&str] = &[
    "area", "base", "basefont", "br", "col", "command", "embed", "frame", "hr", "img", "input",
    "isindex", "keygen", "link", "meta", "param", "source", "track", "wbr",
];
const RAW_TEXT: &[&str] = &[
    "style",
    "script",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
    "noscript",
];
/// `&<>"'` and non-ASCII as XML entities (astral characters as one code point).
pub fn encode_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if !c.is_ascii() => out.push_str(&format!("&#x{:X};", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// Writes a node and everything under it.
pub fn outer(node: NodeRef<'_, Node>, out: &mut String) {
    match node.value() {
        Node::Element(e) => {
            let name = e.name();
            out.push('<');
            out.push_str(name);
            for (k, v) in e.attrs() {
                out.push(' ');
                out.push_str(k);
                if !v.is_empty() {
                    out.push_str("=\"");
                    out.push_str(&encode_xml(v));
                    out.push('"');
                }
            }
            out.push('>');
            if VOID.contains(&name) {
                return;
            }
            inner(node, out);
            out.push_str("</");
            out.push_str(name);
            out.push('>');
        }
        Node::Text(t) => {
            let raw = node
                .parent()
                .and_then(|p| p.value().as_element().map(|e| RAW_TEXT.contains(&e.name())))
                .unwrap_or(false);
            if raw {
                out.push_str(t);
            } else {
                out.push_str(&encode_xml(t));
            }
        }
        Node::Comment(c) => {
            out.push_str("<!--");
            out.push_str(c);
            out.push_str("-->");
        }
        Node::Doctype(d) => {
            out.push_str("<!DOCTYPE ");
            out.push_str(d.name());
            out.push('>');
        }
        Node::ProcessingInstruction(p) => {
            out.push_str("<?");
            out.push_str(&p.target);
            out.push(' ');
            out.push_str(&p.data);
            out.push('>');
        }
        Node::Document | Node::Fragment => inner(node, out),
    }
}

/// Writes the children of a node.
pub fn inner(node: NodeRef<'_, Node>, out: &mut String) {
    for child in node.children() {
        outer(child, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_like_cheerio() {
        assert_eq!(encode_xml("é & <it's>"), "&#xE9; &amp; &lt;it&apos;s&gt;");
        assert_eq!(encode_xml("😀"), "&#x1F600;");
    }
}
