//! Single-line text.

use maud::Markup;
use time::Date;

use super::{AnswerKind, AnswerValue, FieldError, Outcome, Submitted, text_lines, tidy};
use crate::definition::{Language, Question, TextOptions};
use crate::messages::Message;
use crate::render::{FieldContext, text_input};

/// The character limit when the definition gives none.
const DEFAULT_MAX_LENGTH: u32 = 500;

/// One line of text.
pub(super) struct Kind<'a>(pub(super) &'a TextOptions);

impl AnswerKind for Kind<'_> {
    fn read(&self, question: &Question, submitted: &Submitted, _today: Date) -> Outcome {
        read_line(question, self.0, DEFAULT_MAX_LENGTH, submitted)
    }

    /// A plain text input.
    fn field(&self, question: &Question, at: FieldContext<'_>) -> Markup {
        text_input(question, at, |input| input)
    }

    fn display(&self, _: &Question, value: &AnswerValue, _: Language) -> Option<Vec<String>> {
        text_lines(value)
    }
}

/// Reads one line of text of at most `options.max_length` characters, or `default_max`; line
/// breaks pasted in become spaces.
pub(super) fn read_line(
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

    proptest! {
        #[test]
        fn any_text_is_read_or_refused(text in ".*") {
            let _ = run(&question(AnswerType::Text(TextOptions::default())), &one(&text));
        }
    }
}
