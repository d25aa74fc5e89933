//! The name of an organisation: a company, charity or club.

use maud::Markup;
use time::Date;

use super::text::read_line;
use super::{AnswerKind, AnswerValue, Outcome, Submitted, text_lines};
use crate::definition::{Language, Question, TextOptions};
use crate::render::{FieldContext, text_input};

/// The character limit when the definition gives none, as for a person's name.
const DEFAULT_MAX_LENGTH: u32 = 100;

/// An organisation's name, on one line.
pub(super) struct Kind<'a>(pub(super) &'a TextOptions);

impl AnswerKind for Kind<'_> {
    fn read(&self, question: &Question, submitted: &Submitted, _today: Date) -> Outcome {
        read_line(question, self.0, DEFAULT_MAX_LENGTH, submitted)
    }

    /// A text input the browser can fill with the resident's organisation.
    fn field(&self, question: &Question, at: FieldContext<'_>) -> Markup {
        text_input(question, at, |input| input.autocomplete("organization"))
    }

    fn display(&self, _: &Question, value: &AnswerValue, _: Language) -> Option<Vec<String>> {
        text_lines(value)
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::definition::AnswerType;
    use crate::render::field_test;
    use proptest::prelude::*;

    #[test]
    fn organisation_names_default_to_100_characters() {
        let q = question(AnswerType::OrganisationName(TextOptions::default()));
        assert_eq!(
            error(&q, &"a".repeat(101)),
            "Name of the organisation must be 100 characters or less"
        );
        assert_eq!(
            run(&q, &one(" Acme\r\nLtd ")),
            Ok(Some(AnswerValue::Text("Acme Ltd".into())))
        );
    }

    #[test]
    fn the_field_offers_the_resident_s_organisation() {
        let html = field_test::render_question(
            &question(AnswerType::OrganisationName(TextOptions::default())),
            &one("Acme <Ltd>"),
            true,
        );
        assert!(html.contains(r#"autocomplete="organization""#), "{html}");
        assert!(html.contains("Acme &lt;Ltd&gt;"), "{html}");
    }

    proptest! {
        #[test]
        fn any_text_is_read_or_refused(text in ".*") {
            let q = question(AnswerType::OrganisationName(TextOptions::default()));
            let _ = run(&q, &one(&text));
        }
    }
}
