use super::*;
use crate::collection::load::parse_collection;
use crate::collection::model::{Auth, Item};

fn v1_fixture() -> Value {
    json!({
        "id": "c1", "name": "V1", "description": "old",
        "order": ["r4"],
        "folders_order": ["f1", "f2"],
        "folders": [
            {"id": "f1", "name": "F1", "order": ["r1", "r2"], "folders_order": []},
            {"id": "f2", "name": "F2", "order": ["r3"], "folders_order": ["f3"]},
            {"id": "f3", "name": "F2.F3", "order": [], "folders_order": []}
        ],
        "requests": [
            {"id": "r1", "name": "raw", "method": "POST", "url": "http://h/a?x=1",
             "headers": "Content-Type: application/json\n// X-Off: 1\n", "dataMode": "raw",
             "rawModeData": "{}", "tests": "tests['a'] = true;\nline2", "preRequestScript": "pre();"},
            {"id": "r2", "name": "form", "method": "POST", "url": "http://h/:id",
             "dataMode": "params", "data": [{"key": "a", "value": "1", "type": "text", "enabled": false},
                                            {"key": "f", "value": "file.txt", "type": "file"}, {"value": "nokey"}],
             "pathVariables": {"id": "9"}, "currentHelper": "basicAuth",
             "helperAttributes": "{\"username\":\"u\",\"password\":\"p\",\"saveToRequest\":true}"},
            {"id": "r3", "name": "urlenc", "method": "PUT", "url": "http://h/u", "dataMode": "urlencoded",
             "data": [{"key": "k", "value": "v"}], "dataDisabled": true,
             "queryParams": [{"key": "q", "value": "", "equals": false, "enabled": false}],
             "headerData": [{"key": "A", "value": "1", "enabled": false}]},
            {"id": "r4", "name": "binary", "method": "PUT", "url": "http://h/b", "dataMode": "binary", "rawModeData": "bin.dat",
             "events": [{"listen": "prerequest", "script": {"exec": "x"}}]},
            {"id": "orphan", "name": "never placed", "url": "http://h/o"}
        ]
    })
}

#[test]
fn detects_v1() {
    assert!(is_v1(&v1_fixture()));
    assert!(!is_v1(&json!({"info": {}, "item": []})));
    assert!(is_v1(
        &json!({"info": {"schema": "https://schema.getpostman.com/json/collection/v1.0.0/collection.json"}})
    ));
}

#[test]
fn converts_the_tree_in_order() {
    let c = parse_collection(v1_fixture().to_string().as_bytes(), "v1.json").unwrap();
    assert_eq!((c.info.id.as_str(), c.info.name.as_str()), ("c1", "V1"));
    let names: Vec<&str> = c.items.iter().map(Item::name).collect();
    assert_eq!(names, ["F1", "F2", "binary"]);
    let Item::Folder(f2) = &c.items[1] else {
        panic!()
    };
    let inner: Vec<&str> = f2.items.iter().map(Item::name).collect();
    assert_eq!(inner, ["F2.F3", "urlenc"], "sub-folders first");
    assert_eq!(c.raw_value()["info"]["schema"], SCHEMA_V2_1);
}

fn request(
    c: &crate::collection::Collection,
    folder: usize,
    index: usize,
) -> crate::collection::RequestItem {
    let Item::Folder(f) = &c.items[folder] else {
        panic!()
    };
    let Item::Request(r) = &f.items[index] else {
        panic!()
    };
    r.clone()
}

#[test]
fn converts_requests() {
    let c = parse_collection(v1_fixture().to_string().as_bytes(), "v1.json").unwrap();
    let raw = request(&c, 0, 0);
    assert_eq!(
        raw.request.body.as_ref().unwrap().raw.as_deref(),
        Some("{}")
    );
    let headers: Vec<(&str, bool)> = raw
        .request
        .headers
        .iter()
        .map(|h| (h.key.as_str(), h.disabled))
        .collect();
    assert_eq!(headers, [("Content-Type", false), ("X-Off", true)]);
    let listens: Vec<&str> = raw.events.iter().map(|e| e.listen.as_str()).collect();
    assert_eq!(listens, ["test", "prerequest"]);
    assert_eq!(&*raw.events[0].script.exec, "tests['a'] = true;\nline2");

    let form = request(&c, 0, 1);
    let body = form.request.body.unwrap();
    assert_eq!(body.mode, "formdata");
    assert_eq!(body.formdata.len(), 2);
    assert!(body.formdata[0].disabled);
    assert_eq!(body.formdata[1].src, vec!["file.txt"]);
    assert_eq!(form.request.url.to_string(), "http://h/9");
    let auth: Auth = form.request.auth.unwrap();
    assert_eq!(
        (auth.kind.as_str(), auth.param("username").as_deref()),
        ("basic", Some("u"))
    );

    let Item::Folder(f2) = &c.items[1] else {
        panic!()
    };
    let Item::Request(urlenc) = &f2.items[1] else {
        panic!()
    };
    let body = urlenc.request.body.as_ref().unwrap();
    assert!(body.disabled);
    assert_eq!(body.urlencoded[0].key, "k");
    assert_eq!(urlenc.request.url.query[0].value, None);
    assert!(urlenc.request.url.query[0].disabled);
    assert!(urlenc.request.headers[0].disabled);

    let Item::Request(binary) = &c.items[2] else {
        panic!()
    };
    assert_eq!(
        binary
            .request
            .body
            .as_ref()
            .unwrap()
            .file
            .as_ref()
            .unwrap()
            .src
            .as_deref(),
        Some("bin.dat")
    );
    assert_eq!(binary.events[0].listen, "prerequest");
}

#[test]
fn malformed_v1_never_fails() {
    for v in [
        json!({"order": [1, null], "requests": [null, 3, {"id": 5}]}),
        json!({"requests": [], "folders": [{"id": "a", "folders_order": ["a"]}]}),
        json!({"order": "x", "requests": {}}),
    ] {
        let converted = to_v2(&v);
        assert!(converted["item"].is_array());
    }
}

#[test]
fn folder_cycles_are_broken() {
    let v = json!({"order": [], "requests": [{"id": "r", "url": "http://x"}], "folders_order": ["a"],
                   "folders": [{"id": "a", "folders_order": ["b"], "order": ["r"]},
                               {"id": "b", "folders_order": ["a"], "order": []}]});
    let out = to_v2(&v);
    // Both folders are someone's sub-folder, so (like the transformer) neither is top-level.
    assert_eq!(out["item"], json!([]));
    let v = json!({"requests": [], "folders": [{"id": "a", "folders_order": ["a"]}]});
    assert_eq!(to_v2(&v)["item"], json!([]));
}

#[test]
fn shared_sub_folders_cannot_blow_up() {
    // 40 levels, each folder listing the next one twice: 2^40 copies without a budget.
    let folders: Vec<Value> = (0..40)
        .map(|i| json!({"id": format!("f{i}"), "folders_order": [format!("f{}", i + 1), format!("f{}", i + 1)]}))
        .collect();
    let v = json!({"order": [], "requests": [], "folders_order": ["f0"], "folders": folders});
    let out = to_v2(&v);
    assert!(out.to_string().len() < 1_000_000);
}
