//! Loading collections, environments and data files from disk: every supported version and
//! encoding, wrappers, and the errors for each kind of bad input.

use postie::collection::{
    parse_collection, parse_environment, Collection, Item, LoadError, Location, RequestItem,
};
use postie::vars::parse_data;
use serde_json::json;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/collection")
        .join(name)
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn collection(name: &str) -> Collection {
    parse_collection(&read(name), name).unwrap_or_else(|e| panic!("{e}"))
}

fn collection_error(name: &str) -> LoadError {
    parse_collection(&read(name), name).expect_err(name)
}

fn request<'c>(items: &'c [Item], path: &[usize]) -> &'c RequestItem {
    match (&items[path[0]], &path[1..]) {
        (Item::Request(r), []) => r,
        (Item::Folder(f), rest) if !rest.is_empty() => request(&f.items, rest),
        (other, _) => panic!("unexpected item {}", other.name()),
    }
}

#[test]
fn v21_collection() {
    let c = collection("v21.postman_collection.json");
    assert_eq!(c.info.name, "Shop API");
    assert_eq!(c.info.id, "6f1c0a57-3f0e-4b8e-9c55-000000000021");
    let names: Vec<&str> = c.items.iter().map(Item::name).collect();
    assert_eq!(
        names,
        ["Users", "Upload", "Search (GraphQL)", "Login form", "Ping"]
    );

    let Item::Folder(users) = &c.items[0] else {
        panic!("Users is a folder")
    };
    assert_eq!(
        users.auth.as_ref().unwrap().param("in").as_deref(),
        Some("header")
    );
    assert_eq!(&*users.events[0].script.exec, "console.log('folder');");

    let get = request(&c.items, &[0, 0]);
    assert_eq!(get.id, "get-user");
    assert_eq!(get.events[0].script.exec.lines().count(), 3);
    assert!(get.request.headers[1].disabled);
    assert_eq!(
        get.request.url.to_string(),
        "{{baseUrl}}/users/{{userId}}?expand=orders&debug"
    );

    let create = request(&c.items, &[0, 1]);
    assert_eq!(create.request.auth.as_ref().unwrap().kind, "noauth");
    assert_eq!(
        create.request.body.as_ref().unwrap().raw_language(),
        Some("json")
    );
    assert_eq!(create.id.len(), 36, "items without an id get a UUID");

    let upload = request(&c.items, &[1]);
    let form = &upload.request.body.as_ref().unwrap().formdata;
    assert_eq!(
        (form[1].kind.as_str(), form[1].src.as_slice()),
        ("file", ["{{uploadPath}}".to_string()].as_slice())
    );
    assert!(form[2].disabled);

    let search = request(&c.items, &[2]);
    assert_eq!(
        search.protocol_profile_behavior.bool("disableBodyPruning"),
        Some(true)
    );
    let login = request(&c.items, &[3]);
    assert_eq!(
        (login.request.method.as_str(), login.request.headers.len()),
        ("POST", 2)
    );
    assert_eq!(
        request(&c.items, &[4]).request.url.to_string(),
        "{{baseUrl}}/ping"
    );

    assert_eq!(
        c.variables.iter().map(|v| v.enabled).collect::<Vec<_>>(),
        [true, true, false]
    );
    assert_eq!(
        c.auth.as_ref().unwrap().param("token").as_deref(),
        Some("{{token}}")
    );
    assert_eq!(
        c.protocol_profile_behavior.bool("followRedirects"),
        Some(false)
    );
}

#[test]
fn raw_keeps_the_document_with_ids_filled_in() {
    let c = collection("v21.postman_collection.json");
    let raw = c.raw_value();
    assert_eq!(
        raw["item"][0]["item"][1]["id"],
        request(&c.items, &[0, 1]).id.as_str()
    );
    assert_eq!(raw["item"][0]["item"][0]["id"], "get-user");
    let keys: Vec<&String> = raw.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "info",
            "item",
            "event",
            "variable",
            "auth",
            "protocolProfileBehavior"
        ]
    );
}

