use super::*;

fn node(s: &str) -> NodeUrl {
    NodeUrl::parse(s, false)
}

fn href(s: &str) -> String {
    node(s).href()
}

#[test]
fn defaults_to_http_and_root_path() {
    assert_eq!(href("example.com"), "http://example.com/");
    assert_eq!(
        href("HTTPS://Example.COM:8443"),
        "https://example.com:8443/"
    );
}

#[test]
fn encodes_each_part_with_its_set() {
    assert_eq!(
        href("http://x/a b/{c}?q=a b&r=%20+x&s=é&t"),
        "http://x/a%20b/%7Bc%7D?q=a%20b&r=%20+x&s=%C3%A9&t"
    );
    assert_eq!(href("http://x/?a=b=c&d='"), "http://x/?a=b=c&d=%27");
    assert_eq!(href("http://x/p#a b`"), "http://x/p#a%20b%60");
    assert_eq!(href("http://x/../a/./b"), "http://x/../a/./b");
    assert_eq!(href("http://x?"), "http://x/?");
    assert_eq!(href("http://x/?a=1&&b"), "http://x/?a=1&&b");
    assert_eq!(href("http://x/%zz%2a%"), "http://x/%zz%2a%");
    assert_eq!(href("http://u s:p@ss@x/"), "http://u%20s:p%40ss@x/");
}

#[test]
fn host_header_and_target() {
    let u = node("http://us er:p@ss@Host.com:80/x?y#z");
    assert_eq!(u.host(), "host.com:80");
    assert_eq!(u.target(), "/x?y");
    assert_eq!(
        u.credentials(),
        Some(("us er".to_string(), "p@ss".to_string()))
    );
    assert_eq!(node("http://[::1]:3000/").host(), "[::1]:3000");
    assert_eq!(node("http://bücher.de/").host(), "xn--bcher-kva.de");
    assert_eq!(node("http://127.1:80").host(), "127.0.0.1:80");
    assert_eq!(node("http://@x/").credentials(), None);
    assert_eq!(
        node("http://:p:q@x/").credentials(),
        Some((String::new(), "p:q".to_string()))
    );
}

#[test]
fn disabled_encoding_keeps_all_but_the_host() {
    let u = NodeUrl::parse("http://B\u{fc}cher.de/a b?q=a b#c d", true);
    assert_eq!(u.href(), "http://xn--bcher-kva.de/a b?q=a b#c d");
    assert_eq!(
        u.check(),
        Err(RequestError::Protocol(
            "Request path contains unescaped characters".into()
        ))
    );
    let u = NodeUrl::parse("http://x/\u{e9}?q=\"<>", true);
    assert_eq!(u.check(), Ok(()));
    assert_eq!(wire_bytes(&u.target()), Some(b"/\xe9?q=\"<>".to_vec()));
    assert_eq!(wire_bytes("/\u{4f60}"), None);
}

#[test]
fn checks_host_and_protocol_like_postman_request() {
    let err = |s: &str| node(s).check().unwrap_err().to_string();
    assert_eq!(err("http://"), "Invalid URI \"http:///\"");
    assert_eq!(err("http://?q#h"), "Invalid URI \"http:///?q#h\"");
    assert_eq!(err("ftp://x/"), "Invalid protocol: ftp:");
    assert_eq!(err("ftp://"), "Invalid URI \"ftp:///\"");
    assert_eq!(err("foo://"), "Invalid URI \"foo:/\"");
    assert!(node("http://x/").check().is_ok());
}

