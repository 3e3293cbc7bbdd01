//! `postie compare` end to end against two region servers that differ on purpose (token
//! lifetime 3600 vs 1800, create answers 201 vs 200, profile id number vs string, an audit
//! request only one region reaches): the terminal table, the Differences section, exit codes.

mod compare_support;

use compare_support::*;

/// The table's lines as cells: split at runs of two or more spaces, times made `Nms`.
fn cells(text: &str) -> Vec<Vec<String>> {
    let ms = regex::Regex::new(r"\d+ms").unwrap();
    let gap = regex::Regex::new(r" {2,}").unwrap();
    text.lines()
        .map(|l| {
            let l = ms.replace_all(l, "Nms");
            gap.split(l.trim())
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect()
        })
        .collect()
}

fn table_part(text: &str) -> &str {
    &text[..text.find("\nDifferences").expect("a Differences section")]
}

#[test]
fn the_table_shows_every_assertion_and_request_per_variant_and_marks_differences() {
    let dir = tempfile::tempdir().unwrap();
    let regions = Regions::start(dir.path());
    let out = regions.compare(dir.path(), &[]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "eu fails an assertion:\n{text}");
    let expected: Vec<Vec<&str>> = vec![
        vec!["Token Flow: 2 variants compared"],
        vec![],
        vec!["request / assertion", "US", "EU"],
        vec!["Auth / Get Token"],
        vec!["status is 200", "✓", "✓"],
        vec!["has an access token", "✓", "✓"],
        vec!["≠", "expires in an hour", "✓", "✗"],
        vec!["status · time", "200 · Nms", "200 · Nms"],
        vec!["Users / Create User"],
        vec!["created", "✓", "✓"],
        vec!["≠", "status · time", "201 · Nms", "200 · Nms"],
        vec!["Users / Get Profile"],
        vec!["has an id", "✓", "✓"],
        vec!["≠", "status · time", "200 · Nms", "200 · Nms"],
        vec!["Users / Audit"],
        vec!["≠", "audit ok", "✓", "–"],
        vec!["≠", "status · time", "200 · Nms", "–"],
        vec![],
        vec!["variables set by scripts", "US", "EU"],
        vec!["≠", "access_token", "(masked) different"],
        vec!["≠", "lifetime", "3600", "1800"],
    ];
    assert_eq!(cells(table_part(&text)), expected, "{text}");
    // Secrets never reach the terminal.
    assert!(
        !text.contains("token-us") && !text.contains("token-eu"),
        "{text}"
    );
}

#[test]
fn the_differences_section_lists_every_disagreement_again() {
    let dir = tempfile::tempdir().unwrap();
    let regions = Regions::start(dir.path());
    let out = postie(
        dir.path(),
        &[
            "compare",
            regions.collection.to_str().unwrap(),
            "-e",
            "us.json",
            "-e",
            "eu.json",
            "--color=off",
        ],
    );
    let text = stdout(&out);
    let diff = &text[text.find("Differences").unwrap()..];
    let expected = "\
Differences: 2 of 6 rows, 3 of 4 requests, 2 of 2 variables
  Auth / Get Token
    expires in an hour: US ✓, EU ✗ expected 1800 to deeply equal 3600
  Users / Create User
    status: US 201, EU 200
  Users / Get Profile
    body: US {id: number, name: string}, EU {id: string, name: string}
  Users / Audit
    audit ok: US ✓, EU –
    status: US 200, EU not run
  variable access_token: different (masked)
  variable lifetime: US 3600, EU 1800

US  4 requests, 6 passed, 0 failed
EU  3 requests, 4 passed, 1 failed
";
    assert_eq!(diff, expected);
}

#[test]
fn verbose_puts_each_failure_message_under_its_row() {
    let dir = tempfile::tempdir().unwrap();
    let regions = Regions::start(dir.path());
    let out = regions.compare(dir.path(), &["--verbose"]);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    let row = lines
        .iter()
        .position(|l| l.contains("expires in an hour"))
        .unwrap();
    assert_eq!(
        lines[row + 1].trim(),
        "EU: expected 1800 to deeply equal 3600"
    );
    // Without --verbose the message appears only in the Differences section.
    let quiet = stdout(&regions.compare(dir.path(), &[]));
    assert_eq!(quiet.matches("expected 1800").count(), 1, "{quiet}");
}

#[test]
fn exit_codes_failures_and_fail_on_diff() {
    let dir = tempfile::tempdir().unwrap();
    let regions = Regions::start(dir.path());
    let c = regions.collection.to_str().unwrap();
    let base = ["compare", c, "-e", "us.json", "-e", "eu.json"];
    let run = |extra: &[&str]| {
        let mut args = base.to_vec();
        args.extend_from_slice(extra);
        postie(dir.path(), &args).status.code()
    };
    // A failing assertion in one variant.
    assert_eq!(run(&[]), Some(1));
    assert_eq!(run(&["-x"]), Some(0));
    // `Users` alone passes everywhere but differs in status codes and in what ran.
    assert_eq!(run(&["--folder", "Users"]), Some(0));
    assert_eq!(run(&["--folder", "Users", "--fail-on-diff"]), Some(1));
    assert_eq!(run(&["--folder", "Users", "--fail-on-diff", "-x"]), Some(0));
    // Only body shapes differ there: shown, never fatal.
    assert_eq!(run(&["--folder", "Get Profile", "--fail-on-diff"]), Some(0));
}

#[test]
fn plain_symbols_and_silent() {
    let dir = tempfile::tempdir().unwrap();
    let regions = Regions::start(dir.path());
    let c = regions.collection.to_str().unwrap();
    let out = postie(
        dir.path(),
        &[
            "compare",
            c,
            "-e",
            "us.json",
            "-e",
            "eu.json",
            "--disable-unicode",
        ],
    );
    let rows = cells(table_part(&stdout(&out)));
    assert!(rows.contains(&vec![
        "!".to_string(),
        "expires in an hour".into(),
        "ok".into(),
        "FAIL".into()
    ]));
    assert!(rows.contains(&vec![
        "!".to_string(),
        "status, time".into(),
        "200 Nms".into(),
        "-".into()
    ]));
    let out = postie(
        dir.path(),
        &["compare", c, "-e", "us.json", "-e", "eu.json", "--silent"],
    );
    assert_eq!(stdout(&out), "");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn input_errors_are_reported_before_anything_runs() {
    let dir = tempfile::tempdir().unwrap();
    let regions = Regions::start(dir.path());
    let c = regions.collection.to_str().unwrap();
    let cases: [(&[&str], &str); 5] = [
        (&["compare", c], "nothing to compare"),
        (
            &["compare", c, "-e", "us.json", "--name", "a", "--name", "b"],
            "more --name than -e",
        ),
        (
            &["compare", c, "-e", "us.json", "--matrix", "tld"],
            "invalid --matrix value",
        ),
        (
            &["compare", c, "-e", "us.json", "-e", "missing.json"],
            "environment could not be loaded",
        ),
        (
            &[
                "compare", c, "-e", "us.json", "-e", "eu.json", "-r", "teamcity",
            ],
            "could not find \"teamcity\" reporter",
        ),
    ];
    for (args, message) in cases {
        let out = postie(dir.path(), args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(stderr(&out).contains(message), "{args:?}: {}", stderr(&out));
        assert_eq!(stdout(&out), "", "{args:?}");
    }
    assert_eq!(regions.us.hits.load(std::sync::atomic::Ordering::SeqCst), 0);
}
