//! Uploaded files' content, kept apart from the session's answers: an answer holds only each
//! file's [`FileId`], name, kind, size and SHA-256, so sessions stay small and a file's bytes
//! are read only when they are delivered.
//!
//! A file belongs to the session it was uploaded in until the form is sent, then to the
//! submission ([`FileStore::submit`]). Changing an answer deletes the files it replaced;
//! files of a session that ended unsent, and of submissions past their retention, are deleted
//! by the retention job.

use std::fmt;

use async_trait::async_trait;
use rand::Rng;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::{SessionId, StoreError};

/// A stored file's id: 128 random bits as 32 lowercase hex digits. Opaque: it names a row
/// of `civic_forms_files`, and no page serves files by it.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FileId(String);

impl FileId {
    /// A new id from the operating system's random source.
    pub fn generate() -> Self {
        let bits: u128 = rand::rng().random();
        FileId(format!("{bits:032x}"))
    }

    /// Reads an id; `None` unless it is 32 lowercase hex digits.
    pub fn parse(text: &str) -> Option<Self> {
        (text.len() == 32
            && text
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)))
        .then(|| FileId(text.to_owned()))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for FileId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "FileId({})", self.0)
    }
}

/// Keeps uploaded files' content.
#[async_trait]
pub trait FileStore: Send + Sync {
    /// Keeps `content`, uploaded at `now` in `session`'s form, under a new id.
    async fn put(
        &self,
        session: &SessionId,
        content: &[u8],
        now: OffsetDateTime,
    ) -> Result<FileId, StoreError>;

    /// A file's content, or `None` when it has been deleted.
    async fn get(&self, id: &FileId) -> Result<Option<Vec<u8>>, StoreError>;

    /// Deletes files (an answer changed, and these are no longer in it).
    async fn delete(&self, ids: &[FileId]) -> Result<(), StoreError>;

    /// The files `ids` now belong to the submission `reference`: they outlive the session
    /// and are deleted with the submission.
    async fn submit(&self, ids: &[FileId], reference: &str) -> Result<(), StoreError>;

    /// Deletes the files of `session` that were not sent (answers on pages the journey no
    /// longer passes through, or a session ended by the resident); returns how many.
    async fn delete_unsent(&self, session: &SessionId) -> Result<u64, StoreError>;
}

/// Tests every file store must pass, run by each store's own tests.
#[cfg(test)]
pub(crate) mod conformance {
    use super::*;
    use time::macros::datetime;

    pub async fn run(store: &dyn FileStore) {
        let now = datetime!(2025-06-15 12:00 UTC);
        let session = SessionId::generate();
        let content = b"%PDF-1.7\n\0\xff binary".to_vec();
        let a = store.put(&session, &content, now).await.unwrap();
        let b = store.put(&session, b"second", now).await.unwrap();
        let c = store.put(&session, b"third", now).await.unwrap();
        assert_ne!(a, b);
        assert_eq!(store.get(&a).await.unwrap(), Some(content));

        store.delete(std::slice::from_ref(&b)).await.unwrap();
        assert_eq!(store.get(&b).await.unwrap(), None);

        // Sent files outlive the session; the rest go with it.
        store
            .submit(std::slice::from_ref(&a), "ABC-DEF-234")
            .await
            .unwrap();
        assert_eq!(store.delete_unsent(&session).await.unwrap(), 1);
        assert!(store.get(&a).await.unwrap().is_some());
        assert_eq!(store.get(&c).await.unwrap(), None);
        assert_eq!(store.get(&FileId::generate()).await.unwrap(), None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_random_hex() {
        let id = FileId::generate();
        assert_eq!(FileId::parse(id.as_str()), Some(id.clone()));
        assert_ne!(id, FileId::generate());
        assert_eq!(FileId::parse("../etc/passwd"), None);
        assert_eq!(
            serde_json::to_string(&id).unwrap(),
            format!("\"{}\"", id.as_str())
        );
    }
}
