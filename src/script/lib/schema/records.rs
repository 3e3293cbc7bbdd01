//! One validation error as the libraries see it: a keyword, Ajv-style params, where in the data
//! and where in the schema, and (for `anyOf`, `oneOf`, `propertyNames`) the errors underneath.
//! Converts the `jsonschema` crate's errors into these records.

use super::Style;
use jsonschema::error::ValidationErrorKind as Kind;
use jsonschema::paths::{Location, LocationSegment};
use jsonschema::ValidationError;
use serde_json::{json, Map, Value as Json};

/// A step into the data: an object key or an array index.
#[derive(Debug, Clone, PartialEq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// One error, before and after ordering (`rank`, `data_path`, `pointer` are filled by `order`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Record {
    pub keyword: String,
    pub params: Map<String, Json>,
    /// Where in the data, step by step.
    pub instance: Vec<Seg>,
    /// The keyword's place in the schema, without `$ref` hops (what Ajv prints as schemaPath).
    pub schema: Vec<String>,
    /// The path taken through the schema, `$ref` hops included (what ordering walks).
    pub eval: Vec<String>,
    /// The failing value.
    pub value: Json,
    /// Errors of each branch (`anyOf`, `oneOf`) or of the inner check (`propertyNames`).
    pub sub: Vec<Vec<Record>>,
    /// For an error inside `propertyNames`: the property name.
    pub property_name: Option<String>,
    pub rank: Vec<u32>,
    /// Ajv's JS-style data path (`.a[0]['b-c']`).
    pub data_path: String,
    /// tv4's JSON-pointer data path (`/a/0/b-c`).
    pub pointer: String,
    /// Ids of the `if` checks whose `then`/`else` branch this error belongs to, outer first.
    pub conds: Vec<u32>,
    /// Set on a synthetic `if` error: the id it closes.
    pub closes: Option<u32>,
}

impl Record {
    pub fn to_json(&self) -> Json {
        let sub: Vec<Json> = self
            .sub
            .iter()
            .map(|b| Json::Array(b.iter().map(Record::to_json).collect()))
            .collect();
        let mut o = json!({
            "keyword": self.keyword,
            "params": self.params,
            "dataPath": self.data_path,
            "pointer": self.pointer,
            "schemaPath": self.schema,
            "evalPath": self.eval,
            "value": self.value,
        });
        if !sub.is_empty() {
            o["sub"] = Json::Array(sub);
        }
        if let Some(p) = &self.property_name {
            o["propertyName"] = json!(p);
        }
        if !self.conds.is_empty() {
            o["conds"] = json!(self.conds);
        }
        if let Some(c) = self.closes {
            o["closes"] = json!(c);
        }
        o
    }
}

fn segments(loc: &Location) -> Vec<String> {
    loc.segments()
        .map(|s| match s {
            LocationSegment::Property(p) => p.into_owned(),
            LocationSegment::Index(i) => i.to_string(),
        })
        .collect()
}

/// Data steps from a JSON pointer, typed by walking the data (a numeric key of an object stays a key).
pub fn instance_segments(loc: &Location, data: &Json) -> Vec<Seg> {
    let mut cur = Some(data);
    let mut out = Vec::new();
    for s in segments(loc) {
        match cur {
            Some(Json::Array(items)) => {
                let i = s.parse::<usize>().unwrap_or(usize::MAX);
                cur = items.get(i);
                out.push(Seg::Index(i));
            }
            Some(Json::Object(map)) => {
                cur = map.get(&s);
                out.push(Seg::Key(s));
            }
            _ => {
                cur = None;
                out.push(Seg::Key(s));
            }
        }
    }
    out
}

