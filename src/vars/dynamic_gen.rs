//! Generators behind [`super::dynamic`]: the `fake` crate where it has a matching faker (names,
//! addresses, companies, lorem, currencies, user agents), small generators of our own elsewhere,
//! all producing the formats faker.js (Postman's generator library) produces.

pub(super) use super::dynamic_words::*;
use fake::faker::{address, company, currency, finance, internet, job, lorem, name};
use fake::Fake;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// A random integer in `min..=max`.
pub(super) fn int(min: u32, max: u32) -> u32 {
    rand::random_range(min..=max.max(min))
}

pub(super) fn boolean() -> bool {
    rand::random()
}

/// A random element of a non-empty list.
pub(super) fn pick(list: &[&'static str]) -> &'static str {
    let len = u32::try_from(list.len()).unwrap_or(u32::MAX);
    if len == 0 {
        return "";
    }
    list.get(int(0, len - 1) as usize).copied().unwrap_or("")
}

fn chars_from(alphabet: &[u8], count: u32) -> String {
    let len = u32::try_from(alphabet.len()).unwrap_or(1).max(1);
    (0..count)
        .map(|_| {
            char::from(
                alphabet
                    .get(int(0, len - 1) as usize)
                    .copied()
                    .unwrap_or(b'0'),
            )
        })
        .collect()
}

pub(super) fn digits(count: u32) -> String {
    chars_from(b"0123456789", count)
}

pub(super) fn hex(count: u32) -> String {
    chars_from(b"0123456789abcdef", count)
}

pub(super) fn alpha_numeric(count: u32) -> String {
    chars_from(b"abcdefghijklmnopqrstuvwxyz0123456789", count)
}

/// faker's `internet.password()`: `\w` characters.
pub(super) fn password(count: u32) -> String {
    chars_from(
        b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_",
        count,
    )
}

pub(super) fn uuid() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Unix time in seconds, rounded (`Math.round(Date.now() / 1000)`).
pub(super) fn timestamp() -> String {
    ((chrono::Utc::now().timestamp_millis() + 500).div_euclid(1000)).to_string()
}

/// `new Date().toISOString()`.
pub(super) fn iso_timestamp() -> String {
    chrono::Utc::now()
        .format("%Y-%m-%dT%H:%M:%S%.3fZ")
        .to_string()
}

/// A date within `range_secs` of now (negative: in the past), as JS `Date#toString()` in UTC.
pub(super) fn date_offset(range_secs: i64) -> String {
    let offset = rand::random_range(0..=range_secs.unsigned_abs().max(1)) as i64;
    let offset = if range_secs < 0 { -offset } else { offset };
    let date = chrono::Utc::now() + chrono::Duration::seconds(offset);
    date.format("%a %b %d %Y %H:%M:%S GMT+0000 (Coordinated Universal Time)")
        .to_string()
}

/// `!##-!##-####` with `!` in 2–9.
pub(super) fn phone_number() -> String {
    format!(
        "{}{}-{}{}-{}",
        int(2, 9),
        digits(2),
        int(2, 9),
        digits(2),
        digits(4)
    )
}

/// A latitude (`max` 90) or longitude (`max` 180) with four decimals.
pub(super) fn coordinate(max: f64) -> String {
    let value = rand::random_range(-max..=max);
    format!("{value:.4}")
}

pub(super) fn price() -> String {
    format!("{:.2}", rand::random_range(0.0..1000.0f64))
}

pub(super) fn word() -> String {
    match int(0, 5) {
        0 => pick(DEPARTMENTS).to_string(),
        1 => pick(PRODUCT_ADJECTIVES).to_string(),
        2 => pick(PRODUCTS).to_string(),
        3 => catch_phrase_part(int(0, 2)),
        4 => bs_part(int(0, 2)),
        _ => pick(HACKER_NOUNS).to_string(),
    }
}

pub(super) fn words(min: u32, max: u32) -> String {
    (0..int(min, max))
        .map(|_| word())
        .collect::<Vec<_>>()
        .join(" ")
}

pub(super) fn mime_type() -> (&'static str, &'static str) {
    let len = u32::try_from(MIME_TYPES.len()).unwrap_or(1).max(1);
    MIME_TYPES
        .get(int(0, len - 1) as usize)
        .copied()
        .unwrap_or(("application/octet-stream", "bin"))
}

pub(super) fn file_type() -> String {
    let (mime, _) = mime_type();
    mime.split('/').next().unwrap_or(mime).to_string()
}

/// `words_like_this.ext`.
pub(super) fn file_name() -> String {
    let stem: Vec<String> = (0..int(1, 3))
        .map(|_| lorem::en::Word().fake::<String>())
        .collect();
    format!("{}.{}", stem.join("_"), mime_type().1)
}

pub(super) fn common_file_name() -> String {
    format!(
        "{}.{}",
        lorem::en::Word().fake::<String>(),
        pick(COMMON_FILE_EXTS)
    )
}

pub(super) fn city() -> String {
    address::en::CityName().fake()
}

pub(super) fn street_name() -> String {
    address::en::StreetName().fake()
}

pub(super) fn country() -> String {
    address::en::CountryName().fake()
}

pub(super) fn country_code() -> String {
    address::en::CountryCode().fake()
}

pub(super) fn product_name() -> String {
    format!(
        "{} {} {}",
        pick(PRODUCT_ADJECTIVES),
        pick(PRODUCT_MATERIALS),
        pick(PRODUCTS)
    )
}

pub(super) fn company_name() -> String {
    company::en::CompanyName().fake()
}

pub(super) fn company_suffix() -> String {
    company::en::CompanySuffix().fake()
}

pub(super) fn catch_phrase() -> String {
    company::en::CatchPhrase().fake()
}

pub(super) fn bs() -> String {
    company::en::Bs().fake()
}

/// 0: adjective, 1: descriptor, 2: noun.
pub(super) fn catch_phrase_part(part: u32) -> String {
    match part {
        0 => company::en::Buzzword().fake(),
        1 => company::en::BuzzwordMiddle().fake(),
        _ => company::en::BuzzwordTail().fake(),
    }
}

/// 0: buzz (verb), 1: adjective, 2: noun.
pub(super) fn bs_part(part: u32) -> String {
    match part {
        0 => company::en::BsVerb().fake(),
        1 => company::en::BsAdj().fake(),
        _ => company::en::BsNoun().fake(),
    }
}

pub(super) fn currency_code() -> String {
    currency::en::CurrencyCode().fake()
}

pub(super) fn currency_name() -> String {
    currency::en::CurrencyName().fake()
}

pub(super) fn currency_symbol() -> String {
    currency::en::CurrencySymbol().fake()
}

pub(super) fn bic() -> String {
    finance::en::Bic().fake()
}

/// `1…` or `3…` followed by 25–33 base58 characters.
pub(super) fn bitcoin_address() -> String {
    let base58 = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    format!("{}{}", pick(&["1", "3"]), chars_from(base58, int(25, 33)))
}

/// An IBAN with valid (mod-97) check digits.
pub(super) fn iban() -> String {
    let len = u32::try_from(IBAN_FORMATS.len()).unwrap_or(1).max(1);
    let (country, pattern) = IBAN_FORMATS
        .get(int(0, len - 1) as usize)
        .copied()
        .unwrap_or(("DE", "nnnnnnnnnnnnnnnnnn"));
    let bban: String = pattern
        .chars()
        .map(|c| match c {
            'a' => chars_from(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", 1),
            'c' => chars_from(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 1),
            _ => digits(1),
        })
        .collect();
    let remainder = format!("{bban}{country}00")
        .chars()
        .fold(0u32, |r, c| match c.to_digit(36) {
            Some(v) if v < 10 => (r * 10 + v) % 97,
            Some(v) => (r * 100 + v) % 97,
            None => r,
        });
    format!("{country}{:02}{bban}", 98 - remainder)
}

pub(super) fn hacker_phrase() -> String {
    let mut out = pick(HACKER_PHRASES).to_string();
    for (token, list) in [
        ("{v}", HACKER_VERBS),
        ("{n}", HACKER_NOUNS),
        ("{a}", HACKER_ADJECTIVES),
        ("{b}", HACKER_ABBREVIATIONS),
        ("{i}", HACKER_INGVERBS),
    ] {
        while let Some(i) = out.find(token) {
            out.replace_range(i..i + token.len(), pick(list));
        }
    }
    if let Some(i) = out.find("{I}") {
        let ing = pick(HACKER_INGVERBS);
        let mut chars = ing.chars();
        let capitalised: String = chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
        out.replace_range(i..i + 3, &capitalised);
    }
    out
}

pub(super) fn avatar_url() -> String {
    format!(
        "https://cloudflare-ipfs.com/ipfs/Qmd3W5DuhgHirLHGVixi6V76LhCkZUz6pnFt5AJBiyvHye/avatar/{}.jpg",
        int(0, 1249)
    )
}

/// `http://placeimg.com/640/480[/category]`.
pub(super) fn image_url(category: &str) -> String {
    if category.is_empty() {
        "http://placeimg.com/640/480".to_string()
    } else {
        format!("http://placeimg.com/640/480/{category}")
    }
}

/// `encodeURIComponent`'s set of escaped characters.
const URI_COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'!')
    .remove(b'~')
    .remove(b'*')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')');

/// An SVG placeholder image as a `data:` URI.
pub(super) fn image_data_uri() -> String {
    let color = format!("#{}", hex(6));
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" baseProfile=\"full\" width=\"640\" height=\"480\"><rect width=\"100%\" height=\"100%\" fill=\"{color}\"/><text x=\"320\" y=\"240\" font-size=\"20\" alignment-baseline=\"middle\" text-anchor=\"middle\" fill=\"white\">640x480</text></svg>"
    );
    format!(
        "data:image/svg+xml;charset=UTF-8,{}",
        utf8_percent_encode(&svg, URI_COMPONENT)
    )
}

