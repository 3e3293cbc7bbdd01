//! Collection format v1 (`order`, `folders`, `requests`) → v2.1 JSON, following the mapping of
//! postman-collection-transformer: folders nest through `folders_order`, requests are placed by
//! each folder's `order` (top-level ones by the collection's `order`); `dataMode` `params` →
//! `formdata`, `urlencoded`, `raw`, `binary` → `file`; `headers` strings (`"K: V\n"`, `//`
//! comments disabled) and `headerData`; `tests`/`preRequestScript` strings → events;
//! `queryParams`, `pathVariables`/`pathVariableData` → URL objects; `currentHelper` +
//! `helperAttributes` → auth. Unlike Newman, ids are kept. Never fails.

use super::encode::url_to_json;
use super::model::Url;
use super::normalize::{param_type, SCHEMA_V2_1};
use super::request::parse_header_lines;
use serde_json::{json, Map, Value};
use std::cell::Cell;
use std::collections::{HashMap, HashSet};

/// True for a v1 collection: no `info`, and `order` or `requests` at the top level (or a v1
/// schema URL).
pub(crate) fn is_v1(value: &Value) -> bool {
    let Value::Object(obj) = value else {
        return false;
    };
    let v1_schema = obj
        .get("info")
        .and_then(|i| i.get("schema"))
        .and_then(Value::as_str)
        .is_some_and(|s| s.contains("/v1.0.0/"));
    v1_schema
        || (obj.get("info").is_none()
            && (obj.get("requests").is_some_and(Value::is_array)
                || obj.get("order").is_some_and(Value::is_array)))
}

fn str_of<'v>(obj: &'v Map<String, Value>, key: &str) -> Option<&'v str> {
    obj.get(key).and_then(Value::as_str)
}

fn id_of(obj: &Map<String, Value>) -> String {
    str_of(obj, "id").map_or_else(super::decode::new_id, str::to_string)
}

fn list<'v>(obj: &'v Map<String, Value>, key: &str) -> &'v [Value] {
    obj.get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

fn ids(obj: &Map<String, Value>, key: &str) -> Vec<String> {
    list(obj, key)
        .iter()
        .filter_map(Value::as_str)
        .map(str::to_string)
        .collect()
}

/// Converts a v1 collection to v2.1 JSON.
pub(crate) fn to_v2(v1: &Value) -> Value {
    let Value::Object(c) = v1 else {
        return v1.clone();
    };
    let requests: HashMap<&str, &Map<String, Value>> = list(c, "requests")
        .iter()
        .filter_map(Value::as_object)
        .filter_map(|r| Some((str_of(r, "id")?, r)))
        .collect();
    let folders: HashMap<&str, &Map<String, Value>> = list(c, "folders")
        .iter()
        .filter_map(Value::as_object)
        .filter_map(|f| Some((str_of(f, "id")?, f)))
        .collect();
    let budget = Cell::new(10 * (requests.len() + folders.len()) + 1000);
    let converter = Converter {
        requests,
        folders,
        budget,
    };

    let nested: HashSet<String> = converter
        .folders
        .values()
        .flat_map(|f| ids(f, "folders_order"))
        .collect();
    let top_folders = match c.get("folders_order") {
        Some(Value::Array(_)) => ids(c, "folders_order"),
        _ => list(c, "folders")
            .iter()
            .filter_map(|f| f.get("id").and_then(Value::as_str).map(str::to_string))
            .collect(),
    };
    let mut items = Vec::new();
    let mut seen = HashSet::new();
    for id in top_folders {
        if !nested.contains(&id) && seen.insert(id.clone()) {
            items.extend(converter.folder(&id, &mut HashSet::new()));
        }
    }
    let mut placed = HashSet::new();
    for id in ids(c, "order") {
        if placed.insert(id.clone()) {
            items.extend(converter.request(&id));
        }
    }

    let mut info = Map::new();
    info.insert("_postman_id".into(), Value::String(id_of(c)));
    info.insert("name".into(), c.get("name").cloned().unwrap_or(json!("")));
    if let Some(d) = c.get("description").filter(|d| !is_empty(d)) {
        info.insert("description".into(), d.clone());
    }
    info.insert("schema".into(), Value::String(SCHEMA_V2_1.into()));
    let mut out = Map::new();
    out.insert("info".into(), Value::Object(info));
    out.insert("item".into(), Value::Array(items));
    add_common(&mut out, c, true);
    Value::Object(out)
}

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => false,
    }
}

