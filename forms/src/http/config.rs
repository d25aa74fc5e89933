//! The limits and names an HTTP form service runs with; every one has a safe default.

use std::time::Duration;

/// How an HTTP form service protects itself. Start from [`HttpConfig::default`] and change
/// what the service needs.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct HttpConfig {
    /// The largest request body accepted, in bytes (default 1 MiB); larger gets a
    /// "too large" page (413) and the answers already given are kept.
    pub body_limit: usize,
    /// The largest `multipart/form-data` body accepted from a page with a file upload, in
    /// bytes (default 64 MiB; never less than `body_limit`). Each file is checked against its
    /// own question's limit, and one over it is refused with the question's "must be smaller
    /// than" message; a body over this limit gets the "too large" page (413). Its text fields
    /// together are held to `body_limit`.
    pub upload_limit: usize,
    /// How long a request may take before it is answered `408 Request Timeout` (default 30 s).
    pub request_timeout: Duration,
    /// The per-client limit on POSTs, or `None` for no limit (a service behind a proxy that
    /// limits already, or a benchmark).
    pub rate_limit: Option<RateLimit>,
    /// The name of the honeypot field: a field hidden from people, which bots fill in. A POST
    /// with it filled is not accepted (default `website`; it must not be a question's id).
    pub honeypot_field: String,
    /// The session cookie's name (default `civic_forms_session`).
    pub cookie_name: String,
}

impl Default for HttpConfig {
    fn default() -> Self {
        HttpConfig {
            body_limit: 1024 * 1024,
            upload_limit: 64 * 1024 * 1024,
            request_timeout: Duration::from_secs(30),
            rate_limit: Some(RateLimit::default()),
            honeypot_field: "website".to_owned(),
            cookie_name: "civic_forms_session".to_owned(),
        }
    }
}

/// A per-client limit on POSTs: up to `burst` at once, then one more every `replenish`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct RateLimit {
    /// How many POSTs a client may send in a burst (default 30: a long form answered quickly).
    pub burst: u32,
    /// How often one more POST is allowed once the burst is used up (default 2 s).
    pub replenish: Duration,
    /// Whether the client is known by the first `X-Forwarded-For` (or `X-Real-IP`,
    /// `Forwarded`) address rather than the connection's: only behind a proxy that sets it.
    pub behind_proxy: bool,
}

impl RateLimit {
    /// `burst` POSTs at once, then one every `replenish`.
    pub fn new(burst: u32, replenish: Duration) -> Self {
        RateLimit {
            burst,
            replenish,
            behind_proxy: false,
        }
    }

    /// Clients are known by the address a trusted proxy puts in `X-Forwarded-For`.
    pub fn behind_proxy(mut self) -> Self {
        self.behind_proxy = true;
        self
    }
}

impl Default for RateLimit {
    fn default() -> Self {
        RateLimit::new(30, Duration::from_secs(2))
    }
}
