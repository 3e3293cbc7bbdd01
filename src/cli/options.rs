//! From flags to validated stage options: `KEY=VALUE` pairs, `--connect-to`/`--resolve`
//! entries, durations, bail modifiers, the http/sandbox/run/report option structs. Pure: files
//! are read by `commands`.

use super::reporter_flags::ReporterSwitches;
use super::run_args::{BailModifier, Color, RetryOn, RunArgs};
use crate::collection::Variable;
use crate::http::{ClientCert, HostOverride, HttpOptions, Retry};
use crate::output::{ColorChoice, Diagnostic};
use crate::report::{CliOptions, JsonOptions, JunitOptions, ReporterOptions};
use crate::run::{Bail, RunOptions};
use crate::script::{EngineLimits, SandboxOptions};
use crate::vars::VariableScope;
use std::path::PathBuf;
use std::time::Duration;

/// `KEY=VALUE` split at the first `=` (no `=`: the value is empty, as Newman's `undefined`).
pub fn key_value(text: &str, flag: &str) -> Result<Variable, Diagnostic> {
    let (k, v) = text.split_once('=').unwrap_or((text, ""));
    if k.is_empty() {
        return Err(Diagnostic::new(format!("invalid {flag} value \"{text}\""))
            .detail("the key before '=' is empty")
            .hint(format!("write it as {flag} name=value")));
    }
    Ok(Variable::new(k, v))
}

/// Applies `--env-var`/`--global-var` pairs to a scope (updating or appending).
pub fn apply_pairs(
    scope: &mut VariableScope,
    pairs: &[String],
    flag: &str,
) -> Result<(), Diagnostic> {
    for p in pairs {
        let v = key_value(p, flag)?;
        scope.set(&v.key, v.value);
    }
    Ok(())
}

fn port(text: &str, entry: &str, flag: &str) -> Result<Option<u16>, Diagnostic> {
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<u16>().map(Some).map_err(|_| {
        Diagnostic::new(format!("invalid {flag} entry \"{entry}\""))
            .detail(format!("\"{text}\" is not a port number"))
    })
}

/// Splits `a:b:c:d` where host parts may be bracketed IPv6 addresses (`[::1]`).
fn split_colons(text: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut cur = String::new();
    let mut bracket = false;
    for c in text.chars() {
        match c {
            '[' => bracket = true,
            ']' => bracket = false,
            ':' if !bracket => {
                parts.push(std::mem::take(&mut cur));
                continue;
            }
            _ => {}
        }
        if c != '[' && c != ']' {
            cur.push(c);
        }
    }
    parts.push(cur);
    parts
}

/// `--connect-to HOST:PORT:HOST2:PORT2` (empty parts match any / keep the original).
pub fn connect_to(entry: &str) -> Result<HostOverride, Diagnostic> {
    let parts = split_colons(entry);
    let [host, p, to_host, to_p] = parts.as_slice() else {
        return Err(Diagnostic::new(format!("invalid --connect-to entry \"{entry}\""))
            .hint("write it as HOST:PORT:CONNECT-TO-HOST:CONNECT-TO-PORT, e.g. postman-echo.com:443:127.0.0.1:8443"));
    };
    Ok(HostOverride {
        host: host.clone(),
        port: port(p, entry, "--connect-to")?,
        to_host: to_host.clone(),
        to_port: port(to_p, entry, "--connect-to")?,
    })
}

/// `--resolve HOST:PORT:ADDR`.
pub fn resolve(entry: &str) -> Result<HostOverride, Diagnostic> {
    let parts = split_colons(entry);
    let [host, p, addr] = parts.as_slice() else {
        return Err(
            Diagnostic::new(format!("invalid --resolve entry \"{entry}\""))
                .hint("write it as HOST:PORT:ADDRESS, e.g. api.example.com:443:127.0.0.1"),
        );
    };
    let port = port(p, entry, "--resolve")?;
    Ok(HostOverride {
        host: host.clone(),
        port,
        to_host: addr.clone(),
        to_port: port,
    })
}

/// `--max-response-size`: bytes, or with a K/M/G suffix (powers of 1024; `KB`, `KiB`, `MB`…
/// mean the same).
pub fn size(text: &str) -> Result<u64, Diagnostic> {
    let t = text.trim();
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (num, unit) = t.split_at(digits);
    let shift = match unit
        .trim()
        .to_ascii_uppercase()
        .trim_end_matches('B')
        .trim_end_matches('I')
    {
        "" => 0,
        "K" => 10,
        "M" => 20,
        "G" => 30,
        _ => 64,
    };
    let n: u64 = num.parse().unwrap_or(0);
    if num.is_empty() || shift == 64 || n == 0 || n.leading_zeros() < shift {
        return Err(
            Diagnostic::new(format!("invalid --max-response-size \"{text}\""))
                .hint("give a number of bytes, optionally with K, M or G, e.g. 100M"),
        );
    }
    Ok(n << shift)
}

fn millis(v: Option<u64>) -> Option<Duration> {
    v.filter(|ms| *ms > 0).map(Duration::from_millis)
}

/// The colour choice of `--color` (NO_COLOR is honoured by `auto`).
pub fn color_choice(c: Color) -> ColorChoice {
    match c {
        Color::Auto => ColorChoice::Auto,
        Color::On => ColorChoice::Always,
        Color::Off => ColorChoice::Never,
    }
}