/// `auth`, `event` and `variable` of a collection, folder or request.
fn add_common(out: &mut Map<String, Value>, v1: &Map<String, Value>, top_level: bool) {
    if let Some(auth) = auth(v1, top_level) {
        out.insert("auth".into(), auth);
    }
    let events = events(v1);
    if !events.is_empty() {
        out.insert("event".into(), Value::Array(events));
    }
    let variables = variables(v1);
    if !variables.is_empty() {
        out.insert("variable".into(), Value::Array(variables));
    }
}

struct Converter<'v> {
    requests: HashMap<&'v str, &'v Map<String, Value>>,
    folders: HashMap<&'v str, &'v Map<String, Value>>,
    /// Items left to emit: a folder listed under many parents is copied into each (as the
    /// transformer does), so a hostile file could otherwise grow exponentially.
    budget: Cell<usize>,
}

impl Converter<'_> {
    fn spend(&self) -> bool {
        let left = self.budget.get();
        self.budget.set(left.saturating_sub(1));
        left > 0
    }

    /// A folder with its sub-folders (`folders_order`) then its requests (`order`). `visiting`
    /// breaks cycles in malformed files.
    fn folder(&self, id: &str, visiting: &mut HashSet<String>) -> Option<Value> {
        let f = self.folders.get(id)?;
        if !self.spend() || !visiting.insert(id.to_string()) {
            return None;
        }
        let mut items = Vec::new();
        for sub in ids(f, "folders_order") {
            items.extend(self.folder(&sub, visiting));
        }
        for request in ids(f, "order") {
            items.extend(self.request(&request));
        }
        visiting.remove(id);
        let mut out = Map::new();
        out.insert("id".into(), Value::String(id.to_string()));
        out.insert("name".into(), f.get("name").cloned().unwrap_or(json!("")));
        if let Some(d) = f.get("description").filter(|d| !is_empty(d)) {
            out.insert("description".into(), d.clone());
        }
        out.insert("item".into(), Value::Array(items));
        add_common(&mut out, f, false);
        Some(Value::Object(out))
    }

    fn request(&self, id: &str) -> Option<Value> {
        let r = self.requests.get(id)?;
        if !self.spend() {
            return None;
        }
        let mut request = Map::new();
        if let Some(auth) = auth(r, false) {
            request.insert("auth".into(), auth);
        }
        request.insert(
            "method".into(),
            r.get("method").cloned().unwrap_or(json!("GET")),
        );
        request.insert("header".into(), Value::Array(headers(r)));
        if let Some(body) = body(r) {
            request.insert("body".into(), body);
        }
        request.insert("url".into(), url(r));
        if let Some(d) = r.get("description").filter(|d| !is_empty(d)) {
            request.insert("description".into(), d.clone());
        }
        let mut item = Map::new();
        item.insert("id".into(), Value::String(id.to_string()));
        item.insert("name".into(), r.get("name").cloned().unwrap_or(json!("")));
        let events = events(r);
        if !events.is_empty() {
            item.insert("event".into(), Value::Array(events));
        }
        if let Some(ppb) = r.get("protocolProfileBehavior").filter(|p| p.is_object()) {
            item.insert("protocolProfileBehavior".into(), ppb.clone());
        }
        item.insert("request".into(), Value::Object(request));
        let variables = variables(r);
        if !variables.is_empty() {
            item.insert("variable".into(), Value::Array(variables));
        }
        Some(Value::Object(item))
    }
}

#[path = "v1_parts.rs"]
mod parts;
use parts::{auth, body, events, headers, url, variables};

#[cfg(test)]
#[path = "v1_tests.rs"]
mod tests;
