//! The variables a variant's scripts set, and their final values: what `postie compare` puts
//! side by side. A variable counts as set by a script when its value in the environment,
//! collection or globals scope at the end differs from the start (new, changed or unset). Its
//! final value is the effective one (environment over collection over globals).

use crate::collection::Variable;
use crate::run::FinalScopes;
use crate::vars::VariableScope;
use indexmap::IndexMap;
use serde_json::Value;

/// One variable's final value in one variant.
#[derive(Debug, Clone, PartialEq)]
pub struct FinalValue {
    pub value: Value,
    /// Secret-typed in the scope it came from.
    pub secret: bool,
}

/// A variant's variables at the end of its run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VariableSnapshot {
    /// Names a script set (or unset), in first-seen order.
    pub changed: Vec<String>,
    /// Every variable's effective final value.
    pub values: IndexMap<String, FinalValue>,
}

/// What a variant started from: its environment, the collection's variables, the globals.
#[derive(Debug, Clone, Copy)]
pub struct Initial<'a> {
    pub environment: &'a VariableScope,
    pub collection: &'a [Variable],
    pub globals: &'a VariableScope,
}

/// Compares the end of a run with its start.
pub fn snapshot(initial: Initial<'_>, end: &FinalScopes) -> VariableSnapshot {
    let pairs: [(&[Variable], &[Variable]); 3] = [
        (&initial.environment.values, &end.environment),
        (initial.collection, &end.collection),
        (&initial.globals.values, &end.globals),
    ];
    let mut changed: Vec<String> = Vec::new();
    for (before, after) in pairs {
        let before = enabled(before);
        let after = enabled(after);
        let names = before.keys().chain(after.keys());
        for name in names {
            let differs = before.get(name).map(|v| &v.value) != after.get(name).map(|v| &v.value);
            if differs && !changed.contains(name) {
                changed.push(name.clone());
            }
        }
    }
    let mut values: IndexMap<String, FinalValue> = IndexMap::new();
    // Lowest precedence first, so higher scopes overwrite.
    for scope in [&end.globals, &end.collection, &end.environment] {
        for (name, v) in enabled(scope) {
            values.insert(
                name,
                FinalValue {
                    value: v.value.clone(),
                    secret: v.is_secret(),
                },
            );
        }
    }
    VariableSnapshot { changed, values }
}

/// Enabled variables by name (the last entry of a name wins).
fn enabled(list: &[Variable]) -> IndexMap<String, &Variable> {
    let mut out = IndexMap::new();
    for v in list.iter().filter(|v| v.enabled) {
        out.insert(v.key.clone(), v);
    }
    out
}

/// Parts of names that mark a variable as holding a credential.
const SECRET_WORDS: [&str; 14] = [
    "token",
    "password",
    "passwd",
    "pwd",
    "secret",
    "apikey",
    "api_key",
    "api-key",
    "credential",
    "private",
    "session",
    "cookie",
    "signature",
    "jwt",
];

/// True for names like `access_token`, `clientSecret`, `adminPassword`, `apiKey`.
pub fn looks_secret(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    SECRET_WORDS.iter().any(|w| lower.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scope(vars: &[(&str, &str)]) -> VariableScope {
        VariableScope::new(vars.iter().map(|(k, v)| Variable::new(*k, *v)).collect())
    }

    #[test]
    fn new_changed_and_unset_variables_count_as_set() {
        let env = scope(&[("baseUrl", "http://a"), ("keep", "1"), ("gone", "x")]);
        let globals = scope(&[]);
        let collection = vec![Variable::new("c", "1")];
        let end = FinalScopes {
            environment: vec![
                Variable::new("baseUrl", "http://a"),
                Variable::new("keep", "2"),
                Variable {
                    kind: "secret".into(),
                    ..Variable::new("token", "abc")
                },
            ],
            collection: vec![Variable::new("c", "1")],
            globals: vec![Variable::new("g", "new"), Variable::new("keep", "global")],
            ..FinalScopes::default()
        };
        let snap = snapshot(
            Initial {
                environment: &env,
                collection: &collection,
                globals: &globals,
            },
            &end,
        );
        assert_eq!(snap.changed, ["keep", "gone", "token", "g"]);
        // The environment's value wins over the globals' one.
        assert_eq!(snap.values["keep"].value, "2");
        assert!(snap.values["token"].secret);
        assert!(!snap.values.contains_key("gone"));
        assert_eq!(snap.values["g"].value, "new");
    }

    #[test]
    fn credential_like_names() {
        for n in [
            "access_token",
            "clientSecret",
            "adminPassword",
            "apiKey",
            "SESSION_ID",
        ] {
            assert!(looks_secret(n), "{n}");
        }
        for n in ["baseUrl", "expires_in", "region", "authPath"] {
            assert!(!looks_secret(n), "{n}");
        }
    }
}
