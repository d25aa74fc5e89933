//! A month and year, like a card's expiry date or when someone moved in, asked in the date
//! input without its day box.

use maud::Markup;
use time::Date;

use super::date::{Read, date_field, month, year};
use super::{AnswerKind, AnswerValue, FieldError, Outcome, Submitted, field};
use crate::definition::{Language, Question};
use crate::messages::{MONTHS, Message, Part};
use crate::render::FieldContext;

/// The parts of a month and year, in the order they are asked.
const PARTS: &[Part] = &[Part::Month, Part::Year];

/// A month and year.
pub(super) struct Kind;

impl AnswerKind for Kind {
    fn parts(&self) -> &'static [Part] {
        PARTS
    }

    fn read(&self, question: &Question, submitted: &Submitted, _today: Date) -> Outcome {
        read(question, submitted)
    }

    fn required(&self, question: &Question) -> FieldError {
        FieldError::parts(question, PARTS, Message::Required)
    }

    fn field(&self, question: &Question, at: FieldContext<'_>) -> Markup {
        date_field(question, PARTS, false, at)
    }

    fn display(
        &self,
        _: &Question,
        value: &AnswerValue,
        language: Language,
    ) -> Option<Vec<String>> {
        match value {
            AnswerValue::MonthYear { year, month } => Some(vec![display(*year, *month, language)]),
            _ => None,
        }
    }
}

/// Reads a month and year.
fn read(question: &Question, submitted: &Submitted) -> Outcome {
    let m = month(submitted.get(&field(question, Part::Month)));
    let y = year(submitted.get(&field(question, Part::Year)));
    let missing: Vec<Part> = [
        (Part::Month, matches!(m, Read::Missing)),
        (Part::Year, matches!(y, Ok(Read::Missing))),
    ]
    .into_iter()
    .filter_map(|(p, missing)| missing.then_some(p))
    .collect();
    match missing.len() {
        2 => return Ok(None),
        1 => {
            return Err(vec![FieldError::parts(
                question,
                &missing,
                Message::MissingParts(missing.clone()),
            )]);
        }
        _ => {}
    }
    match (m, y) {
        (Read::Value(month), Ok(Read::Value(year))) => {
            Ok(Some(AnswerValue::MonthYear { year, month }))
        }
        (Read::Wrong, Ok(Read::Wrong) | Err(())) => Err(vec![FieldError::parts(
            question,
            &[Part::Month, Part::Year],
            Message::NotARealDate,
        )]),
        (Read::Wrong, _) => Err(vec![FieldError::parts(
            question,
            &[Part::Month],
            Message::NotARealDate,
        )]),
        (_, Err(())) => Err(vec![FieldError::parts(
            question,
            &[Part::Year],
            Message::YearNotFourDigits,
        )]),
        _ => Err(vec![FieldError::parts(
            question,
            &[Part::Year],
            Message::NotARealDate,
        )]),
    }
}

/// `June 2025`, or `Mehefin 2025`.
fn display(year: i32, month: u8, language: Language) -> String {
    let (english, welsh) = MONTHS[usize::from(month.clamp(1, 12)) - 1];
    let name = if language == Language::Cy {
        welsh
    } else {
        english
    };
    format!("{name} {year}")
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::definition::AnswerType;
    use proptest::prelude::*;

    fn expiry() -> Question {
        named(AnswerType::MonthYear {}, "the expiry date")
    }

    fn parts(m: &str, y: &str) -> Submitted {
        Submitted::from_pairs([("q.month", m), ("q.year", y)])
    }

    #[test]
    fn month_and_year() {
        assert_eq!(
            run(&expiry(), &parts("Sept", "2027")),
            Ok(Some(AnswerValue::MonthYear {
                year: 2027,
                month: 9
            }))
        );
        assert_eq!(
            run(&expiry(), &parts("", "2027")),
            Err(vec!["Expiry date must include a month".to_owned()])
        );
        assert_eq!(
            run(&expiry(), &parts("13", "2027")),
            Err(vec!["Expiry date must be a real date".to_owned()])
        );
        assert_eq!(
            run(&expiry(), &parts("1", "27")),
            Err(vec!["Year must include 4 numbers".to_owned()])
        );
        assert_eq!(display(2027, 9, Language::En), "September 2027");
    }

    proptest! {
        #[test]
        fn any_parts_are_read_or_refused(m in ".{0,10}", y in ".{0,6}") {
            let _ = run(&expiry(), &parts(&m, &y));
        }
    }
}
