//! What a transport is given to send.

use serde::{Deserialize, Serialize};

use crate::email::EmailMessage;
use crate::email_address::EmailAddress;
use crate::phone_number::PhoneNumber;

/// An email ready for a transport.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutgoingEmail {
    /// Unique per message and stable across retries: `Message-ID` over SMTP.
    pub idempotency_key: String,
    /// The resident's address.
    pub to: EmailAddress,
    /// The sending address, for example `Bins <bins@council.gov.uk>`.
    pub from: String,
    /// Where replies go, if not to `from`.
    pub reply_to: Option<String>,
    /// The rendered message.
    pub message: EmailMessage,
    /// Files sent with it (SMTP, the development mailbox and the file transport carry them;
    /// GOV.UK Notify's API refuses them with [`SendError::is_unsupported`](super::SendError::is_unsupported)).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
}

/// A file attached to an email.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    /// The name the recipient sees.
    pub file_name: String,
    /// Its media type, such as `application/pdf`.
    pub content_type: String,
    /// The content; base64 in JSON (the outbox stores messages as JSON).
    #[serde(with = "base64_content")]
    pub content: Vec<u8>,
}

mod base64_content {
    use base64::Engine;
    use base64::engine::general_purpose::STANDARD;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&STANDARD.encode(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u8>, D::Error> {
        let text = String::deserialize(deserializer)?;
        STANDARD.decode(text).map_err(serde::de::Error::custom)
    }
}

/// A text message ready for a transport.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutgoingSms {
    /// Unique per message and stable across retries: Notify's `reference`.
    pub idempotency_key: String,
    /// The resident's number.
    pub to: PhoneNumber,
    /// The sender name or number, if the service has one.
    pub sender: Option<String>,
    /// The text as it will be sent.
    pub text: String,
}

/// A message for a transport.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
#[non_exhaustive]
pub enum Outgoing {
    /// An email.
    Email(OutgoingEmail),
    /// A text message.
    Sms(OutgoingSms),
}

impl Outgoing {
    /// The message's idempotency key.
    pub fn idempotency_key(&self) -> &str {
        match self {
            Outgoing::Email(email) => &email.idempotency_key,
            Outgoing::Sms(sms) => &sms.idempotency_key,
        }
    }

    /// The recipient as a string (an address or E.164 digits).
    pub fn recipient(&self) -> &str {
        match self {
            Outgoing::Email(email) => email.to.as_str(),
            Outgoing::Sms(sms) => sms.to.as_str(),
        }
    }
}

/// What a transport reports after delivering a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Receipt {
    /// The receiver's reference for the message (SMTP queue id, Notify notification id, file
    /// name), for tracing a delivery.
    pub reference: String,
}
