//! The typed model back to v2.1 JSON: requests for the sandbox (`pm.request`), whole collections
//! (`--export-collection`), variable lists, and environment/globals exports in the Postman app's
//! shape (`--export-environment`, `--export-globals`).

use super::model::{
    Auth, Body, Collection, Event, FormParam, Header, Item, QueryParam, Request, Url, Variable,
};
use super::normalize::{param_type, SCHEMA_V2_1};
use serde_json::{json, Map, Value};

fn put(obj: &mut Map<String, Value>, key: &str, value: impl Into<Value>) {
    obj.insert(key.to_string(), value.into());
}

fn put_opt(obj: &mut Map<String, Value>, key: &str, value: Option<&String>) {
    if let Some(v) = value {
        put(obj, key, v.as_str());
    }
}

/// A URL object: `raw` (path variables unresolved) and every component present.
pub fn url_to_json(url: &Url) -> Value {
    let mut obj = Map::new();
    put(&mut obj, "raw", url.to_unresolved_string());
    put_opt(&mut obj, "protocol", url.protocol.as_ref());
    if let Some(auth) = &url.auth {
        put(
            &mut obj,
            "auth",
            json!({"user": auth.user, "password": auth.password}),
        );
    }
    if !url.host.is_empty() {
        put(&mut obj, "host", url.host.clone());
    }
    put_opt(&mut obj, "port", url.port.as_ref());
    if !url.path.is_empty() {
        put(&mut obj, "path", url.path.clone());
    }
    if !url.query.is_empty() {
        put(
            &mut obj,
            "query",
            url.query.iter().map(query_to_json).collect::<Vec<_>>(),
        );
    }
    put_opt(&mut obj, "hash", url.hash.as_ref());
    if !url.variables.is_empty() {
        put(&mut obj, "variable", variables_to_json(&url.variables));
    }
    Value::Object(obj)
}

fn query_to_json(q: &QueryParam) -> Value {
    let mut obj = Map::new();
    put(&mut obj, "key", q.key.clone());
    put(&mut obj, "value", q.value.clone());
    if q.disabled {
        put(&mut obj, "disabled", true);
    }
    Value::Object(obj)
}

fn header_to_json(h: &Header) -> Value {
    let mut obj = Map::new();
    put(&mut obj, "key", h.key.as_str());
    put(&mut obj, "value", h.value.as_str());
    if h.disabled {
        put(&mut obj, "disabled", true);
    }
    Value::Object(obj)
}

fn param_to_json(p: &FormParam) -> Value {
    let mut obj = Map::new();
    put(&mut obj, "key", p.key.as_str());
    if let Some(value) = &p.value {
        put(&mut obj, "value", value.as_str());
    }
    put(&mut obj, "type", p.kind.as_str());
    match p.src.as_slice() {
        [] => {}
        [one] => put(&mut obj, "src", one.as_str()),
        many => put(&mut obj, "src", many.to_vec()),
    }
    put_opt(&mut obj, "contentType", p.content_type.as_ref());
    if p.disabled {
        put(&mut obj, "disabled", true);
    }
    Value::Object(obj)
}

fn body_to_json(b: &Body) -> Value {
    let mut obj = Map::new();
    put(&mut obj, "mode", b.mode.as_str());
    if let Some(raw) = &b.raw {
        put(&mut obj, "raw", raw.as_str());
    }
    if !b.urlencoded.is_empty() || b.mode == "urlencoded" {
        put(
            &mut obj,
            "urlencoded",
            b.urlencoded.iter().map(param_to_json).collect::<Vec<_>>(),
        );
    }
    if !b.formdata.is_empty() || b.mode == "formdata" {
        put(
            &mut obj,
            "formdata",
            b.formdata.iter().map(param_to_json).collect::<Vec<_>>(),
        );
    }
    if let Some(file) = &b.file {
        put(
            &mut obj,
            "file",
            json!({"src": file.src, "content": file.content}),
        );
    }
    if let Some(g) = &b.graphql {
        let mut graphql = Map::new();
        put(&mut graphql, "query", g.query.as_str());
        put(
            &mut graphql,
            "variables",
            g.variables.clone().unwrap_or(Value::Null),
        );
        put_opt(&mut graphql, "operationName", g.operation_name.as_ref());
        put(&mut obj, "graphql", graphql);
    }
    if let Some(options) = &b.options {
        put(&mut obj, "options", options.clone());
    }
    if b.disabled {
        put(&mut obj, "disabled", true);
    }
    Value::Object(obj)
}

impl Auth {
    /// `{"type": t, t: [{key, value, type}]}` (v2.1); `{"type": "noauth"}` for noauth.
    pub fn to_json(&self) -> Value {
        let mut obj = Map::new();
        put(&mut obj, "type", self.kind.as_str());
        if self.kind != "noauth" {
            let params: Vec<Value> = self
                .params
                .iter()
                .map(|(k, v)| json!({"key": k, "value": v, "type": param_type(v)}))
                .collect();
            put(&mut obj, &self.kind, params);
        }
        Value::Object(obj)
    }
}

impl Request {
    /// The v2.1 `request` object (`method`, `header`, `body`, `url`, `auth`, `description`).
    pub fn to_json(&self) -> Value {
        let mut obj = Map::new();
        put(&mut obj, "method", self.method.as_str());
        put(
            &mut obj,
            "header",
            self.headers.iter().map(header_to_json).collect::<Vec<_>>(),
        );
        if let Some(body) = &self.body {
            put(&mut obj, "body", body_to_json(body));
        }
        put(&mut obj, "url", url_to_json(&self.url));
        if let Some(auth) = &self.auth {
            put(&mut obj, "auth", auth.to_json());
        }
        put_opt(&mut obj, "description", self.description.as_ref());
        Value::Object(obj)
    }
}

