//! XML for `xml2js` and `xml2Json`: `quick-xml` reads the document into a plain tree that JS
//! shapes the way xml2js does (`__postie.xml.parse(text)`). Elements become
//! `{n: name, a: [[attr, value]…], c: [children]}`, text a string, CDATA `{cd: text}`;
//! comments, processing instructions and the declaration are dropped, as xml2js drops them.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use rquickjs::{Ctx, Exception, Function, Object};
use serde_json::{json, Value as Json};

/// Why a document could not be read (texts after sax's, which xml2js reports).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{0}")]
pub struct XmlError(pub String);

struct Open {
    name: String,
    attrs: Vec<Json>,
    children: Vec<Json>,
}

fn push_text(children: &mut Vec<Json>, text: &str) {
    if let Some(Json::String(last)) = children.last_mut() {
        last.push_str(text);
    } else {
        children.push(Json::String(text.to_string()));
    }
}

fn start(e: &BytesStart<'_>) -> Result<Open, XmlError> {
    let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
    let mut attrs = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|err| match err {
            quick_xml::events::attributes::AttrError::UnquotedValue(_) => {
                XmlError("Unquoted attribute value".into())
            }
            other => XmlError(format!("Invalid attribute: {other}")),
        })?;
        let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
        let raw = String::from_utf8_lossy(&a.value);
        let value = unescape(&raw).ok_or_else(|| XmlError("Invalid character entity".into()))?;
        attrs.push(json!([key, value]));
    }
    Ok(Open {
        name,
        attrs,
        children: Vec::new(),
    })
}

fn close(open: Open) -> Json {
    json!({"n": open.name, "a": open.attrs, "c": open.children})
}

/// sax's error text: the message, then where (0-based line, column after the character, the
/// character).
fn located(text: &str, msg: &str, at: usize) -> XmlError {
    let at = at.min(text.len());
    let before = text.get(..at).unwrap_or(text);
    let line = before.matches('\n').count();
    let column = before.rsplit('\n').next().unwrap_or("").chars().count();
    let ch = before
        .chars()
        .last()
        .filter(|_| at < text.len() || msg != "Unclosed root tag");
    let ch = if msg == "Unclosed root tag" {
        String::new()
    } else {
        ch.map(String::from).unwrap_or_default()
    };
    XmlError(format!("{msg}\nLine: {line}\nColumn: {column}\nChar: {ch}"))
}

/// Replaces `&name;` and `&#n;` references; None when one is unknown.
fn unescape(raw: &str) -> Option<String> {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let tail = &rest[at + 1..];
        let end = tail.find(';')?;
        out.push_str(&resolve_entity(&tail[..end])?);
        rest = &tail[end + 1..];
    }
    out.push_str(rest);
    Some(out)
}

fn resolve_entity(name: &str) -> Option<String> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).map(String::from);
    }
    if let Some(s) = quick_xml::escape::resolve_predefined_entity(name) {
        return Some(s.to_string());
    }
    if let Some(i) = LATIN1.iter().position(|n| *n == name) {
        return char::from_u32(160 + i as u32).map(String::from);
    }
    EXTRA
        .iter()
        .find(|(n, _)| *n == name)
        .and_then(|(_, c)| char::from_u32(*c))
        .map(String::from)
}

/// The HTML 4 entity names sax knows besides XML's five: Latin-1 (U+00A0…U+00FF in order) and
/// the common typographic ones.
const LATIN1: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
    "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
    "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute",
    "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute",
    "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
    "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
    "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
    "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc",
    "uuml", "yacute", "thorn", "yuml",
];

const EXTRA: [(&str, u32); 41] = [
    ("OElig", 338),
    ("oelig", 339),
    ("Scaron", 352),
    ("scaron", 353),
    ("Yuml", 376),
    ("fnof", 402),
    ("circ", 710),
    ("tilde", 732),
    ("ensp", 8194),
    ("emsp", 8195),
    ("thinsp", 8201),
    ("zwnj", 8204),
    ("zwj", 8205),
    ("lrm", 8206),
    ("rlm", 8207),
    ("ndash", 8211),
    ("mdash", 8212),
    ("lsquo", 8216),
    ("rsquo", 8217),
    ("sbquo", 8218),
    ("ldquo", 8220),
    ("rdquo", 8221),
    ("bdquo", 8222),
    ("dagger", 8224),
    ("Dagger", 8225),
    ("bull", 8226),
    ("hellip", 8230),
    ("permil", 8240),
    ("prime", 8242),
    ("Prime", 8243),
    ("lsaquo", 8249),
    ("rsaquo", 8250),
    ("euro", 8364),
    ("trade", 8482),
    ("larr", 8592),
    ("uarr", 8593),
    ("rarr", 8594),
    ("darr", 8595),
    ("harr", 8596),
    ("apos", 39),
    ("quot", 34),
];

