//! A transport that sends nothing: it records what it was given, for tests.

use std::sync::{Arc, Mutex, PoisonError};

use super::{Outgoing, Receipt, SendError, Transport};

/// Records every message it is given and answers with a chosen result. Cloning shares the
/// record, so a test keeps one handle and gives the other away.
///
/// ```
/// use civic_notify::transport::{SendError, StubTransport};
///
/// let working = StubTransport::new();
/// let down = StubTransport::failing(SendError::transient("relay down"));
/// assert!(working.sent().is_empty() && down.sent().is_empty());
/// ```
#[derive(Debug, Clone, Default)]
pub struct StubTransport {
    sent: Arc<Mutex<Vec<Outgoing>>>,
    failure: Option<SendError>,
}

impl StubTransport {
    /// A transport that accepts every message.
    pub fn new() -> StubTransport {
        StubTransport::default()
    }

    /// A transport that records every message and refuses it with `error`.
    pub fn failing(error: SendError) -> StubTransport {
        StubTransport {
            failure: Some(error),
            ..StubTransport::default()
        }
    }

    /// Every message given so far, in order.
    pub fn sent(&self) -> Vec<Outgoing> {
        self.sent
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

#[async_trait::async_trait]
impl Transport for StubTransport {
    async fn send(&self, message: &Outgoing) -> Result<Receipt, SendError> {
        self.sent
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(message.clone());
        match &self.failure {
            Some(error) => Err(error.clone()),
            None => Ok(Receipt {
                reference: format!("stub-{}", message.idempotency_key()),
            }),
        }
    }
}
