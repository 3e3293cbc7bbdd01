//! Puts errors in the order each library reports them, and trims them as it does.
//!
//! Ajv 6 checks, per schema object: `type` first when it names no keyword group (integer,
//! boolean, null, or a list), then the number, string, array and object groups, then the
//! type-free keywords (`$ref`, const, enum, not, anyOf, oneOf, allOf, if); properties in schema
//! order, extra and pattern properties in data order. tv4 checks type and enum (stopping there on
//! failure), then numeric, string, array, object (properties in data order), combinators; in each
//! small group it reports only the first failure.

use super::records::{schema_at, Record, Seg};
use super::Style;
use serde_json::{json, Map, Value as Json};
use std::collections::{HashMap, HashSet};

/// Ranks, orders, adds Ajv's `if` errors and applies tv4's trimming.
pub fn arrange(records: Vec<Record>, schema: &Json, data: &Json, style: Style) -> Vec<Record> {
    let mut conds = HashMap::new();
    arrange_list(records, schema, data, style, &mut conds)
}

fn arrange_list(
    records: Vec<Record>,
    schema: &Json,
    data: &Json,
    style: Style,
    conds: &mut HashMap<String, u32>,
) -> Vec<Record> {
    let mut out = Vec::new();
    let mut synthetic = Vec::new();
    for mut r in records {
        let w = walk(&r, schema, data, style);
        r.rank = w.rank.clone();
        r.data_path = ajv_path(&r.instance, &w.dynamic);
        r.pointer = pointer(&r.instance);
        if style == Style::Ajv {
            for c in &w.conds {
                let key = format!("{}|{}", c.eval.join("/"), c.instance_len);
                let next = conds.len() as u32 + 1;
                let id = *conds.entry(key).or_insert(next);
                r.conds.push(id);
                if id == next {
                    synthetic.push(if_record(&r, c, &w, id));
                }
            }
        }
        r.sub = std::mem::take(&mut r.sub)
            .into_iter()
            .map(|b| arrange_list(b, schema, data, style, conds))
            .collect();
        out.push(r);
    }
    out.extend(synthetic);
    out.sort_by(|a, b| a.rank.cmp(&b.rank));
    if style == Style::Tv4 {
        out = tv4_trim(out);
    }
    out
}

/// Where a `then`/`else` branch was entered.
struct Cond {
    eval: Vec<String>,
    rank_len: usize,
    instance_len: usize,
    failing: String,
    tail: usize,
}

struct Walked {
    rank: Vec<u32>,
    dynamic: Vec<bool>,
    conds: Vec<Cond>,
}

fn key_index(obj: Option<&Json>, key: &str) -> u32 {
    obj.and_then(Json::as_object)
        .and_then(|m| m.keys().position(|k| k == key))
        .map_or(u32::MAX, |i| i as u32)
}

fn seg_key(s: Option<&Seg>) -> String {
    match s {
        Some(Seg::Key(k)) => k.clone(),
        Some(Seg::Index(i)) => i.to_string(),
        None => String::new(),
    }
}

fn resolve<'a>(root: &'a Json, reference: &str) -> Option<&'a Json> {
    let frag = reference.strip_prefix('#')?;
    let segs: Vec<String> = frag
        .split('/')
        .skip(1)
        .map(|s| {
            let s = percent_encoding::percent_decode_str(s).decode_utf8_lossy();
            s.replace("~1", "/").replace("~0", "~")
        })
        .collect();
    schema_at(root, &segs)
}

