//! `__postie.url`: WHATWG URL parsing and setters (the `url` crate, which follows the URL
//! Standard) behind the JS `URL` class, plus the IDNA domain conversions.

use rquickjs::function::Opt;
use rquickjs::{Ctx, Function, Object, Value};
use url::{quirks, Url};

fn parts<'js>(ctx: &Ctx<'js>, u: &Url) -> rquickjs::Result<Object<'js>> {
    let o = Object::new(ctx.clone())?;
    o.set("href", quirks::href(u))?;
    o.set("origin", quirks::origin(u))?;
    o.set("protocol", quirks::protocol(u))?;
    o.set("username", quirks::username(u))?;
    o.set("password", quirks::password(u))?;
    o.set("host", quirks::host(u))?;
    o.set("hostname", quirks::hostname(u))?;
    o.set("port", quirks::port(u))?;
    o.set("pathname", quirks::pathname(u))?;
    o.set("search", quirks::search(u))?;
    o.set("hash", quirks::hash(u))?;
    Ok(o)
}

/// Parses `input` against an optional `base`, as `new URL(input, base)`.
pub fn parse(input: &str, base: Option<&str>) -> Option<Url> {
    match base {
        Some(b) => Url::parse(b).ok()?.join(input).ok(),
        None => Url::parse(input).ok(),
    }
}

/// Applies one URL setter; an invalid value leaves the URL as it was (as the standard says).
pub fn set(u: &mut Url, prop: &str, value: &str) -> Result<(), String> {
    match prop {
        "href" => quirks::set_href(u, value).map_err(|e| e.to_string())?,
        "protocol" => drop(quirks::set_protocol(u, value)),
        "username" => drop(quirks::set_username(u, value)),
        "password" => drop(quirks::set_password(u, value)),
        "host" => drop(quirks::set_host(u, value)),
        "hostname" => drop(quirks::set_hostname(u, value)),
        "port" => drop(quirks::set_port(u, value)),
        "pathname" => quirks::set_pathname(u, value),
        "search" => quirks::set_search(u, value),
        "hash" => quirks::set_hash(u, value),
        other => return Err(format!("unknown URL property {other}")),
    }
    Ok(())
}

/// Registers `__postie.url`.
pub(crate) fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> rquickjs::Result<()> {
    let obj = Object::new(ctx.clone())?;
    obj.set(
        "parse",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             input: String,
             base: Opt<Option<String>>|
             -> rquickjs::Result<Value<'js>> {
                match parse(&input, base.0.flatten().as_deref()) {
                    Some(u) => Ok(parts(&ctx, &u)?.into_value()),
                    None => Ok(Value::new_null(ctx.clone())),
                }
            },
        )?,
    )?;
    obj.set(
        "set",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             href: String,
             prop: String,
             value: String|
             -> rquickjs::Result<Value<'js>> {
                let Ok(mut u) = Url::parse(&href) else {
                    return Ok(Value::new_null(ctx.clone()));
                };
                if set(&mut u, &prop, &value).is_err() {
                    return Ok(Value::new_null(ctx.clone()));
                }
                Ok(parts(&ctx, &u)?.into_value())
            },
        )?,
    )?;
    obj.set(
        "domainToASCII",
        Function::new(ctx.clone(), |d: String| quirks::domain_to_ascii(&d))?,
    )?;
    obj.set(
        "domainToUnicode",
        Function::new(ctx.clone(), |d: String| quirks::domain_to_unicode(&d))?,
    )?;
    native.set("url", obj)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_urls_resolve_against_the_base() {
        let u = parse("../c?x=1#h", Some("http://Example.com:80/a/b/")).map(String::from);
        assert_eq!(u.as_deref(), Some("http://example.com/a/c?x=1#h"));
        assert!(parse("not a url", None).is_none());
    }

    #[test]
    fn a_bad_port_is_ignored() {
        let mut u = Url::parse("http://h:1/").expect("url");
        set(&mut u, "port", "99999").ok();
        assert_eq!(u.as_str(), "http://h:1/");
    }
}
