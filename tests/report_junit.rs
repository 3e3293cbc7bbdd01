//! The junit reporter's XML, parsed back: one suite per request execution (iterations never
//! merged), one testcase per assertion and per error, counts on suites and totals on the root.

mod report_support;

use postie::report::junit::JunitReporter;
use postie::report::Reporter;
use postie::run::Execution;
use report_support::{drive, fixture, Shape};
use std::path::Path;

fn write_xml(dir: &Path, shape: Shape, limit: Option<usize>) -> String {
    let path = dir.join("nested/junit.xml");
    let fx = fixture(shape);
    let mut reporter = JunitReporter::new(path.clone());
    drive(&mut reporter, &fx, limit);
    reporter.finish(&fx.summary).expect("report written");
    std::fs::read_to_string(path).expect("report exists")
}

fn xml(shape: Shape) -> String {
    write_xml(tempfile::tempdir().unwrap().path(), shape, None)
}

fn attr<'a>(node: roxmltree::Node<'a, '_>, name: &str) -> &'a str {
    node.attribute(name)
        .unwrap_or_else(|| panic!("{} has no {name}", node.tag_name().name()))
}

fn children<'a, 'i>(node: roxmltree::Node<'a, 'i>, tag: &str) -> Vec<roxmltree::Node<'a, 'i>> {
    node.children().filter(|n| n.has_tag_name(tag)).collect()
}

#[test]
fn root_has_collection_name_and_totals() {
    let text = xml(Shape::default());
    assert!(text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
    let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    assert_eq!(attr(root, "name"), "Sample API Tests");
    // per iteration: 3 assertions + 1 test-script error, 1 assertion... see below
    assert_eq!(attr(root, "tests"), "12");
    assert_eq!(attr(root, "failures"), "1");
    assert_eq!(attr(root, "errors"), "4");
    assert_eq!(attr(root, "skipped"), "2");
    assert_eq!(attr(root, "time"), "0.108");
    assert_eq!(attr(root, "timestamp"), "2023-11-14T22:13:20.000Z");
}

#[test]
fn one_suite_per_execution_named_by_path_and_iteration() {
    let text = xml(Shape::default());
    let doc = roxmltree::Document::parse(&text).unwrap();
    let suites = children(doc.root_element(), "testsuite");
    let names: Vec<&str> = suites.iter().map(|s| attr(*s, "name")).collect();
    assert_eq!(
        names,
        [
            "Users / Get user [iteration 1]",
            "Users / Admin / Broken script [iteration 1]",
            "Root ping [iteration 1]",
            "Users / Get user [iteration 2]",
            "Users / Admin / Broken script [iteration 2]",
            "Root ping [iteration 2]",
        ]
    );
    let first = suites[0];
    assert_eq!(attr(first, "id"), "id-get-user");
    assert_eq!(
        [
            attr(first, "tests"),
            attr(first, "failures"),
            attr(first, "errors"),
            attr(first, "skipped")
        ],
        ["3", "0", "0", "1"]
    );
    assert_eq!(attr(first, "time"), "0.042");
    assert!(attr(first, "timestamp").ends_with('Z'));
    assert_eq!(
        attr(suites[3], "failures"),
        "1",
        "iteration 2 keeps its own failure"
    );
}

#[test]
fn testcases_for_assertions_failures_skips_and_errors() {
    let text = xml(Shape::default());
    let doc = roxmltree::Document::parse(&text).unwrap();
    let suites = children(doc.root_element(), "testsuite");
    let cases = children(suites[3], "testcase");
    assert_eq!(cases.len(), 3);
    assert_eq!(attr(cases[0], "name"), "status is 200");
    assert_eq!(attr(cases[0], "classname"), "Users.Get user");
    assert_eq!(attr(cases[0], "time"), "0.042");
    assert!(
        cases[0].first_element_child().is_none(),
        "a pass has no children"
    );
    let failure = children(cases[1], "failure")[0];
    assert_eq!(attr(failure, "type"), "AssertionError");
    assert_eq!(
        attr(failure, "message"),
        "expected 'v2' to deeply equal 'v1'"
    );
    let body = failure.text().unwrap();
    assert!(body.contains("Test: query echoed"), "{body}");
    assert!(
        body.contains("Request: GET http://127.0.0.1:3456/get?q=v2"),
        "{body}"
    );
    assert!(body.contains("Response: 200 OK"), "{body}");
    assert_eq!(children(cases[2], "skipped").len(), 1);

    let script = children(suites[1], "testcase");
    assert_eq!(attr(script[0], "name"), "before error");
    assert_eq!(attr(script[1], "name"), "test-script");
    assert_eq!(attr(script[1], "classname"), "Users.Admin.Broken script");
    let error = children(script[1], "error")[0];
    assert_eq!(attr(error, "type"), "ReferenceError");
    assert_eq!(attr(error, "message"), "undefinedFn is not defined");

    let request = children(suites[2], "testcase");
    assert_eq!(request.len(), 1);
    assert_eq!(attr(request[0], "name"), "request");
    assert_eq!(attr(request[0], "time"), "0.000");
    let error = children(request[0], "error")[0];
    assert_eq!(attr(error, "message"), "connect ECONNREFUSED 127.0.0.1:1");
    assert_eq!(attr(suites[2], "errors"), "1");
}

#[test]
fn single_iteration_names_have_no_suffix() {
    let text = xml(Shape {
        bodies: true,
        single: true,
    });
    let doc = roxmltree::Document::parse(&text).unwrap();
    let suites = children(doc.root_element(), "testsuite");
    assert_eq!(attr(suites[0], "name"), "Users / Get user");
    assert!(
        !text.contains("{\"args\""),
        "response bodies never reach the XML"
    );
}

#[test]
fn markup_in_names_and_messages_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.xml");
    let mut fx = fixture(Shape {
        bodies: false,
        single: true,
    });
    let exec: &mut Execution = &mut fx.executions[0];
    exec.item.name = "a <b> & \"c\" ]]>".into();
    exec.assertions[1].name = "x\ny\u{1}".into();
    exec.assertions[1].error = Some(postie::run::ErrorInfo::new("AssertionError", "<&>\"'"));
    let mut reporter = JunitReporter::new(path.clone());
    reporter
        .on_event(&postie::run::RunEvent::Item(&fx.executions[0]))
        .unwrap();
    reporter.finish(&fx.summary).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let doc = roxmltree::Document::parse(&text).expect("still well-formed");
    let suite = children(doc.root_element(), "testsuite")[0];
    assert_eq!(attr(suite, "name"), "Users / a <b> & \"c\" ]]>");
    let case = children(suite, "testcase")[1];
    assert_eq!(attr(case, "name"), "x\ny\u{FFFD}");
    assert_eq!(attr(children(case, "failure")[0], "message"), "<&>\"'");
}

#[test]
fn an_interrupted_run_still_writes_valid_xml() {
    let dir = tempfile::tempdir().unwrap();
    let text = write_xml(dir.path(), Shape::default(), Some(12));
    let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
    assert_eq!(children(doc.root_element(), "testsuite").len(), 1);
    let text = write_xml(dir.path(), Shape::default(), Some(0));
    let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
    assert_eq!(attr(doc.root_element(), "tests"), "0");
}
