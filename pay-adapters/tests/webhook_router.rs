//! The webhook endpoint over HTTP: signed deliveries accepted once, everything else refused.
#![cfg(feature = "axum")]
#![allow(clippy::unwrap_used)] // tests may unwrap

use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use civic_pay_adapters::webhook::{
    MemoryWebhookInbox, PaymentUpdates, WebhookReceiver, WebhookSecrets, router, sign,
};
use civic_pay_adapters::{
    Money, NewPayment, Payment, PaymentError, PaymentProvider, SandboxProvider,
};
use tower::ServiceExt;
use url::Url;

#[derive(Default)]
struct Count(Mutex<usize>);

#[async_trait]
impl PaymentUpdates for Count {
    async fn payment_updated(&self, _: &Payment) -> Result<(), PaymentError> {
        *self.0.lock().unwrap() += 1;
        Ok(())
    }
}

async fn post(app: &axum::Router, signature: Option<&str>, body: &[u8]) -> StatusCode {
    let mut request = Request::post("/").header("content-type", "application/json");
    if let Some(signature) = signature {
        request = request.header("Pay-Signature", signature);
    }
    app.clone()
        .oneshot(request.body(Body::from(body.to_vec())).unwrap())
        .await
        .unwrap()
        .status()
}

#[tokio::test]
async fn deliveries_over_http() {
    let sandbox = SandboxProvider::in_memory(Url::parse("http://localhost:8080/").unwrap());
    let payment = sandbox
        .create(&NewPayment::new(
            Money::from_pence(900).unwrap(),
            "BW-7",
            "Bulky waste",
            Url::parse("https://council.example/return").unwrap(),
        ))
        .await
        .unwrap();
    let count = Arc::new(Count::default());
    let app = router(WebhookReceiver::new(
        WebhookSecrets::new(["s3cret"]),
        Arc::new(MemoryWebhookInbox::new()),
        Arc::new(sandbox),
        count.clone(),
    ));
    let body = serde_json::to_vec(&serde_json::json!({
        "webhook_message_id": "msg-1",
        "created_date": "2026-11-28T12:00:00.000Z",
        "resource_id": payment.payment_id,
        "api_version": 1,
        "resource_type": "payment",
        "event_type": "card_payment_succeeded",
        "resource": {},
    }))
    .unwrap();
    let good = sign("s3cret", &body);
    assert_eq!(
        post(&app, Some(&sign("guess", &body)), &body).await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(post(&app, None, &body).await, StatusCode::UNAUTHORIZED);
    assert_eq!(
        post(&app, Some(&good), b"{}").await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        post(&app, Some(&sign("s3cret", b"{}")), b"{}").await,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(*count.0.lock().unwrap(), 0);
    assert_eq!(post(&app, Some(&good), &body).await, StatusCode::OK);
    assert_eq!(post(&app, Some(&good), &body).await, StatusCode::OK);
    assert_eq!(*count.0.lock().unwrap(), 1);
}

/// The sandbox posts signed webhooks over HTTP to a service's endpoint, which accepts them.
#[cfg(feature = "govuk-pay")]
#[tokio::test]
async fn the_sandbox_delivers_signed_webhooks_over_http() {
    use civic_pay_adapters::sandbox::{CardEntry, CardPageResult};
    use civic_pay_adapters::webhook::HttpWebhookSink;

    let sandbox = SandboxProvider::in_memory(Url::parse("http://localhost:8080/").unwrap());
    let count = Arc::new(Count::default());
    let app = router(WebhookReceiver::new(
        WebhookSecrets::new(["wh-secret"]),
        Arc::new(MemoryWebhookInbox::new()),
        Arc::new(sandbox.clone()),
        count.clone(),
    ));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });

    let sink = HttpWebhookSink::new(Url::parse(&format!("http://{address}/")).unwrap()).unwrap();
    let signing = sandbox.with_webhooks("wh-secret", Arc::new(sink));
    let payment = signing
        .create(&NewPayment::new(
            Money::from_pence(900).unwrap(),
            "BW-8",
            "Bulky waste",
            Url::parse("https://council.example/return").unwrap(),
        ))
        .await
        .unwrap();
    signing.open_card_page(&payment.payment_id).await.unwrap();
    let entry = CardEntry {
        card_number: "4444333322221111".into(),
        expiry_month: "1".into(),
        expiry_year: "2032".into(),
        cardholder_name: "A Resident".into(),
        cvc: "321".into(),
    };
    let done = signing
        .submit_card(&payment.payment_id, &entry)
        .await
        .unwrap();
    assert!(matches!(done, CardPageResult::Done(_)));
    // Started, then succeeded: two deliveries, each accepted and processed.
    assert_eq!(*count.0.lock().unwrap(), 2);

    assert!(HttpWebhookSink::new(Url::parse("http://council.example/hooks").unwrap()).is_err());
}