/// Variables in the collection shape: `[{key, value, type, disabled?, description?}]`.
pub fn variables_to_json(values: &[Variable]) -> Value {
    Value::Array(
        values
            .iter()
            .map(|v| {
                let mut obj = Map::new();
                put(&mut obj, "key", v.key.as_str());
                put(&mut obj, "value", v.value.clone());
                put(&mut obj, "type", v.kind.as_str());
                if !v.enabled {
                    put(&mut obj, "disabled", true);
                }
                put_opt(&mut obj, "description", v.description.as_ref());
                Value::Object(obj)
            })
            .collect(),
    )
}

fn events_to_json(events: &[Event]) -> Value {
    Value::Array(
        events
            .iter()
            .map(|e| {
                let mut script = Map::new();
                put_opt(&mut script, "id", e.script.id.as_ref());
                put(&mut script, "type", "text/javascript");
                put(
                    &mut script,
                    "exec",
                    e.script.exec.split('\n').collect::<Vec<_>>(),
                );
                put_opt(&mut script, "name", e.script.name.as_ref());
                if let Some(p) = &e.script.packages {
                    put(&mut script, "packages", p.clone());
                }
                let mut obj = Map::new();
                put(&mut obj, "listen", e.listen.as_str());
                put(&mut obj, "script", script);
                if e.disabled {
                    put(&mut obj, "disabled", true);
                }
                Value::Object(obj)
            })
            .collect(),
    )
}

/// `event`, `variable`, `auth`, `protocolProfileBehavior` when present.
fn put_common(
    obj: &mut Map<String, Value>,
    events: &[Event],
    variables: &[Variable],
    auth: Option<&Auth>,
    behavior: &Map<String, Value>,
) {
    if !events.is_empty() {
        put(obj, "event", events_to_json(events));
    }
    if !variables.is_empty() {
        put(obj, "variable", variables_to_json(variables));
    }
    if let Some(auth) = auth {
        put(obj, "auth", auth.to_json());
    }
    if !behavior.is_empty() {
        put(obj, "protocolProfileBehavior", behavior.clone());
    }
}

fn item_to_json(item: &Item) -> Value {
    let mut obj = Map::new();
    match item {
        Item::Folder(f) => {
            put(&mut obj, "id", f.id.as_str());
            put(&mut obj, "name", f.name.as_str());
            put_opt(&mut obj, "description", f.description.as_ref());
            put(
                &mut obj,
                "item",
                f.items.iter().map(item_to_json).collect::<Vec<_>>(),
            );
            put_common(
                &mut obj,
                &f.events,
                &f.variables,
                f.auth.as_ref(),
                &f.protocol_profile_behavior.0,
            );
        }
        Item::Request(r) => {
            put(&mut obj, "id", r.id.as_str());
            put(&mut obj, "name", r.name.as_str());
            put_opt(&mut obj, "description", r.description.as_ref());
            put(&mut obj, "request", r.request.to_json());
            put(&mut obj, "response", Vec::<Value>::new());
            put_common(
                &mut obj,
                &r.events,
                &r.variables,
                None,
                &r.protocol_profile_behavior.0,
            );
        }
    }
    Value::Object(obj)
}

impl Collection {
    /// The collection as v2.1 JSON, built from the model (current variable values included).
    pub fn to_json(&self) -> Value {
        let mut info = Map::new();
        put(&mut info, "_postman_id", self.info.id.as_str());
        put(&mut info, "name", self.info.name.as_str());
        put_opt(&mut info, "description", self.info.description.as_ref());
        put(&mut info, "schema", SCHEMA_V2_1);
        let mut obj = Map::new();
        put(&mut obj, "info", info);
        put(
            &mut obj,
            "item",
            self.items.iter().map(item_to_json).collect::<Vec<_>>(),
        );
        put_common(
            &mut obj,
            &self.events,
            &self.variables,
            self.auth.as_ref(),
            &self.protocol_profile_behavior.0,
        );
        Value::Object(obj)
    }
}

/// An environment (`kind` = `"environment"`) or globals (`"globals"`) export in the Postman app's
/// shape: `{id, name, values: [{key, value, type, enabled}], _postman_variable_scope,
/// _postman_exported_at, _postman_exported_using: "postie/<version>"}`. Unlike Newman (#3067),
/// `enabled` and `type` are kept. A missing id is generated; a missing name is `kind`.
pub fn export_scope(
    kind: &str,
    id: Option<&str>,
    name: Option<&str>,
    values: &[Variable],
) -> Value {
    let values: Vec<Value> = values
        .iter()
        .map(|v| json!({"key": v.key, "value": v.value, "type": v.kind, "enabled": v.enabled}))
        .collect();
    let mut obj = Map::new();
    put(
        &mut obj,
        "id",
        id.map_or_else(super::decode::new_id, str::to_string),
    );
    put(&mut obj, "name", name.unwrap_or(kind));
    put(&mut obj, "values", values);
    put(&mut obj, "_postman_variable_scope", kind);
    put(
        &mut obj,
        "_postman_exported_at",
        chrono::Utc::now()
            .format("%Y-%m-%dT%H:%M:%S%.3fZ")
            .to_string(),
    );
    put(
        &mut obj,
        "_postman_exported_using",
        format!("postie/{}", env!("CARGO_PKG_VERSION")),
    );
    Value::Object(obj)
}

#[cfg(test)]
#[path = "encode_tests.rs"]
mod tests;
