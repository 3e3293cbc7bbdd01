//! The low-memory path for v2 collections. A `serde_json::Value` tree costs about seven times the
//! file it came from, so a 5000-request collection peaked at ~30 MB of heap just to be decoded.
//! Here the top level is read with each value kept as raw JSON text, and `item[]` is parsed,
//! normalised, decoded and re-serialised (into `Collection::raw`) one entry at a time. The result
//! is the same model and the same `raw` as the whole-document path in [`super::load`], which still
//! takes everything unusual: v1 collections, `item` that is not a list, and anything that fails to
//! parse (so syntax errors keep their one place of reporting).

use super::decode;
use super::json::{Path, ShapeError};
use super::model::Collection;
use super::normalize::{normalize, normalize_items};
use super::v1;
use indexmap::IndexMap;
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;
use serde_json::{Map, Value};
use std::collections::HashSet;
use std::fmt;

/// A JSON object's members in document order, values unparsed; a repeated key keeps its first
/// position and its last value (as `serde_json::Map` with `preserve_order` does).
struct Members<'a>(IndexMap<String, &'a RawValue>);

impl<'de> Deserialize<'de> for Members<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MembersVisitor;
        impl<'de> Visitor<'de> for MembersVisitor {
            type Value = Members<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = IndexMap::new();
                while let Some((key, value)) = map.next_entry::<String, &'de RawValue>()? {
                    out.insert(key, value);
                }
                Ok(Members(out))
            }
        }
        deserializer.deserialize_map(MembersVisitor)
    }
}

impl<'a> Members<'a> {
    fn get(&self, key: &str) -> Option<&'a RawValue> {
        self.0.get(key).copied()
    }
}

/// The collection in `text`, or `None` when it needs the whole-document path.
pub(crate) fn collection(text: &str) -> Option<Result<Collection, ShapeError>> {
    let members: Members<'_> = serde_json::from_str(text).ok()?;
    if members.get("info").is_none() && members.get("item").is_none() {
        // The Postman API's `{"collection": {…}}` wrapper.
        let inner = members.get("collection")?;
        return collection(inner.get());
    }
    let items: Vec<&RawValue> = serde_json::from_str(members.get("item")?.get()).ok()?;
    let mut top = Map::with_capacity(members.0.len());
    for (key, raw) in &members.0 {
        let value = match key.as_str() {
            "item" => Value::Array(Vec::new()),
            _ => serde_json::from_str(raw.get()).ok()?,
        };
        top.insert(key.clone(), value);
    }
    let mut top = Value::Object(top);
    if v1::is_v1(&top) {
        return None;
    }
    // Room for the document as written plus the ids normalising may add: `raw` never regrows.
    let room = text.len() + items.len() * 64;
    decode_streamed(top.take(), &items, room)
}

/// `None` when an entry cannot be parsed on its own (nesting too deep): the whole-document path
/// then reports it with its position in the file.
fn decode_streamed(
    mut top: Value,
    items: &[&RawValue],
    room: usize,
) -> Option<Result<Collection, ShapeError>> {
    let schema = super::load::schema_as_written(&top);
    normalize(&mut top);
    let mut collection = match decode::collection(&top) {
        Ok(c) => c,
        Err(e) => return Some(Err(e)),
    };
    let Value::Object(members) = top else {
        // Built as an object above; normalising never changes that.
        return Some(Err(ShapeError::new(&Path::Root, "expected an object")));
    };
    let mut raw = String::with_capacity(room);
    raw.push('{');
    for (n, (key, value)) in members.iter().enumerate() {
        if n > 0 {
            raw.push(',');
        }
        raw.push_str(&Value::String(key.clone()).to_string());
        raw.push(':');
        if key == "item" {
            collection.items = match items_into(items, &mut raw)? {
                Ok(decoded) => decoded,
                Err(e) => return Some(Err(e)),
            };
        } else {
            raw.push_str(&value.to_string());
        }
    }
    raw.push('}');
    collection.info.schema = schema;
    // Giving back the spare room is a remap, not a copy, for a big string; the Arc takes it as is.
    raw.shrink_to_fit();
    collection.raw = std::sync::Arc::new(raw);
    Some(Ok(collection))
}

/// Decodes each entry of `item[]`, appending its normalised JSON (as a list) to `raw`; `None` as
/// for [`decode_streamed`].
fn items_into(
    items: &[&RawValue],
    raw: &mut String,
) -> Option<Result<Vec<super::model::Item>, ShapeError>> {
    let path = Path::Root.key("item");
    let mut out = Vec::with_capacity(items.len());
    let mut seen = HashSet::new();
    raw.push('[');
    for (i, entry) in items.iter().enumerate() {
        let mut value: Value = serde_json::from_str(entry.get()).ok()?;
        normalize_items(std::slice::from_mut(&mut value));
        let mut item = match decode::item(&value, &path.index(i)) {
            Ok(item) => item,
            Err(e) => return Some(Err(e)),
        };
        decode::share_scripts(&mut item, &mut seen);
        out.push(item);
        if i > 0 {
            raw.push(',');
        }
        raw.push_str(&value.to_string());
    }
    raw.push(']');
    Some(Ok(out))
}

#[cfg(test)]
mod tests {
    use super::super::load::collection_from_value;
    use super::*;
    use serde_json::json;

