//! Uploaded files in the `civic_forms_files` table, beside the sessions (SQLite or
//! PostgreSQL through sqlx's `Any` driver).

use async_trait::async_trait;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use sqlx::{AnyPool, Row};
use time::OffsetDateTime;

use super::files::{FileId, FileStore};
use super::sql::database;
use super::{SessionId, StoreError};

/// Files in a SQL database migrated by [`SqlSessionStore::migrate`](super::SqlSessionStore::migrate).
#[derive(Debug, Clone)]
pub struct SqlFileStore {
    pool: AnyPool,
}

impl SqlFileStore {
    /// Files in `pool`'s database.
    pub fn new(pool: AnyPool) -> Self {
        SqlFileStore { pool }
    }

    /// Deletes files whose session has gone without sending them (expired, or ended):
    /// needs the sessions in the same database, as [`SqlSessionStore`](super::SqlSessionStore)
    /// keeps them. Returns how many.
    pub(crate) async fn delete_abandoned(&self) -> Result<u64, StoreError> {
        let result = sqlx::query(
            "DELETE FROM civic_forms_files WHERE reference IS NULL AND NOT EXISTS \
             (SELECT 1 FROM civic_forms_sessions s WHERE s.id = civic_forms_files.session_id)",
        )
        .execute(&self.pool)
        .await
        .map_err(database)?;
        Ok(result.rows_affected())
    }

    /// Deletes the files of `form_id`'s submissions sent before `cutoff` (run before the
    /// submissions themselves are deleted). Returns how many.
    pub(crate) async fn delete_sent_before(
        &self,
        form_id: &str,
        cutoff: OffsetDateTime,
    ) -> Result<u64, StoreError> {
        let result = sqlx::query(
            "DELETE FROM civic_forms_files WHERE reference IN (SELECT reference FROM \
             civic_forms_submissions WHERE form_id = $1 AND submitted_at < $2)",
        )
        .bind(form_id)
        .bind(cutoff.unix_timestamp())
        .execute(&self.pool)
        .await
        .map_err(database)?;
        Ok(result.rows_affected())
    }
}

#[async_trait]
impl FileStore for SqlFileStore {
    async fn put(
        &self,
        session: &SessionId,
        content: &[u8],
        now: OffsetDateTime,
    ) -> Result<FileId, StoreError> {
        let id = FileId::generate();
        sqlx::query(
            "INSERT INTO civic_forms_files (id, session_id, content, created_at) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(id.as_str())
        .bind(session.as_str())
        .bind(STANDARD.encode(content))
        .bind(now.unix_timestamp())
        .execute(&self.pool)
        .await
        .map_err(database)?;
        Ok(id)
    }

    async fn get(&self, id: &FileId) -> Result<Option<Vec<u8>>, StoreError> {
        let row = sqlx::query("SELECT content FROM civic_forms_files WHERE id = $1")
            .bind(id.as_str())
            .fetch_optional(&self.pool)
            .await
            .map_err(database)?;
        let Some(row) = row else {
            return Ok(None);
        };
        let content: String = row.try_get("content").map_err(database)?;
        let bytes = STANDARD.decode(content).map_err(|e| {
            StoreError::new("a stored file could not be read", false).with_source(e)
        })?;
        Ok(Some(bytes))
    }

    async fn delete(&self, ids: &[FileId]) -> Result<(), StoreError> {
        for id in ids {
            sqlx::query("DELETE FROM civic_forms_files WHERE id = $1")
                .bind(id.as_str())
                .execute(&self.pool)
                .await
                .map_err(database)?;
        }
        Ok(())
    }

    async fn submit(&self, ids: &[FileId], reference: &str) -> Result<(), StoreError> {
        for id in ids {
            sqlx::query("UPDATE civic_forms_files SET reference = $1 WHERE id = $2")
                .bind(reference)
                .bind(id.as_str())
                .execute(&self.pool)
                .await
                .map_err(database)?;
        }
        Ok(())
    }

    async fn delete_unsent(&self, session: &SessionId) -> Result<u64, StoreError> {
        let result = sqlx::query(
            "DELETE FROM civic_forms_files WHERE session_id = $1 AND reference IS NULL",
        )
        .bind(session.as_str())
        .execute(&self.pool)
        .await
        .map_err(database)?;
        Ok(result.rows_affected())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_sql_stores_pass_the_conformance_tests() {
        for store in crate::delivery::test_stores("files").await {
            let files = SqlFileStore::new(store.pool().clone());
            super::super::files::conformance::run(&files).await;
            // A big file survives the trip whole.
            let big: Vec<u8> = (0..3_000_000u32).map(|i| (i % 251) as u8).collect();
            let id = files
                .put(&SessionId::generate(), &big, OffsetDateTime::now_utc())
                .await
                .unwrap();
            assert_eq!(files.get(&id).await.unwrap(), Some(big));
        }
    }
}
