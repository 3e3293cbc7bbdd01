//! `--verbose` request output: the detail line (`200 OK ★ 37ms time ★ 421B↑ 708B↓ size ★ 7↑ 6↓
//! headers ★ 0 cookies`), request and response bodies in boxes (clipped to 2048 B), and the
//! timing phases. Also the size arithmetic both modes share.

use super::format::{filesize, prettyms, width, wrap};
use super::live::{Ctx, WRAP_WIDTH};
use super::style::Paint;
use crate::run::{Phases, ResponseSummary, SentRequest};

/// Bodies longer than this many characters are cut (Newman's `BODY_CLIP_SIZE`).
const BODY_CLIP: usize = 2048;

/// Bytes of the status line and headers as they would be written (`HTTP/X.X 200 OK\r\n`,
/// `Key: value\r\n` each, the blank line), plus the body: Newman's `response.size().total`.
pub fn response_size(response: &ResponseSummary) -> u64 {
    let status_line = format!("HTTP/X.X {} {}\r\n\r\n", response.code, response.status);
    (status_line.len() + headers_size(&response.headers) + response.response_size) as u64
}

/// The same for a request: request line, headers, body.
pub fn request_size(request: &SentRequest) -> u64 {
    let target = url::Url::parse(&request.url)
        .map(|u| match u.query() {
            Some(q) => format!("{}?{q}", u.path()),
            None => u.path().to_string(),
        })
        .unwrap_or_else(|_| request.url.clone());
    let line = format!("{} {target} HTTP/X.X\r\n\r\n", request.method);
    let body = request.body.as_ref().map_or(0, String::len);
    (line.len() + headers_size(&request.headers) + body) as u64
}

fn headers_size(headers: &[(String, String)]) -> usize {
    headers.iter().map(|(k, v)| k.len() + v.len() + 4).sum()
}

/// Everything `--verbose` prints after the request line.
pub fn response(ctx: &Ctx, request: &SentRequest, response: &ResponseSummary) -> String {
    let mut out = format!("  {}\n", detail_line(ctx, request, response));
    if let Some(body) = request.body.as_deref().filter(|b| !b.is_empty()) {
        let head = format!("{} {}", ctx.sym.up, filesize(body.len() as u64));
        out.push_str(&body_box(ctx, &head, body));
    }
    let content = content_info(ctx, response);
    match response.body.as_deref().filter(|b| !b.is_empty()) {
        Some(body) => {
            let star = ctx.paint(Paint::Gray, ctx.sym.star);
            let head = format!(
                "{} {content} {star} {}",
                ctx.sym.down,
                filesize(body.len() as u64)
            );
            out.push_str(&body_box(ctx, &head, &String::from_utf8_lossy(body)));
        }
        None => out.push_str(&format!("  {} {content}\n", ctx.sym.down)),
    }
    if let Some(phases) = &response.phases {
        out.push('\n');
        out.push_str(&timing_table(ctx, phases));
        out.push_str("\n\n");
    }
    out
}

fn detail_line(ctx: &Ctx, request: &SentRequest, response: &ResponseSummary) -> String {
    let gray = |s: &str| ctx.paint(Paint::Gray, s);
    let (up, down) = (gray(ctx.sym.up), gray(ctx.sym.down));
    let cookies = response
        .headers
        .iter()
        .filter(|(k, _)| k.eq_ignore_ascii_case("set-cookie"))
        .count();
    let parts = [
        format!("{} {}", response.code, response.status),
        format!("{} {}", prettyms(response.response_time), gray("time")),
        format!(
            "{}{up} {}{down} {}",
            filesize(request_size(request)),
            filesize(response_size(response)),
            gray("size")
        ),
        format!(
            "{}{up} {}{down} {}",
            request.headers.len(),
            response.headers.len(),
            gray("headers")
        ),
        format!("{cookies} {}", gray("cookies")),
    ];
    parts.join(&format!(" {} ", gray(ctx.sym.star)))
}

/// `application/json ★ text ★ json ★ utf8`, from the `Content-Type` header.
fn content_info(ctx: &Ctx, response: &ResponseSummary) -> String {
    let header = response
        .headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("content-type"))
        .map(|(_, v)| v.as_str())
        .unwrap_or("text/plain");
    let mut params = header.split(';');
    let mime = params.next().unwrap_or("").trim().to_ascii_lowercase();
    let charset = params
        .filter_map(|p| p.trim().strip_prefix("charset="))
        .map(|c| c.trim_matches('"').to_ascii_lowercase().replace('-', ""))
        .next()
        .unwrap_or_else(|| "utf8".into());
    let (kind, format) = mime_class(&mime);
    let star = format!(" {} ", ctx.paint(Paint::Gray, ctx.sym.star));
    [mime.as_str(), kind, format, charset.as_str()].join(&star)
}

