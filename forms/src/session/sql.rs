//! Sessions in SQLite (one instance) or PostgreSQL (several instances sharing a database),
//! through sqlx's `Any` driver; the schema comes from this crate's `migrations/` folder.
//!
//! # Durability
//!
//! [`SqlSessionStore::connect`] waits for every save to reach the disk, as it does for
//! submissions ([`SessionDurability::Full`]). A session is a draft the resident is still
//! writing, so a service may choose [`SessionDurability::Relaxed`] for its sessions with
//! [`SqlSessionStore::connect_with`]: a save is handed to the operating system (SQLite) or the
//! database server (PostgreSQL) and not waited onto the disk. Killing the service's process
//! loses nothing; a power cut or an operating system crash (on PostgreSQL, a crash of the
//! database server) may lose the last few saves, so a resident answers those pages again. The
//! database is never corrupted: what is lost is always the newest writes. Submissions must
//! stay on a store (a pool) connected with [`SessionDurability::Full`].

use async_trait::async_trait;
use sqlx::any::AnyPoolOptions;
use sqlx::{AnyPool, Row};
use time::OffsetDateTime;

use super::sql_saves::{SaveGroups, SessionRow};
use super::{Session, SessionId, SessionStore, StoreError};
use crate::definition::Language;
use crate::journey::Answers;

/// Sessions in a SQL database. Saves made at the same time are written together, in one
/// statement (group commit); each returns once its own is committed.
#[derive(Debug, Clone)]
pub struct SqlSessionStore {
    pool: AnyPool,
    saves: SaveGroups,
}

/// How long a session save waits on the disk (see the module's "Durability").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum SessionDurability {
    /// Each commit waits until it is on disk: SQLite `synchronous=FULL` (WAL mode),
    /// PostgreSQL's default `synchronous_commit=on`. What was saved survives a power cut.
    #[default]
    Full,
    /// Each commit is handed on without waiting for the disk: SQLite `synchronous=NORMAL`
    /// (WAL mode), PostgreSQL `synchronous_commit=off`. Survives a killed process; a power
    /// cut may lose the last few saves, never corrupt the database. For sessions only.
    Relaxed,
}

pub(super) fn database(error: sqlx::Error) -> StoreError {
    let retryable = matches!(
        error,
        sqlx::Error::Io(_) | sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed
    ) || error
        .as_database_error()
        .and_then(|e| e.code())
        // SQLITE_BUSY / SQLITE_LOCKED, and PostgreSQL's serialization and deadlock failures.
        .is_some_and(|code| matches!(code.as_ref(), "5" | "6" | "40001" | "40P01"));
    StoreError::new("the session database could not be used", retryable).with_source(error)
}

