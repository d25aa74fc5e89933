//! Single-line text, and organisation names.

use super::{AnswerValue, FieldError, Outcome, Submitted, tidy};
use crate::definition::{Question, TextOptions};
use crate::messages::Message;

/// Reads one line of text; line breaks pasted in become spaces.
pub(super) fn read(
    question: &Question,
    options: &TextOptions,
    default_max: u32,
    submitted: &Submitted,
) -> Outcome {
    let value = tidy(submitted.get(&question.id)).replace('\n', " ");
    if value.is_empty() {
        return Ok(None);
    }
    let max = options.max_length.unwrap_or(default_max);
    if value.chars().count() > max as usize {
        return Err(vec![FieldError::whole(question, Message::TooLong(max))]);
    }
    Ok(Some(AnswerValue::Text(value)))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::definition::AnswerType;
    use proptest::prelude::*;

    #[test]
    fn text_is_trimmed_and_limited() {
        let q = named(
            AnswerType::Text(TextOptions {
                max_length: Some(5),
            }),
            "your pet's name",
        );
        assert_eq!(
            run(&q, &one("  Rex ")),
            Ok(Some(AnswerValue::Text("Rex".into())))
        );
        assert_eq!(
            error(&q, "Rexxxx"),
            "Pet's name must be 5 characters or less"
        );
        assert_eq!(error(&q, "   "), "Enter your pet's name");
    }

    #[test]
    fn organisation_names_default_to_100_characters() {
        let q = question(AnswerType::OrganisationName(TextOptions::default()));
        assert_eq!(
            error(&q, &"a".repeat(101)),
            "Name of the organisation must be 100 characters or less"
        );
    }

    proptest! {
        #[test]
        fn any_text_is_read_or_refused(text in ".*") {
            let _ = run(&question(AnswerType::Text(TextOptions::default())), &one(&text));
        }
    }
}
