use std::sync::atomic::{AtomicI64, Ordering};

use super::*;
use crate::messages::Language;

const BASE: &str = "http://127.0.0.1:8080/sandbox/";

struct TestClock(Arc<AtomicI64>);

impl TestClock {
    fn new() -> (TestClock, Clock) {
        let seconds = Arc::new(AtomicI64::new(1_795_000_000));
        let reader = seconds.clone();
        let clock: Clock = Arc::new(move || {
            OffsetDateTime::from_unix_timestamp(reader.load(Ordering::SeqCst))
                .unwrap_or(OffsetDateTime::UNIX_EPOCH)
        });
        (TestClock(seconds), clock)
    }
    fn advance(&self, duration: time::Duration) {
        self.0.fetch_add(duration.whole_seconds(), Ordering::SeqCst);
    }
}

fn sandbox() -> SandboxProvider {
    SandboxProvider::in_memory(Url::parse(BASE).unwrap())
}

fn request(pence: i64) -> NewPayment {
    NewPayment::new(
        Money::from_pence(pence).unwrap(),
        "PERMIT-42",
        "Resident parking permit",
        Url::parse("https://council.example/permits/return/tok").unwrap(),
    )
}

fn card(number: &str) -> CardEntry {
    CardEntry {
        card_number: number.to_owned(),
        expiry_month: "12".to_owned(),
        expiry_year: "2030".to_owned(),
        cardholder_name: "A Resident".to_owned(),
        cvc: "123".to_owned(),
    }
}

