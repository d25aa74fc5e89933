//! The durable outbox on SQLite (always) and PostgreSQL (when CIVIC_TEST_DATABASE_URL is
//! set): written before sending, claimed once, retried with backoff, idempotent, scheduled.

// Tests may unwrap: a panic is the failure report.
#![allow(clippy::unwrap_used)]

use std::io::Write;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use civic_notify::outbox::{Outbox, RetryPolicy, Status};
use civic_notify::transport::{
    MailboxTransport, Outgoing, OutgoingSms, Receipt, SendError, StubTransport, Transport,
};
use civic_notify::{Allow, PhoneNumber};

fn message(key: &str) -> Outgoing {
    Outgoing::Sms(OutgoingSms {
        idempotency_key: key.to_owned(),
        to: PhoneNumber::parse("07700 900123", Allow::UK_MOBILE).unwrap(),
        sender: Some("Council".to_owned()),
        text: format!("Message {key}"),
    })
}

async fn sqlite_outbox(name: &str) -> Outbox {
    let path = std::env::temp_dir().join(format!("civic-notify-{name}-{}.db", std::process::id()));
    let _ = std::fs::remove_file(&path);
    Outbox::connect(&format!("sqlite://{}?mode=rwc", path.display()))
        .await
        .unwrap()
}

/// An outbox in its own PostgreSQL schema, so parallel tests do not meet.
async fn postgres_outbox(name: &str) -> Option<Outbox> {
    let Ok(url) = std::env::var("CIVIC_TEST_DATABASE_URL") else {
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED {name}: CIVIC_TEST_DATABASE_URL is not set"
        );
        return None;
    };
    let schema = format!("civic_notify_{name}_{}", std::process::id());
    sqlx::any::install_default_drivers();
    let admin = sqlx::AnyPool::connect(&url).await.unwrap();
    sqlx::query(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"))
        .execute(&admin)
        .await
        .unwrap();
    sqlx::query(&format!("CREATE SCHEMA {schema}"))
        .execute(&admin)
        .await
        .unwrap();
    let separator = if url.contains('?') { '&' } else { '?' };
    let scoped = format!("{url}{separator}options=-c%20search_path%3D{schema}");
    Some(Outbox::connect(&scoped).await.unwrap())
}

async fn sends_each_message_once_and_records_it(outbox: Outbox) {
    let mailbox = MailboxTransport::new();
    for i in 0..25 {
        assert!(
            outbox
                .enqueue(&message(&format!("m{i}")), None)
                .await
                .unwrap()
        );
    }
    // A retried request with the same key does not queue a second message.
    assert!(!outbox.enqueue(&message("m3"), None).await.unwrap());
    assert_eq!(outbox.pending().await.unwrap(), 25);
    let policy = RetryPolicy::default();
    let mut sent = 0;
    loop {
        let report = outbox.drain_once(&mailbox, &policy, 10).await.unwrap();
        if report.claimed == 0 {
            break;
        }
        sent += report.sent;
    }
    assert_eq!(sent, 25);
    assert_eq!(mailbox.messages().len(), 25);
    let record = outbox.record("m3").await.unwrap().unwrap();
    assert_eq!(record.status, Status::Sent);
    assert_eq!(record.attempts, 1);
    assert_eq!(record.provider_reference.as_deref(), Some("mailbox-m3"));
}

/// Many messages in one transaction: each queued once, a key already queued skipped.
async fn enqueues_many_in_one_transaction(outbox: Outbox) {
    assert!(outbox.enqueue(&message("b1"), None).await.unwrap());
    let batch: Vec<Outgoing> = (0..50).map(|i| message(&format!("b{i}"))).collect();
    assert_eq!(outbox.enqueue_many(&batch, None).await.unwrap(), 49);
    assert_eq!(outbox.enqueue_many(&[], None).await.unwrap(), 0);
    assert_eq!(outbox.pending().await.unwrap(), 50);
    let stub = StubTransport::new();
    let policy = RetryPolicy::default();
    while outbox.drain_once(&stub, &policy, 20).await.unwrap().claimed > 0 {}
    assert_eq!(stub.sent().len(), 50);
    assert_eq!(
        outbox.record("b49").await.unwrap().unwrap().status,
        Status::Sent
    );
}

