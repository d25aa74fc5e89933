//! The council's webhook: every service posts each submission, signed, to a URL
//! (`CIVIC_WEBHOOK_URL`), and the demo has its own receiver at `/staff/webhook` that checks the
//! signature and logs what arrived — the form, the reference and how many answers — never the
//! answers themselves, which are residents' personal data.
//!
//! In development the webhook goes to the demo's own receiver, with a secret made once and kept
//! in the data folder. In production it is sent only when `CIVIC_WEBHOOK_URL` is set, and then
//! `CIVIC_WEBHOOK_SECRET` must be set too (the configuration refuses to start without it).

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use civic_forms::delivery::{SIGNATURE_HEADER, Submission, verify_signature};
use url::Url;

use crate::Config;

/// Where the receiver listens.
pub(crate) const PATH: &str = "/staff/webhook";

/// How old a signature may be: long enough for a retry in flight, short enough that a
/// captured request cannot be replayed later.
const MAX_AGE: time::Duration = time::Duration::minutes(5);

/// Where submissions are posted, and the secret that signs them; `None` when the
/// configuration asks for no webhook.
pub(crate) struct Webhook {
    pub(crate) url: Option<Url>,
    pub(crate) secret: Vec<u8>,
}

impl Webhook {
    /// The configured webhook; in development, the demo's own receiver with a secret kept in
    /// the data folder.
    pub(crate) fn from_config(config: &Config) -> std::io::Result<Option<Webhook>> {
        let secret = match &config.webhook_secret {
            Some(secret) => secret.0.as_bytes().to_vec(),
            None if config.development_defaults() => {
                crate::services::kept_secret(&config.data_dir, "webhook.key")?
            }
            None => return Ok(None),
        };
        let url = match &config.webhook_url {
            Some(url) => Some(url.clone()),
            None if config.development_defaults() => own_receiver(config),
            None => None,
        };
        Ok(Some(Webhook { url, secret }))
    }
}

/// The demo's own receiver, reached on the loopback address when it listens on all of them.
fn own_receiver(config: &Config) -> Option<Url> {
    let mut addr = config.addr;
    if addr.ip().is_unspecified() {
        addr.set_ip(std::net::Ipv4Addr::LOCALHOST.into());
    }
    Url::parse(&format!("http://{addr}{PATH}")).ok()
}

/// The receiver's route.
pub(crate) fn receiver(secret: Vec<u8>) -> Router {
    Router::new()
        .route(PATH, post(receive))
        .with_state(Arc::new(secret))
}

/// Checks the signature, then logs what arrived. A wrong signature is refused with 401, a body
/// that is not a submission with 400: the sender treats both as permanent failures.
async fn receive(
    State(secret): State<Arc<Vec<u8>>>,
    headers: HeaderMap,
    body: Bytes,
) -> (StatusCode, &'static str) {
    let header = headers
        .get(SIGNATURE_HEADER)
        .and_then(|value| value.to_str().ok());
    let now = time::OffsetDateTime::now_utc();
    if let Err(error) = verify_signature(&secret, header, &body, now, MAX_AGE) {
        tracing::warn!(%error, "webhook refused");
        return (StatusCode::UNAUTHORIZED, "the signature is not valid\n");
    }
    match serde_json::from_slice::<Submission>(&body) {
        Ok(submission) => {
            tracing::info!(
                form = %submission.form_id,
                reference = %submission.reference,
                answers = submission.answers.values.len(),
                list_items = submission.answers.lists.values().map(|list| list.items.len()).sum::<usize>(),
                bytes = body.len(),
                "webhook received a submission"
            );
            (StatusCode::OK, "received\n")
        }
        Err(error) => {
            // serde_json's message names a position and the expected type, never the values.
            tracing::warn!(
                line = error.line(),
                column = error.column(),
                "webhook refused: not a submission"
            );
            (StatusCode::BAD_REQUEST, "the body is not a submission\n")
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // a panic in a test is a failed test
    use super::*;
    use axum::body::Body;
    use axum::http::Request;
    use civic_forms::delivery::signature;
    use tower::ServiceExt;

    async fn post(body: &str, header: Option<String>) -> StatusCode {
        let mut request = Request::post(PATH);
        if let Some(header) = header {
            request = request.header(SIGNATURE_HEADER, header);
        }
        receiver(b"k".to_vec())
            .oneshot(request.body(Body::from(body.to_owned())).unwrap())
            .await
            .unwrap()
            .status()
    }

    #[tokio::test]
    async fn only_signed_submissions_are_received() {
        let body = r#"{"form_id":"missed-bin","reference":"MB-7K3P-Q9WX","language":"en","answers":{"values":{},"completed":[],"lists":{}},"submitted_at":"2026-11-29T10:00:00Z"}"#;
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        let signed =
            |secret: &[u8], at: i64, body: &str| Some(signature(secret, at, body.as_bytes()));
        assert_eq!(post(body, signed(b"k", now, body)).await, StatusCode::OK);
        assert_eq!(post(body, None).await, StatusCode::UNAUTHORIZED);
        assert_eq!(
            post(body, signed(b"x", now, body)).await,
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            post(body, signed(b"k", now - 3600, body)).await,
            StatusCode::UNAUTHORIZED
        );
        let tampered = body.replace("MB-7K3P", "MB-0000");
        assert_eq!(
            post(&tampered, signed(b"k", now, body)).await,
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            post("{}", signed(b"k", now, "{}")).await,
            StatusCode::BAD_REQUEST
        );
    }

    #[test]
    fn development_posts_to_its_own_receiver_and_production_only_when_configured() {
        let dir = std::env::temp_dir().join(format!("civic-demo-webhook-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let development = Config {
            data_dir: dir.clone(),
            addr: "0.0.0.0:8080".parse().unwrap(),
            ..Config::default()
        };
        let webhook = Webhook::from_config(&development).unwrap().unwrap();
        assert_eq!(
            webhook.url.unwrap().as_str(),
            "http://127.0.0.1:8080/staff/webhook"
        );
        // Made once, then kept.
        let again = Webhook::from_config(&development).unwrap().unwrap();
        assert_eq!(webhook.secret, again.secret);
        assert!(webhook.secret.len() >= 32);

        let production = Config {
            environment: crate::Environment::Production,
            ..development
        };
        assert!(Webhook::from_config(&production).unwrap().is_none());
        let receiving_only = Config {
            webhook_secret: Some(crate::Secret("w".repeat(32))),
            ..production
        };
        let webhook = Webhook::from_config(&receiving_only).unwrap().unwrap();
        assert!(webhook.url.is_none());
        let _ = std::fs::remove_dir_all(dir);
    }
}
