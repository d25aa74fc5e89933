//! The durable outbox: every message is written to the database before any send is tried,
//! then workers claim, send and record, retrying temporary failures with backoff.
//!
//! SQLite serves one instance; PostgreSQL serves several, whose workers claim with
//! `FOR UPDATE SKIP LOCKED` so no message is claimed twice. A claim is a lease: if a worker
//! dies mid-send, the lease lapses and another worker sends the message again, with the same
//! idempotency key, so a receiver that checks it can drop the duplicate: at most one duplicate
//! per crash, or as many as the worker sends at once ([`Outbox::with_concurrency`]).
//!
//! # Durability
//!
//! Two kinds of write, kept to two standards:
//!
//! - **Accepting a message** ([`Outbox::enqueue`], [`Outbox::enqueue_many`],
//!   [`Outbox::enqueue_on`]) waits until the message is on disk: SQLite in WAL mode with
//!   `synchronous=FULL` (PostgreSQL's default `synchronous_commit=on`). A message the outbox
//!   has accepted survives a crash of the process, of the machine and a power cut.
//!   `enqueue_many` writes many in one transaction, so one wait on the disk covers them all.
//! - **The worker's bookkeeping** (claims and results) goes through a connection of its own
//!   with `synchronous=NORMAL` on SQLite (`synchronous_commit=off` on PostgreSQL): each write
//!   is handed to the operating system, which keeps it if the worker process dies (the
//!   SIGKILL fault test), but is not waited onto the disk. A power cut or an operating system
//!   crash (on PostgreSQL, a crash of the database server) can lose the last of these writes;
//!   the database stays consistent, and the messages they covered are queued or claimed
//!   again and sent a second time with the same idempotency key. Nothing accepted is lost
//!   that way; some messages may be repeated.
//!
//! Why: waiting on the disk costs a millisecond or more per commit on a busy shared disk, and
//! one wait per message held the outbox to 90–270 messages a second, a tenth of what the SMTP
//! relay takes. Accepting stays fully durable because losing a message is the one thing the
//! outbox must never do; a repeat after a power cut is a price a receiver can often refuse
//! (it sees the same `Message-ID` or Notify `reference`).

use std::time::Duration;

use std::sync::Arc;

use futures_util::StreamExt;
use sqlx::any::{AnyArguments, AnyConnectOptions, AnyPoolOptions, AnyQueryResult, AnyRow};
use sqlx::{Any, AnyConnection, AnyPool, Connection, Row};

use crate::transport::{Outgoing, SendError, Transport};

/// Why the outbox could not do what was asked.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum OutboxError {
    /// The database refused or could not be reached.
    #[error("outbox database: {0}")]
    Database(#[from] sqlx::Error),
    /// The outbox table could not be created or updated.
    #[error("outbox migration: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    /// A stored message could not be read back.
    #[error("outbox message {id}: {reason}")]
    Corrupt {
        /// The row.
        id: i64,
        /// What was wrong.
        reason: String,
    },
}

impl OutboxError {
    /// Whether trying again may help (the database was busy or unreachable).
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            OutboxError::Database(sqlx::Error::PoolTimedOut | sqlx::Error::Io(_))
        )
    }
}

/// How failed sends are retried: exponential backoff with jitter, up to a number of attempts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct RetryPolicy {
    /// Attempts before a message is marked failed.
    pub max_attempts: u32,
    /// The wait after the first failure; it doubles each time.
    pub base_delay: Duration,
    /// The longest wait between attempts.
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> RetryPolicy {
        RetryPolicy {
            max_attempts: 10,
            base_delay: Duration::from_secs(5),
            max_delay: Duration::from_secs(60 * 60),
        }
    }
}

impl RetryPolicy {
    /// A policy with these limits.
    pub fn new(max_attempts: u32, base_delay: Duration, max_delay: Duration) -> RetryPolicy {
        RetryPolicy {
            max_attempts,
            base_delay,
            max_delay,
        }
    }

