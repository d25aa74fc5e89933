//! Forms with a fee: the submission is stored and held, and only delivered once its payment
//! succeeds, whether the resident comes back from the payment page ([`Deliveries::paid`]) or
//! never does (the scheduled [`Deliveries::release_paid`] after civic-pay-adapters'
//! `Reconciler` has brought the payment records up to date).
//!
//! The payment's order id is the submission's reference.

use civic_pay_adapters::PaymentRecordStore;
use sqlx::Row;
use time::OffsetDateTime;

use super::store::database;
use super::{Deliveries, DeliveryError, DeliveryStatus, Submission};

impl Deliveries {
    /// Stores a submission that waits for its payment; no handler runs yet.
    pub async fn hold(
        &self,
        submission: &Submission,
        now: OffsetDateTime,
    ) -> Result<(), DeliveryError> {
        self.store().save(submission).await?;
        sqlx::query(
            "INSERT INTO civic_forms_awaiting_payment (reference, held_at) VALUES ($1, $2) \
             ON CONFLICT (reference) DO NOTHING",
        )
        .bind(&submission.reference)
        .bind(now.unix_timestamp())
        .execute(self.pool())
        .await
        .map_err(database)?;
        Ok(())
    }

    /// Whether a submission is still waiting for its payment.
    pub async fn is_held(&self, reference: &str) -> Result<bool, DeliveryError> {
        let row =
            sqlx::query("SELECT reference FROM civic_forms_awaiting_payment WHERE reference = $1")
                .bind(reference)
                .fetch_optional(self.pool())
                .await
                .map_err(database)?;
        Ok(row.is_some())
    }

    /// The held submission `reference` has been paid for: it is released to the handlers
    /// (once, however often this is called). `None` if nothing was held under it.
    pub async fn paid(
        &self,
        reference: &str,
        now: OffsetDateTime,
    ) -> Result<Option<Vec<(String, DeliveryStatus)>>, DeliveryError> {
        // Deleting the hold is the claim: of two callers (the resident's return and the
        // scheduled job) only one releases the submission.
        let released = sqlx::query("DELETE FROM civic_forms_awaiting_payment WHERE reference = $1")
            .bind(reference)
            .execute(self.pool())
            .await
            .map_err(database)?;
        if released.rows_affected() != 1 {
            return Ok(None);
        }
        let Some(submission) = self.store().load(reference).await? else {
            return Ok(None);
        };
        self.submit(&submission, now).await.map(Some)
    }

    /// Releases every held submission whose payment the record store shows as succeeded;
    /// returns how many. Run it after `Reconciler::run_once`, so a resident who paid and
    /// closed the tab still has their form delivered.
    pub async fn release_paid(
        &self,
        records: &dyn PaymentRecordStore,
        now: OffsetDateTime,
    ) -> Result<usize, DeliveryError> {
        let held = sqlx::query("SELECT reference FROM civic_forms_awaiting_payment")
            .fetch_all(self.pool())
            .await
            .map_err(database)?;
        let held: Vec<String> = held
            .iter()
            .map(|row| row.try_get("reference").map_err(database))
            .collect::<Result<_, _>>()?;
        if held.is_empty() {
            return Ok(0);
        }
        let succeeded = records.succeeded().await.map_err(|e| {
            DeliveryError::retryable("the payment records could not be read").with_source(e)
        })?;
        let mut released = 0;
        for reference in held {
            if succeeded
                .iter()
                .any(|r| r.order_id == reference && r.is_success())
                && self.paid(&reference, now).await?.is_some()
            {
                released += 1;
            }
        }
        Ok(released)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::delivery::SubmissionHandler;
    use crate::delivery::copy::tests::submission;
    use civic_pay_adapters::payment::NewPayment;
    use civic_pay_adapters::sandbox::{CardEntry, MemorySandboxStore, SandboxProvider};
    use civic_pay_adapters::{Checkout, MemoryRecordStore, Money, Reconciler, StartOutcome, Url};
    use std::sync::{Arc, Mutex};
    use time::macros::datetime;

    #[derive(Default)]
    struct Recorder(Mutex<Vec<String>>);

    #[async_trait::async_trait]
    impl SubmissionHandler for Recorder {
        fn name(&self) -> &str {
            "recorder"
        }
        async fn deliver(&self, submission: &Submission) -> Result<(), DeliveryError> {
            self.0.lock().unwrap().push(submission.reference.clone());
            Ok(())
        }
    }

    #[tokio::test]
    async fn a_held_submission_is_delivered_once_when_its_payment_succeeds() {
        for store in crate::delivery::test_stores("deliveries_payment").await {
            let now = datetime!(2025-06-15 12:00 UTC);
            let recorder = Arc::new(Recorder::default());
            let deliveries = Deliveries::new(store.pool().clone()).handler(recorder.clone());
            let sandbox = SandboxProvider::new(
                Arc::new(MemorySandboxStore::new()),
                Url::parse("http://127.0.0.1:1/").unwrap(),
            );
            let records = Arc::new(MemoryRecordStore::new());
            let checkout = Checkout::new(
                Arc::new(sandbox.clone()),
                records.clone(),
                Url::parse("https://council.example/pay/return/").unwrap(),
            );
            let submission = submission("Permit");
            deliveries.hold(&submission, now).await.unwrap();
            let request = NewPayment::new(
                Money::from_pence(2500).unwrap(),
                &submission.reference,
                "Resident parking permit",
                Url::parse("https://council.example/pay/return/x").unwrap(),
            );
            let StartOutcome::Redirect(_) = checkout
                .start(&submission.reference, &request)
                .await
                .unwrap()
            else {
                panic!("expected the payment page");
            };
            // Not paid yet: nothing is delivered.
            Reconciler::new(checkout.clone()).run_once().await.unwrap();
            assert_eq!(
                deliveries
                    .release_paid(records.as_ref(), now)
                    .await
                    .unwrap(),
                0
            );
            assert!(recorder.0.lock().unwrap().is_empty());
            assert!(deliveries.is_held(&submission.reference).await.unwrap());

            // The resident pays and closes the tab; the scheduled job finishes the form.
            let payment_id = records.unfinished().await.unwrap()[0]
                .payment_id
                .clone()
                .unwrap();
            sandbox.open_card_page(&payment_id).await.unwrap();
            sandbox
                .submit_card(
                    &payment_id,
                    &CardEntry {
                        card_number: "4444333322221111".into(),
                        expiry_month: "12".into(),
                        expiry_year: "2030".into(),
                        cardholder_name: "A Resident".into(),
                        cvc: "123".into(),
                    },
                )
                .await
                .unwrap();
            Reconciler::new(checkout.clone()).run_once().await.unwrap();
            assert_eq!(
                deliveries
                    .release_paid(records.as_ref(), now)
                    .await
                    .unwrap(),
                1
            );
            assert_eq!(
                *recorder.0.lock().unwrap(),
                vec![submission.reference.clone()]
            );
            // The resident's late return, and the next run, release nothing more.
            assert_eq!(
                deliveries.paid(&submission.reference, now).await.unwrap(),
                None
            );
            assert_eq!(
                deliveries
                    .release_paid(records.as_ref(), now)
                    .await
                    .unwrap(),
                0
            );
            assert_eq!(recorder.0.lock().unwrap().len(), 1);
            assert!(!deliveries.is_held(&submission.reference).await.unwrap());
        }
    }
}
