//! The load test: simulated residents complete the missed-bin journey against demo processes
//! on 127.0.0.1, bounded in count and in time; then every stored submission is read back and
//! compared with what its resident entered, and every email is awaited at an SMTP sink.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use civic_forms::delivery::SubmissionStore;

use crate::instance::{FreshDatabase, Instance, cpu_seconds, gazetteer_file, load_average};
use crate::resident::{self, MissedBin, Resident, address_of};
use crate::smtp_sink;

/// What to run.
pub struct Options {
    /// The `civic-demo` binary.
    pub demo: String,
    /// Journeys to complete (no more are started after this many).
    pub journeys: u64,
    /// Residents at once.
    pub concurrency: usize,
    /// No journey starts after this long.
    pub time_limit: Duration,
    /// `None`: one instance on SQLite. `Some(server)`: two instances sharing a fresh database
    /// on this PostgreSQL server.
    pub postgres: Option<String>,
}

/// What happened.
pub struct Report {
    /// How many demo instances served.
    pub instances: usize,
    /// `SQLite` or `PostgreSQL`.
    pub database: &'static str,
    /// Journeys completed (confirmation page with a reference).
    pub completed: u64,
    /// Journeys that failed, with the first few reasons.
    pub errors: u64,
    /// The first reasons journeys failed.
    pub first_errors: Vec<String>,
    /// From the first request to the last confirmation page.
    pub elapsed: Duration,
    /// Every page's latency, sorted.
    pub latencies: Vec<Duration>,
    /// Each instance's peak resident memory (`VmHWM`), KiB.
    pub peak_memory_kib: Vec<u64>,
    /// CPU seconds used during the journeys: by the demo instances together, and by this
    /// load generator.
    pub cpu_seconds: (f64, f64),
    /// The one-minute load average as the journeys started and as they ended.
    pub load_average: (f64, f64),
    /// Submissions not found in the database.
    pub lost: u64,
    /// Submissions stored with answers other than their resident's.
    pub crossed: u64,
    /// The first differences found.
    pub first_crossed: Vec<String>,
    /// Submissions stored in all (more than completed means journeys stored twice).
    pub stored: u64,
    /// Emails the sink received, and how many were expected (two per journey).
    pub emails: (usize, usize),
    /// How long after the last journey the last email arrived (or the wait gave up).
    pub email_drain: Duration,
}

impl Report {
    /// Completed journeys per second.
    pub fn per_second(&self) -> f64 {
        self.completed as f64 / self.elapsed.as_secs_f64()
    }

    /// The latency below which `percent` of pages were served.
    pub fn percentile(&self, percent: f64) -> Duration {
        if self.latencies.is_empty() {
            return Duration::ZERO;
        }
        let index = ((self.latencies.len() as f64 - 1.0) * percent / 100.0).round() as usize;
        self.latencies[index.min(self.latencies.len() - 1)]
    }

