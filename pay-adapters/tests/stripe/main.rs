//! The Stripe adapter against our mock of Stripe's documented endpoints, with each request's
//! shape checked as Stripe checks it.
#![cfg(feature = "stripe")]
#![allow(clippy::unwrap_used)] // tests may unwrap

mod mock;

use std::sync::Arc;

use civic_pay_adapters::stripe::Stripe;
use civic_pay_adapters::{
    Checkout, ErrorKind, FailureReason, Language, LineItem, MemoryRecordStore, Metadata, Money,
    NewPayment, NewRefund, PaymentProvider, PaymentStatus, RefundStatus, StartOutcome,
};
use mock::{Mock, SECRET_KEY};
use url::Url;

fn stripe(mock: &Mock) -> Stripe {
    Stripe::with_base_url(SECRET_KEY, mock.base_url.clone()).unwrap()
}

fn request(pence: i64) -> NewPayment {
    NewPayment::new(
        Money::from_pence(pence).unwrap(),
        "FEE-77",
        "Pest control visit",
        Url::parse("https://council.example/pay/return/tok").unwrap(),
    )
}

fn session_id(payment: &civic_pay_adapters::Payment) -> String {
    payment.payment_id.clone()
}

#[tokio::test]
async fn create_pay_and_refund() {
    let mock = Mock::start().await;
    let pay: Arc<dyn PaymentProvider> = Arc::new(stripe(&mock));
    let items = vec![
        LineItem::new("Visit", Money::from_pence(4000).unwrap()),
        LineItem::new("Call-out", Money::from_pence(1500).unwrap()),
    ];
    let created = pay
        .create(
            &request(5500)
                .line_items(items)
                .email("resident@example.org")
                .language(Language::Welsh)
                .metadata(
                    Metadata::from_json(&serde_json::json!({"ledger_code": "EH300", "visit": 2}))
                        .unwrap(),
                )
                .idempotency_key("order-77"),
        )
        .await
        .unwrap();
    assert_eq!(created.state, PaymentStatus::Created);
    assert_eq!(created.amount.pence(), 5500);
    assert_eq!(created.reference, "FEE-77");
    assert_eq!(created.language, Language::Welsh);
    assert!(pay.is_payment_page(created.next_url.as_ref().unwrap()));

    let id = session_id(&created);
    mock.pay(&id, "4242424242424242");
    let paid = pay.get(&id).await.unwrap();
    assert_eq!(paid.state, PaymentStatus::Success);
    assert_eq!(paid.next_url, None);

    let stale = pay
        .refund(
            &id,
            &NewRefund::new(Money::from_pence(500).unwrap())
                .expecting_available(Money::from_pence(1).unwrap()),
        )
        .await
        .unwrap_err();
    assert!(stale.is_conflict());
    let refund = pay
        .refund(
            &id,
            &NewRefund::new(Money::from_pence(500).unwrap())
                .expecting_available(Money::from_pence(5500).unwrap()),
        )
        .await
        .unwrap();
    assert_eq!(refund.status, RefundStatus::Submitted);
    assert_eq!(
        pay.get_refund(&id, &refund.refund_id).await.unwrap().status,
        RefundStatus::Submitted
    );
    assert_eq!(
        pay.get_refund(&id, &refund.refund_id).await.unwrap().status,
        RefundStatus::Success
    );
    assert_eq!(pay.refunds(&id).await.unwrap().len(), 1);
    let summary = pay.get(&id).await.unwrap().refund_summary.unwrap();
    assert_eq!(
        (
            summary.amount_available.pence(),
            summary.amount_submitted.pence()
        ),
        (5000, 500)
    );
    let too_much = pay
        .refund(&id, &NewRefund::new(Money::from_pence(5001).unwrap()))
        .await
        .unwrap_err();
    assert!(too_much.is_conflict());
    assert!(matches!(
        pay.events(&id).await.unwrap_err().kind(),
        ErrorKind::Unsupported
    ));

    // Every request was accepted as Stripe documents its parameters.
    for exchange in mock.log() {
        assert!(
            exchange.status < 400,
            "{} {} answered {}: {:?}",
            exchange.method,
            exchange.path,
            exchange.status,
            exchange.params
        );
        if exchange.method == axum::http::Method::POST {
            assert!(exchange.headers.contains_key("idempotency-key"));
        }
    }
}

