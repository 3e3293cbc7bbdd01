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
        let a = a.map_err(|err| XmlError(format!("Invalid attribute: {err}")))?;
        let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
        let raw = String::from_utf8_lossy(&a.value);
        let value = quick_xml::escape::unescape(&raw)
            .map_err(|_| XmlError("Invalid character entity".into()))?;
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

/// Reads a document: its root element as a tree, or `None` for an empty document.
pub fn parse(text: &str) -> Result<Option<Json>, XmlError> {
    let mut reader = Reader::from_str(text);
    let mut stack: Vec<Open> = Vec::new();
    let mut root: Option<Json> = None;
    let text_outside = |t: &str, root: &Option<Json>| -> Result<(), XmlError> {
        if t.trim().is_empty() {
            Ok(())
        } else if root.is_some() {
            Err(XmlError("Text data outside of root node.".into()))
        } else {
            Err(XmlError("Non-whitespace before first tag.".into()))
        }
    };
    loop {
        let event = reader
            .read_event()
            .map_err(|e| XmlError(describe(&e.to_string())))?;
        match event {
            Event::Start(e) => {
                if stack.is_empty() && root.is_some() {
                    return Err(XmlError("Text data outside of root node.".into()));
                }
                stack.push(start(&e)?);
            }
            Event::Empty(e) => {
                if stack.is_empty() && root.is_some() {
                    return Err(XmlError("Text data outside of root node.".into()));
                }
                let el = close(start(&e)?);
                match stack.last_mut() {
                    Some(parent) => parent.children.push(el),
                    None => root = Some(el),
                }
            }
            Event::End(_) => {
                let Some(open) = stack.pop() else {
                    return Err(XmlError("Unexpected close tag".into()));
                };
                let el = close(open);
                match stack.last_mut() {
                    Some(parent) => parent.children.push(el),
                    None => root = Some(el),
                }
            }
            Event::Text(t) => {
                let s = t
                    .xml10_content()
                    .map_err(|e| XmlError(e.to_string()))?;
                match stack.last_mut() {
                    Some(open) => push_text(&mut open.children, &s),
                    None => text_outside(&s, &root)?,
                }
            }
            Event::GeneralRef(r) => {
                let name = r.decode().map_err(|e| XmlError(e.to_string()))?;
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => quick_xml::escape::resolve_predefined_entity(&name)
                        .ok_or_else(|| XmlError("Invalid character entity".into()))?
                        .to_string(),
                    Err(_) => return Err(XmlError("Invalid character entity".into())),
                };
                match stack.last_mut() {
                    Some(open) => push_text(&mut open.children, &resolved),
                    None => text_outside(&resolved, &root)?,
                }
            }
            Event::CData(c) => {
                let s = String::from_utf8_lossy(&c.into_inner()).into_owned();
                match stack.last_mut() {
                    Some(open) => open.children.push(json!({ "cd": s })),
                    None => text_outside(&s, &root)?,
                }
            }
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
            Event::Eof => break,
        }
    }
    if !stack.is_empty() {
        return Err(XmlError("Unclosed root tag".into()));
    }
    Ok(root)
}

fn describe(err: &str) -> String {
    if err.contains("expected `</") || err.contains("Expecting") || err.contains("unexpected end tag") || err.contains("close tag") {
        "Unexpected close tag".into()
    } else {
        err.to_string()
    }
}

/// Registers `__postie.xml.parse(text)`: the tree, `null` for an empty document, or a thrown
/// Error.
pub(crate) fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> rquickjs::Result<()> {
    let obj = Object::new(ctx.clone())?;
    obj.set(
        "parse",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, text: String| match parse(&text) {
            Ok(tree) => crate::script::convert::to_js(&ctx, &tree.unwrap_or(Json::Null)),
            Err(e) => Err(Exception::throw_message(&ctx, &e.0)),
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
        assert!(parse("<a><b></a>").is_err());
        assert!(parse("<a>").is_err());
        assert_eq!(
            parse("x<a/>").unwrap_err().0,
            "Non-whitespace before first tag."
        );
        assert!(parse("<a>&nbsp;</a>").is_err());
    }
}
