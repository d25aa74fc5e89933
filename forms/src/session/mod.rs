//! Where answers live between requests: a [`SessionStore`] keyed by an unguessable
//! [`SessionId`], in memory or in SQLite / PostgreSQL; uploaded files' content in a
//! [`FileStore`] beside it.
//!
//! Sessions expire after a period of inactivity (the form's `retention.session_timeout_minutes`);
//! an expired session is never returned, and [`SessionStore::delete_expired`] removes them for
//! good from a scheduled job.

mod files;
mod memory;
mod memory_files;
#[cfg(feature = "sql")]
mod sql;
#[cfg(feature = "sql")]
mod sql_files;
#[cfg(feature = "sql")]
mod sql_saves;

use std::fmt;

use async_trait::async_trait;
use rand::Rng;
use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};

use crate::definition::Language;
use crate::journey::Answers;

pub use files::{FileId, FileStore};
pub use memory::MemorySessionStore;
pub use memory_files::MemoryFileStore;
#[cfg(feature = "sql")]
pub use sql::{SessionDurability, SqlSessionStore};
#[cfg(feature = "sql")]
pub use sql_files::SqlFileStore;

/// A session's id: 128 random bits as 32 lowercase hex digits. It goes in a signed cookie;
/// never in logs, since it unlocks a resident's answers.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct SessionId(String);

impl SessionId {
    /// A new id from the operating system's random source.
    pub fn generate() -> Self {
        let bits: u128 = rand::rng().random();
        SessionId(format!("{bits:032x}"))
    }

    /// Reads an id from a cookie; `None` unless it is 32 lowercase hex digits.
    pub fn parse(text: &str) -> Option<Self> {
        (text.len() == 32
            && text
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)))
        .then(|| SessionId(text.to_owned()))
    }

    /// The id as text, for the cookie.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

// Hidden so that an id printed by accident (a `{:?}` in a log line) does not leak a session.
impl fmt::Debug for SessionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SessionId(..)")
    }
}

/// One resident's unfinished form.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    /// The session's id.
    pub id: SessionId,
    /// The form being filled in.
    pub form_id: String,
    /// The answers so far.
    pub answers: Answers,
    /// The language the resident chose (the form's first language until they switch).
    pub language: Language,
    /// When the resident last saved an answer.
    pub updated_at: OffsetDateTime,
    /// When the session expires unless the resident does something first.
    pub expires_at: OffsetDateTime,
}

impl Session {
    /// A new, empty session for `form_id` that expires after `timeout` of inactivity.
    pub fn new(form_id: impl Into<String>, now: OffsetDateTime, timeout: Duration) -> Self {
        Session {
            id: SessionId::generate(),
            form_id: form_id.into(),
            answers: Answers::default(),
            language: Language::En,
            updated_at: now,
            expires_at: now + timeout,
        }
    }

    /// Records activity at `now`: the session lives `timeout` from now.
    pub fn touch(&mut self, now: OffsetDateTime, timeout: Duration) {
        self.updated_at = now;
        self.expires_at = now + timeout;
    }

    /// Whether the session has expired at `now`.
    pub fn is_expired(&self, now: OffsetDateTime) -> bool {
        now >= self.expires_at
    }
}

/// Why a store could not do what was asked.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct StoreError {
    message: &'static str,
    retryable: bool,
    #[source]
    source: Option<Box<dyn std::error::Error + Send + Sync>>,
}

impl StoreError {
    fn new(message: &'static str, retryable: bool) -> Self {
        StoreError {
            message,
            retryable,
            source: None,
        }
    }

    fn with_source(mut self, source: impl std::error::Error + Send + Sync + 'static) -> Self {
        self.source = Some(Box::new(source));
        self
    }

    /// Whether trying again may work (the database was busy or unreachable), as opposed to
    /// a problem that will not go away (unreadable stored answers, a schema error).
    pub fn is_retryable(&self) -> bool {
        self.retryable
    }
}

/// Stores sessions. Implementations never return an expired session.
#[async_trait]
pub trait SessionStore: Send + Sync {
    /// The session with this id, unless it is missing or expired at `now`.
    async fn load(
        &self,
        id: &SessionId,
        now: OffsetDateTime,
    ) -> Result<Option<Session>, StoreError>;

    /// Saves a session, replacing any with the same id.
    async fn save(&self, session: &Session) -> Result<(), StoreError>;

    /// Deletes a session (after submission, or when the resident asks).
    async fn delete(&self, id: &SessionId) -> Result<(), StoreError>;

    /// Deletes every session expired at `now`; returns how many.
    async fn delete_expired(&self, now: OffsetDateTime) -> Result<u64, StoreError>;
}

/// Tests every store must pass, run by each store's own tests.
#[cfg(test)]
pub(crate) mod conformance {
    use super::*;
    use crate::answers::AnswerValue;
    use time::macros::datetime;

    pub async fn run(store: &dyn SessionStore) {
        let now = datetime!(2025-06-15 12:00 UTC);
        let timeout = Duration::minutes(20);
        let mut session = Session::new("bins", now, timeout);
        assert_eq!(store.load(&session.id, now).await.unwrap(), None);

        session
            .answers
            .values
            .insert("size".into(), AnswerValue::Choice("large".into()));
        session.answers.values.insert(
            "dob".into(),
            AnswerValue::Date(time::macros::date!(1990 - 01 - 31)),
        );
        session.answers.completed.insert("size".into());
        session.language = Language::Cy;
        store.save(&session).await.unwrap();
        assert_eq!(
            store.load(&session.id, now).await.unwrap().as_ref(),
            Some(&session)
        );

        // Saving again replaces.
        session.touch(now + Duration::minutes(10), timeout);
        session.answers.values.remove("size");
        store.save(&session).await.unwrap();
        let loaded = store
            .load(&session.id, now + Duration::minutes(29))
            .await
            .unwrap();
        assert_eq!(loaded.as_ref(), Some(&session));

        // Expired sessions are never returned, and are deleted by the retention job.
        let later = now + Duration::minutes(30);
        assert_eq!(store.load(&session.id, later).await.unwrap(), None);
        let other = Session::new("bins", later, timeout);
        store.save(&other).await.unwrap();
        assert_eq!(store.delete_expired(later).await.unwrap(), 1);
        assert!(store.load(&other.id, later).await.unwrap().is_some());

        store.delete(&other.id).await.unwrap();
        assert_eq!(store.load(&other.id, later).await.unwrap(), None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_random_hex_and_hidden_from_debug() {
        let id = SessionId::generate();
        assert_eq!(SessionId::parse(id.as_str()), Some(id.clone()));
        assert_ne!(id, SessionId::generate());
        assert_eq!(format!("{id:?}"), "SessionId(..)");
        assert_eq!(SessionId::parse("ABC"), None);
        assert_eq!(SessionId::parse(&"g".repeat(32)), None);
    }
}
