//! JSON-schema validation for `ajv`, `tv4` and `pm.response.to.have.jsonSchema`, on the
//! `jsonschema` crate. The crate decides validity; this module turns its errors into records
//! ordered and trimmed the way each library reports them (`order`), with Ajv's formats
//! (`formats`) and each library's handling of unresolvable references (`refs`).
//! JS reaches it as `__postie.schema.validate(schema, data, options)`; the message texts are
//! written by `js/lib/ajv.js` and `js/lib/tv4.js`.

mod formats;
mod order;
mod records;
mod refs;

use jsonschema::{Draft, Validator};
use records::Record;
use rquickjs::{Ctx, Function, Object, Value};
use serde_json::{json, Value as Json};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// Whose conventions the errors follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Style {
    Ajv,
    Tv4,
}

/// What the caller asks for.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub style: Style,
    /// Formats added with `ajv.addFormat`: name and, for a RegExp, its source.
    pub custom_formats: Vec<(String, Option<String>)>,
}

/// What validation found: errors in the library's order, and (tv4) the references it could
/// not resolve.
#[derive(Debug, Default, PartialEq)]
pub struct Outcome {
    pub errors: Vec<Record>,
    pub missing: Vec<String>,
}

/// Why a schema could not be used; the text is the library's own where we know it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{0}")]
pub struct SchemaError(pub String);

/// Compiled validators, keyed by schema text and options, so a collection validating each
/// response against the same schema compiles it once.
#[derive(Default)]
pub struct Cache {
    compiled: HashMap<String, Rc<Compiled>>,
}

const CACHE_LIMIT: usize = 64;

/// A compiled schema, the unresolvable references (tv4) and the schema as validated (tv4's
/// has those references replaced by `{}`).
struct Compiled {
    validator: Validator,
    missing: Vec<String>,
    schema: Json,
}

impl Cache {
    /// Validates `data` against `schema`.
    pub fn validate(
        &mut self,
        schema: &Json,
        data: &Json,
        req: &Request,
    ) -> Result<Outcome, SchemaError> {
        let key = format!("{:?}|{:?}|{}", req.style, req.custom_formats, schema);
        let entry = match self.compiled.get(&key) {
            Some(e) => e.clone(),
            None => {
                let built = Rc::new(compile(schema, req)?);
                if self.compiled.len() >= CACHE_LIMIT {
                    self.compiled.clear();
                }
                self.compiled.insert(key, built.clone());
                built
            }
        };
        let mut errors = Vec::new();
        for e in entry.validator.iter_errors(data) {
            records::convert(&e, &entry.schema, data, req.style, &mut errors);
        }
        let errors = order::arrange(errors, &entry.schema, data, req.style);
        Ok(Outcome {
            errors,
            missing: entry.missing.clone(),
        })
    }
}

/// The draft a schema declares with `$schema` (Ajv's default is draft-07, tv4's draft-04).
pub fn draft_of(schema: &Json, style: Style) -> Draft {
    let declared = schema.get("$schema").and_then(Json::as_str).unwrap_or("");
    if declared.contains("draft-04") {
        Draft::Draft4
    } else if declared.contains("draft-06") {
        Draft::Draft6
    } else if declared.contains("draft-07") {
        Draft::Draft7
    } else if style == Style::Tv4 {
        Draft::Draft4
    } else {
        Draft::Draft7
    }
}

fn compile(schema: &Json, req: &Request) -> Result<Compiled, SchemaError> {
    let draft = draft_of(schema, req.style);
    let (schema, missing) = match req.style {
        Style::Tv4 => refs::stub_missing(schema),
        Style::Ajv => {
            refs::check_resolvable(schema)?;
            let known: Vec<&str> = req.custom_formats.iter().map(|(n, _)| n.as_str()).collect();
            refs::check_formats(schema, &known)?;
            (schema.clone(), Vec::new())
        }
    };
    let mut opts = jsonschema::options().with_draft(draft);
    opts = match req.style {
        Style::Tv4 => opts.should_validate_formats(false),
        Style::Ajv => {
            let mut o = formats::register(opts.should_validate_formats(true));
            for (name, pattern) in &req.custom_formats {
                o = formats::custom(o, name, pattern.as_deref());
            }
            o
        }
    };
    let validator = opts
        .build(&schema)
        .map_err(|e| SchemaError(build_error(&e)))?;
    Ok(Compiled {
        validator,
        missing,
        schema,
    })
}

fn build_error(e: &jsonschema::ValidationError<'_>) -> String {
    match e.kind() {
        jsonschema::error::ValidationErrorKind::Referencing(r) => {
            format!("can't resolve reference: {r}")
        }
        _ => format!(
            "schema is invalid: data{} {}",
            e.instance_path().as_str().replace('/', "."),
            e
        ),
    }
}

/// Reads `{style, formats}` from the JS options object.
fn request_from(opts: &Json) -> Request {
    let style = match opts.get("style").and_then(Json::as_str) {
        Some("tv4") => Style::Tv4,
        _ => Style::Ajv,
    };
    let custom_formats = opts
        .get("formats")
        .and_then(Json::as_array)
        .map(|list| {
            list.iter()
                .filter_map(|f| {
                    let name = f.get("name")?.as_str()?.to_string();
                    let pattern = f.get("pattern").and_then(Json::as_str).map(str::to_string);
                    Some((name, pattern))
                })
                .collect()
        })
        .unwrap_or_default();
    Request {
        style,
        custom_formats,
    }
}

/// Registers `__postie.schema.validate(schema, data, options)`, which returns
/// `{errors: [record…], missing: [uri…]}` or throws an Error with the library's text.
pub(crate) fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> rquickjs::Result<()> {
    let cache = Rc::new(RefCell::new(Cache::default()));
    let obj = Object::new(ctx.clone())?;
    obj.set(
        "validate",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, schema: Value<'js>, data: Value<'js>, opts: Value<'js>| {
                let schema = crate::script::convert::from_js(&ctx, schema)?;
                let data = crate::script::convert::from_js(&ctx, data)?;
                let opts = crate::script::convert::from_js(&ctx, opts)?;
                let req = request_from(&opts);
                let result = cache.borrow_mut().validate(&schema, &data, &req);
                match result {
                    Ok(out) => {
                        let errors: Vec<Json> = out.errors.iter().map(Record::to_json).collect();
                        let v = json!({"errors": errors, "missing": out.missing});
                        crate::script::convert::to_js(&ctx, &v)
                    }
                    Err(e) => Err(rquickjs::Exception::throw_message(&ctx, &e.0)),
                }
            },
        )?,
    )?;
    native.set("schema", obj)?;
    Ok(())
}

#[cfg(test)]
mod tests;
