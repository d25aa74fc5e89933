//! The fan-out: a submission is stored first, then given to each handler; each delivery is
//! recorded as pending, delivered or failed, and retried with backoff by
//! [`Deliveries::retry_due`].

use std::sync::Arc;

use sqlx::{AnyPool, Row};
use time::{Duration, OffsetDateTime};

use civic_notify::EmailAddress;
use civic_notify::transport::Transport;

use super::store::{SubmissionStore, database};
use super::writer::{Write, Writer};
use super::{DeliveryError, EmailHandler, Submission, SubmissionHandler};
use crate::definition::{FormDefinition, Webhook};
use crate::session::SqlFileStore;

#[cfg(feature = "webhook")]
fn webhook_handler(webhook: &Webhook) -> Result<Arc<dyn SubmissionHandler>, DeliveryError> {
    let secret = std::env::var(&webhook.secret_env).map_err(|_| {
        DeliveryError::permanent(format!(
            "delivery.webhook.secret_env: the environment variable {} is not set",
            webhook.secret_env
        ))
    })?;
    Ok(Arc::new(super::WebhookHandler::new(
        webhook.url.clone(),
        secret.into_bytes(),
    )?))
}

#[cfg(not(feature = "webhook"))]
fn webhook_handler(_: &Webhook) -> Result<Arc<dyn SubmissionHandler>, DeliveryError> {
    Err(DeliveryError::permanent(
        "delivery.webhook: this build of civic-forms has no webhook support (feature `webhook`)",
    ))
}

/// Where one handler's delivery of one submission stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DeliveryStatus {
    /// Not tried yet (stored, its first attempt still to come).
    Pending {
        /// When the attempt is due.
        next_attempt_at: OffsetDateTime,
    },
    /// Tried and failed for a reason that may pass (the receiver was down); tried again at
    /// the time given, waiting longer after each failure.
    Retrying {
        /// When the next attempt is due.
        next_attempt_at: OffsetDateTime,
    },
    /// Delivered.
    Delivered,
    /// Given up: a permanent failure, or too many attempts.
    Failed,
}

/// A submission's fan-out to its handlers, tracked in the `civic_forms_deliveries` table.
#[derive(Clone)]
pub struct Deliveries {
    pool: AnyPool,
    store: SubmissionStore,
    handlers: Vec<Arc<dyn SubmissionHandler>>,
    max_attempts: u32,
    /// Commits [`Deliveries::submit`]'s writes together with those of other submissions.
    writer: Writer,
}

impl std::fmt::Debug for Deliveries {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<_> = self.handlers.iter().map(|h| h.name().to_owned()).collect();
        f.debug_struct("Deliveries")
            .field("handlers", &names)
            .field("max_attempts", &self.max_attempts)
            .finish_non_exhaustive()
    }
}

/// How long a claimed retry is left to one instance before another may try it (longer than
/// any handler's own timeout).
const CLAIM: Duration = Duration::minutes(10);

/// The wait before attempt `attempts + 1`: one minute, doubling, at most six hours.
pub fn backoff(attempts: u32) -> Duration {
    let minutes = 1i64 << attempts.saturating_sub(1).min(9);
    Duration::minutes(minutes.min(360))
}

impl Deliveries {
    /// A fan-out storing submissions in `pool` (migrated by
    /// [`crate::session::SqlSessionStore::migrate`]), giving up after 10 attempts.
    pub fn new(pool: AnyPool) -> Self {
        Deliveries {
            store: SubmissionStore::new(pool.clone()),
            pool,
            handlers: Vec::new(),
            max_attempts: 10,
            writer: Writer::default(),
        }
    }

