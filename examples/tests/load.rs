//! The load test's short mode, for CI: 200 simulated residents, 50 at once, complete the
//! missed-bin journey against the demo binary (one instance on SQLite; and two on PostgreSQL
//! when `CIVIC_TEST_DATABASE_URL` is set), with 0 errors, every submission read back exactly
//! as its resident entered it, and every email at the SMTP sink. Throughput is not asserted
//! here (a debug build on a shared machine): `examples/load/run.sh` measures it.
#![allow(clippy::unwrap_used)] // a panic in a test is a failed test

#[path = "../load/generator.rs"]
mod generator;
#[path = "../load/instance.rs"]
mod instance;
#[path = "../load/resident.rs"]
#[allow(dead_code)] // the other tests use the rest
mod resident;
#[path = "../../notify/tests/smtp_sink/mod.rs"]
mod smtp_sink;

use std::time::Duration;

use generator::Options;

fn short(postgres: Option<String>) -> Options {
    Options {
        demo: env!("CARGO_BIN_EXE_civic-demo").to_owned(),
        journeys: 200,
        concurrency: 50,
        time_limit: Duration::from_secs(120),
        postgres,
    }
}

async fn run_clean(options: Options) {
    let report = generator::run(&options).await.unwrap();
    print!("CPU: {}\n{report}", generator::cpu());
    assert_eq!(report.completed, options.journeys, "{report}");
    assert!(report.clean(), "{report}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_residents_on_sqlite_lose_and_cross_nothing() {
    run_clean(short(None)).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_residents_on_two_instances_on_postgres_lose_and_cross_nothing() {
    let Ok(server) = std::env::var("CIVIC_TEST_DATABASE_URL") else {
        println!("SKIPPED two_hundred_residents_on_postgres: CIVIC_TEST_DATABASE_URL is not set");
        return;
    };
    run_clean(short(Some(server))).await;
}
