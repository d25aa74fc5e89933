//! The `store` handler: submissions kept in the `civic_forms_submissions` table (SQLite or
//! PostgreSQL), which [`Deliveries`](super::Deliveries) retries from, `civic forms export`
//! reads and the retention job purges.

use sqlx::{AnyPool, Row};
use time::OffsetDateTime;

use super::{DeliveryError, Submission, SubmissionHandler};

/// Submissions in a SQL database whose schema this crate's migrations made.
#[derive(Debug, Clone)]
pub struct SubmissionStore {
    pool: AnyPool,
}

pub(crate) fn database(error: sqlx::Error) -> DeliveryError {
    let retryable = matches!(
        error,
        sqlx::Error::Io(_) | sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed
    ) || error
        .as_database_error()
        .and_then(|e| e.code())
        .is_some_and(|code| matches!(code.as_ref(), "5" | "6" | "40001" | "40P01"));
    let message = "the submissions database could not be used";
    if retryable {
        DeliveryError::retryable(message).with_source(error)
    } else {
        DeliveryError::permanent(message).with_source(error)
    }
}

fn unreadable(error: serde_json::Error) -> DeliveryError {
    DeliveryError::permanent("a stored submission could not be read").with_source(error)
}

impl SubmissionStore {
    /// Submissions in `pool`.
    pub fn new(pool: AnyPool) -> Self {
        SubmissionStore { pool }
    }

    /// Stores a submission; storing the same reference again changes nothing.
    pub async fn save(&self, submission: &Submission) -> Result<(), DeliveryError> {
        let mut connection = self.pool.acquire().await.map_err(database)?;
        SubmissionStore::save_on(&mut connection, submission).await
    }

    /// [`SubmissionStore::save`] on a connection or transaction the caller holds.
    pub(crate) async fn save_on(
        connection: &mut sqlx::AnyConnection,
        submission: &Submission,
    ) -> Result<(), DeliveryError> {
        let json = serde_json::to_string(submission).map_err(unreadable)?;
        sqlx::query(
            "INSERT INTO civic_forms_submissions (reference, form_id, submission, submitted_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (reference) DO NOTHING",
        )
        .bind(&submission.reference)
        .bind(&submission.form_id)
        .bind(json)
        .bind(submission.submitted_at.unix_timestamp())
        .execute(&mut *connection)
        .await
        .map_err(database)?;
        Ok(())
    }

    /// Whether a submission is stored under `reference`.
    pub async fn contains(&self, reference: &str) -> Result<bool, DeliveryError> {
        let row = sqlx::query("SELECT 1 FROM civic_forms_submissions WHERE reference = $1")
            .bind(reference)
            .fetch_optional(&self.pool)
            .await
            .map_err(database)?;
        Ok(row.is_some())
    }

    /// The submission with this reference.
    pub async fn load(&self, reference: &str) -> Result<Option<Submission>, DeliveryError> {
        let row =
            sqlx::query("SELECT submission FROM civic_forms_submissions WHERE reference = $1")
                .bind(reference)
                .fetch_optional(&self.pool)
                .await
                .map_err(database)?;
        row.map(|row| {
            let json: String = row.try_get("submission").map_err(database)?;
            serde_json::from_str(&json).map_err(unreadable)
        })
        .transpose()
    }

    /// Every stored submission of a form, oldest first.
    pub async fn list(&self, form_id: &str) -> Result<Vec<Submission>, DeliveryError> {
        let rows = sqlx::query(
            "SELECT submission FROM civic_forms_submissions WHERE form_id = $1 \
             ORDER BY submitted_at, reference",
        )
        .bind(form_id)
        .fetch_all(&self.pool)
        .await
        .map_err(database)?;
        rows.iter()
            .map(|row| {
                let json: String = row.try_get("submission").map_err(database)?;
                serde_json::from_str(&json).map_err(unreadable)
            })
            .collect()
    }

    /// Deletes a form's submissions made before `before`, and their delivery records;
    /// returns how many submissions.
    pub async fn delete_before(
        &self,
        form_id: &str,
        before: OffsetDateTime,
    ) -> Result<u64, DeliveryError> {
        sqlx::query(
            "DELETE FROM civic_forms_deliveries WHERE reference IN (SELECT reference FROM \
             civic_forms_submissions WHERE form_id = $1 AND submitted_at < $2)",
        )
        .bind(form_id)
        .bind(before.unix_timestamp())
        .execute(&self.pool)
        .await
        .map_err(database)?;
        let result = sqlx::query(
            "DELETE FROM civic_forms_submissions WHERE form_id = $1 AND submitted_at < $2",
        )
        .bind(form_id)
        .bind(before.unix_timestamp())
        .execute(&self.pool)
        .await
        .map_err(database)?;
        Ok(result.rows_affected())
    }
}

#[async_trait::async_trait]
impl SubmissionHandler for SubmissionStore {
    fn name(&self) -> &str {
        "store"
    }

    async fn deliver(&self, submission: &Submission) -> Result<(), DeliveryError> {
        self.save(submission).await
    }
}
