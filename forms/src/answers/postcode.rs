//! UK postcodes, read by civic-address-lookup with any spacing, case or punctuation.

use civic_address_lookup::Postcode;

use super::{AnswerValue, FieldError, Outcome, Submitted};
use crate::definition::Question;
use crate::messages::Message;

/// Reads a postcode; it is kept in its normal form, like `SW1A 2AA`.
pub(super) fn read(question: &Question, submitted: &Submitted) -> Outcome {
    let typed = submitted.get(&question.id).trim();
    if typed.is_empty() {
        return Ok(None);
    }
    match Postcode::parse(typed) {
        Ok(postcode) => Ok(Some(AnswerValue::Text(postcode.as_str().to_owned()))),
        Err(_) => Err(vec![FieldError::whole(question, Message::PostcodeFormat)]),
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::definition::AnswerType;
    use proptest::prelude::*;

    #[test]
    fn postcodes_are_normalised() {
        let q = question(AnswerType::Postcode {});
        assert_eq!(
            run(&q, &one("sw1a-2aa")),
            Ok(Some(AnswerValue::Text("SW1A 2AA".into())))
        );
        assert_eq!(error(&q, "SW1A"), "Enter a real postcode");
        assert_eq!(error(&q, ""), "Enter a postcode");
    }

    proptest! {
        #[test]
        fn any_text_is_read_or_refused(text in ".*") {
            let _ = run(&question(AnswerType::Postcode {}), &one(&text));
        }
    }
}
