//! The GOV.UK Pay adapter against our mock of the API: behaviour, faults, and the contract
//! test that checks every exchange against GOV.UK Pay's published OpenAPI spec.
#![cfg(feature = "govuk-pay")]
#![allow(clippy::unwrap_used)] // tests may unwrap

mod contract;
mod mock;
mod sandbox_api;

use std::sync::Arc;
use std::time::Duration;

use civic_pay_adapters::govuk_pay::{PaymentSearch, RefundSearch, RetryPolicy};
use civic_pay_adapters::{
    ErrorKind, FailureReason, GovUkPay, Language, Metadata, Money, NewPayment, NewRefund,
    PaymentProvider, PaymentStatus, PrefilledCardholderDetails, RefundStatus,
};
use mock::{API_KEY, Fault, Mock};
use serde_json::json;
use url::Url;

fn adapter(mock: &Mock) -> GovUkPay {
    GovUkPay::builder(API_KEY)
        .base_url(mock.base_url.clone())
        .retry(RetryPolicy::new(3, Duration::from_millis(5)))
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap()
}

fn request(pence: i64) -> NewPayment {
    NewPayment::new(
        Money::from_pence(pence).unwrap(),
        "FINE-881",
        "Parking fine",
        Url::parse("https://fines.council.example/return/t0k3n").unwrap(),
    )
}

#[tokio::test]
async fn a_payment_is_created_paid_and_read_back() {
    let mock = Mock::start().await;
    let pay: Arc<dyn PaymentProvider> = Arc::new(adapter(&mock));
    let mut prefill = PrefilledCardholderDetails::default();
    prefill.cardholder_name = Some("A Resident".to_owned());
    let created = pay
        .create(
            &request(7000)
                .language(Language::Welsh)
                .email("resident@example.org")
                .prefilled_cardholder_details(prefill)
                .metadata(
                    Metadata::from_json(&json!({"ledger_code": "AB100", "fund": 3, "vat": false}))
                        .unwrap(),
                ),
        )
        .await
        .unwrap();
    assert_eq!(created.state, PaymentStatus::Created);
    assert_eq!(created.language, Language::Welsh);
    let next = created.next_url.clone().unwrap();
    assert!(pay.is_payment_page(&next));
    mock.pay(&created.payment_id, "4444333322221111");
    let paid = pay.get(&created.payment_id).await.unwrap();
    assert_eq!(paid.state, PaymentStatus::Success);
    assert_eq!(paid.next_url, None);
    let card = paid.card_details.unwrap();
    assert_eq!(card.last_digits_card_number.as_deref(), Some("1111"));
    let events = pay.events(&created.payment_id).await.unwrap();
    let statuses: Vec<&str> = events.iter().map(|e| e.state.as_str()).collect();
    assert_eq!(statuses, ["created", "started", "submitted", "success"]);
}

#[tokio::test]
async fn every_request_carries_json_content_type_and_the_bearer_key() {
    let mock = Mock::start().await;
    let pay = adapter(&mock);
    let created = pay.create(&request(100)).await.unwrap();
    pay.get(&created.payment_id).await.unwrap();
    pay.cancel(&created.payment_id).await.unwrap();
    pay.search_payments(&PaymentSearch::default())
        .await
        .unwrap();
    let log = mock.log();
    assert_eq!(log.len(), 4);
    for exchange in log {
        assert_eq!(
            exchange.headers["content-type"], "application/json",
            "{}",
            exchange.path
        );
        assert_eq!(
            exchange.headers["authorization"],
            format!("Bearer {API_KEY}")
        );
    }
}