/// Follows the evaluation path through the schema (and the data alongside), collecting the
/// rank of each step.
fn walk(r: &Record, root: &Json, data: &Json, style: Style) -> Walked {
    let mut w = Walked {
        rank: Vec::new(),
        dynamic: vec![false; r.instance.len()],
        conds: Vec::new(),
    };
    let mut sch = root;
    let mut dat = Some(data);
    let mut inst = 0usize;
    let eval = &r.eval;
    let mut i = 0;
    let data_index = |dat: Option<&Json>, key: &str| key_index(dat, key);
    while i < eval.len() {
        let kw = eval[i].as_str();
        let leaf = i + 1 == eval.len();
        w.rank.push(keyword_rank(style, kw, sch));
        let child = |name: &str| sch.get(kw).and_then(|s| s.get(name));
        match kw {
            "properties" if !leaf => {
                let name = &eval[i + 1];
                match style {
                    Style::Ajv => w.rank.push(key_index(sch.get(kw), name)),
                    Style::Tv4 => w.rank.extend([data_index(dat, name), 0]),
                }
                sch = child(name).unwrap_or(&Json::Null);
                dat = dat.and_then(|d| d.get(name));
                inst += 1;
                i += 2;
            }
            "patternProperties" if !leaf => {
                let pat = &eval[i + 1];
                let key = seg_key(r.instance.get(inst));
                let (pi, di) = (key_index(sch.get(kw), pat), data_index(dat, &key));
                match style {
                    Style::Ajv => w.rank.extend([pi, di]),
                    Style::Tv4 => w.rank.extend([di, 1, pi]),
                }
                if let Some(d) = w.dynamic.get_mut(inst) {
                    *d = true;
                }
                sch = child(pat).unwrap_or(&Json::Null);
                dat = dat.and_then(|d| d.get(&key));
                inst += 1;
                i += 2;
            }
            "additionalProperties" => {
                let key = if leaf {
                    r.params
                        .get("additionalProperty")
                        .and_then(Json::as_str)
                        .map(str::to_string)
                        .unwrap_or_else(|| seg_key(r.instance.get(inst)))
                } else {
                    seg_key(r.instance.get(inst))
                };
                let di = data_index(dat, &key);
                match style {
                    Style::Ajv => w.rank.push(di),
                    Style::Tv4 => w.rank.extend([di, 2]),
                }
                if leaf && r.instance.len() == inst {
                    break;
                }
                if let Some(d) = w.dynamic.get_mut(inst) {
                    *d = true;
                }
                sch = sch.get(kw).unwrap_or(&Json::Null);
                dat = dat.and_then(|d| d.get(&key));
                inst += 1;
                i += 1;
            }
            "items" | "additionalItems" | "contains" => {
                let tuple = kw == "items" && sch.get(kw).is_some_and(Json::is_array);
                if tuple && !leaf {
                    let idx: usize = eval[i + 1].parse().unwrap_or(0);
                    w.rank.push(idx as u32);
                    sch = sch.get(kw).and_then(|a| a.get(idx)).unwrap_or(&Json::Null);
                    i += 2;
                } else {
                    if leaf && r.instance.len() == inst {
                        break;
                    }
                    sch = sch.get(kw).unwrap_or(&Json::Null);
                    i += 1;
                }
                let idx = match r.instance.get(inst) {
                    Some(Seg::Index(n)) => *n,
                    _ => 0,
                };
                if !tuple {
                    w.rank.push(idx as u32);
                }
                dat = dat.and_then(|d| d.get(idx));
                inst += 1;
            }
            "allOf" | "anyOf" | "oneOf" if !leaf => {
                let idx: usize = eval[i + 1].parse().unwrap_or(0);
                w.rank.push(idx as u32);
                sch = sch.get(kw).and_then(|a| a.get(idx)).unwrap_or(&Json::Null);
                i += 2;
            }
            "dependencies" if !leaf => {
                let name = &eval[i + 1];
                w.rank.push(key_index(sch.get(kw), name));
                sch = child(name).unwrap_or(&Json::Null);
                i += 2;
            }
            "then" | "else" if !leaf => {
                w.conds.push(Cond {
                    eval: eval[..i].to_vec(),
                    rank_len: w.rank.len() - 1,
                    instance_len: inst,
                    failing: kw.to_string(),
                    tail: eval.len() - i,
                });
                w.rank.push(0);
                sch = sch.get(kw).unwrap_or(&Json::Null);
                i += 1;
            }
            "not" | "if" | "propertyNames" if !leaf => {
                sch = sch.get(kw).unwrap_or(&Json::Null);
                i += 1;
            }
            "$ref" if !leaf => {
                let target = sch.get("$ref").and_then(Json::as_str).unwrap_or("");
                sch = resolve(root, target).unwrap_or(&Json::Null);
                i += 1;
            }
            _ => {
                leaf_tiebreak(r, kw, sch, &mut w.rank);
                break;
            }
        }
    }
    w
}

