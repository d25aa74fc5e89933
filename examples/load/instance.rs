//! A demo instance in its own process (the `civic-demo` binary, as production runs it), so
//! it can be killed; and a fresh PostgreSQL database per run, so reruns never collide.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Writes the sample gazetteer as an index file in `data_dir`, as `civic address import` would
/// from a council's AddressBase extract, and returns its path for `CIVIC_ADDRESS_INDEX`:
/// production reads its gazetteer from a file, never the built-in sample.
pub fn gazetteer_file(data_dir: &std::path::Path) -> Result<String, String> {
    use civic_address_lookup::{generate, index::AddressIndex};
    std::fs::create_dir_all(data_dir).map_err(|e| format!("{}: {e}", data_dir.display()))?;
    let path = data_dir.join("gazetteer.idx");
    AddressIndex::build(generate::sample_gazetteer(2_000, 1), generate::info())
        .save(&path)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(path.display().to_string())
}

/// A running `civic-demo` process, killed when dropped.
pub struct Instance {
    child: Child,
    /// `http://127.0.0.1:PORT`.
    pub base: String,
}

impl Instance {
    /// Starts `binary` on a free loopback port with `settings` (`CIVIC_*` variables) and
    /// waits until `/healthz` answers.
    pub async fn start(binary: &str, settings: &[(&str, String)]) -> Result<Instance, String> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .map_err(|e| format!("no free port: {e}"))?
            .port();
        let mut command = Command::new(binary);
        command
            .env("CIVIC_ADDR", format!("127.0.0.1:{port}"))
            .env("RUST_LOG", "warn")
            // The demo logs (warnings and errors only) to stdout, which the run's output shows.
            .stdout(Stdio::inherit())
            .stderr(Stdio::inherit());
        for (name, value) in settings {
            command.env(name, value);
        }
        let child = command
            .spawn()
            .map_err(|e| format!("cannot start {binary}: {e}"))?;
        let mut instance = Instance {
            child,
            base: format!("http://127.0.0.1:{port}"),
        };
        let client = reqwest::Client::new();
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(30) {
            if let Ok(Some(status)) = instance.child.try_wait() {
                return Err(format!("{binary} exited at start: {status}"));
            }
            let health = client.get(format!("{}/healthz", instance.base)).send();
            if health.await.is_ok_and(|r| r.status().is_success()) {
                return Ok(instance);
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Err(format!("{binary} did not answer /healthz within 30 s"))
    }

    /// The process id, for `/proc/PID/status`.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Kills the process with SIGKILL: no graceful shutdown, work in flight is cut off.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// The CPU time the process has used so far (user and system), in seconds.
    pub fn cpu_seconds(&self) -> Option<f64> {
        cpu_seconds(&format!("/proc/{}/stat", self.pid()))
    }

    /// The process's peak resident memory so far (`VmHWM`), in KiB.
    pub fn peak_memory_kib(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid())).ok()?;
        status
            .lines()
            .find_map(|line| line.strip_prefix("VmHWM:"))
            .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
    }
}

/// The user and system CPU time in a `/proc/PID/stat` file, in seconds (the kernel counts
/// it in ticks of 1/100 s there, whatever its own clock).
pub fn cpu_seconds(stat: &str) -> Option<f64> {
    let stat = std::fs::read_to_string(stat).ok()?;
    // The command name, in parentheses, may hold spaces: count fields after its end.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks = |index: usize| fields.get(index)?.parse::<u64>().ok();
    Some((ticks(11)? + ticks(12)?) as f64 / 100.0)
}

/// The load average over the last minute (`/proc/loadavg`).
pub fn load_average() -> Option<f64> {
    let text = std::fs::read_to_string("/proc/loadavg").ok()?;
    text.split_whitespace().next()?.parse().ok()
}

impl Drop for Instance {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A database of its own on the PostgreSQL server at `server_url`, dropped with it.
pub struct FreshDatabase {
    server_url: String,
    name: String,
    /// The new database's URL.
    pub url: String,
}

impl FreshDatabase {
    /// Creates `civic_<purpose>_<pid>_<time>` on the server `server_url` points at.
    pub async fn create(server_url: &str, purpose: &str) -> Result<FreshDatabase, String> {
        use sqlx::Connection;
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or_default();
        let name = format!("civic_{purpose}_{}_{nanos}", std::process::id());
        let mut connection = sqlx::PgConnection::connect(server_url)
            .await
            .map_err(|e| format!("cannot connect to CIVIC_TEST_DATABASE_URL: {e}"))?;
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&mut connection)
            .await
            .map_err(|e| format!("cannot create database {name}: {e}"))?;
        let mut url = url::Url::parse(server_url).map_err(|e| e.to_string())?;
        url.set_path(&name);
        Ok(FreshDatabase {
            server_url: server_url.to_owned(),
            name,
            url: url.to_string(),
        })
    }

    /// Drops the database (closing what is still connected to it).
    pub async fn drop_database(self) {
        use sqlx::Connection;
        if let Ok(mut connection) = sqlx::PgConnection::connect(&self.server_url).await {
            let drop = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
            let _ = sqlx::query(&drop).execute(&mut connection).await;
        }
    }
}
