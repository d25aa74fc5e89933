//! [`PaymentError`]: what went wrong talking to a payment provider, shaped to answer the
//! questions a service asks (`is_retryable()`, `is_declined()`, `is_auth()`), not to be matched
//! variant by variant.

use std::error::Error as StdError;
use std::fmt;

type BoxError = Box<dyn StdError + Send + Sync + 'static>;

/// The broad kind of a [`PaymentError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The request was refused as invalid, by us before sending or by the provider.
    InvalidRequest,
    /// The API key was missing, wrong or revoked.
    Auth,
    /// No such payment or refund.
    NotFound,
    /// The card or payment method was declined.
    Declined,
    /// The payment is not in a state that allows this (cancel a finished payment, capture
    /// twice, refund more than is available).
    Conflict,
    /// Too many requests (P0900), after retrying.
    RateLimited,
    /// The provider failed (5xx, "Downstream system error"), after retrying.
    Provider,
    /// The account cannot do this (not linked to a PSP, disabled, feature not enabled).
    Account,
    /// The provider could not be reached or did not answer in time.
    Network,
    /// The provider answered with something we could not understand.
    UnexpectedResponse,
    /// Our own store (payment records, sandbox state) failed.
    Store,
    /// The provider does not offer this.
    Unsupported,
}

/// An error from a payment provider or from checking a request before sending it.
pub struct PaymentError {
    inner: Box<Inner>,
}

struct Inner {
    kind: ErrorKind,
    code: Option<String>,
    description: String,
    field: Option<String>,
    http_status: Option<u16>,
    source: Option<BoxError>,
}

impl PaymentError {
    /// A new error of `kind`, described for a developer (never shown to a resident as is).
    pub fn new(kind: ErrorKind, description: impl Into<String>) -> PaymentError {
        PaymentError {
            inner: Box::new(Inner {
                kind,
                code: None,
                description: description.into(),
                field: None,
                http_status: None,
                source: None,
            }),
        }
    }

    /// An invalid request about `field`, refused before anything was sent.
    pub fn invalid(field: &str, description: impl Into<String>) -> PaymentError {
        PaymentError::new(ErrorKind::InvalidRequest, description).with_field(field)
    }

    /// Adds the provider's error code (e.g. `P0102`).
    pub fn with_code(mut self, code: impl Into<String>) -> PaymentError {
        self.inner.code = Some(code.into());
        self
    }

    /// Adds the request field the error is about.
    pub fn with_field(mut self, field: impl Into<String>) -> PaymentError {
        self.inner.field = Some(field.into());
        self
    }

    /// Adds the HTTP status the provider answered with.
    pub fn with_http_status(mut self, status: u16) -> PaymentError {
        self.inner.http_status = Some(status);
        self
    }

    /// Adds the underlying cause.
    pub fn with_source(mut self, source: impl Into<BoxError>) -> PaymentError {
        self.inner.source = Some(source.into());
        self
    }

    /// The broad kind.
    pub fn kind(&self) -> ErrorKind {
        self.inner.kind
    }

    /// The provider's error code, such as GOV.UK Pay's `P0102`.
    pub fn code(&self) -> Option<&str> {
        self.inner.code.as_deref()
    }

    /// The request field at fault, when known.
    pub fn field(&self) -> Option<&str> {
        self.inner.field.as_deref()
    }

    /// The HTTP status, when the provider answered.
    pub fn http_status(&self) -> Option<u16> {
        self.inner.http_status
    }

    /// The description, for a developer.
    pub fn description(&self) -> &str {
        &self.inner.description
    }

    /// Whether trying the same request again later may work (rate limits, provider outages,
    /// network failures). A created payment may still exist after such an error: check before
    /// creating another.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self.inner.kind,
            ErrorKind::RateLimited | ErrorKind::Provider | ErrorKind::Network | ErrorKind::Store
        )
    }

    /// Whether the card or payment method was declined.
    pub fn is_declined(&self) -> bool {
        self.inner.kind == ErrorKind::Declined
    }

    /// Whether the API key was refused.
    pub fn is_auth(&self) -> bool {
        self.inner.kind == ErrorKind::Auth
    }

    /// Whether the payment or refund does not exist.
    pub fn is_not_found(&self) -> bool {
        self.inner.kind == ErrorKind::NotFound
    }

    /// Whether the request itself was wrong (fix the request; retrying will not help).
    pub fn is_invalid_request(&self) -> bool {
        self.inner.kind == ErrorKind::InvalidRequest
    }

    /// Whether the payment's state does not allow this.
    pub fn is_conflict(&self) -> bool {
        self.inner.kind == ErrorKind::Conflict
    }
}

impl fmt::Debug for PaymentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PaymentError")
            .field("kind", &self.inner.kind)
            .field("code", &self.inner.code)
            .field("description", &self.inner.description)
            .field("field", &self.inner.field)
            .field("http_status", &self.inner.http_status)
            .field("source", &self.inner.source)
            .finish()
    }
}

impl fmt::Display for PaymentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.inner.kind {
            ErrorKind::InvalidRequest => "invalid request",
            ErrorKind::Auth => "API key refused",
            ErrorKind::NotFound => "not found",
            ErrorKind::Declined => "payment declined",
            ErrorKind::Conflict => "not allowed in the payment's state",
            ErrorKind::RateLimited => "too many requests",
            ErrorKind::Provider => "payment provider error",
            ErrorKind::Account => "account cannot do this",
            ErrorKind::Network => "payment provider unreachable",
            ErrorKind::UnexpectedResponse => "unexpected response from payment provider",
            ErrorKind::Store => "payment store error",
            ErrorKind::Unsupported => "not offered by this provider",
        };
        f.write_str(kind)?;
        if let Some(code) = &self.inner.code {
            write!(f, " [{code}]")?;
        }
        if let Some(status) = self.inner.http_status {
            write!(f, " (HTTP {status})")?;
        }
        if !self.inner.description.is_empty() {
            write!(f, ": {}", self.inner.description)?;
        }
        Ok(())
    }
}

impl StdError for PaymentError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.inner
            .source
            .as_deref()
            .map(|e| e as &(dyn StdError + 'static))
    }
}

impl From<sqlx::Error> for PaymentError {
    fn from(error: sqlx::Error) -> Self {
        PaymentError::new(ErrorKind::Store, "the payment store failed").with_source(error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_questions() {
        let limited = PaymentError::new(ErrorKind::RateLimited, "Too many requests")
            .with_code("P0900")
            .with_http_status(429);
        assert!(limited.is_retryable());
        assert!(!limited.is_auth());
        assert_eq!(limited.code(), Some("P0900"));
        assert_eq!(
            limited.to_string(),
            "too many requests [P0900] (HTTP 429): Too many requests"
        );
        let invalid = PaymentError::invalid("amount", "too large");
        assert!(invalid.is_invalid_request() && !invalid.is_retryable());
        assert_eq!(invalid.field(), Some("amount"));
        assert!(PaymentError::new(ErrorKind::Declined, "").is_declined());
        assert!(PaymentError::new(ErrorKind::Auth, "").is_auth());
    }

    #[test]
    fn is_send_sync_and_small() {
        fn assert_send_sync<T: Send + Sync + 'static>() {}
        assert_send_sync::<PaymentError>();
        assert_eq!(
            std::mem::size_of::<PaymentError>(),
            std::mem::size_of::<usize>()
        );
    }
}