    /// The database submissions are stored in.
    #[cfg(any(feature = "axum", feature = "pay"))]
    pub(crate) fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// The fan-out a form's definition asks for (its `delivery` settings): an email to the
    /// team addresses, a copy to the resident, and the webhook (whose secret is read from the
    /// environment variable the definition names; needs the `webhook` feature). Submissions
    /// are always stored, since retries need them; the retention job deletes them.
    pub fn for_form(
        pool: AnyPool,
        form: Arc<FormDefinition>,
        transport: Arc<dyn Transport>,
        from: &str,
    ) -> Result<Self, DeliveryError> {
        let mut deliveries = Deliveries::new(pool);
        let settings = &form.delivery;
        if !settings.team_emails.is_empty() {
            let team = settings
                .team_emails
                .iter()
                .map(|address| {
                    EmailAddress::parse(address).map_err(|_| {
                        DeliveryError::permanent(format!(
                            "delivery.team_emails: {address} is not a valid email address"
                        ))
                    })
                })
                .collect::<Result<Vec<_>, _>>()?;
            // The team gets the uploaded files as attachments (kept beside the submissions).
            let files = Arc::new(SqlFileStore::new(deliveries.pool.clone()));
            deliveries = deliveries.handler(Arc::new(
                EmailHandler::team(form.clone(), transport.clone(), from, team).attach_files(files),
            ));
        }
        if let Some(resident) = &settings.resident_email {
            deliveries = deliveries.handler(Arc::new(EmailHandler::resident(
                form.clone(),
                transport.clone(),
                from,
                resident.question.clone(),
            )));
        }
        if let Some(webhook) = &settings.webhook {
            deliveries = deliveries.handler(webhook_handler(webhook)?);
        }
        Ok(deliveries)
    }

    /// Adds a handler; names must be unique.
    pub fn handler(mut self, handler: Arc<dyn SubmissionHandler>) -> Self {
        self.handlers.push(handler);
        self
    }

    /// How many attempts before a retryable failure is given up.
    pub fn max_attempts(mut self, max_attempts: u32) -> Self {
        self.max_attempts = max_attempts.max(1);
        self
    }

    /// The store submissions are kept in.
    pub fn store(&self) -> &SubmissionStore {
        &self.store
    }

    /// Stores the submission, then tries each handler once. An error means the submission
    /// could not be stored (the resident should be told to try again); a handler's failure
    /// is recorded and retried, not returned.
    ///
    /// Two commits whatever the number of handlers, each shared with the submissions made at
    /// the same time (group commit: one wait on the disk for all of them): the submission with
    /// its pending deliveries (so a stored submission is always delivered, even after a
    /// crash), then every handler's outcome.
    pub async fn submit(
        &self,
        submission: &Submission,
        now: OffsetDateTime,
    ) -> Result<Vec<(String, DeliveryStatus)>, DeliveryError> {
        let stored = Stored {
            submission: submission.clone(),
            handlers: self.handlers.iter().map(|h| h.name().to_owned()).collect(),
            now: now.unix_timestamp(),
        };
        self.writer.commit(&self.pool, Box::new(stored)).await?;
        let mut outcomes = Vec::new();
        for handler in &self.handlers {
            outcomes.push(self.try_once(handler.as_ref(), submission, now).await?);
        }
        let statuses = outcomes
            .iter()
            .map(|outcome| (outcome.handler.clone(), outcome.status))
            .collect();
        if !outcomes.is_empty() {
            self.writer
                .commit(&self.pool, Box::new(Outcomes(outcomes)))
                .await?;
        }
        Ok(statuses)
    }

    /// Tries again every pending delivery due at `now` (run from a scheduled job); returns
    /// how many were attempted.
    pub async fn retry_due(&self, now: OffsetDateTime) -> Result<usize, DeliveryError> {
        let rows = sqlx::query(
            "SELECT reference, handler FROM civic_forms_deliveries \
             WHERE status = 'pending' AND next_attempt_at <= $1 ORDER BY next_attempt_at",
        )
        .bind(now.unix_timestamp())
        .fetch_all(&self.pool)
        .await
        .map_err(database)?;
        let mut attempted = 0;
        for row in rows {
            let reference: String = row.try_get("reference").map_err(database)?;
            let name: String = row.try_get("handler").map_err(database)?;
            let Some(handler) = self.handlers.iter().find(|h| h.name() == name) else {
                continue;
            };
            // Several instances may run this job at once: each delivery is claimed (its next
            // attempt pushed past the time a delivery can take) so only one instance tries it.
            let claimed = sqlx::query(
                "UPDATE civic_forms_deliveries SET next_attempt_at = $1 \
                 WHERE reference = $2 AND handler = $3 AND status = 'pending' \
                 AND next_attempt_at <= $4",
            )
            .bind((now + CLAIM).unix_timestamp())
            .bind(&reference)
            .bind(&name)
            .bind(now.unix_timestamp())
            .execute(&self.pool)
            .await
            .map_err(database)?;
            if claimed.rows_affected() != 1 {
                continue;
            }
            let Some(submission) = self.store.load(&reference).await? else {
                continue;
            };
            self.attempt(handler.as_ref(), &submission, now).await?;
            attempted += 1;
        }
        Ok(attempted)
    }

