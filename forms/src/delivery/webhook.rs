//! The `webhook` handler: each submission POSTed as JSON, signed with HMAC-SHA256 so the
//! receiver can check it came from this service and is recent.
//!
//! The `Civic-Signature` header is `t=UNIX_SECONDS,v1=HEX` where `HEX` is the HMAC-SHA256,
//! keyed with the shared secret, of `UNIX_SECONDS`, a `.`, then the exact body. A receiver
//! recomputes it, compares in constant time and refuses old timestamps (replays).

use std::time::Duration;

use hmac::{Hmac, Mac};
use sha2::Sha256;
use time::OffsetDateTime;
use url::Url;

use super::{DeliveryError, Submission, SubmissionHandler};

/// The header carrying the signature.
pub const SIGNATURE_HEADER: &str = "Civic-Signature";

/// The signature header's value for `body` sent at `timestamp` (Unix seconds).
pub fn signature(secret: &[u8], timestamp: i64, body: &[u8]) -> String {
    // HMAC takes keys of any length, so this cannot fail.
    let mut mac = match Hmac::<Sha256>::new_from_slice(secret) {
        Ok(mac) => mac,
        Err(_) => unreachable!("HMAC accepts keys of any length"),
    };
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    format!(
        "t={timestamp},v1={}",
        hex::encode(mac.finalize().into_bytes())
    )
}

/// Posts each submission as signed JSON to a URL.
#[derive(Clone)]
pub struct WebhookHandler {
    client: reqwest::Client,
    url: Url,
    secret: Vec<u8>,
}

impl std::fmt::Debug for WebhookHandler {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The secret and the URL's query (which may hold a key) stay out of logs.
        f.debug_struct("WebhookHandler")
            .field("host", &self.url.host_str())
            .finish_non_exhaustive()
    }
}

impl WebhookHandler {
    /// Posts to `url`, signing with `secret`; each request times out after 10 seconds.
    pub fn new(url: Url, secret: impl Into<Vec<u8>>) -> Result<Self, DeliveryError> {
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()
            .map_err(|e| {
                DeliveryError::permanent("the webhook client could not be made").with_source(e)
            })?;
        Ok(WebhookHandler {
            client,
            url,
            secret: secret.into(),
        })
    }
}

#[async_trait::async_trait]
impl SubmissionHandler for WebhookHandler {
    fn name(&self) -> &str {
        "webhook"
    }

    async fn deliver(&self, submission: &Submission) -> Result<(), DeliveryError> {
        let body = serde_json::to_vec(submission).map_err(|e| {
            DeliveryError::permanent("the submission could not be written as JSON").with_source(e)
        })?;
        let timestamp = OffsetDateTime::now_utc().unix_timestamp();
        let response = self
            .client
            .post(self.url.clone())
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .header(SIGNATURE_HEADER, signature(&self.secret, timestamp, &body))
            .header("Idempotency-Key", submission.reference.as_str())
            .body(body)
            .send()
            .await
            .map_err(|e| {
                DeliveryError::retryable("the webhook could not be reached").with_source(e)
            })?;
        let status = response.status();
        if status.is_success() {
            Ok(())
        } else if status.is_server_error()
            || status == reqwest::StatusCode::TOO_MANY_REQUESTS
            || status == reqwest::StatusCode::REQUEST_TIMEOUT
        {
            Err(DeliveryError::retryable(format!(
                "the webhook answered {status}"
            )))
        } else {
            Err(DeliveryError::permanent(format!(
                "the webhook refused the submission: {status}"
            )))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::delivery::copy::tests::submission;
    use axum::http::{HeaderMap, StatusCode};
    use std::sync::{Arc, Mutex};

    type Seen = Arc<Mutex<Vec<(String, Vec<u8>)>>>;

    /// A receiver answering with `statuses` in turn and recording what it was sent.
    async fn receiver(statuses: Vec<StatusCode>) -> (Url, Seen) {
        let seen: Seen = Arc::default();
        let statuses = Arc::new(Mutex::new(statuses));
        let record = seen.clone();
        let app = axum::Router::new().route(
            "/hook",
            axum::routing::post(move |headers: HeaderMap, body: axum::body::Bytes| {
                let record = record.clone();
                let statuses = statuses.clone();
                async move {
                    let signature = headers
                        .get(SIGNATURE_HEADER)
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or_default()
                        .to_owned();
                    record.lock().unwrap().push((signature, body.to_vec()));
                    statuses.lock().unwrap().remove(0)
                }
            }),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = Url::parse(&format!("http://{}/hook", listener.local_addr().unwrap())).unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await });
        (url, seen)
    }

    #[tokio::test]
    async fn submissions_are_posted_signed_and_failures_say_whether_to_retry() {
        let (url, seen) = receiver(vec![
            StatusCode::OK,
            StatusCode::SERVICE_UNAVAILABLE,
            StatusCode::BAD_REQUEST,
        ])
        .await;
        let handler = WebhookHandler::new(url, b"s3cret".to_vec()).unwrap();
        let submission = submission("Pothole");
        handler.deliver(&submission).await.unwrap();
        assert!(
            handler
                .deliver(&submission)
                .await
                .unwrap_err()
                .is_retryable()
        );
        assert!(
            !handler
                .deliver(&submission)
                .await
                .unwrap_err()
                .is_retryable()
        );

        let (header, body) = seen.lock().unwrap()[0].clone();
        let back: Submission = serde_json::from_slice(&body).unwrap();
        assert_eq!(back, submission);
        let timestamp: i64 = header
            .strip_prefix("t=")
            .and_then(|rest| rest.split(',').next())
            .unwrap()
            .parse()
            .unwrap();
        assert_eq!(header, signature(b"s3cret", timestamp, &body));
        assert_ne!(header, signature(b"other", timestamp, &body));
    }

    #[tokio::test]
    async fn an_unreachable_webhook_is_retried() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = Url::parse(&format!("http://{}/hook", listener.local_addr().unwrap())).unwrap();
        drop(listener);
        let handler = WebhookHandler::new(url, b"k".to_vec()).unwrap();
        assert!(
            handler
                .deliver(&submission("x"))
                .await
                .unwrap_err()
                .is_retryable()
        );
    }

    #[test]
    fn the_signature_matches_a_known_value() {
        // Computed independently:
        // printf '1700000000.{}' | openssl dgst -sha256 -hmac key
        assert_eq!(
            signature(b"key", 1_700_000_000, b"{}"),
            format!("t=1700000000,v1={}", KNOWN)
        );
    }

    const KNOWN: &str = "9d713ed406bb7076d4123f0dc2c39d2df5c654ed4b0cd56b52c8b4c940bd63ae";
}