pub(super) fn first_name() -> String {
    name::en::FirstName().fake()
}

pub(super) fn last_name() -> String {
    name::en::LastName().fake()
}

pub(super) fn name_prefix() -> String {
    name::en::Title().fake()
}

pub(super) fn name_suffix() -> String {
    name::en::Suffix().fake()
}

/// faker's `findName`: sometimes with a prefix or a suffix.
pub(super) fn full_name() -> String {
    match int(0, 7) {
        0 => format!("{} {} {}", name_prefix(), first_name(), last_name()),
        1 => format!("{} {} {}", first_name(), last_name(), name_suffix()),
        _ => format!("{} {}", first_name(), last_name()),
    }
}

pub(super) fn job_type() -> String {
    job::en::Position().fake()
}

pub(super) fn job_title() -> String {
    format!(
        "{} {} {}",
        pick(JOB_DESCRIPTORS),
        pick(JOB_AREAS),
        job_type()
    )
}

/// faker's `userName`: `First99`, `First.Last` or `First_Last99`.
pub(super) fn user_name() -> String {
    let sep = pick(&[".", "_"]);
    let raw = match int(0, 2) {
        0 => format!("{}{}", first_name(), int(0, 99)),
        1 => format!("{}{sep}{}", first_name(), last_name()),
        _ => format!("{}{sep}{}{}", first_name(), last_name(), int(0, 99)),
    };
    raw.chars()
        .filter(|c| !c.is_whitespace() && *c != '\'')
        .collect()
}