#[tokio::test]
async fn declined_expired_cancelled_and_errored_payments_report_their_codes() {
    let mock = Mock::start().await;
    let pay = adapter(&mock);
    let declined = pay.create(&request(100)).await.unwrap();
    mock.pay(&declined.payment_id, "4000000000000002");
    assert_eq!(
        pay.get(&declined.payment_id).await.unwrap().state,
        PaymentStatus::Failed(FailureReason::Rejected)
    );
    let errored = pay.create(&request(100)).await.unwrap();
    mock.pay(&errored.payment_id, "4000000000000119");
    assert_eq!(
        pay.get(&errored.payment_id).await.unwrap().state,
        PaymentStatus::Error
    );
    let expired = pay.create(&request(100)).await.unwrap();
    mock.expire(&expired.payment_id);
    assert_eq!(
        pay.get(&expired.payment_id).await.unwrap().state.code(),
        Some("P0020")
    );
    let abandoned = pay.create(&request(100)).await.unwrap();
    mock.payer_cancels(&abandoned.payment_id);
    assert_eq!(
        pay.get(&abandoned.payment_id).await.unwrap().state.code(),
        Some("P0030")
    );
    let cancelled = pay.create(&request(100)).await.unwrap();
    pay.cancel(&cancelled.payment_id).await.unwrap();
    assert_eq!(
        pay.get(&cancelled.payment_id).await.unwrap().state.code(),
        Some("P0040")
    );
    let again = pay.cancel(&cancelled.payment_id).await.unwrap_err();
    assert!(again.is_conflict());
    assert_eq!(
        (again.code(), again.http_status()),
        (Some("P0502"), Some(409))
    );
}

#[tokio::test]
async fn delayed_capture() {
    let mock = Mock::start().await;
    let pay = adapter(&mock);
    let payment = pay
        .create(&request(2500).delayed_capture(true))
        .await
        .unwrap();
    let early = pay.capture(&payment.payment_id).await.unwrap_err();
    assert_eq!(early.code(), Some("P1003"));
    mock.pay(&payment.payment_id, "4444333322221111");
    assert_eq!(
        pay.get(&payment.payment_id).await.unwrap().state,
        PaymentStatus::Capturable
    );
    pay.capture(&payment.payment_id).await.unwrap();
    assert_eq!(
        pay.get(&payment.payment_id).await.unwrap().state,
        PaymentStatus::Success
    );
}

#[tokio::test]
async fn refunds_are_accepted_with_202_and_listed() {
    let mock = Mock::start().await;
    let pay = adapter(&mock);
    let payment = pay.create(&request(3000)).await.unwrap();
    let id = &payment.payment_id;
    let early = pay
        .refund(id, &NewRefund::new(Money::from_pence(100).unwrap()))
        .await
        .unwrap_err();
    assert_eq!(early.code(), Some("P0603"));
    mock.pay(id, "4444333322221111");
    let refund = pay
        .refund(
            id,
            &NewRefund::new(Money::from_pence(1000).unwrap())
                .expecting_available(Money::from_pence(3000).unwrap()),
        )
        .await
        .unwrap();
    assert_eq!(refund.status, RefundStatus::Submitted);
    assert_eq!(refund.payment_id, *id);
    let stale = pay
        .refund(
            id,
            &NewRefund::new(Money::from_pence(1000).unwrap())
                .expecting_available(Money::from_pence(3000).unwrap()),
        )
        .await
        .unwrap_err();
    assert_eq!(
        (stale.code(), stale.http_status()),
        (Some("P0604"), Some(412))
    );
    assert!(stale.is_conflict());
    let listed = pay.refunds(id).await.unwrap();
    assert_eq!(listed.len(), 1);
    let got = pay.get_refund(id, &refund.refund_id).await.unwrap();
    assert_eq!(got.status, RefundStatus::Success);
    let missing = pay.get_refund(id, "nosuchrefund").await.unwrap_err();
    assert_eq!(missing.code(), Some("P0700"));
    let summary = pay.get(id).await.unwrap().refund_summary.unwrap();
    assert_eq!(summary.amount_available.pence(), 2000);
}

#[tokio::test]
async fn an_idempotent_replay_returns_the_first_payment_with_200() {
    let mock = Mock::start().await;
    let pay = adapter(&mock);
    let first = pay
        .create(&request(500).idempotency_key("order-17-attempt"))
        .await
        .unwrap();
    let replay = pay
        .create(&request(500).idempotency_key("order-17-attempt"))
        .await
        .unwrap();
    assert_eq!(first.payment_id, replay.payment_id);
    let statuses: Vec<u16> = mock.log().iter().map(|e| e.status).collect();
    assert_eq!(statuses, [201, 200]);
    let reused = pay
        .create(&request(501).idempotency_key("order-17-attempt"))
        .await
        .unwrap_err();
    assert_eq!(reused.code(), Some("P0191"));
    assert!(reused.is_conflict());
}

