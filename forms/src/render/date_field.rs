//! Dates (date, date of birth, month and year) in the Design System's date input: one box per
//! part, named `<id>.<part>`, only the parts in error highlighted.

use civic_components::i18n::Text as ComponentText;
use civic_components::{DateInput, DateItem, ErrorMessage, Fieldset, Hint, Legend};
use maud::{Markup, Render};

use super::{PageErrors, components_language};
use crate::answers::Submitted;
use crate::definition::{AnswerType, Language, Question};
use crate::messages::{Part, Word};

/// Renders a date-like `question` with the values in `submitted` (the boxes as last sent, so they
/// are re-shown after an error), or `None` when its answer type is not a date.
/// `page_heading` makes the legend the page's `<h1>`.
pub fn date_field(
    question: &Question,
    submitted: &Submitted,
    errors: &PageErrors<'_>,
    language: Language,
    page_heading: bool,
) -> Option<Markup> {
    let parts: &[Part] = match &question.answer {
        AnswerType::Date(_) | AnswerType::DateOfBirth {} => &[Part::Day, Part::Month, Part::Year],
        AnswerType::MonthYear {} => &[Part::Month, Part::Year],
        _ => return None,
    };
    let birthday = matches!(question.answer, AnswerType::DateOfBirth {});
    let words = components_language(language);
    let mut input = DateInput::new(&question.id).language(words);
    input.items = parts
        .iter()
        .map(|&part| {
            let key = format!("{}.{}", question.id, part.key());
            let (label, width, autocomplete) = match part {
                Part::Day => (ComponentText::Day, "govuk-input--width-2", "bday-day"),
                Part::Month => (ComponentText::Month, "govuk-input--width-2", "bday-month"),
                _ => (ComponentText::Year, "govuk-input--width-4", "bday-year"),
            };
            let mut item = DateItem::new(&key);
            item.id = Some(key.clone());
            item.label = Some(words.text(label).to_owned());
            item.value = Some(submitted.get(&key).to_owned());
            item.classes = Some(width.to_owned());
            item.error = Some(errors.highlights(&question.id, Some(part)));
            item.inputmode = Some("numeric".to_owned());
            if birthday {
                item.autocomplete = Some(autocomplete.to_owned());
            }
            item
        })
        .collect();
    let mut legend_text = question.label.in_language(language).to_owned();
    if question.optional {
        legend_text = format!("{legend_text} {}", Word::Optional.text(language));
    }
    let mut legend = Legend::text(legend_text).page_heading(page_heading);
    if page_heading {
        legend.classes = Some("govuk-fieldset__legend--l".to_owned());
    }
    input = input.fieldset(Fieldset::new().legend(legend));
    if let Some(hint) = &question.hint {
        input = input.hint(Hint::text(hint.in_language(language)));
    }
    if let Some(message) = errors.message(&question.id) {
        input = input.error_message(ErrorMessage::text(message));
    }
    Some(input.render())
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;
    use crate::answers::read_page;
    use crate::definition::{FormDefinition, Format};

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
        let html = date_field(
            &page.questions[0],
            &submitted,
            &page_errors,
            Language::En,
            true,
        )
        .unwrap()
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
        let html = date_field(
            &page.questions[0],
            &Submitted::default(),
            &page_errors,
            Language::Cy,
            false,
        )
        .unwrap()
        .into_string();
        assert!(!html.contains("expiry.day"), "{html}");
        assert!(html.contains("Mis") && html.contains("Blwyddyn"), "{html}");
        assert!(!html.contains("govuk-input--error"), "{html}");
    }
}
