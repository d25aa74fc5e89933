//! Why a transport could not deliver a message.

/// Why a message was not delivered, and whether trying again may help.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct SendError {
    transient: bool,
    message: String,
}

impl SendError {
    /// A failure that may pass: a relay that is down or busy, a timeout, a 4xx reply.
    pub fn transient(message: impl Into<String>) -> SendError {
        SendError {
            transient: true,
            message: message.into(),
        }
    }

    /// A failure that will not pass by retrying: a refused recipient, a 5xx reply, a
    /// message this transport cannot carry.
    pub fn permanent(message: impl Into<String>) -> SendError {
        SendError {
            transient: false,
            message: message.into(),
        }
    }

    /// Whether sending again later may succeed.
    pub fn is_transient(&self) -> bool {
        self.transient
    }

    /// Whether sending again will fail the same way.
    pub fn is_permanent(&self) -> bool {
        !self.transient
    }

    /// What went wrong, for logs. Never holds the recipient or the message text.
    pub fn message(&self) -> &str {
        &self.message
    }
}
