//! [`SandboxProvider`]: an offline payment provider that acts out GOV.UK Pay's sandbox, so a
//! service can be built and tested end to end with no network and no account.
//!
//! It is always compiled, like lettre's stub transport. Its state lives in a [`SandboxStore`]
//! (in memory, or SQL through [`crate::SqlStore`] so several instances share it); its hosted
//! "Enter card details" page is an axum router behind the `axum` feature.

#[cfg(feature = "axum")]
mod api;
mod billing_address;
mod cards;
#[cfg(feature = "axum")]
mod page;
mod store;

use std::sync::Arc;

use async_trait::async_trait;
use time::OffsetDateTime;
use url::Url;

use crate::error::{ErrorKind, PaymentError};
use crate::ids::random_id;
use crate::payment::{
    CardDetails, NewPayment, NewRefund, Payment, PaymentEvent, Refund, RefundStatus, RefundSummary,
    is_local_url, iso_time,
};
use crate::provider::PaymentProvider;
use crate::status::{FailureReason, PaymentStatus};
use crate::webhook::WebhookSink;

#[cfg(feature = "axum")]
pub use api::api_router;
pub use billing_address::BillingAddress;
pub use cards::{CardEntry, CardOutcome, FieldError, SLOW_CARD, SLOW_CARD_SETTLES, brand, outcome};
#[cfg(feature = "axum")]
pub use page::{branded_router, router, serve};
pub use store::{MemorySandboxStore, SandboxRecord, SandboxStore};

/// How long a resident has to pay before the payment expires (P0020), as on GOV.UK Pay.
pub const EXPIRY: time::Duration = time::Duration::minutes(90);

/// The time now; replaceable so tests can move the clock.
pub type Clock = Arc<dyn Fn() -> OffsetDateTime + Send + Sync>;

/// What happened when a resident submitted the card page.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum CardPageResult {
    /// Some fields need correcting; nothing changed.
    Invalid(Vec<FieldError>),
    /// The payment finished (or became capturable, or was left in progress by the slow card);
    /// send the resident to its return URL.
    Done(Box<Payment>),
}

/// The sandbox payment provider.
#[derive(Clone)]
pub struct SandboxProvider {
    store: Arc<dyn SandboxStore>,
    base_url: Url,
    clock: Clock,
    webhooks: Option<(String, Arc<dyn WebhookSink>)>,
}

impl std::fmt::Debug for SandboxProvider {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SandboxProvider")
            .field("base_url", &self.base_url.as_str())
            .finish_non_exhaustive()
    }
}

/// How often an update is retried when another writer saved the same payment first.
const UPDATE_ATTEMPTS: usize = 8;

impl SandboxProvider {
    /// A sandbox whose card page is served at `base_url` (where [`router`] is mounted).
    pub fn new(store: Arc<dyn SandboxStore>, base_url: Url) -> SandboxProvider {
        let mut base_url = base_url;
        if !base_url.path().ends_with('/') {
            let path = format!("{}/", base_url.path());
            base_url.set_path(&path);
        }
        SandboxProvider {
            store,
            base_url,
            clock: Arc::new(OffsetDateTime::now_utc),
            webhooks: None,
        }
    }

    /// Sends a webhook, signed with `secret` exactly as GOV.UK Pay signs them, to `sink` on
    /// every status change and refund.
    pub fn with_webhooks(
        mut self,
        secret: impl Into<String>,
        sink: Arc<dyn WebhookSink>,
    ) -> SandboxProvider {
        self.webhooks = Some((secret.into(), sink));
        self
    }

