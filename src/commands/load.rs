//! Reading what a run starts from: the collection, environment, globals, data, vault and cookie
//! jar, from a file, an http(s) URL, or a Postman UID through the Postman API. Every failure
//! becomes a diagnostic naming the file and what is wrong.

use crate::collection::{self, Collection, EnvironmentFile, LoadError};
use crate::http::{Client, HttpOptions};
use crate::output::Diagnostic;
use indexmap::IndexMap;
use serde_json::Value;
use std::path::Path;

/// Where inputs come from and how to fetch remote ones.
pub struct Loader {
    client: Option<Client>,
    http: HttpOptions,
    api_key: Option<String>,
    api_url: String,
}

/// A UID as the Postman API names collections and environments (`12345-<uuid>`).
pub fn is_uid(text: &str) -> bool {
    let Some((owner, id)) = text.split_once('-') else {
        return false;
    };
    !owner.is_empty()
        && owner.chars().all(|c| c.is_ascii_alphanumeric())
        && uuid::Uuid::parse_str(id).is_ok()
}

impl Loader {
    pub fn new(http: HttpOptions, api_key: Option<String>, api_url: String) -> Self {
        Loader {
            client: None,
            http,
            api_key,
            api_url: api_url.trim_end_matches('/').to_string(),
        }
    }

    fn client(&mut self) -> Result<&Client, Diagnostic> {
        if self.client.is_none() {
            let c = Client::new(&self.http).map_err(|e| Diagnostic::new(e.to_string()))?;
            self.client = Some(c);
        }
        Ok(self.client.as_ref().expect("set above"))
    }

    /// The bytes of `source`: a URL, a UID of `kind` (`collections`, `environments`), or a file.
    async fn bytes(&mut self, source: &str, kind: &str, what: &str) -> Result<Vec<u8>, Diagnostic> {
        let remote = source.starts_with("http://") || source.starts_with("https://");
        let uid = !remote && is_uid(source) && !Path::new(source).exists();
        if !remote && !uid {
            return std::fs::read(source).map_err(|e| {
                Diagnostic::new(format!("{what} could not be loaded"))
                    .detail(format!("unable to read data from file \"{source}\""))
                    .detail(e.to_string())
                    .hint("check the path; relative paths start from the current directory")
            });
        }
        let (url, headers) = if uid {
            let Some(key) = self.api_key.clone() else {
                return Err(Diagnostic::new(format!("{what} could not be loaded"))
                    .detail(format!("\"{source}\" is neither a file nor a URL; as a Postman UID it needs an API key"))
                    .hint("pass --postman-api-key KEY or set POSTMAN_API_KEY"));
            };
            (
                format!("{}/{kind}/{source}", self.api_url),
                vec![("X-Api-Key".to_string(), key)],
            )
        } else {
            (source.to_string(), self.api_headers(source))
        };
        let client = self.client()?;
        let bytes = client.fetch(&url, &headers).await.map_err(|e| {
            Diagnostic::new(format!("{what} could not be loaded"))
                .detail(format!("unable to fetch {url}"))
                .detail(e.info().message)
        })?;
        Ok(bytes.to_vec())
    }

    /// An API key for Postman API URLs, moved from `?apikey=` or taken from the flag.
    fn api_headers(&self, url: &str) -> Vec<(String, String)> {
        let is_api = url.contains("api.getpostman.com") || url.contains("api.postman.com");
        match (&self.api_key, is_api) {
            (Some(k), true) => vec![("X-Api-Key".to_string(), k.clone())],
            _ => Vec::new(),
        }
    }

    pub async fn collection(&mut self, source: &str) -> Result<Collection, Diagnostic> {
        let bytes = self.bytes(source, "collections", "collection").await?;
        collection::parse_collection(&bytes, source).map_err(|e| load_diag("collection", &e))
    }

    /// An environment or globals file (`what`: `environment` / `globals`).
    pub async fn environment(
        &mut self,
        source: &str,
        what: &str,
    ) -> Result<EnvironmentFile, Diagnostic> {
        let bytes = self.bytes(source, "environments", what).await?;
        collection::parse_environment(&bytes, source).map_err(|e| load_diag(what, &e))
    }

    pub async fn data(&mut self, source: &str) -> Result<Vec<IndexMap<String, Value>>, Diagnostic> {
        let bytes = self.bytes(source, "", "iteration data").await?;
        crate::vars::parse_data(&bytes, source).map_err(|e| load_diag("iteration data", &e))
    }
}

/// A load error as a diagnostic: the title says what could not be loaded.
pub fn load_diag(what: &str, e: &LoadError) -> Diagnostic {
    let mut d = Diagnostic::new(format!("{what} could not be loaded")).detail(e.title());
    if let Some(at) = e.location_text() {
        d = d.detail(format!("--> {at}"));
    }
    if let Some((number, text, caret)) = e.snippet() {
        let pad = " ".repeat(number.to_string().len());
        d = d.detail(format!("{pad} |\n{number} | {text}\n{pad} | {caret}"));
    }
    d = d.detail(e.detail());
    if let Some(h) = e.hint() {
        d = d.hint(h);
    }
    d
}
