//! civic-notify's throughput: SMS render-and-count and email render per second, and the
//! durable outbox draining 10,000 emails to a local SMTP server against lettre sending the same
//! messages directly with no outbox, in the same run.
//!
//! `cargo bench -p civic-notify --bench throughput`, or `benches/smtp-sink.sh` for 10,000 emails
//! to Postfix's `smtp-sink`. Settings:
//! - `CIVIC_BENCH_EMAILS`: emails sent over SMTP in each mode (default 2,000);
//! - `CIVIC_BENCH_CONCURRENCY`: sends at once in the second pair of runs (default 4);
//! - `CIVIC_BENCH_SMTP=HOST:PORT`: an external SMTP server instead of the in-process sink;
//! - `CIVIC_BENCH_DB_DIR`: the folder for the SQLite database (default the temporary folder).
//!
//! Each mode sends the same messages through the same transport: direct (no outbox), then
//! durable (queued into SQLite, then drained by a worker); the outbox alone, into a transport
//! that answers at once, always drains 10,000. Targets (issue 6): at least 1,000 durable emails
//! per second with SQLite on 2 cores, and at least half the direct-send rate.

#![allow(clippy::unwrap_used, missing_docs)] // a benchmark: a panic is a failed run

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use futures_util::StreamExt;

use civic_notify::outbox::{Outbox, RetryPolicy};
use civic_notify::transport::{
    Outgoing, OutgoingEmail, SmtpConfig, SmtpSecurity, SmtpTransport, StubTransport, Transport,
};
use civic_notify::{
    Branding, EmailAddress, Language, Personalisation, SmsPolicy, Template, TemplateKind,
};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

#[path = "../tests/smtp_sink/mod.rs"]
mod smtp_sink;

fn email_template() -> Template {
    Template::new(
        TemplateKind::Email,
        Some("Your ((service)) booking: ((reference))"),
        "Dear ((name)),\n\nWe will collect:\n\n((items))\n\nOn ((day)), before 7am.\n\n\
         # What happens next\n\nPut the items outside your home. Your reference is ((reference)).",
    )
}

fn values(i: usize) -> Personalisation {
    Personalisation::new()
        .with("service", "bulky waste")
        .with("name", format!("Resident {i}"))
        .with("items", vec!["sofa".to_owned(), format!("fridge {i}")])
        .with("day", "Monday 3 March")
        .with("reference", format!("BWC-{i:06}"))
}

fn email(i: usize, template: &Template, branding: &Branding) -> Outgoing {
    Outgoing::Email(OutgoingEmail {
        idempotency_key: format!("bench-{i}"),
        to: EmailAddress::parse(&format!("resident{i}@example.com")).unwrap(),
        from: "Bins <bins@kestrel-vale.example>".to_owned(),
        reply_to: None,
        message: template
            .render_email(Language::English, &values(i), branding)
            .unwrap(),
        attachments: Vec::new(),
    })
}

fn per_second(count: usize, elapsed: Duration) -> f64 {
    count as f64 / elapsed.as_secs_f64()
}