    /// Tells the webhook sink about a change between two versions of a record.
    async fn announce(&self, before: &SandboxRecord, after: &SandboxRecord, now: OffsetDateTime) {
        let Some((secret, sink)) = &self.webhooks else {
            return;
        };
        let event_type = if after.refunds.len() > before.refunds.len() {
            "card_payment_refunded"
        } else if after.payment.state != before.payment.state {
            match (before.payment.state, after.payment.state) {
                (_, PaymentStatus::Started) => "card_payment_started",
                (PaymentStatus::Capturable, PaymentStatus::Success) => "card_payment_captured",
                (_, PaymentStatus::Success | PaymentStatus::Capturable) => "card_payment_succeeded",
                (_, PaymentStatus::Failed(FailureReason::Expired)) => "card_payment_expired",
                (_, PaymentStatus::Failed(_) | PaymentStatus::Error) => "card_payment_failed",
                (_, PaymentStatus::Cancelled) => "card_payment_cancelled",
                _ => return,
            }
        } else {
            return;
        };
        let message = serde_json::json!({
            "webhook_message_id": random_id(26),
            "created_date": iso_time(now),
            "resource_id": after.payment.payment_id,
            "api_version": 1,
            "resource_type": "payment",
            "event_type": event_type,
            "resource": after.payment,
        });
        let Ok(body) = serde_json::to_vec(&message) else {
            return;
        };
        let signature = crate::webhook::sign(secret, &body);
        if let Err(error) = sink.deliver(&signature, &body).await {
            // GOV.UK Pay would redeliver; the sandbox leaves recovery to the reconciler.
            tracing::warn!(%error, event_type, "sandbox webhook delivery failed");
        }
    }

    /// An in-memory sandbox, for tests.
    pub fn in_memory(base_url: Url) -> SandboxProvider {
        SandboxProvider::new(Arc::new(MemorySandboxStore::new()), base_url)
    }

    /// Replaces the clock (tests move it forward to see payments expire).
    pub fn with_clock(mut self, clock: Clock) -> SandboxProvider {
        self.clock = clock;
        self
    }

    /// Where the card page for a payment is.
    pub fn card_page_url(&self, payment_id: &str) -> Result<Url, PaymentError> {
        self.base_url
            .join(&format!("card_details/{payment_id}"))
            .map_err(|e| {
                PaymentError::new(ErrorKind::InvalidRequest, "bad payment id").with_source(e)
            })
    }

    fn now(&self) -> OffsetDateTime {
        (self.clock)()
    }

    async fn load(
        &self,
        payment_id: &str,
        not_found_code: &str,
    ) -> Result<SandboxRecord, PaymentError> {
        self.store.load(payment_id).await?.ok_or_else(|| {
            PaymentError::new(ErrorKind::NotFound, "Not found")
                .with_code(not_found_code)
                .with_http_status(404)
        })
    }

    /// Loads, applies `change`, and saves, retrying if another writer saved in between.
    /// Expiry is applied first, so a payment past 90 minutes is failed before anything else.
    async fn update<F>(
        &self,
        payment_id: &str,
        not_found_code: &str,
        change: F,
    ) -> Result<SandboxRecord, PaymentError>
    where
        F: Fn(&mut SandboxRecord, OffsetDateTime) -> Result<(), PaymentError> + Send + Sync,
    {
        for _ in 0..UPDATE_ATTEMPTS {
            let original = self.load(payment_id, not_found_code).await?;
            let mut record = original.clone();
            let now = self.now();
            expire_if_due(&mut record, now);
            authorise_if_due(&mut record, now);
            change(&mut record, now)?;
            if record == original {
                return Ok(record);
            }
            if self.store.replace(&record).await? {
                record.version += 1;
                self.announce(&original, &record, now).await;
                return Ok(record);
            }
        }
        Err(PaymentError::new(
            ErrorKind::Store,
            "the payment kept changing while being updated",
        ))
    }

    /// The resident opened the card page: `created` becomes `started`. Fails with a conflict
    /// when the payment can no longer be paid.
    pub async fn open_card_page(&self, payment_id: &str) -> Result<Payment, PaymentError> {
        let record = self
            .update(payment_id, "P0200", |record, now| {
                if record.payment.state == PaymentStatus::Created {
                    set_status(record, PaymentStatus::Started, now);
                }
                Ok(())
            })
            .await?;
        if record.payment.state.is_finished() {
            return Err(not_payable());
        }
        Ok(record.payment)
    }

