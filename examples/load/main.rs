//! The demo's load generator: `examples/load/run.sh` builds it and the demo in release mode
//! and runs it; see examples/README.md for the figures.
//!
//! ```text
//! load --demo target/release/civic-demo [--journeys N] [--concurrency C] [--seconds S]
//!      [--postgres postgres://…]
//! ```
//! Without `--postgres`: one instance on SQLite. With it: two instances sharing a fresh
//! database on that server. Exits 1 when any journey fails, any submission is lost or
//! crossed, or an email does not arrive.

mod generator;
mod instance;
#[allow(dead_code)] // the tests use the rest
mod resident;
#[path = "../../notify/tests/smtp_sink/mod.rs"]
mod smtp_sink;

use std::process::ExitCode;
use std::time::Duration;

use generator::Options;

fn usage(problem: &str) -> ExitCode {
    eprintln!("load: {problem}");
    eprintln!(
        "usage: load --demo PATH [--journeys N] [--concurrency C] [--seconds S] [--postgres URL]"
    );
    ExitCode::from(2)
}

#[tokio::main]
async fn main() -> ExitCode {
    let mut options = Options {
        demo: String::new(),
        journeys: 10_000,
        concurrency: 200,
        time_limit: Duration::from_secs(120),
        postgres: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let Some(value) = args.next() else {
            return usage(&format!("{flag} needs a value"));
        };
        let number = || value.parse::<u64>().ok().filter(|n| *n > 0);
        match flag.as_str() {
            "--demo" => options.demo = value.clone(),
            "--postgres" => options.postgres = Some(value.clone()),
            "--journeys" => match number() {
                Some(n) => options.journeys = n,
                None => return usage("--journeys must be a positive whole number"),
            },
            "--concurrency" => match number().and_then(|n| usize::try_from(n).ok()) {
                Some(n) => options.concurrency = n,
                None => return usage("--concurrency must be a positive whole number"),
            },
            "--seconds" => match number() {
                Some(n) => options.time_limit = Duration::from_secs(n),
                None => return usage("--seconds must be a positive whole number"),
            },
            other => return usage(&format!("unknown option {other}")),
        }
    }
    if options.demo.is_empty() {
        return usage("--demo is required");
    }
    println!(
        "CPU: {}; {} journeys at most, {} residents at once, {} s at most",
        generator::cpu(),
        options.journeys,
        options.concurrency,
        options.time_limit.as_secs()
    );
    match generator::run(&options).await {
        Ok(report) => {
            print!("{report}");
            if report.clean() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Err(error) => {
            eprintln!("load: {error}");
            ExitCode::from(2)
        }
    }
}