#[test]
fn v20_collection_with_auth_objects() {
    let c = collection("v20.postman_collection.json");
    let basic = request(&c.items, &[0]).request.auth.clone().unwrap();
    assert_eq!(
        (basic.kind.as_str(), basic.param("password").as_deref()),
        ("basic", Some("pa:ss"))
    );
    assert_eq!(basic.params["saveHelperData"], json!(true));
    let Item::Folder(folder) = &c.items[1] else {
        panic!()
    };
    assert_eq!(
        folder.auth.as_ref().unwrap().param("nonceCount").as_deref(),
        Some("1")
    );
    assert_eq!(
        &*request(&c.items, &[1, 0]).events[0].script.exec,
        "tests['ok'] = true;"
    );
    // raw is normalised to v2.1: auth parameters become lists.
    assert_eq!(
        c.raw_value()["item"][0]["request"]["auth"]["basic"][1],
        json!({"key": "password", "value": "pa:ss", "type": "string"})
    );
    assert_eq!(
        c.info.schema.as_deref(),
        Some("https://schema.getpostman.com/json/collection/v2.0.0/collection.json")
    );
}

#[test]
fn v1_collection_is_converted() {
    let c = collection("v1.postman_collection.json");
    assert_eq!(c.info.id, "e5f2e9cf-173b-c60a-7336-ac804a87d701");
    let names: Vec<&str> = c.items.iter().map(Item::name).collect();
    assert_eq!(names, ["A", "B", "Top"]);
    let raw = request(&c.items, &[0, 0]);
    assert_eq!(
        raw.request.body.as_ref().unwrap().raw.as_deref(),
        Some("{\"a\": 1}")
    );
    assert!(raw.request.headers[1].disabled);
    assert_eq!(raw.events.len(), 2);
    let form = request(&c.items, &[0, 1]);
    assert_eq!(form.request.url.to_string(), "http://{{host}}/users/9");
    assert_eq!(
        form.request
            .auth
            .as_ref()
            .unwrap()
            .param("username")
            .as_deref(),
        Some("u")
    );
    let Item::Folder(b) = &c.items[1] else {
        panic!()
    };
    assert_eq!(b.items[0].name(), "B.C");
    let urlenc = request(&c.items, &[1, 1]);
    assert_eq!(urlenc.request.url.to_string(), "http://{{host}}/u?q&keep=1");
    let top = request(&c.items, &[2]);
    assert_eq!(top.request.body.as_ref().unwrap().mode, "file");
}

#[test]
fn encodings_and_wrappers() {
    for name in [
        "utf16le-bom.postman_collection.json",
        "utf16be-bom.postman_collection.json",
        "utf8-bom.postman_collection.json",
    ] {
        let c = collection(name);
        assert_eq!(c.info.name, "Encoded é ü 😀", "{name}");
        assert_eq!(
            request(&c.items, &[0]).request.url.to_string(),
            "http://localhost/é"
        );
    }
    let c = collection("wrapped.postman_collection.json");
    assert_eq!(c.info.name, "From the Postman API");
}

#[test]
fn environments_and_globals() {
    let env = parse_environment(&read("environment.postman_environment.json"), "env").unwrap();
    assert_eq!(env.name.as_deref(), Some("Local"));
    let enabled: Vec<(&str, bool)> = env
        .values
        .iter()
        .map(|v| (v.key.as_str(), v.enabled))
        .collect();
    assert_eq!(
        enabled,
        [
            ("baseUrl", true),
            ("token", true),
            ("old", false),
            ("gone", false),
            ("name", true)
        ]
    );
    assert!(env.values[1].is_secret());

    let globals = parse_environment(&read("globals.postman_globals.json"), "globals").unwrap();
    assert_eq!(
        (globals.id.as_deref(), globals.values[0].key.as_str()),
        (Some("g1"), "g")
    );
    let bare = parse_environment(&read("bare.postman_environment.json"), "bare").unwrap();
    assert_eq!(bare.values.len(), 2);
    assert!(!bare.values[1].enabled);
    let utf16 = parse_environment(&read("utf16le-bom.postman_environment.json"), "utf16").unwrap();
    assert_eq!(utf16.values[0].value, json!("grüß dich"));
}

