use super::*;
use serde_json::json;

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn q(key: &str, value: Option<&str>) -> QueryParam {
    QueryParam {
        key: Some(key.into()),
        value: value.map(Into::into),
        disabled: false,
    }
}

#[test]
fn parses_every_component() {
    let url = Url::parse("https://user:pa:ss@api.example.com:8080/v1/items/:id?a=1&b&c=#frag");
    assert_eq!(url.protocol.as_deref(), Some("https"));
    assert_eq!(
        url.auth,
        Some(UrlAuth {
            user: "user".into(),
            password: Some("pa:ss".into())
        })
    );
    assert_eq!(url.host, strings(&["api", "example", "com"]));
    assert_eq!(url.port.as_deref(), Some("8080"));
    assert_eq!(url.path, strings(&["v1", "items", ":id"]));
    assert_eq!(
        url.query,
        vec![q("a", Some("1")), q("b", None), q("c", Some(""))]
    );
    assert_eq!(url.hash.as_deref(), Some("frag"));
    assert_eq!(
        url.to_string(),
        "https://user:pa:ss@api.example.com:8080/v1/items/:id?a=1&b&c=#frag"
    );
}

#[test]
fn variables_may_hold_delimiters() {
    let url = Url::parse("{{proto://host:1}}/a/{{p/q}}?x={{a&b#c?}}");
    assert_eq!(url.protocol, None);
    assert_eq!(url.host, strings(&["{{proto://host:1}}"]));
    assert_eq!(url.port, None);
    assert_eq!(url.path, strings(&["a", "{{p/q}}"]));
    assert_eq!(url.query, vec![q("x", Some("{{a&b#c?}}"))]);
    assert_eq!(url.hash, None);
    assert_eq!(url.to_string(), "{{proto://host:1}}/a/{{p/q}}?x={{a&b#c?}}");

    let url = Url::parse("http://{{host.name}}.example.com:{{port}}/x");
    assert_eq!(url.host, strings(&["{{host.name}}", "example", "com"]));
    assert_eq!(url.port.as_deref(), Some("{{port}}"));
}

#[test]
fn no_protocol_prints_none() {
    let url = Url::parse("  localhost:3000/get");
    assert_eq!(url.raw, "localhost:3000/get");
    assert_eq!(url.protocol, None);
    assert_eq!(url.host, strings(&["localhost"]));
    assert_eq!(url.to_string(), "localhost:3000/get");
    assert_eq!(
        url.to_string_with_default_protocol(),
        "http://localhost:3000/get"
    );
}

#[test]
fn paths_trailing_slashes_and_backslash() {
    assert_eq!(Url::parse("http://h").path, Vec::<String>::new());
    assert_eq!(Url::parse("http://h/").path, strings(&[""]));
    assert_eq!(Url::parse("http://h/").to_string(), "http://h/");
    assert_eq!(
        Url::parse("http://h/a//b/").path,
        strings(&["a", "", "b", ""])
    );
    assert_eq!(Url::parse("http://h\\a/b").path, strings(&["a", "b"]));
    assert_eq!(Url::parse("/relative/x").host, Vec::<String>::new());
    assert_eq!(Url::parse("/relative/x").to_string(), "/relative/x");
}

#[test]
fn query_edge_cases_follow_parse_single() {
    let url = Url::parse("h?a=1&&b=2&");
    assert_eq!(
        url.query,
        vec![
            q("a", Some("1")),
            QueryParam::default(),
            q("b", Some("2")),
            q("", None)
        ]
    );
    assert_eq!(url.to_string(), "h?a=1&&b=2&");
    assert_eq!(Url::parse("h?").to_string(), "h?");
    assert_eq!(Url::parse("h?&").to_string(), "h?&");
    assert_eq!(Url::parse("h?a=b=c").query, vec![q("a", Some("b=c"))]);
}

#[test]
fn ipv6_hosts_keep_their_colons() {
    let url = Url::parse("http://[::1]/x");
    assert_eq!(url.port, None);
    assert_eq!(url.host, strings(&["[::1]"]));
    let url = Url::parse("http://[::1]:8080/x");
    assert_eq!(url.port.as_deref(), Some("8080"));
    assert_eq!(url.host, strings(&["[::1]"]));
}

#[test]
fn display_drops_disabled_params_but_keeps_empty_parts() {
    let mut url = Url::parse("http://h/p?a=1&b=2");
    url.query[0].disabled = true;
    assert_eq!(url.to_string(), "http://h/p?b=2");
    url.query[1].disabled = true;
    assert_eq!(url.to_string(), "http://h/p");
    url.auth = Some(UrlAuth {
        user: String::new(),
        password: Some("x".into()),
    });
    url.port = Some(String::new());
    url.hash = Some(String::new());
    assert_eq!(url.to_string(), "http://:x@h:/p#");
    url.protocol = Some("https://".into());
    url.auth = None;
    url.port = None;
    url.hash = None;
    assert_eq!(url.to_string(), "https://h/p");
    url.protocol = Some(String::new());
    assert_eq!(url.to_string(), "h/p");
    assert_eq!(url.to_string_with_default_protocol(), "http://h/p");
}