/// The schema object at a path of segments (used for params such as `type`'s declared value).
pub fn schema_at<'a>(schema: &'a Json, path: &[String]) -> Option<&'a Json> {
    let mut cur = schema;
    for s in path {
        cur = match cur {
            Json::Object(m) => m.get(s)?,
            Json::Array(a) => a.get(s.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(cur)
}

fn params(pairs: &[(&str, Json)]) -> Map<String, Json> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
}

/// Converts one crate error into records (some become several: one per unexpected property,
/// one per missing dependency) and appends them to `out`.
pub fn convert(
    e: &ValidationError<'_>,
    schema: &Json,
    data: &Json,
    style: Style,
    out: &mut Vec<Record>,
) {
    let schema_path = segments(e.schema_path());
    let eval = segments(e.evaluation_path());
    let instance = instance_segments(e.instance_path(), data);
    let value = e.instance().clone().into_owned();
    let level = &schema_path[..schema_path.len().saturating_sub(1)];
    let here = schema_at(schema, level);
    let base = Record {
        schema: schema_path.clone(),
        eval: eval.clone(),
        instance: instance.clone(),
        value: value.clone(),
        ..Record::default()
    };
    let rec = |keyword: &str, p: Map<String, Json>| Record {
        keyword: keyword.to_string(),
        params: p,
        ..base.clone()
    };
    let limit = |l: Json, cmp: &str, excl: bool| {
        params(&[
            ("comparison", json!(cmp)),
            ("limit", l),
            ("exclusive", json!(excl)),
        ])
    };
    let declared = |k: &str| here.and_then(|h| h.get(k)).cloned().unwrap_or(Json::Null);
    match e.kind() {
        Kind::Type { kind } => {
            let t = here
                .and_then(|h| h.get("type"))
                .cloned()
                .unwrap_or_else(|| json!(format!("{kind:?}").to_lowercase()));
            out.push(rec("type", params(&[("type", t)])));
        }
        Kind::Required { property } => {
            if schema_path.last().map(String::as_str) == Some("dependencies") {
                out.push(dependency(&base, schema, &value, property));
            } else {
                let index = here
                    .and_then(|h| h.get("required"))
                    .and_then(Json::as_array)
                    .and_then(|r| r.iter().position(|p| p == property));
                let mut p = params(&[("missingProperty", property.clone())]);
                p.insert("index".into(), json!(index.unwrap_or(0)));
                out.push(rec("required", p));
            }
        }
        Kind::AdditionalProperties { unexpected } => {
            for name in unexpected {
                out.push(rec(
                    "additionalProperties",
                    params(&[("additionalProperty", json!(name))]),
                ));
            }
        }
        Kind::AdditionalItems { limit } => {
            out.push(rec("additionalItems", params(&[("limit", json!(limit))])));
        }
        Kind::AnyOf { context } => {
            let mut r = rec("anyOf", Map::new());
            r.sub = branches(context, schema, data, style);
            out.push(r);
        }
        Kind::OneOfNotValid { context } => {
            let mut r = rec("oneOf", params(&[("passingSchemas", Json::Null)]));
            r.sub = branches(context, schema, data, style);
            out.push(r);
        }
        Kind::OneOfMultipleValid { context } => {
            let passing: Vec<usize> = context
                .iter()
                .enumerate()
                .filter(|(_, errs)| errs.is_empty())
                .map(|(i, _)| i)
                .take(2)
                .collect();
            out.push(rec("oneOf", params(&[("passingSchemas", json!(passing))])));
        }
        Kind::Constant { expected_value } => {
            let v = (**expected_value).clone();
            out.push(rec("const", params(&[("allowedValue", v)])));
        }
        Kind::Contains => out.push(rec("contains", Map::new())),
        Kind::Enum { options } => {
            let v = (**options).clone();
            out.push(rec("enum", params(&[("allowedValues", v)])));
        }
        Kind::ExclusiveMaximum { .. } => {
            out.push(rec("exclusiveMaximum", limit(Json::Null, "<", true)));
            fix_exclusive_limit(out, here, "maximum", "exclusiveMaximum");
        }
        Kind::ExclusiveMinimum { .. } => {
            out.push(rec("exclusiveMinimum", limit(Json::Null, ">", true)));
            fix_exclusive_limit(out, here, "minimum", "exclusiveMinimum");
        }
        Kind::Maximum { .. } if declared("exclusiveMaximum") == json!(true) => {
            out.push(rec(
                "exclusiveMaximum",
                limit(declared("maximum"), "<", true),
            ));
        }
        Kind::Minimum { .. } if declared("exclusiveMinimum") == json!(true) => {
            out.push(rec(
                "exclusiveMinimum",
                limit(declared("minimum"), ">", true),
            ));
        }
        Kind::Maximum { .. } => out.push(rec("maximum", limit(declared("maximum"), "<=", false))),
        Kind::Minimum { .. } => out.push(rec("minimum", limit(declared("minimum"), ">=", false))),
        Kind::FalseSchema => out.push(rec("false schema", Map::new())),
        Kind::Format { format } => out.push(rec("format", params(&[("format", json!(format))]))),
        Kind::MaxItems { limit } => out.push(rec("maxItems", params(&[("limit", json!(limit))]))),
        Kind::MinItems { limit } => out.push(rec("minItems", params(&[("limit", json!(limit))]))),
        Kind::MaxLength { limit } => out.push(rec("maxLength", params(&[("limit", json!(limit))]))),
        Kind::MinLength { limit } => out.push(rec("minLength", params(&[("limit", json!(limit))]))),
        Kind::MaxProperties { limit } => {
            out.push(rec("maxProperties", params(&[("limit", json!(limit))])))
        }
        Kind::MinProperties { limit } => {
            out.push(rec("minProperties", params(&[("limit", json!(limit))])))
        }
        Kind::MultipleOf { .. } => out.push(rec(
            "multipleOf",
            params(&[("multipleOf", declared("multipleOf"))]),
        )),
        Kind::Not { .. } => out.push(rec("not", Map::new())),
        Kind::Pattern { pattern } => {
            out.push(rec("pattern", params(&[("pattern", json!(pattern))])))
        }
        Kind::PropertyNames { error } => {
            let name = error.instance().as_str().unwrap_or_default().to_string();
            let mut inner = Vec::new();
            convert(error, schema, data, style, &mut inner);
            for r in &mut inner {
                r.instance = instance.clone();
                r.property_name = Some(name.clone());
            }
            let mut r = rec("propertyNames", params(&[("propertyName", json!(name))]));
            // The crate reports the inner keyword's path; the wrapper sits at `propertyNames`.
            if let Some(pos) = schema_path.iter().rposition(|s| s == "propertyNames") {
                r.schema.truncate(pos + 1);
            }
            if let Some(pos) = eval.iter().rposition(|s| s == "propertyNames") {
                r.eval.truncate(pos + 1);
            }
            r.sub = vec![inner];
            out.push(r);
        }
        Kind::UniqueItems => out.push(rec("uniqueItems", unique_params(&value, here))),
        Kind::Referencing(err) => out.push(rec("$ref", params(&[("ref", json!(err.to_string()))]))),
        other => {
            let keyword = other.keyword().to_string();
            out.push(rec(&keyword, Map::new()));
        }
    }
}

fn branches(
    context: &[Vec<ValidationError<'static>>],
    schema: &Json,
    data: &Json,
    style: Style,
) -> Vec<Vec<Record>> {
    context
        .iter()
        .map(|errs| {
            let mut v = Vec::new();
            for e in errs {
                convert(e, schema, data, style, &mut v);
            }
            v
        })
        .collect()
}

/// `exclusiveMaximum: 3` (draft 6+) or `maximum: 3, exclusiveMaximum: true` (draft 4): the limit
/// is whichever of the two is a number.
fn fix_exclusive_limit(out: &mut [Record], here: Option<&Json>, plain: &str, excl: &str) {
    let Some(last) = out.last_mut() else { return };
    let h = here.cloned().unwrap_or(Json::Null);
    let limit = match h.get(excl) {
        Some(n @ Json::Number(_)) => n.clone(),
        _ => h.get(plain).cloned().unwrap_or(Json::Null),
    };
    last.params.insert("limit".into(), limit);
}

/// A missing property a `dependencies` array asks for.
fn dependency(base: &Record, schema: &Json, object: &Json, missing: &Json) -> Record {
    let deps = schema_at(schema, &base.schema).and_then(Json::as_object);
    let mut found = None;
    if let (Some(deps), Some(obj)) = (deps, object.as_object()) {
        for (key, list) in deps {
            if let Some(list) = list.as_array() {
                if obj.contains_key(key) && list.contains(missing) {
                    let index = list.iter().position(|x| x == missing).unwrap_or(0);
                    found = Some((key.clone(), list.clone(), index));
                    break;
                }
            }
        }
    }
    let (property, list, index) = found.unwrap_or_default();
    let names: Vec<String> = list
        .iter()
        .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
        .collect();
    let mut r = base.clone();
    r.keyword = "dependencies".into();
    r.params = params(&[
        ("property", json!(property)),
        ("missingProperty", missing.clone()),
        ("depsCount", json!(list.len())),
        ("deps", json!(names.join(", "))),
        ("index", json!(index)),
    ]);
    r
}

/// Ajv's `{i, j}` for the first duplicate it finds, and every duplicate pair (tv4).
fn unique_params(value: &Json, here: Option<&Json>) -> Map<String, Json> {
    let items = value.as_array().cloned().unwrap_or_default();
    let scalar_typed = here
        .and_then(|h| h.get("items"))
        .and_then(|i| i.get("type"))
        .is_some_and(|t| {
            let scalar = |t: &Json| {
                matches!(
                    t.as_str(),
                    Some("string" | "number" | "integer" | "boolean" | "null")
                )
            };
            match t {
                Json::Array(ts) => ts.iter().all(scalar),
                other => scalar(other),
            }
        });
    let mut ij = (0usize, 0usize);
    if scalar_typed {
        // Ajv walks from the end remembering where each value was last seen.
        let mut seen: Vec<(&Json, usize)> = Vec::new();
        'outer: for i in (0..items.len()).rev() {
            for (v, j) in &seen {
                if **v == items[i] {
                    ij = (i, *j);
                    break 'outer;
                }
            }
            seen.push((&items[i], i));
        }
    } else {
        'outer2: for i in (0..items.len()).rev() {
            for j in (0..i).rev() {
                if items[i] == items[j] {
                    ij = (i, j);
                    break 'outer2;
                }
            }
        }
    }
    let mut pairs = Vec::new();
    for a in 0..items.len() {
        for b in a + 1..items.len() {
            if items[a] == items[b] {
                pairs.push(json!([a, b]));
            }
        }
    }
    params(&[
        ("i", json!(ij.0)),
        ("j", json!(ij.1)),
        ("pairs", Json::Array(pairs)),
    ])
}
