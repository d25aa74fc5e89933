use std::collections::HashSet;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::*;
use crate::record::MemoryRecordStore;
use crate::sandbox::{CardEntry, SandboxProvider};
use crate::{Money, PaymentStatus, Reconciler, SqlStore};

/// The sandbox, with faults: lose the answer to a create, fail before sending, or point
/// next_url elsewhere. Counts the distinct payments created.
struct Faulty {
    inner: SandboxProvider,
    created: Mutex<HashSet<String>>,
    lose_answers: AtomicUsize,
    fail_before: AtomicUsize,
    evil_next_url: bool,
    /// How long a create takes: long enough for concurrent starts to overlap.
    create_delay: std::time::Duration,
}

impl Faulty {
    fn new(inner: SandboxProvider) -> Faulty {
        Faulty {
            inner,
            created: Mutex::default(),
            lose_answers: AtomicUsize::new(0),
            fail_before: AtomicUsize::new(0),
            evil_next_url: false,
            create_delay: std::time::Duration::ZERO,
        }
    }
    fn payments(&self) -> usize {
        self.created.lock().unwrap().len()
    }
}

fn take(counter: &AtomicUsize) -> bool {
    counter
        .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
        .is_ok()
}

#[async_trait]
impl PaymentProvider for Faulty {
    fn name(&self) -> &str {
        "sandbox"
    }
    async fn create(&self, request: &NewPayment) -> Result<Payment, PaymentError> {
        tokio::time::sleep(self.create_delay).await;
        if take(&self.fail_before) {
            return Err(PaymentError::new(ErrorKind::Provider, "outage").with_http_status(503));
        }
        let mut payment = self.inner.create(request).await?;
        self.created
            .lock()
            .unwrap()
            .insert(payment.payment_id.clone());
        if take(&self.lose_answers) {
            return Err(PaymentError::new(ErrorKind::Network, "timed out"));
        }
        if self.evil_next_url {
            payment.next_url = Some(Url::parse("https://evil.example/pay").unwrap());
        }
        Ok(payment)
    }
    async fn get(&self, id: &str) -> Result<Payment, PaymentError> {
        let mut payment = self.inner.get(id).await?;
        if self.evil_next_url {
            payment.next_url = Some(Url::parse("https://evil.example/pay").unwrap());
        }
        Ok(payment)
    }
    async fn events(&self, id: &str) -> Result<Vec<crate::PaymentEvent>, PaymentError> {
        self.inner.events(id).await
    }
    async fn cancel(&self, id: &str) -> Result<(), PaymentError> {
        self.inner.cancel(id).await
    }
    async fn capture(&self, id: &str) -> Result<(), PaymentError> {
        self.inner.capture(id).await
    }
    async fn refund(&self, id: &str, request: &NewRefund) -> Result<Refund, PaymentError> {
        self.inner.refund(id, request).await
    }
    async fn get_refund(&self, id: &str, refund: &str) -> Result<Refund, PaymentError> {
        self.inner.get_refund(id, refund).await
    }
    async fn refunds(&self, id: &str) -> Result<Vec<Refund>, PaymentError> {
        self.inner.refunds(id).await
    }
    fn is_payment_page(&self, url: &Url) -> bool {
        self.inner.is_payment_page(url)
    }
}

fn sandbox() -> SandboxProvider {
    SandboxProvider::in_memory(Url::parse("http://127.0.0.1:8080/sandbox/").unwrap())
}

fn request() -> NewPayment {
    NewPayment::new(
        Money::from_pence(3500).unwrap(),
        "PERMIT-9",
        "Resident parking permit",
        Url::parse("https://ignored.example/").unwrap(),
    )
}

fn checkout(provider: Arc<dyn PaymentProvider>, records: Arc<dyn PaymentRecordStore>) -> Checkout {
    Checkout::new(
        provider,
        records,
        Url::parse("https://permits.council.example/pay/return").unwrap(),
    )
}

async fn pay(sandbox: &SandboxProvider, url: &Url, number: &str) {
    let payment_id = url.path().rsplit('/').next().unwrap();
    sandbox.open_card_page(payment_id).await.unwrap();
    let entry = CardEntry {
        card_number: number.to_owned(),
        expiry_month: "01".to_owned(),
        expiry_year: "2031".to_owned(),
        cardholder_name: "A Resident".to_owned(),
        cvc: "123".to_owned(),
    };
    sandbox.submit_card(payment_id, &entry).await.unwrap();
}

