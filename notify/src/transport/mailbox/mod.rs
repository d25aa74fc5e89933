//! A development mailbox: every message kept in memory, for a service's `/dev/mailbox` page.

use std::sync::{Arc, Mutex, PoisonError};

use super::{Outgoing, Receipt, SendError, Transport};

/// Keeps every message, newest last, as a development server's outbox. A message sent again
/// with the same idempotency key replaces the first, as a receiver that recognises
/// duplicates would. Cloning shares the mailbox, so the page that lists it and the service
/// that sends into it hold the same one.
#[derive(Debug, Clone, Default)]
pub struct MailboxTransport {
    messages: Arc<Mutex<Vec<Outgoing>>>,
}

impl MailboxTransport {
    /// An empty mailbox.
    pub fn new() -> MailboxTransport {
        MailboxTransport::default()
    }

    /// Every message, oldest first.
    pub fn messages(&self) -> Vec<Outgoing> {
        self.messages
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// The messages sent to one recipient (an email address in any case, or E.164 digits).
    pub fn for_recipient(&self, recipient: &str) -> Vec<Outgoing> {
        let recipient = recipient.to_lowercase();
        self.messages()
            .into_iter()
            .filter(|message| message.recipient().to_lowercase() == recipient)
            .collect()
    }

    /// Empties the mailbox.
    pub fn clear(&self) {
        self.messages
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clear();
    }
}

#[async_trait::async_trait]
impl Transport for MailboxTransport {
    async fn send(&self, message: &Outgoing) -> Result<Receipt, SendError> {
        let mut messages = self.messages.lock().unwrap_or_else(PoisonError::into_inner);
        let key = message.idempotency_key();
        messages.retain(|existing| existing.idempotency_key() != key);
        messages.push(message.clone());
        Ok(Receipt {
            reference: format!("mailbox-{key}"),
        })
    }
}
