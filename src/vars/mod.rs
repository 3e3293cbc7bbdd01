//! RESOLVE: variable scopes, `{{name}}` substitution with Postman's precedence and nesting,
//! dynamic `{{$…}}` variables, iteration data files.

pub mod scope;

pub use scope::{Scopes, VariableScope};
