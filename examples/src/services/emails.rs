//! What the services' own messages to residents share (the bulky waste booking, the parking
//! permit receipt): written from civic-notify templates in the resident's language, in the
//! council's branding, and queued in the notify outbox with the submission's reference in an
//! idempotency key, so a delivery retried after a crash queues nothing twice.

use civic_forms::answers::AnswerValue;
use civic_forms::definition::Language;
use civic_forms::delivery::{DeliveryError, Submission};
use civic_notify::outbox::{Outbox, OutboxError};
use civic_notify::transport::{Outgoing, OutgoingEmail};
use civic_notify::{Branding, EmailAddress, Personalisation, Template, TemplateKind};

/// An email's subject and body, each with `((placeholders))`.
pub(crate) type EmailText = (&'static str, &'static str);

/// Emails residents through the outbox, from the council.
#[derive(Clone)]
pub(crate) struct Mailer {
    outbox: Outbox,
    from: String,
    branding: Branding,
}

impl Mailer {
    pub(crate) fn new(outbox: Outbox, from: &str, council: &str) -> Mailer {
        Mailer {
            outbox,
            from: from.to_owned(),
            branding: Branding::new(council, crate::site::BRAND_COLOUR),
        }
    }

    /// The outbox, for the messages that are not emails (the reminder text).
    pub(crate) fn outbox(&self) -> &Outbox {
        &self.outbox
    }

    /// Queues the email `english` / `welsh` (in the submission's language, with `values`) to
    /// the address the resident answered to `question`; `name` tells it apart from the
    /// submission's other messages.
    pub(crate) async fn email(
        &self,
        submission: &Submission,
        question: &str,
        name: &str,
        (english, welsh): (EmailText, EmailText),
        values: &Personalisation,
    ) -> Result<(), DeliveryError> {
        let to = text(submission, question)
            .and_then(|address| EmailAddress::parse(address).ok())
            .ok_or_else(|| DeliveryError::permanent("the email address is not valid"))?;
        let message = Template::new(TemplateKind::Email, Some(english.0), english.1)
            .with_welsh(Some(welsh.0), welsh.1)
            .render_email(notify_language(submission.language), values, &self.branding)
            .map_err(|e| {
                DeliveryError::permanent("the email could not be written").with_source(e)
            })?;
        let email = Outgoing::Email(OutgoingEmail {
            idempotency_key: format!("{}-{name}", submission.reference),
            to,
            from: self.from.clone(),
            reply_to: None,
            message,
            attachments: Vec::new(),
        });
        self.outbox
            .enqueue(&email, None)
            .await
            .map_err(queue_failed)?;
        Ok(())
    }
}

/// The text answer to `question`.
pub(crate) fn text<'a>(submission: &'a Submission, question: &str) -> Option<&'a str> {
    match submission.answers.values.get(question) {
        Some(AnswerValue::Text(text)) => Some(text),
        _ => None,
    }
}

/// civic-notify's language for a form's.
pub(crate) fn notify_language(language: Language) -> civic_notify::Language {
    match language {
        Language::Cy => civic_notify::Language::Welsh,
        _ => civic_notify::Language::English,
    }
}

/// An outbox that cannot take a message now may take it later.
pub(crate) fn queue_failed(error: OutboxError) -> DeliveryError {
    if error.is_transient() {
        DeliveryError::retryable("the message could not be queued").with_source(error)
    } else {
        DeliveryError::permanent("the message could not be queued").with_source(error)
    }
}
