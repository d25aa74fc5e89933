//! Transports: where a rendered message goes. Shaped like lettre's: one small trait, a folder
//! per transport behind a Cargo feature, and a [`StubTransport`] that is always compiled.
//!
//! | transport | feature | sends |
//! |---|---|---|
//! | [`StubTransport`] | always | nothing; records messages and can be told to fail, for tests |
//! | [`MailboxTransport`] | `mailbox-transport` | into memory, for a development mailbox page |
//! | [`FileTransport`] | `file-transport` | one JSON file per message |
//! | [`SmtpTransport`] | `smtp-transport` | email through an SMTP relay, with lettre |
//! | [`NotifyApiTransport`] | `notify-api-transport` | email and text messages through GOV.UK Notify |
//!
//! [`RateLimited`] (feature `rate-limit`) wraps any transport in a per-minute limit.

mod error;
#[cfg(feature = "file-transport")]
mod file;
#[cfg(feature = "mailbox-transport")]
mod mailbox;
mod message;
#[cfg(feature = "notify-api-transport")]
mod notify_api;
#[cfg(feature = "rate-limit")]
mod rate_limited;
#[cfg(feature = "smtp-transport")]
mod smtp;
mod stub;

pub use error::SendError;
#[cfg(feature = "file-transport")]
pub use file::FileTransport;
#[cfg(feature = "mailbox-transport")]
pub use mailbox::MailboxTransport;
pub use message::{Attachment, Outgoing, OutgoingEmail, OutgoingSms, Receipt};
#[cfg(feature = "notify-api-transport")]
pub use notify_api::{ApiKey, ApiKeyError, NOTIFY_API_URL, NotifyApiTransport, NotifyTemplates};
#[cfg(feature = "rate-limit")]
pub use rate_limited::RateLimited;
#[cfg(feature = "smtp-transport")]
pub use smtp::{SmtpConfig, SmtpSecurity, SmtpTransport};
pub use stub::StubTransport;

/// Something that delivers messages. One method, so a council can add its own (an SMS
/// gateway, a print supplier) alongside these.
///
/// A transport passes the message's idempotency key on (as SMTP `Message-ID`, as Notify's
/// `reference`) so that a retry after a crash can be recognised by the receiver.
#[async_trait::async_trait]
pub trait Transport: Send + Sync {
    /// Delivers one message, or says why not and whether trying again may help.
    async fn send(&self, message: &Outgoing) -> Result<Receipt, SendError>;
}