impl SqlSessionStore {
    /// Connects to `url` (`sqlite://sessions.db?mode=rwc`, `sqlite::memory:`,
    /// `postgres://user@host/db`) and brings the schema up to date. Every commit waits on
    /// the disk ([`SessionDurability::Full`]), so the pool may hold submissions too.
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        SqlSessionStore::connect_with(url, SessionDurability::Full).await
    }

    /// [`SqlSessionStore::connect`] with commits as durable as `durability` says. With
    /// [`SessionDurability::Relaxed`] the store's [`pool`](SqlSessionStore::pool) is for
    /// sessions only: keep submissions, payments and the outbox on a pool connected with
    /// [`SessionDurability::Full`] (the same database may be opened with both).
    pub async fn connect_with(
        url: &str,
        durability: SessionDurability,
    ) -> Result<Self, StoreError> {
        sqlx::any::install_default_drivers();
        let relaxed = durability == SessionDurability::Relaxed;
        let postgres = url.starts_with("postgres");
        // An in-memory SQLite database lives in one connection; more would each see their own.
        let max = if url.contains(":memory:") { 1 } else { 5 };
        let sqlite_file = url.starts_with("sqlite:") && !url.contains(":memory:");
        let pool = AnyPoolOptions::new()
            .max_connections(max)
            // A SQLite connection is a file handle that cannot drop like a network
            // connection; pinging it before each use cost a round trip to its worker thread.
            .test_before_acquire(!sqlite_file)
            .after_connect(move |connection, _| {
                Box::pin(async move {
                    if sqlite_file {
                        // sqlx leaves SQLite in rollback-journal mode, where every commit
                        // takes several fsyncs and a writer blocks every reader. WAL: readers
                        // never wait, a commit is one fsync of the log (synchronous=FULL keeps
                        // it durable), and other writers wait (busy_timeout) instead of failing.
                        sqlx::query("PRAGMA journal_mode = WAL")
                            .execute(&mut *connection)
                            .await?;
                        // NORMAL in WAL mode: the log is synced at checkpoints, not each commit.
                        let synchronous = if relaxed {
                            "PRAGMA synchronous = NORMAL"
                        } else {
                            "PRAGMA synchronous = FULL"
                        };
                        sqlx::query(synchronous).execute(&mut *connection).await?;
                        sqlx::query("PRAGMA busy_timeout = 5000")
                            .execute(&mut *connection)
                            .await?;
                    }
                    if postgres && relaxed {
                        // The server's log is written in the background, within a few hundred
                        // milliseconds; a crash of the server loses at most that, in order.
                        sqlx::query("SET synchronous_commit = off")
                            .execute(&mut *connection)
                            .await?;
                    }
                    Ok(())
                })
            })
            .connect(url)
            .await
            .map_err(database)?;
        let store = SqlSessionStore::from_pool(pool);
        store.migrate().await?;
        Ok(store)
    }

    /// Wraps an existing pool (call [`SqlSessionStore::migrate`] once before use).
    pub fn from_pool(pool: AnyPool) -> Self {
        SqlSessionStore {
            pool,
            saves: SaveGroups::default(),
        }
    }

    /// The pool, for the other tables of this crate (save and return, submissions).
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Uploaded files, in the same database.
    pub fn files(&self) -> super::SqlFileStore {
        super::SqlFileStore::new(self.pool.clone())
    }

    /// Applies this crate's migrations; other crates' migrations in the same database are
    /// left alone.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        let mut migrator = sqlx::migrate!("./migrations");
        migrator.set_ignore_missing(true);
        migrator.run(&self.pool).await.map_err(|e| {
            StoreError::new("the session tables could not be created", false).with_source(e)
        })
    }
}

#[async_trait]
impl SessionStore for SqlSessionStore {
    async fn load(
        &self,
        id: &SessionId,
        now: OffsetDateTime,
    ) -> Result<Option<Session>, StoreError> {
        let row = sqlx::query(
            "SELECT form_id, answers, language, updated_at, expires_at FROM civic_forms_sessions \
             WHERE id = $1 AND expires_at > $2",
        )
        .bind(id.as_str())
        .bind(now.unix_timestamp())
        .fetch_optional(&self.pool)
        .await
        .map_err(database)?;
        let Some(row) = row else {
            return Ok(None);
        };
        let answers: String = row.try_get("answers").map_err(database)?;
        let answers: Answers = serde_json::from_str(&answers).map_err(|e| {
            StoreError::new("stored answers could not be read", false).with_source(e)
        })?;
        let time = |column: &str| -> Result<OffsetDateTime, StoreError> {
            let seconds: i64 = row.try_get(column).map_err(database)?;
            OffsetDateTime::from_unix_timestamp(seconds).map_err(|e| {
                StoreError::new("a stored time could not be read", false).with_source(e)
            })
        };
        let language: String = row.try_get("language").map_err(database)?;
        // Only this store writes the column; an unknown code falls back to English.
        let language = if language == Language::Cy.code() {
            Language::Cy
        } else {
            Language::En
        };
        Ok(Some(Session {
            id: id.clone(),
            form_id: row.try_get("form_id").map_err(database)?,
            answers,
            language,
            updated_at: time("updated_at")?,
            expires_at: time("expires_at")?,
        }))
    }

