//! PARSE: Postman collections, environments and globals, read from files or URLs into the typed
//! model of [`model`]. Owns versions (v1 → v2.1, v2.0 auth shapes), encodings and positioned load
//! errors. No network beyond fetching the file itself, no variable resolution, no JS.

mod decode;
pub mod encode;
pub mod environment;
pub mod error;
pub(crate) mod json;
pub mod load;
pub mod model;
mod normalize;
mod request;
mod stream;
pub mod text;
pub mod url;
mod v1;

pub use encode::{export_scope, url_to_json, variables_to_json};
pub use environment::{parse_environment, EnvironmentFile};
pub use error::{LoadError, Location, Subject};
pub use load::parse_collection;
pub use model::*;
pub use normalize::SCHEMA_V2_1;
pub use text::decode_text;
pub use url::{next_variable_token, query_string};

impl Item {
    pub fn id(&self) -> &str {
        match self {
            Item::Request(r) => &r.id,
            Item::Folder(f) => &f.id,
        }
    }
    pub fn name(&self) -> &str {
        match self {
            Item::Request(r) => &r.name,
            Item::Folder(f) => &f.name,
        }
    }
}
