//! The shared record of every request a mock server received, in arrival order.

use std::sync::{Arc, Mutex, MutexGuard};

use bytes::Bytes;

/// One request as it arrived on the wire.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordedRequest {
    /// Method as sent (`GET`, `POSTMAN`, …).
    pub method: String,
    /// Request target exactly as sent: path and query (or the absolute form a proxy client sends).
    pub target: String,
    /// Header fields in wire order with their original case (HTTP/2: lower case).
    pub headers: Vec<(String, String)>,
    /// Body bytes after transfer decoding (chunked framing removed; content encoding kept).
    pub body: Bytes,
    /// Whether the connection was TLS.
    pub tls: bool,
    /// The server name the client sent in its TLS ClientHello.
    pub sni: Option<String>,
}

impl RecordedRequest {
    /// The first value of the header `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    /// Every value of the header `name` (case-insensitive), in wire order.
    pub fn header_all(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
            .collect()
    }

    /// The body as text (invalid UTF-8 replaced).
    pub fn body_text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Requests received by a mock server. Cheap to clone: clones share one list.
#[derive(Clone, Debug, Default)]
pub struct RequestLog {
    entries: Arc<Mutex<Vec<RecordedRequest>>>,
    /// Keep at most this many (the newest); `None`: all (tests).
    limit: Option<usize>,
}

impl RequestLog {
    /// An empty log that keeps every request (for tests).
    pub fn new() -> Self {
        Self::default()
    }

    /// A log that keeps only the newest `limit` requests: for long-running servers
    /// (`postie mock …`), whose memory must not grow with the requests they serve.
    pub fn bounded(limit: usize) -> Self {
        RequestLog {
            entries: Arc::default(),
            limit: Some(limit),
        }
    }

    /// A copy of every recorded request, oldest first.
    pub fn entries(&self) -> Vec<RecordedRequest> {
        self.lock().clone()
    }

    /// The most recent request.
    pub fn last(&self) -> Option<RecordedRequest> {
        self.lock().last().cloned()
    }

    /// How many requests were recorded.
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    /// Whether nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.lock().is_empty()
    }

    /// Forgets every recorded request.
    pub fn clear(&self) {
        self.lock().clear();
    }

    pub(crate) fn record(&self, request: RecordedRequest) {
        let mut entries = self.lock();
        if let Some(limit) = self.limit {
            if entries.len() >= limit {
                // Drop the older half at once, so recording stays O(1) amortised.
                let keep = limit / 2;
                let drop = entries.len() - keep;
                entries.drain(..drop);
            }
        }
        entries.push(request);
    }

    fn lock(&self) -> MutexGuard<'_, Vec<RecordedRequest>> {
        // A panic while holding the lock cannot leave the Vec half-written; keep going.
        self.entries.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(method: &str) -> RecordedRequest {
        RecordedRequest {
            method: method.into(),
            target: "/".into(),
            headers: vec![("X-One".into(), "1".into()), ("x-one".into(), "2".into())],
            body: Bytes::from_static(b"hi"),
            tls: false,
            sni: None,
        }
    }

    #[test]
    fn a_bounded_log_keeps_the_newest() {
        let log = RequestLog::bounded(4);
        for m in ["A", "B", "C", "D", "E"] {
            log.record(request(m));
        }
        let methods: Vec<String> = log.entries().into_iter().map(|r| r.method).collect();
        assert_eq!(methods, vec!["C", "D", "E"]);
    }

    #[test]
    fn clones_share_entries_and_clear() {
        let log = RequestLog::new();
        let other = log.clone();
        other.record(request("GET"));
        other.record(request("POST"));
        assert_eq!(log.len(), 2);
        assert_eq!(log.last().map(|r| r.method), Some("POST".to_string()));
        log.clear();
        assert!(other.is_empty());
    }

    #[test]
    fn header_lookup_is_case_insensitive() {
        let r = request("GET");
        assert_eq!(r.header("X-ONE"), Some("1"));
        assert_eq!(r.header_all("x-one"), vec!["1", "2"]);
        assert_eq!(r.header("missing"), None);
        assert_eq!(r.body_text(), "hi");
    }
}