/// Reads a document: its root element as a tree, or `None` for an empty document. What follows
/// the root element is ignored, as xml2js has its result by then.
pub fn parse(text: &str) -> Result<Option<Json>, XmlError> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = false;
    let mut stack: Vec<Open> = Vec::new();
    let mut root: Option<Json> = None;
    loop {
        let before = reader.buffer_position() as usize;
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(e) => {
                let at = reader.error_position() as usize;
                let msg = e.to_string();
                let msg = if msg.contains("attribute") && msg.contains("quote") {
                    "Unquoted attribute value".to_string()
                } else {
                    msg
                };
                return Err(located(text, &msg, at + 1));
            }
        };
        let after = reader.buffer_position() as usize;
        match event {
            Event::Start(e) => stack.push(start(&e).map_err(|m| located(text, &m.0, after))?),
            Event::Empty(e) => {
                let el = close(start(&e).map_err(|m| located(text, &m.0, after))?);
                match stack.last_mut() {
                    Some(parent) => parent.children.push(el),
                    None => root = Some(el),
                }
            }
            Event::End(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                match stack.pop() {
                    Some(open) if open.name == name => {
                        let el = close(open);
                        match stack.last_mut() {
                            Some(parent) => parent.children.push(el),
                            None => root = Some(el),
                        }
                    }
                    _ => return Err(located(text, "Unexpected close tag", after)),
                }
            }
            Event::Text(t) => {
                let s = t.xml10_content().map_err(|e| XmlError(e.to_string()))?;
                match stack.last_mut() {
                    Some(open) => push_text(&mut open.children, &s),
                    None => {
                        if let Some(pos) = s.find(|c: char| !c.is_whitespace()) {
                            let at =
                                before + pos + s[pos..].chars().next().map_or(1, char::len_utf8);
                            return Err(located(text, "Non-whitespace before first tag.", at));
                        }
                    }
                }
            }
            Event::GeneralRef(r) => {
                let name = r.decode().map_err(|e| XmlError(e.to_string()))?;
                let Some(resolved) = resolve_entity(&name) else {
                    return Err(located(text, "Invalid character entity", after));
                };
                match stack.last_mut() {
                    Some(open) => push_text(&mut open.children, &resolved),
                    None => return Err(located(text, "Non-whitespace before first tag.", after)),
                }
            }
            Event::CData(c) => {
                let s = String::from_utf8_lossy(&c.into_inner()).into_owned();
                match stack.last_mut() {
                    Some(open) => open.children.push(json!({ "cd": s })),
                    None => return Err(located(text, "Non-whitespace before first tag.", after)),
                }
            }
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
            Event::Eof => break,
        }
        if root.is_some() && stack.is_empty() {
            break;
        }
    }
    if !stack.is_empty() {
        return Err(located(text, "Unclosed root tag", text.len()));
    }
    Ok(root)
}

/// Registers `__postie.xml.parse(text)`: the tree, `null` for an empty document, or a thrown
/// Error.
pub(crate) fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> rquickjs::Result<()> {
    let obj = Object::new(ctx.clone())?;
    obj.set(
        "parse",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, text: String| {
            match parse(&text) {
                Ok(tree) => crate::script::convert::to_js(&ctx, &tree.unwrap_or(Json::Null)),
                Err(e) => Err(Exception::throw_message(&ctx, &e.0)),
            }
        })?,
    )?;
    native.set("xml", obj)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_attributes_text_and_cdata() {
        let tree = parse("<?xml version=\"1.0\"?><a x=\"1 &amp; 2\"><b>t&lt;&#65;</b><!-- c --><c><![CDATA[<z>]]></c><d/></a>")
            .expect("parses")
            .expect("root");
        assert_eq!(
            tree,
            json!({"n":"a","a":[["x","1 & 2"]],"c":[
                {"n":"b","a":[],"c":["t<A"]},
                {"n":"c","a":[],"c":[{"cd":"<z>"}]},
                {"n":"d","a":[],"c":[]}
            ]})
        );
    }

    #[test]
    fn errors_and_empty_documents() {
        assert_eq!(parse("  ").expect("empty is fine"), None);
        assert_eq!(
            parse("<a><b></a>").unwrap_err().0,
            "Unexpected close tag\nLine: 0\nColumn: 10\nChar: >"
        );
        assert_eq!(
            parse("<a><b>1</b>").unwrap_err().0,
            "Unclosed root tag\nLine: 0\nColumn: 11\nChar: "
        );
        assert_eq!(
            parse("  x<a/>").unwrap_err().0,
            "Non-whitespace before first tag.\nLine: 0\nColumn: 3\nChar: x"
        );
        assert_eq!(
            parse("<a>&foo;</a>").unwrap_err().0,
            "Invalid character entity\nLine: 0\nColumn: 8\nChar: ;"
        );
        assert_eq!(
            parse("<a>&nbsp;</a>").expect("html entity"),
            Some(json!({"n":"a","a":[],"c":["\u{a0}"]}))
        );
        assert_eq!(
            parse("<a/>x").expect("after root is ignored"),
            Some(json!({"n":"a","a":[],"c":[]}))
        );
    }
}