    /// Both paths, on a document whose ids are all given (so nothing random differs).
    fn both(doc: &Value) -> (Collection, Collection) {
        let text = doc.to_string();
        let streamed = collection(&text).expect("streamed path taken").unwrap();
        let whole = collection_from_value(doc.clone()).unwrap();
        (streamed, whole)
    }

    #[test]
    fn same_model_and_raw_as_the_whole_document_path() {
        let doc = json!({
            "info": {"_postman_id": "c1", "name": "n", "schema": "https://schema.getpostman.com/json/collection/v2.0.0/collection.json"},
            "auth": {"type": "basic", "basic": {"username": "u", "password": "p"}},
            "item": [
                {"id": "f", "name": "folder", "item": [{"id": "r1", "name": "a", "request": "http://x/{{p}}"}],
                 "auth": {"type": "bearer", "bearer": {"token": "t"}}},
                {"_postman_id": "r2", "name": "b", "request": {"method": "POST", "url": "http://y",
                  "auth": {"type": "apikey", "apikey": {"key": "k", "value": "v"}},
                  "body": {"mode": "raw", "raw": "{\"n\": 1.50}"}},
                 "event": [{"listen": "test", "script": {"exec": ["pm.test('x', () => {});"]}}]}
            ],
            "variable": [{"key": "p", "value": 1}],
            "extra": {"kept": [1, 2.5, "three"]}
        });
        let (streamed, whole) = both(&doc);
        assert_eq!(streamed.raw, whole.raw);
        assert_eq!(streamed.items, whole.items);
        assert_eq!(streamed.variables, whole.variables);
        assert_eq!(streamed.auth, whole.auth);
        assert_eq!(streamed.info, whole.info);
        assert!(streamed
            .raw
            .contains("\"extra\":{\"kept\":[1,2.5,\"three\"]}"));
    }

    #[test]
    fn identical_scripts_share_one_allocation() {
        let script = json!([{"listen": "test", "script": {"exec": ["pm.test('ok', () => {});"]}}]);
        let other = json!([{"listen": "test", "script": {"exec": ["// other"]}}]);
        let doc = json!({"info": {"name": "n"}, "item": [
            {"id": "a", "request": "http://x", "event": script},
            {"id": "f", "item": [{"id": "b", "request": "http://x", "event": script}]},
            {"id": "c", "request": "http://x", "event": other}
        ]});
        let c = collection(&doc.to_string()).unwrap().unwrap();
        let exec = |item: &super::super::model::Item| match item {
            super::super::model::Item::Request(r) => r.events[0].script.exec.clone(),
            super::super::model::Item::Folder(f) => match &f.items[0] {
                super::super::model::Item::Request(r) => r.events[0].script.exec.clone(),
                _ => panic!("a request"),
            },
        };
        assert!(std::sync::Arc::ptr_eq(
            &exec(&c.items[0]),
            &exec(&c.items[1])
        ));
        assert!(!std::sync::Arc::ptr_eq(
            &exec(&c.items[0]),
            &exec(&c.items[2])
        ));
        assert_eq!(&*exec(&c.items[2]), "// other");
    }

    #[test]
    fn a_repeated_key_keeps_its_first_place_and_last_value_on_both_paths() {
        let text = r#"{"info": {"_postman_id": "c", "name": "a"}, "item": [], "x": 1, "info": {"_postman_id": "c", "name": "b"}}"#;
        let streamed = collection(text).unwrap().unwrap();
        let whole = collection_from_value(serde_json::from_str(text).unwrap()).unwrap();
        assert_eq!(streamed.info.name, "b");
        assert_eq!(streamed.raw, whole.raw);
        assert!(streamed.raw.starts_with(r#"{"info":"#), "{}", streamed.raw);
    }

    #[test]
    fn wrapped_collections_stream_too() {
        let inner = json!({"info": {"_postman_id": "c", "name": "w"}, "item": [{"id": "r", "request": "http://x"}]});
        let text = json!({ "collection": inner }).to_string();
        let c = collection(&text).unwrap().unwrap();
        assert_eq!(c.info.name, "w");
        assert_eq!(c.items.len(), 1);
    }

    #[test]
    fn unusual_documents_take_the_whole_document_path() {
        assert!(collection("{\"info\": {}, \"item\": {\"id\": \"one\"}}").is_none());
        assert!(collection("{\"info\": {}, \"item\": [,]}").is_none());
        assert!(collection("[1]").is_none());
        assert!(
            collection("{\"id\": \"x\", \"order\": [], \"requests\": [], \"item\": []}").is_none()
        );
        assert!(collection("{\"info\": {\"name\": \"no items\"}}").is_none());
        // Too deep to parse on its own: the whole-document path reports it with its position.
        let deep = format!(
            "{{\"info\": {{}}, \"item\": [{}{}]}}",
            "[".repeat(200),
            "]".repeat(200)
        );
        assert!(collection(&deep).is_none());
    }

    #[test]
    fn shape_errors_keep_their_item_path() {
        let text = "{\"info\": {\"name\": \"n\"}, \"item\": [{\"id\": \"a\", \"request\": \"http://x\"}, 3]}";
        let err = collection(text).unwrap().unwrap_err();
        assert_eq!(err.path, "item[1]");
    }
}
