//! Environment and globals files: the Postman export (`{id, name, values: [{key, value, type,
//! enabled}]}`), the API wrapper (`{"environment": {…}}` / `{"globals": {…}}`) and the legacy
//! bare list `[{key, value}]`. A variable is disabled by `"enabled": false` (what the Postman app
//! exports) or `"disabled": true`; Newman ignores the former (#2986), we follow the app.

use super::decode::variables;
use super::error::{LoadError, Subject};
use super::json::{expected, field, opt_string, parse_json, Path, ShapeError, Shaped};
use super::model::Variable;
use super::text::decode_text;
use serde_json::Value;

/// An environment or globals file as loaded.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EnvironmentFile {
    pub id: Option<String>,
    pub name: Option<String>,
    pub values: Vec<Variable>,
    /// The document after unwrapping (kept for reports and exports).
    pub raw: Value,
}

/// Reads an environment or globals file (`source`: the path or URL as given, for messages).
pub fn parse_environment(bytes: &[u8], source: &str) -> Result<EnvironmentFile, LoadError> {
    let text = decode_text(bytes);
    let value = unwrap(parse_json(&text, source)?);
    decode(&value).map_err(|e| e.into_load_error(Subject::Environment, source))
}

/// `{"environment": {…}}` / `{"globals": {…}}` (Postman API) → the inner object.
fn unwrap(value: Value) -> Value {
    match value {
        Value::Object(mut obj) if obj.get("values").is_none() => {
            for key in ["environment", "globals"] {
                if obj.get(key).is_some_and(Value::is_object) {
                    return obj.remove(key).unwrap_or(Value::Null);
                }
            }
            Value::Object(obj)
        }
        other => other,
    }
}

fn decode(value: &Value) -> Shaped<EnvironmentFile> {
    let root = Path::Root;
    match value {
        Value::Array(list) => Ok(EnvironmentFile {
            values: variables(list, &root, true).map_err(data_file_hint)?,
            raw: value.clone(),
            ..EnvironmentFile::default()
        }),
        Value::Object(obj) => {
            if obj.get("values").is_none() && (obj.contains_key("item") || obj.contains_key("info"))
            {
                return Err(ShapeError::new(
                    &root,
                    "expected a list of variables in \"values\", found a collection",
                )
                .with_hint(
                    "this looks like a collection; give it as the first argument of `postie run`",
                ));
            }
            let values = match field(obj, "values") {
                None => Vec::new(),
                Some(Value::Array(list)) => variables(list, &root.key("values"), true)?,
                Some(other) => {
                    return Err(expected(&root.key("values"), "a list of variables", other))
                }
            };
            Ok(EnvironmentFile {
                id: opt_string(obj, "id", &root)?,
                name: opt_string(obj, "name", &root)?,
                values,
                raw: value.clone(),
            })
        }
        other => Err(expected(
            &root,
            "an object with \"values\" (a Postman environment)",
            other,
        )),
    }
}

/// A bare list of rows without `key`s is iteration data given as an environment.
fn data_file_hint(err: ShapeError) -> ShapeError {
    if err.message.contains("\"key\"") {
        err.with_hint("this looks like an iteration data file; pass it with -d")
    } else {
        err
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn parse(v: Value) -> Result<EnvironmentFile, LoadError> {
        parse_environment(v.to_string().as_bytes(), "env.json")
    }

    #[test]
    fn postman_export_with_both_disable_rules() {
        let env = parse(json!({
            "id": "e1", "name": "Staging",
            "values": [
                {"key": "a", "value": "1", "type": "default", "enabled": true},
                {"key": "b", "value": "2", "enabled": false},
                {"key": "c", "value": "3", "disabled": true},
                {"key": "s", "value": "x", "type": "secret"},
                {"key": "n", "value": 5}
            ],
            "_postman_variable_scope": "environment"
        }))
        .unwrap();
        assert_eq!(env.id.as_deref(), Some("e1"));
        assert_eq!(env.name.as_deref(), Some("Staging"));
        let enabled: Vec<bool> = env.values.iter().map(|v| v.enabled).collect();
        assert_eq!(enabled, [true, false, false, true, true]);
        assert_eq!(env.values[3].kind, "secret");
        assert_eq!(env.values[4].kind, "default");
        assert_eq!(env.values[4].value, json!(5));
    }

    #[test]
    fn wrappers_and_bare_lists() {
        let env =
            parse(json!({"environment": {"name": "W", "values": [{"key": "k", "value": "v"}]}}))
                .unwrap();
        assert_eq!(env.name.as_deref(), Some("W"));
        assert_eq!(env.raw["name"], "W");
        let globals = parse(json!({"globals": {"values": [{"key": "g", "value": "1"}]}})).unwrap();
        assert_eq!(globals.values[0].key, "g");
        let bare = parse(json!([{"key": "k", "value": "v"}])).unwrap();
        assert_eq!((bare.values[0].key.as_str(), bare.id.clone()), ("k", None));
        assert!(parse(json!({})).unwrap().values.is_empty());
    }

    #[test]
    fn shape_errors_point_at_the_entry_and_hint() {
        let err = parse(json!({"values": [{"key": "a"}, "b"]})).unwrap_err();
        assert_eq!(err.location_text().as_deref(), Some("env.json (values[1])"));
        assert_eq!(
            err.detail(),
            "expected an object with key and value, found a string"
        );

        let err = parse(json!([{"user": "a", "pass": "b"}])).unwrap_err();
        assert!(err.hint().unwrap().contains("-d"), "{err}");

        let err = parse(json!({"info": {"name": "c"}, "item": []})).unwrap_err();
        assert!(err.hint().unwrap().contains("collection"), "{err}");

        let err = parse(json!("nope")).unwrap_err();
        assert!(err.title().contains("environment"), "{err}");
    }
}
