//! [`LoadError`]: why a collection, environment, globals or data file could not be read, where
//! (`line:column` for syntax errors, a JSON path such as `item[3].request.url` for shape errors),
//! and what to do about it. Renders as one hurl/rustc-style block; accessors let the cli colour
//! each part.

use std::fmt;

/// What was being loaded; picks the error's title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    Collection,
    /// An environment or globals file.
    Environment,
    IterationData,
    /// A request given by a script (`pm.sendRequest`, `pm.request`).
    ScriptRequest,
}

/// Where in the input the problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// 1-based line and column (JSON syntax and CSV errors).
    Position { line: usize, column: usize },
    /// A JSON path such as `item[3].request.url`; empty for the top level.
    Path(String),
}

/// A file (or URL) that could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct LoadError(Box<Inner>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct Inner {
    origin: String,
    title: String,
    location: Option<Location>,
    snippet: Option<Snippet>,
    message: String,
    hint: Option<String>,
}

/// The offending source line with a caret under the column.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Snippet {
    line_number: usize,
    text: String,
    caret: String,
}

/// `the file at "x"` or `the response from "https://…"`.
fn describe_origin(origin: &str) -> String {
    if origin.starts_with("http://") || origin.starts_with("https://") {
        format!("the response from \"{origin}\"")
    } else {
        format!("the file at \"{origin}\"")
    }
}

impl LoadError {
    /// A JSON syntax error at `line:column` of `text`.
    pub(crate) fn syntax(
        origin: &str,
        text: &str,
        line: usize,
        column: usize,
        message: String,
    ) -> Self {
        LoadError(Box::new(Inner {
            origin: origin.to_string(),
            title: format!(
                "{} does not contain valid JSON data",
                describe_origin(origin)
            ),
            location: Some(Location::Position { line, column }),
            snippet: Snippet::at(text, line, column),
            message,
            hint: None,
        }))
    }

    /// A CSV error at `line:column` of `text`.
    pub(crate) fn csv(
        origin: &str,
        text: &str,
        line: usize,
        column: usize,
        message: String,
    ) -> Self {
        LoadError(Box::new(Inner {
            origin: origin.to_string(),
            title: format!(
                "{} does not contain valid CSV data",
                describe_origin(origin)
            ),
            location: Some(Location::Position { line, column }),
            snippet: Snippet::at(text, line, column),
            message,
            hint: None,
        }))
    }

    /// A well-formed document of the wrong shape; `path` is a JSON path (empty: top level).
    pub(crate) fn shape(subject: Subject, origin: &str, path: String, message: String) -> Self {
        let what = match subject {
            Subject::Collection => "a valid Postman collection",
            Subject::Environment => "a valid Postman environment or globals file",
            Subject::IterationData => "valid iteration data",
            Subject::ScriptRequest => "a valid request",
        };
        let title = match subject {
            Subject::ScriptRequest => format!("the request given by {origin} is not valid"),
            _ => format!("{} is not {what}", describe_origin(origin)),
        };
        LoadError(Box::new(Inner {
            origin: origin.to_string(),
            title,
            location: Some(Location::Path(path)),
            snippet: None,
            message,
            hint: None,
        }))
    }

    /// A file with nothing in it.
    pub(crate) fn empty(origin: &str) -> Self {
        LoadError(Box::new(Inner {
            origin: origin.to_string(),
            title: format!("{} is empty", describe_origin(origin)),
            location: None,
            snippet: None,
            message: "expected JSON data".to_string(),
            hint: None,
        }))
    }

    pub(crate) fn with_hint(mut self, hint: Option<String>) -> Self {
        self.0.hint = hint;
        self
    }

    /// The file or URL as the user gave it.
    pub fn origin(&self) -> &str {
        &self.0.origin
    }

    /// One line saying what went wrong (`the file at "x" does not contain valid JSON data`).
    pub fn title(&self) -> &str {
        &self.0.title
    }

    pub fn location(&self) -> Option<&Location> {
        self.0.location.as_ref()
    }

    /// The location as shown after `-->`: `bad.json:3:7`, or `c.json (item[3].request.url)`.
    pub fn location_text(&self) -> Option<String> {
        match self.0.location.as_ref()? {
            Location::Position { line, column } => {
                Some(format!("{}:{line}:{column}", self.0.origin))
            }
            Location::Path(path) if path.is_empty() => {
                Some(format!("{} (top level)", self.0.origin))
            }
            Location::Path(path) => Some(format!("{} ({path})", self.0.origin)),
        }
    }

