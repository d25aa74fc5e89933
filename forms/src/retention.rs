//! Residents own their data: a scheduled job deletes each form's stored submissions once
//! its retention period (`retention.submission_days`) has passed, with their uploaded files,
//! and expired sessions, the files uploaded in them and never sent, and "save and return"
//! links.

use std::sync::Arc;

use sqlx::AnyPool;
use time::{Duration, OffsetDateTime};

use crate::definition::FormDefinition;
use crate::delivery::{DeliveryError, SubmissionStore};
use crate::session::{SessionStore, SqlFileStore};

/// What one run of [`RetentionJob::purge_expired`] deleted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Purged {
    /// Stored submissions past their form's retention period.
    pub submissions: u64,
    /// Sessions past their inactivity timeout.
    pub sessions: u64,
    /// Expired "save and return" links.
    pub return_links: u64,
    /// Uploaded files: those of the submissions deleted, and those of sessions that ended
    /// without sending them.
    pub files: u64,
}

/// Why the job could not finish; run it again later.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RetentionError {
    /// The submissions could not be deleted.
    #[error(transparent)]
    Submissions(#[from] DeliveryError),
    /// The sessions could not be deleted.
    #[error(transparent)]
    Sessions(#[from] crate::session::StoreError),
    /// The links could not be deleted.
    #[error("expired save and return links could not be deleted")]
    ReturnLinks(#[source] sqlx::Error),
    /// Uploaded files could not be deleted.
    #[error("uploaded files could not be deleted")]
    Files(#[source] crate::session::StoreError),
}

/// The retention job for some forms sharing one database.
#[derive(Clone)]
pub struct RetentionJob {
    pool: AnyPool,
    submissions: SubmissionStore,
    files: SqlFileStore,
    sessions: Arc<dyn SessionStore>,
    periods: Vec<(String, Duration)>,
}

impl std::fmt::Debug for RetentionJob {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RetentionJob")
            .field("periods", &self.periods)
            .finish_non_exhaustive()
    }
}

impl RetentionJob {
    /// A job over the submissions and uploaded files in `pool` and the sessions in
    /// `sessions`. Files uploaded in a session are deleted once their session is no longer in
    /// `pool`'s sessions table, so give it the [`SqlSessionStore`](crate::session::SqlSessionStore)
    /// of the same database.
    pub fn new(pool: AnyPool, sessions: Arc<dyn SessionStore>) -> Self {
        RetentionJob {
            submissions: SubmissionStore::new(pool.clone()),
            files: SqlFileStore::new(pool.clone()),
            pool,
            sessions,
            periods: Vec::new(),
        }
    }

    /// Keeps `form`'s submissions for its `retention.submission_days`.
    pub fn form(mut self, form: &FormDefinition) -> Self {
        let days = i64::from(form.retention.submission_days);
        self.periods.push((form.id.clone(), Duration::days(days)));
        self
    }

    /// Deletes everything past its retention at `now`. Submissions of forms not added with
    /// [`form`](Self::form) are left alone.
    pub async fn purge_expired(&self, now: OffsetDateTime) -> Result<Purged, RetentionError> {
        let mut purged = Purged::default();
        for (form_id, period) in &self.periods {
            // The files first: they are found through the submissions they belong to.
            purged.files += self
                .files
                .delete_sent_before(form_id, now - *period)
                .await
                .map_err(RetentionError::Files)?;
            purged.submissions += self
                .submissions
                .delete_before(form_id, now - *period)
                .await?;
        }
        purged.sessions = self.sessions.delete_expired(now).await?;
        purged.files += self
            .files
            .delete_abandoned()
            .await
            .map_err(RetentionError::Files)?;
        purged.return_links =
            sqlx::query("DELETE FROM civic_forms_return_tokens WHERE expires_at <= $1")
                .bind(now.unix_timestamp())
                .execute(&self.pool)
                .await
                .map_err(RetentionError::ReturnLinks)?
                .rows_affected();
        Ok(purged)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::definition::Retention;
    use crate::delivery::copy::tests::{form, submission};
    use crate::session::{FileStore, Session, SqlSessionStore};
    use time::macros::datetime;

    #[tokio::test]
    async fn submissions_and_sessions_past_retention_are_deleted() {
        for store in crate::delivery::test_stores("retention").await {
            submissions_and_sessions_past_retention_are_deleted_on(store).await;
        }
    }

    async fn submissions_and_sessions_past_retention_are_deleted_on(store: SqlSessionStore) {
        let pool = store.pool().clone();
        let submissions = SubmissionStore::new(pool.clone());
        let day = datetime!(2025-01-01 12:00 UTC);
        let mut old = submission("old");
        old.reference = "OLD".into();
        old.submitted_at = day;
        let mut recent = submission("recent");
        recent.reference = "NEW".into();
        recent.submitted_at = day + Duration::days(20);
        let mut other_form = submission("kept");
        other_form.form_id = "other".into();
        other_form.reference = "OTHER".into();
        other_form.submitted_at = day;
        for s in [&old, &recent, &other_form] {
            submissions.save(s).await.unwrap();
        }
        let session = Session::new("report", day, Duration::minutes(20));
        store.save(&session).await.unwrap();
        // Files: one sent with the old submission, one with the recent one, one uploaded in
        // the session that expires, one in a session still live.
        let files = store.files();
        let sent_old = files.put(&session.id, b"old", day).await.unwrap();
        files
            .submit(std::slice::from_ref(&sent_old), "OLD")
            .await
            .unwrap();
        let sent_new = files.put(&session.id, b"new", day).await.unwrap();
        files
            .submit(std::slice::from_ref(&sent_new), "NEW")
            .await
            .unwrap();
        let unsent = files.put(&session.id, b"unsent", day).await.unwrap();
        let now = day + Duration::days(31);
        let live = Session::new("report", now, Duration::minutes(20));
        store.save(&live).await.unwrap();
        let in_use = files.put(&live.id, b"in use", now).await.unwrap();

        let retention = Retention {
            submission_days: 30,
            ..Retention::default()
        };
        let job =
            RetentionJob::new(pool, Arc::new(store.clone())).form(&form().retention(retention));
        let purged = job.purge_expired(now).await.unwrap();
        assert_eq!(
            (purged.submissions, purged.sessions, purged.files),
            (1, 1, 2)
        );
        assert_eq!(files.get(&sent_old).await.unwrap(), None);
        assert_eq!(files.get(&unsent).await.unwrap(), None);
        assert!(files.get(&sent_new).await.unwrap().is_some());
        assert!(files.get(&in_use).await.unwrap().is_some());
        assert_eq!(submissions.load("OLD").await.unwrap(), None);
        assert!(submissions.load("NEW").await.unwrap().is_some());
        assert!(submissions.load("OTHER").await.unwrap().is_some());
        assert_eq!(store.load(&session.id, day).await.unwrap(), None);
        // A second run finds nothing more.
        assert_eq!(job.purge_expired(now).await.unwrap(), Purged::default());
    }
}
