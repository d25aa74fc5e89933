//! civic-notify's throughput: SMS render-and-count and email render per second, and the
//! durable outbox draining 10,000 emails to a local SMTP server against lettre sending the same
//! messages directly with no outbox, in the same run.
//!
//! `cargo bench -p civic-notify --bench throughput`. `CIVIC_BENCH_EMAILS` sets the count sent
//! over SMTP (default 1,000: each send costs lettre a TCP round trip); the outbox alone, into
//! a transport that answers at once, always drains 10,000. Targets (issue 6): at least 1,000 durable
//! emails per second with SQLite on 2 cores, and at least half the direct-send rate.

#![allow(clippy::unwrap_used, missing_docs)] // a benchmark: a panic is a failed run

use std::hint::black_box;
use std::time::{Duration, Instant};

use civic_notify::outbox::{Outbox, RetryPolicy};
use civic_notify::transport::{
    Outgoing, OutgoingEmail, SmtpConfig, SmtpSecurity, SmtpTransport, StubTransport, Transport,
};
use civic_notify::{
    Branding, EmailAddress, Language, Personalisation, SmsPolicy, Template, TemplateKind,
};

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
    })
}

fn per_second(count: usize, elapsed: Duration) -> f64 {
    count as f64 / elapsed.as_secs_f64()
}

fn main() {
    let emails: usize = std::env::var("CIVIC_BENCH_EMAILS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000);
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

        // Direct: lettre through the SMTP transport, no outbox.
        let (port, received) = smtp_sink::smtp_sink("250 queued\r\n").await;
        let smtp = SmtpTransport::new(&SmtpConfig::new(
            "127.0.0.1",
            port,
            SmtpSecurity::None,
            "kestrel-vale.example",
        ))
        .unwrap();
        let started = Instant::now();
        for message in &messages {
            smtp.send(message).await.unwrap();
        }
        let direct = per_second(emails, started.elapsed());
        assert_eq!(received.lock().unwrap().len(), emails);
        received.lock().unwrap().clear();

        // Durable: queued into SQLite, then drained by one worker through the same transport.
        let path = std::env::temp_dir().join(format!("civic-notify-bench-{}.db", std::process::id()));
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
        let outbox = Outbox::connect(&format!("sqlite://{}?mode=rwc", path.display()))
            .await
            .unwrap();
        let pragma = |name: &'static str| {
            let pool = outbox.pool().clone();
            async move {
                let row = sqlx::query(&format!("PRAGMA {name}")).fetch_one(&pool).await.unwrap();
                sqlx::Row::try_get::<String, _>(&row, 0)
                    .or_else(|_| sqlx::Row::try_get::<i64, _>(&row, 0).map(|n| n.to_string()))
                    .unwrap_or_default()
            }
        };
        println!(
            "SQLite journal_mode={} synchronous={} (0 off, 1 normal, 2 full)",
            pragma("journal_mode").await,
            pragma("synchronous").await
        );
        let policy = RetryPolicy::new(5, Duration::from_millis(100), Duration::from_secs(1));
        let started = Instant::now();
        for message in &messages {
            outbox.enqueue(message, None).await.unwrap();
        }
        let queued = started.elapsed();
        while outbox.drain_once(&smtp, &policy, 100).await.unwrap().claimed > 0 {}
        let durable = per_second(emails, started.elapsed());
        assert_eq!(received.lock().unwrap().len(), emails);
        assert_eq!(outbox.pending().await.unwrap(), 0);
        println!("{emails} emails to a local SMTP server:");
        println!("  direct (lettre, no outbox): {direct:.0}/s");
        println!(
            "  durable (SQLite outbox, queued then drained): {durable:.0}/s (queueing alone {:.0}/s)",
            per_second(emails, queued)
        );
        println!(
            "  durable / direct: {:.2} (target at least 0.5; target at least 1,000/s durable)",
            durable / direct
        );
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }

        // The outbox's own cost: 10,000 messages queued and drained into a transport that
        // answers at once, so only the database work is measured.
        let count = 10_000;
        let outbox = Outbox::connect(&format!("sqlite://{}?mode=rwc", path.display()))
            .await
            .unwrap();
        let stub = StubTransport::new();
        let started = Instant::now();
        for i in 0..count {
            let message = match &messages[i % messages.len()] {
                Outgoing::Email(email) => Outgoing::Email(OutgoingEmail {
                    idempotency_key: format!("stub-{i}"),
                    ..email.clone()
                }),
                other => other.clone(),
            };
            outbox.enqueue(&message, None).await.unwrap();
        }
        let queued = started.elapsed();
        while outbox.drain_once(&stub, &policy, 100).await.unwrap().claimed > 0 {}
        println!(
            "outbox alone, {count} emails queued and drained to an instant transport: {:.0}/s (queueing {:.0}/s)",
            per_second(count, started.elapsed()),
            per_second(count, queued)
        );
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
    });
}

fn cpu_model() -> String {
    let info = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = info
        .lines()
        .find_map(|line| line.strip_prefix("model name"))
        .map(|rest| rest.trim_start_matches([' ', '\t', ':']).to_owned())
        .unwrap_or_else(|| "unknown".to_owned());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    format!("{model}, {cores} cores available")
}
