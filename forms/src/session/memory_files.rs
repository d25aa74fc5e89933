//! Uploaded files in process memory: for tests, and services whose sessions are in memory.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};

use async_trait::async_trait;
use time::OffsetDateTime;

use super::files::{FileId, FileStore};
use super::{SessionId, StoreError};

#[derive(Debug)]
struct Entry {
    session: SessionId,
    reference: Option<String>,
    content: Vec<u8>,
}

/// Files in a map in memory; lost when the process stops.
#[derive(Debug, Default)]
pub struct MemoryFileStore {
    files: Mutex<HashMap<FileId, Entry>>,
}

impl MemoryFileStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    fn files(&self) -> MutexGuard<'_, HashMap<FileId, Entry>> {
        // A panic while holding the lock leaves the map as it was; nothing is half-written.
        self.files
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[async_trait]
impl FileStore for MemoryFileStore {
    async fn put(
        &self,
        session: &SessionId,
        content: &[u8],
        _now: OffsetDateTime,
    ) -> Result<FileId, StoreError> {
        let id = FileId::generate();
        let entry = Entry {
            session: session.clone(),
            reference: None,
            content: content.to_vec(),
        };
        self.files().insert(id.clone(), entry);
        Ok(id)
    }

    async fn get(&self, id: &FileId) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self.files().get(id).map(|entry| entry.content.clone()))
    }

    async fn delete(&self, ids: &[FileId]) -> Result<(), StoreError> {
        let mut files = self.files();
        for id in ids {
            files.remove(id);
        }
        Ok(())
    }

    async fn submit(&self, ids: &[FileId], reference: &str) -> Result<(), StoreError> {
        let mut files = self.files();
        for id in ids {
            if let Some(entry) = files.get_mut(id) {
                entry.reference = Some(reference.to_owned());
            }
        }
        Ok(())
    }

    async fn delete_unsent(&self, session: &SessionId) -> Result<u64, StoreError> {
        let mut files = self.files();
        let before = files.len();
        files.retain(|_, entry| entry.reference.is_some() || entry.session != *session);
        Ok((before - files.len()) as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_memory_store_passes_the_conformance_tests() {
        super::super::files::conformance::run(&MemoryFileStore::new()).await;
    }
}