/// Orders several errors of one keyword at one place: missing properties in `required` order,
/// dependencies in schema order.
fn leaf_tiebreak(r: &Record, kw: &str, sch: &Json, rank: &mut Vec<u32>) {
    match kw {
        "required" => rank.push(r.params.get("index").and_then(Json::as_u64).unwrap_or(0) as u32),
        "dependencies" => {
            let prop = r
                .params
                .get("property")
                .and_then(Json::as_str)
                .unwrap_or("");
            rank.push(key_index(sch.get("dependencies"), prop));
            rank.push(r.params.get("index").and_then(Json::as_u64).unwrap_or(0) as u32);
        }
        _ => {}
    }
}

/// The position of a keyword among its schema object's checks.
fn keyword_rank(style: Style, kw: &str, sch: &Json) -> u32 {
    match style {
        Style::Ajv => ajv_rank(kw, sch),
        Style::Tv4 => tv4_rank(kw),
    }
}

fn ajv_rank(kw: &str, sch: &Json) -> u32 {
    if kw == "type" {
        return match sch.get("type").and_then(Json::as_str) {
            Some("number") => 14,
            Some("string") => 24,
            Some("array") => 36,
            Some("object") => 48,
            _ => 0,
        };
    }
    match kw {
        "maximum" | "exclusiveMaximum" => 10,
        "minimum" | "exclusiveMinimum" => 11,
        "multipleOf" => 12,
        "maxLength" => 20,
        "minLength" => 21,
        "pattern" => 22,
        "format" => 23,
        "maxItems" => 30,
        "minItems" => 31,
        "additionalItems" => 32,
        "items" => 33,
        "contains" => 34,
        "uniqueItems" => 35,
        "maxProperties" => 40,
        "minProperties" => 41,
        "required" => 42,
        "dependencies" => 43,
        "propertyNames" => 44,
        "additionalProperties" => 45,
        "properties" => 46,
        "patternProperties" => 47,
        "$ref" => 50,
        "const" => 51,
        "enum" => 52,
        "not" => 53,
        "anyOf" => 54,
        "oneOf" => 55,
        "allOf" => 56,
        "if" | "then" | "else" => 57,
        _ => 99,
    }
}

fn tv4_rank(kw: &str) -> u32 {
    match kw {
        "type" => 0,
        "enum" => 1,
        "multipleOf" => 10,
        "minimum" | "exclusiveMinimum" => 11,
        "maximum" | "exclusiveMaximum" => 12,
        "minLength" => 20,
        "maxLength" => 21,
        "pattern" => 22,
        "minItems" => 30,
        "maxItems" => 31,
        "uniqueItems" => 32,
        "items" | "additionalItems" => 33,
        "minProperties" => 40,
        "maxProperties" => 41,
        "required" => 42,
        "properties" | "patternProperties" | "additionalProperties" => 43,
        "dependencies" => 44,
        "allOf" => 50,
        "anyOf" => 51,
        "oneOf" => 52,
        "not" => 53,
        "$ref" => 54,
        _ => 99,
    }
}