fn main() {
    let emails: usize = std::env::var("CIVIC_BENCH_EMAILS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2_000);
    let concurrency: usize = std::env::var("CIVIC_BENCH_CONCURRENCY")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(4);
    let branding = Branding::new("Kestrel Vale Borough Council", "#00594f");
    println!("CPU: {}", cpu_model());

    // Render-and-count: varied values each time, nothing cached.
    let sms = Template::new(
        TemplateKind::Sms,
        None,
        "Your bulky waste collection ((reference)) is tomorrow, ((day)). Put the items out by 7am.",
    );
    let rounds = 100_000;
    let started = Instant::now();
    for i in 0..rounds {
        let message = sms
            .render_sms(
                Language::English,
                &values(i),
                Some("KestrelVale"),
                SmsPolicy::Gsm,
            )
            .unwrap();
        black_box(message.fragments());
    }
    println!(
        "SMS render and count: {:.0}/s",
        per_second(rounds, started.elapsed())
    );
    let template = email_template();
    let rounds = 20_000;
    let started = Instant::now();
    for i in 0..rounds {
        black_box(
            template
                .render_email(Language::English, &values(i), &branding)
                .unwrap(),
        );
    }
    println!(
        "email render: {:.0}/s",
        per_second(rounds, started.elapsed())
    );

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let messages: Vec<Outgoing> = (0..emails).map(|i| email(i, &template, &branding)).collect();
        let (host, port, received) = match std::env::var("CIVIC_BENCH_SMTP") {
            Ok(address) => {
                let (host, port) = address
                    .rsplit_once(':')
                    .expect("CIVIC_BENCH_SMTP is HOST:PORT");
                println!("SMTP server: {address} (CIVIC_BENCH_SMTP)");
                (host.to_owned(), port.parse().expect("CIVIC_BENCH_SMTP's port"), None)
            }
            Err(_) => {
                let (port, received) = smtp_sink::smtp_sink("250 queued\r\n").await;
                println!("SMTP server: the in-process sink (tests/smtp_sink) on 127.0.0.1:{port}");
                ("127.0.0.1".to_owned(), port, Some(received))
            }
        };
        // What reached the in-process sink, each message once, by Message-ID (an external
        // sink is trusted on its 250 replies).
        let check_received = |count: usize| {
            if let Some(received) = &received {
                let mut received = received.lock().unwrap();
                let ids: std::collections::HashSet<&str> = received
                    .iter()
                    .filter_map(|data| data.lines().find(|l| l.starts_with("Message-ID: <bench-")))
                    .collect();
                assert_eq!((received.len(), ids.len()), (count, count));
                received.clear();
            }
        };
        let smtp = SmtpTransport::new(&SmtpConfig::new(
            &host,
            port,
            SmtpSecurity::None,
            "kestrel-vale.example",
        ))
        .unwrap();

        // lettre's own pooled transport, for the record: its socket keeps Nagle's algorithm on,
        // so each message waits for the server's delayed ACK. A few hundred show the rate.
        let stock_count = emails.min(200);
        let stock = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host.as_str())
            .port(port)
            .build();
        let started = Instant::now();
        for message in &messages[..stock_count] {
            let Outgoing::Email(email) = message else { unreachable!() };
            stock.send(smtp.message(email).unwrap()).await.unwrap();
        }
        let stock_rate = per_second(stock_count, started.elapsed());
        check_received(stock_count);
        println!("{emails} emails to the SMTP server (CIVIC_BENCH_EMAILS):");
        println!("  lettre's own pooled transport (Nagle on), first {stock_count}: {stock_rate:.0}/s");

        // The same messages, the same transport, without and then with the outbox: one at a
        // time on one connection, then `concurrency` at a time on as many connections.
        // The database's folder: put it on the disk production would use (each commit is an fsync).
        let folder = std::env::var_os("CIVIC_BENCH_DB_DIR").map_or_else(std::env::temp_dir, Into::into);
        let path = folder.join(format!("civic-notify-bench-{}.db", std::process::id()));
        println!("SQLite database in {} (CIVIC_BENCH_DB_DIR)", folder.display());
        for sends in [1, concurrency] {
            let direct = direct(&smtp, &messages, sends).await;
            check_received(emails);
            let (durable, queueing) = durable(&path, &smtp, &messages, sends).await;
            check_received(emails);
            println!("  {sends} at a time:");
            println!("    direct (SmtpTransport, no outbox): {direct:.0}/s");
            println!(
                "    durable (SQLite outbox, queued then drained): {durable:.0}/s (queueing alone {queueing:.0}/s)"
            );
            println!(
                "    durable / direct: {:.2} (targets: at least 0.5, and at least 1,000/s durable)",
                durable / direct
            );
        }

        // The outbox's own cost: 10,000 messages queued and drained into a transport that
        // answers at once, so only the database work is measured.
        let count = 10_000;
        let outbox = Outbox::connect(&format!("sqlite://{}?mode=rwc", path.display()))
            .await
            .unwrap();
        let policy = RetryPolicy::default();
        let stub = StubTransport::new();
        let stub_messages: Vec<Outgoing> = (0..count)
            .map(|i| match &messages[i % messages.len()] {
                Outgoing::Email(email) => Outgoing::Email(OutgoingEmail {
                    idempotency_key: format!("stub-{i}"),
                    ..email.clone()
                }),
                other => other.clone(),
            })
            .collect();
        let started = Instant::now();
        for chunk in stub_messages.chunks(100) {
            outbox.enqueue_many(chunk, None).await.unwrap();
        }
        let queued = started.elapsed();
        while outbox.drain_once(&stub, &policy, 100).await.unwrap().claimed > 0 {}
        println!(
            "outbox alone, {count} emails queued and drained to an instant transport: {:.0}/s (queueing {:.0}/s)",
            per_second(count, started.elapsed()),
            per_second(count, queued)
        );
        outbox.close().await;
        remove_database(&path);
    });
}

/// Sends every message straight through `smtp`, `sends` at a time; returns the rate.
async fn direct(smtp: &SmtpTransport, messages: &[Outgoing], sends: usize) -> f64 {
    let started = Instant::now();
    futures_util::stream::iter(messages)
        .map(|message| smtp.send(message))
        .buffer_unordered(sends)
        .for_each(|result| {
            result.unwrap();
            std::future::ready(())
        })
        .await;
    per_second(messages.len(), started.elapsed())
}

/// Queues every message in a new SQLite outbox at `path`, then drains it through `smtp`,
/// `sends` at a time; returns the rate of the whole and of the queueing alone.
async fn durable(
    path: &Path,
    smtp: &SmtpTransport,
    messages: &[Outgoing],
    sends: usize,
) -> (f64, f64) {
    remove_database(path);
    let outbox = Outbox::connect(&format!("sqlite://{}?mode=rwc", path.display()))
        .await
        .unwrap()
        .with_concurrency(sends);
    let policy = RetryPolicy::new(5, Duration::from_millis(100), Duration::from_secs(1));
    // Queued as a producer with many to send would: 100 to a transaction (one wait on the
    // disk each).
    let started = Instant::now();
    for chunk in messages.chunks(100) {
        outbox.enqueue_many(chunk, None).await.unwrap();
    }
    let queued = started.elapsed();
    while outbox.drain_once(smtp, &policy, 100).await.unwrap().claimed > 0 {}
    let rate = per_second(messages.len(), started.elapsed());
    assert_eq!(outbox.pending().await.unwrap(), 0);
    outbox.close().await;
    remove_database(path);
    (rate, per_second(messages.len(), queued))
}

fn remove_database(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

fn cpu_model() -> String {
    let info = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = info
        .lines()
        .find_map(|line| line.strip_prefix("model name"))
        .map(|rest| rest.trim_start_matches([' ', '\t', ':']).to_owned())
        .unwrap_or_else(|| "unknown".to_owned());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    // Other work on the machine shows in every figure, so the run says how busy it was.
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let load = load.split_whitespace().next().unwrap_or("unknown");
    format!("{model}, {cores} cores available, load average {load} at the start")
}
