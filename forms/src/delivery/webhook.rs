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
    format!(
        "t={timestamp},v1={}",
        hex::encode(signed(secret, timestamp, body).finalize().into_bytes())
    )
}

/// The HMAC-SHA256 of `timestamp`, a `.`, then `body`, keyed with `secret`.
fn signed(secret: &[u8], timestamp: i64, body: &[u8]) -> Hmac<Sha256> {
    // HMAC takes keys of any length, so this cannot fail.
    let mut mac = match Hmac::<Sha256>::new_from_slice(secret) {
        Ok(mac) => mac,
        Err(_) => unreachable!("HMAC accepts keys of any length"),
    };
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    mac
}

/// Why a received webhook request is refused by [`verify_signature`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SignatureError {
    /// The request has no `Civic-Signature` header.
    #[error("the request has no {SIGNATURE_HEADER} header")]
    Missing,
    /// The header is not `t=UNIX_SECONDS,v1=HEX`.
    #[error("the {SIGNATURE_HEADER} header is not t=UNIX_SECONDS,v1=HEX")]
    Malformed,
    /// The signature was made more than the allowed age before (or after) now: a replay, or
    /// clocks far apart.
    #[error("the signature is {age_seconds} seconds from now, more than the {max_seconds} allowed")]
    Stale {
        /// How far the signature's time is from now.
        age_seconds: i64,
        /// The most allowed.
        max_seconds: i64,
    },
    /// The signature does not match the body with this secret.
    #[error("the signature does not match the body")]
    Mismatch,
}

/// Checks a received webhook request the way a receiver should: the `Civic-Signature`
/// `header` value must sign exactly `body` with `secret`, at a time within `max_age` of `now`
/// (either side, for clock skew). The comparison takes constant time.
///
/// ```
/// use civic_forms::delivery::{signature, verify_signature};
/// let header = signature(b"s3cret", 1_700_000_000, b"{}");
/// let now = time::OffsetDateTime::from_unix_timestamp(1_700_000_060).unwrap();
/// let five_minutes = time::Duration::minutes(5);
/// assert!(verify_signature(b"s3cret", Some(&header), b"{}", now, five_minutes).is_ok());
/// assert!(verify_signature(b"other", Some(&header), b"{}", now, five_minutes).is_err());
/// ```
pub fn verify_signature(
    secret: &[u8],
    header: Option<&str>,
    body: &[u8],
    now: OffsetDateTime,
    max_age: time::Duration,
) -> Result<(), SignatureError> {
    let header = header.ok_or(SignatureError::Missing)?;
    let (timestamp, mac) = header
        .split_once(',')
        .and_then(|(t, v)| Some((t.strip_prefix("t=")?, v.strip_prefix("v1=")?)))
        .ok_or(SignatureError::Malformed)?;
    let timestamp: i64 = timestamp.parse().map_err(|_| SignatureError::Malformed)?;
    let mac = hex::decode(mac).map_err(|_| SignatureError::Malformed)?;
    let age_seconds = now
        .unix_timestamp()
        .saturating_sub(timestamp)
        .saturating_abs();
    let max_seconds = max_age.whole_seconds();
    if age_seconds > max_seconds {
        return Err(SignatureError::Stale {
            age_seconds,
            max_seconds,
        });
    }
    signed(secret, timestamp, body)
        .verify_slice(&mac)
        .map_err(|_| SignatureError::Mismatch)
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

    #[test]
    fn receivers_accept_only_a_fresh_signature_of_the_exact_body() {
        let at = |seconds| OffsetDateTime::from_unix_timestamp(seconds).unwrap();
        let five_minutes = time::Duration::minutes(5);
        let header = signature(b"k", 1_000_000, b"body");
        let check = |secret: &[u8], header: Option<&str>, body: &[u8], now| {
            verify_signature(secret, header, body, now, five_minutes)
        };
        assert_eq!(check(b"k", Some(&header), b"body", at(1_000_000)), Ok(()));
        assert_eq!(check(b"k", Some(&header), b"body", at(999_900)), Ok(()));
        assert_eq!(
            check(b"k", Some(&header), b"body!", at(1_000_000)),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            check(b"j", Some(&header), b"body", at(1_000_000)),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            check(b"k", Some(&header), b"body", at(1_000_301)),
            Err(SignatureError::Stale {
                age_seconds: 301,
                max_seconds: 300
            })
        );
        assert_eq!(
            check(b"k", None, b"body", at(1_000_000)),
            Err(SignatureError::Missing)
        );
        // A signature moved to another time no longer matches.
        let moved = header.replacen("t=1000000", "t=1000001", 1);
        assert_eq!(
            check(b"k", Some(&moved), b"body", at(1_000_000)),
            Err(SignatureError::Mismatch)
        );
        for bad in ["", "t=1", "v1=00,t=1", "t=x,v1=00", "t=1,v1=zz"] {
            assert_eq!(
                check(b"k", Some(bad), b"body", at(1)),
                Err(SignatureError::Malformed),
                "{bad}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn any_header_is_checked_without_panicking(header in ".*", body in proptest::collection::vec(proptest::num::u8::ANY, 0..64)) {
            let now = OffsetDateTime::from_unix_timestamp(1_000_000).unwrap();
            let _ = verify_signature(b"k", Some(&header), &body, now, time::Duration::MAX);
        }
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
