//! `postie import LINK`: a "Run in Postman" link, as pasted from a page or from Markdown, becomes
//! files: the environment its fragment carries (`#?env[NAME]=<base64 JSON>`) is written to
//! `<name>.postman_environment.json` (or `--output`), the collection id is printed, and with a
//! Postman API key the collection itself is downloaded (`GET {api}/collections/{id}`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use base64::alphabet;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use base64::Engine as _;
use clap::Args;
use percent_encoding::percent_decode_str;
use serde_json::{json, Value};

use crate::http::{Client, HttpOptions};
use crate::output::{ColorChoice, Diagnostic, Output};

#[derive(Debug, Clone, Args)]
pub struct ImportArgs {
    /// The "Run in Postman" link (Markdown escapes like `\&` and line breaks are fine)
    #[arg(value_name = "LINK")]
    pub link: String,

    /// Write the environment to FILE instead of <name>.postman_environment.json
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Postman API key: also download the collection
    #[arg(
        long = "postman-api-key",
        value_name = "KEY",
        env = "POSTMAN_API_KEY",
        hide_env_values = true
    )]
    pub postman_api_key: Option<String>,

    /// Postman API base URL
    #[arg(
        long = "postman-api-url",
        value_name = "URL",
        default_value = "https://api.getpostman.com"
    )]
    pub postman_api_url: String,
}

/// What a "Run in Postman" link carries.
#[derive(Debug, Clone, PartialEq)]
pub struct RunLink {
    /// The collection's UID (`owner-uuid`).
    pub collection_id: String,
    /// Each `env[NAME]` of the fragment: its name and its variables, as the link has them.
    pub environments: Vec<(String, Vec<Value>)>,
}

/// Entry point of `postie import`.
pub fn run(args: ImportArgs) -> ExitCode {
    let out = Output::new(ColorChoice::Auto);
    match import(&args, &out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(diag) => {
            out.error(&diag);
            ExitCode::from(1)
        }
    }
}

fn import(args: &ImportArgs, out: &Output) -> Result<(), Diagnostic> {
    let link = parse_link(&args.link).map_err(|why| {
        Diagnostic::new("this is not a \"Run in Postman\" link postie can read")
            .detail(why)
            .hint("pass the whole link, from https:// to the end of its #?env[…]=… part")
    })?;
    if args.output.is_some() && link.environments.len() > 1 {
        return Err(
            Diagnostic::new("--output needs a link with one environment")
                .detail(format!("this link carries {}", link.environments.len())),
        );
    }
    for (name, values) in &link.environments {
        let path = args
            .output
            .clone()
            .unwrap_or_else(|| PathBuf::from(format!("{}.postman_environment.json", slug(name))));
        write_json(&path, &environment_file(name, values))?;
        out.raw_err(&format!(
            "wrote environment \"{name}\" ({} variables) to {}\n",
            values.len(),
            path.display()
        ));
    }
    out.raw_out(&format!("{}\n", link.collection_id));
    if let Some(key) = &args.postman_api_key {
        let path = download(&link.collection_id, key, &args.postman_api_url)?;
        out.raw_err(&format!("wrote collection to {}\n", path.display()));
    }
    Ok(())
}

/// Reads a link: Markdown escapes (`\&`), a `[text](url)` wrapper, `<…>`, quotes, line breaks
/// and `> ` quote markers are all tolerated.
pub fn parse_link(text: &str) -> Result<RunLink, String> {
    let clean = clean_link(text);
    let url = url::Url::parse(&clean).map_err(|e| format!("not a URL ({e})"))?;
    let mut segments = url.path_segments().into_iter().flatten();
    let from_path = segments
        .by_ref()
        .find(|s| *s == "run-collection")
        .and_then(|_| segments.next())
        .filter(|s| !s.is_empty())
        .map(str::to_owned);
    let collection_id = from_path.or_else(|| entity_id(&url)).ok_or(
        "it names no collection (no /run-collection/<id> path, no collection-url entityId)",
    )?;
    let environments = environments(url.fragment().unwrap_or(""))?;
    Ok(RunLink {
        collection_id,
        environments,
    })
}