    /// Whether nothing went wrong: no errors, nothing lost or crossed, every email sent.
    pub fn clean(&self) -> bool {
        self.errors == 0
            && self.lost == 0
            && self.crossed == 0
            && self.stored == self.completed
            && self.emails.0 == self.emails.1
    }
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let memory: Vec<String> = self
            .peak_memory_kib
            .iter()
            .map(|kib| format!("{:.1} MiB", *kib as f64 / 1024.0))
            .collect();
        writeln!(
            f,
            "{} instance(s) on {}: {} journeys in {:.2} s = {:.0}/s = {:.0}/min",
            self.instances,
            self.database,
            self.completed,
            self.elapsed.as_secs_f64(),
            self.per_second(),
            self.per_second() * 60.0
        )?;
        writeln!(
            f,
            "  pages: {}, p50 {:.1} ms, p99 {:.1} ms; demo peak memory (VmHWM): {}",
            self.latencies.len(),
            self.percentile(50.0).as_secs_f64() * 1000.0,
            self.percentile(99.0).as_secs_f64() * 1000.0,
            memory.join(", ")
        )?;
        writeln!(
            f,
            "  errors {}, lost {}, crossed {}, stored {} of {}; emails {} of {} at the sink, last {:.2} s after the last journey",
            self.errors,
            self.lost,
            self.crossed,
            self.stored,
            self.completed,
            self.emails.0,
            self.emails.1,
            self.email_drain.as_secs_f64()
        )?;
        let (demo, generator) = self.cpu_seconds;
        writeln!(
            f,
            "  CPU: demo {demo:.1} s + load generator {generator:.1} s = {:.1} s for {:.2} s of journeys ({:.0} journeys per CPU-second); load average {:.2} at the start, {:.2} at the end",
            demo + generator,
            self.elapsed.as_secs_f64(),
            self.completed as f64 / (demo + generator).max(0.01),
            self.load_average.0,
            self.load_average.1
        )?;
        for error in self.first_errors.iter().chain(&self.first_crossed) {
            writeln!(f, "  {error}")?;
        }
        Ok(())
    }
}

