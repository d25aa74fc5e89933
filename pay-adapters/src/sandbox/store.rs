//! Where the sandbox keeps its payments: [`SandboxStore`], with an in-memory store here and
//! the SQL store in [`crate::sql_store`].

use std::collections::HashMap;
use std::sync::Mutex;

use async_trait::async_trait;
use serde::{Deserialize, Serialize};

use crate::error::PaymentError;
use crate::payment::{Payment, PaymentEvent, Refund};

/// One sandbox payment with its history, stored as a whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SandboxRecord {
    /// The payment as the API reports it.
    pub payment: Payment,
    /// Its status changes, oldest first.
    pub events: Vec<PaymentEvent>,
    /// Its refunds.
    pub refunds: Vec<Refund>,
    /// When it was created, in Unix seconds (for the 90-minute expiry).
    pub created_unix: i64,
    /// The idempotency key it was created with.
    pub idempotency_key: Option<String>,
    /// Bumped on every save; a save against a stale version is refused.
    pub version: i64,
    /// When a payment left `submitted` by the slow card is authorised, in Unix seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorised_at_unix: Option<i64>,
}

/// Storage for sandbox payments, shared by every instance of a service.
#[async_trait]
pub trait SandboxStore: Send + Sync {
    /// Stores a new record; `false` (and nothing stored) when its idempotency key is taken.
    async fn insert(&self, record: &SandboxRecord) -> Result<bool, PaymentError>;
    /// The record of a payment.
    async fn load(&self, payment_id: &str) -> Result<Option<SandboxRecord>, PaymentError>;
    /// The record created with an idempotency key.
    async fn load_by_idempotency_key(
        &self,
        key: &str,
    ) -> Result<Option<SandboxRecord>, PaymentError>;
    /// Saves `record` as version `record.version + 1` if the stored version is still
    /// `record.version`; `false` when another writer got there first.
    async fn replace(&self, record: &SandboxRecord) -> Result<bool, PaymentError>;
}

/// A [`SandboxStore`] in memory, for tests and a single process.
#[derive(Debug, Default)]
pub struct MemorySandboxStore {
    records: Mutex<HashMap<String, SandboxRecord>>,
}

impl MemorySandboxStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    fn records(&self) -> std::sync::MutexGuard<'_, HashMap<String, SandboxRecord>> {
        // A panic elsewhere while holding the lock leaves whole records, never half-written.
        self.records.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[async_trait]
impl SandboxStore for MemorySandboxStore {
    async fn insert(&self, record: &SandboxRecord) -> Result<bool, PaymentError> {
        let mut records = self.records();
        if let Some(key) = &record.idempotency_key
            && records
                .values()
                .any(|r| r.idempotency_key.as_ref() == Some(key))
        {
            return Ok(false);
        }
        records.insert(record.payment.payment_id.clone(), record.clone());
        Ok(true)
    }

    async fn load(&self, payment_id: &str) -> Result<Option<SandboxRecord>, PaymentError> {
        Ok(self.records().get(payment_id).cloned())
    }

    async fn load_by_idempotency_key(
        &self,
        key: &str,
    ) -> Result<Option<SandboxRecord>, PaymentError> {
        Ok(self
            .records()
            .values()
            .find(|r| r.idempotency_key.as_deref() == Some(key))
            .cloned())
    }

    async fn replace(&self, record: &SandboxRecord) -> Result<bool, PaymentError> {
        let mut records = self.records();
        match records.get_mut(&record.payment.payment_id) {
            Some(stored) if stored.version == record.version => {
                *stored = SandboxRecord {
                    version: record.version + 1,
                    ..record.clone()
                };
                Ok(true)
            }
            _ => Ok(false),
        }
    }
}
