//! A CSV reader with the options Newman gives csv-parse: `,` delimiter, `"` quotes escaped by
//! doubling, records ending in `\n`, `\r\n` or `\r`, whitespace around fields trimmed (also
//! around quoted fields), quotes inside unquoted fields kept (`relax`). It records whether each
//! field was quoted, which decides auto-casting. (The `csv` crate cannot trim around quotes nor
//! tell quoted fields apart, hence this small reader.)

/// One field: its text and whether it was quoted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Field {
    pub text: String,
    pub quoted: bool,
}

/// Malformed CSV at `line:column` (1-based, column in bytes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CsvError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Characters trimmed around fields.
fn is_blank(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\u{a0}' || c == '\u{feff}'
}

struct Reader<'t> {
    text: &'t str,
    pos: usize,
    line: usize,
    line_start: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<char> {
        self.text.get(self.pos..)?.chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        if c == '\n' || (c == '\r' && self.peek() != Some('\n')) {
            self.line += 1;
            self.line_start = self.pos;
        }
        Some(c)
    }

    fn column(&self) -> usize {
        self.pos - self.line_start + 1
    }

    fn skip_blanks(&mut self) {
        while self.peek().is_some_and(is_blank) {
            self.bump();
        }
    }

    fn error(&self, line: usize, column: usize, message: String) -> CsvError {
        CsvError {
            line,
            column,
            message,
        }
    }

    /// A field starting at the current position; stops before the `,` or line break.
    fn field(&mut self) -> Result<Field, CsvError> {
        self.skip_blanks();
        if self.peek() == Some('"') {
            return self.quoted_field();
        }
        let start = self.pos;
        while let Some(c) = self.peek() {
            if c == ',' || c == '\n' || c == '\r' {
                break;
            }
            self.bump();
        }
        let text = self.text.get(start..self.pos).unwrap_or("");
        Ok(Field {
            text: text.trim_end_matches(is_blank).to_string(),
            quoted: false,
        })
    }

    fn quoted_field(&mut self) -> Result<Field, CsvError> {
        let (line, column) = (self.line, self.column());
        self.bump();
        let mut text = String::new();
        loop {
            match self.bump() {
                None => {
                    return Err(self.error(
                        line,
                        column,
                        "this quoted field is never closed".into(),
                    ))
                }
                Some('"') if self.peek() == Some('"') => {
                    self.bump();
                    text.push('"');
                }
                Some('"') => break,
                Some(c) => text.push(c),
            }
        }
        self.skip_blanks();
        match self.peek() {
            None | Some(',' | '\n' | '\r') => Ok(Field { text, quoted: true }),
            Some(c) => Err(self.error(
                self.line,
                self.column(),
                format!("expected ',' or a line break after the closing quote, found {c:?}"),
            )),
        }
    }

    /// A record; `None` at the end of the text.
    fn record(&mut self) -> Result<Option<Vec<Field>>, CsvError> {
        if self.peek().is_none() {
            return Ok(None);
        }
        let mut fields = vec![self.field()?];
        loop {
            match self.bump() {
                Some(',') => fields.push(self.field()?),
                Some('\r') => {
                    if self.peek() == Some('\n') {
                        self.bump();
                    }
                    break;
                }
                _ => break,
            }
        }
        Ok(Some(fields))
    }
}

/// Every record of `text`, blank lines skipped.
pub(crate) fn records(text: &str) -> Result<Vec<Vec<Field>>, CsvError> {
    let mut reader = Reader {
        text,
        pos: 0,
        line: 1,
        line_start: 0,
    };
    let mut out = Vec::new();
    while let Some(record) = reader.record()? {
        let blank = matches!(record.as_slice(), [only] if !only.quoted && only.text.is_empty());
        if !blank {
            out.push(record);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<Vec<(String, bool)>> {
        records(text)
            .unwrap()
            .into_iter()
            .map(|r| r.into_iter().map(|f| (f.text, f.quoted)).collect())
            .collect()
    }

    fn plain(v: &[&str]) -> Vec<(String, bool)> {
        v.iter().map(|s| (s.to_string(), false)).collect()
    }

    #[test]
    fn rfc4180_with_trimming_and_relaxed_quotes() {
        let rows = texts("a, b ,c\n\"x, y\",\"say \"\"hi\"\"\", z \"q\" w\n");
        assert_eq!(rows[0], plain(&["a", "b", "c"]));
        assert_eq!(
            rows[1],
            vec![
                ("x, y".to_string(), true),
                ("say \"hi\"".to_string(), true),
                ("z \"q\" w".to_string(), false)
            ]
        );
    }

    #[test]
    fn spaces_around_quoted_fields_are_trimmed() {
        assert_eq!(
            texts(" \"foo\" ,\"bar\"")[0],
            vec![("foo".into(), true), ("bar".into(), true)]
        );
    }

    #[test]
    fn line_endings_and_blank_lines() {
        let rows = texts("a\r\n1\r2\n\n   \n3\n\"multi\nline\"\n");
        let flat: Vec<&str> = rows.iter().map(|r| r[0].0.as_str()).collect();
        assert_eq!(flat, ["a", "1", "2", "3", "multi\nline"]);
        assert_eq!(texts("a,\n")[0], plain(&["a", ""]));
        assert!(texts("").is_empty());
    }

    #[test]
    fn errors_have_positions() {
        let err = records("a,b\n1,\"open\n2,3\n").unwrap_err();
        assert_eq!((err.line, err.column), (2, 3));
        assert!(err.message.contains("never closed"));
        let err = records("a\n\"x\"y\n").unwrap_err();
        assert_eq!(
            (err.line, err.column, err.message.contains("'y'")),
            (2, 4, true)
        );
    }
}
