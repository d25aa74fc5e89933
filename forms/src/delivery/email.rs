//! The email handlers: a notice to the council team and a copy to the resident, written with
//! civic-notify templates (which HTML-escape every value) and sent through a civic-notify
//! [`Transport`]. With [`EmailHandler::attach_files`] the submission's uploaded files go with
//! it as attachments.

use std::sync::Arc;

use civic_notify::transport::{Attachment, Outgoing, OutgoingEmail, Transport};
use civic_notify::{Branding, EmailAddress, Personalisation};

use crate::answers::AnswerValue;
use crate::definition::{FileKind, FormDefinition, Language};
use crate::messages::{EmailText, files_not_attached};
use crate::session::FileStore;

use super::copy::{answer_lines, plain_text};
use super::{DeliveryError, Submission, SubmissionHandler};

#[derive(Debug, Clone)]
enum Recipient {
    Team(Vec<EmailAddress>),
    Resident { question: String },
}

/// Emails each submission's answers to the council team, or a copy to the resident.
#[derive(Clone)]
pub struct EmailHandler {
    name: &'static str,
    form: Arc<FormDefinition>,
    transport: Arc<dyn Transport>,
    from: String,
    branding: Branding,
    recipient: Recipient,
    files: Option<Arc<dyn FileStore>>,
}

impl std::fmt::Debug for EmailHandler {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EmailHandler")
            .field("name", &self.name)
            .field("form", &self.form.id)
            .finish_non_exhaustive()
    }
}

fn notify_language(language: Language) -> civic_notify::Language {
    match language {
        Language::Cy => civic_notify::Language::Welsh,
        _ => civic_notify::Language::English,
    }
}

impl EmailHandler {
    /// The `team-email` handler: every submission, in English, to each of `team`.
    pub fn team(
        form: Arc<FormDefinition>,
        transport: Arc<dyn Transport>,
        from: impl Into<String>,
        team: Vec<EmailAddress>,
    ) -> Self {
        Self::new(
            "team-email",
            form,
            transport,
            from.into(),
            Recipient::Team(team),
        )
    }

    /// The `resident-email` handler: a copy of their answers, in their language, to the
    /// address the resident gave in answer to the email question `question`.
    pub fn resident(
        form: Arc<FormDefinition>,
        transport: Arc<dyn Transport>,
        from: impl Into<String>,
        question: impl Into<String>,
    ) -> Self {
        let recipient = Recipient::Resident {
            question: question.into(),
        };
        Self::new("resident-email", form, transport, from.into(), recipient)
    }

    fn new(
        name: &'static str,
        form: Arc<FormDefinition>,
        transport: Arc<dyn Transport>,
        from: String,
        recipient: Recipient,
    ) -> Self {
        EmailHandler {
            name,
            branding: Branding::new(form.title.english(), "#1d70b8"),
            form,
            transport,
            from,
            recipient,
            files: None,
        }
    }

    /// The council's branding for the emails.
    pub fn branding(mut self, branding: Branding) -> Self {
        self.branding = branding;
        self
    }

    /// Attaches the submission's uploaded files, read from `files`. A transport that cannot
    /// carry attachments (GOV.UK Notify's API: [`SendError::is_unsupported`]) is sent the
    /// email without them, naming the files and saying they are kept with the submission
    /// (`civic forms export --files` saves them).
    ///
    /// [`SendError::is_unsupported`]: civic_notify::transport::SendError::is_unsupported
    pub fn attach_files(mut self, files: Arc<dyn FileStore>) -> Self {
        self.files = Some(files);
        self
    }

    /// The submission's files as attachments, in the order of [`Submission::files`].
    async fn attachments(&self, submission: &Submission) -> Result<Vec<Attachment>, DeliveryError> {
        let Some(store) = &self.files else {
            return Ok(Vec::new());
        };
        let mut attachments = Vec::new();
        for file in submission.files() {
            let content = store
                .get(&file.id)
                .await
                .map_err(|e| {
                    let message = "an uploaded file could not be read";
                    if e.is_retryable() {
                        DeliveryError::retryable(message).with_source(e)
                    } else {
                        DeliveryError::permanent(message).with_source(e)
                    }
                })?
                .ok_or_else(|| DeliveryError::permanent("an uploaded file has been deleted"))?;
            attachments.push(Attachment {
                file_name: file.file_name.clone(),
                content_type: media_type(file.kind).to_owned(),
                content,
            });
        }
        Ok(attachments)
    }
}

