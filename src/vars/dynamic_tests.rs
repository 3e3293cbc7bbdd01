use super::*;
use regex::Regex;
use std::collections::HashSet;

/// The shape each generated value must have (anchored regexes).
fn shape(name: &str) -> &'static str {
    match name {
        "guid" | "randomUUID" => {
            r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"
        }
        "timestamp" => r"1[0-9]{9}",
        "isoTimestamp" => r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z",
        "randomInt" => r"(1000|[0-9]{1,3})",
        "randomPhoneNumber" => r"[2-9]\d\d-[2-9]\d\d-\d{4}",
        "randomPhoneNumberExt" => r"[1-9]\d?-[2-9]\d\d-[2-9]\d\d-\d{4}",
        "randomLocale" => r"[a-z]{2,3}",
        "randomWords" => r"\S+( \S+){1,}",
        "randomBoolean" => r"true|false",
        "randomAlphaNumeric" => r"[a-z0-9]",
        "randomSemver" => r"\d\.\d\.\d",
        "randomFilePath" => r"/[A-Za-z0-9/+_]*/[a-z_]+\.[a-z0-9]+",
        "randomDirectoryPath" => r"/[A-Za-z0-9/+_]*",
        "randomFileName" => r"[a-z]+(_[a-z]+)*\.[a-z0-9]+",
        "randomCommonFileName" => r"[a-z]+\.[a-z0-9]+",
        "randomMimeType" => r"[a-z-]+/[a-z0-9.+-]+",
        "randomCommonFileType" | "randomFileType" => r"[a-z-]+",
        "randomCommonFileExt" | "randomFileExt" => r"[a-z0-9]{2,5}",
        "randomStreetAddress" => r"\d{3,5} .+",
        "randomCountryCode" => r"[A-Z]{2}",
        "randomLatitude" | "randomLongitude" => r"-?\d{1,3}\.\d{4}",
        "randomPrice" => r"\d{1,3}\.\d\d",
        "randomDatePast" | "randomDateFuture" | "randomDateRecent" => {
            r"(Sun|Mon|Tue|Wed|Thu|Fri|Sat) [A-Z][a-z]{2} \d\d \d{4} \d\d:\d\d:\d\d GMT\+0000 \(Coordinated Universal Time\)"
        }
        "randomBankAccount" => r"\d{8}",
        "randomBankAccountName" => r"[A-Za-z ]+ Account",
        "randomCreditCardMask" => r"\(\.\.\.\d{4}\)",
        "randomCurrencyCode" => r"[A-Z]{3}",
        "randomBitcoin" => r"[13][1-9A-HJ-NP-Za-km-z]{25,33}",
        "randomBankAccountIban" => r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}",
        "randomBankAccountBic" => r"[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?",
        "randomAbbreviation" => r"[A-Z]{2,5}",
        "randomPhrase" => r"[A-Z].*!",
        "randomAvatarImage" => r"https://\S+\.jpg",
        "randomImageUrl" => r"http://placeimg\.com/640/480",
        name if name.ends_with("Image") => r"http://placeimg\.com/640/480/[a-z]+",
        "randomImageDataUri" => r"data:image/svg\+xml;charset=UTF-8,%3Csvg\S+",
        "randomEmail" => r"[A-Za-z0-9._]+@(gmail|yahoo|hotmail)\.com",
        "randomExampleEmail" => r"[A-Za-z0-9._]+@example\.(com|net|org)",
        "randomUserName" => r"[A-Za-z0-9._-]+",
        "randomProtocol" => r"https?",
        "randomUrl" => r"https?://[a-z0-9]+\.[a-z]+",
        "randomDomainName" => r"[a-z0-9]+\.[a-z]+",
        "randomDomainSuffix" => r"[a-z]{2,4}",
        "randomDomainWord" => r"[a-z0-9]+",
        "randomIP" => r"\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}",
        "randomIPV6" => r"[0-9a-f]{4}(:[0-9a-f]{4}){7}",
        "randomUserAgent" => r"(Mozilla|Opera)/.+",
        "randomHexColor" => r"#[0-9a-f]{6}",
        "randomMACAddress" => r"[0-9a-f]{2}(:[0-9a-f]{2}){5}",
        "randomPassword" => r"\w{15}",
        "randomLoremWord" => r"[a-z]+",
        "randomLoremWords" => r"[a-z]+ [a-z]+ [a-z]+",
        "randomLoremSlug" => r"[a-z]+-[a-z]+-[a-z]+",
        "randomLoremSentence" => r"[A-Z][a-z]*( [a-z]+){2,9}\.",
        "randomLoremSentences" | "randomLoremParagraph" => r"[A-Z][a-z ]*\.( [A-Z][a-z ]*\.)+",
        "randomLoremParagraphs" => r"(?s)[A-Z].*\.\n \r[A-Z].*\.\n \r[A-Z].*\.",
        "randomLoremLines" => r"[A-Z][a-z ]*\.(\n[A-Z][a-z ]*\.){0,4}",
        "randomJobTitle" => r"[A-Za-z]+ [A-Za-z]+ [A-Za-z]+",
        _ => r"(?s)\S(.*\S)?",
    }
}

#[test]
fn there_are_118_distinct_names() {
    assert_eq!(NAMES.len(), 118);
    assert_eq!(NAMES.iter().collect::<HashSet<_>>().len(), 118);
}

#[test]
fn every_name_generates_a_plausible_value() {
    for name in NAMES {
        let re = Regex::new(&format!("^(?:{})$", shape(name))).unwrap();
        for _ in 0..20 {
            let value = generate(name).unwrap_or_else(|| panic!("${name} has no generator"));
            assert!(re.is_match(&value), "${name} gave {value:?}");
        }
    }
}

#[test]
fn unknown_names_are_none() {
    assert_eq!(generate("randomNope"), None);
    assert_eq!(generate("$guid"), None);
    assert_eq!(generate(""), None);
}

#[test]
fn occurrences_differ_where_randomness_allows() {
    let low_entropy = [
        "timestamp",
        "isoTimestamp",
        "randomBoolean",
        "randomAlphaNumeric",
        "randomProtocol",
        "randomImageUrl",
        "randomCommonFileType",
        "randomDomainSuffix",
        "randomCompanySuffix",
        "randomNamePrefix",
        "randomNameSuffix",
        "randomTransactionType",
        "randomDatabaseEngine",
        "randomDatabaseCollation",
        "randomWeekday",
        "randomMonth",
        "randomLocale",
        "randomCurrencySymbol",
        "randomSemver",
        "randomAbbreviation",
    ];
    for name in NAMES
        .iter()
        .filter(|n| !low_entropy.contains(n) && !n.ends_with("Image"))
    {
        let values: HashSet<String> = (0..30).filter_map(|_| generate(name)).collect();
        assert!(values.len() > 1, "${name} never changed: {values:?}");
    }
}

#[test]
fn iban_check_digits_are_valid() {
    for _ in 0..50 {
        let iban = generate("randomBankAccountIban").unwrap();
        let (head, tail) = iban.split_at(4);
        let rearranged = format!("{tail}{head}");
        let r = rearranged.chars().fold(0u32, |r, c| {
            let v = c.to_digit(36).unwrap();
            if v < 10 {
                (r * 10 + v) % 97
            } else {
                (r * 100 + v) % 97
            }
        });
        assert_eq!(r, 1, "{iban}");
    }
}
