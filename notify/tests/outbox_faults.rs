//! The outbox under faults: a worker killed with SIGKILL at random points while it drains,
//! and an SMTP relay that is down for 30 seconds.
//!
//! The killed worker is this test binary run again (`current_exe`) with
//! `CIVIC_OUTBOX_WORKER_DB` set: the same test then drains instead of supervising.

// Tests may unwrap: a panic is the failure report.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use civic_notify::outbox::{Outbox, RetryPolicy, Status};
use civic_notify::transport::{
    Outgoing, OutgoingEmail, OutgoingSms, Receipt, SendError, SmtpConfig, SmtpSecurity,
    SmtpTransport, Transport,
};
use civic_notify::{
    Allow, Branding, EmailAddress, Language, Personalisation, PhoneNumber, Template, TemplateKind,
};
use rand::Rng;

mod smtp_sink;

const MESSAGES: usize = 1_000;
const KILLS: usize = 20;
const WORKER_DB: &str = "CIVIC_OUTBOX_WORKER_DB";
const WORKER_SINK: &str = "CIVIC_OUTBOX_WORKER_SINK";
const WORKER_CONCURRENCY: &str = "CIVIC_OUTBOX_WORKER_CONCURRENCY";

/// A receiver that can tell duplicates: it appends each message's key to a file as one
/// write, so what reached it survives the worker's death.
struct AppendLog(PathBuf);

/// How long a send takes, as a call over the network does. Without it a fast disk drained
/// the outbox before the last kills, which then landed on an idle worker.
const SEND_TAKES: Duration = Duration::from_millis(5);

#[async_trait::async_trait]
impl Transport for AppendLog {
    async fn send(&self, message: &Outgoing) -> Result<Receipt, SendError> {
        tokio::time::sleep(SEND_TAKES).await;
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.0)
            .map_err(|e| SendError::transient(e.to_string()))?;
        file.write_all(format!("{}\n", message.idempotency_key()).as_bytes())
            .map_err(|e| SendError::transient(e.to_string()))?;
        Ok(Receipt {
            reference: message.idempotency_key().to_owned(),
        })
    }
}

fn sms(key: &str) -> Outgoing {
    Outgoing::Sms(OutgoingSms {
        idempotency_key: key.to_owned(),
        to: PhoneNumber::parse("07700 900123", Allow::UK_MOBILE).unwrap(),
        sender: Some("Council".to_owned()),
        text: format!("Your collection {key} is tomorrow."),
    })
}

fn sqlite_url(path: &Path) -> String {
    format!("sqlite://{}?mode=rwc", path.display())
}