    /// The fields of a card entry the resident must correct, checked against the sandbox's
    /// clock, without submitting anything.
    pub fn check_card(&self, entry: &CardEntry) -> Vec<FieldError> {
        let now = self.now();
        entry
            .check(now.year(), u8::from(now.month()))
            .err()
            .unwrap_or_default()
    }

    /// The resident submitted card details. Invalid details change nothing; valid ones are
    /// acted out per the test cards. Only the last four digits are kept.
    pub async fn submit_card(
        &self,
        payment_id: &str,
        entry: &CardEntry,
    ) -> Result<CardPageResult, PaymentError> {
        let now = self.now();
        let checked = match entry.check(now.year(), u8::from(now.month())) {
            Ok(checked) => checked,
            Err(errors) => {
                // Still refuse a finished payment rather than showing field errors for it.
                let record = self.update(payment_id, "P0200", |_, _| Ok(())).await?;
                if record.payment.state.is_finished() {
                    return Err(not_payable());
                }
                return Ok(CardPageResult::Invalid(errors));
            }
        };
        let card_outcome = cards::outcome(&checked.digits);
        let last_four = checked.digits[checked.digits.len() - 4..].to_owned();
        let card_brand = cards::brand(&checked.digits);
        let record = self
            .update(payment_id, "P0200", |record, now| {
                if !matches!(
                    record.payment.state,
                    PaymentStatus::Created | PaymentStatus::Started
                ) {
                    return Err(not_payable());
                }
                set_status(record, PaymentStatus::Submitted, now);
                record.payment.card_details = Some(CardDetails {
                    last_digits_card_number: Some(last_four.clone()),
                    card_brand: Some(card_brand.to_owned()),
                    cardholder_name: Some(checked.cardholder_name.clone()),
                    expiry_date: Some(checked.expiry.clone()),
                });
                let status = match card_outcome {
                    CardOutcome::Slow => {
                        record.authorised_at_unix =
                            Some((now + cards::SLOW_CARD_SETTLES).unix_timestamp());
                        return Ok(());
                    }
                    CardOutcome::Authorised => authorised(record),
                    CardOutcome::Declined | CardOutcome::Expired | CardOutcome::BadSecurityCode => {
                        PaymentStatus::Failed(FailureReason::Rejected)
                    }
                    CardOutcome::ProcessingError => PaymentStatus::Error,
                };
                set_status(record, status, now);
                Ok(())
            })
            .await?;
        Ok(CardPageResult::Done(Box::new(record.payment)))
    }

    /// The resident chose "Cancel payment" (failed, P0030).
    pub async fn cancel_by_payer(&self, payment_id: &str) -> Result<Payment, PaymentError> {
        let record = self
            .update(payment_id, "P0200", |record, now| {
                if record.payment.state.is_finished() {
                    return Err(not_payable());
                }
                set_status(
                    record,
                    PaymentStatus::Failed(FailureReason::CancelledByUser),
                    now,
                );
                Ok(())
            })
            .await?;
        Ok(record.payment)
    }

    async fn current(
        &self,
        payment_id: &str,
        not_found_code: &str,
    ) -> Result<SandboxRecord, PaymentError> {
        self.update(payment_id, not_found_code, |_, _| Ok(())).await
    }
}

fn not_payable() -> PaymentError {
    PaymentError::new(
        ErrorKind::Conflict,
        "the payment is finished and cannot be paid",
    )
}

fn set_status(record: &mut SandboxRecord, status: PaymentStatus, now: OffsetDateTime) {
    record.payment.state = status;
    if status.is_finished() {
        record.payment.next_url = None;
    }
    record.payment.refund_summary = Some(refund_summary(record));
    record.events.push(PaymentEvent {
        payment_id: record.payment.payment_id.clone(),
        state: status,
        updated: iso_time(now),
    });
}

