use std::sync::Mutex;

use super::*;
use crate::{Money, NewPayment, PaymentStatus, SandboxProvider};
use url::Url;

const SECRET: &str = "webhook_live_secret_one";

#[derive(Default)]
struct Recorder(Mutex<Vec<Payment>>);

#[async_trait]
impl PaymentUpdates for Recorder {
    async fn payment_updated(&self, payment: &Payment) -> Result<(), PaymentError> {
        self.0.lock().unwrap().push(payment.clone());
        Ok(())
    }
}

struct Failing;

#[async_trait]
impl PaymentUpdates for Failing {
    async fn payment_updated(&self, _: &Payment) -> Result<(), PaymentError> {
        Err(PaymentError::new(crate::ErrorKind::Store, "database down"))
    }
}

async fn setup(
    secrets: WebhookSecrets,
) -> (WebhookReceiver, Arc<Recorder>, SandboxProvider, String) {
    let sandbox = SandboxProvider::in_memory(Url::parse("http://localhost:8080/").unwrap());
    let payment = sandbox
        .create(&NewPayment::new(
            Money::from_pence(100).unwrap(),
            "R1",
            "Fee",
            Url::parse("https://council.example/return").unwrap(),
        ))
        .await
        .unwrap();
    let recorder = Arc::new(Recorder::default());
    let receiver = WebhookReceiver::new(
        secrets,
        Arc::new(MemoryWebhookInbox::new()),
        Arc::new(sandbox.clone()),
        recorder.clone(),
    );
    (receiver, recorder, sandbox, payment.payment_id)
}

fn message(id: &str, payment_id: &str) -> Vec<u8> {
    serde_json::to_vec(&serde_json::json!({
        "webhook_message_id": id,
        "created_date": "2026-11-28T12:00:00.000Z",
        "resource_id": payment_id,
        "api_version": 1,
        "resource_type": "payment",
        "event_type": "card_payment_succeeded",
        // A forger's claim: the receiver must not believe it.
        "resource": {"state": {"status": "success", "finished": true}},
    }))
    .unwrap()
}

#[test]
fn signature_is_lowercase_hex_hmac_sha256() {
    // RFC 4231 test case 2.
    assert_eq!(
        sign("Jefe", b"what do ya want for nothing?"),
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
    );
}

#[tokio::test]
async fn a_signed_webhook_is_processed_with_the_status_refetched() {
    let (receiver, recorder, _, payment_id) = setup(WebhookSecrets::new([SECRET])).await;
    let body = message("m1", &payment_id);
    let outcome = receiver
        .receive(Some(&sign(SECRET, &body)), &body)
        .await
        .unwrap();
    let WebhookOutcome::Processed(payment) = outcome else {
        panic!("{outcome:?}");
    };
    // The payload said success; the provider says created, and the provider wins.
    assert_eq!(payment.state, PaymentStatus::Created);
    assert_eq!(recorder.0.lock().unwrap()[0].state, PaymentStatus::Created);
}

#[tokio::test]
async fn the_same_webhook_twice_is_processed_once() {
    let (receiver, recorder, _, payment_id) = setup(WebhookSecrets::new([SECRET])).await;
    let body = message("m1", &payment_id);
    let signature = sign(SECRET, &body);
    receiver.receive(Some(&signature), &body).await.unwrap();
    let again = receiver.receive(Some(&signature), &body).await.unwrap();
    assert_eq!(again, WebhookOutcome::Duplicate);
    assert_eq!(recorder.0.lock().unwrap().len(), 1);
}

#[tokio::test]
async fn bad_signatures_are_refused_and_nothing_is_recorded() {
    let (receiver, recorder, _, payment_id) = setup(WebhookSecrets::new([SECRET])).await;
    let body = message("m1", &payment_id);
    let good = sign(SECRET, &body);
    let mut altered = body.clone();
    altered.extend_from_slice(b" ");
    let cases: Vec<(Option<String>, Vec<u8>)> = vec![
        (Some(sign("not-the-secret", &body)), body.clone()),
        (Some(good.clone()), altered),
        (None, body.clone()),
        (Some(String::new()), body.clone()),
        (Some(good.to_uppercase()), body.clone()),
        (Some(good[..63].to_owned()), body.clone()),
        (Some(format!("sha256={good}")), body.clone()),
        (Some("zz".repeat(32)), body.clone()),
    ];
    for (signature, body) in cases {
        let error = receiver
            .receive(signature.as_deref(), &body)
            .await
            .unwrap_err();
        assert!(
            matches!(
                error,
                WebhookError::BadSignature | WebhookError::MissingSignature
            ),
            "{signature:?}: {error:?}"
        );
    }
    assert!(recorder.0.lock().unwrap().is_empty());
    // Refused deliveries did not use up the message id.
    assert!(matches!(
        receiver.receive(Some(&good), &body).await.unwrap(),
        WebhookOutcome::Processed(_)
    ));
}

