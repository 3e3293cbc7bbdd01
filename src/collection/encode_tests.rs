use super::*;
use crate::collection::load::parse_collection;
use crate::collection::model::{GraphQl, Info};
use serde_json::json;

#[test]
fn collections_round_trip_through_to_json() {
    let source = json!({
        "info": {"name": "C", "_postman_id": "cid"},
        "item": [{"id": "f", "name": "F", "item": [
            {"id": "r", "name": "R", "request": {"method": "GET", "url": "http://h/:id",
             "header": [{"key": "A", "value": "1"}]},
             "event": [{"listen": "test", "script": {"exec": ["a", "b"]}}]}],
            "auth": {"type": "bearer", "bearer": {"token": "t"}}}],
        "variable": [{"key": "v", "value": "1"}, {"key": "w", "value": "2", "disabled": true}],
        "protocolProfileBehavior": {"strictSSL": false}
    });
    let c = parse_collection(source.to_string().as_bytes(), "c.json").unwrap();
    let json = c.to_json();
    assert_eq!(json["info"]["schema"], SCHEMA_V2_1);
    assert_eq!(json["item"][0]["auth"]["bearer"][0]["key"], "token");
    assert_eq!(json["variable"][1]["disabled"], true);
    let again = parse_collection(json.to_string().as_bytes(), "again.json").unwrap();
    assert_eq!(again.items, c.items);
    assert_eq!(again.variables, c.variables);
    assert_eq!(
        again.info,
        Info {
            schema: Some(SCHEMA_V2_1.into()),
            ..c.info.clone()
        }
    );
}

#[test]
fn export_scope_has_the_app_shape() {
    let values = vec![
        Variable::new("a", "1"),
        Variable {
            enabled: false,
            kind: "secret".into(),
            ..Variable::new("s", "x")
        },
    ];
    let out = export_scope("environment", Some("e1"), Some("Env"), &values);
    assert_eq!(out["id"], "e1");
    assert_eq!(out["name"], "Env");
    assert_eq!(
        out["values"][1],
        json!({"key": "s", "value": "x", "type": "secret", "enabled": false})
    );
    assert_eq!(out["_postman_variable_scope"], "environment");
    assert!(out["_postman_exported_using"]
        .as_str()
        .unwrap()
        .starts_with("postie/"));
    let at = out["_postman_exported_at"].as_str().unwrap();
    assert!(at.ends_with('Z') && at.len() == 24, "{at}");
    let g = export_scope("globals", None, None, &[]);
    assert_eq!(
        (g["name"].as_str(), g["id"].as_str().map(str::len)),
        (Some("globals"), Some(36))
    );
    let keys: Vec<&String> = out.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "id",
            "name",
            "values",
            "_postman_variable_scope",
            "_postman_exported_at",
            "_postman_exported_using"
        ]
    );
}

#[test]
fn form_params_and_graphql_encode() {
    let body = Body {
        mode: "formdata".into(),
        formdata: vec![FormParam {
            key: "f".into(),
            kind: "file".into(),
            src: vec!["a".into(), "b".into()],
            ..FormParam::default()
        }],
        graphql: Some(GraphQl {
            query: "{x}".into(),
            variables: None,
            operation_name: None,
        }),
        ..Body::default()
    };
    let json = body_to_json(&body);
    assert_eq!(
        json["formdata"][0],
        json!({"key": "f", "type": "file", "src": ["a", "b"]})
    );
    assert_eq!(json["graphql"], json!({"query": "{x}", "variables": null}));
}
