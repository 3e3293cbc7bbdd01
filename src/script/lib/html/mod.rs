//! HTML for `cheerio`: documents parsed with `scraper` (html5ever) and kept here for the run;
//! JS holds a document id and node numbers (document order) and asks for selections, node
//! facts and serialisations. `__postie.html.{load, root, select, matches, info, children,
//! parent, text, html, outer}`.

mod serialize;

use ego_tree::NodeId;
use rquickjs::{Ctx, Exception, Function, Object, Value};
use scraper::{ElementRef, Html, Node, Selector};
use serde_json::{json, Map, Value as Json};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// One parsed document and its nodes numbered in document order.
pub struct Doc {
    html: Html,
    nodes: Vec<NodeId>,
    index: HashMap<NodeId, u32>,
    root: u32,
}

/// How many documents a run keeps before forgetting the oldest.
const KEEP: usize = 256;

/// Whether the text looks like a whole page (then it gets `<html>`, `<head>`, `<body>`), or a
/// piece of one (kept as it is, as cheerio 0.22 does).
fn is_document(text: &str) -> bool {
    let lower = text
        .trim_start()
        .get(..text.len().min(2048))
        .unwrap_or(text)
        .to_ascii_lowercase();
    ["<!doctype", "<html", "<head", "<body"]
        .iter()
        .any(|t| lower.contains(t))
}

impl Doc {
    pub fn parse(text: &str) -> Doc {
        let document = is_document(text);
        let html = if document {
            Html::parse_document(text)
        } else {
            Html::parse_fragment(text)
        };
        let mut nodes = Vec::new();
        let mut index = HashMap::new();
        for node in html.tree.root().descendants() {
            index.insert(node.id(), nodes.len() as u32);
            nodes.push(node.id());
        }
        // A fragment sits under a synthetic <html> element; that element is its root.
        let root = if document {
            0
        } else {
            html.tree
                .root()
                .first_child()
                .and_then(|n| index.get(&n.id()).copied())
                .unwrap_or(0)
        };
        Doc {
            html,
            nodes,
            index,
            root,
        }
    }

    fn node(&self, n: u32) -> Option<ego_tree::NodeRef<'_, Node>> {
        self.nodes
            .get(n as usize)
            .and_then(|id| self.html.tree.get(*id))
    }

    fn num(&self, id: NodeId) -> u32 {
        self.index.get(&id).copied().unwrap_or(u32::MAX)
    }

    /// Elements under any of `scope` (not the scope nodes themselves) matching `sel`, in
    /// document order, each once.
    pub fn select(&self, scope: &[u32], sel: &Selector) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::new();
        for &n in scope {
            let Some(node) = self.node(n) else { continue };
            match ElementRef::wrap(node) {
                Some(el) => out.extend(el.select(sel).map(|e| self.num(e.id()))),
                None => {
                    for child in node.children() {
                        if let Some(el) = ElementRef::wrap(child) {
                            if sel.matches(&el) {
                                out.push(self.num(el.id()));
                            }
                            out.extend(el.select(sel).map(|e| self.num(e.id())));
                        }
                    }
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    pub fn matches(&self, n: u32, sel: &Selector) -> bool {
        self.node(n)
            .and_then(ElementRef::wrap)
            .is_some_and(|el| sel.matches(&el))
    }

    /// `{type, name, attribs, data}` in cheerio's (domhandler's) terms.
    pub fn info(&self, n: u32) -> Json {
        let Some(node) = self.node(n) else {
            return Json::Null;
        };
        match node.value() {
            Node::Element(e) => {
                let attribs: Map<String, Json> =
                    e.attrs().map(|(k, v)| (k.to_string(), json!(v))).collect();
                let name = e.name();
                let kind = match name {
                    "script" => "script",
                    "style" => "style",
                    _ => "tag",
                };
                json!({"type": kind, "name": name, "attribs": attribs})
            }
            Node::Text(t) => json!({"type": "text", "data": &**t}),
            Node::Comment(c) => json!({"type": "comment", "data": &**c}),
            Node::Doctype(d) => {
                json!({"type": "directive", "name": "!doctype", "data": format!("!DOCTYPE {}", d.name())})
            }
            Node::ProcessingInstruction(p) => {
                json!({"type": "directive", "name": format!("?{}", p.target), "data": &*p.data})
            }
            Node::Document | Node::Fragment => json!({"type": "root", "name": "root"}),
        }
    }

    pub fn children(&self, n: u32) -> Vec<u32> {
        self.node(n)
            .map(|node| node.children().map(|c| self.num(c.id())).collect())
            .unwrap_or_default()
    }

    pub fn parent(&self, n: u32) -> Option<u32> {
        if n == self.root {
            return None;
        }
        self.node(n)
            .and_then(|node| node.parent())
            .map(|p| self.num(p.id()))
    }

    /// The text of a node and everything under it.
    pub fn text(&self, n: u32) -> String {
        let Some(node) = self.node(n) else {
            return String::new();
        };
        let mut out = String::new();
        for d in node.descendants() {
            if let Node::Text(t) = d.value() {
                out.push_str(t);
            }
        }
        out
    }

    /// The markup inside a node (`inner`) or of the node itself, as cheerio writes it.
    pub fn html(&self, n: u32, inner: bool) -> Option<String> {
        let node = self.node(n)?;
        let mut out = String::new();
        if inner || matches!(node.value(), Node::Document | Node::Fragment) || n == self.root {
            serialize::inner(node, &mut out);
        } else {
            serialize::outer(node, &mut out);
        }
        Some(out)
    }

    pub fn root(&self) -> u32 {
        self.root
    }
}

/// The run's documents.
#[derive(Default)]
pub struct Docs {
    docs: HashMap<u32, Doc>,
    next: u32,
}

impl Docs {
    pub fn load(&mut self, text: &str) -> u32 {
        if self.docs.len() >= KEEP {
            let oldest = self.next.saturating_sub(KEEP as u32);
            self.docs.retain(|k, _| *k > oldest);
        }
        self.next += 1;
        self.docs.insert(self.next, Doc::parse(text));
        self.next
    }

    pub fn get(&self, id: u32) -> Option<&Doc> {
        self.docs.get(&id)
    }
}

type Shared = Rc<RefCell<Docs>>;

fn with_doc<'js, T>(
    ctx: &Ctx<'js>,
    docs: &Shared,
    id: u32,
    f: impl FnOnce(&Doc) -> T,
) -> rquickjs::Result<T> {
    let docs = docs.borrow();
    match docs.get(id) {
        Some(d) => Ok(f(d)),
        None => Err(Exception::throw_message(
            ctx,
            "cheerio: this document is no longer available",
        )),
    }
}

fn selector<'js>(ctx: &Ctx<'js>, text: &str) -> rquickjs::Result<Selector> {
    Selector::parse(text).map_err(|e| {
        Exception::throw_syntax(
            ctx,
            &format!("Unsupported or invalid selector \"{text}\": {e}"),
        )
    })
}