    /// A new reference (after `prefix`, see [`crate::reference::generate`]) that no stored
    /// submission has. Storing a submission under a reference already taken changes nothing
    /// (so that storing one twice is harmless), which would lose the new one: with 32^8
    /// references a council's hundred thousand submissions would share one about once in
    /// two hundred forms.
    pub async fn new_reference(&self, prefix: Option<&str>) -> Result<String, DeliveryError> {
        self.first_free(std::iter::repeat_with(|| crate::reference::generate(prefix)).take(8))
            .await
    }

    /// The first of `candidates` that no stored submission has.
    async fn first_free(
        &self,
        candidates: impl Iterator<Item = String>,
    ) -> Result<String, DeliveryError> {
        for reference in candidates {
            if !self.store.contains(&reference).await? {
                return Ok(reference);
            }
        }
        Err(DeliveryError::retryable(
            "no free reference was found; try again",
        ))
    }

    /// Where each handler's delivery of a submission stands.
    pub async fn status(
        &self,
        reference: &str,
    ) -> Result<Vec<(String, DeliveryStatus, u32)>, DeliveryError> {
        let rows = sqlx::query(
            "SELECT handler, status, attempts, next_attempt_at FROM civic_forms_deliveries \
             WHERE reference = $1 ORDER BY handler",
        )
        .bind(reference)
        .fetch_all(&self.pool)
        .await
        .map_err(database)?;
        rows.iter()
            .map(|row| {
                let handler: String = row.try_get("handler").map_err(database)?;
                let status: String = row.try_get("status").map_err(database)?;
                let attempts: i64 = row.try_get("attempts").map_err(database)?;
                let next: Option<i64> = row.try_get("next_attempt_at").map_err(database)?;
                let status = match (status.as_str(), next) {
                    ("delivered", _) => DeliveryStatus::Delivered,
                    // Both are stored as pending: what tells them apart is whether it was tried.
                    ("pending", Some(next)) => {
                        let next_attempt_at = OffsetDateTime::from_unix_timestamp(next)
                            .unwrap_or(OffsetDateTime::UNIX_EPOCH);
                        if attempts > 0 {
                            DeliveryStatus::Retrying { next_attempt_at }
                        } else {
                            DeliveryStatus::Pending { next_attempt_at }
                        }
                    }
                    _ => DeliveryStatus::Failed,
                };
                Ok((handler, status, u32::try_from(attempts).unwrap_or(u32::MAX)))
            })
            .collect()
    }

    async fn attempt(
        &self,
        handler: &dyn SubmissionHandler,
        submission: &Submission,
        now: OffsetDateTime,
    ) -> Result<DeliveryStatus, DeliveryError> {
        let outcome = self.try_once(handler, submission, now).await?;
        let mut connection = self.pool.acquire().await.map_err(database)?;
        outcome.record(&mut connection).await?;
        Ok(outcome.status)
    }

