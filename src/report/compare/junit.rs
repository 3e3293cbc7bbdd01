//! `-r junit` for `postie compare`: one XML file holding every variant's suites, variant after
//! variant, each suite named `[variant] Folder / Request` so CI lists every variant.
//! Each variant's suites come from a [`JunitReporter`] made by [`variant_reporter`].

use crate::report::junit::{self, JunitReporter, JunitSuites};
use crate::report::ReportError;
use std::path::{Path, PathBuf};

/// A junit reporter for one variant: it renders the variant's suites (never writes a file).
pub fn variant_reporter(variant: &str) -> JunitReporter {
    JunitReporter::new(PathBuf::new()).with_suite_prefix(format!("[{variant}] "))
}

/// Writes one document of all `parts` (in variant order) to `path`. `started_ms`: the earliest
/// start of the variants (epoch milliseconds).
pub fn write(
    path: &Path,
    collection_name: &str,
    started_ms: i64,
    parts: Vec<JunitSuites>,
) -> Result<(), ReportError> {
    let mut totals = junit::Counts::default();
    let mut suites = Vec::new();
    for part in parts {
        totals.add(part.totals);
        suites.extend(part.suites);
    }
    let document = junit::document(collection_name, started_ms, totals, &suites);
    junit::write_document(path, &document)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Reporter;
    use crate::run::{AssertionResult, ErrorInfo, Execution, ItemRef, RunEvent};

    fn execution(passed: bool) -> Execution {
        Execution {
            item: ItemRef {
                id: "i".into(),
                name: "Get Token".into(),
                folders: vec!["Auth".into()],
            },
            assertions: vec![AssertionResult {
                name: "expires".into(),
                index: 0,
                skipped: false,
                error: (!passed).then(|| ErrorInfo::new("AssertionError", "expected 1")),
            }],
            ..Execution::default()
        }
    }

    #[test]
    fn one_document_with_prefixed_suites_and_summed_totals() {
        let dir = tempfile::tempdir().unwrap();
        let mut parts = Vec::new();
        for (name, passed) in [("us", true), ("eu", false)] {
            let mut r = variant_reporter(name);
            r.on_event(&RunEvent::Item(&execution(passed))).unwrap();
            parts.push(r.into_suites());
        }
        let path = dir.path().join("out/compare.xml");
        write(&path, "Flow", 0, parts).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("<testsuites name=\"Flow\" tests=\"2\" failures=\"1\""));
        let us = text.find("name=\"[us] Auth / Get Token\"").unwrap();
        let eu = text.find("name=\"[eu] Auth / Get Token\"").unwrap();
        assert!(us < eu);
    }
}