/// The media type an attachment of this kind is sent as.
fn media_type(kind: FileKind) -> &'static str {
    match kind {
        FileKind::Pdf => "application/pdf",
        FileKind::Jpeg => "image/jpeg",
        FileKind::Png => "image/png",
        FileKind::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        FileKind::Txt => "text/plain",
        FileKind::Csv => "text/csv",
    }
}

#[async_trait::async_trait]
impl SubmissionHandler for EmailHandler {
    fn name(&self) -> &str {
        self.name
    }

    async fn deliver(&self, submission: &Submission) -> Result<(), DeliveryError> {
        let (text, language, recipients) = match &self.recipient {
            Recipient::Team(team) => (EmailText::TeamNotice, Language::En, team.clone()),
            Recipient::Resident { question } => {
                let address = match submission.answers.values.get(question) {
                    Some(AnswerValue::Text(address)) => EmailAddress::parse(address).ok(),
                    _ => None,
                };
                // A resident who gave no usable address gets no copy; nothing to retry.
                let Some(address) = address else {
                    return Err(DeliveryError::permanent(
                        "the resident's email address is missing or not valid",
                    ));
                };
                (
                    EmailText::ResidentConfirmation,
                    submission.language,
                    vec![address],
                )
            }
        };
        let shown = Submission {
            language,
            ..submission.clone()
        };
        let answers: Vec<String> = answer_lines(&self.form, &shown)
            .into_iter()
            .map(|(label, lines)| {
                // civic-notify shows values as plain text: a resident's `[x](…)` stays
                // brackets, never a link.
                format!("{label}: {}", lines.join(", "))
            })
            .collect();
        let write = |answers: String| {
            let values = Personalisation::new()
                .with("form", self.form.title.in_language(language))
                .with("reference", submission.reference.as_str())
                .with("answers", answers);
            text.template()
                .render_email(notify_language(language), &values, &self.branding)
                .map_err(|e| {
                    DeliveryError::permanent("the email could not be written").with_source(e)
                })
        };
        let mut message = write(answers.join("\n"))?;
        let mut attachments = self.attachments(submission).await?;
        let uploaded: Vec<String> = attachments.iter().map(|a| a.file_name.clone()).collect();
        if matches!(self.recipient, Recipient::Resident { .. }) {
            // The resident's copy to keep, as the confirmation page's download gives it.
            attachments.insert(
                0,
                Attachment {
                    file_name: format!("{}.txt", submission.reference),
                    content_type: "text/plain".to_owned(),
                    content: plain_text(&self.form, &shown).into_bytes(),
                },
            );
        }
        for (index, to) in recipients.into_iter().enumerate() {
            let mut email = OutgoingEmail {
                idempotency_key: format!("{}-{}-{index}", submission.reference, self.name),
                to,
                from: self.from.clone(),
                reply_to: None,
                message: message.clone(),
                attachments: attachments.clone(),
            };
            let mut sent = self.transport.send(&Outgoing::Email(email.clone())).await;
            if let Err(e) = &sent
                && e.is_unsupported()
                && !attachments.is_empty()
            {
                // Once for every recipient: the rest are sent without the files too. The
                // resident's copy is the email itself; only uploaded files need a word.
                if !uploaded.is_empty() {
                    let names: Vec<&str> = uploaded.iter().map(String::as_str).collect();
                    let note = files_not_attached(&names, language);
                    message = write(format!("{}\n\n{note}", answers.join("\n")))?;
                }
                attachments.clear();
                email.message = message.clone();
                email.attachments.clear();
                sent = self.transport.send(&Outgoing::Email(email)).await;
            }
            sent.map_err(|e| {
                if e.is_transient() {
                    DeliveryError::retryable(format!("the email was not sent: {}", e.message()))
                } else {
                    DeliveryError::permanent(format!("the email was refused: {}", e.message()))
                }
            })?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::delivery::copy::tests::{form, submission};
    use civic_notify::transport::{SendError, StubTransport};

    const XSS: &str = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&";

    fn sent_email(transport: &StubTransport) -> OutgoingEmail {
        match transport.sent().pop() {
            Some(Outgoing::Email(email)) => email,
            _ => panic!("no email sent"),
        }
    }

    #[tokio::test]
    async fn the_team_email_lists_the_answers_with_resident_values_escaped() {
        let transport = Arc::new(StubTransport::new());
        let team = vec![EmailAddress::parse("team@council.example").unwrap()];
        let handler = EmailHandler::team(
            Arc::new(form()),
            transport.clone(),
            "forms@council.example",
            team,
        );
        handler.deliver(&submission(XSS)).await.unwrap();
        let email = sent_email(&transport);
        assert_eq!(email.to.as_str(), "team@council.example");
        assert_eq!(
            email.message.subject,
            "New submission: Report a problem ABC-DEF-234"
        );
        assert!(
            !email.message.html.contains("<script>"),
            "{}",
            email.message.html
        );
        assert!(
            !email.message.html.contains("<img src=x"),
            "{}",
            email.message.html
        );
        assert!(
            email.message.html.contains("&lt;script&gt;"),
            "{}",
            email.message.html
        );
        assert!(email.message.plain_text.contains("What is the problem?"));
        // Escaping for markdown does not show in what the team reads.
        assert!(
            email
                .message
                .plain_text
                .contains("<script>alert(1)</script><img src=x onerror=alert(2)>"),
            "{}",
            email.message.plain_text
        );
        assert!(!email.message.html.contains('\\'), "{}", email.message.html);
    }

    #[tokio::test]
    async fn xss_and_markdown_payloads_never_become_markup() {
        let payloads = [
            "\"><svg onload=alert(1)>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "[click me](javascript:alert(1))",
            "<iframe src=//evil.example></iframe>",
            "</p><p style=\"background:url(javascript:alert(1))\">",
            "![x](https://evil.example/track.png)",
            "\\[click](javascript:alert(1))",
        ];
        let transport = Arc::new(StubTransport::new());
        let team = vec![EmailAddress::parse("team@council.example").unwrap()];
        let handler = EmailHandler::team(Arc::new(form()), transport.clone(), "f@c.example", team);
        for payload in payloads {
            handler.deliver(&submission(payload)).await.unwrap();
            let email = sent_email(&transport);
            let html = email.message.html.to_lowercase();
            if payload.starts_with('[') {
                // The team reads the brackets as the resident typed them.
                assert!(
                    email.message.plain_text.contains(payload),
                    "{}",
                    email.message.plain_text
                );
            }
            for markup in [
                "<svg",
                "<a href=\"javascript",
                "href=\"javascript",
                "<iframe",
                "style=\"background",
                "<img src=\"https://evil",
            ] {
                assert!(
                    !html.contains(markup),
                    "{payload} became {markup} in {html}"
                );
            }
        }
    }

    #[tokio::test]
    async fn the_resident_gets_a_copy_at_the_address_they_gave() {
        let transport = Arc::new(StubTransport::new());
        let handler = EmailHandler::resident(
            Arc::new(form()),
            transport.clone(),
            "forms@council.example",
            "email",
        );
        handler.deliver(&submission("Pothole")).await.unwrap();
        let email = sent_email(&transport);
        assert_eq!(email.to.as_str(), "resident@example.com");
        assert!(email.message.plain_text.contains("ABC-DEF-234"));
        assert!(email.message.plain_text.contains("Pothole"));
        // Issue #7 item 7: a copy to keep, the confirmation page's download.
        assert_eq!(email.attachments.len(), 1);
        let copy = &email.attachments[0];
        assert_eq!(copy.file_name, "ABC-DEF-234.txt");
        assert_eq!(copy.content_type, "text/plain");
        let text = String::from_utf8(copy.content.clone()).unwrap();
        assert!(
            text.contains("ABC-DEF-234") && text.contains("Pothole"),
            "{text}"
        );

        // Through a service without attachments (Notify's API) the email alone is the copy,
        // with no word about files.
        let stub = StubTransport::new();
        let plain = EmailHandler::resident(
            Arc::new(form()),
            Arc::new(NoAttachments(stub.clone())),
            "forms@council.example",
            "email",
        );
        plain.deliver(&submission("Pothole")).await.unwrap();
        let email = sent_email(&stub);
        assert!(email.attachments.is_empty());
        assert!(email.message.plain_text.contains("Pothole"));
        assert!(
            !email.message.plain_text.contains("could not be attached"),
            "{}",
            email.message.plain_text
        );

        let mut without = submission("Pothole");
        without.answers.values.remove("email");
        let error = handler.deliver(&without).await.unwrap_err();
        assert!(!error.is_retryable());
    }

    /// `content` kept in `files` as an uploaded PDF named `file_name`.
    async fn stored_pdf(
        files: &crate::session::MemoryFileStore,
        file_name: &str,
        content: &[u8],
    ) -> crate::answers::AcceptedFile {
        let id = files
            .put(
                &crate::session::SessionId::generate(),
                content,
                time::OffsetDateTime::now_utc(),
            )
            .await
            .unwrap();
        crate::answers::CheckedFile {
            file_name,
            kind: FileKind::Pdf,
            content,
        }
        .accepted(id)
    }

    #[tokio::test]
    async fn the_team_email_carries_the_uploaded_files() {
        let files = Arc::new(crate::session::MemoryFileStore::new());
        let content = b"%PDF-1.7 the bill".to_vec();
        let file = stored_pdf(&files, "bill.pdf", &content).await;
        let id = file.id.clone();
        let mut sent = submission("Pothole");
        sent.answers
            .values
            .insert("proof".into(), AnswerValue::Files(vec![file]));
        let transport = Arc::new(StubTransport::new());
        let team = vec![EmailAddress::parse("team@council.example").unwrap()];
        let handler = EmailHandler::team(Arc::new(form()), transport.clone(), "f@c.example", team)
            .attach_files(files.clone());
        handler.deliver(&sent).await.unwrap();
        let email = sent_email(&transport);
        assert_eq!(
            email.attachments,
            [Attachment {
                file_name: "bill.pdf".into(),
                content_type: "application/pdf".into(),
                content: content.clone(),
            }]
        );
        // A file deleted before delivery is a permanent failure, not a silent omission.
        files.delete(&[id]).await.unwrap();
        assert!(!handler.deliver(&sent).await.unwrap_err().is_retryable());
    }

    /// Like GOV.UK Notify's API: an email with attachments is refused as unsupported, the
    /// rest go to the stub.
    struct NoAttachments(StubTransport);

    #[async_trait::async_trait]
    impl Transport for NoAttachments {
        async fn send(
            &self,
            message: &Outgoing,
        ) -> Result<civic_notify::transport::Receipt, SendError> {
            match message {
                Outgoing::Email(email) if !email.attachments.is_empty() => {
                    Err(SendError::unsupported("no attachments"))
                }
                _ => self.0.send(message).await,
            }
        }
    }

    #[tokio::test]
    async fn a_transport_without_attachments_gets_the_email_naming_the_files() {
        let files = Arc::new(crate::session::MemoryFileStore::new());
        let mut accepted = Vec::new();
        for name in ["bill.pdf", "photo.png"] {
            accepted.push(stored_pdf(&files, name, b"%PDF-1.7").await);
        }
        let mut sent = submission("Pothole");
        sent.answers
            .values
            .insert("proof".into(), AnswerValue::Files(accepted));
        let stub = StubTransport::new();
        let team = vec![
            EmailAddress::parse("team@council.example").unwrap(),
            EmailAddress::parse("manager@council.example").unwrap(),
        ];
        let transport = Arc::new(NoAttachments(stub.clone()));
        let handler = EmailHandler::team(Arc::new(form()), transport, "f@c.example", team)
            .attach_files(files);
        handler.deliver(&sent).await.unwrap();
        let emails = stub.sent();
        assert_eq!(emails.len(), 2);
        for email in emails {
            let Outgoing::Email(email) = email else {
                panic!("not an email")
            };
            assert!(email.attachments.is_empty());
            assert!(
                email.message.plain_text.contains(
                    "The uploaded files (bill.pdf and photo.png) could not be attached: this \
                     email service does not send attachments. They are kept with the submission"
                ),
                "{}",
                email.message.plain_text
            );
        }
    }

    #[tokio::test]
    async fn a_transient_send_failure_is_retryable() {
        let transport = Arc::new(StubTransport::failing(SendError::transient("relay down")));
        let team = vec![EmailAddress::parse("team@council.example").unwrap()];
        let handler = EmailHandler::team(Arc::new(form()), transport, "f@council.example", team);
        assert!(
            handler
                .deliver(&submission("x"))
                .await
                .unwrap_err()
                .is_retryable()
        );
    }
}
