//! RESOLVE: variable scopes, `{{name}}` substitution with Postman's precedence and nesting,
//! dynamic `{{$…}}` variables, iteration data files.

mod csv;
pub mod data;
pub mod dynamic;
mod dynamic_gen;
mod dynamic_words;
mod jsnum;
pub mod jsstring;
pub mod resolve;
pub mod scope;

pub use data::{parse_data, DataRow};
pub use jsstring::{js_number_to_string, to_js_string};
pub use resolve::{
    resolve_auth, resolve_request, resolve_url, resolve_value, Resolution, MAX_SUBSTITUTED_LEN,
    SUBREPLACE_LIMIT,
};
pub use scope::{Scopes, VariableScope};