    async fn save(&self, session: &Session) -> Result<(), StoreError> {
        let answers = serde_json::to_string(&session.answers)
            .map_err(|e| StoreError::new("answers could not be stored", false).with_source(e))?;
        let row = SessionRow {
            id: session.id.as_str().to_owned(),
            form_id: session.form_id.clone(),
            answers,
            language: session.language.code(),
            updated_at: session.updated_at.unix_timestamp(),
            expires_at: session.expires_at.unix_timestamp(),
        };
        self.saves.save(&self.pool, row).await
    }

    async fn delete(&self, id: &SessionId) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM civic_forms_sessions WHERE id = $1")
            .bind(id.as_str())
            .execute(&self.pool)
            .await
            .map_err(database)?;
        Ok(())
    }

    async fn delete_expired(&self, now: OffsetDateTime) -> Result<u64, StoreError> {
        let result = sqlx::query("DELETE FROM civic_forms_sessions WHERE expires_at <= $1")
            .bind(now.unix_timestamp())
            .execute(&self.pool)
            .await
            .map_err(database)?;
        Ok(result.rows_affected())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[tokio::test]
    async fn the_sqlite_store_passes_the_conformance_tests() {
        let store = SqlSessionStore::connect("sqlite::memory:").await.unwrap();
        super::super::conformance::run(&store).await;
        // Migrating twice is harmless: every instance migrates on start.
        store.migrate().await.unwrap();
    }

    #[tokio::test]
    async fn the_postgres_store_passes_the_conformance_tests() {
        let Some(url) = postgres_url("the_postgres_store_passes_the_conformance_tests") else {
            return;
        };
        let (schema, schema_url) = test_schema(&url).await;
        let store = SqlSessionStore::connect(&schema_url).await.unwrap();
        super::super::conformance::run(&store).await;
        store.pool.close().await;
        drop_schema(&url, &schema).await;
    }

    #[tokio::test]
    async fn a_relaxed_sqlite_store_passes_the_conformance_tests_without_waiting_on_the_disk() {
        let (store, url, dir) = relaxed_sqlite_store().await;
        super::super::conformance::run(&store).await;
        // 1 is NORMAL; the default store, on the same file, keeps FULL (2).
        let synchronous = |pool: AnyPool| async move {
            let row = sqlx::query("PRAGMA synchronous")
                .fetch_one(&pool)
                .await
                .unwrap();
            row.try_get::<i64, _>(0).unwrap()
        };
        assert_eq!(synchronous(store.pool().clone()).await, 1);
        let full = SqlSessionStore::connect(&url).await.unwrap();
        assert_eq!(synchronous(full.pool().clone()).await, 2);
        store.pool.close().await;
        full.pool.close().await;
        let _ = std::fs::remove_dir_all(dir);
    }

    #[tokio::test]
    async fn a_relaxed_postgres_store_turns_synchronous_commit_off_for_its_own_connections() {
        let Some(url) = postgres_url(
            "a_relaxed_postgres_store_turns_synchronous_commit_off_for_its_own_connections",
        ) else {
            return;
        };
        let (schema, schema_url) = test_schema(&url).await;
        let store = SqlSessionStore::connect_with(&schema_url, SessionDurability::Relaxed)
            .await
            .unwrap();
        super::super::conformance::run(&store).await;
        let setting = |pool: AnyPool| async move {
            let row = sqlx::query("SHOW synchronous_commit")
                .fetch_one(&pool)
                .await
                .unwrap();
            row.try_get::<String, _>(0).unwrap()
        };
        assert_eq!(setting(store.pool().clone()).await, "off");
        let full = SqlSessionStore::connect(&schema_url).await.unwrap();
        assert_eq!(setting(full.pool().clone()).await, "on");
        store.pool.close().await;
        full.pool.close().await;
        drop_schema(&url, &schema).await;
    }

    /// A relaxed store on a SQLite file of its own: the store, its URL and its folder.
    async fn relaxed_sqlite_store() -> (SqlSessionStore, String, std::path::PathBuf) {
        let dir = std::env::temp_dir().join(format!(
            "civic-forms-sessions-{}",
            SessionId::generate().as_str()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        let url = format!("sqlite://{}/sessions.db?mode=rwc", dir.display());
        let store = SqlSessionStore::connect_with(&url, SessionDurability::Relaxed)
            .await
            .unwrap();
        (store, url, dir)
    }

    /// Many saves at once go out in groups: every one is written, and of a session saved
    /// twice at once the later save is what stays.
    async fn saves_at_once(store: &SqlSessionStore) {
        let now = OffsetDateTime::now_utc();
        let timeout = time::Duration::minutes(20);
        let sessions: Vec<Session> = (0..300)
            .map(|_| Session::new("bins", now, timeout))
            .collect();
        let mut tasks = tokio::task::JoinSet::new();
        for (index, session) in sessions.iter().enumerate() {
            let (store, mut session) = (store.clone(), session.clone());
            tasks.spawn(async move {
                session.answers.completed.insert(format!("first-{index}"));
                store.save(&session).await.unwrap();
                session.answers.completed.insert("second".to_owned());
                store.save(&session).await.unwrap();
            });
        }
        while let Some(done) = tasks.join_next().await {
            done.unwrap();
        }
        for (index, session) in sessions.iter().enumerate() {
            let loaded = store.load(&session.id, now).await.unwrap().unwrap();
            assert!(loaded.answers.completed.contains(&format!("first-{index}")));
            assert!(loaded.answers.completed.contains("second"));
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn saves_made_at_once_on_sqlite_are_all_written() {
        let (store, _, dir) = relaxed_sqlite_store().await;
        saves_at_once(&store).await;
        store.pool.close().await;
        let _ = std::fs::remove_dir_all(dir);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn saves_made_at_once_on_postgres_are_all_written() {
        let Some(url) = postgres_url("saves_made_at_once_on_postgres_are_all_written") else {
            return;
        };
        let (schema, schema_url) = test_schema(&url).await;
        let store = SqlSessionStore::connect(&schema_url).await.unwrap();
        saves_at_once(&store).await;
        store.pool.close().await;
        drop_schema(&url, &schema).await;
    }

    /// `CIVIC_TEST_DATABASE_URL`, or `None` after reporting `test` as skipped.
    fn postgres_url(test: &str) -> Option<String> {
        let url = std::env::var("CIVIC_TEST_DATABASE_URL").ok();
        if url.is_none() {
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED {test}: CIVIC_TEST_DATABASE_URL is not set"
            );
        }
        url
    }

    async fn drop_schema(url: &str, schema: &str) {
        use sqlx::Connection;
        let mut connection = sqlx::AnyConnection::connect(url).await.unwrap();
        sqlx::query(&format!("DROP SCHEMA {schema} CASCADE"))
            .execute(&mut connection)
            .await
            .unwrap();
    }

    /// A fresh PostgreSQL schema for one test, so parallel tests never share tables.
    async fn test_schema(url: &str) -> (String, String) {
        use sqlx::Connection;
        sqlx::any::install_default_drivers();
        let schema = format!("civic_forms_{}", SessionId::generate().as_str());
        let mut connection = sqlx::AnyConnection::connect(url).await.unwrap();
        sqlx::query(&format!("CREATE SCHEMA {schema}"))
            .execute(&mut connection)
            .await
            .unwrap();
        let separator = if url.contains('?') { '&' } else { '?' };
        let schema_url = format!("{url}{separator}options=-c%20search_path%3D{schema}");
        (schema, schema_url)
    }
}
