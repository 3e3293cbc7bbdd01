//! Variables as they reach the wire: precedence (data > environment > collection > globals, with
//! `--env-var`/`--global-var`), nesting (19 passes), disabled entries, literal names, unresolved
//! tokens, dynamic variables, path variables, URL objects, query/path encoding and headers.
//! Request targets checked against Newman 6.2 on a raw echo (Newman differs only where it keeps
//! `"enabled": false` variables, its #2986, which postie does not copy).

mod support;

use postie::mock::RecordedRequest;
use serde_json::{json, Value};
use support::run::{collection_with, request, Work};

/// Runs `items` (collection variables `vars`) against an echo server; returns what it received.
fn sent(work: &Work, items: Value, vars: Value, args: &[&str]) -> Vec<RecordedRequest> {
    let server = support::echo_server();
    let base = format!("base={}", server.url());
    let mut all = vec!["--env-var", base.as_str()];
    all.extend_from_slice(args);
    let doc = collection_with("Vars", items, json!({"variable": vars}));
    work.run_collection(&doc, &all).expect_code(0);
    server.log.entries()
}

fn targets(got: &[RecordedRequest]) -> Vec<&str> {
    got.iter().map(|r| r.target.as_str()).collect()
}

#[test]
fn precedence_data_environment_collection_globals() {
    let work = Work::new();
    let env = work.json(
        "env.json",
        &json!({"name": "E", "values": [
            {"key": "a", "value": "env", "enabled": true},
            {"key": "b", "value": "env"},
            {"key": "c", "value": "env"},
            {"key": "f", "value": "env-file"},
            {"key": "off", "value": "env-off", "enabled": false}
        ]}),
    );
    let globals = work.json(
        "globals.json",
        &json!({"name": "G", "values": [
            {"key": "a", "value": "glob"}, {"key": "b", "value": "glob"}, {"key": "c", "value": "glob"},
            {"key": "d", "value": "glob"}, {"key": "e", "value": "glob"}, {"key": "off", "value": "glob-off"}
        ]}),
    );
    let data = work.json("data.json", &json!([{"a": "data", "b": "data"}]));
    let vars = json!([
        {"key": "a", "value": "coll"}, {"key": "d", "value": "coll"},
        {"key": "nest", "value": "{{inner}}-n"}, {"key": "inner", "value": "{{d}}"},
        {"key": "cOff", "value": "collection-off", "disabled": true}
    ]);
    let url = "{{base}}/get?a={{a}}&b={{b}}&c={{c}}&d={{d}}&e={{e}}&f={{f}}&g={{g}}&nest={{nest}}\
               &miss={{missing}}&sp={{ s }}&off={{off}}&cOff={{cOff}}";
    let got = sent(
        &work,
        json!([request("p", "GET", url, json!({}))]),
        vars,
        &[
            "-e",
            &env,
            "-g",
            &globals,
            "-d",
            &data,
            "--env-var",
            " s =spaced",
            "--env-var",
            "a=env-flag",
            "--env-var",
            "f=env-flag",
            "--global-var",
            "g=glob-flag",
        ],
    );
    assert_eq!(
        targets(&got),
        vec![
            "/get?a=data&b=data&c=env&d=coll&e=glob&f=env-flag&g=glob-flag&nest=coll-n\
             &miss={{missing}}&sp=spaced&off=glob-off&cOff={{cOff}}"
        ]
    );
}

#[test]
fn nineteen_nested_hops_resolve_and_twenty_do_not() {
    let work = Work::new();
    // v0 = "end", vN = "{{v(N-1)}}": {{v19}} is 19 substitutions after the first pass… and
    // {{v20}} one more than Postman's limit.
    let mut vars = vec![json!({"key": "v0", "value": "end"})];
    for i in 1..=20 {
        vars.push(json!({"key": format!("v{i}"), "value": format!("{{{{v{}}}}}", i - 1)}));
    }
    let got = sent(
        &work,
        json!([
            request("19", "GET", "{{base}}/get?x={{v18}}", json!({})),
            request("20", "GET", "{{base}}/get?x={{v19}}", json!({})),
        ]),
        Value::Array(vars),
        &[],
    );
    assert_eq!(targets(&got), vec!["/get?x=end", "/get?x={{v0}}"]);
}

#[test]
fn dynamic_variables_are_fresh_for_every_occurrence() {
    let work = Work::new();
    let before = chrono::Utc::now().timestamp();
    let got = sent(
        &work,
        json!([request(
            "d",
            "GET",
            "{{base}}/get?g1={{$guid}}&g2={{$guid}}&t={{$timestamp}}&i={{$randomInt}}&iso={{$isoTimestamp}}&e={{$randomEmail}}",
            json!({"header": [{"key": "X-Guid", "value": "{{$randomUUID}}"}]})
        )]),
        json!([]),
        &[],
    );
    let after = chrono::Utc::now().timestamp();
    let url = url::Url::parse(&format!("http://x{}", got[0].target)).unwrap();
    let q: std::collections::HashMap<String, String> = url.query_pairs().into_owned().collect();
    let g1 = uuid::Uuid::parse_str(&q["g1"]).expect("g1 is a uuid");
    let g2 = uuid::Uuid::parse_str(&q["g2"]).expect("g2 is a uuid");
    assert_ne!(g1, g2);
    assert_eq!(g1.get_version_num(), 4);
    // Unix seconds, rounded as Math.round(Date.now() / 1000) does.
    let t: i64 = q["t"].parse().expect("seconds");
    assert!(
        (before..=after + 1).contains(&t),
        "{t} not in {before}..={after}+1"
    );
    let i: i64 = q["i"].parse().expect("int");
    assert!((0..=1000).contains(&i), "{i}");
    let iso = chrono::DateTime::parse_from_rfc3339(&q["iso"]).expect("iso timestamp");
    assert!(
        q["iso"].ends_with('Z') && q["iso"].len() == 24,
        "{}",
        q["iso"]
    );
    assert!((before..=after).contains(&iso.timestamp()));
    assert!(q["e"].contains('@'), "{}", q["e"]);
    assert!(uuid::Uuid::parse_str(got[0].header("x-guid").unwrap()).is_ok());
}

