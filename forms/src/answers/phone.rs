//! Telephone numbers, UK or international, read as GOV.UK Notify reads them.

use civic_notify::{Allow, PhoneNumber};

use super::{AnswerValue, FieldError, Outcome, Submitted};
use crate::definition::{PhoneOptions, Question};
use crate::messages::Message;

/// Reads a telephone number; it is kept in international form, like `+447700900982`.
pub(super) fn read(question: &Question, options: &PhoneOptions, submitted: &Submitted) -> Outcome {
    let typed = submitted.get(&question.id).trim();
    if typed.is_empty() {
        return Ok(None);
    }
    let allow = if options.international {
        Allow::ALL
    } else {
        Allow::UK_MOBILE_OR_LANDLINE
    };
    match PhoneNumber::parse(typed, allow) {
        Ok(number) => Ok(Some(AnswerValue::Text(format!("+{}", number.as_str())))),
        Err(_) if !options.international && PhoneNumber::parse(typed, Allow::ALL).is_ok() => {
            Err(vec![FieldError::whole(question, Message::PhoneNotUk)])
        }
        Err(_) => Err(vec![FieldError::whole(question, Message::PhoneFormat)]),
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::definition::AnswerType;
    use proptest::prelude::*;

    #[test]
    fn uk_numbers_are_accepted_in_any_common_form() {
        let q = question(AnswerType::Phone(PhoneOptions::default()));
        for typed in ["07700 900982", "+44 (0)7700 900 982", "(07700) 900-982"] {
            assert_eq!(
                run(&q, &one(typed)),
                Ok(Some(AnswerValue::Text("+447700900982".into()))),
                "{typed}"
            );
        }
        assert_eq!(
            error(&q, "0770"),
            "Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192"
        );
        assert_eq!(
            error(&q, "+33 6 12 34 56 78"),
            "Enter a UK telephone number, like 01632 960 001 or 07700 900 982"
        );
    }

    #[test]
    fn international_numbers_when_allowed() {
        let q = question(AnswerType::Phone(PhoneOptions {
            international: true,
        }));
        assert_eq!(
            run(&q, &one("+33 6 12 34 56 78")),
            Ok(Some(AnswerValue::Text("+33612345678".into())))
        );
    }

    proptest! {
        #[test]
        fn any_text_is_read_or_refused(text in ".*") {
            let _ = run(&question(AnswerType::Phone(PhoneOptions { international: true })), &one(&text));
        }
    }
}
