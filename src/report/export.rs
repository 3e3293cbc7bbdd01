//! Where report files go, as Newman decides it: the given path, the default file name inside a
//! given directory, or `newman/<stem>-<timestamp>-0.<ext>` under the working directory.

use chrono::{DateTime, SecondsFormat, Utc};
use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

/// The file a report is written to. `given` is the `--reporter-<r>-export` value; `stem` and
/// `ext` name the default (`newman-run-report`, `json`); `now` stamps the default name.
pub fn resolve_export_path(
    given: Option<&Path>,
    stem: &str,
    ext: &str,
    now: DateTime<Utc>,
) -> PathBuf {
    let default_name = || default_file_name(stem, ext, now);
    match given {
        None => Path::new("newman").join(default_name()),
        Some(path) if path.is_dir() || ends_with_separator(path) => path.join(default_name()),
        Some(path) => path.to_path_buf(),
    }
}

/// `<stem>-<ISO time with every run of non-digits turned into "-">0.<ext>`, as Newman names it:
/// `newman-run-report-2026-11-22-11-56-28-589-0.json`.
fn default_file_name(stem: &str, ext: &str, now: DateTime<Utc>) -> String {
    let iso = now.to_rfc3339_opts(SecondsFormat::Millis, true);
    let mut stamp = String::with_capacity(iso.len());
    for c in iso.chars() {
        if c.is_ascii_digit() {
            stamp.push(c);
        } else if !stamp.ends_with('-') {
            stamp.push('-');
        }
    }
    format!("{stem}-{stamp}0.{ext}")
}

fn ends_with_separator(path: &Path) -> bool {
    path.as_os_str()
        .to_string_lossy()
        .ends_with(std::path::MAIN_SEPARATOR)
        || path.as_os_str().to_string_lossy().ends_with('/')
}

/// Creates (truncates) the report file, making missing parent directories first.
pub(crate) fn create_report_file(path: &Path) -> std::io::Result<BufWriter<File>> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    Ok(BufWriter::new(File::create(path)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn when() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 22, 11, 56, 28).unwrap()
            + chrono::Duration::milliseconds(589)
    }

    #[test]
    fn default_name_is_newmans() {
        let path = resolve_export_path(None, "newman-run-report", "json", when());
        assert_eq!(
            path,
            Path::new("newman").join("newman-run-report-2026-11-22-11-56-28-589-0.json")
        );
    }

    #[test]
    fn a_directory_gets_the_default_name_inside() {
        let dir = tempfile::tempdir().unwrap();
        let path = resolve_export_path(Some(dir.path()), "newman-run-report", "xml", when());
        assert_eq!(
            path,
            dir.path()
                .join("newman-run-report-2026-11-22-11-56-28-589-0.xml")
        );
        let file = dir.path().join("r.xml");
        assert_eq!(resolve_export_path(Some(&file), "x", "xml", when()), file);
    }

    #[test]
    fn missing_directories_are_created() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b/report.json");
        drop(create_report_file(&path).unwrap());
        assert!(path.is_file());
    }
}