async fn pay_with(provider: &SandboxProvider, number: &str, delayed: bool) -> Payment {
    let payment = provider
        .create(&request(1500).delayed_capture(delayed))
        .await
        .unwrap();
    provider.open_card_page(&payment.payment_id).await.unwrap();
    match provider
        .submit_card(&payment.payment_id, &card(number))
        .await
        .unwrap()
    {
        CardPageResult::Done(payment) => *payment,
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn a_created_payment_points_at_the_card_page_and_starts_when_opened() {
    let provider: Arc<dyn PaymentProvider> = Arc::new(sandbox());
    let payment = provider
        .create(&request(1500).language(Language::Welsh))
        .await
        .unwrap();
    assert_eq!(payment.state, PaymentStatus::Created);
    assert_eq!(payment.payment_id.len(), 26);
    let next = payment.next_url.clone().unwrap();
    assert_eq!(
        next.as_str(),
        format!("{BASE}card_details/{}", payment.payment_id)
    );
    assert!(provider.is_payment_page(&next));
    assert!(!provider.is_payment_page(&Url::parse("https://evil.example/sandbox/").unwrap()));
    assert_eq!(payment.refund_summary.unwrap().status, "pending");
}

#[tokio::test]
async fn test_cards_act_out_their_documented_outcomes() {
    let provider = sandbox();
    let rejected = PaymentStatus::Failed(FailureReason::Rejected);
    for (number, status) in [
        ("4444333322221111", PaymentStatus::Success),
        ("4000000000000002", rejected),
        ("4000000000000069", rejected),
        ("4000000000000127", rejected),
        ("4000000000000119", PaymentStatus::Error),
    ] {
        let payment = pay_with(&provider, number, false).await;
        assert_eq!(payment.state, status, "{number}");
        assert_eq!(payment.next_url, None);
        let card = payment.card_details.unwrap();
        assert_eq!(card.last_digits_card_number.as_deref(), Some(&number[12..]));
        assert_eq!(card.expiry_date.as_deref(), Some("12/30"));
        let events: Vec<&str> = provider
            .events(&payment.payment_id)
            .await
            .unwrap()
            .iter()
            .map(|e| e.state.as_str())
            .collect();
        assert_eq!(
            events,
            ["created", "started", "submitted", status.as_str()],
            "{number}"
        );
    }
}

#[tokio::test]
async fn only_the_last_four_digits_are_stored() {
    let store = Arc::new(MemorySandboxStore::new());
    let provider = SandboxProvider::new(store.clone(), Url::parse(BASE).unwrap());
    let payment = pay_with(&provider, "4444333322221111", false).await;
    let record = store.load(&payment.payment_id).await.unwrap().unwrap();
    let json = serde_json::to_string(&record).unwrap();
    assert!(!json.contains("4444333322221111"));
    assert!(!json.contains("444433"));
    assert!(
        !json.contains("\"123\""),
        "the security code must not be stored"
    );
}

#[tokio::test]
async fn invalid_card_details_change_nothing() {
    let provider = sandbox();
    let payment = provider.create(&request(100)).await.unwrap();
    provider.open_card_page(&payment.payment_id).await.unwrap();
    let result = provider
        .submit_card(&payment.payment_id, &card("1234"))
        .await
        .unwrap();
    assert_eq!(
        result,
        CardPageResult::Invalid(vec![("card-number", crate::Message::CardNumberInvalid)])
    );
    let now = provider.get(&payment.payment_id).await.unwrap();
    assert_eq!(now.state, PaymentStatus::Started);
}

#[tokio::test]
async fn delayed_capture_waits_for_capture() {
    let provider = sandbox();
    let payment = pay_with(&provider, "4444333322221111", true).await;
    assert_eq!(payment.state, PaymentStatus::Capturable);
    assert!(!payment.state.is_finished());
    provider.capture(&payment.payment_id).await.unwrap();
    assert_eq!(
        provider.get(&payment.payment_id).await.unwrap().state,
        PaymentStatus::Success
    );
    let again = provider.capture(&payment.payment_id).await.unwrap_err();
    assert!(again.is_conflict());
    assert_eq!(again.code(), Some("P1003"));
}

#[tokio::test]
async fn payer_cancel_and_service_cancel() {
    let provider = sandbox();
    let payment = provider.create(&request(100)).await.unwrap();
    let cancelled = provider.cancel_by_payer(&payment.payment_id).await.unwrap();
    assert_eq!(cancelled.state.code(), Some("P0030"));
    assert!(provider.open_card_page(&payment.payment_id).await.is_err());

    let payment = provider.create(&request(100)).await.unwrap();
    provider.cancel(&payment.payment_id).await.unwrap();
    let got = provider.get(&payment.payment_id).await.unwrap();
    assert_eq!(got.state, PaymentStatus::Cancelled);
    assert_eq!(got.state.code(), Some("P0040"));
    let twice = provider.cancel(&payment.payment_id).await.unwrap_err();
    assert_eq!(twice.code(), Some("P0502"));
    let submit = provider
        .submit_card(&payment.payment_id, &card("4444333322221111"))
        .await
        .unwrap_err();
    assert!(submit.is_conflict());
}

#[tokio::test]
async fn unpaid_payments_expire_after_90_minutes() {
    let (clock, reader) = TestClock::new();
    let provider = sandbox().with_clock(reader);
    let payment = provider.create(&request(100)).await.unwrap();
    provider.open_card_page(&payment.payment_id).await.unwrap();
    clock.advance(EXPIRY - time::Duration::seconds(1));
    assert_eq!(
        provider.get(&payment.payment_id).await.unwrap().state,
        PaymentStatus::Started
    );
    clock.advance(time::Duration::seconds(1));
    let expired = provider.get(&payment.payment_id).await.unwrap();
    assert_eq!(expired.state, PaymentStatus::Failed(FailureReason::Expired));
    assert_eq!(expired.state.code(), Some("P0020"));
    assert!(
        provider
            .submit_card(&payment.payment_id, &card("4444333322221111"))
            .await
            .is_err()
    );
}

#[tokio::test]
async fn the_slow_card_leaves_the_payment_in_progress_then_authorises_it() {
    let (clock, reader) = TestClock::new();
    let provider = sandbox().with_clock(reader);
    let payment = pay_with(&provider, SLOW_CARD, false).await;
    // Back at the service while the bank has not answered.
    assert_eq!(payment.state, PaymentStatus::Submitted);
    assert!(!payment.state.is_finished());
    clock.advance(SLOW_CARD_SETTLES - time::Duration::seconds(1));
    let id = &payment.payment_id;
    assert_eq!(
        provider.get(id).await.unwrap().state,
        PaymentStatus::Submitted
    );
    assert!(
        provider
            .submit_card(id, &card("4444333322221111"))
            .await
            .is_err()
    );
    clock.advance(time::Duration::seconds(1));
    let paid = provider.get(id).await.unwrap();
    assert_eq!(paid.state, PaymentStatus::Success);
    assert!(paid.provider_id.is_some());
    let states: Vec<_> = provider
        .events(id)
        .await
        .unwrap()
        .into_iter()
        .map(|event| event.state)
        .collect();
    assert_eq!(
        states,
        [
            PaymentStatus::Created,
            PaymentStatus::Started,
            PaymentStatus::Submitted,
            PaymentStatus::Success
        ]
    );
    // With delayed capture it becomes capturable instead.
    let delayed = pay_with(&provider, SLOW_CARD, true).await;
    clock.advance(SLOW_CARD_SETTLES);
    assert_eq!(
        provider.get(&delayed.payment_id).await.unwrap().state,
        PaymentStatus::Capturable
    );
}

#[tokio::test]
async fn refunds_up_to_the_amount_paid() {
    let provider = sandbox();
    let payment = pay_with(&provider, "4444333322221111", false).await;
    let id = &payment.payment_id;
    let mismatch = provider
        .refund(
            id,
            &NewRefund::new(Money::from_pence(500).unwrap())
                .expecting_available(Money::from_pence(1).unwrap()),
        )
        .await
        .unwrap_err();
    assert_eq!(mismatch.code(), Some("P0604"));
    let first = provider
        .refund(
            id,
            &NewRefund::new(Money::from_pence(500).unwrap())
                .expecting_available(Money::from_pence(1500).unwrap()),
        )
        .await
        .unwrap();
    assert_eq!(first.status, RefundStatus::Success);
    let too_much = provider
        .refund(id, &NewRefund::new(Money::from_pence(1001).unwrap()))
        .await
        .unwrap_err();
    assert_eq!(too_much.code(), Some("P0603"));
    provider
        .refund(id, &NewRefund::new(Money::from_pence(1000).unwrap()))
        .await
        .unwrap();
    let summary = provider.get(id).await.unwrap().refund_summary.unwrap();
    assert_eq!(summary.status, "full");
    assert_eq!(summary.amount_submitted.pence(), 1500);
    assert_eq!(provider.refunds(id).await.unwrap().len(), 2);
    assert_eq!(
        provider.get_refund(id, &first.refund_id).await.unwrap(),
        first
    );
    assert_eq!(
        provider.get_refund(id, "nope").await.unwrap_err().code(),
        Some("P0700")
    );
}

#[tokio::test]
async fn unpaid_payments_cannot_be_refunded() {
    let provider = sandbox();
    let payment = pay_with(&provider, "4000000000000002", false).await;
    let error = provider
        .refund(
            &payment.payment_id,
            &NewRefund::new(Money::from_pence(1).unwrap()),
        )
        .await
        .unwrap_err();
    assert_eq!(error.code(), Some("P0603"));
}

#[tokio::test]
async fn unknown_payments_are_not_found_with_the_endpoint_code() {
    let provider = sandbox();
    assert_eq!(provider.get("x").await.unwrap_err().code(), Some("P0200"));
    assert_eq!(
        provider.events("x").await.unwrap_err().code(),
        Some("P0300")
    );
    assert_eq!(
        provider.cancel("x").await.unwrap_err().code(),
        Some("P0500")
    );
    assert_eq!(
        provider.capture("x").await.unwrap_err().code(),
        Some("P1000")
    );
    assert!(provider.get("x").await.unwrap_err().is_not_found());
}

#[tokio::test]
async fn bad_requests_are_refused_before_anything_is_stored() {
    let provider = SandboxProvider::in_memory(Url::parse("https://pay.council.example/").unwrap());
    let mut plain = request(100);
    plain.return_url = Url::parse("http://council.example/return").unwrap();
    let error = provider.create(&plain).await.unwrap_err();
    assert_eq!(error.field(), Some("return_url"));
    let error = provider.create(&request(10_000_001)).await.unwrap_err();
    assert_eq!(error.field(), Some("amount"));
    // On a local sandbox, a local http return URL is fine.
    let mut local = request(100);
    local.return_url = Url::parse("http://localhost:3000/return").unwrap();
    assert!(sandbox().create(&local).await.is_ok());
}

#[tokio::test]
async fn an_idempotency_key_returns_the_first_payment() {
    let provider = sandbox();
    let first = provider
        .create(&request(100).idempotency_key("order-7"))
        .await
        .unwrap();
    let second = provider
        .create(&request(100).idempotency_key("order-7"))
        .await
        .unwrap();
    assert_eq!(first.payment_id, second.payment_id);
}

/// The full journey on SQLite, and (when CIVIC_TEST_DATABASE_URL is set) on PostgreSQL with
/// two provider instances sharing one database.
#[tokio::test]
async fn sql_store_shares_state_between_instances() {
    let store = crate::SqlStore::connect("sqlite::memory:").await.unwrap();
    journey_on_two_instances(Arc::new(store.clone()), Arc::new(store)).await;

    use std::io::Write;
    let Ok(url) = std::env::var("CIVIC_TEST_DATABASE_URL") else {
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED sql_store_shares_state_between_instances (PostgreSQL part): CIVIC_TEST_DATABASE_URL is not set"
        );
        return;
    };
    let url = crate::sql_store::test_schema(&url, "sandbox_share").await;
    let one = crate::SqlStore::connect(&url).await.unwrap();
    let two = crate::SqlStore::connect(&url).await.unwrap();
    journey_on_two_instances(Arc::new(one), Arc::new(two)).await;
}

async fn journey_on_two_instances(one: Arc<dyn SandboxStore>, two: Arc<dyn SandboxStore>) {
    let a = SandboxProvider::new(one, Url::parse(BASE).unwrap());
    let b = SandboxProvider::new(two, Url::parse(BASE).unwrap());
    let payment = a
        .create(&request(2500).idempotency_key(crate::ids::random_id(10)))
        .await
        .unwrap();
    b.open_card_page(&payment.payment_id).await.unwrap();
    b.submit_card(&payment.payment_id, &card("4444333322221111"))
        .await
        .unwrap();
    assert_eq!(
        a.get(&payment.payment_id).await.unwrap().state,
        PaymentStatus::Success
    );
    a.refund(
        &payment.payment_id,
        &NewRefund::new(Money::from_pence(100).unwrap()),
    )
    .await
    .unwrap();
    assert_eq!(b.refunds(&payment.payment_id).await.unwrap().len(), 1);
}

/// A card submission and a cancel racing on one payment: exactly one wins.
#[tokio::test]
async fn racing_updates_leave_one_outcome() {
    let store = crate::SqlStore::connect("sqlite::memory:").await.unwrap();
    let provider = SandboxProvider::new(Arc::new(store), Url::parse(BASE).unwrap());
    let payment = provider.create(&request(100)).await.unwrap();
    let id = payment.payment_id.clone();
    let entry = card("4444333322221111");
    let (pay, cancel) = tokio::join!(provider.submit_card(&id, &entry), provider.cancel(&id));
    assert!(pay.is_ok() != cancel.is_ok(), "{pay:?} {cancel:?}");
    let finals = provider
        .events(&id)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.state.is_finished())
        .count();
    assert_eq!(finals, 1);
}

