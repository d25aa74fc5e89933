//! UK postcodes, read by civic-address-lookup with any spacing, case or punctuation.

use civic_address_lookup::Postcode;

use maud::Markup;
use time::Date;

use super::{AnswerKind, AnswerValue, FieldError, Outcome, Submitted, text_lines};
use crate::definition::{Language, Question};
use crate::messages::Message;
use crate::render::{FieldContext, text_input};

/// A UK postcode.
pub(super) struct Kind;

impl AnswerKind for Kind {
    fn read(&self, question: &Question, submitted: &Submitted, _today: Date) -> Outcome {
        read(question, submitted)
    }

    /// A short input the browser can fill with the resident's postcode.
    fn field(&self, question: &Question, at: FieldContext<'_>) -> Markup {
        text_input(question, at, |input| {
            input
                .autocomplete("postal-code")
                .classes("govuk-input--width-10")
        })
    }

    fn display(&self, _: &Question, value: &AnswerValue, _: Language) -> Option<Vec<String>> {
        text_lines(value)
    }
}

/// Reads a postcode; it is kept in its normal form, like `SW1A 2AA`.
fn read(question: &Question, submitted: &Submitted) -> Outcome {
    let typed = submitted.get(&question.id).trim();
    if typed.is_empty() {
        return Ok(None);
    }
    match Postcode::parse(typed) {
        Ok(postcode) => Ok(Some(AnswerValue::Text(postcode.as_str().to_owned()))),
        Err(_) => Err(vec![FieldError::whole(question, Message::PostcodeFormat)]),
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::definition::AnswerType;
    use proptest::prelude::*;

    #[test]
    fn postcodes_are_normalised() {
        let q = question(AnswerType::Postcode {});
        assert_eq!(
            run(&q, &one("sw1a-2aa")),
            Ok(Some(AnswerValue::Text("SW1A 2AA".into())))
        );
        assert_eq!(error(&q, "SW1A"), "Enter a real postcode");
        assert_eq!(error(&q, ""), "Enter a postcode");
    }

    proptest! {
        #[test]
        fn any_text_is_read_or_refused(text in ".*") {
            let _ = run(&question(AnswerType::Postcode {}), &one(&text));
        }
    }
}
