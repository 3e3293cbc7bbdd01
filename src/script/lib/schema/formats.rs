//! Ajv 6's `format` checks in its default "fast" mode (loose patterns, e.g. a date-time may use
//! a space for `T`), replacing the crate's stricter RFC checks; and formats added with
//! `ajv.addFormat`.

use jsonschema::ValidationOptions;
use regex::Regex;
use std::net::Ipv6Addr;
use std::sync::LazyLock;

macro_rules! pattern {
    ($name:ident, $re:expr) => {
        static $name: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new($re).ok());
    };
}

pattern!(DATE, r"^\d\d\d\d-[0-1]\d-[0-3]\d$");
pattern!(
    TIME,
    r"(?i)^(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)?$"
);
pattern!(
    DATE_TIME,
    r"(?i)^\d\d\d\d-[0-1]\d-[0-3]\d[t\s](?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$"
);
pattern!(URI, r"(?i)^[a-z][a-z0-9+\-.]*:(?://?)?\S*$");
pattern!(
    URI_REFERENCE,
    r"(?i)^(?:(?:[a-z][a-z0-9+\-.]*:)?//?)?(?:[^\\\s#][^\s#]*)?(?:#[^\\\s]*)?$"
);
pattern!(
    URI_TEMPLATE,
    r"^(?:[^\x00-\x20\x22'<>%\\^`{|}]|%[0-9a-fA-F]{2}|\{[+#./;?&=,!@|]?[A-Za-z0-9_%.,*:]+\})*$"
);
pattern!(URL, r"(?i)^(?:https?|ftp)://[^\s/$.?#][^\s]*$");
pattern!(
    EMAIL,
    r"(?i)^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$"
);
pattern!(
    HOSTNAME,
    r"(?i)^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[-0-9a-z]{0,61}[0-9a-z])?)*\.?$"
);
pattern!(
    IPV4,
    r"^(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)$"
);
pattern!(
    UUID,
    r"(?i)^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$"
);
pattern!(JSON_POINTER, r"^(?:/(?:[^~/]|~0|~1)*)*$");
pattern!(
    JSON_POINTER_FRAGMENT,
    r"(?i)^#(?:/(?:[a-z0-9_\-.!$&'()*+,;:=@]|%[0-9a-f]{2}|~0|~1)*)*$"
);
pattern!(
    RELATIVE_JSON_POINTER,
    r"^(?:0|[1-9][0-9]*)(?:#|(?:/(?:[^~/]|~0|~1)*)*)$"
);

fn matches(re: &LazyLock<Option<Regex>>, s: &str) -> bool {
    re.as_ref().is_some_and(|r| r.is_match(s))
}

/// Checks one Ajv format; `None` for a name Ajv does not know.
pub fn check(name: &str, s: &str) -> Option<bool> {
    Some(match name {
        "date" => matches(&DATE, s),
        "time" => matches(&TIME, s),
        "date-time" => matches(&DATE_TIME, s),
        "uri" => matches(&URI, s),
        "uri-reference" => matches(&URI_REFERENCE, s),
        "uri-template" => matches(&URI_TEMPLATE, s),
        "url" => matches(&URL, s),
        "email" => matches(&EMAIL, s),
        "hostname" => s.len() <= 253 && matches(&HOSTNAME, s),
        "ipv4" => matches(&IPV4, s),
        "ipv6" => s.parse::<Ipv6Addr>().is_ok(),
        "regex" => Regex::new(s).is_ok(),
        "uuid" => matches(&UUID, s),
        "json-pointer" => matches(&JSON_POINTER, s),
        "json-pointer-uri-fragment" => matches(&JSON_POINTER_FRAGMENT, s),
        "relative-json-pointer" => matches(&RELATIVE_JSON_POINTER, s),
        _ => return None,
    })
}

/// Installs Ajv's formats on the crate's options.
pub fn register(mut opts: ValidationOptions<'static>) -> ValidationOptions<'static> {
    for name in super::refs::AJV_FORMATS {
        let n: &'static str = name;
        opts = opts.with_format(n, move |s: &str| check(n, s).unwrap_or(true));
    }
    opts
}

/// A format from `ajv.addFormat`: a RegExp's source is checked here; a function format is not
/// called (it passes).
pub fn custom(
    opts: ValidationOptions<'static>,
    name: &str,
    pattern: Option<&str>,
) -> ValidationOptions<'static> {
    let re = pattern.and_then(|p| Regex::new(p).ok());
    opts.with_format(name.to_string(), move |s: &str| {
        re.as_ref().is_none_or(|r| r.is_match(s))
    })
}
