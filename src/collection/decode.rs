//! Decoding a (normalised) v2.x collection [`Value`] into the typed model: the item tree,
//! scripts, variables and auth. v2.0 auth objects and v2.1 `[{key, value}]` lists are both
//! accepted anywhere, as the Postman SDK does.

use super::json::{
    description, expected, field, is_disabled, opt_list, opt_string, scalar_string, Path,
    ShapeError, Shaped,
};
use super::model::{
    Auth, Behavior, Collection, Event, Folder, Info, Item, RequestItem, Script, Variable,
};
use super::request::request;
use indexmap::IndexMap;
use serde_json::{Map, Value};
use std::collections::HashSet;
use std::sync::Arc;

/// A fresh random id (UUID v4), for items and collections that have none.
pub(crate) fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// The whole collection object.
pub(crate) fn collection(value: &Value) -> Shaped<Collection> {
    let root = Path::Root;
    let Value::Object(obj) = value else {
        return Err(expected(&root, "an object (a Postman collection)", value));
    };
    let info = match field(obj, "info") {
        None => Info {
            id: new_id(),
            ..Info::default()
        },
        Some(Value::Object(info)) => decode_info(info, &root.key("info"))?,
        Some(other) => return Err(expected(&root.key("info"), "an object", other)),
    };
    let variable_key = if field(obj, "variable").is_some() {
        "variable"
    } else {
        "variables"
    };
    Ok(Collection {
        info,
        items: items(opt_list(obj, "item", &root)?, &root.key("item"))?,
        events: events(opt_list(obj, "event", &root)?, &root.key("event"))?,
        variables: variables(
            opt_list(obj, variable_key, &root)?,
            &root.key(variable_key),
            false,
        )?,
        auth: match field(obj, "auth") {
            Some(v) => auth(v, &root.key("auth"))?,
            None => None,
        },
        protocol_profile_behavior: behavior(obj),
        raw: std::sync::Arc::new("null".to_string()),
        from_v1: false,
    })
}

fn decode_info(info: &Map<String, Value>, path: &Path<'_>) -> Shaped<Info> {
    let id = match opt_string(info, "_postman_id", path)? {
        Some(id) => Some(id),
        None => opt_string(info, "id", path)?,
    };
    Ok(Info {
        id: id.unwrap_or_else(new_id),
        name: opt_string(info, "name", path)?.unwrap_or_default(),
        schema: opt_string(info, "schema", path)?,
        description: description(info),
    })
}

/// An `item[]` list: requests and folders (an entry with an `item` key is a folder).
pub(crate) fn items(list: &[Value], path: &Path<'_>) -> Shaped<Vec<Item>> {
    let mut out = Vec::with_capacity(list.len());
    for (i, entry) in list.iter().enumerate() {
        out.push(item(entry, &path.index(i))?);
    }
    Ok(out)
}

/// One entry of an `item[]` list: a folder (it has `item`) or a request.
pub(crate) fn item(entry: &Value, here: &Path<'_>) -> Shaped<Item> {
    let Value::Object(obj) = entry else {
        return Err(expected(here, "an object (a request or a folder)", entry));
    };
    Ok(if field(obj, "item").is_some() {
        Item::Folder(folder(obj, here)?)
    } else {
        Item::Request(request_item(obj, here)?)
    })
}

/// Makes identical script texts in `item` (and its children) share one allocation with those
/// seen before.
pub(crate) fn share_scripts(item: &mut Item, seen: &mut HashSet<Arc<str>>) {
    let (events, children) = match item {
        Item::Request(r) => (&mut r.events, None),
        Item::Folder(f) => (&mut f.events, Some(&mut f.items)),
    };
    for event in events {
        let exec = &mut event.script.exec;
        match seen.get(exec) {
            Some(shared) => *exec = shared.clone(),
            None => {
                seen.insert(exec.clone());
            }
        }
    }
    for child in children.into_iter().flatten() {
        share_scripts(child, seen);
    }
}

/// [`items`] over an owned list, dropping each entry's JSON as soon as it is decoded, so a large
/// collection never holds both its whole JSON tree and its whole model.
pub(crate) fn items_owned(list: Vec<Value>, path: &Path<'_>) -> Shaped<Vec<Item>> {
    let mut out = Vec::with_capacity(list.len());
    let mut seen = HashSet::new();
    for (i, entry) in list.into_iter().enumerate() {
        let mut decoded = item(&entry, &path.index(i))?;
        share_scripts(&mut decoded, &mut seen);
        out.push(decoded);
    }
    Ok(out)
}

fn item_id(obj: &Map<String, Value>, path: &Path<'_>) -> Shaped<String> {
    Ok(match opt_string(obj, "id", path)? {
        Some(id) => id,
        None => opt_string(obj, "_postman_id", path)?.unwrap_or_else(new_id),
    })
}

fn folder(obj: &Map<String, Value>, path: &Path<'_>) -> Shaped<Folder> {
    Ok(Folder {
        id: item_id(obj, path)?,
        name: opt_string(obj, "name", path)?.unwrap_or_default(),
        description: description(obj),
        items: items(opt_list(obj, "item", path)?, &path.key("item"))?,
        events: events(opt_list(obj, "event", path)?, &path.key("event"))?,
        auth: match field(obj, "auth") {
            Some(v) => auth(v, &path.key("auth"))?,
            None => None,
        },
        protocol_profile_behavior: behavior(obj),
        variables: variables(
            opt_list(obj, "variable", path)?,
            &path.key("variable"),
            false,
        )?,
    })
}

