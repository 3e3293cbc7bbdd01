//! Natives over the variable scopes: get/has/set/unset/clear/toObject/toJSON of one scope or the
//! merged view, `replaceIn`, and the vault (`pm.vault`). Values cross as JSON values, so scripts
//! keep numbers, booleans and objects. `pm.iterationData` writes last only for the script that
//! made them (Newman gives each script its own copy of the data row). `replaceIn` is the shared
//! resolver's [`Scopes::replace`] (dynamic variables included).

use super::Shared;
use crate::script::convert::{from_js, to_js};
use crate::vars::{to_js_string, Scopes, VariableScope};
use rquickjs::function::Opt;
use rquickjs::{Ctx, Function, Object, Value};
use serde_json::{json, Value as Json};

fn scope_mut<'a>(scopes: &'a mut Scopes, name: &str) -> Option<&'a mut VariableScope> {
    Some(match name {
        "environment" => &mut scopes.environment,
        "globals" => &mut scopes.globals,
        "collectionVariables" => &mut scopes.collection,
        "variables" => &mut scopes.local,
        "iterationData" => &mut scopes.data,
        _ => return None,
    })
}

fn scope_ref<'a>(scopes: &'a Scopes, name: &str) -> Option<&'a VariableScope> {
    Some(match name {
        "environment" => &scopes.environment,
        "globals" => &scopes.globals,
        "collectionVariables" => &scopes.collection,
        "variables" => &scopes.local,
        "iterationData" => &scopes.data,
        _ => return None,
    })
}

/// Runs `f` on a scope about to change, keeping the data row of the script's start to restore.
fn write(s: &Shared, scope: &str, f: impl FnOnce(&mut VariableScope)) {
    let mut st = s.borrow_mut();
    if scope == "iterationData" && st.data_backup.is_none() {
        st.data_backup = Some(st.scopes.data.clone());
    }
    if let Some(sc) = scope_mut(&mut st.scopes, scope) {
        f(sc);
    }
}

pub(super) fn install<'js>(
    ctx: &Ctx<'js>,
    obj: &Object<'js>,
    state: &Shared,
) -> rquickjs::Result<()> {
    reads(ctx, obj, state)?;
    writes(ctx, obj, state)?;
    vault(ctx, obj, state)
}

fn reads<'js>(ctx: &Ctx<'js>, obj: &Object<'js>, state: &Shared) -> rquickjs::Result<()> {
    let s = state.clone();
    obj.set(
        "varGet",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, scope: String, key: String| {
                let st = s.borrow();
                let found = if scope == "merged" {
                    st.scopes.get(&key)
                } else {
                    scope_ref(&st.scopes, &scope).and_then(|sc| sc.get(&key))
                };
                match found {
                    Some(v) => to_js(&ctx, v),
                    None => Ok(Value::new_undefined(ctx.clone())),
                }
            },
        )?,
    )?;
    let s = state.clone();
    obj.set(
        "varHas",
        Function::new(ctx.clone(), move |scope: String, key: String| {
            let st = s.borrow();
            if scope == "merged" {
                st.scopes.has(&key)
            } else {
                scope_ref(&st.scopes, &scope).is_some_and(|sc| sc.has(&key))
            }
        })?,
    )?;
    let s = state.clone();
    obj.set(
        "varObject",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, scope: String| {
            let st = s.borrow();
            let map = if scope == "merged" {
                st.scopes.to_object()
            } else {
                scope_ref(&st.scopes, &scope)
                    .map(VariableScope::to_object)
                    .unwrap_or_default()
            };
            to_js(&ctx, &Json::Object(map.into_iter().collect()))
        })?,
    )?;
    let s = state.clone();
    obj.set(
        "scopeJSON",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, scope: String| {
            let st = s.borrow();
            let v = scope_ref(&st.scopes, &scope)
                .map(scope_json)
                .unwrap_or(Json::Null);
            to_js(&ctx, &v)
        })?,
    )?;
    let s = state.clone();
    obj.set(
        "scopeName",
        Function::new(ctx.clone(), move |scope: String| {
            let st = s.borrow();
            scope_ref(&st.scopes, &scope).and_then(|sc| sc.name.clone())
        })?,
    )?;
    let s = state.clone();
    obj.set(
        "scopeId",
        Function::new(ctx.clone(), move |scope: String| {
            let st = s.borrow();
            scope_ref(&st.scopes, &scope).and_then(|sc| sc.id.clone())
        })?,
    )?;
    let s = state.clone();
    obj.set(
        "replaceIn",
        Function::new(ctx.clone(), move |scope: String, text: String| {
            let st = s.borrow();
            if scope == "merged" {
                return st.scopes.replace(&text);
            }
            let Some(sc) = scope_ref(&st.scopes, &scope) else {
                return text;
            };
            let mut only = Scopes::default();
            match scope.as_str() {
                "environment" => only.environment = sc.clone(),
                "globals" => only.globals = sc.clone(),
                "collectionVariables" => only.collection = sc.clone(),
                "iterationData" => only.data = sc.clone(),
                _ => only.local = sc.clone(),
            }
            only.replace(&text)
        })?,
    )?;
    Ok(())
}

