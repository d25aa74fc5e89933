//! Dates in the Design System's date input (day, month and year boxes), read as its
//! guidance says: ordinals (`1st`) and month names (`Jan`, `January`, `Ionawr`) accepted,
//! errors on the parts at fault, only those parts highlighted. Dates of birth and months and
//! years are read and shown with the pieces here.

use civic_components::i18n::Text as ComponentText;
use maud::Markup;
use time::{Date, Month};

use super::{AnswerKind, AnswerValue, FieldError, Outcome, Submitted, field};
use crate::definition::{DateOptions, DateRule, Language, Question};
use crate::messages::{MONTHS, Message, Part};
use crate::render::parts::legend;
use crate::render::{FieldContext, components_language, date_input, date_item};

/// The parts of a date, in the order they are asked.
pub(super) const DATE_PARTS: &[Part] = &[Part::Day, Part::Month, Part::Year];

/// A date, with the question's rule about where it must fall.
pub(super) struct Kind<'a>(pub(super) &'a DateOptions);

impl AnswerKind for Kind<'_> {
    fn parts(&self) -> &'static [Part] {
        DATE_PARTS
    }

    fn read(&self, question: &Question, submitted: &Submitted, today: Date) -> Outcome {
        read(
            question,
            self.0.must_be,
            self.0.within_the_last_days,
            submitted,
            today,
        )
    }

    /// "Enter ...", with every box highlighted.
    fn required(&self, question: &Question) -> FieldError {
        FieldError::parts(question, DATE_PARTS, Message::Required)
    }

    fn field(&self, question: &Question, at: FieldContext<'_>) -> Markup {
        date_field(question, DATE_PARTS, false, at)
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

/// The date input for `parts` of a date, with the values last `submitted`; `birthday` lets
/// the browser fill in the resident's own birthday.
pub(super) fn date_field(
    question: &Question,
    parts: &[Part],
    birthday: bool,
    at: FieldContext<'_>,
) -> Markup {
    let FieldContext {
        language,
        page_heading,
        ..
    } = at;
    let words = components_language(language);
    let items = parts
        .iter()
        .map(|&part| {
            let (label, width, autocomplete) = match part {
                Part::Day => (ComponentText::Day, "govuk-input--width-2", "bday-day"),
                Part::Month => (ComponentText::Month, "govuk-input--width-2", "bday-month"),
                _ => (ComponentText::Year, "govuk-input--width-4", "bday-year"),
            };
            let mut item = date_item(question, part, words.text(label), width, at);
            if birthday {
                item.autocomplete = Some(autocomplete.to_owned());
            }
            item
        })
        .collect();
    let hint = question
        .hint
        .as_ref()
        .map(|hint| hint.in_language(language));
    date_input(
        question,
        items,
        legend(question, language, page_heading),
        hint,
        at,
    )
}

/// What one part of a date held.
pub(super) enum Read<T> {
    Missing,
    Wrong,
    Value(T),
}

pub(super) fn day(text: &str) -> Read<u8> {
    let text = text.trim().to_ascii_lowercase();
    if text.is_empty() {
        return Read::Missing;
    }
    let digits = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|suffix| text.strip_suffix(suffix))
        .unwrap_or(&text);
    match digits.parse::<u8>() {
        Ok(d @ 1..=31) if digits.len() <= 2 && digits.bytes().all(|b| b.is_ascii_digit()) => {
            Read::Value(d)
        }
        _ => Read::Wrong,
    }
}

pub(super) fn month(text: &str) -> Read<u8> {
    let text = text.trim().trim_end_matches('.').to_lowercase();
    if text.is_empty() {
        return Read::Missing;
    }
    if text.bytes().all(|b| b.is_ascii_digit()) {
        return match text.parse::<u8>() {
            Ok(m @ 1..=12) if text.len() <= 2 => Read::Value(m),
            _ => Read::Wrong,
        };
    }
    for (index, (english, welsh)) in MONTHS.iter().enumerate() {
        let english = english.to_lowercase();
        let abbreviation = &english[..3];
        // "Sept" is written as often as "Sep".
        if text == english
            || text == abbreviation
            || text == welsh.to_lowercase()
            || (index == 8 && text == "sept")
        {
            return Read::Value(index as u8 + 1);
        }
    }
    Read::Wrong
}

