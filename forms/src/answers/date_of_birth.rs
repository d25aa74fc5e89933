//! A date of birth: a date in the past, asked in the date input with the browser's birthday
//! autocomplete, read and shown as any date is.

use maud::Markup;
use time::Date;

use super::date::{DATE_PARTS, date_field, date_lines, read};
use super::{AnswerKind, AnswerValue, FieldError, Outcome, Submitted};
use crate::definition::{DateRule, Language, Question};
use crate::messages::{Message, Part};
use crate::render::FieldContext;

/// A date of birth.
pub(super) struct Kind;

impl AnswerKind for Kind {
    fn parts(&self) -> &'static [Part] {
        DATE_PARTS
    }

    /// A date that must be in the past: "Date of birth must be in the past".
    fn read(&self, question: &Question, submitted: &Submitted, today: Date) -> Outcome {
        read(question, Some(DateRule::InThePast), None, submitted, today)
    }

    fn required(&self, question: &Question) -> FieldError {
        FieldError::parts(question, DATE_PARTS, Message::Required)
    }

    /// The date input, each box with its `bday-*` autocomplete token.
    fn field(&self, question: &Question, at: FieldContext<'_>) -> Markup {
        date_field(question, DATE_PARTS, true, at)
    }

    fn display(
        &self,
        _: &Question,
        value: &AnswerValue,
        language: Language,
    ) -> Option<Vec<String>> {
        date_lines(value, language)
    }
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::super::test_support::*;
    use super::*;
    use crate::definition::AnswerType;
    use crate::render::field_test;

    fn dob() -> Question {
        named(AnswerType::DateOfBirth {}, "your date of birth")
    }

    fn parts(day: &str, month: &str, year: &str) -> Submitted {
        Submitted::from_pairs([("q.day", day), ("q.month", month), ("q.year", year)])
    }

    #[test]
    fn a_date_of_birth_must_be_in_the_past() {
        // `today()` is 15 June 2025.
        assert_eq!(
            run(&dob(), &parts("14", "6", "2025")),
            Ok(Some(AnswerValue::Date(date!(2025 - 06 - 14))))
        );
        for (day, month, year) in [("15", "6", "2025"), ("1", "1", "2030")] {
            assert_eq!(
                run(&dob(), &parts(day, month, year)),
                Err(vec!["Date of birth must be in the past".to_owned()])
            );
        }
        assert_eq!(
            run(&dob(), &parts("", "", "")),
            Err(vec!["Enter your date of birth".to_owned()])
        );
    }

    #[test]
    fn each_box_has_its_birthday_autocomplete() {
        let html = field_test::render_question(&dob(), &parts("", "", ""), true);
        for token in ["bday-day", "bday-month", "bday-year"] {
            assert!(
                html.contains(&format!(r#"autocomplete="{token}""#)),
                "{html}"
            );
        }
        let html = field_test::render_question(
            &question(AnswerType::Date(crate::definition::DateOptions::default())),
            &Submitted::default(),
            true,
        );
        assert!(!html.contains("bday"), "{html}");
    }

    #[test]
    fn shown_as_a_date_in_either_language() {
        let born = AnswerValue::Date(date!(1990 - 03 - 01));
        let q = dob();
        assert_eq!(
            super::super::display(&q, Some(&born), Language::En),
            ["1 March 1990"]
        );
        assert_eq!(
            super::super::display(&q, Some(&born), Language::Cy),
            ["1 Mawrth 1990"]
        );
    }
}
