//! Reading body files (form-data file parts, binary bodies) relative to `--working-dir`, refusing
//! paths outside it under `--no-insecure-file-read`, with Node-style error messages, plus the
//! content type guessed from a file name.

use super::types::HttpOptions;
use std::path::{Component, Path, PathBuf};

/// Reads `src` (relative paths resolve against the working directory). The error is the message
/// Newman shows (`ENOENT: no such file or directory, open '/abs/x.txt'`).
pub(crate) fn read(opts: &HttpOptions, src: &str) -> Result<(PathBuf, Vec<u8>), String> {
    let path = resolve(opts, src)?;
    match std::fs::read(&path) {
        Ok(bytes) => Ok((path, bytes)),
        Err(e) => Err(node_error(&e, &path)),
    }
}

fn resolve(opts: &HttpOptions, src: &str) -> Result<PathBuf, String> {
    let wd = absolute(&opts.working_dir);
    let path = normalize(&wd.join(src));
    if !opts.insecure_file_read && !path.starts_with(&wd) {
        return Err("PPERM: insecure file access outside working directory".to_string());
    }
    Ok(path)
}

fn absolute(p: &Path) -> PathBuf {
    if p.is_absolute() {
        normalize(p)
    } else {
        let cwd = std::env::current_dir().unwrap_or_default();
        normalize(&cwd.join(p))
    }
}

/// Lexical normalisation (`a/./b/../c` → `a/c`), like Node's `path.resolve`.
fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

fn node_error(e: &std::io::Error, path: &Path) -> String {
    use std::io::ErrorKind;
    let p = path.display();
    match e.kind() {
        ErrorKind::NotFound => format!("ENOENT: no such file or directory, open '{p}'"),
        ErrorKind::PermissionDenied => format!("EACCES: permission denied, open '{p}'"),
        ErrorKind::IsADirectory => "EISDIR: illegal operation on a directory, read".to_string(),
        _ => format!("{e}, open '{p}'"),
    }
}

/// The MIME type for a file name's extension (the common ones), else `application/octet-stream`.
pub(crate) fn mime_for(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "json" | "map" => "application/json",
        "txt" | "text" | "log" | "conf" | "ini" => "text/plain",
        "html" | "htm" | "shtml" => "text/html",
        "css" => "text/css",
        "csv" => "text/csv",
        "md" | "markdown" => "text/markdown",
        "xml" => "application/xml",
        "js" | "mjs" | "cjs" => "application/javascript",
        "yaml" | "yml" => "text/yaml",
        "png" => "image/png",
        "jpg" | "jpeg" | "jpe" => "image/jpeg",
        "gif" => "image/gif",
        "svg" | "svgz" => "image/svg+xml",
        "webp" => "image/webp",
        "ico" => "image/vnd.microsoft.icon",
        "bmp" => "image/bmp",
        "tif" | "tiff" => "image/tiff",
        "pdf" => "application/pdf",
        "zip" => "application/zip",
        "gz" => "application/gzip",
        "tar" => "application/x-tar",
        "wasm" => "application/wasm",
        "mp3" => "audio/mpeg",
        "wav" => "audio/wav",
        "mp4" | "mp4v" | "mpg4" => "video/mp4",
        "webm" => "video/webm",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls" => "application/vnd.ms-excel",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "bin" | "exe" | "dll" | "so" => "application/octet-stream",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_outside_working_dir_when_asked() {
        let opts = HttpOptions {
            working_dir: PathBuf::from("/tmp/wd"),
            insecure_file_read: false,
            ..HttpOptions::default()
        };
        assert_eq!(
            resolve(&opts, "../etc/passwd"),
            Err("PPERM: insecure file access outside working directory".into())
        );
        assert_eq!(
            resolve(&opts, "a/../b.txt"),
            Ok(PathBuf::from("/tmp/wd/b.txt"))
        );
    }

    #[test]
    fn missing_file_message() {
        let opts = HttpOptions {
            working_dir: PathBuf::from("/nonexistent-postie"),
            ..HttpOptions::default()
        };
        assert_eq!(
            read(&opts, "x.txt").map(|_| ()),
            Err("ENOENT: no such file or directory, open '/nonexistent-postie/x.txt'".into())
        );
    }

    #[test]
    fn mime_types() {
        assert_eq!(mime_for(Path::new("a.JSON")), "application/json");
        assert_eq!(mime_for(Path::new("a")), "application/octet-stream");
    }
}
