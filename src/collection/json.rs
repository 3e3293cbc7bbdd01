//! Reading untrusted JSON: text → [`Value`] with positioned syntax errors and hints, and small
//! lenient accessors that track the JSON path (`item[3].request.url`) for shape errors. Paths
//! live on the stack and are only rendered when an error is reported.

use super::error::{LoadError, Subject};
use serde_json::{Map, Value};

/// A position in a JSON document, built on the stack as decoding descends.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    pub(crate) fn key(&'a self, key: &'a str) -> Path<'a> {
        Path::Key(self, key)
    }

    pub(crate) fn index(&'a self, index: usize) -> Path<'a> {
        Path::Index(self, index)
    }

    /// `item[3].request.url`; empty for the root.
    pub(crate) fn render(&self) -> String {
        let mut out = String::new();
        self.render_into(&mut out);
        out
    }

    fn render_into(&self, out: &mut String) {
        match self {
            Path::Root => {}
            Path::Key(parent, key) => {
                parent.render_into(out);
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Path::Index(parent, index) => {
                parent.render_into(out);
                out.push_str(&format!("[{index}]"));
            }
        }
    }
}

/// A document of the wrong shape: where, and what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ShapeError {
    pub path: String,
    pub message: String,
    pub hint: Option<String>,
}

impl ShapeError {
    pub(crate) fn new(path: &Path<'_>, message: impl Into<String>) -> Self {
        ShapeError {
            path: path.render(),
            message: message.into(),
            hint: None,
        }
    }

    pub(crate) fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub(crate) fn into_load_error(self, subject: Subject, origin: &str) -> LoadError {
        LoadError::shape(subject, origin, self.path, self.message).with_hint(self.hint)
    }
}

pub(crate) type Shaped<T> = Result<T, ShapeError>;

/// What a value is, for messages (`found a number`).
pub(crate) fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// `expected X, found Y` at `path`.
pub(crate) fn expected(path: &Path<'_>, what: &str, found: &Value) -> ShapeError {
    ShapeError::new(path, format!("expected {what}, found {}", kind_of(found)))
}

/// A field of an object; `null` counts as absent.
pub(crate) fn field<'v>(obj: &'v Map<String, Value>, key: &str) -> Option<&'v Value> {
    obj.get(key).filter(|v| !v.is_null())
}

/// A scalar as a string (numbers and booleans stringified, as Postman does).
pub(crate) fn scalar_string(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A string field: absent/`null` → `None`; scalars stringified; lists and objects are an error.
pub(crate) fn opt_string(
    obj: &Map<String, Value>,
    key: &'static str,
    path: &Path<'_>,
) -> Shaped<Option<String>> {
    match field(obj, key) {
        None => Ok(None),
        Some(v) => scalar_string(v)
            .map(Some)
            .ok_or_else(|| expected(&path.key(key), "a string", v)),
    }
}

/// A boolean field; anything but `true`/`false` counts as absent.
pub(crate) fn opt_bool(obj: &Map<String, Value>, key: &str) -> Option<bool> {
    field(obj, key).and_then(Value::as_bool)
}

/// `disabled: true` or `enabled: false` (the Postman app's rule).
pub(crate) fn is_disabled(obj: &Map<String, Value>) -> bool {
    opt_bool(obj, "disabled") == Some(true) || opt_bool(obj, "enabled") == Some(false)
}

/// A description: a string, or `{content, type}`; other shapes are ignored.
pub(crate) fn description(obj: &Map<String, Value>) -> Option<String> {
    match field(obj, "description")? {
        Value::String(s) => Some(s.clone()),
        Value::Object(d) => field(d, "content").and_then(scalar_string),
        _ => None,
    }
}

/// The list at `key`: absent/`null` → empty; a single object is a list of one (as the SDK's
/// `PropertyList` takes it); anything else is an error.
pub(crate) fn opt_list<'v>(
    obj: &'v Map<String, Value>,
    key: &'static str,
    path: &Path<'_>,
) -> Shaped<&'v [Value]> {
    match field(obj, key) {
        None => Ok(&[]),
        Some(Value::Array(items)) => Ok(items),
        Some(one @ Value::Object(_)) => Ok(std::slice::from_ref(one)),
        Some(v) => Err(expected(&path.key(key), "a list", v)),
    }
}

/// Parses text as JSON; syntax errors carry `line:column`, the source line and a hint.
pub(crate) fn parse_json(text: &str, origin: &str) -> Result<Value, LoadError> {
    if text.trim().is_empty() {
        return Err(LoadError::empty(origin));
    }
    serde_json::from_str(text).map_err(|err| {
        let message = strip_position(&err.to_string());
        let hint = syntax_hint(text, &err, &message);
        LoadError::syntax(origin, text, err.line(), err.column(), message).with_hint(hint)
    })
}