    /// Gives the submission to `handler` once; the outcome is still to be recorded.
    async fn try_once(
        &self,
        handler: &dyn SubmissionHandler,
        submission: &Submission,
        now: OffsetDateTime,
    ) -> Result<Outcome, DeliveryError> {
        let row = sqlx::query(
            "SELECT attempts FROM civic_forms_deliveries WHERE reference = $1 AND handler = $2",
        )
        .bind(&submission.reference)
        .bind(handler.name())
        .fetch_one(&self.pool)
        .await
        .map_err(database)?;
        let attempts: i64 = row.try_get("attempts").map_err(database)?;
        let attempts = u32::try_from(attempts)
            .unwrap_or(u32::MAX)
            .saturating_add(1);
        let (status, error) = match handler.deliver(submission).await {
            Ok(()) => (DeliveryStatus::Delivered, None),
            Err(e) if e.is_retryable() && attempts < self.max_attempts => (
                DeliveryStatus::Retrying {
                    next_attempt_at: now + backoff(attempts),
                },
                Some(e.to_string()),
            ),
            Err(e) => (DeliveryStatus::Failed, Some(e.to_string())),
        };
        Ok(Outcome {
            reference: submission.reference.clone(),
            handler: handler.name().to_owned(),
            attempts,
            status,
            error,
        })
    }
}

/// A submission and its pending deliveries, written together.
struct Stored {
    submission: Submission,
    handlers: Vec<String>,
    now: i64,
}

#[async_trait::async_trait]
impl Write for Stored {
    async fn apply(&self, connection: &mut sqlx::AnyConnection) -> Result<(), DeliveryError> {
        SubmissionStore::save_on(connection, &self.submission).await?;
        for handler in &self.handlers {
            sqlx::query(
                "INSERT INTO civic_forms_deliveries (reference, handler, status, attempts, \
                 next_attempt_at) VALUES ($1, $2, 'pending', 0, $3) \
                 ON CONFLICT (reference, handler) DO NOTHING",
            )
            .bind(&self.submission.reference)
            .bind(handler)
            .bind(self.now)
            .execute(&mut *connection)
            .await
            .map_err(database)?;
        }
        Ok(())
    }
}

/// The outcomes of one submission's first attempts, recorded together.
struct Outcomes(Vec<Outcome>);

#[async_trait::async_trait]
impl Write for Outcomes {
    async fn apply(&self, connection: &mut sqlx::AnyConnection) -> Result<(), DeliveryError> {
        for outcome in &self.0 {
            outcome.record(connection).await?;
        }
        Ok(())
    }
}

/// One attempt at one delivery, to be recorded.
struct Outcome {
    reference: String,
    handler: String,
    attempts: u32,
    status: DeliveryStatus,
    /// The error's own words, never the submission's, so no personal data is recorded.
    error: Option<String>,
}