/// A year must be written with 4 digits; `Err(())` for other digits ("Year must include 4
/// numbers"), `Wrong` for anything else.
pub(super) fn year(text: &str) -> Result<Read<i32>, ()> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(Read::Missing);
    }
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(Read::Wrong);
    }
    if text.len() != 4 {
        return Err(());
    }
    Ok(text.parse().map_or(Read::Wrong, Read::Value))
}

/// Reads a date; `rule` and `within_days` say where it must fall relative to `today`.
pub(super) fn read(
    question: &Question,
    rule: Option<DateRule>,
    within_days: Option<u16>,
    submitted: &Submitted,
    today: Date,
) -> Outcome {
    let parts = [Part::Day, Part::Month, Part::Year];
    let texts = parts.map(|p| submitted.get(&field(question, p)).to_owned());
    let (d, m) = (day(&texts[0]), month(&texts[1]));
    let y = year(&texts[2]);
    let missing: Vec<Part> = parts
        .iter()
        .zip([
            matches!(d, Read::Missing),
            matches!(m, Read::Missing),
            matches!(y, Ok(Read::Missing)),
        ])
        .filter_map(|(p, missing)| missing.then_some(*p))
        .collect();
    if missing.len() == 3 {
        return Ok(None);
    }
    let whole = |message| Err(vec![FieldError::parts(question, &parts, message)]);
    if !missing.is_empty() {
        return Err(vec![FieldError::parts(
            question,
            &missing,
            Message::MissingParts(missing.clone()),
        )]);
    }
    let wrong: Vec<Part> = parts
        .iter()
        .zip([
            matches!(d, Read::Wrong),
            matches!(m, Read::Wrong),
            matches!(y, Ok(Read::Wrong)),
        ])
        .filter_map(|(p, wrong)| wrong.then_some(*p))
        .collect();
    if !wrong.is_empty() {
        // One part at fault is highlighted alone; several, the whole date.
        let at_fault: &[Part] = if wrong.len() == 1 { &wrong } else { &parts };
        return Err(vec![FieldError::parts(
            question,
            at_fault,
            Message::NotARealDate,
        )]);
    }
    let (Read::Value(d), Read::Value(m), Ok(Read::Value(y))) = (d, m, y) else {
        return Err(vec![FieldError::parts(
            question,
            &[Part::Year],
            Message::YearNotFourDigits,
        )]);
    };
    let Some(date) = Month::try_from(m)
        .ok()
        .and_then(|m| Date::from_calendar_date(y, m, d).ok())
    else {
        return whole(Message::NotARealDate);
    };
    let broken = match rule {
        Some(DateRule::InThePast) if date >= today => Some(Message::MustBeInThePast),
        Some(DateRule::TodayOrInThePast) if date > today => Some(Message::MustBeTodayOrInThePast),
        Some(DateRule::InTheFuture) if date <= today => Some(Message::MustBeInTheFuture),
        Some(DateRule::TodayOrInTheFuture) if date < today => {
            Some(Message::MustBeTodayOrInTheFuture)
        }
        _ => match within_days {
            Some(_) if date > today => Some(Message::MustBeTodayOrInThePast),
            Some(days) if date < today - time::Duration::days(i64::from(days)) => {
                Some(Message::MustBeWithinTheLastDays(days))
            }
            _ => None,
        },
    };
    match broken {
        Some(message) => whole(message),
        None => Ok(Some(AnswerValue::Date(date))),
    }
}