#[test]
fn a_user_variable_shadows_a_dynamic_one() {
    let work = Work::new();
    let got = sent(
        &work,
        json!([request("s", "GET", "{{base}}/get?g={{$guid}}", json!({}))]),
        json!([{"key": "$guid", "value": "mine"}]),
        &[],
    );
    assert_eq!(targets(&got), vec!["/get?g=mine"]);
}

#[test]
fn path_variables_resolve_with_variables_and_encoding() {
    let work = Work::new();
    let url = json!({
        "raw": "{{base}}/users/:id/:fmt.json/:none/:empty",
        "host": ["{{base}}"],
        "path": ["users", ":id", ":fmt.json", ":none", ":empty"],
        "variable": [{"key": "id", "value": "{{d}}"}, {"key": "fmt", "value": "x y"}, {"key": "empty", "value": ""}]
    });
    let got = sent(
        &work,
        json!([{"name": "pv", "request": {"method": "GET", "url": url}}]),
        json!([{"key": "d", "value": "42"}]),
        &[],
    );
    assert_eq!(targets(&got), vec!["/users/42/x%20y.json/:none/:empty"]);
}

#[test]
fn url_object_parts_win_over_raw() {
    let work = Work::new();
    let server = support::echo_server();
    let url = json!({
        "raw": "http://ignored.invalid/raw-ignored",
        "protocol": "http", "host": ["127", "0", "0", "1"], "port": server.port().to_string(),
        "path": ["anything", "{{d}}"],
        "query": [{"key": "k", "value": "{{d}}"}, {"key": "off", "value": "1", "disabled": true}, {"key": "nullv", "value": null}],
        "hash": "frag"
    });
    let doc = collection_with(
        "Obj",
        json!([{"name": "o", "request": {"method": "GET", "url": url}}]),
        json!({"variable": [{"key": "d", "value": "v"}]}),
    );
    work.run_collection(&doc, &[]).expect_code(0);
    assert_eq!(
        server.log.last().map(|r| r.target),
        Some("/anything/v?k=v&nullv".to_string())
    );
}

#[test]
fn query_and_path_encoding_as_newman() {
    let work = Work::new();
    let got = sent(
        &work,
        json!([
            request(
                "q",
                "GET",
                "{{base}}/get?q=a b&pct=%20x%2F&plus=1+2&u=ü&h=#frag",
                json!({})
            ),
            request(
                "p",
                "GET",
                "{{base}}/anything/p a/t%41h/ü?x=\"<>`{}|^'",
                json!({})
            ),
            request("v", "GET", "{{base}}/get?v={{val}}", json!({})),
        ]),
        json!([{"key": "val", "value": "a&b c"}]),
        &[],
    );
    assert_eq!(
        targets(&got),
        vec![
            "/get?q=a%20b&pct=%20x%2F&plus=1+2&u=%C3%BC&h=",
            "/anything/p%20a/t%41h/%C3%BC?x=%22%3C%3E`{}|^%27",
            "/get?v=a&b%20c",
        ]
    );
}

#[test]
fn headers_resolve_keep_duplicates_and_drop_disabled() {
    let work = Work::new();
    let headers = json!([
        {"key": "X-{{d}}", "value": "{{a}}"},
        {"key": "X-Dup", "value": "1"},
        {"key": "X-Dup", "value": "2"},
        {"key": "X-Off", "value": "no", "disabled": true},
        {"key": "Accept", "value": "text/plain"}
    ]);
    let got = sent(
        &work,
        json!([request(
            "h",
            "GET",
            "{{base}}/headers",
            json!({"header": headers})
        )]),
        json!([{"key": "d", "value": "name"}, {"key": "a", "value": "val ue"}]),
        &[],
    );
    let r = &got[0];
    assert_eq!(r.header("x-name"), Some("val ue"));
    assert_eq!(r.header_all("x-dup"), vec!["1", "2"]);
    assert_eq!(r.header("x-off"), None);
    // A user header replaces the system one of the same name.
    assert_eq!(r.header_all("accept"), vec!["text/plain"]);
    assert_eq!(r.header("cache-control"), Some("no-cache"));
    assert!(uuid::Uuid::parse_str(r.header("postman-token").unwrap()).is_ok());
    assert_eq!(
        r.header("user-agent"),
        Some(concat!("postie/", env!("CARGO_PKG_VERSION")))
    );
}

#[test]
fn variables_may_carry_scheme_host_and_port() {
    let work = Work::new();
    let server = support::echo_server();
    let doc = collection_with(
        "Host",
        json!([request(
            "h",
            "GET",
            "{{scheme}}://{{host}}:{{port}}/get",
            json!({})
        )]),
        json!({"variable": [{"key": "scheme", "value": "http"}, {"key": "host", "value": "127.0.0.1"}]}),
    );
    let port = format!("port={}", server.port());
    work.run_collection(&doc, &["--global-var", &port])
        .expect_code(0);
    let r = server.log.last().unwrap();
    assert_eq!(r.target, "/get");
    assert_eq!(
        r.header("host"),
        Some(format!("127.0.0.1:{}", server.port()).as_str())
    );
}