    /// The wait before attempt `attempts + 1`: `base × 2^(attempts-1)`, capped, then scaled
    /// by a random factor between 0.5 and 1.5 so that workers do not retry in step.
    pub fn delay(&self, attempts: u32) -> Duration {
        let doublings = attempts.saturating_sub(1).min(30);
        let delay = self
            .base_delay
            .saturating_mul(1_u32 << doublings)
            .min(self.max_delay);
        delay.mul_f64(rand::random_range(0.5..1.5))
    }
}

/// Where a message is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Status {
    /// Waiting to be sent (first time or after a temporary failure).
    Queued,
    /// Claimed by a worker.
    Sending,
    /// Delivered to the transport.
    Sent,
    /// Given up on: a permanent failure, or too many temporary ones.
    Failed,
}

impl Status {
    fn from_db(text: &str) -> Status {
        match text {
            "sent" => Status::Sent,
            "failed" => Status::Failed,
            "sending" => Status::Sending,
            _ => Status::Queued,
        }
    }
}

/// A message's record in the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// Where it is.
    pub status: Status,
    /// Send attempts so far.
    pub attempts: u32,
    /// Why the last attempt failed.
    pub last_error: Option<String>,
    /// The transport's reference once sent.
    pub provider_reference: Option<String>,
}

/// What one pass of a worker did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DrainReport {
    /// Messages claimed.
    pub claimed: usize,
    /// Sent.
    pub sent: usize,
    /// Failed temporarily, to be retried.
    pub retrying: usize,
    /// Failed for good.
    pub failed: usize,
}

/// The outbox on SQLite or PostgreSQL.
#[derive(Debug)]
pub struct Outbox {
    pool: AnyPool,
    postgres: bool,
    lease: Duration,
    concurrency: usize,
    /// The worker's bookkeeping connection (see the module's "Durability"), opened on first
    /// use and dropped after an error so the next write opens a fresh one. Writes take turns
    /// on it, which on SQLite also spares them the busy wait (a connection that finds the one
    /// writer busy sleeps at least a millisecond before trying again).
    bookkeeping: Arc<tokio::sync::Mutex<Option<AnyConnection>>>,
    /// What time workers take it to be when they pick the messages due ([`Outbox::with_clock`]).
    clock: Clock,
    /// Messages sent through the [`Transport`] impl, accepted in shared transactions (see
    /// [`Accepting`]); every copy shares it.
    accepting: Arc<std::sync::OnceLock<tokio::sync::mpsc::Sender<Accept>>>,
}

/// A copy shares the pool. On SQLite it shares the bookkeeping connection too (SQLite has one
/// writer, so separate connections would only wait on each other); on PostgreSQL each copy,
/// typically one worker each, gets its own, so workers claim side by side.
impl Clone for Outbox {
    fn clone(&self) -> Outbox {
        Outbox {
            pool: self.pool.clone(),
            postgres: self.postgres,
            lease: self.lease,
            concurrency: self.concurrency,
            bookkeeping: if self.postgres {
                Arc::default()
            } else {
                Arc::clone(&self.bookkeeping)
            },
            clock: self.clock.clone(),
            accepting: Arc::clone(&self.accepting),
        }
    }
}

/// Where a worker's time comes from: the system clock, or a test's.
#[derive(Clone)]
struct Clock(Arc<dyn Fn() -> time::OffsetDateTime + Send + Sync>);

impl std::fmt::Debug for Clock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Clock")
    }
}

impl Clock {
    fn millis(&self) -> i64 {
        i64::try_from((self.0)().unix_timestamp_nanos() / 1_000_000).unwrap_or(i64::MAX)
    }
}

/// What became of one claimed message.
enum Delivery {
    Sent,
    Retrying,
    Failed,
}

fn now_millis() -> i64 {
    let now = time::OffsetDateTime::now_utc();
    i64::try_from(now.unix_timestamp_nanos() / 1_000_000).unwrap_or(i64::MAX)
}