#[tokio::test]
async fn a_declined_card_leaves_the_session_open_and_expiry_fails_it() {
    let mock = Mock::start().await;
    let pay = stripe(&mock);
    let payment = pay.create(&request(100)).await.unwrap();
    let id = session_id(&payment);
    mock.pay(&id, "4000000000000002");
    assert_eq!(pay.get(&id).await.unwrap().state, PaymentStatus::Created);
    mock.expire(&id);
    assert_eq!(
        pay.get(&id).await.unwrap().state,
        PaymentStatus::Failed(FailureReason::Expired)
    );
    assert!(
        pay.refund(&id, &NewRefund::new(Money::from_pence(1).unwrap()))
            .await
            .unwrap_err()
            .is_conflict()
    );
}

#[tokio::test]
async fn delayed_capture_capture_and_cancel() {
    let mock = Mock::start().await;
    let pay = stripe(&mock);
    let first = pay
        .create(&request(2000).delayed_capture(true))
        .await
        .unwrap();
    assert!(
        pay.capture(&session_id(&first))
            .await
            .unwrap_err()
            .is_conflict()
    );
    mock.pay(&session_id(&first), "4444333322221111");
    assert_eq!(
        pay.get(&session_id(&first)).await.unwrap().state,
        PaymentStatus::Capturable
    );
    pay.capture(&session_id(&first)).await.unwrap();
    assert_eq!(
        pay.get(&session_id(&first)).await.unwrap().state,
        PaymentStatus::Success
    );

    let second = pay
        .create(&request(2000).delayed_capture(true))
        .await
        .unwrap();
    mock.pay(&session_id(&second), "4444333322221111");
    pay.cancel(&session_id(&second)).await.unwrap();
    assert_eq!(
        pay.get(&session_id(&second)).await.unwrap().state,
        PaymentStatus::Cancelled
    );

    let open = pay.create(&request(2000)).await.unwrap();
    pay.cancel(&session_id(&open)).await.unwrap();
    assert_eq!(
        pay.get(&session_id(&open)).await.unwrap().state,
        PaymentStatus::Failed(FailureReason::Expired)
    );
    assert!(
        pay.cancel(&session_id(&open))
            .await
            .unwrap_err()
            .is_conflict()
    );
}

#[tokio::test]
async fn faults_and_bad_input() {
    let mock = Mock::start().await;
    let pay = stripe(&mock);
    mock.rate_limit_next(2);
    pay.create(&request(100)).await.unwrap();
    assert!(pay.get("cs_test_nosuch").await.unwrap_err().is_not_found());
    assert!(
        pay.get("../v1/refunds")
            .await
            .unwrap_err()
            .is_invalid_request()
    );
    let wrong = Stripe::with_base_url("sk_test_wrong", mock.base_url.clone()).unwrap();
    assert!(wrong.get("cs_test_x").await.unwrap_err().is_auth());
    let before = mock.log().len();
    assert_eq!(
        pay.create(&request(10_000_001)).await.unwrap_err().field(),
        Some("amount")
    );
    let live = Stripe::new(SECRET_KEY).unwrap();
    let mut plain = request(100);
    plain.return_url = Url::parse("http://council.example/return").unwrap();
    assert_eq!(
        live.create(&plain).await.unwrap_err().field(),
        Some("return_url")
    );
    assert_eq!(mock.log().len(), before, "nothing was sent for bad input");
    assert!(
        live.is_payment_page(&Url::parse("https://checkout.stripe.com/c/pay/cs_test_1").unwrap())
    );
    assert!(
        !live.is_payment_page(&Url::parse("https://checkout.stripe.com.evil.example/").unwrap())
    );
}

/// The same Checkout journey that runs on GOV.UK Pay runs on Stripe: the trait fits.
#[tokio::test]
async fn checkout_runs_on_stripe() {
    let mock = Mock::start().await;
    let records = Arc::new(MemoryRecordStore::new());
    let checkout = Checkout::new(
        Arc::new(stripe(&mock)),
        records.clone(),
        Url::parse("https://council.example/pay/return/").unwrap(),
    );
    let StartOutcome::Redirect(url) = checkout.start("order-1", &request(900)).await.unwrap()
    else {
        panic!("expected a redirect");
    };
    let StartOutcome::Redirect(again) = checkout.start("order-1", &request(900)).await.unwrap()
    else {
        panic!("expected a redirect");
    };
    assert_eq!(url, again);
    let session = url.path().rsplit('/').next().unwrap().to_owned();
    mock.pay(&session, "4242424242424242");
    let token = records.unfinished().await.unwrap()[0].return_token.clone();
    use civic_pay_adapters::PaymentRecordStore;
    assert_eq!(
        checkout.returned(&token).await.unwrap().status,
        Some(PaymentStatus::Success)
    );
}
