//! One option from a list: radios, or a select enhanced into an autocomplete.

use super::{AnswerValue, FieldError, Outcome, Submitted};
use crate::definition::{Language, OneFromListOptions, Question};
use crate::messages::Message;

/// Reads the option chosen; a value not in the list was not sent by our form and is asked
/// again.
pub(super) fn read(
    question: &Question,
    options: &OneFromListOptions,
    submitted: &Submitted,
) -> Outcome {
    let value = submitted.get(&question.id);
    if value.is_empty() {
        return Ok(None);
    }
    if options.options.iter().any(|c| c.value == value) {
        Ok(Some(AnswerValue::Choice(value.to_owned())))
    } else {
        Err(vec![FieldError::whole(question, Message::SelectRequired)])
    }
}

/// The label of the option with `value`, or the value itself if the list has changed since.
pub(super) fn label(question: &Question, value: &str, language: Language) -> String {
    question
        .answer
        .choices()
        .iter()
        .find(|c| c.value == value)
        .map_or_else(
            || value.to_owned(),
            |c| c.label.in_language(language).to_owned(),
        )
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::definition::{AnswerType, Choice, Text};
    use proptest::prelude::*;

    fn bins() -> Question {
        named(
            AnswerType::OneFromList(OneFromListOptions {
                options: vec![
                    Choice::new("small", Text::bilingual("Small", "Bach")),
                    Choice::new("large", "Large"),
                ],
                ..OneFromListOptions::default()
            }),
            "the size of bin",
        )
    }

    #[test]
    fn only_listed_options_are_accepted() {
        let q = bins();
        assert_eq!(
            run(&q, &one("small")),
            Ok(Some(AnswerValue::Choice("small".into())))
        );
        assert_eq!(error(&q, "huge"), "Select the size of bin");
        assert_eq!(error(&q, ""), "Select the size of bin");
        assert_eq!(label(&q, "small", Language::Cy), "Bach");
    }

    proptest! {
        #[test]
        fn any_text_is_read_or_refused(text in ".*") {
            let _ = run(&bins(), &one(&text));
        }
    }
}
