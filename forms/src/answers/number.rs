//! Numbers, whole or decimal, with limits. Spaces and thousands separators are ignored.

use super::{AnswerValue, FieldError, Outcome, Submitted};
use crate::decimal::Decimal;
use crate::definition::{AnswerType, Language, NumberOptions, Question};
use crate::messages::Message;

/// Reads a number.
pub(super) fn read(question: &Question, options: &NumberOptions, submitted: &Submitted) -> Outcome {
    let typed: String = submitted
        .get(&question.id)
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ',' && *c != '_')
        .collect();
    if typed.is_empty() {
        return Ok(None);
    }
    let error = |message| Err(vec![FieldError::whole(question, message)]);
    let Ok(value) = Decimal::parse(&typed) else {
        return error(Message::NotANumber);
    };
    if options.whole && !value.is_whole() {
        return error(Message::NotAWholeNumber);
    }
    if let Some(min) = options.min.filter(|min| value < *min) {
        return error(Message::TooSmall(min.to_string()));
    }
    if let Some(max) = options.max.filter(|max| value > *max) {
        return error(Message::TooLarge(max.to_string()));
    }
    Ok(Some(AnswerValue::Number(value)))
}

/// The number with the question's suffix, like `37.5 hours`.
pub(super) fn display(question: &Question, value: Decimal, language: Language) -> String {
    match &question.answer {
        AnswerType::Number(NumberOptions {
            suffix: Some(suffix),
            ..
        }) => {
            format!("{value} {}", suffix.in_language(language))
        }
        _ => value.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use proptest::prelude::*;

    fn hours(whole: bool) -> Question {
        named(
            AnswerType::Number(NumberOptions {
                whole,
                min: Some(Decimal::from_integer(1)),
                max: Some(Decimal::from_integer(1000)),
                suffix: Some("hours".into()),
            }),
            "the hours you work",
        )
    }

    #[test]
    fn separators_are_ignored_and_limits_applied() {
        assert_eq!(
            run(&hours(false), &one(" 1,000 ")),
            Ok(Some(AnswerValue::Number(Decimal::from_integer(1000))))
        );
        assert_eq!(
            error(&hours(false), "ten"),
            "Hours you work must be a number"
        );
        assert_eq!(
            error(&hours(true), "37.5"),
            "Hours you work must be a whole number"
        );
        assert_eq!(
            error(&hours(false), "0.5"),
            "Hours you work must be 1 or more"
        );
        assert_eq!(
            error(&hours(false), "1 001"),
            "Hours you work must be 1000 or less"
        );
        assert_eq!(
            display(&hours(false), Decimal::parse("37.5").unwrap(), Language::En),
            "37.5 hours"
        );
    }

    proptest! {
        #[test]
        fn any_text_is_read_or_refused(text in ".*") {
            let _ = run(&hours(false), &one(&text));
        }
    }
}