/// The worker's side: drain until nothing is left, then exit. Its claims lapse after 200 ms,
/// so after a kill the next worker soon takes over what it held.
async fn work(db: &str, sink: &str) -> ! {
    let concurrency = std::env::var(WORKER_CONCURRENCY)
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);
    let outbox = Outbox::connect(db)
        .await
        .unwrap()
        .with_lease(Duration::from_millis(200))
        .with_concurrency(concurrency);
    let transport = AppendLog(PathBuf::from(sink));
    let policy = RetryPolicy::new(5, Duration::from_millis(10), Duration::from_millis(100));
    loop {
        let report = outbox.drain_once(&transport, &policy, 10).await.unwrap();
        if report.claimed == 0 {
            if outbox.pending().await.unwrap() == 0 {
                std::process::exit(0);
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

/// Runs this binary's test `test` as a worker (the test's first lines see the variables).
fn spawn_worker(test: &str, db: &str, sink: &Path, concurrency: usize) -> std::process::Child {
    std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", test, "--nocapture", "--test-threads=1"])
        .env(WORKER_DB, db)
        .env(WORKER_SINK, sink)
        .env(WORKER_CONCURRENCY, concurrency.to_string())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap()
}

fn delivered(sink: &Path) -> BTreeMap<String, usize> {
    let text = std::fs::read_to_string(sink).unwrap_or_default();
    let mut counts = BTreeMap::new();
    for key in text.lines() {
        *counts.entry(key.to_owned()).or_insert(0) += 1;
    }
    counts
}

/// A worker records each result as soon as its send returns, so a kill can catch only the
/// sends in flight between the two: one at a time by default.
#[tokio::test]
async fn a_worker_killed_20_times_delivers_every_message_with_at_most_one_duplicate_per_kill() {
    if let (Ok(db), Ok(sink)) = (std::env::var(WORKER_DB), std::env::var(WORKER_SINK)) {
        work(&db, &sink).await;
    }
    killed_worker_delivers_everything(
        "a_worker_killed_20_times_delivers_every_message_with_at_most_one_duplicate_per_kill",
        1,
    )
    .await;
}

/// With `with_concurrency(4)` up to 4 sends are in flight, so a kill may repeat up to 4.
#[tokio::test]
async fn a_worker_sending_4_at_once_killed_20_times_repeats_at_most_4_per_kill() {
    if let (Ok(db), Ok(sink)) = (std::env::var(WORKER_DB), std::env::var(WORKER_SINK)) {
        work(&db, &sink).await;
    }
    killed_worker_delivers_everything(
        "a_worker_sending_4_at_once_killed_20_times_repeats_at_most_4_per_kill",
        4,
    )
    .await;
}

/// Queues 1,000 messages, kills a worker draining them 20 times at random points, lets a last
/// worker finish, and checks every message arrived with at most `concurrency` duplicates a
/// kill, counting them in the output.
async fn killed_worker_delivers_everything(test: &str, concurrency: usize) {
    let folder = std::env::temp_dir().join(format!(
        "civic-outbox-kill-{concurrency}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap();
    let db = sqlite_url(&folder.join("outbox.db"));
    let sink = folder.join("received.log");
    let outbox = Outbox::connect(&db).await.unwrap();
    let messages: Vec<Outgoing> = (0..MESSAGES).map(|i| sms(&format!("m{i:04}"))).collect();
    for chunk in messages.chunks(100) {
        assert_eq!(outbox.enqueue_many(chunk, None).await.unwrap(), chunk.len());
    }

    let mut rng = rand::rng();
    let mut kills_mid_drain = 0;
    for kill in 1..=KILLS {
        let mut worker = spawn_worker(test, &db, &sink, concurrency);
        let before: usize = delivered(&sink).values().sum();
        // Kill at a random point once the worker is sending (it takes a moment to start).
        let spawned = Instant::now();
        while delivered(&sink).values().sum::<usize>() == before
            && spawned.elapsed() < Duration::from_secs(10)
        {
            std::thread::sleep(Duration::from_millis(2));
        }
        std::thread::sleep(Duration::from_millis(rng.random_range(0..60)));
        // Child::kill sends SIGKILL on Unix: no destructor, no clean shutdown.
        worker.kill().unwrap();
        worker.wait().unwrap();
        let after: usize = delivered(&sink).values().sum();
        if after > before && outbox.pending().await.unwrap() > 0 {
            kills_mid_drain += 1;
        }
        println!("kill {kill}: {after} deliveries so far");
    }
    // A last worker finishes the job.
    let mut worker = spawn_worker(test, &db, &sink, concurrency);
    let started = Instant::now();
    loop {
        if let Some(status) = worker.try_wait().unwrap() {
            assert!(status.success(), "the last worker failed: {status}");
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the last worker did not finish"
        );
        std::thread::sleep(Duration::from_millis(50));
    }

    let counts = delivered(&sink);
    let missing: Vec<String> = (0..MESSAGES)
        .map(|i| format!("m{i:04}"))
        .filter(|key| !counts.contains_key(key))
        .collect();
    assert!(missing.is_empty(), "never delivered: {missing:?}");
    let duplicates: usize = counts.values().map(|n| n - 1).sum();
    println!(
        "{MESSAGES} messages, {KILLS} SIGKILLs ({kills_mid_drain} while it was sending), \
         {concurrency} send(s) at a time: {duplicates} duplicate deliveries"
    );
    assert!(
        duplicates <= KILLS * concurrency,
        "{duplicates} duplicates from {KILLS} kills at {concurrency} send(s) at a time"
    );
    assert!(
        kills_mid_drain >= KILLS / 2,
        "only {kills_mid_drain} of {KILLS} kills landed while messages were being sent"
    );
    for i in [0, MESSAGES / 2, MESSAGES - 1] {
        let record = outbox.record(&format!("m{i:04}")).await.unwrap().unwrap();
        assert_eq!(record.status, Status::Sent);
    }
    assert_eq!(outbox.pending().await.unwrap(), 0);
    std::fs::remove_dir_all(&folder).unwrap();
}

fn email(key: &str) -> Outgoing {
    let template = Template::new(
        TemplateKind::Email,
        Some("Your ((service)) booking"),
        "Dear ((name)),\n\nWe will collect on ((day)).",
    );
    let values = Personalisation::new()
        .with("service", "bulky waste")
        .with("name", "Sam")
        .with("day", "Monday");
    let message = template
        .render_email(
            Language::English,
            &values,
            &Branding::new("Kestrel Vale Borough Council", "#00594f"),
        )
        .unwrap();
    Outgoing::Email(OutgoingEmail {
        idempotency_key: key.to_owned(),
        to: EmailAddress::parse("resident@example.com").unwrap(),
        from: "Bins <bins@kestrel-vale.example>".to_owned(),
        reply_to: None,
        message,
        attachments: Vec::new(),
    })
}

/// Collects what the outbox logs, to show that it backed off.
#[derive(Clone, Default)]
struct Logs(Arc<Mutex<Vec<u8>>>);

impl Write for Logs {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn everything_is_delivered_after_the_smtp_relay_is_down_for_30_seconds() {
    let logs = Logs::default();
    let writer = logs.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    // A port nothing listens on until the relay "comes back".
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let folder = std::env::temp_dir().join(format!("civic-outbox-smtp-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap();
    let outbox = Outbox::connect(&sqlite_url(&folder.join("outbox.db")))
        .await
        .unwrap();
    for i in 0..20 {
        outbox
            .enqueue(&email(&format!("e{i}")), None)
            .await
            .unwrap();
    }
    let transport = SmtpTransport::new(&SmtpConfig::new(
        "127.0.0.1",
        port,
        SmtpSecurity::None,
        "kestrel-vale.example",
    ))
    .unwrap();
    let policy = RetryPolicy::new(30, Duration::from_millis(500), Duration::from_secs(4));

    let started = Instant::now();
    let mut received = None;
    loop {
        if received.is_none() && started.elapsed() >= Duration::from_secs(30) {
            let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
                .await
                .unwrap();
            received = Some(smtp_sink::smtp_sink_on(listener, "250 queued\r\n").1);
        }
        outbox.drain_once(&transport, &policy, 50).await.unwrap();
        if outbox.pending().await.unwrap() == 0 {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(75),
            "not everything was delivered 45 s after the relay came back"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let received = received.expect("nothing can be delivered while the relay is down");
    assert_eq!(received.lock().unwrap().len(), 20);
    for i in 0..20 {
        let record = outbox.record(&format!("e{i}")).await.unwrap().unwrap();
        assert_eq!(record.status, Status::Sent);
        assert!(record.attempts > 1, "e{i} was sent on its first attempt");
    }
    let logs = String::from_utf8(logs.0.lock().unwrap().clone()).unwrap();
    let backoffs: Vec<&str> = logs.lines().filter(|l| l.contains("retry_in_ms")).collect();
    assert!(!backoffs.is_empty(), "no backoff in the log:\n{logs}");
    // The waits grow: the last failure waited longer than the first.
    let wait = |line: &str| -> u64 {
        line.split("retry_in_ms=")
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|n| n.parse().ok())
            .unwrap_or(0)
    };
    let first = backoffs.first().map_or(0, |l| wait(l));
    let last = backoffs.last().map_or(0, |l| wait(l));
    assert!(
        last > first,
        "backoff did not grow: {first} ms then {last} ms"
    );
    assert!(
        !logs.contains("resident@example.com"),
        "the log names a resident"
    );
    std::fs::remove_dir_all(&folder).unwrap();
}
