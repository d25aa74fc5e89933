//! Yes or no, asked with two radios side by side.

use maud::Markup;
use time::Date;

use super::one_from_list::radios;
use super::{AnswerKind, AnswerValue, FieldError, Outcome, Submitted};
use crate::definition::{Choice, Language, Question, Text};
use crate::messages::{Message, Word};
use crate::render::FieldContext;

/// Yes or no.
pub(super) struct Kind;

impl AnswerKind for Kind {
    fn read(&self, question: &Question, submitted: &Submitted, _today: Date) -> Outcome {
        read(question, submitted)
    }

    /// "Select ...".
    fn required(&self, question: &Question) -> FieldError {
        FieldError::whole(question, Message::SelectRequired)
    }

    /// Two inline radios, "Yes" then "No".
    fn field(&self, question: &Question, at: FieldContext<'_>) -> Markup {
        let language = at.language;
        let choices = [
            Choice::new("yes", Text::new(Word::Yes.text(language))),
            Choice::new("no", Text::new(Word::No.text(language))),
        ];
        radios(question, &choices, true, at)
    }

    fn display(
        &self,
        _: &Question,
        value: &AnswerValue,
        language: Language,
    ) -> Option<Vec<String>> {
        match value {
            AnswerValue::YesNo(yes) => Some(vec![display(*yes, language)]),
            _ => None,
        }
    }
}

/// Reads `yes` or `no`; anything else was not sent by our radios and is asked again.
fn read(question: &Question, submitted: &Submitted) -> Outcome {
    match submitted.get(&question.id) {
        "" => Ok(None),
        "yes" => Ok(Some(AnswerValue::YesNo(true))),
        "no" => Ok(Some(AnswerValue::YesNo(false))),
        _ => Err(vec![FieldError::whole(question, Message::SelectRequired)]),
    }
}

/// "Yes" or "No".
fn display(yes: bool, language: Language) -> String {
    let word = if yes { Word::Yes } else { Word::No };
    word.text(language).to_owned()
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::definition::AnswerType;
    use crate::render::field_test;
    use proptest::prelude::*;

    #[test]
    fn yes_and_no_only() {
        let q = named(AnswerType::YesNo {}, "if you have a vehicle");
        assert_eq!(run(&q, &one("no")), Ok(Some(AnswerValue::YesNo(false))));
        assert_eq!(error(&q, "maybe"), "Select if you have a vehicle");
        assert_eq!(display(true, Language::Cy), "Ie");
    }

    #[test]
    fn two_inline_radios_with_the_answer_reshown() {
        let html = field_test::render_question(&question(AnswerType::YesNo {}), &one("no"), true);
        assert!(html.contains("govuk-radios--inline"), "{html}");
        let yes = html.find(r#"value="yes""#).unwrap();
        let no = html.find(r#"value="no""#).unwrap();
        let checked = html.find("checked").unwrap();
        assert!(yes < no && no < checked, "{html}");
    }

    proptest! {
        #[test]
        fn any_text_is_read_or_refused(text in ".*") {
            let _ = run(&question(AnswerType::YesNo {}), &one(&text));
        }
    }
}