/// A date answer as its one line, or `None` for an answer of another kind.
pub(super) fn date_lines(value: &AnswerValue, language: Language) -> Option<Vec<String>> {
    match value {
        AnswerValue::Date(date) => Some(vec![display(*date, language)]),
        _ => None,
    }
}

/// `15 June 2025`, or `15 Mehefin 2025`.
fn display(date: Date, language: Language) -> String {
    let (english, welsh) = MONTHS[usize::from(u8::from(date.month())) - 1];
    let name = if language == Language::Cy {
        welsh
    } else {
        english
    };
    format!("{} {name} {}", date.day(), date.year())
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::super::{Submitted, read as read_answer};
    use super::*;
    use crate::definition::AnswerType;
    use proptest::prelude::*;
    use time::macros::date;

    fn dob() -> Question {
        Question::new(
            "dob",
            "What is your date of birth?",
            AnswerType::DateOfBirth {},
        )
        .error_name("your date of birth")
    }

    fn parts(day: &str, month: &str, year: &str) -> Submitted {
        Submitted::from_pairs([("dob.day", day), ("dob.month", month), ("dob.year", year)])
    }

    fn errors(day: &str, month: &str, year: &str) -> Vec<(String, String, Vec<Part>)> {
        let q = dob();
        read_answer(&q, &parts(day, month, year), today())
            .unwrap_err()
            .into_iter()
            .map(|e| (e.key(), e.text(&q, Language::En), e.highlight))
            .collect()
    }

    #[test]
    fn the_design_system_examples() {
        assert_eq!(errors("", "", "")[0].1, "Enter your date of birth");
        assert_eq!(
            errors("1", "", "1990"),
            [(
                "dob.month".into(),
                "Date of birth must include a month".into(),
                vec![Part::Month]
            )]
        );
        assert_eq!(
            errors("", "", "1990")[0].1,
            "Date of birth must include a day and month"
        );
        assert_eq!(
            errors("1", "13", "1990"),
            [(
                "dob.month".into(),
                "Date of birth must be a real date".into(),
                vec![Part::Month]
            )]
        );
        assert_eq!(
            errors("31", "2", "1990")[0],
            (
                "dob.day".into(),
                "Date of birth must be a real date".into(),
                vec![Part::Day, Part::Month, Part::Year]
            )
        );
        assert_eq!(
            errors("1", "2", "90"),
            [(
                "dob.year".into(),
                "Year must include 4 numbers".into(),
                vec![Part::Year]
            )]
        );
        assert_eq!(
            errors("16", "6", "2025")[0].1,
            "Date of birth must be in the past"
        );
    }

    #[test]
    fn month_names_and_ordinals_are_accepted() {
        for (d, m) in [
            ("1st", "Jan"),
            ("01", "january"),
            ("1", "JAN."),
            ("1", "Ionawr"),
            ("1", "01"),
        ] {
            assert_eq!(
                read_answer(&dob(), &parts(d, m, "1990"), today()),
                Ok(Some(AnswerValue::Date(date!(1990 - 01 - 01)))),
                "{d} {m}"
            );
        }
        assert_eq!(display(date!(1990 - 09 - 05), Language::Cy), "5 Medi 1990");
    }

    #[test]
    fn rules_relative_to_today() {
        let q = Question::new(
            "q",
            "When?",
            AnswerType::Date(crate::definition::DateOptions {
                must_be: Some(DateRule::TodayOrInTheFuture),
                within_the_last_days: None,
            }),
        )
        .error_name("the collection date");
        let s = Submitted::from_pairs([("q.day", "14"), ("q.month", "6"), ("q.year", "2025")]);
        assert_eq!(
            run(&q, &s),
            Err(vec![
                "Collection date must be today or in the future".to_owned()
            ])
        );
        let s = Submitted::from_pairs([("q.day", "15"), ("q.month", "6"), ("q.year", "2025")]);
        assert!(run(&q, &s).is_ok());
    }

    #[test]
    fn within_the_last_days_counts_back_from_today() {
        let q = Question::new(
            "q",
            "When was your bin due to be collected?",
            AnswerType::Date(crate::definition::DateOptions {
                must_be: None,
                within_the_last_days: Some(7),
            }),
        )
        .error_name("the collection date");
        let on = |day: &str| {
            let s = Submitted::from_pairs([("q.day", day), ("q.month", "6"), ("q.year", "2025")]);
            run(&q, &s)
        };
        // Today is 15 June 2025: 8 to 15 June are within the last 7 days.
        assert!(on("8").is_ok());
        assert!(on("15").is_ok());
        assert_eq!(
            on("7"),
            Err(vec![
                "Collection date must be within the last 7 days".to_owned()
            ])
        );
        assert_eq!(
            on("16"),
            Err(vec![
                "Collection date must be today or in the past".to_owned()
            ])
        );
        let rule: crate::definition::DateOptions =
            serde_yaml::from_str("within_the_last_days: 7").unwrap();
        assert_eq!(rule.within_the_last_days, Some(7));
    }

    proptest! {
        #[test]
        fn any_parts_are_read_or_refused(d in ".{0,6}", m in ".{0,10}", y in ".{0,6}") {
            let _ = read_answer(&dob(), &parts(&d, &m, &y), today());
        }
    }
}

