//! Sessions in process memory: for tests, and for `civic forms serve` on one machine.

use std::collections::HashMap;
use std::sync::Mutex;

use async_trait::async_trait;
use time::OffsetDateTime;

use super::{Session, SessionId, SessionStore, StoreError};

/// Sessions in a map in memory; lost when the process stops.
#[derive(Debug, Default)]
pub struct MemorySessionStore {
    sessions: Mutex<HashMap<SessionId, Session>>,
}

impl MemorySessionStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    fn sessions(
        &self,
    ) -> Result<std::sync::MutexGuard<'_, HashMap<SessionId, Session>>, StoreError> {
        // A panic while holding the lock leaves the map as it was; nothing is half-written.
        Ok(self
            .sessions
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()))
    }
}

#[async_trait]
impl SessionStore for MemorySessionStore {
    async fn load(
        &self,
        id: &SessionId,
        now: OffsetDateTime,
    ) -> Result<Option<Session>, StoreError> {
        Ok(self
            .sessions()?
            .get(id)
            .filter(|s| !s.is_expired(now))
            .cloned())
    }

    async fn save(&self, session: &Session) -> Result<(), StoreError> {
        self.sessions()?.insert(session.id.clone(), session.clone());
        Ok(())
    }

    async fn delete(&self, id: &SessionId) -> Result<(), StoreError> {
        self.sessions()?.remove(id);
        Ok(())
    }

    async fn delete_expired(&self, now: OffsetDateTime) -> Result<u64, StoreError> {
        let mut sessions = self.sessions()?;
        let before = sessions.len();
        sessions.retain(|_, s| !s.is_expired(now));
        Ok((before - sessions.len()) as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_memory_store_passes_the_conformance_tests() {
        super::super::conformance::run(&MemorySessionStore::new()).await;
    }
}
