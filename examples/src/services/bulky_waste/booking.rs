//! Once a collection is paid for: the booking is confirmed, the resident emailed the items,
//! the date, the amount paid and the reference, and a text message reminder queued in the
//! notify outbox for the morning of the day before. A submission handler, so it runs exactly
//! once whether the resident comes back from paying or the minute job finds the payment; its
//! messages carry idempotency keys, so a retry queues nothing twice.

use std::sync::Arc;

use civic_forms::answers::AnswerValue;
use civic_forms::definition::{FormDefinition, Language};
use civic_forms::delivery::{DeliveryError, Submission, SubmissionHandler};
use civic_forms::journey::Journey;
use civic_notify::transport::{Outgoing, OutgoingSms};
use civic_notify::{Allow, Personalisation, PhoneNumber, SmsPolicy, Template, TemplateKind};
use time::{Date, OffsetDateTime, Time};

use super::slots::{Slots, label, parse_iso};
use super::{DATE, EMAIL, ITEM, MOBILE};
use crate::Clock;
use crate::services::emails::{Mailer, notify_language, queue_failed, text};
use crate::services::pounds;

/// When the reminder goes: 09:00 (UTC) on the day before the collection.
const REMINDER_AT: Time = time::macros::time!(09:00);

/// The resident's booking confirmation: `((reference))`, `((date))`, `((items))`, `((amount))`.
const EMAIL_EN: (&str, &str) = (
    "Bulky waste collection booked: ((reference))",
    "Your bulky waste collection is booked.\n\nReference: ((reference))\n\nCollection date: ((date))\n\nItems:\n\n((items))\n\nAmount paid: ((amount))\n\nPut the items outside your home by 7am on the collection day. We will text you a reminder the day before.",
);
const EMAIL_CY: (&str, &str) = (
    "Casgliad gwastraff swmpus wedi'i drefnu: ((reference))",
    "Mae eich casgliad gwastraff swmpus wedi'i drefnu.\n\nCyfeirnod: ((reference))\n\nDyddiad casglu: ((date))\n\nEitemau:\n\n((items))\n\nSwm a dalwyd: ((amount))\n\nRhowch yr eitemau y tu allan i'ch cartref erbyn 7am ar ddiwrnod y casgliad. Byddwn yn anfon neges destun atoch i'ch atgoffa y diwrnod cynt.",
);

/// The reminder: `((reference))`, `((date))`.
const SMS_EN: &str = "Reminder: we collect your bulky waste tomorrow, ((date)). Put the items outside by 7am. Reference ((reference)).";
const SMS_CY: &str = "Nodyn atgoffa: byddwn yn casglu eich gwastraff swmpus yfory, ((date)). Rhowch yr eitemau y tu allan erbyn 7am. Cyfeirnod ((reference)).";

/// Confirms paid bookings and tells the resident.
pub(crate) struct Booking {
    slots: Arc<Slots>,
    mailer: Mailer,
    form: Arc<FormDefinition>,
    council: String,
    clock: Clock,
}

impl Booking {
    pub(crate) fn new(
        slots: Arc<Slots>,
        mailer: Mailer,
        form: Arc<FormDefinition>,
        council: &str,
        clock: Clock,
    ) -> Booking {
        Booking {
            slots,
            mailer,
            form,
            council: council.to_owned(),
            clock,
        }
    }

    /// The items chosen, each with its price, one a line.
    fn items(&self, submission: &Submission, language: Language) -> String {
        let labels = self
            .form
            .find_question(ITEM)
            .map(|(_, question)| question.answer.choices())
            .unwrap_or_default();
        submission
            .answers
            .items(ITEM)
            .iter()
            .filter_map(|item| match item.values.get(ITEM) {
                Some(AnswerValue::Choice(value)) => Some(
                    labels
                        .iter()
                        .find(|choice| &choice.value == value)
                        .map_or_else(
                            || value.clone(),
                            |c| c.label.in_language(language).to_owned(),
                        ),
                ),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// When the reminder for a collection on `date` is sent.
pub(crate) fn reminder_time(date: Date) -> OffsetDateTime {
    (date - time::Duration::days(1))
        .with_time(REMINDER_AT)
        .assume_utc()
}

#[async_trait::async_trait]
impl SubmissionHandler for Booking {
    fn name(&self) -> &str {
        "booking"
    }

    async fn deliver(&self, submission: &Submission) -> Result<(), DeliveryError> {
        let now = (self.clock)();
        let reference = submission.reference.as_str();
        let held = self.slots.confirm(reference, now).await.map_err(|e| {
            DeliveryError::retryable("the booking could not be confirmed").with_source(e)
        })?;
        if !held {
            // Paid after the hold lapsed: the booking stands; the crew may have one extra.
            tracing::warn!(
                reference,
                "a bulky waste booking was paid after its hold lapsed"
            );
        }
        let date = match submission.answers.values.get(DATE) {
            Some(AnswerValue::Choice(value)) => parse_iso(value),
            _ => None,
        }
        .ok_or_else(|| DeliveryError::permanent("the booking has no collection date"))?;
        let language = submission.language;
        let amount = Journey::new(&self.form, submission.submitted_at.date())
            .fee(&submission.answers)
            .unwrap_or(0);
        let values = Personalisation::new()
            .with("reference", reference)
            .with("date", label(date).in_language(language))
            .with("items", self.items(submission, language))
            .with("amount", pounds(amount));

        self.mailer
            .email(
                submission,
                EMAIL,
                "booking-email",
                (EMAIL_EN, EMAIL_CY),
                &values,
            )
            .await?;

        // The number was checked as a UK phone number; a landline cannot take the reminder.
        let Some(to) = text(submission, MOBILE)
            .and_then(|number| PhoneNumber::parse(number, Allow::UK_MOBILE).ok())
        else {
            tracing::info!(
                reference,
                "no reminder: the phone number is not a UK mobile"
            );
            return Ok(());
        };
        let sms = Template::new(TemplateKind::Sms, None, SMS_EN)
            .with_welsh(None, SMS_CY)
            .render_sms(
                notify_language(language),
                &values,
                Some(&self.council),
                SmsPolicy::Gsm,
            )
            .map_err(|e| {
                DeliveryError::permanent("the reminder could not be written").with_source(e)
            })?;
        let sms = Outgoing::Sms(OutgoingSms {
            idempotency_key: format!("{reference}-booking-reminder"),
            to,
            sender: None,
            text: sms.text().to_owned(),
        });
        self.mailer
            .outbox()
            .enqueue(&sms, Some(reminder_time(date)))
            .await
            .map_err(queue_failed)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn the_reminder_goes_the_morning_before() {
        assert_eq!(
            reminder_time(date!(2026 - 12 - 01)),
            datetime!(2026-11-30 09:00 UTC)
        );
    }
}