/// Everything of `RunOptions` that comes from flags alone (scopes and data are filled by the
/// caller from the files it loaded).
pub fn run_options(args: &RunArgs, switches: &ReporterSwitches) -> Result<RunOptions, Diagnostic> {
    let mut host_overrides = Vec::new();
    for e in &args.resolve {
        host_overrides.push(resolve(e)?);
    }
    for e in &args.connect_to {
        host_overrides.push(connect_to(e)?);
    }
    let working_dir = match &args.working_dir {
        Some(d) => d.clone(),
        None => std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
    };
    let client_cert = args.ssl_client_cert.as_ref().map(|cert| ClientCert {
        cert: cert.clone(),
        key: args.ssl_client_key.clone(),
        passphrase: args.ssl_client_passphrase.clone(),
    });
    let http = HttpOptions {
        insecure: args.insecure,
        extra_ca_certs: args.ssl_extra_ca_certs.iter().cloned().collect(),
        client_cert,
        client_cert_list: args.ssl_client_cert_list.clone(),
        proxy: args.proxy.clone(),
        no_proxy: args.no_proxy.clone(),
        http2: args.http2,
        retry: Retry {
            count: args.retry,
            delay: Duration::from_millis(args.retry_delay),
            on_5xx: args.retry_on.contains(&RetryOn::Status5xx),
            on_connection: args.retry_on.contains(&RetryOn::Connection),
        },
        max_response_size: size(&args.max_response_size)?,
        request_timeout: millis(args.timeout_request),
        follow_redirects: !args.ignore_redirects,
        host_overrides,
        working_dir,
        insecure_file_read: !args.no_insecure_file_read,
        ..HttpOptions::default()
    };
    let bail = args.bail.as_ref().map_or(Bail::default(), |mods| Bail {
        failure: mods.is_empty() || mods.contains(&BailModifier::Failure),
        folder: mods.contains(&BailModifier::Folder),
    });
    let sandbox = SandboxOptions {
        limits: EngineLimits {
            memory: (args.script_memory_limit.max(16) as usize) * 1024 * 1024,
            ..EngineLimits::default()
        },
        timeout: millis(args.timeout_script),
        node_modules: args.node_modules.clone().map(|dir| {
            crate::script::node_modules::NodeModules {
                dir,
                prefer: args.prefer_node_modules,
            }
        }),
        ..SandboxOptions::default()
    };
    Ok(RunOptions {
        iterations: args.iteration_count.map(|n| n as usize),
        folders: args.folder.clone(),
        delay_request: Duration::from_millis(args.delay_request.unwrap_or(0)),
        timeout: millis(args.timeout),
        bail,
        http,
        sandbox,
        keep_bodies: args.verbose || switches.json_bodies,
        timings: args.verbose,
        show_secrets: switches.show_secrets,
        ..RunOptions::default()
    })
}

/// The reporters' options from flags; the caller adds the collection JSON and scope names.
pub fn reporter_options(
    args: &RunArgs,
    switches: &ReporterSwitches,
    stdout_is_tty: bool,
) -> ReporterOptions {
    let mut reporters = args.reporters.clone();
    if reporters.is_empty() {
        reporters.push("cli".into());
    }
    ReporterOptions {
        reporters,
        cli: CliOptions {
            silent: args.silent || switches.cli_silent,
            no_summary: switches.no_summary,
            no_failures: switches.no_failures,
            no_assertions: switches.no_assertions,
            no_success_assertions: switches.no_success_assertions,
            no_console: switches.no_console,
            no_banner: switches.no_banner,
            show_timestamps: switches.show_timestamps,
            verbose: args.verbose,
            color: color_choice(args.color).enabled(stdout_is_tty),
            unicode: !args.disable_unicode,
        },
        json: JsonOptions {
            export: switches.json_export.as_ref().map(PathBuf::from),
            bodies: switches.json_bodies,
        },
        junit: JunitOptions {
            export: switches.junit_export.as_ref().map(PathBuf::from),
        },
        is_tty: stdout_is_tty,
        ..ReporterOptions::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_split_at_the_first_equals() {
        let v = key_value("url=http://x/?a=b", "--env-var").unwrap();
        assert_eq!(
            (v.key.as_str(), v.value.as_str()),
            ("url", Some("http://x/?a=b"))
        );
        assert_eq!(key_value("flag", "--env-var").unwrap().value, "");
        assert!(key_value("=x", "--env-var").is_err());
    }

    #[test]
    fn sizes() {
        assert_eq!(size("100M").unwrap(), 100 * 1024 * 1024);
        assert_eq!(size("2kb").unwrap(), 2048);
        assert_eq!(size("1GiB").unwrap(), 1 << 30);
        assert_eq!(size("123").unwrap(), 123);
        assert!(size("0").is_err() && size("M").is_err() && size("5T").is_err());
    }

    #[test]
    fn connect_to_and_resolve_entries() {
        let c = connect_to("postman-echo.com:443:127.0.0.1:8443").unwrap();
        assert_eq!(c.host, "postman-echo.com");
        assert_eq!(c.port, Some(443));
        assert_eq!(c.to_host, "127.0.0.1");
        assert_eq!(c.to_port, Some(8443));
        let c = connect_to("::[::1]:9000").unwrap();
        assert_eq!(
            (c.host.as_str(), c.port, c.to_host.as_str()),
            ("", None, "::1")
        );
        assert!(connect_to("a:b").is_err());
        assert!(connect_to("a:x:b:1").is_err());
        let r = resolve("api.example.com:443:127.0.0.1").unwrap();
        assert_eq!((r.port, r.to_host.as_str()), (Some(443), "127.0.0.1"));
    }
}
