//! Scale-out: two demo processes on different ports share one PostgreSQL database (a fresh
//! one per run) and each runs an outbox worker sending to one SMTP sink. Residents' requests
//! alternate between the instances; one instance is killed (SIGKILL) mid-journey and the
//! resident finishes on the other with nothing lost; every email reaches the sink exactly
//! once, except at most one that was in flight on the killed instance, which may arrive twice
//! and is counted.
//!
//! Needs `CIVIC_TEST_DATABASE_URL` (a PostgreSQL server; the test creates and drops its own
//! database there); prints a SKIPPED line without it.
#![allow(clippy::unwrap_used)] // a panic in a test is a failed test

#[path = "../load/instance.rs"]
#[allow(dead_code)] // the load generator uses the rest
mod instance;
#[path = "../load/resident.rs"]
#[allow(dead_code)] // the load generator uses the rest
mod resident;
#[path = "../../notify/tests/smtp_sink/mod.rs"]
mod smtp_sink;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use civic_forms::delivery::SubmissionStore;
use instance::{FreshDatabase, Instance};
use resident::{MissedBin, Resident, address_of};

/// Residents who complete the journey while both instances serve.
const RESIDENTS: u64 = 20;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_share_postgres_and_one_dies_mid_journey() {
    let Ok(server) = std::env::var("CIVIC_TEST_DATABASE_URL") else {
        println!("SKIPPED two_instances_share_postgres: CIVIC_TEST_DATABASE_URL is not set");
        return;
    };
    let database = FreshDatabase::create(&server, "scale_out").await.unwrap();
    let (smtp_port, received) = smtp_sink::smtp_sink("250 ok\r\n").await;
    let data_dir = std::env::temp_dir().join(format!("civic-scale-out-{}", std::process::id()));
    let settings = [
        ("CIVIC_ENV", "production".to_owned()),
        ("CIVIC_SESSION_SECRET", "s".repeat(40)),
        ("CIVIC_DATABASE_URL", database.url.clone()),
        ("CIVIC_SMTP_HOST", "127.0.0.1".to_owned()),
        ("CIVIC_SMTP_PORT", smtp_port.to_string()),
        ("CIVIC_SMTP_SECURITY", "none".to_owned()),
        // Short, so the killed instance's claimed messages are sent again within the test.
        ("CIVIC_OUTBOX_LEASE_SECONDS", "3".to_owned()),
        ("CIVIC_DATA_DIR", data_dir.display().to_string()),
        (
            "CIVIC_ADDRESS_INDEX",
            instance::gazetteer_file(&data_dir).unwrap(),
        ),
    ];
    let binary = env!("CARGO_BIN_EXE_civic-demo");
    let mut a = Instance::start(binary, &settings).await.unwrap();
    let b = Instance::start(binary, &settings).await.unwrap();
    let both = [a.base.clone(), b.base.clone()];
    let today = time::OffsetDateTime::now_utc().date();

    // Resident 0 starts on A, goes on to B and back: the session lives in the database.
    let survivor = MissedBin::for_resident(0, today);
    let steps = survivor.steps();
    let mut resident = Resident::new(&both, None).unwrap();
    resident.get("/missed-bin/apply").await.unwrap();
    for step in &steps[..2] {
        resident.take(step).await.unwrap();
    }

    // Everyone else completes while both instances serve and both workers send.
    let mut journeys = Vec::new();
    for n in 1..=RESIDENTS {
        let both = both.clone();
        journeys.push(tokio::spawn(async move {
            let answers = MissedBin::for_resident(n, today);
            let mut resident = Resident::new(&both, Some(address_of(n))).unwrap();
            let reference = answers.report(&mut resident).await.unwrap();
            (reference, answers)
        }));
    }
    let mut submitted = Vec::new();
    for journey in journeys {
        submitted.push(journey.await.unwrap());
    }

    // A dies with its worker likely mid-batch; resident 0 carries on with B alone.
    a.kill();
    resident.use_instances(std::slice::from_ref(&b.base));
    for step in &steps[2..] {
        resident.take(step).await.unwrap();
    }
    let reference = resident
        .reference("/missed-bin/apply/confirmation", "MB")
        .await
        .unwrap();
    submitted.push((reference, survivor));

    // Nothing lost: every submission is stored with exactly what its resident entered.
    let pool = civic_forms::session::SqlSessionStore::connect(&database.url)
        .await
        .unwrap()
        .pool()
        .clone();
    let store = SubmissionStore::new(pool.clone());
    let form = resident::definition("missed-bin.yaml");
    for (reference, answers) in &submitted {
        let stored = store.load(reference).await.unwrap();
        let stored = stored.unwrap_or_else(|| panic!("{reference} was not stored"));
        answers.check(&form, &stored).unwrap();
    }

    // Every submission's two emails reach the sink: the team's and the resident's.
    let mut expected: Vec<(String, String)> = Vec::new();
    for (reference, answers) in &submitted {
        expected.push((
            reference.clone(),
            "waste-team@kestrel-vale.example".to_owned(),
        ));
        expected.push((reference.clone(), answers.email.clone()));
    }
    expected.sort();
    let started = Instant::now();
    let mut arrived: BTreeMap<(String, String), usize>;
    loop {
        arrived = BTreeMap::new();
        for message in received.lock().unwrap().iter() {
            *arrived.entry(addressed(message)).or_default() += 1;
        }
        let all_there = expected.iter().all(|key| arrived.contains_key(key));
        if all_there || started.elapsed() > Duration::from_secs(30) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let missing: Vec<_> = expected
        .iter()
        .filter(|key| !arrived.contains_key(*key))
        .collect();
    assert!(
        missing.is_empty(),
        "never reached the sink: {missing:?}; arrived: {:?}",
        arrived.keys().collect::<Vec<_>>()
    );
    let unexpected: Vec<_> = arrived
        .keys()
        .filter(|key| expected.binary_search(key).is_err())
        .collect();
    assert!(
        unexpected.is_empty(),
        "not sent by any resident: {unexpected:?}"
    );
    let twice: Vec<_> = arrived.iter().filter(|(_, count)| **count > 1).collect();
    println!(
        "{} submissions over 2 instances (one killed mid-journey), {} emails, {} delivered twice: {twice:?}",
        submitted.len(),
        expected.len(),
        twice.len()
    );
    assert!(
        twice.len() <= 1 && twice.iter().all(|(_, count)| **count == 2),
        "only the one message in flight on the killed instance may arrive twice: {twice:?}"
    );

    drop(b);
    pool.close().await;
    database.drop_database().await;
    let _ = std::fs::remove_dir_all(data_dir);
}

/// A message's reference and recipient, from the DATA the sink recorded.
fn addressed(message: &str) -> (String, String) {
    let to = message
        .lines()
        .find_map(|line| line.strip_prefix("To: "))
        .map(|to| {
            to.trim()
                .trim_start_matches('<')
                .trim_end_matches('>')
                .to_owned()
        })
        .unwrap_or_default();
    let reference = message
        .split_once("MB-")
        .map(|(_, rest)| {
            // MB-XXXX-XXXX; a Message-ID may carry more after it.
            let code: String = rest.chars().take(9).collect();
            format!("MB-{code}")
        })
        .unwrap_or_default();
    (reference, to)
}