fn clean_link(text: &str) -> String {
    let mut s = text.trim();
    if let Some(start) = s.rfind("](") {
        s = &s[start + 2..];
        s = s.strip_suffix(')').unwrap_or(s);
    }
    let joined: String = s
        .lines()
        .map(|line| {
            line.trim()
                .trim_start_matches(|c: char| c == '>' || c.is_whitespace())
        })
        .collect();
    let joined = joined.trim_matches(|c| matches!(c, '<' | '>' | '`' | '"' | '\''));
    let mut out = String::with_capacity(joined.len());
    let mut chars = joined.chars().peekable();
    while let Some(c) = chars.next() {
        match chars.peek() {
            Some(&next) if c == '\\' && next.is_ascii_punctuation() => {}
            _ if c.is_whitespace() => {}
            _ => out.push(c),
        }
    }
    out
}

/// `entityId` inside the `collection-url` query parameter.
fn entity_id(url: &url::Url) -> Option<String> {
    let inner = url.query_pairs().find(|(k, _)| k == "collection-url")?.1;
    url::form_urlencoded::parse(inner.as_bytes())
        .find(|(k, _)| k == "entityId")
        .map(|(_, v)| v.into_owned())
        .filter(|v| !v.is_empty())
}

/// The `env[NAME]=<base64 JSON>` pairs of the fragment (`#?a=b&c=d`).
fn environments(fragment: &str) -> Result<Vec<(String, Vec<Value>)>, String> {
    let mut found = Vec::new();
    for pair in fragment
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
    {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let key = percent_decode_str(key).decode_utf8_lossy();
        let Some(name) = key.strip_prefix("env[").and_then(|k| k.strip_suffix(']')) else {
            continue;
        };
        let value = percent_decode_str(value).decode_utf8_lossy();
        let bytes = base64_any(&value)
            .ok_or_else(|| format!("the environment \"{name}\" is not valid base64"))?;
        let values = match serde_json::from_slice::<Value>(&bytes) {
            Ok(Value::Array(values)) if values.iter().all(|v| v.get("key").is_some()) => values,
            _ => {
                return Err(format!(
                    "the environment \"{name}\" is not a JSON list of {{key, value}} entries"
                ))
            }
        };
        found.push((name.to_string(), values));
    }
    if found.is_empty() {
        return Err("it carries no environment (no #?env[NAME]=… part)".into());
    }
    Ok(found)
}

/// Standard or URL-safe base64, padded or not.
fn base64_any(text: &str) -> Option<Vec<u8>> {
    let config =
        GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent);
    let text = text.trim();
    GeneralPurpose::new(&alphabet::STANDARD, config)
        .decode(text)
        .or_else(|_| GeneralPurpose::new(&alphabet::URL_SAFE, config).decode(text))
        .ok()
}

/// A name as a file name: lower case, every run of other characters one `-`.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let trimmed = out.trim_matches('-');
    if trimmed.is_empty() {
        "environment".to_string()
    } else {
        trimmed.to_string()
    }
}

/// The environment file for `name`: a stable id (UUID v5 of the name), the values as the link
/// has them, the scope marker.
pub fn environment_file(name: &str, values: &[Value]) -> Value {
    let id = uuid::Uuid::new_v5(
        &uuid::Uuid::NAMESPACE_URL,
        format!("postie-import:{name}").as_bytes(),
    );
    json!({
        "id": id.to_string(),
        "name": name,
        "values": values,
        "_postman_variable_scope": "environment",
    })
}