#[test]
fn invalid_json_shows_line_column_and_a_hint() {
    let err = collection_error("bad/trailing-comma.json");
    assert_eq!(
        err.location(),
        Some(&Location::Position { line: 4, column: 1 })
    );
    assert_eq!(
        err.to_string(),
        "the file at \"bad/trailing-comma.json\" does not contain valid JSON data\n  --> bad/trailing-comma.json:4:1\n   |\n 4 | }\n   | ^\n  trailing comma\nhint: JSON does not allow a comma after the last element of a list or object"
    );
    let err = collection_error("bad/missing-comma.json");
    assert_eq!(
        err.location_text().as_deref(),
        Some("bad/missing-comma.json:4:5")
    );
    assert_eq!(err.detail(), "expected `,` or `}`");
}

#[test]
fn wrong_types_are_reported_at_their_json_path() {
    let err = collection_error("bad/wrong-type.json");
    assert_eq!(
        err.location(),
        Some(&Location::Path("item[1].item[0].request.url".into()))
    );
    assert_eq!(
        err.to_string(),
        "the file at \"bad/wrong-type.json\" is not a valid Postman collection\n  --> bad/wrong-type.json (item[1].item[0].request.url)\n  expected a string or an object, found a list"
    );
}

#[test]
fn files_that_are_not_collections() {
    let err = collection_error("bad/missing-fields.json");
    assert_eq!(
        err.detail(),
        "expected a Postman collection (an object with \"info\" and \"item\")"
    );
    let err = collection_error("bad/environment-as-collection.json");
    assert_eq!(
        err.hint(),
        Some("this looks like an environment file; pass it with -e")
    );
    let err = parse_collection(&read("data.json"), "data.json").unwrap_err();
    assert_eq!(
        err.hint(),
        Some("this looks like an iteration data file; pass it with -d")
    );
    let err = parse_environment(&read("v21.postman_collection.json"), "c.json").unwrap_err();
    assert!(err.hint().unwrap().contains("collection"));
}

#[test]
fn bad_data_files() {
    let err = parse_data(&read("bad/unclosed-quote.csv"), "unclosed.csv").unwrap_err();
    assert_eq!(err.location_text().as_deref(), Some("unclosed.csv:3:3"));
    assert_eq!(err.detail(), "this quoted field is never closed");
    let err = parse_data(&read("bad/garbage-after-quote.csv"), "garbage.csv").unwrap_err();
    assert_eq!(err.location_text().as_deref(), Some("garbage.csv:2:6"));
    let err = parse_data(&read("bad/data-object.json"), "obj.json").unwrap_err();
    assert!(err.hint().unwrap().contains("[ ]"));
}

#[test]
fn arbitrary_bytes_never_panic() {
    let inputs: [&[u8]; 8] = [
        b"",
        b"\xff\xfe\x00",
        b"\xfe\xff{",
        b"[[[[[[[[[[[[[[[[",
        b"{\"item\": [{\"item\": [{\"item\": 5}]}]}",
        b"{\"info\": {}, \"item\": [{\"request\": {\"url\": {\"host\": [[]]}}}]}",
        b"\x00\x00\x00",
        b"{\"order\": [\"a\"], \"requests\": [{\"id\": \"a\", \"url\": 5, \"headers\": 3, \"data\": 7}]}",
    ];
    for input in inputs {
        let _ = parse_collection(input, "x");
        let _ = parse_environment(input, "x");
        let _ = parse_data(input, "x");
    }
}

/// Every collection, environment, globals and data file of Newman's own integration suites loads.
#[test]
#[allow(clippy::print_stderr)]
fn newman_integration_files_all_load() {
    let root = Path::new("/work/shared/compat/newman/integration");
    if !root.is_dir() {
        eprintln!("note: {} is absent; skipping", root.display());
        return;
    }
    let mut files = Vec::new();
    collect(root, &mut files);
    let mut loaded = 0;
    for path in files {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let bytes = std::fs::read(&path).unwrap();
        let shown = path.display().to_string();
        let result = if name.ends_with("postman_collection.json") {
            parse_collection(&bytes, &shown).map(drop)
        } else if name.ends_with("postman_environment.json")
            || name.ends_with("postman_globals.json")
        {
            parse_environment(&bytes, &shown).map(drop)
        } else if name.ends_with("postman_data.json") || name.ends_with(".csv") {
            parse_data(&bytes, &shown).map(drop)
        } else {
            continue;
        };
        if let Err(e) = result {
            panic!("{e}");
        }
        loaded += 1;
    }
    assert!(loaded > 40, "only {loaded} files found");
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else {
            out.push(path);
        }
    }
}
