//! A time of day in two fields, hour (0 to 23) and minute.

use super::{AnswerValue, FieldError, Outcome, Submitted, field};
use crate::definition::{Language, Question};
use crate::messages::{Message, Part};

fn number(text: &str, max: u8) -> Result<Option<u8>, ()> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if text.len() > 2 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(());
    }
    match text.parse::<u8>() {
        Ok(n) if n <= max => Ok(Some(n)),
        _ => Err(()),
    }
}

/// Reads a time of day.
pub(super) fn read(question: &Question, submitted: &Submitted) -> Outcome {
    let hour = number(submitted.get(&field(question, Part::Hour)), 23);
    let minute = number(submitted.get(&field(question, Part::Minute)), 59);
    match (hour, minute) {
        (Ok(None), Ok(None)) => Ok(None),
        (Ok(Some(hour)), Ok(Some(minute))) => Ok(Some(AnswerValue::Time { hour, minute })),
        (Ok(None), _) => Err(vec![FieldError::parts(
            question,
            &[Part::Hour],
            Message::MissingParts(vec![Part::Hour]),
        )]),
        (_, Ok(None)) => Err(vec![FieldError::parts(
            question,
            &[Part::Minute],
            Message::MissingParts(vec![Part::Minute]),
        )]),
        (Err(()), Err(())) => Err(vec![FieldError::parts(
            question,
            &[Part::Hour, Part::Minute],
            Message::NotARealTime,
        )]),
        (Err(()), _) => Err(vec![FieldError::parts(
            question,
            &[Part::Hour],
            Message::NotARealTime,
        )]),
        (_, Err(())) => Err(vec![FieldError::parts(
            question,
            &[Part::Minute],
            Message::NotARealTime,
        )]),
    }
}

/// The GOV.UK style: `9:30am`, `5pm`, `midday`, `midnight` (Welsh `9:30yb`, `canol dydd`).
pub(super) fn display(hour: u8, minute: u8, language: Language) -> String {
    let cy = language == Language::Cy;
    match (hour, minute) {
        (0, 0) => (if cy { "hanner nos" } else { "midnight" }).to_owned(),
        (12, 0) => (if cy { "canol dydd" } else { "midday" }).to_owned(),
        _ => {
            let suffix = match (hour < 12, cy) {
                (true, false) => "am",
                (false, false) => "pm",
                (true, true) => "yb",
                (false, true) => "yh",
            };
            let h = match hour % 12 {
                0 => 12,
                h => h,
            };
            if minute == 0 {
                format!("{h}{suffix}")
            } else {
                format!("{h}:{minute:02}{suffix}")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::definition::AnswerType;
    use proptest::prelude::*;

    fn parts(h: &str, m: &str) -> Submitted {
        Submitted::from_pairs([("q.hour", h), ("q.minute", m)])
    }

    #[test]
    fn times_are_read_and_shown_in_gov_uk_style() {
        let q = named(AnswerType::Time {}, "the time of the incident");
        assert_eq!(
            run(&q, &parts("09", "30")),
            Ok(Some(AnswerValue::Time {
                hour: 9,
                minute: 30
            }))
        );
        assert_eq!(
            run(&q, &parts("25", "00")),
            Err(vec!["Time of the incident must be a real time".to_owned()])
        );
        assert_eq!(
            run(&q, &parts("9", "")),
            Err(vec![
                "Time of the incident must include a minute".to_owned()
            ])
        );
        assert_eq!(display(17, 0, Language::En), "5pm");
        assert_eq!(display(0, 5, Language::En), "12:05am");
        assert_eq!(display(12, 0, Language::En), "midday");
        assert_eq!(display(9, 30, Language::Cy), "9:30yb");
    }

    proptest! {
        #[test]
        fn any_parts_are_read_or_refused(h in ".{0,4}", m in ".{0,4}") {
            let _ = run(&question(AnswerType::Time {}), &parts(&h, &m));
        }
    }
}