fn millis(duration: Duration) -> i64 {
    i64::try_from(duration.as_millis()).unwrap_or(i64::MAX)
}

impl Outbox {
    /// Connects (`sqlite:notify.db?mode=rwc`, `postgres://…`) and creates or updates the
    /// outbox table. SQLite runs in WAL mode with `synchronous=FULL`: each commit is one
    /// fsync of the log, and a message accepted survives a power cut, not only a crash (the
    /// worker's bookkeeping is written less carefully: see the module's "Durability").
    pub async fn connect(url: &str) -> Result<Outbox, OutboxError> {
        sqlx::any::install_default_drivers();
        let options: AnyConnectOptions = url.parse()?;
        let sqlite = url.starts_with("sqlite:");
        let pool = AnyPoolOptions::new()
            .max_connections(8)
            .after_connect(move |connection, _| {
                Box::pin(async move {
                    if sqlite {
                        // busy_timeout: writers from other connections wait instead of failing.
                        sqlx::query("PRAGMA journal_mode = WAL")
                            .execute(&mut *connection)
                            .await?;
                        sqlx::query("PRAGMA synchronous = FULL")
                            .execute(&mut *connection)
                            .await?;
                        sqlx::query("PRAGMA busy_timeout = 5000")
                            .execute(&mut *connection)
                            .await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await?;
        Outbox::with_pool(pool).await
    }

    /// Uses a pool the service already has (so messages can be written in the same
    /// transaction as the service's own records), creating or updating the outbox table.
    pub async fn with_pool(pool: AnyPool) -> Result<Outbox, OutboxError> {
        let postgres = pool
            .connect_options()
            .database_url
            .scheme()
            .starts_with("postgres");
        let mut migrator = if postgres {
            sqlx::migrate!("./migrations/postgres")
        } else {
            sqlx::migrate!("./migrations/sqlite")
        };
        // Other crates keep their own migrations in the same database.
        migrator.set_ignore_missing(true);
        migrator.run(&pool).await?;
        Ok(Outbox {
            pool,
            postgres,
            lease: Duration::from_secs(60),
            concurrency: 1,
            bookkeeping: Arc::default(),
            clock: Clock(Arc::new(time::OffsetDateTime::now_utc)),
            accepting: Arc::default(),
        })
    }

    /// The same outbox with workers that send up to `sends` claimed messages at once (at
    /// least 1, the default), for a transport that can overlap them, as
    /// [`SmtpTransport`](crate::transport::SmtpTransport)'s pooled connections do.
    ///
    /// The cost is in crashes: a worker killed mid-drain may have sent messages it had not yet
    /// recorded as sent, and they are sent again (with the same idempotency key, so a receiver
    /// can drop them). One at a time that is at most one duplicate per crash; with `sends`
    /// at once, at most `sends`.
    pub fn with_concurrency(mut self, sends: usize) -> Outbox {
        self.concurrency = sends.max(1);
        self
    }

    /// The same outbox with claims that last `lease` (longer than any send should take).
    pub fn with_lease(mut self, lease: Duration) -> Outbox {
        self.lease = lease;
        self
    }

    /// Closes the worker's bookkeeping connection and the pool, waiting until both are closed
    /// (SQLite then checkpoints its log into the database file).
    pub async fn close(&self) {
        if let Some(connection) = self.bookkeeping.lock().await.take() {
            let _ = connection.close().await;
        }
        self.pool.close().await;
    }

    /// The same outbox with workers that take the time from `clock` when they pick the
    /// messages due: a service's tests move it on to see a message queued with `send_after`
    /// (a reminder the day before) go out then and not before.
    pub fn with_clock(
        mut self,
        clock: impl Fn() -> time::OffsetDateTime + Send + Sync + 'static,
    ) -> Outbox {
        self.clock = Clock(Arc::new(clock));
        self
    }

    /// The pool, for writing messages in a transaction with the service's own records.
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Writes a message to be sent now, or not before `send_after`. Writing the same
    /// idempotency key twice keeps the first: a retried request does not queue two.
    /// Returns whether a new message was queued.
    pub async fn enqueue(
        &self,
        message: &Outgoing,
        send_after: Option<time::OffsetDateTime>,
    ) -> Result<bool, OutboxError> {
        let mut connection = self.pool.acquire().await?;
        Outbox::enqueue_on(&mut connection, message, send_after).await
    }

    /// Writes several messages in one transaction: one commit (one wait on the disk) for all
    /// of them, for a producer with many to queue at once (a bulk send, say). All are written
    /// or none. Keys already in the outbox are skipped, as [`Outbox::enqueue`] skips them.
    /// Returns how many new messages were queued.
    pub async fn enqueue_many(
        &self,
        messages: &[Outgoing],
        send_after: Option<time::OffsetDateTime>,
    ) -> Result<usize, OutboxError> {
        let mut transaction = self.pool.begin().await?;
        let mut queued = 0;
        for message in messages {
            if Outbox::enqueue_on(&mut transaction, message, send_after).await? {
                queued += 1;
            }
        }
        transaction.commit().await?;
        Ok(queued)
    }

    /// [`Outbox::enqueue`] on a connection or transaction the service holds, so the message
    /// is written (or not) with the service's own records.
    pub async fn enqueue_on(
        connection: &mut sqlx::AnyConnection,
        message: &Outgoing,
        send_after: Option<time::OffsetDateTime>,
    ) -> Result<bool, OutboxError> {
        let payload = serde_json::to_string(message).map_err(|e| OutboxError::Corrupt {
            id: 0,
            reason: e.to_string(),
        })?;
        let now = now_millis();
        let due = send_after
            .map(|at| i64::try_from(at.unix_timestamp_nanos() / 1_000_000).unwrap_or(now))
            .unwrap_or(now);
        let result = sqlx::query(
            "INSERT INTO civic_notify_outbox (idempotency_key, payload, status, send_after, created_at) \
             VALUES ($1, $2, 'queued', $3, $4) ON CONFLICT (idempotency_key) DO NOTHING",
        )
        .bind(message.idempotency_key().to_owned())
        .bind(payload)
        .bind(due)
        .bind(now)
        .execute(&mut *connection)
        .await?;
        Ok(result.rows_affected() == 1)
    }

    /// Claims up to `limit` due messages (and any whose claim has lapsed) for this worker.
    async fn claim(&self, limit: i64) -> Result<Vec<(i64, i64, String)>, OutboxError> {
        let now = self.clock.millis();
        let lock = if self.postgres {
            " FOR UPDATE SKIP LOCKED"
        } else {
            ""
        };
        let sql = format!(
            "UPDATE civic_notify_outbox SET status = 'sending', claimed_until = $1, attempts = attempts + 1 \
             WHERE id IN (SELECT id FROM civic_notify_outbox \
                 WHERE (status = 'queued' AND send_after <= $2) OR (status = 'sending' AND claimed_until < $2) \
                 ORDER BY id LIMIT $3{lock}) \
             RETURNING id, attempts, payload"
        );
        let query = sqlx::query(&sql)
            .bind(now + millis(self.lease))
            .bind(now)
            .bind(limit);
        let rows = self.bookkeeping_fetch(query).await?;
        rows.iter()
            .map(|row| Ok((row.try_get(0)?, row.try_get(1)?, row.try_get(2)?)))
            .collect()
    }

    /// One worker pass: claims up to `batch` due messages, sends each through `transport`
    /// (up to [`Outbox::with_concurrency`] at once) and records each result as soon as it is
    /// known. Temporary failures are retried after `policy`'s backoff; permanent ones, and
    /// temporary ones past the attempt limit, are marked failed.
    pub async fn drain_once(
        &self,
        transport: &dyn Transport,
        policy: &RetryPolicy,
        batch: i64,
    ) -> Result<DrainReport, OutboxError> {
        let claimed = self.claim(batch).await?;
        let mut report = DrainReport {
            claimed: claimed.len(),
            ..DrainReport::default()
        };
        let mut deliveries = futures_util::stream::iter(claimed)
            .map(|(id, attempts, payload)| self.deliver(transport, policy, id, attempts, payload))
            .buffer_unordered(self.concurrency);
        // A database error stops nothing already in flight: those sends finish and are recorded.
        let mut first_error = None;
        while let Some(delivery) = deliveries.next().await {
            match delivery {
                Ok(Delivery::Sent) => report.sent += 1,
                Ok(Delivery::Retrying) => report.retrying += 1,
                Ok(Delivery::Failed) => report.failed += 1,
                Err(error) => {
                    first_error.get_or_insert(error);
                }
            }
        }
        match first_error {
            Some(error) => Err(error),
            None => Ok(report),
        }
    }

    /// Sends one claimed message and records what happened.
    async fn deliver(
        &self,
        transport: &dyn Transport,
        policy: &RetryPolicy,
        id: i64,
        attempts: i64,
        payload: String,
    ) -> Result<Delivery, OutboxError> {
        let message: Outgoing = match serde_json::from_str(&payload) {
            Ok(message) => message,
            Err(e) => {
                let error = SendError::permanent(format!("unreadable: {e}"));
                self.record_failure(id, &error, None).await?;
                return Ok(Delivery::Failed);
            }
        };
        match transport.send(&message).await {
            Ok(receipt) => {
                let query = sqlx::query(
                    "UPDATE civic_notify_outbox SET status = 'sent', finished_at = $1, \
                     provider_reference = $2, claimed_until = NULL WHERE id = $3",
                )
                .bind(now_millis())
                .bind(receipt.reference)
                .bind(id);
                self.bookkeeping_execute(query).await?;
                Ok(Delivery::Sent)
            }
            Err(error) => {
                let attempts = u32::try_from(attempts).unwrap_or(u32::MAX);
                let retry = (error.is_transient() && attempts < policy.max_attempts)
                    .then(|| policy.delay(attempts));
                // The error text says what failed, never who the message was for.
                tracing::warn!(
                    outbox_id = id,
                    attempts,
                    retry_in_ms = retry.map(millis),
                    error = error.message(),
                    "send failed"
                );
                self.record_failure(id, &error, retry).await?;
                Ok(if retry.is_some() {
                    Delivery::Retrying
                } else {
                    Delivery::Failed
                })
            }
        }
    }

    /// Opens the bookkeeping connection: a connection of the pool's own (detached, so it
    /// never goes back to serve an `enqueue`) that does not wait for the disk. On SQLite only
    /// in WAL mode, where `synchronous=NORMAL` cannot corrupt the database on a power cut.
    async fn open_bookkeeping(&self) -> Result<AnyConnection, OutboxError> {
        let mut connection = self.pool.acquire().await?.detach();
        if self.postgres {
            sqlx::query("SET synchronous_commit = off")
                .execute(&mut connection)
                .await?;
        } else {
            let mode: String = sqlx::query("PRAGMA journal_mode")
                .fetch_one(&mut connection)
                .await?
                .try_get(0)?;
            if mode.eq_ignore_ascii_case("wal") {
                sqlx::query("PRAGMA synchronous = NORMAL")
                    .execute(&mut connection)
                    .await?;
            }
        }
        Ok(connection)
    }

    /// Runs one bookkeeping write on the worker's connection (see the module's "Durability").
    async fn bookkeeping_execute<'q>(
        &self,
        query: sqlx::query::Query<'q, Any, AnyArguments<'q>>,
    ) -> Result<AnyQueryResult, OutboxError> {
        let mut slot = self.bookkeeping.lock().await;
        let connection = match slot.take() {
            Some(connection) => connection,
            None => self.open_bookkeeping().await?,
        };
        let connection = slot.insert(connection);
        let result = query.execute(&mut *connection).await;
        // A broken connection is not reused; the next write opens another.
        if result.is_err()
            && let Some(connection) = slot.take()
        {
            let _ = connection.close().await;
        }
        Ok(result?)
    }

    /// [`Outbox::bookkeeping_execute`] for a write that returns rows (a claim).
    async fn bookkeeping_fetch<'q>(
        &self,
        query: sqlx::query::Query<'q, Any, AnyArguments<'q>>,
    ) -> Result<Vec<AnyRow>, OutboxError> {
        let mut slot = self.bookkeeping.lock().await;
        let connection = match slot.take() {
            Some(connection) => connection,
            None => self.open_bookkeeping().await?,
        };
        let connection = slot.insert(connection);
        let result = query.fetch_all(&mut *connection).await;
        if result.is_err()
            && let Some(connection) = slot.take()
        {
            let _ = connection.close().await;
        }
        Ok(result?)
    }

    async fn record_failure(
        &self,
        id: i64,
        error: &SendError,
        retry_in: Option<Duration>,
    ) -> Result<(), OutboxError> {
        let now = now_millis();
        let query = match retry_in {
            Some(delay) => sqlx::query(
                "UPDATE civic_notify_outbox SET status = 'queued', send_after = $1, \
                 last_error = $2, claimed_until = NULL WHERE id = $3",
            )
            .bind(now + millis(delay)),
            None => sqlx::query(
                "UPDATE civic_notify_outbox SET status = 'failed', finished_at = $1, \
                 last_error = $2, claimed_until = NULL WHERE id = $3",
            )
            .bind(now),
        };
        let query = query.bind(error.message().to_owned()).bind(id);
        self.bookkeeping_execute(query).await?;
        Ok(())
    }

    /// The record of the message with this idempotency key.
    pub async fn record(&self, idempotency_key: &str) -> Result<Option<Record>, OutboxError> {
        let row = sqlx::query(
            "SELECT status, attempts, last_error, provider_reference FROM civic_notify_outbox \
             WHERE idempotency_key = $1",
        )
        .bind(idempotency_key.to_owned())
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let status: String = row.try_get(0)?;
        let attempts: i64 = row.try_get(1)?;
        Ok(Some(Record {
            status: Status::from_db(&status),
            attempts: u32::try_from(attempts).unwrap_or(u32::MAX),
            last_error: row.try_get(2)?,
            provider_reference: row.try_get(3)?,
        }))
    }

    /// Empties the stored message (recipient and text) of every message finished more than
    /// `retention` ago; Notify keeps personal data for 7 days. The record of what happened
    /// stays. Returns how many were purged.
    pub async fn purge_personal_data(&self, retention: Duration) -> Result<u64, OutboxError> {
        let cutoff = now_millis() - millis(retention);
        let result = sqlx::query(
            "UPDATE civic_notify_outbox SET payload = '', purged = 1 \
             WHERE purged = 0 AND status IN ('sent', 'failed') AND finished_at < $1",
        )
        .bind(cutoff)
        .execute(&self.pool)
        .await?;
        Ok(result.rows_affected())
    }

    /// Messages waiting (queued or being sent).
    pub async fn pending(&self) -> Result<i64, OutboxError> {
        let row = sqlx::query(
            "SELECT COUNT(*) FROM civic_notify_outbox WHERE status IN ('queued', 'sending')",
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(row.try_get(0)?)
    }

    /// A worker that runs until the task is dropped: drains `batch` messages at a time through
    /// `transport`, and waits `idle` when nothing is due. A database error is logged and
    /// retried after `idle`: the messages stay safe in the outbox meanwhile.
    pub async fn run_worker(
        &self,
        transport: &dyn Transport,
        policy: &RetryPolicy,
        batch: i64,
        idle: Duration,
    ) {
        loop {
            match self.drain_once(transport, policy, batch).await {
                Ok(report) if report.claimed > 0 => continue,
                Ok(_) => {}
                Err(error) => tracing::warn!(%error, "outbox worker could not drain"),
            }
            tokio::time::sleep(idle).await;
        }
    }
}

/// Sending through the outbox queues the message (durably, before anything is sent), so a
/// component that takes any [`Transport`] — a form's deliveries, say — gets the outbox's
/// retries and exactly-once bookkeeping. A worker ([`Outbox::run_worker`]) sends it later.
///
/// Messages sent at the same time from different tasks are accepted in one transaction, one
/// wait on the disk for all of them (group commit, see [`Accepting`]); each `send` returns
/// only once its message is committed, as [`Outbox::enqueue`] does.
#[async_trait::async_trait]
impl Transport for Outbox {
    async fn send(&self, message: &Outgoing) -> Result<crate::transport::Receipt, SendError> {
        self.accept(message).await.map_err(|error| {
            if error.is_transient() {
                SendError::transient(format!("cannot queue the message: {error}"))
            } else {
                SendError::permanent(format!("cannot queue the message: {error}"))
            }
        })?;
        Ok(crate::transport::Receipt {
            reference: format!("queued-{}", message.idempotency_key()),
        })
    }
}

/// One message waiting to be accepted, and who to tell once it is.
struct Accept {
    message: Outgoing,
    done: tokio::sync::oneshot::Sender<Result<(), OutboxError>>,
}

/// Group commit for messages sent through the [`Transport`] impl: a task takes every message
/// waiting (up to [`Accepting::MOST`]) and writes them in one fully durable transaction.
/// Why: on SQLite each durable commit waits on the disk (milliseconds on a shared disk) while
/// holding the one writer, so one commit per message caps everyone at a few hundred a second;
/// grouped, a busy service pays one wait for many messages.
struct Accepting;

impl Accepting {
    /// The most messages in one transaction.
    const MOST: usize = 256;

    async fn run(outbox: Outbox, mut waiting: tokio::sync::mpsc::Receiver<Accept>) {
        let mut group = Vec::with_capacity(Accepting::MOST);
        while waiting.recv_many(&mut group, Accepting::MOST).await > 0 {
            if group.len() > 1 {
                let messages: Vec<Outgoing> = group.iter().map(|a| a.message.clone()).collect();
                if outbox.enqueue_many(&messages, None).await.is_ok() {
                    for accept in group.drain(..) {
                        let _ = accept.done.send(Ok(()));
                    }
                }
            }
            // Alone, or after the group failed: one bad message must not fail the others.
            for accept in group.drain(..) {
                let result = outbox.enqueue(&accept.message, None).await.map(|_| ());
                let _ = accept.done.send(result);
            }
        }
    }
}

impl Outbox {
    /// Queues `message` now with the messages other tasks are sending (see [`Accepting`]).
    async fn accept(&self, message: &Outgoing) -> Result<(), OutboxError> {
        let waiting = self.accepting.get_or_init(|| {
            let (sender, receiver) = tokio::sync::mpsc::channel(4 * Accepting::MOST);
            // The task's copy holds no sender, so it ends once every copy of the outbox is gone.
            let mut outbox = self.clone();
            outbox.accepting = Arc::default();
            tokio::spawn(Accepting::run(outbox, receiver));
            sender
        });
        let (done, answer) = tokio::sync::oneshot::channel();
        let accept = Accept {
            message: message.clone(),
            done,
        };
        if waiting.send(accept).await.is_err() {
            // The task has gone with the runtime that started it: queued alone.
            return self.enqueue(message, None).await.map(|_| ());
        }
        match answer.await {
            Ok(result) => result,
            // The task ended holding the message; queueing it again is harmless (same key).
            Err(_) => self.enqueue(message, None).await.map(|_| ()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_with_jitter_and_is_capped() {
        let policy = RetryPolicy::new(5, Duration::from_secs(2), Duration::from_secs(10));
        for _ in 0..50 {
            let first = policy.delay(1);
            assert!(first >= Duration::from_secs(1) && first <= Duration::from_secs(3));
            let third = policy.delay(3);
            assert!(third >= Duration::from_secs(4) && third <= Duration::from_secs(12));
            assert!(policy.delay(30) <= Duration::from_secs(15));
        }
    }
}
