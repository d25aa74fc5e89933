//! UK vehicle registration numbers in the current, prefix, suffix, dateless and Northern
//! Ireland formats, with spaces and punctuation ignored.

use maud::Markup;
use time::Date;

use super::{AnswerKind, AnswerValue, FieldError, Outcome, Submitted, compact, text_lines};
use crate::definition::{Language, Question};
use crate::messages::Message;
use crate::render::{FieldContext, text_input};

/// A UK vehicle registration number.
pub(super) struct Kind;

impl AnswerKind for Kind {
    fn read(&self, question: &Question, submitted: &Submitted, _today: Date) -> Outcome {
        read(question, submitted)
    }

    /// A short input in capitals with spellcheck off.
    fn field(&self, question: &Question, at: FieldContext<'_>) -> Markup {
        text_input(question, at, |input| {
            input
                .spellcheck(false)
                .autocapitalize("characters")
                .classes("govuk-input--width-10")
        })
    }

    fn display(&self, _: &Question, value: &AnswerValue, _: Language) -> Option<Vec<String>> {
        text_lines(value)
    }
}

/// Reads a registration; current-style numbers are kept as `CU57 ABC`, others compact.
fn read(question: &Question, submitted: &Submitted) -> Outcome {
    let typed = submitted.get(&question.id);
    if typed.trim().is_empty() {
        return Ok(None);
    }
    let code = compact(typed);
    match shape(&code) {
        Some(Shape::Current) => Ok(Some(AnswerValue::Text(format!(
            "{} {}",
            &code[..4],
            &code[4..]
        )))),
        Some(Shape::Other) => Ok(Some(AnswerValue::Text(code))),
        None => Err(vec![FieldError::whole(
            question,
            Message::VehicleRegistrationFormat,
        )]),
    }
}

enum Shape {
    Current,
    Other,
}

/// Runs of letters (`A`) and digits (`9`), like `AA99AAA`.
fn pattern(code: &str) -> Vec<(bool, usize)> {
    let mut runs: Vec<(bool, usize)> = Vec::new();
    for c in code.chars() {
        let letter = c.is_ascii_alphabetic();
        match runs.last_mut() {
            Some((l, n)) if *l == letter => *n += 1,
            _ => runs.push((letter, 1)),
        }
    }
    runs
}

fn shape(code: &str) -> Option<Shape> {
    if code.is_empty() || code.len() > 7 {
        return None;
    }
    let runs = pattern(code);
    // Each spec is a run of letters (true) or digits, with the fewest and most characters.
    let matches = |spec: &[(bool, usize, usize)]| {
        runs.len() == spec.len()
            && runs
                .iter()
                .zip(spec)
                .all(|(&(letter, n), &(letters, lo, hi))| {
                    letter == letters && (lo..=hi).contains(&n)
                })
    };
    if matches(&[(true, 2, 2), (false, 2, 2), (true, 3, 3)]) {
        return Some(Shape::Current);
    }
    let others: [&[(bool, usize, usize)]; 4] = [
        &[(true, 1, 1), (false, 1, 3), (true, 3, 3)], // prefix: A123 BCD
        &[(true, 3, 3), (false, 1, 3), (true, 1, 1)], // suffix: ABC 123D
        &[(true, 1, 3), (false, 1, 4)],               // dateless and Northern Ireland: ABZ 1234
        &[(false, 1, 4), (true, 1, 3)],               // dateless: 1234 AB
    ];
    others
        .iter()
        .any(|spec| matches(spec))
        .then_some(Shape::Other)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::definition::AnswerType;
    use proptest::prelude::*;

    #[test]
    fn registrations_in_every_format() {
        let q = question(AnswerType::VehicleRegistration {});
        assert_eq!(
            run(&q, &one("cu57-abc")),
            Ok(Some(AnswerValue::Text("CU57 ABC".into())))
        );
        for other in ["A123 BCD", "ABC 123D", "ABZ 1234", "1234 AB"] {
            assert!(run(&q, &one(other)).is_ok(), "{other}");
        }
        for bad in ["C", "ABCDEFG", "12345678", "CU57 AB C1"] {
            assert_eq!(
                error(&q, bad),
                "Enter a real vehicle registration number, like CU57 ABC",
                "{bad}"
            );
        }
    }

    proptest! {
        #[test]
        fn any_text_is_read_or_refused(text in ".*") {
            let _ = run(&question(AnswerType::VehicleRegistration {}), &one(&text));
        }
    }
}