#[tokio::test]
async fn sqlite_enqueues_many_in_one_transaction() {
    enqueues_many_in_one_transaction(sqlite_outbox("many").await).await;
}

#[tokio::test]
async fn postgres_enqueues_many_in_one_transaction() {
    if let Some(outbox) = postgres_outbox("many").await {
        enqueues_many_in_one_transaction(outbox).await;
    }
}

#[tokio::test]
async fn sqlite_sends_each_message_once_and_records_it() {
    sends_each_message_once_and_records_it(sqlite_outbox("once").await).await;
}

#[tokio::test]
async fn postgres_sends_each_message_once_and_records_it() {
    if let Some(outbox) = postgres_outbox("once").await {
        sends_each_message_once_and_records_it(outbox).await;
    }
}

#[tokio::test]
async fn postgres_workers_never_claim_the_same_message() {
    let Some(outbox) = postgres_outbox("workers").await else {
        return;
    };
    for i in 0..200 {
        outbox
            .enqueue(&message(&format!("w{i}")), None)
            .await
            .unwrap();
    }
    let stub = StubTransport::new();
    let policy = RetryPolicy::default();
    let workers: Vec<_> = (0..4)
        .map(|_| {
            let outbox = outbox.clone();
            let stub = stub.clone();
            tokio::spawn(async move {
                loop {
                    let report = outbox.drain_once(&stub, &policy, 7).await.unwrap();
                    if report.claimed == 0 {
                        break;
                    }
                }
            })
        })
        .collect();
    for worker in workers {
        worker.await.unwrap();
    }
    let mut keys: Vec<String> = stub
        .sent()
        .iter()
        .map(|m| m.idempotency_key().to_owned())
        .collect();
    assert_eq!(keys.len(), 200, "every message sent exactly once");
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), 200, "no message sent twice");
}

#[tokio::test]
async fn temporary_failures_back_off_then_deliver() {
    let outbox = sqlite_outbox("backoff").await;
    outbox.enqueue(&message("retry-me"), None).await.unwrap();
    let policy = RetryPolicy::new(5, Duration::from_millis(200), Duration::from_secs(1));
    let down = StubTransport::failing(SendError::transient("relay down"));
    let report = outbox.drain_once(&down, &policy, 10).await.unwrap();
    assert_eq!(report.retrying, 1);
    // Backing off: not due again straight away.
    assert_eq!(
        outbox.drain_once(&down, &policy, 10).await.unwrap().claimed,
        0
    );
    let record = outbox.record("retry-me").await.unwrap().unwrap();
    assert_eq!((record.status, record.attempts), (Status::Queued, 1));
    assert_eq!(record.last_error.as_deref(), Some("relay down"));
    tokio::time::sleep(Duration::from_millis(350)).await;
    let up = MailboxTransport::new();
    let report = outbox.drain_once(&up, &policy, 10).await.unwrap();
    assert_eq!(report.sent, 1);
    let record = outbox.record("retry-me").await.unwrap().unwrap();
    assert_eq!((record.status, record.attempts), (Status::Sent, 2));
}

#[tokio::test]
async fn permanent_failures_and_exhausted_retries_stop_with_the_reason() {
    let outbox = sqlite_outbox("permanent").await;
    outbox.enqueue(&message("bad"), None).await.unwrap();
    outbox.enqueue(&message("flaky"), None).await.unwrap();
    let refused = StubTransport::failing(SendError::permanent("550 no such user"));
    let policy = RetryPolicy::new(1, Duration::from_millis(1), Duration::from_millis(1));
    let report = outbox.drain_once(&refused, &policy, 1).await.unwrap();
    assert_eq!(report.failed, 1);
    let flaky = StubTransport::failing(SendError::transient("busy"));
    let report = outbox.drain_once(&flaky, &policy, 10).await.unwrap();
    assert_eq!(
        report.failed, 1,
        "one attempt allowed, so a temporary failure is final"
    );
    for key in ["bad", "flaky"] {
        assert_eq!(
            outbox.record(key).await.unwrap().unwrap().status,
            Status::Failed
        );
    }
    assert_eq!(outbox.pending().await.unwrap(), 0);
}