/// Node 20's `url.domainToASCII` for each input ("" = failure, the host is then sent as is).
#[test]
fn domain_to_ascii_matches_node() {
    let table = [
        ("127.1", "127.0.0.1"),
        ("0x7f.1", "127.0.0.1"),
        ("0177.0.0.1", "127.0.0.1"),
        ("127.0.0.1.", "127.0.0.1"),
        ("1.2.3", "1.2.0.3"),
        ("4294967295", "255.255.255.255"),
        ("4294967296", ""),
        ("999.1.1.1", ""),
        ("localhost", "localhost"),
        ("LOCALHOST", "localhost"),
        ("B\u{fc}cher.de", "xn--bcher-kva.de"),
        ("b\u{fc}cher.de", "xn--bcher-kva.de"),
        ("xn--bcher-kva.de", "xn--bcher-kva.de"),
        ("xn--zz", ""),
        ("ex ample.com", ""),
        ("a_b.com", "a_b.com"),
        ("a..b", "a..b"),
        (".", "."),
        ("example.com.", "example.com."),
        ("%41.com", "a.com"),
        ("%zz.com", ""),
        ("[::1]", "[::1]"),
        ("[::FFFF:1.2.3.4]", "[::ffff:102:304]"),
        ("[fe80::1%25eth0]", ""),
        ("::1", ""),
        ("[::1", ""),
        ("a*b", "a*b"),
        ("a%b", ""),
        ("{{host}}", "{{host}}"),
        ("{{a}}.com", "{{a}}.com"),
        ("a@b", ""),
        ("a:b", ""),
        ("a/b", "a"),
        ("a?b", "a"),
        ("a#b", "a"),
        ("a\\b", "a"),
        ("a^b", ""),
        ("a|b", ""),
        ("a~b", "a~b"),
        ("a!b", "a!b"),
        ("a$b", "a$b"),
        ("a&b", "a&b"),
        ("a'b", "a'b"),
        ("a(b", "a(b"),
        ("a;b", "a;b"),
        ("a=b", "a=b"),
        ("a+b", "a+b"),
        ("a,b", "a,b"),
        ("a\"b", "a\"b"),
        ("a<b", ""),
        ("a`b", "a`b"),
        ("a{b", "a{b"),
        ("a}b", "a}b"),
        ("\u{ad}x.com", "x.com"),
        ("\u{fb01}.com", "fi.com"),
        ("\u{df}.de", "xn--zca.de"),
        ("fa\u{df}.de", "xn--fa-hia.de"),
        ("\u{216b}.com", "xii.com"),
        ("x\u{200d}.com", ""),
        (
            "\u{ff11}\u{ff12}\u{ff17}.\u{ff10}.\u{ff10}.\u{ff11}",
            "127.0.0.1",
        ),
        ("0x", "0.0.0.0"),
        ("0x.1", "0.0.0.1"),
        ("09.1", ""),
        ("1.0x", "1.0.0.0"),
        ("-a.com", "-a.com"),
        ("a-.com", "a-.com"),
        ("ab--c.com", "ab--c.com"),
        ("\u{2603}.com", "xn--n3h.com"),
        ("xn--n3h.com", "xn--n3h.com"),
        ("xn--N3H.com", "xn--n3h.com"),
        ("com", "com"),
        ("", ""),
        (
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com",
        ),
        ("\u{65e5}\u{672c}.jp", "xn--wgv71a.jp"),
        (
            "\u{645}\u{62b}\u{627}\u{644}.\u{625}\u{62e}\u{62a}\u{628}\u{627}\u{631}",
            "xn--mgbh0fb.xn--kgbechtv",
        ),
        ("1.2.3.4.5", ""),
        ("1.2.3.08", ""),
        ("0.0.0.0", "0.0.0.0"),
        ("0", "0.0.0.0"),
        ("00", "0.0.0.0"),
        ("[1:2:3:4:5:6:7:8]", "[1:2:3:4:5:6:7:8]"),
        ("[1::]", "[1::]"),
        ("[::]", "[::]"),
        ("[0:0::0:0]", "[::]"),
        ("[::127.0.0.1]", "[::7f00:1]"),
    ];
    for (input, expected) in table {
        let got = domain_to_ascii(input).unwrap_or_default();
        assert_eq!(got, expected, "domainToASCII({input:?})");
    }
}

#[test]
fn connect_url_fails_as_node_does() {
    assert_eq!(
        node("http://:4041/x").connect_url().map(|u| u.to_string()),
        Ok("http://localhost:4041/x".to_string())
    );
    assert_eq!(
        node("http://ex ample.com/")
            .connect_url()
            .unwrap_err()
            .to_string(),
        "getaddrinfo ENOTFOUND ex ample.com"
    );
    assert_eq!(
        node("http://x\u{200d}.com/")
            .connect_url()
            .unwrap_err()
            .to_string(),
        "Invalid character in header content [\"Host\"]"
    );
    assert_eq!(
        node("http://{{host}}/")
            .connect_url()
            .map(|u| u.to_string()),
        Ok("http://{{host}}/".to_string())
    );
}
