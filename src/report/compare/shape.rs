//! A response body's "shape", the part `postie compare` compares: for a JSON object its
//! top-level keys and the type of each value, otherwise the kind of document. Computed while
//! parsing, keeping nothing of the body but the keys: nested values are skipped, not built.

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// The type of a JSON value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum JsonType {
    Null,
    Boolean,
    Number,
    String,
    Array,
    Object,
}

impl JsonType {
    pub fn as_str(self) -> &'static str {
        match self {
            JsonType::Null => "null",
            JsonType::Boolean => "boolean",
            JsonType::Number => "number",
            JsonType::String => "string",
            JsonType::Array => "array",
            JsonType::Object => "object",
        }
    }
}

/// What a body looks like, at the top level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodyShape {
    /// No body, or only whitespace.
    Empty,
    /// Not a JSON document (HTML, text, binary, broken JSON).
    NotJson,
    /// A JSON object: its keys, sorted, each with its value's type.
    Object(Vec<(String, JsonType)>),
    /// Any other JSON document: an array or a scalar.
    Other(JsonType),
}

impl BodyShape {
    /// The shape of `body` (UTF-8 BOM and surrounding whitespace ignored).
    pub fn of(body: &[u8]) -> BodyShape {
        let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
        if body.iter().all(u8::is_ascii_whitespace) {
            return BodyShape::Empty;
        }
        match serde_json::from_slice::<Top>(body) {
            Ok(Top(shape)) => shape,
            Err(_) => BodyShape::NotJson,
        }
    }
}

impl fmt::Display for BodyShape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BodyShape::Empty => f.write_str("empty"),
            BodyShape::NotJson => f.write_str("not JSON"),
            BodyShape::Other(t) => f.write_str(t.as_str()),
            BodyShape::Object(keys) => {
                f.write_str("{")?;
                for (i, (k, t)) in keys.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{k}: {}", t.as_str())?;
                }
                f.write_str("}")
            }
        }
    }
}

/// A JSON value reduced to its type; its contents are skipped.
struct TypeOnly(JsonType);

/// A whole document reduced to its shape.
struct Top(BodyShape);

struct TypeVisitor;

impl<'de> Visitor<'de> for TypeVisitor {
    type Value = JsonType;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<JsonType, E> {
        Ok(JsonType::Boolean)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<JsonType, E> {
        Ok(JsonType::Number)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<JsonType, E> {
        Ok(JsonType::Number)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<JsonType, E> {
        Ok(JsonType::Number)
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<JsonType, E> {
        Ok(JsonType::String)
    }
    fn visit_unit<E: de::Error>(self) -> Result<JsonType, E> {
        Ok(JsonType::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<JsonType, E> {
        Ok(JsonType::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<JsonType, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(JsonType::Array)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<JsonType, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(JsonType::Object)
    }
}

impl<'de> Deserialize<'de> for TypeOnly {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(TypeVisitor).map(TypeOnly)
    }
}

struct TopVisitor;

impl<'de> Visitor<'de> for TopVisitor {
    type Value = BodyShape;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON document")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<BodyShape, E> {
        TypeVisitor.visit_bool(v).map(BodyShape::Other)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<BodyShape, E> {
        TypeVisitor.visit_i64(v).map(BodyShape::Other)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<BodyShape, E> {
        TypeVisitor.visit_u64(v).map(BodyShape::Other)
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<BodyShape, E> {
        TypeVisitor.visit_f64(v).map(BodyShape::Other)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<BodyShape, E> {
        TypeVisitor.visit_str(v).map(BodyShape::Other)
    }
    fn visit_unit<E: de::Error>(self) -> Result<BodyShape, E> {
        Ok(BodyShape::Other(JsonType::Null))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<BodyShape, A::Error> {
        TypeVisitor.visit_seq(seq).map(BodyShape::Other)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<BodyShape, A::Error> {
        let mut keys: Vec<(String, JsonType)> = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            let TypeOnly(t) = map.next_value()?;
            keys.push((key, t));
        }
        // A repeated key keeps its last value, as JSON parsers do.
        keys.reverse();
        keys.sort_by(|a, b| a.0.cmp(&b.0));
        keys.dedup_by(|a, b| a.0 == b.0);
        Ok(BodyShape::Object(keys))
    }
}

impl<'de> Deserialize<'de> for Top {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(TopVisitor).map(Top)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn objects_give_sorted_keys_and_value_types() {
        let shape = BodyShape::of(
            br#"{"z": 1, "a": "x", "n": null, "o": {"deep": [1,2]}, "l": [], "b": true}"#,
        );
        assert_eq!(
            shape.to_string(),
            "{a: string, b: boolean, l: array, n: null, o: object, z: number}"
        );
    }

    #[test]
    fn values_do_not_matter_types_do() {
        let a = BodyShape::of(br#"{"expires_in": 3600, "token": "abc"}"#);
        let b = BodyShape::of(br#"{"token": "xyz", "expires_in": 1800}"#);
        let c = BodyShape::of(br#"{"token": "xyz", "expires_in": "1800"}"#);
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn other_documents() {
        assert_eq!(BodyShape::of(b""), BodyShape::Empty);
        assert_eq!(BodyShape::of(b"  \n"), BodyShape::Empty);
        assert_eq!(BodyShape::of(b"<html></html>"), BodyShape::NotJson);
        assert_eq!(BodyShape::of(br#"{"a": "#), BodyShape::NotJson);
        assert_eq!(BodyShape::of(b"[1, {\"a\": 2}]").to_string(), "array");
        assert_eq!(BodyShape::of(b"\xEF\xBB\xBF 42 ").to_string(), "number");
        assert_eq!(BodyShape::of(b"\"s\"").to_string(), "string");
        assert_eq!(BodyShape::of(b"null").to_string(), "null");
        assert_eq!(BodyShape::of(b"{}").to_string(), "{}");
    }

    #[test]
    fn a_repeated_key_keeps_its_last_type() {
        let shape = BodyShape::of(br#"{"a": 1, "a": "x"}"#);
        assert_eq!(shape.to_string(), "{a: string}");
    }
}
