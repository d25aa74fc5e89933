//! Email through an SMTP relay, with lettre: pooled connections, STARTTLS or TLS, credentials.

mod error;
mod pool;

use std::sync::Arc;

use lettre::Message;
use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart};

use super::{Outgoing, OutgoingEmail, Receipt, SendError, Transport};

/// How the connection to the relay is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum SmtpSecurity {
    /// Plain connection, upgraded with STARTTLS (port 587): the usual for a relay.
    StartTls,
    /// TLS from the first byte (port 465).
    Tls,
    /// No encryption: only for a relay or test sink on the same machine.
    None,
}

/// Where and how to reach the relay.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct SmtpConfig {
    /// The relay's host name.
    pub host: String,
    /// The port: 587 for STARTTLS, 465 for TLS, 25 or a sink's port otherwise.
    pub port: u16,
    /// Connection protection.
    pub security: SmtpSecurity,
    /// User name and password, if the relay needs them.
    pub credentials: Option<(String, String)>,
    /// The domain written after `@` in `Message-ID` headers, usually the council's.
    pub message_id_domain: String,
}

impl SmtpConfig {
    /// A relay at `host:port` with the given protection, no credentials.
    pub fn new(
        host: &str,
        port: u16,
        security: SmtpSecurity,
        message_id_domain: &str,
    ) -> SmtpConfig {
        SmtpConfig {
            host: host.to_owned(),
            port,
            security,
            credentials: None,
            message_id_domain: message_id_domain.to_owned(),
        }
    }

    /// The same relay, logged in to as `user`.
    pub fn with_credentials(mut self, user: &str, password: &str) -> SmtpConfig {
        self.credentials = Some((user.to_owned(), password.to_owned()));
        self
    }
}

/// Sends emails through an SMTP relay over a pool of connections. Each message's idempotency
/// key becomes its `Message-ID`, so a retry after a crash carries the same identity. Text
/// messages are refused (permanently): SMTP carries email.
///
/// Clones share the pool; sends that overlap use a connection each. Connections are opened
/// with `TCP_NODELAY` (except for [`SmtpSecurity::Tls`], where lettre opens the socket): without
/// it each message waited 40 ms for the relay's delayed acknowledgement.
#[derive(Clone)]
pub struct SmtpTransport {
    pool: Arc<pool::Pool>,
    message_id_domain: String,
}

impl std::fmt::Debug for SmtpTransport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The pool holds credentials; they are not printed.
        f.debug_struct("SmtpTransport")
            .field("message_id_domain", &self.message_id_domain)
            .finish_non_exhaustive()
    }
}

impl SmtpTransport {
    /// A transport for `config`. Connections are made when the first message is sent.
    pub fn new(config: &SmtpConfig) -> Result<SmtpTransport, SendError> {
        Ok(SmtpTransport {
            pool: Arc::new(pool::Pool::new(config)?),
            message_id_domain: config.message_id_domain.clone(),
        })
    }

    /// The `Message-ID` a message with this idempotency key is sent with.
    pub fn message_id(&self, idempotency_key: &str) -> String {
        format!("<{idempotency_key}@{}>", self.message_id_domain)
    }

    /// The message this transport sends for `email`: multipart (plain text and HTML), its
    /// idempotency key as `Message-ID`. Public so that it can be sent some other way, as the
    /// benchmark does through lettre's own transport.
    pub fn message(&self, email: &OutgoingEmail) -> Result<Message, SendError> {
        let from: Mailbox = email
            .from
            .parse()
            .map_err(|e| SendError::permanent(format!("sender address: {e}")))?;
        let to: Mailbox = email
            .to
            .as_str()
            .parse()
            .map_err(|e| SendError::permanent(format!("recipient address: {e}")))?;
        let mut builder = Message::builder()
            .from(from)
            .to(to)
            // lettre encodes the subject, so a line break in it cannot start a new header.
            .subject(email.message.subject.clone())
            .message_id(Some(self.message_id(&email.idempotency_key)));
        if let Some(reply_to) = &email.reply_to {
            let reply_to: Mailbox = reply_to
                .parse()
                .map_err(|e| SendError::permanent(format!("reply-to address: {e}")))?;
            builder = builder.reply_to(reply_to);
        }
        let body = MultiPart::alternative_plain_html(
            email.message.plain_text.clone(),
            email.message.html.clone(),
        );
        let body = if email.attachments.is_empty() {
            body
        } else {
            // multipart/mixed: the message first, then each file.
            let mut mixed = MultiPart::mixed().multipart(body);
            for file in &email.attachments {
                let content_type = ContentType::parse(&file.content_type)
                    .map_err(|e| SendError::permanent(format!("attachment content type: {e}")))?;
                mixed = mixed.singlepart(
                    Attachment::new(file.file_name.clone())
                        .body(file.content.clone(), content_type),
                );
            }
            mixed
        };
        builder
            .multipart(body)
            .map_err(|e| SendError::permanent(format!("cannot build the email: {e}")))
    }
}

#[async_trait::async_trait]
impl Transport for SmtpTransport {
    async fn send(&self, message: &Outgoing) -> Result<Receipt, SendError> {
        let Outgoing::Email(email) = message else {
            return Err(SendError::permanent(
                "SMTP carries email, not text messages",
            ));
        };
        let built = self.message(email)?;
        let response = self.pool.send(built.envelope(), &built.formatted()).await?;
        Ok(Receipt {
            reference: response.message().collect::<Vec<_>>().join(" "),
        })
    }
}
