//! A time of day in two boxes, hour (0 to 23) and minute, laid out like the Design System's
//! date input (named `<id>.hour` and `<id>.minute`), only the box in error highlighted.

use maud::Markup;
use time::Date;

use super::{AnswerKind, AnswerValue, FieldError, Outcome, Submitted, field};
use crate::definition::{Language, Question};
use crate::messages::{FieldText, Message, Part};
use crate::render::parts::group_legend;
use crate::render::{FieldContext, date_input, date_item};

/// The parts of a time, in the order they are asked.
const PARTS: &[Part] = &[Part::Hour, Part::Minute];

/// A time of day.
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

    /// Hour and minute boxes; without a hint of its own the question says to use the 24-hour
    /// clock.
    fn field(&self, question: &Question, at: FieldContext<'_>) -> Markup {
        let FieldContext {
            language,
            page_heading,
            ..
        } = at;
        let items = [
            (Part::Hour, FieldText::Hour),
            (Part::Minute, FieldText::Minute),
        ]
        .into_iter()
        .map(|(part, label)| {
            let label = label.text(language);
            date_item(question, part, label, "govuk-input--width-2", at)
        })
        .collect();
        let hint = match &question.hint {
            Some(hint) => hint.in_language(language),
            None => FieldText::TimeHint.text(language),
        };
        date_input(
            question,
            items,
            group_legend(question, language, page_heading),
            Some(hint),
            at,
        )
    }

    fn display(
        &self,
        _: &Question,
        value: &AnswerValue,
        language: Language,
    ) -> Option<Vec<String>> {
        match value {
            AnswerValue::Time { hour, minute } => Some(vec![display(*hour, *minute, language)]),
            _ => None,
        }
    }
}

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
fn read(question: &Question, submitted: &Submitted) -> Outcome {
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
fn display(hour: u8, minute: u8, language: Language) -> String {
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

#[cfg(test)]
mod field_tests {
    use super::*;
    use crate::definition::{FormDefinition, Format};

    fn form() -> FormDefinition {
        FormDefinition::parse(
            "id: t\ntitle: T\npages:\n  - id: p\n    questions:\n      - id: when\n        label: { en: What time did it happen?, cy: Faint o’r gloch ddigwyddodd e? }\n        error_name: { en: the time it happened, cy: yr amser y digwyddodd }\n        answer: { type: time }\n",
            Format::Yaml,
        )
        .unwrap()
    }

    fn render(submitted: &Submitted, language: Language) -> String {
        let form = form();
        crate::render::field_test::render(&form, submitted, language, true)
    }

    #[test]
    fn only_the_minute_in_error_is_highlighted() {
        let submitted = Submitted::from_pairs([("when.hour", "14"), ("when.minute", "75")]);
        let html = render(&submitted, Language::En);
        assert_eq!(html.matches("govuk-input--error").count(), 1, "{html}");
        let error = html.find("govuk-input--error").unwrap();
        assert!(html.find(r#"id="when.hour""#).unwrap() < error, "{html}");
        assert!(error < html.find(r#"id="when.minute""#).unwrap(), "{html}");
        assert!(
            html.contains("Time it happened must be a real time"),
            "{html}"
        );
        assert!(
            html.contains(r#"value="14""#) && html.contains(r#"value="75""#),
            "{html}"
        );
        assert!(html.contains("24-hour clock"), "{html}");
        assert!(!html.contains("-day"), "{html}");
    }

    #[test]
    fn welsh_labels_and_escaped_values() {
        let submitted = Submitted::from_pairs([("when.hour", "<b>"), ("when.minute", "")]);
        let html = render(&submitted, Language::Cy);
        assert!(html.contains("Awr") && html.contains("Munud"), "{html}");
        assert!(html.contains("cloc 24 awr"), "{html}");
        assert!(
            html.contains("&lt;b&gt;") && !html.contains("<b>"),
            "{html}"
        );
    }
}
