//! `postie run`'s flags: Newman's `run` flags one for one (their doc comments are the `--help`
//! text), plus postie's own. Low-level: parsed and range-checked only; `options` turns them into
//! a validated `RunOptions`.

use clap::{Args, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum Color {
    /// Colour when stdout is a terminal and NO_COLOR is unset.
    #[default]
    Auto,
    On,
    Off,
}

/// Flags of `postie run` (and `postie compare`).
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Run options (as newman run)")]
pub struct RunArgs {
    /// Collection to run: a file, an http(s) URL, or a Postman UID (with --postman-api-key)
    #[arg(value_name = "COLLECTION")]
    pub collection: String,

    /// Environment file, URL or UID
    #[arg(short = 'e', long = "environment", value_name = "PATH")]
    pub environment: Vec<String>,

    /// Globals file or URL
    #[arg(short = 'g', long = "globals", value_name = "PATH")]
    pub globals: Option<String>,

    /// Reporters to use, comma-separated: cli, json, junit, progress, emojitrain [default: cli]
    #[arg(
        short = 'r',
        long = "reporters",
        value_name = "LIST",
        value_delimiter = ','
    )]
    pub reporters: Vec<String>,

    /// Number of iterations [default: one per data row, or 1]
    #[arg(short = 'n', long = "iteration-count", value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub iteration_count: Option<u64>,

    /// Iteration data: a JSON array of objects or a CSV file with a header row
    #[arg(short = 'd', long = "iteration-data", value_name = "PATH")]
    pub iteration_data: Option<String>,

    /// Run only this folder or request (name or id); repeatable
    #[arg(long = "folder", value_name = "NAME")]
    pub folder: Vec<String>,

    /// Set a global variable, KEY=VALUE; repeatable
    #[arg(long = "global-var", value_name = "KEY=VALUE")]
    pub global_var: Vec<String>,

    /// Set an environment variable, KEY=VALUE; repeatable
    #[arg(long = "env-var", value_name = "KEY=VALUE")]
    pub env_var: Vec<String>,

    /// Write the final environment to this file
    #[arg(long = "export-environment", value_name = "PATH")]
    pub export_environment: Option<PathBuf>,

    /// Write the final globals to this file
    #[arg(long = "export-globals", value_name = "PATH")]
    pub export_globals: Option<PathBuf>,

    /// Write the collection, with its final collection variables, to this file
    #[arg(long = "export-collection", value_name = "PATH")]
    pub export_collection: Option<PathBuf>,

    /// Postman API key, for UIDs as COLLECTION or -e
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
        default_value = "https://api.getpostman.com",
        hide_default_value = true
    )]
    pub postman_api_url: String,

    /// Stop at the first failure; modifiers: failure (default), folder
    #[arg(long = "bail", value_name = "MODIFIERS", num_args = 0..=1, default_missing_value = "failure", value_delimiter = ',')]
    pub bail: Option<Vec<BailModifier>>,

    /// Do not follow 3xx redirects
    #[arg(long = "ignore-redirects")]
    pub ignore_redirects: bool,

    /// Exit 0 even when something failed
    #[arg(short = 'x', long = "suppress-exit-code")]
    pub suppress_exit_code: bool,

    /// Print nothing from the cli reporter
    #[arg(long = "silent")]
    pub silent: bool,

    /// Plain-text symbols instead of unicode ones
    #[arg(long = "disable-unicode")]
    pub disable_unicode: bool,

    /// Colour output: auto, on, off (NO_COLOR turns auto off)
    #[arg(long = "color", value_name = "WHEN", default_value = "auto")]
    pub color: Color,

    /// Wait this many milliseconds before every request
    #[arg(long = "delay-request", value_name = "MS", num_args = 0..=1, default_missing_value = "0")]
    pub delay_request: Option<u64>,

    /// Stop the whole run after this many milliseconds (0: never)
    #[arg(long = "timeout", value_name = "MS", num_args = 0..=1, default_missing_value = "0")]
    pub timeout: Option<u64>,

    /// Fail a request that takes longer than this many milliseconds (0: never)
    #[arg(long = "timeout-request", value_name = "MS", num_args = 0..=1, default_missing_value = "0")]
    pub timeout_request: Option<u64>,

    /// Stop a script that runs longer than this many milliseconds (0: never)
    #[arg(long = "timeout-script", value_name = "MS", num_args = 0..=1, default_missing_value = "0")]
    pub timeout_script: Option<u64>,

    /// Base directory for files the collection reads (form-data and binary bodies)
    #[arg(long = "working-dir", value_name = "PATH")]
    pub working_dir: Option<PathBuf>,

    /// Refuse to read files outside the working directory
    #[arg(long = "no-insecure-file-read")]
    pub no_insecure_file_read: bool,

    /// Do not verify TLS certificates
    #[arg(short = 'k', long = "insecure")]
    pub insecure: bool,

    /// Client certificates per URL pattern (Newman's JSON list)
    #[arg(long = "ssl-client-cert-list", value_name = "PATH")]
    pub ssl_client_cert_list: Option<PathBuf>,

    /// Client certificate (PEM, or a PKCS#12 .p12/.pfx file with --ssl-client-passphrase)
    #[arg(long = "ssl-client-cert", value_name = "PATH")]
    pub ssl_client_cert: Option<PathBuf>,

    /// Client certificate's private key (PEM)
    #[arg(long = "ssl-client-key", value_name = "PATH")]
    pub ssl_client_key: Option<PathBuf>,

    /// Passphrase of the client key (or of the PKCS#12 file)
    #[arg(long = "ssl-client-passphrase", value_name = "PASSPHRASE")]
    pub ssl_client_passphrase: Option<String>,

    /// Extra trusted CA certificates (PEM)
    #[arg(long = "ssl-extra-ca-certs", value_name = "PATH")]
    pub ssl_extra_ca_certs: Option<PathBuf>,

    /// Start from this cookie jar (tough-cookie JSON, as Newman writes it)
    #[arg(long = "cookie-jar", value_name = "PATH")]
    pub cookie_jar: Option<PathBuf>,

    /// Write the final cookie jar to this file
    #[arg(long = "export-cookie-jar", value_name = "PATH")]
    pub export_cookie_jar: Option<PathBuf>,

    /// Show request and response details in the cli report
    #[arg(long = "verbose")]
    pub verbose: bool,

    /// Connect to HOST2:PORT2 for requests to HOST:PORT (as curl); repeatable
    #[arg(
        long = "connect-to",
        value_name = "HOST:PORT:HOST2:PORT2",
        help_heading = "postie extras"
    )]
    pub connect_to: Vec<String>,

    /// Resolve HOST:PORT to ADDR (as curl); repeatable
    #[arg(
        long = "resolve",
        value_name = "HOST:PORT:ADDR",
        help_heading = "postie extras"
    )]
    pub resolve: Vec<String>,

    /// Secrets for pm.vault and {{vault:key}}: a JSON object or an environment-shaped file
    #[arg(long = "vault", value_name = "PATH", help_heading = "postie extras")]
    pub vault: Option<PathBuf>,

    /// npm packages for require() and pm.require(): a node_modules folder [default: the one beside
    /// the collection, if any]
    #[arg(
        long = "node-modules",
        value_name = "DIR",
        help_heading = "postie extras"
    )]
    pub node_modules: Option<PathBuf>,

    /// Let a package in node_modules replace a built-in library of the same name
    #[arg(long = "prefer-node-modules", help_heading = "postie extras")]
    pub prefer_node_modules: bool,

    /// Send requests through this proxy, http://[user:password@]host:port (default: the
    /// HTTP_PROXY/HTTPS_PROXY/ALL_PROXY variables)
    #[arg(long = "proxy", value_name = "URL", help_heading = "postie extras")]
    pub proxy: Option<String>,

    /// Hosts to reach without the proxy, comma-separated (default: NO_PROXY)
    #[arg(
        long = "no-proxy",
        value_name = "HOSTS",
        help_heading = "postie extras"
    )]
    pub no_proxy: Option<String>,

    /// Offer HTTP/2 (ALPN over TLS; prior knowledge over plain http)
    #[arg(long = "http2", help_heading = "postie extras")]
    pub http2: bool,

    /// Send a request again up to N times when it fails (see --retry-on); scripts run once
    #[arg(
        long = "retry",
        value_name = "N",
        default_value_t = 0,
        help_heading = "postie extras"
    )]
    pub retry: u32,

    /// Milliseconds to wait between tries
    #[arg(
        long = "retry-delay",
        value_name = "MS",
        default_value_t = 1000,
        help_heading = "postie extras"
    )]
    pub retry_delay: u64,

    /// What to retry: 5xx (server errors), connection (refused, reset, timed out)
    #[arg(
        long = "retry-on",
        value_name = "LIST",
        value_delimiter = ',',
        default_value = "5xx,connection",
        help_heading = "postie extras"
    )]
    pub retry_on: Vec<RetryOn>,

    /// Fail a response whose body is larger than this (bytes; K, M, G suffixes)
    #[arg(
        long = "max-response-size",
        value_name = "SIZE",
        default_value = "100M",
        help_heading = "postie extras"
    )]
    pub max_response_size: String,

    /// Memory limit of the script engine, in MiB
    #[arg(
        long = "script-memory-limit",
        value_name = "MIB",
        default_value_t = 512,
        help_heading = "postie extras"
    )]
    pub script_memory_limit: u64,
}

/// `--retry-on` conditions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RetryOn {
    #[value(name = "5xx")]
    Status5xx,
    Connection,
}

/// `--bail` modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BailModifier {
    Failure,
    Folder,
}