/// Runs the load test.
pub async fn run(options: &Options) -> Result<Report, String> {
    let (smtp_port, received) = smtp_sink::smtp_sink("250 ok\r\n").await;
    let data_dir = std::env::temp_dir().join(format!(
        "civic-load-{}-{}",
        std::process::id(),
        options.postgres.is_some()
    ));
    let _ = std::fs::remove_dir_all(&data_dir);
    std::fs::create_dir_all(&data_dir).map_err(|e| e.to_string())?;
    let fresh = match &options.postgres {
        Some(server) => Some(FreshDatabase::create(server, "load").await?),
        None => None,
    };
    let database_url = match &fresh {
        Some(fresh) => fresh.url.clone(),
        None => format!("sqlite://{}/civic.db?mode=rwc", data_dir.display()),
    };
    let settings = [
        ("CIVIC_ENV", "production".to_owned()),
        ("CIVIC_SESSION_SECRET", "load-test-secret-".repeat(3)),
        ("CIVIC_DATABASE_URL", database_url.clone()),
        ("CIVIC_SMTP_HOST", "127.0.0.1".to_owned()),
        ("CIVIC_SMTP_PORT", smtp_port.to_string()),
        ("CIVIC_SMTP_SECURITY", "none".to_owned()),
        ("CIVIC_DATA_DIR", data_dir.display().to_string()),
        ("CIVIC_ADDRESS_INDEX", gazetteer_file(&data_dir)?),
        // Two emails a journey: eight sends at once keep up (the default, 1, keeps a killed
        // instance to one repeated message; see examples/README.md).
        ("CIVIC_OUTBOX_SENDS", "8".to_owned()),
    ];
    let count = if fresh.is_some() { 2 } else { 1 };
    let mut instances = Vec::new();
    for _ in 0..count {
        instances.push(Instance::start(&options.demo, &settings).await?);
    }
    let bases: Arc<Vec<String>> = Arc::new(instances.iter().map(|i| i.base.clone()).collect());

    let today = time::OffsetDateTime::now_utc().date();
    let next = Arc::new(AtomicU64::new(0));
    let cpu_used = |instances: &[Instance]| {
        let demo: f64 = instances.iter().filter_map(Instance::cpu_seconds).sum();
        (demo, cpu_seconds("/proc/self/stat").unwrap_or_default())
    };
    let cpu_before = cpu_used(&instances);
    let load_before = load_average().unwrap_or_default();
    let started = Instant::now();
    let deadline = started + options.time_limit;
    let mut tasks = Vec::new();
    for _ in 0..options.concurrency {
        let next = Arc::clone(&next);
        let bases = Arc::clone(&bases);
        let journeys = options.journeys;
        tasks.push(tokio::spawn(async move {
            let mut done = Vec::new();
            let mut failed = Vec::new();
            let mut latencies = Vec::new();
            loop {
                let n = next.fetch_add(1, Ordering::Relaxed);
                if n >= journeys || Instant::now() >= deadline {
                    break;
                }
                let answers = MissedBin::for_resident(n, today);
                let outcome = match Resident::new(&bases, Some(address_of(n))) {
                    Ok(mut resident) => {
                        let outcome = answers.report(&mut resident).await;
                        latencies.append(&mut resident.latencies);
                        outcome
                    }
                    Err(error) => Err(error),
                };
                match outcome {
                    Ok(reference) => done.push((reference, n)),
                    Err(error) => failed.push(format!("resident {n}: {error}")),
                }
            }
            (done, failed, latencies, Instant::now())
        }));
    }
    let mut done = Vec::new();
    let mut failed = Vec::new();
    let mut latencies = Vec::new();
    let mut finished = started;
    for task in tasks {
        let (mut d, mut f, mut l, at) = task.await.map_err(|e| e.to_string())?;
        done.append(&mut d);
        failed.append(&mut f);
        latencies.append(&mut l);
        finished = finished.max(at);
    }
    let elapsed = finished - started;
    let cpu_after = cpu_used(&instances);
    let load_after = load_average().unwrap_or_default();
    latencies.sort();

    // Every email: two per journey (the waste team's and the resident's), within a minute.
    let expected_emails = done.len() * 2;
    let waited = Instant::now();
    while received.lock().map(|r| r.len()).unwrap_or_default() < expected_emails
        && waited.elapsed() < Duration::from_secs(60)
    {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let email_drain = finished.elapsed();
    let emails = received.lock().map(|r| r.len()).unwrap_or_default();
    let peak_memory_kib = instances
        .iter()
        .filter_map(Instance::peak_memory_kib)
        .collect();
    drop(instances);

    // Read back every submission and compare it with what its resident entered.
    let store = civic_forms::session::SqlSessionStore::connect(&database_url)
        .await
        .map_err(|e| format!("cannot read the submissions back: {e}"))?;
    let submissions = SubmissionStore::new(store.pool().clone());
    let form = resident::definition("missed-bin.yaml");
    let (mut lost, mut crossed, mut first_crossed) = (0, 0, Vec::new());
    for (reference, n) in &done {
        match submissions.load(reference).await {
            Ok(Some(stored)) => {
                if let Err(difference) = MissedBin::for_resident(*n, today).check(&form, &stored) {
                    crossed += 1;
                    if first_crossed.len() < 5 {
                        first_crossed.push(format!("resident {n}: {difference}"));
                    }
                }
            }
            _ => lost += 1,
        }
    }
    let stored = submissions
        .list("missed-bin")
        .await
        .map(|all| all.len() as u64)
        .unwrap_or_default();
    store.pool().close().await;
    if let Some(fresh) = fresh {
        fresh.drop_database().await;
    }
    let _ = std::fs::remove_dir_all(&data_dir);

    Ok(Report {
        instances: count,
        database: if options.postgres.is_some() {
            "PostgreSQL"
        } else {
            "SQLite"
        },
        completed: done.len() as u64,
        errors: failed.len() as u64,
        first_errors: failed.into_iter().take(5).collect(),
        elapsed,
        latencies,
        peak_memory_kib,
        cpu_seconds: (cpu_after.0 - cpu_before.0, cpu_after.1 - cpu_before.1),
        load_average: (load_before, load_after),
        lost,
        crossed,
        first_crossed,
        stored,
        emails: (emails, expected_emails),
        email_drain,
    })
}

/// The machine's CPU model and how many cores this process may use.
pub fn cpu() -> String {
    let model = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find_map(|line| line.strip_prefix("model name"))
                .map(|rest| rest.trim_start_matches([' ', '\t', ':']).to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".to_owned());
    let cores = std::thread::available_parallelism().map_or(0, usize::from);
    format!("{model}, {cores} cores")
}
