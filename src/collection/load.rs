//! Loading a collection file: bytes → text (any encoding) → JSON → unwrap the Postman API's
//! `{"collection": {…}}` → v1 converted to v2.1 → normalised (ids, v2.1 auth lists) → typed
//! model, with `Collection::raw` holding the normalised JSON. Files that are really
//! environments, globals or data files are recognised and said so. Ordinary v2 documents take
//! the item-by-item path of [`super::stream`] to the same result.

use super::decode;
use super::error::{LoadError, Subject};
use super::json::{parse_json, Path, ShapeError};
use super::model::Collection;
use super::normalize::normalize;
use super::text::decode_text;
use super::v1;
use serde_json::Value;

/// Reads a collection (`source`: the path or URL as the user gave it, for messages).
pub fn parse_collection(bytes: &[u8], source: &str) -> Result<Collection, LoadError> {
    let text = decode_text(bytes);
    let shaped = match super::stream::collection(&text) {
        Some(streamed) => streamed,
        None => {
            // The text is dropped as soon as it is parsed: big collections peak while decoding.
            let value = parse_json(&text, source)?;
            drop(text);
            collection_from_value(value)
        }
    };
    shaped.map_err(|e| e.into_load_error(Subject::Collection, source))
}

/// A collection from already-parsed JSON (any supported version, wrapped or not).
pub(crate) fn collection_from_value(value: Value) -> Result<Collection, ShapeError> {
    let mut value = unwrap(value);
    check_kind(&value)?;
    let schema = schema_as_written(&value);
    let from_v1 = v1::is_v1(&value);
    if from_v1 {
        value = v1::to_v2(&value);
    }
    normalize(&mut value);
    let raw = std::sync::Arc::new(value.to_string());
    // The items are decoded from an owned list that is freed entry by entry (see items_owned).
    let item_list = match value.get_mut("item") {
        Some(Value::Array(list)) => Some(std::mem::take(list)),
        _ => None,
    };
    let mut collection = decode::collection(&value)?;
    drop(value);
    if let Some(list) = item_list {
        collection.items = decode::items_owned(list, &Path::Root.key("item"))?;
    }
    collection.info.schema = schema;
    collection.raw = raw;
    collection.from_v1 = from_v1;
    Ok(collection)
}

/// `info.schema` as the file gives it (normalising replaces it with the v2.1 URL).
pub(crate) fn schema_as_written(collection: &Value) -> Option<String> {
    collection
        .get("info")
        .and_then(|info| info.get("schema"))
        .and_then(Value::as_str)
        .map(str::to_string)
}

/// `{"collection": {…}}` (Postman API) → the inner object.
fn unwrap(value: Value) -> Value {
    match value {
        Value::Object(mut obj)
            if obj.get("item").is_none()
                && obj.get("info").is_none()
                && obj.get("collection").is_some_and(Value::is_object) =>
        {
            obj.remove("collection").unwrap_or(Value::Null)
        }
        other => other,
    }
}

/// Rejects what is clearly not a collection, with a hint at what it is.
fn check_kind(value: &Value) -> Result<(), ShapeError> {
    let root = Path::Root;
    match value {
        Value::Object(obj) => {
            let has = |k: &str| obj.contains_key(k);
            if has("info") || has("item") || v1::is_v1(value) {
                return Ok(());
            }
            let err = ShapeError::new(
                &root,
                "expected a Postman collection (an object with \"info\" and \"item\")",
            );
            Err(match obj.get("_postman_variable_scope").and_then(Value::as_str) {
                Some("globals") => err.with_hint("this looks like a globals file; pass it with -g"),
                _ if has("values") => {
                    err.with_hint("this looks like an environment file; pass it with -e")
                }
                _ => err.with_hint(
                    "export the collection from Postman as \"Collection v2.1\" (it has \"info\" and \"item\" at the top)",
                ),
            })
        }
        Value::Array(rows) => {
            let err = ShapeError::new(
                &root,
                "expected a Postman collection (an object), found a list",
            );
            let variables = rows
                .iter()
                .all(|r| r.get("key").is_some() && r.get("value").is_some());
            Err(if variables && !rows.is_empty() {
                err.with_hint(
                    "this looks like an environment (a list of variables); pass it with -e",
                )
            } else {
                err.with_hint("this looks like an iteration data file; pass it with -d")
            })
        }
        other => Err(super::json::expected(
            &root,
            "a Postman collection (an object)",
            other,
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn parse(v: Value) -> Result<Collection, LoadError> {
        parse_collection(v.to_string().as_bytes(), "c.json")
    }

    #[test]
    fn wrapped_collections_are_unwrapped() {
        let c = parse(json!({"collection": {"info": {"name": "w"}, "item": []}})).unwrap();
        assert_eq!(c.info.name, "w");
        assert!(c.raw_value().get("collection").is_none());
    }

    #[test]
    fn other_kinds_of_file_get_a_hint() {
        let env =
            json!({"id": "e", "name": "E", "values": [], "_postman_variable_scope": "environment"});
        assert!(parse(env).unwrap_err().hint().unwrap().contains("-e"));
        let globals = json!({"values": [], "_postman_variable_scope": "globals"});
        assert!(parse(globals).unwrap_err().hint().unwrap().contains("-g"));
        assert!(parse(json!([{"a": 1}]))
            .unwrap_err()
            .hint()
            .unwrap()
            .contains("-d"));
        assert!(parse(json!([{"key": "a", "value": 1}]))
            .unwrap_err()
            .hint()
            .unwrap()
            .contains("-e"));
        let err = parse(json!({"name": "x"})).unwrap_err();
        assert_eq!(err.location_text().as_deref(), Some("c.json (top level)"));
        assert!(parse(json!(3))
            .unwrap_err()
            .detail()
            .contains("found a number"));
    }

    #[test]
    fn raw_is_the_normalised_document() {
        let c = parse(json!({"info": {"name": "n"}, "item": [{"name": "r", "request": "http://x"}], "extra": 1}))
            .unwrap();
        let Item::Request(r) = &c.items[0] else {
            panic!()
        };
        assert_eq!(c.raw_value()["item"][0]["id"], r.id.as_str());
        assert_eq!(c.raw_value()["info"]["_postman_id"], c.info.id.as_str());
        assert_eq!(c.raw_value()["extra"], 1);
    }

    use super::super::model::Item;
}
