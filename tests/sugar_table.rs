//! sugar.js 1.4 against the real one: every case in tests/fixtures/sugar/cases.json (written by
//! tests/fixtures/sugar/generate.js from sugar@1.4.1 under Node) runs in postie's sandbox and
//! must give the same encoded value. `POSTIE_SUGAR_FILTER=<text>` runs only the cases whose
//! group or name contains the text.

mod libs_support;

const CASES: &str = include_str!("fixtures/sugar/cases.json");

#[test]
fn sugar_matches_the_real_one() {
    let cases = libs_support::parse_cases(CASES, "POSTIE_SUGAR_FILTER");
    libs_support::assert_all_match(&cases);
}
