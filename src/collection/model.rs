//! The typed model of a Postman collection (v2.1 shape; v2.0 and v1 are normalised into it by
//! `load`). Plain data: no I/O, no variable resolution, no JS.

use indexmap::IndexMap;
use serde_json::Value;

/// A whole collection: `info`, the item tree, and the collection-level scripts, variables and auth.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Collection {
    pub info: Info,
    pub items: Vec<Item>,
    pub events: Vec<Event>,
    pub variables: Vec<Variable>,
    pub auth: Option<Auth>,
    pub protocol_profile_behavior: Behavior,
    /// The collection as loaded, normalised to v2.1 JSON (ids filled in), as compact JSON text:
    /// for `--export-collection` and the JSON report's `collection` field. Text, shared, because
    /// a parsed `Value` of a large collection costs many times its size in memory.
    pub raw: std::sync::Arc<String>,
    /// The file was a v1 collection (`order`/`requests`), converted on load.
    pub from_v1: bool,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Info {
    /// `info._postman_id`, or a fresh UUID v4 when the file has none.
    pub id: String,
    pub name: String,
    /// `info.schema` as written (`…/v2.1.0/collection.json`), if any.
    pub schema: Option<String>,
    pub description: Option<String>,
}

/// An entry of an `item[]` list: a request or a folder.
// Items are built once per load and walked by reference; boxing would only add indirection.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Request(RequestItem),
    Folder(Folder),
}

/// A folder (Postman's ItemGroup).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Folder {
    /// `id` from the file, or a fresh UUID v4.
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub items: Vec<Item>,
    pub events: Vec<Event>,
    /// `None`: inherit from the parent. `Some(Auth { kind: "noauth", .. })` stops inheritance.
    pub auth: Option<Auth>,
    pub protocol_profile_behavior: Behavior,
    pub variables: Vec<Variable>,
}

/// An item that sends a request.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RequestItem {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub request: Request,
    pub events: Vec<Event>,
    pub protocol_profile_behavior: Behavior,
    pub variables: Vec<Variable>,
}

/// `protocolProfileBehavior`: kept as the JSON object it is (keys such as `followRedirects`,
/// `maxRedirects`, `disableBodyPruning`, `strictSSL`, `disabledSystemHeaders`); levels merge with
/// the nearer one winning (`Behavior::merged`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Behavior(pub serde_json::Map<String, Value>);

impl Behavior {
    /// This behaviour with `nearer`'s keys laid over it.
    pub fn merged(&self, nearer: &Behavior) -> Behavior {
        let mut out = self.0.clone();
        for (k, v) in &nearer.0 {
            out.insert(k.clone(), v.clone());
        }
        Behavior(out)
    }
    pub fn bool(&self, key: &str) -> Option<bool> {
        self.0.get(key).and_then(Value::as_bool)
    }
    pub fn u64(&self, key: &str) -> Option<u64> {
        self.0.get(key).and_then(Value::as_u64)
    }
}

/// A request definition, unresolved (`{{vars}}` still in place).
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub url: Url,
    /// Upper-cased as written (`GET` when absent). Any token is allowed (custom methods).
    pub method: String,
    pub headers: Vec<Header>,
    pub body: Option<Body>,
    /// `None`: inherit. See [`Folder::auth`].
    pub auth: Option<Auth>,
    pub description: Option<String>,
}

impl Default for Request {
    fn default() -> Self {
        Request {
            url: Url::default(),
            method: "GET".into(),
            headers: Vec::new(),
            body: None,
            auth: None,
            description: None,
        }
    }
}

