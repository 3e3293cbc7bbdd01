//! `build` (the registry, default paths), the `Reporters` fan-out over all reporters of a run,
//! and the progress and emojitrain reporters.

mod report_support;

use postie::report::{
    build, CliOptions, EmojiTrainReporter, JsonOptions, JunitOptions, ProgressReporter, Reporter,
    ReporterOptions, Reporters,
};
use report_support::{drive, fixture, Captured, Shape};

#[test]
fn every_reporter_writes_even_when_the_run_is_cut_short() {
    let dir = tempfile::tempdir().unwrap();
    let out = Captured::default();
    let opts = ReporterOptions {
        reporters: ["cli", "json", "junit", "progress", "emojitrain"]
            .map(String::from)
            .to_vec(),
        json: JsonOptions {
            export: Some(dir.path().join("r.json")),
            bodies: false,
        },
        junit: JunitOptions {
            export: Some(dir.path().to_path_buf()),
        },
        ..ReporterOptions::default()
    };
    let mut all = Reporters::new(build(&opts, Box::new(out.clone())).expect("built"));
    assert_eq!(all.len(), 5);
    let fx = fixture(Shape::default());
    drive(&mut all, &fx, Some(20));
    all.finish(&fx.summary).expect("all finished");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("r.json")).unwrap()).unwrap();
    assert_eq!(json["run"]["executions"].as_array().unwrap().len(), 3);
    let xml_files: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".xml"))
        .collect();
    assert_eq!(xml_files.len(), 1);
    assert!(xml_files[0].starts_with("newman-run-report-") && xml_files[0].ends_with("-0.xml"));
    let printed = out.text();
    assert!(printed.starts_with("postie\n"));
    assert!(
        printed.contains("😀 ") && printed.contains("😢 "),
        "emojitrain shares stdout: {printed}"
    );
    assert!(printed.ends_with(" 😭\n"), "{printed}");
    assert!(
        !printed.contains("progress ["),
        "no progress bar without a terminal"
    );
}

#[test]
fn silent_silences_every_printer() {
    let out = Captured::default();
    let opts = ReporterOptions {
        reporters: ["cli", "progress", "emojitrain"].map(String::from).to_vec(),
        cli: CliOptions {
            silent: true,
            ..CliOptions::default()
        },
        is_tty: true,
        ..ReporterOptions::default()
    };
    let mut all = Reporters::new(build(&opts, Box::new(out.clone())).unwrap());
    let fx = fixture(Shape::default());
    drive(&mut all, &fx, None);
    all.finish(&fx.summary).unwrap();
    assert_eq!(out.text(), "");
}

#[test]
fn emojitrain_one_face_per_item_then_the_verdict() {
    let out = Captured::default();
    let mut train = EmojiTrainReporter::new(true, Box::new(out.clone()));
    let fx = fixture(Shape::default());
    drive(&mut train, &fx, None);
    train.finish(&fx.summary).unwrap();
    assert_eq!(out.text(), "😀 😢 😢 😢 😢 😢  😭\n");

    let out = Captured::default();
    let mut train = EmojiTrainReporter::new(true, Box::new(out.clone()));
    let mut fx = fixture(Shape {
        bodies: false,
        single: true,
    });
    fx.executions.truncate(1);
    fx.summary.failures.clear();
    drive(&mut train, &fx, None);
    train.finish(&fx.summary).unwrap();
    assert_eq!(out.text(), "😀  😍\n");
}

#[test]
fn progress_draws_one_line_on_a_terminal() {
    let out = Captured::default();
    let mut bar = ProgressReporter::new(true, false, Box::new(out.clone()));
    let fx = fixture(Shape::default());
    drive(&mut bar, &fx, None);
    bar.finish(&fx.summary).unwrap();
    let text = out.text();
    assert!(text.starts_with("\rprogress [----------------------------------------] 0% | 0/6"));
    assert!(text.contains("\rprogress [====================--------------------] 50% | 3/6"));
    assert!(text.ends_with("\rprogress [========================================] 100% | 6/6\n"));
    assert_eq!(text.matches('\n').count(), 1);

    let out = Captured::default();
    let mut bar = ProgressReporter::new(false, true, Box::new(out.clone()));
    drive(&mut bar, &fx, None);
    bar.finish(&fx.summary).unwrap();
    assert_eq!(out.text(), "");
}