/// Postman's (type, format) classes of a media type.
fn mime_class(mime: &str) -> (&'static str, &'static str) {
    let (major, minor) = mime.split_once('/').unwrap_or((mime, ""));
    match () {
        _ if minor.contains("json") => ("text", "json"),
        _ if minor.contains("xml") => ("text", "xml"),
        _ if minor.contains("html") => ("text", "html"),
        _ if minor.contains("javascript") => ("text", "script"),
        _ if minor == "css" => ("text", "css"),
        _ if major == "text" => ("text", "plain"),
        _ if major == "image" => ("image", "image"),
        _ if major == "audio" => ("audio", "audio"),
        _ if major == "video" => ("video", "video"),
        _ => ("embed", "raw"),
    }
}

/// `  ┌ <head>`, the body clipped and cut into lines behind `  │ `, `  └`.
fn body_box(ctx: &Ctx, head: &str, body: &str) -> String {
    let white = |s: &str| ctx.paint(Paint::White, s);
    let mut text: String = body.chars().take(BODY_CLIP).collect();
    let note = (body.len() > BODY_CLIP).then(|| {
        format!(
            "(showing {}/{})",
            filesize(BODY_CLIP as u64),
            filesize(body.len() as u64)
        )
    });
    if let Some(n) = &note {
        text.push('\n');
        text.push_str(n);
    }
    let mut out = format!("  {} {head}\n", white(ctx.sym.console_top));
    let bar = white(ctx.sym.console_middle);
    for line in wrap(&text, WRAP_WIDTH) {
        let paint = if note.as_deref() == Some(line.as_str()) {
            Paint::BrightWhite
        } else {
            Paint::Gray
        };
        let line = format!("  {bar} {}", ctx.paint(paint, &line));
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out.push_str(&format!("  {}\n", white(ctx.sym.console_bottom)));
    out
}

/// Two rows, phase names over durations (`(cache)` for a phase that took no time).
fn timing_table(ctx: &Ctx, phases: &Phases) -> String {
    let known = [
        ("dns-lookup", phases.dns),
        ("tcp-handshake", phases.connect),
        ("ssl-handshake", phases.tls),
        ("transfer-start", phases.first_byte),
        ("download", phases.download),
        ("total", Some(phases.total)),
    ];
    let cols: Vec<(&str, String)> = known
        .iter()
        .filter_map(|(name, value)| value.map(|v| (*name, phase_time(v))))
        .collect();
    let mut names = String::new();
    let mut values = String::new();
    for (name, value) in &cols {
        let w = width(name).max(width(value));
        names.push_str(&format!(
            "  {}{} ",
            ctx.paint(Paint::White, name),
            " ".repeat(w - width(name))
        ));
        values.push_str(&format!(
            "  {}{} ",
            ctx.paint(Paint::Gray, value),
            " ".repeat(w - width(value))
        ));
    }
    format!("{}\n{}", names.trim_end(), values.trim_end())
}

fn phase_time(ms: f64) -> String {
    if ms == 0.0 {
        "(cache)".into()
    } else {
        prettyms(ms)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::cli::style::{Style, Symbols};
    use crate::report::CliOptions;

    #[test]
    fn sizes_count_status_line_headers_and_body() {
        let response = ResponseSummary {
            code: 200,
            status: "OK".into(),
            headers: vec![("A".into(), "b".into())],
            response_size: 10,
            ..ResponseSummary::default()
        };
        // "HTTP/X.X 200 OK\r\n\r\n" = 19, "A: b\r\n" = 6, body 10
        assert_eq!(response_size(&response), 35);
        let request = SentRequest {
            method: "GET".into(),
            url: "http://h/p?q=1".into(),
            scheme_implied: false,
            headers: vec![],
            body: None,
        };
        // "GET /p?q=1 HTTP/X.X\r\n\r\n"
        assert_eq!(request_size(&request), 23);
    }

    #[test]
    fn mime_classes() {
        assert_eq!(mime_class("application/json"), ("text", "json"));
        assert_eq!(mime_class("text/plain"), ("text", "plain"));
        assert_eq!(mime_class("image/png"), ("image", "image"));
        assert_eq!(mime_class("application/octet-stream"), ("embed", "raw"));
    }

    #[test]
    fn long_bodies_are_clipped_with_a_note() {
        let ctx = Ctx {
            style: Style { color: false },
            sym: Symbols::new(true),
            opts: CliOptions::default(),
        };
        let text = body_box(&ctx, "↓ x", &"a".repeat(3000));
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "  ┌ ↓ x");
        // 2048 characters in lines of 54: 37 full lines and one of 50
        assert_eq!(lines.len(), 1 + 38 + 1 + 1);
        assert_eq!(lines[39], "  │ (showing 2.05kB/3kB)");
        assert_eq!(lines[40], "  └");
    }
}
