//! `{{name}}` substitution with Postman's rules, and resolution of whole requests.
//!
//! * Tokens match `{{([^{}]*?)}}`; the name is taken literally (`{{ a }}` looks up `" a "`).
//! * Lookup: local > data > environment > collection > globals (last enabled entry of each),
//!   then `{{vault:key}}` in the vault, then dynamic `{{$name}}` (a user variable named `$guid`
//!   shadows the generator; every occurrence generates afresh). Values print as JS `String(v)`.
//! * Nested values resolve by repeated passes while something was replaced, at most
//!   [`SUBREPLACE_LIMIT`] passes: a 19-hop chain resolves, a 20-hop one leaves a token.
//! * Unresolved tokens stay verbatim.
//!
//! Requests resolve with [`Resolution::Request`]: there a data-row value that is `null` leaves
//! the token unresolved, as Newman does (objects and lists print, `[object Object]`, `1,2`);
//! [`Resolution::Script`] (`pm.variables.replaceIn`) prints it too (`"null"`).
//!
//! For the send stage: `let resolved = resolve_request(&request, &scopes);` then
//! `resolved.url.to_string()` is the final URL (`to_string_with_default_protocol()` adds the
//! `http://` Postman assumes when there is none).

use super::dynamic;
use super::jsstring::to_js_string;
use super::scope::{Scopes, VariableScope};
use crate::collection::{
    next_variable_token, Auth, Body, FileRef, FormParam, GraphQl, Header, Request, Url,
};
use serde_json::Value;
use std::borrow::Cow;

/// At most this many substitution passes (Postman's `VARS_SUBREPLACE_LIMIT`).
pub const SUBREPLACE_LIMIT: usize = 19;

/// Substitution stops growing a text past this many bytes (`a = {{a}}{{a}}{{a}}` would
/// otherwise need 3^19 copies); the remaining tokens are left as they are.
pub const MAX_SUBSTITUTED_LEN: usize = 32 << 20;

/// Which of Postman's two substitution flavours to apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// `pm.variables.replaceIn` and everything scripts see: every value is stringified.
    Script,
    /// The runtime resolving a request before sending: a data-row value that is `null`, an
    /// object or a list leaves its token unresolved.
    Request,
}

impl Scopes {
    /// `pm.variables.replaceIn(text)`.
    pub fn replace(&self, text: &str) -> String {
        self.substitute(text, Resolution::Script).into_owned()
    }

    /// Substitution as done on a request before it is sent.
    pub fn replace_for_request(&self, text: &str) -> String {
        self.substitute(text, Resolution::Request).into_owned()
    }

    /// Substitutes every `{{name}}` of `text`; borrows when there is nothing to replace.
    pub fn substitute<'t>(&self, text: &'t str, how: Resolution) -> Cow<'t, str> {
        let mut current = Cow::Borrowed(text);
        for _ in 0..SUBREPLACE_LIMIT {
            if !current.contains("{{") {
                break;
            }
            match self.pass(&current, how) {
                Some(next) => current = Cow::Owned(next),
                None => break,
            }
        }
        current
    }

    /// One pass over `text`; `None` when no token resolved.
    fn pass(&self, text: &str, how: Resolution) -> Option<String> {
        let mut out = String::new();
        let (mut copied, mut from) = (0, 0);
        while let Some((start, end)) = next_variable_token(text, from) {
            from = end;
            let Some(value) = text
                .get(start + 2..end - 2)
                .and_then(|n| self.lookup(n, how))
            else {
                continue;
            };
            if out.len() + value.len() + (text.len() - end) > MAX_SUBSTITUTED_LEN {
                break;
            }
            out.push_str(text.get(copied..start).unwrap_or(""));
            out.push_str(&value);
            copied = end;
        }
        if copied == 0 {
            return None;
        }
        out.push_str(text.get(copied..).unwrap_or(""));
        Some(out)
    }

    /// The text a `{{name}}` token becomes, or `None` to leave it.
    pub fn lookup(&self, name: &str, how: Resolution) -> Option<String> {
        let layers: [(&VariableScope, bool); 5] = [
            (&self.local, false),
            (&self.data, true),
            (&self.environment, false),
            (&self.collection, false),
            (&self.globals, false),
        ];
        for (layer, is_data) in layers {
            if let Some(value) = layer.get(name) {
                if is_data && how == Resolution::Request && value.is_null() {
                    return None;
                }
                return Some(to_js_string(value));
            }
        }
        if let Some(key) = name.strip_prefix("vault:") {
            return self.vault.get(key).map(to_js_string);
        }
        dynamic::generate(name.strip_prefix('$')?)
    }
}

