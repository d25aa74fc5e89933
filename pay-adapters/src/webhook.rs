//! Webhooks: GOV.UK Pay's `Pay-Signature` (lowercase hex HMAC-SHA256 of the raw body),
//! checked in constant time against every configured secret, each message processed once,
//! and the payment's status always re-fetched from the provider, never taken from the payload.
//!
//! [`WebhookReceiver`] is plain Rust; [`router`] (feature `axum`) serves it over HTTP.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use crate::error::PaymentError;
use crate::payment::Payment;
use crate::provider::PaymentProvider;

type HmacSha256 = Hmac<Sha256>;

/// The header GOV.UK Pay signs webhooks in.
pub const SIGNATURE_HEADER: &str = "Pay-Signature";

/// `Pay-Signature` for `body`: lowercase hex HMAC-SHA256 keyed with `secret`.
pub fn sign(secret: &str, body: &[u8]) -> String {
    // HMAC takes keys of any length, so this cannot fail.
    let mut mac = match HmacSha256::new_from_slice(secret.as_bytes()) {
        Ok(mac) => mac,
        Err(_) => return String::new(),
    };
    mac.update(body);
    hex::encode(mac.finalize().into_bytes())
}

/// Why a webhook was refused. Nothing is recorded for a refused webhook.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WebhookError {
    /// No signing secret is configured, so every webhook is refused.
    #[error("no webhook signing secret is configured")]
    NotConfigured,
    /// The `Pay-Signature` header was missing.
    #[error("the Pay-Signature header is missing")]
    MissingSignature,
    /// The signature did not match the body under any configured secret.
    #[error("the Pay-Signature does not match the body")]
    BadSignature,
    /// The body was not a webhook message.
    #[error("the webhook body is not a GOV.UK Pay webhook message: {0}")]
    BadPayload(String),
    /// Re-fetching the payment, or the service's handling of it, failed; the sender should
    /// try again later.
    #[error("the webhook could not be processed: {0}")]
    Processing(#[from] PaymentError),
}

impl WebhookError {
    /// Whether the sender should send the same webhook again later.
    pub fn is_retryable(&self) -> bool {
        matches!(self, WebhookError::Processing(_))
    }
}

/// The secrets webhooks may be signed with: more than one while a secret is being rotated.
#[derive(Clone, Default)]
pub struct WebhookSecrets(Vec<String>);

impl std::fmt::Debug for WebhookSecrets {
    /// Never prints a secret.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "WebhookSecrets({} configured)", self.0.len())
    }
}

impl WebhookSecrets {
    /// The given secrets, leaving out empty (or all-space) ones: an empty key would let anyone
    /// sign.
    pub fn new<I, S>(secrets: I) -> WebhookSecrets
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        WebhookSecrets(
            secrets
                .into_iter()
                .map(Into::into)
                .filter(|s| !s.trim().is_empty())
                .collect(),
        )
    }

    /// Whether any secret is configured.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Checks `signature` against `body` under each secret, in constant time per secret.
    pub fn verify(&self, body: &[u8], signature: Option<&str>) -> Result<(), WebhookError> {
        if self.0.is_empty() {
            return Err(WebhookError::NotConfigured);
        }
        let signature = signature.ok_or(WebhookError::MissingSignature)?.trim();
        let is_lower_hex = signature.len() == 64
            && signature
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        if !is_lower_hex {
            return Err(WebhookError::BadSignature);
        }
        let expected = hex::decode(signature).map_err(|_| WebhookError::BadSignature)?;
        let mut matched = false;
        for secret in &self.0 {
            let Ok(mut mac) = HmacSha256::new_from_slice(secret.as_bytes()) else {
                continue;
            };
            mac.update(body);
            // verify_slice compares in constant time; every secret is tried so timing does
            // not tell which one matched.
            matched |= mac.verify_slice(&expected).is_ok();
        }
        if matched {
            Ok(())
        } else {
            Err(WebhookError::BadSignature)
        }
    }
}