#[tokio::test]
async fn rate_limits_and_outages_are_retried_with_backoff() {
    let mock = Mock::start().await;
    let pay = adapter(&mock);
    let payment = pay.create(&request(100)).await.unwrap();
    mock.fail_next([Fault::TooManyRequests, Fault::Unavailable]);
    pay.get(&payment.payment_id).await.unwrap();
    assert_eq!(mock.requests_to("Get a payment"), 3);

    mock.fail_next([
        Fault::TooManyRequests,
        Fault::TooManyRequests,
        Fault::TooManyRequests,
    ]);
    let error = pay.get(&payment.payment_id).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::RateLimited);
    assert!(error.is_retryable());
    assert_eq!(
        (error.code(), error.http_status()),
        (Some("P0900"), Some(429))
    );

    mock.fail_next([Fault::Downstream, Fault::Downstream, Fault::Downstream]);
    let error = pay.events(&payment.payment_id).await.unwrap_err();
    assert_eq!(
        (error.code(), error.kind()),
        (Some("P0398"), ErrorKind::Provider)
    );
    assert!(error.is_retryable());
    assert_eq!(mock.requests_to("Get events for a payment"), 3);
}

#[tokio::test]
async fn a_refund_that_could_repeat_is_not_retried_after_a_5xx() {
    let mock = Mock::start().await;
    let pay = adapter(&mock);
    let payment = pay.create(&request(1000)).await.unwrap();
    mock.pay(&payment.payment_id, "4444333322221111");
    mock.fail_next([Fault::Downstream]);
    let error = pay
        .refund(
            &payment.payment_id,
            &NewRefund::new(Money::from_pence(100).unwrap()),
        )
        .await
        .unwrap_err();
    assert_eq!(error.code(), Some("P0698"));
    assert_eq!(mock.requests_to("Submit a refund for a payment"), 1);
    // A 429 is answered before anything happens, so it is retried even here.
    mock.fail_next([Fault::TooManyRequests]);
    pay.refund(
        &payment.payment_id,
        &NewRefund::new(Money::from_pence(100).unwrap()),
    )
    .await
    .unwrap();
    assert_eq!(mock.requests_to("Submit a refund for a payment"), 3);
}

#[tokio::test]
async fn a_timeout_is_retried_then_reported_as_retryable() {
    let mock = Mock::start().await;
    let pay = GovUkPay::builder(API_KEY)
        .base_url(mock.base_url.clone())
        .retry(RetryPolicy::new(2, Duration::from_millis(1)))
        .timeout(Duration::from_millis(150))
        .build()
        .unwrap();
    let payment = pay.create(&request(100)).await.unwrap();
    mock.fail_next([
        Fault::Delay(Duration::from_millis(600)),
        Fault::Delay(Duration::from_millis(600)),
    ]);
    let error = pay.get(&payment.payment_id).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Network);
    assert!(error.is_retryable());
}

#[tokio::test]
async fn a_wrong_key_is_an_auth_error_and_not_retried() {
    let mock = Mock::start().await;
    let pay = GovUkPay::builder("api_test_wrong")
        .base_url(mock.base_url.clone())
        .build()
        .unwrap();
    let error = pay.get("abc").await.unwrap_err();
    assert!(error.is_auth());
    assert!(!error.is_retryable());
    assert_eq!(mock.log().len(), 1);
    assert!(GovUkPay::builder("  ").build().unwrap_err().is_auth());
}

