//! `apikey`: `key: value` as a header (default; replaces same-named headers case-insensitively)
//! or, with `in: query`, as a query parameter (replacing same-named parameters). Nothing when
//! `key` is empty.

use super::Target;
use crate::collection::Auth;
use crate::http::error::RequestError;

pub(super) fn sign(auth: &Auth, target: &mut Target<'_>) -> Result<(), RequestError> {
    let key = auth.param("key").unwrap_or_default();
    if key.is_empty() {
        return Ok(());
    }
    let value = auth.param("value").unwrap_or_default();
    if auth.param("in").as_deref() == Some("query") {
        let query = target.query.get_or_insert_with(Vec::new);
        query.retain(|(k, _)| *k != key);
        query.push((key, Some(value)));
    } else {
        target.replace_header(&key, value);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::test_target::{auth, Parts};
    use serde_json::json;

    #[test]
    fn header_and_query() {
        let mut p = Parts::new("GET", "http://x/?k=old");
        p.headers.push(("x-api-key".into(), "old".into()));
        let a = |k: &str, v: &str, place: &str| {
            auth(
                "apikey",
                &[("key", json!(k)), ("value", json!(v)), ("in", json!(place))],
            )
        };
        p.sign(&a("X-Api-Key", "v", "header")).unwrap();
        p.sign(&a("k", "new", "query")).unwrap();
        assert_eq!(p.headers, vec![("X-Api-Key".into(), "v".into())]);
        assert_eq!(p.href(), "http://x/?k=new");
    }
}
