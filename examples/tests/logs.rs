//! Logs never carry residents' personal data: with every tracing event of every crate
//! captured at TRACE, residents complete both services with distinctive answers and the
//! emails and the signed webhook go out; then none of those answers may appear anywhere in the
//! logs, the webhook receiver's included.
//!
//! One test in its own file: it installs the process-wide subscriber.
#![allow(clippy::unwrap_used)] // a panic in a test is a failed test

#[path = "../load/resident.rs"]
#[allow(dead_code)] // the load generator uses the rest
mod resident;

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use civic_demo::{Config, app};
use resident::{MissedBin, Resident, SinglePerson};

/// Every log line, as the demo's operators would read it.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_answer_a_resident_gives_reaches_the_logs() {
    let captured = Captured::default();
    let writer = captured.clone();
    // TRACE for every target, `log` records included (tracing-subscriber's LogTracer).
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .try_init()
        .unwrap();

    let data_dir = std::env::temp_dir().join(format!("civic-demo-logs-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data_dir);
    // The demo listens where its configuration says, so its webhook reaches its own receiver.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let base = format!("http://{addr}");
    let config = Config {
        data_dir: data_dir.clone(),
        addr,
        ..Config::default()
    };
    let router = app(config).await.unwrap();
    tokio::spawn(async move {
        let service = router.into_make_service_with_connect_info::<std::net::SocketAddr>();
        axum::serve(listener, service).await.unwrap();
    });

    let today = time::OffsetDateTime::now_utc().date();
    let bin = MissedBin {
        line1: "7 Wobbleberry Crescent".to_owned(),
        town: "Quillhampton".to_owned(),
        postcode: "kv7 3qz".to_owned(),
        bins: vec!["garden"],
        due: today - time::Duration::days(1),
        email: "zebedee.quillfeather@example.org".to_owned(),
        phone: "07700 900731".to_owned(),
    };
    let claim = SinglePerson {
        first_name: "Zebedee".to_owned(),
        last_name: "Quillfeather".to_owned(),
        national_insurance_number: "jk 83 61 27 d".to_owned(),
        moved_out: today - time::Duration::days(40),
        email: "marigold.thistlewood@example.net".to_owned(),
    };
    let mut resident = Resident::new(std::slice::from_ref(&base), None).unwrap();
    let bin_reference = bin.report(&mut resident).await.unwrap();
    let mut resident = Resident::new(std::slice::from_ref(&base), None).unwrap();
    let claim_reference = claim.claim(&mut resident).await.unwrap();

    // The outbox worker sends all four emails (team and resident for each), so its logging
    // runs over messages full of answers too.
    let mut mailbox = String::new();
    for _ in 0..200 {
        mailbox = resident.get("/dev/mailbox").await.unwrap().body;
        if mailbox.matches("<iframe").count() >= 4 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(mailbox.matches("<iframe").count(), 4, "{mailbox}");
    for reference in [&bin_reference, &claim_reference] {
        assert!(mailbox.contains(reference.as_str()), "{reference} not sent");
    }

    // Both submissions were posted, signed, to the demo's webhook receiver, which logged them.
    let received = || {
        String::from_utf8_lossy(&captured.0.lock().unwrap())
            .matches("webhook received a submission")
            .count()
    };
    for _ in 0..200 {
        if received() >= 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(
        received(),
        2,
        "the webhook receiver did not log both submissions"
    );

    let logs = String::from_utf8_lossy(&captured.0.lock().unwrap()).into_owned();
    for reference in [&bin_reference, &claim_reference] {
        assert!(
            logs.lines()
                .any(|line| line.contains("webhook received a submission")
                    && line.contains(reference.as_str())),
            "the webhook receiver did not log {reference}"
        );
    }
    // The capture is real: the database's own TRACE/DEBUG events are in it.
    assert!(
        logs.contains("civic_forms_sessions") && logs.contains("civic_notify_outbox"),
        "the logs were not captured at the most verbose level:\n{logs}"
    );
    let personal = [
        "Wobbleberry",
        "Quillhampton",
        "KV7 3QZ",
        "kv7 3qz",
        "KV73QZ",
        "zebedee.quillfeather",
        "07700 900731",
        "07700900731",
        "7700900731",
        "Zebedee",
        "Quillfeather",
        "JK 83 61 27 D",
        "jk 83 61 27 d",
        "JK836127D",
        "marigold.thistlewood",
    ];
    let leaked: Vec<&str> = personal
        .iter()
        .copied()
        .filter(|value| logs.to_lowercase().contains(&value.to_lowercase()))
        .collect();
    assert!(
        leaked.is_empty(),
        "the logs carry {leaked:?} ({} bytes of logs)",
        logs.len()
    );
    println!(
        "{} bytes of TRACE logs over both journeys and 4 emails: no answer in them",
        logs.len()
    );
    let _ = std::fs::remove_dir_all(data_dir);
}
