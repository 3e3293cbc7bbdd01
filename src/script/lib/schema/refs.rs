//! What each library does with references it cannot resolve and with formats it does not know:
//! Ajv refuses the schema (`can't resolve reference …`, `unknown format …`); tv4 treats the
//! reference as an empty schema and lists its URI in `missing`.

use super::records::schema_at;
use super::SchemaError;
use serde_json::{Map, Value as Json};

/// The formats Ajv 6 knows without `addFormat`.
pub const AJV_FORMATS: &[&str] = &[
    "date",
    "time",
    "date-time",
    "uri",
    "uri-reference",
    "uri-template",
    "url",
    "email",
    "hostname",
    "ipv4",
    "ipv6",
    "regex",
    "uuid",
    "json-pointer",
    "json-pointer-uri-fragment",
    "relative-json-pointer",
];

/// What `visit` calls for each schema object: the object and its path.
type Visitor<'a> = dyn FnMut(&Map<String, Json>, &[String]) + 'a;

/// Calls `f` on every schema object inside `schema` (itself included) with its path.
fn visit(schema: &Json, path: &mut Vec<String>, f: &mut Visitor<'_>) {
    let Json::Object(obj) = schema else { return };
    f(obj, path);
    for (k, v) in obj {
        path.push(k.clone());
        match k.as_str() {
            "properties" | "patternProperties" | "definitions" | "dependencies" => {
                if let Json::Object(named) = v {
                    for (name, sub) in named {
                        path.push(name.clone());
                        visit(sub, path, f);
                        path.pop();
                    }
                }
            }
            "items" | "allOf" | "anyOf" | "oneOf" => match v {
                Json::Array(list) => {
                    for (i, sub) in list.iter().enumerate() {
                        path.push(i.to_string());
                        visit(sub, path, f);
                        path.pop();
                    }
                }
                other => visit(other, path, f),
            },
            "additionalItems"
            | "additionalProperties"
            | "contains"
            | "propertyNames"
            | "not"
            | "if"
            | "then"
            | "else" => visit(v, path, f),
            _ => {}
        }
        path.pop();
    }
}

fn pointer_target<'a>(root: &'a Json, reference: &str) -> Option<&'a Json> {
    let frag = reference.strip_prefix('#')?;
    if frag.is_empty() {
        return Some(root);
    }
    let segs: Vec<String> = frag
        .strip_prefix('/')?
        .split('/')
        .map(|s| {
            let s = percent_encoding::percent_decode_str(s).decode_utf8_lossy();
            s.replace("~1", "/").replace("~0", "~")
        })
        .collect();
    schema_at(root, &segs)
}

/// Whether a `$ref` can be followed inside this document (local pointers, or the ids the
/// document declares).
fn resolvable(root: &Json, reference: &str) -> bool {
    if reference.starts_with('#') {
        return pointer_target(root, reference).is_some();
    }
    let mut found = false;
    let base = reference.split('#').next().unwrap_or("");
    visit(root, &mut Vec::new(), &mut |obj, _| {
        for key in ["$id", "id"] {
            if let Some(id) = obj.get(key).and_then(Json::as_str) {
                if id.split('#').next() == Some(base) || id == reference {
                    found = true;
                }
            }
        }
    });
    found
}

/// Ajv: every reference must resolve.
pub fn check_resolvable(schema: &Json) -> Result<(), SchemaError> {
    let mut bad = None;
    visit(schema, &mut Vec::new(), &mut |obj, _| {
        if let Some(r) = obj.get("$ref").and_then(Json::as_str) {
            if bad.is_none() && !resolvable(schema, r) {
                bad = Some(r.to_string());
            }
        }
    });
    match bad {
        Some(r) => Err(SchemaError(format!(
            "can't resolve reference {r} from id #"
        ))),
        None => Ok(()),
    }
}

/// Ajv: a `format` it does not know makes the schema unusable.
pub fn check_formats(schema: &Json, custom: &[&str]) -> Result<(), SchemaError> {
    let mut bad = None;
    visit(schema, &mut Vec::new(), &mut |obj, path| {
        if let Some(f) = obj.get("format").and_then(Json::as_str) {
            if bad.is_none() && !AJV_FORMATS.contains(&f) && !custom.contains(&f) {
                let at: String = path.iter().map(|p| format!("/{p}")).collect();
                bad = Some(format!(
                    "unknown format \"{f}\" is used in schema at path \"#{at}\""
                ));
            }
        }
    });
    bad.map_or(Ok(()), |m| Err(SchemaError(m)))
}

/// tv4: unresolvable references become `{}`; their URIs (without fragment) are returned.
pub fn stub_missing(schema: &Json) -> (Json, Vec<String>) {
    let mut to_stub: Vec<Vec<String>> = Vec::new();
    let mut missing: Vec<String> = Vec::new();
    visit(schema, &mut Vec::new(), &mut |obj, path| {
        if let Some(r) = obj.get("$ref").and_then(Json::as_str) {
            if !resolvable(schema, r) {
                to_stub.push(path.to_vec());
                let uri = r.split('#').next().unwrap_or("").to_string();
                if !missing.contains(&uri) {
                    missing.push(uri);
                }
            }
        }
    });
    let mut out = schema.clone();
    for path in to_stub {
        if let Some(slot) = slot_at(&mut out, &path) {
            *slot = Json::Object(Map::new());
        }
    }
    (out, missing)
}

fn slot_at<'a>(schema: &'a mut Json, path: &[String]) -> Option<&'a mut Json> {
    let mut cur = schema;
    for s in path {
        cur = match cur {
            Json::Object(m) => m.get_mut(s)?,
            Json::Array(a) => a.get_mut(s.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(cur)
}