fn request_item(obj: &Map<String, Value>, path: &Path<'_>) -> Shaped<RequestItem> {
    Ok(RequestItem {
        id: item_id(obj, path)?,
        name: opt_string(obj, "name", path)?.unwrap_or_default(),
        description: description(obj),
        request: match field(obj, "request") {
            Some(v) => request(v, &path.key("request"))?,
            None => Default::default(),
        },
        events: events(opt_list(obj, "event", path)?, &path.key("event"))?,
        protocol_profile_behavior: behavior(obj),
        variables: variables(
            opt_list(obj, "variable", path)?,
            &path.key("variable"),
            false,
        )?,
    })
}

fn behavior(obj: &Map<String, Value>) -> Behavior {
    match field(obj, "protocolProfileBehavior") {
        Some(Value::Object(map)) => Behavior(map.clone()),
        _ => Behavior::default(),
    }
}

/// `event[]`: `{listen, script: {exec: string | string[]}, disabled}`.
pub(crate) fn events(list: &[Value], path: &Path<'_>) -> Shaped<Vec<Event>> {
    let mut out = Vec::with_capacity(list.len());
    for (i, entry) in list.iter().enumerate() {
        let here = path.index(i);
        let Value::Object(obj) = entry else {
            return Err(expected(&here, "an object with listen and script", entry));
        };
        let script = match field(obj, "script") {
            None => Script::default(),
            Some(Value::Object(s)) => script(s, &here.key("script"))?,
            Some(Value::String(exec)) => Script {
                exec: exec.as_str().into(),
                ..Script::default()
            },
            Some(other) => return Err(expected(&here.key("script"), "an object", other)),
        };
        out.push(Event {
            listen: opt_string(obj, "listen", &here)?.unwrap_or_default(),
            script,
            disabled: opt_bool_true(obj, "disabled"),
        });
    }
    Ok(out)
}

fn opt_bool_true(obj: &Map<String, Value>, key: &str) -> bool {
    field(obj, key).and_then(Value::as_bool) == Some(true)
}

fn script(obj: &Map<String, Value>, path: &Path<'_>) -> Shaped<Script> {
    let exec: String = match field(obj, "exec") {
        None => String::new(),
        Some(Value::Array(lines)) => {
            let mut text = Vec::with_capacity(lines.len());
            for (i, line) in lines.iter().enumerate() {
                text.push(match line {
                    Value::Null => String::new(),
                    other => scalar_string(other).ok_or_else(|| {
                        expected(&path.key("exec").index(i), "a line of script", other)
                    })?,
                });
            }
            text.join("\n")
        }
        Some(other) => scalar_string(other)
            .ok_or_else(|| expected(&path.key("exec"), "a string or a list of lines", other))?,
    };
    Ok(Script {
        id: opt_string(obj, "id", path)?,
        exec: exec.into(),
        name: opt_string(obj, "name", path)?,
        packages: field(obj, "packages").cloned(),
    })
}

/// Variable definitions (`variable[]`, `values[]`, `url.variable`). The name is `key`, else
/// `id` (old exports); with `require_key`, an entry without either is an error.
pub(crate) fn variables(
    list: &[Value],
    path: &Path<'_>,
    require_key: bool,
) -> Shaped<Vec<Variable>> {
    let mut out = Vec::with_capacity(list.len());
    for (i, entry) in list.iter().enumerate() {
        let here = path.index(i);
        let Value::Object(obj) = entry else {
            return Err(expected(&here, "an object with key and value", entry));
        };
        let key = match opt_string(obj, "key", &here)? {
            Some(key) => Some(key),
            None => opt_string(obj, "id", &here)?,
        };
        let key = match key {
            Some(key) => key,
            None if require_key => {
                return Err(ShapeError::new(&here, "expected an object with a \"key\""))
            }
            None => String::new(),
        };
        out.push(Variable {
            key,
            value: match obj.get("value") {
                None => Value::String(String::new()),
                Some(v) => v.clone(),
            },
            kind: opt_string(obj, "type", &here)?.unwrap_or_else(|| "default".into()),
            enabled: !is_disabled(obj),
            description: description(obj),
        });
    }
    Ok(out)
}

/// An auth block; `null`, or one without a `type`, inherits (`None`).
pub(crate) fn auth(value: &Value, path: &Path<'_>) -> Shaped<Option<Auth>> {
    let obj = match value {
        Value::Null => return Ok(None),
        Value::Object(obj) => obj,
        other => return Err(expected(path, "an object with a type", other)),
    };
    let Some(kind) = opt_string(obj, "type", path)?.filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    let params = match obj.get(kind.as_str()) {
        None | Some(Value::Null) => IndexMap::new(),
        Some(Value::Object(map)) => map.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
        Some(Value::Array(list)) => auth_params(list, &path.key(&kind))?,
        Some(other) => {
            return Err(ShapeError::new(
                path,
                format!(
                "expected the {kind} parameters as a list of {{key, value}} or an object, found {}",
                super::json::kind_of(other)
            ),
            ))
        }
    };
    Ok(Some(Auth { kind, params }))
}

fn auth_params(list: &[Value], path: &Path<'_>) -> Shaped<IndexMap<String, Value>> {
    let mut params = IndexMap::new();
    for (i, entry) in list.iter().enumerate() {
        let here = path.index(i);
        let Value::Object(p) = entry else {
            return Err(expected(&here, "an object with key and value", entry));
        };
        if let Some(key) = opt_string(p, "key", &here)? {
            params.insert(key, p.get("value").cloned().unwrap_or(Value::Null));
        }
    }
    Ok(params)
}

#[cfg(test)]
#[path = "decode_tests.rs"]
mod tests;
