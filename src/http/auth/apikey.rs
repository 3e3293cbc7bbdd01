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
    use super::*;
    use serde_json::json;

    fn auth(key: &str, value: &str, place: &str) -> Auth {
        let mut a = Auth {
            kind: "apikey".into(),
            ..Auth::default()
        };
        a.params.insert("key".into(), json!(key));
        a.params.insert("value".into(), json!(value));
        a.params.insert("in".into(), json!(place));
        a
    }

    #[test]
    fn header_and_query() {
        let mut h = vec![("x-api-key".to_string(), "old".to_string())];
        let mut q = Some(vec![("k".to_string(), Some("old".to_string()))]);
        let mut t = Target {
            headers: &mut h,
            query: &mut q,
        };
        sign(&auth("X-Api-Key", "v", "header"), &mut t).unwrap();
        sign(&auth("k", "new", "query"), &mut t).unwrap();
        assert_eq!(h, vec![("X-Api-Key".into(), "v".into())]);
        assert_eq!(q, Some(vec![("k".into(), Some("new".into()))]));
    }
}