#[tokio::test]
async fn without_a_secret_everything_is_refused() {
    for secrets in [
        WebhookSecrets::new(Vec::<String>::new()),
        WebhookSecrets::new([""]),
        WebhookSecrets::new(["  "]),
    ] {
        let (receiver, recorder, _, payment_id) = setup(secrets).await;
        let body = message("m1", &payment_id);
        // Signed with the empty key a misconfigured service would hold.
        let error = receiver
            .receive(Some(&sign("", &body)), &body)
            .await
            .unwrap_err();
        assert!(matches!(error, WebhookError::NotConfigured), "{error:?}");
        assert!(recorder.0.lock().unwrap().is_empty());
    }
}

#[tokio::test]
async fn either_secret_works_during_rotation() {
    let (receiver, recorder, _, payment_id) =
        setup(WebhookSecrets::new(["old-secret", "new-secret"])).await;
    for (id, secret) in [("m1", "old-secret"), ("m2", "new-secret")] {
        let body = message(id, &payment_id);
        receiver
            .receive(Some(&sign(secret, &body)), &body)
            .await
            .unwrap();
    }
    assert_eq!(recorder.0.lock().unwrap().len(), 2);
}

#[tokio::test]
async fn a_signed_body_that_is_not_a_message_is_refused() {
    let (receiver, _, _, _) = setup(WebhookSecrets::new([SECRET])).await;
    for body in [&b"not json"[..], br#"{"webhook_message_id": "m"}"#, br#"{"webhook_message_id":"","created_date":"","resource_id":"x","api_version":1,"resource_type":"payment","event_type":"e"}"#] {
        let error = receiver.receive(Some(&sign(SECRET, body)), body).await.unwrap_err();
        assert!(matches!(error, WebhookError::BadPayload(_)), "{error:?}");
    }
}

#[tokio::test]
async fn a_failed_update_is_retried_on_redelivery() {
    let sandbox = SandboxProvider::in_memory(Url::parse("http://localhost:8080/").unwrap());
    let payment = sandbox
        .create(&NewPayment::new(
            Money::from_pence(100).unwrap(),
            "R1",
            "Fee",
            Url::parse("https://council.example/return").unwrap(),
        ))
        .await
        .unwrap();
    let inbox: Arc<dyn WebhookInbox> = Arc::new(MemoryWebhookInbox::new());
    let provider: Arc<dyn PaymentProvider> = Arc::new(sandbox);
    let failing = WebhookReceiver::new(
        WebhookSecrets::new([SECRET]),
        inbox.clone(),
        provider.clone(),
        Arc::new(Failing),
    );
    let body = message("m1", &payment.payment_id);
    let error = failing
        .receive(Some(&sign(SECRET, &body)), &body)
        .await
        .unwrap_err();
    assert!(error.is_retryable());
    let recorder = Arc::new(Recorder::default());
    let working = WebhookReceiver::new(
        WebhookSecrets::new([SECRET]),
        inbox,
        provider,
        recorder.clone(),
    );
    working
        .receive(Some(&sign(SECRET, &body)), &body)
        .await
        .unwrap();
    assert_eq!(recorder.0.lock().unwrap().len(), 1);
}

#[tokio::test]
async fn an_unknown_payment_is_a_retryable_processing_error() {
    let (receiver, _, _, _) = setup(WebhookSecrets::new([SECRET])).await;
    let body = message("m9", "nosuchpayment");
    let error = receiver
        .receive(Some(&sign(SECRET, &body)), &body)
        .await
        .unwrap_err();
    assert!(matches!(error, WebhookError::Processing(_)));
}

#[test]
fn secrets_never_print() {
    let secrets = WebhookSecrets::new([SECRET]);
    assert!(!format!("{secrets:?}").contains(SECRET));
}

#[tokio::test]
async fn the_sql_inbox_claims_each_message_once() {
    let mut stores = vec![crate::SqlStore::connect("sqlite::memory:").await.unwrap()];
    if let Ok(url) = std::env::var("CIVIC_TEST_DATABASE_URL") {
        let url = crate::sql_store::test_schema(&url, "inbox").await;
        stores.push(crate::SqlStore::connect(&url).await.unwrap());
    } else {
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED the_sql_inbox_claims_each_message_once (PostgreSQL part): CIVIC_TEST_DATABASE_URL is not set"
        );
    }
    for store in stores {
        assert!(store.claim("m1").await.unwrap());
        assert!(!store.claim("m1").await.unwrap());
        store.release("m1").await.unwrap();
        assert!(store.claim("m1").await.unwrap());
    }
}
