//! [`SqlStore`]: the sandbox's state and the payment records in SQLite (one instance) or
//! PostgreSQL (several instances sharing one database), through sqlx.

use async_trait::async_trait;
use sqlx::AnyPool;
use sqlx::any::AnyPoolOptions;

use crate::error::{ErrorKind, PaymentError};
use crate::record::{Begin, PaymentRecord, PaymentRecordStore};
use crate::sandbox::{SandboxRecord, SandboxStore};

/// Payment state in a SQL database; the schema comes from this crate's `migrations/` folder.
#[derive(Debug, Clone)]
pub struct SqlStore {
    pool: AnyPool,
}

impl SqlStore {
    /// Connects to `url` (`sqlite://path?mode=rwc`, `sqlite::memory:`,
    /// `postgres://user@host/db`) and brings the schema up to date.
    pub async fn connect(url: &str) -> Result<SqlStore, PaymentError> {
        sqlx::any::install_default_drivers();
        // An in-memory SQLite database lives in one connection; more would each see their own.
        let max = if url.contains(":memory:") { 1 } else { 5 };
        let pool = AnyPoolOptions::new()
            .max_connections(max)
            .connect(url)
            .await?;
        let store = SqlStore { pool };
        store.migrate().await?;
        Ok(store)
    }

    /// Wraps an existing pool (call [`SqlStore::migrate`] once before use).
    pub fn from_pool(pool: AnyPool) -> SqlStore {
        SqlStore { pool }
    }

    /// Applies this crate's migrations. Other crates' migrations in the same database are
    /// left alone.
    pub async fn migrate(&self) -> Result<(), PaymentError> {
        let mut migrator = sqlx::migrate!("./migrations");
        migrator.set_ignore_missing(true);
        migrator.run(&self.pool).await.map_err(|e| {
            PaymentError::new(ErrorKind::Store, "could not migrate the payment store")
                .with_source(e)
        })
    }

    /// The pool, for callers that share it.
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }
}

fn decode(json: &str) -> Result<SandboxRecord, PaymentError> {
    serde_json::from_str(json).map_err(|e| {
        PaymentError::new(ErrorKind::Store, "a stored sandbox payment is unreadable").with_source(e)
    })
}

fn encode(record: &SandboxRecord) -> Result<String, PaymentError> {
    serde_json::to_string(record).map_err(|e| {
        PaymentError::new(ErrorKind::Store, "could not store a sandbox payment").with_source(e)
    })
}

#[async_trait]
impl SandboxStore for SqlStore {
    async fn insert(&self, record: &SandboxRecord) -> Result<bool, PaymentError> {
        let done = sqlx::query(
            "INSERT INTO civic_pay_sandbox_payments (payment_id, idempotency_key, version, record) \
             VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
        )
        .bind(&record.payment.payment_id)
        .bind(record.idempotency_key.as_deref())
        .bind(record.version)
        .bind(encode(record)?)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn load(&self, payment_id: &str) -> Result<Option<SandboxRecord>, PaymentError> {
        let row: Option<(String,)> =
            sqlx::query_as("SELECT record FROM civic_pay_sandbox_payments WHERE payment_id = $1")
                .bind(payment_id)
                .fetch_optional(&self.pool)
                .await?;
        row.map(|(json,)| decode(&json)).transpose()
    }

    async fn load_by_idempotency_key(
        &self,
        key: &str,
    ) -> Result<Option<SandboxRecord>, PaymentError> {
        let row: Option<(String,)> = sqlx::query_as(
            "SELECT record FROM civic_pay_sandbox_payments WHERE idempotency_key = $1",
        )
        .bind(key)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|(json,)| decode(&json)).transpose()
    }

    async fn replace(&self, record: &SandboxRecord) -> Result<bool, PaymentError> {
        let next = SandboxRecord {
            version: record.version + 1,
            ..record.clone()
        };
        let done = sqlx::query(
            "UPDATE civic_pay_sandbox_payments SET record = $1, version = $2 \
             WHERE payment_id = $3 AND version = $4",
        )
        .bind(encode(&next)?)
        .bind(next.version)
        .bind(&record.payment.payment_id)
        .bind(record.version)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }
}

