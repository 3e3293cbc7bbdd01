//! Plain data the http stage takes and gives: the prepared request, what went on the wire, the
//! response, and the options a client is built from.

use bytes::Bytes;
use std::path::PathBuf;
use std::time::Duration;

/// The request as it went on the wire (after variables, auth, system headers).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SentRequest {
    pub method: String,
    pub url: String,
    /// The URL was written without a protocol (`{{host}}/get`) and went out as `http://`.
    pub scheme_implied: bool,
    pub headers: Vec<(String, String)>,
    /// The body as text (lossy UTF-8), when there was one; multipart shows a summary.
    pub body: Option<String>,
}

impl SentRequest {
    /// The URL as reports show it: without the `http://` that was only implied (Newman prints
    /// the request URL as written, before the protocol is filled in).
    pub fn shown_url(&self) -> &str {
        match self.url.strip_prefix("http://") {
            Some(rest) if self.scheme_implied => rest,
            _ => &self.url,
        }
    }
}

/// Time spent in each phase of a request, in milliseconds (only what is known).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Phases {
    pub dns: Option<f64>,
    pub connect: Option<f64>,
    pub tls: Option<f64>,
    pub first_byte: Option<f64>,
    pub download: Option<f64>,
    pub total: f64,
}

/// A response as received: status, headers in wire order, the decoded body.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Response {
    pub code: u16,
    /// Reason phrase as sent by the server (`OK`), or the standard one when it sent none.
    pub status: String,
    pub headers: Vec<(String, String)>,
    /// Body after content decoding (gzip, deflate, br).
    pub body: Bytes,
    /// Milliseconds from the first byte sent to the last byte received (all redirect hops).
    pub response_time: f64,
    pub phases: Phases,
    /// The URL of the final hop (after redirects).
    pub url: String,
    /// `HTTP/1.1`, `HTTP/2`.
    pub http_version: String,
}

impl Response {
    /// The first header named `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// One request/response round trip as the runner reports it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Exchange {
    /// The last request that went on the wire (after redirects), with every header sent.
    pub request: SentRequest,
    pub response: Response,
    /// Each redirect hop followed: (status code, the `Location` it pointed to).
    pub redirects: Vec<(u16, String)>,
    /// How many times the request was sent again under `--retry` (0: once).
    pub retries: u32,
    /// Things the runner should tell the user on the console (a proxy's 407).
    pub warnings: Vec<String>,
}

/// `--connect-to HOST:PORT:HOST2:PORT2` / `--resolve HOST:PORT:ADDR` entries, as curl takes them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostOverride {
    /// Host to match (empty matches any host, as in curl's `--connect-to ::host2:port2`).
    pub host: String,
    /// Port to match (`None` matches any port).
    pub port: Option<u16>,
    /// Where to connect instead: a host name or address.
    pub to_host: String,
    /// Port to connect to instead (`None` keeps the request's port).
    pub to_port: Option<u16>,
}

/// `--retry N [--retry-delay MS] [--retry-on 5xx,connection]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Retry {
    /// Extra attempts after the first (0: no retries).
    pub count: u32,
    /// Wait between attempts.
    pub delay: Duration,
    /// Retry when the response status is 500-599.
    pub on_5xx: bool,
    /// Retry when connecting or reading fails (refused, reset, timed out, closed early).
    pub on_connection: bool,
}

impl Default for Retry {
    fn default() -> Self {
        Retry {
            count: 0,
            delay: Duration::from_millis(1000),
            on_5xx: true,
            on_connection: true,
        }
    }
}

/// A client certificate and key (PEM files; or a PKCS#12 file as `cert`, without `key`), with
/// an optional passphrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientCert {
    pub cert: PathBuf,
    pub key: Option<PathBuf>,
    pub passphrase: Option<String>,
}

/// Everything a [`super::Client`] is built from. One client per run.
#[derive(Debug, Clone, PartialEq)]
pub struct HttpOptions {
    /// `-k/--insecure`: skip TLS verification.
    pub insecure: bool,
    /// `--ssl-extra-ca-certs`: extra PEM CA bundles to trust.
    pub extra_ca_certs: Vec<PathBuf>,
    /// `--ssl-client-cert/--ssl-client-key/--ssl-client-passphrase`.
    pub client_cert: Option<ClientCert>,
    /// `--ssl-client-cert-list`: Newman's JSON list of per-URL client certificates (read when
    /// the client is built; relative paths in it resolve against `working_dir`).
    pub client_cert_list: Option<PathBuf>,
    /// `--proxy URL` (`http://user:password@host:port`); `None`: the `*_PROXY` variables.
    pub proxy: Option<String>,
    /// `--no-proxy HOSTS`; `None`: the `NO_PROXY` variable.
    pub no_proxy: Option<String>,
    /// `--http2`: offer HTTP/2 by ALPN over TLS, speak it with prior knowledge over cleartext.
    pub http2: bool,
    /// `--retry`, `--retry-delay`, `--retry-on`.
    pub retry: Retry,
    /// `--timeout-request`.
    pub request_timeout: Option<Duration>,
    /// `--ignore-redirects` sets this to false.
    pub follow_redirects: bool,
    /// Default maximum number of redirects followed (10).
    pub max_redirects: u32,
    /// `--connect-to` and `--resolve`, in the order given.
    pub host_overrides: Vec<HostOverride>,
    /// Base directory for relative file paths (form-data files, binary bodies).
    pub working_dir: PathBuf,
    /// `--no-insecure-file-read` sets this to false: then files outside `working_dir` are refused.
    pub insecure_file_read: bool,
    /// `User-Agent` sent unless the request sets its own.
    pub user_agent: String,
    /// Keep response bodies in [`Response::body`] beyond what scripts need (always true today).
    pub keep_bodies: bool,
    /// Largest response body accepted (after decoding); bigger ones fail the request with
    /// `Maximum response size reached`. Default 100 MiB.
    pub max_response_size: u64,
}

impl Default for HttpOptions {
    fn default() -> Self {
        HttpOptions {
            insecure: false,
            extra_ca_certs: Vec::new(),
            client_cert: None,
            client_cert_list: None,
            proxy: None,
            no_proxy: None,
            http2: false,
            retry: Retry::default(),
            request_timeout: None,
            follow_redirects: true,
            max_redirects: 10,
            host_overrides: Vec::new(),
            working_dir: PathBuf::from("."),
            insecure_file_read: true,
            user_agent: concat!("postie/", env!("CARGO_PKG_VERSION")).to_string(),
            keep_bodies: true,
            max_response_size: 100 * 1024 * 1024,
        }
    }
}
