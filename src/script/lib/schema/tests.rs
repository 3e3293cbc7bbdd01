//! Error shapes and order for both libraries on small schemas (the full comparison with the
//! real libraries is tests/libs_table.rs).

use super::*;
use serde_json::json;

fn run(style: Style, schema: Json, data: Json) -> Vec<(String, String, String)> {
    let req = Request {
        style,
        custom_formats: Vec::new(),
    };
    let out = Cache::default()
        .validate(&schema, &data, &req)
        .expect("valid schema");
    out.errors
        .iter()
        .map(|r| {
            let path = match style {
                Style::Ajv => r.data_path.clone(),
                Style::Tv4 => r.pointer.clone(),
            };
            (r.keyword.clone(), path, r.schema.join("/"))
        })
        .collect()
}

fn kw(list: &[(String, String, String)]) -> Vec<&str> {
    list.iter().map(|(k, _, _)| k.as_str()).collect()
}

#[test]
fn ajv_orders_groups_before_untyped_keywords() {
    let e = run(
        Style::Ajv,
        json!({"type":"string","minLength":5,"enum":["a"],"const":"b"}),
        json!("abc"),
    );
    assert_eq!(kw(&e), ["minLength", "const", "enum"]);
    let e = run(
        Style::Ajv,
        json!({"type":"integer","minimum":5}),
        json!(1.5),
    );
    assert_eq!(kw(&e), ["type", "minimum"]);
}

#[test]
fn ajv_object_order_and_paths() {
    let schema = json!({"type":"object","properties":{"b":{"type":"string"},"a-b":{"type":"number"}},
        "required":["c"],"additionalProperties":false});
    let e = run(Style::Ajv, schema, json!({"a-b":"x","b":1,"z":1,"y":2}));
    let got: Vec<(&str, &str)> = e.iter().map(|(k, p, _)| (k.as_str(), p.as_str())).collect();
    assert_eq!(
        got,
        [
            ("required", ""),
            ("additionalProperties", ""),
            ("additionalProperties", ""),
            ("type", ".b"),
            ("type", "['a-b']"),
        ]
    );
}

#[test]
fn ajv_if_then_adds_an_if_error_after_the_branch() {
    let e = run(
        Style::Ajv,
        json!({"if":{"minimum":3},"then":{"multipleOf":2}}),
        json!(5),
    );
    assert_eq!(kw(&e), ["multipleOf", "if"]);
    assert_eq!(e[1].2, "if");
}

#[test]
fn ajv_refs_report_the_definition_path() {
    let schema = json!({"definitions":{"p":{"required":["id"]}},"properties":{"a":{"$ref":"#/definitions/p"}}});
    let e = run(Style::Ajv, schema, json!({"a":{}}));
    assert_eq!(
        e,
        [(
            "required".into(),
            ".a".into(),
            "definitions/p/required".into()
        )]
    );
}

#[test]
fn ajv_rejects_unknown_formats_and_missing_refs() {
    let req = Request {
        style: Style::Ajv,
        custom_formats: Vec::new(),
    };
    let err = Cache::default()
        .validate(&json!({"format":"foo"}), &json!(1), &req)
        .unwrap_err();
    assert_eq!(
        err.0,
        "unknown format \"foo\" is used in schema at path \"#\""
    );
    let err = Cache::default()
        .validate(
            &json!({"properties":{"a":{"$ref":"#/definitions/x"}}}),
            &json!(1),
            &req,
        )
        .unwrap_err();
    assert_eq!(err.0, "can't resolve reference #/definitions/x from id #");
}

#[test]
fn ajv_fast_formats_are_loose() {
    let ok = run(
        Style::Ajv,
        json!({"format":"date-time"}),
        json!("2020-01-01 10:00:00Z"),
    );
    assert!(ok.is_empty());
    let bad = run(Style::Ajv, json!({"format":"email"}), json!("x"));
    assert_eq!(kw(&bad), ["format"]);
}

#[test]
fn tv4_stops_at_type_or_enum_and_keeps_one_per_group() {
    let e = run(
        Style::Tv4,
        json!({"type":"string","minLength":5,"enum":["a"]}),
        json!("abc"),
    );
    assert_eq!(kw(&e), ["enum"]);
    let e = run(Style::Tv4, json!({"maximum":2,"multipleOf":2}), json!(7));
    assert_eq!(kw(&e), ["multipleOf"]);
    let e = run(
        Style::Tv4,
        json!({"anyOf":[{"required":["a"]}],"oneOf":[{"type":"string"}]}),
        json!({}),
    );
    assert_eq!(kw(&e), ["anyOf"]);
}

#[test]
fn tv4_orders_properties_by_data_key() {
    let schema = json!({"properties":{"b":{"type":"string"},"a":{"type":"number"}},"additionalProperties":false});
    let e = run(Style::Tv4, schema, json!({"a":"x","z":1,"b":1}));
    let got: Vec<(&str, &str)> = e.iter().map(|(k, p, _)| (k.as_str(), p.as_str())).collect();
    assert_eq!(
        got,
        [("type", "/a"), ("additionalProperties", ""), ("type", "/b")]
    );
}

#[test]
fn tv4_lists_missing_references() {
    let req = Request {
        style: Style::Tv4,
        custom_formats: Vec::new(),
    };
    let schema = json!({"properties":{"a":{"$ref":"http://example.com/x.json#/y"}}});
    let out = Cache::default()
        .validate(&schema, &json!({"a":1}), &req)
        .expect("ok");
    assert!(out.errors.is_empty());
    assert_eq!(out.missing, ["http://example.com/x.json"]);
}

#[test]
fn any_of_keeps_each_branch() {
    let req = Request {
        style: Style::Ajv,
        custom_formats: Vec::new(),
    };
    let schema = json!({"properties":{"a":{"anyOf":[{"type":"string"},{"minimum":3}]}}});
    let out = Cache::default()
        .validate(&schema, &json!({"a":1}), &req)
        .expect("ok");
    assert_eq!(out.errors.len(), 1);
    let sub = &out.errors[0].sub;
    assert_eq!(sub.len(), 2);
    assert_eq!(sub[0][0].data_path, ".a");
    assert_eq!(sub[1][0].keyword, "minimum");
}