pub(super) fn email() -> String {
    let provider: String = internet::en::FreeEmailProvider().fake();
    format!("{}@{provider}", user_name())
}

pub(super) fn example_email() -> String {
    format!("{}@example.{}", user_name(), pick(&["com", "net", "org"]))
}

pub(super) fn domain_word() -> String {
    first_name()
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_lowercase()
}

pub(super) fn domain_suffix() -> String {
    internet::en::DomainSuffix().fake()
}

pub(super) fn domain_name() -> String {
    format!("{}.{}", domain_word(), domain_suffix())
}

pub(super) fn ipv4() -> String {
    format!(
        "{}.{}.{}.{}",
        int(0, 255),
        int(0, 255),
        int(0, 255),
        int(0, 255)
    )
}

pub(super) fn ipv6() -> String {
    (0..8).map(|_| hex(4)).collect::<Vec<_>>().join(":")
}

pub(super) fn mac_address() -> String {
    (0..6).map(|_| hex(2)).collect::<Vec<_>>().join(":")
}

pub(super) fn user_agent() -> String {
    internet::en::UserAgent().fake()
}

pub(super) fn lorem_word() -> String {
    lorem::en::Word().fake()
}

pub(super) fn lorem_words(count: u32) -> String {
    (0..count)
        .map(|_| lorem_word())
        .collect::<Vec<_>>()
        .join(" ")
}

/// 3–10 lorem words, capitalised, with a full stop.
pub(super) fn lorem_sentence() -> String {
    let words = lorem_words(int(3, 10));
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
        None => ".".to_string(),
    }
}

pub(super) fn lorem_sentences(count: u32, separator: &str) -> String {
    (0..count)
        .map(|_| lorem_sentence())
        .collect::<Vec<_>>()
        .join(separator)
}

pub(super) fn lorem_paragraphs(count: u32) -> String {
    (0..count)
        .map(|_| lorem_sentences(3 + int(0, 3), " "))
        .collect::<Vec<_>>()
        .join("\n \r")
}

/// One of the other lorem generators, picked at random.
pub(super) fn lorem_text() -> String {
    match int(0, 6) {
        0 => lorem_word(),
        1 => lorem_words(3),
        2 => lorem_sentence(),
        3 => lorem_sentences(int(2, 6), " "),
        4 => lorem_sentences(3 + int(0, 3), " "),
        5 => lorem_paragraphs(3),
        _ => lorem_sentences(int(1, 5), "\n"),
    }
}