pub(crate) fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> rquickjs::Result<()> {
    let docs: Shared = Rc::new(RefCell::new(Docs::default()));
    let obj = Object::new(ctx.clone())?;
    let d = docs.clone();
    obj.set(
        "load",
        Function::new(ctx.clone(), move |text: String| d.borrow_mut().load(&text))?,
    )?;
    let d = docs.clone();
    obj.set(
        "root",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, id: u32| {
            with_doc(&ctx, &d, id, Doc::root)
        })?,
    )?;
    let d = docs.clone();
    obj.set(
        "select",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, id: u32, scope: Vec<u32>, sel: String| {
                let sel = selector(&ctx, &sel)?;
                with_doc(&ctx, &d, id, |doc| doc.select(&scope, &sel))
            },
        )?,
    )?;
    let d = docs.clone();
    obj.set(
        "matches",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, id: u32, n: u32, sel: String| {
                let sel = selector(&ctx, &sel)?;
                with_doc(&ctx, &d, id, |doc| doc.matches(n, &sel))
            },
        )?,
    )?;
    let d = docs.clone();
    obj.set(
        "info",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, id: u32, n: u32| {
            let v = with_doc(&ctx, &d, id, |doc| doc.info(n))?;
            crate::script::convert::to_js(&ctx, &v)
        })?,
    )?;
    let d = docs.clone();
    obj.set(
        "children",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, id: u32, n: u32| {
            with_doc(&ctx, &d, id, |doc| doc.children(n))
        })?,
    )?;
    let d = docs.clone();
    obj.set(
        "parent",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, id: u32, n: u32| {
            with_doc(&ctx, &d, id, |doc| doc.parent(n))
        })?,
    )?;
    let d = docs.clone();
    obj.set(
        "text",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, id: u32, n: u32| {
            with_doc(&ctx, &d, id, |doc| doc.text(n))
        })?,
    )?;
    let d = docs.clone();
    obj.set(
        "html",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, id: u32, n: u32, inner: bool| {
                let out = with_doc(&ctx, &d, id, |doc| doc.html(n, inner))?;
                Ok::<Value<'js>, rquickjs::Error>(match out {
                    Some(s) => rquickjs::String::from_str(ctx.clone(), &s)?.into_value(),
                    None => Value::new_null(ctx.clone()),
                })
            },
        )?,
    )?;
    native.set("html", obj)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_stay_fragments_and_pages_get_a_body() {
        let doc = Doc::parse("<p class=\"a\">x</p><p>y</p>");
        assert_eq!(
            doc.html(doc.root(), true).as_deref(),
            Some("<p class=\"a\">x</p><p>y</p>")
        );
        let page = Doc::parse("<html><body><p>x</p></body></html>");
        let body = page.select(&[page.root()], &Selector::parse("body").expect("selector"));
        assert_eq!(body.len(), 1);
    }

    #[test]
    fn select_finds_descendants_in_document_order() {
        let doc = Doc::parse("<ul><li>a</li><li><b>b</b></li></ul><li>c</li>");
        let sel = Selector::parse("li").expect("selector");
        let found = doc.select(&[doc.root()], &sel);
        let texts: Vec<String> = found.iter().map(|n| doc.text(*n)).collect();
        assert_eq!(texts, ["a", "b", "c"]);
        let ul = doc.select(&[doc.root()], &Selector::parse("ul").expect("selector"));
        assert_eq!(doc.select(&ul, &sel).len(), 2);
    }

    #[test]
    fn info_keeps_attribute_order() {
        let doc = Doc::parse("<a z=\"1\" b=\"2\" href=\"/x\">t</a>");
        let a = doc.select(&[doc.root()], &Selector::parse("a").expect("selector"))[0];
        let info = doc.info(a);
        let keys: Vec<&String> = info["attribs"]
            .as_object()
            .expect("attribs")
            .keys()
            .collect();
        assert_eq!(keys, ["z", "b", "href"]);
        assert_eq!(doc.parent(a), Some(doc.root()));
        assert_eq!(doc.parent(doc.root()), None);
    }
}