/// The sandbox signs its webhooks as GOV.UK Pay does; a receiver with the same secret accepts
/// them and sees each status change once.
#[tokio::test]
async fn sandbox_webhooks_are_signed_and_accepted() {
    use crate::webhook::{MemoryWebhookInbox, PaymentUpdates, WebhookReceiver, WebhookSecrets};
    use std::sync::Mutex;

    #[derive(Default)]
    struct Seen(Mutex<Vec<PaymentStatus>>);
    #[async_trait]
    impl PaymentUpdates for Seen {
        async fn payment_updated(&self, payment: &Payment) -> Result<(), PaymentError> {
            self.0.lock().unwrap().push(payment.state);
            Ok(())
        }
    }

    let plain = sandbox();
    let seen = Arc::new(Seen::default());
    let receiver = WebhookReceiver::new(
        WebhookSecrets::new(["sandbox-secret"]),
        Arc::new(MemoryWebhookInbox::new()),
        Arc::new(plain.clone()),
        seen.clone(),
    );
    let provider = plain.with_webhooks("sandbox-secret", Arc::new(receiver));
    let payment = pay_with(&provider, "4444333322221111", false).await;
    provider
        .refund(
            &payment.payment_id,
            &NewRefund::new(Money::from_pence(100).unwrap()),
        )
        .await
        .unwrap();
    let seen = seen.0.lock().unwrap().clone();
    assert_eq!(
        seen,
        [
            PaymentStatus::Started,
            PaymentStatus::Success,
            PaymentStatus::Success
        ]
    );
}
