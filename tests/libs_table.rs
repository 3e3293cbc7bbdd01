//! The built-in libraries against the real ones: every case in tests/fixtures/libs/cases.json
//! (written by tests/fixtures/libs/generate.js from lodash, moment, ajv, tv4, xml2js, cheerio …
//! under Node) runs in postie's sandbox and must give the same encoded value.
//! `POSTIE_LIBS_CASES=<file>` runs another case file; `POSTIE_LIBS_FILTER=<text>` only the
//! cases whose library or name contains the text.

mod libs_support;

use std::path::PathBuf;

#[test]
fn built_in_libraries_match_the_real_ones() {
    let path = std::env::var("POSTIE_LIBS_CASES").map_or_else(
        |_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/libs/cases.json"),
        PathBuf::from,
    );
    let text = std::fs::read_to_string(&path).expect("cases file");
    let cases = libs_support::parse_cases(&text, "POSTIE_LIBS_FILTER");
    libs_support::assert_all_match(&cases);
}
