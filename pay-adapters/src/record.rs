//! [`PaymentRecord`]s: the service's own record of each payment attempt, kept in a
//! [`PaymentRecordStore`] (memory here; SQLite or PostgreSQL through [`crate::SqlStore`]).
//!
//! A record is saved before the provider is asked to create the payment, and the store keeps
//! at most one unfinished record per order, so nothing can start a second payment for it.

use std::collections::HashMap;
use std::sync::Mutex;

use async_trait::async_trait;
use serde::{Deserialize, Serialize};

use crate::error::PaymentError;
use crate::line_item::LineItem;
use crate::money::Money;
use crate::payment::{NewPayment, Refund};
use crate::status::PaymentStatus;

/// One attempt to pay for one order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PaymentRecord {
    /// The unguessable token in the return URL; the record's key.
    pub return_token: String,
    /// The service's order (application, booking, fine) being paid for.
    pub order_id: String,
    /// The provider's name, e.g. `govuk-pay`.
    pub provider: String,
    /// The provider's payment id, once the provider has answered.
    pub payment_id: Option<String>,
    /// The amount.
    pub amount: Money,
    /// The service's reference.
    pub reference: String,
    /// What is paid for.
    pub description: String,
    /// What is paid for, with finance codes.
    pub line_items: Vec<LineItem>,
    /// The exact request sent (return URL and idempotency key included), to resend if the
    /// provider's answer was lost.
    pub request: NewPayment,
    /// The payment's status as last seen at the provider; `None` before it answered.
    pub status: Option<PaymentStatus>,
    /// When the provider created the payment (ISO 8601), once known.
    pub created_date: Option<String>,
    /// When the record was saved, in Unix seconds.
    pub created_unix: i64,
    /// Refunds made, as last seen at the provider.
    pub refunds: Vec<Refund>,
    /// Given up: the provider never confirmed the payment and it can no longer be paid.
    pub abandoned: bool,
}

impl PaymentRecord {
    /// Whether the attempt is over (paid, failed, cancelled, errored or abandoned).
    pub fn is_finished(&self) -> bool {
        self.abandoned || self.status.is_some_and(PaymentStatus::is_finished)
    }

    /// Whether the order is paid by this attempt.
    pub fn is_success(&self) -> bool {
        self.status == Some(PaymentStatus::Success)
    }
}

/// What [`PaymentRecordStore::begin`] found.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Begin {
    /// The new record was saved: go on and create the payment.
    Started(PaymentRecord),
    /// An unfinished attempt for the order already exists: resume it.
    Unfinished(PaymentRecord),
    /// The order is already paid.
    AlreadyPaid(PaymentRecord),
}

/// Storage for payment records.
#[async_trait]
pub trait PaymentRecordStore: Send + Sync {
    /// Saves `record` unless its order is paid or has an unfinished attempt; atomically, so
    /// of two concurrent calls for one order exactly one saves.
    async fn begin(&self, record: &PaymentRecord) -> Result<Begin, PaymentError>;
    /// Saves changes to an existing record.
    async fn save(&self, record: &PaymentRecord) -> Result<(), PaymentError>;
    /// The record with this return token.
    async fn by_token(&self, token: &str) -> Result<Option<PaymentRecord>, PaymentError>;
    /// The record of this provider payment.
    async fn by_payment_id(&self, payment_id: &str) -> Result<Option<PaymentRecord>, PaymentError>;
    /// Every unfinished record, oldest first.
    async fn unfinished(&self) -> Result<Vec<PaymentRecord>, PaymentError>;
    /// Every successful record, oldest first.
    async fn succeeded(&self) -> Result<Vec<PaymentRecord>, PaymentError>;
}

/// A [`PaymentRecordStore`] in memory, for tests and a single process.
#[derive(Debug, Default)]
pub struct MemoryRecordStore(Mutex<HashMap<String, PaymentRecord>>);

impl MemoryRecordStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    fn records(&self) -> std::sync::MutexGuard<'_, HashMap<String, PaymentRecord>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn sorted(&self, keep: impl Fn(&PaymentRecord) -> bool) -> Vec<PaymentRecord> {
        let mut found: Vec<PaymentRecord> = self
            .records()
            .values()
            .filter(|r| keep(r))
            .cloned()
            .collect();
        found.sort_by(|a, b| {
            (a.created_unix, &a.return_token).cmp(&(b.created_unix, &b.return_token))
        });
        found
    }
}

#[async_trait]
impl PaymentRecordStore for MemoryRecordStore {
    async fn begin(&self, record: &PaymentRecord) -> Result<Begin, PaymentError> {
        let mut records = self.records();
        let same_order = records.values().filter(|r| r.order_id == record.order_id);
        for existing in same_order {
            if existing.is_success() {
                return Ok(Begin::AlreadyPaid(existing.clone()));
            }
            if !existing.is_finished() {
                return Ok(Begin::Unfinished(existing.clone()));
            }
        }
        records.insert(record.return_token.clone(), record.clone());
        Ok(Begin::Started(record.clone()))
    }

    async fn save(&self, record: &PaymentRecord) -> Result<(), PaymentError> {
        self.records()
            .insert(record.return_token.clone(), record.clone());
        Ok(())
    }

    async fn by_token(&self, token: &str) -> Result<Option<PaymentRecord>, PaymentError> {
        Ok(self.records().get(token).cloned())
    }

    async fn by_payment_id(&self, payment_id: &str) -> Result<Option<PaymentRecord>, PaymentError> {
        Ok(self
            .records()
            .values()
            .find(|r| r.payment_id.as_deref() == Some(payment_id))
            .cloned())
    }

    async fn unfinished(&self) -> Result<Vec<PaymentRecord>, PaymentError> {
        Ok(self.sorted(|r| !r.is_finished()))
    }

    async fn succeeded(&self) -> Result<Vec<PaymentRecord>, PaymentError> {
        Ok(self.sorted(PaymentRecord::is_success))
    }
}
