//! Why a transport could not deliver a message.

/// Why a message was not delivered, and whether trying again may help.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct SendError {
    transient: bool,
    unsupported: bool,
    message: String,
}

impl SendError {
    /// A failure that may pass: a relay that is down or busy, a timeout, a 4xx reply.
    pub fn transient(message: impl Into<String>) -> SendError {
        SendError {
            transient: true,
            unsupported: false,
            message: message.into(),
        }
    }

    /// A failure that will not pass by retrying: a refused recipient, a 5xx reply, a
    /// message this transport cannot carry.
    pub fn permanent(message: impl Into<String>) -> SendError {
        SendError {
            transient: false,
            unsupported: false,
            message: message.into(),
        }
    }

    /// A message this transport cannot carry at all (attachments through GOV.UK Notify's
    /// API): permanent, and [`is_unsupported`](Self::is_unsupported).
    pub fn unsupported(message: impl Into<String>) -> SendError {
        SendError {
            transient: false,
            unsupported: true,
            message: message.into(),
        }
    }

    /// Whether the transport cannot carry this kind of message: send it another way.
    pub fn is_unsupported(&self) -> bool {
        self.unsupported
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
