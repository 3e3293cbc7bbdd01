//! Iteration data files (`-d`): JSON (a list of objects, one per iteration) or CSV (a header row,
//! then one row per iteration). Unquoted CSV fields are cast as Newman casts them: `7890` → 7890,
//! `007` → 7, `1e5` → 100000, `0x10` → 0; quoted fields stay strings.
//!
//! Unlike Newman, JSON that is not a list of objects is an error (Newman silently runs with no
//! data, the Postman app refuses the file), text that starts with `[` or `{` is reported as broken
//! JSON rather than read as CSV, and blank CSV lines are skipped.

use super::csv::{records, CsvError, Field};
use super::jsnum::auto_cast;
use crate::collection::{decode_text, LoadError, Subject};
use indexmap::IndexMap;
use serde_json::Value;

/// One iteration's variables.
pub type DataRow = IndexMap<String, Value>;

/// Reads a data file (`source`: the path or URL as given, for messages).
pub fn parse_data(bytes: &[u8], source: &str) -> Result<Vec<DataRow>, LoadError> {
    let text = decode_text(bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let start = text.trim_start();
    if start.is_empty() {
        return Ok(Vec::new());
    }
    if start.starts_with('[') || start.starts_with('{') {
        let value = crate::collection::json::parse_json(text, source)?;
        return json_rows(value, source);
    }
    csv_rows(text, source)
}

fn shape_error(source: &str, path: String, message: String) -> LoadError {
    LoadError::shape(Subject::IterationData, source, path, message)
}

fn json_rows(value: Value, source: &str) -> Result<Vec<DataRow>, LoadError> {
    let rows = match value {
        Value::Array(rows) => rows,
        Value::Object(_) => {
            return Err(shape_error(
                source,
                String::new(),
                "expected a list of objects (one per iteration), found an object".into(),
            )
            .with_hint(Some(
                "wrap the object in [ ] to run one iteration with it".into(),
            )))
        }
        other => {
            let found = crate::collection::json::kind_of(&other);
            return Err(shape_error(
                source,
                String::new(),
                format!("expected a list of objects (one per iteration), found {found}"),
            ));
        }
    };
    rows.into_iter()
        .enumerate()
        .map(|(i, row)| match row {
            Value::Object(map) => Ok(map.into_iter().collect()),
            other => Err(shape_error(
                source,
                format!("[{i}]"),
                format!(
                    "expected an object (one iteration's variables), found {}",
                    crate::collection::json::kind_of(&other)
                ),
            )),
        })
        .collect()
}

fn csv_rows(text: &str, source: &str) -> Result<Vec<DataRow>, LoadError> {
    let mut records = records(text).map_err(|e: CsvError| {
        LoadError::csv(source, text, e.line, e.column, e.message).with_hint(Some(
            "a field that starts with \" must end with \"; write a quote inside it as \"\"".into(),
        ))
    })?;
    if records.is_empty() {
        return Ok(Vec::new());
    }
    let header: Vec<String> = records.remove(0).into_iter().map(|f| f.text).collect();
    Ok(records
        .into_iter()
        .map(|record| {
            header
                .iter()
                .zip(record)
                .map(|(column, field)| (column.clone(), cast(field)))
                .collect()
        })
        .collect())
}

fn cast(field: Field) -> Value {
    if field.quoted {
        Value::String(field.text)
    } else {
        auto_cast(&field.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn rows(text: &str) -> Vec<Value> {
        parse_data(text.as_bytes(), "data")
            .unwrap()
            .into_iter()
            .map(|r| Value::Object(r.into_iter().collect()))
            .collect()
    }

    #[test]
    fn json_lists_of_objects() {
        assert_eq!(
            rows("[{\"a\": 1, \"b\": null}, {}]"),
            vec![json!({"a": 1, "b": null}), json!({})]
        );
        assert!(rows("  \n").is_empty());
    }

    #[test]
    fn json_that_is_not_a_list_of_objects_is_refused() {
        let err = parse_data(b"{\"a\": 1}", "d.json").unwrap_err();
        assert!(err.hint().unwrap().contains("[ ]"));
        assert_eq!(
            err.title(),
            "the file at \"d.json\" is not valid iteration data"
        );
        let err = parse_data(b"[{}, 3]", "d.json").unwrap_err();
        assert_eq!(err.location_text().as_deref(), Some("d.json ([1])"));
        let err = parse_data(b"[{\"a\": 1,}]", "d.json").unwrap_err();
        assert!(err.title().contains("valid JSON"));
    }

    #[test]
    fn csv_with_casting() {
        let data = rows("name, n ,quoted,zero,exp,hex,neg\nAl,007,\"007\",0,1e5,0x10,-3\n");
        assert_eq!(
            data,
            vec![
                json!({"name": "Al", "n": 7, "quoted": "007", "zero": 0, "exp": 100000, "hex": 0, "neg": -3})
            ]
        );
    }

    #[test]
    fn csv_with_bom_and_ragged_rows() {
        let data = rows("\u{feff}c1, c2, c3\n\"123\", foo \"bar\" baz\n1,2,3,4\n");
        assert_eq!(data[0], json!({"c1": "123", "c2": "foo \"bar\" baz"}));
        assert_eq!(data[1], json!({"c1": 1, "c2": 2, "c3": 3}));
        let bom_bytes = [b"\xEF\xBB\xBF".as_slice(), b"a\nx\n"].concat();
        assert_eq!(parse_data(&bom_bytes, "d.csv").unwrap()[0]["a"], json!("x"));
    }

    #[test]
    fn bad_csv_reports_the_line() {
        let err = parse_data(b"a,b\n1,2\n3,\"4\n", "d.csv").unwrap_err();
        assert_eq!(err.location_text().as_deref(), Some("d.csv:3:3"));
        assert!(err.title().contains("CSV"));
        assert!(err.to_string().contains(" 3 | 3,\"4"), "{err}");
    }
}
