//! The waste team's email of a booking: civic-forms' team email, with the collection date as
//! residents read it ("Tuesday 1 December 2026"). The date question's options are supplied
//! while the resident answers, so the definition holds none and the engine's email would show
//! the stored value (`2026-12-01`); here each email is written from the definition with the
//! chosen date as that question's one option.

use std::sync::Arc;

use civic_forms::answers::AnswerValue;
use civic_forms::definition::{AnswerType, Choice, FormDefinition};
use civic_forms::delivery::{DeliveryError, EmailHandler, Submission, SubmissionHandler};
use civic_notify::EmailAddress;
use civic_notify::transport::Transport;

use super::DATE;
use super::slots::{label, parse_iso};

/// Emails each booking's answers to the waste team (the definition's `delivery.team_emails`).
pub(crate) struct TeamEmail {
    form: Arc<FormDefinition>,
    transport: Arc<dyn Transport>,
    from: String,
    team: Vec<EmailAddress>,
}

impl TeamEmail {
    /// The team email of `form`; says which address is not one.
    pub(crate) fn new(
        form: Arc<FormDefinition>,
        transport: Arc<dyn Transport>,
        from: &str,
    ) -> Result<TeamEmail, String> {
        let team = form
            .delivery
            .team_emails
            .iter()
            .map(|address| {
                EmailAddress::parse(address).map_err(|_| {
                    format!("delivery.team_emails: {address} is not a valid email address")
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(TeamEmail {
            form,
            transport,
            from: from.to_owned(),
            team,
        })
    }

    /// The definition with the date `submission` chose as the date question's only option.
    fn with_its_date(&self, submission: &Submission) -> FormDefinition {
        let mut form = (*self.form).clone();
        let chosen = match submission.answers.values.get(DATE) {
            Some(AnswerValue::Choice(value)) => parse_iso(value).map(|date| (value, date)),
            _ => None,
        };
        let question = form
            .pages
            .iter_mut()
            .flat_map(|page| page.questions.iter_mut())
            .find(|question| question.id == DATE);
        if let (Some((value, date)), Some(question)) = (chosen, question)
            && let AnswerType::OneFromList(list) = &mut question.answer
        {
            list.options = vec![Choice::new(value.clone(), label(date))];
        }
        form
    }
}

#[async_trait::async_trait]
impl SubmissionHandler for TeamEmail {
    fn name(&self) -> &str {
        "team-email"
    }

    async fn deliver(&self, submission: &Submission) -> Result<(), DeliveryError> {
        EmailHandler::team(
            Arc::new(self.with_its_date(submission)),
            Arc::clone(&self.transport),
            self.from.clone(),
            self.team.clone(),
        )
        .deliver(submission)
        .await
    }
}
