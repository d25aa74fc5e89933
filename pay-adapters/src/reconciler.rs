//! [`Reconciler`]: re-checks unfinished payments on a schedule, so a resident who closes the
//! tab after paying still gets what they paid for, and a create whose answer was lost is
//! recovered.

use std::time::Duration;

use time::OffsetDateTime;

use crate::checkout::Checkout;
use crate::error::PaymentError;
use crate::sandbox::EXPIRY;

/// What one reconciliation pass did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReconcileReport {
    /// Unfinished records looked at.
    pub checked: usize,
    /// Records whose lost create was recovered.
    pub recovered: usize,
    /// Records that finished (paid, failed, cancelled, abandoned).
    pub finished: usize,
    /// Records that could not be checked this time (tried again next pass).
    pub errors: usize,
}

/// Brings unfinished payment records up to date with the provider.
#[derive(Debug, Clone)]
pub struct Reconciler {
    checkout: Checkout,
}

impl Reconciler {
    /// A reconciler for the records and provider of `checkout`.
    pub fn new(checkout: Checkout) -> Reconciler {
        Reconciler { checkout }
    }

    /// One pass over every unfinished record.
    pub async fn run_once(&self) -> Result<ReconcileReport, PaymentError> {
        let mut report = ReconcileReport::default();
        let now = OffsetDateTime::now_utc().unix_timestamp();
        for record in self.checkout.records().unfinished().await? {
            report.checked += 1;
            let outcome = if record.payment_id.is_some() {
                self.checkout.refresh(record).await
            } else if now - record.created_unix >= EXPIRY.whole_seconds() {
                // Any payment the lost create made has expired by now: give up on it.
                let mut record = record;
                record.abandoned = true;
                self.checkout.records().save(&record).await.map(|_| record)
            } else {
                // The create may or may not have reached the provider; resending it with the
                // same idempotency key finds the payment if it did.
                let recovered = self.checkout.create_payment(record).await;
                if recovered.is_ok() {
                    report.recovered += 1;
                }
                recovered
            };
            match outcome {
                Ok(record) if record.is_finished() => report.finished += 1,
                Ok(_) => {}
                Err(error) => {
                    report.errors += 1;
                    tracing::warn!(%error, "could not reconcile a payment record");
                }
            }
        }
        Ok(report)
    }

    /// Runs a pass every `period`, for ever; spawn it as a task.
    pub async fn run_every(self, period: Duration) {
        let mut interval = tokio::time::interval(period);
        interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            interval.tick().await;
            match self.run_once().await {
                Ok(report) => tracing::info!(?report, "payment reconciliation pass"),
                Err(error) => tracing::warn!(%error, "payment reconciliation pass failed"),
            }
        }
    }
}