#[tokio::test]
async fn send_after_holds_a_message_until_its_time() {
    let outbox = sqlite_outbox("scheduled").await;
    let tomorrow = time::OffsetDateTime::now_utc() + time::Duration::days(1);
    outbox
        .enqueue(&message("reminder"), Some(tomorrow))
        .await
        .unwrap();
    let mailbox = MailboxTransport::new();
    let report = outbox
        .drain_once(&mailbox, &RetryPolicy::default(), 10)
        .await
        .unwrap();
    assert_eq!(report.claimed, 0);
    assert_eq!(outbox.pending().await.unwrap(), 1);
}

#[tokio::test]
async fn a_workers_clock_decides_when_a_scheduled_message_is_due() {
    let ahead = std::sync::Arc::new(std::sync::atomic::AtomicI64::new(0));
    let clock = ahead.clone();
    let outbox = sqlite_outbox("clock").await.with_clock(move || {
        time::OffsetDateTime::now_utc() + time::Duration::hours(clock.load(Ordering::SeqCst))
    });
    let tomorrow = time::OffsetDateTime::now_utc() + time::Duration::days(1);
    outbox
        .enqueue(&message("reminder"), Some(tomorrow))
        .await
        .unwrap();
    let mailbox = MailboxTransport::new();
    let policy = RetryPolicy::default();
    ahead.store(23, Ordering::SeqCst);
    assert_eq!(
        outbox
            .drain_once(&mailbox, &policy, 10)
            .await
            .unwrap()
            .claimed,
        0
    );
    ahead.store(25, Ordering::SeqCst);
    assert_eq!(
        outbox.drain_once(&mailbox, &policy, 10).await.unwrap().sent,
        1
    );
    assert_eq!(mailbox.messages().len(), 1);
    assert_eq!(outbox.pending().await.unwrap(), 0);
}

#[tokio::test]
async fn a_crashed_workers_claim_lapses_and_the_message_goes_again_with_the_same_key() {
    let outbox = sqlite_outbox("lease")
        .await
        .with_lease(Duration::from_millis(100));
    outbox.enqueue(&message("in-flight"), None).await.unwrap();

    /// A transport that never answers: the worker holding the claim "dies" mid-send.
    struct Hangs;
    #[async_trait::async_trait]
    impl Transport for Hangs {
        async fn send(&self, _: &Outgoing) -> Result<civic_notify::transport::Receipt, SendError> {
            std::future::pending().await
        }
    }
    let stuck = outbox.clone();
    let worker = tokio::spawn(async move {
        let _ = stuck.drain_once(&Hangs, &RetryPolicy::default(), 10).await;
    });
    tokio::time::sleep(Duration::from_millis(50)).await;
    worker.abort();
    let mailbox = MailboxTransport::new();
    assert_eq!(
        outbox
            .drain_once(&mailbox, &RetryPolicy::default(), 10)
            .await
            .unwrap()
            .claimed,
        0,
        "the claim still holds"
    );
    tokio::time::sleep(Duration::from_millis(120)).await;
    let report = outbox
        .drain_once(&mailbox, &RetryPolicy::default(), 10)
        .await
        .unwrap();
    assert_eq!(report.sent, 1);
    assert_eq!(mailbox.messages()[0].idempotency_key(), "in-flight");
    assert_eq!(
        outbox.record("in-flight").await.unwrap().unwrap().attempts,
        2
    );
}