/// Ajv's `if` error, reported after the errors of the branch that failed.
fn if_record(r: &Record, c: &Cond, w: &Walked, id: u32) -> Record {
    let mut schema = r.schema.clone();
    schema.truncate(r.schema.len().saturating_sub(c.tail));
    schema.push("if".into());
    let mut eval = c.eval.clone();
    eval.push("if".into());
    let instance: Vec<Seg> = r.instance[..c.instance_len.min(r.instance.len())].to_vec();
    let mut rank = w.rank[..c.rank_len].to_vec();
    rank.extend([57, 1]);
    let mut params = Map::new();
    params.insert("failingKeyword".into(), json!(c.failing));
    let dynamic = &w.dynamic[..instance.len()];
    Record {
        keyword: "if".into(),
        params,
        data_path: ajv_path(&instance, dynamic),
        pointer: pointer(&instance),
        instance,
        schema,
        eval,
        value: Json::Null,
        rank,
        conds: r.conds.clone(),
        closes: Some(id),
        ..Record::default()
    }
}

fn is_identifier(k: &str) -> bool {
    let mut chars = k.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '$' || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '$' || c == '_')
}

/// Ajv's data path: `.key` for identifier keys named in the schema, `['key']` otherwise.
pub fn ajv_path(instance: &[Seg], dynamic: &[bool]) -> String {
    let mut out = String::new();
    for (n, s) in instance.iter().enumerate() {
        match s {
            Seg::Index(i) => out.push_str(&format!("[{i}]")),
            Seg::Key(k) if is_identifier(k) && !dynamic.get(n).copied().unwrap_or(false) => {
                out.push('.');
                out.push_str(k);
            }
            Seg::Key(k) => {
                let escaped = k.replace('\\', "\\\\").replace('\'', "\\'");
                out.push_str(&format!("['{escaped}']"));
            }
        }
    }
    out
}

/// A JSON pointer (`/a/0/b~1c`).
pub fn pointer(instance: &[Seg]) -> String {
    instance
        .iter()
        .map(|s| match s {
            Seg::Index(i) => format!("/{i}"),
            Seg::Key(k) => format!("/{}", k.replace('~', "~0").replace('/', "~1")),
        })
        .collect()
}

fn tv4_group(kw: &str) -> Option<&'static str> {
    Some(match kw {
        "multipleOf" | "minimum" | "exclusiveMinimum" | "maximum" | "exclusiveMaximum" => "num",
        "minLength" | "maxLength" | "pattern" => "str",
        "minItems" | "maxItems" => "items",
        "minProperties" | "maxProperties" => "props",
        "anyOf" | "oneOf" | "not" => "combine",
        _ => return None,
    })
}

fn starts_with(a: &[Seg], prefix: &[Seg]) -> bool {
    a.len() >= prefix.len() && a[..prefix.len()] == *prefix
}

/// tv4 stops at a failed `type` or `enum` for that schema object, and reports one failure per
/// small group of checks.
fn tv4_trim(records: Vec<Record>) -> Vec<Record> {
    let level = |r: &Record| r.eval[..r.eval.len().saturating_sub(1)].to_vec();
    let mut keep = vec![true; records.len()];
    for (n, r) in records.iter().enumerate() {
        if !keep[n] || !(r.keyword == "type" || r.keyword == "enum") {
            continue;
        }
        let lv = level(r);
        for (m, other) in records.iter().enumerate() {
            if m != n
                && keep[m]
                && other.eval.len() >= lv.len()
                && other.eval[..lv.len()] == lv[..]
                && starts_with(&other.instance, &r.instance)
            {
                keep[m] = false;
            }
        }
    }
    let mut seen = HashSet::new();
    for (n, r) in records.iter().enumerate() {
        if let (true, Some(g)) = (keep[n], tv4_group(&r.keyword)) {
            let key = format!("{}|{}|{g}", level(r).join("/"), pointer(&r.instance));
            if !seen.insert(key) {
                keep[n] = false;
            }
        }
    }
    records
        .into_iter()
        .zip(keep)
        .filter_map(|(r, k)| k.then_some(r))
        .collect()
}
