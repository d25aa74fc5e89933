//! Numbers, whole or decimal, with limits. Spaces and thousands separators are ignored.

use civic_components::Affix;
use maud::Markup;
use time::Date;

use super::{AnswerKind, AnswerValue, FieldError, Outcome, Submitted};
use crate::decimal::Decimal;
use crate::definition::{Language, NumberOptions, Question};
use crate::messages::Message;
use crate::render::{FieldContext, text_input};

/// A number, whole or decimal, within the question's limits.
pub(super) struct Kind<'a>(pub(super) &'a NumberOptions);

impl AnswerKind for Kind<'_> {
    fn read(&self, question: &Question, submitted: &Submitted, _today: Date) -> Outcome {
        read(question, self.0, submitted)
    }

    /// A short input on the number keyboard, with the question's unit after it.
    fn field(&self, question: &Question, at: FieldContext<'_>) -> Markup {
        let language = at.language;
        let options = self.0;
        text_input(question, at, |input| {
            let input = input
                .inputmode(if options.whole { "numeric" } else { "decimal" })
                .spellcheck(false)
                .classes("govuk-input--width-10");
            match &options.suffix {
                Some(suffix) => input.suffix(Affix::text(suffix.in_language(language))),
                None => input,
            }
        })
    }

    /// The number with the question's unit, like `37.5 hours`.
    fn display(
        &self,
        _: &Question,
        value: &AnswerValue,
        language: Language,
    ) -> Option<Vec<String>> {
        let AnswerValue::Number(number) = value else {
            return None;
        };
        Some(vec![match &self.0.suffix {
            Some(suffix) => format!("{number} {}", suffix.in_language(language)),
            None => number.to_string(),
        }])
    }
}

/// Reads a number.
fn read(question: &Question, options: &NumberOptions, submitted: &Submitted) -> Outcome {
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

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::definition::AnswerType;
    use crate::render::field_test;
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
        let hours_worked = AnswerValue::Number(Decimal::parse("37.5").unwrap());
        assert_eq!(
            super::super::display(&hours(false), Some(&hours_worked), Language::En),
            ["37.5 hours"]
        );
    }

    #[test]
    fn the_field_has_the_number_keyboard_and_the_unit_after_it() {
        let html = field_test::render_question(&hours(true), &one("12"), false);
        assert!(html.contains(r#"inputmode="numeric""#), "{html}");
        assert!(html.contains("govuk-input__suffix"), "{html}");
        assert!(html.contains("hours"), "{html}");
        assert!(html.contains(r#"value="12""#), "{html}");
        let html = field_test::render_question(&hours(false), &one(""), false);
        assert!(html.contains(r#"inputmode="decimal""#), "{html}");
    }

    proptest! {
        #[test]
        fn any_text_is_read_or_refused(text in ".*") {
            let _ = run(&hours(false), &one(&text));
        }
    }
}