/// `GET {api}/collections/{id}` with `X-Api-Key`; writes `<name>.postman_collection.json`.
fn download(id: &str, key: &str, api: &str) -> Result<PathBuf, Diagnostic> {
    let url = format!("{}/collections/{id}", api.trim_end_matches('/'));
    let fail = |detail: String| {
        Diagnostic::new("the collection could not be downloaded")
            .detail(format!("GET {url}"))
            .detail(detail)
    };
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| fail(e.to_string()))?;
    let client = Client::new(&HttpOptions::default()).map_err(|e| fail(e.to_string()))?;
    let headers = [("X-Api-Key".to_string(), key.to_string())];
    let bytes = rt
        .block_on(client.fetch(&url, &headers))
        .map_err(|e| fail(e.info().message).hint("check the API key and the collection id"))?;
    crate::collection::parse_collection(&bytes, &url)
        .map_err(|e| super::load::load_diag("collection", &e))?;
    let mut json: Value = serde_json::from_slice(&bytes).map_err(|e| fail(e.to_string()))?;
    if let Some(inner) = json.get_mut("collection").map(Value::take) {
        json = inner;
    }
    let name = json
        .pointer("/info/name")
        .and_then(Value::as_str)
        .unwrap_or("collection");
    let path = PathBuf::from(format!("{}.postman_collection.json", slug(name)));
    write_json(&path, &json)?;
    Ok(path)
}

fn write_json(path: &Path, value: &Value) -> Result<(), Diagnostic> {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    std::fs::write(path, text).map_err(|e| {
        Diagnostic::new(format!("could not write {}", path.display())).detail(e.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINK: &str = "https://god.gw.postman.com/run-collection/1-9f96a27d-8425-4b45-bbd2-13452eea2a40?action=collection%2Ffork\\&source=rip_markdown#?env%5BMy%20Env%20%28x%29%5D=W3sia2V5IjoiYSIsInZhbHVlIjoiMSJ9XQ==";

    #[test]
    fn reads_a_markdown_link() {
        let link = parse_link(LINK).expect("link");
        assert_eq!(link.collection_id, "1-9f96a27d-8425-4b45-bbd2-13452eea2a40");
        assert_eq!(link.environments.len(), 1);
        assert_eq!(link.environments[0].0, "My Env (x)");
        assert_eq!(
            link.environments[0].1,
            vec![json!({"key": "a", "value": "1"})]
        );
    }

    #[test]
    fn tolerates_wrapping_quotes_and_markdown_link_syntax() {
        let (head, tail) = LINK.split_at(120);
        let wrapped = format!("[Run in Postman]({head}\n> {tail})");
        assert_eq!(parse_link(&wrapped), parse_link(LINK));
        assert_eq!(parse_link(&format!("<{LINK}>")), parse_link(LINK));
    }

    #[test]
    fn falls_back_to_the_entity_id_and_needs_an_environment() {
        let link = parse_link("https://x.test/a?collection-url=entityId%3D7-abc%26entityType%3Dcollection#?env%5Bb%5D=W10")
            .expect("link");
        assert_eq!(link.collection_id, "7-abc");
        assert!(parse_link("https://x.test/run-collection/1-a")
            .unwrap_err()
            .contains("no environment"));
        assert!(parse_link("https://x.test/")
            .unwrap_err()
            .contains("no collection"));
        assert!(parse_link("https://x.test/run-collection/1#?env[a]=!!")
            .unwrap_err()
            .contains("base64"));
        assert!(parse_link("https://x.test/run-collection/1#?env[a]=e30")
            .unwrap_err()
            .contains("JSON list"));
        assert!(parse_link("not a link").is_err());
    }

    #[test]
    fn slugs_names() {
        assert_eq!(
            slug("PingOne Workflow Library Template (release: 2025-04-17)"),
            "pingone-workflow-library-template-release-2025-04-17"
        );
        assert_eq!(slug("  Ünïcode & Co. "), "n-code-co");
        assert_eq!(slug("!!!"), "environment");
    }
}