/// serde_json appends ` at line L column C`; the location is shown separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message.get(..i).unwrap_or(message).to_string(),
        None => message.to_string(),
    }
}

/// The character at serde_json's error position, if any.
fn char_at(text: &str, line: usize, column: usize) -> Option<char> {
    let source = text.lines().nth(line.checked_sub(1)?)?;
    source.get(column.checked_sub(1)?..)?.chars().next()
}

fn syntax_hint(text: &str, err: &serde_json::Error, message: &str) -> Option<String> {
    let first = text.trim_start().chars().next();
    if first == Some('<') {
        return Some("this looks like HTML or XML, not JSON; check the path or URL".into());
    }
    if looks_like_yaml(text) && err.line() <= 1 {
        return Some(
            "this looks like YAML; postie reads Postman collections in the JSON format \
             (v2.0, v2.1): export the collection as \"Collection v2.1\""
                .into(),
        );
    }
    if message.contains("trailing comma") {
        return Some(
            "JSON does not allow a comma after the last element of a list or object".into(),
        );
    }
    if message.contains("EOF while parsing") {
        return Some("the data ends early; is the file complete?".into());
    }
    match char_at(text, err.line(), err.column()) {
        Some('/') => Some("JSON does not allow comments".into()),
        Some('\'') => Some("JSON strings and keys must be in double quotes".into()),
        _ if message.contains("key must be a string") => {
            Some("object keys must be strings in double quotes".into())
        }
        _ => None,
    }
}

/// A first line such as `$kind: collection` or `name: x`.
fn looks_like_yaml(text: &str) -> bool {
    let Some(line) = text.lines().map(str::trim).find(|l| !l.is_empty()) else {
        return false;
    };
    let Some((key, _)) = line.split_once(':') else {
        return line == "---";
    };
    !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '$' | '_' | '-'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn paths_render_like_javascript() {
        let root = Path::Root;
        let item = root.key("item");
        let third = item.index(3);
        let request = third.key("request");
        assert_eq!(request.key("url").render(), "item[3].request.url");
        assert_eq!(root.index(2).key("a").render(), "[2].a");
        assert_eq!(root.render(), "");
    }

    #[test]
    fn lenient_strings() {
        let obj = json!({"a": 1, "b": true, "c": null, "d": [1], "e": "x"});
        let obj = obj.as_object().unwrap();
        let root = Path::Root;
        assert_eq!(opt_string(obj, "a", &root).unwrap().as_deref(), Some("1"));
        assert_eq!(
            opt_string(obj, "b", &root).unwrap().as_deref(),
            Some("true")
        );
        assert_eq!(opt_string(obj, "c", &root).unwrap(), None);
        assert_eq!(opt_string(obj, "z", &root).unwrap(), None);
        let err = opt_string(obj, "d", &root).unwrap_err();
        assert_eq!(
            (err.path.as_str(), err.message.as_str()),
            ("d", "expected a string, found a list")
        );
    }

    #[test]
    fn disabled_follows_the_app() {
        for (v, disabled) in [
            (json!({"disabled": true}), true),
            (json!({"enabled": false}), true),
            (json!({"enabled": true}), false),
            (json!({"disabled": "yes"}), false),
            (json!({}), false),
        ] {
            assert_eq!(is_disabled(v.as_object().unwrap()), disabled, "{v}");
        }
    }

    #[test]
    fn syntax_errors_have_positions_and_hints() {
        let err = parse_json("{\n  \"a\": 1,\n}", "x.json").unwrap_err();
        assert_eq!(err.location_text().as_deref(), Some("x.json:3:1"));
        assert!(err.hint().unwrap().contains("comma"), "{err}");
        assert!(!err.detail().contains("at line"));

        let err = parse_json("{ // note\n}", "x.json").unwrap_err();
        assert_eq!(err.hint(), Some("JSON does not allow comments"));

        let err = parse_json("<html></html>", "x.json").unwrap_err();
        assert!(err.hint().unwrap().contains("HTML"));

        let err = parse_json("$kind: collection\nname: x\n", "x.yaml").unwrap_err();
        assert!(err.hint().unwrap().contains("YAML"));

        let err = parse_json("{\"a\": ", "x.json").unwrap_err();
        assert!(err.hint().unwrap().contains("ends early"));

        assert_eq!(
            parse_json("  \n", "x.json").unwrap_err(),
            LoadError::empty("x.json")
        );
    }
}