#[tokio::test]
async fn bad_requests_are_refused_before_anything_is_sent() {
    let mock = Mock::start().await;
    let pay = adapter(&mock);
    let error = pay.create(&request(10_000_001)).await.unwrap_err();
    assert_eq!(error.field(), Some("amount"));
    let error = pay.create(&request(0)).await.unwrap_err();
    assert_eq!(error.field(), Some("amount"));
    assert!(Money::from_pence(-100).is_err());
    let error = pay.get("../../v1/refunds").await.unwrap_err();
    assert!(error.is_invalid_request());
    let error = pay
        .create(&request(100).idempotency_key("not valid!"))
        .await
        .unwrap_err();
    assert_eq!(error.field(), Some("idempotency_key"));
    let error = Metadata::from_json(&json!({"list": [1, 2]})).unwrap_err();
    assert_eq!(error.field(), Some("metadata"));
    assert!(mock.log().is_empty());

    // Against the real service, return_url must be https; nothing is sent for either check.
    let live = GovUkPay::new(API_KEY).unwrap();
    let mut plain = request(100);
    plain.return_url = Url::parse("http://fines.council.example/return").unwrap();
    let error = live.create(&plain).await.unwrap_err();
    assert_eq!(
        (error.field(), error.code()),
        (Some("return_url"), Some("P0920"))
    );
    assert!(
        live.is_payment_page(
            &Url::parse("https://card.payments.service.gov.uk/secure/abc").unwrap()
        )
    );
    assert!(!live.is_payment_page(
        &Url::parse("https://card.payments.service.gov.uk.evil.example/").unwrap()
    ));
    assert!(
        !live.is_payment_page(
            &Url::parse("http://card.payments.service.gov.uk/secure/abc").unwrap()
        )
    );
}

#[tokio::test]
async fn search_payments_and_refunds_page_through_results() {
    let mock = Mock::start().await;
    let pay = adapter(&mock);
    for _ in 0..3 {
        let p = pay.create(&request(400)).await.unwrap();
        mock.pay(&p.payment_id, "4444333322221111");
        pay.refund(
            &p.payment_id,
            &NewRefund::new(Money::from_pence(50).unwrap()),
        )
        .await
        .unwrap();
    }
    let mut search = PaymentSearch::default();
    search.reference = Some("FINE-881".to_owned());
    search.state = Some("success".to_owned());
    search.display_size = Some(2);
    let first = pay.search_payments(&search).await.unwrap();
    assert_eq!(
        (first.total, first.count, first.has_next_page),
        (3, 2, true)
    );
    search.page = Some(2);
    let second = pay.search_payments(&search).await.unwrap();
    assert_eq!((second.count, second.has_next_page), (1, false));
    search.page = Some(9);
    assert_eq!(
        pay.search_payments(&search).await.unwrap_err().code(),
        Some("P0402")
    );
    search.page = None;
    search.display_size = Some(501);
    assert_eq!(
        pay.search_payments(&search).await.unwrap_err().code(),
        Some("P0401")
    );

    let mut refunds = RefundSearch::default();
    refunds.display_size = Some(10);
    let page = pay.search_refunds(&refunds).await.unwrap();
    assert_eq!(page.total, 3);
    refunds.page = Some(4);
    assert_eq!(
        pay.search_refunds(&refunds).await.unwrap_err().code(),
        Some("P1100")
    );
    refunds.page = None;
    refunds.display_size = Some(0);
    assert_eq!(
        pay.search_refunds(&refunds).await.unwrap_err().code(),
        Some("P1101")
    );
}

#[tokio::test]
async fn unknown_payments_are_not_found_per_endpoint() {
    let mock = Mock::start().await;
    let pay = adapter(&mock);
    assert_eq!(pay.get("nope").await.unwrap_err().code(), Some("P0200"));
    assert_eq!(pay.events("nope").await.unwrap_err().code(), Some("P0300"));
    assert_eq!(pay.cancel("nope").await.unwrap_err().code(), Some("P0500"));
    assert_eq!(pay.capture("nope").await.unwrap_err().code(), Some("P1000"));
    assert_eq!(
        pay.refund("nope", &NewRefund::new(Money::from_pence(1).unwrap()))
            .await
            .unwrap_err()
            .code(),
        Some("P0600")
    );
    assert_eq!(pay.refunds("nope").await.unwrap_err().code(), Some("P0800"));
    assert!(pay.get("nope").await.unwrap_err().is_not_found());
}
