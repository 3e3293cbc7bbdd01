use super::*;
use serde_json::json;

fn coll(v: Value) -> Collection {
    collection(&v).unwrap()
}

#[test]
fn items_and_folders_nest() {
    let c = coll(
        json!({"info": {"name": "C", "_postman_id": "cid", "description": {"content": "d"}},
        "item": [{"name": "F", "id": "f", "item": [{"name": "R", "id": "r", "request": "http://x"}],
                  "auth": {"type": "noauth"}},
                 {"name": "R2", "_postman_id": "r2"}]}),
    );
    assert_eq!(
        (c.info.id.as_str(), c.info.description.as_deref()),
        ("cid", Some("d"))
    );
    let Item::Folder(f) = &c.items[0] else {
        panic!("folder")
    };
    assert_eq!(f.auth.as_ref().unwrap().kind, "noauth");
    assert_eq!(f.items[0].id(), "r");
    assert_eq!(c.items[1].id(), "r2");
    assert_eq!(c.items[1].name(), "R2");
}

#[test]
fn fresh_ids_for_items_without_one() {
    let c = coll(json!({"item": [{"name": "a"}, {"name": "b"}]}));
    assert_eq!(c.items[0].id().len(), 36);
    assert_ne!(c.items[0].id(), c.items[1].id());
}

#[test]
fn events_exec_strings_and_lists() {
    let c = coll(json!({"item": [], "event": [
        {"listen": "prerequest", "script": {"exec": ["a", null, 1], "id": "s"}},
        {"listen": "test", "script": {"exec": "x\ny"}, "disabled": true},
        {"listen": "test", "script": "z"}
    ]}));
    assert_eq!(&*c.events[0].script.exec, "a\n\n1");
    assert_eq!(c.events[0].script.id.as_deref(), Some("s"));
    assert!(c.events[1].disabled);
    assert_eq!(&*c.events[2].script.exec, "z");
}

#[test]
fn variables_follow_the_app_disable_rule() {
    let c = coll(json!({"item": [], "variable": [
        {"key": "a", "value": "1"},
        {"key": "b", "value": "2", "enabled": false},
        {"key": "c", "value": "3", "disabled": true},
        {"id": "d", "value": null, "type": "string"},
        {"key": "e"}
    ]}));
    let v = &c.variables;
    assert_eq!(
        v.iter().map(|v| v.enabled).collect::<Vec<_>>(),
        [true, false, false, true, true]
    );
    assert_eq!(
        (v[3].key.as_str(), &v[3].value, v[3].kind.as_str()),
        ("d", &Value::Null, "string")
    );
    assert_eq!(
        (v[4].value.clone(), v[4].kind.as_str()),
        (json!(""), "default")
    );
    let old = coll(json!({"item": [], "variables": [{"key": "x", "value": "1"}]}));
    assert_eq!(old.variables[0].key, "x");
}

#[test]
fn auth_in_both_shapes() {
    let v20 = auth(
        &json!({"type": "basic", "basic": {"username": "u", "password": "p"}}),
        &Path::Root,
    )
    .unwrap()
    .unwrap();
    let v21 = auth(&json!({"type": "basic", "basic": [{"key": "username", "value": "u"}, {"key": "password", "value": "p"}]}), &Path::Root).unwrap().unwrap();
    assert_eq!(v20, v21);
    assert_eq!(auth(&Value::Null, &Path::Root).unwrap(), None);
    assert_eq!(auth(&json!({"basic": {}}), &Path::Root).unwrap(), None);
    let err = auth(
        &json!({"type": "basic", "basic": "x"}),
        &Path::Root.key("auth"),
    )
    .unwrap_err();
    assert_eq!(err.path, "auth");
    let err = auth(
        &json!({"type": "apikey", "apikey": [{"key": "k"}, 4]}),
        &Path::Root.key("auth"),
    )
    .unwrap_err();
    assert_eq!(err.path, "auth.apikey[1]");
}

#[test]
fn nested_shape_errors_carry_the_path() {
    let err = collection(&json!({"item": [{"item": [{}, {"request": {"url": {"path": {}}}}]}]}))
        .unwrap_err();
    assert_eq!(err.path, "item[0].item[1].request.url.path");
    let err = collection(&json!({"item": [1]})).unwrap_err();
    assert_eq!(
        (err.path.as_str(), err.message.as_str()),
        (
            "item[0]",
            "expected an object (a request or a folder), found a number"
        )
    );
    let err = collection(&json!({"item": "x"})).unwrap_err();
    assert_eq!(err.path, "item");
    let err = collection(&json!({"info": "x", "item": []})).unwrap_err();
    assert_eq!(err.path, "info");
    let err = collection(&json!({"item": [{"event": [{"script": {"exec": [{}]}}]}]})).unwrap_err();
    assert_eq!(err.path, "item[0].event[0].script.exec[0]");
}

#[test]
fn protocol_profile_behavior_is_kept() {
    let c = coll(
        json!({"item": [{"request": "http://x", "protocolProfileBehavior": {"followRedirects": false}}],
                        "protocolProfileBehavior": {"maxRedirects": 3}}),
    );
    assert_eq!(c.protocol_profile_behavior.u64("maxRedirects"), Some(3));
    let Item::Request(r) = &c.items[0] else {
        panic!()
    };
    assert_eq!(
        r.protocol_profile_behavior.bool("followRedirects"),
        Some(false)
    );
}

#[test]
fn a_single_object_counts_as_a_list_of_one() {
    let c = coll(
        json!({"item": {"name": "only", "event": {"listen": "test", "script": {"exec": "x"}}}}),
    );
    let Item::Request(r) = &c.items[0] else {
        panic!()
    };
    assert_eq!((r.name.as_str(), &*r.events[0].script.exec), ("only", "x"));
}
