//! Email addresses, checked as GOV.UK Notify checks them before sending.

use civic_notify::EmailAddress;

use maud::Markup;
use time::Date;

use super::{AnswerKind, AnswerValue, FieldError, Outcome, Submitted, text_lines};
use crate::definition::{Language, Question};
use crate::messages::Message;
use crate::render::{FieldContext, text_input};

/// An email address, kept as typed once Notify's rules accept it.
pub(super) struct Kind;

impl AnswerKind for Kind {
    fn read(&self, question: &Question, submitted: &Submitted, _today: Date) -> Outcome {
        read(question, submitted)
    }

    /// An email input: the email keyboard, the browser's saved address, no spellcheck.
    fn field(&self, question: &Question, at: FieldContext<'_>) -> Markup {
        text_input(question, at, |input| {
            input
                .input_type("email")
                .autocomplete("email")
                .spellcheck(false)
        })
    }

    fn display(&self, _: &Question, value: &AnswerValue, _: Language) -> Option<Vec<String>> {
        text_lines(value)
    }
}

/// Reads an email address.
fn read(question: &Question, submitted: &Submitted) -> Outcome {
    let typed = submitted.get(&question.id).trim();
    if typed.is_empty() {
        return Ok(None);
    }
    match EmailAddress::parse(typed) {
        Ok(address) => Ok(Some(AnswerValue::Text(address.as_str().to_owned()))),
        Err(_) => Err(vec![FieldError::whole(question, Message::EmailFormat)]),
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::definition::AnswerType;
    use proptest::prelude::*;

    #[test]
    fn email_addresses_are_checked() {
        let q = question(AnswerType::Email {});
        assert!(matches!(
            run(&q, &one(" name@example.com ")),
            Ok(Some(AnswerValue::Text(_)))
        ));
        assert_eq!(
            error(&q, "name@example"),
            "Enter an email address in the correct format, like name@example.com"
        );
        assert_eq!(error(&q, ""), "Enter an email address");
    }

    proptest! {
        #[test]
        fn any_text_is_read_or_refused(text in ".*") {
            let _ = run(&question(AnswerType::Email {}), &one(&text));
        }
    }
}
