//! PARSE: Postman collections, environments and globals, read from files or URLs into the typed
//! model of [`model`]. Owns versions (v1 → v2.1, v2.0 auth shapes), encodings and positioned load
//! errors. No network beyond fetching the file itself, no variable resolution, no JS.

pub mod model;

pub use model::*;

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
