//! Normalising a collection's JSON in place before decoding, so that `Collection::raw` is the
//! v2.1 document postie ran: every item and folder has an `id`, `info` has a `_postman_id` and
//! the v2.1 schema, and v2.0 auth objects (`{"basic": {"username": …}}`) become v2.1 lists
//! (`[{"key", "value", "type"}]`). Everything else is kept as written, in its key order. Never
//! fails: shapes it does not recognise are left for the decoder to report.

use super::decode::new_id;
use serde_json::{json, Map, Value};

/// `info.schema` of every normalised collection.
pub const SCHEMA_V2_1: &str =
    "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

pub(crate) fn normalize(root: &mut Value) {
    let Value::Object(obj) = root else { return };
    normalize_info(obj);
    normalize_auth(obj);
    if let Some(items) = obj.get_mut("item").and_then(as_item_list) {
        normalize_items(items);
    }
}

fn normalize_info(obj: &mut Map<String, Value>) {
    let info = obj.entry("info").or_insert_with(|| json!({ "name": "" }));
    let Value::Object(info) = info else { return };
    let has_id = info.get("_postman_id").is_some_and(Value::is_string);
    if !has_id {
        let id = info
            .get("id")
            .and_then(Value::as_str)
            .map_or_else(new_id, str::to_string);
        info.shift_insert(0, "_postman_id".into(), Value::String(id));
    }
    info.insert("schema".into(), Value::String(SCHEMA_V2_1.into()));
}

/// A single object where a list of items is expected becomes a list of one.
fn as_item_list(value: &mut Value) -> Option<&mut Vec<Value>> {
    if value.is_object() {
        *value = Value::Array(vec![value.take()]);
    }
    value.as_array_mut()
}

pub(crate) fn normalize_items(items: &mut [Value]) {
    for item in items {
        let Value::Object(obj) = item else { continue };
        if !obj.get("id").is_some_and(Value::is_string) {
            let id = obj
                .get("_postman_id")
                .and_then(Value::as_str)
                .map_or_else(new_id, str::to_string);
            obj.shift_insert(0, "id".into(), Value::String(id));
        }
        normalize_auth(obj);
        if let Some(Value::Object(request)) = obj.get_mut("request") {
            normalize_auth(request);
        }
        if let Some(children) = obj.get_mut("item").and_then(as_item_list) {
            normalize_items(children);
        }
    }
}

/// `auth.<type>` given as an object → the v2.1 list of `{key, value, type}`.
fn normalize_auth(obj: &mut Map<String, Value>) {
    let Some(Value::Object(auth)) = obj.get_mut("auth") else {
        return;
    };
    let Some(kind) = auth.get("type").and_then(Value::as_str).map(str::to_string) else {
        return;
    };
    if let Some(Value::Object(params)) = auth.get(&kind) {
        let list = params
            .iter()
            .map(|(key, value)| json!({ "key": key, "value": value, "type": param_type(value) }))
            .collect();
        auth.insert(kind, Value::Array(list));
    }
}

/// The type the Postman transformer gives an auth parameter: `string`, `boolean`, `number`,
/// else `any`.
pub(crate) fn param_type(value: &Value) -> &'static str {
    match value {
        Value::String(_) => "string",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        _ => "any",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_ids_and_converts_auth_objects() {
        let mut v = json!({
            "info": {"name": "c", "schema": "https://schema.getpostman.com/json/collection/v2.0.0/collection.json"},
            "auth": {"type": "basic", "basic": {"username": "u", "password": 1}},
            "item": [
                {"name": "f", "item": [{"name": "r", "request": {"auth": {"type": "bearer", "bearer": {"token": "t"}}}}]},
                {"_postman_id": "keep", "name": "r2", "request": "http://x"},
                {"id": "mine", "name": "r3"},
                7
            ]
        });
        normalize(&mut v);
        assert!(v["info"]["_postman_id"]
            .as_str()
            .is_some_and(|s| s.len() == 36));
        assert_eq!(v["info"]["schema"], SCHEMA_V2_1);
        assert_eq!(
            v["auth"]["basic"],
            json!([{"key": "username", "value": "u", "type": "string"},
                   {"key": "password", "value": 1, "type": "number"}])
        );
        let folder = &v["item"][0];
        assert_eq!(folder.as_object().unwrap().keys().next().unwrap(), "id");
        assert_eq!(
            folder["item"][0]["request"]["auth"]["bearer"],
            json!([{"key": "token", "value": "t", "type": "string"}])
        );
        assert!(folder["item"][0]["id"].is_string());
        assert_eq!(v["item"][1]["id"], "keep");
        assert_eq!(v["item"][2]["id"], "mine");
        assert_eq!(v["item"][3], 7);
    }

    #[test]
    fn leaves_strange_shapes_alone() {
        for mut v in [
            json!([1]),
            json!("x"),
            json!({"info": 3, "item": "x"}),
            json!({"auth": {"type": 1}}),
        ] {
            let before = v.clone();
            normalize(&mut v);
            if before.is_object() && before.get("info").is_none() {
                assert!(v["info"].is_object());
            } else {
                assert_eq!(v, before);
            }
        }
    }
}