/// A webhook message, as GOV.UK Pay sends it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct WebhookMessage {
    /// Unique per message; the same message may be delivered more than once.
    pub webhook_message_id: String,
    /// When the event happened.
    pub created_date: String,
    /// The payment id.
    pub resource_id: String,
    /// The webhook API version.
    pub api_version: u32,
    /// `payment`.
    pub resource_type: String,
    /// What happened, e.g. `card_payment_succeeded`.
    pub event_type: String,
    /// The payment as it was; informational only: the receiver re-fetches it.
    #[serde(default)]
    pub resource: serde_json::Value,
}

/// Remembers which messages were processed, so each is handled once.
#[async_trait]
pub trait WebhookInbox: Send + Sync {
    /// Claims a message id; `false` when it was already claimed.
    async fn claim(&self, message_id: &str) -> Result<bool, PaymentError>;
    /// Gives up a claim after processing failed, so a redelivery is processed.
    async fn release(&self, message_id: &str) -> Result<(), PaymentError>;
}

/// A [`WebhookInbox`] in memory.
#[derive(Debug, Default)]
pub struct MemoryWebhookInbox(Mutex<HashSet<String>>);

impl MemoryWebhookInbox {
    /// An empty inbox.
    pub fn new() -> Self {
        Self::default()
    }
}

#[async_trait]
impl WebhookInbox for MemoryWebhookInbox {
    async fn claim(&self, message_id: &str) -> Result<bool, PaymentError> {
        Ok(self
            .0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(message_id.to_owned()))
    }

    async fn release(&self, message_id: &str) -> Result<(), PaymentError> {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(message_id);
        Ok(())
    }
}

/// What the service does with a payment whose status may have changed.
#[async_trait]
pub trait PaymentUpdates: Send + Sync {
    /// Called with the payment as the provider reports it now.
    async fn payment_updated(&self, payment: &Payment) -> Result<(), PaymentError>;
}

/// What happened to an accepted webhook.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum WebhookOutcome {
    /// Processed: the payment as re-fetched from the provider.
    Processed(Box<Payment>),
    /// Already processed earlier; nothing done.
    Duplicate,
    /// Not about a payment (e.g. a future resource type); acknowledged, nothing done.
    Ignored,
}

/// Checks, de-duplicates and processes webhooks.
#[derive(Clone)]
pub struct WebhookReceiver {
    secrets: WebhookSecrets,
    inbox: Arc<dyn WebhookInbox>,
    provider: Arc<dyn PaymentProvider>,
    updates: Arc<dyn PaymentUpdates>,
}

impl std::fmt::Debug for WebhookReceiver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WebhookReceiver")
            .field("secrets", &self.secrets)
            .field("provider", &self.provider.name())
            .finish_non_exhaustive()
    }
}

impl WebhookReceiver {
    /// A receiver checking `secrets`, remembering messages in `inbox`, re-fetching payments
    /// from `provider` and handing them to `updates`.
    pub fn new(
        secrets: WebhookSecrets,
        inbox: Arc<dyn WebhookInbox>,
        provider: Arc<dyn PaymentProvider>,
        updates: Arc<dyn PaymentUpdates>,
    ) -> WebhookReceiver {
        WebhookReceiver {
            secrets,
            inbox,
            provider,
            updates,
        }
    }

    /// Handles one delivery: the raw body and its `Pay-Signature` header.
    pub async fn receive(
        &self,
        signature: Option<&str>,
        body: &[u8],
    ) -> Result<WebhookOutcome, WebhookError> {
        self.secrets.verify(body, signature)?;
        let message: WebhookMessage =
            serde_json::from_slice(body).map_err(|e| WebhookError::BadPayload(e.to_string()))?;
        if message.webhook_message_id.is_empty() {
            return Err(WebhookError::BadPayload(
                "webhook_message_id is empty".to_owned(),
            ));
        }
        if message.resource_type != "payment" {
            return Ok(WebhookOutcome::Ignored);
        }
        if !self.inbox.claim(&message.webhook_message_id).await? {
            return Ok(WebhookOutcome::Duplicate);
        }
        let processed = async {
            let payment = self.provider.get(&message.resource_id).await?;
            self.updates.payment_updated(&payment).await?;
            Ok::<Payment, PaymentError>(payment)
        }
        .await;
        match processed {
            Ok(payment) => Ok(WebhookOutcome::Processed(Box::new(payment))),
            Err(error) => {
                self.inbox.release(&message.webhook_message_id).await?;
                Err(WebhookError::Processing(error))
            }
        }
    }
}