/// An authorised card's outcome: `capturable` for a delayed capture, otherwise `success` with
/// the provider's id.
fn authorised(record: &mut SandboxRecord) -> PaymentStatus {
    if record.payment.delayed_capture {
        PaymentStatus::Capturable
    } else {
        record.payment.provider_id = Some(random_id(16));
        PaymentStatus::Success
    }
}

/// A slow card's payment, still `submitted`, is authorised once its time has come.
fn authorise_if_due(record: &mut SandboxRecord, now: OffsetDateTime) {
    let due = record
        .authorised_at_unix
        .is_some_and(|at| now.unix_timestamp() >= at);
    if due && record.payment.state == PaymentStatus::Submitted {
        record.authorised_at_unix = None;
        let status = authorised(record);
        set_status(record, status, now);
    }
}

fn expire_if_due(record: &mut SandboxRecord, now: OffsetDateTime) {
    let unfinished_and_not_authorised = matches!(
        record.payment.state,
        PaymentStatus::Created | PaymentStatus::Started | PaymentStatus::Submitted
    );
    if unfinished_and_not_authorised
        && now.unix_timestamp() - record.created_unix >= EXPIRY.whole_seconds()
    {
        set_status(record, PaymentStatus::Failed(FailureReason::Expired), now);
    }
}

fn refunded(record: &SandboxRecord) -> Money {
    record
        .refunds
        .iter()
        .filter(|r| r.status != RefundStatus::Error)
        .fold(Money::ZERO, |sum, r| {
            sum.checked_add(r.amount).unwrap_or(sum)
        })
}

fn refund_summary(record: &SandboxRecord) -> RefundSummary {
    let submitted = refunded(record);
    let payment = &record.payment;
    let available = payment.amount.checked_sub(submitted).unwrap_or(Money::ZERO);
    let status = match payment.state {
        PaymentStatus::Success if available == Money::ZERO => "full",
        PaymentStatus::Success => "available",
        s if !s.is_finished() => "pending",
        _ => "unavailable",
    };
    RefundSummary {
        status: status.to_owned(),
        amount_available: if payment.state == PaymentStatus::Success {
            available
        } else {
            Money::ZERO
        },
        amount_submitted: submitted,
    }
}

use crate::money::Money;

#[async_trait]
impl PaymentProvider for SandboxProvider {
    fn name(&self) -> &str {
        "sandbox"
    }

    async fn create(&self, request: &NewPayment) -> Result<Payment, PaymentError> {
        request.check()?;
        request.check_return_url(is_local_url(&self.base_url))?;
        if let Some(key) = &request.idempotency_key
            && let Some(existing) = self.store.load_by_idempotency_key(key).await?
        {
            return Ok(existing.payment);
        }
        let now = self.now();
        let payment_id = random_id(26);
        let mut record = SandboxRecord {
            payment: Payment {
                payment_id: payment_id.clone(),
                amount: request.amount,
                reference: request.reference.clone(),
                description: request.description.clone(),
                state: PaymentStatus::Created,
                return_url: request.return_url.to_string(),
                next_url: Some(self.card_page_url(&payment_id)?),
                created_date: iso_time(now),
                language: request.language,
                email: request.email.clone(),
                delayed_capture: request.delayed_capture,
                metadata: request.metadata.clone(),
                card_details: request
                    .prefilled_cardholder_details
                    .as_ref()
                    .map(|d| CardDetails {
                        cardholder_name: d.cardholder_name.clone(),
                        ..CardDetails::default()
                    }),
                refund_summary: None,
                provider_id: None,
            },
            events: Vec::new(),
            refunds: Vec::new(),
            created_unix: now.unix_timestamp(),
            idempotency_key: request.idempotency_key.clone(),
            version: 0,
            authorised_at_unix: None,
        };
        set_status(&mut record, PaymentStatus::Created, now);
        if self.store.insert(&record).await? {
            return Ok(record.payment);
        }
        // Another create with the same idempotency key won the race: answer with its payment.
        let key = request.idempotency_key.as_deref().unwrap_or_default();
        match self.store.load_by_idempotency_key(key).await? {
            Some(existing) => Ok(existing.payment),
            None => Err(PaymentError::new(
                ErrorKind::Store,
                "could not store the payment",
            )),
        }
    }

