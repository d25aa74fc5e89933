//! Long text, with a character or word limit the resident sees counted as they type.

use super::{AnswerValue, FieldError, Outcome, Submitted, tidy};
use crate::definition::{LongTextOptions, Question};
use crate::messages::Message;

/// The character limit when the definition gives none.
pub(crate) const DEFAULT_MAX_LENGTH: u32 = 5000;

/// Reads several lines of text.
pub(super) fn read(
    question: &Question,
    options: &LongTextOptions,
    submitted: &Submitted,
) -> Outcome {
    let value = tidy(submitted.get(&question.id));
    if value.is_empty() {
        return Ok(None);
    }
    if let Some(max) = options.max_words {
        if value.split_whitespace().count() > max as usize {
            return Err(vec![FieldError::whole(
                question,
                Message::TooManyWords(max),
            )]);
        }
    } else {
        let max = options.max_length.unwrap_or(DEFAULT_MAX_LENGTH);
        if value.chars().count() > max as usize {
            return Err(vec![FieldError::whole(question, Message::TooLong(max))]);
        }
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
    fn words_or_characters_are_counted() {
        let words = named(
            AnswerType::LongText(LongTextOptions {
                max_length: None,
                max_words: Some(3),
            }),
            "a description",
        );
        assert_eq!(
            error(&words, "one two\nthree four"),
            "Description must be 3 words or less"
        );
        assert_eq!(
            run(&words, &one("one\r\ntwo ")),
            Ok(Some(AnswerValue::Text("one\ntwo".into())))
        );
        let chars = named(
            AnswerType::LongText(LongTextOptions {
                max_length: Some(4),
                max_words: None,
            }),
            "a description",
        );
        assert_eq!(
            error(&chars, "ééééé"),
            "Description must be 4 characters or less"
        );
    }

    proptest! {
        #[test]
        fn any_text_is_read_or_refused(text in ".*") {
            let _ = run(&question(AnswerType::LongText(LongTextOptions::default())), &one(&text));
        }
    }
}
