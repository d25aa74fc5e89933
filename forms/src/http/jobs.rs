//! The work a served form does on a timer, beside its pages: delivering again what failed
//! (a webhook that was down), finishing the applications of residents who paid and never came
//! back from the payment page, and deleting what the form's retention period says to.
//!
//! Every instance of a service may run them: each retry is claimed by one instance, a
//! payment's status and a release are read from the database, and deleting twice deletes
//! nothing more.

use std::sync::Arc;
use std::time::Duration;

use super::service::{FormService, Inner};
use crate::retention::{Purged, RetentionJob};

/// What one pass of [`FormService::run_jobs_once`] did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct JobsReport {
    /// Deliveries tried again (each may have succeeded or be due again later).
    pub retried: usize,
    /// Paid applications released for delivery after the resident never came back.
    pub released: usize,
    /// What the retention period deleted.
    pub purged: Purged,
    /// Jobs that failed this pass (logged, without personal data; tried again next pass).
    pub failed: usize,
}

impl FormService {
    /// One pass of every job, at the service's clock's now. A job that fails is logged and
    /// counted in [`JobsReport::failed`]; the others still run.
    pub async fn run_jobs_once(&self) -> JobsReport {
        run_once(&self.inner).await
    }

    /// Runs [`run_jobs_once`](Self::run_jobs_once) now and then `every` on the current tokio
    /// runtime, until the runtime ends or the handle is aborted. A service calls it once per
    /// form at start-up; `civic forms serve` and the demo council run it every minute.
    pub fn spawn_jobs(&self, every: Duration) -> tokio::task::JoinHandle<()> {
        let inner = Arc::clone(&self.inner);
        tokio::spawn(async move {
            let mut ticks = tokio::time::interval(every);
            // A pass that overran is not made up with a burst of passes.
            ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                ticks.tick().await;
                run_once(&inner).await;
            }
        })
    }
}

async fn run_once(inner: &Inner) -> JobsReport {
    let mut report = JobsReport::default();
    match inner.deliveries.retry_due(inner.now()).await {
        Ok(retried) => report.retried = retried,
        Err(error) => {
            tracing::warn!(%error, form = %inner.form.id, "deliveries could not be tried again");
            report.failed += 1;
        }
    }
    #[cfg(feature = "pay")]
    if let Some(checkout) = &inner.payments {
        // Brought up to date with the provider first, so that what is released is paid.
        let reconciler = civic_pay_adapters::Reconciler::new(checkout.clone());
        if let Err(error) = reconciler.run_once().await {
            tracing::warn!(%error, form = %inner.form.id, "payments could not be reconciled");
            report.failed += 1;
        }
        match inner
            .deliveries
            .release_paid(checkout.records().as_ref(), inner.now())
            .await
        {
            Ok(released) => report.released = released,
            Err(error) => {
                tracing::warn!(%error, form = %inner.form.id, "paid applications could not be released");
                report.failed += 1;
            }
        }
    }
    let retention = RetentionJob::new(inner.deliveries.pool().clone(), Arc::clone(&inner.store))
        .form(&inner.form);
    match retention.purge_expired(inner.now()).await {
        Ok(purged) => report.purged = purged,
        Err(error) => {
            tracing::warn!(%error, form = %inner.form.id, "the retention period could not be applied");
            report.failed += 1;
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicI64, Ordering};

    use time::OffsetDateTime;

    use super::*;
    use crate::delivery::copy::tests::{form, submission};
    use crate::delivery::{Deliveries, DeliveryError, Submission, SubmissionHandler};
    use crate::session::{Session, SessionStore, SqlSessionStore};

    /// Fails once with a retryable error, then delivers.
    #[derive(Default)]
    struct DownOnce(Mutex<u32>);

    #[async_trait::async_trait]
    impl SubmissionHandler for DownOnce {
        fn name(&self) -> &str {
            "webhook"
        }
        async fn deliver(&self, _: &Submission) -> Result<(), DeliveryError> {
            let mut calls = self.0.lock().unwrap_or_else(|e| e.into_inner());
            *calls += 1;
            if *calls == 1 {
                Err(DeliveryError::retryable("the receiver was down"))
            } else {
                Ok(())
            }
        }
    }

    #[tokio::test]
    async fn a_pass_retries_what_is_due_and_applies_the_retention_period() {
        let store = SqlSessionStore::connect("sqlite::memory:").await.unwrap();
        let handler = Arc::new(DownOnce::default());
        let deliveries = Deliveries::new(store.pool().clone()).handler(handler.clone());
        let skew = Arc::new(AtomicI64::new(0));
        let clock_skew = Arc::clone(&skew);
        let sessions: Arc<dyn SessionStore> = Arc::new(store);
        let service =
            FormService::builder(form(), Arc::clone(&sessions), deliveries.clone(), &[7; 64])
                .unwrap()
                .clock(move || {
                    OffsetDateTime::now_utc()
                        + time::Duration::seconds(clock_skew.load(Ordering::SeqCst))
                })
                .build()
                .unwrap();
        let now = OffsetDateTime::now_utc();
        // Sent now: the retention period keeps it.
        let mut sent = submission("Pothole");
        sent.submitted_at = now;
        deliveries.submit(&sent, now).await.unwrap();
        let idle = Session::new("pothole", now, time::Duration::minutes(20));
        sessions.save(&idle).await.unwrap();

        // Nothing is due yet: the first retry waits a minute, the session 20.
        let report = service.run_jobs_once().await;
        assert_eq!(
            (report.retried, report.purged.sessions, report.failed),
            (0, 0, 0)
        );
        assert_eq!(*handler.0.lock().unwrap(), 1);

        skew.store(21 * 60, Ordering::SeqCst);
        let report = service.run_jobs_once().await;
        assert_eq!(
            (report.retried, report.purged.sessions, report.failed),
            (1, 1, 0)
        );
        assert_eq!(*handler.0.lock().unwrap(), 2);

        // Delivered now: nothing more to try.
        skew.store(60 * 60, Ordering::SeqCst);
        assert_eq!(service.run_jobs_once().await.retried, 0);
        assert_eq!(*handler.0.lock().unwrap(), 2);
    }
}