#[tokio::test]
async fn personal_data_is_purged_after_retention() {
    let outbox = sqlite_outbox("purge").await;
    outbox.enqueue(&message("old"), None).await.unwrap();
    outbox
        .drain_once(&MailboxTransport::new(), &RetryPolicy::default(), 10)
        .await
        .unwrap();
    assert_eq!(
        outbox
            .purge_personal_data(Duration::from_secs(3600))
            .await
            .unwrap(),
        0
    );
    tokio::time::sleep(Duration::from_millis(20)).await;
    assert_eq!(
        outbox
            .purge_personal_data(Duration::from_millis(1))
            .await
            .unwrap(),
        1
    );
    let record = outbox.record("old").await.unwrap().unwrap();
    assert_eq!(
        record.status,
        Status::Sent,
        "the record of what happened stays"
    );
}

#[tokio::test]
async fn the_outbox_as_a_transport_queues_and_its_worker_sends() {
    let outbox = sqlite_outbox("as-transport").await;
    let receipt = Transport::send(&outbox, &message("via-transport"))
        .await
        .unwrap();
    assert_eq!(receipt.reference, "queued-via-transport");
    assert_eq!(
        outbox
            .record("via-transport")
            .await
            .unwrap()
            .unwrap()
            .status,
        Status::Queued
    );
    let mailbox = MailboxTransport::new();
    let worker = {
        let (outbox, mailbox) = (outbox.clone(), mailbox.clone());
        tokio::spawn(async move {
            let policy = RetryPolicy::new(3, Duration::from_millis(10), Duration::from_millis(50));
            outbox
                .run_worker(&mailbox, &policy, 10, Duration::from_millis(10))
                .await;
        })
    };
    // Waits for the worker on the condition itself, generously: a loaded machine is slow.
    let started = std::time::Instant::now();
    while mailbox.messages().is_empty() && started.elapsed() < Duration::from_secs(60) {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    worker.abort();
    assert_eq!(mailbox.messages(), vec![message("via-transport")]);
    assert_eq!(
        outbox
            .record("via-transport")
            .await
            .unwrap()
            .unwrap()
            .status,
        Status::Sent
    );
}

/// A transport whose sends take a moment, counting how many overlap.
#[derive(Default)]
struct Overlapping {
    in_flight: AtomicUsize,
    most: AtomicUsize,
    sent: Mutex<Vec<String>>,
}

#[async_trait::async_trait]
impl Transport for Overlapping {
    async fn send(&self, message: &Outgoing) -> Result<Receipt, SendError> {
        let now = self.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
        self.most.fetch_max(now, Ordering::SeqCst);
        tokio::time::sleep(Duration::from_millis(5)).await;
        self.in_flight.fetch_sub(1, Ordering::SeqCst);
        self.sent
            .lock()
            .unwrap()
            .push(message.idempotency_key().to_owned());
        Ok(Receipt {
            reference: message.idempotency_key().to_owned(),
        })
    }
}

async fn drain_counting_overlap(outbox: &Outbox) -> usize {
    for i in 0..40 {
        outbox
            .enqueue(&message(&format!("c{i}")), None)
            .await
            .unwrap();
    }
    let transport = Overlapping::default();
    let policy = RetryPolicy::default();
    while outbox
        .drain_once(&transport, &policy, 10)
        .await
        .unwrap()
        .claimed
        > 0
    {}
    let mut sent = transport.sent.lock().unwrap().clone();
    assert_eq!(sent.len(), 40, "every message sent once");
    sent.sort();
    sent.dedup();
    assert_eq!(sent.len(), 40, "no message sent twice");
    for i in [0, 39] {
        let record = outbox.record(&format!("c{i}")).await.unwrap().unwrap();
        assert_eq!(record.status, Status::Sent);
    }
    assert_eq!(outbox.pending().await.unwrap(), 0);
    transport.most.load(Ordering::SeqCst)
}

#[tokio::test]
async fn a_worker_sends_one_at_a_time_unless_told_it_may_send_more() {
    let one = sqlite_outbox("one-at-a-time").await;
    assert_eq!(drain_counting_overlap(&one).await, 1);
    let four = sqlite_outbox("four-at-a-time").await.with_concurrency(4);
    assert_eq!(drain_counting_overlap(&four).await, 4);
}
