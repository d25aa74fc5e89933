//! Email and text messages through the GOV.UK Notify API.
//!
//! Notify sends from templates it holds, so the council keeps one "pass-through" template
//! per channel in Notify, whose content is only placeholders: an email template with subject
//! `((subject))` and body `((body))`, and a text message template with body `((body))`.
//! civic renders the message (in the resident's language, with civic's checks) and Notify
//! delivers it. Notify reads `((body))` as markdown, so the email body sent is the template's
//! markdown with each plain-text value escaped for it ([`crate::EmailMessage::notify_markdown`]). Each request carries a JWT signed with the API key (HS256, `iss` the service
//! id, `iat` now) and the message's idempotency key as Notify's `reference`.

mod error;

use serde::Deserialize;
use serde_json::json;

use super::{Outgoing, Receipt, SendError, Transport};

pub use error::ApiKeyError;

/// A Notify API key: `{key name}-{service id}-{secret}`, the last two being UUIDs.
#[derive(Clone)]
pub struct ApiKey {
    service_id: String,
    secret: String,
}

impl std::fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The secret is never printed.
        f.debug_struct("ApiKey")
            .field("service_id", &self.service_id)
            .finish_non_exhaustive()
    }
}

const UUID_LENGTH: usize = 36;

fn is_uuid(text: &str) -> bool {
    text.len() == UUID_LENGTH
        && text.char_indices().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => c == '-',
            _ => c.is_ascii_hexdigit(),
        })
}

impl ApiKey {
    /// Reads a key as Notify issues it. The service id and secret are the last 73 characters.
    pub fn parse(key: &str) -> Result<ApiKey, ApiKeyError> {
        let key = key.trim();
        let length = key.len();
        if length < 2 * UUID_LENGTH + 1 || !key.is_ascii() {
            return Err(ApiKeyError);
        }
        let service_id = &key[length - 2 * UUID_LENGTH - 1..length - UUID_LENGTH - 1];
        let secret = &key[length - UUID_LENGTH..];
        if !is_uuid(service_id)
            || !is_uuid(secret)
            || &key[length - UUID_LENGTH - 1..length - UUID_LENGTH] != "-"
        {
            return Err(ApiKeyError);
        }
        Ok(ApiKey {
            service_id: service_id.to_owned(),
            secret: secret.to_owned(),
        })
    }

    /// The service the key belongs to.
    pub fn service_id(&self) -> &str {
        &self.service_id
    }

    /// A bearer token for a request made at `issued_at` (Unix seconds): Notify accepts it
    /// for 30 seconds either side.
    pub fn token(&self, issued_at: i64) -> Result<String, SendError> {
        #[derive(serde::Serialize)]
        struct Claims<'a> {
            iss: &'a str,
            iat: i64,
        }
        let header = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256);
        let key = jsonwebtoken::EncodingKey::from_secret(self.secret.as_bytes())
            .map_err(|e| SendError::permanent(format!("cannot use the Notify key: {e}")))?;
        jsonwebtoken::encode(
            &header,
            &Claims {
                iss: &self.service_id,
                iat: issued_at,
            },
            &key,
        )
        .map_err(|e| SendError::permanent(format!("cannot sign the Notify token: {e}")))
    }
}

/// The pass-through templates in the council's Notify service.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct NotifyTemplates {
    /// An email template with subject `((subject))` and body `((body))`.
    pub email_template_id: String,
    /// A text message template with body `((body))`.
    pub sms_template_id: String,
}

impl NotifyTemplates {
    /// The two template ids.
    pub fn new(email_template_id: &str, sms_template_id: &str) -> NotifyTemplates {
        NotifyTemplates {
            email_template_id: email_template_id.to_owned(),
            sms_template_id: sms_template_id.to_owned(),
        }
    }
}

/// Sends through the GOV.UK Notify API.
#[derive(Debug, Clone)]
pub struct NotifyApiTransport {
    client: reqwest::Client,
    base_url: String,
    key: ApiKey,
    templates: NotifyTemplates,
}

/// Notify's API address.
pub const NOTIFY_API_URL: &str = "https://api.notifications.service.gov.uk";

#[derive(Deserialize)]
struct Created {
    id: String,
}

impl NotifyApiTransport {
    /// A transport for the API at `base_url` (normally [`NOTIFY_API_URL`]).
    pub fn new(base_url: &str, key: ApiKey, templates: NotifyTemplates) -> NotifyApiTransport {
        NotifyApiTransport {
            client: reqwest::Client::builder()
                .timeout(std::time::Duration::from_secs(30))
                .build()
                .unwrap_or_default(),
            base_url: base_url.trim_end_matches('/').to_owned(),
            key,
            templates,
        }
    }

    /// The JSON body Notify is sent for a message, and the path it goes to.
    pub fn request_for(&self, message: &Outgoing) -> (&'static str, serde_json::Value) {
        match message {
            Outgoing::Email(email) => (
                "/v2/notifications/email",
                json!({
                    "email_address": email.to.as_str(),
                    "template_id": self.templates.email_template_id,
                    "personalisation": {
                        "subject": email.message.subject,
                        // Notify reads the body as markdown: the template's markdown with the
                        // values escaped, or for a message queued before that existed, the
                        // plain text.
                        "body": if email.message.notify_markdown.is_empty() {
                            &email.message.plain_text
                        } else {
                            &email.message.notify_markdown
                        },
                    },
                    "reference": email.idempotency_key,
                }),
            ),
            Outgoing::Sms(sms) => (
                "/v2/notifications/sms",
                json!({
                    "phone_number": sms.to.e164(),
                    "template_id": self.templates.sms_template_id,
                    "personalisation": { "body": sms.text },
                    "reference": sms.idempotency_key,
                }),
            ),
        }
    }
}

#[async_trait::async_trait]
impl Transport for NotifyApiTransport {
    async fn send(&self, message: &Outgoing) -> Result<Receipt, SendError> {
        // Notify's API sends files only as a download link in a template made for it.
        if let Outgoing::Email(email) = message
            && !email.attachments.is_empty()
        {
            return Err(SendError::unsupported(
                "GOV.UK Notify's API does not take attachments: send this email by SMTP",
            ));
        }
        let (path, body) = self.request_for(message);
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        let token = self.key.token(now)?;
        let response = self
            .client
            .post(format!("{}{path}", self.base_url))
            .bearer_auth(token)
            .json(&body)
            .send()
            .await
            .map_err(|e| SendError::transient(format!("Notify unreachable: {e}")))?;
        let status = response.status();
        let text = response
            .text()
            .await
            .map_err(|e| SendError::transient(format!("Notify response unreadable: {e}")))?;
        if status.is_success() {
            let created: Created = serde_json::from_str(&text)
                .map_err(|e| SendError::permanent(format!("Notify response unexpected: {e}")))?;
            return Ok(Receipt {
                reference: created.id,
            });
        }
        Err(error::from_response(status.as_u16(), &text))
    }
}