#[cfg(test)]
mod field_tests {
    use time::macros::date;

    use super::*;
    use crate::answers::read_page;
    use crate::definition::{FormDefinition, Format};
    use crate::render::{PageErrors, question_field};

    #[test]
    fn only_the_part_in_error_is_highlighted_and_values_reshown() {
        let form = FormDefinition::parse(
            r#"
id: test
title: Test
pages:
  - id: born
    questions:
      - id: dob
        label: What is your date of birth?
        error_name: your date of birth
        answer: { type: date_of_birth }
"#,
            Format::Yaml,
        )
        .unwrap();
        let page = &form.pages[0];
        let submitted =
            Submitted::from_pairs([("dob.day", "1"), ("dob.month", "13"), ("dob.year", "1990")]);
        let errors = read_page(page, &submitted, date!(2026 - 11 - 28)).unwrap_err();
        let page_errors = PageErrors::new(page, &errors, Language::En);
        let html = question_field(
            &page.questions[0],
            &submitted,
            &page_errors,
            Language::En,
            true,
        )
        .into_string();
        let error_inputs = html.matches("govuk-input--error").count();
        assert_eq!(error_inputs, 1, "{html}");
        let month = html.find(r#"id="dob.month""#).unwrap();
        let error = html.find("govuk-input--error").unwrap();
        let day = html.find(r#"id="dob.day""#).unwrap();
        let year = html.find(r#"id="dob.year""#).unwrap();
        assert!(day < error && error < month && month < year, "{html}");
        assert!(html.contains(r#"value="13""#), "{html}");
        assert!(html.contains(r#"autocomplete="bday-month""#), "{html}");
        assert!(
            html.contains(&page_errors.message("dob").unwrap()),
            "{html}"
        );
        assert!(html.contains("<h1"), "{html}");
    }

    #[test]
    fn welsh_month_year_has_no_day_box() {
        let form = FormDefinition::parse(
            "id: t\ntitle: T\npages:\n  - id: p\n    questions:\n      - id: expiry\n        label: Expiry\n        answer: { type: month_year }\n",
            Format::Yaml,
        )
        .unwrap();
        let page = &form.pages[0];
        let page_errors = PageErrors::new(page, &[], Language::Cy);
        let html = question_field(
            &page.questions[0],
            &Submitted::default(),
            &page_errors,
            Language::Cy,
            false,
        )
        .into_string();
        assert!(!html.contains("expiry.day"), "{html}");
        assert!(html.contains("Mis") && html.contains("Blwyddyn"), "{html}");
        assert!(!html.contains("govuk-input--error"), "{html}");
    }
}
