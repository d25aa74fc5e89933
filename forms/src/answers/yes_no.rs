//! Yes or no, asked with two radios.

use super::{AnswerValue, FieldError, Outcome, Submitted};
use crate::definition::{Language, Question};
use crate::messages::{Message, Word};

/// Reads `yes` or `no`; anything else was not sent by our radios and is asked again.
pub(super) fn read(question: &Question, submitted: &Submitted) -> Outcome {
    match submitted.get(&question.id) {
        "" => Ok(None),
        "yes" => Ok(Some(AnswerValue::YesNo(true))),
        "no" => Ok(Some(AnswerValue::YesNo(false))),
        _ => Err(vec![FieldError::whole(question, Message::SelectRequired)]),
    }
}

/// "Yes" or "No".
pub(super) fn display(yes: bool, language: Language) -> String {
    let word = if yes { Word::Yes } else { Word::No };
    word.text(language).to_owned()
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::definition::AnswerType;
    use proptest::prelude::*;

    #[test]
    fn yes_and_no_only() {
        let q = named(AnswerType::YesNo {}, "if you have a vehicle");
        assert_eq!(run(&q, &one("no")), Ok(Some(AnswerValue::YesNo(false))));
        assert_eq!(error(&q, "maybe"), "Select if you have a vehicle");
        assert_eq!(display(true, Language::Cy), "Ie");
    }

    proptest! {
        #[test]
        fn any_text_is_read_or_refused(text in ".*") {
            let _ = run(&question(AnswerType::YesNo {}), &one(&text));
        }
    }
}