#[async_trait]
impl crate::webhook::WebhookInbox for SqlStore {
    async fn claim(&self, message_id: &str) -> Result<bool, PaymentError> {
        let done = sqlx::query(
            "INSERT INTO civic_pay_webhook_messages (message_id, received_unix) VALUES ($1, $2) \
             ON CONFLICT DO NOTHING",
        )
        .bind(message_id)
        .bind(time::OffsetDateTime::now_utc().unix_timestamp())
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn release(&self, message_id: &str) -> Result<(), PaymentError> {
        sqlx::query("DELETE FROM civic_pay_webhook_messages WHERE message_id = $1")
            .bind(message_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

fn decode_record(json: &str) -> Result<PaymentRecord, PaymentError> {
    serde_json::from_str(json).map_err(|e| {
        PaymentError::new(ErrorKind::Store, "a stored payment record is unreadable").with_source(e)
    })
}

fn encode_record(record: &PaymentRecord) -> Result<String, PaymentError> {
    serde_json::to_string(record).map_err(|e| {
        PaymentError::new(ErrorKind::Store, "could not store a payment record").with_source(e)
    })
}

impl SqlStore {
    async fn records_where(
        &self,
        condition: &str,
        bind: Option<&str>,
    ) -> Result<Vec<PaymentRecord>, PaymentError> {
        let sql = format!(
            "SELECT record FROM civic_pay_payment_records WHERE {condition} \
             ORDER BY created_unix, return_token"
        );
        let mut query = sqlx::query_as::<_, (String,)>(&sql);
        if let Some(value) = bind {
            query = query.bind(value);
        }
        let rows = query.fetch_all(&self.pool).await?;
        rows.iter().map(|(json,)| decode_record(json)).collect()
    }
}

#[async_trait]
impl PaymentRecordStore for SqlStore {
    async fn begin(&self, record: &PaymentRecord) -> Result<Begin, PaymentError> {
        // The partial unique index (one unfinished record per order) settles races: of two
        // concurrent inserts for one order, exactly one succeeds.
        for _ in 0..3 {
            let paid = self
                .records_where("order_id = $1 AND succeeded = 1", Some(&record.order_id))
                .await?;
            if let Some(paid) = paid.into_iter().next() {
                return Ok(Begin::AlreadyPaid(paid));
            }
            let done = sqlx::query(
                "INSERT INTO civic_pay_payment_records \
                 (return_token, order_id, payment_id, finished, succeeded, created_unix, record) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING",
            )
            .bind(&record.return_token)
            .bind(&record.order_id)
            .bind(record.payment_id.as_deref())
            .bind(i64::from(record.is_finished()))
            .bind(i64::from(record.is_success()))
            .bind(record.created_unix)
            .bind(encode_record(record)?)
            .execute(&self.pool)
            .await?;
            if done.rows_affected() == 1 {
                return Ok(Begin::Started(record.clone()));
            }
            let unfinished = self
                .records_where("order_id = $1 AND finished = 0", Some(&record.order_id))
                .await?;
            if let Some(unfinished) = unfinished.into_iter().next() {
                return Ok(Begin::Unfinished(unfinished));
            }
            // The other attempt finished between our insert and our read: try again.
        }
        Err(PaymentError::new(
            ErrorKind::Store,
            "the order's payment records kept changing",
        ))
    }

    async fn save(&self, record: &PaymentRecord) -> Result<(), PaymentError> {
        sqlx::query(
            "UPDATE civic_pay_payment_records SET payment_id = $1, finished = $2, succeeded = $3, \
             record = $4 WHERE return_token = $5",
        )
        .bind(record.payment_id.as_deref())
        .bind(i64::from(record.is_finished()))
        .bind(i64::from(record.is_success()))
        .bind(encode_record(record)?)
        .bind(&record.return_token)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn by_token(&self, token: &str) -> Result<Option<PaymentRecord>, PaymentError> {
        Ok(self
            .records_where("return_token = $1", Some(token))
            .await?
            .into_iter()
            .next())
    }

    async fn by_payment_id(&self, payment_id: &str) -> Result<Option<PaymentRecord>, PaymentError> {
        Ok(self
            .records_where("payment_id = $1", Some(payment_id))
            .await?
            .into_iter()
            .next())
    }

    async fn unfinished(&self) -> Result<Vec<PaymentRecord>, PaymentError> {
        self.records_where("finished = 0", None).await
    }

    async fn succeeded(&self) -> Result<Vec<PaymentRecord>, PaymentError> {
        self.records_where("succeeded = 1", None).await
    }
}

/// Makes a fresh PostgreSQL schema for one test (replacing the one an earlier run left) and
/// returns a URL whose connections use it, so parallel tests never see each other's tables.
#[cfg(test)]
pub(crate) async fn test_schema(url: &str, name: &str) -> String {
    use sqlx::Connection;
    sqlx::any::install_default_drivers();
    let schema = format!("civic_pay_test_{name}");
    let mut connection = sqlx::AnyConnection::connect(url).await.unwrap();
    for statement in [
        format!("DROP SCHEMA IF EXISTS {schema} CASCADE"),
        format!("CREATE SCHEMA {schema}"),
    ] {
        sqlx::query(&statement)
            .execute(&mut connection)
            .await
            .unwrap();
    }
    let separator = if url.contains('?') { '&' } else { '?' };
    format!("{url}{separator}options=-c%20search_path%3D{schema}")
}