fn redirect(outcome: StartOutcome) -> Url {
    match outcome {
        StartOutcome::Redirect(url) => url,
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn a_journey_start_resume_pay_and_return() {
    let sandbox = sandbox();
    let records = Arc::new(MemoryRecordStore::new());
    let checkout = checkout(Arc::new(sandbox.clone()), records.clone());
    let url = redirect(checkout.start("order-1", &request()).await.unwrap());
    assert!(sandbox.is_payment_page(&url));
    // A second click resumes the same payment.
    assert_eq!(
        redirect(checkout.start("order-1", &request()).await.unwrap()),
        url
    );

    let record = records.unfinished().await.unwrap().remove(0);
    assert_eq!(record.return_token.len(), 32);
    assert_eq!(
        record.request.return_url.as_str(),
        format!(
            "https://permits.council.example/pay/return/{}",
            record.return_token
        )
    );
    pay(&sandbox, &url, "4444333322221111").await;
    let returned = checkout.returned(&record.return_token).await.unwrap();
    assert_eq!(returned.status, Some(PaymentStatus::Success));
    assert!(matches!(
        checkout.start("order-1", &request()).await.unwrap(),
        StartOutcome::AlreadyPaid(_)
    ));
    assert!(
        checkout
            .returned("forged-token")
            .await
            .unwrap_err()
            .is_not_found()
    );
}

#[tokio::test]
async fn a_declined_attempt_lets_the_resident_try_again() {
    let sandbox = sandbox();
    let checkout = checkout(
        Arc::new(sandbox.clone()),
        Arc::new(MemoryRecordStore::new()),
    );
    let first = redirect(checkout.start("order-2", &request()).await.unwrap());
    pay(&sandbox, &first, "4000000000000002").await;
    let second = redirect(checkout.start("order-2", &request()).await.unwrap());
    assert_ne!(first, second);
}

async fn concurrent_starts_make_one_payment(records: Arc<dyn PaymentRecordStore>) {
    let mut slow = Faulty::new(sandbox());
    slow.create_delay = std::time::Duration::from_millis(50);
    let faulty = Arc::new(slow);
    let checkout = checkout(faulty.clone(), records.clone());
    // Separate tasks on a multi-threaded runtime: really concurrent, not just interleaved.
    let tasks: Vec<_> = (0..4)
        .map(|_| {
            let checkout = checkout.clone();
            tokio::spawn(async move { checkout.start("order-3", &request()).await })
        })
        .collect();
    let mut urls = HashSet::new();
    for task in tasks {
        urls.insert(redirect(task.await.unwrap().unwrap()));
    }
    assert_eq!(urls.len(), 1);
    assert_eq!(faulty.payments(), 1);
    assert_eq!(records.unfinished().await.unwrap().len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_concurrent_creates_for_one_order_make_one_payment() {
    concurrent_starts_make_one_payment(Arc::new(MemoryRecordStore::new())).await;
    let sqlite = SqlStore::connect("sqlite::memory:").await.unwrap();
    concurrent_starts_make_one_payment(Arc::new(sqlite)).await;
    match std::env::var("CIVIC_TEST_DATABASE_URL") {
        Ok(url) => {
            let url = crate::sql_store::test_schema(&url, "one_per_order").await;
            concurrent_starts_make_one_payment(Arc::new(SqlStore::connect(&url).await.unwrap()))
                .await;
        }
        Err(_) => {
            use std::io::Write;
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED two_concurrent_creates_for_one_order_make_one_payment (PostgreSQL part): CIVIC_TEST_DATABASE_URL is not set"
            );
        }
    }
}

#[tokio::test]
async fn a_lost_answer_is_recovered_by_the_reconciler_without_a_second_payment() {
    let sandbox = sandbox();
    let faulty = Arc::new(Faulty::new(sandbox.clone()));
    faulty.lose_answers.store(1, Ordering::SeqCst);
    let records = Arc::new(SqlStore::connect("sqlite::memory:").await.unwrap());
    let checkout = checkout(faulty.clone(), records.clone());
    let error = checkout.start("order-4", &request()).await.unwrap_err();
    assert!(error.is_retryable());
    let pending = records.unfinished().await.unwrap();
    assert_eq!((pending.len(), pending[0].payment_id.clone()), (1, None));

    let report = Reconciler::new(checkout.clone()).run_once().await.unwrap();
    assert_eq!((report.checked, report.recovered, report.errors), (1, 1, 0));
    assert_eq!(
        faulty.payments(),
        1,
        "the resent create found the first payment"
    );
    let record = records.unfinished().await.unwrap().remove(0);
    assert!(record.payment_id.is_some());
}

#[tokio::test]
async fn an_outage_leaves_the_order_recorded_and_recoverable() {
    let sandbox = sandbox();
    let faulty = Arc::new(Faulty::new(sandbox.clone()));
    faulty.fail_before.store(1, Ordering::SeqCst);
    let records = Arc::new(MemoryRecordStore::new());
    let checkout = checkout(faulty.clone(), records.clone());
    assert!(
        checkout
            .start("order-5", &request())
            .await
            .unwrap_err()
            .is_retryable()
    );
    assert_eq!(faulty.payments(), 0);
    // The resident tries again: the same record carries on.
    let url = redirect(checkout.start("order-5", &request()).await.unwrap());
    assert_eq!(faulty.payments(), 1);
    assert_eq!(records.unfinished().await.unwrap().len(), 1);
    assert!(sandbox.is_payment_page(&url));
}

#[tokio::test]
async fn a_resident_who_closes_the_tab_after_paying_is_still_marked_paid() {
    let sandbox = sandbox();
    let records = Arc::new(MemoryRecordStore::new());
    let checkout = checkout(Arc::new(sandbox.clone()), records.clone());
    let url = redirect(checkout.start("order-6", &request()).await.unwrap());
    pay(&sandbox, &url, "4444333322221111").await;
    let report = Reconciler::new(checkout).run_once().await.unwrap();
    assert_eq!((report.checked, report.finished), (1, 1));
    assert_eq!(records.succeeded().await.unwrap().len(), 1);
    assert!(records.unfinished().await.unwrap().is_empty());
}

#[tokio::test]
async fn a_record_never_confirmed_is_abandoned_after_the_expiry() {
    let faulty = Arc::new(Faulty::new(sandbox()));
    faulty.fail_before.store(1, Ordering::SeqCst);
    let records = Arc::new(MemoryRecordStore::new());
    let checkout = checkout(faulty.clone(), records.clone());
    let _ = checkout.start("order-7", &request()).await;
    let mut record = records.unfinished().await.unwrap().remove(0);
    record.created_unix -= 2 * 60 * 60;
    records.save(&record).await.unwrap();
    let report = Reconciler::new(checkout).run_once().await.unwrap();
    assert_eq!(report.finished, 1);
    assert_eq!(faulty.payments(), 0);
    assert!(records.unfinished().await.unwrap().is_empty());
}

#[tokio::test]
async fn redirects_go_only_to_the_providers_pages() {
    let mut faulty = Faulty::new(sandbox());
    faulty.evil_next_url = true;
    let checkout = checkout(Arc::new(faulty), Arc::new(MemoryRecordStore::new()));
    let error = checkout.start("order-8", &request()).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::UnexpectedResponse);
}

#[tokio::test]
async fn webhooks_update_records_and_refunds_are_recorded() {
    use crate::webhook::{MemoryWebhookInbox, WebhookReceiver, WebhookSecrets};
    let plain = sandbox();
    let records = Arc::new(MemoryRecordStore::new());
    let checkout = checkout(Arc::new(plain.clone()), records.clone());
    let receiver = WebhookReceiver::new(
        WebhookSecrets::new(["hook"]),
        Arc::new(MemoryWebhookInbox::new()),
        Arc::new(plain.clone()),
        Arc::new(checkout.clone()),
    );
    let signing = plain.with_webhooks("hook", Arc::new(receiver));
    let url = redirect(checkout.start("order-9", &request()).await.unwrap());
    pay(&signing, &url, "4444333322221111").await;
    // No return, no reconciler: the webhook alone marked it paid.
    let paid = records.succeeded().await.unwrap();
    assert_eq!(paid.len(), 1);
    let payment_id = paid[0].payment_id.clone().unwrap();
    checkout
        .refund(
            &payment_id,
            &NewRefund::new(Money::from_pence(500).unwrap()),
        )
        .await
        .unwrap();
    let record = records.by_payment_id(&payment_id).await.unwrap().unwrap();
    assert_eq!(record.refunds.len(), 1);
    assert_eq!(record.refunds[0].amount.pence(), 500);
}
