//! [`Checkout`]: safe payment journeys. One unfinished payment per order, saved before the
//! provider is called; an unguessable return URL; the status always checked server-side;
//! redirects only to the provider's own pages.

use std::sync::Arc;

use async_trait::async_trait;
use time::OffsetDateTime;
use url::Url;

use crate::error::{ErrorKind, PaymentError};
use crate::ids::random_id;
use crate::payment::{NewPayment, NewRefund, Payment, Refund};
use crate::provider::PaymentProvider;
use crate::record::{Begin, PaymentRecord, PaymentRecordStore};
use crate::webhook::PaymentUpdates;

/// Where to send the resident after [`Checkout::start`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum StartOutcome {
    /// To the provider's payment page.
    Redirect(Url),
    /// Nowhere: the order is already paid.
    AlreadyPaid(Box<PaymentRecord>),
    /// Nowhere yet: the card is being authorised or awaits capture; check again shortly.
    InProgress(Box<PaymentRecord>),
}

/// Runs payment journeys against one provider and one record store.
#[derive(Clone)]
pub struct Checkout {
    provider: Arc<dyn PaymentProvider>,
    records: Arc<dyn PaymentRecordStore>,
    return_base: Url,
}

impl std::fmt::Debug for Checkout {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Checkout")
            .field("provider", &self.provider.name())
            .field("return_base", &self.return_base.as_str())
            .finish_non_exhaustive()
    }
}

/// How many times `start` looks again when the attempt it found had just finished.
const START_ATTEMPTS: usize = 3;

impl Checkout {
    /// A checkout whose return URLs are `return_base` plus a token, e.g.
    /// `https://permits.council.example/pay/return/` + `k3x9…`.
    pub fn new(
        provider: Arc<dyn PaymentProvider>,
        records: Arc<dyn PaymentRecordStore>,
        return_base: Url,
    ) -> Checkout {
        let mut return_base = return_base;
        if !return_base.path().ends_with('/') {
            let path = format!("{}/", return_base.path());
            return_base.set_path(&path);
        }
        Checkout {
            provider,
            records,
            return_base,
        }
    }

    /// The provider payments go to.
    pub fn provider(&self) -> &Arc<dyn PaymentProvider> {
        &self.provider
    }

    /// The record store.
    pub fn records(&self) -> &Arc<dyn PaymentRecordStore> {
        &self.records
    }

    /// Where return URLs start: each payment's is this plus its token.
    pub fn return_base(&self) -> &Url {
        &self.return_base
    }

    /// Starts paying for `order_id`, or resumes its unfinished attempt. The request's
    /// `return_url` and `idempotency_key` are replaced by the record's own.
    ///
    /// The record is saved before the provider is called, and the provider is called with
    /// the record's token as idempotency key: a double click, a retry or a crash between the
    /// two leads back to the same payment, never a second one.
    pub async fn start(
        &self,
        order_id: &str,
        request: &NewPayment,
    ) -> Result<StartOutcome, PaymentError> {
        request.check()?;
        for _ in 0..START_ATTEMPTS {
            let token = random_id(32);
            let mut request = request.clone();
            request.return_url = self.return_url(&token)?;
            request.idempotency_key = Some(token.clone());
            let record = PaymentRecord {
                return_token: token,
                order_id: order_id.to_owned(),
                provider: self.provider.name().to_owned(),
                payment_id: None,
                amount: request.amount,
                reference: request.reference.clone(),
                description: request.description.clone(),
                line_items: request.line_items.clone(),
                request,
                status: None,
                created_date: None,
                created_unix: OffsetDateTime::now_utc().unix_timestamp(),
                refunds: Vec::new(),
                abandoned: false,
            };
            let found = match self.records.begin(&record).await? {
                Begin::AlreadyPaid(paid) => return Ok(StartOutcome::AlreadyPaid(Box::new(paid))),
                Begin::Started(record) => record,
                Begin::Unfinished(record) => record,
            };
            if let Some(outcome) = self.resume(found).await? {
                return Ok(outcome);
            }
        }
        Err(PaymentError::new(
            ErrorKind::Conflict,
            "the order's payment attempts kept finishing while starting a new one",
        ))
    }