/// Every string inside `value` substituted (object keys kept).
pub fn resolve_value(value: &Value, scopes: &Scopes, how: Resolution) -> Value {
    match value {
        Value::String(s) => Value::String(scopes.substitute(s, how).into_owned()),
        Value::Array(items) => Value::Array(
            items
                .iter()
                .map(|v| resolve_value(v, scopes, how))
                .collect(),
        ),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), resolve_value(v, scopes, how)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// The request with every string substituted: method, URL, header keys and values, every body
/// mode (form keys, values, `src`, content types; graphql query and variables; file `src`), auth
/// parameters. See the module docs for the URL.
pub fn resolve_request(req: &Request, scopes: &Scopes) -> Request {
    let sub = |s: &str| scopes.substitute(s, Resolution::Request).into_owned();
    Request {
        url: resolve_url(&req.url, scopes),
        method: sub(&req.method),
        headers: req
            .headers
            .iter()
            .map(|h| Header {
                key: sub(&h.key),
                value: sub(&h.value),
                disabled: h.disabled,
            })
            .collect(),
        body: req.body.as_ref().map(|b| resolve_body(b, scopes)),
        auth: req.auth.as_ref().map(|a| resolve_auth(a, scopes)),
        description: req.description.clone(),
    }
}

/// The URL as the runtime resolves it (`resolveVariables`): the string built from the components
/// (`Url#toString`, path variables applied with their values as written), substituted as a whole,
/// and parsed again, so that a variable may carry `/`, `?`, `#` or `:port`. `:name` segments whose
/// value is missing or empty stay literal. Like the runtime's re-parsed URL, the result has no
/// path variables left to apply.
pub fn resolve_url(url: &Url, scopes: &Scopes) -> Url {
    Url::parse(&scopes.substitute(&url.to_string(), Resolution::Request))
}

/// Auth parameters with their strings substituted.
pub fn resolve_auth(auth: &Auth, scopes: &Scopes) -> Auth {
    Auth {
        kind: auth.kind.clone(),
        params: auth
            .params
            .iter()
            .map(|(k, v)| (k.clone(), resolve_value(v, scopes, Resolution::Request)))
            .collect(),
    }
}

fn resolve_body(body: &Body, scopes: &Scopes) -> Body {
    let sub = |s: &str| scopes.substitute(s, Resolution::Request).into_owned();
    let param = |p: &FormParam| FormParam {
        key: sub(&p.key),
        value: p.value.as_deref().map(sub),
        kind: p.kind.clone(),
        src: p.src.iter().map(|s| sub(s)).collect(),
        content_type: p.content_type.as_deref().map(sub),
        disabled: p.disabled,
    };
    Body {
        mode: body.mode.clone(),
        raw: body.raw.as_deref().map(sub),
        urlencoded: body.urlencoded.iter().map(param).collect(),
        formdata: body.formdata.iter().map(param).collect(),
        file: body.file.as_ref().map(|f| FileRef {
            src: f.src.as_deref().map(sub),
            content: f.content.clone(),
        }),
        graphql: body.graphql.as_ref().map(|g| GraphQl {
            query: sub(&g.query),
            variables: g
                .variables
                .as_ref()
                .map(|v| resolve_value(v, scopes, Resolution::Request)),
            operation_name: g.operation_name.as_deref().map(sub),
        }),
        options: body.options.clone(),
        disabled: body.disabled,
    }
}

#[cfg(test)]
#[path = "resolve_tests.rs"]
mod tests;