    async fn get(&self, payment_id: &str) -> Result<Payment, PaymentError> {
        Ok(self.current(payment_id, "P0200").await?.payment)
    }

    async fn events(&self, payment_id: &str) -> Result<Vec<PaymentEvent>, PaymentError> {
        Ok(self.current(payment_id, "P0300").await?.events)
    }

    async fn cancel(&self, payment_id: &str) -> Result<(), PaymentError> {
        self.update(payment_id, "P0500", |record, now| {
            if record.payment.state.is_finished() {
                return Err(PaymentError::new(
                    ErrorKind::Conflict,
                    "Cancellation of payment failed",
                )
                .with_code("P0502")
                .with_http_status(409));
            }
            set_status(record, PaymentStatus::Cancelled, now);
            Ok(())
        })
        .await
        .map(|_| ())
    }

    async fn capture(&self, payment_id: &str) -> Result<(), PaymentError> {
        self.update(payment_id, "P1000", |record, now| {
            if record.payment.state != PaymentStatus::Capturable {
                return Err(
                    PaymentError::new(ErrorKind::Conflict, "Payment cannot be captured")
                        .with_code("P1003")
                        .with_http_status(409),
                );
            }
            set_status(record, PaymentStatus::Success, now);
            record.payment.provider_id = Some(random_id(16));
            Ok(())
        })
        .await
        .map(|_| ())
    }

    async fn refund(&self, payment_id: &str, request: &NewRefund) -> Result<Refund, PaymentError> {
        request.check()?;
        let refund_id = random_id(26);
        let record = self
            .update(payment_id, "P0600", |record, now| {
                let summary = refund_summary(record);
                if summary.status != "available" {
                    return Err(PaymentError::new(
                        ErrorKind::Conflict,
                        format!(
                            "The payment is not available for refund. Payment refund status: {}",
                            summary.status
                        ),
                    )
                    .with_code("P0603")
                    .with_http_status(400));
                }
                if let Some(expected) = request.refund_amount_available
                    && expected != summary.amount_available
                {
                    return Err(PaymentError::new(
                        ErrorKind::Conflict,
                        "Refund amount available mismatch.",
                    )
                    .with_code("P0604")
                    .with_http_status(412));
                }
                if request.amount > summary.amount_available {
                    return Err(PaymentError::new(
                        ErrorKind::Conflict,
                        "The payment is not available for refund. Payment refund status: amount exceeds what is available",
                    )
                    .with_code("P0603")
                    .with_http_status(400));
                }
                record.refunds.push(Refund {
                    refund_id: refund_id.clone(),
                    payment_id: record.payment.payment_id.clone(),
                    amount: request.amount,
                    status: RefundStatus::Success,
                    created_date: iso_time(now),
                });
                record.payment.refund_summary = Some(refund_summary(record));
                Ok(())
            })
            .await?;
        record
            .refunds
            .into_iter()
            .find(|r| r.refund_id == refund_id)
            .ok_or_else(|| PaymentError::new(ErrorKind::Store, "the refund was not stored"))
    }

    async fn get_refund(&self, payment_id: &str, refund_id: &str) -> Result<Refund, PaymentError> {
        self.current(payment_id, "P0700")
            .await?
            .refunds
            .into_iter()
            .find(|r| r.refund_id == refund_id)
            .ok_or_else(|| {
                PaymentError::new(ErrorKind::NotFound, "Not found")
                    .with_code("P0700")
                    .with_http_status(404)
            })
    }

    async fn refunds(&self, payment_id: &str) -> Result<Vec<Refund>, PaymentError> {
        Ok(self.current(payment_id, "P0800").await?.refunds)
    }

    fn is_payment_page(&self, url: &Url) -> bool {
        url.origin() == self.base_url.origin() && url.path().starts_with(self.base_url.path())
    }
}

#[cfg(test)]
mod tests;