    /// Carries an unfinished attempt forward; `None` if it turned out to be over (unpaid),
    /// so a new attempt may start.
    async fn resume(&self, record: PaymentRecord) -> Result<Option<StartOutcome>, PaymentError> {
        let record = match record.payment_id {
            None => self.create_payment(record).await?,
            Some(_) => self.refresh(record).await?,
        };
        if record.is_success() {
            return Ok(Some(StartOutcome::AlreadyPaid(Box::new(record))));
        }
        if record.is_finished() {
            return Ok(None);
        }
        let payment_id = record.payment_id.clone().unwrap_or_default();
        let payment = self.provider.get(&payment_id).await?;
        match payment.next_url {
            Some(next) if self.provider.is_payment_page(&next) => {
                Ok(Some(StartOutcome::Redirect(next)))
            }
            Some(next) => Err(PaymentError::new(
                ErrorKind::UnexpectedResponse,
                format!(
                    "the provider's next_url is not on its payment pages: {}",
                    next.origin().ascii_serialization()
                ),
            )),
            None => Ok(Some(StartOutcome::InProgress(Box::new(record)))),
        }
    }

    /// Asks the provider to create the record's payment (again, idempotently) and saves it.
    pub(crate) async fn create_payment(
        &self,
        mut record: PaymentRecord,
    ) -> Result<PaymentRecord, PaymentError> {
        let payment = self.provider.create(&record.request).await?;
        record.payment_id = Some(payment.payment_id.clone());
        apply(&mut record, &payment);
        self.records.save(&record).await?;
        Ok(record)
    }

    /// Re-reads the record's payment from the provider and saves what changed, refunds
    /// included.
    pub async fn refresh(&self, mut record: PaymentRecord) -> Result<PaymentRecord, PaymentError> {
        let Some(payment_id) = record.payment_id.clone() else {
            return Ok(record);
        };
        let payment = self.provider.get(&payment_id).await?;
        let before = record.clone();
        apply(&mut record, &payment);
        let submitted = payment
            .refund_summary
            .as_ref()
            .map(|s| s.amount_submitted.pence())
            .unwrap_or(0);
        let recorded: i64 = record.refunds.iter().map(|r| r.amount.pence()).sum();
        if submitted != recorded {
            record.refunds = self.provider.refunds(&payment_id).await?;
        }
        if record != before {
            self.records.save(&record).await?;
        }
        Ok(record)
    }

    /// The resident came back to `…/return/{token}`: the record, with its status checked at
    /// the provider (never taken from the return URL). Unknown tokens are not found.
    pub async fn returned(&self, token: &str) -> Result<PaymentRecord, PaymentError> {
        let record = self.records.by_token(token).await?.ok_or_else(|| {
            PaymentError::new(ErrorKind::NotFound, "no payment has this return token")
        })?;
        self.refresh(record).await
    }

    /// Refunds part or all of a payment and records it.
    pub async fn refund(
        &self,
        payment_id: &str,
        request: &NewRefund,
    ) -> Result<Refund, PaymentError> {
        let refund = self.provider.refund(payment_id, request).await?;
        if let Some(record) = self.records.by_payment_id(payment_id).await? {
            self.refresh(record).await?;
        }
        Ok(refund)
    }

    fn return_url(&self, token: &str) -> Result<Url, PaymentError> {
        self.return_base.join(token).map_err(|e| {
            PaymentError::new(ErrorKind::InvalidRequest, "bad return base URL").with_source(e)
        })
    }
}

fn apply(record: &mut PaymentRecord, payment: &Payment) {
    record.status = Some(payment.state);
    record.created_date = Some(payment.created_date.clone());
}

/// Webhooks update records: the receiver has already re-fetched the payment.
#[async_trait]
impl PaymentUpdates for Checkout {
    async fn payment_updated(&self, payment: &Payment) -> Result<(), PaymentError> {
        match self.records.by_payment_id(&payment.payment_id).await? {
            Some(record) => self.refresh(record).await.map(|_| ()),
            // A payment this service did not start (e.g. a payment link): nothing to update.
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests;