#[test]
fn empty_hash_port_and_auth_parts_round_trip() {
    for s in [
        "http://h:/x#",
        "http://@h/",
        "http://u:@h/",
        "http://:p@h/",
        "h/?#",
    ] {
        assert_eq!(Url::parse(s).to_string(), s);
    }
    let url = Url::parse("http://@h/");
    assert_eq!(
        url.auth,
        Some(UrlAuth {
            user: String::new(),
            password: None
        })
    );
}

#[test]
fn auth_ends_at_the_last_at_sign() {
    let url = Url::parse("https://us@r:p@ss:word@h.com/get@x");
    assert_eq!(
        url.auth,
        Some(UrlAuth {
            user: "us@r".into(),
            password: Some("p@ss:word".into())
        })
    );
    assert_eq!(url.host, strings(&["h", "com"]));
    assert_eq!(url.path, strings(&["get@x"]));
}

#[test]
fn backslashes_and_extra_slashes_before_the_host() {
    let url = Url::parse("http:\\\\h\\a\\b?c=\\d#\\e");
    assert_eq!(url.protocol.as_deref(), Some("http"));
    assert_eq!(url.host, strings(&["h"]));
    assert_eq!(url.to_string(), "http://h/a/b?c=\\d#\\e");
    assert_eq!(Url::parse("http:////h/x").to_string(), "http://h/x");
    let file = Url::parse("file:////etc/x");
    assert_eq!(file.host, Vec::<String>::new());
    assert_eq!(file.path, strings(&["etc", "x"]));
    // A variable holding a delimiter is one unit; its backslashes stay.
    let url = Url::parse("http://h/{{a\\b/c}}/{{d\\e}}");
    assert_eq!(url.path, strings(&["{{a\\b/c}}", "{{d", "e}}"]));
}

#[test]
fn leading_javascript_whitespace_is_dropped() {
    let url = Url::parse("\u{feff}\u{a0}\t http://h/x ");
    assert_eq!(url.raw, "http://h/x ");
    assert_eq!(url.path, strings(&["x "]));
}

#[test]
fn object_query_params_escape_their_separators() {
    let params = vec![
        q("a&b", Some("c&d=e#f")),
        q("k=ey#", None),
        q("{{v&w}}={{x=y}}", Some("{{p#q}}&")),
        q("'\"<> ", Some("+%20")),
    ];
    assert_eq!(
        query_string(&params),
        "a%26b=c%26d=e%23f&k%3Dey%23&{{v&w}}%3D{{x=y}}={{p#q}}%26&'\"<> =+%20"
    );
}

#[test]
fn path_variables_replace_segments_with_non_empty_strings() {
    let mut url = Url::parse("http://h/users/:id/files/:name.json/:empty/:num/:missing/:");
    url.variables = vec![
        Variable::new("id", "42"),
        Variable::new("name", "report"),
        Variable::new("empty", ""),
        Variable::new("num", json!(7)),
    ];
    assert_eq!(
        url.to_string(),
        "http://h/users/42/files/report.json/:empty/:num/:missing/:"
    );
    assert_eq!(
        url.path_string(),
        "/users/42/files/report.json/:empty/:num/:missing/:"
    );
    assert_eq!(
        url.to_unresolved_string(),
        "http://h/users/:id/files/:name.json/:empty/:num/:missing/:"
    );
}

#[test]
fn host_strings_split_outside_variables() {
    assert_eq!(
        split_host("api.example.com"),
        strings(&["api", "example", "com"])
    );
    assert_eq!(
        split_host("{{a.b}}.example.com"),
        strings(&["{{a.b}}", "example", "com"])
    );
    assert_eq!(split_host("{{base}}"), strings(&["{{base}}"]));
    assert_eq!(split_host(""), strings(&[""]));
}

#[test]
fn path_strings_drop_one_leading_slash() {
    assert_eq!(split_path("/a/b"), strings(&["a", "b"]));
    assert_eq!(split_path("a/b"), strings(&["a", "b"]));
    assert_eq!(split_path("/"), strings(&[""]));
    assert_eq!(split_path(""), Vec::<String>::new());
}

#[test]
fn tokens_follow_the_postman_regex() {
    let t = "a {{x}} {{y}b}} {{{z}}} {{}}";
    let mut found = vec![];
    let mut from = 0;
    while let Some((s, e)) = next_variable_token(t, from) {
        found.push(&t[s..e]);
        from = e;
    }
    assert_eq!(found, vec!["{{x}}", "{{z}}", "{{}}"]);
    assert_eq!(next_variable_token("{{ é }}", 0), Some((0, 8)));
    assert_eq!(next_variable_token("{{", 0), None);
    assert_eq!(next_variable_token("x", 5), None);
}

#[test]
fn parse_is_total() {
    for s in [
        "",
        " ",
        ":",
        "@",
        "://",
        "?",
        "#",
        "\\",
        "{{",
        "}}",
        "é:é@é:é/é?é#é",
        "[::",
        "a]:1",
    ] {
        let url = Url::parse(s);
        let _ = url.to_string();
    }
}

#[test]
fn path_and_query_parts_as_the_encoder_reads_them() {
    assert_eq!(Url::parse("http://h").path_or_root(), "/");
    assert_eq!(Url::parse("http://h//a").path_or_root(), "//a");
    assert_eq!(Url::parse("http://h").query_part(), None);
    assert_eq!(Url::parse("http://h?").query_part().as_deref(), Some(""));
    let mut url = Url::parse("http://h?a=1");
    url.query[0].disabled = true;
    assert_eq!(url.query_part(), None);
}
