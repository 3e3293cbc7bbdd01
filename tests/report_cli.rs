//! The cli reporter's whole output for a realistic run, snapshotted under each switch: colour
//! off and on, unicode and `--disable-unicode`, every `--reporter-cli-no-*`, timestamps,
//! `--verbose`, `--silent`.

mod report_support;

use postie::report::cli::CliReporter;
use postie::report::{CliOptions, Reporter};
use report_support::{drive, fixture, Captured, Shape};

fn output_with(opts: CliOptions, shape: Shape) -> String {
    let out = Captured::default();
    let fx = fixture(shape);
    let clock = || {
        chrono::NaiveDate::from_ymd_opt(2026, 11, 22)
            .and_then(|d| d.and_hms_opt(13, 5, 9))
            .unwrap_or_default()
    };
    let mut cli = CliReporter::new(opts, Box::new(out.clone())).with_clock(Box::new(clock));
    drive(&mut cli, &fx, None);
    cli.finish(&fx.summary).expect("summary printed");
    out.text()
}

fn output(opts: CliOptions) -> String {
    output_with(opts, Shape::default())
}

#[test]
fn default_layout() {
    let text = output(CliOptions::default());
    assert!(!text.contains('\x1b'), "no ANSI codes with colour off");
    assert!(text.starts_with("postie\n\nSample API Tests\n"));
    insta::assert_snapshot!("cli_default", text);
}

#[test]
fn colour_on() {
    let text = output(CliOptions {
        color: true,
        ..CliOptions::default()
    });
    assert!(text.contains("\x1b[32m  ✓ \x1b[39m"), "green tick");
    assert!(
        text.contains("\x1b[31m\x1b[1m  3.\x1b[22m\x1b[39m"),
        "red bold ordinal"
    );
    insta::assert_snapshot!("cli_colour", text);
}

#[test]
fn disable_unicode() {
    let text = output(CliOptions {
        unicode: false,
        ..CliOptions::default()
    });
    for symbol in ["✓", "❏", "↳", "→", "┌", "│", "└", "─"] {
        assert!(!text.contains(symbol), "{symbol} with --disable-unicode");
    }
    assert!(text.contains("Folder Users"));
    assert!(text.contains("  Pass  status is 200"));
    insta::assert_snapshot!("cli_plain", text);
}

#[test]
fn disable_unicode_with_colour() {
    let text = output(CliOptions {
        unicode: false,
        color: true,
        ..CliOptions::default()
    });
    insta::assert_snapshot!("cli_plain_colour", text);
}

#[test]
fn no_summary_drops_the_table_only() {
    let text = output(CliOptions {
        no_summary: true,
        ..CliOptions::default()
    });
    assert!(!text.contains("executed"));
    assert!(text.contains("  #  failure"));
    insta::assert_snapshot!("cli_no_summary", text);
}

#[test]
fn no_failures_drops_the_list_only() {
    let text = output(CliOptions {
        no_failures: true,
        ..CliOptions::default()
    });
    assert!(text.contains("executed"));
    assert!(!text.contains("  #  failure"));
    insta::assert_snapshot!("cli_no_failures", text);
}

#[test]
fn no_assertions() {
    let text = output(CliOptions {
        no_assertions: true,
        ..CliOptions::default()
    });
    assert!(!text.contains("status is 200\n"));
    assert!(!text.contains("[skipped]"));
    assert!(
        text.contains("1⠄ ReferenceError in test-script"),
        "script errors stay"
    );
    insta::assert_snapshot!("cli_no_assertions", text);
}

#[test]
fn no_success_assertions_keeps_failures() {
    let text = output(CliOptions {
        no_success_assertions: true,
        ..CliOptions::default()
    });
    assert!(!text.contains("✓  status is 200"));
    assert!(!text.contains("[skipped]"));
    assert!(text.contains("  3. query echoed"));
    insta::assert_snapshot!("cli_no_success_assertions", text);
}

#[test]
fn no_console() {
    let text = output(CliOptions {
        no_console: true,
        ..CliOptions::default()
    });
    assert!(!text.contains("'collection pre'"));
    insta::assert_snapshot!("cli_no_console", text);
}

#[test]
fn no_banner() {
    let text = output(CliOptions {
        no_banner: true,
        ..CliOptions::default()
    });
    assert!(text.starts_with("Sample API Tests\n"));
    insta::assert_snapshot!("cli_no_banner", text);
}

#[test]
fn show_timestamps() {
    let text = output(CliOptions {
        show_timestamps: true,
        ..CliOptions::default()
    });
    assert!(text.contains("  [11/22/2026, 1:05:09 PM]  GET http://127.0.0.1:3456/get?q=v1 ["));
    assert!(text.contains("  [1:05:09 PM]  ✓  status is 200"));
    insta::assert_snapshot!("cli_timestamps", text);
}

#[test]
fn verbose_with_bodies_and_phases() {
    let opts = CliOptions {
        verbose: true,
        ..CliOptions::default()
    };
    let text = output_with(
        opts,
        Shape {
            bodies: true,
            single: true,
        },
    );
    assert!(text.contains("  200 OK ★ 42ms time ★ "));
    assert!(text.contains("application/json ★ text ★ json ★ utf8"));
    assert!(text.contains("dns-lookup"));
    insta::assert_snapshot!("cli_verbose", text);
}

#[test]
fn verbose_without_bodies_prints_the_content_line() {
    let opts = CliOptions {
        verbose: true,
        ..CliOptions::default()
    };
    let text = output_with(
        opts,
        Shape {
            bodies: false,
            single: true,
        },
    );
    assert!(text.contains("  ↓ application/json ★ text ★ json ★ utf8\n"));
    assert!(!text.contains("dns-lookup"));
}

#[test]
fn single_iteration_has_no_iteration_lines() {
    let text = output_with(
        CliOptions::default(),
        Shape {
            bodies: false,
            single: true,
        },
    );
    assert!(!text.contains("Iteration 1/1"));
    assert!(!text.contains("iteration: 1"));
    insta::assert_snapshot!("cli_single_iteration", text);
}

#[test]
fn silent_prints_nothing() {
    assert_eq!(
        output(CliOptions {
            silent: true,
            ..CliOptions::default()
        }),
        ""
    );
}
