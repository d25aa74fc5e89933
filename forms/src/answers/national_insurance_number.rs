//! National Insurance numbers, like QQ 12 34 56 C, with spaces and punctuation ignored.

use maud::Markup;
use time::Date;

use super::{AnswerKind, AnswerValue, FieldError, Outcome, Submitted, compact, text_lines};
use crate::definition::{Language, Question};
use crate::messages::Message;
use crate::render::{FieldContext, text_input};

/// Prefixes HMRC never issues.
const NEVER_ISSUED: &[&str] = &["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"];

/// A National Insurance number, kept as `QQ 12 34 56 C`.
pub(super) struct Kind;

impl AnswerKind for Kind {
    fn read(&self, question: &Question, submitted: &Submitted, _today: Date) -> Outcome {
        read(question, submitted)
    }

    /// A short input with spellcheck off.
    fn field(&self, question: &Question, at: FieldContext<'_>) -> Markup {
        text_input(question, at, |input| {
            input.spellcheck(false).classes("govuk-input--width-10")
        })
    }

    fn display(&self, _: &Question, value: &AnswerValue, _: Language) -> Option<Vec<String>> {
        text_lines(value)
    }
}

/// Reads a National Insurance number; it is kept as `QQ 12 34 56 C`.
fn read(question: &Question, submitted: &Submitted) -> Outcome {
    let typed = submitted.get(&question.id);
    if typed.trim().is_empty() {
        return Ok(None);
    }
    let code = compact(typed);
    match format(&code) {
        Some(formatted) => Ok(Some(AnswerValue::Text(formatted))),
        None => Err(vec![FieldError::whole(
            question,
            Message::NationalInsuranceFormat,
        )]),
    }
}

/// `QQ123456C` as `QQ 12 34 56 C`, when it follows HMRC's rules for the letters.
fn format(code: &str) -> Option<String> {
    let b = code.as_bytes();
    if b.len() != 9 || !b[2..8].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let (first, second, suffix) = (b[0], b[1], b[8]);
    let letters_ok = first.is_ascii_uppercase()
        && second.is_ascii_uppercase()
        && !b"DFIQUV".contains(&first)
        && !b"DFIOQUV".contains(&second)
        && !NEVER_ISSUED.contains(&&code[..2])
        && b"ABCD".contains(&suffix);
    letters_ok.then(|| {
        format!(
            "{} {} {} {} {}",
            &code[..2],
            &code[2..4],
            &code[4..6],
            &code[6..8],
            &code[8..]
        )
    })
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::definition::AnswerType;
    use proptest::prelude::*;

    #[test]
    fn spaces_and_punctuation_are_ignored() {
        let q = question(AnswerType::NationalInsuranceNumber {});
        assert_eq!(
            run(&q, &one("ab-12.34 56c")),
            Ok(Some(AnswerValue::Text("AB 12 34 56 C".into())))
        );
        let message = "Enter a National Insurance number that is 2 letters, 6 numbers, then A, B, C or D, like QQ 12 34 56 C";
        for bad in [
            "AB123456",
            "AB123456E",
            "DA123456A",
            "GB123456A",
            "A1234567B",
        ] {
            assert_eq!(error(&q, bad), message, "{bad}");
        }
    }

    proptest! {
        #[test]
        fn any_text_is_read_or_refused(text in ".*") {
            let _ = run(&question(AnswerType::NationalInsuranceNumber {}), &one(&text));
        }
    }
}