/// Where the sandbox delivers the webhooks it signs.
#[async_trait]
pub trait WebhookSink: Send + Sync {
    /// Delivers one signed message.
    async fn deliver(&self, signature: &str, body: &[u8]) -> Result<(), WebhookError>;
}

/// Delivering straight to a receiver in the same process.
#[async_trait]
impl WebhookSink for WebhookReceiver {
    async fn deliver(&self, signature: &str, body: &[u8]) -> Result<(), WebhookError> {
        self.receive(Some(signature), body).await.map(|_| ())
    }
}

/// Delivers webhooks over HTTPS (or http to this machine) as GOV.UK Pay does: `POST` with
/// `Content-Type: application/json` and `Pay-Signature`. Uses the `govuk-pay` feature's HTTP
/// client.
#[cfg(feature = "govuk-pay")]
#[derive(Debug, Clone)]
pub struct HttpWebhookSink {
    client: reqwest::Client,
    url: url::Url,
}

#[cfg(feature = "govuk-pay")]
impl HttpWebhookSink {
    /// A sink posting to `url`; only https, or http to this machine.
    pub fn new(url: url::Url) -> Result<HttpWebhookSink, PaymentError> {
        use crate::error::ErrorKind;
        let local = crate::payment::is_local_url(&url);
        if url.scheme() != "https" && !(local && url.scheme() == "http") {
            return Err(PaymentError::invalid(
                "webhook_url",
                "a webhook URL must be https (or http on this machine)",
            ));
        }
        let client = reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(10))
            .build()
            .map_err(|e| {
                PaymentError::new(ErrorKind::Network, "could not build the HTTP client")
                    .with_source(e)
            })?;
        Ok(HttpWebhookSink { client, url })
    }
}

#[cfg(feature = "govuk-pay")]
#[async_trait]
impl WebhookSink for HttpWebhookSink {
    async fn deliver(&self, signature: &str, body: &[u8]) -> Result<(), WebhookError> {
        use crate::error::ErrorKind;
        let response = self
            .client
            .post(self.url.clone())
            .header("Content-Type", "application/json")
            .header(SIGNATURE_HEADER, signature)
            .body(body.to_vec())
            .send()
            .await
            .map_err(|e| {
                PaymentError::new(ErrorKind::Network, "could not deliver the webhook")
                    .with_source(e)
            })?;
        if response.status().is_success() {
            Ok(())
        } else {
            Err(WebhookError::Processing(
                PaymentError::new(
                    ErrorKind::Provider,
                    "the webhook endpoint refused the delivery",
                )
                .with_http_status(response.status().as_u16()),
            ))
        }
    }
}

/// The webhook endpoint as an axum router: `POST /` with the raw body. Answers 200 when
/// processed or already processed, 401 for a bad or missing signature (and when no secret is
/// configured), 400 for a body that is not a webhook, and 503 when processing failed so
/// GOV.UK Pay delivers it again.
#[cfg(feature = "axum")]
pub fn router(receiver: WebhookReceiver) -> axum::Router {
    use axum::body::Bytes;
    use axum::extract::State;
    use axum::http::{HeaderMap, StatusCode};
    use axum::routing::post;

    async fn receive(
        State(receiver): State<Arc<WebhookReceiver>>,
        headers: HeaderMap,
        body: Bytes,
    ) -> StatusCode {
        let signature = headers.get(SIGNATURE_HEADER).and_then(|v| v.to_str().ok());
        match receiver.receive(signature, &body).await {
            Ok(_) => StatusCode::OK,
            Err(WebhookError::BadPayload(_)) => StatusCode::BAD_REQUEST,
            Err(WebhookError::Processing(error)) => {
                tracing::warn!(%error, "webhook processing failed; the sender will retry");
                StatusCode::SERVICE_UNAVAILABLE
            }
            Err(error) => {
                tracing::warn!(%error, "webhook refused");
                StatusCode::UNAUTHORIZED
            }
        }
    }

    axum::Router::new()
        .route("/", post(receive))
        .with_state(Arc::new(receiver))
}

#[cfg(test)]
mod tests;