impl Outcome {
    async fn record(&self, connection: &mut sqlx::AnyConnection) -> Result<(), DeliveryError> {
        let (name, next) = match self.status {
            DeliveryStatus::Pending { next_attempt_at }
            | DeliveryStatus::Retrying { next_attempt_at } => {
                ("pending", Some(next_attempt_at.unix_timestamp()))
            }
            DeliveryStatus::Delivered => ("delivered", None),
            DeliveryStatus::Failed => ("failed", None),
        };
        sqlx::query(
            "UPDATE civic_forms_deliveries SET status = $1, attempts = $2, next_attempt_at = $3, \
             last_error = $4 WHERE reference = $5 AND handler = $6",
        )
        .bind(name)
        .bind(i64::from(self.attempts))
        .bind(next)
        .bind(self.error.clone())
        .bind(&self.reference)
        .bind(&self.handler)
        .execute(&mut *connection)
        .await
        .map_err(database)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::delivery::copy::tests::submission;
    use crate::session::SqlSessionStore;
    use std::sync::Mutex;
    use time::macros::datetime;

    /// Fails with the queued errors, then succeeds; counts calls.
    struct Flaky {
        name: &'static str,
        failures: Mutex<Vec<DeliveryError>>,
        calls: Mutex<u32>,
    }

    #[async_trait::async_trait]
    impl SubmissionHandler for Flaky {
        fn name(&self) -> &str {
            self.name
        }
        async fn deliver(&self, _: &Submission) -> Result<(), DeliveryError> {
            *self.calls.lock().unwrap() += 1;
            match self.failures.lock().unwrap().pop() {
                Some(e) => Err(e),
                None => Ok(()),
            }
        }
    }

    fn flaky(name: &'static str, failures: Vec<DeliveryError>) -> Arc<Flaky> {
        Arc::new(Flaky {
            name,
            failures: Mutex::new(failures),
            calls: Mutex::new(0),
        })
    }

    #[tokio::test]
    async fn failed_deliveries_are_retried_with_backoff_and_permanent_ones_given_up() {
        for store in crate::delivery::test_stores("deliveries_retry").await {
            failed_deliveries_are_retried_with_backoff_and_permanent_ones_given_up_on(store).await;
        }
    }

    async fn failed_deliveries_are_retried_with_backoff_and_permanent_ones_given_up_on(
        store: SqlSessionStore,
    ) {
        let now = datetime!(2025-06-15 12:00 UTC);
        let fine = flaky("fine", vec![]);
        let twice = flaky(
            "twice",
            vec![
                DeliveryError::retryable("busy"),
                DeliveryError::retryable("timeout"),
            ],
        );
        let refused = flaky("refused", vec![DeliveryError::permanent("400")]);
        let deliveries = Deliveries::new(store.pool().clone())
            .handler(fine.clone())
            .handler(twice.clone())
            .handler(refused.clone());
        let submission = submission("Pothole");
        let statuses = deliveries.submit(&submission, now).await.unwrap();
        assert_eq!(
            statuses,
            vec![
                ("fine".to_owned(), DeliveryStatus::Delivered),
                (
                    "twice".to_owned(),
                    DeliveryStatus::Retrying {
                        next_attempt_at: now + Duration::minutes(1)
                    }
                ),
                ("refused".to_owned(), DeliveryStatus::Failed),
            ]
        );
        assert_eq!(
            deliveries.status("ABC-DEF-234").await.unwrap()[2],
            (
                "twice".to_owned(),
                DeliveryStatus::Retrying {
                    next_attempt_at: now + Duration::minutes(1)
                },
                1
            )
        );
        // Stored before any handler ran.
        assert_eq!(
            deliveries.store().load("ABC-DEF-234").await.unwrap(),
            Some(submission.clone())
        );
        // Not due yet: nothing happens.
        assert_eq!(deliveries.retry_due(now).await.unwrap(), 0);
        assert_eq!(
            deliveries
                .retry_due(now + Duration::minutes(1))
                .await
                .unwrap(),
            1
        );
        // The second failure waits twice as long.
        assert_eq!(
            deliveries
                .retry_due(now + Duration::minutes(2))
                .await
                .unwrap(),
            0
        );
        assert_eq!(
            deliveries
                .retry_due(now + Duration::minutes(3))
                .await
                .unwrap(),
            1
        );
        let status = deliveries.status("ABC-DEF-234").await.unwrap();
        assert_eq!(
            status,
            vec![
                ("fine".to_owned(), DeliveryStatus::Delivered, 1),
                ("refused".to_owned(), DeliveryStatus::Failed, 1),
                ("twice".to_owned(), DeliveryStatus::Delivered, 3),
            ]
        );
        assert_eq!(*twice.calls.lock().unwrap(), 3);
        assert_eq!(*refused.calls.lock().unwrap(), 1);
        assert_eq!(
            deliveries.retry_due(now + Duration::days(1)).await.unwrap(),
            0
        );
    }

    #[tokio::test]
    async fn a_new_reference_is_never_one_already_stored() {
        for store in crate::delivery::test_stores("deliveries_reference").await {
            let deliveries = Deliveries::new(store.pool().clone());
            let taken = submission("x");
            deliveries
                .submit(&taken, datetime!(2025-06-15 12:00 UTC))
                .await
                .unwrap();
            let candidates = [taken.reference.clone(), "PH-2345-6789".to_owned()];
            assert_eq!(
                deliveries.first_free(candidates.into_iter()).await.unwrap(),
                "PH-2345-6789"
            );
            let refused = deliveries
                .first_free(std::iter::once(taken.reference.clone()))
                .await
                .unwrap_err();
            assert!(refused.is_retryable());
            let fresh = deliveries.new_reference(Some("PH")).await.unwrap();
            assert!(fresh.starts_with("PH-"), "{fresh}");
            assert_ne!(fresh, taken.reference);
        }
    }

    #[tokio::test]
    async fn retryable_failures_are_given_up_after_the_last_attempt() {
        for store in crate::delivery::test_stores("deliveries_give_up").await {
            retryable_failures_are_given_up_after_the_last_attempt_on(store).await;
        }
    }

    async fn retryable_failures_are_given_up_after_the_last_attempt_on(store: SqlSessionStore) {
        let now = datetime!(2025-06-15 12:00 UTC);
        let down = flaky(
            "down",
            (0..5).map(|_| DeliveryError::retryable("503")).collect(),
        );
        let deliveries = Deliveries::new(store.pool().clone())
            .handler(down.clone())
            .max_attempts(2);
        deliveries.submit(&submission("x"), now).await.unwrap();
        deliveries
            .retry_due(now + Duration::hours(1))
            .await
            .unwrap();
        let status = deliveries.status("ABC-DEF-234").await.unwrap();
        assert_eq!(status, vec![("down".to_owned(), DeliveryStatus::Failed, 2)]);
    }

    #[tokio::test]
    async fn instances_running_the_retry_job_together_deliver_once() {
        for store in crate::delivery::test_stores("deliveries_claim").await {
            let now = datetime!(2025-06-15 12:00 UTC);
            let handler = flaky("hook", vec![DeliveryError::retryable("busy")]);
            let one = Deliveries::new(store.pool().clone()).handler(handler.clone());
            let two = Deliveries::new(store.pool().clone()).handler(handler.clone());
            one.submit(&submission("x"), now).await.unwrap();
            let later = now + Duration::minutes(5);
            let (a, b) = tokio::join!(one.retry_due(later), two.retry_due(later));
            assert_eq!(a.unwrap() + b.unwrap(), 1);
            assert_eq!(*handler.calls.lock().unwrap(), 2);
        }
    }

    #[tokio::test]
    async fn a_definition_sets_up_its_emails() {
        use crate::definition::Delivery;
        use civic_notify::transport::StubTransport;
        let store = SqlSessionStore::connect("sqlite::memory:").await.unwrap();
        let mut form = crate::delivery::copy::tests::form();
        form.delivery = Delivery::default()
            .team_email("team@council.example")
            .resident_email("email");
        let transport = Arc::new(StubTransport::new());
        let deliveries = Deliveries::for_form(
            store.pool().clone(),
            Arc::new(form.clone()),
            transport.clone(),
            "forms@council.example",
        )
        .unwrap();
        let now = datetime!(2025-06-15 12:00 UTC);
        let statuses = deliveries
            .submit(&submission("Pothole"), now)
            .await
            .unwrap();
        assert_eq!(
            statuses,
            vec![
                ("team-email".to_owned(), DeliveryStatus::Delivered),
                ("resident-email".to_owned(), DeliveryStatus::Delivered),
            ]
        );
        let recipients: Vec<_> = transport
            .sent()
            .iter()
            .map(|m| m.recipient().to_owned())
            .collect();
        assert_eq!(recipients, ["team@council.example", "resident@example.com"]);

        form.delivery = Delivery::default().team_email("not an address");
        let error = Deliveries::for_form(
            store.pool().clone(),
            Arc::new(form),
            transport,
            "forms@council.example",
        )
        .unwrap_err();
        assert_eq!(
            error.to_string(),
            "delivery.team_emails: not an address is not a valid email address"
        );
    }

    #[test]
    fn backoff_doubles_up_to_six_hours() {
        assert_eq!(backoff(1), Duration::minutes(1));
        assert_eq!(backoff(2), Duration::minutes(2));
        assert_eq!(backoff(4), Duration::minutes(8));
        assert_eq!(backoff(30), Duration::hours(6));
    }
}
