//! Variable scopes (globals, collection, environment, iteration data, local) with the Postman
//! SDK's list semantics: `get`/`has` see the last enabled entry of a key, `set` updates it or
//! appends, `unset` removes every enabled entry of the key.

use crate::collection::Variable;
use indexmap::IndexMap;
use serde_json::Value;

/// One scope: an ordered list of variable definitions.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VariableScope {
    /// `name` of the environment/globals file, if any.
    pub name: Option<String>,
    /// `id` of the environment/globals file, if any.
    pub id: Option<String>,
    pub values: Vec<Variable>,
}

impl VariableScope {
    pub fn new(values: Vec<Variable>) -> Self {
        VariableScope {
            name: None,
            id: None,
            values,
        }
    }

    fn last_enabled(&self, key: &str) -> Option<usize> {
        self.values.iter().rposition(|v| v.enabled && v.key == key)
    }

    /// The value of the last enabled entry named `key`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.last_enabled(key).map(|i| &self.values[i].value)
    }

    /// The last enabled entry named `key`.
    pub fn get_var(&self, key: &str) -> Option<&Variable> {
        self.last_enabled(key).map(|i| &self.values[i])
    }

    pub fn has(&self, key: &str) -> bool {
        self.last_enabled(key).is_some()
    }

    /// Updates the last enabled entry named `key`, or appends a new one (type `default`).
    pub fn set(&mut self, key: &str, value: Value) {
        match self.last_enabled(key) {
            Some(i) => self.values[i].value = value,
            None => self.values.push(Variable::new(key, value)),
        }
    }

    /// Like [`set`](Self::set), also setting the type (`secret`, `default`, …).
    pub fn set_typed(&mut self, key: &str, value: Value, kind: &str) {
        self.set(key, value);
        if let Some(i) = self.last_enabled(key) {
            self.values[i].kind = kind.to_string();
        }
    }

    /// Removes every enabled entry named `key`.
    pub fn unset(&mut self, key: &str) {
        self.values.retain(|v| !(v.enabled && v.key == key));
    }

    /// Removes every entry.
    pub fn clear(&mut self) {
        self.values.clear();
    }

    /// Enabled variables as key → value (later entries win), in first-seen key order.
    pub fn to_object(&self) -> IndexMap<String, Value> {
        let mut out = IndexMap::new();
        for v in self.values.iter().filter(|v| v.enabled) {
            out.insert(v.key.clone(), v.value.clone());
        }
        out
    }

    /// True when the enabled entry named `key` is secret-typed.
    pub fn is_secret(&self, key: &str) -> bool {
        self.get_var(key).is_some_and(Variable::is_secret)
    }
}

/// All the scopes a request resolves against, highest precedence first:
/// local > iteration data > environment > collection > globals (then dynamic `{{$…}}`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scopes {
    /// Set by `pm.variables.set`; persists across the run (Newman 6 behaviour).
    pub local: VariableScope,
    /// The current iteration's data row.
    pub data: VariableScope,
    pub environment: VariableScope,
    pub collection: VariableScope,
    pub globals: VariableScope,
    /// Vault secrets, consulted only for `{{vault:key}}` tokens (after the five layers); not
    /// part of [`layers`](Self::layers). Empty unless the run provides them.
    pub vault: VariableScope,
}

impl Scopes {
    /// The scopes in precedence order, highest first.
    pub fn layers(&self) -> [&VariableScope; 5] {
        [
            &self.local,
            &self.data,
            &self.environment,
            &self.collection,
            &self.globals,
        ]
    }

    /// Looks `key` up through the layers (no dynamic variables).
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.layers().into_iter().find_map(|s| s.get(key))
    }

    pub fn has(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The merged view (`pm.variables.toObject()`): lower layers first, higher ones laid over.
    pub fn to_object(&self) -> IndexMap<String, Value> {
        let mut out = IndexMap::new();
        for layer in self.layers().into_iter().rev() {
            for (k, v) in layer.to_object() {
                out.insert(k, v);
            }
        }
        out
    }

    /// True when the variable `key` resolves to a secret-typed entry.
    pub fn is_secret(&self, key: &str) -> bool {
        self.layers()
            .into_iter()
            .find(|s| s.has(key))
            .is_some_and(|s| s.is_secret(key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn disabled(key: &str, value: &str) -> Variable {
        Variable {
            enabled: false,
            ..Variable::new(key, value)
        }
    }

    #[test]
    fn last_enabled_entry_wins_and_disabled_ones_are_skipped() {
        let s = VariableScope::new(vec![
            Variable::new("a", "1"),
            Variable::new("a", "2"),
            disabled("a", "3"),
        ]);
        assert_eq!(s.get("a"), Some(&json!("2")));
    }

    #[test]
    fn set_updates_last_enabled_or_appends() {
        let mut s = VariableScope::new(vec![Variable::new("a", "1"), disabled("b", "x")]);
        s.set("a", json!("9"));
        s.set("b", json!("y"));
        assert_eq!(s.values.len(), 3);
        assert_eq!(s.get("a"), Some(&json!("9")));
        assert_eq!(s.get("b"), Some(&json!("y")));
    }

    #[test]
    fn unset_removes_all_enabled_entries() {
        let mut s = VariableScope::new(vec![
            Variable::new("a", "1"),
            disabled("a", "2"),
            Variable::new("a", "3"),
        ]);
        s.unset("a");
        assert_eq!(s.values.len(), 1);
        assert!(!s.has("a"));
    }

    #[test]
    fn precedence_local_data_env_collection_globals() {
        let mut sc = Scopes::default();
        sc.globals.set("x", json!("g"));
        sc.collection.set("x", json!("c"));
        assert_eq!(sc.get("x"), Some(&json!("c")));
        sc.environment.set("x", json!("e"));
        assert_eq!(sc.get("x"), Some(&json!("e")));
        sc.data.set("x", json!("d"));
        assert_eq!(sc.get("x"), Some(&json!("d")));
        sc.local.set("x", json!("l"));
        assert_eq!(sc.get("x"), Some(&json!("l")));
        assert_eq!(sc.to_object()["x"], json!("l"));
    }
}