/// A scope as the SDK's `VariableScope#toJSON` gives it.
fn scope_json(sc: &VariableScope) -> Json {
    let values: Vec<Json> = sc
        .values
        .iter()
        .map(|v| {
            let mut o = json!({"key": v.key, "value": v.value, "type": v.kind});
            if !v.enabled {
                o["disabled"] = Json::Bool(true);
            }
            o
        })
        .collect();
    let mut out = serde_json::Map::new();
    if let Some(id) = &sc.id {
        out.insert("id".into(), Json::String(id.clone()));
    }
    if let Some(name) = &sc.name {
        out.insert("name".into(), Json::String(name.clone()));
    }
    out.insert("values".into(), Json::Array(values));
    Json::Object(out)
}

fn writes<'js>(ctx: &Ctx<'js>, obj: &Object<'js>, state: &Shared) -> rquickjs::Result<()> {
    let s = state.clone();
    obj.set(
        "varSet",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>,
                  scope: String,
                  key: String,
                  value: Value<'js>,
                  kind: Opt<String>| {
                let value = from_js(&ctx, value)?;
                write(&s, &scope, |sc| match kind.0 {
                    Some(kind) => sc.set_typed(&key, value, &kind),
                    None => sc.set(&key, value),
                });
                Ok::<_, rquickjs::Error>(())
            },
        )?,
    )?;
    let s = state.clone();
    obj.set(
        "varUnset",
        Function::new(ctx.clone(), move |scope: String, key: String| {
            write(&s, &scope, |sc| sc.unset(&key));
        })?,
    )?;
    let s = state.clone();
    obj.set(
        "varClear",
        Function::new(ctx.clone(), move |scope: String| {
            write(&s, &scope, VariableScope::clear);
        })?,
    )?;
    Ok(())
}

fn vault<'js>(ctx: &Ctx<'js>, obj: &Object<'js>, state: &Shared) -> rquickjs::Result<()> {
    let s = state.clone();
    obj.set(
        "vaultGet",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, key: String| {
            let st = s.borrow();
            match st.scopes.vault.get(&key) {
                Some(Json::String(v)) => to_js(&ctx, &Json::String(v.clone())),
                Some(Json::Null) | None => Ok(Value::new_undefined(ctx.clone())),
                Some(other) => to_js(&ctx, &Json::String(to_js_string(other))),
            }
        })?,
    )?;
    let s = state.clone();
    obj.set(
        "vaultSet",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, key: String, value: Value<'js>| {
                let value = from_js(&ctx, value)?;
                s.borrow_mut().scopes.vault.set(&key, value);
                Ok::<_, rquickjs::Error>(())
            },
        )?,
    )?;
    let s = state.clone();
    obj.set(
        "vaultUnset",
        Function::new(ctx.clone(), move |key: String| {
            s.borrow_mut().scopes.vault.unset(&key);
        })?,
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collection::Variable;

    #[test]
    fn scope_json_has_the_sdk_shape() {
        let mut sc = VariableScope::new(vec![
            Variable::new("a", 1),
            Variable {
                enabled: false,
                ..Variable::new("b", "x")
            },
        ]);
        sc.name = Some("Env".into());
        assert_eq!(
            scope_json(&sc),
            json!({"name": "Env", "values": [
                {"key": "a", "value": 1, "type": "default"},
                {"key": "b", "value": "x", "type": "default", "disabled": true}
            ]})
        );
    }

    #[test]
    fn every_script_scope_name_maps_to_a_scope() {
        let mut scopes = Scopes::default();
        for name in [
            "environment",
            "globals",
            "collectionVariables",
            "variables",
            "iterationData",
        ] {
            assert!(scope_mut(&mut scopes, name).is_some(), "{name}");
        }
        assert!(scope_ref(&scopes, "vault").is_none());
    }
}