    /// The offending source line and a caret line under it, if known.
    pub fn snippet(&self) -> Option<(usize, &str, &str)> {
        let s = self.0.snippet.as_ref()?;
        Some((s.line_number, s.text.as_str(), s.caret.as_str()))
    }

    /// What was expected or found (`expected a string or an object`).
    pub fn detail(&self) -> &str {
        &self.0.message
    }

    /// What to do about it, if we can tell.
    pub fn hint(&self) -> Option<&str> {
        self.0.hint.as_deref()
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.title)?;
        if let Some(location) = self.location_text() {
            write!(f, "\n  --> {location}")?;
        }
        if let Some((number, text, caret)) = self.snippet() {
            let gutter = number.to_string();
            let pad = " ".repeat(gutter.len());
            write!(f, "\n {pad} |\n {gutter} | {text}\n {pad} | {caret}")?;
        }
        write!(f, "\n  {}", self.0.message)?;
        if let Some(hint) = &self.0.hint {
            write!(f, "\nhint: {hint}")?;
        }
        Ok(())
    }
}

/// Longest part of a source line shown in a snippet (minified JSON is one long line).
const SNIPPET_WIDTH: usize = 60;

impl Snippet {
    /// The `line`-th line of `text` with a caret under byte column `column` (both 1-based).
    fn at(text: &str, line: usize, column: usize) -> Option<Snippet> {
        let source = text.lines().nth(line.checked_sub(1)?)?;
        let chars: Vec<char> = source.chars().collect();
        // serde_json and our CSV reader count columns in bytes; map to a char index.
        let byte_col = column.saturating_sub(1).min(source.len());
        let caret_at = source
            .char_indices()
            .take_while(|(i, _)| *i < byte_col)
            .count();
        let start = caret_at.saturating_sub(SNIPPET_WIDTH / 2);
        let end = (start + SNIPPET_WIDTH).min(chars.len());
        let mut shown: String = chars.get(start..end)?.iter().collect();
        let mut prefix: String = chars
            .get(start..caret_at.min(chars.len()))?
            .iter()
            .map(|c| if *c == '\t' { '\t' } else { ' ' })
            .collect();
        if start > 0 {
            shown.insert(0, '…');
            prefix.insert(0, ' ');
        }
        if end < chars.len() {
            shown.push('…');
        }
        Some(Snippet {
            line_number: line,
            text: shown,
            caret: format!("{prefix}^"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_error_renders_as_one_block() {
        let text = "{\n  \"a\": 1\n  \"b\": 2\n}";
        let err = LoadError::syntax("bad.json", text, 3, 3, "expected `,` or `}`".into())
            .with_hint(Some("look at the line above".into()));
        assert_eq!(
            err.to_string(),
            "the file at \"bad.json\" does not contain valid JSON data\n  --> bad.json:3:3\n   |\n 3 |   \"b\": 2\n   |   ^\n  expected `,` or `}`\nhint: look at the line above"
        );
        assert_eq!(
            err.title(),
            "the file at \"bad.json\" does not contain valid JSON data"
        );
        assert_eq!(err.detail(), "expected `,` or `}`");
        assert_eq!(err.hint(), Some("look at the line above"));
    }

    #[test]
    fn shape_error_shows_the_json_path() {
        let err = LoadError::shape(
            Subject::Collection,
            "c.json",
            "item[3].request.url".into(),
            "expected a string or an object".into(),
        );
        assert_eq!(
            err.to_string(),
            "the file at \"c.json\" is not a valid Postman collection\n  --> c.json (item[3].request.url)\n  expected a string or an object"
        );
    }

    #[test]
    fn urls_are_described_as_responses() {
        let err = LoadError::empty("https://example.com/c.json");
        assert!(err
            .title()
            .starts_with("the response from \"https://example.com/c.json\""));
    }

    #[test]
    fn snippets_of_long_lines_are_windowed_and_never_panic() {
        let line = "x".repeat(500);
        let s = Snippet::at(&line, 1, 250).unwrap();
        assert!(s.text.starts_with('…') && s.text.ends_with('…'));
        assert_eq!(s.caret.chars().count(), SNIPPET_WIDTH / 2 + 2);
        assert!(Snippet::at("", 1, 1).is_none());
        assert!(Snippet::at("ab", 0, 1).is_none());
        assert!(Snippet::at("ab", 1, 99).is_some());
        assert!(Snippet::at("é€x", 1, 3).is_some());
    }
}