/// A URL as Postman models it. When the file gives an object, its components win over `raw`;
/// when it gives a string, the string is parsed into components (Postman's SDK `Url.parse`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Url {
    /// The raw string, as written in the file (informational once components exist).
    pub raw: String,
    /// `http`, `https`, … without `://`; `None` when the URL has no protocol (sent as http).
    pub protocol: Option<String>,
    /// `user:password@` part, if any.
    pub auth: Option<UrlAuth>,
    /// Host labels (`["api", "example", "com"]`, or one label `{{host}}`).
    pub host: Vec<String>,
    pub port: Option<String>,
    /// Path segments (without slashes); `:name` segments are path variables.
    pub path: Vec<String>,
    pub query: Vec<QueryParam>,
    pub hash: Option<String>,
    /// Path variables (`url.variable`), used to replace `:name` segments.
    pub variables: Vec<Variable>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct UrlAuth {
    pub user: String,
    pub password: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct QueryParam {
    pub key: Option<String>,
    /// `None` renders as `key` with no `=`.
    pub value: Option<String>,
    pub disabled: bool,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Header {
    pub key: String,
    pub value: String,
    pub disabled: bool,
}

/// A request body. `mode` is one of `raw`, `urlencoded`, `formdata`, `file`, `graphql` (others
/// send nothing).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Body {
    pub mode: String,
    pub raw: Option<String>,
    pub urlencoded: Vec<FormParam>,
    pub formdata: Vec<FormParam>,
    pub file: Option<FileRef>,
    pub graphql: Option<GraphQl>,
    /// `options` as written (`{"raw": {"language": "json"}}`).
    pub options: Option<Value>,
    pub disabled: bool,
}

impl Body {
    /// `options.raw.language` (`json`, `xml`, `text`, `html`, `javascript`), if given.
    pub fn raw_language(&self) -> Option<&str> {
        self.options.as_ref()?.get("raw")?.get("language")?.as_str()
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct FormParam {
    pub key: String,
    pub value: Option<String>,
    /// `text` (default) or `file`.
    pub kind: String,
    /// File paths for `file` parameters (a `src` string becomes one entry).
    pub src: Vec<String>,
    pub content_type: Option<String>,
    pub disabled: bool,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct FileRef {
    pub src: Option<String>,
    /// Base64 content when there is no `src`.
    pub content: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct GraphQl {
    pub query: String,
    /// `variables` as written: an object, or a JSON string.
    pub variables: Option<Value>,
    pub operation_name: Option<String>,
}

/// An auth block, normalised: v2.0 objects and v2.1 `[{key, value, type}]` lists both become an
/// ordered key → value map.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Auth {
    /// `noauth`, `basic`, `bearer`, `apikey`, `digest`, `oauth1`, `oauth2`, `hawk`, `awsv4`,
    /// `ntlm`, `edgegrid`, `jwt`, `asap`, … as written.
    pub kind: String,
    pub params: IndexMap<String, Value>,
}

impl Collection {
    /// [`raw`](Self::raw) parsed back into a JSON value.
    pub fn raw_value(&self) -> Value {
        serde_json::from_str(&self.raw).unwrap_or(Value::Null)
    }
}

impl Auth {
    /// A parameter as a string (numbers and booleans stringified), if present.
    pub fn param(&self, key: &str) -> Option<String> {
        match self.params.get(key)? {
            Value::String(s) => Some(s.clone()),
            Value::Null => None,
            other => Some(other.to_string()),
        }
    }
}

/// A script attached to a collection, folder or item.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Event {
    /// `prerequest` or `test` (others are kept but never run).
    pub listen: String,
    pub script: Script,
    pub disabled: bool,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Script {
    pub id: Option<String>,
    /// `exec` lines joined with `\n`; one allocation shared by the items whose scripts are
    /// identical (big generated collections repeat the same test script thousands of times).
    pub exec: std::sync::Arc<str>,
    pub name: Option<String>,
    /// `packages` (for `pm.require`), as written.
    pub packages: Option<Value>,
}

/// A variable definition: collection `variable[]`, environment/globals `values[]`, `url.variable`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Variable {
    pub key: String,
    /// Usually a string; scripts may store numbers, booleans, objects.
    pub value: Value,
    /// `default`, `secret`, `string`, `any`, … as written (`default` when absent).
    pub kind: String,
    /// False when the file says `"enabled": false` or `"disabled": true` (the Postman app's
    /// rule; Newman's bug #2986 ignores `enabled: false`).
    pub enabled: bool,
    pub description: Option<String>,
}

impl Variable {
    pub fn new(key: impl Into<String>, value: impl Into<Value>) -> Self {
        Variable {
            key: key.into(),
            value: value.into(),
            kind: "default".into(),
            enabled: true,
            description: None,
        }
    }
    pub fn is_secret(&self) -> bool {
        self.kind == "secret"
    }
}
